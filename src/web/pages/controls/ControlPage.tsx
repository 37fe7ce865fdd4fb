import { Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import type { ControlDetail } from '../../../contracts/controls.js';
import { useControl, useDeleteControl } from '../../api/controls.js';
import { useSession } from '../../auth/session.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { ControlEvidencePanel } from '../evidence/ControlEvidencePanel.js';
import { Crumbs } from '../frameworks/crumbs.js';
import { ServerHtml } from '../frameworks/server-html.js';
import { ControlEditForm } from './control-edit.js';
import { ControlRequirements } from './control-requirements.js';
import { ControlStatusBadge, EvidenceBadge, FailingBadge } from './control-status.js';

function Facts({ control }: { control: ControlDetail }) {
  return (
    <Group gap="lg" data-testid="control-facts">
      <ControlStatusBadge status={control.status} />
      <EvidenceBadge state={control.evidenceState} />
      {control.failing && <FailingBadge />}
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          Owner:{' '}
        </Text>
        {control.ownerName ?? 'Nobody yet'}
      </Text>
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          Scope:{' '}
        </Text>
        {control.serviceName ?? 'Baseline (organisation-wide)'}
      </Text>
      <Text size="sm" c="dimmed">
        Updated {dateTime(control.updatedAt)}
      </Text>
    </Group>
  );
}

function Statement({ control }: { control: ControlDetail }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="statement-heading" h="100%">
      <Title order={2} size="h4" id="statement-heading" mb="sm">
        Implementation statement
      </Title>
      {control.implementationHtml ? (
        <ServerHtml html={control.implementationHtml} />
      ) : (
        <Text c="dimmed" size="sm">
          No implementation statement yet.
        </Text>
      )}
    </Card>
  );
}

function DeleteControl({ control }: { control: ControlDetail }) {
  const navigate = useNavigate();
  const remove = useDeleteControl(control.id, {
    onSuccess: () => {
      notifySuccess(`Control ${control.ref} deleted`);
      navigate('/controls');
    },
    onError: notifyError,
  });
  return (
    <DeleteButton
      title={`Delete ${control.ref}?`}
      message="The control, its mappings to requirements and its link to evidence are removed. The audit log keeps a record."
      confirmLabel="Delete control"
      onConfirm={() => remove.mutate()}
      busy={remove.isPending}
    />
  );
}

export function ControlPage() {
  const { id = '' } = useParams();
  const { session, can } = useSession();
  const control = useControl(id);
  const c = control.data;
  const editable =
    can('controls.manage') || (can('controls.edit-own') && !!c?.ownerId && c.ownerId === session?.user.id);
  return (
    <>
      <Crumbs trail={[['/controls', 'Controls']]} current={c?.ref ?? '…'} />
      <PageHeader
        title={c ? `${c.ref} ${c.title}` : 'Control'}
        actions={c && can('controls.manage') && <DeleteControl control={c} />}
      />
      <QueryState loading={control.isLoading} error={control.error}>
        {c && (
          <Stack>
            <Facts control={c} />
            <Grid>
              {editable && (
                <Grid.Col span={{ base: 12, lg: 7 }}>
                  <ControlEditForm control={c} />
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 12, lg: editable ? 5 : 12 }}>
                <Statement control={c} />
              </Grid.Col>
            </Grid>
            <ControlRequirements control={c} editable={editable} />
            <ControlEvidencePanel controlId={c.id} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
