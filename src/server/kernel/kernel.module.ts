import { defineModule } from './module.js';

/** The kernel's own routes (the OpenAPI document, the web app) and tables: the audit log, the mail outbox, rate-limit counters and the migration bookkeeping. */
export const kernelModule = defineModule({
  name: 'kernel',
  routeAccess: {
    'GET /api/openapi.json': 'public',
    'GET /*': 'public',
  },
  tables: [
    { name: 'audit_log_heads', orderBy: 'organization_id' },
    { name: 'audit_events', orderBy: 'organization_id, seq' },
    { name: 'audit_checkpoints', orderBy: 'id' },
    { name: 'mail_outbox', orderBy: 'id' },
  ],
  tablesNotBackedUp: {
    rate_limit_counters: 'they expire within the hour',
    audit_verifications: 'a cache, rebuilt by the next verification',
    tillit_migrations: 'the target database is migrated before a restore',
    tillit_migrations_lock: 'the target database is migrated before a restore',
  },
});
