import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth.js';
import { ApiError, errorMessage } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { useTitle } from '../../ui/use-title.js';

function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

interface SignInProblem {
  title: string;
  message: string;
}

function problemOf(err: unknown): SignInProblem {
  if (err instanceof ApiError && err.code === 'RATE_LIMITED')
    return { title: 'Too many attempts', message: err.message };
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED')
    return { title: 'Sign-in failed', message: 'Enter a valid e-mail address and your password.' };
  return { title: 'Sign-in failed', message: errorMessage(err) };
}

export function SignInPage() {
  useTitle('Sign in');
  const { session, expired, signedIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setProblem({ title: 'Sign-in failed', message: 'Enter your e-mail address and your password.' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      signedIn(await authApi.login({ email: email.trim(), password }));
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="var(--mantine-color-default-hover)" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Stack gap={4} align="center">
              <IconShieldCheck size={40} color="var(--mantine-color-blue-8)" aria-hidden />
              <Title order={1} size="h3">
                Sign in to Tillit
              </Title>
              <Text size="sm" c="dimmed">
                Security and compliance, in the open
              </Text>
            </Stack>
            {expired && !problem && (
              <Alert color="blue" role="status" title="Your session has ended">
                Sign in again to continue where you were.
              </Alert>
            )}
            {problem && (
              <Alert color="red" role="alert" title={problem.title}>
                {problem.message}
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
