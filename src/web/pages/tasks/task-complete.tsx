import { Anchor, Modal, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../contracts/tasks.js';
import { fieldErrors } from '../../api/client.js';
import { evidenceKeys, useEvidencePicker } from '../../api/evidence.js';
import { useUpdateTask } from '../../api/tasks.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';

/** Completing a recurring activity's task: the evidence it produced, linked to the activity's controls. */
export function CompleteTaskModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const [evidenceId, setEvidenceId] = useState<string | null>(null);
  const evidence = useEvidencePicker({ q: search.trim() || undefined, pageSize: 50 });
  const complete = useUpdateTask(
    task.id,
    {
      onSuccess: (t) => {
        notifySuccess(`“${t.title}” is done`);
        onClose();
      },
    },
    [evidenceKeys.all],
  );
  const errors = fieldErrors(complete.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    complete.mutate({ status: 'done', ...(evidenceId ? { evidenceId } : {}) });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Complete “${task.title}”`}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={complete.error} />
          <Text size="sm">
            {task.evidenceRequired
              ? 'This activity is completed with its evidence. '
              : 'You may attach the evidence this produced. '}
            It is linked to the activity’s controls. Upload a new file or link under{' '}
            <Anchor component={Link} to="/evidence">
              Evidence
            </Anchor>{' '}
            first.
          </Text>
          <Select
            label="Evidence"
            placeholder="Search evidence by title"
            searchable
            clearable
            searchValue={search}
            onSearchChange={setSearch}
            data={(evidence.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }))}
            value={evidenceId}
            onChange={setEvidenceId}
            error={errors.evidenceId}
            required={task.evidenceRequired}
            data-autofocus
          />
          <FormFooter busy={complete.isPending} onClose={onClose} submitLabel="Complete" />
        </Stack>
      </form>
    </Modal>
  );
}
