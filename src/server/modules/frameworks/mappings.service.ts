import type { CatalogMapping } from '../../../contracts/catalog.js';
import { MappingCsvError, parseMappingCsv, renderMappingCsv } from '../../../formats/mapping-csv.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { insertMappings, listAllMappings } from './mappings.repository.js';

/** Imports cross-framework mappings from CSV: every row valid or nothing is written. */
export async function importMappings(
  ctx: ServiceContext,
  csv: string,
): Promise<{ imported: number; unchanged: number }> {
  let mappings: CatalogMapping[];
  try {
    mappings = parseMappingCsv(csv);
  } catch (err) {
    if (err instanceof MappingCsvError) throw new AppError('VALIDATION_FAILED', err.message);
    throw err;
  }
  return inTransaction(ctx, async (tx) => {
    const imported = await insertMappings(tx, mappings, 'import');
    const result = { imported, unchanged: mappings.length - imported };
    await recordAuditEvent(tx, 'mappings.imported', { type: 'mappings', id: null }, result);
    return result;
  });
}

export async function exportMappings(ctx: ServiceContext): Promise<string> {
  const rows = await listAllMappings(ctx);
  return renderMappingCsv(
    rows.map((r) => ({
      sourceFramework: r.source_framework,
      sourceRef: r.source_ref,
      targetFramework: r.target_framework,
      targetRef: r.target_ref,
      relationship: r.relationship,
      note: r.note,
    })),
  );
}
