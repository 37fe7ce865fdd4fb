import { Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AuditDetail, ChecklistItem, ChecklistResult, FindingType } from '../../../contracts/audits.js';
import { auditsApi, useAuditChange } from '../../api/audits.js';
import { fieldErrors } from '../../api/client.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { findingTypeLabels, optionsOf, resultLabels } from './audit-labels.js';

export function ResultModal({
  auditId,
  item,
  onClose,
}: {
  auditId: string;
  item: ChecklistItem;
  onClose: () => void;
}) {
  const [result, setResult] = useState<ChecklistResult>(
    item.result === 'not-checked' ? 'conform' : item.result,
  );
  const [notes, setNotes] = useState(item.notes);
  const save = useAuditChange(() => auditsApi.recordResult(auditId, item.id, { result, notes }), {
    onSuccess: () => {
      notifySuccess(`${item.requirementRef}: ${resultLabels[result]}`);
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Result for ${item.requirementRef}`}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{item.requirementTitle}</Text>
          <FormAlert error={save.error} />
          <NativeSelect
            label="Result"
            data={optionsOf(resultLabels)}
            value={result}
            onChange={(e) => setResult(e.currentTarget.value as ChecklistResult)}
            error={errors.result}
            data-autofocus
          />
          <Textarea
            label="Notes"
            autosize
            minRows={3}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <FormFooter busy={save.isPending} onClose={onClose} submitLabel="Save result" />
        </Stack>
      </form>
    </Modal>
  );
}

export function FindingModal({
  auditId,
  item,
  onClose,
}: {
  auditId: string;
  item: ChecklistItem | null;
  onClose: () => void;
}) {
  const [type, setType] = useState<FindingType>('minor-nc');
  const [description, setDescription] = useState('');
  const raise = useAuditChange(
    () => auditsApi.raiseFinding(auditId, { type, description, checklistItemId: item?.id ?? null }),
    {
      onSuccess: (f) => {
        notifySuccess(
          f.nonconformityRef
            ? `Finding raised; ${f.nonconformityRef} opened in the register`
            : 'Finding raised',
        );
        onClose();
      },
    },
  );
  const errors = fieldErrors(raise.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    raise.mutate();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Raise finding">
      <form onSubmit={submit} noValidate>
        <Stack>
          {item && (
            <Text size="sm">
              On {item.frameworkName} {item.requirementRef} {item.requirementTitle}
            </Text>
          )}
          <FormAlert error={raise.error} />
          <NativeSelect
            label="Type"
            description="A major or minor nonconformity also opens a nonconformity in the register"
            data={optionsOf(findingTypeLabels)}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as FindingType)}
            error={errors.type}
            data-autofocus
          />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            required
          />
          <FormFooter busy={raise.isPending} onClose={onClose} submitLabel="Raise finding" />
        </Stack>
      </form>
    </Modal>
  );
}

export function CompleteModal({ audit, onClose }: { audit: AuditDetail; onClose: () => void }) {
  const [conclusion, setConclusion] = useState('');
  const complete = useAuditChange(() => auditsApi.setStatus(audit.id, { status: 'completed', conclusion }), {
    onSuccess: () => {
      notifySuccess('Audit completed');
      onClose();
    },
  });
  const errors = fieldErrors(complete.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    complete.mutate();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Complete audit">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={complete.error} />
          <Textarea
            label="Conclusion"
            autosize
            minRows={4}
            value={conclusion}
            onChange={(e) => setConclusion(e.currentTarget.value)}
            error={errors.conclusion}
            required
            data-autofocus
          />
          <FormFooter busy={complete.isPending} onClose={onClose} submitLabel="Complete audit" />
        </Stack>
      </form>
    </Modal>
  );
}
