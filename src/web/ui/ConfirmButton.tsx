import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactElement, useState } from 'react';

/**
 * Wraps a trigger (a button or icon) with a confirmation dialog for an action that cannot be undone
 * lightly, such as removing a location or revoking a token.
 */
export function ConfirmButton({
  title,
  message,
  confirmLabel,
  onConfirm,
  children,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  children: (open: () => void) => ReactElement;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      {children(() => setOpened(true))}
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} size="sm">
        <Stack>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                setOpened(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
