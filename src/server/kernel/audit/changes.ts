export type Changes = Record<string, { from: unknown; to: unknown }>;

/** The fields of `patch` whose value differs from `before`, as from/to pairs for the audit event. */
export function changesBetween<T extends object>(before: T, patch: Partial<T>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(patch) as (keyof T & string)[]) {
    const to = patch[key];
    if (to !== undefined && to !== before[key]) changes[key] = { from: before[key] ?? null, to };
  }
  return changes;
}
