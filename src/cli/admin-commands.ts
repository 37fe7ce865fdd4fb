import type { Command } from 'commander';
import { passwordSchema } from '../contracts/auth.js';
import { permissionSchema, roleSchema } from '../contracts/permissions.js';
import { generatePassword } from '../server/kernel/auth/secrets.js';
import { createToken } from '../server/modules/tokens/index.js';
import { createUser, findUserByEmailOrUndefined, resetPassword } from '../server/modules/users/index.js';
import { CliError, print } from './cli-output.js';
import { actAsUser, organizationContext, readSecretFromStdin, withRuntime } from './cli-runtime.js';
import { describe } from './commands.js';

function passwordFrom(options: { passwordStdin?: boolean }): { password: string; generated: boolean } {
  if (!options.passwordStdin) return { password: generatePassword(), generated: true };
  const parsed = passwordSchema.safeParse(readSecretFromStdin());
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join('; '));
  return { password: parsed.data, generated: false };
}

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description(describe('migrate'))
    .action(() => withRuntime(async () => print('Database is migrated to the latest version.')));

  const user = program.command('user').description(describe('user'));
  user
    .command('create')
    .description('create an active user (prints a generated password unless --password-stdin)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', `one of ${roleSchema.options.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input')
    .option('--org <id>', 'organisation id when there are several')
    .action((o: { email: string; name: string; role: string; passwordStdin?: boolean; org?: string }) =>
      withRuntime(async (runtime) => {
        const role = roleSchema.safeParse(o.role);
        if (!role.success)
          throw new CliError(`Unknown role ${o.role}; use one of ${roleSchema.options.join(', ')}`);
        const { password, generated } = passwordFrom(o);
        const ctx = await organizationContext(runtime, o.org);
        const created = await createUser(ctx, {
          email: o.email.toLowerCase(),
          name: o.name,
          role: role.data,
          password,
        });
        print(`Created ${created.email} (${created.role}).`);
        if (generated) print(`password: ${password}`);
      }),
    );
  user
    .command('reset-password')
    .description(
      'set a new password (prints a generated one unless --password-stdin) and end the user’s sessions',
    )
    .requiredOption('--email <email>')
    .option('--password-stdin', 'read the password from standard input')
    .action((o: { email: string; passwordStdin?: boolean }) =>
      withRuntime(async (runtime) => {
        const { password, generated } = passwordFrom(o);
        const ctx = await organizationContext(
          runtime,
          (await findUserByEmailOrUndefined(runtime.handle.db, o.email))?.organization_id,
        );
        const updated = await resetPassword(ctx, o.email, password);
        print(`Password reset for ${updated.email}; their sessions were ended.`);
        if (generated) print(`password: ${password}`);
      }),
    );

  program
    .command('token')
    .description(describe('token'))
    .command('create')
    .description('create an API token for a user and print it once')
    .requiredOption('--email <email>', 'the user the token acts for')
    .requiredOption('--name <name>')
    .requiredOption(
      '--scopes <list>',
      `comma-separated permissions, e.g. ${permissionSchema.options.slice(0, 2).join(',')}`,
    )
    .option('--days <n>', 'days until it expires', '90')
    .action((o: { email: string; name: string; scopes: string; days: string }) =>
      withRuntime(async (runtime) => {
        const owner = await findUserByEmailOrUndefined(runtime.handle.db, o.email);
        const active = owner?.status === 'active' ? owner : undefined;
        if (!active) throw new CliError(`No active user ${o.email}`);
        const scopes = o.scopes.split(',').map((s) => s.trim());
        const unknown = scopes.filter((s) => !permissionSchema.safeParse(s).success);
        if (unknown.length) throw new CliError(`Unknown scope(s): ${unknown.join(', ')}`);
        const days = Number(o.days);
        if (!Number.isInteger(days) || days < 1 || days > 366)
          throw new CliError('--days must be a whole number from 1 to 366');
        const ctx = actAsUser(
          await organizationContext(runtime, active.organization_id),
          active.id,
          roleSchema.parse(active.role),
        );
        const created = await createToken(ctx, {
          name: o.name,
          scopes: scopes.map((s) => permissionSchema.parse(s)),
          expiresInDays: days,
        });
        print(`Created token ${created.apiToken.name}, expires ${created.apiToken.expiresAt}:`);
        print(created.token);
      }),
    );
}
