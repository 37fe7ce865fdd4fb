import { Anchor, Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconChartBar, IconDownload, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAllAssets } from '../../api/assets.js';
import { useServices } from '../../api/organization.js';
import { useVulnerabilities, vulnerabilitiesApi } from '../../api/vulnerabilities.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { options, SeverityBadge, severityLabels, stateLabels } from './vulnerability-labels.js';

const PAGE_SIZE = 50;
const stateOptions = [{ value: 'active', label: 'Open or in progress' }, ...options(stateLabels)];

export function VulnerabilitiesPage() {
  const { can } = useSession();
  const services = useServices();
  const assets = useAllAssets();
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({
    q: listParam.text(),
    serviceId: listParam.text(),
    assetId: listParam.text(),
    severity: listParam.text(),
    state: listParam.text('active'),
    overdue: listParam.text(),
    page: listParam.page(),
  });
  const findings = useVulnerabilities({ ...filters, page, pageSize: PAGE_SIZE });
  const selects = [
    ['serviceId', 'Service', services.map((s) => ({ value: s.id, label: s.name }))],
    ['assetId', 'Asset', (assets.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))],
    ['severity', 'Severity', options(severityLabels)],
    ['state', 'State', stateOptions],
    [
      'overdue',
      'Fix-by date',
      [
        { value: 'true', label: 'Overdue' },
        { value: 'false', label: 'Not overdue' },
      ],
    ],
  ] as const;
  return (
    <>
      <PageHeader
        title="Vulnerabilities"
        description="Findings from imported scan reports, de-duplicated per target, with fix-by dates from the SLA."
        actions={
          <>
            <Button
              component={Link}
              to="/vulnerabilities/overview"
              variant="default"
              leftSection={<IconChartBar size={16} aria-hidden />}
            >
              Overview
            </Button>
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={vulnerabilitiesApi.exportUrl(format, filters)}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {format.toUpperCase()}
              </Button>
            ))}
            {can('vulnerabilities.import') && (
              <Button
                component={Link}
                to="/vulnerabilities/import"
                leftSection={<IconUpload size={16} aria-hidden />}
              >
                Import a scan
              </Button>
            )}
          </>
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <TextInput
            label="Search"
            placeholder="CVE, title or package"
            value={filters.q}
            onChange={(e) => update({ q: e.currentTarget.value })}
          />
          {selects.map(([key, label, data]) => (
            <Select
              key={key}
              label={label}
              placeholder="Any"
              clearable
              searchable={key === 'assetId' || key === 'serviceId'}
              data={data}
              value={filters[key] || null}
              onChange={(v) => update({ [key]: v ?? '' })}
            />
          ))}
        </Group>
        <QueryState loading={findings.isLoading} error={findings.error}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {count(findings.data?.total ?? 0, 'finding')}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-label="Vulnerability findings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Finding</Table.Th>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Fix by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(findings.data?.items ?? []).map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/vulnerabilities/${f.id}`} size="sm" ff="monospace">
                        {f.primaryId}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {f.packageName ? `${f.packageName} ${f.installedVersion ?? ''} · ` : ''}
                        {f.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={f.severity} />{' '}
                      {f.kev && (
                        <Badge color="grape" variant="light" tt="none">
                          KEV
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{stateLabels[f.state]}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.target.name}</Text>
                      {f.asset && (
                        <Text size="xs" c="dimmed">
                          {f.asset.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{f.service?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      {f.fixBy ?? '—'}{' '}
                      {f.overdue && (
                        <Badge color="red" variant="light" tt="none">
                          Overdue
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls total={findings.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
    </>
  );
}
