import { Grid, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ControlStatus } from '../../../contracts/soa.js';
import { fieldErrors } from '../../api/client.js';
import { useCreateControl } from '../../api/controls.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { OwnerSelect } from '../../ui/OwnerSelect.js';
import { ScopeSelect, StatusSelect } from './control-fields.js';
import { type PickedRequirement, RequirementPicker } from './requirement-picker.js';

/** A new control; `initialRequirements` are picked already (e.g. when created from a requirement's page). */
export function CreateControlModal({
  onClose,
  initialRequirements = [],
}: {
  onClose: () => void;
  initialRequirements?: PickedRequirement[];
}) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [ref, setRef] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [status, setStatus] = useState<ControlStatus>('not-started');
  const [implementation, setImplementation] = useState('');
  const [picked, setPicked] = useState<Map<string, PickedRequirement>>(
    () => new Map(initialRequirements.map((r) => [r.id, r])),
  );
  const create = useCreateControl({
    onSuccess: (c) => {
      notifySuccess(`Control ${c.ref} created`);
      onClose();
      navigate(`/controls/${c.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      title: title.trim(),
      ...(ref.trim() ? { ref: ref.trim() } : {}),
      ownerId,
      serviceId,
      status,
      implementation,
      requirementIds: [...picked.keys()],
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="New control"
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput
                label="Title"
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={errors.title}
                required
                data-autofocus
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Reference"
                description="Optional; CTL-001, CTL-002 … when empty"
                value={ref}
                onChange={(e) => setRef(e.currentTarget.value)}
                error={errors.ref}
              />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <OwnerSelect value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
            <ScopeSelect value={serviceId} onChange={setServiceId} error={errors.serviceId} />
            <StatusSelect value={status} onChange={setStatus} error={errors.status} />
          </SimpleGrid>
          <Textarea
            label="Implementation statement"
            description="What the organisation does and how, in Markdown"
            autosize
            minRows={4}
            maxRows={14}
            value={implementation}
            onChange={(e) => setImplementation(e.currentTarget.value)}
            error={errors.implementation}
          />
          <RequirementPicker picked={picked} onChange={setPicked} />
          <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Create control" />
        </Stack>
      </form>
    </Modal>
  );
}
