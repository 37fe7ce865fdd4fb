import { ActionIcon, Button, Card, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Location, Service } from '../../../contracts/organization.js';
import { useRemoveOrganizationItem } from '../../api/organization.js';
import { useSession } from '../../auth/session.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { LocationModal } from './organization-modals.js';
import { placementSummary, ServiceModal } from './service-form.js';

function useRemove(kind: 'locations' | 'services', label: string) {
  return useRemoveOrganizationItem(kind, {
    onSuccess: () => notifySuccess(`${label} removed`),
    onError: notifyError,
  });
}

function RowActions({
  kind,
  name,
  onEdit,
  onDelete,
}: {
  kind: string;
  name: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={`Edit ${name}`}>
        <ActionIcon variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <DeleteButton
        variant="icon"
        label={`Remove ${name}`}
        title={`Remove ${kind} ${name}?`}
        message={`${name} is removed from the organisation profile. The audit log keeps a record of it.`}
        confirmLabel="Remove"
        onConfirm={onDelete}
      />
    </Group>
  );
}

export function LocationsCard({ locations }: { locations: Location[] }) {
  const { can } = useSession();
  const manage = can('organization.manage');
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const remove = useRemove('locations', 'Location');
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Locations
        </Title>
        {manage && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add location
          </Button>
        )}
      </Group>
      <Table striped highlightOnHover aria-label="Locations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>City</Table.Th>
            <Table.Th>Country</Table.Th>
            {manage && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td fw={600}>{l.code}</Table.Td>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td>{l.city}</Table.Td>
              <Table.Td>{l.country}</Table.Td>
              {manage && (
                <Table.Td>
                  <RowActions
                    kind="location"
                    name={l.code}
                    onEdit={() => setEditing(l)}
                    onDelete={() => remove.mutate(l.id)}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {locations.length === 0 && <Text c="dimmed">No locations yet.</Text>}
      {editing && (
        <LocationModal location={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

export function ServicesCard({ services, locations }: { services: Service[]; locations: Location[] }) {
  const { can } = useSession();
  const manage = can('organization.manage');
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const remove = useRemove('services', 'Service');
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Services
        </Title>
        {manage && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add service
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-label="Services">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>Runs in</Table.Th>
              <Table.Th>DR pairings</Table.Th>
              {manage && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {services.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {s.name}
                </Table.Td>
                <Table.Td>{s.description}</Table.Td>
                <Table.Td>{placementSummary(s, locations).runsIn || '—'}</Table.Td>
                <Table.Td>{placementSummary(s, locations).dr || '—'}</Table.Td>
                {manage && (
                  <Table.Td>
                    <RowActions
                      kind="service"
                      name={s.name}
                      onEdit={() => setEditing(s)}
                      onDelete={() => remove.mutate(s.id)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {services.length === 0 && <Text c="dimmed">No services yet.</Text>}
      {editing && (
        <ServiceModal
          service={editing === 'new' ? null : editing}
          locations={locations}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
