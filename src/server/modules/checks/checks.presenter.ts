import type { Check } from '../../../contracts/checks.js';
import { checkStatusSchema } from '../../../contracts/checks.js';
import type { ControlRef } from '../../../contracts/evidence.js';
import { storedConfig } from './check-config.js';
import { nextSlot } from './check-schedule.js';
import type { CheckQueryRow } from './checks.repository.js';

export function presentCheck(r: CheckQueryRow, controls: ControlRef[], now = new Date()): Check {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    ...storedConfig(r),
    schedule: r.schedule,
    nextRunAt: r.schedule ? nextSlot(r.schedule, now).toISOString() : null,
    evidenceValidityDays: r.evidence_validity_days,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? 'Removed user' } : null,
    status: checkStatusSchema.parse(r.status),
    lastRunAt: r.last_run_at?.toISOString() ?? null,
    controls,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
