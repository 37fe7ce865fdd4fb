import { ActionIcon, Anchor, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Evidence } from '../../../contracts/evidence.js';
import { evidenceApi, useDeleteEvidence, useReviewEvidence } from '../../api/evidence.js';
import { useSession } from '../../auth/session.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { EvidenceStateBadge, evidenceKindLabels, fileSize, isoDate } from './evidence-ui.js';

function Source({ e }: { e: Evidence }) {
  if (e.file) {
    return (
      <Text size="xs" c="dimmed">
        {e.file.name} · {fileSize(e.file.size)} · {e.file.contentType}
      </Text>
    );
  }
  if (e.url) {
    return (
      <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="xs" className="wrap-anywhere">
        {e.url}
      </Anchor>
    );
  }
  if (e.check) {
    return (
      <Text size="xs" c="dimmed">
        {e.check.name ? (
          <Anchor component={Link} to={`/checks/${e.check.id}`} size="xs">
            {e.check.name}
          </Anchor>
        ) : (
          'Deleted check'
        )}{' '}
        · {e.check.outcome === 'pass' ? 'passed' : 'failed'} · {e.check.trigger}
      </Text>
    );
  }
  return null;
}

function Actions({ e }: { e: Evidence }) {
  const { session, can } = useSession();
  const review = useReviewEvidence(e.id, {
    onSuccess: () => notifySuccess(`“${e.title}” marked reviewed`),
    onError: notifyError,
  });
  const remove = useDeleteEvidence(e.id, {
    onSuccess: () => notifySuccess(`“${e.title}” deleted`),
    onError: notifyError,
  });
  const mine = e.createdBy?.id === session?.user.id;
  const mayReview = can('evidence.manage') && !mine && !e.reviewedAt;
  const mayDelete =
    can('evidence.manage') || (can('evidence.submit') && mine && !e.reviewedAt && e.kind !== 'check-result');
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {e.file && (
        <Tooltip label="Download">
          <ActionIcon
            component="a"
            href={evidenceApi.fileUrl(e.id)}
            variant="subtle"
            aria-label={`Download ${e.file.name}`}
          >
            <IconDownload size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {e.url && (
        <Tooltip label="Open link">
          <ActionIcon
            component="a"
            href={e.url}
            target="_blank"
            rel="noopener noreferrer"
            variant="subtle"
            aria-label={`Open ${e.title}`}
          >
            <IconExternalLink size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {mayReview && (
        <Tooltip label="Mark reviewed">
          <ActionIcon
            variant="subtle"
            color="teal"
            aria-label={`Mark ${e.title} reviewed`}
            onClick={() => review.mutate()}
          >
            <IconCircleCheck size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {mayDelete && (
        <DeleteButton
          variant="icon"
          label={`Delete ${e.title}`}
          title={`Delete “${e.title}”?`}
          message="The evidence no longer counts for its controls. The audit log keeps a record of it."
          confirmLabel="Delete"
          onConfirm={() => remove.mutate()}
          busy={remove.isPending}
        />
      )}
    </Group>
  );
}

export function EvidenceTable({ items, showControls = true }: { items: Evidence[]; showControls?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label="Evidence">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Evidence</Table.Th>
            <Table.Th>Kind</Table.Th>
            {showControls && <Table.Th>Controls</Table.Th>}
            <Table.Th>Valid from</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Reviewed</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {e.title}
                </Text>
                <Source e={e} />
              </Table.Td>
              <Table.Td>{evidenceKindLabels[e.kind]}</Table.Td>
              {showControls && (
                <Table.Td>
                  <Group gap={4}>
                    {e.controls.map((c) => (
                      <Anchor key={c.id} component={Link} to={`/controls/${c.id}`} size="sm" ff="monospace">
                        {c.ref}
                      </Anchor>
                    ))}
                  </Group>
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{isoDate(e.validFrom)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{isoDate(e.expiresAt)}</Table.Td>
              <Table.Td>
                <EvidenceStateBadge state={e.state} />
              </Table.Td>
              <Table.Td>
                {e.reviewer ? (
                  e.reviewer.name
                ) : (
                  <Text span size="sm" c="dimmed">
                    Not yet
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Actions e={e} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
