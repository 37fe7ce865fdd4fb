import type { ActivityKind } from '../../../contracts/activities.js';

export const kindLabels: Record<ActivityKind, string> = {
  'access-review': 'Access review',
  'restore-test': 'Restore test',
  'dr-test': 'DR test',
  'redundancy-test': 'Redundancy test',
  'fire-safety-round': 'Fire-safety round',
  'policy-review': 'Policy review',
  'internal-audit': 'Internal audit',
  'supplier-review': 'Supplier review',
  other: 'Other',
};
