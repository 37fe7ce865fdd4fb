import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Questionnaire } from '../../../contracts/questionnaires.js';
import { fieldErrors } from '../../api/client.js';
import {
  useDeleteQuestionnaire,
  useRenameQuestionnaire,
  useSetInternalSources,
} from '../../api/questionnaires.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';

/** Rename (a small dialog) and delete (confirmed) a questionnaire. */
export function QuestionnaireActions({
  questionnaire,
  onDeleted,
}: {
  questionnaire: Questionnaire;
  onDeleted: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(questionnaire.title);
  const rename = useRenameQuestionnaire(questionnaire.id, {
    onSuccess: () => {
      notifySuccess('Questionnaire renamed');
      setRenaming(false);
    },
  });
  const internal = useSetInternalSources(questionnaire.id, {
    onSuccess: (q) =>
      notifySuccess(
        q.includeInternalSources
          ? 'Internal sources included: propose again to use them'
          : 'Internal sources left out: propose again to drop them',
      ),
    onError: notifyError,
  });
  const remove = useDeleteQuestionnaire(questionnaire.id, {
    onSuccess: () => {
      notifySuccess(`Questionnaire "${questionnaire.title}" deleted`);
      onDeleted();
    },
    onError: notifyError,
  });
  const answered = questionnaire.progress.approved + questionnaire.progress.notApplicable;
  return (
    <>
      <Switch
        label="Propose from internal sources"
        description="Internal policy excerpts; off for what customers will read"
        checked={questionnaire.includeInternalSources}
        disabled={internal.isPending}
        onChange={(e) => internal.mutate(e.currentTarget.checked)}
      />
      <Button variant="default" onClick={() => setRenaming(true)}>
        Rename
      </Button>
      <Modal opened={renaming} onClose={() => setRenaming(false)} title="Rename the questionnaire" size="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate(title);
          }}
        >
          <Stack>
            <TextInput
              label="Title"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={rename.isError ? (fieldErrors(rename.error).title ?? rename.error.message) : undefined}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRenaming(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={rename.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <DeleteButton
        title="Delete the questionnaire?"
        message={`"${questionnaire.title}" and its ${questionnaire.progress.total} questions are deleted, ${answered} of them answered. The deletion is recorded in the audit log.`}
        confirmLabel="Delete questionnaire"
        onConfirm={() => remove.mutate()}
        busy={remove.isPending}
      />
    </>
  );
}
