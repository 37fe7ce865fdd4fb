import { Anchor, Button, Card, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuestionnaires, useUploadQuestionnaire } from '../../api/questionnaires.js';
import { useSession } from '../../auth/session.js';
import { EmptyState, GoToButton } from '../../ui/EmptyState.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';

function Uploader() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadQuestionnaire({
    onSuccess: (r) => navigate(`/questionnaires/${r.questionnaire.id}`),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Upload a questionnaire
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate({ file, csrfToken: session?.csrfToken ?? '' });
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
  const list = useQuestionnaires();
  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="Customers' security questionnaires, answered from the approved FAQ, control statements and published policies."
      />
      <Stack>
        {can('trust-center.manage') && (
          <div id="questionnaire-upload">
            <Uploader />
          </div>
        )}
        <QueryState loading={list.isLoading} error={list.error}>
          <Table striped aria-label="Questionnaires">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Status</Table.Th>
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
                  <Table.Td>{q.status === 'mapping' ? 'Columns not chosen yet' : 'Answering'}</Table.Td>
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
