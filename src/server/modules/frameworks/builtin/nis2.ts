import type { CatalogInput } from '../../../../contracts/catalog.js';
import type { RequirementInput } from './management-system.js';

export const NIS2 = 'nis2';

type Row = readonly [ref: string, title: string, statement: string, guidance: string];

function row([ref, title, statement, guidance]: Row, parentKey: string, labels: Record<string, string> = {}) {
  const requirement: RequirementInput = {
    key: ref,
    ref,
    parentKey,
    kind: 'requirement',
    title,
    statement,
    guidance,
    labels,
  };
  return requirement;
}

/** Rows under one parent; refs and keys are the directive's own paragraph and point numbers. */
function rows(parentKey: string, entries: readonly Row[]): RequirementInput[] {
  return entries.map((entry) => row(entry, parentKey));
}

function group(key: string, ref: string, title: string, parentKey: string | null = null): RequirementInput {
  return { key, ref, parentKey, kind: 'group', title };
}

const governance: readonly Row[] = [
  [
    '20(1)',
    'Management approves and oversees the measures',
    'The management body approves the cybersecurity risk-management measures, oversees their implementation and can be held liable for infringements.',
    'Management approves the measures at least yearly and follows them up; keep the decision and minutes in Tillit.',
  ],
  [
    '20(2)',
    'Cybersecurity training for management',
    'Members of the management body follow cybersecurity training; staff are encouraged to receive similar training regularly.',
    'Board and management take cybersecurity training yearly, staff get regular training too; keep the records.',
  ],
];

const riskManagement: readonly Row[] = [
  [
    '21(1)',
    'Proportionate, risk-based measures',
    'Take appropriate and proportionate technical, operational and organisational measures to manage risks to network and information systems and to limit the impact of incidents.',
    'Run the ISMS risk process for all hazards (cyber, physical, power, supply) and size measures to the risk.',
  ],
];

const minimumMeasures: readonly Row[] = [
  [
    '21(2)(a)',
    'Risk analysis and security policies',
    'Policies on risk analysis and information system security.',
    'Keep the risk method and the security policy set in Tillit, approved and reviewed yearly.',
  ],
  [
    '21(2)(b)',
    'Incident handling',
    'Incident handling.',
    'Keep an incident procedure with triage, on-call, containment and recovery, and record every incident in Tillit.',
  ],
  [
    '21(2)(c)',
    'Business continuity and crisis management',
    'Business continuity, such as backup management and disaster recovery, and crisis management.',
    'Test restores and failover between STO1, STO2 and OSL1 on a schedule and exercise the crisis team yearly.',
  ],
  [
    '21(2)(d)',
    'Supply chain security',
    'Supply chain security, including security aspects of the relationships with direct suppliers and service providers.',
    'Assess and contract key suppliers for security, incident notice and audit rights; review them yearly.',
  ],
  [
    '21(2)(e)',
    'Secure acquisition, development and maintenance',
    'Security in acquiring, developing and maintaining network and information systems, including vulnerability handling and disclosure.',
    'Scan for vulnerabilities, patch within set deadlines, publish a disclosure policy and build security into CI.',
  ],
  [
    '21(2)(f)',
    'Assessing the effectiveness of measures',
    'Policies and procedures to assess the effectiveness of cybersecurity risk-management measures.',
    'Measure controls with Tillit checks, run internal audits and review the results at management review.',
  ],
  [
    '21(2)(g)',
    'Cyber hygiene and training',
    'Basic cyber hygiene practices and cybersecurity training.',
    'Enforce patching, MFA and hardened baselines, and give all staff yearly security training.',
  ],
  [
    '21(2)(h)',
    'Cryptography and encryption',
    'Policies and procedures on the use of cryptography and, where appropriate, encryption.',
    'Encrypt data at rest and in transit and manage keys under a written cryptography policy.',
  ],
  [
    '21(2)(i)',
    'HR security, access control and assets',
    'Human resources security, access control policies and asset management.',
    'Screen staff, run joiner/mover/leaver access changes with quarterly reviews, and keep the asset inventory current.',
  ],
  [
    '21(2)(j)',
    'MFA and secured communications',
    'Multi-factor or continuous authentication, secured voice, video and text communication and secured emergency communication, where appropriate.',
    'Require hardware-key MFA, use encrypted chat and calls, and keep an out-of-band channel for emergencies.',
  ],
];

const riskFollowUp: readonly Row[] = [
  [
    '21(3)',
    'Supplier-specific considerations',
    "When choosing supply-chain measures, consider each direct supplier's vulnerabilities, product quality and secure development practices, and coordinated risk assessments.",
    'Rate each key supplier on its own security practices and products, not only on the contract.',
  ],
  [
    '21(4)',
    'Prompt corrective measures',
    'Where the measures are found lacking, take the necessary corrective measures without undue delay.',
    'Track gaps as nonconformities with an owner and a deadline, and escalate overdue ones.',
  ],
];

