import { Anchor, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditDetail } from '../../../contracts/audits.js';
import { useFindings } from '../../api/audits.js';
import { useSession } from '../../auth/session.js';
import { dateTime } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { FindingModal } from './audit-dialogs.js';
import { FindingBadge } from './audit-labels.js';

const PAGE_SIZE = 50;

export function AuditFindings({ audit }: { audit: AuditDetail }) {
  const { can } = useSession();
  const [raising, setRaising] = useState(false);
  const {
    values: { findingsPage: page },
    setPage,
  } = useListParams({ findingsPage: listParam.page() }, { pageKey: 'findingsPage' });
  const findings = useFindings(audit.id, { page, pageSize: PAGE_SIZE });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="findings-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="findings-heading">
          Findings
        </Title>
        {can('findings.raise') && audit.status === 'in-progress' && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRaising(true)}>
            Raise finding
          </Button>
        )}
      </Group>
      <QueryState loading={findings.isLoading} error={findings.error}>
        {findings.data?.total === 0 ? (
          <Text c="dimmed" size="sm">
            No findings.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table aria-label="Findings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th>Requirement</Table.Th>
                  <Table.Th>Nonconformity</Table.Th>
                  <Table.Th>Raised</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(findings.data?.items ?? []).map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <FindingBadge type={f.type} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.description}</Table.Td>
                    <Table.Td ff="monospace">{f.requirementRef ?? '—'}</Table.Td>
                    <Table.Td>
                      {f.nonconformityId ? (
                        <Anchor component={Link} to={`/nonconformities/${f.nonconformityId}`} size="sm">
                          {f.nonconformityRef}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{dateTime(f.raisedAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {f.raisedByName ?? 'Tillit'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <PageControls total={findings.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
      {raising && <FindingModal auditId={audit.id} item={null} onClose={() => setRaising(false)} />}
    </Card>
  );
}
