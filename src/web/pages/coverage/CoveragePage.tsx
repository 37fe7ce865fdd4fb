import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { ServiceScopeSelect } from '../frameworks/soa-export.js';
import { CoverageCard } from './coverage-card.js';
import { useCoverage, useServiceParam } from './use-coverage.js';

export function CoveragePage() {
  const { can } = useSession();
  const [serviceId, setServiceId] = useServiceParam();
  const coverage = useCoverage(serviceId);
  return (
    <>
      <PageHeader
        title="Coverage"
        description="How far each framework is met: decisions, controls, implementation and evidence."
        actions={<ServiceScopeSelect label="Service" value={serviceId} onChange={setServiceId} />}
      />
      <QueryState loading={coverage.isLoading} error={coverage.error}>
        {coverage.data?.length === 0 ? (
          <Card withBorder padding="lg">
            <Text>
              No framework is installed yet.{' '}
              {can('frameworks.manage') && (
                <Anchor component={Link} to="/frameworks">
                  Install one from the library
                </Anchor>
              )}
            </Text>
          </Card>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {coverage.data?.map((c) => (
              <CoverageCard key={c.frameworkId} coverage={c} serviceId={serviceId} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}
