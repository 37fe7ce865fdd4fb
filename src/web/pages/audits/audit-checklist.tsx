import { Anchor, Button, Card, Group, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { type AuditDetail, type ChecklistItem, checklistResultSchema } from '../../../contracts/audits.js';
import { useChecklist } from '../../api/audits.js';
import { useSession } from '../../auth/session.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { FindingModal, ResultModal } from './audit-dialogs.js';
import { optionsOf, ResultBadge, resultLabels } from './audit-labels.js';

const PAGE_SIZE = 50;
/** The result filter: one result, or '' for any. */
const resultFilter = checklistResultSchema.or(z.literal('')).catch('');

function Progress({ audit }: { audit: AuditDetail }) {
  const p = audit.progress;
  const pct = p.total ? Math.round((p.checked / p.total) * 100) : 0;
  return (
    <Text size="sm" data-testid="checklist-progress">
      {p.checked} of {p.total} checked ({pct} %) · {p.conform} conform · {p.nonconform} nonconform ·{' '}
      {p.observation} observations
    </Text>
  );
}

function Row({
  item,
  conduct,
  onResult,
  onFinding,
}: {
  item: ChecklistItem;
  conduct: boolean;
  onResult: () => void;
  onFinding: () => void;
}) {
  return (
    <Table.Tr data-item={item.requirementRef}>
      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {item.requirementRef}
      </Table.Td>
      <Table.Td>
        {item.requirementId ? (
          <Anchor component={Link} to={`/requirements/${item.requirementId}`} size="sm">
            {item.requirementTitle}
          </Anchor>
        ) : (
          item.requirementTitle
        )}
        <Text size="xs" c="dimmed">
          {item.controls.length
            ? item.controls.map((c) => `${c.ref} ${c.title}`).join(' · ')
            : 'No control mapped'}
        </Text>
      </Table.Td>
      <Table.Td>
        <ResultBadge result={item.result} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {item.notes}
        </Text>
      </Table.Td>
      {conduct && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              onClick={onResult}
              aria-label={`Record result for ${item.requirementRef}`}
            >
              Result
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={onFinding}
              aria-label={`Raise finding on ${item.requirementRef}`}
            >
              Finding
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function AuditChecklist({ audit }: { audit: AuditDetail }) {
  const { can } = useSession();
  const conduct = can('findings.raise') && audit.status === 'in-progress';
  const {
    values: { checklistSearch: q, checklistResult: result, checklistPage: page },
    update,
    setPage,
  } = useListParams(
    {
      checklistSearch: listParam.text(),
      checklistResult: resultFilter,
      checklistPage: listParam.page(),
    },
    { pageKey: 'checklistPage' },
  );
  const [editing, setEditing] = useState<{ item: ChecklistItem; kind: 'result' | 'finding' } | null>(null);
  const checklist = useChecklist(audit.id, { q, result, page, pageSize: PAGE_SIZE });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="checklist-heading">
      <Title order={2} size="h4" id="checklist-heading" mb="xs">
        Checklist
      </Title>
      <Progress audit={audit} />
      {audit.status === 'planned' && (
        <Text size="sm" c="dimmed">
          Results are recorded once the audit has started.
        </Text>
      )}
      <Group my="sm" align="flex-end">
        <TextInput
          label="Search checklist"
          value={q}
          onChange={(e) => update({ checklistSearch: e.currentTarget.value })}
        />
        <NativeSelect
          label="Result"
          data={[{ value: '', label: 'Any result' }, ...optionsOf(resultLabels)]}
          value={result}
          onChange={(e) => update({ checklistResult: resultFilter.parse(e.currentTarget.value) })}
        />
      </Group>
      <QueryState loading={checklist.isLoading} error={checklist.error}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ref</Table.Th>
                <Table.Th>Requirement and controls</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Notes</Table.Th>
                {conduct && <Table.Th>Record</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(checklist.data?.items ?? []).map((item) => (
                <Row
                  key={item.id}
                  item={item}
                  conduct={conduct}
                  onResult={() => setEditing({ item, kind: 'result' })}
                  onFinding={() => setEditing({ item, kind: 'finding' })}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <PageControls total={checklist.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
      {editing?.kind === 'result' && (
        <ResultModal auditId={audit.id} item={editing.item} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'finding' && (
        <FindingModal auditId={audit.id} item={editing.item} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
