import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Kpi, KpiStatus, Objective } from '../../../contracts/objectives.js';
import { errorMessage } from '../../api/client.js';
import { useMeasure, useObjectives } from '../../api/objectives.js';
import { useSession } from '../../auth/session.js';
import { notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { KpiHistoryButton } from './kpi-history.js';
import { areaLabels, CreateObjectiveModal } from './objective-create.js';

const PAGE_SIZE = 50;
export const kpiStatusLabels: Record<KpiStatus, string> = {
  'no-data': 'No data',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};
const kpiStatusColors: Record<KpiStatus, StatusColor> = {
  'no-data': 'gray',
  'on-track': 'green',
  'at-risk': 'yellow',
  'off-track': 'red',
};

function MeasureForm({ kpi }: { kpi: Kpi }) {
  const [value, setValue] = useState<string | number>('');
  const save = useMeasure(kpi.id, {
    onSuccess: () => {
      setValue('');
      notifySuccess(`Measurement of ${kpi.name} recorded`);
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <NumberInput
        size="xs"
        w={110}
        aria-label={`New value for ${kpi.name}`}
        value={value}
        onChange={setValue}
        error={save.error ? errorMessage(save.error) : undefined}
      />
      <Button
        size="xs"
        variant="default"
        disabled={value === ''}
        loading={save.isPending}
        onClick={() => save.mutate({ value: Number(value), measuredAt: new Date().toISOString() })}
      >
        Add measurement
      </Button>
    </Group>
  );
}

function ObjectiveCard({ objective, canMeasure }: { objective: Objective; canMeasure: boolean }) {
  return (
    <Card withBorder padding="lg" data-objective={objective.title}>
      <Title order={2} size="h4">
        {objective.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {areaLabels[objective.area]} · owner {objective.ownerName} · due {objective.dueDate}
      </Text>
      {objective.description && (
        <Text size="sm" mb="sm">
          {objective.description}
        </Text>
      )}
      <Table aria-label={`KPIs of ${objective.title}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Latest</Table.Th>
            <Table.Th>Status</Table.Th>
            {canMeasure && <Table.Th>Measure</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {objective.kpis.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{k.name}</Text>
                  <KpiHistoryButton kpi={k} />
                </Group>
              </Table.Td>
              <Table.Td>
                {k.direction === 'higher-is-better' ? '≥' : '≤'} {k.target} {k.unit}
              </Table.Td>
              <Table.Td>
                {k.latest ? `${k.latest.value} ${k.unit} (${k.latest.measuredAt.slice(0, 10)})` : '—'}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={k.status} labels={kpiStatusLabels} colors={kpiStatusColors} />
              </Table.Td>
              {canMeasure && (
                <Table.Td>
                  <MeasureForm kpi={k} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function ObjectivesPage() {
  const { can, session } = useSession();
  const {
    values: { page },
    setPage,
  } = useListParams({ page: listParam.page() });
  const [creating, setCreating] = useState(false);
  const objectives = useObjectives({ page, pageSize: PAGE_SIZE });
  const mayMeasure = (o: Objective) =>
    can('objectives.manage') || (can('objectives.measure') && session?.user.id === o.ownerId);
  return (
    <>
      <PageHeader
        title="Objectives"
        description="Objectives of the management systems with KPIs, targets and the latest measurement."
        actions={
          can('objectives.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New objective
            </Button>
          )
        }
      />
      {creating && <CreateObjectiveModal onClose={() => setCreating(false)} />}
      <QueryState loading={objectives.isLoading} error={objectives.error}>
        <Stack>
          {objectives.data?.items.length === 0 && <Text>No objectives are set yet.</Text>}
          {objectives.data?.items.map((o) => (
            <ObjectiveCard key={o.id} objective={o} canMeasure={mayMeasure(o)} />
          ))}
        </Stack>
        {objectives.data && (
          <PageControls page={page} pageSize={PAGE_SIZE} total={objectives.data.total} onChange={setPage} />
        )}
      </QueryState>
    </>
  );
}
