import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { riskLevels } from '../../../contracts/risks.js';
import { useRiskOverview } from '../../api/risks.js';
import { QueryState } from '../../ui/QueryState.js';
import { levelLabels } from './risk-labels.js';

/** Open risks by residual level and overdue reviews, for the overview page. */
export function RiskSummary() {
  const overview = useRiskOverview();
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="risk-summary-heading"
      data-testid="risk-summary"
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="risk-summary-heading">
          Risks
        </Title>
        <Anchor component={Link} to="/risks" size="sm">
          See the register
        </Anchor>
      </Group>
      <QueryState loading={overview.isLoading} error={overview.error}>
        {overview.data && (
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {[...riskLevels].reverse().map((level) => (
              <div key={level}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  Open, {levelLabels[level]}
                </Text>
                <Text fz={24} fw={700}>
                  {overview.data.openByLevel[level]}
                </Text>
              </div>
            ))}
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                Overdue reviews
              </Text>
              <Anchor component={Link} to="/risks?overdue=true" fz={24} fw={700}>
                {overview.data.overdueReviews}
              </Anchor>
            </div>
          </SimpleGrid>
        )}
      </QueryState>
    </Card>
  );
}
