import { z } from 'zod';
import type { CatalogParameter } from '../../contracts/catalog.js';
import { MAX_NESTING, propSchema } from './oscal-document.js';
import { childPath, OscalImportError } from './oscal-errors.js';

export type HowMany = 'one' | 'one-or-more';

export const paramSchema = z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  props: z.array(propSchema).optional(),
  values: z.array(z.string()).optional(),
  select: z
    .object({
      'how-many': z.enum(['one', 'one-or-more']).optional(),
      choice: z.array(z.string()).optional(),
    })
    .optional(),
});

/** An OSCAL parameter as written in the document: choices may still contain inserts. */
export interface RawParam {
  id: string;
  label?: string;
  values: string[];
  howMany?: HowMany;
  choices: string[];
  path: string;
}

export function toRawParam(node: z.infer<typeof paramSchema>, path: string): RawParam {
  const raw: RawParam = { id: node.id, values: node.values ?? [], choices: node.select?.choice ?? [], path };
  if (node.label !== undefined) raw.label = node.label;
  if (node.select?.['how-many'] !== undefined) raw.howMany = node.select['how-many'];
  return raw;
}

/** `{{ insert: param, ac-02_odp.01 }}`: the only insert type OSCAL 1.x defines is `param`. */
export function insertPattern(): RegExp {
  return /\{\{\s*insert:\s*([^,\s}]+)\s*,\s*([^\s}]+)\s*\}\}/g;
}

function assignment(param: CatalogParameter): string {
  const label = param.label?.trim();
  if (!label) return param.id;
  return /^organization-defined\b/i.test(label) ? label : `organization-defined ${label}`;
}

/**
 * How an insertion reads in a statement, in the style of SP 800-53: set values in bold, otherwise
 * `[Selection (one or more): a; b]` or `[Assignment: organization-defined personnel or roles]`.
 */
export function formatInsertion(param: CatalogParameter, howMany: HowMany | undefined): string {
  if (param.values.length > 0) return `**${param.values.join(', ')}**`;
  if (param.choices.length > 0) {
    const kind = howMany === 'one-or-more' ? 'Selection (one or more)' : 'Selection';
    return `[${kind}: ${param.choices.join('; ')}]`;
  }
  return `[Assignment: ${assignment(param)}]`;
}

/** Every way the parameter may have been rendered (the how-many of a selection is not kept in a Catalog). */
export function possibleRenderings(
  param: CatalogParameter,
): { text: string; howMany: HowMany | undefined }[] {
  if (param.values.length === 0 && param.choices.length > 0) {
    return (['one-or-more', 'one'] as const).map((howMany) => ({
      text: formatInsertion(param, howMany),
      howMany,
    }));
  }
  return [{ text: formatInsertion(param, undefined), howMany: undefined }];
}

interface Rendered {
  param: CatalogParameter;
  howMany: HowMany | undefined;
  /** Parameters inserted in its choices, depth first, when the insertion shows the choices. */
  nested: string[];
}

/**
 * Renders the inserts of a catalog: parameters are looked up document-wide (OSCAL ids are unique per
 * document), choices that insert other parameters are rendered recursively and cycles are refused.
 */
export class ParamResolver {
  private readonly rendered = new Map<string, Rendered>();
  private readonly visiting: string[] = [];

  constructor(private readonly raw: ReadonlyMap<string, RawParam>) {}

  /** The parameter as a Catalog keeps it: choices with their inserts rendered. */
  param(id: string): CatalogParameter {
    return this.resolve(id, null).param;
  }

  /** Parameters a selection inserts in its choices, depth first. */
  nestedIn(id: string): string[] {
    return this.resolve(id, null).nested;
  }

  /** Replaces every insert in `text`; `use` hears each parameter in the order the reader meets it. */
  renderText(text: string, path: string, use: (id: string) => void): string {
    return text.replace(insertPattern(), (_match, type: string, id: string) => {
      if (type !== 'param')
        throw new OscalImportError(`unsupported insert type ${JSON.stringify(type)}`, path);
      const rendered = this.resolve(id, path);
      use(id);
      if (rendered.param.values.length === 0) for (const nestedId of rendered.nested) use(nestedId);
      return formatInsertion(rendered.param, rendered.howMany);
    });
  }

  private resolve(id: string, usedAt: string | null): Rendered {
    const done = this.rendered.get(id);
    if (done) return done;
    const raw = this.raw.get(id);
    if (!raw) throw new OscalImportError(`insert references unknown parameter ${id}`, usedAt);
    if (this.visiting.includes(id)) {
      const cycle = [...this.visiting.slice(this.visiting.indexOf(id)), id].join(' → ');
      throw new OscalImportError(`parameter ${id} inserts itself (${cycle})`, raw.path);
    }
    if (this.visiting.length >= MAX_NESTING) {
      throw new OscalImportError(
        `parameters insert each other more than ${MAX_NESTING} levels deep`,
        raw.path,
      );
    }
    this.visiting.push(id);
    const nested: string[] = [];
    const choices = raw.choices.map((choice, index) =>
      this.renderText(choice, childPath(childPath(childPath(raw.path, 'select'), 'choice'), index), (n) => {
        if (!nested.includes(n)) nested.push(n);
      }).trim(),
    );
    this.visiting.pop();
    const param: CatalogParameter = { id, values: raw.values, choices };
    if (raw.label !== undefined) param.label = raw.label;
    const rendered = { param, howMany: raw.howMany, nested };
    this.rendered.set(id, rendered);
    return rendered;
  }
}
