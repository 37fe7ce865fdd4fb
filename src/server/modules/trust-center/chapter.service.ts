import { renderServiceChapter } from '../../../formats/hugo-export.js';
import { controlVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { evidenceState, isFailing } from '../controls/index.js';
import { getClaims } from './claims.service.js';
import { publicText } from './public-overview.js';
import { drLines, servicePlacement } from './public-placement.js';

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
const latest = (dates: (Date | string)[]) => dates.map(day).sort().at(-1) ?? '1970-01-01';

/** A control's live state in words: a failing check or stale evidence is said, never hidden behind a status. */
export function controlHealth(failing: boolean, evidence: string): string {
  if (failing) return 'check failing';
  if (evidence === 'fresh') return 'evidence current';
  return evidence === 'missing' ? 'no evidence' : 'evidence stale';
}

export async function exportServiceChapter(ctx: ServiceContext, serviceId: string) {
  const org = ctx.organizationId;
  const service = await ctx.db
    .selectFrom('services')
    .select(['name', 'description', 'updated_at'])
    .where('organization_id', '=', org)
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!service) throw notFound(`Service ${serviceId}`);
  const [organization, claims, placement, controls] = await Promise.all([
    ctx.db.selectFrom('organizations').select('name').where('id', '=', org).executeTakeFirstOrThrow(),
    getClaims(ctx),
    servicePlacement(ctx, serviceId),
    ctx.db
      .selectFrom('controls as c')
      .select([
        'c.ref',
        'c.title',
        'c.status',
        'c.service_id',
        'c.updated_at',
        isFailing('c').as('failing'),
        evidenceState('c').as('evidence'),
      ])
      .where('c.organization_id', '=', org)
      .where((eb) => eb.or([eb('c.service_id', 'is', null), eb('c.service_id', '=', serviceId)]))
      .where(controlVisible(ctx.actor, 'c.id'))
      .orderBy('c.ref')
      .execute(),
  ]);
  const byKind = (kind: string) => claims.find((c) => c.kind === kind);
  const transfers = byKind('no-third-country-transfers');
  const residency = byKind('residency-nordics') ?? byKind('residency-eea');
  const text = (c: (typeof claims)[number] | undefined) => (c ? publicText(c) : null);
  const markdown = renderServiceChapter({
    organization: organization.name,
    service: { name: service.name, description: service.description },
    date: latest([
      service.updated_at,
      ...controls.map((c) => c.updated_at),
      ...claims.map((c) => c.lastVerifiedAt),
    ]),
    language: 'en',
    certifications: claims
      .filter((c) => c.kind === 'certification')
      .flatMap((c) => {
        const line = publicText(c);
        return line === null ? [] : [line];
      }),
    locations: placement.sites.map((s) => ({
      code: s.code,
      city: s.city,
      country: s.country,
      storesData: s.stores_data,
    })),
    drLines: drLines(placement).map((l) => l.line),
    gdpr: {
      transfers:
        text(transfers) ?? 'The sub-processors and any transfers are listed on the sub-processor page.',
      residency: text(residency),
    },
    claims: claims
      .filter(
        (c) =>
          c.holds &&
          ['encryption-at-rest', 'restore-tested', 'vulnerability-scanning', 'sla-target'].includes(c.kind),
      )
      .map((c) => c.statement),
    controls: controls.map((c) => ({
      ref: c.ref,
      title: c.title,
      status: c.status,
      health: controlHealth(Boolean(c.failing), c.evidence),
      scope: c.service_id === null ? ('baseline' as const) : ('service' as const),
    })),
  });
  return { markdown, serviceName: service.name };
}
