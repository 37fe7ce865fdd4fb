import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Catalog, catalogSchema } from '../../contracts/catalog.js';
import { parseOscalCatalog } from './oscal-catalog.js';
import { OscalImportError } from './oscal-errors.js';
import { importHrefs, type OscalImportReference, resolveOscalProfile } from './oscal-profile.js';
import { readShared } from './oscal-schema.test-support.js';

const lowCatalog = parseOscalCatalog(
  readShared('oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json'),
  { key: 'nist-800-53-rev5-low' },
);
const lowProfile = readShared('oscal-NIST_SP-800-53_rev5_LOW-baseline_profile.json') as {
  profile: { imports: { href: string; 'include-controls': { 'with-ids': string[] }[] }[] };
};
const SOURCE = 'https://example.org/NIST_SP-800-53_rev5_catalog.json';

/** How a caller maps hrefs: by the file name of the href or of one of its rlinks. */
function byFileName(reference: OscalImportReference): Catalog | undefined {
  return importHrefs(reference).some((href) => href.endsWith('NIST_SP-800-53_rev5_catalog.json'))
    ? lowCatalog
    : undefined;
}

function profile(imports: unknown[], extra: Record<string, unknown> = {}) {
  return {
    profile: {
      uuid: '5f4b0e1c-1d2e-4f3a-8b4c-5d6e7f8a9b0c',
      metadata: { title: 'Tillit test profile', version: '2', 'oscal-version': '1.1.2' },
      imports,
      ...extra,
    },
  };
}

const keys = (catalog: Catalog, kind: 'group' | 'requirement' = 'requirement') =>
  catalog.requirements.filter((r) => r.kind === kind).map((r) => r.key);

function get(catalog: Catalog, key: string) {
  const found = catalog.requirements.find((r) => r.key === key);
  assert.ok(found, `${key} is in the resolved catalog`);
  return found;
}

function refusal(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof OscalImportError, `expected OscalImportError, got ${String(err)}`);
    assert.match(err.message, pattern);
    return true;
  });
}

describe('OSCAL profile resolution: the NIST LOW baseline profile', () => {
  const seen: OscalImportReference[] = [];
  const resolved = resolveOscalProfile(lowProfile, (reference) => {
    seen.push(reference);
    return byFileName(reference);
  });

  test('the import is handed over with the back-matter resource links', () => {
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.href, '#84cbf061-eb87-4ec1-8112-1f529232e907');
    assert.ok(
      seen[0]?.rlinks.some(
        (l) =>
          l.href === '../../../../nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json' &&
          l.mediaType === 'application/oscal.catalog+json',
      ),
    );
  });

  test('the selected controls are exactly the with-ids list, which is the LOW catalog', () => {
    const withIds = lowProfile.profile.imports[0]?.['include-controls'][0]?.['with-ids'] ?? [];
    assert.equal(withIds.length, 149);
    assert.deepEqual(new Set(keys(resolved)), new Set(withIds));
    assert.deepEqual(new Set(keys(resolved)), new Set(keys(lowCatalog)));
  });

  test('merge as-is keeps the families and the control text', () => {
    assert.deepEqual(keys(resolved, 'group'), keys(lowCatalog, 'group'));
    for (const source of lowCatalog.requirements) assert.deepEqual(get(resolved, source.key), source);
    assert.equal(resolved.key, 'nist-special-publication-800-53-revision-5.1.1-low-impact-baseline');
    assert.equal(resolved.publisher, 'Joint Task Force, Transformation Initiative');
    assert.match(resolved.description, /149 controls selected/);
    assert.doesNotThrow(() => catalogSchema.parse(resolved));
  });
});

