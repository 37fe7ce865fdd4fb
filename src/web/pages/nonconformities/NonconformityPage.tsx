import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { NcDetail } from '../../../contracts/nonconformities.js';
import { useNonconformity } from '../../api/nonconformities.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { Crumbs } from '../frameworks/crumbs.js';
import { NcActions } from './nc-actions.js';
import { NcAnalysis, NextStep } from './nc-analysis.js';
import { NcStatusBadge, ncSourceLabels, SeverityBadge } from './nc-labels.js';
import { NcVerification } from './nc-verification.js';

function Facts({ nc }: { nc: NcDetail }) {
  return (
    <Group gap="lg" data-testid="nc-facts">
      <NcStatusBadge status={nc.status} />
      <SeverityBadge severity={nc.severity} />
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          Source:{' '}
        </Text>
        {ncSourceLabels[nc.source]}
        {nc.sourceRef && ` · ${nc.sourceRef}`}
      </Text>
      {nc.finding && (
        <Anchor component={Link} to={`/audits/${nc.finding.auditId}`} size="sm">
          Audit: {nc.finding.auditTitle}
        </Anchor>
      )}
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          Owner:{' '}
        </Text>
        {nc.ownerName ?? 'Nobody yet'}
      </Text>
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          Raised:{' '}
        </Text>
        {nc.raisedOn}
      </Text>
    </Group>
  );
}

export function NonconformityPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const nc = useNonconformity(id);
  const n = nc.data;
  const manage = can('nonconformities.manage');
  return (
    <QueryState loading={nc.isLoading} error={nc.error}>
      {n && (
        <>
          <Crumbs trail={[['/nonconformities', 'Nonconformities']]} current={n.ref} />
          <PageHeader
            title={`${n.ref} ${n.severity === 'major' ? 'Major' : 'Minor'} nonconformity`}
            actions={manage && <NextStep nc={n} />}
          />
          <Stack>
            <Facts nc={n} />
            <Card withBorder padding="lg" component="section" aria-labelledby="description-heading">
              <Title order={2} size="h4" id="description-heading" mb="xs">
                Description
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.description}
              </Text>
            </Card>
            <NcAnalysis
              key={`${n.rootCause}|${n.correction}|${n.ownerId}`}
              nc={n}
              editable={manage && n.status !== 'closed'}
            />
            <NcActions nc={n} />
            <NcVerification nc={n} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}
