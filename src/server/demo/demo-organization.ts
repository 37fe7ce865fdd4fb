import { recordAuditEvent } from '../kernel/audit/audit-writer.js';
import type { ServiceContext } from '../kernel/context.js';
import { createLocation, createService } from '../modules/organization/index.js';

/** The demo's facts, in our own words: a Nordic cloud provider with three data centres; per service where it runs. */
export const demoOrganization = {
  name: 'Norrsken Cloud AB',
  securityContactEmail: 'security@norrsken.example',
  adminEmail: 'admin@norrsken.example',
  locations: [
    { code: 'STO1', name: 'Stockholm North data centre', city: 'Stockholm', country: 'SE' },
    { code: 'STO2', name: 'Stockholm South data centre', city: 'Stockholm', country: 'SE' },
    { code: 'OSL1', name: 'Oslo data centre', city: 'Oslo', country: 'NO' },
  ],
  services: [
    {
      name: 'Compute',
      locations: ['STO1', 'STO2', 'OSL1'],
      dr: [
        ['STO1', 'STO2'],
        ['STO1', 'OSL1'],
        ['STO2', 'STO1'],
        ['OSL1', 'STO1'],
      ],
      description:
        'Virtual machines in STO1, STO2 or OSL1; disks encrypted at rest; another location can serve as the DR site.',
    },
    {
      name: 'Object Storage',
      locations: ['STO1', 'OSL1'],
      dr: [
        ['STO1', 'OSL1'],
        ['OSL1', 'STO1'],
      ],
      description: 'S3-compatible object storage; data stays in the chosen Nordic location.',
    },
    {
      name: 'Backup',
      locations: ['STO2', 'OSL1'],
      dr: [],
      description: 'Managed backup with regular restore tests, replicated to a second data centre.',
    },
    {
      name: 'Kubernetes',
      locations: ['STO1', 'STO2'],
      dr: [['STO1', 'STO2']],
      description:
        'Managed Kubernetes clusters; administration networks kept separate from customer traffic.',
    },
  ],
} as const;

/** Adds the demo's locations and services to a freshly created organisation. */
export async function seedDemoContent(ctx: ServiceContext): Promise<void> {
  const ids = new Map<string, string>();
  for (const location of demoOrganization.locations)
    ids.set(location.code, (await createLocation(ctx, { ...location })).id);
  const id = (code: string) => ids.get(code) ?? '';
  for (const service of demoOrganization.services) {
    await createService(ctx, {
      name: service.name,
      description: service.description,
      locations: service.locations.map((code) => ({ locationId: id(code), storesData: true })),
      drPairings: service.dr.map(([from, to]) => ({ primaryLocationId: id(from), drLocationId: id(to) })),
    });
  }
  await recordAuditEvent(ctx, 'demo.seeded', { type: 'organization', id: ctx.organizationId }, {});
}
