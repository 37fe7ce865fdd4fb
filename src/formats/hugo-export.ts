import { yamlValue } from './hugo-front-matter.js';

export interface FaqExportSection {
  title: string;
  entries: { question: string; answer: string }[];
}

export interface FaqExportInput {
  language: string;
  title: string;
  /** The date the page states, e.g. the latest change, as YYYY-MM-DD; given so output is deterministic. */
  date: string;
  slug?: string;
  sections: FaqExportSection[];
  /**
   * The imported page's own front matter and the text around its FAQ block; with them the export can replace
   * the original page (title, slug, section, intro and any other key come back as they were).
   */
  page?: { frontMatterText: string; preamble: string; epilogue: string } | undefined;
}

/**
 * Hugo runs `{{<` and `{{%` as shortcodes anywhere in content; the entity keeps the braces visible but inert.
 * An existing `&#123;` is escaped first so import can undo both exactly.
 */
export function neutraliseBraces(text: string): string {
  return text.replaceAll('&#123;', '&amp;#123;').replaceAll('{{', '&#123;&#123;');
}

function questionAttribute(question: string): string {
  return neutraliseBraces(question.replace(/\s+/g, ' ').trim())
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"');
}

function frontMatter(fields: [string, string | number | boolean | undefined][]): string {
  const lines = fields
    .filter((f): f is [string, string | number | boolean] => f[1] !== undefined)
    .map(([key, value]) => `${key}: ${yamlValue(value)}`);
  return ['---', ...lines, '---', ''].join('\n');
}

/** One FAQ page per language, in the form parseHugoFaq reads; the same input always gives the same bytes. */
export function renderHugoFaq(input: FaqExportInput): string {
  const page = input.page;
  const parts = page
    ? [['---', page.frontMatterText, '---', ''].join('\n'), ...(page.preamble ? [page.preamble, ''] : [])]
    : [
        frontMatter([
          ['title', input.title],
          ['language', input.language],
          ['date', input.date],
          ['draft', false],
          ['slug', input.slug],
        ]),
      ];
  for (const section of input.sections) {
    if (section.entries.length === 0) continue;
    parts.push(`## ${section.title.replace(/\s+/g, ' ').trim()}`, '');
    for (const entry of section.entries) {
      parts.push(
        `{{% question question="${questionAttribute(entry.question)}" %}}`,
        neutraliseBraces(entry.answer.trim()),
        '{{% /question %}}',
        '',
      );
    }
  }
  if (page?.epilogue) parts.push(page.epilogue);
  return `${parts.join('\n').trimEnd()}\n`;
}

export interface ChapterInput {
  organization: string;
  service: { name: string; description: string };
  date: string;
  language: string;
  /** One public line per certification, as its claim allows ("FR2000: Certified…"); withheld ones left out. */
  certifications: string[];
  /** The locations of this service only. */
  locations: { code: string; city: string; country: string; storesData: boolean }[];
  /** "STO1 → STO2 or OSL1" lines from the service's DR pairings. */
  drLines: string[];
  /** Generated from the claims: the transfer sentence and, when stated, the residency sentence. */
  gdpr: { transfers: string; residency: string | null };
  /** Statements of the other claims that hold (encryption at rest, restore tests, SLA target…). */
  claims: string[];
  controls: { ref: string; title: string; status: string; health: string; scope: 'baseline' | 'service' }[];
}

function escapeCell(text: string): string {
  return neutraliseBraces(text.replace(/\s+/g, ' ').trim()).replaceAll('|', '\\|');
}

function controlTable(controls: ChapterInput['controls']): string[] {
  if (controls.length === 0) return ['No controls are recorded for this service yet.'];
  return [
    '| Control | Title | Scope | Status | Health |',
    '| --- | --- | --- | --- | --- |',
    ...controls.map(
      (c) =>
        `| ${escapeCell(c.ref)} | ${escapeCell(c.title)} | ${c.scope === 'baseline' ? 'Baseline (all services)' : 'This service'} | ${escapeCell(c.status)} | ${escapeCell(c.health)} |`,
    ),
  ];
}

/** The "Security and Compliance" chapter of one service as a Hugo page; every statement comes from records. */
export function renderServiceChapter(input: ChapterInput): string {
  const stored = input.locations.filter((l) => l.storesData);
  const countries = [...new Set(stored.map((l) => l.country))].sort();
  const sites = stored.map((l) => `${l.code} (${escapeCell(l.city)}, ${l.country})`);
  const lines = [
    frontMatter([
      ['title', `Security and Compliance: ${input.service.name}`],
      ['language', input.language],
      ['date', input.date],
      ['draft', false],
    ]),
    '## Overview',
    '',
    neutraliseBraces(
      input.service.description.trim() || `${input.service.name} is operated by ${input.organization}.`,
    ),
    '',
    '## Certifications',
    '',
    ...(input.certifications.length > 0
      ? input.certifications.map((c) => `- ${escapeCell(c)}`)
      : ['None yet.']),
    '',
    '## GDPR',
    '',
    `${escapeCell(input.organization)} acts as a processor for the personal data customers store in ${escapeCell(input.service.name)}.`,
    escapeCell(input.gdpr.transfers),
    '',
    '## Data residency',
    '',
    sites.length > 0
      ? `Data is stored in the data centre the customer chooses: ${sites.join(', ')}. Countries: ${countries.join(', ')}.`
      : 'No data centres are recorded for this service yet.',
    ...(input.gdpr.residency ? ['', escapeCell(input.gdpr.residency)] : []),
    '',
    input.drLines.length > 0
      ? `Disaster recovery: ${input.drLines.map(escapeCell).join('; ')}.`
      : 'This service offers no disaster-recovery pairing.',
    ...(input.claims.length > 0
      ? ['', '## Checked statements', '', ...input.claims.map((c) => `- ${escapeCell(c)}`)]
      : []),
    '',
    '## Controls',
    '',
    'The baseline controls apply to every service; the service-specific ones to this service only. Health is',
    "derived from each control's checks and the freshness of its evidence.",
    '',
    ...controlTable(input.controls),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
