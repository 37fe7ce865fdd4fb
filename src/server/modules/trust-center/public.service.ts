import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { type ServiceContext, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { getClaims } from './claims.service.js';
import { publicEntries } from './faq-hugo.service.js';
import { getPublicControls } from './public-controls.service.js';
import { servicePlacement } from './public-placement.js';
import { getSettings } from './settings.service.js';

/**
 * The organisation a public request is for: the one whose custom domain is the request's host, otherwise
 * the first organisation that published its trust center.
 */
export async function publicContext(
  db: Kysely<Database>,
  host: string | undefined,
  { published = true } = {},
): Promise<ServiceContext> {
  const hostName = host?.split(':')[0]?.toLowerCase() ?? '';
  let q = db
    .selectFrom('organizations as o')
    .leftJoin('trust_center_settings as t', 't.organization_id', 'o.id')
    .select('o.id');
  if (published) q = q.where('t.published', '=', true);
  const row = await q
    .orderBy(sql`t.custom_domain = ${hostName}`, sql`DESC NULLS LAST`)
    .orderBy(sql`t.published`, sql`DESC NULLS LAST`)
    .orderBy('o.created_at')
    .executeTakeFirst();
  if (!row) throw notFound('A published trust center');
  return { db, organizationId: row.id, actor: systemActor };
}

const newest = (dates: (Date | string | null | undefined)[]) =>
  dates.reduce<Date>((max, d) => (d && new Date(d) > max ? new Date(d) : max), new Date(0));

export async function overviewData(ctx: ServiceContext) {
  const org = ctx.organizationId;
  const [settings, claims, controls, placement, locations, organization, frameworks] = await Promise.all([
    getSettings(ctx),
    getClaims(ctx),
    getPublicControls(ctx),
    servicePlacement(ctx),
    ctx.db.selectFrom('locations').select(['updated_at']).where('organization_id', '=', org).execute(),
    ctx.db
      .selectFrom('organizations')
      .select(['name', 'security_contact_email', 'updated_at'])
      .where('id', '=', org)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('frameworks')
      .select(['name', 'updated_at'])
      .where('organization_id', '=', org)
      .orderBy('name')
      .execute(),
  ]);
  const updatedAt = newest([
    settings.updatedAt,
    organization.updated_at,
    ...locations.map((l) => l.updated_at),
    ...frameworks.map((f) => f.updated_at),
  ]);
  return { settings, claims, controls, placement, organization, frameworks, updatedAt };
}

export async function faqData(ctx: ServiceContext, language: string | undefined) {
  const languages = await ctx.db
    .selectFrom('faq_sections')
    .select('language')
    .distinct()
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('language')
    .execute();
  const available = languages.map((l) => l.language);
  const chosen =
    language && available.includes(language)
      ? language
      : available.includes('en')
        ? 'en'
        : (available[0] ?? 'en');
  const [settings, entries] = await Promise.all([getSettings(ctx), publicEntries(ctx, chosen)]);
  const updatedAt = newest([settings.updatedAt, ...entries.map((e) => e.updated_at)]);
  return { settings, entries, language: chosen, languages: available, updatedAt };
}

export async function subprocessorData(ctx: ServiceContext) {
  const [settings, rows] = await Promise.all([
    getSettings(ctx),
    ctx.db
      .selectFrom('subprocessors')
      .select(['name', 'purpose', 'country', 'transfer_mechanism', 'status', 'effective_on', 'updated_at'])
      .where('organization_id', '=', ctx.organizationId)
      .where('status', '<>', 'removed')
      .orderBy('status')
      .orderBy('name')
      .limit(500)
      .execute(),
  ]);
  return { settings, rows, updatedAt: newest([settings.updatedAt, ...rows.map((r) => r.updated_at)]) };
}

export async function securityTxtData(ctx: ServiceContext) {
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['name', 'security_contact_email'])
    .where('id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  return org;
}

/** Whether the host name is the custom domain of a published trust center. */
export async function isCustomDomain(db: Kysely<Database>, host: string | undefined): Promise<boolean> {
  const hostName = host?.split(':')[0]?.toLowerCase();
  if (!hostName) return false;
  const row = await db
    .selectFrom('trust_center_settings')
    .select('organization_id')
    .where('custom_domain', '=', hostName)
    .where('published', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
