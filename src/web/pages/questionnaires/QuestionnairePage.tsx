import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { Page } from '../../../contracts/paging.js';
import type { Questionnaire, QuestionnaireItem } from '../../../contracts/questionnaires.js';
import { api, query } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';

const statusLabels: Record<QuestionnaireItem['status'], string> = {
  unanswered: 'Unanswered',
  proposed: 'Proposed',
  edited: 'Edited',
  approved: 'Approved',
  'not-applicable': 'Not applicable',
};
const tierColors = { high: 'teal', medium: 'yellow', low: 'orange' } as const;
const sourceLabels = { faq: 'FAQ', control: 'Control', policy: 'Policy' } as const;

function ItemCard({
  questionnaireId,
  item,
  manage,
}: {
  questionnaireId: string;
  item: QuestionnaireItem;
  manage: boolean;
}) {
  const client = useQueryClient();
  const [answer, setAnswer] = useState(item.answer ?? item.proposedAnswer ?? '');
  const base = `/api/questionnaires/${questionnaireId}/items/${item.id}`;
  const done = (message: string) => () => {
    notifySuccess(message);
    void client.invalidateQueries({ queryKey: ['questionnaire', questionnaireId] });
  };
  const save = useMutation({
    mutationFn: () => api.put(`${base}/answer`, { answer }),
    onSuccess: done('Answer saved'),
    onError: notifyError,
  });
  const approve = useMutation({
    mutationFn: () => api.post(`${base}/approve`, { answer }),
    onSuccess: done('Answer approved'),
    onError: notifyError,
  });
  const notApplicable = useMutation({
    mutationFn: () => api.post(`${base}/not-applicable`),
    onSuccess: done('Marked not applicable'),
    onError: notifyError,
  });
  return (
    <Card withBorder padding="md" component="article" aria-label={`Row ${item.row}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          Row {item.row}: {item.question}
        </Text>
        <Group gap={4}>
          <Badge variant="light">{statusLabels[item.status]}</Badge>
          {item.confidence && (
            <Badge color={tierColors[item.confidence]} variant="light">
              {item.confidence} confidence
            </Badge>
          )}
        </Group>
      </Group>
      {!item.proposedAnswer && (
        <Text size="sm" c="dimmed" mb="xs">
          No approved content answers this question well enough; write the answer yourself.
        </Text>
      )}
      {item.sources.length > 0 && (
        <List size="sm" mb="xs" aria-label={`Sources for row ${item.row}`}>
          {item.sources.map((s) => (
            <List.Item key={`${s.type}-${s.id}`}>
              {sourceLabels[s.type]}: {s.ref ? `${s.ref} — ` : ''}
              {s.title} (score {s.score.toFixed(2)})
            </List.Item>
          ))}
        </List>
      )}
      {item.approvedByName && item.approvedAt && (
        <Text size="sm" c="dimmed" mb="xs">
          Decided by {item.approvedByName} at {new Date(item.approvedAt).toLocaleString()}
        </Text>
      )}
      {manage && (
        <Stack gap="xs">
          <Textarea
            label={`Answer for row ${item.row}`}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => save.mutate()}
              disabled={!answer.trim()}
              loading={save.isPending}
            >
              Save answer
            </Button>
            <Button
              size="xs"
              onClick={() => approve.mutate()}
              disabled={!answer.trim()}
              loading={approve.isPending}
            >
              Approve row {item.row}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => notApplicable.mutate()}
              loading={notApplicable.isPending}
            >
              Not applicable
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

export function QuestionnairePage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const manage = can('trust-center.manage');
  const client = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const questionnaire = useQuery({
    queryKey: ['questionnaire', id],
    queryFn: () => api.get<Questionnaire>(`/api/questionnaires/${id}`),
  });
  const items = useQuery({
    queryKey: ['questionnaire', id, 'items', status],
    queryFn: () =>
      api.get<Page<QuestionnaireItem>>(
        `/api/questionnaires/${id}/items${query({ pageSize: 200, status: status ?? undefined })}`,
      ),
  });
  const rerun = useMutation({
    mutationFn: () => api.post<{ proposed: number }>(`/api/questionnaires/${id}/proposals`),
    onSuccess: (r) => {
      notifySuccess(`${r.proposed} answers proposed`);
      void client.invalidateQueries({ queryKey: ['questionnaire', id] });
    },
    onError: notifyError,
  });
  const q = questionnaire.data;
  return (
    <QueryState loading={questionnaire.isLoading} error={questionnaire.error}>
      {q && (
        <>
          <PageHeader
            title={q.title}
            description={`${q.fileName} · sheet ${q.sheet ?? '—'}, questions in ${q.questionColumn ?? '—'}, answers in ${q.answerColumn ?? '—'}`}
            actions={
              manage && (
                <>
                  <Button variant="default" onClick={() => rerun.mutate()} loading={rerun.isPending}>
                    Propose again
                  </Button>
                  <Anchor href={`/api/questionnaires/${id}/export`} download>
                    Download the answered file
                  </Anchor>
                </>
              )
            }
          />
          <Title order={2} size="h4" mb="xs">
            Progress
          </Title>
          <Text mb="md" role="status">
            {q.progress.approved} approved, {q.progress.notApplicable} not applicable, {q.progress.edited}{' '}
            edited, {q.progress.proposed} proposed, {q.progress.unanswered} unanswered of {q.progress.total}
          </Text>
          <Select
            label="Status"
            placeholder="All"
            data={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))}
            value={status}
            onChange={setStatus}
            clearable
            w={220}
            mb="md"
          />
          <QueryState loading={items.isLoading} error={items.error}>
            <Stack>
              {(items.data?.items ?? []).map((item) => (
                <ItemCard
                  key={`${item.id}-${item.updatedAt}`}
                  questionnaireId={id}
                  item={item}
                  manage={manage}
                />
              ))}
            </Stack>
          </QueryState>
        </>
      )}
    </QueryState>
  );
}
