import { Button, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FindingDetail, FindingState, FindingStateChange } from '../../../contracts/vulnerabilities.js';
import { fieldErrors } from '../../api/client.js';
import { useRisks } from '../../api/risks.js';
import { useChangeFindingState } from '../../api/vulnerabilities.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';
import { stateLabels } from './vulnerability-labels.js';

type Triage = Exclude<FindingState, 'fixed'>;
const triageStates: Triage[] = ['open', 'in_progress', 'accepted', 'false_positive', 'not_affected'];

/** The change the form describes; the server names any missing or bad field. */
function changeOf(state: Triage, reason: string, until: string, riskId: string | null): FindingStateChange {
  switch (state) {
    case 'accepted':
      return { state, reason, until, riskId: riskId ?? '' };
    case 'false_positive':
      return { state, reason };
    case 'not_affected':
      return { state, justification: reason };
    default:
      return { state };
  }
}

const reasonLabels: Partial<Record<Triage, string>> = {
  accepted: 'Why the risk is accepted',
  false_positive: 'Why this is a false positive',
  not_affected: 'VEX justification (why the product is not affected)',
};

/**
 * Triage of one finding: in progress, accepted (a risk acceptance by the signed-in person, with a reason, an
 * expiry and the risk in the register), false positive (reason) or not affected (VEX justification).
 */
export function FindingTriage({ finding }: { finding: FindingDetail }) {
  const initial = finding.state === 'fixed' ? 'open' : finding.state;
  const [state, setState] = useState<Triage>(initial);
  const [reason, setReason] = useState(finding.stateReason ?? finding.vexJustification ?? '');
  const [until, setUntil] = useState(finding.acceptance?.until ?? '');
  const [riskId, setRiskId] = useState<string | null>(finding.acceptance?.riskId ?? null);
  const risks = useRisks({ pageSize: 200 });
  const change = useChangeFindingState(finding.id, {
    onSuccess: (f) => notifySuccess(`State changed to ${stateLabels[f.state].toLowerCase()}`),
  });
  const reasonLabel = reasonLabels[state];
  const errors = fieldErrors(change.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate(changeOf(state, reason, until, riskId));
      }}
    >
      <Stack gap="sm" maw={520}>
        <Select
          label="New state"
          data={triageStates.map((s) => ({ value: s, label: stateLabels[s] }))}
          value={state}
          allowDeselect={false}
          onChange={(v) => setState(triageStates.find((s) => s === v) ?? 'open')}
        />
        {reasonLabel && (
          <Textarea
            label={reasonLabel}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            error={errors.reason ?? errors.justification}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {state === 'accepted' && (
          <>
            <TextInput
              label="Accepted until"
              type="date"
              withAsterisk
              value={until}
              error={errors.until}
              onChange={(e) => setUntil(e.currentTarget.value)}
            />
            <Select
              label="Risk in the register"
              withAsterisk
              searchable
              data={(risks.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.ref} ${r.title}` }))}
              value={riskId}
              error={errors.riskId}
              onChange={setRiskId}
            />
          </>
        )}
        <FormAlert error={change.error} />
        <Button type="submit" w="fit-content" loading={change.isPending}>
          Change state
        </Button>
      </Stack>
    </form>
  );
}
