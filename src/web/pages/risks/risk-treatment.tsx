import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { RiskDetail, RiskStatus, Treatment } from '../../../contracts/risks.js';
import { fieldErrors } from '../../api/client.js';
import { useRiskMatrix, useUpdateRisk } from '../../api/risks.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { useOwners } from '../../ui/use-directory.js';
import { ControlPicker, type PickedControl } from './control-picker.js';
import { statusOptions, treatmentOptions } from './risk-labels.js';
import { levelChoices } from './use-risk-data.js';

function ApproverSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string | undefined;
}) {
  const people = useOwners();
  if (people === null)
    return <Text size="sm">You may not list people; ask a compliance manager to record the acceptance.</Text>;
  const managers = people.filter((p) => p.role === 'admin' || p.role === 'compliance-manager');
  return (
    <Select
      label="Approved by"
      description="A compliance manager or an admin"
      searchable
      data={managers.map((m) => ({ value: m.id, label: m.name }))}
      value={value}
      onChange={onChange}
      error={error}
      required
    />
  );
}

/** Chooses how a risk is treated and what the treatment needs, and the residual assessment after it. */
export function TreatmentModal({ risk, onClose }: { risk: RiskDetail; onClose: () => void }) {
  const matrix = useRiskMatrix();
  const [treatment, setTreatment] = useState<Treatment | null>(risk.treatment);
  const [controls, setControls] = useState<PickedControl[]>(risk.controls);
  const [approverId, setApproverId] = useState<string | null>(risk.acceptance?.approver.id ?? null);
  const [expiresOn, setExpiresOn] = useState(risk.acceptance?.expiresOn ?? '');
  const [transferTo, setTransferTo] = useState(risk.transferTo ?? '');
  const [residualLikelihood, setResidualLikelihood] = useState<string | null>(
    String(risk.residual.likelihood),
  );
  const [residualImpact, setResidualImpact] = useState<string | null>(String(risk.residual.impact));
  const [status, setStatus] = useState<RiskStatus>(risk.status);
  const save = useUpdateRisk(risk.id, {
    onSuccess: (saved) => {
      notifySuccess(`Treatment of ${saved.ref} saved`);
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      treatment,
      controlIds: controls.map((c) => c.id),
      acceptanceApproverId: treatment === 'accept' ? approverId : null,
      acceptanceExpiresOn: treatment === 'accept' && expiresOn ? expiresOn : null,
      transferTo: treatment === 'transfer' && transferTo.trim() ? transferTo.trim() : null,
      residualLikelihood: Number(residualLikelihood),
      residualImpact: Number(residualImpact),
      status,
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Treat ${risk.ref}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={save.error} />
          <Select
            label="Treatment"
            placeholder="Not treated yet"
            data={treatmentOptions}
            value={treatment}
            onChange={(v) => setTreatment(v as Treatment | null)}
            error={errors.treatment}
            data-autofocus
          />
          {treatment === 'accept' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ApproverSelect
                value={approverId}
                onChange={setApproverId}
                error={errors.acceptanceApproverId}
              />
              <TextInput
                label="Acceptance expires"
                type="date"
                required
                value={expiresOn}
                onChange={(e) => setExpiresOn(e.currentTarget.value)}
                error={errors.acceptanceExpiresOn}
              />
            </SimpleGrid>
          )}
          {treatment === 'transfer' && (
            <TextInput
              label="Transferred to"
              description="e.g. the insurer or a supplier"
              required
              value={transferTo}
              onChange={(e) => setTransferTo(e.currentTarget.value)}
              error={errors.transferTo}
            />
          )}
          <ControlPicker picked={controls} onChange={setControls} error={errors.controlIds} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Residual likelihood"
              data={levelChoices(matrix.data?.likelihoodLabels ?? [])}
              value={residualLikelihood}
              onChange={setResidualLikelihood}
              error={errors.residualLikelihood}
              allowDeselect={false}
            />
            <Select
              label="Residual impact"
              data={levelChoices(matrix.data?.impactLabels ?? [])}
              value={residualImpact}
              onChange={setResidualImpact}
              error={errors.residualImpact}
              allowDeselect={false}
            />
            <Select
              label="Status"
              data={statusOptions}
              value={status}
              allowDeselect={false}
              onChange={(v) => v && setStatus(v as RiskStatus)}
              error={errors.status}
            />
          </SimpleGrid>
          <FormFooter busy={save.isPending} onClose={onClose} submitLabel="Save treatment" />
        </Stack>
      </form>
    </Modal>
  );
}
