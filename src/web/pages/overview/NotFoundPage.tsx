import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTitle } from '../../ui/use-title.js';

export function NotFoundPage() {
  useTitle('Not found');
  return (
    <Stack align="flex-start">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text c="dimmed">There is nothing at this address. It may have moved, or the link is mistyped.</Text>
      <Button component={Link} to="/" variant="light">
        Go to the overview
      </Button>
    </Stack>
  );
}
