import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { z } from 'zod';
import {
  defaultSourcePath,
  generateGdprCatalog,
  outputPath,
} from '../../../../../scripts/generate-gdpr-catalog.js';
import { sharedData } from '../../../../../test/support/paths.js';
import { type Catalog, catalogSchema } from '../../../../contracts/catalog.js';
import { builtinCatalogs, builtinMappings, NIST_LOW } from './index.js';

const nistLowPath = sharedData('oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json');

function catalog(key: string): Catalog {
  const found = builtinCatalogs.find((c) => c.key === key);
  assert.ok(found, `built-in catalogue ${key} exists`);
  return found;
}

const refsOf = (c: Catalog) => new Set(c.requirements.map((r) => r.ref));

/** The labels NIST gives its controls (`AC-2`, `IA-2(1)`), the form our mappings use. */
function nistLowLabels(): Set<string> {
  const control = z.object({
    props: z
      .array(z.object({ name: z.string(), value: z.string(), class: z.string().optional() }))
      .default([]),
    get controls() {
      return z.array(control).default([]);
    },
  });
  const file = z.object({
    catalog: z.object({ groups: z.array(z.object({ controls: z.array(control).default([]) })) }),
  });
  const labels = new Set<string>();
  const walk = (controls: z.infer<typeof control>[]) => {
    for (const c of controls) {
      for (const p of c.props) if (p.name === 'label' && p.class === undefined) labels.add(p.value);
      walk(c.controls);
    }
  };
  for (const g of file.parse(JSON.parse(readFileSync(nistLowPath, 'utf8'))).catalog.groups) walk(g.controls);
  return labels;
}

describe('built-in catalogues', () => {
  it('are the seven expected frameworks, each valid, built in, with unique refs', () => {
    assert.deepEqual(
      builtinCatalogs.map((c) => c.key),
      ['iso27001-2022', 'iso9001-2015', 'iso14001-2015', 'iso45001-2018', 'fr2000', 'gdpr', 'nis2'],
    );
    for (const c of builtinCatalogs) {
      const parsed = catalogSchema.safeParse(c);
      assert.ok(parsed.success, `${c.key}: ${parsed.error?.message}`);
      assert.equal(c.source, 'builtin');
      assert.ok(c.attribution.length > 0, `${c.key} has an attribution`);
      // Mappings resolve by ref, so a ref used twice would be ambiguous.
      const seen = new Set<string>();
      for (const r of c.requirements) {
        assert.ok(!seen.has(r.ref), `${c.key}: ref ${r.ref} is used twice`);
        seen.add(r.ref);
        if (r.kind === 'requirement') {
          assert.ok(r.guidance || r.statement, `${c.key} ${r.ref} has guidance or a statement`);
        }
      }
    }
  });

  it('ship no ISO or FR2000 text: empty statements, short titles, guidance on every requirement', () => {
    for (const key of ['iso27001-2022', 'iso9001-2015', 'iso14001-2015', 'iso45001-2018', 'fr2000']) {
      for (const r of catalog(key).requirements) {
        assert.equal(r.statement, '', `${key} ${r.ref} has no statement`);
        assert.ok(r.title.length <= 50, `${key} ${r.ref} title is short: ${r.title}`);
        if (r.kind === 'requirement') assert.ok(r.guidance.length > 20, `${key} ${r.ref} has guidance`);
      }
    }
  });
});

