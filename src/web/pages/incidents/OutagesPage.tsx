import { Badge, Box, Button, Card, Table, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useAvailability, useEndOutage, useOutages } from '../../api/incidents.js';
import { useSession } from '../../auth/session.js';
import { dateTime } from '../../ui/format.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { MonitoringImportCard } from './monitoring-import.js';
import { OutageFormModal } from './outage-form.js';
import { SlaSettingsCard } from './sla-settings.js';

/** A table that scrolls sideways on a narrow screen; focusable, so keyboard users can scroll it too. */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} mt="md" style={{ overflowX: 'auto' }}>
      <Box miw={600}>{children}</Box>
    </Box>
  );
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** Outages and the monthly SLA per service and location, computed from the outage records. */
export function OutagesPage() {
  const {
    values: { month },
    update,
  } = useListParams({ month: listParam.text(thisMonth()) });
  const availability = useAvailability(month);
  const outages = useOutages({ pageSize: 100 });
  const manage = useSession().can('incidents.manage');
  const [recording, setRecording] = useState(false);
  const end = useEndOutage();
  return (
    <>
      <PageHeader
        title="Outages and SLA"
        description="Monthly availability against the SLA target, with exclusions and service credits."
        actions={manage && <Button onClick={() => setRecording(true)}>Record an outage</Button>}
      />
      {recording && <OutageFormModal onClose={() => setRecording(false)} />}
      <Card withBorder mb="md">
        <TextInput
          type="month"
          label="Month"
          w={200}
          value={month}
          onChange={(e) => update({ month: e.currentTarget.value })}
        />
        <QueryState loading={availability.isLoading} error={availability.error}>
          <ScrollRegion label="Availability per service and location">
            <Table aria-label="Availability">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Availability</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Down (min)</Table.Th>
                  <Table.Th>Excluded (min)</Table.Th>
                  <Table.Th>Credit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(availability.data ?? []).map((r) => (
                  <Table.Tr key={`${r.serviceId}-${r.locationId}`}>
                    <Table.Td>{r.service}</Table.Td>
                    <Table.Td>{r.location}</Table.Td>
                    <Table.Td>
                      {r.availability.toFixed(3)} %{' '}
                      {!r.met && (
                        <Badge color="red" variant="light" tt="none">
                          SLA missed
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{r.target} %</Table.Td>
                    <Table.Td>{r.downMinutes}</Table.Td>
                    <Table.Td>{r.excludedMinutes}</Table.Td>
                    <Table.Td>{r.credit ? `${r.credit} %` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </QueryState>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Outages
        </Title>
        <QueryState loading={outages.isLoading} error={outages.error}>
          {outages.data?.total === 0 && <Text c="dimmed">No outages recorded.</Text>}
          <ScrollRegion label="Outage records">
            <Table aria-label="Outages">
              <Table.Tbody>
                {(outages.data?.items ?? []).map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.title}</Table.Td>
                    <Table.Td>
                      {dateTime(o.startedAt)} – {dateTime(o.endedAt, 'ongoing')}
                    </Table.Td>
                    <Table.Td>{o.impact}</Table.Td>
                    <Table.Td>{o.planned ? 'maintenance' : o.source}</Table.Td>
                    <Table.Td>
                      {o.excluded ? 'excluded from the SLA' : ''}
                      {manage && !o.endedAt && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={end.isPending}
                          onClick={() => end.mutate({ id: o.id, endedAt: new Date().toISOString() })}
                        >
                          End now
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </QueryState>
      </Card>
      <SlaSettingsCard manage={manage} />
      {manage && <MonitoringImportCard />}
    </>
  );
}
