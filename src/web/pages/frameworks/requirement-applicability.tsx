import { Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { RequirementDetail } from '../../../contracts/frameworks.js';
import { fieldErrors } from '../../api/client.js';
import { useSetApplicability } from '../../api/frameworks.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { dateTime } from '../../ui/format.js';
import { notifySuccess } from '../../ui/notify.js';
import { ApplicabilityBadge, applicabilityLabel } from './requirement-status.js';

type Decision = 'applicable' | 'not-applicable';

function decisionOf(applicable: boolean | null): Decision | null {
  if (applicable === null) return null;
  return applicable ? 'applicable' : 'not-applicable';
}

function ApplicabilityForm({ requirement }: { requirement: RequirementDetail }) {
  const [decision, setDecision] = useState<Decision | null>(decisionOf(requirement.applicable));
  const [justification, setJustification] = useState(requirement.justification);
  const [decisionError, setDecisionError] = useState<string>();
  useEffect(() => {
    setDecision(decisionOf(requirement.applicable));
    setJustification(requirement.justification);
  }, [requirement]);
  const save = useSetApplicability(requirement.id, {
    onSuccess: (r) => {
      notifySuccess(`${r.ref} is ${applicabilityLabel(r.applicable).toLowerCase()}`);
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!decision) return setDecisionError('Choose whether the requirement applies');
    setDecisionError(undefined);
    save.mutate({ applicable: decision === 'applicable', justification });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert error={save.error} />
        <Radio.Group
          label="Decision"
          value={decision}
          onChange={(v) => setDecision(v as Decision)}
          error={decisionError ?? errors.applicable}
          required
        >
          <Group mt={6}>
            <Radio value="applicable" label="Applicable" />
            <Radio value="not-applicable" label="Not applicable" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Justification"
          description="Why it does or does not apply; shown in the Statement of Applicability"
          autosize
          minRows={3}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={errors.justification}
          required
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ApplicabilityCard({ requirement }: { requirement: RequirementDetail }) {
  const { can } = useSession();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="applicability-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="applicability-heading">
          Applicability
        </Title>
        <span data-testid="applicability">
          <ApplicabilityBadge applicable={requirement.applicable} />
        </span>
      </Group>
      {requirement.decidedAt && (
        <Text size="xs" c="dimmed" mb="sm">
          Decided {dateTime(requirement.decidedAt)}
          {requirement.decidedBy ? ` by ${requirement.decidedBy}` : ''}
        </Text>
      )}
      {can('frameworks.manage') ? (
        <ApplicabilityForm requirement={requirement} />
      ) : (
        <Text size="sm">{requirement.justification || 'No justification recorded yet.'}</Text>
      )}
    </Card>
  );
}
