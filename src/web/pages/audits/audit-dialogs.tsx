import { Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type {
  AuditDetail,
  ChecklistItem,
  ChecklistResult,
  Finding,
  FindingType,
} from '../../../contracts/audits.js';
import { api, fieldErrors } from '../../api/client.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { auditQueryKeys, findingTypeLabels, optionsOf, resultLabels } from './audit-labels.js';

export function useInvalidateAudit() {
  const client = useQueryClient();
  return () => Promise.all(auditQueryKeys.map((key) => client.invalidateQueries({ queryKey: [key] })));
}

export function ResultModal({
  auditId,
  item,
  onClose,
}: {
  auditId: string;
  item: ChecklistItem;
  onClose: () => void;
}) {
  const invalidate = useInvalidateAudit();
  const [result, setResult] = useState<ChecklistResult>(
    item.result === 'not-checked' ? 'conform' : item.result,
  );
  const [notes, setNotes] = useState(item.notes);
  const save = useMutation({
    mutationFn: () =>
      api.put<ChecklistItem>(`/api/audits/${auditId}/checklist/${item.id}`, { result, notes }),
    onSuccess: async () => {
      await invalidate();
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
  const invalidate = useInvalidateAudit();
  const [type, setType] = useState<FindingType>('minor-nc');
  const [description, setDescription] = useState('');
  const raise = useMutation({
    mutationFn: () =>
      api.post<Finding>(`/api/audits/${auditId}/findings`, {
        type,
        description,
        checklistItemId: item?.id ?? null,
      }),
    onSuccess: async (f) => {
      await invalidate();
      notifySuccess(
        f.nonconformityRef
          ? `Finding raised; ${f.nonconformityRef} opened in the register`
          : 'Finding raised',
      );
      onClose();
    },
  });
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
  const invalidate = useInvalidateAudit();
  const [conclusion, setConclusion] = useState('');
  const complete = useMutation({
    mutationFn: () =>
      api.post<AuditDetail>(`/api/audits/${audit.id}/status`, { status: 'completed', conclusion }),
    onSuccess: async () => {
      await invalidate();
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