describe('ISO/IEC 27001:2022', () => {
  const iso = catalog('iso27001-2022');

  it('has Annex A complete: 93 controls, contiguous per theme, in order, labelled by theme', () => {
    const themes = [
      { n: 5, count: 37, theme: 'organizational' },
      { n: 6, count: 8, theme: 'people' },
      { n: 7, count: 14, theme: 'physical' },
      { n: 8, count: 34, theme: 'technological' },
    ];
    const groups = iso.requirements.filter((r) => /^a\.\d+$/.test(r.key));
    assert.deepEqual(
      groups.map((g) => [g.ref, g.kind, g.parentKey, g.labels.theme]),
      themes.map((t) => [`A.${t.n}`, 'group', null, t.theme]),
    );
    const controls = iso.requirements.filter((r) => r.parentKey?.startsWith('a.'));
    assert.equal(controls.length, 93);
    const expected = themes.flatMap((t) =>
      Array.from({ length: t.count }, (_, i) => ({
        key: `a.${t.n}.${i + 1}`,
        ref: `A.${t.n}.${i + 1}`,
        parentKey: `a.${t.n}`,
        kind: 'requirement',
        theme: t.theme,
      })),
    );
    assert.deepEqual(
      controls.map((c) => ({
        key: c.key,
        ref: c.ref,
        parentKey: c.parentKey,
        kind: c.kind,
        theme: c.labels.theme,
      })),
      expected,
    );
  });

  it('has clauses 4–10 with the sub-clauses of the standard', () => {
    const clauseGroups = iso.requirements.filter((r) => r.parentKey === 'clauses');
    assert.deepEqual(
      clauseGroups.map((r) => [r.ref, r.kind]),
      ['4', '5', '6', '7', '8', '9', '10'].map((n) => [n, 'group']),
    );
    const refs = refsOf(iso);
    const subClauses = [
      ...['4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.1.1', '6.1.2', '6.1.3', '6.2', '6.3'],
      ...['7.1', '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.3', '8.1', '8.2', '8.3', '9.1', '9.2'],
      ...['9.2.1', '9.2.2', '9.3', '9.3.1', '9.3.2', '9.3.3', '10.1', '10.2'],
    ];
    for (const ref of subClauses) assert.ok(refs.has(ref), `clause ${ref} present`);
    const clauseRows = iso.requirements.filter((r) => /^\d+(\.\d+)*$/.test(r.ref));
    assert.equal(clauseRows.length, 7 + subClauses.length, 'no clause beyond the standard’s');
  });
});

describe('ISO 9001, 14001 and 45001', () => {
  it('share the harmonised clauses and carry their own sub-clauses', () => {
    const shared = [
      '4.1',
      '4.4',
      '5.2',
      '6.1.1',
      '6.2.1',
      '6.2.2',
      '7.5.3',
      '8.1',
      '9.2.2',
      '9.3',
      '10.2',
      '10.3',
    ];
    const own: Record<string, string[]> = {
      'iso9001-2015': [
        '5.1.2',
        '7.1.5.2',
        '8.2.3',
        '8.3.6',
        '8.4.3',
        '8.5.6',
        '8.6',
        '8.7',
        '9.1.3',
        '9.3.3',
      ],
      'iso14001-2015': ['6.1.2', '6.1.3', '6.1.4', '7.4.3', '8.2', '9.1.2'],
      'iso45001-2018': ['5.4', '6.1.2.1', '6.1.3', '8.1.2', '8.1.3', '8.1.4.2', '8.2', '9.1.2'],
    };
    for (const [key, refs] of Object.entries(own)) {
      const present = refsOf(catalog(key));
      for (const ref of [...shared, ...refs]) assert.ok(present.has(ref), `${key} ${ref} present`);
    }
    assert.ok(!refsOf(catalog('iso14001-2015')).has('5.4'), 'worker participation is 45001 only');
    assert.ok(!refsOf(catalog('iso9001-2015')).has('8.1.2'));
  });
});

