import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../api/client.js';
import { useBulkApplicability } from '../../api/frameworks.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { count } from '../../ui/format.js';
import { notifySuccess } from '../../ui/notify.js';

function BulkModal({
  frameworkId,
  ids,
  applicable,
  onClose,
  onDone,
}: {
  frameworkId: string;
  ids: string[];
  applicable: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [justification, setJustification] = useState('');
  const save = useBulkApplicability(frameworkId, {
    onSuccess: (r) => {
      notifySuccess(
        `${count(r.updated, 'requirement')} marked ${applicable ? 'applicable' : 'not applicable'}`,
      );
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const verb = applicable ? 'applicable' : 'not applicable';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ requirementIds: ids, applicable, justification });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Mark ${count(ids.length, 'requirement')} ${verb}`}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={save.error} />
          <Textarea
            label="Justification"
            description={
              applicable
                ? 'Why these requirements apply, e.g. the risk or obligation they answer'
                : 'Why these requirements do not apply; auditors read this in the Statement of Applicability'
            }
            autosize
            minRows={3}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={errors.justification}
            required
            data-autofocus
          />
          <FormFooter busy={save.isPending} onClose={onClose} submitLabel={`Mark ${verb}`} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The bar above the table that acts on the selected requirements. */
export function BulkApplicability({
  frameworkId,
  selected,
  onClear,
}: {
  frameworkId: string;
  selected: ReadonlySet<string>;
  onClear: () => void;
}) {
  const [applicable, setApplicable] = useState<boolean | null>(null);
  const ids = [...selected];
  return (
    <Paper withBorder p="xs" mb="sm" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between" gap="xs">
        <Text size="sm" aria-live="polite" data-testid="selected-count">
          {ids.length === 0 ? 'Select requirements to decide them together' : `${ids.length} selected`}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCheck size={14} aria-hidden />}
            disabled={ids.length === 0}
            onClick={() => setApplicable(true)}
          >
            Mark applicable
          </Button>
          <Button
            size="xs"
            variant="light"
            color="gray"
            leftSection={<IconX size={14} aria-hidden />}
            disabled={ids.length === 0}
            onClick={() => setApplicable(false)}
          >
            Mark not applicable
          </Button>
          <Button size="xs" variant="subtle" disabled={ids.length === 0} onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
      {applicable !== null && (
        <BulkModal
          frameworkId={frameworkId}
          ids={ids}
          applicable={applicable}
          onClose={() => setApplicable(null)}
          onDone={() => {
            setApplicable(null);
            onClear();
          }}
        />
      )}
    </Paper>
  );
}
