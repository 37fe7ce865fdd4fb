import { Anchor, Button, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Notification } from '../../../contracts/tasks.js';
import { useMarkRead as useMarkReadChange, useNotifications } from '../../api/tasks.js';
import { dateTime } from '../../ui/format.js';
import { notifyError } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';

const PAGE_SIZE = 25;

function useMarkRead() {
  return useMarkReadChange({ onError: notifyError });
}

function Item({ n }: { n: Notification }) {
  const markRead = useMarkRead();
  const read = () => !n.readAt && markRead.mutate(n.id);
  return (
    <Card withBorder padding="sm" bg={n.readAt ? undefined : 'var(--mantine-color-blue-0)'} component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" fw={n.readAt ? 400 : 700}>
            {n.link ? (
              <Anchor component={Link} to={n.link} onClick={read}>
                {n.title}
              </Anchor>
            ) : (
              n.title
            )}
            {!n.readAt && (
              <Text span size="xs" c="blue.8" ml="xs">
                (unread)
              </Text>
            )}
          </Text>
          {n.body && <Text size="sm">{n.body}</Text>}
          <Text size="xs" c="dimmed">
            {dateTime(n.createdAt)}
          </Text>
        </Stack>
        {!n.readAt && (
          <Button size="xs" variant="subtle" onClick={read}>
            Mark read<VisuallyHidden>: {n.title}</VisuallyHidden>
          </Button>
        )}
      </Group>
    </Card>
  );
}

export function InboxPage() {
  const {
    values: { page },
    setPage,
  } = useListParams({ page: listParam.page() });
  const markRead = useMarkRead();
  const inbox = useNotifications({ page, pageSize: PAGE_SIZE });
  const anyUnread = inbox.data?.items.some((n) => !n.readAt);
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Reminders about evidence that expires and checks that fail."
        actions={
          anyUnread && (
            <Button
              variant="default"
              leftSection={<IconChecks size={16} aria-hidden />}
              onClick={() => markRead.mutate('all')}
            >
              Mark all read
            </Button>
          )
        }
      />
      <QueryState loading={inbox.isLoading} error={inbox.error}>
        {inbox.data?.total ? (
          <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }} aria-label="Notifications">
            {inbox.data.items.map((n) => (
              <Item key={n.id} n={n} />
            ))}
          </Stack>
        ) : (
          <Text c="dimmed" size="sm">
            Nothing here yet.
          </Text>
        )}
        <PageControls total={inbox.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
    </>
  );
}
