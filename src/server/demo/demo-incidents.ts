import { outageInputSchema } from '../../contracts/availability.js';
import { incidentInputSchema } from '../../contracts/incidents.js';
import { rolePermissions } from '../../contracts/permissions.js';
import type { ServiceContext } from '../kernel/context.js';
import {
  noImpactTriage,
  publishIncident,
  recordOutage,
  reportIncident,
  reviewIncident,
  submitReport,
  transitionIncident,
  triageIncident,
} from '../modules/incidents/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A deterministic sequence in [0, 1), so the demo's year of outages is the same every time. */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

async function ids(ctx: ServiceContext) {
  const [services, locations, ciso] = await Promise.all([
    ctx.db
      .selectFrom('services')
      .select(['id', 'name'])
      .where('organization_id', '=', ctx.organizationId)
      .execute(),
    ctx.db
      .selectFrom('locations')
      .select(['id', 'code'])
      .where('organization_id', '=', ctx.organizationId)
      .execute(),
    ctx.db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', ctx.organizationId)
      .where('email', '=', 'ingrid.holm@norrsken.example')
      .executeTakeFirst(),
  ]);
  return {
    service: (name: string) => services.find((s) => s.name === name)?.id ?? '',
    location: (code: string) => locations.find((l) => l.code === code)?.id ?? '',
    services: services.map((s) => s.id),
    locations: locations.map((l) => l.id),
    cisoId: ciso?.id ?? null,
  };
}

/**
 * Two past incidents — a NIS2-significant outage in STO2 with its reports submitted, and a personal-data breach
 * assessed as not notifiable with its reasoning — a year of outages behind the availability figures, and one
 * maintenance window in progress. Recorded as the CISO, who handles incidents.
 */
export async function seedDemoIncidents(base: ServiceContext, now = new Date()): Promise<void> {
  const id = await ids(base);
  const ctx: ServiceContext = id.cisoId
    ? {
        ...base,
        actor: {
          type: 'user',
          userId: id.cisoId,
          tokenId: null,
          role: 'compliance-manager',
          permissions: rolePermissions['compliance-manager'],
        },
      }
    : base;
  const at = (offset: number) => new Date(now.getTime() + offset).toISOString();

  const aware = -120 * DAY;
  const power = await reportIncident(
    ctx,
    incidentInputSchema.parse({
      title: 'Power loss in STO2 took Compute and Object Storage down',
      description:
        'Both utility feeds to one hall of STO2 failed and the transfer to the generators did not complete. Compute and Object Storage in STO2 were unavailable until power was restored through the second switch.',
      category: 'availability',
      severity: 'high',
      awareAt: at(aware),
      occurredAt: at(aware - 10 * 60_000),
      serviceIds: [id.service('Compute'), id.service('Object Storage')],
      locationIds: [id.location('STO2')],
      customersAffected: 140,
    }),
  );
  const outage = outageInputSchema.parse({
    title: 'STO2 hall B without power',
    serviceIds: [id.service('Compute'), id.service('Object Storage')],
    locationIds: [id.location('STO2')],
    startedAt: at(aware - 10 * 60_000),
    endedAt: at(aware + 85 * 60_000),
    impact: 'full',
    incidentId: power.id,
  });
  await recordOutage(ctx, outage);
  const triaged = await triageIncident(ctx, power.id, {
    ...noImpactTriage,
    completelyUnavailableOver30Min: true,
  });
  await publishIncident(ctx, power.id, {
    published: true,
    publicTitle: 'Compute and Object Storage unavailable in STO2',
    publicStatus: 'identified',
    update:
      'A power failure in one data-centre hall in Stockholm South stopped Compute and Object Storage there.',
  });
  const submitAfter: Record<string, number> = {
    'nis2-early-warning': 18 * HOUR,
    'no-nsm-notice': 20 * HOUR,
    'nis2-notification': 60 * HOUR,
    'nis2-final': 26 * DAY,
  };
  for (const type of ['nis2-early-warning', 'no-nsm-notice', 'nis2-notification', 'nis2-final']) {
    const report = triaged.reports.find((r) => r.type === type);
    if (!report) continue;
    await submitReport(ctx, power.id, report.id, {
      reference: `${type === 'no-nsm-notice' ? 'NSM' : 'CERT-SE'}-${String(1000 + Object.keys(submitAfter).indexOf(type))}`,
      submittedAt: at(aware + (submitAfter[type] ?? 0)),
    });
  }
  await transitionIncident(ctx, power.id, {
    to: 'contained',
    note: 'Power restored through the second switch',
  });
  await transitionIncident(ctx, power.id, {
    to: 'recovered',
    note: 'All virtual machines and buckets verified',
  });
  await publishIncident(ctx, power.id, {
    published: true,
    publicTitle: 'Compute and Object Storage unavailable in STO2',
    publicStatus: 'resolved',
    update: 'Power is restored and every service in Stockholm South runs normally.',
  });
  await reviewIncident(ctx, power.id, {
    lessonsLearned:
      'The automatic transfer switch is now tested every quarter under load, and the generator start is monitored.',
  });
  await transitionIncident(ctx, power.id, { to: 'closed', note: '' });

  const laptop = await reportIncident(
    ctx,
    incidentInputSchema.parse({
      title: 'Support laptop stolen from a car',
      description: 'A support engineer’s laptop with customer ticket exports was stolen.',
      category: 'personal-data',
      severity: 'medium',
      awareAt: at(-45 * DAY),
    }),
  );
  await triageIncident(ctx, laptop.id, {
    ...noImpactTriage,
    personalDataBreach: true,
    riskToPeople: 'unlikely',
    reasoning:
      'The disk is fully encrypted and unlocks only with the engineer’s hardware key, which was not stolen; the laptop was wiped remotely when it next came online. The breach is unlikely to result in a risk to the people concerned, so it is not notified (GDPR Art. 33(1)) and is recorded here.',
  });
  await transitionIncident(ctx, laptop.id, { to: 'contained', note: 'Device revoked and wiped' });
  await transitionIncident(ctx, laptop.id, { to: 'recovered', note: '' });
  await reviewIncident(ctx, laptop.id, { lessonsLearned: 'Ticket exports are no longer stored on laptops.' });
  await transitionIncident(ctx, laptop.id, { to: 'closed', note: '' });

  // A year of short outages and announced maintenance, the same every time.
  const random = sequence(42);
  for (let d = 360; d > 5; d -= 9) {
    const start = -d * DAY + Math.floor(random() * 20) * HOUR;
    const service = id.services[Math.floor(random() * id.services.length)] ?? '';
    const location = id.locations[Math.floor(random() * id.locations.length)] ?? '';
    const planned = random() < 0.3;
    await recordOutage(
      ctx,
      outageInputSchema.parse({
        title: planned ? 'Announced maintenance' : 'Network disruption',
        serviceIds: [service],
        locationIds: [location],
        startedAt: at(start),
        endedAt: at(start + (planned ? 120 : 5 + Math.floor(random() * 40)) * 60_000),
        impact: random() < 0.7 ? 'full' : 'partial',
        planned,
        announcedAt: planned ? at(start - 7 * DAY) : null,
      }),
    );
  }
  await recordOutage(
    ctx,
    outageInputSchema.parse({
      title: 'Storage firmware upgrade in OSL1',
      serviceIds: [id.service('Object Storage')],
      locationIds: [id.location('OSL1')],
      startedAt: at(-HOUR),
      endedAt: at(3 * HOUR),
      impact: 'partial',
      planned: true,
      announcedAt: at(-7 * DAY),
    }),
  );
}
