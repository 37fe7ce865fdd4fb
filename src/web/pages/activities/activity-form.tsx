import {
  Checkbox,
  Modal,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Activity, type ActivityKind, activityKinds } from '../../../contracts/activities.js';
import { useSaveActivity } from '../../api/activities.js';
import { fieldErrors } from '../../api/client.js';
import { useControlPicker } from '../../api/controls.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { ownerOptions, useOwners } from '../../ui/use-directory.js';
import { kindLabels } from './activity-labels.js';
import { ScheduleField, type ScheduleValue } from './schedule-field.js';

function useControlOptions() {
  const controls = useControlPicker({ pageSize: 200 });
  return (controls.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` }));
}

const numberOrNull = (v: string | number) => (v === '' ? null : Number(v));

/** Create or edit a recurring activity; the schedule shows its next occurrences from the server. */
export function ActivityFormModal({ activity, onClose }: { activity?: Activity; onClose: () => void }) {
  const people = ownerOptions(useOwners() ?? []);
  const controlOptions = useControlOptions();
  const [title, setTitle] = useState(activity?.title ?? '');
  const [description, setDescription] = useState(activity?.description ?? '');
  const [kind, setKind] = useState<ActivityKind>(activity?.kind ?? 'restore-test');
  const [schedule, setSchedule] = useState<ScheduleValue>(
    activity?.schedule ?? { type: 'rrule', expression: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1;BYHOUR=9' },
  );
  const [assigneeId, setAssigneeId] = useState<string | null>(activity?.assignee.id ?? null);
  const [controlIds, setControlIds] = useState<string[]>(activity?.controls.map((c) => c.id) ?? []);
  const [evidenceRequired, setEvidenceRequired] = useState(activity?.evidenceRequired ?? true);
  const [leadDays, setLeadDays] = useState<string | number>(activity?.leadDays ?? 7);
  const [escalationDays, setEscalationDays] = useState<string | number>(activity?.escalation?.days ?? '');
  const [escalationUserId, setEscalationUserId] = useState<string | null>(
    activity?.escalation?.user.id ?? null,
  );
  const save = useSaveActivity(activity?.id, {
    onSuccess: (a) => {
      notifySuccess(`Activity “${a.title}” saved`);
      onClose();
    },
  });
  const toBody = () => {
    const body = {
      title: title.trim(),
      description,
      kind,
      schedule: { ...schedule, ...(activity ? { startsAt: activity.schedule.startsAt } : {}) },
      assigneeId,
      controlIds,
      evidenceRequired,
      leadDays: numberOrNull(leadDays) ?? 0,
      escalationDays: numberOrNull(escalationDays),
      escalationUserId,
    };
    return body;
  };
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toBody());
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={activity ? 'Edit activity' : 'New recurring activity'}
      size="lg"
    >
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
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <NativeSelect
            label="Kind"
            data={activityKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as ActivityKind)}
          />
          <ScheduleField
            value={schedule}
            startsAt={activity?.schedule.startsAt}
            onChange={setSchedule}
            error={errors.schedule}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Assignee"
              searchable
              data={people}
              value={assigneeId}
              onChange={setAssigneeId}
              error={errors.assigneeId}
              required
            />
            <NumberInput
              label="Lead time (days)"
              description="The task opens this many days before each occurrence"
              min={0}
              max={365}
              value={leadDays}
              onChange={setLeadDays}
              error={errors.leadDays}
            />
            <NumberInput
              label="Escalate after (days overdue)"
              min={1}
              max={365}
              value={escalationDays}
              onChange={setEscalationDays}
              error={errors.escalationDays}
            />
            <Select
              label="Escalate to"
              searchable
              clearable
              data={people}
              value={escalationUserId}
              onChange={setEscalationUserId}
              error={errors.escalationUserId}
            />
          </SimpleGrid>
          <MultiSelect
            label="Controls the evidence is for"
            searchable
            data={controlOptions}
            value={controlIds}
            onChange={setControlIds}
            error={errors.controlIds}
          />
          <Checkbox
            label="Evidence required to complete a task"
            checked={evidenceRequired}
            onChange={(e) => setEvidenceRequired(e.currentTarget.checked)}
          />
          <FormFooter busy={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
