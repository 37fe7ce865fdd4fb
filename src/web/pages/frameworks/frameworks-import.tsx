import { Alert, Modal, Radio, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportFrameworkRequest } from '../../../contracts/frameworks.js';
import { fieldErrors } from '../../api/client.js';
import { useFrameworks, useImportFramework } from '../../api/frameworks.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { count } from '../../ui/format.js';
import { notifySuccess } from '../../ui/notify.js';
import { FilePicker, readJsonFile } from './file-picker.js';

type Format = ImportFrameworkRequest['format'];

export function ImportFrameworkModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const [format, setFormat] = useState<Format>('oscal-catalog');
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string>();
  const importing = useImportFramework({
    onSuccess: (f) => {
      notifySuccess(`${f.name} imported with ${count(f.requirementCount, 'requirement')}`);
      onClose();
      navigate(`/frameworks/${f.id}`);
    },
  });
  const errors = fieldErrors(importing.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    importing.reset();
    if (!file) return setFileError('Choose an OSCAL JSON file');
    const read = await readJsonFile(file);
    if ('error' in read) return setFileError(read.error);
    setFileError(undefined);
    importing.mutate({
      format,
      document: read.document,
      ...(key.trim() ? { key: key.trim() } : {}),
      ...(format === 'oscal-profile' && source ? { sourceFramework: source } : {}),
    });
  };
  const installed = frameworks.data?.items ?? [];
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Import an OSCAL framework"
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={importing.error} />
          <Radio.Group
            label="What the file holds"
            value={format}
            onChange={(v) => setFormat(v as Format)}
            error={errors.format}
          >
            <Stack gap="xs" mt={6}>
              <Radio value="oscal-catalog" label="Catalog: a complete set of requirements" />
              <Radio
                value="oscal-profile"
                label="Profile (baseline): a selection from an installed catalogue"
              />
            </Stack>
          </Radio.Group>
          <FilePicker
            label="OSCAL JSON file"
            description="The catalog or profile in OSCAL JSON, e.g. NIST SP 800-53 Rev. 5"
            accept=".json,application/json"
            error={fileError ?? errors.document}
            onChange={(f) => {
              setFile(f);
              setFileError(undefined);
            }}
          />
          {format === 'oscal-profile' &&
            (installed.length > 0 ? (
              <Select
                label="Source framework"
                description="The installed catalogue the profile selects its requirements from"
                data={installed.map((f) => ({ value: f.key, label: `${f.name} (${f.key})` }))}
                value={source}
                onChange={setSource}
                error={errors.sourceFramework}
                required
              />
            ) : (
              <Alert color="yellow">Import or install the catalogue the profile selects from first.</Alert>
            ))}
          <TextInput
            label="Framework key"
            description="Optional; derived from the document's title when left empty, e.g. nist-800-53-rev5-low"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={errors.key}
          />
          <FormFooter busy={importing.isPending} onClose={onClose} submitLabel="Import" />
        </Stack>
      </form>
    </Modal>
  );
}
