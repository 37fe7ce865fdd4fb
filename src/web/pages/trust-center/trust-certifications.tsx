import { ActionIcon, Button, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Certification } from '../../../contracts/trust-center.js';
import { useChange } from '../../api/change.js';
import { trustApi, trustKeys, useCertifications } from '../../api/trust-center.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';
import { CertificationModal, certificationStatusLabels } from './certification-form.js';

function certificateLabel(c: Certification): string {
  if (!c.certificateDocument) return '—';
  return `${c.certificateDocument.title}${c.certificateDocument.published ? '' : ' (not published)'}`;
}

export function CertificationsPanel({ manage }: { manage: boolean }) {
  const list = useCertifications();
  const [editing, setEditing] = useState<Certification | 'new' | null>(null);
  const remove = useChange(trustApi.removeCertification, () => [trustKeys.certifications, trustKeys.claims], {
    onSuccess: () => notifySuccess('Certification removed'),
    onError: notifyError,
  });
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Text size="sm">
          A certification is shown as certified only while its expiry date has not passed and its certificate
          is attached and published.
        </Text>
        {manage && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add certification
          </Button>
        )}
      </Group>
      <QueryState loading={list.isLoading} error={list.error}>
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Certifications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Target quarter</Table.Th>
                <Table.Th>Issuer</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Certificate</Table.Th>
                {manage && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{certificationStatusLabels[c.status]}</Table.Td>
                  <Table.Td>{c.targetQuarter ?? '—'}</Table.Td>
                  <Table.Td>{c.issuer || '—'}</Table.Td>
                  <Table.Td>{c.expiresOn ?? '—'}</Table.Td>
                  <Table.Td>{certificateLabel(c)}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Tooltip label={`Edit ${c.name}`}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Edit ${c.name}`}
                            onClick={() => setEditing(c)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <DeleteButton
                          size="xs"
                          label="Remove"
                          accessibleName={`Remove ${c.name}`}
                          title="Remove certification"
                          message={`Remove ${c.name} from the trust center?`}
                          confirmLabel="Remove"
                          onConfirm={() => remove.mutate(c.id)}
                        />
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      {editing && (
        <CertificationModal
          certification={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
