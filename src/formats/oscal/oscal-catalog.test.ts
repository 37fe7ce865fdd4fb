import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type Catalog, catalogSchema } from '../../contracts/catalog.js';
import { parseOscalCatalog, parseOscalCatalogText } from './oscal-catalog.js';
import { OscalImportError } from './oscal-errors.js';
import { readShared, sharedData } from './oscal-schema.test-support.js';

const LOW_FILE = 'oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json';

interface RawPart {
  name: string;
  prose?: string;
  props?: { name: string; value: string; class?: string }[];
  parts?: RawPart[];
}
interface RawControl {
  id: string;
  props?: { name: string; value: string; class?: string }[];
  parts?: RawPart[];
  controls?: RawControl[];
}
interface RawGroup {
  id: string;
  controls?: RawControl[];
  groups?: RawGroup[];
}
interface RawCatalogDoc {
  catalog: { groups: RawGroup[]; metadata: Record<string, unknown> };
}

const low = () => readShared(LOW_FILE) as RawCatalogDoc;

/** Walks the raw JSON without the importer: every control and enhancement with its parent. */
function rawControls(doc: RawCatalogDoc): { control: RawControl; parent: string }[] {
  const found: { control: RawControl; parent: string }[] = [];
  const visit = (controls: RawControl[] | undefined, parent: string) => {
    for (const control of controls ?? []) {
      found.push({ control, parent });
      visit(control.controls, control.id);
    }
  };
  const groups = (list: RawGroup[] | undefined) => {
    for (const group of list ?? []) {
      visit(group.controls, group.id);
      groups(group.groups);
    }
  };
  groups(doc.catalog.groups);
  return found;
}

/** The prose of a statement tree split around its inserts: every piece must survive the rendering. */
function proseFragments(part: RawPart): string[] {
  const own = (part.prose ?? '')
    .split(/\{\{[^}]*\}\}/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...own, ...(part.parts ?? []).flatMap(proseFragments)];
}

function requirement(catalog: Catalog, key: string) {
  const found = catalog.requirements.find((r) => r.key === key);
  assert.ok(found, `${key} is imported`);
  return found;
}

