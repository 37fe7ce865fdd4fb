import { Button, Group } from '@mantine/core';

/** The Cancel and submit buttons that end every modal form. */
export function FormFooter({
  busy,
  onClose,
  submitLabel = 'Save',
}: {
  busy: boolean;
  onClose: () => void;
  submitLabel?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        Cancel
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Group>
  );
}
