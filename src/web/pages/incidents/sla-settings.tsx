import { ActionIcon, Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SlaSettings } from '../../../contracts/availability.js';
import { fieldErrors } from '../../api/client.js';
import { usePutSlaSettings, useSlaSettings } from '../../api/incidents.js';
import { useServices } from '../../api/organization.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

const num = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);

/** The SLA: the monthly target, a target per service where it differs, and the service-credit table. */
export function SlaSettingsCard({ manage }: { manage: boolean }) {
  const settings = useSlaSettings();
  const services = useServices();
  const [target, setTarget] = useState<number | string>(99.9);
  const [perService, setPerService] = useState<Record<string, number | string>>({});
  const [credits, setCredits] = useState<{ below: number | string; credit: number | string }[]>([]);
  useEffect(() => {
    if (!settings.data) return;
    setTarget(settings.data.target);
    setPerService(settings.data.serviceTargets);
    setCredits(settings.data.creditTable);
  }, [settings.data]);
  const save = usePutSlaSettings({ onSuccess: () => notifySuccess('SLA settings saved') });
  const errors = fieldErrors(save.error);
  const body = (): SlaSettings => ({
    target: num(target),
    serviceTargets: Object.fromEntries(
      Object.entries(perService)
        .filter(([, v]) => v !== '')
        .map(([id, v]) => [id, num(v)]),
    ),
    creditTable: credits.map((c) => ({ below: num(c.below), credit: num(c.credit) })),
  });
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="sm">
        SLA settings
      </Title>
      <QueryState loading={settings.isLoading} error={settings.error}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(body());
          }}
        >
          <Stack>
            <NumberInput
              label="Monthly availability target (%)"
              w={260}
              min={0}
              max={100}
              decimalScale={3}
              value={target}
              onChange={setTarget}
              disabled={!manage}
              error={errors.target}
            />
            <Text size="sm" fw={500}>
              Target per service (empty: the monthly target)
            </Text>
            {services.map((s) => (
              <NumberInput
                key={s.id}
                label={s.name}
                w={260}
                min={0}
                max={100}
                decimalScale={3}
                value={perService[s.id] ?? ''}
                onChange={(v) => setPerService({ ...perService, [s.id]: v })}
                disabled={!manage}
              />
            ))}
            <Text size="sm" fw={500}>
              Service credits
            </Text>
            <Table aria-label="Service credits" maw={420}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Availability below (%)</Table.Th>
                  <Table.Th>Credit (% of the monthly fee)</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {credits.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                  <Table.Tr key={i}>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Row ${i + 1}: availability below`}
                        min={0}
                        max={100}
                        decimalScale={3}
                        value={c.below}
                        onChange={(v) =>
                          setCredits(credits.map((x, j) => (j === i ? { ...x, below: v } : x)))
                        }
                        disabled={!manage}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Row ${i + 1}: credit`}
                        min={0}
                        max={100}
                        value={c.credit}
                        onChange={(v) =>
                          setCredits(credits.map((x, j) => (j === i ? { ...x, credit: v } : x)))
                        }
                        disabled={!manage}
                      />
                    </Table.Td>
                    <Table.Td>
                      {manage && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove row ${i + 1}`}
                          onClick={() => setCredits(credits.filter((_, j) => j !== i))}
                        >
                          ×
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {errors.creditTable && (
              <Text c="red" size="sm">
                {errors.creditTable}
              </Text>
            )}
            <FormAlert error={save.error} />
            {manage && (
              <Group>
                <Button variant="default" onClick={() => setCredits([...credits, { below: '', credit: '' }])}>
                  Add credit row
                </Button>
                <Button type="submit" loading={save.isPending}>
                  Save SLA settings
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </QueryState>
    </Card>
  );
}
