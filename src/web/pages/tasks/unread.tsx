import { Badge, VisuallyHidden } from '@mantine/core';
import { useUnreadCount } from '../../api/tasks.js';

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
