import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Subprocessor } from '../../../contracts/trust-center.js';
import { useChange } from '../../api/change.js';
import { fieldErrors } from '../../api/client.js';
import {
  trustApi,
  trustKeys,
  useSubprocessorNotices,
  useSubprocessorSubscribers,
  useSubprocessors,
} from '../../api/trust-center.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

const mechanisms = [
  { value: 'none-eea', label: 'None (within the EU/EEA)' },
  { value: 'adequacy', label: 'Adequacy decision' },
  { value: 'scc', label: 'Standard contractual clauses' },
  { value: 'bcr', label: 'Binding corporate rules' },
  { value: 'other', label: 'Other' },
];

const empty = {
  name: '',
  purpose: '',
  country: '',
  transferMechanism: 'none-eea',
  status: 'active',
  effectiveOn: '',
};

function AddSubprocessor() {
  const [form, setForm] = useState(empty);
  const add = useChange(
    () => trustApi.addSubprocessor({ ...form, effectiveOn: form.effectiveOn || null }),
    () => [trustKeys.subprocessors],
    {
      onSuccess: () => {
        notifySuccess('Sub-processor added');
        setForm(empty);
      },
      onError: notifyError,
    },
  );
  const errors = fieldErrors(add.error);
  const field = (key: keyof typeof empty, label: string, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={form[key]}
      error={errors[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Group align="flex-end">
        {field('name', 'Name')}
        {field('purpose', 'Purpose')}
        {field('country', 'Country', 'SE')}
        <Select
          label="Transfer mechanism"
          data={mechanisms}
          value={form.transferMechanism}
          allowDeselect={false}
          onChange={(v) => setForm({ ...form, transferMechanism: v ?? 'none-eea' })}
        />
        <Select
          label="Status"
          data={[
            { value: 'active', label: 'Active' },
            { value: 'planned', label: 'Planned' },
            { value: 'removed', label: 'Removed' },
          ]}
          value={form.status}
          allowDeselect={false}
          onChange={(v) => setForm({ ...form, status: v ?? 'active' })}
        />
        {field('effectiveOn', 'Effective on', 'YYYY-MM-DD')}
        <Button type="submit" loading={add.isPending}>
          Add sub-processor
        </Button>
      </Group>
    </form>
  );
}

function Announce({ sub }: { sub: Subprocessor }) {
  const [change, setChange] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(sub.effectiveOn ?? '');
  const send = useChange(
    () => trustApi.announce(sub.id, { change, effectiveOn }),
    () => [trustKeys.subprocessorNotices],
    {
      onSuccess: (r) => {
        notifySuccess(`${r.notified} subscribers told`);
        setChange('');
      },
      onError: notifyError,
    },
  );
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <TextInput
        size="xs"
        label={`Change to ${sub.name}`}
        value={change}
        onChange={(e) => setChange(e.currentTarget.value)}
      />
      <TextInput
        size="xs"
        label="Takes effect"
        placeholder="YYYY-MM-DD"
        value={effectiveOn}
        onChange={(e) => setEffectiveOn(e.currentTarget.value)}
      />
      <Button size="xs" onClick={() => send.mutate()} loading={send.isPending} disabled={!change}>
        Announce
      </Button>
    </Group>
  );
}

function Subscribers() {
  const subscribers = useSubprocessorSubscribers();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Subscribers
      </Title>
      <QueryState loading={subscribers.isLoading} error={subscribers.error}>
        <Text size="sm" mb="xs">
          {subscribers.data?.total ?? 0} addresses; only confirmed ones are told about changes.
        </Text>
        <Table aria-label="Subscribers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Confirmed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(subscribers.data?.items ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.email}</Table.Td>
                <Table.Td>
                  {s.verifiedAt ? new Date(s.verifiedAt).toLocaleString('sv-SE') : 'Not yet'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Card>
  );
}

export function SubprocessorsPanel({ manage }: { manage: boolean }) {
  const list = useSubprocessors();
  const log = useSubprocessorNotices();
  return (
    <Stack>
      <Card withBorder padding="lg">
        <QueryState loading={list.isLoading} error={list.error}>
          <Table aria-label="Sub-processors" mb="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Country</Table.Th>
                <Table.Th>Transfer</Table.Th>
                <Table.Th>Status</Table.Th>
                {manage && <Table.Th>Announce an intended change</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.purpose}</Table.Td>
                  <Table.Td>{s.country}</Table.Td>
                  <Table.Td>{mechanisms.find((m) => m.value === s.transferMechanism)?.label}</Table.Td>
                  <Table.Td>{s.status === 'planned' ? `Planned from ${s.effectiveOn}` : s.status}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Announce sub={s} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </QueryState>
        {manage && <AddSubprocessor />}
      </Card>
      <Subscribers />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          Who was told, when
        </Title>
        <QueryState loading={log.isLoading} error={log.error}>
          {(log.data?.items.length ?? 0) === 0 ? (
            <Text size="sm">No change has been announced yet.</Text>
          ) : (
            <Table aria-label="Notifications">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Told at</Table.Th>
                  <Table.Th>Subscriber</Table.Th>
                  <Table.Th>Sub-processor</Table.Th>
                  <Table.Th>Change</Table.Th>
                  <Table.Th>Takes effect</Table.Th>
                  <Table.Th>Objected</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(log.data?.items ?? []).map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Td>{new Date(n.notifiedAt).toLocaleString('sv-SE')}</Table.Td>
                    <Table.Td>{n.email}</Table.Td>
                    <Table.Td>{n.subprocessorName}</Table.Td>
                    <Table.Td>{n.change}</Table.Td>
                    <Table.Td>{n.effectiveOn}</Table.Td>
                    <Table.Td>{n.objectedAt ? new Date(n.objectedAt).toLocaleString('sv-SE') : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
