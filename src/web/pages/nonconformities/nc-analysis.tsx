import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { NcDetail, NcStatus } from '../../../contracts/nonconformities.js';
import { errorMessage, fieldErrors } from '../../api/client.js';
import { nonconformitiesApi } from '../../api/nonconformities.js';
import { useOwners } from '../../ui/use-directory.js';
import { useNcMutation } from './use-nc.js';

/** Owner, correction and root cause: edited in any step before closing. */
export function NcAnalysis({ nc, editable }: { nc: NcDetail; editable: boolean }) {
  const [rootCause, setRootCause] = useState(nc.rootCause);
  const [correction, setCorrection] = useState(nc.correction);
  const [ownerId, setOwnerId] = useState(nc.ownerId ?? '');
  const people = useOwners() ?? [];
  const save = useNcMutation(
    () =>
      nonconformitiesApi.update(nc.id, {
        rootCause,
        correction,
        ownerId: ownerId || null,
      }),
    (n) => `${n.ref} saved`,
  );
  const errors = fieldErrors(save.error);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="analysis-heading">
      <Title order={2} size="h4" id="analysis-heading" mb="sm">
        Owner, correction and root cause
      </Title>
      {editable ? (
        <Stack>
          {save.error !== null && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <NativeSelect
            label="Owner"
            data={[
              { value: '', label: 'Nobody yet' },
              ...people.map((u) => ({ value: u.id, label: u.name })),
            ]}
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            error={errors.ownerId}
          />
          <Textarea
            label="Correction"
            description="The immediate fix"
            autosize
            minRows={2}
            value={correction}
            onChange={(e) => setCorrection(e.currentTarget.value)}
            error={errors.correction}
          />
          <Textarea
            label="Root cause"
            description="Required before corrective action"
            autosize
            minRows={2}
            value={rootCause}
            onChange={(e) => setRootCause(e.currentTarget.value)}
            error={errors.rootCause}
          />
          <Group>
            <Button variant="light" loading={save.isPending} onClick={() => save.mutate(undefined)}>
              Save analysis
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span c="dimmed" size="sm">
              Correction:{' '}
            </Text>
            {nc.correction || '—'}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span c="dimmed" size="sm">
              Root cause:{' '}
            </Text>
            {nc.rootCause || '—'}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

const nextStep: Partial<Record<NcStatus, [NcStatus, string]>> = {
  open: ['correction', 'Start correction'],
  correction: ['corrective-action', 'Move to corrective action'],
  'corrective-action': ['verification', 'Submit for verification'],
  verification: ['closed', 'Close nonconformity'],
};

/** The one button that moves the nonconformity to its next step, with the server's refusal shown beside it. */
export function NextStep({ nc }: { nc: NcDetail }) {
  const step = nextStep[nc.status];
  const move = useNcMutation(
    (to: NcStatus) => nonconformitiesApi.move(nc.id, to),
    (n) => `${n.ref} moved to ${n.status}`,
  );
  if (!step) return null;
  return (
    <Stack gap="xs" align="flex-end">
      <Button loading={move.isPending} onClick={() => move.mutate(step[0])}>
        {step[1]}
      </Button>
      {move.error && (
        <Alert color="red" role="alert" maw={480}>
          {errorMessage(move.error)}
        </Alert>
      )}
    </Stack>
  );
}
