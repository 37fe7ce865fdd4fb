import { Anchor, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { LibraryFramework } from '../../../contracts/frameworks.js';
import { useFrameworkLibrary, useInstallFramework } from '../../api/frameworks.js';
import { count } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';
import { StatusBadge } from '../../ui/StatusBadge.js';

function LibraryEntry({ entry }: { entry: LibraryFramework }) {
  const install = useInstallFramework({
    onSuccess: (f) => {
      notifySuccess(`${f.name} installed with ${count(f.requirementCount, 'requirement')}`);
    },
    onError: notifyError,
  });
  const headingId = `library-${entry.key}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={3} size="h5" id={headingId}>
          {entry.name}
        </Title>
        {entry.installedFrameworkId && <StatusBadge color="teal">Installed</StatusBadge>}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {[entry.version, count(entry.requirementCount, 'requirement')].filter(Boolean).join(' · ')}
      </Text>
      <Text size="sm" mb="md" style={{ flexGrow: 1 }}>
        {entry.description}
      </Text>
      {entry.installedFrameworkId ? (
        <Anchor component={Link} to={`/frameworks/${entry.installedFrameworkId}`} size="sm">
          Open {entry.name}
        </Anchor>
      ) : (
        <Group>
          <Button
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={install.isPending}
            onClick={() => install.mutate(entry.key)}
            aria-label={`Install ${entry.name}`}
          >
            Install
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function FrameworkLibrary() {
  const library = useFrameworkLibrary();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="framework-library">
      <Title order={2} size="h4" id="framework-library">
        Library
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Catalogues that ship with Tillit, with Tillit's own short titles and guidance.
      </Text>
      <QueryState loading={library.isLoading} error={library.error}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {library.data?.map((entry) => (
            <LibraryEntry key={entry.key} entry={entry} />
          ))}
        </SimpleGrid>
      </QueryState>
    </Card>
  );
}
