import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** Deeper than any request Tillit accepts; deeper JSON is refused before validation walks it. */
export const MAX_JSON_DEPTH = 64;

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * The first problem with the text of a parsed request part: a NUL byte in a string or a key (PostgreSQL
 * cannot store one in text) or nesting deeper than MAX_JSON_DEPTH. Walks iteratively, so hostile
 * nesting cannot exhaust the stack.
 */
export function requestTextProblem(
  value: unknown,
  root: string,
): { path: string; message: string } | undefined {
  const stack: Pending[] = [{ value, path: root, depth: 0 }];
  const seen = new WeakSet<object>();
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop() as Pending;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path, message: 'Text must not contain NUL bytes (\\u0000)' };
      continue;
    }
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (depth >= MAX_JSON_DEPTH) return { path, message: `Nested deeper than ${MAX_JSON_DEPTH} levels` };
    if (seen.has(v)) continue;
    seen.add(v);
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return { path: childPath, message: 'Names must not contain NUL bytes' };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

/** preValidation hook: refuses NUL bytes and hostile nesting in the body, query and path of every route. */
export async function assertRequestText(request: FastifyRequest): Promise<void> {
  const parts = [
    ['body', request.body],
    ['query', request.query],
    ['params', request.params],
  ] as const;
  for (const [where, value] of parts) {
    const problem = requestTextProblem(value, '');
    if (problem) {
      throw new AppError('VALIDATION_FAILED', `The ${where} is invalid: ${problem.message}`, [
        { path: problem.path || where, message: problem.message },
      ]);
    }
  }
}
