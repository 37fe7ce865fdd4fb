import { type Kysely, sql } from 'kysely';
import { createCheckpoint } from './kernel/audit/audit-checkpoints.js';
import type { AuditKeyring } from './kernel/audit/signing-key.js';
import { generatePassword } from './kernel/auth/secrets.js';
import { inTransaction, type ServiceContext, systemActor } from './kernel/context.js';
import type { Database } from './kernel/db/schema.js';
import { runTransaction } from './kernel/db/transaction.js';
import type { FileStore } from './kernel/files/index.js';
import { createOrganization } from './modules/organization/index.js';
import { createUser } from './modules/users/index.js';

export interface FirstStartResult {
  organizationId: string;
  adminEmail: string;
  adminPassword: string;
}

export interface BootstrapOptions {
  demo: boolean;
  /** With the demo: frameworks, applicability and controls too (tests that start from none turn it off). */
  demoProgramme?: boolean;
  organizationName?: string;
  adminEmail?: string;
  /** Where the demo's document PDFs go; without it the demo has no documents on request. */
  files?: FileStore;
}

const BOOTSTRAP_LOCK = 7_146_110_001;

/**
 * Creates the first organisation and its admin on a database that has none, exactly once even when
 * several processes start together (an advisory lock, taken first, serialises them; the helper reruns the
 * whole set-up on a deadlock). Returns undefined when the database was already set up.
 */
export async function bootstrapIfEmpty(
  db: Kysely<Database>,
  keyring: AuditKeyring,
  options: BootstrapOptions,
): Promise<FirstStartResult | undefined> {
  const result = await runTransaction(db, null, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`.execute(trx);
    const existing = await trx.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
    if (existing) return undefined;
    const ctx: ServiceContext = { db: trx, organizationId: '', actor: systemActor };
    // The demo (catalogues, PDF rendering) loads only when a first start seeds it.
    const { demoOrganization, seedDemoContent } = await import('./demo/demo-organization.js');
    const name = options.demo ? demoOrganization.name : (options.organizationName ?? 'My organisation');
    const organizationId = await createOrganization(ctx, {
      name,
      securityContactEmail: options.demo ? demoOrganization.securityContactEmail : null,
    });
    const orgCtx = { ...ctx, organizationId };
    const adminEmail = options.demo
      ? demoOrganization.adminEmail
      : (options.adminEmail ?? 'admin@example.com');
    const adminPassword = generatePassword();
    await createUser(orgCtx, {
      email: adminEmail,
      name: 'Administrator',
      role: 'admin',
      password: adminPassword,
    });
    if (options.demo) await seedDemoContent(orgCtx);
    if (options.demo && options.demoProgramme !== false)
      await (await import('./demo/demo-programme.js')).seedDemoProgramme(orgCtx);
    if (options.demo && options.demoProgramme !== false && options.files)
      await (await import('./demo/demo-trust-documents.js')).seedDemoTrustDocuments(orgCtx, options.files);
    return { organizationId, adminEmail, adminPassword };
  });
  if (result) {
    await inTransaction({ db, organizationId: result.organizationId, actor: systemActor }, (ctx) =>
      createCheckpoint(ctx, keyring),
    );
  }
  return result;
}
