import { z } from 'zod';

/** Field changes of an update, `{ field: { from, to } }`. */
export const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
/** An action that carries no data. */
export const none = z.strictObject({});
