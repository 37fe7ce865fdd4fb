import { Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Asset, AssetType, Classification } from '../../../contracts/assets.js';
import { useDeleteAsset, useSaveAsset } from '../../api/assets.js';
import { fieldErrors } from '../../api/client.js';
import { useOrganization } from '../../api/organization.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { OwnerSelect } from '../../ui/OwnerSelect.js';
import { assetTypeOptions, classificationOptions } from './risk-labels.js';

/** Deleting is refused by the server while a risk names the asset; the message says so. */
function DeleteAsset({ asset, onDeleted }: { asset: Asset; onDeleted: () => void }) {
  const remove = useDeleteAsset(asset.id, {
    onSuccess: () => {
      notifySuccess(`Asset ${asset.name} deleted`);
      onDeleted();
    },
    onError: notifyError,
  });
  return (
    <DeleteButton
      title={`Delete ${asset.name}?`}
      message="The asset is removed. The audit log keeps a record."
      confirmLabel="Delete asset"
      onConfirm={() => remove.mutate()}
      busy={remove.isPending}
    />
  );
}

export function AssetModal({ asset, onClose }: { asset?: Asset; onClose: () => void }) {
  const org = useOrganization();
  const [name, setName] = useState(asset?.name ?? '');
  const [description, setDescription] = useState(asset?.description ?? '');
  const [type, setType] = useState<string | null>(asset?.type ?? null);
  const [classification, setClassification] = useState<Classification>(asset?.classification ?? 'internal');
  const [ownerId, setOwnerId] = useState<string | null>(asset?.owner?.id ?? null);
  const [locationId, setLocationId] = useState<string | null>(asset?.location?.id ?? null);
  const [serviceId, setServiceId] = useState<string | null>(asset?.service?.id ?? null);
  const save = useSaveAsset(asset?.id, {
    onSuccess: (saved) => {
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
          <Group justify="space-between">
            {asset ? <DeleteAsset asset={asset} onDeleted={onClose} /> : <span />}
            <FormFooter
              busy={save.isPending}
              onClose={onClose}
              submitLabel={asset ? 'Save' : 'Create asset'}
            />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
