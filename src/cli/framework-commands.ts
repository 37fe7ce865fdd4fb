import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { exportSoaOperation, type SoaRequest } from '../server/admin/admin-operations.js';
import { AppError } from '../server/kernel/errors/app-error.js';
import {
  importFramework,
  importMappings,
  installBuiltin,
  listFrameworks,
  listLibrary,
  soaFormats,
} from '../server/modules/frameworks/index.js';
import { CliError, print } from './cli-output.js';
import { organizationContext, withRuntime, withRuntimeOrServer } from './cli-runtime.js';
import { describe } from './commands.js';

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFile(file));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Service errors become CLI errors with the same message (exit code 1, no stack trace). */
async function asCli<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
}

export function registerFrameworkCommands(program: Command): void {
  const framework = program.command('framework').description(describe('framework'));
  framework
    .command('list')
    .description('installed frameworks, then the built-in library')
    .option('--org <id>', 'organisation id when there are several')
    .action((o: { org?: string }) =>
      withRuntime(async (runtime) => {
        const ctx = await organizationContext(runtime, o.org);
        const installed = await listFrameworks(ctx, { page: 1, pageSize: 200 });
        for (const f of installed.items) print(`${f.key}\t${f.requirementCount}\t${f.name} (installed)`);
        for (const f of await listLibrary(ctx)) {
          if (!f.installedFrameworkId) print(`${f.key}\t${f.requirementCount}\t${f.name} (available)`);
        }
      }),
    );
  framework
    .command('install <key>')
    .description('install a built-in framework with the built-in mappings')
    .option('--org <id>', 'organisation id when there are several')
    .action((key: string, o: { org?: string }) =>
      withRuntime(async (runtime) => {
        const ctx = await organizationContext(runtime, o.org);
        const installed = await asCli(() => installBuiltin(ctx, key));
        print(`Installed ${installed.name}: ${installed.requirementCount} requirements.`);
      }),
    );
  framework
    .command('import <file>')
    .description('import an OSCAL catalog (JSON), or with --profile a profile resolved against --source')
    .option('--key <key>', 'framework key instead of one derived from the title')
    .option('--profile', 'the file is an OSCAL profile')
    .option('--source <key>', 'for a profile: the installed framework it selects from')
    .option('--org <id>', 'organisation id when there are several')
    .action((file: string, o: { key?: string; profile?: boolean; source?: string; org?: string }) =>
      withRuntime(async (runtime) => {
        const document = parseJson(file);
        const ctx = await organizationContext(runtime, o.org);
        const imported = await asCli(() =>
          importFramework(ctx, {
            format: o.profile ? 'oscal-profile' : 'oscal-catalog',
            document,
            ...(o.key ? { key: o.key } : {}),
            ...(o.source ? { sourceFramework: o.source } : {}),
          }),
        );
        print(`Imported ${imported.name} as ${imported.key}: ${imported.requirementCount} requirements.`);
      }),
    );
  program
    .command('mappings')
    .description(describe('mappings'))
    .command('import <file>')
    .description('import mappings from CSV (all rows or none)')
    .option('--org <id>', 'organisation id when there are several')
    .action((file: string, o: { org?: string }) =>
      withRuntime(async (runtime) => {
        const ctx = await organizationContext(runtime, o.org);
        const result = await asCli(() => importMappings(ctx, readFile(file)));
        print(`Imported ${result.imported} mapping(s); ${result.unchanged} were already there.`);
      }),
    );
  program
    .command('soa')
    .description(describe('soa'))
    .command('export')
    .description('write the SoA of a framework as XLSX, CSV or PDF')
    .requiredOption('--framework <key>', 'framework key, e.g. iso27001-2022')
    .requiredOption('--out <file>')
    .option('--format <format>', `one of ${soaFormats.join(', ')} (default: from --out)`)
    .option('--service <name>', 'only the baseline and this service’s controls')
    .option('--org <id>', 'organisation id when there are several')
    .action((o: { framework: string; out: string; format?: string; service?: string; org?: string }) => {
      const request: SoaRequest = {
        framework: o.framework,
        format: o.format ?? o.out.split('.').pop() ?? '',
        service: o.service,
        org: o.org,
      };
      return withRuntimeOrServer(
        async (runtime) => {
          const file = await exportSoaOperation({ db: runtime.handle.db, keyring: runtime.keyring }, request);
          writeFileSync(o.out, file.body);
          print(`Wrote ${o.out}.`);
        },
        async (server) => {
          await pipeline(await server.post('/soa/export', request), createWriteStream(o.out));
          print(`Wrote ${o.out} (made by the running server).`);
        },
      );
    });
}
