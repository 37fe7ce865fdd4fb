import { Alert, Button, Card, Group, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { NcDetail, VerificationResult } from '../../../contracts/nonconformities.js';
import { errorMessage } from '../../api/client.js';
import { nonconformitiesApi } from '../../api/nonconformities.js';
import { useSession } from '../../auth/session.js';
import { dateTime } from '../../ui/format.js';
import { useNcMutation } from './use-nc.js';

const resultLabels: Record<VerificationResult, string> = {
  effective: 'Effective',
  'not-effective': 'Not effective',
};

function VerifyForm({ nc }: { nc: NcDetail }) {
  const [result, setResult] = useState<VerificationResult>('effective');
  const [notes, setNotes] = useState('');
  const verify = useNcMutation(
    () => nonconformitiesApi.verify(nc.id, { result, notes }),
    (n) =>
      n.status === 'corrective-action' ? `${n.ref} is back in corrective action` : 'Verification recorded',
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate(undefined);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Verify effectiveness">
      <Stack gap="xs" mt="md">
        {verify.error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(verify.error)}
          </Alert>
        )}
        <NativeSelect
          label="Result"
          data={Object.entries(resultLabels).map(([value, label]) => ({ value, label }))}
          value={result}
          onChange={(e) => setResult(e.currentTarget.value as VerificationResult)}
        />
        <Textarea
          label="Verification notes"
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" variant="light" loading={verify.isPending}>
            Record verification
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NcVerification({ nc }: { nc: NcDetail }) {
  const { can } = useSession();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="verification-heading">
      <Title order={2} size="h4" id="verification-heading" mb="sm">
        Verification of effectiveness
      </Title>
      <Text size="sm" c="dimmed">
        Verified by someone who owns none of the corrective actions. Not effective sends the nonconformity
        back to corrective action.
      </Text>
      {nc.verifications.length > 0 && (
        <Table mt="sm" aria-label="Verifications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Result</Table.Th>
              <Table.Th>Notes</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nc.verifications.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{resultLabels[v.result]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v.notes}</Table.Td>
                <Table.Td>
                  {v.verifiedByName}, {dateTime(v.verifiedAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {nc.status === 'verification' && can('nonconformities.manage') && <VerifyForm nc={nc} />}
    </Card>
  );
}
