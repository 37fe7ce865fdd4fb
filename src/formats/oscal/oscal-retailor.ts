import type { CatalogParameter } from '../../contracts/catalog.js';
import { OscalImportError } from './oscal-errors.js';
import { formatInsertion, type HowMany, insertPattern, possibleRenderings } from './oscal-params.js';

/** What a profile's `set-parameters` entry changes. `choices` are raw OSCAL text and may contain inserts. */
export interface ParamUpdate {
  label?: string;
  values?: string[];
  howMany?: HowMany;
  choices?: string[];
}

interface Candidate {
  id: string;
  howMany: HowMany | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Re-renders a requirement whose statement already has its parameters inserted (a Catalog keeps no
 * templates). Each parameter's current rendering is found in the text and replaced by its new one.
 *
 * Two parameters may read the same (AC-2 has three `[Assignment: organization-defined time period]`). The
 * catalog importer lists parameters in the order a reader first meets them, depth first through selections,
 * so an occurrence is attributed to the next parameter not yet met when that one reads the same, and to one
 * already met otherwise. A catalog that inserts one parameter twice between two look-alikes is the one case
 * this cannot tell apart.
 */
export class Retailor {
  private readonly order: CatalogParameter[];
  private readonly byId = new Map<string, CatalogParameter>();
  private readonly candidates = new Map<string, Candidate[]>();
  private readonly pattern: string | null;
  private readonly seen = new Set<string>();
  private readonly renewed = new Map<string, CatalogParameter>();
  private readonly renewing = new Set<string>();
  private readonly howMany = new Map<string, HowMany | undefined>();
  private cursor = 0;

  constructor(
    params: readonly CatalogParameter[],
    private readonly updates: ReadonlyMap<string, ParamUpdate>,
    private readonly owner: string,
  ) {
    this.order = [...params];
    for (const param of params) {
      this.byId.set(param.id, param);
      for (const { text, howMany } of possibleRenderings(param)) {
        const list = this.candidates.get(text) ?? [];
        list.push({ id: param.id, howMany });
        this.candidates.set(text, list);
      }
    }
    const texts = [...this.candidates.keys()].sort((a, b) => b.length - a.length);
    this.pattern = texts.length > 0 ? texts.map(escapeRegExp).join('|') : null;
  }

  /** The text with every parameter rendering replaced by the parameter's new rendering. */
  rewrite(text: string): string {
    if (this.pattern === null || text === '') return text;
    let out = '';
    let last = 0;
    for (const match of text.matchAll(new RegExp(this.pattern, 'g'))) {
      out += text.slice(last, match.index) + this.occurrence(match[0]);
      last = match.index + match[0].length;
    }
    return out + text.slice(last);
  }

  /** Raw OSCAL text (from the profile) with its inserts rendered against the updated parameters. */
  renderRaw(text: string, path: string): string {
    return text.replace(insertPattern(), (_match, type: string, id: string) => {
      if (type !== 'param')
        throw new OscalImportError(`unsupported insert type ${JSON.stringify(type)}`, path);
      if (!this.byId.has(id)) {
        throw new OscalImportError(
          `insert references parameter ${id}, which ${this.owner} does not have`,
          path,
        );
      }
      return formatInsertion(this.renew(id, path), this.updates.get(id)?.howMany ?? this.howMany.get(id));
    });
  }

  /** Adds a parameter defined by the profile (`alters[].adds[].params`). */
  add(param: CatalogParameter, path: string): void {
    if (this.byId.has(param.id)) {
      throw new OscalImportError(`parameter ${param.id} already exists in ${this.owner}`, path);
    }
    this.byId.set(param.id, param);
    this.order.push(param);
  }

  /** The updated parameters, in their original order. */
  finish(path: string): CatalogParameter[] {
    return this.order.map((param) => this.renew(param.id, path));
  }

  private occurrence(text: string): string {
    const candidates = this.candidates.get(text) ?? [];
    const chosen = this.attribute(candidates);
    const howMany = candidates.find((c) => c.id === chosen)?.howMany;
    if (!this.howMany.has(chosen)) this.howMany.set(chosen, howMany);
    const old = this.byId.get(chosen) as CatalogParameter;
    const update = this.updates.get(chosen);
    // Set values hide the choices, and the importer did not meet the choices' parameters here either.
    if (old.values.length > 0)
      return formatInsertion({ ...old, values: update?.values ?? old.values }, undefined);
    return formatInsertion(this.renew(chosen, this.owner), update?.howMany ?? howMany);
  }

  private attribute(candidates: readonly Candidate[]): string {
    while (
      this.cursor < this.order.length &&
      this.seen.has((this.order[this.cursor] as CatalogParameter).id)
    ) {
      this.cursor += 1;
    }
    const upcoming = this.order[this.cursor]?.id;
    const next = candidates.find((c) => c.id === upcoming) ?? candidates.find((c) => this.seen.has(c.id));
    const chosen = (next ?? candidates[0])?.id ?? '';
    this.seen.add(chosen);
    return chosen;
  }

  private renew(id: string, path: string): CatalogParameter {
    const done = this.renewed.get(id);
    if (done) return done;
    const old = this.byId.get(id) as CatalogParameter;
    if (this.renewing.has(id)) return old;
    this.renewing.add(id);
    const update = this.updates.get(id);
    const param: CatalogParameter = { ...old, choices: old.choices.map((choice) => this.rewrite(choice)) };
    if (update?.label !== undefined) param.label = update.label;
    if (update?.values !== undefined) param.values = update.values;
    if (update?.choices !== undefined)
      param.choices = update.choices.map((c) => this.renderRaw(c, path).trim());
    this.renewing.delete(id);
    this.renewed.set(id, param);
    return param;
  }
}
