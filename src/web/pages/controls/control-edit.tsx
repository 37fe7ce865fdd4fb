import {
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { ControlDetail } from '../../../contracts/controls.js';
import { fieldErrors } from '../../api/client.js';
import { useUpdateControl } from '../../api/controls.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';
import { OwnerSelect } from '../../ui/OwnerSelect.js';
import { ScopeSelect, StatusSelect } from './control-fields.js';

function valuesOf(c: ControlDetail) {
  return {
    title: c.title,
    ref: c.ref,
    status: c.status,
    ownerId: c.ownerId,
    serviceId: c.serviceId,
    implementation: c.implementation,
  };
}
type Values = ReturnType<typeof valuesOf>;

/** Only what changed is sent: an owner without controls.manage may not send owner, scope or ref at all. */
function changed(before: Values, after: Values): Partial<Values> {
  const patch: Partial<Values> = {};
  if (after.title.trim() !== before.title) patch.title = after.title.trim();
  if (after.ref.trim() !== before.ref) patch.ref = after.ref.trim();
  if (after.status !== before.status) patch.status = after.status;
  if (after.ownerId !== before.ownerId) patch.ownerId = after.ownerId;
  if (after.serviceId !== before.serviceId) patch.serviceId = after.serviceId;
  if (after.implementation !== before.implementation) patch.implementation = after.implementation;
  return patch;
}

export function ControlEditForm({ control }: { control: ControlDetail }) {
  const { can } = useSession();
  const manage = can('controls.manage');
  const [v, setV] = useState<Values>(valuesOf(control));
  useEffect(() => setV(valuesOf(control)), [control]);
  const save = useUpdateControl(control.id, {
    onSuccess: (c) => {
      notifySuccess(`Control ${c.ref} saved`);
    },
  });
  const errors = fieldErrors(save.error);
  const diff = changed(valuesOf(control), v);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(diff).length > 0) save.mutate(diff);
  };
  const set =
    <K extends keyof Values>(k: K) =>
    (value: Values[K]) =>
      setV((old) => ({ ...old, [k]: value }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="control-edit-heading">
      <Title order={2} size="h4" id="control-edit-heading" mb="sm">
        Edit control
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={save.error} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput
                label="Title"
                value={v.title}
                onChange={(e) => set('title')(e.currentTarget.value)}
                error={errors.title}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Reference"
                value={v.ref}
                onChange={(e) => set('ref')(e.currentTarget.value)}
                error={errors.ref}
                disabled={!manage}
                required
              />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <StatusSelect value={v.status} onChange={set('status')} error={errors.status} />
            <OwnerSelect
              value={v.ownerId}
              onChange={set('ownerId')}
              error={errors.ownerId}
              disabled={!manage}
              currentName={control.ownerId === v.ownerId ? control.ownerName : null}
            />
            <ScopeSelect
              value={v.serviceId}
              onChange={set('serviceId')}
              error={errors.serviceId}
              disabled={!manage}
            />
          </SimpleGrid>
          <Textarea
            label="Implementation statement"
            description="Markdown: what the organisation does and how. The rendered statement shows after saving."
            autosize
            minRows={6}
            maxRows={24}
            value={v.implementation}
            onChange={(e) => set('implementation')(e.currentTarget.value)}
            error={errors.implementation}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={Object.keys(diff).length === 0}>
              Save control
            </Button>
            {!manage && (
              <Text size="xs" c="dimmed">
                As the owner you change the title, status and statement; a compliance manager changes owner,
                scope and reference.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
