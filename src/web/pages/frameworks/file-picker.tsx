import { Input } from '@mantine/core';
import { useId } from 'react';

/** A labelled native file input: every browser and screen reader knows how to operate it. */
export function FilePicker({
  label,
  description,
  accept,
  error,
  onChange,
  autoFocus,
}: {
  label: string;
  description?: string;
  accept: string;
  error?: string | undefined;
  onChange: (file: File | null) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const describedBy = [error && `${id}-error`, description && `${id}-description`].filter(Boolean).join(' ');
  return (
    <Input.Wrapper label={label} description={description} error={error} id={id} required>
      <input
        id={id}
        type="file"
        accept={accept}
        style={{ display: 'block', marginTop: 4 }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-autofocus={autoFocus || undefined}
        onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
      />
    </Input.Wrapper>
  );
}

/** The text of a chosen file parsed as JSON, or an error naming the problem. */
export async function readJsonFile(file: File): Promise<{ document: unknown } | { error: string }> {
  const text = await file.text();
  try {
    return { document: JSON.parse(text) as unknown };
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'it cannot be parsed';
    return { error: `${file.name} is not a JSON file (${reason}). Choose an OSCAL document in JSON format.` };
  }
}