describe('OSCAL profile resolution: selection', () => {
  test('include-all with exclusions by id and by glob; flat without merge', () => {
    const resolved = resolveOscalProfile(
      profile([
        {
          href: SOURCE,
          'include-all': {},
          'exclude-controls': [{ 'with-ids': ['ac-2', 'zz-9'] }, { matching: [{ pattern: 'au-*' }] }],
        },
      ]),
      byFileName,
    );
    const selected = keys(resolved);
    assert.ok(!selected.includes('ac-2'));
    assert.ok(!selected.some((k) => k.startsWith('au-')));
    const au = keys(lowCatalog).filter((k) => /^au-/.test(k)).length;
    assert.ok(au >= 10);
    assert.equal(selected.length, 149 - 1 - au);
    assert.deepEqual(keys(resolved, 'group'), [], 'flat: no groups');
    assert.equal(get(resolved, 'ac-1').parentKey, null);
    assert.equal(
      get(resolved, 'ia-2.1').parentKey,
      'ia-2',
      'an enhancement stays under its selected control',
    );
  });

  test('matching globs and with-child-controls', () => {
    const resolved = resolveOscalProfile(
      profile([
        {
          href: SOURCE,
          'include-controls': [
            { matching: [{ pattern: 'ia-?' }] },
            { 'with-ids': ['ac-2'], 'with-child-controls': 'yes' },
            { 'with-ids': ['ca-7'] },
          ],
        },
      ]),
      byFileName,
    );
    assert.deepEqual(
      keys(resolved),
      ['ac-2', 'ia-1', 'ia-2', 'ia-4', 'ia-5', 'ia-6', 'ia-7', 'ia-8', 'ca-7'].sort(
        (a, b) => keys(lowCatalog).indexOf(a) - keys(lowCatalog).indexOf(b),
      ),
    );
    assert.ok(!keys(resolved).includes('ca-7.4'), 'children only come with with-child-controls');

    const children = resolveOscalProfile(
      profile([
        { href: SOURCE, 'include-controls': [{ 'with-ids': ['ia-2'], 'with-child-controls': 'yes' }] },
      ]),
      byFileName,
    );
    assert.deepEqual(keys(children), ['ia-2', 'ia-2.1', 'ia-2.2', 'ia-2.8', 'ia-2.12']);
  });

  test('an enhancement selected without its control keeps the control as structure under as-is', () => {
    const imports = [{ href: SOURCE, 'include-controls': [{ 'with-ids': ['ia-2.1'] }] }];
    const asIs = resolveOscalProfile(profile(imports, { merge: { 'as-is': true } }), byFileName);
    assert.deepEqual(
      asIs.requirements.map((r) => [r.key, r.kind, r.parentKey]),
      [
        ['ia', 'group', null],
        ['ia-2', 'group', 'ia'],
        ['ia-2.1', 'requirement', 'ia-2'],
      ],
    );
    const parent = get(asIs, 'ia-2');
    assert.equal(parent.title, 'Identification and Authentication (Organizational Users)');
    assert.equal(parent.statement, '');
    assert.equal(parent.labels.inclusion, 'structural');

    const flat = resolveOscalProfile(profile(imports), byFileName);
    assert.deepEqual(
      flat.requirements.map((r) => [r.key, r.parentKey]),
      [['ia-2.1', null]],
    );
  });

  test('the same control imported twice is kept once', () => {
    const resolved = resolveOscalProfile(
      profile([
        { href: SOURCE, 'include-controls': [{ 'with-ids': ['ac-1', 'ac-2'] }] },
        { href: SOURCE, 'include-controls': [{ 'with-ids': ['ac-2', 'ac-3'] }] },
      ]),
      byFileName,
    );
    assert.deepEqual(keys(resolved), ['ac-1', 'ac-2', 'ac-3']);
  });
});

describe('OSCAL profile resolution: modify', () => {
  const setParameters = [
    { 'param-id': 'ac-02_odp.06', values: ['24 hours'] },
    { 'param-id': 'ac-02_odp.07', values: ['8 hours'] },
    { 'param-id': 'ac-02_odp.08', values: ['one week'] },
    { 'param-id': 'ac-02_odp.10', label: 'review frequency' },
    { 'param-id': 'ac-07_odp.04', values: ['30 minutes'] },
    {
      'param-id': 'ac-07_odp.03',
      select: {
        'how-many': 'one',
        choice: ['lock the account for {{ insert: param, ac-07_odp.04 }}', 'notify'],
      },
    },
  ];
  const imports = [{ href: SOURCE, 'include-controls': [{ 'with-ids': ['ac-1', 'ac-2', 'ac-7'] }] }];
  const resolved = resolveOscalProfile(
    profile(imports, { modify: { 'set-parameters': setParameters } }),
    byFileName,
  );

  test('set-parameters: values go to the right one of several look-alike assignments', () => {
    const ac2 = get(resolved, 'ac-2');
    const lines = ac2.statement.split('\n');
    assert.ok(lines.includes('  - 1\\. **24 hours** when accounts are no longer required;'));
    assert.ok(lines.includes('  - 2\\. **8 hours** when users are terminated or transferred; and'));
    assert.ok(
      lines.includes('  - 3\\. **one week** when system usage or need-to-know changes for an individual;'),
    );
    assert.ok(
      lines.includes(
        '- j. Review accounts for compliance with account management requirements [Assignment: organization-defined review frequency];',
      ),
    );
    assert.ok(
      lines.includes(
        '- e. Require approvals by [Assignment: organization-defined personnel or roles] for requests to create accounts;',
      ),
    );
    assert.deepEqual(ac2.params.find((p) => p.id === 'ac-02_odp.07')?.values, ['8 hours']);
    assert.equal(ac2.params.find((p) => p.id === 'ac-02_odp.10')?.label, 'review frequency');
  });

  test('set-parameters: a selection replaced by the profile, inserting a parameter it also sets', () => {
    const ac7 = get(resolved, 'ac-7');
    assert.match(
      ac7.statement,
      /during a \[Assignment: organization-defined time period\] ; and/,
      'odp.02 untouched',
    );
    assert.match(
      ac7.statement,
      /- b\. Automatically \[Selection: lock the account for \*\*30 minutes\*\*; notify\] when/,
    );
    assert.deepEqual(ac7.params.find((p) => p.id === 'ac-07_odp.03')?.choices, [
      'lock the account for **30 minutes**',
      'notify',
    ]);
    assert.ok(!JSON.stringify(resolved).includes('{{'));
  });

  test('a profile over the resolved profile re-tailors values that are already set', () => {
    const again = resolveOscalProfile(
      profile([{ href: 'resolved.json', 'include-all': {} }], {
        modify: { 'set-parameters': [{ 'param-id': 'ac-02_odp.07', values: ['4 hours'] }] },
      }),
      () => resolved,
    );
    const lines = get(again, 'ac-2').statement.split('\n');
    assert.ok(lines.includes('  - 1\\. **24 hours** when accounts are no longer required;'));
    assert.ok(lines.includes('  - 2\\. **4 hours** when users are terminated or transferred; and'));
  });

  test('alters: added parts land in the statement or the guidance; removals are reported, not applied', () => {
    const altered = resolveOscalProfile(
      profile(imports, {
        modify: {
          alters: [
            {
              'control-id': 'ac-1',
              adds: [
                {
                  position: 'ending',
                  'by-id': 'ac-1_smt',
                  parts: [
                    { name: 'item', props: [{ name: 'label', value: 'd.' }], prose: 'Publish the policy.' },
                  ],
                },
                {
                  parts: [
                    {
                      name: 'guidance',
                      title: 'Tillit note',
                      prose: 'Review {{ insert: param, ac-01_odp.05 }} with the board.',
                    },
                  ],
                },
              ],
              removes: [{ 'by-name': 'guidance' }],
            },
          ],
        },
      }),
      byFileName,
    );
    const ac1 = get(altered, 'ac-1');
    assert.match(ac1.statement, /\n\n- d\. Publish the policy\.$/);
    assert.match(
      ac1.guidance,
      /\*\*Tillit note\*\*\n\nReview \[Assignment: organization-defined frequency\] with the board\.$/,
    );
    assert.match(altered.description, /1 removal\(s\) in modify\.alters were not applied/);
  });

  test('parameters and controls the imports do not have are refused', () => {
    refusal(
      () =>
        resolveOscalProfile(
          profile(imports, { modify: { 'set-parameters': [{ 'param-id': 'zz-01_odp.01', values: ['x'] }] } }),
          byFileName,
        ),
      /^profile\.modify\.set-parameters\[0\]: parameter zz-01_odp\.01 is not defined by any imported catalog$/,
    );
    refusal(
      () =>
        resolveOscalProfile(
          profile(imports, { modify: { alters: [{ 'control-id': 'zz-1', adds: [] }] } }),
          byFileName,
        ),
      /^profile\.modify\.alters\[0\]: control zz-1 is not in any imported catalog$/,
    );
  });
});