function refusal(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof OscalImportError, `expected OscalImportError, got ${String(err)}`);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('OSCAL catalog import: NIST SP 800-53 rev5 LOW', () => {
  const doc = low();
  const catalog = parseOscalCatalog(doc);

  test('every control and enhancement of the file is present, with its statement', () => {
    const raw = rawControls(doc);
    assert.equal(raw.length, 149, 'the file holds 131 controls and 18 enhancements');
    const requirements = catalog.requirements.filter((r) => r.kind === 'requirement');
    assert.equal(requirements.length, raw.length);
    for (const { control, parent } of raw) {
      const imported = requirement(catalog, control.id);
      assert.equal(imported.kind, 'requirement');
      assert.equal(imported.parentKey, parent, `${control.id} sits under ${parent}`);
      const label = control.props?.find((p) => p.name === 'label' && p.class === undefined)?.value;
      assert.equal(imported.ref, label);
      const statement = control.parts?.find((p) => p.name === 'statement');
      assert.ok(statement, `${control.id} has a statement in the file`);
      assert.ok(imported.statement.length > 0, `${control.id} has a statement`);
      for (const fragment of proseFragments(statement)) {
        assert.ok(imported.statement.includes(fragment), `${control.id} statement keeps "${fragment}"`);
      }
    }
    const groups = catalog.requirements.filter((r) => r.kind === 'group');
    assert.deepEqual(
      groups.map((g) => g.key),
      doc.catalog.groups.map((g) => g.id),
    );
  });

  test('no insert is left anywhere and the result satisfies the Catalog contract', () => {
    assert.ok(!JSON.stringify(catalog).includes('{{'), 'no {{ insert: … }} remains');
    assert.doesNotThrow(() => catalogSchema.parse(catalog));
  });

  test('catalog metadata', () => {
    assert.equal(catalog.key, 'nist-special-publication-800-53-revision-5.1.1-low-impact-baseline');
    assert.equal(catalog.name, 'NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE');
    assert.equal(catalog.version, '5.1.1+u4');
    assert.equal(catalog.publisher, 'Joint Task Force, Transformation Initiative');
    assert.equal(catalog.source, 'oscal');
    assert.equal(parseOscalCatalog(doc, { key: 'nist-800-53-rev5-low' }).key, 'nist-800-53-rev5-low');
    refusal(() => parseOscalCatalog(doc, { key: 'NIST LOW' }), /key "NIST LOW" is not valid/);
  });

  test('AC-2: items with their labels, parameters inserted, guidance', () => {
    const ac2 = requirement(catalog, 'ac-2');
    assert.equal(ac2.ref, 'AC-2');
    assert.equal(ac2.title, 'Account Management');
    assert.equal(ac2.parentKey, 'ac');
    assert.equal(ac2.labels.class, 'SP800-53');
    const lines = ac2.statement.split('\n');
    assert.equal(
      lines[0],
      '- a. Define and document the types of accounts allowed and specifically prohibited for use within the system;',
    );
    assert.ok(
      lines.includes(
        '- c. Require [Assignment: organization-defined prerequisites and criteria] for group and role membership;',
      ),
    );
    assert.ok(lines.includes('- d. Specify:'));
    assert.ok(
      lines.includes('  - 1\\. Authorized users of the system;'),
      'a numeric item label stays a label',
    );
    assert.ok(
      lines.includes(
        '  - 2\\. [Assignment: organization-defined time period] when users are terminated or transferred; and',
      ),
    );
    assert.ok(
      lines.includes(
        '- j. Review accounts for compliance with account management requirements [Assignment: organization-defined frequency];',
      ),
    );
    assert.equal(ac2.params.length, 10);
    assert.deepEqual(ac2.params[9], { id: 'ac-02_odp.10', label: 'frequency', values: [], choices: [] });
    assert.match(ac2.guidance, /^Examples of system account types include/);
    assert.doesNotMatch(ac2.guidance, /assessment/i, 'SP 800-53A objectives are not folded in');
  });

  test('selections, including selections whose choices insert other parameters', () => {
    assert.match(
      requirement(catalog, 'ac-1').statement,
      /\[Selection \(one or more\): organization-level; mission\/business process-level; system-level\]/,
    );
    const ac7 = requirement(catalog, 'ac-7');
    assert.ok(
      ac7.statement.includes(
        '- b. Automatically [Selection (one or more): lock the account or node for [Assignment: organization-defined time period]; lock the account or node until released by an administrator; delay next logon prompt per [Assignment: organization-defined delay algorithm]; notify system administrator; take other [Assignment: organization-defined action]] when the maximum number of unsuccessful attempts is exceeded.',
      ),
    );
    assert.deepEqual(
      ac7.params.map((p) => p.id),
      ['ac-07_odp.01', 'ac-07_odp.02', 'ac-07_odp.03', 'ac-07_odp.04', 'ac-07_odp.05', 'ac-07_odp.06'],
      'parameters in the order a reader meets them',
    );
    assert.equal(
      ac7.params[2]?.choices[0],
      'lock the account or node for [Assignment: organization-defined time period]',
    );
  });

  test('IA-2(1) is an enhancement under IA-2', () => {
    const enhancement = requirement(catalog, 'ia-2.1');
    assert.equal(enhancement.ref, 'IA-2(1)');
    assert.equal(enhancement.parentKey, 'ia-2');
    assert.equal(enhancement.title, 'Multi-factor Authentication to Privileged Accounts');
    assert.equal(
      enhancement.statement,
      'Implement multi-factor authentication for access to privileged accounts.',
    );
    assert.equal(enhancement.labels.class, 'SP800-53-enhancement');
    assert.match(
      requirement(catalog, 'ia-2').statement,
      /^Uniquely identify and authenticate organizational users/,
    );
  });
});

describe('OSCAL catalog import: the OSCAL basic example catalog', () => {
  const catalog = parseOscalCatalog(readShared('oscal-basic-catalog.json'));

  test('nested groups, labels as refs, parameters and guidance sections', () => {
    assert.equal(catalog.key, 'sample-security-catalog-for-demonstration-and-testing');
    assert.match(catalog.attribution, /ISO\/IEC 27002:2013/);
    const s1 = requirement(catalog, 's1');
    assert.deepEqual([s1.kind, s1.ref, s1.parentKey], ['group', '1', null]);
    assert.equal(requirement(catalog, 's1.1').parentKey, 's1');
    const control = requirement(catalog, 's1.1.1');
    assert.deepEqual([control.kind, control.ref, control.parentKey], ['requirement', '1.1.1', 's1.1']);
    assert.ok(
      control.statement.includes(
        'A value has been assigned to [Selection (one or more): initiating a device lock after [Assignment: organization-defined a duration] of inactivity; requiring the user to initiate a device lock before leaving the system unattended].',
      ),
    );
    assert.match(control.guidance, /^\*\*Overview\*\*\n\nTo establish a management framework/);
    assert.match(control.guidance, /\*\*Other information\*\*\n\nMany organizations appoint/);
    assert.match(control.guidance, /Individuals with allocated information security responsibilities/);
    assert.ok(!JSON.stringify(catalog).includes('{{'));
    assert.doesNotThrow(() => catalogSchema.parse(catalog));
  });
});

