import { z } from 'zod';
import { type Catalog, catalogSchema } from '../../contracts/catalog.js';
import { childPath, OscalImportError } from './oscal-errors.js';

/** Control trees and part trees deeper than this are refused: real catalogs stay below 6. */
export const MAX_NESTING = 10;
/** Large enough for the full SP 800-53 rev5 catalog with 53A objectives (about 10 MB) several times over. */
export const MAX_TEXT_LENGTH = 64 * 1024 * 1024;

const modelNames: Record<string, string> = {
  catalog: 'catalog',
  profile: 'profile',
  'component-definition': 'component definition',
  'system-security-plan': 'system security plan',
  'assessment-plan': 'assessment plan',
  'assessment-results': 'assessment results',
  'plan-of-action-and-milestones': 'plan of action and milestones',
  'mapping-collection': 'mapping collection',
};

export const propSchema = z.object({
  name: z.string().min(1),
  value: z.string(),
  ns: z.string().optional(),
  class: z.string().optional(),
});
export type OscalProp = z.infer<typeof propSchema>;

export const linkSchema = z.object({
  href: z.string(),
  rel: z.string().optional(),
  text: z.string().optional(),
});

const partySchema = z.object({ uuid: z.string(), name: z.string().optional() });
const responsiblePartySchema = z.object({ 'role-id': z.string(), 'party-uuids': z.array(z.string()) });

export const metadataSchema = z.object({
  title: z.string().min(1),
  version: z.string(),
  'oscal-version': z.string(),
  remarks: z.string().optional(),
  props: z.array(propSchema).optional(),
  parties: z.array(partySchema).optional(),
  'responsible-parties': z.array(responsiblePartySchema).optional(),
});
export type OscalMetadata = z.infer<typeof metadataSchema>;

const rlinkSchema = z.object({ href: z.string().min(1), 'media-type': z.string().optional() });
export const backMatterSchema = z.object({
  resources: z
    .array(
      z.object({
        uuid: z.string().min(1),
        title: z.string().optional(),
        rlinks: z.array(rlinkSchema).optional(),
      }),
    )
    .optional(),
});
export type OscalBackMatter = z.infer<typeof backMatterSchema>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates one node with zod and turns the first issue into an OscalImportError with the node's JSON path.
 * A missing required field is reported on the node itself (`…controls[5]: control has no id`).
 */
export function parseNode<T extends z.ZodType>(
  schema: T,
  value: unknown,
  path: string,
  what: string,
): z.infer<T> {
  if (!isRecord(value))
    throw new OscalImportError(`${what} must be a JSON object, not ${describe(value)}`, path);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new OscalImportError(`${what} is invalid`, path);
  const keys = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const last = keys.at(-1);
  if (typeof last === 'string' && valueAt(value, keys) === undefined) {
    const parentPath = keys.slice(0, -1).reduce<string>((p, k) => childPath(p, k), path);
    const owner = keys.length === 1 ? what : 'entry';
    throw new OscalImportError(`${owner} has no ${last}`, parentPath);
  }
  const issuePath = keys.reduce<string>((p, k) => childPath(p, k), path);
  throw new OscalImportError(`${what}: ${issue.message}`, issuePath);
}

/** JSON text → value; a truncated or broken file becomes a clear OscalImportError. */
export function parseJsonText(text: string): unknown {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new OscalImportError(
      `The file is larger than ${MAX_TEXT_LENGTH / 1024 / 1024} MB; refusing to read it`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new OscalImportError(`The file is not valid JSON (it may be truncated): ${reason}`);
  }
}

/** Returns the model's root object, or says which OSCAL model (if any) the document is instead. */
export function readRoot(json: unknown, expected: 'catalog' | 'profile'): Record<string, unknown> {
  const wanted = modelNames[expected];
  if (!isRecord(json)) {
    throw new OscalImportError(`An OSCAL ${wanted} must be a JSON object, not ${describe(json)}`);
  }
  const root = json[expected];
  if (root !== undefined) {
    if (!isRecord(root))
      throw new OscalImportError(`${wanted} must be a JSON object, not ${describe(root)}`, expected);
    return root;
  }
  const other = Object.keys(json).find((key) => key in modelNames);
  if (other) throw new OscalImportError(`This is an OSCAL ${modelNames[other]}, not a ${wanted}`);
  const found = Object.keys(json).slice(0, 5).join(', ') || 'nothing';
  throw new OscalImportError(
    `This is not an OSCAL ${wanted}: expected a JSON object with a "${expected}" property, found ${found}`,
  );
}

export function parseMetadata(root: Record<string, unknown>, rootPath: string): OscalMetadata {
  const path = childPath(rootPath, 'metadata');
  const metadata = parseNode(metadataSchema, root.metadata, path, 'metadata');
  const version = metadata['oscal-version'];
  if (!/^1\.[0-2]\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new OscalImportError(
      `unsupported OSCAL version ${JSON.stringify(version)}; this importer reads OSCAL 1.0.x to 1.2.x`,
      childPath(path, 'oscal-version'),
    );
  }
  return metadata;
}

export function parseBackMatter(root: Record<string, unknown>, rootPath: string): OscalBackMatter {
  if (root['back-matter'] === undefined) return {};
  return parseNode(backMatterSchema, root['back-matter'], childPath(rootPath, 'back-matter'), 'back-matter');
}

/** The label people cite: the `label` prop without a class (NIST also has zero-padded and 53A variants). */
export function labelProp(props: readonly OscalProp[] | undefined): string | undefined {
  const labels = (props ?? []).filter((p) => p.name === 'label' && p.ns === undefined);
  return (labels.find((p) => p.class === undefined) ?? labels[0])?.value;
}

export function propValue(props: readonly OscalProp[] | undefined, name: string): string | undefined {
  return (props ?? []).find((p) => p.name === name && p.ns === undefined)?.value;
}

/** The name of the party in the `creator` role, the publisher of a NIST document. */
export function creatorName(metadata: OscalMetadata): string {
  const creator = metadata['responsible-parties']?.find((r) => r['role-id'] === 'creator');
  const names = (creator?.['party-uuids'] ?? [])
    .map((uuid) => metadata.parties?.find((p) => p.uuid === uuid)?.name)
    .filter((name): name is string => Boolean(name));
  return clip(names.join(', '), 200);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const catalogKeyPattern = /^[a-z0-9][a-z0-9.-]{1,79}$/;

/** A framework key from options or the title: `NIST SP 800-53 Rev 5.1.1 LOW` → `nist-sp-800-53-rev-5.1.1-low`. */
export function frameworkKey(title: string, explicit: string | undefined): string {
  if (explicit !== undefined) {
    if (!catalogKeyPattern.test(explicit)) {
      throw new OscalImportError(
        `key ${JSON.stringify(explicit)} is not valid: use 2–80 lower-case letters, digits, dots or dashes`,
      );
    }
    return explicit;
  }
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return catalogKeyPattern.test(slug) ? slug : 'oscal-import';
}

/**
 * The Catalog contract check, as a last line of defence; a failure names the OSCAL node (via `pathOf`) rather
 * than an index into the requirements list.
 */
export function validateCatalog(catalog: Catalog, pathOf: (index: number) => string | null): Catalog {
  const result = catalogSchema.safeParse(catalog);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [first, index, ...rest] = issue?.path ?? [];
  const at = first === 'requirements' && typeof index === 'number' ? pathOf(index) : null;
  const field = (at === null ? (issue?.path ?? []) : rest).map(String).join('.');
  throw new OscalImportError(`${field ? `${field}: ` : ''}${issue?.message ?? 'invalid catalog'}`, at);
}
