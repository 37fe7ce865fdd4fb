import type { AssetInput } from '../../contracts/assets.js';
import { assetInputSchema } from '../../contracts/assets.js';
import { rolePermissions, roleSchema } from '../../contracts/permissions.js';
import type { RiskInput } from '../../contracts/risks.js';
import { riskInputSchema } from '../../contracts/risks.js';
import type { Actor, ServiceContext } from '../kernel/context.js';
import { createAsset } from '../modules/assets/index.js';
import { createRisk } from '../modules/risks/index.js';

const DEMO_PEOPLE = {
  ciso: 'ingrid.holm@norrsken.example',
  platform: 'erik.lund@norrsken.example',
  facilities: 'sara.berg@norrsken.example',
} as const;
type Person = keyof typeof DEMO_PEOPLE;

interface DemoAsset extends Omit<AssetInput, 'ownerId' | 'locationId' | 'serviceId'> {
  owner: Person;
  location?: string;
  service?: string;
}

const assets: DemoAsset[] = [
  {
    name: 'Customer data in Object Storage',
    type: 'information',
    classification: 'confidential',
    owner: 'platform',
    service: 'Object Storage',
  },
  {
    name: 'Backup copies',
    type: 'information',
    classification: 'confidential',
    owner: 'platform',
    service: 'Backup',
  },
  {
    name: 'Data centre STO1',
    type: 'site',
    classification: 'internal',
    owner: 'facilities',
    location: 'STO1',
  },
  {
    name: 'Data centre OSL1',
    type: 'site',
    classification: 'internal',
    owner: 'facilities',
    location: 'OSL1',
  },
  {
    name: 'Kubernetes control plane',
    type: 'software',
    classification: 'restricted',
    owner: 'platform',
    service: 'Kubernetes',
  },
  {
    name: 'Hypervisor hosts',
    type: 'hardware',
    classification: 'restricted',
    owner: 'platform',
    service: 'Compute',
  },
];

interface DemoRisk
  extends Omit<
    RiskInput,
    'ownerId' | 'assetIds' | 'controlIds' | 'acceptanceApproverId' | 'reviewDate' | 'acceptanceExpiresOn'
  > {
  owner: Person;
  assets: string[];
  controls?: string[];
  approver?: Person;
  /** Days from today; negative means the review is overdue. */
  reviewInDays: number;
  acceptedForDays?: number;
}

