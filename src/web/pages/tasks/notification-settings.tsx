import { Card, Radio, Stack, Text, Title } from '@mantine/core';
import type { EmailMode } from '../../../contracts/activities.js';
import { useNotificationSettings, useSaveNotificationSettings } from '../../api/tasks.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';

const labels: Record<EmailMode, string> = {
  immediate: 'Immediately, one mail per notification',
  digest: 'Daily digest of unread notifications',
  off: 'No mail, not even escalations',
};

/** How the inbox reaches the person by e-mail. */
export function NotificationSettingsCard() {
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings({
    onSuccess: () => notifySuccess('Notification mail saved'),
    onError: notifyError,
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
