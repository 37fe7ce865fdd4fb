import {
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../contracts/tasks.js';
import { useTasks, useUpdateTask } from '../../api/tasks.js';
import { useSession } from '../../auth/session.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { CompleteTaskModal } from './task-complete.js';

const PAGE_SIZE = 50;
const statusOptions = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
  { value: 'cancelled', label: 'Cancelled' },
];

function Source({ task }: { task: Task }) {
  if (!task.source) return null;
  if (task.source.type === 'check') {
    return (
      <Text size="xs" c="dimmed">
        From check{' '}
        {task.source.name ? (
          <Anchor component={Link} to={`/checks/${task.source.id}`} size="xs">
            {task.source.name}
          </Anchor>
        ) : (
          '(deleted)'
        )}
      </Text>
    );
  }
  if (task.source.type === 'activity') {
    return (
      <Text size="xs" c="dimmed">
        From recurring activity{' '}
        <Anchor component={Link} to="/activities" size="xs">
          {task.source.name ?? '(deleted)'}
        </Anchor>
        {task.evidenceRequired ? ' · evidence required' : ''}
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      From {task.source.type}
    </Text>
  );
}

function CompleteButton({ task }: { task: Task }) {
  const { session, can } = useSession();
  const complete = useUpdateTask(task.id, {
    onSuccess: (t) => notifySuccess(`“${t.title}” is ${t.status}`),
    onError: notifyError,
  });
  const [dialog, setDialog] = useState(false);
  const allowed = can('tasks.manage') || task.assignee?.id === session?.user.id;
  if (!allowed || task.status !== 'open') return null;
  const activity = task.source?.type === 'activity';
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        loading={complete.isPending}
        onClick={() => (activity ? setDialog(true) : complete.mutate({ status: 'done' }))}
      >
        Mark done
      </Button>
      {dialog && <CompleteTaskModal task={task} onClose={() => setDialog(false)} />}
    </>
  );
}

function TasksTable({ tasks }: { tasks: Task[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label="Tasks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Opened</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t.title}
                </Text>
                {t.description && (
                  <Text size="xs" c="dimmed">
                    {t.description}
                  </Text>
                )}
                <Source task={t} />
              </Table.Td>
              <Table.Td>
                {t.assignee?.name ?? (
                  <Text span size="sm" c="dimmed">
                    Nobody
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t.status}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(t.createdAt)}</Table.Td>
              <Table.Td ta="right">
                <CompleteButton task={t} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TasksPage() {
  const {
    values: { whose, status, page },
    update,
    setPage,
  } = useListParams({ whose: listParam.text('me'), status: listParam.text('open'), page: listParam.page() });
  const tasks = useTasks({
    assignee: whose === 'me' ? 'me' : undefined,
    status: status ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Work to do, such as fixing what a failing check found or a recurring activity that is due."
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <SegmentedControl
            aria-label="Whose tasks"
            data={[
              { value: 'me', label: 'Mine' },
              { value: 'all', label: 'Everyone’s' },
            ]}
            value={whose}
            onChange={(v) => update({ whose: v })}
          />
          <Select
            label="Status"
            placeholder="Any status"
            data={statusOptions}
            value={status || null}
            onChange={(v) => update({ status: v ?? '' })}
            clearable
            w={180}
          />
        </Group>
        <QueryState loading={tasks.isLoading} error={tasks.error}>
          {tasks.data?.total ? (
            <TasksTable tasks={tasks.data.items} />
          ) : (
            <Text c="dimmed" size="sm">
              {whose === 'me' ? 'Nothing for you to do here.' : 'No tasks match.'}
            </Text>
          )}
          <PageControls total={tasks.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
    </>
  );
}
