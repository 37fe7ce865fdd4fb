import { Modal, NumberInput, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCreateProgramme } from '../../api/audits.js';
import { fieldErrors } from '../../api/client.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';

export function CreateProgrammeModal({ onClose }: { onClose: () => void }) {
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [objectives, setObjectives] = useState('');
  const create = useCreateProgramme({
    onSuccess: (p) => {
      notifySuccess(`Audit programme ${p.year} created`);
      onClose();
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ year: Number(year), objectives });
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="New audit programme">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} />
          <NumberInput
            label="Year"
            value={year}
            onChange={setYear}
            min={2000}
            max={2100}
            error={errors.year}
            required
          />
          <Textarea
            label="Objectives"
            autosize
            minRows={3}
            value={objectives}
            onChange={(e) => setObjectives(e.currentTarget.value)}
            error={errors.objectives}
          />
          <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Create programme" />
        </Stack>
      </form>
    </Modal>
  );
}
