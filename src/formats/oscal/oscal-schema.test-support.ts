import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { sharedData } from '../../../test/support/paths.js';

export { sharedData };

export function readShared(name: string): unknown {
  return JSON.parse(readFileSync(sharedData(name), 'utf8'));
}

let validator: ValidateFunction | undefined;

/**
 * The official OSCAL 1.0.6 complete schema (draft-07). Its patterns use Unicode property escapes (`\p{L}`),
 * which need Ajv's `unicodeRegExp` (on by default in Ajv 8); `strict: false` because the schema uses
 * keywords and formats Ajv's strict mode refuses.
 */
export function oscalValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
    addFormats.default(ajv);
    validator = ajv.compile(readShared('oscal-1.0.6_complete_schema.json') as object);
  }
  return validator;
}

/** Validation errors as readable lines; empty when the document is valid. */
export function oscalErrors(document: unknown): string[] {
  const validate = oscalValidator();
  if (validate(document)) return [];
  return (validate.errors ?? [])
    .slice(0, 20)
    .map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
