import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { AuditDetail } from '../../../contracts/audits.js';
import { auditsApi, useAudit, useAuditChange } from '../../api/audits.js';
import { useSession } from '../../auth/session.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { Crumbs } from '../frameworks/crumbs.js';
import { AuditChecklist } from './audit-checklist.js';
import { CompleteModal } from './audit-dialogs.js';
import { AuditFindings } from './audit-findings.js';
import { AuditFormModal } from './audit-form.js';
import { AuditStatusBadge, auditTypeLabels } from './audit-labels.js';

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

function Scope({ audit }: { audit: AuditDetail }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="scope-heading">
      <Title order={2} size="h4" id="scope-heading" mb="xs">
        Scope
      </Title>
      <Stack gap={4}>
        <Fact label="Frameworks">{audit.frameworks.map((f) => f.name).join(', ') || '—'}</Fact>
        <Fact label="Services">{audit.services.map((s) => s.name).join(', ') || 'Whole organisation'}</Fact>
        {audit.conclusion && <Fact label="Conclusion">{audit.conclusion}</Fact>}
      </Stack>
    </Card>
  );
}

function Actions({ audit }: { audit: AuditDetail }) {
  const [completing, setCompleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const start = useAuditChange(() => auditsApi.setStatus(audit.id, { status: 'in-progress' }), {
    onSuccess: () => notifySuccess('Audit started'),
    onError: notifyError,
  });
  return (
    <>
      {audit.status !== 'completed' && (
        <Button variant="default" onClick={() => setEditing(true)}>
          Edit audit
        </Button>
      )}
      {audit.status === 'planned' && (
        <Button loading={start.isPending} onClick={() => start.mutate()}>
          Start audit
        </Button>
      )}
      {audit.status === 'in-progress' && <Button onClick={() => setCompleting(true)}>Complete audit</Button>}
      {completing && <CompleteModal audit={audit} onClose={() => setCompleting(false)} />}
      {editing && <AuditFormModal audit={audit} onClose={() => setEditing(false)} />}
    </>
  );
}

export function AuditPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const audit = useAudit(id);
  const a = audit.data;
  return (
    <QueryState loading={audit.isLoading} error={audit.error}>
      {a && (
        <>
          <Crumbs trail={[['/audits', 'Audits']]} current={a.title} />
          <PageHeader title={a.title} actions={can('audits.manage') && <Actions audit={a} />} />
          <Stack>
            <Group gap="lg" data-testid="audit-facts">
              <AuditStatusBadge status={a.status} />
              <Fact label="Type">{auditTypeLabels[a.type]}</Fact>
              <Fact label="Planned">{`${a.plannedStart} – ${a.plannedEnd}`}</Fact>
              <Fact label="Auditor">
                {[a.leadAuditorName, a.externalAuditor].filter(Boolean).join(' · ')}
              </Fact>
              {a.programmeYear && <Fact label="Programme">{String(a.programmeYear)}</Fact>}
            </Group>
            <Scope audit={a} />
            <AuditFindings audit={a} />
            <AuditChecklist audit={a} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}
