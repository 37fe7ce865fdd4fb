import { Anchor, Badge, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Framework } from '../../../contracts/frameworks.js';
import { useDeleteFramework, useFrameworks } from '../../api/frameworks.js';
import { useSession } from '../../auth/session.js';
import { DeleteButton } from '../../ui/DeleteButton.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

const sourceLabels: Record<Framework['source'], string> = {
  builtin: 'Built in',
  oscal: 'OSCAL import',
  custom: 'Custom',
};

function DeleteFramework({ framework }: { framework: Framework }) {
  const remove = useDeleteFramework(framework.id, {
    onSuccess: () => notifySuccess(`${framework.name} removed`),
    onError: notifyError,
  });
  return (
    <DeleteButton
      title={`Remove ${framework.name}?`}
      message={`Its ${framework.requirementCount} requirements, applicability decisions and the mappings of controls to them are removed. Controls themselves stay.`}
      confirmLabel="Remove framework"
      onConfirm={() => remove.mutate()}
      busy={remove.isPending}
      variant="icon"
      label={`Remove ${framework.name}`}
    />
  );
}

export function InstalledFrameworks() {
  const { can } = useSession();
  const manage = can('frameworks.manage');
  const frameworks = useFrameworks();
  const items = frameworks.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="installed-frameworks">
      <Title order={2} size="h4" mb="sm" id="installed-frameworks">
        Installed frameworks
      </Title>
      <QueryState loading={frameworks.isLoading} error={frameworks.error}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label="Installed frameworks" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Framework</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th ta="right">Requirements</Table.Th>
                <Table.Th>Source</Table.Th>
                {manage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/frameworks/${f.id}`} fw={600}>
                      {f.name}
                    </Anchor>
                    {f.publisher && (
                      <Text size="xs" c="dimmed">
                        {f.publisher}
                      </Text>
                    )}
                    {f.attribution && (
                      <Text size="xs" c="dimmed" mt={4} className="wrap-anywhere">
                        {f.attribution}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{f.version || '—'}</Table.Td>
                  <Table.Td ta="right">{f.requirementCount}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" tt="none" radius="sm" miw="max-content">
                      {sourceLabels[f.source]}
                    </Badge>
                  </Table.Td>
                  {manage && (
                    <Table.Td ta="right">
                      <DeleteFramework framework={f} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {items.length === 0 && (
          <Text c="dimmed" py="sm">
            No frameworks yet.{' '}
            {manage
              ? 'Install one from the library or import an OSCAL catalogue.'
              : 'Ask a compliance manager.'}
          </Text>
        )}
      </QueryState>
    </Card>
  );
}
