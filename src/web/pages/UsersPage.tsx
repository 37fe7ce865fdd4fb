import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Page } from '../../contracts/paging.js';
import { type Role, roles } from '../../contracts/permissions.js';
import type { User } from '../../contracts/users.js';
import { api, errorMessage, fieldErrors } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { FormFooter } from '../ui/FormFooter.js';
import { notifyError, notifySuccess } from '../ui/notify.js';
import { PageControls } from '../ui/PageControls.js';
import { PageHeader } from '../ui/PageHeader.js';
import { QueryState } from '../ui/QueryState.js';

const PAGE_SIZE = 25;
const roleOptions = roles.map((r) => ({ value: r, label: r }));
const statusColor: Record<User['status'], string> = { active: 'teal', invited: 'yellow', disabled: 'gray' };

interface InviteResult {
  user: User;
  inviteUrl: string;
  expiresAt: string;
}

function InviteModal({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const invite = useMutation({
    mutationFn: () => api.post<InviteResult>('/api/users/invitations', { email, name, role }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
  const errors = fieldErrors(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <Modal opened onClose={onClose} title="Invite a person" size="lg">
      {invite.data ? (
        <Stack>
          <Alert color="teal" title="Invitation created">
            Send this one-time link to {invite.data.user.email}. It works once and expires{' '}
            {new Date(invite.data.expiresAt).toLocaleString()}.
          </Alert>
          <Code block className="wrap-anywhere" data-testid="invite-url">
            {invite.data.inviteUrl}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={invite.data.inviteUrl}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy link'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            {invite.error && <Alert color="red">{errorMessage(invite.error)}</Alert>}
            <TextInput
              label="E-mail"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              required
              data-autofocus
            />
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              required
            />
            <Select
              label="Role"
              data={roleOptions}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
            />
            <FormFooter busy={invite.isPending} onClose={onClose} submitLabel="Create invitation" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function UserRow({ user, manage }: { user: User; manage: boolean }) {
  const client = useQueryClient();
  const update = useMutation({
    mutationFn: (patch: Partial<Pick<User, 'role' | 'status'>>) =>
      api.patch<User>(`/api/users/${user.id}`, patch),
    onSuccess: (u) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(`${u.name} updated`);
    },
    onError: notifyError,
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        {manage ? (
          <Select
            aria-label={`Role of ${user.name}`}
            size="xs"
            w={180}
            data={roleOptions}
            value={user.role}
            allowDeselect={false}
            onChange={(v) => v && v !== user.role && update.mutate({ role: v as Role })}
          />
        ) : (
          <Badge variant="light">{user.role}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor[user.status]} variant="dot">
          {user.status}
        </Badge>
      </Table.Td>
      <Table.Td>{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString() : '—'}</Table.Td>
      {manage && (
        <Table.Td>
          {user.status !== 'invited' && (
            <Button
              size="xs"
              variant="subtle"
              color={user.status === 'active' ? 'red' : 'teal'}
              onClick={() => update.mutate({ status: user.status === 'active' ? 'disabled' : 'active' })}
            >
              {user.status === 'active' ? 'Disable' : 'Enable'}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function UsersPage() {
  const { can } = useSession();
  const manage = can('users.manage');
  const [page, setPage] = useState(1);
  const [inviting, setInviting] = useState(false);
  const users = useQuery({
    queryKey: ['users', page],
    queryFn: () => api.get<Page<User>>(`/api/users?page=${page}&pageSize=${PAGE_SIZE}`),
  });
  return (
    <>
      <PageHeader
        title="Users"
        description="People with access to Tillit and their roles."
        actions={
          manage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
              Invite
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <QueryState loading={users.isLoading} error={users.error}>
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
                <UserRow key={u.id} user={u} manage={manage} />
              ))}
            </Table.Tbody>
          </Table>
          <PageControls total={users.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </>
  );
}
