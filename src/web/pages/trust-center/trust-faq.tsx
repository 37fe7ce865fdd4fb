import {
  Alert,
  Badge,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ControlSummary } from '../../../contracts/controls.js';
import type { Page } from '../../../contracts/paging.js';
import type { FaqEntry } from '../../../contracts/trust-center.js';
import { api, query } from '../../api/client.js';
import { EmptyState, GoToButton } from '../../ui/EmptyState.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { NewFaqContent } from './trust-faq-new.js';

const PAGE_SIZE = 50;

function EntryStatus({ entry }: { entry: FaqEntry }) {
  if (entry.needsReview)
    return (
      <Stack gap={2}>
        <Badge variant="dot" color="red" tt="none" radius="sm" miw="max-content">
          Hidden: needs review
        </Badge>
        <Text size="xs">{entry.reviewReason}</Text>
      </Stack>
    );
  if (!entry.published)
    return (
      <Badge variant="dot" color="gray" tt="none" radius="sm" miw="max-content">
        Not published
      </Badge>
    );
  return (
    <Badge variant="dot" color="teal" tt="none" radius="sm" miw="max-content">
      Published
    </Badge>
  );
}

function EntryEditor({ entry, onClose }: { entry: FaqEntry; onClose: () => void }) {
  const client = useQueryClient();
  const [question, setQuestion] = useState(entry.question);
  const [answer, setAnswer] = useState(entry.answer);
  const [published, setPublished] = useState(entry.published);
  const [controlIds, setControlIds] = useState(entry.controls.map((c) => c.id));
  const [evidenceIds, setEvidenceIds] = useState(entry.evidence.map((e) => e.id));
  const evidence = useQuery({
    queryKey: ['evidence', 'picker'],
    queryFn: () => api.get<Page<{ id: string; title: string }>>('/api/evidence?pageSize=200'),
  });
  const controls = useQuery({
    queryKey: ['controls', 'picker'],
    queryFn: () => api.get<Page<ControlSummary>>('/api/controls?pageSize=200'),
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch(`/api/faq/entries/${entry.id}`, { question, answer, published, controlIds, evidenceIds }),
    onSuccess: () => {
      notifySuccess('Answer saved');
      void client.invalidateQueries({ queryKey: ['faq-entries'] });
      onClose();
    },
    onError: notifyError,
  });
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
          <Checkbox
            label="Published"
            checked={published}
            onChange={(e) => setPublished(e.currentTarget.checked)}
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

export function FaqPanel({ manage }: { manage: boolean }) {
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [editing, setEditing] = useState<FaqEntry | null>(null);
  const params = query({ page, pageSize: PAGE_SIZE, needsReview: flaggedOnly ? 'true' : undefined });
  const entries = useQuery({
    queryKey: ['faq-entries', params],
    queryFn: () => api.get<Page<FaqEntry>>(`/api/faq/entries${params}`),
    placeholderData: (previous) => previous,
  });
  const confirm = useMutation({
    mutationFn: (id: string) => api.post(`/api/faq/entries/${id}/confirm`),
    onSuccess: () => {
      notifySuccess('Answer confirmed; it is public again');
      void client.invalidateQueries({ queryKey: ['faq-entries'] });
    },
    onError: notifyError,
  });
  return (
    <Card withBorder padding="lg">
      <Alert color="blue" mb="md" title="Answers backed by controls">
        An answer linked to a control that fails a check or lacks fresh evidence is hidden from the public FAQ
        until someone here confirms it still holds.
      </Alert>
      <Checkbox
        mb="md"
        label="Only answers that need review"
        checked={flaggedOnly}
        onChange={(e) => {
          setFlaggedOnly(e.currentTarget.checked);
          setPage(1);
        }}
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
                        {e.needsReview && (
                          <Button
                            size="xs"
                            color="orange"
                            onClick={() => confirm.mutate(e.id)}
                            aria-label={`Confirm ${e.question}`}
                          >
                            Confirm
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
      {manage && <NewFaqContent />}
    </Card>
  );
}