describe('FR2000', () => {
  const fr = catalog('fr2000');
  const parts = [
    { letter: 'Q', framework: 'iso9001-2015' },
    { letter: 'E', framework: 'iso14001-2015' },
    { letter: 'W', framework: 'iso45001-2018' },
  ];

  it('has the four disciplines, fire safety included', () => {
    const top = fr.requirements.filter((r) => r.parentKey === null);
    assert.deepEqual(
      top.map((r) => [r.ref, r.title, r.kind]),
      [
        ['Q', 'Quality', 'group'],
        ['E', 'Environment', 'group'],
        ['W', 'Work environment', 'group'],
        ['F', 'Fire safety (SBA)', 'group'],
      ],
    );
    const fire = fr.requirements.filter((r) => r.parentKey === 'f');
    assert.ok(fire.length >= 8);
    for (const topic of [
      'policy',
      'training',
      'rounds',
      'equipment',
      'escape',
      'hot work',
      'fire-protection description',
    ]) {
      assert.ok(
        fire.some((r) => r.title.toLowerCase().includes(topic)),
        `fire safety covers ${topic}`,
      );
    }
  });

  it('maps every quality, environment and work-environment entry as equivalent to its ISO clause', () => {
    for (const { letter, framework } of parts) {
      const iso = catalog(framework);
      const rows = fr.requirements.filter((r) => r.ref.startsWith(`${letter} `));
      assert.equal(rows.length, iso.requirements.length, `${letter} holds all of ${framework}`);
      for (const row of rows) {
        const mapping = builtinMappings.find(
          (m) => m.sourceFramework === 'fr2000' && m.sourceRef === row.ref && m.targetFramework === framework,
        );
        assert.ok(mapping, `${row.ref} is mapped to ${framework}`);
        assert.equal(mapping.relationship, 'equivalent');
        const target = iso.requirements.find((r) => r.ref === mapping.targetRef);
        assert.ok(target, `${framework} ${mapping.targetRef} exists`);
        assert.equal(target.title, row.title);
      }
    }
  });
});

describe('built-in mappings', () => {
  it('point only at requirements that exist, with no duplicates or self-mappings', () => {
    const known = new Map(builtinCatalogs.map((c) => [c.key, refsOf(c)]));
    known.set(NIST_LOW, nistLowLabels());
    const seen = new Set<string>();
    for (const m of builtinMappings) {
      const id = `${m.sourceFramework} ${m.sourceRef} -> ${m.targetFramework} ${m.targetRef}`;
      assert.ok(known.get(m.sourceFramework)?.has(m.sourceRef), `source of ${id} exists`);
      assert.ok(known.get(m.targetFramework)?.has(m.targetRef), `target of ${id} exists`);
      assert.notEqual(m.sourceFramework, m.targetFramework, id);
      assert.ok(!seen.has(id), `${id} is listed once`);
      seen.add(id);
    }
  });

  it('link vulnerability management across ISO 27001, NIS2 and NIST', () => {
    const has = (sf: string, sr: string, tf: string, tr: string) =>
      builtinMappings.some(
        (m) =>
          (m.sourceFramework === sf &&
            m.sourceRef === sr &&
            m.targetFramework === tf &&
            m.targetRef === tr) ||
          (m.sourceFramework === tf && m.sourceRef === tr && m.targetFramework === sf && m.targetRef === sr),
      );
    assert.ok(has('iso27001-2022', 'A.8.8', 'nis2', '21(2)(e)'));
    assert.ok(has('nis2', '21(2)(e)', NIST_LOW, 'RA-5'));
    assert.ok(has('iso27001-2022', 'A.8.8', NIST_LOW, 'RA-5'));
  });

  it('cover every NIS2 measure, the reporting duties, GDPR security and the harmonised clauses', () => {
    const from = (framework: string, target: string) =>
      new Set(
        builtinMappings
          .filter((m) => m.sourceFramework === framework && m.targetFramework === target)
          .map((m) => m.sourceRef),
      );
    const nis2 = from('nis2', 'iso27001-2022');
    for (const point of 'abcdefghij') assert.ok(nis2.has(`21(2)(${point})`), `21(2)(${point}) mapped`);
    assert.ok(nis2.has('23(1)'));
    const gdpr = from('gdpr', 'iso27001-2022');
    for (const article of ['Art. 28', 'Art. 32', 'Art. 33'])
      assert.ok(gdpr.has(article), `${article} mapped`);
    for (const target of ['iso9001-2015', 'iso14001-2015', 'iso45001-2018']) {
      const clauses = from('iso27001-2022', target);
      for (const ref of ['4.1', '5.2', '6.2', '7.5.3', '8.1', '9.2.2', '9.3', '10.1', '10.2']) {
        assert.ok(clauses.has(ref), `27001 ${ref} mapped to ${target}`);
      }
    }
    const crossFramework = builtinMappings.filter((m) => m.sourceFramework !== 'fr2000');
    assert.ok(
      crossFramework.length >= 60,
      `${crossFramework.length} mappings besides the FR2000 composition`,
    );
  });
});

