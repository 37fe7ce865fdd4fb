import type { LevelCounts, ReviewReport } from '../contracts/management-review.js';

export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] };

export interface Section {
  heading: string;
  blocks: Block[];
}

/** What a renderer needs: the stored snapshot plus the decisions recorded on the review. */
export interface ReviewDocument {
  report: ReviewReport;
  status: string;
  decisions: { text: string; ownerName: string | null; dueDate: string | null }[];
}

const text = (t: string): Block => ({ kind: 'text', text: t });
const list = (items: string[], empty: string): Block =>
  items.length ? { kind: 'list', items } : text(empty);
const levels = ['critical', 'high', 'medium', 'low'] as const;
const levelText = (c: LevelCounts) => levels.map((l) => `${l} ${c[l]}`).join(', ');
const signed = (d: number) => (d > 0 ? `+${d}` : String(d));
const kpiStatusText = {
  'no-data': 'no data',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
} as const;

function previousActions(r: ReviewReport): Section {
  const p = r.previousActions;
  return {
    heading: 'Actions from previous reviews',
    blocks: p.previousReview
      ? [
          text(`From "${p.previousReview}":`),
          list(
            p.items.map(
              (a) =>
                `${a.text} (owner: ${a.ownerName ?? 'none'}; due: ${a.dueDate ?? 'no date'}${a.overdue ? '; overdue' : ''})`,
            ),
            'The previous review recorded no decisions or actions.',
          ),
        ]
      : [text('This is the first management review: there are no earlier decisions to follow up.')],
  };
}

function audits(r: ReviewReport): Section {
  const f = r.audits.findingsByType;
  return {
    heading: 'Audit results',
    blocks: [
      list(
        r.audits.completed.map(
          (a) =>
            `${a.title} (${a.type}, completed ${a.completedOn})${a.conclusion ? `: ${a.conclusion}` : ''}`,
        ),
        'No audits were completed in the period.',
      ),
      text(
        `Findings: ${f.majorNc} major nonconformities, ${f.minorNc} minor nonconformities, ${f.observation} observations, ${f.opportunity} opportunities for improvement.`,
      ),
    ],
  };
}

function nonconformities(r: ReviewReport): Section {
  const n = r.nonconformities;
  return {
    heading: 'Nonconformities and corrective actions',
    blocks: [
      text(
        `Opened in the period: ${n.openedInPeriod}. Closed in the period: ${n.closedInPeriod}. Open now: ${n.openBySeverity.major} major, ${n.openBySeverity.minor} minor.`,
      ),
      n.overdueActions.length
        ? {
            kind: 'table',
            headers: ['Nonconformity', 'Overdue corrective action', 'Owner', 'Due'],
            rows: n.overdueActions.map((a) => [a.ncRef, a.description, a.ownerName, a.dueDate]),
          }
        : text('No corrective action is overdue.'),
    ],
  };
}

function risks(r: ReviewReport): Section {
  const k = r.risks;
  const trend = k.trend
    ? text(
        `Trend since "${k.trend.previousReview}": ${signed(k.total - k.trend.previousTotal)} open risks; residual ${levels
          .map((l) => `${l} ${signed(k.residualByLevel[l] - (k.trend?.previousResidualByLevel[l] ?? 0))}`)
          .join(', ')}.`,
      )
    : text('Trend: no earlier assembled review to compare with.');
  return {
    heading: 'Risks',
    blocks: [
      text(
        `Open risks: ${k.total}. Inherent: ${levelText(k.inherentByLevel)}. Residual: ${levelText(k.residualByLevel)}.`,
      ),
      trend,
      text(`Accepted risks: ${k.accepted}.`),
      list(
        k.expiringAcceptances.map((a) => `${a.ref} ${a.title}: acceptance expires ${a.expiresOn}`),
        'No risk acceptance expires within 90 days.',
      ),
    ],
  };
}

function objectives(r: ReviewReport): Section {
  const rows = r.objectives.items.flatMap((o) =>
    o.kpis.length
      ? o.kpis.map((k) => [
          o.title,
          k.name,
          `${k.direction === 'higher-is-better' ? '>=' : '<='} ${k.target}${k.unit ? ` ${k.unit}` : ''}`,
          k.latest === null ? '-' : `${k.latest}${k.unit ? ` ${k.unit}` : ''}`,
          kpiStatusText[k.status],
        ])
      : [[o.title, 'no KPI', '-', '-', 'no data']],
  );
  return {
    heading: 'Objectives and KPIs',
    blocks: [
      rows.length
        ? { kind: 'table', headers: ['Objective', 'KPI', 'Target', 'Latest', 'Status'], rows }
        : text('No objectives are set.'),
    ],
  };
}

