import { Button, Card, Group, Select, Text, TextInput } from '@mantine/core';
import { IconLink, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useEvidenceList } from '../../api/evidence.js';
import { useSession } from '../../auth/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { AddLinkModal, UploadEvidenceModal } from './evidence-forms.js';
import { EvidenceTable } from './evidence-table.js';
import { evidenceKindLabels } from './evidence-ui.js';

const PAGE_SIZE = 50;
const stateOptions = [
  { value: 'fresh', label: 'Fresh (counts today)' },
  { value: 'stale', label: 'Not counting (expired or not yet valid)' },
  { value: 'expired', label: 'Expired' },
  { value: 'pending', label: 'Not yet valid' },
];
const kindOptions = Object.entries(evidenceKindLabels).map(([value, label]) => ({ value, label }));

export function EvidencePage() {
  const { can } = useSession();
  const [adding, setAdding] = useState<'file' | 'link' | null>(null);
  const {
    values: { q, state, kind, page },
    update,
    setPage,
  } = useListParams({
    q: listParam.text(),
    state: listParam.text(),
    kind: listParam.text(),
    page: listParam.page(),
  });
  const evidence = useEvidenceList({ q, state, kind, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Evidence"
        description="Files, links and check results that prove controls work, each with the date it proves and its expiry."
        actions={
          can('evidence.submit') && (
            <>
              <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setAdding('file')}>
                Upload file
              </Button>
              <Button
                variant="default"
                leftSection={<IconLink size={16} aria-hidden />}
                onClick={() => setAdding('link')}
              >
                Add link
              </Button>
            </>
          )
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <TextInput
            label="Search"
            placeholder="Title"
            value={q}
            onChange={(e) => update({ q: e.currentTarget.value })}
          />
          <Select
            label="State"
            placeholder="Any state"
            data={stateOptions}
            value={state || null}
            onChange={(v) => update({ state: v ?? '' })}
            clearable
            w={300}
          />
          <Select
            label="Kind"
            placeholder="Any kind"
            data={kindOptions}
            value={kind || null}
            onChange={(v) => update({ kind: v ?? '' })}
            clearable
            w={200}
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {evidence.data ? count(evidence.data.total, 'item') : ''}
          </Text>
        </Group>
        <QueryState loading={evidence.isLoading} error={evidence.error}>
          {evidence.data?.total ? (
            <EvidenceTable items={evidence.data.items} />
          ) : q || state || kind ? (
            <EmptyState
              title="No evidence matches"
              actions={
                <Button variant="light" onClick={() => update({ q: '', state: '', kind: '' })}>
                  Clear filters
                </Button>
              }
            >
              Nothing matches these filters.
            </EmptyState>
          ) : (
            <EmptyState
              title="No evidence yet"
              actions={
                can('evidence.submit') && (
                  <>
                    <Button variant="light" onClick={() => setAdding('file')}>
                      Upload the first file
                    </Button>
                    <Button variant="default" onClick={() => setAdding('link')}>
                      Add a link
                    </Button>
                  </>
                )
              }
            >
              Evidence proves that a control works on a date: a report, an export, a link to a ticket, or a
              check's result. Attach it to the controls it proves; a control whose evidence expired is stale.
            </EmptyState>
          )}
          <PageControls total={evidence.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {adding === 'file' && <UploadEvidenceModal onClose={() => setAdding(null)} />}
      {adding === 'link' && <AddLinkModal onClose={() => setAdding(null)} />}
    </>
  );
}
