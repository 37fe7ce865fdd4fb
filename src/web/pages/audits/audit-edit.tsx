import { Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AuditDetail, AuditType } from '../../../contracts/audits.js';
import { useSaveAudit } from '../../api/audits.js';
import { fieldErrors } from '../../api/client.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { useOwners } from '../../ui/use-directory.js';
import { auditTypeLabels, optionsOf } from './audit-labels.js';

/** Reschedules or renames an audit that is not completed; its scope and checklist stay as planned. */
export function EditAuditModal({ audit, onClose }: { audit: AuditDetail; onClose: () => void }) {
  const people = useOwners() ?? [];
  const [title, setTitle] = useState(audit.title);
  const [type, setType] = useState<AuditType>(audit.type);
  const [plannedStart, setStart] = useState(audit.plannedStart);
  const [plannedEnd, setEnd] = useState(audit.plannedEnd);
  const [leadAuditorId, setLead] = useState(audit.leadAuditorId ?? '');
  const [externalAuditor, setExternal] = useState(audit.externalAuditor);
  const save = useSaveAudit(audit.id, {
    onSuccess: () => {
      notifySuccess('Audit saved');
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      title: title.trim(),
      type,
      plannedStart,
      plannedEnd,
      leadAuditorId: leadAuditorId || null,
      externalAuditor,
    });
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Edit audit" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={save.error} />
          <TextInput
            label="Title"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Type"
              data={optionsOf(auditTypeLabels)}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as AuditType)}
              error={errors.type}
            />
            <NativeSelect
              label="Lead auditor"
              data={[
                { value: '', label: 'External auditor' },
                ...people.map((u) => ({ value: u.id, label: u.name })),
              ]}
              value={leadAuditorId}
              onChange={(e) => setLead(e.currentTarget.value)}
              error={errors.leadAuditorId}
            />
            <TextInput
              type="date"
              label="Planned start"
              value={plannedStart}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={errors.plannedStart}
              required
            />
            <TextInput
              type="date"
              label="Planned end"
              value={plannedEnd}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={errors.plannedEnd}
              required
            />
          </SimpleGrid>
          <TextInput
            label="External auditor or certification body"
            value={externalAuditor}
            onChange={(e) => setExternal(e.currentTarget.value)}
            error={errors.externalAuditor}
          />
          <FormFooter busy={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
