import { Anchor, Tabs } from '@mantine/core';
import { trustApi, useTrustSettings } from '../../api/trust-center.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { CertificationsPanel } from './trust-certifications.js';
import { ClaimsPanel, FailingClaimsAlert } from './trust-claims.js';
import { FaqPanel } from './trust-faq.js';
import { HugoPanel } from './trust-hugo.js';
import { PublicControlsPanel } from './trust-public-controls.js';
import { TrustSettingsPanel } from './trust-settings.js';
import { SubprocessorsPanel } from './trust-subprocessors.js';

export function TrustCenterPage() {
  const { can } = useSession();
  const manage = can('trust-center.manage');
  const settings = useTrustSettings();
  const unpublished = settings.data?.published === false;
  return (
    <>
      <PageHeader
        title="Trust center"
        description="What customers read on the public trust center, and the FAQ you share with your website."
        actions={
          unpublished ? (
            <Anchor href={trustApi.previewUrl} target="_blank" rel="noopener">
              Preview the trust center (not published)
            </Anchor>
          ) : (
            <Anchor href="/trust" target="_blank" rel="noopener">
              Open the public trust center
            </Anchor>
          )
        }
      />
      <FailingClaimsAlert />
      <Tabs defaultValue="faq" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="faq">FAQ</Tabs.Tab>
          <Tabs.Tab value="hugo">Hugo import and export</Tabs.Tab>
          <Tabs.Tab value="claims">Claims</Tabs.Tab>
          <Tabs.Tab value="controls">Public controls</Tabs.Tab>
          <Tabs.Tab value="certifications">Certifications</Tabs.Tab>
          <Tabs.Tab value="subprocessors">Sub-processors</Tabs.Tab>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="faq">
          <FaqPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="hugo">
          <HugoPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="claims">
          <ClaimsPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="controls">
          <PublicControlsPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="certifications">
          <CertificationsPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="subprocessors">
          <SubprocessorsPanel manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <TrustSettingsPanel manage={manage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
