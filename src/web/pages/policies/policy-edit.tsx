import { Button, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Classification, PolicyDetail, PolicyKind } from '../../../contracts/policies.js';
import { fieldErrors } from '../../api/client.js';
import { useSavePolicy } from '../../api/policies.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { ownerOptions, useOwners } from '../../ui/use-directory.js';
import { classificationOptions, kindOptions } from './policy-labels.js';

function EditPolicyModal({ policy, onClose }: { policy: PolicyDetail; onClose: () => void }) {
  const owners = useOwners() ?? [];
  const [title, setTitle] = useState(policy.title);
  const [kind, setKind] = useState<PolicyKind>(policy.kind);
  const [classification, setClassification] = useState<Classification>(policy.classification);
  const [ownerId, setOwnerId] = useState<string | null>(policy.ownerId);
  const [interval, setInterval] = useState<number | string>(policy.reviewIntervalMonths);
  const save = useSavePolicy(policy.id, {
    onSuccess: () => {
      notifySuccess('Document details saved');
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      title: title.trim(),
      kind,
      classification,
      ownerId: ownerId ?? '',
      reviewIntervalMonths: Number(interval),
    });
  };
  const ownerChoices = ownerOptions(owners);
  if (!ownerChoices.some((o) => o.value === policy.ownerId))
    ownerChoices.push({ value: policy.ownerId, label: policy.ownerName });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Document details"
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
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Kind"
              data={kindOptions}
              value={kind}
              onChange={(v) => v && setKind(v as PolicyKind)}
              allowDeselect={false}
              error={errors.kind}
            />
            <Select
              label="Classification"
              data={classificationOptions}
              value={classification}
              onChange={(v) => v && setClassification(v as Classification)}
              allowDeselect={false}
              error={errors.classification}
            />
            <Select
              label="Owner"
              data={ownerChoices}
              value={ownerId}
              onChange={setOwnerId}
              searchable
              required
              error={errors.ownerId}
            />
            <NumberInput
              label="Review every (months)"
              min={1}
              max={60}
              value={interval}
              onChange={setInterval}
              error={errors.reviewIntervalMonths}
            />
          </SimpleGrid>
          <FormFooter busy={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function EditPolicyButton({ policy }: { policy: PolicyDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        Edit details
      </Button>
      {open && <EditPolicyModal policy={policy} onClose={() => setOpen(false)} />}
    </>
  );
}
