import { Anchor, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlayerPlay } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Check } from '../../../contracts/checks.js';
import { useCheck, useDeleteCheck, useRunCheck } from '../../api/checks.js';
import { useSession } from '../../auth/session.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { CheckFormModal } from './check-form.js';
import { CheckResults } from './check-results.js';
import { CheckStatusBadge, checkKindLabels, describeConfig } from './check-ui.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

function Facts({ check }: { check: Check }) {
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Group gap="lg">
          <CheckStatusBadge status={check.status} />
          <Fact label="Kind">{checkKindLabels[check.kind]}</Fact>
          <Fact label="Owner">{check.owner?.name ?? 'Nobody'}</Fact>
          <Fact label="Last run">{dateTime(check.lastRunAt, 'never')}</Fact>
          <Fact label="Next run">{check.schedule ? dateTime(check.nextRunAt) : 'on demand'}</Fact>
        </Group>
        <Fact label="Tests">{describeConfig(check)}</Fact>
        <Fact label="Schedule">{check.schedule ? <Code>{check.schedule}</Code> : 'none'} (UTC)</Fact>
        <Fact label="Results count as evidence for">{check.evidenceValidityDays} day(s)</Fact>
        <Fact label="Controls">
          {check.controls.length
            ? check.controls.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={`/controls/${c.id}`} size="sm">
                    {c.ref}
                  </Anchor>
                </span>
              ))
            : 'none'}
        </Fact>
        {check.description && <Text size="sm">{check.description}</Text>}
      </Stack>
    </Card>
  );
}

function PushHelp({ check }: { check: Check }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="push-heading">
      <Title order={2} size="h4" id="push-heading" mb="xs">
        Push results from CI
      </Title>
      <Text size="sm" mb="xs">
        Create an API token with the checks.report scope under Account, then in your pipeline:
      </Text>
      <Code block className="wrap-anywhere">
        {`TILLIT_TOKEN=tlt_… tillit evidence push --url ${window.location.origin} --check ${check.id} --outcome pass --summary "Restore test passed"`}
      </Code>
    </Card>
  );
}

function Actions({ check, onEdit }: { check: Check; onEdit: () => void }) {
  const { can } = useSession();
  const navigate = useNavigate();
  const run = useRunCheck(check.id, {
    onSuccess: (r) => {
      notifySuccess(`${r.outcome === 'pass' ? 'Passed' : 'Failed'}: ${r.summary}`);
    },
    onError: notifyError,
  });
  const remove = useDeleteCheck(check.id, {
    onSuccess: () => {
      notifySuccess(`Check “${check.name}” deleted`);
      navigate('/checks');
    },
    onError: notifyError,
  });
  return (
    <>
      {can('checks.report') && (
        <Button
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={run.isPending}
          onClick={() => run.mutate()}
        >
          Run now
        </Button>
      )}
      {can('checks.manage') && (
        <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={onEdit}>
          Edit
        </Button>
      )}
      {can('checks.manage') && (
        <DeleteButton
          title={`Delete “${check.name}”?`}
          message="The check stops running. Its results stay as evidence; its open task is cancelled."
          confirmLabel="Delete check"
          onConfirm={() => remove.mutate()}
          busy={remove.isPending}
        />
      )}
    </>
  );
}

export function CheckPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const check = useCheck(id);
  const c = check.data;
  return (
    <>
      <Anchor component={Link} to="/checks" size="sm">
        ← Checks
      </Anchor>
      <PageHeader
        title={c?.name ?? 'Check'}
        actions={c && <Actions check={c} onEdit={() => setEditing(true)} />}
      />
      <QueryState loading={check.isLoading} error={check.error}>
        {c && (
          <Stack>
            <Facts check={c} />
            {c.kind === 'ci-push' && <PushHelp check={c} />}
            <CheckResults checkId={c.id} />
          </Stack>
        )}
      </QueryState>
      {editing && c && <CheckFormModal check={c} onClose={() => setEditing(false)} />}
    </>
  );
}
