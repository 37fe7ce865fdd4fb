import type { CatalogInput } from '../../../../contracts/catalog.js';

/**
 * The harmonised structure (clauses 4–10) that ISO 9001, 14001, 45001 and 27001 share, and the builder that
 * adds each discipline's own sub-clauses to it. Titles and guidance are our own words, never the standards' text.
 */

export type RequirementInput = CatalogInput['requirements'][number];

export interface Clause {
  ref: string;
  title: string;
  guidance: string;
  children?: readonly Clause[];
}

/** How a discipline names its management system in the shared guidance lines. */
export interface Subject {
  /** Used as "the quality policy", "quality objectives". */
  topic: string;
  /** Used as "the quality management system". */
  system: string;
}

interface Template {
  ref: string;
  title: string;
  guidance: (s: Subject) => string;
  children?: readonly Template[];
}

const t = (ref: string, title: string, guidance: Template['guidance'], children?: Template[]): Template =>
  children ? { ref, title, guidance, children } : { ref, title, guidance };

const group = (ref: string, title: string, children: Template[]): Template =>
  t(ref, title, () => '', children);

const harmonised: readonly Template[] = [
  group('4', 'Context of the organisation', [
    t(
      '4.1',
      'Organisation and its context',
      (s) =>
        `List the internal and external issues that shape the ${s.system}, climate change included, and revisit them at each management review.`,
    ),
    t(
      '4.2',
      'Interested parties',
      (s) =>
        `Record who has a stake in our ${s.topic} work (customers, authorities, staff, suppliers), what they expect and which of it we commit to.`,
    ),
    t(
      '4.3',
      'Scope',
      (s) =>
        `Write down what the ${s.system} covers (services, data centres STO1, STO2 and OSL1, offices) and why anything is left out.`,
    ),
    t(
      '4.4',
      'The management system',
      (s) =>
        `Describe the ${s.topic} processes, their owners and how they connect; run and evidence them in Tillit.`,
    ),
  ]),
  group('5', 'Leadership', [
    t(
      '5.1',
      'Leadership and commitment',
      (s) =>
        `Management sets the ${s.topic} direction, provides resources and follows up results at management review; minutes live in Tillit.`,
    ),
    t(
      '5.2',
      'Policy',
      (s) =>
        `Keep the ${s.topic} policy in Tillit, approved by management, acknowledged by staff and reviewed yearly.`,
    ),
    t(
      '5.3',
      'Roles and responsibilities',
      (s) =>
        `Name an owner for the ${s.system} and for each of its processes, and make sure every owner knows it.`,
    ),
  ]),
  group('6', 'Planning', [
    group('6.1', 'Risks and opportunities', [
      t(
        '6.1.1',
        'Risks and opportunities to address',
        (s) =>
          `Keep a register of ${s.topic} risks and opportunities in Tillit, drawn from the issues (4.1) and interested parties (4.2).`,
      ),
    ]),
    t(
      '6.2',
      'Objectives',
      (s) =>
        `Set measurable ${s.topic} objectives with an owner, a deadline and a follow-up, and track them in Tillit.`,
    ),
  ]),
  group('7', 'Support', [
    t(
      '7.1',
      'Resources',
      (s) =>
        `Budget people, tools and facilities for the ${s.system} in the yearly plan and record the decision.`,
    ),
    t(
      '7.2',
      'Competence',
      (s) =>
        `Define the competence each role needs for ${s.topic} work, close gaps with training and keep the records.`,
    ),
    t(
      '7.3',
      'Awareness',
      (s) =>
        `Make sure staff know the ${s.topic} policy and their part in it; track policy acknowledgements in Tillit.`,
    ),
    t(
      '7.4',
      'Communication',
      (s) =>
        `Decide what to communicate on ${s.topic} matters, to whom, when and by whom, inside and outside.`,
    ),
    group('7.5', 'Documented information', [
      t(
        '7.5.1',
        'What to document',
        (s) => `Keep the documents the standard and the ${s.system} need, and no more than is useful.`,
      ),
      t(
        '7.5.2',
        'Creating and updating',
        () =>
          'Give every document an owner, a version, an approval and a review date; Tillit keeps the history.',
      ),
      t(
        '7.5.3',
        'Controlling documents and records',
        () =>
          'Control access, distribution, retention and disposal of documents and records, external ones included.',
      ),
    ]),
  ]),
  group('8', 'Operation', [
    t(
      '8.1',
      'Operational planning and control',
      (s) =>
        `Run the ${s.topic} processes against set criteria, keep records that they ran as planned and control outsourced parts.`,
    ),
  ]),
  group('9', 'Performance evaluation', [
    t(
      '9.1',
      'Monitoring and measurement',
      (s) =>
        `Decide which ${s.topic} indicators to measure, how and how often; let Tillit checks collect them and review the trend.`,
    ),
    group('9.2', 'Internal audit', [
      t(
        '9.2.1',
        'Internal audits',
        (s) =>
          `Audit the ${s.system} at planned intervals against the standard and our own rules, with impartial auditors.`,
      ),
      t(
        '9.2.2',
        'Audit programme',
        () =>
          'Keep a multi-year audit programme in Tillit that covers every process and site, and report results.',
      ),
    ]),
    t(
      '9.3',
      'Management review',
      (s) =>
        `Management reviews the ${s.system} at least yearly with the set inputs and records decisions and actions in Tillit.`,
    ),
  ]),
  group('10', 'Improvement', []),
];

