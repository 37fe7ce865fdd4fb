import { Card, Code, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { PolicyDiff, PolicyVersionSummary } from '../../../contracts/policies.js';
import { usePolicyDiff, usePolicyVersions } from '../../api/policies.js';
import { dateTime } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { VersionStatusBadge } from './policy-labels.js';

type DiffHunk = PolicyDiff['hunks'][number];

const PAGE_SIZE = 20;
const marker = { added: '+', removed: '−', context: ' ' } as const;
const spoken = { added: 'Added: ', removed: 'Removed: ', context: '' } as const;
const background = {
  added: 'var(--mantine-color-teal-light)',
  removed: 'var(--mantine-color-red-light)',
  context: 'transparent',
};

/** Each line keyed by its position in the old and new text, which is unique within a hunk. */
function numbered(h: DiffHunk) {
  let oldLine = h.oldStart;
  let newLine = h.newStart;
  return h.lines.map((l) => {
    const key = `${oldLine}:${newLine}`;
    if (l.kind !== 'added') oldLine++;
    if (l.kind !== 'removed') newLine++;
    return { ...l, key };
  });
}

function DiffView({ diff }: { diff: PolicyDiff }) {
  if (diff.hunks.length === 0)
    return (
      <Text size="sm">
        Versions {diff.from} and {diff.to} have the same text.
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="policy-diff">
      <Text size="sm">
        Version {diff.from} → {diff.to}: {diff.added} line{diff.added === 1 ? '' : 's'} added, {diff.removed}{' '}
        removed.
      </Text>
      {diff.hunks.map((h) => (
        <Code
          block
          key={`${h.oldStart}-${h.newStart}`}
          aria-label={`Lines ${h.newStart} to ${h.newStart + h.newLines - 1}`}
        >
          {numbered(h).map((l) => (
            <div key={l.key} style={{ background: background[l.kind], whiteSpace: 'pre-wrap' }}>
              <span aria-hidden>{marker[l.kind]} </span>
              <VisuallyHidden>{spoken[l.kind]}</VisuallyHidden>
              {l.text}
            </div>
          ))}
        </Code>
      ))}
    </Stack>
  );
}

function DiffPicker({ documentId, versions }: { documentId: string; versions: PolicyVersionSummary[] }) {
  const options = versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));
  const [from, setFrom] = useState<string | null>(versions[1] ? String(versions[1].number) : null);
  const [to, setTo] = useState<string | null>(versions[0] ? String(versions[0].number) : null);
  const diff = usePolicyDiff(documentId, from, to);
  if (versions.length < 2) return null;
  return (
    <Stack>
      <Title order={3} size="h5">
        Compare versions
      </Title>
      <Group>
        <Select label="From" data={options} value={from} onChange={setFrom} allowDeselect={false} w={160} />
        <Select label="To" data={options} value={to} onChange={setTo} allowDeselect={false} w={160} />
      </Group>
      <QueryState loading={diff.isLoading} error={diff.error}>
        {diff.data && <DiffView diff={diff.data} />}
      </QueryState>
    </Stack>
  );
}

export function VersionHistory({ documentId }: { documentId: string }) {
  const {
    values: { versionsPage: page },
    setPage,
  } = useListParams({ versionsPage: listParam.page() }, { pageKey: 'versionsPage' });
  const versions = usePolicyVersions(documentId, page, PAGE_SIZE);
  const items = versions.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="sm">
        Version history
      </Title>
      <QueryState loading={versions.isLoading} error={versions.error}>
        <Stack>
          <Table.ScrollContainer minWidth={700}>
            <Table aria-label="Versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Change</Table.Th>
                  <Table.Th>Author</Table.Th>
                  <Table.Th>Approver</Table.Th>
                  <Table.Th>Published</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.number}</Table.Td>
                    <Table.Td>
                      <VersionStatusBadge status={v.status} />
                    </Table.Td>
                    <Table.Td>{v.changeSummary || '—'}</Table.Td>
                    <Table.Td>{v.authorName ?? '—'}</Table.Td>
                    <Table.Td>{v.approverName ?? '—'}</Table.Td>
                    <Table.Td>{dateTime(v.publishedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls total={versions.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
          <DiffPicker key={items.map((v) => v.number).join()} documentId={documentId} versions={items} />
        </Stack>
      </QueryState>
    </Card>
  );
}
