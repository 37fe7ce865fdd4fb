import { Command, CommanderError } from 'commander';
import { loadConfig } from '../server/kernel/config/config.js';
import { serve } from '../server/main.js';
import { registerAdminCommands } from './admin-commands.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerEvidenceCommands } from './evidence-commands.js';
import { registerFrameworkCommands } from './framework-commands.js';
import { registerMetricsCommands } from './metrics-commands.js';
import { registerVulnerabilityCommands } from './vulnerability-commands.js';

const program = new Command()
  .name('tillit')
  .description('Tillit: security and compliance programme and trust center')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('run the web app and API (creates the organisation on first start)')
  .action(async () => serve(loadConfig()));

registerAdminCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerFrameworkCommands(program);
registerEvidenceCommands(program);
registerMetricsCommands(program);
registerVulnerabilityCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`tillit: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
