import { Checkbox, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AuditType } from '../../../contracts/audits.js';
import { useAllProgrammes, useSaveAudit } from '../../api/audits.js';
import { fieldErrors } from '../../api/client.js';
import { useFrameworks } from '../../api/frameworks.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { useOwners, useServices } from '../../ui/use-directory.js';
import { auditTypeLabels, optionsOf } from './audit-labels.js';

function usePickLists() {
  const frameworks = useFrameworks();
  const programmes = useAllProgrammes();
  return {
    frameworks: frameworks.data?.items ?? [],
    programmes: programmes.data?.items ?? [],
    services: useServices(),
    people: useOwners() ?? [],
  };
}

export function CreateAuditModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const lists = usePickLists();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<AuditType>('internal');
  const [programmeId, setProgrammeId] = useState('');
  const [plannedStart, setStart] = useState('');
  const [plannedEnd, setEnd] = useState('');
  const [leadAuditorId, setLead] = useState('');
  const [externalAuditor, setExternal] = useState('');
  const [frameworkIds, setFrameworks] = useState<string[]>([]);
  const [serviceIds, setServices] = useState<string[]>([]);
  const create = useSaveAudit(undefined, {
    onSuccess: (a) => {
      notifySuccess(`Audit planned with ${a.progress.total} checklist items`);
      onClose();
      navigate(`/audits/${a.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      title: title.trim(),
      type,
      programmeId: programmeId || null,
      plannedStart,
      plannedEnd,
      leadAuditorId: leadAuditorId || null,
      externalAuditor,
      frameworkIds,
      serviceIds,
    });
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="New audit" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} />
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
              label="Programme"
              data={[
                { value: '', label: 'None' },
                ...lists.programmes.map((p) => ({ value: p.id, label: String(p.year) })),
              ]}
              value={programmeId}
              onChange={(e) => setProgrammeId(e.currentTarget.value)}
              error={errors.programmeId}
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
            <NativeSelect
              label="Lead auditor"
              data={[
                { value: '', label: 'External auditor' },
                ...lists.people.map((u) => ({ value: u.id, label: u.name })),
              ]}
              value={leadAuditorId}
              onChange={(e) => setLead(e.currentTarget.value)}
              error={errors.leadAuditorId}
            />
            <TextInput
              label="External auditor or certification body"
              value={externalAuditor}
              onChange={(e) => setExternal(e.currentTarget.value)}
              error={errors.externalAuditor}
            />
          </SimpleGrid>
          <Checkbox.Group
            label="Frameworks in scope"
            value={frameworkIds}
            onChange={setFrameworks}
            error={errors.frameworkIds}
            required
          >
            <Stack gap={4} mt={4}>
              {lists.frameworks.map((f) => (
                <Checkbox key={f.id} value={f.id} label={f.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group
            label="Services in scope"
            description="None chosen: the whole organisation"
            value={serviceIds}
            onChange={setServices}
            error={errors.serviceIds}
          >
            <Stack gap={4} mt={4}>
              {lists.services.map((s) => (
                <Checkbox key={s.id} value={s.id} label={s.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="xs" c="dimmed">
            The checklist holds every requirement of the chosen frameworks that is applicable or not yet
            decided.
          </Text>
          <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Plan audit" />
        </Stack>
      </form>
    </Modal>
  );
}
