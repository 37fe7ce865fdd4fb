import { ZodError } from 'zod';
import { type Catalog, catalogSchema } from '../../../contracts/catalog.js';
import type { Framework, ImportFrameworkRequest, LibraryFramework } from '../../../contracts/frameworks.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { parseOscalCatalog } from '../../../formats/oscal/oscal-catalog.js';
import { OscalImportError } from '../../../formats/oscal/oscal-errors.js';
import { resolveOscalProfile } from '../../../formats/oscal/oscal-profile.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { frameworkVisible } from '../../kernel/auth/framework-scope.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { lockOrganization } from '../../kernel/db/organization-references.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { builtinCatalogs, builtinMappings } from './builtin/index.js';
import { insertCatalog } from './catalog.repository.js';
import { presentFramework } from './frameworks.presenter.js';
import { frameworkQuery, loadCatalog } from './frameworks.repository.js';
import { insertMappings } from './mappings.repository.js';

export async function listLibrary(ctx: ServiceContext): Promise<LibraryFramework[]> {
  const installed = await ctx.db
    .selectFrom('frameworks')
    .select(['id', 'key'])
    .where('organization_id', '=', ctx.organizationId)
    .where('source', '=', 'builtin')
    .where(frameworkVisible(ctx.actor, 'id'))
    .execute();
  const byKey = new Map(installed.map((f) => [f.key, f.id]));
  return builtinCatalogs.map((c) => ({
    key: c.key,
    name: c.name,
    version: c.version,
    description: c.description,
    requirementCount: c.requirements.filter((r) => r.kind === 'requirement').length,
    installedFrameworkId: byKey.get(c.key) ?? null,
  }));
}

export function listFrameworks(ctx: ServiceContext, page: PageQuery): Promise<Page<Framework>> {
  return paged(frameworkQuery(ctx), (q) => q.orderBy('f.name').orderBy('f.id'), page, presentFramework);
}

export async function getFramework(ctx: ServiceContext, id: string): Promise<Framework> {
  const row = await frameworkQuery(ctx).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Framework ${id}`);
  return presentFramework(row);
}

async function assertKeyFree(ctx: ServiceContext, key: string): Promise<void> {
  const existing = await ctx.db
    .selectFrom('frameworks')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (existing) throw conflict(`A framework with the key ${key} is already installed`);
}

/** Installs a built-in catalogue together with the built-in cross-framework mappings. */
export async function installBuiltin(ctx: ServiceContext, key: string): Promise<Framework> {
  const catalog = builtinCatalogs.find((c) => c.key === key);
  if (!catalog) {
    const known = builtinCatalogs.map((c) => c.key).join(', ');
    throw new AppError('VALIDATION_FAILED', `There is no built-in framework ${key}; choose one of ${known}`);
  }
  return inTransaction(ctx, async (tx) => {
    // Serialises concurrent installs of the same key so the second gets a clear conflict, not a crash.
    await lockOrganization(tx);
    await assertKeyFree(tx, key);
    const row = await insertCatalog(tx, catalog);
    await insertMappings(tx, builtinMappings, 'builtin');
    const requirements = catalog.requirements.length;
    await recordAuditEvent(
      tx,
      'framework.installed',
      { type: 'framework', id: row.id },
      { key, name: catalog.name, requirements },
    );
    return getFramework(tx, row.id);
  });
}

function parseImport(ctx: ServiceContext, request: ImportFrameworkRequest) {
  const options = request.key ? { key: request.key } : {};
  if (request.format === 'oscal-catalog')
    return Promise.resolve(parseOscalCatalog(request.document, options));
  return resolveProfile(ctx, request, options);
}

async function resolveProfile(
  ctx: ServiceContext,
  request: ImportFrameworkRequest,
  options: { key?: string },
) {
  if (!request.sourceFramework) {
    throw new AppError(
      'VALIDATION_FAILED',
      'A profile selects requirements from another framework: name the installed source framework',
    );
  }
  const source = await loadCatalog(ctx, request.sourceFramework);
  if (!source) throw notFound(`Framework ${request.sourceFramework}`);
  return resolveOscalProfile(request.document, () => source, options);
}

/** Imports an OSCAL catalog or a profile resolved against an installed framework; all or nothing. */
export async function importFramework(
  ctx: ServiceContext,
  request: ImportFrameworkRequest,
): Promise<Framework> {
  let catalog: Catalog;
  try {
    catalog = catalogSchema.parse(await parseImport(ctx, request));
  } catch (err) {
    if (err instanceof OscalImportError) throw new AppError('VALIDATION_FAILED', err.message);
    if (err instanceof ZodError) {
      const first = err.issues[0];
      throw new AppError(
        'VALIDATION_FAILED',
        `The imported framework is not valid: ${first ? `${first.path.join('.')}: ${first.message}` : err.message}`,
      );
    }
    throw err;
  }
  return inTransaction(ctx, async (tx) => {
    await lockOrganization(tx);
    await assertKeyFree(tx, catalog.key);
    const row = await insertCatalog(tx, catalog);
    await recordAuditEvent(
      tx,
      'framework.imported',
      { type: 'framework', id: row.id },
      {
        key: catalog.key,
        name: catalog.name,
        format: request.format,
        requirements: catalog.requirements.length,
      },
    );
    return getFramework(tx, row.id);
  });
}

export async function deleteFramework(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const framework = await getFramework(tx, id);
    await tx.db.deleteFrom('frameworks').where('id', '=', id).execute();
    await recordAuditEvent(
      tx,
      'framework.deleted',
      { type: 'framework', id },
      { key: framework.key, name: framework.name },
    );
  });
}
