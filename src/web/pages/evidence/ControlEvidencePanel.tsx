import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconLink, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useEvidenceList } from '../../api/evidence.js';
import { useSession } from '../../auth/session.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { AddLinkModal, UploadEvidenceModal } from './evidence-forms.js';
import { EvidenceTable } from './evidence-table.js';

const PAGE_SIZE = 10;

/** A control's evidence, newest first, with upload and add-link for people who may submit evidence. */
export function ControlEvidencePanel({ controlId }: { controlId: string }) {
  const { can } = useSession();
  const {
    values: { evidencePage: page },
    setPage,
  } = useListParams({ evidencePage: listParam.page() }, { pageKey: 'evidencePage' });
  const [adding, setAdding] = useState<'file' | 'link' | null>(null);
  const evidence = useEvidenceList({ controlId, page, pageSize: PAGE_SIZE }, can('evidence.read'));
  if (!can('evidence.read')) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="control-evidence-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="control-evidence-heading">
          Evidence
        </Title>
        {can('evidence.submit') && (
          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => setAdding('file')}
            >
              Upload file
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconLink size={16} aria-hidden />}
              onClick={() => setAdding('link')}
            >
              Add link
            </Button>
          </Group>
        )}
      </Group>
      <QueryState loading={evidence.isLoading} error={evidence.error}>
        {evidence.data?.total ? (
          <EvidenceTable items={evidence.data.items} showControls={false} />
        ) : (
          <Text c="dimmed" size="sm">
            No evidence for this control yet. Evidence proves a date and may expire; the control is stale when
            none of its evidence is valid today.
          </Text>
        )}
        <PageControls total={evidence.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
      {adding === 'file' && <UploadEvidenceModal controlIds={[controlId]} onClose={() => setAdding(null)} />}
      {adding === 'link' && <AddLinkModal controlIds={[controlId]} onClose={() => setAdding(null)} />}
    </Card>
  );
}
