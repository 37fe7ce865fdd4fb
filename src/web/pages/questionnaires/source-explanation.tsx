import { Badge, Group, Mark, Text } from '@mantine/core';
import type { AnswerSource } from '../../../contracts/questionnaires.js';

const audienceLabels = { public: 'Public', customers: 'Customers under NDA', internal: 'Internal' } as const;
const audienceColors = { public: 'teal', customers: 'blue', internal: 'red' } as const;

/** Why a source was proposed: its audience, the question's words it matched (highlighted), synonyms, the tier. */
export function SourceExplanation({ source }: { source: AnswerSource }) {
  const why = source.explanation;
  return (
    <>
      {source.audience && (
        <Badge size="xs" variant="light" color={audienceColors[source.audience]} ml={4}>
          {audienceLabels[source.audience]}
        </Badge>
      )}
      {why && (
        <Text size="xs" c="dimmed" component="div">
          {why.matched.length > 0 && (
            <Group gap={4} wrap="wrap">
              Matched:
              {why.matched.map((m) => (
                <span key={`${m.question}-${m.source}`}>
                  <Mark>{m.question}</Mark>
                  {m.source !== m.question ? ` → ${m.source}` : ''} (
                  {m.field === 'title' ? 'question' : 'text'})
                </span>
              ))}
            </Group>
          )}
          {why.synonymGroups.length > 0 && <div>Synonym groups: {why.synonymGroups.join(', ')}</div>}
          {why.missing.length > 0 && <div>Not mentioned: {why.missing.join('; ')}</div>}
          <div>{why.reason}</div>
        </Text>
      )}
    </>
  );
}
