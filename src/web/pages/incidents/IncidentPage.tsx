import {
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { IncidentDetail, IncidentStatus, PublicStatus } from '../../../contracts/incidents.js';
import { incidentStatuses } from '../../../contracts/incidents.js';
import { useAddToTimeline, useIncident, useMoveIncident, usePublishIncident } from '../../api/incidents.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge } from '../../ui/StatusBadge.js';
import { categoryLabels, severityLabels, statusColors, statusLabels } from './incident-labels.js';
import { ReportsTable } from './incident-reports.js';
import { TriageForm } from './incident-triage.js';

/** What every change on this page does when it answers: say so, or show why not. */
const notify = (done: string) => ({ onSuccess: () => notifySuccess(done), onError: notifyError });

function AddToTimeline({ incident }: { incident: IncidentDetail }) {
  const [text, setText] = useState('');
  const add = useAddToTimeline(incident.id, notify('Added to the timeline'));
  return (
    <Group align="flex-end">
      <TextInput
        label="Add to the timeline"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      <Button disabled={!text.trim()} onClick={() => add.mutate({ text }, { onSuccess: () => setText('') })}>
        Add
      </Button>
    </Group>
  );
}

function PublishForm({ incident }: { incident: IncidentDetail }) {
  const [publicTitle, setTitle] = useState(incident.publicTitle || incident.title);
  const [publicStatus, setStatus] = useState<PublicStatus | null>(incident.publicStatus);
  const [update, setUpdate] = useState('');
  const publish = usePublishIncident(incident.id, notify('Status update published'));
  return (
    <Stack gap="xs">
      <TextInput label="Public title" value={publicTitle} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Select
        label="Public status"
        data={['investigating', 'identified', 'monitoring', 'resolved']}
        value={publicStatus}
        onChange={(v) => setStatus(v as PublicStatus | null)}
      />
      <Textarea
        label="Public update"
        autosize
        minRows={2}
        value={update}
        onChange={(e) => setUpdate(e.currentTarget.value)}
      />
      <FormAlert error={publish.error} />
      <Button
        w="fit-content"
        disabled={!update.trim()}
        onClick={() => publish.mutate({ published: true, publicTitle, publicStatus, update })}
      >
        Publish status update
      </Button>
    </Stack>
  );
}

export function IncidentPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const manage = can('incidents.manage');
  const incident = useIncident(id);
  const i = incident.data;
  const next: IncidentStatus | undefined = i
    ? incidentStatuses[incidentStatuses.indexOf(i.status) + 1]
    : undefined;
  const move = useMoveIncident(id, notify('Status changed'));
  return (
    <QueryState loading={incident.isLoading} error={incident.error}>
      {i && (
        <>
          <PageHeader
            title={`${i.ref} ${i.title}`}
            description={`${categoryLabels[i.category]} · ${severityLabels[i.severity]} · aware at ${dateTime(i.awareAt)}`}
            actions={
              <>
                <StatusBadge
                  size="lg"
                  status={i.status}
                  labels={statusLabels}
                  colors={statusColors}
                  data-testid="incident-status"
                />
                {manage && next && next !== 'triaged' && (
                  <Button onClick={() => move.mutate(next)}>
                    Move to {statusLabels[next].toLowerCase()}
                  </Button>
                )}
              </>
            }
          />
          <Stack>
            {i.description && <Text>{i.description}</Text>}
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                Reports and deadlines
              </Title>
              {i.significant !== null && (
                <Text mb="xs" size="sm">
                  {i.significant ? 'Significant incident under NIS2.' : 'Not significant under NIS2.'}
                </Text>
              )}
              <ReportsTable incident={i} manage={manage} />
            </Card>
            {manage && i.status !== 'closed' && (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  Triage
                </Title>
                <TriageForm incident={i} />
              </Card>
            )}
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                Timeline
              </Title>
              <Timeline bulletSize={12} lineWidth={2} mb="md">
                {i.timeline.map((e) => (
                  <Timeline.Item
                    key={e.id}
                    title={`${dateTime(e.happenedAt)} · ${e.kind}${e.author ? ` · ${e.author}` : ''}`}
                  >
                    <Text size="sm">{e.text}</Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              <AddToTimeline incident={i} />
            </Card>
            {manage && (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  Public status page
                </Title>
                <PublishForm incident={i} />
              </Card>
            )}
          </Stack>
        </>
      )}
    </QueryState>
  );
}
