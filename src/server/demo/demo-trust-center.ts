import { type ClaimKind, claimSetInputSchema } from '../../contracts/claims.js';
import { evidenceLinkInputSchema } from '../../contracts/evidence.js';
import { publicControlSetInputSchema } from '../../contracts/public-controls.js';
import {
  certificationInputSchema,
  faqEntryInputSchema,
  faqSectionInputSchema,
  subprocessorInputSchema,
  trustSettingsSchema,
} from '../../contracts/trust-center.js';
import type { ServiceContext } from '../kernel/context.js';
import { addLinkEvidence } from '../modules/evidence/index.js';
import {
  createCertification,
  createEntry,
  createSection,
  createSubprocessor,
  putSettings,
  replaceClaims,
  replacePublicControls,
} from '../modules/trust-center/index.js';

type DemoEntry = { question: string; answer: string; controls: string[]; claims?: ClaimKind[] };
const faq: { section: string; entries: DemoEntry[] }[] = [
  {
    section: 'Data protection',
    entries: [
      {
        question: 'How do you comply with GDPR?',
        answer:
          'We act as your processor: we handle personal data only on your documented instructions, keep a record of processing, and an external data protection officer follows our work. Sub-processors are bound by the same obligations.',
        controls: ['Sub-processors and data residency'],
      },
      {
        question: 'Where is my data stored?',
        answer:
          'In the data centre you choose: STO1 or STO2 in Stockholm, or OSL1 in Oslo. You may pick a second one as a disaster-recovery site. Your data never leaves the EU/EEA and Norway, and it is encrypted at rest.',
        controls: ['Sub-processors and data residency', 'Encryption of data at rest'],
        claims: ['residency-nordics', 'no-third-country-transfers', 'encryption-at-rest'],
      },
      {
        question: 'Do you offer a DPA?',
        answer:
          'Yes. Our data processing agreement is part of every customer contract; ask your account manager for a signed copy.',
        controls: [],
      },
      {
        question: 'Which sub-processors do you use?',
        answer:
          'Only a few, all within the Nordics and the EU. See the [sub-processor list](/trust/subprocessors), where you can also subscribe to be told before anything changes.',
        controls: ['Sub-processors and data residency'],
        claims: ['no-third-country-transfers'],
      },
    ],
  },
  {
    section: 'Availability',
    entries: [
      {
        question: 'What availability do you guarantee?',
        answer:
          '99.9 % per calendar month for compute, storage and Kubernetes, measured from outside our network. The SLA says how we compensate a month below that.',
        controls: ['Continuity and disaster recovery'],
        claims: ['sla-target'],
      },
    ],
  },
  {
    section: 'Certifications and assurance',
    entries: [
      {
        question: 'Are you ISO 27001 certified?',
        answer:
          'Not yet. Our integrated management system is certified under FR2000 today, and ISO/IEC 27001 certification is in progress with a target of the second quarter of 2027.',
        controls: ['Information security policy set'],
      },
      {
        question: 'May I review your security work?',
        answer:
          'Yes. An external data protection officer reviews our security work every year, and customers may ask for the summary under NDA. Report a vulnerability to security@norrsken.example.',
        controls: ['Vulnerability management'],
      },
    ],
  },
  {
    section: 'Security',
    entries: [
      {
        question: 'Is customer data encrypted at rest?',
        answer:
          'Yes. Every customer disk and object-storage volume is encrypted at rest, with keys kept separately in each data centre.',
        controls: ['Encryption of data at rest'],
        claims: ['encryption-at-rest'],
      },
      {
        question: 'Do you require multi-factor authentication for administrators?',
        answer:
          'Yes. Administrative access needs a personal hardware security key as a second factor. Revoking the key ends all access at once, and people who leave lose their key on their last day.',
        controls: ['Access on hardware security keys'],
      },
      {
        question: 'How do you back up data, and are restores tested?',
        answer:
          'Backups are replicated to a second data centre, and a restore is tested every quarter. The results are kept as evidence for our auditors.',
        controls: ['Backups with restore tests'],
        claims: ['restore-tested'],
      },
      {
        question: 'How and when are security incidents reported to customers?',
        answer:
          'The on-call team handles incidents around the clock. Affected customers hear from us without undue delay; for a significant incident we send an early warning within 24 hours and a fuller notification within 72 hours, as NIS2 asks.',
        controls: ['Incident response and NIS2 reporting clocks'],
      },
      {
        question: 'Do you scan your systems for vulnerabilities?',
        answer:
          'Yes. Every host and container image is scanned every week. Critical findings are fixed within 7 days and high ones within 30 days.',
        controls: ['Vulnerability management'],
        claims: ['vulnerability-scanning'],
      },
      {
        question: 'Do you offer intrusion detection and prevention (IDS/IPS)?',
        answer:
          'Yes, through a partner: a managed IDS/IPS service that customers can order. Our administration networks are kept separate from customer traffic.',
        controls: ['Separate administration networks'],
      },
    ],
  },
];

