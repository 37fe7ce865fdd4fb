import { z } from 'zod';
import type { Catalog, CatalogRequirement } from '../../contracts/catalog.js';
import {
  clip,
  creatorName,
  frameworkKey,
  type OscalBackMatter,
  parseBackMatter,
  parseJsonText,
  parseMetadata,
  parseNode,
  readRoot,
  validateCatalog,
} from './oscal-document.js';
import { childPath, OscalImportError } from './oscal-errors.js';
import { type Modifications, modifyRequirement, readModify } from './oscal-profile-modify.js';

export interface OscalImportLink {
  href: string;
  mediaType?: string;
}

/** What a profile import points at, for the caller to map to a Catalog it already has. */
export interface OscalImportReference {
  /** The href as written: `#<uuid>` of a back-matter resource, or a (relative) URL. */
  href: string;
  /** For a `#<uuid>` href: the resource's rlinks in document order (e.g. `…/NIST_SP-800-53_rev5_catalog.json`). */
  rlinks: OscalImportLink[];
  /** For a `#<uuid>` href: the resource's title, when it has one. */
  resourceTitle?: string;
}

/** Returns the Catalog an import refers to, or undefined when the caller has none for it. */
export type OscalImportResolver = (reference: OscalImportReference) => Catalog | undefined;

export interface ResolveOscalProfileOptions {
  /** Framework key to use instead of one derived from the profile title. */
  key?: string;
}

/** The href and every rlink href: what a caller usually matches against (by URL or by file name). */
export function importHrefs(reference: OscalImportReference): string[] {
  return [reference.href, ...reference.rlinks.map((l) => l.href)];
}

const selectSchema = z.object({
  'with-child-controls': z.enum(['yes', 'no']).optional(),
  'with-ids': z.array(z.string().min(1)).optional(),
  matching: z.array(z.object({ pattern: z.string().min(1) })).optional(),
});
const importSchema = z.object({
  href: z.string().min(1),
  'include-all': z.object({}).optional(),
  'include-controls': z.array(z.unknown()).optional(),
  'exclude-controls': z.array(z.unknown()).optional(),
});
const mergeSchema = z.object({
  'as-is': z.boolean().optional(),
  flat: z.object({}).optional(),
  custom: z.unknown().optional(),
});
const profileRootSchema = z.object({
  uuid: z.string().min(1),
  imports: z.array(z.unknown()).min(1),
  merge: z.unknown().optional(),
  modify: z.unknown().optional(),
});

type ImportNode = z.infer<typeof importSchema>;

/** One imported catalog with the lookups selection needs. */
class Source {
  readonly byKey = new Map<string, CatalogRequirement>();
  readonly children = new Map<string, string[]>();

  constructor(
    readonly catalog: Catalog,
    readonly href: string,
  ) {
    for (const requirement of catalog.requirements) {
      this.byKey.set(requirement.key, requirement);
      if (requirement.parentKey !== null) {
        this.children.set(requirement.parentKey, [
          ...(this.children.get(requirement.parentKey) ?? []),
          requirement.key,
        ]);
      }
    }
  }

  isControl(key: string): boolean {
    return this.byKey.get(key)?.kind === 'requirement';
  }

  controls(): string[] {
    return this.catalog.requirements.filter((r) => r.kind === 'requirement').map((r) => r.key);
  }
}

/** OSCAL 1.x `matching` patterns are globs: `*` any run of characters, `?` one character. */
function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function selectControls(source: Source, raw: unknown, path: string, idsMustExist: boolean): Set<string> {
  const select = parseNode(selectSchema, raw, path, 'selection');
  const chosen = new Set<string>();
  for (const [index, id] of (select['with-ids'] ?? []).entries()) {
    if (source.isControl(id)) chosen.add(id);
    else if (idsMustExist) {
      throw new OscalImportError(
        `control ${id} is not in the imported catalog ${source.href}`,
        childPath(childPath(path, 'with-ids'), index),
      );
    }
  }
  for (const { pattern } of select.matching ?? []) {
    const glob = globToRegExp(pattern);
    for (const key of source.controls()) if (glob.test(key)) chosen.add(key);
  }
  if (select['with-child-controls'] === 'yes') {
    for (const key of [...chosen]) {
      for (const child of source.children.get(key) ?? []) if (source.isControl(child)) chosen.add(child);
    }
  }
  return chosen;
}

function selectFromImport(source: Source, node: ImportNode, path: string): Set<string> {
  const includes = node['include-controls'];
  // An import with exclusions only, or with nothing, includes everything (profile resolution specification).
  const selected = new Set(node['include-all'] || !includes ? source.controls() : []);
  for (const [index, raw] of (includes ?? []).entries()) {
    for (const key of selectControls(
      source,
      raw,
      childPath(childPath(path, 'include-controls'), index),
      true,
    )) {
      selected.add(key);
    }
  }
  for (const [index, raw] of (node['exclude-controls'] ?? []).entries()) {
    for (const key of selectControls(
      source,
      raw,
      childPath(childPath(path, 'exclude-controls'), index),
      false,
    )) {
      selected.delete(key);
    }
  }
  return selected;
}

function reference(href: string, backMatter: OscalBackMatter, path: string): OscalImportReference {
  if (!href.startsWith('#')) return { href, rlinks: [] };
  const resource = backMatter.resources?.find((r) => r.uuid === href.slice(1));
  if (!resource) throw new OscalImportError(`import ${href} names no back-matter resource`, path);
  const rlinks = (resource.rlinks ?? []).map((l) =>
    l['media-type'] === undefined ? { href: l.href } : { href: l.href, mediaType: l['media-type'] },
  );
  return resource.title === undefined ? { href, rlinks } : { href, rlinks, resourceTitle: resource.title };
}

