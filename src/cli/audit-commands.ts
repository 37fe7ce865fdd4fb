import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type VerifyReport,
  type VerifyRequest,
  verifyAuditOperation,
} from '../server/admin/admin-operations.js';
import { createCheckpoint } from '../server/kernel/audit/audit-checkpoints.js';
import { loadPublicKey } from '../server/kernel/audit/signing-key.js';
import { inTransaction } from '../server/kernel/context.js';
import { CliError, print } from './cli-output.js';
import { organizationContext, withRuntime, withRuntimeOrServer } from './cli-runtime.js';
import { describe } from './commands.js';

interface VerifyOptions {
  checkpoint: string[];
  publicKey?: string;
  org?: string;
}

function report(r: VerifyReport): void {
  for (const line of r.lines) print(line);
  const problems = r.lines.filter((l) => l.startsWith('PROBLEM:')).length;
  if (!r.ok) throw new CliError(`The audit log failed verification (${problems} problem(s))`);
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description(describe('audit'));
  audit
    .command('verify')
    .description('prove the audit log intact and consistent with signed checkpoints; exits 1 if not')
    .option(
      '--checkpoint <file>',
      'a checkpoint kept outside Tillit (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option(
      '--public-key <file>',
      'the key that signed those checkpoints (default: every key this installation trusts)',
    )
    .option('--org <id>', 'organisation id when there are several')
    .action((o: VerifyOptions) => {
      const request: VerifyRequest = {
        org: o.org,
        checkpoints: o.checkpoint.map((file) => ({ source: file, note: readFileSync(file, 'utf8') })),
        publicKeyPem: o.publicKey ? loadPublicKey(o.publicKey) : undefined,
      };
      return withRuntimeOrServer(
        async (runtime) =>
          report(await verifyAuditOperation({ db: runtime.handle.db, keyring: runtime.keyring }, request)),
        async (server) => report(await server.json<VerifyReport>('/audit/verify', request)),
      );
    });
  audit
    .command('checkpoint')
    .description('verify the log, sign a checkpoint of its root and print or save it')
    .option('--out <file>', 'write the signed checkpoint to this file')
    .option('--org <id>', 'organisation id when there are several')
    .action((o: { out?: string; org?: string }) =>
      withRuntime(async (runtime) => {
        const ctx = await organizationContext(runtime, o.org);
        const cp = await inTransaction(ctx, (tx) => createCheckpoint(tx, runtime.keyring));
        if (o.out) {
          writeFileSync(o.out, cp.note, { flag: 'wx' });
          print(`Signed checkpoint of ${cp.treeSize} events written to ${o.out}`);
        } else {
          process.stdout.write(cp.note);
        }
      }),
    );
}