const reporting: readonly Row[] = [
  [
    '23(1)',
    'Notify significant incidents',
    'Notify the CSIRT or competent authority without undue delay of any significant incident and, where appropriate, tell the recipients of our services about incidents likely to affect them.',
    'Classify every incident for significance; for significant ones start the reporting clock and inform affected customers.',
  ],
  [
    '23(2)',
    'Inform recipients of significant threats',
    'Tell recipients potentially affected by a significant cyber threat which measures they can take and, where appropriate, about the threat itself.',
    'Publish advisories to affected customers on the status page or by mail, with concrete steps they can take.',
  ],
  [
    '23(3)',
    'Significant-incident criteria',
    'An incident is significant if it has caused or can cause severe operational disruption or financial loss, or considerable damage to others.',
    'Write down our significance thresholds (customers affected, duration, data) and apply them in incident triage.',
  ],
];

/** `deadline` is an ISO 8601 duration counted from `clockStart`, so the incident module can run the clocks. */
const reportingStages: readonly { row: Row; labels?: Record<string, string> }[] = [
  {
    row: [
      '23(4)(a)',
      'Early warning within 24 hours',
      'Within 24 hours of becoming aware of a significant incident, send an early warning saying whether it is suspected to be unlawful or malicious and whether it may have cross-border impact.',
      'The incident record starts a 24-hour clock when the incident is classified significant; send the early warning before it runs out.',
    ],
    labels: { deadline: 'PT24H', clockStart: 'awareness' },
  },
  {
    row: [
      '23(4)(b)',
      'Incident notification within 72 hours',
      'Within 72 hours of becoming aware, send an incident notification that updates the early warning with an initial assessment of severity and impact and any indicators of compromise.',
      'Prepare the 72-hour notification from the incident record: severity, impact, indicators of compromise.',
    ],
    labels: { deadline: 'PT72H', clockStart: 'awareness' },
  },
  {
    row: [
      '23(4)(c)',
      'Intermediate report on request',
      'On request of the CSIRT or competent authority, send an intermediate report with relevant status updates.',
      'Answer authority requests for status updates from the incident timeline; log each request and reply.',
    ],
  },
  {
    row: [
      '23(4)(d)',
      'Final report within one month',
      'No later than one month after the incident notification, send a final report: detailed description, severity and impact, likely root cause, mitigation applied and ongoing, and cross-border impact.',
      'Schedule the final report one month after the 72-hour notification; base it on the post-incident review.',
    ],
    labels: { deadline: 'P1M', clockStart: 'incident-notification' },
  },
  {
    row: [
      '23(4)(e)',
      'Progress report for ongoing incidents',
      'If the incident is still ongoing when the final report is due, send a progress report then and the final report within one month of handling the incident.',
      'If handling is not finished at the one-month mark, send a progress report and reschedule the final report.',
    ],
  },
];

const registration: readonly Row[] = [
  [
    '27(2)',
    'Registration details',
    'Cloud computing and data-centre service providers, among others, submit their name, sector, address, contact details, the Member States they serve and their IP ranges to the competent authority.',
    'Keep our registration details in Tillit and confirm that the submission to the authority was made.',
  ],
  [
    '27(3)',
    'Registration changes within three months',
    'Notify changes to the registration details without delay and at the latest within three months of the change.',
    'Review the registration details at each management review and report changes within three months.',
  ],
];

export const nis2: CatalogInput = {
  key: NIS2,
  name: 'NIS2 Directive',
  version: '(EU) 2022/2555',
  publisher: 'European Union',
  description:
    'Cybersecurity risk-management measures (Art. 21), management duties (Art. 20), incident reporting deadlines (Art. 23) and registration (Art. 27).',
  attribution:
    'Based on Directive (EU) 2022/2555 (NIS2), OJ L 333, 27.12.2022, © European Union, https://eur-lex.europa.eu/eli/dir/2022/2555/oj, reused under Commission Decision 2011/833/EU. Titles, summaries and guidance are Tillit’s own wording; only the Official Journal text is authentic.',
  source: 'builtin',
  requirements: [
    group('art-20', 'Art. 20', 'Governance'),
    ...rows('art-20', governance),
    group('art-21', 'Art. 21', 'Cybersecurity risk-management measures'),
    ...rows('art-21', riskManagement),
    group('21(2)', '21(2)', 'Minimum measures', 'art-21'),
    ...rows('21(2)', minimumMeasures),
    ...rows('art-21', riskFollowUp),
    group('art-23', 'Art. 23', 'Reporting obligations'),
    ...rows('art-23', reporting),
    group('23(4)', '23(4)', 'Reporting stages and deadlines', 'art-23'),
    ...reportingStages.map(({ row: entry, labels }) => row(entry, '23(4)', labels)),
    group('art-27', 'Art. 27', 'Registration'),
    ...rows('art-27', registration),
  ],
};
