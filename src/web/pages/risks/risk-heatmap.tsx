import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { levelOfScore, type RiskHeatmap } from '../../../contracts/risks.js';
import { useRiskHeatmap } from '../../api/risks.js';
import { QueryState } from '../../ui/QueryState.js';
import { levelBackgrounds, levelLabels } from './risk-labels.js';

const cellStyle = { border: '1px solid #ced4da', padding: '4px 6px', fontSize: 13 } as const;

/** One matrix as a table: likelihood rows (highest first) × impact columns; each cell names its count and level. */
function Matrix({
  title,
  heatmap,
  cells,
}: {
  title: string;
  heatmap: RiskHeatmap;
  cells: RiskHeatmap['inherent'];
}) {
  const likelihoods = heatmap.likelihoodLabels.map((label, i) => ({ label, value: i + 1 })).reverse();
  const impacts = heatmap.impactLabels.map((label, i) => ({ label, value: i + 1 }));
  const countAt = (l: number, i: number) =>
    cells.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const kind = title.toLowerCase();
  const id = `heatmap-${kind}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title} risk
      </Title>
      <div style={{ overflowX: 'auto' }}>
        <table data-testid={id} aria-labelledby={id} style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={cellStyle}>
                Likelihood ↓ / Impact →
              </th>
              {impacts.map((i) => (
                <th key={i.value} scope="col" style={cellStyle}>
                  {i.value} {i.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {likelihoods.map((l) => (
              <tr key={l.value}>
                <th scope="row" style={{ ...cellStyle, textAlign: 'left' }}>
                  {l.value} {l.label}
                </th>
                {impacts.map((i) => {
                  const level = levelOfScore(l.value * i.value, heatmap.bands);
                  const n = countAt(l.value, i.value);
                  return (
                    <td
                      key={i.value}
                      data-cell={`${l.value}-${i.value}`}
                      style={{
                        ...cellStyle,
                        background: levelBackgrounds[level],
                        color: '#1a1b1e',
                        textAlign: 'center',
                      }}
                    >
                      <Anchor
                        component={Link}
                        to={`/risks?${kind}=${l.value}-${i.value}`}
                        fw={n > 0 ? 700 : 400}
                        size="md"
                        c="inherit"
                        underline="always"
                        data-count
                        aria-label={`${n} risk(s) with ${kind} likelihood ${l.value} and impact ${i.value}: show them`}
                      >
                        {n}
                      </Anchor>
                      <Text span size="xs" display="block">
                        {levelLabels[level]}
                      </Text>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

export function RiskHeatmaps() {
  const heatmap = useRiskHeatmap();
  return (
    <QueryState loading={heatmap.isLoading} error={heatmap.error}>
      {heatmap.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} mb="lg">
          <Matrix title="Inherent" heatmap={heatmap.data} cells={heatmap.data.inherent} />
          <Matrix title="Residual" heatmap={heatmap.data} cells={heatmap.data.residual} />
        </SimpleGrid>
      )}
    </QueryState>
  );
}