function refsOf(nodes: readonly { ref: string; children?: readonly { ref: string }[] }[]): string[] {
  return nodes.flatMap((n) => [n.ref, ...refsOf(n.children ?? [])]);
}

/** Every ref of the shared structure below the clause level (4.1, 6.1.1, 9.2.2 …), in order. */
export const harmonisedRefs: readonly string[] = refsOf(harmonised).filter((ref) => ref.includes('.'));

export interface Discipline {
  subject: Subject;
  /** Sub-clauses appended beneath the shared clause with this ref; a leaf with additions becomes a group. */
  additions: Readonly<Record<string, readonly Clause[]>>;
  /** Where the discipline words a shared clause differently. */
  overrides?: Readonly<Record<string, Partial<Pick<Clause, 'title' | 'guidance'>>>>;
}

/** Clauses 4–10 of one discipline: the shared structure plus its additions, in clause order. */
export function managementSystemClauses(discipline: Discipline): Clause[] {
  const unused = new Set([...Object.keys(discipline.additions), ...Object.keys(discipline.overrides ?? {})]);
  const finish = (clause: Clause, children: readonly Clause[]): Clause => {
    unused.delete(clause.ref);
    const override = discipline.overrides?.[clause.ref] ?? {};
    const all = [...children, ...(discipline.additions[clause.ref] ?? []).map(finishAddition)];
    all.sort((a, b) => compareRefs(a.ref, b.ref));
    const { ref, title, guidance } = { ...clause, ...override };
    return all.length ? { ref, title, guidance, children: all } : { ref, title, guidance };
  };
  const finishAddition = (clause: Clause): Clause =>
    finish(clause, (clause.children ?? []).map(finishAddition));
  const build = (node: Template): Clause =>
    finish(
      { ref: node.ref, title: node.title, guidance: node.guidance(discipline.subject) },
      (node.children ?? []).map(build),
    );
  const clauses = harmonised.map(build);
  // A typo in an addition's parent ref would otherwise drop sub-clauses silently.
  if (unused.size) throw new Error(`No shared clause ${[...unused].join(', ')} to extend`);
  return clauses;
}

