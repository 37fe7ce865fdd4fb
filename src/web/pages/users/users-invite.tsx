import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../contracts/permissions.js';
import { fieldErrors } from '../../api/client.js';
import { type InviteResult, useInviteUser } from '../../api/users.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { dateTime } from '../../ui/format.js';
import { roleDescriptions, roleOptions } from '../../ui/roles.js';

function InviteLink({ result, onClose }: { result: InviteResult; onClose: () => void }) {
  return (
    <Stack>
      <Alert color="teal" title="Invitation created">
        Send this link to {result.user.email}. It works once and expires {dateTime(result.expiresAt)}. Tillit
        shows it only now.
      </Alert>
      <Code block className="wrap-anywhere" data-testid="invite-url">
        {result.inviteUrl}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={result.inviteUrl}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

export function InviteModal({ onClose }: { onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const invite = useInviteUser();
  const errors = fieldErrors(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email: email.trim(), name: name.trim(), role });
  };
  return (
    <Modal opened onClose={onClose} title="Invite a person" size="lg">
      {invite.data ? (
        <InviteLink result={invite.data} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert error={invite.error} />
            <TextInput
              label="E-mail"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              required
              data-autofocus
            />
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              required
            />
            <Select
              label="Role"
              description={roleDescriptions[role]}
              data={roleOptions}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              error={errors.role}
            />
            <FormFooter busy={invite.isPending} onClose={onClose} submitLabel="Create invitation" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