const subprocessors = [
  {
    name: 'Nordkraft Colocation AB',
    purpose: 'Power, cooling and physical security of the STO2 data halls',
    country: 'SE',
  },
  {
    name: 'Vaktpost Security Oy',
    purpose: 'Managed IDS/IPS offered to customers who order it',
    country: 'FI',
  },
  { name: 'Postfjord AS', purpose: 'Delivers service and incident e-mail to customers', country: 'NO' },
];

/**
 * Records the demo keeps as evidence for the controls behind its FAQ answers. "Information security policy
 * set" has none yet, so the answer that rests on it is held back from the public FAQ, as the rule says.
 */
const evidence: { control: string; title: string; url: string; provenDaysAgo?: number }[] = [
  {
    control: 'Sub-processors and data residency',
    title: 'Sub-processor register and data-location review',
    url: 'https://wiki.norrsken.example/compliance/subprocessor-review',
  },
  {
    control: 'Encryption of data at rest',
    title: 'Disk-encryption status report, all data centres',
    url: 'https://wiki.norrsken.example/security/encryption-at-rest-report',
  },
  {
    control: 'Continuity and disaster recovery',
    title: 'Failover test of a production-like environment',
    url: 'https://wiki.norrsken.example/continuity/failover-test',
  },
  {
    control: 'Vulnerability management',
    title: 'Weekly vulnerability scan summary',
    url: 'https://wiki.norrsken.example/security/vulnerability-scans',
    provenDaysAgo: 3,
  },
  {
    control: 'Access on hardware security keys',
    title: 'Hardware-key register and access review',
    url: 'https://wiki.norrsken.example/security/hardware-key-review',
  },
  {
    control: 'Backups with restore tests',
    title: 'Quarterly restore test record',
    url: 'https://wiki.norrsken.example/operations/restore-test',
    // Deliberately overdue: the quarterly test was missed, so the restore-tested claim is stale and flagged.
    provenDaysAgo: 120,
  },
  {
    control: 'Incident response and NIS2 reporting clocks',
    title: 'Incident response exercise report',
    url: 'https://wiki.norrsken.example/security/incident-exercise',
  },
  {
    control: 'Separate administration networks',
    title: 'Network segmentation review',
    url: 'https://wiki.norrsken.example/network/segmentation-review',
  },
];

const DAY = 86_400_000;

/** The positions Norrsken states publicly; each is checked against its records before it is published. */
async function demoClaims(ctx: ServiceContext) {
  const control = async (title: string) => (await controlIds(ctx, [title]))[0] ?? null;
  return [
    { kind: 'residency-nordics' },
    { kind: 'no-third-country-transfers' },
    { kind: 'encryption-at-rest', controlId: await control('Encryption of data at rest') },
    { kind: 'restore-tested', controlId: await control('Backups with restore tests'), maxAgeDays: 92 },
    { kind: 'vulnerability-scanning', controlId: await control('Vulnerability management'), maxAgeDays: 8 },
    { kind: 'sla-target', target: '99.9' },
  ];
}