const risks: DemoRisk[] = [
  {
    title: 'Ransomware encrypts customer backups',
    threat: 'Ransomware spread from a compromised administrator workstation',
    vulnerability: 'Backup systems reachable from the administration network',
    owner: 'platform',
    assets: ['Backup copies'],
    inherentLikelihood: 3,
    inherentImpact: 5,
    residualLikelihood: 1,
    residualImpact: 4,
    treatment: 'mitigate',
    controls: [
      'Backups with restore tests',
      'Separate administration networks',
      'Access on hardware security keys',
    ],
    status: 'treating',
    reviewInDays: 60,
  },
  {
    title: 'Cooling failure in STO1 during a heat wave',
    threat: 'Outdoor temperatures above the design limit of the chillers',
    vulnerability: 'One cooling loop per data hall',
    owner: 'facilities',
    assets: ['Data centre STO1'],
    inherentLikelihood: 2,
    inherentImpact: 4,
    residualLikelihood: 2,
    residualImpact: 2,
    treatment: 'mitigate',
    controls: ['Data-centre environment monitoring', 'Continuity and disaster recovery'],
    status: 'treating',
    reviewInDays: -14,
  },
  {
    title: 'Unpatched vulnerability in the Kubernetes control plane',
    threat: 'Exploitation of a published vulnerability before it is patched',
    vulnerability: 'Upgrades of managed clusters follow the upstream release cycle',
    owner: 'platform',
    assets: ['Kubernetes control plane'],
    inherentLikelihood: 3,
    inherentImpact: 4,
    residualLikelihood: 2,
    residualImpact: 4,
    treatment: 'mitigate',
    controls: ['Vulnerability management'],
    status: 'treating',
    reviewInDays: 30,
  },
  {
    title: 'Fibre cut isolates OSL1',
    threat: 'Excavation work damages the fibre route',
    vulnerability: 'Both carriers share the last kilometre into the site',
    owner: 'facilities',
    assets: ['Data centre OSL1'],
    inherentLikelihood: 2,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 3,
    treatment: 'accept',
    approver: 'ciso',
    acceptedForDays: 180,
    status: 'accepted',
    reviewInDays: 90,
  },
  {
    title: 'Hardware failure in hypervisor hosts',
    threat: 'Disk, memory or power supply failure',
    vulnerability: 'Hosts bought in one batch age together',
    owner: 'platform',
    assets: ['Hypervisor hosts'],
    inherentLikelihood: 4,
    inherentImpact: 2,
    residualLikelihood: 2,
    residualImpact: 2,
    treatment: 'transfer',
    transferTo: 'Hardware vendor next-business-day support contract',
    status: 'treating',
    reviewInDays: 120,
  },
  {
    title: 'Personal data transferred outside the EU by a sub-processor',
    threat: 'A sub-processor moves support or storage to a third country',
    vulnerability: 'Sub-processors change their own suppliers',
    owner: 'ciso',
    assets: ['Customer data in Object Storage'],
    inherentLikelihood: 2,
    inherentImpact: 5,
    status: 'open',
    reviewInDays: -3,
  },
];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function idsByName(ctx: ServiceContext) {
  const [users, locations, services, controls] = await Promise.all([
    ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'role'])
      .where('organization_id', '=', ctx.organizationId)
      .execute(),
    ctx.db
      .selectFrom('locations')
      .select(['id', 'code'])
      .where('organization_id', '=', ctx.organizationId)
      .execute(),
    ctx.db
      .selectFrom('services')
      .select(['id', 'name'])
      .where('organization_id', '=', ctx.organizationId)
      .execute(),
    ctx.db
      .selectFrom('controls')
      .select(['id', 'title'])
      .where('organization_id', '=', ctx.organizationId)
      .execute(),
  ]);
  return {
    person: (key: Person) => users.find((u) => u.email === DEMO_PEOPLE[key])?.id ?? null,
    role: (id: string | null) => roleSchema.parse(users.find((u) => u.id === id)?.role),
    location: (code?: string) => locations.find((l) => l.code === code)?.id ?? null,
    service: (name?: string) => services.find((s) => s.name === name)?.id ?? null,
    controls: (titles: string[] = []) => controls.filter((c) => titles.includes(c.title)).map((c) => c.id),
  };
}

/** A handful of assets and risks in the demo organisation's own words, linked to its controls. */
export async function seedDemoRisks(ctx: ServiceContext): Promise<void> {
  const ids = await idsByName(ctx);
  const assetIds = new Map<string, string>();
  for (const { owner, location, service, ...asset } of assets) {
    const created = await createAsset(
      ctx,
      assetInputSchema.parse({
        ...asset,
        ownerId: ids.person(owner),
        locationId: ids.location(location),
        serviceId: ids.service(service),
      }),
    );
    assetIds.set(created.name, created.id);
  }
  for (const { owner, assets: names, controls, approver, reviewInDays, acceptedForDays, ...risk } of risks) {
    // An accepted risk is accepted by its approver: the demo records it as their action.
    const approverId = approver ? ids.person(approver) : null;
    const actor: Actor =
      risk.status === 'accepted' && approverId
        ? {
            type: 'user',
            userId: approverId,
            tokenId: null,
            role: ids.role(approverId),
            permissions: rolePermissions[ids.role(approverId)],
          }
        : ctx.actor;
    await createRisk(
      { ...ctx, actor },
      riskInputSchema.parse({
        ...risk,
        ownerId: ids.person(owner),
        assetIds: names.flatMap((n) => assetIds.get(n) ?? []),
        controlIds: ids.controls(controls),
        acceptanceApproverId: approverId,
        acceptanceExpiresOn: acceptedForDays ? day(acceptedForDays) : null,
        reviewDate: day(reviewInDays),
      }),
    );
  }
}
