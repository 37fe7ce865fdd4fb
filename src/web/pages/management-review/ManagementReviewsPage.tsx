import { Anchor, Button, Card, Group, MultiSelect, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ReviewStatus } from '../../../contracts/management-review.js';
import { fieldErrors } from '../../api/client.js';
import { useCreateReview, useReviews } from '../../api/management-review.js';
import { useSession } from '../../auth/session.js';
import { FormAlert } from '../../ui/FormAlert.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';
import { ownerOptions, useOwners } from '../../ui/use-directory.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';

const PAGE_SIZE = 50;
const reviewStatusLabels: Record<ReviewStatus, string> = {
  planned: 'Planned',
  assembled: 'Report assembled',
  closed: 'Closed',
};
const reviewStatusColors: Record<ReviewStatus, StatusColor> = {
  planned: 'gray',
  assembled: 'yellow',
  closed: 'teal',
};
const today = () => new Date().toISOString().slice(0, 10);

function CreateReview() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ title: '', periodFrom: '', periodTo: today(), meetingDate: today() });
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const people = useOwners();
  const create = useCreateReview({
    onSuccess: (r) => {
      navigate(`/management-reviews/${r.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const field = (key: keyof typeof form, label: string, type = 'date') => (
    <TextInput
      label={label}
      type={type}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      error={errors[key]}
    />
  );
  return (
    <Card withBorder padding="lg" mb="md">
      <Stack>
        <FormAlert error={create.error} />
        <Group align="flex-end">
          {field('title', 'Title', 'text')}
          {field('periodFrom', 'Period from')}
          {field('periodTo', 'Period to')}
          {field('meetingDate', 'Meeting date')}
          {people && (
            <MultiSelect
              label="Attendees"
              data={ownerOptions(people)}
              value={attendeeIds}
              onChange={setAttendeeIds}
              searchable
              error={errors.attendeeIds}
              miw={220}
            />
          )}
          <Button loading={create.isPending} onClick={() => create.mutate({ ...form, attendeeIds })}>
            Plan review
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ManagementReviewsPage() {
  const { can } = useSession();
  const {
    values: { page },
    setPage,
  } = useListParams({ page: listParam.page() });
  const reviews = useReviews({ page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Management reviews"
        description="Reviews of the management system by top management, with a report assembled from the programme's data."
      />
      {can('management-reviews.manage') && <CreateReview />}
      <QueryState loading={reviews.isLoading} error={reviews.error}>
        <Table striped aria-label="Management reviews">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Review</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th>Meeting</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviews.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/management-reviews/${r.id}`}>
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {r.periodFrom} – {r.periodTo}
                </Table.Td>
                <Table.Td>{r.meetingDate}</Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status} labels={reviewStatusLabels} colors={reviewStatusColors} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <PageControls page={page} pageSize={PAGE_SIZE} total={reviews.data?.total} onChange={setPage} />
      </QueryState>
    </>
  );
}
