import { Input, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { EvidenceDetail } from '../../../contracts/evidence.js';
import { fieldErrors } from '../../api/client.js';
import { useAddEvidenceLink, useUploadEvidence } from '../../api/evidence.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { ControlPicker } from './control-picker.js';

interface CommonFields {
  title: string;
  description: string;
  validFrom: string;
  expiresAt: string;
  controlIds: string[];
}

const today = () => new Date().toISOString().slice(0, 10);
const blank = (controlIds: string[]): CommonFields => ({
  title: '',
  description: '',
  validFrom: today(),
  expiresAt: '',
  controlIds,
});

function CommonInputs({
  fields,
  set,
  errors,
  fixedControls,
  children,
}: {
  fields: CommonFields;
  set: (patch: Partial<CommonFields>) => void;
  errors: Record<string, string>;
  fixedControls: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      <TextInput
        label="Title"
        value={fields.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={errors.title}
        required
        data-autofocus
      />
      {children}
      <Textarea
        label="Description"
        value={fields.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={errors.description}
        autosize
        minRows={2}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label="Valid from"
          description="The date this evidence proves"
          value={fields.validFrom}
          onChange={(e) => set({ validFrom: e.currentTarget.value })}
          error={errors.validFrom}
          required
        />
        <TextInput
          type="date"
          label="Expires on"
          description="Leave empty if it never expires"
          value={fields.expiresAt}
          onChange={(e) => set({ expiresAt: e.currentTarget.value })}
          error={errors.expiresAt}
        />
      </SimpleGrid>
      {!fixedControls && (
        <ControlPicker
          value={fields.controlIds}
          onChange={(controlIds) => set({ controlIds })}
          error={errors.controlIds}
        />
      )}
    </>
  );
}

function useEvidenceForm(controlIds: string[]) {
  const [fields, setFields] = useState<CommonFields>(blank(controlIds));
  const set = (patch: Partial<CommonFields>) => setFields((f) => ({ ...f, ...patch }));
  return { fields, set };
}

function useSaved(onClose: () => void) {
  return (e: EvidenceDetail) => {
    notifySuccess(`Evidence “${e.title}” added`);
    onClose();
  };
}

/** A labelled native file input: every browser and screen reader knows how to operate it. */
function FileInput({
  error,
  onChange,
}: {
  error?: string | undefined;
  onChange: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <Input.Wrapper label="File" error={error} id={id} required description="Up to the upload limit; any type">
      <input
        id={id}
        type="file"
        style={{ display: 'block', marginTop: 4 }}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
      />
    </Input.Wrapper>
  );
}

export function UploadEvidenceModal({
  controlIds = [],
  onClose,
}: {
  controlIds?: string[];
  onClose: () => void;
}) {
  const { session } = useSession();
  const { fields, set } = useEvidenceForm(controlIds);
  const [file, setFile] = useState<File | null>(null);
  const saved = useSaved(onClose);
  const upload = useUploadEvidence({ onSuccess: saved });
  const toForm = () => {
    const form = new FormData();
    form.set('title', fields.title.trim() || (file?.name ?? ''));
    if (fields.description.trim()) form.set('description', fields.description.trim());
    if (fields.validFrom) form.set('validFrom', fields.validFrom);
    if (fields.expiresAt) form.set('expiresAt', fields.expiresAt);
    for (const id of fields.controlIds) form.append('controlIds', id);
    if (file) form.set('file', file, file.name);
    return form;
  };
  const errors = fieldErrors(upload.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate({ form: toForm(), csrfToken: session?.csrfToken ?? '' });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Upload evidence"
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={upload.error} />
          <CommonInputs fields={fields} set={set} errors={errors} fixedControls={controlIds.length > 0}>
            <FileInput error={errors.file} onChange={setFile} />
          </CommonInputs>
          <FormFooter busy={upload.isPending} onClose={onClose} submitLabel="Upload" />
        </Stack>
      </form>
    </Modal>
  );
}

export function AddLinkModal({ controlIds = [], onClose }: { controlIds?: string[]; onClose: () => void }) {
  const { fields, set } = useEvidenceForm(controlIds);
  const [url, setUrl] = useState('');
  const saved = useSaved(onClose);
  const add = useAddEvidenceLink({ onSuccess: saved });
  const errors = fieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({
      title: fields.title.trim(),
      description: fields.description.trim(),
      url: url.trim(),
      ...(fields.validFrom ? { validFrom: fields.validFrom } : {}),
      expiresAt: fields.expiresAt || null,
      controlIds: fields.controlIds,
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Add a link as evidence"
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={add.error} />
          <CommonInputs fields={fields} set={set} errors={errors} fixedControls={controlIds.length > 0}>
            <TextInput
              label="Address"
              description="An http:// or https:// link, e.g. a ticket or a wiki page"
              type="url"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors.url}
              required
            />
          </CommonInputs>
          <FormFooter busy={add.isPending} onClose={onClose} submitLabel="Add link" />
        </Stack>
      </form>
    </Modal>
  );
}
