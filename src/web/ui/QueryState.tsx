import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.js';

/** Shows a loader while loading, the error if the query failed, otherwise the children. */
export function QueryState({
  loading,
  error,
  children,
}: {
  loading: boolean;
  error: unknown;
  children: ReactNode;
}) {
  if (loading) {
    return (
      <Center py="xl">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (error) {
    return (
      <Alert color="red" title="Could not load" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  }
  return <>{children}</>;
}
