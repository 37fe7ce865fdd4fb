import { z } from 'zod';
import type { CatalogRequirement } from '../../contracts/catalog.js';
import { parseNode } from './oscal-document.js';
import { childPath, OscalImportError } from './oscal-errors.js';
import { partHeading, renderSection, renderStatement } from './oscal-markdown.js';
import { paramSchema, toRawParam } from './oscal-params.js';
import { readParts } from './oscal-parts.js';
import { type ParamUpdate, Retailor } from './oscal-retailor.js';

const setParameterSchema = z.object({
  'param-id': z.string().min(1),
  label: z.string().optional(),
  values: z.array(z.string()).optional(),
  select: z
    .object({ 'how-many': z.enum(['one', 'one-or-more']).optional(), choice: z.array(z.string()).optional() })
    .optional(),
});
const addSchema = z.object({
  position: z.enum(['before', 'after', 'starting', 'ending']).optional(),
  'by-id': z.string().optional(),
  params: z.array(z.unknown()).optional(),
  parts: z.array(z.unknown()).optional(),
});
const alterSchema = z.object({
  'control-id': z.string().min(1),
  adds: z.array(z.unknown()).optional(),
  removes: z.array(z.unknown()).optional(),
});
const modifySchema = z.object({
  'set-parameters': z.array(z.unknown()).optional(),
  alters: z.array(z.unknown()).optional(),
});

interface Addition {
  node: z.infer<typeof addSchema>;
  path: string;
}

/** The profile's `modify`, validated: parameter settings and additions per control. */
export interface Modifications {
  updates: Map<string, ParamUpdate>;
  additions: Map<string, Addition[]>;
  /** Things the resolver does not apply; they are listed in the resolved catalog's description. */
  notes: string[];
}

export function readModify(
  raw: unknown,
  path: string,
  knownParams: ReadonlySet<string>,
  knownControls: ReadonlySet<string>,
): Modifications {
  const result: Modifications = { updates: new Map(), additions: new Map(), notes: [] };
  if (raw === undefined) return result;
  const modify = parseNode(modifySchema, raw, path, 'modify');
  for (const [index, item] of (modify['set-parameters'] ?? []).entries()) {
    const itemPath = childPath(childPath(path, 'set-parameters'), index);
    const set = parseNode(setParameterSchema, item, itemPath, 'set-parameter');
    const id = set['param-id'];
    if (!knownParams.has(id)) {
      throw new OscalImportError(`parameter ${id} is not defined by any imported catalog`, itemPath);
    }
    const update: ParamUpdate = { ...result.updates.get(id) };
    if (set.label !== undefined) update.label = set.label;
    if (set.values !== undefined) update.values = set.values;
    if (set.select?.choice !== undefined) update.choices = set.select.choice;
    if (set.select?.['how-many'] !== undefined) update.howMany = set.select['how-many'];
    result.updates.set(id, update);
  }
  let removals = 0;
  for (const [index, item] of (modify.alters ?? []).entries()) {
    const alterPath = childPath(childPath(path, 'alters'), index);
    const alter = parseNode(alterSchema, item, alterPath, 'alter');
    const id = alter['control-id'];
    if (!knownControls.has(id))
      throw new OscalImportError(`control ${id} is not in any imported catalog`, alterPath);
    removals += alter.removes?.length ?? 0;
    const adds = (alter.adds ?? []).map((add, i) => {
      const addPath = childPath(childPath(alterPath, 'adds'), i);
      return { node: parseNode(addSchema, add, addPath, 'add'), path: addPath };
    });
    result.additions.set(id, [...(result.additions.get(id) ?? []), ...adds]);
  }
  if (removals > 0) {
    result.notes.push(
      `${removals} removal(s) in modify.alters were not applied: the resolver keeps the imported text as it is.`,
    );
  }
  return result;
}

/**
 * Applies parameter settings and additions to one selected requirement. Added statement items go to the end
 * of the statement and other added parts to the end of the guidance under their heading; `position` and
 * `by-id` are not honoured more precisely than that.
 */
export function modifyRequirement(
  requirement: CatalogRequirement,
  modifications: Modifications,
): CatalogRequirement {
  const additions = modifications.additions.get(requirement.key) ?? [];
  const touched = requirement.params.some((p) => modifications.updates.has(p.id));
  if (!touched && additions.length === 0) return requirement;
  const owner = `requirement ${requirement.key}`;
  const retailor = new Retailor(requirement.params, modifications.updates, owner);
  const statement = [retailor.rewrite(requirement.statement)];
  const guidance = [retailor.rewrite(requirement.guidance)];
  for (const { node, path } of additions) {
    for (const [index, item] of (node.params ?? []).entries()) {
      const paramPath = childPath(childPath(path, 'params'), index);
      const raw = toRawParam(parseNode(paramSchema, item, paramPath, 'parameter'), paramPath);
      const param = {
        id: raw.id,
        values: raw.values,
        choices: raw.choices.map((c) => retailor.renderRaw(c, paramPath).trim()),
      };
      retailor.add(raw.label === undefined ? param : { ...param, label: raw.label }, paramPath);
    }
    const prose = (text: string, at: string) => retailor.renderRaw(text, at);
    const toStatement = node['by-id']?.includes('_smt') ?? false;
    for (const part of readParts(node.parts, childPath(path, 'parts'))) {
      if (toStatement || part.name === 'item' || part.name === 'statement') {
        const tree = part.name === 'item' ? { name: 'statement', parts: [part], path: part.path } : part;
        statement.push(renderStatement(tree, prose));
      } else {
        const text = renderSection(part, prose);
        guidance.push(`**${partHeading(part)}**${text ? `\n\n${text}` : ''}`);
      }
    }
  }
  return {
    ...requirement,
    statement: statement.filter(Boolean).join('\n\n'),
    guidance: guidance.filter(Boolean).join('\n\n'),
    params: retailor.finish(owner),
  };
}
