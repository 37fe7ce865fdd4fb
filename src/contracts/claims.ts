import { z } from 'zod';

/** The positions an organisation may state publicly; each is checked against its records before it is shown. */
export const claimKinds = [
  'residency-nordics',
  'residency-eea',
  'no-third-country-transfers',
  'encryption-at-rest',
  'restore-tested',
  'vulnerability-scanning',
  'sla-target',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

/** What staff pick when they state a position; the public statement itself is generated from the records. */
export const claimKindLabels: Record<ClaimKind, string> = {
  'residency-nordics': 'Customer data stays in the Nordics',
  'residency-eea': 'Customer data stays in the EU/EEA',
  'no-third-country-transfers': 'No transfers to third countries',
  'encryption-at-rest': 'Customer data is encrypted at rest',
  'restore-tested': 'Backups are restored in tests',
  'vulnerability-scanning': 'Systems are scanned for vulnerabilities',
  'sla-target': 'Availability target (SLA)',
};

/** Kinds proven by a control: its health, or for the last two the age of its newest evidence. */
export const controlClaimKinds: readonly ClaimKind[] = [
  'encryption-at-rest',
  'restore-tested',
  'vulnerability-scanning',
];
export const cadenceClaimKinds: readonly ClaimKind[] = ['restore-tested', 'vulnerability-scanning'];

const claimInputSchema = z.strictObject({
  kind: z.enum(claimKinds),
  controlId: z.uuid().nullable().default(null),
  maxAgeDays: z.number().int().min(1).max(3660).nullable().default(null),
  /**
   * Ignored since the SLA target is one setting (Outages and SLA: the monthly target and per-service targets that
   * availability and credits use); accepted so older clients keep working. Evaluated claims report that target.
   */
  target: z
    .string()
    .regex(/^(\d{1,2}(\.\d{1,3})?|100)$/, 'must be a percentage like 99.9')
    .or(z.literal(''))
    .default(''),
});
export type ClaimInput = z.output<typeof claimInputSchema>;

/** The whole set of positions, replaced at once. */
export const claimSetInputSchema = z.strictObject({
  claims: z
    .array(claimInputSchema)
    .max(claimKinds.length)
    .superRefine((claims, issue) => {
      for (const [i, c] of claims.entries()) {
        if (claims.findIndex((x) => x.kind === c.kind) !== i)
          issue.addIssue({ code: 'custom', path: [i, 'kind'], message: `${c.kind} is listed twice` });
        if (controlClaimKinds.includes(c.kind) && c.controlId === null)
          issue.addIssue({
            code: 'custom',
            path: [i, 'controlId'],
            message: `${c.kind} needs the control that proves it`,
          });
        if (cadenceClaimKinds.includes(c.kind) && c.maxAgeDays === null)
          issue.addIssue({
            code: 'custom',
            path: [i, 'maxAgeDays'],
            message: `${c.kind} needs the number of days after which its evidence is stale`,
          });
      }
    }),
});
export type ClaimSetInput = z.output<typeof claimSetInputSchema>;

/** One claim as evaluated now: its rule, the evidence it rests on, and why it fails when it does. */
export const claimSchema = z.strictObject({
  /** The kind, or `certification:<id>` for a certification. */
  key: z.string(),
  kind: z.enum([...claimKinds, 'certification']),
  /** What the public page says when the claim holds. */
  statement: z.string(),
  holds: z.boolean(),
  rule: z.string(),
  evidence: z.array(z.string()),
  /** Why the claim fails, one line per contradicting record. */
  problems: z.array(z.string()),
  /** What the public page says instead when the claim fails; null when the claim is withheld. */
  trueState: z.string().nullable(),
  /** The date of the newest evidence the claim rests on, when it rests on evidence. */
  evidenceDate: z.string().nullable(),
  lastVerifiedAt: z.string(),
  controlId: z.string().nullable(),
  maxAgeDays: z.number().int().nullable(),
  target: z.string(),
});
export type Claim = z.infer<typeof claimSchema>;
export const claimListSchema = z.strictObject({ claims: z.array(claimSchema) });
