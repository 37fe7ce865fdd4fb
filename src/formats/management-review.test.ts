import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import type { ReviewReport } from '../contracts/management-review.js';
import { escapeMarkdown, renderReviewMarkdown } from './management-review-markdown.js';
import { renderReviewPdf } from './management-review-pdf.js';
import type { ReviewDocument } from './management-review-sections.js';

const zero = { low: 0, medium: 0, high: 0, critical: 0 };
const report: ReviewReport = {
  version: 1,
  assembledAt: '2026-11-20T09:30:00.000Z',
  organizationName: 'Norrsken Cloud AB',
  review: {
    title: 'Ledningens genomgång 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-11-15',
    meetingDate: '2026-11-25',
    attendees: ['Åsa Öberg'],
  },
  previousActions: {
    previousReview: 'Review 2025',
    items: [{ text: 'Second cooling unit', ownerName: null, dueDate: '2026-06-01', overdue: true }],
  },
  audits: {
    completed: [
      { title: 'Internal audit <b>Q4</b>', type: 'internal', completedOn: '2026-10-01', conclusion: '' },
    ],
    findingsByType: { majorNc: 0, minorNc: 1, observation: 2, opportunity: 0 },
  },
  nonconformities: {
    openedInPeriod: 1,
    closedInPeriod: 1,
    openBySeverity: { major: 0, minor: 0 },
    overdueActions: [{ ncRef: 'NC-001', description: 'a | b', ownerName: 'Ops', dueDate: '2026-11-01' }],
  },
  risks: {
    total: 3,
    inherentByLevel: { ...zero, critical: 3 },
    residualByLevel: { ...zero, low: 2, high: 1 },
    accepted: 1,
    expiringAcceptances: [],
    trend: { previousReview: 'Review 2025', previousTotal: 1, previousResidualByLevel: { ...zero, high: 1 } },
  },
  objectives: {
    items: [
      {
        title: 'Reliable storage',
        area: 'information-security',
        ownerName: 'Ops',
        dueDate: '2027-01-01',
        kpis: [
          {
            name: 'Availability',
            unit: '%',
            direction: 'higher-is-better',
            target: 99.9,
            threshold: null,
            latest: 99.5,
            status: 'off-track',
          },
        ],
      },
    ],
  },
  checks: {
    passing: 4,
    failing: 1,
    unknown: 0,
    failingList: [{ name: 'Backup age', lastRunAt: null }],
    coverage: [],
  },
  policies: { published: 2, overdueReviews: [], campaigns: [] },
  incidents: { tracked: false, note: 'Tillit has no incident register yet.' },
};
const doc: ReviewDocument = {
  report,
  status: 'closed',
  decisions: [{ text: '**Buy** a second cooling unit', ownerName: 'Ops', dueDate: '2027-03-01' }],
};

test('Markdown: every section, figures and trend, and data escaped', () => {
  const md = renderReviewMarkdown(doc);
  assert.equal(md, renderReviewMarkdown(doc));
  assert.match(md, /^# Ledningens genomgång 2026\n/);
  for (const h of [
    'Actions from previous reviews',
    'Audit results',
    'Risks',
    'Objectives and KPIs',
    'Incidents',
  ]) {
    assert.match(md, new RegExp(`\\n## ${h}\\n`), h);
  }
  assert.match(md, /Internal audit \\<b\\>Q4\\<\/b\\>/);
  assert.match(md, /\| NC-001 \| a \\\| b \| Ops \| 2026-11-01 \|/);
  assert.match(
    md,
    /Trend since "Review 2025": \+2 open risks; residual critical 0, high 0, medium 0, low \+2/,
  );
  assert.match(md, /\| Reliable storage \| Availability \| \\>= 99\.9 % \| 99\.5 % \| off track \|/);
  assert.match(md, /\\\*\\\*Buy\\\*\\\* a second cooling unit/);
  assert.match(md, /- Second cooling unit \(owner: none; due: 2026-06-01; overdue\)/);
  assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
  assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
});

test('PDF: starts with %PDF- and holds the text, with Nordic letters kept', async () => {
  const pdf = await renderReviewPdf(doc);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  let text = '';
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/<<([\s\S]*?)>>\nstream\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(m[1] ?? '')?.[1]);
    const start = (m.index ?? 0) + m[0].length;
    let body = pdf.subarray(start, start + length);
    if ((m[1] ?? '').includes('/FlateDecode')) body = inflateSync(body);
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)) {
      text += `${[...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join('')}\n`;
    }
  }
  assert.match(text, /Ledningens genomgång 2026/);
  assert.match(text, /Åsa Öberg/);
  assert.match(text, /Incidents/);
  assert.match(text, /Tillit has no incident register yet\./);
  assert.deepEqual(await renderReviewPdf(doc), pdf);
});
