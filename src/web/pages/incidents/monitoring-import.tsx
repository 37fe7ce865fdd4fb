import {
  Button,
  Card,
  FileInput,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { type MonitoringImport, useImportMonitoring } from '../../api/incidents.js';
import { useOrganization } from '../../api/organization.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';
import { localToIso } from './incident-labels.js';

type Source = MonitoringImport['source'];
const LEAVE_OUT = '-';
const sources: { value: Source; label: string }[] = [
  { value: 'upptime', label: 'Upptime (history/summary.json)' },
  { value: 'gatus', label: 'Gatus (/api/v1/endpoints/statuses)' },
  { value: 'uptime-kuma', label: 'Uptime Kuma (status page and heartbeat JSON)' },
  { value: 'prometheus', label: 'Prometheus (query_range)' },
];

/**
 * Imports outage windows from monitoring. Each monitor is mapped to a service (or left out); a monitor the form
 * has not mapped yet comes back from the server by name and gets its own row.
 */
export function MonitoringImportCard() {
  const organization = useOrganization().data;
  const [source, setSource] = useState<Source>('upptime');
  const [file, setFile] = useState<File | null>(null);
  const [heartbeats, setHeartbeats] = useState<File | null>(null);
  const [prom, setProm] = useState({ url: '', query: 'probe_success', start: '', end: '', label: 'job' });
  const [step, setStep] = useState<number | string>(60);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [locationIds, setLocationIds] = useState<string[]>([]);
  const run = useImportMonitoring({
    onSuccess: (r) =>
      notifySuccess(
        r.repeated
          ? 'This data was imported before; nothing added'
          : `${r.added} outages added (${r.alreadyKnown} known)`,
      ),
    onError: (e) => {
      const path = e instanceof ApiError ? e.details[0]?.path : undefined;
      if (path?.startsWith('services.')) setMapping((m) => ({ ...m, [path.slice('services.'.length)]: '' }));
    },
  });
  // A monitor without a choice yet is not sent, so the server names it again.
  const services = Object.fromEntries(
    Object.entries(mapping)
      .filter(([, id]) => id !== '')
      .map(([monitor, id]) => [monitor, id === LEAVE_OUT ? null : id]),
  );
  const submit = async () => {
    const base = { services, locationIds };
    if (source === 'prometheus')
      return run.mutate({
        source,
        body: {
          ...prom,
          start: localToIso(prom.start),
          end: localToIso(prom.end),
          step: Number(step),
          ...base,
        },
      });
    const content = (await file?.text()) ?? '';
    if (source === 'uptime-kuma')
      return run.mutate({
        source,
        body: { statusPage: content, heartbeats: (await heartbeats?.text()) ?? '', ...base },
      });
    return run.mutate({ source, body: { content, ...base } });
  };
  const serviceOptions = [
    { value: LEAVE_OUT, label: 'Leave out' },
    ...(organization?.services ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="sm">
        Import from monitoring
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Select
            label="Source"
            data={sources}
            value={source}
            onChange={(v) => v && setSource(v as Source)}
            allowDeselect={false}
          />
          {source === 'prometheus' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Prometheus URL"
                required
                value={prom.url}
                onChange={(e) => setProm({ ...prom, url: e.currentTarget.value })}
              />
              <TextInput
                label="Query"
                required
                value={prom.query}
                onChange={(e) => setProm({ ...prom, query: e.currentTarget.value })}
              />
              <TextInput
                type="datetime-local"
                label="From"
                required
                value={prom.start}
                onChange={(e) => setProm({ ...prom, start: e.currentTarget.value })}
              />
              <TextInput
                type="datetime-local"
                label="To"
                required
                value={prom.end}
                onChange={(e) => setProm({ ...prom, end: e.currentTarget.value })}
              />
              <NumberInput label="Step (seconds)" min={1} value={step} onChange={setStep} />
              <TextInput
                label="Label naming a monitor"
                value={prom.label}
                onChange={(e) => setProm({ ...prom, label: e.currentTarget.value })}
              />
            </SimpleGrid>
          ) : (
            <>
              <FileInput
                label={source === 'uptime-kuma' ? 'Status page JSON' : 'File'}
                accept="application/json,.json"
                required
                value={file}
                onChange={setFile}
              />
              {source === 'uptime-kuma' && (
                <FileInput
                  label="Heartbeat JSON"
                  accept="application/json,.json"
                  required
                  value={heartbeats}
                  onChange={setHeartbeats}
                />
              )}
            </>
          )}
          <MultiSelect
            label="Locations"
            description="Where the monitors measure; none chosen: every location."
            data={(organization?.locations ?? []).map((l) => ({ value: l.id, label: l.code }))}
            value={locationIds}
            onChange={setLocationIds}
          />
          {Object.keys(mapping).length > 0 && <Text size="sm">Which service does each monitor measure?</Text>}
          {Object.entries(mapping).map(([monitor, id]) => (
            <Select
              key={monitor}
              label={`Monitor ${monitor}`}
              data={serviceOptions}
              value={id || null}
              onChange={(v) => setMapping({ ...mapping, [monitor]: v ?? '' })}
            />
          ))}
          <FormAlert error={run.error} />
          <Group>
            <Button type="submit" loading={run.isPending}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