/** The nearest ancestor that is itself selected, so a flat list keeps enhancements under their control. */
function selectedAncestor(source: Source, key: string, selected: ReadonlySet<string>): string | null {
  let parent = source.byKey.get(key)?.parentKey ?? null;
  while (parent !== null && !selected.has(parent)) parent = source.byKey.get(parent)?.parentKey ?? null;
  return parent;
}

/**
 * `as-is`: the source structure is kept. Groups holding a selected control come along whole; a control that
 * is not selected but has a selected descendant (an enhancement chosen without its base control) comes along
 * as a structural node: kind `group`, title only, label `inclusion: structural`, as the profile resolution
 * specification describes. Otherwise the list is flat (no groups), enhancements stay under a selected parent.
 */
function emit(
  source: Source,
  selected: ReadonlySet<string>,
  asIs: boolean,
  out: Map<string, CatalogRequirement>,
): void {
  const needed = new Set(selected);
  if (asIs) {
    for (const key of selected) {
      let parent = source.byKey.get(key)?.parentKey ?? null;
      while (parent !== null && !needed.has(parent)) {
        needed.add(parent);
        parent = source.byKey.get(parent)?.parentKey ?? null;
      }
    }
  }
  for (const requirement of source.catalog.requirements) {
    const { key } = requirement;
    if (!needed.has(key) || out.has(key)) continue;
    if (!asIs) out.set(key, { ...requirement, parentKey: selectedAncestor(source, key, selected) });
    else if (selected.has(key) || requirement.kind === 'group') out.set(key, requirement);
    else {
      out.set(key, {
        ...requirement,
        kind: 'group',
        statement: '',
        guidance: '',
        params: [],
        labels: { ...requirement.labels, inclusion: 'structural' },
      });
    }
  }
}

function structure(raw: unknown, notes: string[]): boolean {
  if (raw === undefined) return false;
  const merge = parseNode(mergeSchema, raw, 'profile.merge', 'merge');
  if (merge.custom !== undefined) {
    notes.push('merge.custom is not supported: the controls are listed without the custom groups.');
  }
  return merge['as-is'] === true && merge.custom === undefined;
}

/**
 * Resolves an OSCAL 1.0.x–1.2.x profile (JSON) against catalogs the caller supplies: selection (include-all,
 * with-ids, matching globs, with-child-controls, exclusions), `merge.as-is` or flat structure, and
 * `modify` (set-parameters reflected in statements, added parts and parameters). Removals are not applied;
 * the resolved catalog's description says so when a profile has any.
 */
export function resolveOscalProfile(
  profileJson: unknown,
  resolveImport: OscalImportResolver,
  options: ResolveOscalProfileOptions = {},
): Catalog {
  const root = readRoot(profileJson, 'profile');
  const metadata = parseMetadata(root, 'profile');
  const backMatter = parseBackMatter(root, 'profile');
  const profile = parseNode(profileRootSchema, root, 'profile', 'profile');
  const notes: string[] = [];
  const asIs = structure(profile.merge, notes);

  const imports = profile.imports.map((raw, index) => {
    const path = `profile.imports[${index}]`;
    const node = parseNode(importSchema, raw, path, 'import');
    const ref = reference(node.href, backMatter, path);
    const catalog = resolveImport(ref);
    if (!catalog) {
      const links = ref.rlinks.length > 0 ? ` (${ref.rlinks.map((l) => l.href).join(', ')})` : '';
      throw new OscalImportError(
        `import ${node.href}${links} could not be resolved to a known catalog`,
        path,
      );
    }
    const source = new Source(catalog, node.href);
    return { source, selected: selectFromImport(source, node, path) };
  });

  const knownParams = new Set<string>();
  const knownControls = new Set<string>();
  for (const { source } of imports) {
    for (const r of source.catalog.requirements) {
      knownControls.add(r.key);
      for (const p of r.params) knownParams.add(p.id);
    }
  }
  const modifications: Modifications = readModify(
    profile.modify,
    'profile.modify',
    knownParams,
    knownControls,
  );
  notes.push(...modifications.notes);

  const out = new Map<string, CatalogRequirement>();
  for (const { source, selected } of imports) emit(source, selected, asIs, out);
  if (out.size === 0) throw new OscalImportError('the profile selects no controls', 'profile.imports');
  const requirements = [...out.values()].map((r) => modifyRequirement(r, modifications));

  const sources = imports.map((i) => i.source.catalog);
  const selectedCount = requirements.filter((r) => r.kind === 'requirement').length;
  const summary = `Resolved from the OSCAL profile "${metadata.title}": ${selectedCount} controls selected from ${sources.map((s) => s.name).join(', ')}.`;
  const attribution =
    metadata.remarks ?? [...new Set(sources.map((s) => s.attribution).filter(Boolean))].join('\n\n');
  const catalog: Catalog = {
    key: frameworkKey(metadata.title, options.key),
    name: clip(metadata.title, 200),
    version: clip(metadata.version, 100),
    publisher: creatorName(metadata) || (sources[0]?.publisher ?? ''),
    description: clip([summary, ...notes].join(' '), 4000),
    attribution: clip(attribution, 2000),
    source: 'oscal',
    requirements,
  };
  return validateCatalog(catalog, (index) => {
    const key = requirements[index]?.key;
    return key === undefined ? null : `resolved requirement ${key}`;
  });
}

/** As resolveOscalProfile, from the profile file's text. */
export function resolveOscalProfileText(
  text: string,
  resolveImport: OscalImportResolver,
  options: ResolveOscalProfileOptions = {},
): Catalog {
  return resolveOscalProfile(parseJsonText(text), resolveImport, options);
}
