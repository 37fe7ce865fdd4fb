/**
 * Generates the built-in GDPR catalogue (src/server/modules/frameworks/builtin/gdpr.generated.json) from
 * GDPRtEXT's gdpr.json (https://github.com/coolharsh55/GDPRtEXT, by Harshvardhan J. Pandit, CC-BY-4.0).
 * The source lives in ../shared/data, which a fresh clone does not have, so the output is committed and a test
 * compares it with a fresh generation.
 *
 *   node --import tsx scripts/generate-gdpr-catalog.ts [path/to/gdpr.json]
 *
 * Selection: the articles a cloud provider acting as a PROCESSOR has to operationalise, either as its own duty
 * (role `processor`) or by helping the controller meet the controller's duty (role `assisting`):
 * - Art. 5 principles, and Art. 12–22 data-subject rights (assisting): we must be able to find, export, correct,
 *   restrict and delete data on instruction, and supply the facts (sub-processors, locations, retention) that the
 *   controller's notices under Art. 13–14 need.
 * - Art. 24–25 controller responsibility and privacy by design (assisting): our documented measures and
 *   defaults are what lets the controller show it picked a compliant processor.
 * - Art. 28 processor, Art. 29 acting on instructions, Art. 31 cooperation with the authority, Art. 32 security
 *   of processing (processor): all paragraphs.
 * - Art. 30 records: only paragraphs 2–4, the processor's own record; paragraph 1 is the controller's record and
 *   paragraph 5 an exemption for small organisations that does not apply to a provider.
 * - Art. 33 breach notification: paragraph 2 (notify the controller) and paragraph 3 (the content the controller
 *   needs from us); paragraphs 1, 4 and 5 are the controller's own notification and documentation.
 * - Art. 34 communication to data subjects and Art. 35–36 DPIA and prior consultation (assisting).
 * - Art. 37–39 data protection officer (processor): the duty to designate one applies to processors too.
 * - Art. 44–46 transfers (processor): general principle, adequacy, safeguards. Art. 47–49 (binding corporate
 *   rules, derogations) are left out because the service makes no third-country transfers.
 * Left out: Art. 23 (restrictions by law), Art. 26–27 (joint controllers, representatives outside the EU),
 * Art. 40–43 (codes and certification are voluntary) and the chapters on authorities, remedies and final provisions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { packageRoot } from '../src/server/kernel/config/package-root.js';

export const defaultSourcePath = path.join(packageRoot, '../shared/data/GDPRtEXT-gdpr.json');
export const outputPath = path.join(packageRoot, 'src/server/modules/frameworks/builtin/gdpr.generated.json');

type Role = 'processor' | 'assisting';

interface Selected {
  article: number;
  role: Role;
  /** Our own practical line for the article. */
  guidance: string;
  /** Only these paragraphs; all when absent. */
  paragraphs?: readonly number[];
}

