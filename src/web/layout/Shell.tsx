import { AppShell, Burger, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { useSession } from '../auth/session.js';
import { ColorSchemeToggle } from './ColorSchemeToggle.js';
import { Navigation } from './Navigation.js';
import { GlobalSearch } from './SearchDialog.js';
import { UserMenu } from './UserMenu.js';

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { session } = useSession();
  if (!session) return null;
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <UnstyledButton component={Link} to="/" aria-label="Tillit, overview" className="brand">
              <Group gap={6} wrap="nowrap">
                <IconShieldCheck size={26} color="var(--mantine-color-blue-8)" aria-hidden />
                <Text fw={800} size="lg">
                  Tillit
                </Text>
              </Group>
            </UnstyledButton>
            <Text c="dimmed" aria-hidden>
              /
            </Text>
            <Text size="sm" fw={500} data-testid="organization-name" truncate>
              {session.organization.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <GlobalSearch />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <AppShell.Section grow component={ScrollArea} p="xs" pt={0}>
          <Navigation onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
