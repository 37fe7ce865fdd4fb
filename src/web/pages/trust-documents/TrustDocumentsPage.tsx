import { Anchor, Tabs } from '@mantine/core';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { AnalyticsPanel } from './documents-analytics.js';
import { GrantsPanel } from './documents-grants.js';
import { DocumentsPanel } from './documents-list.js';
import { NdaPanel } from './documents-nda.js';
import { RequestsPanel } from './documents-requests.js';
import { RulesPanel } from './documents-rules.js';

export function TrustDocumentsPage() {
  const { can } = useSession();
  const manage = can('trust-center.manage');
  return (
    <>
      <PageHeader
        title="Documents"
        description="Confidential documents customers request from the trust center: who asked, who may download, and what was downloaded."
        actions={
          <Anchor href="/trust/documents" target="_blank" rel="noopener">
            Open the public documents page
          </Anchor>
        }
      />
      <Tabs defaultValue={manage ? 'requests' : 'documents'} keepMounted={false}>
        <Tabs.List mb="md">
          {manage && <Tabs.Tab value="requests">Requests</Tabs.Tab>}
          {manage && <Tabs.Tab value="grants">Access grants</Tabs.Tab>}
          <Tabs.Tab value="documents">Documents</Tabs.Tab>
          <Tabs.Tab value="nda">NDA</Tabs.Tab>
          <Tabs.Tab value="rules">Auto-approval</Tabs.Tab>
          <Tabs.Tab value="analytics">Analytics</Tabs.Tab>
        </Tabs.List>
        {manage && (
          <Tabs.Panel value="requests">
            <RequestsPanel />
          </Tabs.Panel>
        )}
        {manage && (
          <Tabs.Panel value="grants">
            <GrantsPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="documents">
          <DocumentsPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="nda">
          <NdaPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RulesPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="analytics">
          <AnalyticsPanel manage={manage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
