import type { IncidentReport, IncidentSummary } from '../../../contracts/incidents.js';
import { reportCatalogue } from './incident-obligations.js';
import type { IncidentRow, ReportRow } from './incidents.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentIncidentSummary(r: IncidentRow): IncidentSummary {
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    category: r.category,
    severity: r.severity,
    status: r.status,
    awareAt: r.aware_at.toISOString(),
    significant: r.significant,
    reporter: r.reported_by ? { id: r.reported_by, name: r.reporter_name ?? '' } : null,
    nextDueAt: iso(r.next_due_at ? new Date(r.next_due_at) : null),
    overdueReports: Number(r.overdue_reports),
    published: r.published,
  };
}

export function presentReport(r: ReportRow, now = new Date()): IncidentReport {
  return {
    id: r.id,
    type: r.type,
    label: reportCatalogue[r.type].label,
    version: r.version,
    authority: r.authority,
    dueAt: iso(r.due_at),
    overdue: r.status === 'draft' && r.due_at !== null && r.due_at < now,
    status: r.status,
    content: r.content,
    submittedAt: iso(r.submitted_at),
    submittedBy: r.submitter,
    submissionReference: r.submission_reference,
  };
}
