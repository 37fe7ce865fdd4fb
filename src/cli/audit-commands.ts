import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createCheckpoint, verifyOrganizationAuditLog } from '../server/kernel/audit/audit-checkpoints.js';
import type { CheckpointToCheck } from '../server/kernel/audit/audit-verifier.js';
import { AUDIT_KEY_NAME, loadPublicKey } from '../server/kernel/audit/signing-key.js';
import { inTransaction } from '../server/kernel/context.js';
import { CliError, organizationContext, print, withRuntime } from './cli-runtime.js';

interface VerifyOptions {
  checkpoint: string[];
  publicKey?: string;
  org?: string;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('prove the audit log intact and consistent with signed checkpoints; exits 1 if not')
    .option(
      '--checkpoint <file>',
      'a checkpoint kept outside Tillit (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option('--public-key <file>', 'the key that signed those checkpoints (default: this installation’s)')
    .option('--org <id>', 'organisation id when there are several')
    .action((o: VerifyOptions) =>
      withRuntime(async (runtime) => {
        const ctx = await organizationContext(runtime, o.org);
        const publicKeyPem = o.publicKey ? loadPublicKey(o.publicKey) : runtime.keyring.signing.publicKeyPem;
        const external: CheckpointToCheck[] = o.checkpoint.map((file) => ({
          source: file,
          note: readFileSync(file, 'utf8'),
          publicKeyPem,
          keyName: AUDIT_KEY_NAME,
        }));
        const result = await verifyOrganizationAuditLog(ctx, {
          trustedPublicKeys: runtime.keyring.trustedPublicKeys,
          external,
        });
        print(`tree size: ${result.treeSize}`);
        print(`root hash: ${result.rootHash}`);
        print(`checkpoints verified: ${result.checkpointsVerified}`);
        if (!result.ok) {
          for (const p of result.problems) print(`PROBLEM: ${p}`);
          throw new CliError(`The audit log failed verification (${result.problems.length} problem(s))`);
        }
        print('OK: the audit log is intact and consistent with every checkpoint.');
      }),
    );
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
