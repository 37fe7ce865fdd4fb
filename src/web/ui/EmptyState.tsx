import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Scrolls to the section with this id and puts the focus in its first field. */
export function focusSection(id: string): void {
  const section = document.getElementById(id);
  section?.scrollIntoView({ block: 'center' });
  section?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, button')?.focus();
}

/** A list with nothing in it yet: what it will hold, what to do next, and the button that does it. */
export function EmptyState({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center" data-testid="empty-state">
      <ThemeIcon variant="light" color="gray" size="xl" radius="xl" aria-hidden>
        <IconInbox size={22} />
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed" maw={520}>
        {children}
      </Text>
      {actions && (
        <Group gap="xs" mt="xs">
          {actions}
        </Group>
      )}
    </Stack>
  );
}

/** A button for an empty state that moves to a form further down the page. */
export function GoToButton({ target, children }: { target: string; children: ReactNode }) {
  return (
    <Button variant="light" onClick={() => focusSection(target)}>
      {children}
    </Button>
  );
}
