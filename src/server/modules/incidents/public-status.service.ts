import type { AvailabilityRow } from '../../../contracts/availability.js';
import { lastMonths } from '../../../formats/availability.js';
import type { ServiceContext } from '../../kernel/context.js';
import { availabilityFor } from './availability.service.js';
import { getIncidentSettings } from './incident-settings.service.js';
import { outageQuery } from './outages.repository.js';

/** Statuspage (v2 API) shapes, so existing widgets and status readers work. */
type ComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance';

interface Component {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  components?: string[];
}

const impactOf = { low: 'minor', medium: 'minor', high: 'major', critical: 'critical' } as const;
const rank: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export async function publicStatus(ctx: ServiceContext, baseUrl: string, now = new Date()) {
  const [org, services, locations, settings, current, published] = await Promise.all([
    ctx.db
      .selectFrom('organizations')
      .select(['name', 'updated_at'])
      .where('id', '=', ctx.organizationId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('services')
      .select(['id', 'name', 'created_at', 'updated_at'])
      .where('organization_id', '=', ctx.organizationId)
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('locations')
      .select(['id', 'code', 'name'])
      .where('organization_id', '=', ctx.organizationId)
      .orderBy('code')
      .execute(),
    getIncidentSettings(ctx),
    outageQuery(ctx)
      .where((eb) => eb.or([eb('o.ended_at', 'is', null), eb('o.ended_at', '>', now)]))
      .orderBy('o.started_at')
      .execute(),
    ctx.db
      .selectFrom('incidents as i')
      .select([
        'i.id',
        'i.ref',
        'i.public_title',
        'i.public_status',
        'i.severity',
        'i.created_at',
        'i.updated_at',
        'i.aware_at',
        'i.service_ids',
      ])
      .where('i.organization_id', '=', ctx.organizationId)
      .where('i.published', '=', true)
      .orderBy('i.aware_at', 'desc')
      .limit(50)
      .execute(),
  ]);
  const pageId = ctx.organizationId;
  const updates = published.length
    ? await ctx.db
        .selectFrom('incident_timeline')
        .select(['id', 'incident_id', 'text', 'public_status', 'happened_at'])
        .where('organization_id', '=', ctx.organizationId)
        .where('kind', '=', 'public-update')
        .where(
          'incident_id',
          'in',
          published.map((p) => p.id),
        )
        .orderBy('happened_at', 'desc')
        .execute()
    : [];
  const started = current.filter((o) => o.started_at <= now);
  const statusAt = (serviceId: string, locationId: string): ComponentStatus => {
    let worst: ComponentStatus = 'operational';
    for (const o of started) {
      if (!o.service_ids.includes(serviceId)) continue;
      if (o.location_ids.length > 0 && !o.location_ids.includes(locationId)) continue;
      const s: ComponentStatus = o.planned
        ? 'under_maintenance'
        : o.impact === 'full'
          ? 'major_outage'
          : 'partial_outage';
      if (rank[s] > rank[worst]) worst = s;
    }
    return worst;
  };
  const components: Component[] = [];
  services.forEach((s, position) => {
    const children = locations.map((l) => ({
      id: `${s.id}:${l.code}`,
      name: `${s.name} ${l.code}`,
      status: statusAt(s.id, l.id),
    }));
    const base = {
      created_at: s.created_at.toISOString(),
      updated_at: s.updated_at.toISOString(),
      description: null,
      showcase: true,
      page_id: pageId,
      only_show_if_degraded: false,
    };
    const groupStatus = children.reduce<ComponentStatus>(
      (w, c) => (rank[c.status] > rank[w] ? c.status : w),
      'operational',
    );
    components.push({
      ...base,
      id: s.id,
      name: s.name,
      status: groupStatus,
      position: position * 100,
      group_id: null,
      group: true,
      components: children.map((c) => c.id),
    });
    for (const [i, c] of children.entries())
      components.push({ ...base, ...c, position: position * 100 + i + 1, group_id: s.id, group: false });
  });
  const incidents = published.map((i) => {
    const own = updates.filter((u) => u.incident_id === i.id);
    const resolved = own.find((u) => u.public_status === 'resolved');
    return {
      id: i.id,
      name: i.public_title,
      status: i.public_status,
      impact: impactOf[i.severity],
      created_at: i.aware_at.toISOString(),
      updated_at: i.updated_at.toISOString(),
      monitoring_at: own.find((u) => u.public_status === 'monitoring')?.happened_at.toISOString() ?? null,
      resolved_at: resolved?.happened_at.toISOString() ?? null,
      shortlink: `${baseUrl}/status#${i.ref}`,
      started_at: i.aware_at.toISOString(),
      page_id: pageId,
      incident_updates: own.map((u) => ({
        id: u.id,
        status: u.public_status ?? 'investigating',
        body: u.text,
        incident_id: i.id,
        created_at: u.happened_at.toISOString(),
        updated_at: u.happened_at.toISOString(),
        display_at: u.happened_at.toISOString(),
      })),
      components: components
        .filter((c) => c.group && i.service_ids.includes(c.id))
        .map((c) => ({ id: c.id, name: c.name })),
    };
  });
  const maintenances = current
    .filter((o) => o.planned)
    .map((o) => ({
      id: o.id,
      name: o.title,
      status: o.started_at <= now ? 'in_progress' : 'scheduled',
      impact: 'maintenance',
      scheduled_for: o.started_at.toISOString(),
      scheduled_until: o.ended_at?.toISOString() ?? null,
      created_at: (o.announced_at ?? o.created_at).toISOString(),
      page_id: pageId,
    }));
  const worst = components.reduce<ComponentStatus>(
    (w, c) => (rank[c.status] > rank[w] ? c.status : w),
    'operational',
  );
  const unresolved = incidents.filter((i) => i.status !== 'resolved');
  const indicator =
    worst === 'major_outage' ? 'major' : worst === 'partial_outage' || unresolved.length ? 'minor' : 'none';
  const description =
    indicator === 'none'
      ? 'All Systems Operational'
      : indicator === 'major'
        ? 'Major System Outage'
        : 'Partial System Outage';
  const newest = [
    org.updated_at,
    ...published.map((p) => p.updated_at),
    ...current.map((o) => o.created_at),
  ].reduce((a, b) => new Date(Math.max(a.getTime(), b.getTime())));
  return {
    page: {
      id: pageId,
      name: org.name,
      url: `${baseUrl}/status`,
      time_zone: settings.timeZone,
      updated_at: newest.toISOString(),
    },
    status: { indicator, description },
    components,
    incidents,
    unresolvedIncidents: unresolved,
    scheduledMaintenances: maintenances,
    availability: await availabilityFor(ctx, lastMonths(now, 12), now),
    locations,
  };
}

export type PublicStatus = Awaited<ReturnType<typeof publicStatus>>;
export type { AvailabilityRow };
