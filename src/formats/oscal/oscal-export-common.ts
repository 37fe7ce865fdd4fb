import type { ControlStatus } from '../../contracts/soa.js';
import { stableUuid } from './oscal-uuid.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Namespace of Tillit's own OSCAL props. */
export const TILLIT_NS = 'https://tillit.dev/ns/oscal';
export const OSCAL_VERSION = '1.0.6';

/** The fields of a control the exports use; the renderers never see database rows. */
export interface ExportControlLike {
  id: string;
  ref: string;
  title: string;
  implementation: string;
  status: ControlStatus;
  serviceId: string | null;
}

/** OSCAL strings (prop values, ids) may not be empty nor start or end with white space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `{ props: [...] }`, or nothing: OSCAL arrays may not be empty. */
export function propsField(props: JsonObject[]): { props?: JsonObject[] } {
  return props.length > 0 ? { props } : {};
}

export function prop(name: string, value: string): JsonObject[] {
  const clean = oneLine(value);
  return clean ? [{ name, ns: TILLIT_NS, value: clean }] : [];
}

/** Accepts a Date or an ISO string with a time zone; OSCAL wants a date-time with one. */
export function lastModified(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`lastModified is not a date: ${String(value)}`);
  return date.toISOString();
}

/**
 * OSCAL control ids are tokens (a letter or `_` first). OSCAL-imported keys (`ac-2.1`) and most built-in keys
 * (`a.5.1`) already are; others (`4.1`) get a `req-` prefix, and a clash gets a numeric suffix.
 */
export function controlIds(keys: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    const base = /^[A-Za-z_][A-Za-z0-9._-]*$/.test(key)
      ? key
      : `req-${key.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    ids.set(key, id);
  }
  return ids;
}

export function frameworkHref(framework: { key: string; href?: string | null }): string {
  return framework.href?.trim() || `urn:tillit:framework:${framework.key}`;
}

const statusWords: Record<ControlStatus, string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  implemented: 'implemented',
};

/** Markdown: each control's reference, title, scope and status, then its implementation statement. */
export function describeControls(
  controls: readonly ExportControlLike[],
  scopeName: (control: ExportControlLike) => string,
): string {
  return controls
    .map((c) => {
      const head = `**${c.ref} ${c.title}** (${scopeName(c)}, ${statusWords[c.status]})`;
      const body = c.implementation.trim() || '_No implementation statement yet._';
      return `${head}\n\n${body}`;
    })
    .join('\n\n');
}

/** OSCAL implementation state of a set of controls: all implemented, none started, or partial. */
export function implementationState(
  controls: readonly ExportControlLike[],
): 'implemented' | 'partial' | 'planned' {
  if (controls.length > 0 && controls.every((c) => c.status === 'implemented')) return 'implemented';
  if (controls.every((c) => c.status === 'not-started')) return 'planned';
  return 'partial';
}

export function byRef<T extends { ref: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}

export interface OrganizationLike {
  id: string;
  name: string;
  email?: string | null;
  website?: string | null;
}

export function organizationParty(organization: OrganizationLike): JsonObject {
  const party: JsonObject = {
    uuid: stableUuid('party', organization.id),
    type: 'organization',
    name: oneLine(organization.name),
  };
  const website = organization.website?.trim();
  if (website) party.links = [{ href: website, rel: 'website' }];
  const email = organization.email?.trim();
  if (email && /^\S+@\S+$/.test(email)) party['email-addresses'] = [email];
  return party;
}

export function metadata(
  title: string,
  input: { organization: OrganizationLike; lastModified: Date | string; version: string },
  roles: readonly { id: string; title: string }[],
): JsonObject {
  const party = organizationParty(input.organization);
  return {
    title,
    'last-modified': lastModified(input.lastModified),
    version: oneLine(input.version) || '1',
    'oscal-version': OSCAL_VERSION,
    roles: [...new Map(roles.map((r) => [r.id, { id: r.id, title: oneLine(r.title) || r.id }])).values()],
    parties: [party],
    'responsible-parties': [{ 'role-id': 'provider', 'party-uuids': [party.uuid as string] }],
  };
}
