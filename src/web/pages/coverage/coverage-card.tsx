import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Coverage } from '../../../contracts/frameworks.js';
import { query } from '../../api/client.js';
import { count } from '../../ui/format.js';
import { type DrillDown, percent } from './coverage-labels.js';

function DrillLink({
  coverage,
  filter,
  serviceId,
  children,
}: {
  coverage: Coverage;
  filter: DrillDown;
  serviceId: string | null;
  children: string;
}) {
  return (
    <Anchor
      component={Link}
      to={`/coverage/${coverage.frameworkId}/${filter}${query({ serviceId: serviceId ?? undefined })}`}
      size="sm"
    >
      {children}
    </Anchor>
  );
}

function Meter({
  label,
  part,
  whole,
  testId,
  color,
}: {
  label: string;
  part: number;
  whole: number;
  testId: string;
  color: string;
}) {
  const p = percent(part, whole);
  return (
    <div>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" data-testid={testId}>
          {part} of {whole} ({p} %)
        </Text>
      </Group>
      <Progress value={p} color={color} aria-label={`${label}: ${p} %`} size="md" />
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text fz="xl" fw={700} lh={1.2} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

/** One framework's coverage: decisions, controls, implementation and evidence, each with its drill-down. */
export function CoverageCard({ coverage: c, serviceId }: { coverage: Coverage; serviceId: string | null }) {
  const headingId = `coverage-${c.frameworkId}`;
  const link = (filter: DrillDown, text: string) => (
    <DrillLink coverage={c} filter={filter} serviceId={serviceId}>
      {text}
    </DrillLink>
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb={4}>
        <Anchor component={Link} to={`/frameworks/${c.frameworkId}`} inherit>
          {c.frameworkName}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {count(c.requirements, 'requirement')}: {c.applicable} applicable, {c.notApplicable} not applicable,{' '}
        {c.undecided} not yet decided
      </Text>
      <Stack gap="md">
        <Meter
          label="Applicable requirements covered by a control"
          part={c.covered}
          whole={c.applicable}
          testId="covered"
          color="blue"
        />
        <Meter
          label="Applicable requirements implemented"
          part={c.implemented}
          whole={c.applicable}
          testId="implemented"
          color="teal"
        />
        <Meter
          label="Controls implemented"
          part={c.controlsImplemented}
          whole={c.controls}
          testId="controls-implemented"
          color="teal"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Controls of applicable and undecided requirements
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Figure label="Evidence fresh" value={c.evidenceFresh} testId="evidence-fresh" />
            <Figure label="Evidence stale" value={c.evidenceStale} testId="evidence-stale" />
            <Figure label="No evidence" value={c.evidenceMissing} testId="evidence-missing" />
            <Figure label="Check failing" value={c.failingControls} testId="failing" />
          </SimpleGrid>
        </div>
        <nav aria-label={`Drill down into ${c.frameworkName}`}>
          <Group gap="md">
            {link('undecided', `${c.undecided} not yet decided`)}
            {link('uncovered', `${c.applicable - c.covered} without a control`)}
            {link('not-implemented', `${c.covered - c.implemented} not implemented`)}
            {link('evidence-stale', 'Stale evidence')}
            {link('evidence-missing', 'Missing evidence')}
            {link('failing', 'Failing checks')}
          </Group>
        </nav>
      </Stack>
    </Card>
  );
}
