import { Anchor, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../ui/QueryState.js';
import { percent } from './coverage-labels.js';
import { useCoverage } from './use-coverage.js';

/** The Overview's compact view: per framework, how many applicable requirements have a control. */
export function CoverageSummary() {
  const coverage = useCoverage(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="coverage-summary-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="coverage-summary-heading">
          Coverage
        </Title>
        <Anchor component={Link} to="/coverage" size="sm">
          See coverage
        </Anchor>
      </Group>
      <QueryState loading={coverage.isLoading} error={coverage.error}>
        <Stack gap="sm">
          {coverage.data?.map((c) => {
            const p = percent(c.covered, c.applicable);
            return (
              <div key={c.frameworkId}>
                <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {c.frameworkName}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {c.covered} of {c.applicable} covered · {c.implemented} implemented
                  </Text>
                </Group>
                <Progress
                  value={p}
                  aria-label={`${c.frameworkName}: ${p} % of applicable requirements covered`}
                />
              </div>
            );
          })}
          {coverage.data?.length === 0 && (
            <Text c="dimmed" size="sm">
              No framework is installed yet.
            </Text>
          )}
        </Stack>
      </QueryState>
    </Card>
  );
}
