import { Anchor, Checkbox, Stack, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { RequirementSummary } from '../../../contracts/frameworks.js';
import { ApplicabilityBadge, ImplementationBadge } from './requirement-status.js';

const INDENT = 20;
const rowCheckbox = {
  width: 18,
  height: 18,
  margin: 0,
  verticalAlign: 'middle',
  accentColor: 'var(--mantine-color-blue-8)',
  cursor: 'pointer',
};

const GroupRow = memo(function GroupRow({ group, columns }: { group: RequirementSummary; columns: number }) {
  return (
    <Table.Tr bg="var(--mantine-color-default-hover)">
      <Table.Td colSpan={columns} style={{ paddingLeft: 12 + group.depth * INDENT }}>
        <Text fw={700} size="sm">
          {group.ref === group.title ? group.title : `${group.ref} ${group.title}`}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
});

const RequirementRow = memo(function RequirementRow({
  requirement: r,
  selectable,
  selected,
  onToggle,
}: {
  requirement: RequirementSummary;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
}) {
  return (
    <Table.Tr data-requirement={r.ref} bg={selected ? 'var(--mantine-color-blue-light)' : undefined}>
      {selectable && (
        <Table.Td>
          {/* A native box: five hundred of them re-render fast when all are ticked at once. */}
          <input
            type="checkbox"
            style={rowCheckbox}
            aria-label={`Select ${r.ref}`}
            checked={selected}
            onChange={() => onToggle(r.id)}
          />
        </Table.Td>
      )}
      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap', paddingLeft: 12 + r.depth * INDENT }}>
        {r.ref}
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/requirements/${r.id}`} size="sm">
          {r.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <ApplicabilityBadge applicable={r.applicable} />
          {r.justification && (
            <Text size="xs" c="dimmed" lineClamp={2} title={r.justification}>
              {r.justification}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <ImplementationBadge status={r.implementationStatus} />
      </Table.Td>
      <Table.Td ta="right">{r.controlCount}</Table.Td>
    </Table.Tr>
  );
});

/**
 * The requirements of a framework in catalogue order; groups are section rows and requirements are
 * indented by depth. Rows are memoised so ticking one box re-renders one row, not five hundred.
 */
export function RequirementsTable({
  items,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  caption,
}: {
  items: RequirementSummary[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], select: boolean) => void;
  caption: string;
}) {
  const selectableIds = items.filter((r) => r.kind === 'requirement').map((r) => r.id);
  const selectedHere = selectableIds.filter((id) => selected.has(id)).length;
  const all = selectableIds.length > 0 && selectedHere === selectableIds.length;
  const columns = selectable ? 6 : 5;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing={6} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select every requirement on this page"
                  checked={all}
                  indeterminate={selectedHere > 0 && !all}
                  disabled={selectableIds.length === 0}
                  onChange={() => onToggleAll(selectableIds, !all)}
                />
              </Table.Th>
            )}
            <Table.Th w={120}>Ref</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th w={220}>Applicability</Table.Th>
            <Table.Th w={170}>Implementation</Table.Th>
            <Table.Th w={90} ta="right">
              Controls
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) =>
            r.kind === 'group' ? (
              <GroupRow key={r.id} group={r} columns={columns} />
            ) : (
              <RequirementRow
                key={r.id}
                requirement={r}
                selectable={selectable}
                selected={selected.has(r.id)}
                onToggle={onToggle}
              />
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
