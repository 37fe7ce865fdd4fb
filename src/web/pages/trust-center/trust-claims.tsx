import { Alert, Card, List, Table, Text } from '@mantine/core';
import { useClaims } from '../../api/trust-center.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge } from '../../ui/StatusBadge.js';
import { ClaimPositionsForm } from './trust-claim-positions.js';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** Claims that fail, and why, named by the records that contradict them: shown above every trust-center tab. */
export function FailingClaimsAlert() {
  const claims = useClaims();
  const failing = claims.data?.claims.filter((c) => !c.holds) ?? [];
  if (failing.length === 0) return null;
  return (
    <Alert
      color="red"
      title={`${failing.length} claim(s) do not hold and are withheld from the public pages`}
      mb="md"
    >
      <List size="sm">
        {failing.map((c) => (
          <List.Item key={c.key}>
            Claim {c.key} contradicted: {c.problems.join('; ')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function ClaimsPanel({ manage }: { manage: boolean }) {
  const claims = useClaims();
  return (
    <>
      {manage && claims.data && <ClaimPositionsForm claims={claims.data.claims} />}
      <Card withBorder padding="lg">
        <Text size="sm" mb="md">
          Every public statement is checked against the records each time the trust center is shown. A claim
          that fails is withheld (or its true state shown) and every FAQ answer resting on it is held.
        </Text>
        <QueryState loading={claims.isLoading} error={claims.error}>
          <Table aria-label="Claims">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Claim</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Evidence</Table.Th>
                <Table.Th>Last verified</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {claims.data?.claims.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {c.statement}
                    </Text>
                    {c.problems.map((p) => (
                      <Text key={p} size="sm" c="red.8">
                        {p}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge color={c.holds ? 'teal' : 'red'}>{c.holds ? 'Holds' : 'Fails'}</StatusBadge>
                  </Table.Td>
                  <Table.Td>{c.rule}</Table.Td>
                  <Table.Td>
                    {c.evidence.join('; ') || '—'}
                    {c.evidenceDate ? ` (evidence of ${day(c.evidenceDate)})` : ''}
                  </Table.Td>
                  <Table.Td>{day(c.lastVerifiedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </QueryState>
      </Card>
    </>
  );
}
