import type { CatalogInput } from '../../../../contracts/catalog.js';
import {
  annexSl2015Additions,
  type Clause,
  clauseRequirements,
  managementSystemClauses,
  mergeAdditions,
} from './management-system.js';

export const ISO9001 = 'iso9001-2015';

const subject = { topic: 'quality', system: 'quality management system' };

const c = (ref: string, title: string, guidance: string, children?: readonly Clause[]): Clause =>
  children ? { ref, title, guidance, children } : { ref, title, guidance };

const qualityAdditions: Record<string, readonly Clause[]> = {
  '4.4': [
    c(
      '4.4.1',
      'Processes and their interaction',
      'Map each process with inputs, outputs, owner, indicators and risks.',
    ),
    c(
      '4.4.2',
      'Process documentation',
      'Keep the process descriptions and the records that show they ran as planned.',
    ),
  ],
  '5.1': [
    c(
      '5.1.1',
      'Management commitment',
      'Management owns the quality results and takes part in reviews and improvements.',
    ),
    c(
      '5.1.2',
      'Customer focus',
      'Track customer requirements, SLA results and satisfaction, and act when they slip.',
    ),
  ],
  '5.2': [
    c(
      '5.2.1',
      'Setting the quality policy',
      'Write a short quality policy that fits our services and commits to improvement.',
    ),
    c(
      '5.2.2',
      'Communicating the quality policy',
      'Publish the policy to staff and on the trust center, and keep it available.',
    ),
  ],
  '6': [
    c(
      '6.3',
      'Planning of changes',
      'Plan changes to the quality system before making them: purpose, risks, resources.',
    ),
  ],
  '6.1': [
    c(
      '6.1.2',
      'Planning actions',
      'Plan how each chosen risk or opportunity is handled and check that it worked.',
    ),
  ],
  '7.1': [
    c(
      '7.1.1',
      'Resources in general',
      'Weigh what we can do ourselves and what we buy in when planning resources.',
    ),
    c(
      '7.1.2',
      'People',
      'Staff the service, support and operations teams to meet the committed service levels.',
    ),
    c('7.1.3', 'Infrastructure', 'Maintain data centres, network and tooling that the services depend on.'),
    c(
      '7.1.4',
      'Operating environment',
      'Keep working conditions, physical and social, that let people do good work.',
    ),
    c('7.1.5', 'Monitoring and measuring resources', '', [
      c(
        '7.1.5.1',
        'Fit-for-purpose measurement',
        'Make sure the monitoring that proves SLA figures measures the right thing.',
      ),
      c(
        '7.1.5.2',
        'Measurement traceability',
        'Calibrate or verify instruments, e.g. temperature sensors in the data halls.',
      ),
    ]),
    c(
      '7.1.6',
      'Organisational knowledge',
      'Keep know-how in runbooks and a wiki so it survives people leaving.',
    ),
  ],
  '8': [
    c('8.2', 'Requirements for services', '', [
      c(
        '8.2.1',
        'Customer communication',
        'Give customers clear service descriptions, a support channel and status updates.',
      ),
      c(
        '8.2.2',
        'Determining requirements',
        'Set service requirements, including legal ones, before offering a service.',
      ),
      c(
        '8.2.3',
        'Reviewing requirements',
        'Review orders and contracts before accepting them to make sure we can deliver.',
      ),
      c(
        '8.2.4',
        'Changed requirements',
        'When requirements change, update the documents and tell the people affected.',
      ),
    ]),
    c('8.3', 'Design and development', '', [
      c('8.3.1', 'Design process', 'Use one documented process for designing new or changed services.'),
      c(
        '8.3.2',
        'Design planning',
        'Plan stages, reviews, responsibilities and customer involvement for each design.',
      ),
      c(
        '8.3.3',
        'Design inputs',
        'Collect functional, performance, legal and security requirements as design inputs.',
      ),
      c(
        '8.3.4',
        'Design controls',
        'Review, verify and validate designs, and record the results and actions.',
      ),
      c(
        '8.3.5',
        'Design outputs',
        'Make sure designs produce what operations and customers need, e.g. runbooks, docs.',
      ),
      c('8.3.6', 'Design changes', 'Review and approve changes to designs and keep the history.'),
    ]),
    c('8.4', 'External providers', '', [
      c(
        '8.4.1',
        'Controlling external providers',
        'Select, evaluate and re-evaluate suppliers against set criteria.',
      ),
      c(
        '8.4.2',
        'Extent of control',
        'Decide how closely each outsourced process or supplier is checked, by its risk.',
      ),
      c(
        '8.4.3',
        'Information for providers',
        'Tell suppliers in writing what we require, how we accept and how we verify.',
      ),
    ]),
    c('8.5', 'Service provision', '', [
      c(
        '8.5.1',
        'Controlled conditions',
        'Deliver services under documented procedures, monitoring and competent staff.',
      ),
      c(
        '8.5.2',
        'Identification and traceability',
        'Identify service components and trace deliveries to orders and changes.',
      ),
      c(
        '8.5.3',
        'Customer and supplier property',
        "Look after customers' data and equipment and tell them if any is lost or damaged.",
      ),
      c(
        '8.5.4',
        'Preservation',
        'Protect outputs during delivery, e.g. integrity checks on stored data and backups.',
      ),
      c(
        '8.5.5',
        'Post-delivery activities',
        'Handle support, maintenance and end-of-contract data return or deletion.',
      ),
      c(
        '8.5.6',
        'Control of changes',
        'Review production changes and record who approved them and the result.',
      ),
    ]),
    c(
      '8.6',
      'Release of services',
      'Release services only after the planned checks pass, and record who released.',
    ),
    c(
      '8.7',
      'Nonconforming outputs',
      'Stop, correct or credit faulty deliveries (e.g. SLA breaches) and record the action.',
    ),
  ],
  '9.1': [
    c('9.1.1', 'Monitoring in general', 'Decide what is measured, how and when, and keep the results.'),
    c('9.1.2', 'Customer satisfaction', 'Survey customers and follow up complaints and churn reasons.'),
    c(
      '9.1.3',
      'Analysis and evaluation',
      'Analyse SLA, incident, supplier and satisfaction data for management review.',
    ),
  ],
  '9.3': [
    c('9.3.1', 'Holding the review', 'Review the quality system at least yearly with top management.'),
    c(
      '9.3.2',
      'Review inputs',
      'Bring customer feedback, objectives, process performance, audits and suppliers.',
    ),
    c(
      '9.3.3',
      'Review results',
      'Record decisions on improvements, changes and resources and follow them up.',
    ),
  ],
};

export const iso9001Clauses: readonly Clause[] = managementSystemClauses({
  subject,
  additions: mergeAdditions(annexSl2015Additions(subject), qualityAdditions),
});

export const iso9001: CatalogInput = {
  key: ISO9001,
  name: 'ISO 9001:2015',
  version: '2015',
  publisher: 'ISO',
  description: 'Quality management system: clauses 4–10 with short titles and practical guidance.',
  attribution:
    'Numbering follows ISO 9001:2015. The standard is copyright ISO and its text is not included: titles and guidance are Tillit’s own words.',
  source: 'builtin',
  requirements: clauseRequirements(iso9001Clauses, { parentKey: null }),
};
