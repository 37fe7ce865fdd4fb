import {
  Button,
  Card,
  Chip,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import type { Questionnaire, SheetPreviewDto } from '../../../contracts/questionnaires.js';
import { errorMessage } from '../../api/client.js';
import { useMapQuestionnaire } from '../../api/questionnaires.js';

interface Mapping {
  questionColumn: string;
  answerColumn: string;
  firstRow: number;
}
type Target = 'question' | 'answer';

/** A first guess from the header row: a cell saying "question" and one saying "answer" (en, sv, nb). */
export function guessMapping(sheet: SheetPreviewDto | undefined): Mapping {
  for (const r of sheet?.rows ?? []) {
    const q = r.cells.findIndex((c) => /question|fråga|spørsmål/i.test(c));
    const a = r.cells.findIndex((c) => /answer|svar/i.test(c));
    if (q >= 0 && a >= 0 && sheet)
      return {
        questionColumn: sheet.columns[q] ?? 'B',
        answerColumn: sheet.columns[a] ?? 'C',
        firstRow: r.row + 1,
      };
  }
  return { questionColumn: 'B', answerColumn: 'C', firstRow: 2 };
}

const highlight = (on: boolean, color: string) =>
  on ? { background: `var(--mantine-color-${color}-light)` } : undefined;

function Preview({
  sheet,
  mapping,
  onColumn,
  onRow,
}: {
  sheet: SheetPreviewDto;
  mapping: Mapping;
  onColumn: (column: string) => void;
  onRow: (row: number) => void;
}) {
  const tone = (c: string) =>
    c === mapping.questionColumn ? 'blue' : c === mapping.answerColumn ? 'teal' : undefined;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder withColumnBorders aria-label={`Preview of ${sheet.name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            {sheet.columns.map((c) => (
              <Table.Th key={c} style={highlight(tone(c) !== undefined, tone(c) ?? '')}>
                <UnstyledButton
                  onClick={() => onColumn(c)}
                  aria-label={`Column ${c}`}
                  aria-pressed={c === mapping.questionColumn || c === mapping.answerColumn}
                  fw={700}
                  w="100%"
                >
                  {c}
                  {c === mapping.questionColumn
                    ? ' · questions'
                    : c === mapping.answerColumn
                      ? ' · answers'
                      : ''}
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.rows.map((r) => (
            <Table.Tr key={r.row} style={highlight(r.row === mapping.firstRow, 'yellow')}>
              <Table.Td>
                <UnstyledButton
                  onClick={() => onRow(r.row)}
                  aria-label={`First question in row ${r.row}`}
                  aria-pressed={r.row === mapping.firstRow}
                  td="underline"
                >
                  {r.row}
                </UnstyledButton>
              </Table.Td>
              {r.cells.map((cell, i) => (
                <Table.Td key={sheet.columns[i]}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Points at the sheet, the question and answer columns and the first question row by clicking the preview:
 * a sheet chip, a column header (for questions, then answers) and a row number.
 */
export function MappingForm({
  questionnaire,
  sheets,
  onMapped,
}: {
  questionnaire: Questionnaire;
  sheets: SheetPreviewDto[];
  onMapped: (q: Questionnaire) => void;
}) {
  const initialSheet = sheets.find((s) => s.name === questionnaire.sheet)?.name ?? sheets[0]?.name ?? '';
  const [sheet, setSheet] = useState(initialSheet);
  const current = sheets.find((s) => s.name === sheet);
  const [mapping, setMapping] = useState<Mapping>(() =>
    questionnaire.questionColumn && questionnaire.answerColumn && questionnaire.firstRow
      ? {
          questionColumn: questionnaire.questionColumn,
          answerColumn: questionnaire.answerColumn,
          firstRow: questionnaire.firstRow,
        }
      : guessMapping(current),
  );
  const [target, setTarget] = useState<Target>('question');
  const map = useMapQuestionnaire(questionnaire.id, { onSuccess: onMapped });
  const pickColumn = (column: string) => {
    if (target === 'question') {
      setMapping((m) => ({ ...m, questionColumn: column }));
      setTarget('answer');
    } else setMapping((m) => ({ ...m, answerColumn: column }));
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Point at the questions in {questionnaire.fileName}
      </Title>
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4} id="sheet-label">
            Sheet
          </Text>
          <Chip.Group
            value={sheet}
            onChange={(v) => {
              setSheet(v);
              setMapping(guessMapping(sheets.find((s) => s.name === v)));
            }}
          >
            <Group gap="xs" role="radiogroup" aria-labelledby="sheet-label">
              {sheets.map((s) => (
                <Chip key={s.name} value={s.name}>
                  {s.name}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <div>
          <Text size="sm" fw={500} mb={4} id="target-label">
            A click on a column header sets the column for
          </Text>
          <SegmentedControl
            aria-labelledby="target-label"
            value={target}
            onChange={(v) => setTarget(v === 'answer' ? 'answer' : 'question')}
            data={[
              { value: 'question', label: 'Questions' },
              { value: 'answer', label: 'Answers' },
            ]}
          />
        </div>
        <Text role="status">
          Questions in column {mapping.questionColumn}, answers in column {mapping.answerColumn}, from row{' '}
          {mapping.firstRow}. Click a row number to change the first question row.
        </Text>
        {map.isError && (
          <Text c="red" role="alert">
            {errorMessage(map.error)}
          </Text>
        )}
        <Group>
          <Button onClick={() => map.mutate({ sheet, ...mapping })} loading={map.isPending}>
            Import questions
          </Button>
        </Group>
        {current && (
          <Preview
            sheet={current}
            mapping={mapping}
            onColumn={pickColumn}
            onRow={(firstRow) => setMapping((m) => ({ ...m, firstRow }))}
          />
        )}
      </Stack>
    </Card>
  );
}
