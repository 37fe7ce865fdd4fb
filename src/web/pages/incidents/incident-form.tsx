import { Button, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { IncidentCategory, IncidentSeverity } from '../../../contracts/incidents.js';
import { fieldErrors } from '../../api/client.js';
import { useReportIncident } from '../../api/incidents.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';
import { categoryLabels, localToIso, options, severityLabels } from './incident-labels.js';

/** Any staff member reports an incident; the moment of awareness is asked for, never assumed. */
export function IncidentReportModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>(null);
  const [awareAt, setAwareAt] = useState('');
  const [description, setDescription] = useState('');
  const [customers, setCustomers] = useState<number | string>('');
  const report = useReportIncident({
    onSuccess: (incident) => {
      notifySuccess(`${incident.ref} reported`);
      onClose();
      void navigate(`/incidents/${incident.id}`);
    },
  });
  const errors = fieldErrors(report.error);
  return (
    <Modal opened onClose={onClose} title="Report an incident" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          report.mutate({
            title,
            category: (category as IncidentCategory | null) ?? undefined,
            severity: (severity as IncidentSeverity | null) ?? undefined,
            awareAt: localToIso(awareAt) || undefined,
            description,
            customersAffected: typeof customers === 'number' ? customers : undefined,
          });
        }}
      >
        <Stack>
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Select
            label="Category"
            required
            data={options(categoryLabels)}
            value={category}
            onChange={setCategory}
            error={errors.category}
          />
          <Select
            label="Severity"
            required
            data={options(severityLabels)}
            value={severity}
            onChange={setSeverity}
            error={errors.severity}
          />
          <TextInput
            type="datetime-local"
            label="Became aware at"
            description="The moment the organisation became aware: the reporting clocks start here (your time zone)."
            required
            value={awareAt}
            onChange={(e) => setAwareAt(e.currentTarget.value)}
            error={errors.awareAt}
          />
          <NumberInput label="Customers affected" min={0} value={customers} onChange={setCustomers} />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <FormAlert error={report.error} />
          <Button type="submit" loading={report.isPending}>
            Report incident
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
