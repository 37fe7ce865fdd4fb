import { Button, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Classification, PolicyDetail, PolicyKind } from '../../../contracts/policies.js';
import { fieldErrors } from '../../api/client.js';
import { useSavePolicy } from '../../api/policies.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { ownerOptions, useOwners } from '../../ui/use-directory.js';
import { classificationOptions, kindOptions } from './policy-labels.js';

interface Values {
  title: string;
  kind: PolicyKind;
  classification: Classification;
  ownerId: string | null;
  reviewIntervalMonths: number | string;
  body: string;
}

const initial = (policy: PolicyDetail | undefined, me: string | null): Values => ({
  title: policy?.title ?? '',
  kind: policy?.kind ?? 'policy',
  classification: policy?.classification ?? 'internal',
  ownerId: policy ? policy.ownerId : me,
  reviewIntervalMonths: policy?.reviewIntervalMonths ?? 12,
  body: '',
});

/**
 * Creates a document with its first draft (no `policy`) or changes its details; the text of a document that exists
 * changes through its drafts and versions.
 */
export function PolicyFormModal({ policy, onClose }: { policy?: PolicyDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const { session } = useSession();
  const owners = useOwners() ?? [];
  const [values, setValues] = useState<Values>(() => initial(policy, session?.user.id ?? null));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const save = useSavePolicy(policy?.id, {
    onSuccess: (saved) => {
      notifySuccess(policy ? 'Document details saved' : `“${saved.title}” created as a draft`);
      onClose();
      if (!policy) navigate(`/policies/${saved.id}`);
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const details = {
      title: values.title.trim(),
      kind: values.kind,
      classification: values.classification,
      ownerId: values.ownerId ?? '',
      reviewIntervalMonths: Number(values.reviewIntervalMonths),
    };
    save.mutate(policy ? details : { ...details, body: values.body });
  };
  const ownerChoices = ownerOptions(owners);
  if (policy && !ownerChoices.some((o) => o.value === policy.ownerId))
    ownerChoices.push({ value: policy.ownerId, label: policy.ownerName });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={policy ? 'Document details' : 'New document'}
      size={policy ? 'lg' : 'xl'}
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
            <Select
              label="Kind"
              data={kindOptions}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as PolicyKind)}
              allowDeselect={false}
              error={errors.kind}
            />
            <Select
              label="Classification"
              data={classificationOptions}
              value={values.classification}
              onChange={(v) => v && set('classification')(v as Classification)}
              allowDeselect={false}
              error={errors.classification}
            />
            <Select
              label="Owner"
              data={ownerChoices}
              value={values.ownerId}
              onChange={set('ownerId')}
              searchable
              required
              error={errors.ownerId}
            />
            <NumberInput
              label="Review every (months)"
              min={1}
              max={60}
              value={values.reviewIntervalMonths}
              onChange={set('reviewIntervalMonths')}
              error={errors.reviewIntervalMonths}
            />
          </SimpleGrid>
          {!policy && (
            <Textarea
              label="First draft"
              description="Markdown; you can keep editing the draft until you submit it for review"
              autosize
              minRows={6}
              maxRows={16}
              value={values.body}
              onChange={(e) => set('body')(e.currentTarget.value)}
              error={errors.body}
            />
          )}
          <FormFooter
            busy={save.isPending}
            onClose={onClose}
            submitLabel={policy ? 'Save' : 'Create draft'}
          />
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
      {open && <PolicyFormModal policy={policy} onClose={() => setOpen(false)} />}
    </>
  );
}
