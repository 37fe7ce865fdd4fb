import {
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FaqDuplicate, FaqImportReport } from '../../../contracts/trust-center.js';
import { useChange } from '../../api/change.js';
import { organizationApi, useOrganization } from '../../api/organization.js';
import { trustApi, trustKeys, useFaqSections } from '../../api/trust-center.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { type DuplicateChoice, DuplicateChoices } from './trust-import-duplicates.js';

function ImportReport({ report }: { report: FaqImportReport }) {
  return (
    <Stack gap="xs" role="status">
      <Text>
        Imported ({report.language}): {report.sectionsCreated} sections created, {report.sectionsUpdated}{' '}
        updated; {report.questionsCreated} questions created, {report.questionsUpdated} updated
        {report.duplicatesSkipped + report.duplicatesReplaced > 0
          ? `; near-duplicates: ${report.duplicatesSkipped} skipped, ${report.duplicatesReplaced} replaced`
          : ''}
        .
      </Text>
      {report.skipped.length > 0 && (
        <Table aria-label="Skipped lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Skipped</Table.Th>
              <Table.Th>Text</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.skipped.map((s) => (
              <Table.Tr key={`${s.line}-${s.text}`}>
                <Table.Td>{s.line}</Table.Td>
                <Table.Td>{s.kind}</Table.Td>
                <Table.Td>
                  <code>{s.text}</code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Importer() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<FaqImportReport | null>(null);
  const [publish, setPublish] = useState(false);
  const [duplicates, setDuplicates] = useState<FaqDuplicate[] | null>(null);
  const [choices, setChoices] = useState<Record<string, DuplicateChoice>>({});
  const upload = useChange(
    async ({ f, checked }: { f: File; checked: boolean }) => {
      const markdown = await f.text();
      if (!checked) {
        const preview = await trustApi.previewFaqImport(markdown);
        if (preview.duplicates.length > 0) return preview.duplicates;
      }
      const all = Object.fromEntries(
        (duplicates ?? []).map((d) => [d.question, choices[d.question] ?? 'skip']),
      );
      return trustApi.importFaq({ markdown, publish, duplicates: all });
    },
    () => [trustKeys.faqEntries],
    {
      onSuccess: (r) => {
        if (Array.isArray(r)) {
          setReport(null);
          setDuplicates(r);
          return;
        }
        setDuplicates(null);
        setChoices({});
        setReport(r);
        notifySuccess('FAQ imported');
      },
      onError: (error) => {
        setReport(null);
        notifyError(error);
      },
    },
  );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Import a Hugo FAQ page
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate({ f: file, checked: false });
        }}
      >
        <Stack>
          <FileInput
            label="Markdown file (.md)"
            accept=".md,text/markdown"
            value={file}
            onChange={(f) => {
              setFile(f);
              setDuplicates(null);
            }}
            clearable
          />
          <Checkbox
            label="Publish the imported answers at once (otherwise they are drafts)"
            checked={publish}
            onChange={(e) => setPublish(e.currentTarget.checked)}
          />
          <Button type="submit" disabled={!file} loading={upload.isPending} w="fit-content">
            Import
          </Button>
          {upload.isError && (
            <Text c="red" role="alert">
              {upload.error.message}
            </Text>
          )}
          {duplicates && file && (
            <DuplicateChoices
              duplicates={duplicates}
              choices={choices}
              onChange={(q, c) => setChoices((all) => ({ ...all, [q]: c }))}
              onImport={() => upload.mutate({ f: file, checked: true })}
              importing={upload.isPending}
            />
          )}
          {report && <ImportReport report={report} />}
        </Stack>
      </form>
    </Card>
  );
}

function Exports() {
  const sections = useFaqSections();
  const org = useOrganization();
  const languages = [...new Set((sections.data?.items ?? []).map((s) => s.language))].sort();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Export as Hugo Markdown
      </Title>
      <Text size="sm" mb="xs">
        The published FAQ, one page per language:
      </Text>
      <List mb="md">
        {languages.map((l) => (
          <List.Item key={l}>
            <Anchor href={trustApi.faqExportUrl(l)} download>
              FAQ ({l})
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Text size="sm" mb="xs">
        A Security and Compliance chapter per service:
      </Text>
      <List>
        {(org.data?.services ?? []).map((s) => (
          <List.Item key={s.id}>
            <Anchor href={organizationApi.securityChapterUrl(s.id)} download>
              {s.name}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

export function HugoPanel({ manage }: { manage: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {manage && <Importer />}
      <Exports />
    </SimpleGrid>
  );
}