function compareRefs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The 2015-era split shared by ISO 9001, 14001 and 45001: objectives in two parts and clause 10 in three. */
export function annexSl2015Additions(s: Subject): Record<string, readonly Clause[]> {
  return {
    '6.2': [
      {
        ref: '6.2.1',
        title: 'Setting objectives',
        guidance: `Set ${s.topic} objectives that follow from the policy, are measurable and are communicated.`,
      },
      {
        ref: '6.2.2',
        title: 'Planning to reach objectives',
        guidance:
          'For each objective record what will be done, resources, owner, deadline and how results are judged.',
      },
    ],
    '10': [
      {
        ref: '10.1',
        title: 'Improvement opportunities',
        guidance: `Collect improvement ideas from audits, reviews, incidents and staff, and act on the chosen ones.`,
      },
      {
        ref: '10.2',
        title: 'Nonconformity and corrective action',
        guidance: 'Log nonconformities in Tillit, find the root cause, fix it and check that the fix worked.',
      },
      {
        ref: '10.3',
        title: 'Continual improvement',
        guidance: `Show year on year that the ${s.system} gets more suitable and effective, e.g. via objective trends.`,
      },
    ],
  };
}

/** External and internal communication as separate sub-clauses (ISO 14001 and 45001). */
export function communicationSplit(s: Subject): readonly Clause[] {
  return [
    {
      ref: '7.4.1',
      title: 'Communication process',
      guidance: `Keep a communication plan for ${s.topic} matters: topics, audiences, channels and owners.`,
    },
    {
      ref: '7.4.2',
      title: 'Internal communication',
      guidance: `Share ${s.topic} news and changes with staff and contractors through the usual internal channels.`,
    },
    {
      ref: '7.4.3',
      title: 'External communication',
      guidance: `Answer outside parties on ${s.topic} questions consistently; publish what we have committed to.`,
    },
  ];
}

/** Monitoring in general plus the evaluation of legal compliance (ISO 14001 and 45001). */
export function complianceEvaluationSplit(s: Subject): readonly Clause[] {
  return [
    {
      ref: '9.1.1',
      title: 'Monitoring in general',
      guidance: `Measure the ${s.topic} indicators on a schedule with calibrated or verified methods and keep results.`,
    },
    {
      ref: '9.1.2',
      title: 'Evaluation of compliance',
      guidance: `At least yearly, check each ${s.topic} legal requirement in the register against what we do, and record it.`,
    },
  ];
}

/** Merges addition maps; sub-clauses under the same parent are concatenated. */
export function mergeAdditions(
  ...parts: readonly Readonly<Record<string, readonly Clause[]>>[]
): Record<string, readonly Clause[]> {
  const merged: Record<string, Clause[]> = {};
  for (const part of parts) {
    for (const [ref, clauses] of Object.entries(part)) merged[ref] = [...(merged[ref] ?? []), ...clauses];
  }
  return merged;
}

export interface FlattenOptions {
  parentKey: string | null;
  /** Prepended to every ref, e.g. `Q ` for FR2000's quality part. */
  refPrefix?: string;
  /** Prepended to every key, e.g. `q-`. */
  keyPrefix?: string;
}

/** The catalogue rows for a clause tree: nodes with sub-clauses become groups, the rest requirements. */
export function clauseRequirements(clauses: readonly Clause[], options: FlattenOptions): RequirementInput[] {
  const { refPrefix = '', keyPrefix = '' } = options;
  const walk = (nodes: readonly Clause[], parentKey: string | null): RequirementInput[] =>
    nodes.flatMap((node) => {
      const key = `${keyPrefix}${node.ref.toLowerCase()}`;
      const children = node.children ?? [];
      const row: RequirementInput = {
        key,
        ref: `${refPrefix}${node.ref}`,
        parentKey,
        kind: children.length ? 'group' : 'requirement',
        title: node.title,
        guidance: node.guidance,
      };
      return [row, ...walk(children, key)];
    });
  return walk(clauses, options.parentKey);
}

/** Every ref in a clause tree, depth first. */
export function clauseRefs(clauses: readonly Clause[]): string[] {
  return refsOf(clauses);
}
