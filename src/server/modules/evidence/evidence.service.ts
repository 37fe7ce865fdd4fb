import type { z } from 'zod';
import {
  type Evidence,
  type EvidenceDetail,
  type EvidenceFileFields,
  type EvidenceListQuery,
  type evidenceControlsRequestSchema,
  type evidenceLinkInputSchema,
  type evidencePatchSchema,
  toDate,
} from '../../../contracts/evidence.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import type { StagedFile } from '../../kernel/files/index.js';
import { paged } from '../../kernel/http/paging.js';
import { assertMayChangeEvidence, assertMayReview, assertNotCheckResult } from './evidence.policy.js';
import { presentEvidence, presentEvidenceDetail } from './evidence.presenter.js';
import {
  controlsOfEvidence,
  type EvidenceQueryRow,
  filteredEvidence,
  findEvidenceRow,
  linkControls,
  resolveControls,
} from './evidence.repository.js';

type LinkInput = z.output<typeof evidenceLinkInputSchema>;
type Patch = z.output<typeof evidencePatchSchema>;
type ControlsRequest = z.output<typeof evidenceControlsRequestSchema>;

export interface UploadedFile {
  staged: StagedFile;
  name: string;
  contentType: string;
}

export async function listEvidence(ctx: ServiceContext, query: EvidenceListQuery): Promise<Page<Evidence>> {
  const page = await paged(
    filteredEvidence(ctx, query),
    (q) => q.orderBy('e.valid_from', 'desc').orderBy('e.created_at', 'desc').orderBy('e.id'),
    query,
    (r) => r,
    {
      keyset: [
        { column: 'e.valid_from', direction: 'desc' },
        { column: 'e.created_at', direction: 'desc' },
        { column: 'e.id', direction: 'asc' },
      ],
    },
  );
  const controls = await controlsOfEvidence(
    ctx,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r) => presentEvidence(r, controls.get(r.id) ?? [])) };
}

async function findEvidence(ctx: ServiceContext, id: string): Promise<EvidenceQueryRow> {
  const row = await findEvidenceRow(ctx, id);
  if (!row) throw notFound(`Evidence ${id}`);
  return row;
}

export async function getEvidence(ctx: ServiceContext, id: string): Promise<EvidenceDetail> {
  const row = await findEvidence(ctx, id);
  const controls = await controlsOfEvidence(ctx, [id]);
  return presentEvidenceDetail(row, controls.get(id) ?? []);
}

interface NewEvidence {
  kind: 'file' | 'link';
  title: string;
  description: string;
  validFrom: Date;
  expiresAt: Date | null;
  url?: string;
  file?: { sha256: string; name: string; size: number; contentType: string };
}

