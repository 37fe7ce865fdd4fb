import { Button, Checkbox, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { IncidentDetail, TriageInput } from '../../../contracts/incidents.js';
import { useTriageIncident } from '../../api/incidents.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';

/** The questions of Implementing Regulation (EU) 2024/2690 (Art. 3, 7, 8) and GDPR Art. 33/34, in our words. */
const questions: [keyof TriageInput, string][] = [
  ['completelyUnavailableOver30Min', 'The service was completely unavailable for more than 30 minutes'],
  [
    'limitedForManyUsersOver1Hour',
    'Availability was limited for more than 5 % of EU users, or over a million users, for more than an hour',
  ],
  [
    'maliciousDataCompromise',
    'Stored or transmitted data was compromised (integrity, confidentiality or authenticity), suspected malicious',
  ],
  ['physicalAccessCompromised', 'Physical access to a data centre was compromised'],
  [
    'seriousFinancialLoss',
    'It caused, or could cause, a financial loss over EUR 500 000 or 5 % of annual turnover',
  ],
  ['tradeSecretsExfiltrated', 'Trade secrets were, or could have been, taken'],
  ['harmToPeople', "It caused, or could cause, someone's death or considerable damage to health"],
  ['suspectedMalicious', 'Unlawful or malicious acts are suspected'],
  ['crossBorderImpact', 'It has an impact in another EU member state'],
  ['personalDataBreach', 'Personal data was breached (lost, disclosed, altered or made unavailable)'],
];

const empty: TriageInput = {
  seriousFinancialLoss: false,
  tradeSecretsExfiltrated: false,
  harmToPeople: false,
  completelyUnavailableOver30Min: false,
  limitedForManyUsersOver1Hour: false,
  maliciousDataCompromise: false,
  physicalAccessCompromised: false,
  suspectedMalicious: false,
  crossBorderImpact: false,
  personalDataBreach: false,
  riskToPeople: 'none',
  reasoning: '',
};

export function TriageForm({ incident }: { incident: IncidentDetail }) {
  const [answers, setAnswers] = useState<TriageInput>(incident.triage ?? empty);
  const triage = useTriageIncident(incident.id, {
    onSuccess: (next) =>
      notifySuccess(
        next.reports.length ? `Triaged: ${next.reports.length} reports due` : 'Triaged: no reports due',
      ),
  });
  return (
    <form
      aria-label="Triage"
      onSubmit={(e) => {
        e.preventDefault();
        triage.mutate(answers);
      }}
    >
      <Stack gap="xs">
        {questions.map(([key, label]) => (
          <Checkbox
            key={key}
            label={label}
            checked={Boolean(answers[key])}
            onChange={(e) => setAnswers({ ...answers, [key]: e.currentTarget.checked })}
          />
        ))}
        {answers.personalDataBreach && (
          <Select
            label="Risk to the people concerned"
            data={[
              { value: 'unlikely', label: 'Unlikely to result in a risk' },
              { value: 'risk', label: 'A risk' },
              { value: 'high', label: 'A high risk' },
            ]}
            value={answers.riskToPeople === 'none' ? null : answers.riskToPeople}
            onChange={(v) =>
              setAnswers({ ...answers, riskToPeople: (v as TriageInput['riskToPeople']) ?? 'none' })
            }
          />
        )}
        <Textarea
          label="Reasoning"
          autosize
          minRows={2}
          value={answers.reasoning}
          onChange={(e) => setAnswers({ ...answers, reasoning: e.currentTarget.value })}
        />
        <FormAlert error={triage.error} />
        <Button type="submit" loading={triage.isPending} w="fit-content">
          Classify
        </Button>
      </Stack>
    </form>
  );
}
