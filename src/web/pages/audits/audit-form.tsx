import { Checkbox, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AuditDetail, AuditType } from '../../../contracts/audits.js';
import { useAllProgrammes, useSaveAudit } from '../../api/audits.js';
import { fieldErrors } from '../../api/client.js';
import { useFrameworks } from '../../api/frameworks.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { useOwners, useServices } from '../../ui/use-directory.js';
import { auditTypeLabels, optionsOf } from './audit-labels.js';

interface Values {
  title: string;
  type: AuditType;
  programmeId: string;
  plannedStart: string;
  plannedEnd: string;
  leadAuditorId: string;
  externalAuditor: string;
  frameworkIds: string[];
  serviceIds: string[];
}

const initial = (audit?: AuditDetail): Values => ({
  title: audit?.title ?? '',
  type: audit?.type ?? 'internal',
  programmeId: '',
  plannedStart: audit?.plannedStart ?? '',
  plannedEnd: audit?.plannedEnd ?? '',
  leadAuditorId: audit?.leadAuditorId ?? '',
  externalAuditor: audit?.externalAuditor ?? '',
  frameworkIds: [],
  serviceIds: [],
});

function ProgrammeSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const programmes = useAllProgrammes().data?.items ?? [];
  return (
    <NativeSelect
      label="Programme"
      data={[
        { value: '', label: 'None' },
        ...programmes.map((p) => ({ value: p.id, label: String(p.year) })),
      ]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** The scope (frameworks, services) is chosen when the audit is planned; its checklist follows from it. */
function ScopeFields({
  values,
  set,
  errors,
}: {
  values: Values;
  set: <K extends keyof Values>(key: K) => (value: Values[K]) => void;
  errors: Record<string, string>;
}) {
  const frameworks = useFrameworks().data?.items ?? [];
  const services = useServices();
  return (
    <>
      <Checkbox.Group
        label="Frameworks in scope"
        value={values.frameworkIds}
        onChange={set('frameworkIds')}
        error={errors.frameworkIds}
        required
      >
        <Stack gap={4} mt={4}>
          {frameworks.map((f) => (
            <Checkbox key={f.id} value={f.id} label={f.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group
        label="Services in scope"
        description="None chosen: the whole organisation"
        value={values.serviceIds}
        onChange={set('serviceIds')}
        error={errors.serviceIds}
      >
        <Stack gap={4} mt={4}>
          {services.map((s) => (
            <Checkbox key={s.id} value={s.id} label={s.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Text size="xs" c="dimmed">
        The checklist holds every requirement of the chosen frameworks that is applicable or not yet decided.
      </Text>
    </>
  );
}

/**
 * Plans an audit (no `audit`) with its scope, or reschedules and renames one that is not completed; an audit's scope
 * and checklist stay as planned.
 */
export function AuditFormModal({ audit, onClose }: { audit?: AuditDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const people = useOwners() ?? [];
  const [values, setValues] = useState<Values>(() => initial(audit));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const save = useSaveAudit(audit?.id, {
    onSuccess: (saved) => {
      notifySuccess(audit ? 'Audit saved' : `Audit planned with ${saved.progress.total} checklist items`);
      onClose();
      if (!audit) navigate(`/audits/${saved.id}`);
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const details = {
      title: values.title.trim(),
      type: values.type,
      plannedStart: values.plannedStart,
      plannedEnd: values.plannedEnd,
      leadAuditorId: values.leadAuditorId || null,
      externalAuditor: values.externalAuditor,
    };
    save.mutate(
      audit
        ? details
        : {
            ...details,
            programmeId: values.programmeId || null,
            frameworkIds: values.frameworkIds,
            serviceIds: values.serviceIds,
          },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={audit ? 'Edit audit' : 'New audit'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={save.error} />
          <TextInput
            label="Title"
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Type"
              data={optionsOf(auditTypeLabels)}
              value={values.type}
              onChange={(e) => set('type')(e.currentTarget.value as AuditType)}
              error={errors.type}
            />
            {!audit && (
              <ProgrammeSelect
                value={values.programmeId}
                onChange={set('programmeId')}
                error={errors.programmeId}
              />
            )}
            <TextInput
              type="date"
              label="Planned start"
              value={values.plannedStart}
              onChange={(e) => set('plannedStart')(e.currentTarget.value)}
              error={errors.plannedStart}
              required
            />
            <TextInput
              type="date"
              label="Planned end"
              value={values.plannedEnd}
              onChange={(e) => set('plannedEnd')(e.currentTarget.value)}
              error={errors.plannedEnd}
              required
            />
            <NativeSelect
              label="Lead auditor"
              data={[
                { value: '', label: 'External auditor' },
                ...people.map((u) => ({ value: u.id, label: u.name })),
              ]}
              value={values.leadAuditorId}
              onChange={(e) => set('leadAuditorId')(e.currentTarget.value)}
              error={errors.leadAuditorId}
            />
            <TextInput
              label="External auditor or certification body"
              value={values.externalAuditor}
              onChange={(e) => set('externalAuditor')(e.currentTarget.value)}
              error={errors.externalAuditor}
            />
          </SimpleGrid>
          {!audit && <ScopeFields values={values} set={set} errors={errors} />}
          <FormFooter busy={save.isPending} onClose={onClose} submitLabel={audit ? 'Save' : 'Plan audit'} />
        </Stack>
      </form>
    </Modal>
  );
}
