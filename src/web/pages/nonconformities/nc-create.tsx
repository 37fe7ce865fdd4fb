import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { NcSeverity, NcSource } from '../../../contracts/nonconformities.js';
import { fieldErrors } from '../../api/client.js';
import { useCreateNonconformity } from '../../api/nonconformities.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { useOwners } from '../../ui/use-directory.js';
import { optionsOf } from '../audits/audit-labels.js';
import { ncSourceLabels, severityLabels } from './nc-labels.js';

export function CreateNcModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const people = useOwners() ?? [];
  const [source, setSource] = useState<NcSource>('incident');
  const [sourceRef, setSourceRef] = useState('');
  const [severity, setSeverity] = useState<NcSeverity>('minor');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const create = useCreateNonconformity({
    onSuccess: (nc) => {
      notifySuccess(`${nc.ref} raised`);
      onClose();
      navigate(`/nonconformities/${nc.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ source, sourceRef, severity, description, ownerId: ownerId || null });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="New nonconformity"
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Source"
              data={optionsOf(ncSourceLabels)}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value as NcSource)}
              error={errors.source}
              data-autofocus
            />
            <TextInput
              label="Source reference"
              description="e.g. the incident or ticket number"
              value={sourceRef}
              onChange={(e) => setSourceRef(e.currentTarget.value)}
              error={errors.sourceRef}
            />
            <NativeSelect
              label="Severity"
              data={optionsOf(severityLabels)}
              value={severity}
              onChange={(e) => setSeverity(e.currentTarget.value as NcSeverity)}
              error={errors.severity}
            />
            <NativeSelect
              label="Owner"
              data={[
                { value: '', label: 'Nobody yet' },
                ...people.map((u) => ({ value: u.id, label: u.name })),
              ]}
              value={ownerId}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
              error={errors.ownerId}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            required
          />
          <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Raise nonconformity" />
        </Stack>
      </form>
    </Modal>
  );
}
