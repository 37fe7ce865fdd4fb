import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuilding,
  IconChevronDown,
  IconHome,
  IconListDetails,
  IconLogout,
  IconShieldCheck,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../contracts/permissions.js';
import { useSession } from '../auth/session.js';

interface NavItem {
  to: string;
  label: string;
  icon: typeof IconHome;
  permission?: Permission;
}

const builtPages: NavItem[] = [
  { to: '/', label: 'Overview', icon: IconHome },
  { to: '/organization', label: 'Organisation', icon: IconBuilding, permission: 'organization.read' },
  { to: '/users', label: 'Users', icon: IconUsers, permission: 'users.read' },
  { to: '/audit-log', label: 'Audit log', icon: IconListDetails, permission: 'audit.read' },
];

/** Modules on the roadmap: shown so people see where Tillit is going, but not navigable yet. */
const plannedModules: Record<string, string[]> = {
  Programme: ['Frameworks', 'Controls', 'Evidence', 'Risks', 'Policies', 'Audits'],
  Operations: ['Incidents', 'Vulnerabilities', 'Access'],
  Privacy: ['Privacy', 'Suppliers'],
  Publish: ['Trust center'],
};

function NavSectionLabel({ children }: { children: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
      {children}
    </Text>
  );
}

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { session, can, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!session) return null;
  const isActive = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <IconShieldCheck size={26} color="var(--mantine-color-blue-6)" aria-hidden />
            <Text fw={700} size="lg">
              Tillit
            </Text>
            <Text c="dimmed" size="sm" data-testid="organization-name">
              {session.organization.name}
            </Text>
          </Group>
          <Menu position="bottom-end" withArrow>
            <Menu.Target>
              <UnstyledButton>
                <Group gap={8}>
                  <Avatar size="sm" color="blue" radius="xl" aria-hidden>
                    {session.user.name.slice(0, 1).toUpperCase()}
                  </Avatar>
                  <div>
                    <Text size="sm" fw={500}>
                      {session.user.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {session.user.role}
                    </Text>
                  </div>
                  <IconChevronDown size={14} aria-hidden />
                  <VisuallyHidden>account menu</VisuallyHidden>
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconUser size={14} />} onClick={() => navigate('/account')}>
                Account
              </Menu.Item>
              <Menu.Item
                leftSection={<IconLogout size={14} />}
                onClick={async () => {
                  await signOut();
                  navigate('/sign-in');
                }}
              >
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          {builtPages
            .filter((p) => !p.permission || can(p.permission))
            .map((p) => (
              <NavLink
                key={p.to}
                component={Link}
                to={p.to}
                label={p.label}
                leftSection={<p.icon size={18} aria-hidden />}
                active={isActive(p.to)}
                aria-current={isActive(p.to) ? 'page' : undefined}
                onClick={close}
              />
            ))}
          {Object.entries(plannedModules).map(([section, modules]) => (
            <div key={section}>
              <NavSectionLabel>{section}</NavSectionLabel>
              <ul className="planned-modules" aria-label={`${section} modules, planned`}>
                {modules.map((m) => (
                  <li key={m}>
                    <Group justify="space-between" px="sm" py={6}>
                      <Text size="sm" c="dimmed">
                        {m}
                      </Text>
                      <Text size="xs" c="dimmed" fs="italic">
                        planned
                      </Text>
                    </Group>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
