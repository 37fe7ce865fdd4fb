import { Button, Card, Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TrustSettings } from '../../../contracts/trust-center.js';
import { useChange } from '../../api/change.js';
import { fieldErrors } from '../../api/client.js';
import { trustApi, trustKeys, useTrustSettings } from '../../api/trust-center.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { QueryState } from '../../ui/QueryState.js';

export function TrustSettingsPanel({ manage }: { manage: boolean }) {
  const settings = useTrustSettings();
  const [form, setForm] = useState<TrustSettings | null>(null);
  useEffect(() => {
    if (settings.data) {
      const { updatedAt: _ignored, ...rest } = settings.data;
      setForm(rest);
    }
  }, [settings.data]);
  const save = useChange(trustApi.saveSettings, () => [trustKeys.settings], {
    onSuccess: () => notifySuccess('Trust-center settings saved'),
    onError: notifyError,
  });
  const errors = fieldErrors(save.error);
  const text = (key: keyof TrustSettings, label: string, multiline = false) => {
    const props = {
      label,
      value: String(form?.[key] ?? ''),
      error: errors[key],
      readOnly: !manage,
      onChange: (e: { currentTarget: { value: string } }) =>
        form && setForm({ ...form, [key]: e.currentTarget.value }),
    };
    return multiline ? <Textarea autosize minRows={2} {...props} /> : <TextInput {...props} />;
  };
  return (
    <QueryState loading={settings.isLoading} error={settings.error}>
      {form && (
        <Card withBorder padding="lg">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({
                ...form,
                customDomain: form.customDomain?.trim() || null,
                siteUrl: form.siteUrl?.trim() || null,
              });
            }}
          >
            <Stack>
              {text('title', 'Title')}
              {text('intro', 'Introduction (Markdown)', true)}
              {text('logoText', 'Logo text')}
              {text('accentColor', 'Accent colour (hex, at least 4.5:1 against white)')}
              {text('slaText', 'SLA (Markdown)', true)}
              {text('drText', 'Disaster recovery options (Markdown)', true)}
              {text('customDomain', 'Custom domain (optional)')}
              {text('siteUrl', 'Your website (optional): relative links in FAQ answers point there')}
              <Checkbox
                label="Published: the public pages are visible to everyone"
                checked={form.published}
                disabled={!manage}
                onChange={(e) => setForm({ ...form, published: e.currentTarget.checked })}
              />
              <Checkbox
                label="Four-eyes publishing: an FAQ answer is published by someone other than its last editor"
                checked={form.faqFourEyes}
                disabled={!manage}
                onChange={(e) => setForm({ ...form, faqFourEyes: e.currentTarget.checked })}
              />
              {manage && (
                <Button type="submit" loading={save.isPending} w="fit-content">
                  Save settings
                </Button>
              )}
            </Stack>
          </form>
        </Card>
      )}
    </QueryState>
  );
}