const selection: readonly Selected[] = [
  {
    article: 5,
    role: 'assisting',
    guidance:
      'Process customer data only as the controller instructs, and keep our own use of personal data lawful, minimal and time-limited.',
  },
  {
    article: 12,
    role: 'assisting',
    guidance:
      'Answer controller requests for help with data-subject requests within days, so the controller can meet its one-month deadline.',
  },
  {
    article: 13,
    role: 'assisting',
    guidance:
      'Give controllers the facts their privacy notices need: sub-processors, data-centre locations, retention.',
  },
  {
    article: 14,
    role: 'assisting',
    guidance:
      'Keep sub-processor, location and retention facts current in the trust center for controllers to cite.',
  },
  {
    article: 15,
    role: 'assisting',
    guidance: "Provide tooling or an export so the controller can find and hand over a data subject's data.",
  },
  {
    article: 16,
    role: 'assisting',
    guidance:
      'Let controllers correct stored data themselves in the service, or correct it on documented instruction.',
  },
  {
    article: 17,
    role: 'assisting',
    guidance:
      'Delete data on the controller’s instruction, from backups too within the documented backup retention.',
  },
  {
    article: 18,
    role: 'assisting',
    guidance:
      'Be able to isolate or flag data so that processing can be restricted on the controller’s instruction.',
  },
  {
    article: 19,
    role: 'assisting',
    guidance:
      'Tell the controller which sub-processors hold the data, so it can pass on corrections and erasures.',
  },
  {
    article: 20,
    role: 'assisting',
    guidance: 'Offer export in common machine-readable formats (S3 API, JSON, standard disk images).',
  },
  {
    article: 21,
    role: 'assisting',
    guidance:
      'Forward objections that reach us to the controller and stop the processing concerned on instruction.',
  },
  {
    article: 22,
    role: 'assisting',
    guidance: 'We make no automated decisions about data subjects on customers’ behalf; say so in the DPA.',
  },
  {
    article: 24,
    role: 'assisting',
    guidance:
      'Document our technical and organisational measures so controllers can show they chose a sound processor.',
  },
  {
    article: 25,
    role: 'assisting',
    guidance:
      'Build privacy defaults into the services: encryption at rest, least-privilege access, no needless logging of personal data.',
  },
  {
    article: 28,
    role: 'processor',
    guidance:
      'Keep a signed DPA with every customer, publish the sub-processor list with advance notice of changes, and flow the same terms down.',
  },
  {
    article: 29,
    role: 'processor',
    guidance:
      'Staff and sub-processors touch customer data only on documented customer instructions, enforced by access control.',
  },
  {
    article: 30,
    role: 'processor',
    paragraphs: [2, 3, 4],
    guidance:
      'Keep our processor record of processing in Tillit: controllers, categories of processing, transfers and security measures.',
  },
  {
    article: 31,
    role: 'processor',
    guidance:
      'Name a contact for the supervisory authorities (IMY, Datatilsynet) and answer their requests via the DPO.',
  },
  {
    article: 32,
    role: 'processor',
    guidance:
      'Run the ISMS: encryption, access control, backup and restore tests and regular testing of the measures, evidenced in Tillit.',
  },
  {
    article: 33,
    role: 'processor',
    paragraphs: [2, 3],
    guidance:
      'Notify the affected controller without undue delay on becoming aware of a breach, early enough for its 72-hour deadline.',
  },
  {
    article: 34,
    role: 'assisting',
    guidance:
      'Give the controller what it needs to inform affected people: what happened, likely effects, measures taken.',
  },
  {
    article: 35,
    role: 'assisting',
    guidance:
      'Supply controllers with a description of our processing and measures for their impact assessments.',
  },
  {
    article: 36,
    role: 'assisting',
    guidance:
      'Support the controller with facts when it must consult the supervisory authority before processing.',
  },
  {
    article: 37,
    role: 'processor',
    guidance:
      'Appoint a DPO (an external one is fine), publish the contact details and report them to the authority.',
  },
  {
    article: 38,
    role: 'processor',
    guidance: 'Involve the DPO early, give the DPO resources and independence, and a line to top management.',
  },
  {
    article: 39,
    role: 'processor',
    guidance:
      'Let the DPO monitor, advise, train and be the contact point; record the DPO’s reviews in Tillit.',
  },
  {
    article: 44,
    role: 'processor',
    guidance:
      'Keep all customer data in the EU and the Nordics; no third-country transfer without instruction and a valid basis.',
  },
  {
    article: 45,
    role: 'processor',
    guidance:
      'Before using any supplier outside the EEA, check whether an adequacy decision covers its country.',
  },
  {
    article: 46,
    role: 'processor',
    guidance:
      'Without adequacy, use standard contractual clauses and a transfer impact assessment, or pick an EEA supplier.',
  },
];

const subpointSchema = z.object({ number: z.string().nullable(), text: z.string() });
const pointSchema = z.object({
  number: z.string().nullable(),
  type: z.enum(['point', 'text']),
  text: z.string(),
  subpoints: z.array(subpointSchema).default([]),
});
const articleSchema = z.object({
  type: z.literal('article'),
  number: z.string(),
  title: z.string(),
  contents: z.array(pointSchema),
});
const sectionSchema = z.object({ type: z.literal('section'), contents: z.array(articleSchema) });
const sourceSchema = z.object({
  chapters: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      contents: z.array(z.discriminatedUnion('type', [articleSchema, sectionSchema])),
    }),
  ),
});
type Article = z.infer<typeof articleSchema>;

