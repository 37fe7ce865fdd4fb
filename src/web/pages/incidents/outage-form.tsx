import { Button, Checkbox, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OutageImpact } from '../../../contracts/availability.js';
import { fieldErrors } from '../../api/client.js';
import { useRecordOutage } from '../../api/incidents.js';
import { useOrganization } from '../../api/organization.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';
import { localToIso } from './incident-labels.js';

/** Records an outage or a maintenance window (outages are recorded, then ended; they are not edited). */
export function OutageFormModal({ onClose }: { onClose: () => void }) {
  const organization = useOrganization().data;
  const [title, setTitle] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [locationIds, setLocationIds] = useState<string[]>([]);
  const [startedAt, setStartedAt] = useState('');
  const [endedAt, setEndedAt] = useState('');
  const [impact, setImpact] = useState<string | null>('full');
  const [planned, setPlanned] = useState(false);
  const [announcedAt, setAnnouncedAt] = useState('');
  const [customerCaused, setCustomerCaused] = useState(false);
  const record = useRecordOutage({
    onSuccess: (o) => {
      notifySuccess(`Outage “${o.title}” recorded`);
      onClose();
    },
  });
  const errors = fieldErrors(record.error);
  return (
    <Modal opened onClose={onClose} title="Record an outage" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate({
            title,
            serviceIds,
            locationIds,
            startedAt: localToIso(startedAt) || undefined,
            endedAt: localToIso(endedAt) || null,
            impact: (impact as OutageImpact | null) ?? undefined,
            planned,
            announcedAt: planned ? localToIso(announcedAt) || null : null,
            customerCaused,
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
          <MultiSelect
            label="Services"
            required
            data={(organization?.services ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={serviceIds}
            onChange={setServiceIds}
            error={errors.serviceIds}
          />
          <MultiSelect
            label="Locations"
            description="None chosen: every location."
            data={(organization?.locations ?? []).map((l) => ({ value: l.id, label: l.code }))}
            value={locationIds}
            onChange={setLocationIds}
            error={errors.locationIds}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label="Started at"
              required
              value={startedAt}
              onChange={(e) => setStartedAt(e.currentTarget.value)}
              error={errors.startedAt}
            />
            <TextInput
              type="datetime-local"
              label="Ended at"
              description="Empty while it lasts."
              value={endedAt}
              onChange={(e) => setEndedAt(e.currentTarget.value)}
              error={errors.endedAt}
            />
          </SimpleGrid>
          <Select
            label="Impact"
            required
            data={[
              { value: 'full', label: 'Full: the service is unavailable' },
              { value: 'partial', label: 'Partial: degraded, not counted as downtime' },
            ]}
            value={impact}
            onChange={setImpact}
            error={errors.impact}
          />
          <Checkbox
            label="Planned maintenance"
            checked={planned}
            onChange={(e) => setPlanned(e.currentTarget.checked)}
          />
          {planned && (
            <TextInput
              type="datetime-local"
              label="Announced at"
              description="Maintenance announced before it started is excluded from the SLA."
              value={announcedAt}
              onChange={(e) => setAnnouncedAt(e.currentTarget.value)}
              error={errors.announcedAt}
            />
          )}
          <Checkbox
            label="Caused by the customer (excluded from the SLA)"
            checked={customerCaused}
            onChange={(e) => setCustomerCaused(e.currentTarget.checked)}
          />
          <FormAlert error={record.error} />
          <Button type="submit" loading={record.isPending}>
            Record outage
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
