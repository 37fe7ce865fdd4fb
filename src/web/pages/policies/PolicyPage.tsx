import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { PolicyDetail } from '../../../contracts/policies.js';
import { policiesApi, usePolicy, usePolicyChange } from '../../api/policies.js';
import { useSession } from '../../auth/session.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { Crumbs } from '../frameworks/crumbs.js';
import { ServerHtml } from '../frameworks/server-html.js';
import { CampaignPanel } from './policy-campaigns.js';
import { OpenVersionPanel } from './policy-draft.js';
import { EditPolicyButton } from './policy-form.js';
import { VersionHistory } from './policy-history.js';
import { classificationLabels, kindLabels, OverdueBadge, VersionStatusBadge } from './policy-labels.js';

function Facts({ policy }: { policy: PolicyDetail }) {
  const fact = (label: string, value: string) => (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {value}
    </Text>
  );
  return (
    <Group gap="lg" data-testid="policy-facts">
      {policy.publishedNumber !== null && (
        <VersionStatusBadge status="published" number={policy.publishedNumber} />
      )}
      {fact('Kind', kindLabels[policy.kind])}
      {fact('Classification', classificationLabels[policy.classification])}
      {fact('Owner', policy.ownerName)}
      {fact('Review every', `${policy.reviewIntervalMonths} months`)}
      {fact('Next review', policy.nextReviewOn ?? 'after publishing')}
      {policy.overdue && <OverdueBadge />}
    </Group>
  );
}

function Acknowledge({ policy }: { policy: PolicyDetail }) {
  const number = policy.publishedNumber;
  const accept = usePolicyChange(() => policiesApi.acknowledge(policy.id, number), {
    onSuccess: () => notifySuccess(`You accepted version ${number} of “${policy.title}”`),
    onError: notifyError,
  });
  if (policy.myAcknowledgedAt) {
    return (
      <Alert color="teal" role="status">
        You read and accepted version {number} on {dateTime(policy.myAcknowledgedAt)}.
      </Alert>
    );
  }
  return (
    <Group>
      <Button onClick={() => accept.mutate()} loading={accept.isPending}>
        I have read and accept version {number}
      </Button>
    </Group>
  );
}

function Published({ policy }: { policy: PolicyDetail }) {
  const { can } = useSession();
  const v = policy.published;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="published-heading">
      <Title order={2} size="h4" id="published-heading" mb="xs">
        {v ? `Published version ${v.number}` : 'Not published yet'}
      </Title>
      {v ? (
        <Stack>
          <Text size="sm" c="dimmed">
            Published {dateTime(v.publishedAt)}; approved by {v.approverName ?? '—'}
            {v.changeSummary ? ` — ${v.changeSummary}` : ''}
          </Text>
          <div data-testid="published-body">
            <ServerHtml html={v.bodyHtml} />
          </div>
          {can('policies.acknowledge') && <Acknowledge policy={policy} />}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Once a version is approved and published, it is shown here.
        </Text>
      )}
    </Card>
  );
}

function NewDraft({ policy }: { policy: PolicyDetail }) {
  const start = usePolicyChange(
    () => policiesApi.startDraft(policy.id, { body: policy.published?.body ?? '', changeSummary: '' }),
    { onSuccess: () => notifySuccess('New draft started from the published text'), onError: notifyError },
  );
  return (
    <Button variant="light" onClick={() => start.mutate()} loading={start.isPending}>
      Start a new version
    </Button>
  );
}

export function PolicyPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const policy = usePolicy(id);
  const p = policy.data;
  return (
    <>
      <Crumbs trail={[['/policies', 'Policies']]} current={p?.title ?? '…'} />
      <PageHeader
        title={p?.title ?? 'Document'}
        actions={
          p &&
          can('policies.manage') && (
            <>
              <EditPolicyButton policy={p} />
              {!p.open && <NewDraft policy={p} />}
            </>
          )
        }
      />
      <QueryState loading={policy.isLoading} error={policy.error}>
        {p && (
          <Stack>
            <Facts policy={p} />
            {/* Staff read what is published; the version in the works is for its writers and approvers. */}
            {p.open && (can('policies.manage') || can('policies.approve')) && (
              <OpenVersionPanel policy={p} version={p.open} />
            )}
            <Published policy={p} />
            {p.publishedNumber !== null && <CampaignPanel policy={p} />}
            <VersionHistory documentId={p.id} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
