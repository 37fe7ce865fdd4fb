import { Button, Card, Group, Select, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { frameworksApi } from '../../api/frameworks.js';
import { organizationApi } from '../../api/organization.js';
import { useServices } from '../../ui/use-directory.js';

const WHOLE_ORGANISATION = 'organisation';

/** The service a view is scoped to: the whole organisation or one service. */
export function ServiceScopeSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (serviceId: string | null) => void;
}) {
  const services = useServices();
  return (
    <Select
      label={label}
      w={260}
      data={[
        { value: WHOLE_ORGANISATION, label: 'Whole organisation' },
        ...services.map((s) => ({ value: s.id, label: s.name })),
      ]}
      value={value ?? WHOLE_ORGANISATION}
      allowDeselect={false}
      onChange={(v) => onChange(!v || v === WHOLE_ORGANISATION ? null : v)}
    />
  );
}

const formats = [
  ['xlsx', 'XLSX'],
  ['csv', 'CSV'],
  ['pdf', 'PDF'],
] as const;

/** Downloads of the Statement of Applicability; plain links, so the browser's own download handles them. */
export function SoaExport({ frameworkId }: { frameworkId: string }) {
  const [serviceId, setServiceId] = useState<string | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="soa-export">
      <Title order={2} size="h4" id="soa-export">
        Statement of Applicability
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every requirement with its applicability, justification, implementation status and controls.
      </Text>
      <Group align="flex-end">
        <ServiceScopeSelect label="Scope" value={serviceId} onChange={setServiceId} />
        {formats.map(([ext, label]) => (
          <Button
            key={ext}
            component="a"
            href={frameworksApi.soaUrl(frameworkId, ext, { serviceId: serviceId ?? undefined })}
            download
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            Download {label}
          </Button>
        ))}
      </Group>
      <Text size="sm" c="dimmed" mt="md" mb="xs">
        OSCAL 1.0.6 for other tools: a system security plan of the platform against this framework, and a
        component definition of the chosen service (the baseline controls plus its own).
      </Text>
      <Group>
        <Button
          component="a"
          href={frameworksApi.oscalSspUrl(frameworkId)}
          download
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          OSCAL system security plan
        </Button>
        {serviceId && (
          <Button
            component="a"
            href={organizationApi.oscalComponentUrl(serviceId)}
            download
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            OSCAL component definition
          </Button>
        )}
      </Group>
    </Card>
  );
}
