import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/contracts/auth.js';

export interface HttpSession {
  /** Sends JSON; resolves with the status, or 0 when the request failed below HTTP (no answer). */
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }>;
}

/** Signs in to a running `tillit serve` over real HTTP. */
export async function signInOverHttp(url: string, email: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  if (!cookie) throw new Error('sign-in set no session cookie');
  return {
    async send(method, path, body) {
      try {
        const r = await fetch(`${url}${path}`, {
          method,
          headers: {
            cookie,
            [CSRF_HEADER]: csrf,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(30_000),
        });
        return { status: r.status, body: await r.text() };
      } catch (err) {
        return { status: 0, body: String(err) };
      }
    },
  };
}

/** The one-time admin credentials `tillit serve` prints on its first start. */
export function firstStartCredentials(stdout: string): { email: string; password: string } {
  const email = /^\s*email:\s+(\S+)$/m.exec(stdout)?.[1];
  const password = /^\s*password:\s+(\S+)$/m.exec(stdout)?.[1];
  if (!email || !password) throw new Error(`no first-start credentials in:\n${stdout}`);
  return { email, password };
}
