import { Anchor, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RiskDetail } from '../../../contracts/risks.js';
import { useApproveAcceptance, useDeleteRisk, useRisk, useRiskHistory } from '../../api/risks.js';
import { useSession } from '../../auth/session.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { ControlStatusBadge } from '../controls/control-status.js';
import { RiskFormModal } from './risk-form.js';
import { LevelBadge, statusLabels, treatmentLabels } from './risk-labels.js';
import { TreatmentModal } from './risk-treatment.js';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

function Assessment({ risk }: { risk: RiskDetail }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="assessment-heading" h="100%">
      <Title order={2} size="h4" id="assessment-heading" mb="sm">
        Assessment
      </Title>
      <Stack gap={6}>
        <Fact label="Threat">{risk.threat || '—'}</Fact>
        <Fact label="Vulnerability">{risk.vulnerability || '—'}</Fact>
        <Fact label="Inherent">
          <LevelBadge score={risk.inherent} /> likelihood {risk.inherent.likelihood} × impact{' '}
          {risk.inherent.impact}
        </Fact>
        <Fact label="Residual">
          <LevelBadge score={risk.residual} /> likelihood {risk.residual.likelihood} × impact{' '}
          {risk.residual.impact}
        </Fact>
        <Fact label="Assets">{risk.assets.map((a) => a.name).join(', ') || '—'}</Fact>
        {risk.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {risk.description}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Treatment({ risk }: { risk: RiskDetail }) {
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="treatment-heading"
      h="100%"
      data-testid="risk-treatment"
    >
      <Title order={2} size="h4" id="treatment-heading" mb="sm">
        Treatment
      </Title>
      <Stack gap={6}>
        <Fact label="Treatment">{risk.treatment ? treatmentLabels[risk.treatment] : 'Not treated yet'}</Fact>
        {risk.acceptance && (
          <Fact label={risk.acceptance.approvedAt ? 'Accepted by' : 'Awaiting approval by'}>
            {risk.acceptance.approver.name} until {risk.acceptance.expiresOn}
            {risk.acceptance.expired ? ' (expired)' : ''}
          </Fact>
        )}
        <ApproveAcceptance risk={risk} />
        {risk.transferTo && <Fact label="Transferred to">{risk.transferTo}</Fact>}
        <Title order={3} size="h5" mt="xs">
          Mitigating controls
        </Title>
        {risk.controls.length === 0 ? (
          <Text size="sm" c="dimmed">
            No controls linked.
          </Text>
        ) : (
          <Table aria-label="Mitigating controls">
            <Table.Tbody>
              {risk.controls.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {c.ref}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/controls/${c.id}`} size="sm">
                      {c.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ControlStatusBadge status={c.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** Names of the fields a change touched, as people call them. */
const fieldLabels: Record<string, string> = {
  ownerId: 'owner',
  assetIds: 'assets',
  controlIds: 'mitigating controls',
  inherentLikelihood: 'inherent likelihood',
  inherentImpact: 'inherent impact',
  residualLikelihood: 'residual likelihood',
  residualImpact: 'residual impact',
  acceptanceApproverId: 'approver',
  acceptanceExpiresOn: 'acceptance expiry',
  transferTo: 'transferred to',
  reviewDate: 'review date',
};

function History({ risk }: { risk: RiskDetail }) {
  const history = useRiskHistory(risk.id);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="sm">
        History
      </Title>
      <QueryState loading={history.isLoading} error={history.error}>
        <Stack gap={4}>
          {(history.data?.items ?? []).map((e) => (
            <Text size="sm" key={e.seq}>
              {dateTime(e.occurredAt)} · {e.actorName ?? 'Tillit'} · {historyVerbs[e.action] ?? 'changed'}{' '}
              {e.data.changes
                ? Object.keys(e.data.changes as object)
                    .map((k) => fieldLabels[k] ?? k)
                    .join(', ')
                : ''}
            </Text>
          ))}
        </Stack>
      </QueryState>
    </Card>
  );
}

const historyVerbs: Record<string, string> = {
  'risk.created': 'registered',
  'risk.acceptance-proposed': 'proposed acceptance',
  'risk.acceptance-approved': 'approved acceptance',
};

/** The approver named on a waiting acceptance approves it here; nobody else sees the button. */
function ApproveAcceptance({ risk }: { risk: RiskDetail }) {
  const { session } = useSession();
  const approve = useApproveAcceptance(risk.id, {
    onSuccess: () => {
      notifySuccess(`Acceptance of ${risk.ref} approved`);
    },
    onError: notifyError,
  });
  const acceptance = risk.acceptance;
  if (!acceptance || acceptance.approvedAt || acceptance.approver.id !== session?.user.id) return null;
  return (
    <Group>
      <Button size="xs" loading={approve.isPending} onClick={() => approve.mutate()}>
        Approve acceptance
      </Button>
    </Group>
  );
}

function DeleteRisk({ risk }: { risk: RiskDetail }) {
  const navigate = useNavigate();
  const remove = useDeleteRisk(risk.id, {
    onSuccess: () => {
      notifySuccess(`Risk ${risk.ref} deleted`);
      navigate('/risks');
    },
    onError: notifyError,
  });
  return (
    <DeleteButton
      title={`Delete ${risk.ref}?`}
      message="The risk and its links to assets and controls are removed. The audit log keeps a record."
      confirmLabel="Delete risk"
      onConfirm={() => remove.mutate()}
      busy={remove.isPending}
    />
  );
}

export function RiskPage() {
  const { id = '' } = useParams();
  const { session, can } = useSession();
  const [editing, setEditing] = useState<'risk' | 'treatment' | null>(null);
  const risk = useRisk(id);
  const r = risk.data;
  const mayEdit = !!r && (can('risks.manage') || (can('risks.edit-own') && r.owner?.id === session?.user.id));
  return (
    <QueryState loading={risk.isLoading} error={risk.error}>
      {r && (
        <>
          <PageHeader
            title={`${r.ref} ${r.title}`}
            actions={
              mayEdit && (
                <>
                  <Button
                    leftSection={<IconShieldCheck size={16} aria-hidden />}
                    onClick={() => setEditing('treatment')}
                  >
                    Treat
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconEdit size={16} aria-hidden />}
                    onClick={() => setEditing('risk')}
                  >
                    Edit
                  </Button>
                  {can('risks.manage') && <DeleteRisk risk={r} />}
                </>
              )
            }
          />
          <Group gap="lg" mb="md" data-testid="risk-facts">
            <Fact label="Status">{statusLabels[r.status]}</Fact>
            <Fact label="Owner">{r.owner?.name ?? 'Nobody yet'}</Fact>
            <Fact label="Next review">
              {r.reviewDate ?? 'Not planned'}
              {r.reviewOverdue ? ' — overdue' : ''}
            </Fact>
            <Anchor component={Link} to="/risks" size="sm">
              Back to the register
            </Anchor>
          </Group>
          <Grid mb="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Assessment risk={r} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Treatment risk={r} />
            </Grid.Col>
          </Grid>
          <History risk={r} />
          {editing === 'risk' && <RiskFormModal risk={r} onClose={() => setEditing(null)} />}
          {editing === 'treatment' && <TreatmentModal risk={r} onClose={() => setEditing(null)} />}
        </>
      )}
    </QueryState>
  );
}