interface GeneratedRequirement {
  key: string;
  ref: string;
  parentKey: string | null;
  kind: 'group' | 'requirement';
  title: string;
  statement: string;
  guidance: string;
  labels: Record<string, string>;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A paragraph's title: its opening words, cut at a word boundary. */
function excerpt(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

interface Paragraph {
  number: string;
  parts: string[];
}

/** Numbered paragraphs with their points; unnumbered text continues the paragraph before it. */
function paragraphsOf(article: Article): { lead: string[]; paragraphs: Paragraph[] } {
  const lead: string[] = [];
  const paragraphs: Paragraph[] = [];
  for (const point of article.contents) {
    const parts = [
      clean(point.text),
      ...point.subpoints.map((s) => (s.number ? `(${s.number}) ${clean(s.text)}` : clean(s.text))),
    ];
    const last = paragraphs.at(-1);
    if (point.type === 'point' && point.number !== null) paragraphs.push({ number: point.number, parts });
    else if (last) last.parts.push(...parts);
    else lead.push(...parts);
  }
  return { lead, paragraphs };
}

function articleRequirements(
  article: Article,
  selected: Selected,
  parentKey: string,
): GeneratedRequirement[] {
  const key = `art-${article.number}`;
  const ref = `Art. ${article.number}`;
  const labels = { role: selected.role };
  const { lead, paragraphs } = paragraphsOf(article);
  const wanted = selected.paragraphs?.map(String);
  const chosen = wanted ? paragraphs.filter((p) => wanted.includes(p.number)) : paragraphs;
  if (wanted && chosen.length !== wanted.length) {
    throw new Error(
      `${ref} has no paragraph ${wanted.filter((n) => !chosen.some((p) => p.number === n)).join(', ')}`,
    );
  }
  const head: GeneratedRequirement = {
    key,
    ref,
    parentKey,
    kind: 'requirement',
    title: clean(article.title),
    statement: lead.join('\n\n'),
    guidance: selected.guidance,
    labels,
  };
  return [
    head,
    ...chosen.map((p) => ({
      key: `${key}-${p.number}`,
      ref: `${ref}(${p.number})`,
      parentKey: key,
      kind: 'requirement' as const,
      title: excerpt(p.parts[0] ?? ''),
      statement: p.parts.join('\n\n'),
      guidance: '',
      labels,
    })),
  ];
}

/** The catalogue rows for the selection, in the regulation's order, as the JSON text that is committed. */
export function generateGdprCatalog(source: unknown): string {
  const { chapters } = sourceSchema.parse(source);
  const bySelection = new Map(selection.map((s) => [String(s.article), s]));
  const requirements: GeneratedRequirement[] = [];
  for (const chapter of chapters) {
    const articles = chapter.contents.flatMap((c) => (c.type === 'section' ? c.contents : [c]));
    const picked = articles.filter((a) => bySelection.has(a.number));
    if (!picked.length) continue;
    const key = `chapter-${chapter.number.toLowerCase()}`;
    requirements.push({
      key,
      ref: `Chapter ${chapter.number}`,
      parentKey: null,
      kind: 'group',
      title: clean(chapter.title),
      statement: '',
      guidance: '',
      labels: {},
    });
    for (const article of picked) {
      const selected = bySelection.get(article.number);
      if (selected) requirements.push(...articleRequirements(article, selected, key));
      bySelection.delete(article.number);
    }
  }
  if (bySelection.size) throw new Error(`The source has no article ${[...bySelection.keys()].join(', ')}`);
  const document = {
    generatedBy: 'scripts/generate-gdpr-catalog.ts',
    source: 'GDPRtEXT gdpr.json by Harshvardhan J. Pandit, CC-BY-4.0',
    requirements,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sourcePath = process.argv[2] ?? defaultSourcePath;
  const text = generateGdprCatalog(JSON.parse(readFileSync(sourcePath, 'utf8')));
  writeFileSync(outputPath, text);
  process.stdout.write(`Wrote ${outputPath} from ${sourcePath}\n`);
}
