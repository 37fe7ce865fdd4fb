import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { type CheckResult, checkResultPushSchema } from '../contracts/checks.js';
import { type EvidenceDetail, evidenceFileFieldsSchema } from '../contracts/evidence.js';
import { type ApiOptions, apiTarget, callApi, withApiOptions, zodProblem } from './api-client.js';
import { CliError, print } from './cli-output.js';
import { describe } from './commands.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const collect = (value: string, previous: string[] = []) => [...previous, value];

async function readDetails(file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (err) {
    throw new CliError(`--details ${file} is not a readable JSON file: ${(err as Error).message}`);
  }
}

interface PushOptions extends ApiOptions {
  check: string;
  outcome: string;
  summary: string;
  details?: string;
  observedAt?: string;
}

async function push(o: PushOptions): Promise<void> {
  const target = apiTarget(o);
  if (!UUID.test(o.check))
    throw new CliError('--check takes the check id (a UUID) shown on its page in Tillit');
  const body = checkResultPushSchema.safeParse({
    outcome: o.outcome,
    summary: o.summary,
    details: await readDetails(o.details),
    observedAt: o.observedAt,
  });
  if (!body.success) throw new CliError(zodProblem(body.error.issues));
  const result = await callApi<CheckResult>(target, 'POST', `/api/checks/${o.check}/results`, {
    json: body.data,
  });
  print(
    `Recorded ${result.outcome} for check ${result.checkId} observed ${result.observedAt} (evidence ${result.evidenceId}).`,
  );
}

interface UploadOptions extends ApiOptions {
  file: string;
  control: string[];
  title?: string;
  description?: string;
  validFrom?: string;
  expiresAt?: string;
}

async function upload(o: UploadOptions): Promise<void> {
  const target = apiTarget(o);
  const info = await stat(o.file).catch(() => undefined);
  if (!info?.isFile()) throw new CliError(`--file ${o.file} is not a readable file`);
  const fields = {
    title: o.title ?? path.basename(o.file),
    description: o.description ?? '',
    validFrom: o.validFrom,
    expiresAt: o.expiresAt ?? null,
    controlIds: o.control.filter((c) => UUID.test(c)),
    controlRefs: o.control.filter((c) => !UUID.test(c)),
  };
  const checked = evidenceFileFieldsSchema.safeParse(fields);
  if (!checked.success) throw new CliError(zodProblem(checked.error.issues));
  const form = new FormData();
  form.set('title', fields.title);
  if (fields.description) form.set('description', fields.description);
  if (fields.validFrom) form.set('validFrom', fields.validFrom);
  if (fields.expiresAt) form.set('expiresAt', fields.expiresAt);
  for (const id of fields.controlIds) form.append('controlIds', id);
  for (const ref of fields.controlRefs) form.append('controlRefs', ref);
  // The file goes last and is read from disk as it is sent, not loaded into memory.
  form.set('file', await openAsBlob(o.file), path.basename(o.file));
  const evidence = await callApi<EvidenceDetail>(target, 'POST', '/api/evidence/files', { form });
  const file = evidence.file;
  print(
    `Uploaded ${file?.name} (${file?.size} bytes, ${file?.contentType}, sha256 ${file?.sha256}) as evidence ${evidence.id}` +
      ` for ${evidence.controls.map((c) => c.ref).join(', ') || 'no control'}.`,
  );
}

export function registerEvidenceCommands(program: Command): void {
  const evidence = program.command('evidence').description(describe('evidence'));
  withApiOptions(
    evidence
      .command('push')
      .description('push a check result (e.g. from CI); the token needs checks.report')
      .requiredOption('--check <id>', 'the ci-push check id')
      .requiredOption('--outcome <outcome>', 'pass or fail')
      .requiredOption('--summary <text>', 'one line saying what was found')
      .option('--details <file.json>', 'JSON with more detail (at most 64 KiB)')
      .option('--observed-at <time>', 'when the result was observed (ISO 8601; default now)'),
  ).action((o: PushOptions) => push(o));
  withApiOptions(
    evidence
      .command('upload')
      .description('upload a file as evidence of controls; the token needs evidence.submit')
      .requiredOption('--file <path>', 'the file to upload')
      .requiredOption(
        '--control <id|ref>',
        'a control id or reference such as CTL-001 (repeat for more)',
        collect,
        [],
      )
      .option('--title <text>', 'title (default: the file name)')
      .option('--description <text>')
      .option('--valid-from <date>', 'the date the evidence proves (YYYY-MM-DD or ISO 8601; default now)')
      .option('--expires-at <date>', 'when it stops counting (after --valid-from)'),
  ).action((o: UploadOptions) => upload(o));
}
