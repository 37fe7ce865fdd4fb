import { type ReportDocument, renderReportMarkdown } from '../../../formats/incident-report-markdown.js';
import { renderReportPdf } from '../../../formats/incident-report-pdf.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { formatInZone } from './incident-clock.js';
import { reportCatalogue } from './incident-obligations.js';
import { reportFields } from './incident-report-drafts.js';
import { getIncidentSettings } from './incident-settings.service.js';
import { findIncident, reportsOf } from './incidents.repository.js';

/** A report as the authority reads it, with times in the organisation's time zone. */
async function reportDocument(
  ctx: ServiceContext,
  incidentId: string,
  reportId: string,
): Promise<{ doc: ReportDocument; baseName: string; created: Date }> {
  const incident = await findIncident(ctx, incidentId);
  const row = (await reportsOf(ctx, incidentId)).find((r) => r.id === reportId);
  if (!row) throw notFound(`Report ${reportId}`);
  const { timeZone } = await getIncidentSettings(ctx);
  const doc: ReportDocument = {
    title: reportCatalogue[row.type].label,
    incident: `${incident.ref} ${incident.title}`,
    authority: row.authority,
    version: row.version,
    due: row.due_at ? formatInZone(row.due_at, timeZone) : null,
    status: row.status,
    submitted: row.submitted_at
      ? `${formatInZone(row.submitted_at, timeZone)} by ${row.submitter ?? 'unknown'}, reference ${row.submission_reference}`
      : null,
    fields: reportFields[row.type].map(([key, label]) => ({ label, value: row.content[key] ?? '' })),
  };
  return {
    doc,
    baseName: `${incident.ref}-${row.type}-v${row.version}`,
    created: row.submitted_at ?? row.updated_at,
  };
}

export async function exportReportMarkdown(
  ctx: ServiceContext,
  incidentId: string,
  reportId: string,
): Promise<{ body: string; fileName: string }> {
  const { doc, baseName } = await reportDocument(ctx, incidentId, reportId);
  return { body: renderReportMarkdown(doc), fileName: `${baseName}.md` };
}

export async function exportReportPdf(
  ctx: ServiceContext,
  incidentId: string,
  reportId: string,
): Promise<{ body: Buffer; fileName: string }> {
  const { doc, baseName, created } = await reportDocument(ctx, incidentId, reportId);
  return { body: await renderReportPdf(doc, created), fileName: `${baseName}.pdf` };
}
