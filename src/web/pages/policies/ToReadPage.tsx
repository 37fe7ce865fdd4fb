import { Anchor, Card, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMyAcknowledgements } from '../../api/policies.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { kindLabels, OverdueBadge } from './policy-labels.js';

const PAGE_SIZE = 50;

/** The documents the signed-in person is asked to read and accept. */
export function ToReadPage() {
  const {
    values: { page },
    setPage,
  } = useListParams({ page: listParam.page() });
  const pending = useMyAcknowledgements(page, PAGE_SIZE);
  return (
    <>
      <PageHeader title="To read" description="Policies and plans you are asked to read and accept." />
      <Card withBorder padding="lg">
        <QueryState loading={pending.isLoading} error={pending.error}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite" data-testid="to-read-count">
            {count(pending.data?.total ?? 0, 'document')} to read
          </Text>
          {(pending.data?.total ?? 0) > 0 ? (
            <Table aria-label="Documents to read">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Document</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Due</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(pending.data?.items ?? []).map((p) => (
                  <Table.Tr key={p.campaignId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/policies/${p.documentId}`} size="sm">
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{kindLabels[p.kind]}</Table.Td>
                    <Table.Td>{p.versionNumber}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{p.dueOn}</Text>
                        {p.overdue && <OverdueBadge label="Overdue" />}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed" ta="center" py="lg">
              Nothing to read right now.
            </Text>
          )}
          <PageControls total={pending.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
    </>
  );
}
