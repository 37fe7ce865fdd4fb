import { Card, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailMode, NotificationSettings } from '../../../contracts/activities.js';
import { api } from '../../api/client.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';

const labels: Record<EmailMode, string> = {
  immediate: 'Immediately, one mail per notification',
  digest: 'Daily digest of unread notifications',
  off: 'No mail, not even escalations',
};

/** How the inbox reaches the person by e-mail. */
export function NotificationSettingsCard() {
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['notification-settings'],
    queryFn: () => api.get<NotificationSettings>('/api/me/notification-settings'),
  });
  const save = useMutation({
    mutationFn: (email: EmailMode) =>
      api.put<NotificationSettings>('/api/me/notification-settings', { email }),
    onMutate: (email) => client.setQueryData(['notification-settings'], { email }),
    onSuccess: (s) => {
      client.setQueryData(['notification-settings'], s);
      notifySuccess('Notification mail saved');
    },
    onError: async (error) => {
      await client.invalidateQueries({ queryKey: ['notification-settings'] });
      notifyError(error);
    },
  });
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Notification mail
        </Title>
        <Text size="sm" c="dimmed">
          Your inbox in Tillit always has every notification; choose how you also get them by e-mail.
        </Text>
        {settings.data && (
          <Radio.Group
            label="Send me notifications by e-mail"
            value={settings.data.email}
            onChange={(v) => save.mutate(v as EmailMode)}
          >
            <Stack gap="xs">
              {(Object.keys(labels) as EmailMode[]).map((m) => (
                <Radio key={m} value={m} label={labels[m]} disabled={save.isPending} />
              ))}
            </Stack>
          </Radio.Group>
        )}
      </Stack>
    </Card>
  );
}
