import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { PolicyDetail, PolicyVersion } from '../../../contracts/policies.js';
import { fieldErrors } from '../../api/client.js';
import { type PolicyStep, policiesApi, usePolicyChange } from '../../api/policies.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { ServerHtml } from '../frameworks/server-html.js';
import { VersionStatusBadge } from './policy-labels.js';

function DraftEditor({ policy, version }: { policy: PolicyDetail; version: PolicyVersion }) {
  const [body, setBody] = useState(version.body);
  const [summary, setSummary] = useState(version.changeSummary);
  const save = usePolicyChange(
    () => policiesApi.saveDraft(policy.id, version.number, { body, changeSummary: summary }),
    { onSuccess: () => notifySuccess(`Draft of version ${version.number} saved`) },
  );
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert error={save.error} />
        <TextInput
          label="Change summary"
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.changeSummary}
        />
        <Textarea
          label="Text (Markdown)"
          autosize
          minRows={8}
          maxRows={24}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function useStep(policy: PolicyDetail, version: PolicyVersion) {
  return usePolicyChange((step: PolicyStep) => policiesApi.step(policy.id, version.number, step), {
    onSuccess: (_d, step) => {
      const done = { submit: 'submitted for review', approve: 'approved', publish: 'published' }[step];
      notifySuccess(`Version ${version.number} ${done}`);
    },
    onError: notifyError,
  });
}

function ReturnForm({ policy, version }: { policy: PolicyDetail; version: PolicyVersion }) {
  const [reason, setReason] = useState('');
  const back = usePolicyChange(() => policiesApi.returnToDraft(policy.id, version.number, reason), {
    onSuccess: () => notifySuccess(`Version ${version.number} returned to draft`),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        back.mutate();
      }}
      noValidate
    >
      <Group align="flex-end">
        <TextInput
          label="Reason for returning"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldErrors(back.error).reason ?? (back.error ? String(back.error.message) : undefined)}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="default" loading={back.isPending}>
          Return to draft
        </Button>
      </Group>
    </form>
  );
}

function Workflow({ policy, version }: { policy: PolicyDetail; version: PolicyVersion }) {
  const { can, session } = useSession();
  const step = useStep(policy, version);
  const mine = version.authorId !== null && version.authorId === session?.user.id;
  return (
    <Stack gap="xs">
      <Group>
        {version.status === 'draft' && can('policies.manage') && (
          <Button onClick={() => step.mutate('submit')} loading={step.isPending}>
            Submit for review
          </Button>
        )}
        {version.status === 'in-review' && can('policies.approve') && (
          <Button onClick={() => step.mutate('approve')} loading={step.isPending} disabled={mine}>
            Approve
          </Button>
        )}
        {version.status === 'approved' && can('policies.manage') && (
          <Button onClick={() => step.mutate('publish')} loading={step.isPending}>
            Publish version {version.number}
          </Button>
        )}
      </Group>
      {version.status === 'in-review' && can('policies.approve') && mine && (
        <Text size="sm" c="dimmed">
          You wrote this version, so another approver must approve it (four eyes).
        </Text>
      )}
      {version.status === 'in-review' && can('policies.approve') && (
        <ReturnForm policy={policy} version={version} />
      )}
    </Stack>
  );
}

/** The version being worked on: editor while it is a draft, then the review and publishing steps. */
export function OpenVersionPanel({ policy, version }: { policy: PolicyDetail; version: PolicyVersion }) {
  const { can } = useSession();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="open-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="open-heading">
          Version {version.number} in the works
        </Title>
        <VersionStatusBadge status={version.status} />
      </Group>
      <Stack>
        {version.authorName && (
          <Text size="sm" c="dimmed">
            Written by {version.authorName}
            {version.approverName ? `; approved by ${version.approverName}` : ''}
            {version.changeSummary ? ` — ${version.changeSummary}` : ''}
          </Text>
        )}
        {version.status === 'draft' && can('policies.manage') && (
          <DraftEditor key={version.id} policy={policy} version={version} />
        )}
        <div data-testid="draft-preview">
          <Title order={3} size="h5" mb={4}>
            Preview
          </Title>
          {version.bodyHtml ? <ServerHtml html={version.bodyHtml} /> : <Text c="dimmed">No text yet.</Text>}
        </div>
        <Workflow policy={policy} version={version} />
      </Stack>
    </Card>
  );
}