function checks(r: ReviewReport): Section {
  const c = r.checks;
  return {
    heading: 'Check results and evidence',
    blocks: [
      text(`Checks: ${c.passing} passing, ${c.failing} failing, ${c.unknown} not yet run.`),
      list(
        c.failingList.map(
          (f) => `Failing: ${f.name}${f.lastRunAt ? ` (last run ${f.lastRunAt.slice(0, 10)})` : ''}`,
        ),
        'No check is failing.',
      ),
      c.coverage.length
        ? {
            kind: 'table',
            headers: [
              'Framework',
              'Applicable',
              'Covered',
              'Implemented',
              'Fresh',
              'Stale',
              'Missing',
              'Failing',
            ],
            rows: c.coverage.map((f) =>
              [
                f.framework,
                f.applicable,
                f.covered,
                f.implemented,
                f.evidenceFresh,
                f.evidenceStale,
                f.evidenceMissing,
                f.failingControls,
              ].map(String),
            ),
          }
        : text('No framework is installed.'),
    ],
  };
}

function policies(r: ReviewReport): Section {
  const p = r.policies;
  return {
    heading: 'Policies',
    blocks: [
      text(`Published policies: ${p.published}. Overdue reviews: ${p.overdueReviews.length}.`),
      list(
        p.overdueReviews.map((o) => `${o.title}: review was due ${o.nextReviewOn}`),
        'No policy review is overdue.',
      ),
      p.campaigns.length
        ? {
            kind: 'table',
            headers: ['Acknowledgement campaign', 'Version', 'Acknowledged', 'Due'],
            rows: p.campaigns.map((c) => [
              c.title,
              String(c.version),
              `${c.acknowledged} of ${c.targeted}`,
              c.dueOn,
            ]),
          }
        : text('No acknowledgement campaign ran in the period.'),
    ],
  };
}

function decisions(doc: ReviewDocument): Section {
  return {
    heading: 'Decisions and actions',
    blocks: [
      list(
        doc.decisions.map(
          (d) => `${d.text} (owner: ${d.ownerName ?? 'none'}; due: ${d.dueDate ?? 'no date'})`,
        ),
        'No decisions recorded yet.',
      ),
    ],
  };
}

const percentText = (n: number) => `${Number(n.toFixed(3))} %`;
const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

function incidents(r: ReviewReport): Section {
  const i = r.incidents;
  if (!i.tracked) return { heading: 'Incidents', blocks: [text(i.note)] };
  const a = i.availability;
  return {
    heading: 'Incidents, reports and availability',
    blocks: [
      text(
        `${i.total} incident(s) became known in the period (${i.significant} significant; ${i.open} still open). By severity: ${countsText(i.bySeverity)}. By category: ${countsText(i.byCategory)}.`,
      ),
      text(
        `${i.reports.due} report(s) to authorities or data subjects fell due in the period: ${i.reports.onTime} submitted on time, ${i.reports.late} late.`,
      ),
      list(
        i.reports.overdue.map(
          (o) => `${o.ref} ${o.title}: ${o.type} due ${o.dueAt.slice(0, 16).replace('T', ' ')} UTC`,
        ),
        'No report is overdue.',
      ),
      a.months.length === 0
        ? text('No complete month of the period to measure availability in yet.')
        : text(
            `Availability over ${a.months[0]} to ${a.months.at(-1)}: ${a.lowest ? `lowest ${percentText(a.lowest.availability)} (${a.lowest.service} in ${a.lowest.location}, ${a.lowest.month})` : 'no service recorded'}; ${a.belowTarget.length} service-month(s) below target.`,
          ),
      ...(a.belowTarget.length > 0
        ? [
            {
              kind: 'table' as const,
              headers: ['Service', 'Location', 'Month', 'Availability', 'Target'],
              rows: a.belowTarget.map((b) => [
                b.service,
                b.location,
                b.month,
                percentText(b.availability),
                percentText(b.target),
              ]),
            },
          ]
        : []),
    ],
  };
}

/** The report as ordered sections of plain text; renderers only format them. */
export function reviewSections(doc: ReviewDocument): Section[] {
  const r = doc.report;
  return [
    previousActions(r),
    audits(r),
    nonconformities(r),
    risks(r),
    objectives(r),
    checks(r),
    policies(r),
    incidents(r),
    decisions(doc),
  ];
}

export function reviewHeaderLines(doc: ReviewDocument): string[] {
  const { review, organizationName, assembledAt } = doc.report;
  return [
    `${organizationName}: management review`,
    `Period ${review.periodFrom} to ${review.periodTo}; meeting ${review.meetingDate}.`,
    `Attendees: ${review.attendees.length ? review.attendees.join(', ') : 'none recorded'}.`,
    `Assembled ${assembledAt.slice(0, 16).replace('T', ' ')} UTC; status ${doc.status}.`,
  ];
}
