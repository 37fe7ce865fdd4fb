import { Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { useFramework, useRequirement } from '../../api/frameworks.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { Crumbs } from './crumbs.js';
import { ApplicabilityCard } from './requirement-applicability.js';
import {
  CatalogueText,
  ParametersCard,
  RequirementControls,
  RequirementMappings,
} from './requirement-related.js';
import { ImplementationBadge } from './requirement-status.js';

function Attribution({ frameworkId }: { frameworkId: string }) {
  const framework = useFramework(frameworkId);
  if (!framework.data?.attribution) return null;
  return (
    <Text size="xs" c="dimmed" className="wrap-anywhere">
      {framework.data.attribution}
    </Text>
  );
}

function Labels({ labels }: { labels: Record<string, string> }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return null;
  return (
    <Group gap={6}>
      {entries.map(([k, v]) => (
        <Badge key={k} variant="light" color="gray" tt="none" radius="sm">
          {k}: {v}
        </Badge>
      ))}
    </Group>
  );
}

export function RequirementPage() {
  const { id = '' } = useParams();
  const requirement = useRequirement(id);
  const r = requirement.data;
  return (
    <>
      <Crumbs
        trail={[
          ['/frameworks', 'Frameworks'],
          ...(r ? [[`/frameworks/${r.frameworkId}`, r.frameworkName] as [string, string]] : []),
        ]}
        current={r?.ref ?? '…'}
      />
      <PageHeader title={r ? `${r.ref} ${r.title}` : 'Requirement'} description={r?.frameworkName} />
      <QueryState loading={requirement.isLoading} error={requirement.error}>
        {r && (
          <Stack>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                Implementation:
              </Text>
              <ImplementationBadge status={r.implementationStatus} />
              <Labels labels={r.labels} />
            </Group>
            <Grid>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack>
                  {(r.statementHtml || !r.guidanceHtml) && (
                    <CatalogueText title="Statement" html={r.statementHtml} id="statement-heading" />
                  )}
                  {r.guidanceHtml && (
                    <CatalogueText title="Guidance" html={r.guidanceHtml} id="guidance-heading" />
                  )}
                  <ParametersCard params={r.params} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <ApplicabilityCard requirement={r} />
              </Grid.Col>
            </Grid>
            <RequirementControls requirement={r} />
            <RequirementMappings mappings={r.mappings} />
            <Attribution frameworkId={r.frameworkId} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
