function fail(path: string, what: string): never {
  throw new TypeError(`Cannot canonicalise ${what} at ${path}`);
}

function encode(value: unknown, path: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(path, String(value));
      return JSON.stringify(value);
    case 'undefined':
      return undefined;
    case 'bigint':
      return fail(path, 'a bigint');
    case 'function':
    case 'symbol':
      return fail(path, `a ${typeof value}`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(path, 'an invalid Date');
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((v, i) => {
        const item = encode(v, `${path}[${i}]`);
        if (item === undefined) fail(`${path}[${i}]`, 'undefined');
        return item;
      })
      .join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    fail(path, `an instance of ${proto?.constructor?.name ?? 'unknown'}`);
  const entries = Object.keys(value as object)
    .sort()
    .flatMap((k) => {
      const v = encode((value as Record<string, unknown>)[k], `${path}.${k}`);
      return v === undefined ? [] : [`${JSON.stringify(k)}:${v}`];
    });
  return `{${entries.join(',')}}`;
}

/**
 * Deterministic JSON in the spirit of RFC 8785: keys sorted by UTF-16 code units, no whitespace.
 * The same value always gives the same bytes, which is what a hash over it needs.
 */
export function canonicalJson(value: unknown): string {
  const out = encode(value, '$');
  if (out === undefined) fail('$', 'undefined');
  return out;
}
