import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FaqEntry } from '../../../contracts/trust-center.js';
import { useChange } from '../../api/change.js';
import { errorMessage, fieldErrors } from '../../api/client.js';
import { useControlPicker } from '../../api/controls.js';
import { useEvidencePicker } from '../../api/evidence.js';
import { trustApi, trustKeys, useFaqEntries, useTrustSettings } from '../../api/trust-center.js';
import { EmptyState, GoToButton } from '../../ui/EmptyState.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge } from '../../ui/StatusBadge.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { NewFaqContent } from './trust-faq-new.js';

const PAGE_SIZE = 50;

function EntryStatus({ entry }: { entry: FaqEntry }) {
  if (entry.needsReview)
    return (
      <Stack gap={2}>
        <StatusBadge color="red">Hidden: needs review</StatusBadge>
        <Text size="xs">{entry.reviewReason}</Text>
      </Stack>
    );
  if (entry.published && entry.confirmedNote)
    return (
      <Stack gap={2}>
        <StatusBadge color="teal">Published, released by a person</StatusBadge>
        <Text size="xs">{entry.confirmedNote}</Text>
      </Stack>
    );
  if (!entry.published) return <StatusBadge color="gray">Draft</StatusBadge>;
  return <StatusBadge color="teal">Published</StatusBadge>;
}

function EntryEditor({ entry, onClose }: { entry: FaqEntry; onClose: () => void }) {
  const [question, setQuestion] = useState(entry.question);
  const [answer, setAnswer] = useState(entry.answer);
  const [controlIds, setControlIds] = useState(entry.controls.map((c) => c.id));
  const [evidenceIds, setEvidenceIds] = useState(entry.evidence.map((e) => e.id));
  const evidence = useEvidencePicker({ pageSize: 200 });
  const controls = useControlPicker({ pageSize: 200 });
  const save = useChange(
    () => trustApi.updateFaqEntry(entry.id, { question, answer, controlIds, evidenceIds }),
    () => [trustKeys.faqEntries],
    {
      onSuccess: () => {
        notifySuccess('Answer saved');
        onClose();
      },
      onError: notifyError,
    },
  );
  return (
    <Modal opened onClose={onClose} title="Edit FAQ entry" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput label="Question" value={question} onChange={(e) => setQuestion(e.currentTarget.value)} />
          <Textarea
            label="Answer (Markdown)"
            autosize
            minRows={5}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
          />
          <MultiSelect
            label="Backed by controls"
            description="If one of them fails or its evidence goes stale, the answer is hidden until someone confirms it."
            searchable
            data={(controls.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` }))}
            value={controlIds}
            onChange={setControlIds}
          />
          <MultiSelect
            label="Backed by evidence"
            searchable
            data={(evidence.data?.items ?? []).map((x) => ({ value: x.id, label: x.title }))}
            value={evidenceIds}
            onChange={setEvidenceIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save answer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Releasing an answer held for review is an override: it needs a reason, kept with the answer and audited. */
function ReleaseDialog({ entry, onClose }: { entry: FaqEntry; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const release = useChange(
    () => trustApi.confirmFaqEntry(entry.id, reason),
    () => [trustKeys.faqEntries],
    {
      onSuccess: () => {
        notifySuccess('Answer released; it is public again');
        onClose();
      },
    },
  );
  return (
    <Modal opened onClose={onClose} title="Release a held answer" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          release.mutate();
        }}
      >
        <Stack>
          <Text size="sm">
            “{entry.question}” is held because {entry.reviewReason}. Releasing it publishes the answer despite
            that; your reason is kept with the answer and in the audit log.
          </Text>
          <Textarea
            label="Why does the answer still hold?"
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={
              release.isError ? (fieldErrors(release.error).reason ?? errorMessage(release.error)) : undefined
            }
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={release.isPending} disabled={reason.trim().length < 10}>
              Release answer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function UnpublishedNotice() {
  const settings = useTrustSettings();
  if (!settings.data || settings.data.published) return null;
  return (
    <Alert color="yellow" mb="md" title="The trust center is not published">
      Visitors cannot read this FAQ yet, published answers included. Publish the trust center under Settings
      when it is ready.
    </Alert>
  );
}

export function FaqPanel({ manage }: { manage: boolean }) {
  const {
    values: { page, needsReview },
    update,
    setPage,
  } = useListParams({ needsReview: listParam.text(), page: listParam.page() });
  const flaggedOnly = needsReview === 'true';
  const [editing, setEditing] = useState<FaqEntry | null>(null);
  const [releasing, setReleasing] = useState<FaqEntry | null>(null);
  const entries = useFaqEntries({ page, pageSize: PAGE_SIZE, needsReview: flaggedOnly ? 'true' : undefined });
  const publish = useChange(
    ({ id, on }: { id: string; on: boolean }) =>
      on ? trustApi.publishFaqEntry(id) : trustApi.updateFaqEntry(id, { published: false }),
    () => [trustKeys.faqEntries],
    {
      onSuccess: (_r, { on }) =>
        notifySuccess(on ? 'Answer published' : 'Answer withdrawn; it is a draft again'),
      onError: notifyError,
    },
  );
  return (
    <Card withBorder padding="lg">
      <UnpublishedNotice />
      <Alert color="blue" mb="md" title="Drafts and answers backed by controls">
        A new answer is a draft until someone publishes it. An answer linked to a control that fails a check
        or lacks fresh evidence is hidden from the public FAQ until someone here releases it, giving a reason.
      </Alert>
      <Checkbox
        mb="md"
        label="Only answers that need review"
        checked={flaggedOnly}
        onChange={(e) => update({ needsReview: e.currentTarget.checked ? 'true' : '' })}
      />
      <QueryState loading={entries.isLoading} error={entries.error}>
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="FAQ entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Language</Table.Th>
                <Table.Th>Section</Table.Th>
                <Table.Th>Question</Table.Th>
                <Table.Th>Controls</Table.Th>
                <Table.Th>Status</Table.Th>
                {manage && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(entries.data?.items ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.language}</Table.Td>
                  <Table.Td>{e.sectionTitle}</Table.Td>
                  <Table.Td>{e.question}</Table.Td>
                  <Table.Td>{e.controls.map((c) => c.ref).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <EntryStatus entry={e} />
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing(e)}
                          aria-label={`Edit ${e.question}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant={e.published ? 'subtle' : 'filled'}
                          onClick={() => publish.mutate({ id: e.id, on: !e.published })}
                          aria-label={`${e.published ? 'Withdraw' : 'Publish'} ${e.question}`}
                        >
                          {e.published ? 'Withdraw' : 'Publish'}
                        </Button>
                        {e.needsReview && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setReleasing(e)}
                            aria-label={`Release ${e.question}`}
                          >
                            Release…
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {entries.data?.total === 0 && (
          <EmptyState
            title={flaggedOnly ? 'No answer needs review' : 'No FAQ answers yet'}
            actions={manage && !flaggedOnly && <GoToButton target="faq-add">Add a question</GoToButton>}
          >
            {flaggedOnly
              ? 'Every answer backed by controls still holds.'
              : 'Answers customers read on the public trust center. Add a section and its questions below, or import your existing FAQ from Hugo.'}
          </EmptyState>
        )}
        <PageControls page={page} pageSize={PAGE_SIZE} total={entries.data?.total ?? 0} onChange={setPage} />
      </QueryState>
      {editing && <EntryEditor entry={editing} onClose={() => setEditing(null)} />}
      {releasing && <ReleaseDialog entry={releasing} onClose={() => setReleasing(null)} />}
      {manage && <NewFaqContent />}
    </Card>
  );
}
