import { ActionIcon, Anchor, Badge, Code, Collapse, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../contracts/audit.js';
import { preciseTime } from '../../ui/format.js';

/** The page of each kind of entity: its own page where one exists, else the list it is shown in. */
const entityPages: Record<string, (id: string) => string> = {
  control: (id) => `/controls/${id}`,
  requirement: (id) => `/requirements/${id}`,
  framework: (id) => `/frameworks/${id}`,
  risk: (id) => `/risks/${id}`,
  policy: (id) => `/policies/${id}`,
  check: (id) => `/checks/${id}`,
  audit: (id) => `/audits/${id}`,
  nonconformity: (id) => `/nonconformities/${id}`,
  'management-review': (id) => `/management-reviews/${id}`,
  questionnaire: (id) => `/questionnaires/${id}`,
  evidence: () => '/evidence',
  asset: () => '/assets',
  objective: () => '/objectives',
  task: () => '/tasks',
  activity: () => '/activities',
  'faq-entry': () => '/trust-center',
  subprocessor: () => '/trust-center',
  'trust-document': () => '/trust-documents',
  user: () => '/users',
  service: () => '/organization',
  location: () => '/organization',
};

/** The entity by name, linked to its page; by type and short id when it has no name the reader may see. */
function EntityCell({ event }: { event: AuditEvent }) {
  const page = event.entityId ? entityPages[event.entityType] : undefined;
  if (event.entityName && event.entityId) {
    return (
      <>
        <Text size="xs" c="dimmed">
          {event.entityType}
        </Text>
        {page ? (
          <Anchor component={Link} to={page(event.entityId)} size="sm">
            {event.entityName}
          </Anchor>
        ) : (
          <Text size="sm">{event.entityName}</Text>
        )}
      </>
    );
  }
  return (
    <>
      {event.entityType}
      {event.entityId && (
        <Text span size="xs" c="dimmed" ff="monospace" title={event.entityId}>
          {' '}
          {event.entityId.slice(0, 8)}
        </Text>
      )}
    </>
  );
}

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
          <EntityCell event={event} />
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
