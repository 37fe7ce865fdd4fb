import { Button, Group, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { accessLevelLabels, type DocumentRequest } from '../../../contracts/trust-documents.js';
import { useApproveRequest, useDocumentRequests, useRejectRequest } from '../../api/trust-documents.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';

const PAGE_SIZE = 50;

const statusLabels: Record<DocumentRequest['status'], string> = {
  unverified: 'E-mail not confirmed',
  'nda-pending': 'NDA not accepted',
  pending: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
};
const statusColors: Record<DocumentRequest['status'], StatusColor> = {
  unverified: 'gray',
  'nda-pending': 'yellow',
  pending: 'yellow',
  approved: 'teal',
  rejected: 'red',
};

function Decide({ request }: { request: DocumentRequest }) {
  const [days, setDays] = useState<number | string>(30);
  const [reason, setReason] = useState('');
  const approve = useApproveRequest(request.id, {
    onSuccess: (_request, expiresInDays) =>
      notifySuccess(`${request.name} can download for ${expiresInDays} days; a sign-in link is on its way`),
    onError: notifyError,
  });
  const reject = useRejectRequest(request.id, {
    onSuccess: () => notifySuccess(`Request from ${request.name} rejected`),
    onError: notifyError,
  });
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      {request.status === 'pending' && (
        <>
          <NumberInput
            size="xs"
            w={110}
            label={`Access days for ${request.name}`}
            min={1}
            max={365}
            value={days}
            onChange={setDays}
          />
          <Button size="xs" onClick={() => approve.mutate(Number(days))} loading={approve.isPending}>
            Approve {request.name}
          </Button>
        </>
      )}
      <TextInput
        size="xs"
        label={`Reason to ${request.name}`}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button
        size="xs"
        color="red"
        variant="light"
        onClick={() => reject.mutate(reason)}
        loading={reject.isPending}
      >
        Reject {request.name}
      </Button>
    </Group>
  );
}

function NdaDetails({ nda }: { nda: DocumentRequest['nda'] }) {
  if (!nda) return <Text size="xs">—</Text>;
  return (
    <Text size="xs">
      Version {nda.version}, signed “{nda.signedName}” {dateTime(nda.acceptedAt)}
      <br />
      {nda.ip ?? 'no IP'} · {nda.userAgent ?? 'no user agent'}
    </Text>
  );
}

export function RequestsPanel() {
  const {
    values: { status, page },
    update,
    setPage,
  } = useListParams({ status: listParam.text('pending'), page: listParam.page() });
  const requests = useDocumentRequests(status, page, PAGE_SIZE);
  return (
    <Stack>
      <SegmentedControl
        aria-label="Show requests"
        value={status}
        onChange={(v) => update({ status: v })}
        data={[
          { value: 'pending', label: 'Awaiting approval' },
          { value: 'approved', label: 'Approved' },
          { value: 'rejected', label: 'Rejected' },
          { value: 'all', label: 'All' },
        ]}
      />
      <QueryState loading={requests.isLoading} error={requests.error}>
        <Table aria-label="Document requests" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Requester</Table.Th>
              <Table.Th>Documents</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>NDA</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Decision</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{r.name}</Text>
                  <Text size="xs">
                    {r.email} · {r.company}
                  </Text>
                  <Text size="xs">{dateTime(r.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  {r.documents.map((d) => (
                    <Text size="xs" key={d.id}>
                      {d.title} ({accessLevelLabels[d.accessLevel]})
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{r.reason}</Text>
                </Table.Td>
                <Table.Td>
                  <NdaDetails nda={r.nda} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status} labels={statusLabels} colors={statusColors} />
                  {r.autoApprovedBy && <Text size="xs">Auto-approved for {r.autoApprovedBy}</Text>}
                  {r.rejectionReason && <Text size="xs">{r.rejectionReason}</Text>}
                </Table.Td>
                <Table.Td>
                  {['pending', 'nda-pending', 'unverified'].includes(r.status) && <Decide request={r} />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {requests.data?.items.length === 0 && <Text size="sm">No requests here.</Text>}
        <PageControls total={requests.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
    </Stack>
  );
}
