import { Badge, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;

export function useUnreadCount(): number {
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
  });
  return unread.data?.unread ?? 0;
}

/** The unread count beside the Inbox link; nothing when all is read. */
export function UnreadBadge() {
  const unread = useUnreadCount();
  if (unread === 0) return null;
  return (
    <Badge size="sm" color="red" circle={unread < 10} data-testid="unread-count">
      {unread}
      <VisuallyHidden> unread</VisuallyHidden>
    </Badge>
  );
}
