import { Anchor, Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconAdjustments, IconDownload, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RiskSummary } from '../../../contracts/risks.js';
import { risksApi, useRiskOverview, useRisks } from '../../api/risks.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { ownerOptions, useOwners } from '../../ui/use-directory.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { RiskFormModal } from './risk-form.js';
import { RiskHeatmaps } from './risk-heatmap.js';
import {
  LevelBadge,
  levelOptions,
  statusLabels,
  statusOptions,
  treatmentLabels,
  treatmentOptions,
} from './risk-labels.js';

const PAGE_SIZE = 50;
const filterShape = {
  q: listParam.text(),
  level: listParam.text(),
  treatment: listParam.text(),
  status: listParam.text(),
  ownerId: listParam.text(),
  overdue: listParam.text(),
  inherent: listParam.text(),
  residual: listParam.text(),
};
type Filters = { [K in keyof typeof filterShape]: string };

function RiskFilters({ filters, update }: { filters: Filters; update: (f: Partial<Filters>) => void }) {
  const owners = useOwners();
  return (
    <Group mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Ref or title"
        value={filters.q}
        onChange={(e) => update({ q: e.currentTarget.value })}
      />
      <Select
        label="Residual level"
        placeholder="Any"
        clearable
        data={levelOptions}
        value={filters.level || null}
        onChange={(v) => update({ level: v ?? '' })}
      />
      <Select
        label="Treatment"
        placeholder="Any"
        clearable
        data={[...treatmentOptions, { value: 'none', label: 'Not treated yet' }]}
        value={filters.treatment || null}
        onChange={(v) => update({ treatment: v ?? '' })}
      />
      <Select
        label="Status"
        placeholder="Any"
        clearable
        data={statusOptions}
        value={filters.status || null}
        onChange={(v) => update({ status: v ?? '' })}
      />
      {owners && (
        <Select
          label="Owner"
          placeholder="Anyone"
          clearable
          searchable
          data={ownerOptions(owners)}
          value={filters.ownerId || null}
          onChange={(v) => update({ ownerId: v ?? '' })}
        />
      )}
      <Select
        label="Review"
        placeholder="Any"
        clearable
        data={[
          { value: 'true', label: 'Review overdue' },
          { value: 'false', label: 'Review not overdue' },
        ]}
        value={filters.overdue || null}
        onChange={(v) => update({ overdue: v ?? '' })}
      />
      {(['inherent', 'residual'] as const).map(
        (kind) =>
          filters[kind] && (
            <Button
              key={kind}
              variant="light"
              rightSection={<IconX size={14} aria-hidden />}
              onClick={() => update({ [kind]: '' })}
              aria-label={`Clear the heatmap cell filter (${kind} ${filters[kind].replace('-', '×')})`}
            >
              Heatmap cell: {kind} {filters[kind].replace('-', '×')}
            </Button>
          ),
      )}
    </Group>
  );
}

function RiskTable({ risks }: { risks: RiskSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Risks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ref</Table.Th>
            <Table.Th>Risk</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Inherent</Table.Th>
            <Table.Th>Residual</Table.Th>
            <Table.Th>Treatment</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((r) => (
            <Table.Tr key={r.id} data-risk={r.ref}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {r.ref}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/risks/${r.id}`} size="sm">
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.owner?.name ?? '—'}</Table.Td>
              <Table.Td>
                <LevelBadge score={r.inherent} />
              </Table.Td>
              <Table.Td>
                <LevelBadge score={r.residual} />
              </Table.Td>
              <Table.Td>{r.treatment ? treatmentLabels[r.treatment] : 'Not treated yet'}</Table.Td>
              <Table.Td>{statusLabels[r.status]}</Table.Td>
              <Table.Td>
                {/* The date and its badge wrap onto two lines rather than widen the table past its card. */}
                <Group gap={4} wrap="wrap">
                  <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {r.reviewDate ?? ''}
                  </Text>
                  {!r.reviewDate && (
                    <Badge color="yellow" variant="light" tt="none" radius="sm">
                      No review date
                    </Badge>
                  )}
                  {r.reviewOverdue && (
                    <Badge color="red" variant="light" tt="none" radius="sm">
                      Overdue
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OverdueNotice({ onShow }: { onShow: () => void }) {
  const overview = useRiskOverview();
  const overdue = overview.data?.overdueReviews ?? 0;
  return (
    <Group mb="md" gap="sm" data-testid="overdue-reviews">
      <Text size="sm">{count(overdue, 'risk review')} overdue</Text>
      {overdue > 0 && (
        <Button size="xs" variant="light" color="red" onClick={onShow}>
          Show overdue reviews
        </Button>
      )}
    </Group>
  );
}

export function RisksPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({ ...filterShape, page: listParam.page() });
  const risks = useRisks({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Risks"
        description="The risk register: likelihood × impact before and after treatment, owners and review dates."
        actions={
          <>
            <Button
              component="a"
              href={risksApi.treatmentPlanUrl('xlsx')}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Treatment plan XLSX
            </Button>
            <Button
              component="a"
              href={risksApi.treatmentPlanUrl('pdf')}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Treatment plan PDF
            </Button>
            {can('risks.manage') && (
              <Button
                component={Link}
                to="/risks/matrix"
                variant="default"
                leftSection={<IconAdjustments size={16} aria-hidden />}
              >
                Risk matrix
              </Button>
            )}
            {can('risks.manage') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                New risk
              </Button>
            )}
          </>
        }
      />
      <RiskHeatmaps />
      <Card withBorder padding="lg">
        <OverdueNotice onShow={() => update({ overdue: 'true' })} />
        <RiskFilters filters={filters} update={update} />
        <QueryState loading={risks.isLoading} error={risks.error}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite" data-testid="risk-count">
            {count(risks.data?.total ?? 0, 'risk')}
          </Text>
          <RiskTable risks={risks.data?.items ?? []} />
          {risks.data?.total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              No risks match.
            </Text>
          )}
          <PageControls total={risks.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {creating && <RiskFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
