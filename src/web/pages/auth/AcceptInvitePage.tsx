import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth.js';
import { fieldErrors } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { useTitle } from '../../ui/use-title.js';

export function AcceptInvitePage() {
  useTitle('Accept invitation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setErrors({ repeat: 'The passwords differ' });
      return;
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      signedIn(await authApi.acceptInvite({ token, name, password }));
      navigate('/', { replace: true });
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="var(--mantine-color-default-hover)" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w={420} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Stack gap={4} align="center">
              <IconShieldCheck size={40} color="var(--mantine-color-blue-8)" aria-hidden />
              <Title order={1} size="h3">
                Join your organisation on Tillit
              </Title>
            </Stack>
            <Text size="sm" c="dimmed">
              Choose your name and a password of at least 12 characters.
            </Text>
            {!token && (
              <Alert color="red" role="alert">
                This link has no invitation token. Ask your administrator for a new link.
              </Alert>
            )}
            <FormAlert error={error} />
            <TextInput
              label="Your name"
              required
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <PasswordInput
              label="Password"
              description="At least 12 characters"
              required
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
            <PasswordInput
              label="Repeat password"
              required
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={errors.repeat}
            />
            <Button type="submit" loading={busy} disabled={!token}>
              Accept and sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
