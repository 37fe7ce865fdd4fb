import { Button, Group, Modal, Stack } from '@mantine/core';
import { IconLink, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { RequirementDetail } from '../../../contracts/frameworks.js';
import { useMapControlsToRequirement } from '../../api/controls.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { notifySuccess } from '../../ui/notify.js';
import { CreateControlModal } from '../controls/control-create.js';
import { ControlPicker, type PickedControl } from '../risks/control-picker.js';

/** Maps one or more existing controls to this requirement. */
function MapControlModal({ requirement, onClose }: { requirement: RequirementDetail; onClose: () => void }) {
  const [picked, setPicked] = useState<PickedControl[]>([]);
  const map = useMapControlsToRequirement(requirement.id, {
    onSuccess: () => {
      notifySuccess(`${picked.map((c) => c.ref).join(', ')} mapped to ${requirement.ref}`);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked.length > 0) map.mutate(picked.map((c) => c.id));
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Map a control to ${requirement.ref}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={map.error} />
          <ControlPicker picked={picked} onChange={setPicked} label="Control to map" />
          <FormFooter busy={map.isPending} onClose={onClose} submitLabel="Map control" />
        </Stack>
      </form>
    </Modal>
  );
}

/** Create a control already mapped to this requirement, or map existing ones. */
export function RequirementControlActions({ requirement }: { requirement: RequirementDetail }) {
  const { can } = useSession();
  const [open, setOpen] = useState<'create' | 'map' | null>(null);
  if (!can('controls.edit-own')) return null;
  return (
    <>
      <Group gap="xs" mt="sm">
        {can('controls.manage') && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setOpen('create')}
          >
            Create control
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconLink size={14} aria-hidden />}
          onClick={() => setOpen('map')}
        >
          Map existing control
        </Button>
      </Group>
      {open === 'create' && (
        <CreateControlModal
          onClose={() => setOpen(null)}
          initialRequirements={[
            {
              id: requirement.id,
              ref: requirement.ref,
              title: requirement.title,
              frameworkName: requirement.frameworkName,
            },
          ]}
        />
      )}
      {open === 'map' && <MapControlModal requirement={requirement} onClose={() => setOpen(null)} />}
    </>
  );
}
