import { Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Location } from '../../../contracts/organization.js';
import { useChange } from '../../api/change.js';
import { fieldErrors } from '../../api/client.js';
import { organizationApi, organizationKeys } from '../../api/organization.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';

/** A change to the organisation's locations or services: reloads the organisation, says so and closes the form. */
export function useSave<T, R>(save: (body: T) => Promise<R>, label: string, onClose: () => void) {
  return useChange(save, () => [organizationKeys.all], {
    onSuccess: () => {
      notifySuccess(`${label} saved`);
      onClose();
    },
  });
}

export function LocationModal({ location, onClose }: { location: Location | null; onClose: () => void }) {
  const [v, setV] = useState({
    code: location?.code ?? '',
    name: location?.name ?? '',
    city: location?.city ?? '',
    country: location?.country ?? '',
  });
  const save = useSave(
    (body: Partial<Location>) => organizationApi.saveLocation(location?.id, body),
    'Location',
    onClose,
  );
  const errors = fieldErrors(save.error);
  // Codes and country codes are upper case; typing them so saves a round trip to the server.
  const upper = new Set<keyof typeof v>(['code', 'country']);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: upper.has(k) ? e.currentTarget.value.toUpperCase() : e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ...v, code: v.code.trim(), name: v.name.trim(), city: v.city.trim() });
  };
  return (
    <Modal opened onClose={onClose} title={location ? `Edit ${location.code}` : 'Add location'}>
      <form onSubmit={submit}>
        <Stack>
          <FormAlert error={save.error} />
          <TextInput
            label="Code"
            description="e.g. STO1"
            value={v.code}
            onChange={set('code')}
            error={errors.code}
            required
            data-autofocus
          />
          <TextInput label="Name" value={v.name} onChange={set('name')} error={errors.name} required />
          <TextInput label="City" value={v.city} onChange={set('city')} error={errors.city} required />
          <TextInput
            label="Country"
            description="ISO code, e.g. SE or NO"
            maxLength={2}
            value={v.country}
            onChange={set('country')}
            error={errors.country}
            required
          />
          <FormFooter busy={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
