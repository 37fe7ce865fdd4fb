import type { AnnexAControl } from './iso27001-annex-a.js';

export const technologicalControls: readonly AnnexAControl[] = [
  [
    '8.1',
    'Endpoint devices',
    'Manage staff laptops centrally: disk encryption, patches, screen lock and remote wipe.',
  ],
  [
    '8.2',
    'Privileged access',
    'Grant admin rights per task and time, with hardware-key MFA, from the separate administration network.',
  ],
  [
    '8.3',
    'Restricting access to information',
    'Enforce access per tenant and role in every service; customer data is isolated by design.',
  ],
  [
    '8.4',
    'Source code access',
    'Limit write access to repositories, protect the main branches and require reviews.',
  ],
  [
    '8.5',
    'Secure authentication',
    'Use SSO with phishing-resistant MFA (hardware keys) for all staff and administrative access.',
  ],
  [
    '8.6',
    'Capacity management',
    'Watch compute, storage and network capacity and plan expansion before thresholds are reached.',
  ],
  [
    '8.7',
    'Malware protection',
    'Run endpoint protection on laptops and scan uploads and images where it makes sense.',
  ],
  [
    '8.8',
    'Technical vulnerabilities',
    'Scan regularly, triage by severity and patch within set deadlines; track findings in Tillit.',
  ],
  ['8.9', 'Configuration management', 'Keep configuration as code with reviewed baselines and detect drift.'],
  [
    '8.10',
    'Information deletion',
    'Delete data when no longer needed or on customer request, e.g. by crypto-shredding volumes.',
  ],
  [
    '8.11',
    'Data masking',
    'Mask or pseudonymise personal data in logs, support tools and test environments.',
  ],
  [
    '8.12',
    'Data leakage prevention',
    'Detect and block unusual outbound transfers of confidential data from administrative systems.',
  ],
  [
    '8.13',
    'Backup',
    'Back up by policy, keep copies in another data centre and test restores on a schedule.',
  ],
  [
    '8.14',
    'Redundancy',
    'Build services redundantly across racks and sites and test failover to prove the 99.9 % SLA.',
  ],
  [
    '8.15',
    'Logging',
    'Log security events centrally, protect logs from tampering and keep them for the set retention.',
  ],
  [
    '8.16',
    'Monitoring',
    'Monitor networks and systems for anomalies with alerts to on-call; IDS/IPS through partners.',
  ],
  ['8.17', 'Clock synchronisation', 'Sync every system to trusted NTP sources so that logs line up.'],
  ['8.18', 'Privileged utility programs', 'Limit and log the use of tools that can bypass system controls.'],
  [
    '8.19',
    'Software on production systems',
    'Install software on production only through the deployment pipeline.',
  ],
  [
    '8.20',
    'Network security',
    'Harden and monitor network devices; administration networks are separate from customer traffic.',
  ],
  [
    '8.21',
    'Network services security',
    'Set security requirements for network services (DNS, transit, DDoS protection) and monitor them.',
  ],
  [
    '8.22',
    'Network segregation',
    'Separate customer, management and office networks, and tenants from each other.',
  ],
  ['8.23', 'Web filtering', 'Block known malicious websites from staff devices and administration networks.'],
  [
    '8.24',
    'Cryptography',
    'Encrypt data at rest (disk encryption) and in transit (TLS 1.2+); manage keys by a written procedure.',
  ],
  [
    '8.25',
    'Secure development life cycle',
    'Build security into development: threat modelling, code review, automated checks in CI.',
  ],
  [
    '8.26',
    'Application security requirements',
    'Write security requirements for each new service or feature and test them.',
  ],
  [
    '8.27',
    'Secure architecture',
    'Document architecture principles (defence in depth, least privilege, tenant isolation) and apply them.',
  ],
  [
    '8.28',
    'Secure coding',
    'Follow secure-coding guidelines and run static analysis and dependency scanning in CI.',
  ],
  [
    '8.29',
    'Security testing',
    'Test security before each release and commission periodic penetration tests of the platform.',
  ],
  [
    '8.30',
    'Outsourced development',
    'Hold contractors to our development security requirements and review what they deliver.',
  ],
  [
    '8.31',
    'Separate environments',
    'Keep development, test and production apart; no customer data outside production.',
  ],
  [
    '8.32',
    'Change management',
    'Change production only through reviewed, approved and logged changes with a rollback plan.',
  ],
  [
    '8.33',
    'Test data',
    'Use synthetic or masked data in tests; never copy customer data into test without approval.',
  ],
  [
    '8.34',
    'Protection during audit testing',
    "Plan audit tests with system owners so they don't disrupt production; give auditors read-only access.",
  ],
];
