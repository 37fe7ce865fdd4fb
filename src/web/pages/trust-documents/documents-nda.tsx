import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../api/client.js';
import { useNdaVersions, usePublishNda } from '../../api/trust-documents.js';
import { dateTime } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

function NewVersion({ current }: { current: string }) {
  const [text, setText] = useState(current);
  const save = usePublishNda({
    onSuccess: (v) => notifySuccess(`NDA version ${v.version} published`),
    onError: notifyError,
  });
  return (
    <Stack>
      <Textarea
        label="NDA text"
        description="Saving publishes a new version; visitors accept the newest, and each acceptance records its version."
        autosize
        minRows={6}
        value={text}
        error={fieldErrors(save.error).text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Button
        onClick={() => save.mutate(text)}
        loading={save.isPending}
        disabled={text.trim() === current.trim()}
      >
        Publish as a new version
      </Button>
    </Stack>
  );
}

export function NdaPanel({ manage }: { manage: boolean }) {
  const versions = useNdaVersions();
  const latest = versions.data?.items[0];
  return (
    <QueryState loading={versions.isLoading} error={versions.error}>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {latest ? `Current NDA: version ${latest.version}` : 'No NDA yet'}
        </Title>
        {latest && (
          <Text size="xs" mb="sm">
            Published {dateTime(latest.createdAt)}; {versions.data?.total ?? 0} versions in all.
          </Text>
        )}
        {manage ? (
          <NewVersion key={latest?.id ?? 'none'} current={latest?.text ?? ''} />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {latest?.text ?? 'NDA-required documents cannot be requested until an NDA is written.'}
          </Text>
        )}
      </Card>
    </QueryState>
  );
}
