import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { renderHugoFaq, renderServiceChapter } from './hugo-export.js';
import { HugoFormatError, parseHugoFaq } from './hugo-faq.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/hugo/${name}`, import.meta.url));

describe('parseHugoFaq', () => {
  test('reads the Swedish page: front matter, sections, questions with quotes and å/ä/ö, links kept', () => {
    const page = parseHugoFaq(fixture('faq-sv.md'));
    assert.equal(page.language, 'sv');
    assert.equal(page.frontMatter.title, 'Vanliga frågor om säkerhet');
    assert.equal(page.frontMatter.date, '2026-10-01');
    assert.equal(page.frontMatter.draft, false);
    assert.deepEqual(
      page.sections.map((s) => [s.title, s.entries.map((e) => e.question)]),
      [
        ['Dataskydd och GDPR', ['Hur följer ni GDPR?', 'Var lagras mina data – i Sverige eller Norge?']],
        ['Tillgänglighet', ['Vad betyder "99,9 % tillgänglighet"?']],
      ],
    );
    const [gdpr, where] = page.sections[0]?.entries ?? [];
    assert.match(gdpr?.answer ?? '', /\[personuppgiftsbiträdesavtal\]\(https:\/\/norrsken\.example\/dpa\)/);
    assert.equal(
      where?.answer,
      'Data lagras i det datacenter du väljer: STO1 och STO2 i Stockholm eller OSL1 i Oslo.\n\nInga överföringar sker till tredje land.',
    );
    assert.match(
      page.sections[1]?.entries[0]?.answer ?? '',
      /\[SLA\]\(https:\/\/norrsken\.example\/sla "Servicenivåavtal"\)/,
    );
  });

  test('reports what it skipped with line numbers: divs, other shortcodes, loose text', () => {
    const page = parseHugoFaq(fixture('faq-sv.md'));
    const skipped = page.skipped.map((s) => `${s.line}:${s.kind}:${s.text}`);
    assert.ok(skipped.includes('11:html:<div class="faq-intro">'), skipped.join('\n'));
    assert.ok(skipped.includes('12:text:Här svarar vi på vanliga frågor.'));
    assert.ok(skipped.includes('17:html:<div class="faq">'));
    assert.ok(skipped.includes('41:shortcode:{{< accordion-script >}}'));
  });

  test('reads the English page: one-line entries, nested divs, unknown shortcodes and a script reported', () => {
    const page = parseHugoFaq(fixture('faq-en.md'));
    assert.equal(page.language, 'en');
    assert.deepEqual(page.frontMatter.tags, ['security', 'gdpr']);
    assert.deepEqual(
      page.sections.map((s) => s.entries.length),
      [1, 2],
    );
    assert.equal(page.sections[1]?.entries[0]?.question, 'Where is my data stored – and who is "we"?');
    assert.equal(
      page.sections[1]?.entries[1]?.answer,
      'Yes: our external DPO reviews it yearly, and customers may request the report.',
    );
    const kinds = page.skipped.map((s) => `${s.kind}:${s.text}`);
    assert.ok(kinds.includes('heading:# Security FAQ'));
    assert.ok(kinds.includes('shortcode:{{% notice info %}}'));
    assert.ok(kinds.includes('html:<script src="/js/faq.js"></script>'));
  });

  test('refuses an unterminated question, naming its line', () => {
    assert.throws(
      () => parseHugoFaq(fixture('unterminated.md')),
      (e: unknown) =>
        e instanceof HugoFormatError &&
        /Line 8: .*Where is the end\?.* no \{\{% \/question %\}\}/.test(e.message),
    );
  });

  test('refuses YAML anchors, aliases and tags in the front matter', () => {
    assert.throws(() => parseHugoFaq(fixture('alias.md')), /line 2: YAML anchors/);
    assert.throws(() => parseHugoFaq('---\ntitle: !!binary aGk=\n---\n'), /YAML tags/);
    assert.throws(() => parseHugoFaq('---\ntitle: [unclosed\n---\n'), /not valid YAML/);
    assert.throws(() => parseHugoFaq('---\ntitle: x\n'), /no closing ---/);
    assert.throws(() => parseHugoFaq('---\nmeta:\n  nested: 1\n---\n'), /mapping of plain values/);
  });

  test('refuses a file over 2 MiB and nested or stray question shortcodes', () => {
    const huge = `---\ntitle: x\n---\n${'a'.repeat(2 * 1024 * 1024)}`;
    assert.throws(() => parseHugoFaq(huge), /at most 2 MiB/);
    assert.throws(
      () => parseHugoFaq('{{% question question="a" %}}\n{{% question question="b" %}}\n'),
      /Line 2: a question starts inside the question opened on line 1/,
    );
    assert.throws(() => parseHugoFaq('{{% /question %}}\n'), /Line 1: .*without an opening/);
    assert.throws(() => parseHugoFaq('{{% question %}}\nx\n'), /needs question=/);
  });
});

