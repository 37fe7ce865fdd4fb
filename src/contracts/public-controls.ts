import { z } from 'zod';

/**
 * What the public reads of a chosen control: `monitored` (implemented, its checks pass and its evidence is
 * current), `evidenced` (implemented with current evidence, no automated check) or `under-review` (anything
 * else: the page then states no health at all, and staff see why).
 */
export const publicControlStates = ['monitored', 'evidenced', 'under-review'] as const;
export type PublicControlState = (typeof publicControlStates)[number];

export const publicControlSchema = z.object({
  controlId: z.uuid(),
  ref: z.string(),
  title: z.string(),
  publicTitle: z.string().nullable(),
  domain: z.string(),
  state: z.enum(publicControlStates),
  /** The newest evidence date the state rests on, and when a check last ran. */
  evidenceDate: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** Why a control is under review: for staff only, never on the public page. */
  problems: z.array(z.string()),
});
export type PublicControl = z.infer<typeof publicControlSchema>;

export const publicControlListSchema = z.object({ controls: z.array(publicControlSchema) });

/** The whole public list, in the order shown; replaced at once. */
export const publicControlSetInputSchema = z.strictObject({
  controls: z
    .array(
      z.strictObject({
        controlId: z.uuid(),
        domain: z.string().trim().min(1, 'needs a domain').max(80),
        publicTitle: z.string().trim().min(1).max(160).nullable().default(null),
      }),
    )
    .max(200),
});
export type PublicControlSetInput = z.output<typeof publicControlSetInputSchema>;
