import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { accessLevelLabels } from '../../../contracts/trust-documents.js';
import { useDocumentDownloads, useDocumentStats } from '../../api/trust-documents.js';
import { dateTime } from '../../ui/format.js';
import { QueryState } from '../../ui/QueryState.js';

function Downloads() {
  const downloads = useDocumentDownloads();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Latest downloads
      </Title>
      <QueryState loading={downloads.isLoading} error={downloads.error}>
        <Text size="sm" mb="xs">
          {downloads.data?.total ?? 0} downloads in all; the newest 100 are shown.
        </Text>
        <Table aria-label="Downloads">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Document</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>IP</Table.Th>
              <Table.Th>User agent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {downloads.data?.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{dateTime(d.downloadedAt)}</Table.Td>
                <Table.Td>{d.documentTitle}</Table.Td>
                <Table.Td>{d.email ?? 'public download'}</Table.Td>
                <Table.Td>{d.ip ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={1}>
                    {d.userAgent ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Card>
  );
}

export function AnalyticsPanel({ manage }: { manage: boolean }) {
  const stats = useDocumentStats();
  return (
    <Stack>
      <QueryState loading={stats.isLoading} error={stats.error}>
        <Table aria-label="Requests and downloads per document">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>Access</Table.Th>
              <Table.Th>Requests</Table.Th>
              <Table.Th>Downloads</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.title}</Table.Td>
                <Table.Td>{accessLevelLabels[s.accessLevel]}</Table.Td>
                <Table.Td>{s.requests}</Table.Td>
                <Table.Td>{s.downloads}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
      {manage && <Downloads />}
    </Stack>
  );
}
