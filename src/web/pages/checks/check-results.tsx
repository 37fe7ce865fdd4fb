import { Card, Table, Text, Title } from '@mantine/core';
import type { CheckResult } from '../../../contracts/checks.js';
import { useCheckResults } from '../../api/checks.js';
import { dateTime } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { OutcomeBadge } from './check-ui.js';

const PAGE_SIZE = 20;
const triggerLabels: Record<CheckResult['trigger'], string> = {
  manual: 'Run now',
  schedule: 'Schedule',
  push: 'Pushed',
};

export function CheckResults({ checkId }: { checkId: string }) {
  const {
    values: { resultsPage: page },
    setPage,
  } = useListParams({ resultsPage: listParam.page() }, { pageKey: 'resultsPage' });
  const results = useCheckResults(checkId, { page, pageSize: PAGE_SIZE });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="results-heading">
      <Title order={2} size="h4" id="results-heading" mb="sm">
        Recent results
      </Title>
      <QueryState loading={results.isLoading} error={results.error}>
        {results.data?.total ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Observed</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>How</Table.Th>
                  <Table.Th>Summary</Table.Th>
                  <Table.Th>Evidence until</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.data.items.map((r) => (
                  <Table.Tr key={r.evidenceId}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(r.observedAt)}</Table.Td>
                    <Table.Td>
                      <OutcomeBadge outcome={r.outcome} />
                    </Table.Td>
                    <Table.Td>{triggerLabels[r.trigger]}</Table.Td>
                    <Table.Td>{r.summary}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(r.expiresAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text c="dimmed" size="sm">
            No results yet. Run the check, wait for its schedule, or push a result from CI.
          </Text>
        )}
        <PageControls total={results.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
    </Card>
  );
}
