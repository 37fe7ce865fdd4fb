import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../../contracts/paging.js';
import type {
  Questionnaire,
  QuestionnaireUploadResult,
  SheetPreviewDto,
} from '../../../contracts/questionnaires.js';
import { api, errorMessage } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { EmptyState, GoToButton } from '../../ui/EmptyState.js';
import { notifyError } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { postForm } from '../evidence/post-form.js';

function Preview({ sheet }: { sheet: SheetPreviewDto }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder aria-label={`Preview of ${sheet.name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            {sheet.columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              {r.cells.map((cell, i) => (
                <Table.Td key={sheet.columns[i]}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MappingForm({ upload }: { upload: QuestionnaireUploadResult }) {
  const navigate = useNavigate();
  const [sheet, setSheet] = useState(upload.sheets[0]?.name ?? '');
  const [questionColumn, setQuestionColumn] = useState('B');
  const [answerColumn, setAnswerColumn] = useState('C');
  const [firstRow, setFirstRow] = useState<number | string>(2);
  const map = useMutation({
    mutationFn: () =>
      api.post<Questionnaire>(`/api/questionnaires/${upload.questionnaire.id}/mapping`, {
        sheet,
        questionColumn,
        answerColumn,
        firstRow: Number(firstRow),
      }),
    onSuccess: (q) => navigate(`/questionnaires/${q.id}`),
    onError: notifyError,
  });
  const current = upload.sheets.find((s) => s.name === sheet);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Point at the columns of {upload.questionnaire.fileName}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          map.mutate();
        }}
      >
        <Stack>
          <Group align="flex-end">
            <Select
              label="Sheet"
              data={upload.sheets.map((s) => s.name)}
              value={sheet}
              onChange={(v) => setSheet(v ?? '')}
              allowDeselect={false}
            />
            <TextInput
              label="Question column"
              value={questionColumn}
              onChange={(e) => setQuestionColumn(e.currentTarget.value)}
              w={140}
            />
            <TextInput
              label="Answer column"
              value={answerColumn}
              onChange={(e) => setAnswerColumn(e.currentTarget.value)}
              w={140}
            />
            <NumberInput label="First question row" value={firstRow} onChange={setFirstRow} min={1} w={160} />
            <Button type="submit" loading={map.isPending}>
              Import questions
            </Button>
          </Group>
          {map.isError && (
            <Text c="red" role="alert">
              {errorMessage(map.error)}
            </Text>
          )}
          {current && <Preview sheet={current} />}
        </Stack>
      </form>
    </Card>
  );
}

function Uploader({ onUploaded }: { onUploaded: (r: QuestionnaireUploadResult) => void }) {
  const { session } = useSession();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return postForm<QuestionnaireUploadResult>('/api/questionnaires', form, session?.csrfToken ?? '');
    },
    onSuccess: (r) => {
      onUploaded(r);
      void client.invalidateQueries({ queryKey: ['questionnaires'] });
    },
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Upload a questionnaire
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <Group align="flex-end">
          <FileInput
            label="Questionnaire file (.xlsx or .csv)"
            accept=".xlsx,.csv"
            value={file}
            onChange={setFile}
            clearable
            w={360}
          />
          <Button type="submit" disabled={!file} loading={upload.isPending}>
            Upload
          </Button>
        </Group>
        {upload.isError && (
          <Text c="red" role="alert" mt="sm">
            {upload.error.message}
          </Text>
        )}
      </form>
    </Card>
  );
}

export function QuestionnairesPage() {
  const { can } = useSession();
  const [uploaded, setUploaded] = useState<QuestionnaireUploadResult | null>(null);
  const list = useQuery({
    queryKey: ['questionnaires'],
    queryFn: () => api.get<Page<Questionnaire>>('/api/questionnaires?pageSize=100'),
  });
  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="Customers' security questionnaires, answered from the approved FAQ, control statements and published policies."
      />
      <Stack>
        {can('trust-center.manage') && (
          <div id="questionnaire-upload">
            <Uploader onUploaded={setUploaded} />
          </div>
        )}
        {uploaded && <MappingForm upload={uploaded} />}
        <QueryState loading={list.isLoading} error={list.error}>
          <Table striped aria-label="Questionnaires">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Approved</Table.Th>
                <Table.Th>Proposed</Table.Th>
                <Table.Th>Unanswered</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/questionnaires/${q.id}`}>
                      {q.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{q.fileName}</Table.Td>
                  <Table.Td>
                    {q.progress.approved + q.progress.notApplicable} of {q.progress.total}
                  </Table.Td>
                  <Table.Td>{q.progress.proposed}</Table.Td>
                  <Table.Td>{q.progress.unanswered}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data?.total === 0 && (
            <EmptyState
              title="No questionnaires yet"
              actions={
                can('trust-center.manage') && (
                  <GoToButton target="questionnaire-upload">Upload a questionnaire</GoToButton>
                )
              }
            >
              Upload a customer's security questionnaire (.xlsx or .csv): Tillit proposes answers from the
              approved FAQ, control statements and published policies for you to review and export.
            </EmptyState>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
