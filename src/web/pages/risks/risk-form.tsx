import { Alert, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RiskDetail, RiskStatus } from '../../../contracts/risks.js';
import { useAllAssets } from '../../api/assets.js';
import { fieldErrors } from '../../api/client.js';
import { useRiskMatrix, useSaveRisk } from '../../api/risks.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { OwnerSelect } from '../../ui/OwnerSelect.js';
import { formProblems, LiveScores, MissingReviewWarning } from './risk-form-checks.js';
import { statusOptions } from './risk-labels.js';
import { levelChoices } from './use-risk-data.js';

interface Values {
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
  ownerId: string | null;
  assetIds: string[];
  inherentLikelihood: string | null;
  inherentImpact: string | null;
  residualLikelihood: string | null;
  residualImpact: string | null;
  status: RiskStatus;
  reviewDate: string;
}

const initial = (risk?: RiskDetail): Values => ({
  title: risk?.title ?? '',
  description: risk?.description ?? '',
  threat: risk?.threat ?? '',
  vulnerability: risk?.vulnerability ?? '',
  ownerId: risk?.owner?.id ?? null,
  assetIds: risk?.assets.map((a) => a.id) ?? [],
  inherentLikelihood: risk ? String(risk.inherent.likelihood) : null,
  inherentImpact: risk ? String(risk.inherent.impact) : null,
  residualLikelihood: risk ? String(risk.residual.likelihood) : null,
  residualImpact: risk ? String(risk.residual.impact) : null,
  status: risk?.status ?? 'open',
  reviewDate: risk?.reviewDate ?? '',
});

const num = (v: string | null) => (v ? Number(v) : undefined);

function toBody(v: Values) {
  return {
    title: v.title.trim(),
    description: v.description,
    threat: v.threat,
    vulnerability: v.vulnerability,
    ownerId: v.ownerId,
    assetIds: v.assetIds,
    inherentLikelihood: num(v.inherentLikelihood),
    inherentImpact: num(v.inherentImpact),
    residualLikelihood: num(v.residualLikelihood ?? v.inherentLikelihood),
    residualImpact: num(v.residualImpact ?? v.inherentImpact),
    status: v.status,
    reviewDate: v.reviewDate || null,
  };
}

/** Registers a risk (no `risk`) or changes its description and assessment. */
export function RiskFormModal({ risk, onClose }: { risk?: RiskDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const matrix = useRiskMatrix();
  const assets = useAllAssets();
  const [values, setValues] = useState<Values>(() => initial(risk));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const save = useSaveRisk(risk?.id, {
    onSuccess: (saved) => {
      notifySuccess(risk ? `Risk ${saved.ref} saved` : `Risk ${saved.ref} registered`);
      onClose();
      if (!risk) navigate(`/risks/${saved.id}`);
    },
  });
  // Problems found before sending; cleared as soon as the form is sent again.
  const [checked, setChecked] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...checked };
  const likelihoods = levelChoices(matrix.data?.likelihoodLabels ?? []);
  const impacts = levelChoices(matrix.data?.impactLabels ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(values);
    const problems = formProblems(body, values, matrix.data);
    setChecked(problems);
    if (Object.keys(problems).length === 0) save.mutate(body);
  };
  const level = (
    label: string,
    key: 'inherentLikelihood' | 'inherentImpact' | 'residualLikelihood' | 'residualImpact',
    data: typeof likelihoods,
  ) => (
    <Select
      label={label}
      data={data}
      value={values[key]}
      onChange={set(key)}
      error={errors[key]}
      required={key.startsWith('inherent')}
    />
  );
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={risk ? `Edit ${risk.ref}` : 'New risk'}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {Object.keys(checked).length > 0 ? (
            <Alert color="red" role="alert">
              Please correct the highlighted fields.
            </Alert>
          ) : (
            <FormAlert error={save.error} />
          )}
          <TextInput
            label="Title"
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Threat"
              value={values.threat}
              onChange={(e) => set('threat')(e.currentTarget.value)}
              error={errors.threat}
            />
            <TextInput
              label="Vulnerability"
              value={values.vulnerability}
              onChange={(e) => set('vulnerability')(e.currentTarget.value)}
              error={errors.vulnerability}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxRows={8}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OwnerSelect value={values.ownerId} onChange={set('ownerId')} error={errors.ownerId} />
            <MultiSelect
              label="Assets"
              searchable
              data={(assets.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={values.assetIds}
              onChange={set('assetIds')}
              error={errors.assetIds}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {level('Inherent likelihood', 'inherentLikelihood', likelihoods)}
            {level('Inherent impact', 'inherentImpact', impacts)}
            {level('Residual likelihood', 'residualLikelihood', likelihoods)}
            {level('Residual impact', 'residualImpact', impacts)}
          </SimpleGrid>
          <LiveScores values={values} matrix={matrix.data} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Status"
              data={statusOptions}
              value={values.status}
              allowDeselect={false}
              onChange={(v) => v && set('status')(v as RiskStatus)}
              error={errors.status}
            />
            <TextInput
              label="Next review"
              type="date"
              value={values.reviewDate}
              onChange={(e) => set('reviewDate')(e.currentTarget.value)}
              error={errors.reviewDate}
            />
          </SimpleGrid>
          <MissingReviewWarning reviewDate={values.reviewDate} />
          <FormFooter busy={save.isPending} onClose={onClose} submitLabel={risk ? 'Save' : 'Register risk'} />
        </Stack>
      </form>
    </Modal>
  );
}
