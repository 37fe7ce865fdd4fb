import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Questionnaire } from '../../../contracts/questionnaires.js';
import {
  questionnairesApi,
  useBulkApprove,
  useProposeAnswers,
  useQuestionnaire,
  useQuestionnaireItems,
  useSheetPreview,
} from '../../api/questionnaires.js';
import { useSession } from '../../auth/session.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { SearchInput } from '../../ui/SearchInput.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { QuestionnaireActions } from './questionnaire-actions.js';
import { ItemCard, statusLabels } from './questionnaire-item.js';
import { MappingForm } from './questionnaire-mapping.js';

const PAGE_SIZE = 50;
type Filters = Record<'status' | 'confidence' | 'q', string>;
const confidenceOptions = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
  { value: 'none', label: 'No proposal' },
];

/** Filters and page live in the address, so a reload or a shared link shows the same rows. */
function useItemFilters() {
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({
    status: listParam.text(),
    confidence: listParam.text(),
    q: listParam.text(),
    page: listParam.page(),
  });
  const typed: Filters = filters;
  return { filters: typed, page, update, setPage };
}

function Mapper({ questionnaire, onDone }: { questionnaire: Questionnaire; onDone: () => void }) {
  const preview = useSheetPreview(questionnaire.id);
  return (
    <QueryState loading={preview.isLoading} error={preview.error}>
      {preview.data && (
        <MappingForm
          questionnaire={questionnaire}
          sheets={preview.data}
          onMapped={() => {
            notifySuccess('Questions imported');
            onDone();
          }}
        />
      )}
    </QueryState>
  );
}

function Items({ q, manage }: { q: Questionnaire; manage: boolean }) {
  const { filters, page, update, setPage } = useItemFilters();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = useQuestionnaireItems(q.id, filters, page, PAGE_SIZE);
  const approve = useBulkApprove(q.id, {
    onSuccess: (r) => {
      notifySuccess(
        `${r.approved} answers approved${r.skipped ? `, ${r.skipped} without an answer skipped` : ''}`,
      );
      setSelected(new Set());
    },
    onError: notifyError,
  });
  const set = (k: keyof Filters) => (v: string | null) => {
    setSelected(new Set());
    update({ [k]: v ?? '' });
  };
  const filter = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Partial<Filters>;
  const total = items.data?.total;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md" verticalSpacing="sm">
        <Select
          label="Status"
          placeholder="All"
          data={Object.entries(statusLabels).map(([value, label]) => ({ value, label }))}
          value={filters.status || null}
          onChange={set('status')}
          clearable
        />
        <Select
          label="Confidence"
          placeholder="Any"
          data={confidenceOptions}
          value={filters.confidence || null}
          onChange={set('confidence')}
          clearable
        />
        <SearchInput
          label="Search questions"
          placeholder="Words in question or answer"
          value={filters.q}
          onChange={set('q')}
        />
      </SimpleGrid>
      {manage && (
        <Group mb="md" gap="xs">
          <Button
            variant="default"
            disabled={selected.size === 0}
            loading={approve.isPending}
            onClick={() => approve.mutate({ itemIds: [...selected] })}
          >
            Approve selected ({selected.size})
          </Button>
          <Button
            variant="light"
            disabled={!total}
            loading={approve.isPending}
            onClick={() => approve.mutate({ filter })}
          >
            Approve all {total ?? ''} matching answers
          </Button>
        </Group>
      )}
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {total === undefined
          ? ''
          : `${total} questions match; page ${page} of ${Math.max(1, Math.ceil(total / PAGE_SIZE))}`}
      </Text>
      <QueryState loading={items.isLoading} error={items.error}>
        <Stack>
          {(items.data?.items ?? []).map((item) => (
            <ItemCard
              key={`${item.id}-${item.updatedAt}`}
              questionnaireId={q.id}
              item={item}
              manage={manage}
              selected={selected.has(item.id)}
              onSelect={(on) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(item.id);
                  else next.delete(item.id);
                  return next;
                })
              }
            />
          ))}
        </Stack>
        <PageControls total={total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
    </>
  );
}

export function QuestionnairePage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const manage = can('trust-center.manage');
  const navigate = useNavigate();
  const [remapping, setRemapping] = useState(false);
  const questionnaire = useQuestionnaire(id);
  const rerun = useProposeAnswers(id, {
    onSuccess: (r) => notifySuccess(`${r.proposed} answers proposed`),
    onError: notifyError,
  });
  const q = questionnaire.data;
  const mapped = q?.status === 'answering';
  const decided = q ? q.progress.approved + q.progress.notApplicable + q.progress.edited : 0;
  return (
    <QueryState loading={questionnaire.isLoading} error={questionnaire.error}>
      {q && (
        <>
          <PageHeader
            title={q.title}
            description={
              mapped
                ? `${q.fileName} · sheet ${q.sheet}, questions in ${q.questionColumn}, answers in ${q.answerColumn}`
                : `${q.fileName} · columns not chosen yet`
            }
            actions={
              manage && (
                <>
                  {mapped && (
                    <>
                      <Button variant="default" onClick={() => rerun.mutate()} loading={rerun.isPending}>
                        Propose again
                      </Button>
                      <Anchor href={questionnairesApi.exportUrl(id)} download>
                        Download the answered file
                      </Anchor>
                    </>
                  )}
                  <QuestionnaireActions questionnaire={q} onDeleted={() => navigate('/questionnaires')} />
                </>
              )
            }
          />
          {manage && !mapped && <Mapper questionnaire={q} onDone={() => setRemapping(false)} />}
          {mapped && (
            <>
              {manage && decided === 0 && !remapping && (
                <Button variant="subtle" mb="sm" onClick={() => setRemapping(true)}>
                  Change the sheet or columns
                </Button>
              )}
              {manage && remapping && (
                <Stack mb="md">
                  <Mapper questionnaire={q} onDone={() => setRemapping(false)} />
                </Stack>
              )}
              <Title order={2} size="h4" mb="xs">
                Progress
              </Title>
              <Text mb="md" role="status">
                {q.progress.approved} approved, {q.progress.notApplicable} not applicable, {q.progress.edited}{' '}
                edited, {q.progress.proposed} proposed, {q.progress.unanswered} unanswered of{' '}
                {q.progress.total}
              </Text>
              <Items q={q} manage={manage} />
            </>
          )}
          {!manage && !mapped && <Text>The columns of this questionnaire have not been chosen yet.</Text>}
        </>
      )}
    </QueryState>
  );
}
