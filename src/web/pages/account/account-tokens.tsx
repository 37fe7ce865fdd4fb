import { Badge, Button, Card, Code, Group, Table, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiToken } from '../../../contracts/tokens.js';
import { useRevokeToken, useTokens } from '../../api/tokens.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { date, dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';
import { CreateTokenModal } from './account-token-create.js';

function tokenState(t: ApiToken): { label: string; color: StatusColor } {
  if (t.revokedAt) return { label: 'revoked', color: 'gray' };
  if (new Date(t.expiresAt) <= new Date()) return { label: 'expired', color: 'orange' };
  return { label: 'active', color: 'teal' };
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  const state = tokenState(token);
  return (
    <Table.Tr>
      <Table.Td fw={500}>{token.name}</Table.Td>
      <Table.Td>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {token.scopes.map((s) => (
            <Badge key={s} size="xs" variant="outline" color="gray" tt="none">
              {s}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(token.expiresAt)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(token.lastUsedAt, 'never')}</Table.Td>
      <Table.Td>
        <StatusBadge color={state.color}>{state.label}</StatusBadge>
      </Table.Td>
      <Table.Td ta="right">
        {state.label === 'active' && (
          <ConfirmButton
            title={`Revoke ${token.name}?`}
            message="Anything still using this token is refused from now on. This cannot be undone."
            confirmLabel="Revoke"
            onConfirm={onRevoke}
          >
            {(open) => (
              <Button size="xs" variant="subtle" color="red" onClick={open}>
                Revoke
              </Button>
            )}
          </ConfirmButton>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function TokensCard() {
  const [creating, setCreating] = useState(false);
  const tokens = useTokens();
  const revoke = useRevokeToken({ onSuccess: () => notifySuccess('Token revoked'), onError: notifyError });
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4">
          API tokens
        </Title>
        <Button size="xs" leftSection={<IconKey size={14} aria-hidden />} onClick={() => setCreating(true)}>
          Create token
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        For automation such as CI pushing check results: send <Code>Authorization: Bearer tlt_…</Code>. A
        token can do only what you can, within its scopes.
      </Text>
      <QueryState loading={tokens.isLoading} error={tokens.error}>
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data?.items.map((t) => (
                <TokenRow key={t.id} token={t} onRevoke={() => revoke.mutate(t.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {tokens.data?.total === 0 && (
          <Text c="dimmed" ta="center" py="md">
            You have no API tokens.
          </Text>
        )}
      </QueryState>
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
