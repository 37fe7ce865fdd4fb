import { Button, Table, Text } from '@mantine/core';
import type { AccessGrant } from '../../../contracts/trust-documents.js';
import { useAccessGrants, useRevokeGrant } from '../../api/trust-documents.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { date, dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

const stateColors: Record<AccessGrant['state'], StatusColor> = {
  active: 'teal',
  expired: 'gray',
  revoked: 'red',
};
const stateLabels: Record<AccessGrant['state'], string> = {
  active: 'active',
  expired: 'expired',
  revoked: 'revoked',
};

function Revoke({ grant }: { grant: AccessGrant }) {
  const revoke = useRevokeGrant(grant.id, {
    onSuccess: () => notifySuccess(`Access of ${grant.email} revoked`),
    onError: notifyError,
  });
  return (
    <ConfirmButton
      title="Revoke access"
      message={`${grant.name} (${grant.email}) loses access at once; open sessions end.`}
      confirmLabel="Revoke access"
      onConfirm={() => revoke.mutate()}
    >
      {(open) => (
        <Button size="xs" color="red" variant="light" onClick={open} loading={revoke.isPending}>
          Revoke {grant.email}
        </Button>
      )}
    </ConfirmButton>
  );
}

export function GrantsPanel() {
  const grants = useAccessGrants();
  return (
    <QueryState loading={grants.isLoading} error={grants.error}>
      <Text size="sm" mb="xs">
        {grants.data?.total ?? 0} grants, newest first.
      </Text>
      <Table aria-label="Access grants">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Who</Table.Th>
            <Table.Th>Documents</Table.Th>
            <Table.Th>Given</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grants.data?.items.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>
                <Text size="sm">{g.name}</Text>
                <Text size="xs">
                  {g.email} · {g.company}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{g.documents.join(', ')}</Text>
              </Table.Td>
              <Table.Td>{dateTime(g.createdAt)}</Table.Td>
              <Table.Td>{date(g.expiresAt)}</Table.Td>
              <Table.Td>
                <StatusBadge status={g.state} labels={stateLabels} colors={stateColors} />
              </Table.Td>
              <Table.Td>{g.state === 'active' && <Revoke grant={g} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </QueryState>
  );
}
