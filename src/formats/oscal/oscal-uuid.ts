import { createHash } from 'node:crypto';

/** RFC 4122 appendix C name space for URLs. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same name in the same name space gives the same UUID. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const TILLIT_OSCAL_NAMESPACE = uuidV5('https://tillit.dev/ns/oscal', URL_NAMESPACE);

/** A UUID derived from stable parts (kind, record ids, keys), so an unchanged export is byte-identical. */
export function stableUuid(...parts: string[]): string {
  return uuidV5(JSON.stringify(parts), TILLIT_OSCAL_NAMESPACE);
}
