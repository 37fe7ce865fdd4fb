import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useChangePassword } from '../../api/auth.js';
import { fieldErrors } from '../../api/client.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';

export function PasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useChangePassword({
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      notifySuccess('Password changed; your other sessions were signed out');
    },
  });
  const errors = fieldErrors(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(repeat !== next);
    if (repeat === next) change.mutate({ currentPassword: current, newPassword: next });
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4">
        Password
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Changing it signs you out on every other device.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <FormAlert error={change.error} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            required
          />
          <PasswordInput
            label="New password"
            description="At least 12 characters; a few unrelated words make a good one"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            required
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => {
              setRepeat(e.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? 'The passwords differ' : undefined}
            required
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
