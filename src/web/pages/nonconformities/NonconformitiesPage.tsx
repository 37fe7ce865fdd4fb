import { Anchor, Button, Card, Checkbox, Group, NativeSelect, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { NcSummary } from '../../../contracts/nonconformities.js';
import { useNcCounts, useNonconformities } from '../../api/nonconformities.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { optionsOf } from '../audits/audit-labels.js';
import { CreateNcModal } from './nc-create.js';
import {
  NcStatusBadge,
  ncSourceLabels,
  ncStatusLabels,
  OverdueBadge,
  SeverityBadge,
  severityLabels,
} from './nc-labels.js';

const PAGE_SIZE = 50;

function Register({ items }: { items: NcSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover aria-label="Nonconformities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ref</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Raised</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((n) => (
            <Table.Tr key={n.id} data-nc={n.ref}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/nonconformities/${n.id}`} size="sm">
                  {n.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {n.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <SeverityBadge severity={n.severity} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ncSourceLabels[n.source]}</Text>
                <Text size="xs" c="dimmed">
                  {n.sourceRef}
                </Text>
              </Table.Td>
              <Table.Td>{n.ownerName ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <NcStatusBadge status={n.status} />
                  {n.overdueActions > 0 && <OverdueBadge n={n.overdueActions} />}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{n.raisedOn}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function NonconformitiesPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({
    status: listParam.text('not-closed'),
    severity: listParam.text(),
    source: listParam.text(),
    overdue: listParam.text(),
    page: listParam.page(),
  });
  const set = (key: keyof typeof filters, value: string) => update({ [key]: value });
  const ncs = useNonconformities({ ...filters, page, pageSize: PAGE_SIZE });
  const counts = useNcCounts();
  return (
    <>
      <PageHeader
        title="Nonconformities"
        description="The register of nonconformities from audits, incidents, failing checks and complaints, carried through corrective action and verification."
        actions={
          can('nonconformities.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New nonconformity
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        {counts.data && (
          <Text size="sm" mb="sm" data-testid="nc-counts">
            {count(counts.data.open, 'open nonconformity', 'open nonconformities')} · {counts.data.major}{' '}
            major · {count(counts.data.overdueActions, 'overdue action')}
          </Text>
        )}
        <Group align="flex-end" mb="sm">
          <NativeSelect
            label="Status"
            data={[
              { value: 'not-closed', label: 'Not closed' },
              { value: '', label: 'Any status' },
              ...optionsOf(ncStatusLabels),
            ]}
            value={filters.status}
            onChange={(e) => set('status', e.currentTarget.value)}
          />
          <NativeSelect
            label="Severity"
            data={[{ value: '', label: 'Any severity' }, ...optionsOf(severityLabels)]}
            value={filters.severity}
            onChange={(e) => set('severity', e.currentTarget.value)}
          />
          <NativeSelect
            label="Source"
            data={[{ value: '', label: 'Any source' }, ...optionsOf(ncSourceLabels)]}
            value={filters.source}
            onChange={(e) => set('source', e.currentTarget.value)}
          />
          <Checkbox
            label="Only with overdue actions"
            checked={filters.overdue === 'true'}
            onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : '')}
            mb={8}
          />
        </Group>
        <QueryState loading={ncs.isLoading} error={ncs.error}>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="nc-count" mb="xs">
            {count(ncs.data?.total ?? 0, 'nonconformity', 'nonconformities')}
          </Text>
          <Register items={ncs.data?.items ?? []} />
          {ncs.data?.total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              No nonconformities match.
            </Text>
          )}
          <PageControls total={ncs.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {creating && <CreateNcModal onClose={() => setCreating(false)} />}
    </>
  );
}
