import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type AccessLevel,
  accessLevelLabels,
  accessLevels,
  type DocumentKind,
  documentKindLabels,
  documentKinds,
  type TrustDocument,
} from '../../../contracts/trust-documents.js';
import { fieldErrors } from '../../api/client.js';
import {
  type NewTrustDocument,
  trustDocumentsApi,
  useAddTrustDocument,
  useTrustDocuments,
  useUpdateTrustDocument,
} from '../../api/trust-documents.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

const levelOptions = accessLevels.map((l) => ({ value: l, label: accessLevelLabels[l] }));
const kindOptions = documentKinds
  .filter((k) => k !== 'controls-list')
  .map((k) => ({ value: k, label: documentKindLabels[k] }));

const empty: {
  source: string;
  title: string;
  description: string;
  kind: string;
  accessLevel: AccessLevel;
  versionLabel: string;
  published: boolean;
} = {
  source: 'upload',
  title: '',
  description: '',
  kind: 'dpa',
  accessLevel: 'on-request',
  versionLabel: '',
  published: true,
};

function AddDocument() {
  const { session } = useSession();
  const [form, setForm] = useState(empty);
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an upload.
  const [fileKey, setFileKey] = useState(0);
  const add = useAddTrustDocument({
    onSuccess: (d) => {
      notifySuccess(`${d.title} added`);
      setForm(empty);
      setFile(null);
      setFileKey(fileKey + 1);
    },
  });
  const errors = fieldErrors(add.error);
  const newDocument = (): NewTrustDocument => {
    if (form.source === 'generated') {
      const { source: _source, kind: _kind, ...document } = form;
      return { source: 'generated', document };
    }
    const data = new FormData();
    for (const key of ['title', 'description', 'kind', 'accessLevel', 'versionLabel'] as const)
      data.set(key, form[key]);
    data.set('published', String(form.published));
    if (file) data.set('file', file, file.name);
    return { source: 'upload', form: data, csrfToken: session?.csrfToken ?? '' };
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(newDocument());
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Add a document
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={add.error} />
          <Select
            label="Source"
            allowDeselect={false}
            value={form.source}
            onChange={(v) => setForm({ ...form, source: v ?? 'upload' })}
            data={[
              { value: 'upload', label: 'Upload a PDF' },
              { value: 'generated', label: 'Cloud-controls list, generated from the controls' },
            ]}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Title"
              required
              value={form.title}
              error={errors.title}
              onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            />
            <TextInput
              label="Version label"
              placeholder="2026.1"
              value={form.versionLabel}
              onChange={(e) => setForm({ ...form, versionLabel: e.currentTarget.value })}
            />
          </Group>
          <TextInput
            label="Description"
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
          />
          <Group grow align="flex-start">
            {form.source === 'upload' && (
              <Select
                label="Kind"
                allowDeselect={false}
                data={kindOptions}
                value={form.kind}
                onChange={(v) => setForm({ ...form, kind: v ?? 'other' })}
              />
            )}
            <Select
              label="Access level"
              allowDeselect={false}
              data={levelOptions}
              value={form.accessLevel}
              onChange={(v) =>
                setForm({ ...form, accessLevel: accessLevels.find((l) => l === v) ?? 'on-request' })
              }
            />
          </Group>
          {form.source === 'upload' && (
            <Input.Wrapper label="PDF file" error={errors.file} id="trust-document-file-label">
              <input
                key={fileKey}
                id="trust-document-file"
                aria-labelledby="trust-document-file-label"
                type="file"
                accept="application/pdf"
                style={{ display: 'block', marginTop: 4 }}
                onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              />
            </Input.Wrapper>
          )}
          <Checkbox
            label="Published on the trust center"
            checked={form.published}
            onChange={(e) => setForm({ ...form, published: e.currentTarget.checked })}
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Add document
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DocumentRow({ doc, manage }: { doc: TrustDocument; manage: boolean }) {
  const change = useUpdateTrustDocument(doc.id, {
    onSuccess: (d) => notifySuccess(`${d.title} saved`),
    onError: notifyError,
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{doc.title}</Text>
        <Text size="xs">
          {documentKindLabels[doc.kind as DocumentKind]}
          {doc.versionLabel && ` · version ${doc.versionLabel}`}
          {doc.source === 'upload' ? ` · ${doc.fileName}` : ' · generated at each download'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={`Access level of ${doc.title}`}
          allowDeselect={false}
          disabled={!manage}
          data={levelOptions}
          value={doc.accessLevel}
          onChange={(v) => v && change.mutate({ accessLevel: v as AccessLevel })}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={`Publish ${doc.title}`}
          disabled={!manage}
          checked={doc.published}
          onChange={(e) => change.mutate({ published: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Anchor href={trustDocumentsApi.fileUrl(doc.id)} size="sm">
          Download {doc.title}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}

export function DocumentsPanel({ manage }: { manage: boolean }) {
  const docs = useTrustDocuments();
  return (
    <Stack>
      <QueryState loading={docs.isLoading} error={docs.error}>
        <Table aria-label="Documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>Access</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th>File</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.data?.items.map((d) => (
              <DocumentRow key={d.id} doc={d} manage={manage} />
            ))}
          </Table.Tbody>
        </Table>
        {docs.data?.items.length === 0 && <Text size="sm">No documents yet.</Text>}
      </QueryState>
      {manage && <AddDocument />}
    </Stack>
  );
}
