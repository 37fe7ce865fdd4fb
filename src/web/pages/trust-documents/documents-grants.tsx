import { Badge, Button, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../contracts/paging.js';
import type { AccessGrant } from '../../../contracts/trust-documents.js';
import { api } from '../../api/client.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { date, dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

const stateColor = { active: 'teal', expired: 'gray', revoked: 'red' } as const;

function Revoke({ grant }: { grant: AccessGrant }) {
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.post(`/api/trust-access-grants/${grant.id}/revoke`),
    onSuccess: () => {
      notifySuccess(`Access of ${grant.email} revoked`);
      void client.invalidateQueries({ queryKey: ['trust-access-grants'] });
    },
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
  const grants = useQuery({
    queryKey: ['trust-access-grants'],
    queryFn: () => api.get<Page<AccessGrant>>('/api/trust-access-grants?pageSize=200'),
  });
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
                <Badge color={stateColor[g.state]} variant="light">
                  {g.state}
                </Badge>
              </Table.Td>
              <Table.Td>{g.state === 'active' && <Revoke grant={g} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </QueryState>
  );
}
