import {
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Asset, AssetType, Classification } from '../../../contracts/assets.js';
import type { Organization } from '../../../contracts/organization.js';
import type { Page } from '../../../contracts/paging.js';
import { api, fieldErrors, query } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { count } from '../../ui/format.js';
import { notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { OwnerSelect } from '../controls/control-fields.js';
import {
  assetTypeLabels,
  assetTypeOptions,
  classificationLabels,
  classificationOptions,
} from './risk-labels.js';

const PAGE_SIZE = 50;

function AssetModal({ asset, onClose }: { asset?: Asset; onClose: () => void }) {
  const client = useQueryClient();
  const org = useQuery({
    queryKey: ['organization'],
    queryFn: () => api.get<Organization>('/api/organization'),
  });
  const [name, setName] = useState(asset?.name ?? '');
  const [description, setDescription] = useState(asset?.description ?? '');
  const [type, setType] = useState<string | null>(asset?.type ?? null);
  const [classification, setClassification] = useState<Classification>(asset?.classification ?? 'internal');
  const [ownerId, setOwnerId] = useState<string | null>(asset?.owner?.id ?? null);
  const [locationId, setLocationId] = useState<string | null>(asset?.location?.id ?? null);
  const [serviceId, setServiceId] = useState<string | null>(asset?.service?.id ?? null);
  const save = useMutation({
    mutationFn: (body: object) =>
      asset ? api.patch<Asset>(`/api/assets/${asset.id}`, body) : api.post<Asset>('/api/assets', body),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['assets'] });
      notifySuccess(`Asset ${saved.name} saved`);
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      name: name.trim(),
      description,
      type: (type as AssetType | null) ?? undefined,
      classification,
      ownerId,
      locationId,
      serviceId,
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={asset ? `Edit ${asset.name}` : 'New asset'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
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
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              data={assetTypeOptions}
              value={type}
              onChange={setType}
              error={errors.type}
              required
            />
            <Select
              label="Classification"
              data={classificationOptions}
              value={classification}
              allowDeselect={false}
              onChange={(v) => v && setClassification(v as Classification)}
              error={errors.classification}
            />
            <OwnerSelect value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
            <Select
              label="Location"
              clearable
              placeholder="None"
              data={(org.data?.locations ?? []).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
              value={locationId}
              onChange={setLocationId}
              error={errors.locationId}
            />
            <Select
              label="Service"
              clearable
              placeholder="None"
              data={(org.data?.services ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={serviceId}
              onChange={setServiceId}
              error={errors.serviceId}
            />
          </SimpleGrid>
          <FormFooter busy={save.isPending} onClose={onClose} submitLabel={asset ? 'Save' : 'Create asset'} />
        </Stack>
      </form>
    </Modal>
  );
}

export function AssetsPage() {
  const { can } = useSession();
  const [editing, setEditing] = useState<Asset | 'new' | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [classification, setClassification] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const params = query({
    q,
    type: type ?? undefined,
    classification: classification ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const assets = useQuery({
    queryKey: ['assets', params],
    queryFn: () => api.get<Page<Asset>>(`/api/assets${params}`),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageHeader
        title="Assets"
        description="What the organisation protects: information, services, hardware, sites, people and suppliers."
        actions={
          can('assets.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              New asset
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <TextInput
            label="Search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
          <Select
            label="Type"
            placeholder="Any"
            clearable
            data={assetTypeOptions}
            value={type}
            onChange={(v) => {
              setType(v);
              setPage(1);
            }}
          />
          <Select
            label="Classification"
            placeholder="Any"
            clearable
            data={classificationOptions}
            value={classification}
            onChange={(v) => {
              setClassification(v);
              setPage(1);
            }}
          />
        </Group>
        <QueryState loading={assets.isLoading} error={assets.error}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {count(assets.data?.total ?? 0, 'asset')}
          </Text>
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label="Assets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Classification</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Service</Table.Th>
                  <Table.Th ta="right">Risks</Table.Th>
                  {can('assets.manage') && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(assets.data?.items ?? []).map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>{assetTypeLabels[a.type]}</Table.Td>
                    <Table.Td>{classificationLabels[a.classification]}</Table.Td>
                    <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
                    <Table.Td>{a.location?.code ?? '—'}</Table.Td>
                    <Table.Td>{a.service?.name ?? '—'}</Table.Td>
                    <Table.Td ta="right">{a.riskCount}</Table.Td>
                    {can('assets.manage') && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconEdit size={14} aria-hidden />}
                          onClick={() => setEditing(a)}
                          aria-label={`Edit ${a.name}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageControls total={assets.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {editing && (
        <AssetModal asset={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