describe('OSCAL catalog import: the less common shapes', () => {
  const catalog = parseOscalCatalog({
    catalog: {
      uuid: 'c0a1b2c3-0000-4000-8000-000000000003',
      metadata: {
        title: 'Tillit Ö-test Catalog',
        version: '0.1',
        'oscal-version': '1.0.4',
        parties: [{ uuid: 'p-1', type: 'organization', name: 'Tillit' }],
        'responsible-parties': [{ 'role-id': 'creator', 'party-uuids': ['p-1'] }],
      },
      params: [{ id: 'org-freq', label: 'organization-defined frequency', values: ['yearly'] }],
      groups: [
        {
          title: 'Untitled group without id',
          controls: [
            {
              id: 'x-1',
              title: 'Reviews',
              class: 'tillit',
              params: [{ id: 'x-1_prm', select: { 'how-many': 'one', choice: ['weekly', 'monthly'] } }],
              parts: [
                {
                  name: 'statement',
                  parts: [
                    {
                      name: 'item',
                      props: [{ name: 'label', value: '1.' }],
                      prose:
                        'Review {{ insert: param, x-1_prm }}, report {{ insert: param, org-freq }}.\n\nSecond paragraph.',
                    },
                  ],
                },
              ],
            },
            {
              id: 'x-2',
              title: 'Old',
              props: [{ name: 'status', value: 'withdrawn' }],
              links: [{ href: '#x-1', rel: 'incorporated-into' }],
            },
          ],
        },
      ],
    },
  });

  test('catalog-level parameters, set values, single selections, multi-paragraph items, withdrawn controls', () => {
    assert.equal(catalog.key, 'tillit-o-test-catalog');
    assert.equal(catalog.publisher, 'Tillit');
    const group = catalog.requirements[0];
    assert.deepEqual([group?.key, group?.ref, group?.kind], ['group-0', 'GROUP-0', 'group']);
    const x1 = requirement(catalog, 'x-1');
    assert.equal(x1.ref, 'X-1', 'no label: the id upper-cased');
    assert.equal(
      x1.statement,
      '- 1\\. Review [Selection: weekly; monthly], report **yearly**.\n\n  Second paragraph.',
    );
    assert.deepEqual(
      x1.params.map((p) => p.id),
      ['x-1_prm', 'org-freq'],
      'a catalog-level parameter the control inserts travels with it',
    );
    const x2 = requirement(catalog, 'x-2');
    assert.equal(x2.labels.status, 'withdrawn');
    assert.equal(x2.guidance, 'Withdrawn: incorporated into X-1.');
    assert.equal(x2.statement, '');
  });
});

