import { Anchor, Card, Group, Select, Table, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import type { RequirementSummary } from '../../../contracts/frameworks.js';
import { query } from '../../api/client.js';
import { useCoverageRequirements, useFramework } from '../../api/frameworks.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { Crumbs } from '../frameworks/crumbs.js';
import { ApplicabilityBadge, ImplementationBadge } from '../frameworks/requirement-status.js';
import { ServiceScopeSelect } from '../frameworks/soa-export.js';
import { type DrillDown, drillDownLabels, drillDownOptions, isDrillDown } from './coverage-labels.js';

const PAGE_SIZE = 50;

function DrillDownTable({ items, caption }: { items: RequirementSummary[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ref</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Applicability</Table.Th>
            <Table.Th>Implementation</Table.Th>
            <Table.Th ta="right">Controls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {r.ref}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/requirements/${r.id}`} size="sm">
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <ApplicabilityBadge applicable={r.applicable} />
              </Table.Td>
              <Table.Td>
                <ImplementationBadge status={r.implementationStatus} />
              </Table.Td>
              <Table.Td ta="right">{r.controlCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DrillDownList({ frameworkId, filter }: { frameworkId: string; filter: DrillDown }) {
  const {
    values: { serviceId, page },
    update,
    setPage,
  } = useListParams({ serviceId: listParam.text(), page: listParam.page() });
  const navigate = useNavigate();
  const framework = useFramework(frameworkId);
  const list = useCoverageRequirements(frameworkId, {
    filter,
    serviceId: serviceId || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const name = framework.data?.name ?? 'Framework';
  return (
    <>
      <Crumbs trail={[['/coverage', 'Coverage']]} current={name} />
      <PageHeader title={`${name}: ${drillDownLabels[filter].toLowerCase()}`} />
      <Card withBorder padding="lg">
        <Group align="flex-end" mb="md">
          <Select
            label="Show requirements where"
            w={320}
            data={drillDownOptions}
            value={filter}
            allowDeselect={false}
            onChange={(v) =>
              v && navigate(`/coverage/${frameworkId}/${v}${query({ serviceId: serviceId || undefined })}`)
            }
          />
          <ServiceScopeSelect
            label="Service"
            value={serviceId || null}
            onChange={(id) => update({ serviceId: id ?? '' })}
          />
        </Group>
        <QueryState loading={list.isLoading} error={list.error}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {count(list.data?.total ?? 0, 'requirement')}
          </Text>
          <DrillDownTable items={list.data?.items ?? []} caption={`${name}: ${drillDownLabels[filter]}`} />
          {list.data?.total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              None: nothing to do here.
            </Text>
          )}
          <PageControls total={list.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
    </>
  );
}

export function CoverageRequirementsPage() {
  const { frameworkId = '', filter } = useParams();
  if (!isDrillDown(filter)) {
    return (
      <>
        <PageHeader title="Unknown coverage view" />
        <Anchor component={Link} to="/coverage">
          Back to coverage
        </Anchor>
      </>
    );
  }
  return <DrillDownList frameworkId={frameworkId} filter={filter} />;
}
