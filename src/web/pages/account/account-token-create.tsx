import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client.js';
import { type CreatedToken, useCreateToken } from '../../api/tokens.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { date } from '../../ui/format.js';

function Secret({ created, onClose }: { created: CreatedToken; onClose: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" title="Copy the token now">
        It is shown only once; Tillit keeps only a hash of it. It expires {date(created.apiToken.expiresAt)}.
      </Alert>
      <Code block className="wrap-anywhere" data-testid="new-token">
        {created.token}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy token'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onClose}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

export function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { session } = useSession();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const [scopes, setScopes] = useState<string[]>(['organization.read']);
  const create = useCreateToken();
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), scopes, expiresInDays: days });
  };
  return (
    <Modal opened onClose={onClose} title="Create an API token" size="lg">
      {create.data ? (
        <Secret created={create.data} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert error={create.error} />
            <TextInput
              label="Name"
              description="What uses it, e.g. CI evidence upload"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
            />
            <NumberInput
              label="Expires after (days)"
              description="1 to 366 days"
              min={1}
              max={366}
              clampBehavior="strict"
              allowDecimal={false}
              value={days}
              onChange={(v) => setDays(Number(v) || 1)}
              error={errors.expiresInDays}
              w={200}
            />
            <Checkbox.Group
              label="Scopes"
              description="What the token may do; only permissions your role has"
              value={scopes}
              onChange={setScopes}
              error={errors.scopes}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs">
                {(session?.permissions ?? []).map((p) => (
                  <Checkbox key={p} value={p} label={p} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <FormFooter busy={create.isPending} onClose={onClose} submitLabel="Create token" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