export async function controlIds(ctx: ServiceContext, titles: string[]): Promise<string[]> {
  if (titles.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('controls')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('title', 'in', titles)
    .execute();
  return rows.map((r) => r.id);
}

/** The controls Norrsken shows publicly, by domain; the public title where the internal one says too little. */
const publicControls: { domain: string; title: string; publicTitle?: string }[] = [
  {
    domain: 'Access and identity',
    title: 'Access on hardware security keys',
    publicTitle: 'Administrators sign in only with hardware security keys',
  },
  { domain: 'Access and identity', title: 'Separate administration networks' },
  { domain: 'Data protection', title: 'Encryption of data at rest' },
  { domain: 'Data protection', title: 'Backups with restore tests' },
  { domain: 'Data protection', title: 'Sub-processors and data residency' },
  { domain: 'Operations', title: 'Vulnerability management' },
  {
    domain: 'Operations',
    title: 'Incident response and NIS2 reporting clocks',
    publicTitle: 'Incident response with NIS2 reporting deadlines',
  },
  { domain: 'Operations', title: 'Continuity and disaster recovery' },
  { domain: 'Data centres', title: 'Data-centre environment monitoring' },
  { domain: 'Data centres', title: 'Systematic fire-safety work' },
];

async function seedPublicControls(ctx: ServiceContext): Promise<void> {
  const controls = [];
  for (const c of publicControls) {
    const [controlId] = await controlIds(ctx, [c.title]);
    if (controlId) controls.push({ controlId, domain: c.domain, publicTitle: c.publicTitle ?? null });
  }
  await replacePublicControls(ctx, publicControlSetInputSchema.parse({ controls }));
}

/** Norrsken's public trust center: published, with certifications, an FAQ backed by controls and sub-processors. */
export async function seedDemoTrustCenter(ctx: ServiceContext): Promise<void> {
  await putSettings(
    ctx,
    trustSettingsSchema.parse({
      title: 'Norrsken Cloud trust center',
      intro: 'How Norrsken Cloud keeps your data safe, available and in the Nordics.',
      accentColor: '#1f5f8b',
      logoText: 'Norrsken Cloud',
      slaText: '',
      drText: '',
      customDomain: null,
      published: true,
    }),
  );
  const fr2000 = await ctx.db
    .selectFrom('frameworks')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('key', '=', 'fr2000')
    .executeTakeFirst();
  await createCertification(
    ctx,
    certificationInputSchema.parse({
      name: 'FR2000',
      frameworkId: fr2000?.id ?? null,
      status: 'certified',
      issuer: 'An accredited certification body',
      issuedOn: '2025-06-01',
      expiresOn: '2028-05-31',
    }),
  );
  await createCertification(
    ctx,
    certificationInputSchema.parse({
      name: 'ISO/IEC 27001:2022',
      status: 'in-progress',
      targetQuarter: '2027-Q2',
      position: 1,
    }),
  );
  const now = Date.now();
  for (const e of evidence) {
    const ids = await controlIds(ctx, [e.control]);
    if (ids.length === 0) continue;
    await addLinkEvidence(
      ctx,
      evidenceLinkInputSchema.parse({
        title: e.title,
        url: e.url,
        validFrom: new Date(now - (e.provenDaysAgo ?? 30) * DAY).toISOString(),
        expiresAt: new Date(now + 335 * DAY).toISOString(),
        controlIds: ids,
      }),
    );
  }
  await replaceClaims(ctx, claimSetInputSchema.parse({ claims: await demoClaims(ctx) }));
  await seedPublicControls(ctx);
  for (const [position, s] of faq.entries()) {
    const section = await createSection(
      ctx,
      faqSectionInputSchema.parse({ title: s.section, language: 'en', position }),
    );
    for (const [index, e] of s.entries.entries()) {
      await createEntry(
        ctx,
        faqEntryInputSchema.parse({
          sectionId: section.id,
          question: e.question,
          answer: e.answer,
          position: index,
          published: true,
          controlIds: await controlIds(ctx, e.controls),
          claimKeys: e.claims ?? [],
        }),
      );
    }
  }
  for (const s of subprocessors) {
    await createSubprocessor(
      ctx,
      subprocessorInputSchema.parse({ ...s, transferMechanism: 'none-eea', status: 'active' }),
    );
  }
}
