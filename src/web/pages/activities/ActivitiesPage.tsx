import { Button, Card, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Activity } from '../../../contracts/activities.js';
import { useActivities } from '../../api/activities.js';
import { useSession } from '../../auth/session.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge } from '../../ui/StatusBadge.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { ActivityFormModal } from './activity-form.js';
import { kindLabels } from './activity-labels.js';
import { utc } from './schedule-field.js';

const PAGE_SIZE = 50;

function ActivityRow({ a, onEdit }: { a: Activity; onEdit?: (() => void) | undefined }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {a.title}
        </Text>
        <Text size="xs" c="dimmed">
          {kindLabels[a.kind]}
          {a.evidenceRequired ? ' · evidence required' : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace">
          {a.schedule.expression}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {a.active ? (
          a.nextOccurrence ? (
            utc(a.nextOccurrence)
          ) : (
            'None'
          )
        ) : (
          <StatusBadge color="gray">Paused</StatusBadge>
        )}
      </Table.Td>
      <Table.Td>{a.assignee.name}</Table.Td>
      <Table.Td>{a.controls.map((c) => c.ref).join(', ') || '—'}</Table.Td>
      <Table.Td>{a.escalation ? `${a.escalation.user.name} after ${a.escalation.days} d` : '—'}</Table.Td>
      <Table.Td ta="right">
        {onEdit && (
          <Button size="xs" variant="subtle" onClick={onEdit} aria-label={`Edit ${a.title}`}>
            Edit
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ActivitiesPage() {
  const { can } = useSession();
  const {
    values: { page },
    setPage,
  } = useListParams({ page: listParam.page() });
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const activities = useActivities({ page, pageSize: PAGE_SIZE });
  const manage = can('tasks.manage');
  return (
    <>
      <PageHeader
        title="Recurring activities"
        description="Access reviews, restore and DR tests, fire-safety rounds and reviews that open a task on schedule."
        actions={manage ? <Button onClick={() => setEditing('new')}>New activity</Button> : undefined}
      />
      <Card withBorder padding="lg">
        <QueryState loading={activities.isLoading} error={activities.error}>
          {activities.data?.total ? (
            <Table.ScrollContainer minWidth={860}>
              <Table striped aria-label="Recurring activities">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Activity</Table.Th>
                    <Table.Th>Schedule</Table.Th>
                    <Table.Th>Next</Table.Th>
                    <Table.Th>Assignee</Table.Th>
                    <Table.Th>Controls</Table.Th>
                    <Table.Th>Escalation</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {activities.data.items.map((a) => (
                    <ActivityRow key={a.id} a={a} onEdit={manage ? () => setEditing(a) : undefined} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Group>
              <Text c="dimmed" size="sm">
                No recurring activities yet.
              </Text>
            </Group>
          )}
          <PageControls total={activities.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {editing && (
        <ActivityFormModal
          activity={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
