import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { Organization } from '../../../contracts/organization.js';
import { fieldErrors } from '../../api/client.js';
import { useOrganization, useUpdateOrganization } from '../../api/organization.js';
import { useSession } from '../../auth/session.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { LocationsCard, ServicesCard } from './organization-tables.js';

function ProfileForm({ org }: { org: Organization }) {
  const { can } = useSession();
  const [name, setName] = useState(org.name);
  const [contact, setContact] = useState(org.securityContactEmail ?? '');
  useEffect(() => {
    setName(org.name);
    setContact(org.securityContactEmail ?? '');
  }, [org]);
  const save = useUpdateOrganization({
    onSuccess: () => {
      notifySuccess('Organisation profile saved');
    },
    onError: notifyError,
  });
  const errors = fieldErrors(save.error);
  const readOnly = !can('organization.manage');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name, securityContactEmail: contact || null });
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        Profile
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={560}>
          <TextInput
            label="Organisation name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            readOnly={readOnly}
            error={errors.name}
            required
          />
          <TextInput
            label="Security contact e-mail"
            description="Where customers and researchers report security issues"
            type="email"
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            readOnly={readOnly}
            error={errors.securityContactEmail}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save profile
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

export function OrganizationPage() {
  const org = useOrganization();
  return (
    <>
      <PageHeader title="Organisation" description="Who you are, where you run, and what you offer." />
      <QueryState loading={org.isLoading} error={org.error}>
        {org.data && (
          <Stack>
            <ProfileForm org={org.data} />
            <LocationsCard locations={org.data.locations} />
            <ServicesCard services={org.data.services} locations={org.data.locations} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