async function insertEvidence(
  tx: ServiceContext,
  values: NewEvidence,
  controlIds: string[],
  controlRefs: string[],
): Promise<string> {
  const controls = await resolveControls(tx, controlIds, controlRefs);
  const row = await tx.db
    .insertInto('evidence')
    .values({
      organization_id: tx.organizationId,
      kind: values.kind,
      title: values.title,
      description: values.description,
      url: values.url ?? null,
      file_sha256: values.file?.sha256 ?? null,
      file_name: values.file?.name ?? null,
      file_size: values.file?.size ?? null,
      file_content_type: values.file?.contentType ?? null,
      valid_from: values.validFrom,
      expires_at: values.expiresAt,
      created_by: tx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await linkControls(tx.db, tx.organizationId, row.id, controls);
  await recordAuditEvent(
    tx,
    'evidence.added',
    { type: 'evidence', id: row.id },
    {
      kind: values.kind,
      title: values.title,
      ...(values.file ? { sha256: values.file.sha256 } : {}),
      ...(values.url ? { url: values.url } : {}),
      controls: controls.map((c) => c.ref),
    },
  );
  return row.id;
}

const dates = (v: { validFrom?: string | undefined; expiresAt: string | null }) => ({
  validFrom: v.validFrom ? toDate(v.validFrom) : new Date(),
  expiresAt: v.expiresAt ? toDate(v.expiresAt) : null,
});

export async function addLinkEvidence(ctx: ServiceContext, input: LinkInput): Promise<EvidenceDetail> {
  const id = await inTransaction(ctx, (tx) =>
    insertEvidence(
      tx,
      { kind: 'link', title: input.title, description: input.description, url: input.url, ...dates(input) },
      input.controlIds,
      input.controlRefs,
    ),
  );
  return getEvidence(ctx, id);
}

/**
 * Records an uploaded file. The controls are checked before the bytes join the store, so a bad request keeps
 * nothing; the bytes are in the store before the record that points at them is committed.
 */
export async function addFileEvidence(
  ctx: ServiceContext,
  fields: EvidenceFileFields,
  upload: UploadedFile,
): Promise<EvidenceDetail> {
  if (upload.staged.size === 0) {
    throw new AppError('VALIDATION_FAILED', 'The file is empty', [
      { path: 'file', message: 'The file is empty' },
    ]);
  }
  await resolveControls(ctx, fields.controlIds, fields.controlRefs);
  await upload.staged.commit();
  const id = await inTransaction(ctx, (tx) =>
    insertEvidence(
      tx,
      {
        kind: 'file',
        title: fields.title,
        description: fields.description,
        file: {
          sha256: upload.staged.sha256,
          name: upload.name,
          size: upload.staged.size,
          contentType: upload.contentType,
        },
        ...dates(fields),
      },
      fields.controlIds,
      fields.controlRefs,
    ),
  );
  return getEvidence(ctx, id);
}

function assertExpiryAfter(validFrom: Date, expiresAt: Date | null): void {
  if (expiresAt && expiresAt <= validFrom) {
    throw new AppError('VALIDATION_FAILED', 'The expiry must be after the valid-from date', [
      {
        path: 'expiresAt',
        message: `The expiry must be after the valid-from date ${validFrom.toISOString()}`,
      },
    ]);
  }
}

export async function updateEvidence(ctx: ServiceContext, id: string, patch: Patch): Promise<EvidenceDetail> {
  await inTransaction(ctx, async (tx) => {
    const before = await findEvidence(tx, id);
    assertNotCheckResult(before, 'their dates and titles');
    assertMayChangeEvidence(tx.actor, before, 'change');
    const validFrom = patch.validFrom ? toDate(patch.validFrom) : before.valid_from;
    const expiresAt =
      patch.expiresAt === undefined ? before.expires_at : patch.expiresAt ? toDate(patch.expiresAt) : null;
    assertExpiryAfter(validFrom, expiresAt);
    const next = {
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      validFrom: validFrom.toISOString(),
      expiresAt: expiresAt?.toISOString() ?? null,
    };
    const prev = {
      title: before.title,
      description: before.description,
      validFrom: before.valid_from.toISOString(),
      expiresAt: before.expires_at?.toISOString() ?? null,
    };
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((k) => next[k] !== prev[k])
        .map((k) => [k, { from: prev[k], to: next[k] }]),
    );
    if (Object.keys(changes).length === 0) return;
    await tx.db
      .updateTable('evidence')
      .set({ title: next.title, description: next.description, valid_from: validFrom, expires_at: expiresAt })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(tx, 'evidence.updated', { type: 'evidence', id }, { title: next.title, changes });
  });
  return getEvidence(ctx, id);
}

export async function reviewEvidence(ctx: ServiceContext, id: string): Promise<EvidenceDetail> {
  await inTransaction(ctx, async (tx) => {
    const before = await findEvidence(tx, id);
    assertMayReview(tx.actor, before);
    await tx.db
      .updateTable('evidence')
      .set({ reviewer_id: tx.actor.userId, reviewed_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(tx, 'evidence.reviewed', { type: 'evidence', id }, { title: before.title });
  });
  return getEvidence(ctx, id);
}

/** Removes the record; the stored bytes stay, as other evidence may share them and the audit log names them. */
export async function deleteEvidence(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findEvidence(tx, id);
    assertMayChangeEvidence(tx.actor, before, 'delete');
    await tx.db
      .deleteFrom('evidence')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'evidence.deleted',
      { type: 'evidence', id },
      { kind: before.kind, title: before.title, sha256: before.file_sha256 },
    );
  });
}

export async function linkEvidenceControls(
  ctx: ServiceContext,
  id: string,
  request: ControlsRequest,
): Promise<EvidenceDetail> {
  await inTransaction(ctx, async (tx) => {
    const evidence = await findEvidence(tx, id);
    assertNotCheckResult(evidence, 'their controls');
    const controls = await resolveControls(tx, request.controlIds, request.controlRefs);
    const added = await linkControls(tx.db, tx.organizationId, id, controls);
    if (added.length === 0) return;
    await recordAuditEvent(
      tx,
      'evidence.controls-linked',
      { type: 'evidence', id },
      { title: evidence.title, controls: added.map((c) => c.ref) },
    );
  });
  return getEvidence(ctx, id);
}

export async function unlinkEvidenceControl(
  ctx: ServiceContext,
  id: string,
  controlId: string,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const evidence = await findEvidence(tx, id);
    assertNotCheckResult(evidence, 'their controls');
    assertMayChangeEvidence(tx.actor, evidence, 'unlink');
    const removed = await tx.db
      .deleteFrom('evidence_controls as ec')
      .using('controls as c')
      .whereRef('c.id', '=', 'ec.control_id')
      .where('ec.organization_id', '=', tx.organizationId)
      .where('ec.evidence_id', '=', id)
      .where('ec.control_id', '=', controlId)
      .returning('c.ref')
      .executeTakeFirst();
    if (!removed) throw notFound(`A link from evidence ${id} to control ${controlId}`);
    await recordAuditEvent(
      tx,
      'evidence.control-unlinked',
      { type: 'evidence', id },
      { title: evidence.title, control: removed.ref },
    );
  });
}

export interface EvidenceFile {
  sha256: string;
  name: string;
  size: number;
  contentType: string;
}

export async function evidenceFile(ctx: ServiceContext, id: string): Promise<EvidenceFile> {
  const row = await findEvidence(ctx, id);
  if (row.kind !== 'file' || !row.file_sha256) throw notFound(`A file for evidence ${id}`);
  return {
    sha256: row.file_sha256,
    name: row.file_name ?? 'evidence',
    size: Number(row.file_size ?? 0),
    contentType: row.file_content_type ?? 'application/octet-stream',
  };
}
