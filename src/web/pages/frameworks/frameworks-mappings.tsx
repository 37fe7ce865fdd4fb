import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { frameworksApi, useImportMappings } from '../../api/frameworks.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { count } from '../../ui/format.js';
import { FilePicker } from './file-picker.js';

function MappingImport() {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const importing = useImportMappings();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    importing.reset();
    if (!file) return setFileError('Choose a CSV file');
    setFileError(undefined);
    importing.mutate(await file.text());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={560}>
        <FormAlert error={importing.error} />
        {importing.data && (
          <Alert color="teal" role="status">
            {count(importing.data.imported, 'mapping')} imported, {importing.data.unchanged} unchanged.
          </Alert>
        )}
        <FilePicker
          label="Mapping CSV file"
          description="Columns: source_framework, source_ref, target_framework, target_ref, relationship, note (the format of the download)"
          accept=".csv,text/csv"
          error={fileError}
          onChange={(f) => {
            setFile(f);
            setFileError(undefined);
          }}
        />
        <Group>
          <Button
            type="submit"
            variant="light"
            leftSection={<IconUpload size={14} aria-hidden />}
            loading={importing.isPending}
          >
            Import mappings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function MappingsCard() {
  const { can } = useSession();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="framework-mappings">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4" id="framework-mappings">
            Cross-framework mappings
          </Title>
          <Text size="sm" c="dimmed">
            How requirements of one framework relate to another's, so one control can satisfy both.
          </Text>
        </div>
        <Button
          component="a"
          href={frameworksApi.mappingsCsvUrl}
          download
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          Download mappings (CSV)
        </Button>
      </Group>
      {can('frameworks.manage') && <MappingImport />}
    </Card>
  );
}
