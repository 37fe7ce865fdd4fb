import { Badge, Button, Card, Checkbox, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { QuestionnaireItem } from '../../../contracts/questionnaires.js';
import { useApproveItem, useMarkNotApplicable, useSaveAnswer } from '../../api/questionnaires.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';
import { SourceExplanation } from './source-explanation.js';

export const statusLabels: Record<QuestionnaireItem['status'], string> = {
  unanswered: 'Unanswered',
  proposed: 'Proposed',
  edited: 'Edited',
  approved: 'Approved',
  'not-applicable': 'Not applicable',
};
const statusColors: Record<QuestionnaireItem['status'], StatusColor> = {
  unanswered: 'gray',
  proposed: 'blue',
  edited: 'yellow',
  approved: 'teal',
  'not-applicable': 'gray',
};
const tierColors = { high: 'teal', medium: 'yellow', low: 'orange' } as const;
const sourceLabels = { faq: 'FAQ', control: 'Control', policy: 'Policy' } as const;

export function ItemCard({
  questionnaireId,
  item,
  manage,
  selected,
  onSelect,
}: {
  questionnaireId: string;
  item: QuestionnaireItem;
  manage: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const [answer, setAnswer] = useState(item.answer ?? item.proposedAnswer ?? '');
  const done = (message: string) => ({ onSuccess: () => notifySuccess(message), onError: notifyError });
  const save = useSaveAnswer(questionnaireId, item.id, done('Answer saved'));
  const approve = useApproveItem(questionnaireId, item.id, done('Answer approved'));
  const notApplicable = useMarkNotApplicable(questionnaireId, item.id, done('Marked not applicable'));
  return (
    <Card withBorder padding="md" component="article" aria-label={`Row ${item.row}`}>
      <Group justify="space-between" mb="xs" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {manage && (
            <Checkbox
              aria-label={`Select row ${item.row}`}
              checked={selected}
              onChange={(e) => onSelect(e.currentTarget.checked)}
              mt={3}
            />
          )}
          <Text fw={600}>
            Row {item.row}: {item.question}
          </Text>
        </Group>
        <Group gap={4} justify="flex-end">
          <StatusBadge status={item.status} labels={statusLabels} colors={statusColors} />
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
              <SourceExplanation source={s} />
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
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() => save.mutate(answer)}
              disabled={!answer.trim()}
              loading={save.isPending}
            >
              Save answer
            </Button>
            <Button
              size="xs"
              onClick={() => approve.mutate(answer)}
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
