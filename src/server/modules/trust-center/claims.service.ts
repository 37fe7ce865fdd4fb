import type { Claim, ClaimSetInput } from '../../../contracts/claims.js';
import { lastMonths, monthBounds } from '../../../formats/availability.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { controlVisible } from '../../kernel/auth/framework-scope.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { evidenceState, isFailing, newestEvidenceDate } from '../controls/index.js';
import { availabilityFor, availabilityMeasured, getSlaSettings } from '../incidents/index.js';
import { type ClaimRecords, evaluateClaims } from './claims.rules.js';
import { allCertifications } from './settings.service.js';

async function positions(ctx: ServiceContext): Promise<ClaimRecords['positions']> {
  const rows = await ctx.db
    .selectFrom('trust_claims')
    .select(['kind', 'control_id', 'max_age_days', 'target'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    controlId: r.control_id,
    maxAgeDays: r.max_age_days,
    target: r.target,
  }));
}

async function dataPlaces(ctx: ServiceContext): Promise<ClaimRecords['dataPlaces']> {
  const org = ctx.organizationId;
  const [services, assets] = await Promise.all([
    ctx.db
      .selectFrom('service_locations as sl')
      .innerJoin('services as s', 's.id', 'sl.service_id')
      .innerJoin('locations as l', 'l.id', 'sl.location_id')
      .select(['s.name', 'l.code', 'l.city', 'l.country'])
      .where('sl.organization_id', '=', org)
      .where('sl.stores_data', '=', true)
      .orderBy('s.name')
      .orderBy('l.code')
      .execute(),
    ctx.db
      .selectFrom('assets as a')
      .innerJoin('locations as l', 'l.id', 'a.location_id')
      .select(['a.name', 'l.code', 'l.city', 'l.country'])
      .where('a.organization_id', '=', org)
      .orderBy('a.name')
      .limit(5000)
      .execute(),
  ]);
  return [
    ...services.map((r) => ({ holder: `service ${r.name}`, code: r.code, city: r.city, country: r.country })),
    ...assets.map((r) => ({ holder: `asset ${r.name}`, code: r.code, city: r.city, country: r.country })),
  ];
}

async function controls(ctx: ServiceContext, ids: string[]): Promise<ClaimRecords['controls']> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('controls as c')
    .select([
      'c.id',
      'c.ref',
      'c.title',
      isFailing('c').as('failing'),
      evidenceState('c').as('evidence'),
      controlVisible(ctx.actor, 'c.id').as('visible'),
      newestEvidenceDate('c').as('newest'),
    ])
    .where('c.organization_id', '=', ctx.organizationId)
    .where('c.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        // A scoped auditor learns that a control outside their scope proves the claim, not which one.
        ref: r.visible ? r.ref : 'outside your audit scope',
        title: r.visible ? r.title : '',
        failing: Boolean(r.failing),
        evidence: r.evidence,
        newest: r.newest ? new Date(r.newest) : null,
      },
    ]),
  );
}

const SLA_MONTHS = 12;

/** Availability over the last complete months, for the SLA claim. */
async function availability(ctx: ServiceContext, now: Date): Promise<ClaimRecords['availability']> {
  const months = lastMonths(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)), SLA_MONTHS);
  const from = new Date(monthBounds(months[0] ?? '').start);
  const to = new Date(monthBounds(months.at(-1) ?? '').end);
  const [measured, rows] = await Promise.all([
    availabilityMeasured(ctx, from, to),
    availabilityFor(ctx, months, now),
  ]);
  return {
    measured,
    months: SLA_MONTHS,
    rows: rows.map((x) => ({
      service: x.service,
      location: x.location ?? 'every location',
      month: x.month,
      availability: x.availability,
      minutes: x.minutes,
      downMinutes: x.downMinutes,
      excludedMinutes: x.excludedMinutes,
      target: x.target,
    })),
  };
}

/** The records every claim is checked against, read in one go. */
export async function loadClaimRecords(ctx: ServiceContext, now = new Date()): Promise<ClaimRecords> {
  const [stated, certifications, places, subprocessors] = await Promise.all([
    positions(ctx),
    allCertifications(ctx),
    dataPlaces(ctx),
    ctx.db
      .selectFrom('subprocessors')
      .select(['name', 'country', 'transfer_mechanism as mechanism'])
      .where('organization_id', '=', ctx.organizationId)
      .where('status', '<>', 'removed')
      .orderBy('name')
      .limit(500)
      .execute(),
  ]);
  const controlIds = stated.flatMap((p) => (p.controlId ? [p.controlId] : []));
  const slaStated = stated.some((p) => p.kind === 'sla-target');
  const sla = slaStated ? await availability(ctx, now) : undefined;
  // One SLA target: the one availability, credits and per-service targets are computed against (Outages and SLA).
  const slaTarget = slaStated ? String((await getSlaSettings(ctx)).target) : '';
  return {
    availability: sla,
    positions: stated.map((p) => (p.kind === 'sla-target' ? { ...p, target: slaTarget } : p)),
    certifications,
    dataPlaces: places,
    subprocessors,
    controls: await controls(ctx, controlIds),
  };
}

/** Every claim checked against the records as they are now. */
export async function getClaims(ctx: ServiceContext, now = new Date()): Promise<Claim[]> {
  return evaluateClaims(await loadClaimRecords(ctx, now), now);
}

/** Replaces the organisation's stated positions; each control named must be the organisation's own. */
export function replaceClaims(ctx: ServiceContext, input: ClaimSetInput): Promise<Claim[]> {
  return inTransaction(ctx, async (tx) => {
    const before = await positions(tx);
    const ids = input.claims.flatMap((c) => (c.controlId ? [c.controlId] : []));
    const own = new Set(
      ids.length
        ? (
            await tx.db
              .selectFrom('controls')
              .select('id')
              .where('organization_id', '=', tx.organizationId)
              .where('id', 'in', ids)
              .execute()
          ).map((r) => r.id)
        : [],
    );
    for (const [i, c] of input.claims.entries()) {
      if (c.controlId && !own.has(c.controlId))
        throw new AppError('VALIDATION_FAILED', `claims[${i}].controlId: no control ${c.controlId}`);
    }
    await tx.db.deleteFrom('trust_claims').where('organization_id', '=', tx.organizationId).execute();
    if (input.claims.length > 0)
      await tx.db
        .insertInto('trust_claims')
        .values(
          input.claims.map((c) => ({
            organization_id: tx.organizationId,
            kind: c.kind,
            control_id: c.controlId,
            max_age_days: c.maxAgeDays,
            target: c.target,
          })),
        )
        .execute();
    const after = await positions(tx);
    await recordAuditEvent(
      tx,
      'trust-claims.replaced',
      { type: 'trust-claims', id: null },
      {
        kinds: after.map((p) => p.kind),
        changes:
          JSON.stringify(before) === JSON.stringify(after) ? {} : { claims: { from: before, to: after } },
      },
    );
    return getClaims(tx);
  });
}
