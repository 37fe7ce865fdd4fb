import { Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Check, CheckKind } from '../../../contracts/checks.js';
import { useSaveCheck } from '../../api/checks.js';
import { ApiError, fieldErrors } from '../../api/client.js';
import { useAllUsers } from '../../api/users.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { ControlPicker } from '../evidence/control-picker.js';
import { checkKindLabels } from './check-ui.js';

type ConfigDraft = Record<string, string>;

const defaults: Record<CheckKind, ConfigDraft> = {
  'metric-threshold': { metric: '', subject: '', min: '', max: '', windowHours: '24', minSamples: '1' },
  freshness: { maxAgeDays: '30' },
  'ci-push': { maxAgeHours: '26' },
  'vulnerability-fix-by': { severity: 'critical' },
  'vulnerability-scan-age': { maxAgeDays: '7' },
};

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));

/** The typed config from the text fields; the server names what is wrong. */
function configFrom(kind: CheckKind, d: ConfigDraft): Record<string, unknown> {
  if (kind === 'freshness') return { maxAgeDays: num(d.maxAgeDays) };
  if (kind === 'ci-push') return { maxAgeHours: num(d.maxAgeHours) };
  if (kind === 'vulnerability-fix-by') return { severity: d.severity || 'critical' };
  if (kind === 'vulnerability-scan-age') return { maxAgeDays: num(d.maxAgeDays) };
  return {
    metric: d.metric?.trim(),
    ...(d.subject?.trim() ? { subject: d.subject.trim() } : {}),
    ...(num(d.min) !== undefined ? { min: num(d.min) } : {}),
    ...(num(d.max) !== undefined ? { max: num(d.max) } : {}),
    windowHours: num(d.windowHours),
    minSamples: num(d.minSamples),
  };
}

function draftFrom(check: Check): ConfigDraft {
  return Object.fromEntries(
    Object.entries(check.config).map(([k, v]) => [k, v === undefined ? '' : String(v)]),
  );
}

function ConfigFields({
  kind,
  draft,
  set,
  errors,
}: {
  kind: CheckKind;
  draft: ConfigDraft;
  set: (key: string, value: string) => void;
  errors: Record<string, string>;
}) {
  const field = (key: string, label: string, description?: string, type = 'text') => (
    <TextInput
      key={key}
      label={label}
      description={description}
      type={type}
      value={draft[key] ?? ''}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[`config.${key}`]}
      inputMode={type === 'number' ? 'decimal' : undefined}
    />
  );
  if (kind === 'freshness')
    return field('maxAgeDays', 'Maximum age in days', 'Fails when the newest evidence is older', 'number');
  if (kind === 'vulnerability-scan-age') {
    return field(
      'maxAgeDays',
      'Maximum days since the last scan',
      'Production assets: hardware and software of a service',
      'number',
    );
  }
  if (kind === 'vulnerability-fix-by') {
    return (
      <Select
        label="Severity"
        description="Fails when a finding this severe or worse is open past its fix-by date"
        data={[
          { value: 'critical', label: 'Critical' },
          { value: 'high', label: 'Critical or high' },
        ]}
        value={draft.severity ?? 'critical'}
        allowDeselect={false}
        onChange={(v) => set('severity', v ?? 'critical')}
        error={errors['config.severity']}
      />
    );
  }
  if (kind === 'ci-push') {
    return field(
      'maxAgeHours',
      'Maximum silence in hours',
      'A scheduled run fails when no result arrived for this long',
      'number',
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {field('metric', 'Metric', 'e.g. room-temperature')}
      {field('subject', 'Subject', 'Optional, e.g. STO1')}
      {field('min', 'Minimum', 'Optional', 'number')}
      {field('max', 'Maximum', 'Optional', 'number')}
      {field('windowHours', 'Window in hours', 'Samples this recent are tested', 'number')}
      {field('minSamples', 'Minimum samples', 'Fewer in the window is a failure', 'number')}
    </SimpleGrid>
  );
}

function OwnerSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
}) {
  const { can } = useSession();
  const users = useAllUsers(can('users.read'));
  if (!can('users.read')) return null;
  const data = (users.data?.items ?? [])
    .filter((u) => u.status === 'active')
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      label="Owner"
      description="Gets a task and a notification when the check fails"
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      error={error}
    />
  );
}

export function CheckFormModal({ check, onClose }: { check?: Check; onClose: () => void }) {
  const [kind, setKind] = useState<CheckKind>(check?.kind ?? 'metric-threshold');
  const [name, setName] = useState(check?.name ?? '');
  const [description, setDescription] = useState(check?.description ?? '');
  const [schedule, setSchedule] = useState(check?.schedule ?? '');
  const [validity, setValidity] = useState<string | number>(check?.evidenceValidityDays ?? 7);
  const [ownerId, setOwnerId] = useState<string | null>(check?.owner?.id ?? null);
  const [controlIds, setControlIds] = useState<string[]>(check?.controls.map((c) => c.id) ?? []);
  const [draft, setDraft] = useState<ConfigDraft>(check ? draftFrom(check) : defaults[kind]);
  const save = useSaveCheck(check?.id, {
    onSuccess: (c) => {
      notifySuccess(`Check “${c.name}” saved`);
      onClose();
    },
  });
  const toBody = () => {
    const body = {
      name: name.trim(),
      description: description.trim(),
      schedule: schedule.trim() || null,
      evidenceValidityDays: Number(validity),
      ownerId,
      controlIds,
      config: configFrom(kind, draft),
    };
    return check ? body : { ...body, kind };
  };
  const errors = fieldErrors(save.error);
  const detailed =
    save.error instanceof ApiError
      ? Object.fromEntries(save.error.details.map((d) => [d.path, d.message]))
      : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toBody());
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={check ? `Edit ${check.name}` : 'New check'}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
            />
            <Select
              label="Kind"
              data={Object.entries(checkKindLabels).map(([value, label]) => ({ value, label }))}
              value={kind}
              onChange={(v) => {
                if (!v) return;
                setKind(v as CheckKind);
                setDraft(defaults[v as CheckKind]);
              }}
              allowDeselect={false}
              disabled={Boolean(check)}
              description={check ? 'The kind of a check cannot change' : undefined}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ConfigFields
            kind={kind}
            draft={draft}
            set={(k, v) => setDraft((d) => ({ ...d, [k]: v }))}
            errors={detailed}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Schedule"
              description="Cron, five fields in UTC (e.g. 0 * * * * hourly); empty runs on demand only"
              value={schedule}
              onChange={(e) => setSchedule(e.currentTarget.value)}
              error={errors.schedule}
              ff="monospace"
            />
            <NumberInput
              label="Results count as evidence for (days)"
              value={validity}
              onChange={setValidity}
              min={1}
              max={3660}
              error={errors.evidenceValidityDays}
            />
          </SimpleGrid>
          <OwnerSelect value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
          <ControlPicker
            value={controlIds}
            onChange={setControlIds}
            error={errors.controlIds}
            description="Results become evidence of these controls; a failure marks them failing"
          />
          <FormFooter busy={save.isPending} onClose={onClose} submitLabel={check ? 'Save' : 'Create check'} />
        </Stack>
      </form>
    </Modal>
  );
}
