import { Button, Stack } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ImportFrameworkModal } from './frameworks-import.js';
import { InstalledFrameworks } from './frameworks-installed.js';
import { FrameworkLibrary } from './frameworks-library.js';
import { MappingsCard } from './frameworks-mappings.js';

export function FrameworksPage() {
  const { can } = useSession();
  const manage = can('frameworks.manage');
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageHeader
        title="Frameworks"
        description="The catalogues of requirements the programme answers to: standards, laws and baselines."
        actions={
          manage && (
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
              Import OSCAL
            </Button>
          )
        }
      />
      <Stack>
        <InstalledFrameworks />
        {manage && <FrameworkLibrary />}
        <MappingsCard />
      </Stack>
      {importing && <ImportFrameworkModal onClose={() => setImporting(false)} />}
    </>
  );
}
