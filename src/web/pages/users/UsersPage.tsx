import { Badge, Button, Card, Checkbox, Group, Select, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Role } from '../../../contracts/permissions.js';
import type { User } from '../../../contracts/users.js';
import { useUpdateUser, useUsers } from '../../api/users.js';
import { useSession } from '../../auth/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { roleColors, roleLabels, roleOptions } from '../../ui/roles.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { FrameworkScopeButton } from './users-framework-scope.js';
import { InviteModal } from './users-invite.js';

const PAGE_SIZE = 25;
const statusColors: Record<User['status'], StatusColor> = {
  active: 'teal',
  invited: 'yellow',
  disabled: 'gray',
};
const statusLabels: Record<User['status'], string> = {
  active: 'active',
  invited: 'invited',
  disabled: 'disabled',
};

function StatusAction({ user, onChange }: { user: User; onChange: (status: User['status']) => void }) {
  if (user.status === 'invited') return null;
  if (user.status === 'disabled') {
    return (
      <Button size="xs" variant="subtle" color="teal" onClick={() => onChange('active')}>
        Enable
      </Button>
    );
  }
  return (
    <ConfirmButton
      title={`Disable ${user.name}?`}
      message={`${user.email} is signed out everywhere and cannot sign in until enabled again. Their API tokens stop working.`}
      confirmLabel="Disable"
      onConfirm={() => onChange('disabled')}
    >
      {(open) => (
        <Button size="xs" variant="subtle" color="red" onClick={open}>
          Disable
        </Button>
      )}
    </ConfirmButton>
  );
}

function UserRow({ user, manage, self }: { user: User; manage: boolean; self: boolean }) {
  const update = useUpdateUser(user.id, {
    onSuccess: (u) => {
      notifySuccess(`${u.name} is now ${u.status === 'disabled' ? 'disabled' : roleLabels[u.role]}`);
    },
    onError: notifyError,
  });
  const editable = manage && !self;
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {user.name}
          </Text>
          {self && (
            <Badge size="xs" variant="outline" color="gray" tt="none">
              you
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        {editable ? (
          <Select
            aria-label={`Role of ${user.name}`}
            size="xs"
            w={190}
            data={roleOptions}
            value={user.role}
            allowDeselect={false}
            disabled={update.isPending}
            onChange={(v) => v && v !== user.role && update.mutate({ role: v as Role })}
          />
        ) : (
          <Badge variant="light" color={roleColors[user.role]} tt="none">
            {roleLabels[user.role]}
          </Badge>
        )}
        {editable && user.role !== 'auditor' && user.role !== 'admin' ? (
          <Checkbox
            mt={6}
            size="xs"
            label="Incident manager"
            checked={user.duties.includes('incident-manager')}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ duties: e.currentTarget.checked ? ['incident-manager'] : [] })}
          />
        ) : (
          user.duties.includes('incident-manager') && (
            <Text size="xs" c="dimmed" mt={4}>
              Incident manager
            </Text>
          )
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={user.status} labels={statusLabels} colors={statusColors} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(user.lastLoginAt, 'never')}</Table.Td>
      {manage && (
        <Table.Td ta="right">
          <Group gap={4} justify="flex-end" wrap="nowrap">
            {user.role === 'auditor' && <FrameworkScopeButton user={user} />}
            {editable && <StatusAction user={user} onChange={(status) => update.mutate({ status })} />}
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function UsersPage() {
  const { session, can } = useSession();
  const manage = can('users.manage');
  const {
    values: { page },
    setPage,
  } = useListParams({ page: listParam.page() });
  const [inviting, setInviting] = useState(false);
  const users = useUsers(page, PAGE_SIZE);
  return (
    <>
      <PageHeader
        title="Users"
        description="People with access to Tillit and what their role lets them do."
        actions={
          manage && (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
              Invite
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <QueryState loading={users.isLoading} error={users.error}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                  {manage && <Table.Th aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data?.items.map((u) => (
                  <UserRow key={u.id} user={u} manage={manage} self={u.id === session?.user.id} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls total={users.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </>
  );
}
