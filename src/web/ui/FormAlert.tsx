import { Alert } from '@mantine/core';
import { ApiError, errorMessage } from '../api/client.js';

/** The error above a form; field-level problems are shown at their fields, so it only points to them. */
export function FormAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const fieldProblems = error instanceof ApiError && error.details.some((d) => d.path);
  return (
    <Alert color="red" role="alert">
      {fieldProblems ? 'Please correct the highlighted fields.' : errorMessage(error)}
    </Alert>
  );
}
