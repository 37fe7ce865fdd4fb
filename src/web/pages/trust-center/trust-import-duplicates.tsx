import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { FaqDuplicate, faqDuplicateChoices } from '../../../contracts/trust-center.js';

export type DuplicateChoice = (typeof faqDuplicateChoices)[number];
const options = [
  { value: 'skip', label: 'Skip' },
  { value: 'replace', label: 'Replace' },
  { value: 'keep', label: 'Keep both' },
];

/** Questions of the file that nearly repeat existing ones, each with its choice: skip, replace or keep both. */
export function DuplicateChoices({
  duplicates,
  choices,
  onChange,
  onImport,
  importing,
}: {
  duplicates: FaqDuplicate[];
  choices: Record<string, DuplicateChoice>;
  onChange: (question: string, choice: DuplicateChoice) => void;
  onImport: () => void;
  importing: boolean;
}) {
  return (
    <Stack gap="xs">
      <Text role="status">
        {duplicates.length} imported questions nearly repeat questions you already have. Choose for each: skip
        it, replace the existing answer with it, or keep both.
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Near-duplicate questions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>In the file</Table.Th>
              <Table.Th>Already in the FAQ</Table.Th>
              <Table.Th>Choice</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {duplicates.map((d) => (
              <Table.Tr key={d.question}>
                <Table.Td>
                  {d.question}{' '}
                  <Text span c="dimmed" size="xs">
                    ({d.section})
                  </Text>
                </Table.Td>
                <Table.Td>
                  {d.existingQuestion}{' '}
                  <Text span c="dimmed" size="xs">
                    ({d.existingSection}, {Math.round(d.similarity * 100)} % alike)
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={`Choice for ${d.question}`}
                    data={options}
                    value={choices[d.question] ?? 'skip'}
                    onChange={(v) => onChange(d.question, v === 'replace' || v === 'keep' ? v : 'skip')}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button onClick={onImport} loading={importing}>
          Import with these choices
        </Button>
      </Group>
    </Stack>
  );
}
