import { generatePassword } from '../kernel/auth/secrets.js';
import type { ServiceContext } from '../kernel/context.js';
import { createControl } from '../modules/controls/index.js';
import { installBuiltin, setApplicabilityInBulk } from '../modules/frameworks/index.js';
import { createUser } from '../modules/users/index.js';
import { seedDemoActivities } from './demo-activities.js';
import { seedDemoAudits } from './demo-audits.js';
import { seedDemoChecks } from './demo-checks.js';
import { seedDemoIncidents } from './demo-incidents.js';
import { seedDemoPolicies } from './demo-policies.js';
import { seedDemoRisks } from './demo-risks.js';
import { seedDemoTrustCenter } from './demo-trust-center.js';
import { seedDemoVulnerabilities } from './demo-vulnerabilities.js';

/** Demo people who own controls; they get random passwords an admin can reset. */
const people = [
  { key: 'ciso', email: 'ingrid.holm@norrsken.example', name: 'Ingrid Holm', role: 'compliance-manager' },
  { key: 'platform', email: 'erik.lund@norrsken.example', name: 'Erik Lund', role: 'contributor' },
  { key: 'facilities', email: 'sara.berg@norrsken.example', name: 'Sara Berg', role: 'contributor' },
] as const;
type PersonKey = (typeof people)[number]['key'];

interface DemoControl {
  title: string;
  owner: PersonKey;
  service?: string;
  status: 'not-started' | 'in-progress' | 'implemented';
  implementation: string;
  /** `framework-key ref` pairs. */
  maps: string[];
}

/** The "DevOps Guidelines" every service inherits, plus a few service-specific controls — our own words. */
const controls: DemoControl[] = [
  {
    title: 'Information security policy set',
    owner: 'ciso',
    status: 'implemented',
    implementation:
      'The policy set lives in Tillit. Management approves it, staff acknowledge it, and it is reviewed every year.',
    maps: ['iso27001-2022 A.5.1', 'iso27001-2022 5.2', 'nis2 21(2)(a)', 'gdpr Art. 32'],
  },
  {
    title: 'Vulnerability management',
    owner: 'platform',
    status: 'implemented',
    implementation:
      'Every host and container image is scanned weekly.\n\n- Critical findings are fixed within 7 days\n- High within 30 days\n- Exceptions are risk-accepted in Tillit',
    maps: ['iso27001-2022 A.8.8', 'nis2 21(2)(e)'],
  },
  {
    title: 'Access on hardware security keys',
    owner: 'platform',
    status: 'implemented',
    implementation:
      'Administrative access needs a personal hardware key. Revoking the key removes all access at once; leavers are revoked on their last day.',
    maps: [
      'iso27001-2022 A.5.15',
      'iso27001-2022 A.5.18',
      'iso27001-2022 A.8.5',
      'nis2 21(2)(i)',
      'nis2 21(2)(j)',
    ],
  },
  {
    title: 'Separate administration networks',
    owner: 'platform',
    status: 'implemented',
    implementation: 'Management interfaces are reachable only from a dedicated administration network.',
    maps: ['iso27001-2022 A.8.20', 'iso27001-2022 A.8.22'],
  },
  {
    title: 'Encryption of data at rest',
    owner: 'platform',
    status: 'implemented',
    implementation:
      'All customer disks and object-storage volumes are encrypted; keys are held per location.',
    maps: ['iso27001-2022 A.8.24', 'nis2 21(2)(h)', 'gdpr Art. 32'],
  },
  {
    title: 'Backups with restore tests',
    owner: 'platform',
    status: 'implemented',
    implementation:
      'Backups replicate to a second data centre. A restore is tested every quarter and recorded as evidence.',
    maps: ['iso27001-2022 A.8.13', 'nis2 21(2)(c)'],
  },
  {
    title: 'Incident response and NIS2 reporting clocks',
    owner: 'ciso',
    status: 'in-progress',
    implementation:
      'Incidents are handled by the on-call team. Significant incidents get an early warning within 24 hours and a notification within 72 hours.',
    maps: ['iso27001-2022 A.5.24', 'iso27001-2022 A.5.26', 'nis2 21(2)(b)', 'nis2 23(4)(a)', 'gdpr Art. 33'],
  },
  {
    title: 'Continuity and disaster recovery',
    owner: 'ciso',
    status: 'in-progress',
    implementation:
      'Customers may use another location as DR site. DR and redundancy tests run twice a year.',
    maps: ['iso27001-2022 A.5.29', 'iso27001-2022 A.5.30', 'iso27001-2022 A.8.14', 'nis2 21(2)(c)'],
  },
  {
    title: 'Data-centre environment monitoring',
    owner: 'facilities',
    status: 'implemented',
    implementation:
      'Room temperature in every data hall must stay within +18…+23 °C; sensors report every five minutes.',
    maps: ['iso27001-2022 A.7.5', 'iso27001-2022 A.7.11'],
  },
  {
    title: 'Sub-processors and data residency',
    owner: 'ciso',
    status: 'implemented',
    implementation:
      'Customer data stays in the Nordic data centres. Sub-processors are listed publicly; no third-country transfers.',
    maps: ['iso27001-2022 A.5.19', 'iso27001-2022 A.5.21', 'gdpr Art. 28', 'nis2 21(2)(d)'],
  },
  {
    title: 'Systematic fire-safety work',
    owner: 'facilities',
    status: 'in-progress',
    implementation: 'Fire-safety rounds every month in each data centre; findings are followed up as tasks.',
    maps: [],
  },
  {
    title: 'Hypervisor hardening',
    owner: 'platform',
    service: 'Compute',
    status: 'implemented',
    implementation:
      'Hypervisors run a minimal hardened image and are patched within a week of a security release.',
    maps: ['iso27001-2022 A.8.9', 'iso27001-2022 A.8.19'],
  },
  {
    title: 'Bucket access policies',
    owner: 'platform',
    service: 'Object Storage',
    status: 'not-started',
    implementation: '',
    maps: ['iso27001-2022 A.8.3'],
  },
];

