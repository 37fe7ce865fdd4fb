import { Button, Card, Group, Select, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Certification } from '../../../contracts/trust-center.js';
import { useChange } from '../../api/change.js';
import { fieldErrors } from '../../api/client.js';
import { trustApi, trustKeys, useCertifications } from '../../api/trust-center.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

const statusLabels: Record<Certification['status'], string> = {
  certified: 'Certified',
  'in-progress': 'In progress',
  planned: 'Planned',
};

const certificationStatuses: Certification['status'][] = ['certified', 'in-progress', 'planned'];
const empty: {
  name: string;
  status: Certification['status'];
  targetQuarter: string;
  issuer: string;
  expiresOn: string;
} = { name: '', status: 'certified', targetQuarter: '', issuer: '', expiresOn: '' };

export function CertificationsPanel({ manage }: { manage: boolean }) {
  const list = useCertifications();
  const [form, setForm] = useState(empty);
  const add = useChange(
    () =>
      trustApi.addCertification({
        name: form.name,
        status: form.status,
        targetQuarter: form.targetQuarter || null,
        issuer: form.issuer,
        expiresOn: form.expiresOn || null,
      }),
    () => [trustKeys.certifications],
    {
      onSuccess: () => {
        notifySuccess('Certification added');
        setForm(empty);
      },
      onError: notifyError,
    },
  );
  const remove = useChange(trustApi.removeCertification, () => [trustKeys.certifications], {
    onSuccess: () => notifySuccess('Certification removed'),
    onError: notifyError,
  });
  const errors = fieldErrors(add.error);
  return (
    <Card withBorder padding="lg">
      <QueryState loading={list.isLoading} error={list.error}>
        <Table aria-label="Certifications" mb="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Target quarter</Table.Th>
              <Table.Th>Issuer</Table.Th>
              <Table.Th>Expires</Table.Th>
              {manage && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{statusLabels[c.status]}</Table.Td>
                <Table.Td>{c.targetQuarter ?? '—'}</Table.Td>
                <Table.Td>{c.issuer || '—'}</Table.Td>
                <Table.Td>{c.expiresOn ?? '—'}</Table.Td>
                {manage && (
                  <Table.Td>
                    <DeleteButton
                      size="xs"
                      label="Remove"
                      accessibleName={`Remove ${c.name}`}
                      title="Remove certification"
                      message={`Remove ${c.name} from the trust center?`}
                      confirmLabel="Remove"
                      onConfirm={() => remove.mutate(c.id)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label="Name"
              required
              value={form.name}
              error={errors.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
            <Select
              label="Status"
              data={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))}
              value={form.status}
              allowDeselect={false}
              onChange={(v) =>
                setForm({ ...form, status: certificationStatuses.find((s) => s === v) ?? 'certified' })
              }
            />
            <TextInput
              label="Target quarter"
              placeholder="2027-Q2"
              value={form.targetQuarter}
              error={errors.targetQuarter}
              onChange={(e) => setForm({ ...form, targetQuarter: e.currentTarget.value })}
            />
            <TextInput
              label="Issuer"
              value={form.issuer}
              onChange={(e) => setForm({ ...form, issuer: e.currentTarget.value })}
            />
            <TextInput
              label="Expires on"
              placeholder="YYYY-MM-DD"
              value={form.expiresOn}
              error={errors.expiresOn}
              onChange={(e) => setForm({ ...form, expiresOn: e.currentTarget.value })}
            />
            <Button type="submit" loading={add.isPending}>
              Add certification
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}
