import { Anchor, Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { IncidentDetail, IncidentReport } from '../../../contracts/incidents.js';
import { incidentsApi, useSubmitReport } from '../../api/incidents.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';

function SubmitReport({ incident, report }: { incident: IncidentDetail; report: IncidentReport }) {
  const [reference, setReference] = useState('');
  const submit = useSubmitReport(incident.id, report.id, {
    onSuccess: () => notifySuccess(`${report.label} marked submitted`),
    onError: notifyError,
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        size="xs"
        aria-label={`Reference for ${report.label}`}
        placeholder="Authority's reference"
        value={reference}
        onChange={(e) => setReference(e.currentTarget.value)}
      />
      <Button
        size="xs"
        disabled={!reference.trim()}
        loading={submit.isPending}
        onClick={() => submit.mutate({ reference })}
      >
        Mark submitted
      </Button>
    </Group>
  );
}

/** The reports the triage made due: deadline in the reader's time zone, overdue state, draft and submission. */
export function ReportsTable({ incident, manage }: { incident: IncidentDetail; manage: boolean }) {
  if (incident.reports.length === 0) return <Text c="dimmed">No reports are due.</Text>;
  return (
    <Table aria-label="Reports and deadlines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Report</Table.Th>
          <Table.Th>To</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {incident.reports.map((r) => (
          <Table.Tr key={r.id} data-report={r.type}>
            <Table.Td>
              {r.label} v{r.version}
            </Table.Td>
            <Table.Td>{r.authority}</Table.Td>
            <Table.Td>
              {r.dueAt ? dateTime(r.dueAt) : 'Without undue delay'}{' '}
              {r.overdue && (
                <Badge color="red" variant="light" tt="none">
                  Overdue
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {r.status === 'submitted'
                ? `Submitted ${dateTime(r.submittedAt)} by ${r.submittedBy ?? '—'}, ${r.submissionReference}`
                : r.status}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Anchor size="sm" href={incidentsApi.reportExportUrl(incident.id, r.id, 'md')}>
                  Markdown
                </Anchor>
                <Anchor size="sm" href={incidentsApi.reportExportUrl(incident.id, r.id, 'pdf')}>
                  PDF
                </Anchor>
                {manage && r.status === 'draft' && <SubmitReport incident={incident} report={r} />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
