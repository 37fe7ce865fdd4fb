import {
  ActionIcon,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { Location, Organization, Service } from '../../contracts/organization.js';
import { api, fieldErrors } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { notifyError, notifySuccess } from '../ui/notify.js';
import { PageHeader } from '../ui/PageHeader.js';
import { QueryState } from '../ui/QueryState.js';
import { LocationModal, ServiceModal } from './organization-modals.js';

function ProfileForm({ org }: { org: Organization }) {
  const { can } = useSession();
  const client = useQueryClient();
  const [name, setName] = useState(org.name);
  const [contact, setContact] = useState(org.securityContactEmail ?? '');
  useEffect(() => {
    setName(org.name);
    setContact(org.securityContactEmail ?? '');
  }, [org]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Organization>('/api/organization', { name, securityContactEmail: contact || null }),
    onSuccess: (o) => {
      client.setQueryData(['organization'], o);
      void client.invalidateQueries({ queryKey: ['session'] });
      notifySuccess('Organisation profile saved');
    },
    onError: notifyError,
  });
  const errors = fieldErrors(save.error);
  const readOnly = !can('organization.manage');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4">
            Profile
          </Title>
          <TextInput
            label="Organisation name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            readOnly={readOnly}
            error={errors.name}
            required
          />
          <TextInput
            label="Security contact e-mail"
            description="Where customers and researchers report security issues"
            type="email"
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            readOnly={readOnly}
            error={errors.securityContactEmail}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save profile
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function useRemove(kind: 'locations' | 'services', label: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/${kind}/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['organization'] });
      notifySuccess(`${label} removed`);
    },
    onError: notifyError,
  });
}

function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={`Edit ${name}`}>
        <ActionIcon variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`Remove ${name}`}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Remove ${name}`}
          onClick={() => {
            if (window.confirm(`Remove ${name}?`)) onDelete();
          }}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function LocationsCard({ locations }: { locations: Location[] }) {
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

function ServicesCard({ services }: { services: Service[] }) {
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
      <Table striped highlightOnHover aria-label="Services">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Description</Table.Th>
            {manage && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {services.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td fw={600}>{s.name}</Table.Td>
              <Table.Td>{s.description}</Table.Td>
              {manage && (
                <Table.Td>
                  <RowActions
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
      {services.length === 0 && <Text c="dimmed">No services yet.</Text>}
      {editing && (
        <ServiceModal service={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

export function OrganizationPage() {
  const org = useQuery({
    queryKey: ['organization'],
    queryFn: () => api.get<Organization>('/api/organization'),
  });
  return (
    <>
      <PageHeader title="Organisation" description="Who you are, where you run, and what you offer." />
      <QueryState loading={org.isLoading} error={org.error}>
        {org.data && (
          <Stack>
            <ProfileForm org={org.data} />
            <LocationsCard locations={org.data.locations} />
            <ServicesCard services={org.data.services} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