describe('renderHugoFaq', () => {
  const sections = [
    {
      title: 'Dataskydd',
      entries: [
        {
          question: 'Vad betyder "biträde" – och \\ ?',
          answer: 'Se [avtalet](https://x.example/dpa).\n\nÅÄÖ åäö.',
        },
        {
          question: 'Templates {{ here }}?',
          answer: 'A literal {{< shortcode >}} and {{% x %}} and &#123; stay text.',
        },
      ],
    },
    { title: 'Tom', entries: [] },
    { title: 'Drift', entries: [{ question: 'SLA?', answer: '99,9 %' }] },
  ];
  const input = { language: 'sv', title: 'Frågor "och" svar', date: '2026-11-01', slug: 'faq', sections };

  test('escapes quotes in attributes, neutralises {{ and keeps å/ä/ö as UTF-8, deterministically', () => {
    const out = renderHugoFaq(input);
    assert.equal(out, renderHugoFaq(structuredClone(input)));
    assert.ok(
      out.startsWith(
        '---\ntitle: "Frågor \\"och\\" svar"\nlanguage: "sv"\ndate: "2026-11-01"\ndraft: false\nslug: "faq"\n---\n',
      ),
    );
    assert.ok(out.includes('{{% question question="Vad betyder \\"biträde\\" – och \\\\ ?" %}}'));
    assert.ok(!/\{\{[<%] (?!question|\/question)/.test(out), 'no shortcode other than question survives');
    assert.ok(out.includes('ÅÄÖ åäö.'));
    assert.ok(!out.includes('## Tom'), 'empty sections are left out');
    assert.ok(out.endsWith('{{% /question %}}\n'));
  });

  test('round trip: export then import gives the same FAQ', () => {
    const page = parseHugoFaq(renderHugoFaq(input));
    assert.equal(page.language, 'sv');
    assert.equal(page.frontMatter.title, 'Frågor "och" svar');
    assert.deepEqual(
      page.sections,
      sections.filter((s) => s.entries.length > 0),
    );
    assert.deepEqual(page.skipped, []);
  });

  test('round trip of both fixtures through export', () => {
    for (const name of ['faq-sv.md', 'faq-en.md']) {
      const first = parseHugoFaq(fixture(name));
      const again = parseHugoFaq(
        renderHugoFaq({ language: first.language, title: 't', date: '2026-01-01', sections: first.sections }),
      );
      assert.deepEqual(again.sections, first.sections, name);
    }
  });
});

describe('renderServiceChapter', () => {
  test('overview, certifications, generated GDPR and residency lines, DR pairings, controls with health', () => {
    const out = renderServiceChapter({
      organization: 'Norrsken Cloud AB',
      service: { name: 'Objektlagring', description: 'S3-kompatibel lagring i {{ Norden }}.' },
      date: '2026-11-01',
      language: 'en',
      certifications: [
        'FR2000: Certified, valid until 2028-05-31',
        'ISO/IEC 27001: In progress, target 2027-Q2',
      ],
      locations: [
        { code: 'STO1', city: 'Stockholm', country: 'SE', storesData: true },
        { code: 'OSL1', city: 'Oslo', country: 'NO', storesData: true },
        { code: 'HEL1', city: 'Helsinki', country: 'FI', storesData: false },
      ],
      drLines: ['STO1 → OSL1'],
      gdpr: {
        transfers: 'Personal data is not transferred to countries outside the EU/EEA.',
        residency: 'Customer data stays in the Nordics: it is stored in Norway, Sweden.',
      },
      claims: ['Customer data is encrypted at rest.'],
      controls: [
        {
          ref: 'CTL-001',
          title: 'Disk | encryption',
          status: 'implemented',
          health: 'check failing',
          scope: 'baseline',
        },
        {
          ref: 'CTL-009',
          title: 'Bucket policies',
          status: 'planned',
          health: 'no evidence',
          scope: 'service',
        },
      ],
    });
    assert.ok(out.startsWith('---\ntitle: "Security and Compliance: Objektlagring"\n'));
    assert.ok(out.includes('S3-kompatibel lagring i &#123;&#123; Norden }}.'));
    assert.ok(out.includes('- FR2000: Certified, valid until 2028-05-31'));
    assert.ok(out.includes('- ISO/IEC 27001: In progress, target 2027-Q2'));
    assert.ok(out.includes('STO1 (Stockholm, SE), OSL1 (Oslo, NO). Countries: NO, SE.'));
    assert.ok(!out.includes('HEL1'), 'a location where the service stores no data is not a data location');
    assert.ok(out.includes('Disaster recovery: STO1 → OSL1.'));
    assert.ok(out.includes('Personal data is not transferred to countries outside the EU/EEA.'));
    assert.ok(out.includes('- Customer data is encrypted at rest.'));
    assert.ok(
      out.includes(
        '| CTL-001 | Disk \\| encryption | Baseline (all services) | implemented | check failing |',
      ),
    );
    assert.ok(out.includes('| CTL-009 | Bucket policies | This service | planned | no evidence |'));
  });
});
