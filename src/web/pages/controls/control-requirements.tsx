import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconUnlink } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ControlDetail } from '../../../contracts/controls.js';
import { useMapRequirements, useUnmapRequirement } from '../../api/controls.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { count } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { type PickedRequirement, RequirementPicker } from './requirement-picker.js';

function AddRequirementsModal({ control, onClose }: { control: ControlDetail; onClose: () => void }) {
  const [picked, setPicked] = useState<Map<string, PickedRequirement>>(new Map());
  const add = useMapRequirements(control.id, {
    onSuccess: (c) => {
      notifySuccess(`${count(picked.size, 'requirement')} mapped to ${c.ref}`);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked.size > 0) add.mutate([...picked.keys()]);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={`Map ${control.ref} to requirements`}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={add.error} />
          <RequirementPicker
            picked={picked}
            onChange={setPicked}
            mapped={new Set(control.requirements.map((r) => r.id))}
          />
          <FormFooter busy={add.isPending} onClose={onClose} submitLabel="Map requirements" />
        </Stack>
      </form>
    </Modal>
  );
}

export function ControlRequirements({ control, editable }: { control: ControlDetail; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  const remove = useUnmapRequirement(control.id, {
    onSuccess: () => notifySuccess('Requirement unmapped'),
    onError: notifyError,
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="control-requirements-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="control-requirements-heading">
          Requirements
        </Title>
        {editable && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            Add requirements
          </Button>
        )}
      </Group>
      {control.requirements.length === 0 ? (
        <Text c="dimmed" size="sm">
          Not mapped to any requirement yet.
        </Text>
      ) : (
        <Table aria-label="Requirements this control meets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Framework</Table.Th>
              <Table.Th>Requirement</Table.Th>
              {editable && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {control.requirements.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.frameworkName}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/requirements/${r.id}`} size="sm">
                    {r.ref} {r.title}
                  </Anchor>
                </Table.Td>
                {editable && (
                  <Table.Td ta="right">
                    <Tooltip label={`Unmap ${r.ref}`}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Unmap ${r.ref}`}
                        loading={remove.isPending && remove.variables === r.id}
                        onClick={() => remove.mutate(r.id)}
                      >
                        <IconUnlink size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <AddRequirementsModal control={control} onClose={() => setAdding(false)} />}
    </Card>
  );
}
