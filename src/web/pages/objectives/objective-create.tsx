import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type KpiDirection, type ObjectiveArea, objectiveAreas } from '../../../contracts/objectives.js';
import { ApiError, fieldErrors } from '../../api/client.js';
import { useCreateObjective } from '../../api/objectives.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { OwnerSelect } from '../../ui/OwnerSelect.js';

export const areaLabels: Record<ObjectiveArea, string> = {
  'information-security': 'Information security',
  quality: 'Quality',
  environment: 'Environment',
  'work-environment': 'Work environment',
  'fire-safety': 'Fire safety',
};

const empty = {
  title: '',
  description: '',
  area: 'information-security' as ObjectiveArea,
  dueDate: '',
  kpiName: '',
  unit: '',
  direction: 'higher-is-better' as KpiDirection,
  target: '',
  threshold: '',
};

/** A number typed in a text field; empty stays undefined so the server names the missing value. */
const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

export function CreateObjectiveModal({ onClose }: { onClose: () => void }) {
  const [v, setV] = useState(empty);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const set = (key: keyof typeof empty) => (value: string) => setV({ ...v, [key]: value });
  const toBody = () => ({
    title: v.title.trim(),
    description: v.description,
    ownerId,
    area: v.area,
    dueDate: v.dueDate,
    kpis: v.kpiName.trim()
      ? [
          {
            name: v.kpiName.trim(),
            unit: v.unit.trim(),
            direction: v.direction,
            target: numberOf(v.target),
            threshold: numberOf(v.threshold) ?? null,
          },
        ]
      : [],
  });
  const create = useCreateObjective({
    onSuccess: (o) => {
      notifySuccess(`Objective "${o.title}" set`);
      onClose();
    },
  });
  const errors = fieldErrors(create.error);
  const kpiError = (field: string) =>
    create.error instanceof ApiError
      ? create.error.details.find((d) => d.path === `kpis.0.${field}`)?.message
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(toBody());
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="New objective"
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} />
          <TextInput
            label="Title"
            value={v.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label="Description"
            value={v.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <OwnerSelect value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
            <NativeSelect
              label="Area"
              data={objectiveAreas.map((a) => ({ value: a, label: areaLabels[a] }))}
              value={v.area}
              onChange={(e) => set('area')(e.currentTarget.value)}
            />
            <TextInput
              label="Due date"
              type="date"
              value={v.dueDate}
              onChange={(e) => set('dueDate')(e.currentTarget.value)}
              error={errors.dueDate}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="KPI"
              value={v.kpiName}
              onChange={(e) => set('kpiName')(e.currentTarget.value)}
              error={kpiError('name')}
            />
            <TextInput label="Unit" value={v.unit} onChange={(e) => set('unit')(e.currentTarget.value)} />
            <NativeSelect
              label="Direction"
              data={[
                { value: 'higher-is-better', label: 'Higher is better' },
                { value: 'lower-is-better', label: 'Lower is better' },
              ]}
              value={v.direction}
              onChange={(e) => set('direction')(e.currentTarget.value)}
            />
            <TextInput
              label="Target"
              value={v.target}
              onChange={(e) => set('target')(e.currentTarget.value)}
              error={kpiError('target')}
            />
            <TextInput
              label="Threshold (at risk)"
              value={v.threshold}
              onChange={(e) => set('threshold')(e.currentTarget.value)}
              error={kpiError('threshold')}
            />
          </SimpleGrid>
          <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Set objective" />
        </Stack>
      </form>
    </Modal>
  );
}
