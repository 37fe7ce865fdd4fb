import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session.js';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

export function UserMenu() {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <Menu position="bottom-end" withArrow width={220}>
      <Menu.Target>
        <UnstyledButton className="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size="sm" color="blue" radius="xl" aria-hidden>
              {initials(session.user.name)}
            </Avatar>
            <div className="user-menu-text">
              <Text size="sm" fw={500} lh={1.2}>
                {session.user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {session.user.role}
              </Text>
            </div>
            <IconChevronDown size={14} aria-hidden />
            <VisuallyHidden>account menu</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item leftSection={<IconUser size={14} aria-hidden />} onClick={() => navigate('/account')}>
          Account
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={14} aria-hidden />}
          onClick={async () => {
            await signOut();
            navigate('/sign-in', { replace: true });
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
