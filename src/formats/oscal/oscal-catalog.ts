import { z } from 'zod';
import type { Catalog, CatalogRequirement } from '../../contracts/catalog.js';
import {
  clip,
  creatorName,
  frameworkKey,
  labelProp,
  linkSchema,
  MAX_NESTING,
  parseJsonText,
  parseMetadata,
  parseNode,
  propSchema,
  propValue,
  readRoot,
  validateCatalog,
} from './oscal-document.js';
import { childPath, OscalImportError } from './oscal-errors.js';
import { partHeading, renderSection, renderStatement } from './oscal-markdown.js';
import { ParamResolver, paramSchema, type RawParam, toRawParam } from './oscal-params.js';
import { type PartNode, readParts } from './oscal-parts.js';

/** The Catalog contract's own ceiling; a file beyond it is refused before any text is rendered. */
export const MAX_CONTROLS = 50_000;

export interface ParseOscalCatalogOptions {
  /** Framework key to use instead of one derived from the catalog title. */
  key?: string;
}

const controlSchema = z.object({
  id: z.string().min(1),
  class: z.string().optional(),
  title: z.string().min(1),
  params: z.array(z.unknown()).optional(),
  props: z.array(propSchema).optional(),
  links: z.array(linkSchema).optional(),
  parts: z.array(z.unknown()).optional(),
  controls: z.array(z.unknown()).optional(),
});
const groupSchema = controlSchema.extend({
  id: z.string().min(1).optional(),
  groups: z.array(z.unknown()).optional(),
});
const catalogRootSchema = z.object({
  uuid: z.string().min(1),
  params: z.array(z.unknown()).optional(),
  controls: z.array(z.unknown()).optional(),
  groups: z.array(z.unknown()).optional(),
});

type GroupNode = z.infer<typeof groupSchema>;

interface Entry {
  kind: 'group' | 'control';
  key: string;
  parentKey: string | null;
  node: GroupNode;
  parts: PartNode[];
  ownParams: string[];
  path: string;
}

/**
 * Top-level parts that are not carried over: SP 800-53A assessment material (objectives, methods, objects),
 * which is several times the size of the controls themselves and belongs to assessment plans, not to the
 * requirement text. Every other part (overview, …) is appended to the guidance under its own heading.
 */
function isAssessmentPart(name: string): boolean {
  return name.startsWith('assessment') || name === 'objective';
}

class CatalogWalker {
  readonly entries: Entry[] = [];
  readonly params = new Map<string, RawParam>();
  private readonly keyPaths = new Map<string, string>();

  readParams(raw: unknown[] | undefined, path: string): string[] {
    return (raw ?? []).map((item, index) => {
      const paramPath = childPath(path, index);
      const param = toRawParam(parseNode(paramSchema, item, paramPath, 'parameter'), paramPath);
      const first = this.params.get(param.id);
      if (first)
        throw new OscalImportError(`duplicate parameter id ${param.id} (first at ${first.path})`, paramPath);
      this.params.set(param.id, param);
      return param.id;
    });
  }

  private claim(key: string, path: string): void {
    const first = this.keyPaths.get(key);
    if (first) throw new OscalImportError(`duplicate id ${key} (first at ${first})`, path);
    this.keyPaths.set(key, path);
    if (this.entries.length >= MAX_CONTROLS) {
      throw new OscalImportError(
        `the catalog has more than ${MAX_CONTROLS} controls and groups; refusing it`,
      );
    }
  }

  private checkDepth(depth: number, path: string): void {
    if (depth > MAX_NESTING) {
      throw new OscalImportError(`groups and controls are nested deeper than ${MAX_NESTING} levels`, path);
    }
  }

  group(raw: unknown, path: string, parentKey: string | null, depth: number): void {
    this.checkDepth(depth, path);
    const node = parseNode(groupSchema, raw, path, 'group');
    const key = node.id ?? `group-${path.replace(/\D+/g, '.').replace(/^\.|\.$/g, '')}`;
    this.claim(key, path);
    const entry = this.entry('group', key, parentKey, node, path);
    for (const [index, control] of (node.controls ?? []).entries()) {
      this.control(control, childPath(childPath(path, 'controls'), index), entry.key, depth + 1);
    }
    for (const [index, group] of (node.groups ?? []).entries()) {
      this.group(group, childPath(childPath(path, 'groups'), index), entry.key, depth + 1);
    }
  }

  control(raw: unknown, path: string, parentKey: string | null, depth: number): void {
    this.checkDepth(depth, path);
    const node = parseNode(controlSchema, raw, path, 'control');
    this.claim(node.id, path);
    this.entry('control', node.id, parentKey, node, path);
    for (const [index, child] of (node.controls ?? []).entries()) {
      this.control(child, childPath(childPath(path, 'controls'), index), node.id, depth + 1);
    }
  }

