import { Anchor, Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { IncidentSummary } from '../../../contracts/incidents.js';
import type { Page } from '../../../contracts/paging.js';
import { api, query } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { count, dateTime } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { IncidentReportModal } from './incident-form.js';
import { categoryLabels, options, severityLabels, statusLabels } from './incident-labels.js';

const PAGE_SIZE = 50;
const filterKeys = ['q', 'status', 'category', 'severity'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

export function IncidentsPage() {
  const { can } = useSession();
  const [reporting, setReporting] = useState(false);
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const page = Number(params.get('page') ?? '1') || 1;
  const update = (next: Partial<Filters>, nextPage = 1) =>
    setParams(query({ ...filters, ...next, page: nextPage > 1 ? nextPage : undefined }).replace(/^\?/, ''), {
      replace: true,
    });
  const search = query({ ...filters, page, pageSize: PAGE_SIZE });
  const incidents = useQuery({
    queryKey: ['incidents', search],
    queryFn: () => api.get<Page<IncidentSummary>>(`/api/incidents${search}`),
    placeholderData: (previous) => previous,
  });
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
          <PageControls
            total={incidents.data?.total}
            pageSize={PAGE_SIZE}
            page={page}
            onChange={(p) => update({}, p)}
          />
        </QueryState>
      </Card>
      {reporting && <IncidentReportModal onClose={() => setReporting(false)} />}
    </>
  );
}
