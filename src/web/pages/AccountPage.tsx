import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Page } from '../../contracts/paging.js';
import type { Permission } from '../../contracts/permissions.js';
import type { ApiToken } from '../../contracts/tokens.js';
import { api, errorMessage, fieldErrors } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { FormFooter } from '../ui/FormFooter.js';
import { notifyError, notifySuccess } from '../ui/notify.js';
import { PageHeader } from '../ui/PageHeader.js';
import { QueryState } from '../ui/QueryState.js';

function PasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const change = useMutation({
    mutationFn: () => api.post('/api/auth/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      notifySuccess('Password changed; your other sessions were signed out');
    },
  });
  const errors = fieldErrors(change.error);
  const mismatch = repeat.length > 0 && repeat !== next;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) change.mutate();
  };
  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4">
            Password
          </Title>
          {change.error && <Alert color="red">{errorMessage(change.error)}</Alert>}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            required
          />
          <PasswordInput
            label="New password"
            description="At least 12 characters"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            required
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? 'The passwords differ' : undefined}
            required
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { session } = useSession();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const [scopes, setScopes] = useState<string[]>(['organization.read']);
  const create = useMutation({
    mutationFn: () =>
      api.post<{ token: string; apiToken: ApiToken }>('/api/tokens', { name, scopes, expiresInDays: days }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened onClose={onClose} title="Create an API token" size="lg">
      {create.data ? (
        <Stack>
          <Alert color="yellow" title="Copy the token now">
            It is shown only once; Tillit keeps only a hash of it.
          </Alert>
          <Code block className="wrap-anywhere" data-testid="new-token">
            {create.data.token}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={create.data.token}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy token'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            {create.error && <Alert color="red">{errorMessage(create.error)}</Alert>}
            <TextInput
              label="Name"
              description="What uses it, e.g. CI evidence upload"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
            />
            <NumberInput
              label="Expires after (days)"
              min={1}
              max={366}
              value={days}
              onChange={(v) => setDays(Number(v) || 1)}
              error={errors.expiresInDays}
            />
            <Checkbox.Group
              label="Scopes"
              description="Only permissions your role has"
              value={scopes}
              onChange={setScopes}
              error={errors.scopes}
            >
              <SimpleGrid cols={2} mt="xs">
                {(session?.permissions ?? []).map((p) => (
                  <Checkbox key={p} value={p} label={p} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Create token" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function tokenState(t: ApiToken): { label: string; color: string } {
  if (t.revokedAt) return { label: 'revoked', color: 'gray' };
  if (new Date(t.expiresAt) <= new Date()) return { label: 'expired', color: 'orange' };
  return { label: 'active', color: 'teal' };
}

function TokensCard() {
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: () => api.get<Page<ApiToken>>('/api/tokens?pageSize=200'),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/tokens/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['tokens'] });
      notifySuccess('Token revoked');
    },
    onError: notifyError,
  });
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          API tokens
        </Title>
        <Button size="xs" leftSection={<IconKey size={14} />} onClick={() => setCreating(true)}>
          Create token
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        For automation such as CI pushing check results. Send <Code>Authorization: Bearer tlt_…</Code>.
      </Text>
      <QueryState loading={tokens.isLoading} error={tokens.error}>
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
            {tokens.data?.items.map((t) => {
              const state = tokenState(t);
              return (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    <Code>{t.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {t.scopes.map((s: Permission) => (
                        <Badge key={s} size="xs" variant="outline" tt="none">
                          {s}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{new Date(t.expiresAt).toLocaleDateString()}</Table.Td>
                  <Table.Td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'never'}</Table.Td>
                  <Table.Td>
                    <Badge color={state.color} variant="dot">
                      {state.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {state.label === 'active' && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(t.id)}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {tokens.data?.total === 0 && <Text c="dimmed">You have no API tokens.</Text>}
      </QueryState>
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

export function AccountPage() {
  const { session } = useSession();
  return (
    <>
      <PageHeader
        title="Account"
        description={`${session?.user.email ?? ''} · ${session?.user.role ?? ''}`}
      />
      <Stack>
        <PasswordCard />
        <TokensCard />
      </Stack>
    </>
  );
}
