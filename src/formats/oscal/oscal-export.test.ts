import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseOscalCatalog } from './oscal-catalog.js';
import {
  type ComponentDefinitionInput,
  type JsonObject,
  type OscalExportControl,
  type OscalExportFramework,
  renderComponentDefinition,
  renderSystemSecurityPlan,
  type SystemSecurityPlanInput,
  serializeOscal,
} from './oscal-export.js';
import { oscalErrors, readShared } from './oscal-schema.test-support.js';
import { stableUuid, TILLIT_OSCAL_NAMESPACE, uuidV5 } from './oscal-uuid.js';

const low = parseOscalCatalog(
  readShared('oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json'),
  {
    key: 'nist-800-53-rev5-low',
  },
);

const organization = {
  id: '0b7f6c4e-1111-4a2b-9c3d-000000000001',
  name: 'Norrsken Cloud AB',
  email: 'security@norrsken.example',
  website: 'https://norrsken.example',
};
const compute = {
  id: '0b7f6c4e-2222-4a2b-9c3d-000000000002',
  name: 'Compute',
  description: 'Virtual machines in STO1, STO2 and OSL1.',
};
const storage = { id: '0b7f6c4e-3333-4a2b-9c3d-000000000003', name: 'Object Storage', description: '' };

const controls: OscalExportControl[] = [
  {
    id: 'c1',
    ref: 'CTL-001',
    title: 'Access reviews',
    implementation: 'Quarterly access reviews.\n\nSigned off by the CISO.',
    status: 'implemented',
    serviceId: null,
  },
  {
    id: 'c2',
    ref: 'CTL-002',
    title: 'Hardware keys',
    implementation: 'Administrators sign in with hardware keys.',
    status: 'in-progress',
    serviceId: null,
  },
  {
    id: 'c3',
    ref: 'CTL-003',
    title: 'Disk encryption',
    implementation: '',
    status: 'not-started',
    serviceId: null,
  },
  {
    id: 'c10',
    ref: 'CTL-010',
    title: 'Hypervisor hardening',
    implementation: 'CIS benchmarks on every host.',
    status: 'implemented',
    serviceId: compute.id,
  },
  {
    id: 'c20',
    ref: 'CTL-020',
    title: 'Bucket policies',
    implementation: 'Private by default.',
    status: 'implemented',
    serviceId: storage.id,
  },
  {
    id: 'c99',
    ref: 'CTL-099',
    title: 'Fire-safety rounds',
    implementation: 'Monthly rounds.',
    status: 'implemented',
    serviceId: null,
  },
];

const mapped: Record<string, string[]> = {
  'ac-2': ['c1', 'c10', 'c20'],
  'ia-2': ['c2'],
  'ia-2.1': ['c2', 'c10'],
  'sc-28': ['c3'],
};

const nist: OscalExportFramework = {
  key: low.key,
  name: 'NIST SP 800-53 rev5 LOW',
  version: low.version,
  href: 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_LOW-baseline_profile.json',
  requirements: low.requirements
    .filter((r) => r.kind === 'requirement')
    .map((r) => ({
      key: r.key,
      ref: r.ref,
      title: r.title,
      status: r.key === 'pe-1' ? 'not-applicable' : mapped[r.key] ? 'in-progress' : 'not-addressed',
      justification: r.key === 'pe-1' ? 'No own premises; data centres are operated by suppliers.' : '',
      controlIds: mapped[r.key] ?? [],
    })),
};

const iso: OscalExportFramework = {
  key: 'iso27001-2022',
  name: 'ISO/IEC 27001:2022',
  version: '2022',
  requirements: [
    {
      key: '4.1',
      ref: '4.1',
      title: 'Understanding the organization',
      status: 'implemented',
      controlIds: ['c1'],
    },
    {
      key: 'a.5.15',
      ref: 'A.5.15',
      title: 'Access control',
      status: 'implemented',
      controlIds: ['c1', 'c2'],
    },
    {
      key: 'a.8.24',
      ref: 'A.8.24',
      title: 'Use of cryptography',
      status: 'in-progress',
      controlIds: ['c3', 'c20'],
    },
  ],
};

const cdInput: ComponentDefinitionInput = {
  organization,
  service: compute,
  frameworks: [nist, iso],
  controls,
  lastModified: new Date('2026-11-22T10:00:00Z'),
  version: '2026.11',
};

