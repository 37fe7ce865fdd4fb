import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { type Session, sessionHeaders, type TestApp } from './test-app.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A small JSON client over app.inject for one signed-in session. */
export function apiClient(t: TestApp, session: Session) {
  const call = (method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      headers: sessionHeaders(session),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    call,
    /** Calls and asserts the status, returning the parsed JSON body. */
    async expect<T = unknown>(status: number, method: Method, url: string, payload?: unknown): Promise<T> {
      const res = await call(method, url, payload);
      assert.equal(res.statusCode, status, `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 500)}`);
      return (res.body ? res.json() : null) as T;
    },
  };
}

export async function auditActions(t: TestApp): Promise<string[]> {
  const rows = await t.handle.db.selectFrom('audit_events').select('action').orderBy('seq').execute();
  return rows.map((r) => r.action);
}
