import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditProgramme, AuditSummary } from '../../../contracts/audits.js';
import { useAudits, useRecentProgrammes } from '../../api/audits.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { AuditFormModal } from './audit-form.js';
import { AuditStatusBadge, auditStatusLabels, auditTypeLabels, optionsOf } from './audit-labels.js';
import { CreateProgrammeModal } from './programme-create.js';

const PAGE_SIZE = 50;

function Programmes({ programmes }: { programmes: AuditProgramme[] }) {
  if (programmes.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No audit programme yet.
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      {programmes.map((p) => (
        <Card key={p.id} withBorder padding="md" component="section" aria-label={`Audit programme ${p.year}`}>
          <Title order={3} size="h5">
            Programme {p.year}
          </Title>
          <Text size="sm" c="dimmed">
            {count(p.auditCount, 'audit')}
          </Text>
          {p.objectives && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {p.objectives}
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

function AuditsTable({ audits }: { audits: AuditSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label="Audits">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Planned</Table.Th>
            <Table.Th>Auditor</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Findings</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audits.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/audits/${a.id}`} size="sm">
                  {a.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{auditTypeLabels[a.type]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {a.plannedStart} – {a.plannedEnd}
              </Table.Td>
              <Table.Td>{a.leadAuditorName ?? a.externalAuditor}</Table.Td>
              <Table.Td>
                <AuditStatusBadge status={a.status} />
              </Table.Td>
              <Table.Td ta="right">{a.findingCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AuditsPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState<'audit' | 'programme' | null>(null);
  const {
    values: { status, page },
    update,
    setPage,
  } = useListParams({ status: listParam.text(), page: listParam.page() });
  const programmes = useRecentProgrammes();
  const audits = useAudits({ status, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Audits"
        description="The yearly audit programme, internal audits and certification audits with their checklists and findings."
        actions={
          can('audits.manage') && (
            <>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating('programme')}
              >
                New programme
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating('audit')}>
                New audit
              </Button>
            </>
          )
        }
      />
      <Stack>
        <QueryState loading={programmes.isLoading} error={programmes.error}>
          <Programmes programmes={programmes.data?.items ?? []} />
        </QueryState>
        <Card withBorder padding="lg">
          <Group justify="space-between" mb="xs" align="flex-end">
            <NativeSelect
              label="Status"
              data={[{ value: '', label: 'Any status' }, ...optionsOf(auditStatusLabels)]}
              value={status}
              onChange={(e) => update({ status: e.currentTarget.value })}
            />
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="audit-count">
              {count(audits.data?.total ?? 0, 'audit')}
            </Text>
          </Group>
          <QueryState loading={audits.isLoading} error={audits.error}>
            <AuditsTable audits={audits.data?.items ?? []} />
            {audits.data?.total === 0 && (
              <Text c="dimmed" ta="center" py="lg">
                No audits yet.
              </Text>
            )}
            <PageControls total={audits.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
          </QueryState>
        </Card>
      </Stack>
      {creating === 'audit' && <AuditFormModal onClose={() => setCreating(null)} />}
      {creating === 'programme' && <CreateProgrammeModal onClose={() => setCreating(null)} />}
    </>
  );
}