const sspInput: SystemSecurityPlanInput = {
  organization,
  system: {
    id: organization.id,
    name: 'Norrsken Cloud',
    description: 'Compute, S3-compatible storage, backup and Kubernetes from Nordic data centres.',
    sensitivity: 'moderate',
    status: 'operational',
    authorizationBoundary:
      'The services run in STO1, STO2 (Stockholm) and OSL1 (Oslo); administration networks are separate.',
    informationTypes: [
      {
        title: 'Customer data',
        description: 'Data customers store.',
        confidentiality: 'moderate',
        integrity: 'moderate',
        availability: 'low',
      },
      {
        title: 'Operations logs',
        description: 'Logs of the platform.',
        confidentiality: 'low',
        integrity: 'high',
        availability: 'low',
      },
    ],
  },
  framework: nist,
  services: [storage, compute],
  controls,
  lastModified: '2026-11-22T10:00:00+01:00',
  version: '7',
};

type Doc = Record<string, unknown>;
const section = (doc: JsonObject, key: string) => doc[key] as Doc;
const list = (value: unknown) => value as Doc[];

describe('the OSCAL 1.0.6 schema validator', () => {
  test('accepts the official examples and rejects broken documents', () => {
    assert.deepEqual(oscalErrors(readShared('oscal-example-component-definition.json')), []);
    assert.deepEqual(oscalErrors(readShared('oscal-ssp-example.json')), []);
    const noMetadata = readShared('oscal-ssp-example.json') as { 'system-security-plan': Doc };
    delete noMetadata['system-security-plan'].metadata;
    assert.ok(oscalErrors(noMetadata).length > 0, 'missing metadata is refused');
    const badProp = readShared('oscal-example-component-definition.json') as { 'component-definition': Doc };
    const component = list(badProp['component-definition'].components)[0] as Doc;
    component.props = [{ name: 'implementation status', value: 'x' }];
    assert.ok(
      oscalErrors(badProp).length > 0,
      'a prop name that is not a token is refused (\\p{L} patterns work)',
    );
    const badUuid = readShared('oscal-example-component-definition.json') as { 'component-definition': Doc };
    badUuid['component-definition'].uuid = 'not-a-uuid';
    assert.ok(oscalErrors(badUuid).length > 0);
  });
});