const demoFrameworks = ['iso27001-2022', 'nis2', 'gdpr', 'fr2000'];

const demoJustifications: Record<string, string> = {
  'iso27001-2022':
    'Applies to a provider of compute, storage, backup and Kubernetes from its own data centres',
  nis2: 'A cloud computing service provider is an essential entity under NIS2',
  gdpr: 'We process personal data on behalf of our customers as their processor',
  fr2000: 'Our integrated management system is certified to FR2000',
};

async function requirementIds(ctx: ServiceContext, labels: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const label of labels) {
    const space = label.indexOf(' ');
    const row = await ctx.db
      .selectFrom('requirements as r')
      .innerJoin('frameworks as f', 'f.id', 'r.framework_id')
      .select('r.id')
      .where('r.organization_id', '=', ctx.organizationId)
      .where('f.key', '=', label.slice(0, space))
      .where('r.ref', '=', label.slice(space + 1))
      .where('r.kind', '=', 'requirement')
      .executeTakeFirst();
    if (!row) throw new Error(`demo control maps to ${label}, which the built-in catalogues lack`);
    ids.push(row.id);
  }
  return ids;
}

/** The compliance programme of the demo: frameworks, a decided Annex A, and the DevOps Guidelines. */
export async function seedDemoProgramme(ctx: ServiceContext): Promise<void> {
  const owners = new Map<PersonKey, string>();
  for (const p of people) {
    const user = await createUser(ctx, {
      email: p.email,
      name: p.name,
      role: p.role,
      password: generatePassword(),
    });
    owners.set(p.key, user.id);
  }
  const frameworkIds = new Map<string, string>();
  for (const key of demoFrameworks) frameworkIds.set(key, (await installBuiltin(ctx, key)).id);
  for (const [key, id] of frameworkIds) {
    const requirements = await ctx.db
      .selectFrom('requirements')
      .select('id')
      .where('framework_id', '=', id)
      .where('kind', '=', 'requirement')
      .execute();
    await setApplicabilityInBulk(ctx, id, {
      requirementIds: requirements.map((r) => r.id),
      applicable: true,
      justification: demoJustifications[key] ?? 'Applies to the whole organisation',
    });
  }
  const services = await ctx.db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('organization_id', '=', ctx.organizationId)
    .execute();
  for (const c of controls) {
    await createControl(ctx, {
      title: c.title,
      implementation: c.implementation,
      status: c.status,
      ownerId: owners.get(c.owner) ?? null,
      serviceId: services.find((s) => s.name === c.service)?.id ?? null,
      requirementIds: await requirementIds(ctx, c.maps),
    });
  }
  await seedDemoPolicies(ctx);
  await seedDemoAudits(ctx);
  await seedDemoRisks(ctx);
  await seedDemoTrustCenter(ctx);
  await seedDemoActivities(ctx);
  await seedDemoIncidents(ctx);
  await seedDemoVulnerabilities(ctx);
  await seedDemoChecks(ctx);
}
