import {
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Role, roles } from '../../../contracts/permissions.js';
import type { Campaign, CampaignInput, PolicyDetail } from '../../../contracts/policies.js';
import { fieldErrors } from '../../api/client.js';
import { policiesApi, useCampaignPeople, useCampaigns, usePolicyChange } from '../../api/policies.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';
import { OverdueBadge } from './policy-labels.js';

function StartCampaign({ policy }: { policy: PolicyDetail }) {
  const [audience, setAudience] = useState<'all' | 'roles'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState('');
  const start = usePolicyChange((input: CampaignInput) => policiesApi.startCampaign(policy.id, input), {
    onSuccess: (c) => notifySuccess(`Asked ${c.targeted} people to read version ${c.versionNumber}`),
  });
  const errors = fieldErrors(start.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({
      audience: audience === 'all' ? { type: 'all' } : { type: 'roles', roles: chosen as Role[] },
      dueOn,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Start an acknowledgement campaign">
      <Stack>
        <FormAlert error={start.error} />
        <Radio.Group
          label="Who must read it"
          value={audience}
          onChange={(v) => setAudience(v as 'all' | 'roles')}
        >
          <Group mt={4}>
            <Radio value="all" label="Everyone active" />
            <Radio value="roles" label="People with chosen roles" />
          </Group>
        </Radio.Group>
        {audience === 'roles' && (
          <MultiSelect
            label="Roles"
            data={[...roles]}
            value={chosen}
            onChange={setChosen}
            error={errors.audience}
          />
        )}
        <TextInput
          type="date"
          label="Due date"
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={errors.dueOn}
          required
        />
        <Group>
          <Button type="submit" loading={start.isPending}>
            Ask people to read version {policy.publishedNumber}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function People({ campaign }: { campaign: Campaign }) {
  const people = useCampaignPeople(campaign.id);
  return (
    <QueryState loading={people.isLoading} error={people.error}>
      <Table aria-label={`People asked to read version ${campaign.versionNumber}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Accepted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people.data?.items ?? []).map((p) => (
            <Table.Tr key={p.userId}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.role}</Table.Td>
              <Table.Td>
                {p.acknowledgedAt ? (
                  dateTime(p.acknowledgedAt)
                ) : p.overdue ? (
                  <OverdueBadge label="Overdue" />
                ) : (
                  'Not yet'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(people.data?.total ?? 0) > 200 && (
        <Text size="sm" c="dimmed">
          Showing the first 200 of {people.data?.total}.
        </Text>
      )}
    </QueryState>
  );
}

function CampaignFigures({ campaign }: { campaign: Campaign }) {
  const { can } = useSession();
  const remind = usePolicyChange(() => policiesApi.remind(campaign.id), {
    onSuccess: (r) => {
      notifySuccess(
        r.reminded ? `Reminded ${r.reminded} people` : 'Everyone pending was already reminded today',
      );
    },
    onError: notifyError,
  });
  const share = campaign.targeted ? (100 * campaign.acknowledged) / campaign.targeted : 0;
  return (
    <Stack gap="xs" data-testid={`campaign-${campaign.versionNumber}`}>
      <Group justify="space-between">
        <Text fw={600}>
          Version {campaign.versionNumber}: {campaign.acknowledged} of {campaign.targeted} accepted
        </Text>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Due {campaign.dueOn}
          </Text>
          {campaign.overdue && <OverdueBadge label="Past due" />}
          {!campaign.current && (
            <Badge variant="outline" color="gray" tt="none">
              Older version
            </Badge>
          )}
        </Group>
      </Group>
      <Progress value={share} aria-label={`${campaign.acknowledged} of ${campaign.targeted} accepted`} />
      {can('policies.manage') && campaign.current && campaign.acknowledged < campaign.targeted && (
        <Group>
          <Button size="xs" variant="light" onClick={() => remind.mutate()} loading={remind.isPending}>
            Remind people who have not accepted
          </Button>
        </Group>
      )}
      {can('policies.manage') && <People campaign={campaign} />}
    </Stack>
  );
}

export function CampaignPanel({ policy }: { policy: PolicyDetail }) {
  const { can } = useSession();
  const campaigns = useCampaigns(policy.id);
  const items = campaigns.data?.items ?? [];
  const hasCurrent = items.some((c) => c.current);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="campaigns-heading">
      <Title order={2} size="h4" id="campaigns-heading" mb="sm">
        Acknowledgements
      </Title>
      <QueryState loading={campaigns.isLoading} error={campaigns.error}>
        <Stack>
          {items.map((c) => (
            <CampaignFigures key={c.id} campaign={c} />
          ))}
          {items.length === 0 && (
            <Text size="sm" c="dimmed">
              Nobody has been asked to read this document yet.
            </Text>
          )}
          {can('policies.manage') && policy.publishedNumber !== null && !hasCurrent && (
            <StartCampaign policy={policy} />
          )}
        </Stack>
      </QueryState>
    </Card>
  );
}
