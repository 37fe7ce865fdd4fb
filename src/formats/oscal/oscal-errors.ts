/**
 * The one error every OSCAL importer throws. The message names the problem and, where there is one, the JSON
 * path of the offending node (e.g. `catalog.groups[2].controls[5]: control has no id`), so it can be shown to
 * the person who uploaded the file as it is.
 */
export class OscalImportError extends Error {
  override name = 'OscalImportError';
  constructor(
    readonly problem: string,
    readonly path: string | null = null,
  ) {
    super(path ? `${path}: ${problem}` : problem);
  }
}

/** `catalog.groups` + 2 → `catalog.groups[2]`; `catalog` + `metadata` → `catalog.metadata`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_][\w-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
