import type { ServiceContext } from '../../kernel/context.js';

/** Where each service runs and the DR pairings it offers, with location codes, for the public pages. */
export async function servicePlacement(ctx: ServiceContext, serviceId?: string) {
  const org = ctx.organizationId;
  let sites = ctx.db
    .selectFrom('service_locations as sl')
    .innerJoin('services as s', 's.id', 'sl.service_id')
    .innerJoin('locations as l', 'l.id', 'sl.location_id')
    .select([
      's.id as service_id',
      's.name as service',
      'l.code',
      'l.name',
      'l.city',
      'l.country',
      'sl.stores_data',
    ])
    .where('sl.organization_id', '=', org);
  let pairs = ctx.db
    .selectFrom('service_dr_pairings as p')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .innerJoin('locations as a', 'a.id', 'p.primary_location_id')
    .innerJoin('locations as b', 'b.id', 'p.dr_location_id')
    .select(['s.name as service', 'a.code as primary', 'b.code as dr'])
    .where('p.organization_id', '=', org);
  if (serviceId) {
    sites = sites.where('sl.service_id', '=', serviceId);
    pairs = pairs.where('p.service_id', '=', serviceId);
  }
  const [siteRows, pairRows] = await Promise.all([
    sites.orderBy('l.code').orderBy('s.name').limit(5000).execute(),
    pairs.orderBy('s.name').orderBy('a.code').orderBy('b.code').limit(5000).execute(),
  ]);
  return { sites: siteRows, pairs: pairRows };
}

export type Placement = Awaited<ReturnType<typeof servicePlacement>>;

/** Per location, the services that store data there (a location no service uses is not listed). */
export function locationsInUse(p: Placement) {
  const byCode = new Map<
    string,
    { code: string; name: string; city: string; country: string; services: string[] }
  >();
  for (const s of p.sites) {
    const entry = byCode.get(s.code) ?? {
      code: s.code,
      name: s.name,
      city: s.city,
      country: s.country,
      services: [],
    };
    if (s.stores_data) entry.services.push(s.service);
    byCode.set(s.code, entry);
  }
  return [...byCode.values()];
}

/** "STO1 → STO2 or OSL1" per primary location, per service, from the recorded pairings. */
export function drLines(p: Placement): { service: string; line: string }[] {
  const byService = new Map<string, Map<string, string[]>>();
  for (const r of p.pairs) {
    const service = byService.get(r.service) ?? new Map<string, string[]>();
    service.set(r.primary, [...(service.get(r.primary) ?? []), r.dr]);
    byService.set(r.service, service);
  }
  return [...byService].map(([service, primaries]) => ({
    service,
    line: [...primaries].map(([primary, drs]) => `${primary} → ${drs.join(' or ')}`).join('; '),
  }));
}
