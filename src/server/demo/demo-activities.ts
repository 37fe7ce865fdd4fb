import { activityCreateSchema } from '../../contracts/activities.js';
import type { ServiceContext } from '../kernel/context.js';
import { createActivity } from '../modules/activities/index.js';

async function userId(ctx: ServiceContext, email: string): Promise<string> {
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) throw new Error(`the demo activities need ${email}`);
  return user.id;
}

async function controlIds(ctx: ServiceContext, titles: string[]): Promise<string[]> {
  if (titles.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('controls')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('title', 'in', titles)
    .execute();
  return rows.map((r) => r.id);
}

/** Norrsken's recurring work: restore tests, fire-safety rounds per data centre, the DR test, access reviews. */
export async function seedDemoActivities(ctx: ServiceContext): Promise<void> {
  const ciso = await userId(ctx, 'ingrid.holm@norrsken.example');
  const platform = await userId(ctx, 'erik.lund@norrsken.example');
  const facilities = await userId(ctx, 'sara.berg@norrsken.example');
  const escalation = { escalationDays: 7, escalationUserId: ciso };
  const fireSafety = await controlIds(ctx, ['Systematic fire-safety work']);
  const activities = [
    {
      title: 'Quarterly restore test',
      description:
        'Restore a sampled customer backup into the STO2 test environment and record the time taken.',
      kind: 'restore-test',
      schedule: {
        type: 'rrule',
        expression: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;BYHOUR=9',
        startsAt: '2026-01-01T00:00:00Z',
      },
      assigneeId: platform,
      controlIds: await controlIds(ctx, ['Backups with restore tests']),
      evidenceRequired: true,
      leadDays: 14,
      ...escalation,
    },
    ...['STO1', 'STO2', 'OSL1'].map((dc, i) => ({
      title: `Fire-safety round ${dc}`,
      description: `Walk the ${dc} halls with the SBA checklist: extinguishers, exits, gas suppression panel.`,
      kind: 'fire-safety-round',
      schedule: { type: 'cron', expression: `0 8 ${i + 1} * *` },
      assigneeId: facilities,
      controlIds: fireSafety,
      evidenceRequired: true,
      leadDays: 3,
      ...escalation,
    })),
    {
      title: 'Yearly DR test',
      description: 'Fail a customer-facing service over to its DR location and back; measure RTO and RPO.',
      kind: 'dr-test',
      schedule: {
        type: 'rrule',
        expression: 'FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1;BYHOUR=8',
        startsAt: '2026-01-01T00:00:00Z',
      },
      assigneeId: platform,
      controlIds: await controlIds(ctx, ['Continuity and disaster recovery']),
      evidenceRequired: true,
      leadDays: 30,
      ...escalation,
    },
    {
      title: 'Quarterly access review',
      description: 'Review administrator access and hardware keys; revoke what is no longer needed.',
      kind: 'access-review',
      schedule: {
        type: 'rrule',
        expression: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1;BYHOUR=9',
        startsAt: '2026-01-01T00:00:00Z',
      },
      assigneeId: ciso,
      controlIds: await controlIds(ctx, ['Access on hardware security keys']),
      evidenceRequired: true,
      leadDays: 7,
      escalationDays: null,
      escalationUserId: null,
    },
  ];
  for (const a of activities) await createActivity(ctx, activityCreateSchema.parse(a));
}