  private entry(kind: Entry['kind'], key: string, parentKey: string | null, node: GroupNode, path: string) {
    const ownParams = this.readParams(node.params, childPath(path, 'params'));
    const parts = readParts(node.parts, childPath(path, 'parts'));
    const entry: Entry = { kind, key, parentKey, node, parts, ownParams, path };
    this.entries.push(entry);
    return entry;
  }
}

function withdrawnNote(entry: Entry, refs: ReadonlyMap<string, string>): string {
  const targets = (entry.node.links ?? [])
    .filter((l) => l.rel === 'incorporated-into' || l.rel === 'moved-to')
    .map((l) => {
      const id = l.href.replace(/^#/, '');
      return `${l.rel === 'moved-to' ? 'moved to' : 'incorporated into'} ${refs.get(id) ?? id}`;
    });
  return targets.length > 0 ? `Withdrawn: ${targets.join('; ')}.` : 'Withdrawn.';
}

function buildRequirement(
  entry: Entry,
  resolver: ParamResolver,
  refs: ReadonlyMap<string, string>,
): CatalogRequirement {
  // Parameters are listed in the order a reader meets them; re-rendering after a profile sets values relies on it.
  const order: string[] = [];
  const use = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  const prose = (text: string, path: string) => resolver.renderText(text, path, use);
  const statement = entry.parts
    .filter((p) => p.name === 'statement')
    .map((p) => renderStatement(p, prose))
    .join('\n\n');
  const guidance: string[] = [];
  for (const part of entry.parts) {
    if (part.name === 'statement' || isAssessmentPart(part.name)) continue;
    const text = renderSection(part, prose);
    if (part.name === 'guidance') guidance.push(text);
    else guidance.push(`**${partHeading(part)}**${text ? `\n\n${text}` : ''}`);
  }
  const status = propValue(entry.node.props, 'status');
  if (status === 'withdrawn') guidance.push(withdrawnNote(entry, refs));
  for (let i = 0; i < order.length; i += 1) {
    for (const nested of resolver.nestedIn(order[i] as string)) use(nested);
  }
  for (const own of entry.ownParams) use(own);

  const labels: Record<string, string> = {};
  if (entry.node.class) labels.class = entry.node.class;
  if (status) labels.status = status;
  return {
    key: entry.key,
    ref: refs.get(entry.key) ?? entry.key,
    parentKey: entry.parentKey,
    kind: entry.kind === 'group' ? 'group' : 'requirement',
    title: resolver.renderText(entry.node.title, childPath(entry.path, 'title'), () => {}),
    statement,
    guidance: guidance.filter(Boolean).join('\n\n'),
    params: order.map((id) => resolver.param(id)),
    labels,
  };
}

/** Reads an OSCAL 1.0.x–1.2.x catalog (JSON) into a Catalog: groups, controls, enhancements, statements. */
export function parseOscalCatalog(json: unknown, options: ParseOscalCatalogOptions = {}): Catalog {
  const root = readRoot(json, 'catalog');
  const metadata = parseMetadata(root, 'catalog');
  const top = parseNode(catalogRootSchema, root, 'catalog', 'catalog');
  const walker = new CatalogWalker();
  walker.readParams(top.params, 'catalog.params');
  for (const [index, control] of (top.controls ?? []).entries()) {
    walker.control(control, `catalog.controls[${index}]`, null, 1);
  }
  for (const [index, group] of (top.groups ?? []).entries()) {
    walker.group(group, `catalog.groups[${index}]`, null, 1);
  }
  if (walker.entries.length === 0)
    throw new OscalImportError('the catalog has no groups and no controls', 'catalog');

  const refs = new Map(
    walker.entries.map((e) => [e.key, labelProp(e.node.props) ?? (e.node.id ?? e.key).toUpperCase()]),
  );
  const resolver = new ParamResolver(walker.params);
  const catalog: Catalog = {
    key: frameworkKey(metadata.title, options.key),
    name: clip(metadata.title, 200),
    version: clip(metadata.version, 100),
    publisher: creatorName(metadata),
    description: '',
    attribution: clip(metadata.remarks ?? '', 2000),
    source: 'oscal',
    requirements: walker.entries.map((entry) => buildRequirement(entry, resolver, refs)),
  };
  return validateCatalog(catalog, (index) => walker.entries[index]?.path ?? null);
}

/** As parseOscalCatalog, from the file's text: broken or truncated JSON is refused with a clear message. */
export function parseOscalCatalogText(text: string, options: ParseOscalCatalogOptions = {}): Catalog {
  return parseOscalCatalog(parseJsonText(text), options);
}
