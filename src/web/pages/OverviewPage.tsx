import { Badge, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { AuditVerification } from '../../contracts/audit.js';
import type { Organization } from '../../contracts/organization.js';
import type { Page } from '../../contracts/paging.js';
import type { User } from '../../contracts/users.js';
import { api } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { PageHeader } from '../ui/PageHeader.js';
import { QueryState } from '../ui/QueryState.js';

function Stat({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <Card withBorder padding="lg">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4}>
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

function IntegrityCard() {
  const q = useQuery({
    queryKey: ['audit-verification'],
    queryFn: () => api.get<AuditVerification>('/api/audit-log/verification'),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Audit log integrity
      </Title>
      <QueryState loading={q.isLoading} error={q.error}>
        {q.data && (
          <Stack gap="xs">
            <Group gap="xs">
              {q.data.ok ? (
                <IconShieldCheck color="var(--mantine-color-teal-6)" aria-hidden />
              ) : (
                <IconAlertTriangle color="var(--mantine-color-red-6)" aria-hidden />
              )}
              <Text fw={600} c={q.data.ok ? 'teal.9' : 'red.9'}>
                {q.data.ok ? 'Intact' : `${q.data.problems.length} problem(s) found`}
              </Text>
            </Group>
            <Text size="sm">
              {q.data.treeSize} events, {q.data.checkpointsVerified} signed checkpoint(s) verified
            </Text>
            <Code block className="wrap-anywhere">
              {q.data.rootHash}
            </Code>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

export function OverviewPage() {
  const { session, can } = useSession();
  const org = useQuery({
    queryKey: ['organization'],
    queryFn: () => api.get<Organization>('/api/organization'),
  });
  const users = useQuery({
    queryKey: ['users', 'count'],
    queryFn: () => api.get<Page<User>>('/api/users?pageSize=1'),
    enabled: can('users.read'),
  });
  return (
    <>
      <PageHeader
        title="Overview"
        description={`Welcome, ${session?.user.name ?? ''}. This is where ${session?.organization.name ?? 'your organisation'} stands.`}
      />
      <QueryState loading={org.isLoading} error={org.error}>
        {org.data && (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
              {can('users.read') && (
                <Stat label="People" value={users.data?.total ?? '…'} hint="with access to Tillit" />
              )}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder padding="lg">
                <Title order={2} size="h4" mb="sm">
                  Data centres
                </Title>
                <Stack gap={6}>
                  {org.data.locations.map((l) => (
                    <Group key={l.id} justify="space-between">
                      <Text size="sm">
                        <b>{l.code}</b> {l.name}
                      </Text>
                      <Badge variant="light">
                        {l.city}, {l.country}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              </Card>
              {can('audit.read') && <IntegrityCard />}
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
