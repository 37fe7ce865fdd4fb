import type { AnnexAControl } from './iso27001-annex-a.js';

export const organizationalControls: readonly AnnexAControl[] = [
  [
    '5.1',
    'Information security policies',
    'Keep the policy set in Tillit, approved by management, acknowledged by staff and reviewed yearly.',
  ],
  [
    '5.2',
    'Security roles and responsibilities',
    'Name the CISO, control owners and asset owners in Tillit; every control has one owner.',
  ],
  [
    '5.3',
    'Segregation of duties',
    'Split conflicting duties, e.g. who requests, approves and grants production access; review exceptions.',
  ],
  [
    '5.4',
    'Management responsibilities',
    'Managers make sure their teams follow the policies and finish onboarding security training.',
  ],
  [
    '5.5',
    'Contact with authorities',
    'Keep current contacts for CERT-SE, NCSC Norway, IMY, Datatilsynet, police and rescue services.',
  ],
  [
    '5.6',
    'Contact with interest groups',
    'Take part in sector forums and CERT mailing lists, and note who follows which source.',
  ],
  [
    '5.7',
    'Threat intelligence',
    'Collect threat information relevant to our platforms (vendor advisories, CERT feeds), assess it, act on it.',
  ],
  [
    '5.8',
    'Security in projects',
    'Add a security checkpoint (risk review, security requirements) to every project template.',
  ],
  [
    '5.9',
    'Asset inventory',
    "Keep servers, network gear, services and data stores in Tillit's asset inventory, each with an owner.",
  ],
  [
    '5.10',
    'Acceptable use',
    'Publish acceptable-use rules for laptops, accounts and customer data and have them acknowledged.',
  ],
  [
    '5.11',
    'Return of assets',
    'Collect laptops, hardware keys and badges at exit; the leaver checklist records each return.',
  ],
  [
    '5.12',
    'Information classification',
    'Use a short scheme (public, internal, confidential, customer data) and classify assets with it.',
  ],
  [
    '5.13',
    'Information labelling',
    'Label documents and storage by class where practical; customer data is confidential by default.',
  ],
  [
    '5.14',
    'Information transfer',
    'Move confidential data only over encrypted channels and under agreements that say how.',
  ],
  ['5.15', 'Access control', 'Document access rules per system, based on need to know and least privilege.'],
  [
    '5.16',
    'Identity management',
    'One personal identity per person, provisioned from HR via SSO and SCIM; shared accounts by exception only.',
  ],
  [
    '5.17',
    'Authentication information',
    'Issue hardware security keys, never send secrets in clear text and rotate service credentials.',
  ],
  [
    '5.18',
    'Access rights',
    'Grant, change and revoke access through joiner, mover and leaver requests; review access quarterly.',
  ],
  [
    '5.19',
    'Supplier relationships',
    "Assess a supplier's security before onboarding and record it, with a risk rating, in Tillit.",
  ],
  [
    '5.20',
    'Security in supplier agreements',
    'Put security, confidentiality, incident notice and audit rights into supplier contracts and DPAs.',
  ],
  [
    '5.21',
    'ICT supply chain',
    'Require hardware and software suppliers to manage their own supply chain; keep SBOMs for what we ship.',
  ],
  [
    '5.22',
    'Supplier monitoring and change',
    'Review key suppliers yearly against their agreements and assess changes to their services.',
  ],
  [
    '5.23',
    'Use of cloud services',
    'Set rules for buying, using and leaving the cloud services we depend on, exit plans included.',
  ],
  [
    '5.24',
    'Incident management planning',
    'Keep an incident response plan with roles, severity levels and on-call duty; exercise it yearly.',
  ],
  [
    '5.25',
    'Assessing security events',
    'Triage events against set criteria to decide whether they are incidents, and record the decision.',
  ],
  [
    '5.26',
    'Incident response',
    'Handle incidents by the procedure: contain, eradicate, recover, communicate, and keep a timeline.',
  ],
  [
    '5.27',
    'Learning from incidents',
    'Hold a post-incident review after significant incidents and feed the actions into the risk register.',
  ],
  [
    '5.28',
    'Collection of evidence',
    'Preserve logs and disk images with hashes and a chain of custody when a case may go to court.',
  ],
  [
    '5.29',
    'Security during disruption',
    'Plan how security controls stay in place during a crisis or a failover to another data centre.',
  ],
  [
    '5.30',
    'ICT readiness for continuity',
    'Set RTO and RPO per service and test failover between STO1, STO2 and OSL1 at least yearly.',
  ],
  [
    '5.31',
    'Legal and contractual requirements',
    'Keep a register of laws (GDPR, NIS2), regulations and contract commitments that touch security.',
  ],
  [
    '5.32',
    'Intellectual property',
    'Track software licences and respect the open-source licences of what we ship.',
  ],
  [
    '5.33',
    'Protection of records',
    'Protect records from loss and tampering and keep them for their required retention periods.',
  ],
  [
    '5.34',
    'Privacy and personal data',
    'Run the GDPR processor programme in Tillit: DPAs, records of processing, data-subject requests.',
  ],
  [
    '5.35',
    'Independent security review',
    'Have the ISMS reviewed independently at planned intervals, e.g. internal audit and the external DPO.',
  ],
  [
    '5.36',
    'Compliance with security policies',
    'Managers and control owners check policy compliance regularly; Tillit checks flag the gaps.',
  ],
  [
    '5.37',
    'Documented operating procedures',
    'Keep runbooks in version control and review them whenever the systems change.',
  ],
];
