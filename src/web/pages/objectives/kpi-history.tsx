import { Button, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Kpi } from '../../../contracts/objectives.js';
import { useMeasurements } from '../../api/objectives.js';
import { PageControls } from '../../ui/PageControls.js';
import { QueryState } from '../../ui/QueryState.js';

const PAGE_SIZE = 20;

function HistoryTable({ kpi }: { kpi: Kpi }) {
  const [page, setPage] = useState(1);
  const history = useMeasurements(kpi.id, { page, pageSize: PAGE_SIZE });
  return (
    <QueryState loading={history.isLoading} error={history.error}>
      {history.data?.total === 0 ? (
        <Text size="sm">No measurements yet.</Text>
      ) : (
        <Table aria-label={`Measurements of ${kpi.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Measured</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th>Recorded by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data?.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.measuredAt.slice(0, 16).replace('T', ' ')}</Table.Td>
                <Table.Td>
                  {m.value} {kpi.unit}
                </Table.Td>
                <Table.Td>{m.note}</Table.Td>
                <Table.Td>{m.recordedByName ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PageControls page={page} pageSize={PAGE_SIZE} total={history.data?.total} onChange={setPage} />
    </QueryState>
  );
}

/** A KPI's measurements, newest first, in a dialog. */
export function KpiHistoryButton({ kpi }: { kpi: Kpi }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpen(true)} aria-label={`History of ${kpi.name}`}>
        History
      </Button>
      {open && (
        <Modal
          opened
          onClose={() => setOpen(false)}
          closeButtonProps={{ 'aria-label': 'Close' }}
          title={`Measurements of ${kpi.name}`}
          size="lg"
        >
          <HistoryTable kpi={kpi} />
        </Modal>
      )}
    </>
  );
}
