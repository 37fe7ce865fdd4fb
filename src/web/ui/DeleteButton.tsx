import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { ConfirmButton } from './ConfirmButton.js';

/**
 * A red delete (or remove) control that asks first: the dialog names what goes and what stays, and only its confirm
 * button calls `onConfirm`. `variant="button"` (the default) is a labelled button for a record's own page;
 * `variant="icon"` is a bin icon with a tooltip for a table row, its accessible name being `label`.
 */
export function DeleteButton({
  title,
  message,
  confirmLabel,
  onConfirm,
  busy = false,
  label = 'Delete',
  accessibleName,
  variant = 'button',
  size = 'sm',
}: {
  /** The dialog's question, e.g. "Delete R-3?". */
  title: string;
  /** What the deletion removes and what the audit log keeps. */
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  /** The button's text, or the icon's tooltip and accessible name. */
  label?: string;
  /** A fuller accessible name for a button in a table row (e.g. "Remove ISO 27001"). */
  accessibleName?: string;
  variant?: 'button' | 'icon';
  size?: 'xs' | 'sm';
}) {
  return (
    <ConfirmButton title={title} message={message} confirmLabel={confirmLabel} onConfirm={onConfirm}>
      {(open) =>
        variant === 'icon' ? (
          <Tooltip label={label}>
            <ActionIcon variant="subtle" color="red" aria-label={label} onClick={open} loading={busy}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            variant="light"
            color="red"
            size={size}
            leftSection={<IconTrash size={size === 'xs' ? 14 : 16} aria-hidden />}
            loading={busy}
            onClick={open}
            aria-label={accessibleName}
          >
            {label}
          </Button>
        )
      }
    </ConfirmButton>
  );
}