describe('OSCAL profile resolution refuses what it cannot resolve', () => {
  test('an import nobody can resolve names its href and links', () => {
    refusal(
      () => resolveOscalProfile(lowProfile, () => undefined),
      /^profile\.imports\[0\]: import #84cbf061-eb87-4ec1-8112-1f529232e907 \(.*NIST_SP-800-53_rev5_catalog\.json.*\) could not be resolved to a known catalog$/,
    );
    refusal(
      () =>
        resolveOscalProfile(
          profile([{ href: 'https://example.org/other.json', 'include-all': {} }]),
          byFileName,
        ),
      /import https:\/\/example\.org\/other\.json could not be resolved/,
    );
    refusal(
      () => resolveOscalProfile(profile([{ href: '#no-such-resource', 'include-all': {} }]), byFileName),
      /^profile\.imports\[0\]: import #no-such-resource names no back-matter resource$/,
    );
  });

  test('unknown ids, wrong models, bad versions, nothing selected', () => {
    refusal(
      () =>
        resolveOscalProfile(
          profile([{ href: SOURCE, 'include-controls': [{ 'with-ids': ['ac-1', 'sc-99'] }] }]),
          byFileName,
        ),
      /^profile\.imports\[0\]\.include-controls\[0\]\.with-ids\[1\]: control sc-99 is not in the imported catalog/,
    );
    refusal(
      () => resolveOscalProfile(readShared('oscal-basic-catalog.json'), byFileName),
      /^This is an OSCAL catalog, not a profile$/,
    );
    const future = profile([{ href: SOURCE, 'include-all': {} }]);
    future.profile.metadata['oscal-version'] = '2.0.0';
    refusal(() => resolveOscalProfile(future, byFileName), /unsupported OSCAL version "2\.0\.0"/);
    refusal(() => resolveOscalProfile(profile([]), byFileName), /^profile\.imports: profile: /);
    refusal(
      () =>
        resolveOscalProfile(
          profile([
            { href: SOURCE, 'include-all': {}, 'exclude-controls': [{ matching: [{ pattern: '*' }] }] },
          ]),
          byFileName,
        ),
      /the profile selects no controls/,
    );
  });

  test('merge.custom is not supported and says so', () => {
    const resolved = resolveOscalProfile(
      profile([{ href: SOURCE, 'include-controls': [{ 'with-ids': ['ac-1'] }] }], { merge: { custom: {} } }),
      byFileName,
    );
    assert.deepEqual(keys(resolved), ['ac-1']);
    assert.match(resolved.description, /merge\.custom is not supported/);
  });
});
