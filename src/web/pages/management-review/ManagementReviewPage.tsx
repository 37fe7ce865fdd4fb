import { Button, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ReviewDetail } from '../../../contracts/management-review.js';
import {
  type Block,
  reviewHeaderLines,
  reviewSections,
} from '../../../formats/management-review-sections.js';
import { fieldErrors } from '../../api/client.js';
import { reviewsApi, useAddReviewAction, useReview, useReviewStep } from '../../api/management-review.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';
import { OwnerSelect } from '../../ui/OwnerSelect.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';

const blockKey = (b: Block) =>
  b.kind === 'text'
    ? b.text
    : b.kind === 'list'
      ? `list:${b.items.join('|')}`
      : `table:${b.headers.join('|')}`;

function BlockView({ block, label }: { block: Block; label: string }) {
  if (block.kind === 'text') return <Text size="sm">{block.text}</Text>;
  if (block.kind === 'list')
    return (
      <List size="sm">
        {block.items.map((i) => (
          <List.Item key={i}>{i}</List.Item>
        ))}
      </List>
    );
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {block.headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {block.rows.map((row) => (
            <Table.Tr key={row.join('|')}>
              {row.map((cell, i) => (
                <Table.Td key={`${block.headers[i]}`}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Report({ review }: { review: ReviewDetail }) {
  if (!review.report) return <Text>No report yet: assemble it to gather the programme's figures.</Text>;
  const doc = {
    report: review.report,
    status: review.status,
    decisions: review.actions.map((a) => ({ text: a.text, ownerName: a.ownerName, dueDate: a.dueDate })),
  };
  return (
    <Stack>
      <div>
        {reviewHeaderLines(doc).map((l) => (
          <Text key={l} size="sm">
            {l}
          </Text>
        ))}
      </div>
      {reviewSections(doc).map((s) => (
        <Card withBorder padding="lg" key={s.heading} component="section" aria-label={s.heading}>
          <Title order={2} size="h4" mb="xs">
            {s.heading}
          </Title>
          <Stack gap="xs">
            {s.blocks.map((b) => (
              <BlockView key={blockKey(b)} block={b} label={s.heading} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function DecisionForm({ review }: { review: ReviewDetail }) {
  const [form, setForm] = useState({ text: '', dueDate: '' });
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const add = useAddReviewAction(review.id, {
    onSuccess: () => {
      setForm({ text: '', dueDate: '' });
      setOwnerId(null);
      notifySuccess('Decision recorded');
    },
  });
  const errors = fieldErrors(add.error);
  return (
    <Card withBorder padding="lg">
      <FormAlert error={add.error} />
      <Group align="flex-end">
        <TextInput
          label="Decision or action"
          style={{ flex: 1 }}
          value={form.text}
          onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
          error={errors.text}
        />
        <OwnerSelect value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
        <TextInput
          label="Due date"
          type="date"
          value={form.dueDate}
          onChange={(e) => setForm({ ...form, dueDate: e.currentTarget.value })}
          error={errors.dueDate}
        />
        <Button
          loading={add.isPending}
          onClick={() => add.mutate({ text: form.text, ownerId, dueDate: form.dueDate || null })}
        >
          Record decision
        </Button>
      </Group>
    </Card>
  );
}

export function ManagementReviewPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const review = useReview(id);
  const step = useReviewStep(id, {
    onSuccess: (r) => notifySuccess(r.status === 'closed' ? 'Review closed' : 'Report assembled'),
  });
  const r = review.data;
  const manage = can('management-reviews.manage') && r?.status !== 'closed';
  return (
    <QueryState loading={review.isLoading} error={review.error}>
      {r && (
        <>
          <PageHeader
            title={r.title}
            description={`Period ${r.periodFrom} – ${r.periodTo}, meeting ${r.meetingDate}. Status: ${r.status}.`}
            actions={
              <Group>
                {manage && (
                  <Button loading={step.isPending} onClick={() => step.mutate('assemble')}>
                    {r.report ? 'Assemble again' : 'Assemble report'}
                  </Button>
                )}
                {manage && r.status === 'assembled' && (
                  <Button variant="default" onClick={() => step.mutate('close')}>
                    Close review
                  </Button>
                )}
                {r.report &&
                  (['md', 'pdf'] as const).map((ext) => (
                    <Button
                      key={ext}
                      component="a"
                      href={reviewsApi.reportUrl(r.id, ext)}
                      download
                      variant="default"
                      leftSection={<IconDownload size={14} aria-hidden />}
                    >
                      Download {ext === 'md' ? 'Markdown' : 'PDF'}
                    </Button>
                  ))}
              </Group>
            }
          />
          <FormAlert error={step.error} />
          <Stack>
            <Report review={r} />
            {manage && r.report && <DecisionForm review={r} />}
          </Stack>
        </>
      )}
    </QueryState>
  );
}
