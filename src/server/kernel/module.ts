import type { Kysely } from 'kysely';
import type { RouteAccess } from '../../contracts/permissions.js';
import type { BackupTable } from './backup/backup.service.js';
import type { Database } from './db/schema.js';
import type { RouteModule } from './http/app.js';
import type { JobDefinition } from './jobs/job-runner.js';
import type { Logger } from './logging/logger.js';

export interface JobDeps {
  db: Kysely<Database>;
  logger: Logger;
  publicUrl: string;
}

/**
 * What a module brings to the application, declared once in its own `<m>.module.ts` and registered by one line
 * in `src/server/modules/index.ts`. Its permissions and audit actions live in `src/contracts/<m>.module.ts`
 * (the web reads them too).
 */
export interface ModuleDefinition {
  /** The module's folder under `src/server/modules` (the kernel calls itself `kernel`). */
  name: string;
  /** Registers the module's routes; every route declares its access. */
  routes?: readonly RouteModule[];
  /**
   * The reviewed access of every route the module registers, `'METHOD /url'` → access. The routes × roles test
   * fails when a registered route is missing here or declares something else, so each is a deliberate decision.
   */
  routeAccess?: Readonly<Record<string, RouteAccess>>;
  /** Background jobs (fixed names for scheduled runs). */
  jobs?: (deps: JobDeps) => JobDefinition[];
  /**
   * The module's tables that a backup holds, each with the columns that order its rows (a self-referencing
   * table orders parents first). The order between tables comes from the foreign keys.
   */
  tables?: readonly BackupTable[];
  /** The module's tables left out of backups on purpose, each with the reason. */
  tablesNotBackedUp?: Readonly<Record<string, string>>;
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}

function unique<T>(what: string, items: { module: string; name: string; item: T }[]): T[] {
  const owner = new Map<string, string>();
  for (const { module, name } of items) {
    const first = owner.get(name);
    if (first) throw new Error(`${what} ${name} is declared by both ${first} and ${module}`);
    owner.set(name, module);
  }
  return items.map((i) => i.item);
}

/** The shared lists, composed from the registered modules; a name declared twice stops start-up. */
export function composeModules(modules: readonly ModuleDefinition[]) {
  return {
    routes: modules.flatMap((m) => m.routes ?? []),
    routeAccess: Object.fromEntries(
      unique(
        'route',
        modules.flatMap((m) =>
          Object.entries(m.routeAccess ?? {}).map(([name, access]) => ({
            module: m.name,
            name,
            item: [name, access] as const,
          })),
        ),
      ),
    ),
    jobs: (deps: JobDeps) => modules.flatMap((m) => m.jobs?.(deps) ?? []),
    backupTables: unique(
      'table',
      modules.flatMap((m) => [
        ...(m.tables ?? []).map((t) => ({ module: m.name, name: t.name, item: t })),
        ...Object.keys(m.tablesNotBackedUp ?? {}).map((name) => ({ module: m.name, name, item: undefined })),
      ]),
    ).filter((t) => t !== undefined),
    tablesNotBackedUp: modules.flatMap((m) => Object.keys(m.tablesNotBackedUp ?? {})),
  };
}
