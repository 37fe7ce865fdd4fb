import { Button, Checkbox, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AutoApprovalRule } from '../../../contracts/trust-documents.js';
import { fieldErrors } from '../../api/client.js';
import {
  useAddAutoApprovalRule,
  useAutoApprovalRules,
  useRemoveAutoApprovalRule,
} from '../../api/trust-documents.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

function AddRule() {
  const [domain, setDomain] = useState('');
  const [onRequest, setOnRequest] = useState(true);
  const [nda, setNda] = useState(false);
  const [days, setDays] = useState<number | string>(30);
  const add = useAddAutoApprovalRule({
    onSuccess: (_rule, input) => {
      notifySuccess(`Requests from ${input.domain} are approved automatically`);
      setDomain('');
    },
    onError: notifyError,
  });
  const errors = fieldErrors(add.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ domain, approvesOnRequest: onRequest, approvesNda: nda, expiresInDays: Number(days) });
      }}
    >
      <Group align="flex-end">
        <TextInput
          label="E-mail domain"
          placeholder="kund.example"
          value={domain}
          error={errors.domain}
          onChange={(e) => setDomain(e.currentTarget.value)}
        />
        <Checkbox
          label="On-request documents"
          checked={onRequest}
          onChange={(e) => setOnRequest(e.currentTarget.checked)}
        />
        <Checkbox
          label="NDA documents (after the NDA)"
          checked={nda}
          onChange={(e) => setNda(e.currentTarget.checked)}
        />
        <NumberInput label="Access days" w={110} min={1} max={365} value={days} onChange={setDays} />
        <Button type="submit" loading={add.isPending}>
          Add rule
        </Button>
      </Group>
    </form>
  );
}

function RemoveRule({ rule }: { rule: AutoApprovalRule }) {
  const remove = useRemoveAutoApprovalRule(rule.id, {
    onSuccess: () => notifySuccess(`Rule for ${rule.domain} removed`),
    onError: notifyError,
  });
  return (
    <Button size="xs" variant="light" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
      Remove rule for {rule.domain}
    </Button>
  );
}

export function RulesPanel({ manage }: { manage: boolean }) {
  const rules = useAutoApprovalRules();
  return (
    <Stack>
      <Text size="sm">
        A confirmed request from a listed domain is approved without staff when the rule covers every access
        level it asks for; NDA documents still need the NDA accepted first.
      </Text>
      <QueryState loading={rules.isLoading} error={rules.error}>
        <Table aria-label="Auto-approval rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Domain</Table.Th>
              <Table.Th>Approves</Table.Th>
              <Table.Th>Access days</Table.Th>
              {manage && <Table.Th>Action</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.domain}</Table.Td>
                <Table.Td>
                  {[r.approvesOnRequest && 'On request', r.approvesNda && 'NDA required']
                    .filter(Boolean)
                    .join(', ')}
                </Table.Td>
                <Table.Td>{r.expiresInDays}</Table.Td>
                {manage && (
                  <Table.Td>
                    <RemoveRule rule={r} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
      {manage && <AddRule />}
    </Stack>
  );
}