describe('OSCAL catalog import refuses bad files with a clear message', () => {
  test('other OSCAL models and non-catalogs', () => {
    refusal(
      () => parseOscalCatalog(readShared('oscal-NIST_SP-800-53_rev5_LOW-baseline_profile.json')),
      /^This is an OSCAL profile, not a catalog$/,
    );
    refusal(
      () => parseOscalCatalog(readShared('oscal-example-component-definition.json')),
      /This is an OSCAL component definition, not a catalog/,
    );
    refusal(
      () => parseOscalCatalog(readShared('oscal-ssp-example.json')),
      /This is an OSCAL system security plan, not a catalog/,
    );
    refusal(() => parseOscalCatalog([1, 2]), /An OSCAL catalog must be a JSON object, not an array/);
    refusal(() => parseOscalCatalog('catalog'), /must be a JSON object, not a string/);
    refusal(() => parseOscalCatalog(null), /must be a JSON object, not null/);
    refusal(
      () => parseOscalCatalog({ hello: 1 }),
      /This is not an OSCAL catalog: expected a JSON object with a "catalog" property, found hello/,
    );
    refusal(
      () => parseOscalCatalog({ catalog: [] }),
      /^catalog: catalog must be a JSON object, not an array$/,
    );
  });

  test('truncated or broken JSON text', () => {
    const text = readFileSync(sharedData(LOW_FILE), 'utf8');
    refusal(
      () => parseOscalCatalogText(text.slice(0, 5000)),
      /^The file is not valid JSON \(it may be truncated\)/,
    );
    refusal(() => parseOscalCatalogText(''), /not valid JSON/);
    assert.equal(
      parseOscalCatalogText(`\uFEFF${text}`).requirements.length,
      167,
      'a byte order mark is fine',
    );
  });

  test('unsupported OSCAL version', () => {
    const doc = low();
    doc.catalog.metadata['oscal-version'] = '2.0.0';
    refusal(
      () => parseOscalCatalog(doc),
      /^catalog\.metadata\.oscal-version: unsupported OSCAL version "2\.0\.0"/,
    );
    for (const version of ['1.0.0', '1.0.6', '1.1.2', '1.2.0', '1.0.0-rc2']) {
      doc.catalog.metadata['oscal-version'] = version;
      assert.doesNotThrow(() => parseOscalCatalog(doc), version);
    }
  });

  test('missing and duplicate ids', () => {
    const doc = low();
    const target: Partial<RawControl> = doc.catalog.groups[2]?.controls?.[5] ?? {};
    delete target.id;
    refusal(() => parseOscalCatalog(doc), /^catalog\.groups\[2\]\.controls\[5\]: control has no id$/);

    const duplicate = low();
    (duplicate.catalog.groups[1]?.controls?.[0] as RawControl).id = 'ac-2';
    refusal(
      () => parseOscalCatalog(duplicate),
      /^catalog\.groups\[1\]\.controls\[0\]: duplicate id ac-2 \(first at catalog\.groups\[0\]\.controls\[1\]\)$/,
    );

    const param = low() as unknown as {
      catalog: { groups: { controls: { params: { id?: string }[] }[] }[] };
    };
    const params = param.catalog.groups[0]?.controls[1]?.params ?? [];
    delete params[3]?.id;
    refusal(
      () => parseOscalCatalog(param),
      /^catalog\.groups\[0\]\.controls\[1\]\.params\[3\]: parameter has no id$/,
    );
    (params[3] as { id: string }).id = 'ac-02_odp.01';
    refusal(() => parseOscalCatalog(param), /duplicate parameter id ac-02_odp\.01/);

    const metadata = low();
    delete metadata.catalog.metadata.title;
    refusal(() => parseOscalCatalog(metadata), /^catalog\.metadata: metadata has no title$/);
  });

  test('an insert of an unknown parameter, and parameters that insert themselves', () => {
    const doc = low();
    const item = doc.catalog.groups[0]?.controls?.[1]?.parts?.[0]?.parts?.[2] as RawPart;
    item.prose = 'Require {{ insert: param, ac-02_odp.99 }} for group and role membership;';
    refusal(
      () => parseOscalCatalog(doc),
      /^catalog\.groups\[0\]\.controls\[1\]\.parts\[0\]\.parts\[2\]: insert references unknown parameter ac-02_odp\.99$/,
    );

    const cyclic = {
      catalog: {
        uuid: 'c0a1b2c3-0000-4000-8000-000000000001',
        metadata: { title: 'Cycle', version: '1', 'oscal-version': '1.1.2' },
        params: [
          { id: 'p1', select: { choice: ['see {{ insert: param, p2 }}'] } },
          { id: 'p2', select: { choice: ['see {{ insert: param, p1 }}'] } },
        ],
        controls: [
          { id: 'c-1', title: 'C', parts: [{ name: 'statement', prose: 'Do {{ insert: param, p1 }}.' }] },
        ],
      },
    };
    refusal(() => parseOscalCatalog(cyclic), /parameter p1 inserts itself \(p1 → p2 → p1\)/);
  });

  test('limits: too many controls, too deep nesting', () => {
    const base = {
      uuid: 'c0a1b2c3-0000-4000-8000-000000000002',
      metadata: { title: 'Big', version: '1', 'oscal-version': '1.1.2' },
    };
    const many = Array.from({ length: 50_001 }, (_, i) => ({ id: `c-${i}`, title: 'C' }));
    refusal(() => parseOscalCatalog({ catalog: { ...base, controls: many } }), /more than 50000 controls/);

    let deep: Record<string, unknown> = { id: 'c-12', title: 'C' };
    for (let i = 11; i >= 1; i -= 1) deep = { id: `c-${i}`, title: 'C', controls: [deep] };
    refusal(
      () => parseOscalCatalog({ catalog: { ...base, controls: [deep] } }),
      /nested deeper than 10 levels/,
    );

    let part: Record<string, unknown> = { name: 'item', prose: 'x' };
    for (let i = 0; i < 12; i += 1) part = { name: 'item', parts: [part] };
    const control = { id: 'c-1', title: 'C', parts: [{ name: 'statement', parts: [part] }] };
    refusal(
      () => parseOscalCatalog({ catalog: { ...base, controls: [control] } }),
      /parts are nested deeper than 10 levels/,
    );

    refusal(
      () => parseOscalCatalog({ catalog: base }),
      /^catalog: the catalog has no groups and no controls$/,
    );
    refusal(
      () => parseOscalCatalog({ catalog: { ...base, controls: 'all' } }),
      /^catalog\.controls: catalog: /,
    );
  });
});
