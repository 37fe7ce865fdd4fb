import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/contracts/auth.js';
import { type Role, roles } from '../../src/contracts/permissions.js';
import { bootstrapIfEmpty } from '../../src/server/bootstrap.js';
import { type AuditKeyring, loadKeyring } from '../../src/server/kernel/audit/signing-key.js';
import { type Config, loadConfig } from '../../src/server/kernel/config/config.js';
import { type ServiceContext, systemActor } from '../../src/server/kernel/context.js';
import type { DatabaseHandle } from '../../src/server/kernel/db/database.js';
import type { RegisteredRoute } from '../../src/server/kernel/http/access-control.js';
import { buildApp } from '../../src/server/kernel/http/app.js';
import type { App } from '../../src/server/kernel/http/fastify-types.js';
import { createLogger } from '../../src/server/kernel/logging/logger.js';
import { routeModules } from '../../src/server/modules/index.js';
import { createUser } from '../../src/server/modules/users/users.service.js';
import { seededDatabase } from './seeded-database.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: App;
  routes: RegisteredRoute[];
  handle: DatabaseHandle;
  keyring: AuditKeyring;
  config: Config;
  organizationId: string;
  /** One active user per role, all with TEST_PASSWORD. */
  users: Record<Role, TestUser>;
  systemContext(): ServiceContext;
  signIn(role: Role): Promise<Session>;
  close(): Promise<void>;
}

export function sessionHeaders(s: Session): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${s.cookie}`, [CSRF_HEADER]: s.csrf };
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error(`No session cookie in response ${res.statusCode}: ${res.body}`);
  return c.value;
}

const KEY_FILE = 'audit-signing-key.pem';

/** The demo organisation (without its programme) and an active user per role, all with TEST_PASSWORD. */
async function seedTestApp(
  handle: DatabaseHandle,
  dir: string,
): Promise<{ organizationId: string; users: Record<Role, TestUser> }> {
  const keyring = loadKeyring(path.join(dir, KEY_FILE));
  const first = await bootstrapIfEmpty(handle.db, keyring, { demo: true, demoProgramme: false });
  if (!first) throw new Error('bootstrap did not run on a fresh database');
  const organizationId = first.organizationId;
  const ctx: ServiceContext = { db: handle.db, organizationId, actor: systemActor };
  const users = {} as Record<Role, TestUser>;
  for (const role of roles) {
    const u = await createUser(ctx, {
      email: `${role}@test.example`,
      name: `Test ${role}`,
      role,
      password: TEST_PASSWORD,
    });
    users[role] = { id: u.id, email: u.email, role };
  }
  return { organizationId, users };
}

/**
 * The whole application on a fresh database with the demo organisation and a user per role (seeded once per
 * test run on PGlite and copied, see seeded-database.ts).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-test-'));
  const config = loadConfig({
    TILLIT_DATA_DIR: dir,
    TILLIT_LOG_LEVEL: 'silent',
    TILLIT_LOGIN_RATE_LIMIT: '1000',
    ...env,
  });
  const seeded = await seededDatabase('test-app', seedTestApp);
  const { handle } = seeded;
  const { organizationId, users } = seeded.value;
  // The seeded database's audit checkpoint is signed with the key seeded beside it.
  copyFileSync(path.join(seeded.dir, KEY_FILE), config.auditKeyFile);
  const keyring = loadKeyring(config.auditKeyFile);
  const systemContext = (): ServiceContext => ({ db: handle.db, organizationId, actor: systemActor });
  const logger = createLogger(config.logLevel);
  const { app, routes } = await buildApp({ config, db: handle.db, keyring, logger }, routeModules);
  return {
    app,
    routes,
    handle,
    keyring,
    config,
    organizationId,
    users,
    systemContext,
    async signIn(role) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: users[role].email, password: TEST_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
      return { cookie: sessionCookieOf(res), csrf: res.json().csrfToken as string };
    },
    async close() {
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
