import { Alert, Badge, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useVerification } from '../../api/audit-log.js';
import { count } from '../../ui/format.js';
import { QueryState } from '../../ui/QueryState.js';

/** The server recomputes the Merkle tree over every event and checks the signed checkpoints. */
/** Dark shades on the light scheme, light ones on the dark, so the verdict stays above 4.5:1 in both. */
const ok = 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))';
const bad = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))';

/** Verification result, tree size, checkpoints and root hash of the audit log. */
export function IntegritySummary() {
  const v = useVerification();
  return (
    <QueryState loading={v.isLoading} error={v.error}>
      {v.data && (
        <Stack gap="xs" aria-live="polite">
          <Group gap="xs">
            {v.data.ok ? (
              <IconShieldCheck color="var(--mantine-color-teal-8)" aria-hidden />
            ) : (
              <IconAlertTriangle color="var(--mantine-color-red-8)" aria-hidden />
            )}
            <Text fw={600} c={v.data.ok ? ok : bad} data-testid="integrity-status">
              {v.data.ok
                ? 'The log is intact'
                : `The log failed verification: ${count(v.data.problems.length, 'problem')}`}
            </Text>
          </Group>
          <Group gap="xs">
            <Badge variant="light" color="gray" tt="none">
              Tree size {v.data.treeSize}
            </Badge>
            <Badge variant="light" color="gray" tt="none">
              {count(v.data.checkpointsVerified, 'signed checkpoint')} verified
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            Root hash (RFC 6962 Merkle tree, SHA-256)
          </Text>
          <Code block className="wrap-anywhere" data-testid="root-hash">
            {v.data.rootHash}
          </Code>
          {v.data.problems.map((p) => (
            <Alert key={p} color="red" role="alert">
              {p}
            </Alert>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
