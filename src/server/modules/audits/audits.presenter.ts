import type { AuditStatus, AuditSummary, AuditType } from '../../../contracts/audits.js';
import type { AuditListRow } from './audits.repository.js';

export const presentAuditSummary = (r: AuditListRow): AuditSummary => ({
  id: r.id,
  programmeId: r.programme_id,
  programmeYear: r.programme_year,
  title: r.title,
  type: r.type as AuditType,
  status: r.status as AuditStatus,
  plannedStart: r.planned_start,
  plannedEnd: r.planned_end,
  leadAuditorId: r.lead_auditor_id,
  leadAuditorName: r.lead_auditor_name,
  externalAuditor: r.external_auditor,
  findingCount: Number(r.finding_count),
});
