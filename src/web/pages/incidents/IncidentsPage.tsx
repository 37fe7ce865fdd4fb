import { Anchor, Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useIncidents } from '../../api/incidents.js';
import { useSession } from '../../auth/session.js';
import { count, dateTime } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { IncidentReportModal } from './incident-form.js';
import { categoryLabels, options, severityLabels, statusLabels } from './incident-labels.js';

const PAGE_SIZE = 50;

export function IncidentsPage() {
  const { can } = useSession();
  const [reporting, setReporting] = useState(false);
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({
    q: listParam.text(),
    status: listParam.text(),
    category: listParam.text(),
    severity: listParam.text(),
    page: listParam.page(),
  });
  const incidents = useIncidents({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Incidents"
        description="The incident register: reported incidents, their triage and the reports due to authorities."
        actions={
          <>
            {can('incidents.read') && (
              <Button component={Link} to="/outages" variant="default">
                Outages and SLA
              </Button>
            )}
            {can('incidents.report') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setReporting(true)}>
                Report an incident
              </Button>
            )}
          </>
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <TextInput
            label="Search"
            placeholder="Ref or title"
            value={filters.q}
            onChange={(e) => update({ q: e.currentTarget.value })}
          />
          {(
            [
              ['status', 'Status', statusLabels],
              ['category', 'Category', categoryLabels],
              ['severity', 'Severity', severityLabels],
            ] as const
          ).map(([key, label, labels]) => (
            <Select
              key={key}
              label={label}
              placeholder="Any"
              clearable
              data={options(labels)}
              value={filters[key] || null}
              onChange={(v) => update({ [key]: v ?? '' })}
            />
          ))}
        </Group>
        <QueryState loading={incidents.isLoading} error={incidents.error}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {count(incidents.data?.total ?? 0, 'incident')}
          </Text>
          <Table striped highlightOnHover aria-label="Incidents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ref</Table.Th>
                <Table.Th>Incident</Table.Th>
                <Table.Th>Severity</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Aware at</Table.Th>
                <Table.Th>Next report due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(incidents.data?.items ?? []).map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td ff="monospace">{i.ref}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${i.id}`} size="sm">
                      {i.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{severityLabels[i.severity]}</Table.Td>
                  <Table.Td>{statusLabels[i.status]}</Table.Td>
                  <Table.Td>{dateTime(i.awareAt)}</Table.Td>
                  <Table.Td>
                    {dateTime(i.nextDueAt)}{' '}
                    {i.overdueReports > 0 && (
                      <Badge color="red" variant="light" tt="none">
                        {count(i.overdueReports, 'report')} overdue
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <PageControls total={incidents.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {reporting && <IncidentReportModal onClose={() => setReporting(false)} />}
    </>
  );
}
