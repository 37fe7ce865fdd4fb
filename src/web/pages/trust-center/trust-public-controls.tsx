import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PublicControl, PublicControlState } from '../../../contracts/public-controls.js';
import { fieldErrors } from '../../api/client.js';
import { useControlPicker } from '../../api/controls.js';
import { usePublicControls, useSavePublicControls } from '../../api/trust-center.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

const stateBadges: Record<PublicControlState, { label: string; color: string }> = {
  monitored: { label: 'Monitored, passing', color: 'green' },
  evidenced: { label: 'Evidence current', color: 'teal' },
  'under-review': { label: 'Under review', color: 'orange' },
};

/** A row being edited: the saved control's live state when there is one. */
interface Row {
  controlId: string;
  label: string;
  domain: string;
  publicTitle: string;
  live: PublicControl | undefined;
}

const rowOf = (c: PublicControl): Row => ({
  controlId: c.controlId,
  label: `${c.ref} ${c.title}`.trim(),
  domain: c.domain,
  publicTitle: c.publicTitle ?? '',
  live: c,
});

function LiveState({ live }: { live: PublicControl | undefined }) {
  if (!live) return <Text size="sm">Shown after saving</Text>;
  const badge = stateBadges[live.state];
  return (
    <Stack gap={2}>
      <Badge color={badge.color} variant="light">
        {badge.label}
      </Badge>
      {live.problems.map((p) => (
        <Text key={p} size="xs" c="red.8">
          {p}
        </Text>
      ))}
    </Stack>
  );
}

/** Which controls the public trust center shows, under which domain and title, with the health each shows now. */
export function PublicControlsPanel({ manage }: { manage: boolean }) {
  const saved = usePublicControls();
  const picker = useControlPicker({ pageSize: 200 });
  const [rows, setRows] = useState<Row[]>([]);
  const [adding, setAdding] = useState<string | null>(null);
  useEffect(() => setRows((saved.data?.controls ?? []).map(rowOf)), [saved.data]);
  const save = useSavePublicControls({
    onSuccess: () => notifySuccess('Public controls saved'),
    onError: notifyError,
  });
  const errors = fieldErrors(save.error);
  const listed = new Set(rows.map((r) => r.controlId));
  const choices = (picker.data?.items ?? [])
    .filter((c) => !listed.has(c.id))
    .map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` }));
  const update = (i: number, change: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (row) next.splice(i + by, 0, row);
    setRows(next);
  };
  const add = (controlId: string | null) => {
    const choice = choices.find((c) => c.value === controlId);
    if (!choice) return;
    const domain = rows.at(-1)?.domain ?? '';
    setRows([
      ...rows,
      { controlId: choice.value, label: choice.label, domain, publicTitle: '', live: undefined },
    ]);
    setAdding(null);
  };
  return (
    <Card withBorder padding="lg">
      <Text size="sm" mb="md">
        The public page lists these controls under your own domains. Each shows the health its checks and
        evidence support when the page is shown: “monitored, passing”, “evidence current”, or “under review” —
        never the reasons, which only staff see here. The public title replaces the internal one when given.
      </Text>
      <QueryState loading={saved.isLoading} error={saved.error}>
        <Table aria-label="Controls shown publicly">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Domain</Table.Th>
              <Table.Th>Public title</Table.Th>
              <Table.Th>Public state now</Table.Th>
              {manage && <Table.Th>Order</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.controlId}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Domain of ${r.label}`}
                    value={r.domain}
                    readOnly={!manage}
                    error={errors[`controls.${i}.domain`]}
                    onChange={(e) => update(i, { domain: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Public title of ${r.label}`}
                    placeholder={r.live?.title || r.label}
                    value={r.publicTitle}
                    readOnly={!manage}
                    onChange={(e) => update(i, { publicTitle: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <LiveState live={r.live} />
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move ${r.label} up`}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move ${r.label} down`}
                        disabled={i === rows.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${r.label}`}
                        onClick={() => setRows(rows.filter((_, j) => j !== i))}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text size="sm" mt="sm">
            No controls are shown publicly yet.
          </Text>
        )}
        {manage && (
          <Group mt="md" align="end">
            <Select
              label="Add a control"
              placeholder="Search controls"
              searchable
              data={choices}
              value={adding}
              onChange={add}
              w={360}
              maw="100%"
            />
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  controls: rows.map((r) => ({
                    controlId: r.controlId,
                    domain: r.domain,
                    publicTitle: r.publicTitle.trim() || null,
                  })),
                })
              }
            >
              Save public controls
            </Button>
          </Group>
        )}
      </QueryState>
    </Card>
  );
}
