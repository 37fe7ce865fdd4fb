import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Organization } from '../../../contracts/organization.js';
import { useOrganization } from '../../api/organization.js';
import { useUserCount } from '../../api/users.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { IntegritySummary } from '../audit-log/audit-integrity.js';
import { CoverageSummary } from '../coverage/coverage-summary.js';
import { RiskSummary } from '../risks/risk-summary.js';

function Stat({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <Card withBorder padding="lg">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

function PeopleStat() {
  const users = useUserCount();
  return <Stat label="People" value={users.data?.total ?? '…'} hint="with access to Tillit" />;
}

function ProfileCard({ org }: { org: Organization }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Data centres
        </Title>
        <Anchor component={Link} to="/organization" size="sm">
          See the profile
        </Anchor>
      </Group>
      <Stack gap={8}>
        {org.locations.map((l) => (
          <Group key={l.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              <b>{l.code}</b> {l.name}
            </Text>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {l.city}, {l.country}
            </Text>
          </Group>
        ))}
        {org.locations.length === 0 && <Text c="dimmed">No locations yet.</Text>}
      </Stack>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="lg">
        Security contact
      </Text>
      <Text size="sm" data-testid="security-contact">
        {org.securityContactEmail ?? 'Not set'}
      </Text>
    </Card>
  );
}

export function OverviewPage() {
  const { session, can } = useSession();
  const org = useOrganization();
  const organization = session?.organization.name ?? 'your organisation';
  return (
    <>
      <PageHeader
        title="Overview"
        description={`Welcome, ${session?.user.name ?? ''}. This is where ${organization} stands.`}
      />
      <QueryState loading={org.isLoading} error={org.error}>
        {org.data && (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: can('users.read') ? 3 : 2 }}>
              <Stat
                label="Locations"
                value={org.data.locations.length}
                hint={org.data.locations.map((l) => l.code).join(', ')}
              />
              <Stat
                label="Services"
                value={org.data.services.length}
                hint={org.data.services.map((s) => s.name).join(', ')}
              />
              {can('users.read') && <PeopleStat />}
            </SimpleGrid>
            {can('frameworks.read') && <CoverageSummary />}
            {can('risks.read') && <RiskSummary />}
            <SimpleGrid cols={{ base: 1, md: can('audit.read') ? 2 : 1 }}>
              <ProfileCard org={org.data} />
              {can('audit.read') && (
                <Card withBorder padding="lg">
                  <Group justify="space-between" mb="sm">
                    <Title order={2} size="h4">
                      Audit log integrity
                    </Title>
                    <Anchor component={Link} to="/audit-log" size="sm">
                      See all events
                    </Anchor>
                  </Group>
                  <IntegritySummary />
                </Card>
              )}
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
