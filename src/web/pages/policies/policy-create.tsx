import { Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Classification, PolicyKind } from '../../../contracts/policies.js';
import { fieldErrors } from '../../api/client.js';
import { useSavePolicy } from '../../api/policies.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { ownerOptions, useOwners } from '../../ui/use-directory.js';
import { classificationOptions, kindOptions } from './policy-labels.js';

export function CreatePolicyModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const { session } = useSession();
  const owners = useOwners() ?? [];
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<PolicyKind>('policy');
  const [classification, setClassification] = useState<Classification>('internal');
  const [ownerId, setOwnerId] = useState<string | null>(session?.user.id ?? null);
  const [interval, setInterval] = useState<number | string>(12);
  const [body, setBody] = useState('');
  const create = useSavePolicy(undefined, {
    onSuccess: (p) => {
      notifySuccess(`“${p.title}” created as a draft`);
      onClose();
      navigate(`/policies/${p.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      title: title.trim(),
      kind,
      classification,
      ownerId: ownerId ?? '',
      reviewIntervalMonths: Number(interval),
      body,
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="New document"
      size="xl"
    >
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
              data={ownerOptions(owners)}
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
          <Textarea
            label="First draft"
            description="Markdown; you can keep editing the draft until you submit it for review"
            autosize
            minRows={6}
            maxRows={16}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
          />
          <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Create draft" />
        </Stack>
      </form>
    </Modal>
  );
}