describe('GDPR', () => {
  const gdpr = catalog('gdpr');

  it('is the committed output of the generator over the shared GDPRtEXT file', () => {
    const fresh = generateGdprCatalog(JSON.parse(readFileSync(defaultSourcePath, 'utf8')));
    assert.equal(
      readFileSync(outputPath, 'utf8'),
      fresh,
      'run: node --import tsx scripts/generate-gdpr-catalog.ts',
    );
  });

  it('holds the processor articles with paragraphs, text and attribution', () => {
    const byRef = new Map(gdpr.requirements.map((r) => [r.ref, r]));
    for (const ref of [
      'Art. 28',
      'Art. 29',
      'Art. 30',
      'Art. 32',
      'Art. 33',
      'Art. 37',
      'Art. 44',
      'Art. 15',
    ]) {
      const article = byRef.get(ref);
      assert.ok(article, `${ref} present`);
      assert.ok(article.guidance.length > 20, `${ref} has our guidance`);
      assert.ok(['processor', 'assisting'].includes(article.labels.role ?? ''), `${ref} has a role`);
    }
    assert.match(byRef.get('Art. 28(3)')?.statement ?? '', /documented instructions/);
    assert.equal(byRef.get('Art. 28(3)')?.parentKey, 'art-28');
    assert.match(byRef.get('Art. 33(2)')?.statement ?? '', /processor shall notify the controller/);
    assert.ok(!byRef.has('Art. 33(1)'), 'only the processor’s part of Art. 33');
    assert.ok(byRef.has('Art. 30(2)') && !byRef.has('Art. 30(1)'));
    assert.match(byRef.get('Art. 29')?.statement ?? '', /except on instructions from the controller/);
    assert.match(gdpr.attribution, /CC-BY-4\.0/);
    assert.match(gdpr.attribution, /Harshvardhan J\. Pandit/);
    assert.match(gdpr.attribution, /GDPRtEXT/);
  });
});

describe('NIS2', () => {
  const nis2 = catalog('nis2');
  const byRef = new Map(nis2.requirements.map((r) => [r.ref, r]));

  it('has the ten minimum measures of Art. 21(2)', () => {
    const measures = nis2.requirements.filter((r) => r.parentKey === '21(2)').map((r) => r.ref);
    assert.deepEqual(
      measures,
      [...'abcdefghij'].map((p) => `21(2)(${p})`),
    );
  });

  it('has the Art. 23 reporting duties with their 24 h, 72 h and one-month deadlines', () => {
    assert.equal(byRef.get('23(4)(a)')?.labels.deadline, 'PT24H');
    assert.match(byRef.get('23(4)(a)')?.title ?? '', /24 hours/);
    assert.equal(byRef.get('23(4)(b)')?.labels.deadline, 'PT72H');
    assert.match(byRef.get('23(4)(b)')?.title ?? '', /72 hours/);
    assert.ok(byRef.has('23(4)(c)'), 'intermediate report on request');
    assert.equal(byRef.get('23(4)(d)')?.labels.deadline, 'P1M');
    assert.equal(byRef.get('23(4)(d)')?.labels.clockStart, 'incident-notification');
    assert.match(byRef.get('23(4)(d)')?.title ?? '', /one month/);
    assert.match(byRef.get('23(1)')?.statement ?? '', /recipients/);
    assert.ok(byRef.has('20(1)') && byRef.has('20(2)'), 'management duties');
  });
});
