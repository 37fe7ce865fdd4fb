import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { CorrectiveAction, NcDetail } from '../../../contracts/nonconformities.js';
import { errorMessage, fieldErrors } from '../../api/client.js';
import { nonconformitiesApi } from '../../api/nonconformities.js';
import { useSession } from '../../auth/session.js';
import { dateTime } from '../../ui/format.js';
import { StatusBadge } from '../../ui/StatusBadge.js';
import { useOwners } from '../../ui/use-directory.js';
import { useNcMutation } from './use-nc.js';

function AddAction({ nc }: { nc: NcDetail }) {
  const people = useOwners() ?? [];
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const add = useNcMutation(
    () => nonconformitiesApi.addAction(nc.id, { description, ownerId, dueDate }),
    (n) => `Corrective action added to ${n.ref}`,
  );
  const errors = fieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(undefined, {
      onSuccess: () => {
        setDescription('');
        setDueDate('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add corrective action">
      <Stack gap="xs" mt="md">
        <Title order={3} size="h5">
          Add corrective action
        </Title>
        {add.error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(add.error)}
          </Alert>
        )}
        <Textarea
          label="Action"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          required
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label="Action owner"
              data={[
                { value: '', label: 'Choose a person' },
                ...people.map((u) => ({ value: u.id, label: u.name })),
              ]}
              value={ownerId}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
              error={errors.ownerId}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              type="date"
              label="Due date"
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
              required
            />
          </Grid.Col>
        </Grid>
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            Add action
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DoneButton({ action }: { action: CorrectiveAction }) {
  const mark = useNcMutation(
    (done: boolean) => nonconformitiesApi.updateAction(action.id, { done }),
    () => (action.doneAt ? 'Action reopened' : 'Action marked done'),
  );
  return (
    <Stack gap={4}>
      <Button
        size="xs"
        variant="light"
        loading={mark.isPending}
        onClick={() => mark.mutate(!action.doneAt)}
        aria-label={`${action.doneAt ? 'Reopen' : 'Mark done'}: ${action.description}`}
      >
        {action.doneAt ? 'Reopen' : 'Mark done'}
      </Button>
      {mark.error && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(mark.error)}
        </Text>
      )}
    </Stack>
  );
}

export function NcActions({ nc }: { nc: NcDetail }) {
  const { can, session } = useSession();
  const open = nc.status === 'corrective-action';
  const mayMark = (a: CorrectiveAction) =>
    open && (can('nonconformities.manage') || a.ownerId === session?.user.id);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="actions-heading">
      <Title order={2} size="h4" id="actions-heading" mb="sm">
        Corrective actions
      </Title>
      {nc.actions.length === 0 ? (
        <Text c="dimmed" size="sm">
          No corrective action yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Corrective actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Done</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Change</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nc.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Table.Td>
                  <Table.Td>{a.ownerName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {a.dueDate} {a.overdue && <StatusBadge color="red">Overdue</StatusBadge>}
                  </Table.Td>
                  <Table.Td>{a.doneAt ? dateTime(a.doneAt) : 'Not yet'}</Table.Td>
                  <Table.Td>{mayMark(a) && <DoneButton action={a} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && can('nonconformities.manage') && <AddAction nc={nc} />}
    </Card>
  );
}
