import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Location, Service } from '../../../contracts/organization.js';
import { fieldErrors } from '../../api/client.js';
import { organizationApi } from '../../api/organization.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { useSave } from './organization-modals.js';

type Placement = Pick<Service, 'locations' | 'drPairings'>;
type Pairing = Service['drPairings'][number];

/** "STO1 (stores data), OSL1 (runs only)" and "STO1 → STO2": the placement as the services table shows it. */
export function placementSummary(service: Placement, locations: Location[]) {
  const code = (id: string) => locations.find((l) => l.id === id)?.code ?? '?';
  return {
    runsIn: service.locations
      .map((l) => `${code(l.locationId)}${l.storesData ? '' : ' (runs only)'}`)
      .join(', '),
    dr: service.drPairings.map((p) => `${code(p.primaryLocationId)} → ${code(p.drLocationId)}`).join(', '),
  };
}

/** Where the service runs, whether it keeps customer data there, and the DR pairings offered between those places. */
function PlacementFields({
  value,
  locations,
  errors,
  onChange,
}: {
  value: Placement;
  locations: Location[];
  errors: Record<string, string>;
  onChange: (next: Placement) => void;
}) {
  const placed = (id: string) => value.locations.find((l) => l.locationId === id);
  const toggle = (id: string, runs: boolean) => {
    const kept = value.locations.filter((l) => l.locationId !== id);
    onChange({
      locations: runs ? [...kept, { locationId: id, storesData: true }] : kept,
      // A pairing is between two of the service's locations, so leaving a location drops its pairings.
      drPairings: runs
        ? value.drPairings
        : value.drPairings.filter((p) => p.primaryLocationId !== id && p.drLocationId !== id),
    });
  };
  const storesData = (id: string, stores: boolean) =>
    onChange({
      ...value,
      locations: value.locations.map((l) => (l.locationId === id ? { ...l, storesData: stores } : l)),
    });
  const choices = value.locations.map((l) => ({
    value: l.locationId,
    label: locations.find((x) => x.id === l.locationId)?.code ?? l.locationId,
  }));
  const setPairing = (i: number, change: Partial<Pairing>) =>
    onChange({ ...value, drPairings: value.drPairings.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  const addPairing = () => {
    const [a, b] = value.locations;
    if (a && b)
      onChange({
        ...value,
        drPairings: [...value.drPairings, { primaryLocationId: a.locationId, drLocationId: b.locationId }],
      });
  };
  return (
    <>
      <Fieldset legend="Where it runs">
        {locations.length === 0 && <Text size="sm">Add the organisation's locations first.</Text>}
        <Stack gap="xs">
          {locations.map((l) => (
            <Group key={l.id} gap="lg">
              <Checkbox
                label={`${l.code} — ${l.city}, ${l.country}`}
                checked={placed(l.id) !== undefined}
                onChange={(e) => toggle(l.id, e.currentTarget.checked)}
              />
              <Checkbox
                label="Stores customer data"
                aria-label={`Stores customer data in ${l.code}`}
                disabled={placed(l.id) === undefined}
                checked={placed(l.id)?.storesData ?? false}
                onChange={(e) => storesData(l.id, e.currentTarget.checked)}
              />
            </Group>
          ))}
        </Stack>
        {errors.locations && (
          <Text size="sm" c="red.8" role="alert">
            {errors.locations}
          </Text>
        )}
      </Fieldset>
      <Fieldset legend="Disaster-recovery pairings offered">
        <Table aria-label="Disaster-recovery pairings">
          <Table.Tbody>
            {value.drPairings.map((p, i) => (
              <Table.Tr key={`${p.primaryLocationId}-${p.drLocationId}-${i.toString()}`}>
                <Table.Td>
                  <Select
                    aria-label={`Primary location of pairing ${i + 1}`}
                    data={choices}
                    value={p.primaryLocationId}
                    allowDeselect={false}
                    error={errors[`drPairings.${i}`]}
                    onChange={(v) => v && setPairing(i, { primaryLocationId: v })}
                  />
                </Table.Td>
                <Table.Td>→</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`DR location of pairing ${i + 1}`}
                    data={choices}
                    value={p.drLocationId}
                    allowDeselect={false}
                    onChange={(v) => v && setPairing(i, { drLocationId: v })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove pairing ${i + 1}`}
                    onClick={() =>
                      onChange({ ...value, drPairings: value.drPairings.filter((_, j) => j !== i) })
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button
          variant="light"
          size="xs"
          mt="xs"
          leftSection={<IconPlus size={14} />}
          disabled={value.locations.length < 2}
          onClick={addPairing}
        >
          Add pairing
        </Button>
      </Fieldset>
    </>
  );
}

/** One form to add or edit a service: its name, description and where it runs. */
export function ServiceModal({
  service,
  locations,
  onClose,
}: {
  service: Service | null;
  locations: Location[];
  onClose: () => void;
}) {
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [placement, setPlacement] = useState<Placement>({
    locations: service?.locations ?? [],
    drPairings: service?.drPairings ?? [],
  });
  const save = useSave(
    (body: Partial<Service>) => organizationApi.saveService(service?.id, body),
    'Service',
    onClose,
  );
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, description, ...placement });
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={service ? `Edit ${service.name}` : 'Add service'}>
      <form onSubmit={submit}>
        <Stack>
          <FormAlert error={save.error} />
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <PlacementFields value={placement} locations={locations} errors={errors} onChange={setPlacement} />
          <FormFooter busy={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
