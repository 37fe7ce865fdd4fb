import { Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Asset } from '../../../contracts/assets.js';
import { useAssets } from '../../api/assets.js';
import { useOrganization } from '../../api/organization.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { AssetModal } from './asset-form.js';
import {
  assetTypeLabels,
  assetTypeOptions,
  classificationLabels,
  classificationOptions,
} from './risk-labels.js';

const PAGE_SIZE = 50;

const filterKeys = ['q', 'type', 'classification', 'locationId', 'serviceId'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

function AssetFilters({ filters, onChange }: { filters: Filters; onChange: (f: Partial<Filters>) => void }) {
  const org = useOrganization();
  const select = (key: keyof Filters, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      placeholder="Any"
      clearable
      data={data}
      value={filters[key] || null}
      onChange={(v) => onChange({ [key]: v ?? '' })}
    />
  );
  return (
    <Group mb="md" align="flex-end">
      <TextInput label="Search" value={filters.q} onChange={(e) => onChange({ q: e.currentTarget.value })} />
      {select('type', 'Type', assetTypeOptions)}
      {select('classification', 'Classification', classificationOptions)}
      {select(
        'locationId',
        'Location',
        (org.data?.locations ?? []).map((l) => ({ value: l.id, label: l.code })),
      )}
      {select(
        'serviceId',
        'Service',
        (org.data?.services ?? []).map((s) => ({ value: s.id, label: s.name })),
      )}
    </Group>
  );
}

export function AssetsPage() {
  const { can } = useSession();
  const [editing, setEditing] = useState<Asset | 'new' | null>(null);
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({
    q: listParam.text(),
    type: listParam.text(),
    classification: listParam.text(),
    locationId: listParam.text(),
    serviceId: listParam.text(),
    page: listParam.page(),
  });
  const assets = useAssets({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Assets"
        description="What the organisation protects: information, services, hardware, sites, people and suppliers."
        actions={
          can('assets.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              New asset
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <AssetFilters filters={filters} onChange={update} />
        <QueryState loading={assets.isLoading} error={assets.error}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {count(assets.data?.total ?? 0, 'asset')}
          </Text>
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label="Assets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Classification</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Service</Table.Th>
                  <Table.Th ta="right">Risks</Table.Th>
                  {can('assets.manage') && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(assets.data?.items ?? []).map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>{assetTypeLabels[a.type]}</Table.Td>
                    <Table.Td>{classificationLabels[a.classification]}</Table.Td>
                    <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
                    <Table.Td>{a.location?.code ?? '—'}</Table.Td>
                    <Table.Td>{a.service?.name ?? '—'}</Table.Td>
                    <Table.Td ta="right">{a.riskCount}</Table.Td>
                    {can('assets.manage') && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconEdit size={14} aria-hidden />}
                          onClick={() => setEditing(a)}
                          aria-label={`Edit ${a.name}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls total={assets.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {editing && (
        <AssetModal asset={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
