import { Anchor, Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PolicySummary } from '../../../contracts/policies.js';
import { useOverdueCount, usePolicies } from '../../api/policies.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { PolicyFormModal } from './policy-form.js';
import {
  classificationLabels,
  kindLabels,
  OverdueBadge,
  statusLabels,
  VersionStatusBadge,
} from './policy-labels.js';

const PAGE_SIZE = 50;

function Status({ p }: { p: PolicySummary }) {
  return (
    <Group gap={4} wrap="nowrap">
      {p.publishedNumber !== null && <VersionStatusBadge status="published" number={p.publishedNumber} />}
      {p.openNumber !== null && p.openStatus && (
        <VersionStatusBadge status={p.openStatus} number={p.openNumber} />
      )}
    </Group>
  );
}

function PoliciesTable({ policies }: { policies: PolicySummary[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label="Documents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Classification</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Next review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policies.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/policies/${p.id}`} size="sm">
                  {p.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{kindLabels[p.kind]}</Table.Td>
              <Table.Td>
                <Status p={p} />
              </Table.Td>
              <Table.Td>{classificationLabels[p.classification]}</Table.Td>
              <Table.Td>{p.ownerName}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{p.nextReviewOn ?? 'Not published'}</Text>
                  {p.overdue && <OverdueBadge />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PoliciesPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const {
    values: { show, page },
    update,
    setPage,
  } = useListParams({ show: listParam.text('all'), page: listParam.page() });
  const policies = usePolicies({
    overdue: show === 'overdue' ? 'true' : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const overdue = useOverdueCount();
  return (
    <>
      <PageHeader
        title="Policies"
        description={`Policies, procedures and plans: versions, approval, review cycle and who has read them. ${statusLabels.draft} → ${statusLabels['in-review']} → ${statusLabels.approved} → ${statusLabels.published}.`}
        actions={
          can('policies.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New document
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <SegmentedControl
            aria-label="Show documents"
            value={show}
            onChange={(v) => update({ show: v })}
            data={[
              { value: 'all', label: 'All documents' },
              { value: 'overdue', label: `Review overdue (${overdue})` },
            ]}
          />
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="policy-count">
            {count(policies.data?.total ?? 0, 'document')}
          </Text>
        </Group>
        <QueryState loading={policies.isLoading} error={policies.error}>
          <PoliciesTable policies={policies.data?.items ?? []} />
          {policies.data?.total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {show === 'overdue' ? 'No document is overdue for review.' : 'No documents yet.'}
            </Text>
          )}
          <PageControls total={policies.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {creating && <PolicyFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