describe('deterministic UUIDs', () => {
  test('RFC 4122 version 5', () => {
    assert.equal(
      uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
    assert.equal(TILLIT_OSCAL_NAMESPACE, '68297fa1-2b1c-57ff-97e8-78188acad22d');
    assert.equal(stableUuid('a', 'b'), stableUuid('a', 'b'));
    assert.notEqual(stableUuid('a', 'b'), stableUuid('ab'));
    assert.match(stableUuid('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('component definition export', () => {
  const doc = renderComponentDefinition(cdInput);
  const cd = section(doc, 'component-definition');
  const component = list(cd.components)[0] as Doc;
  const implementations = list(component['control-implementations']);

  test('validates against the OSCAL 1.0.6 schema', () => {
    assert.deepEqual(oscalErrors(doc), []);
    assert.equal((cd.metadata as Doc)['oscal-version'], '1.0.6');
    assert.equal(component.type, 'service');
    assert.equal(component.title, 'Compute');
  });

  test('one control implementation per framework, one implemented requirement per requirement', () => {
    assert.deepEqual(
      implementations.map((i) => i.source),
      [nist.href, 'urn:tillit:framework:iso27001-2022'],
    );
    const nistIds = list(implementations[0]?.['implemented-requirements']).map((r) => r['control-id']);
    assert.deepEqual(
      nistIds,
      nist.requirements.map((r) => r.key),
    );
    const isoIds = list(implementations[1]?.['implemented-requirements']).map((r) => r['control-id']);
    assert.deepEqual(isoIds, ['req-4.1', 'a.5.15', 'a.8.24'], 'ids that are not OSCAL tokens get a prefix');
  });

  test('descriptions carry the baseline and this service’s statements, not other services’', () => {
    const ac2 = list(implementations[0]?.['implemented-requirements']).find(
      (r) => r['control-id'] === 'ac-2',
    ) as Doc;
    assert.match(
      ac2.description as string,
      /\*\*CTL-001 Access reviews\*\* \(organisation-wide baseline, implemented\)\n\nQuarterly access reviews\./,
    );
    assert.match(ac2.description as string, /\*\*CTL-010 Hypervisor hardening\*\* \(Compute, implemented\)/);
    assert.deepEqual(
      list(ac2.props).map((p) => [p.name, p.value, p.ns]),
      [
        ['requirement-ref', 'AC-2', 'https://tillit.dev/ns/oscal'],
        ['implementation-status', 'in-progress', 'https://tillit.dev/ns/oscal'],
        ['control-ref', 'CTL-001', 'https://tillit.dev/ns/oscal'],
        ['control-ref', 'CTL-010', 'https://tillit.dev/ns/oscal'],
      ],
    );
    const text = serializeOscal(doc);
    assert.ok(!text.includes('CTL-020'), 'the storage service’s control is not in the compute export');
    for (const control of controls.filter((c) => c.serviceId !== storage.id)) {
      assert.ok(text.includes(control.ref), `${control.ref} appears`);
    }
    assert.match(component.remarks as string, /- CTL-099 Fire-safety rounds/, 'unmapped controls are listed');
    const pe1 = list(implementations[0]?.['implemented-requirements']).find(
      (r) => r['control-id'] === 'pe-1',
    ) as Doc;
    assert.equal(pe1.description, 'Not applicable: No own premises; data centres are operated by suppliers.');
  });

  test('the same input exports byte-identically; only last-modified follows the input date', () => {
    const first = serializeOscal(doc);
    assert.equal(serializeOscal(renderComponentDefinition(structuredClone(cdInput))), first);
    const later = serializeOscal(
      renderComponentDefinition({ ...cdInput, lastModified: new Date('2027-01-01T00:00:00Z') }),
    );
    assert.equal(later.replace('2027-01-01T00:00:00.000Z', '2026-11-22T10:00:00.000Z'), first);
  });
});

describe('system security plan export', () => {
  const doc = renderSystemSecurityPlan(sspInput);
  const ssp = section(doc, 'system-security-plan');
  const implementation = ssp['system-implementation'] as Doc;
  const components = list(implementation.components);
  const requirements = list((ssp['control-implementation'] as Doc)['implemented-requirements']);

  test('validates against the OSCAL 1.0.6 schema', () => {
    assert.deepEqual(oscalErrors(doc), []);
    assert.deepEqual(ssp['import-profile'], { href: nist.href });
  });

  test('system characteristics: information types and the highest impact per objective', () => {
    const characteristics = ssp['system-characteristics'] as Doc;
    assert.equal(characteristics['security-sensitivity-level'], 'moderate');
    assert.equal(list((characteristics['system-information'] as Doc)['information-types']).length, 2);
    assert.deepEqual(characteristics['security-impact-level'], {
      'security-objective-confidentiality': 'fips-199-moderate',
      'security-objective-integrity': 'fips-199-high',
      'security-objective-availability': 'fips-199-low',
    });
    const defaulted = renderSystemSecurityPlan({
      ...sspInput,
      system: { ...sspInput.system, informationTypes: [] },
    });
    assert.deepEqual(oscalErrors(defaulted), []);
  });

  test('components: this-system and one per service; by-components point at them', () => {
    assert.deepEqual(
      components.map((c) => [c.type, c.title]),
      [
        ['this-system', 'Norrsken Cloud'],
        ['service', 'Compute'],
        ['service', 'Object Storage'],
      ],
    );
    const uuids = new Set(components.map((c) => c.uuid));
    assert.equal(requirements.length, nist.requirements.length);
    assert.deepEqual(
      requirements.map((r) => r['control-id']),
      nist.requirements.map((r) => r.key),
    );
    for (const requirement of requirements) {
      for (const by of list(requirement['by-components'])) assert.ok(uuids.has(by['component-uuid']));
    }
    const ac2 = requirements.find((r) => r['control-id'] === 'ac-2') as Doc;
    assert.deepEqual(
      list(ac2['by-components']).map((b) => [
        components.find((c) => c.uuid === b['component-uuid'])?.title,
        (b['implementation-status'] as Doc).state,
      ]),
      [
        ['Norrsken Cloud', 'implemented'],
        ['Compute', 'implemented'],
        ['Object Storage', 'implemented'],
      ],
    );
    const firstState = (key: string) => {
      const requirement = requirements.find((r) => r['control-id'] === key) ?? {};
      const by = list(requirement['by-components'])[0] ?? {};
      return (by['implementation-status'] as Doc).state;
    };
    assert.equal(firstState('ia-2'), 'partial');
    assert.equal(firstState('pe-1'), 'not-applicable');
    const text = serializeOscal(doc);
    for (const control of controls) assert.ok(text.includes(control.ref), `${control.ref} appears`);
  });

  test('deterministic, and a control of an unknown service is refused', () => {
    assert.equal(serializeOscal(renderSystemSecurityPlan(structuredClone(sspInput))), serializeOscal(doc));
    assert.throws(
      () => renderSystemSecurityPlan({ ...sspInput, services: [compute] }),
      /CTL-020 belongs to service .*, which is not in the input/,
    );
  });
});
