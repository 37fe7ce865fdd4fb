import { Button, Card, Checkbox, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import {
  type Claim,
  type ClaimKind,
  type ClaimSetInput,
  cadenceClaimKinds,
  claimKindLabels,
  claimKinds,
  controlClaimKinds,
} from '../../../contracts/claims.js';
import { fieldErrors } from '../../api/client.js';
import { useControlPicker } from '../../api/controls.js';
import { useSaveClaims } from '../../api/trust-center.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifySuccess } from '../../ui/notify.js';

/** One position as edited: stated or not, and what proves it. */
interface Position {
  kind: ClaimKind;
  stated: boolean;
  controlId: string | null;
  maxAgeDays: number | null;
  target: string;
}

const blank = (kind: ClaimKind): Position => ({
  kind,
  stated: false,
  controlId: null,
  maxAgeDays: cadenceClaimKinds.includes(kind) ? (kind === 'restore-tested' ? 365 : 31) : null,
  target: '',
});

/** The positions as saved, read back from the evaluated claims (certifications are claims of their own). */
export function positionsOf(claims: Claim[]): Position[] {
  return claimKinds.map((kind) => {
    const saved = claims.find((c) => c.kind === kind);
    if (!saved) return blank(kind);
    return {
      kind,
      stated: true,
      controlId: saved.controlId,
      maxAgeDays: saved.maxAgeDays,
      target: saved.target,
    };
  });
}

function inputOf(positions: Position[]): ClaimSetInput {
  return {
    claims: positions
      .filter((p) => p.stated)
      .map((p) => ({
        kind: p.kind,
        controlId: controlClaimKinds.includes(p.kind) ? p.controlId : null,
        maxAgeDays: cadenceClaimKinds.includes(p.kind) ? p.maxAgeDays : null,
        target: '',
      })),
  };
}

/**
 * The organisation's public positions: which statements it makes, the control that proves each control-backed one and
 * how old its evidence may be. The SLA target is the one set under Outages and SLA, which availability uses. Tillit writes the public sentence itself from the records and withholds it when they
 * contradict it, so staff choose positions, never wording.
 */
export function ClaimPositionsForm({ claims }: { claims: Claim[] }) {
  const [positions, setPositions] = useState<Position[]>(() => positionsOf(claims));
  const slaTarget = claims.find((c) => c.kind === 'sla-target')?.target;
  useEffect(() => setPositions(positionsOf(claims)), [claims]);
  const picker = useControlPicker({ pageSize: 200 });
  const controls = (picker.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` }));
  const save = useSaveClaims({ onSuccess: () => notifySuccess('Positions saved and checked') });
  const errors = fieldErrors(save.error);
  // Field errors name the index among the stated positions, which differs from the row index here.
  const statedIndex = (kind: ClaimKind) =>
    positions.filter((p) => p.stated).findIndex((p) => p.kind === kind);
  const errorAt = (kind: ClaimKind, field: string) => errors[`claims.${statedIndex(kind)}.${field}`];
  const update = (kind: ClaimKind, change: Partial<Position>) =>
    setPositions(positions.map((p) => (p.kind === kind ? { ...p, ...change } : p)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(inputOf(positions));
  };
  return (
    <Card withBorder padding="lg" mb="md" component="form" onSubmit={submit} aria-label="Stated positions">
      <Text fw={600} mb={4}>
        Stated positions
      </Text>
      <Text size="sm" mb="md">
        Choose what the trust center states. The sentence is generated from your records and is withheld when
        they contradict it; control-backed positions need the control that proves them.
      </Text>
      <Stack gap="sm">
        <FormAlert error={save.error} />
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Positions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Position</Table.Th>
                <Table.Th>Proven by</Table.Th>
                <Table.Th>Stale after (days)</Table.Th>
                <Table.Th>Target (from Outages and SLA)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {positions.map((p) => (
                <Table.Tr key={p.kind}>
                  <Table.Td>
                    <Checkbox
                      label={claimKindLabels[p.kind]}
                      checked={p.stated}
                      onChange={(e) => update(p.kind, { stated: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {controlClaimKinds.includes(p.kind) ? (
                      <Select
                        aria-label={`Control proving: ${claimKindLabels[p.kind]}`}
                        placeholder="Choose the control"
                        data={controls}
                        searchable
                        disabled={!p.stated}
                        value={p.controlId}
                        error={errorAt(p.kind, 'controlId')}
                        onChange={(v) => update(p.kind, { controlId: v })}
                      />
                    ) : (
                      <Text size="sm">The records themselves</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {cadenceClaimKinds.includes(p.kind) && (
                      <NumberInput
                        aria-label={`Days until stale: ${claimKindLabels[p.kind]}`}
                        min={1}
                        max={3660}
                        disabled={!p.stated}
                        value={p.maxAgeDays ?? ''}
                        error={errorAt(p.kind, 'maxAgeDays')}
                        onChange={(v) => update(p.kind, { maxAgeDays: typeof v === 'number' ? v : null })}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.kind === 'sla-target' && (
                      <Text size="sm">{slaTarget ? `${slaTarget} %` : 'Set under Outages and SLA'}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save positions
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
