import { Stack } from '@mantine/core';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { roleLabels } from '../../ui/roles.js';
import { NotificationSettingsCard } from '../tasks/notification-settings.js';
import { PasswordCard } from './account-password.js';
import { TokensCard } from './account-tokens.js';

export function AccountPage() {
  const { session } = useSession();
  return (
    <>
      <PageHeader
        title="Account"
        description={session ? `${session.user.email} · ${roleLabels[session.user.role]}` : undefined}
      />
      <Stack>
        <PasswordCard />
        <TokensCard />
        <NotificationSettingsCard />
      </Stack>
    </>
  );
}
