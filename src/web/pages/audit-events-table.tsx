import { ActionIcon, Badge, Code, Collapse, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { AuditEvent } from '../../contracts/audit.js';
import { preciseTime } from '../ui/format.js';

function EventRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const detailsId = `event-${event.seq}-data`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`${open ? 'Hide' : 'Show'} data of event ${event.seq}`}
            onClick={() => setOpen(!open)}
          >
            {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td ff="monospace">{event.seq}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={event.occurredAt}>{preciseTime(event.occurredAt)}</time>
        </Table.Td>
        <Table.Td>
          {event.actor ? (
            <>
              <Text size="sm">{event.actor.name}</Text>
              <Text size="xs" c="dimmed">
                {event.actor.email}
                {event.actorType === 'token' && ' · API token'}
              </Text>
            </>
          ) : (
            <Text span size="sm" c="dimmed">
              {event.actorType}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Badge variant="light" tt="none" radius="sm">
            {event.action}
          </Badge>
        </Table.Td>
        <Table.Td>
          {event.entityType}
          {event.entityId && (
            <Text span size="xs" c="dimmed" ff="monospace" title={event.entityId}>
              {' '}
              {event.entityId.slice(0, 8)}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Td colSpan={6} p={0} style={{ borderBottom: open ? undefined : 'none' }}>
          <Collapse expanded={open} id={detailsId}>
            <Stack gap={4} p="xs">
              {event.entityId && (
                <Text size="xs" c="dimmed">
                  {event.entityType} <Code>{event.entityId}</Code>
                </Text>
              )}
              <Code block className="wrap-anywhere">
                {JSON.stringify(event.data, null, 2)}
              </Code>
            </Stack>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
}

export function EventsTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover aria-label="Audit events" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Data</VisuallyHidden>
            </Table.Th>
            <Table.Th w={60}>Seq</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Entity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <EventRow key={e.seq} event={e} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
