import type { Command } from 'commander';

/** Adds one group of commands to the program (the group's module is loaded only when one of them runs). */
export type RegisterCommands = (program: Command) => void;

interface TopLevelCommand {
  description: string;
  /** Loads the module that defines this command (and the others of its group) with its options. */
  load: () => Promise<RegisterCommands>;
}

const admin = async () => (await import('./admin-commands.js')).registerAdminCommands;
const backup = async () => (await import('./backup-commands.js')).registerBackupCommands;
const framework = async () => (await import('./framework-commands.js')).registerFrameworkCommands;

/**
 * Every top-level command with the one line `tillit --help` shows. Loading a command's module loads the app code
 * it needs (about two CPU-seconds for the server and the modules), so `tillit --help`, `--version` and a command
 * that only talks to the API never pay for the rest.
 */
export const topLevelCommands = {
  serve: {
    description: 'run the web app and API (creates the organisation on first start)',
    load: async () => (await import('./serve-command.js')).registerServeCommand,
  },
  migrate: { description: 'apply pending database migrations', load: admin },
  user: { description: 'manage people', load: admin },
  token: { description: 'manage API tokens', load: admin },
  audit: {
    description: 'the tamper-evident audit log',
    load: async () => (await import('./audit-commands.js')).registerAuditCommands,
  },
  backup: {
    description: 'write a consistent, checksummed backup of the database (gzip NDJSON)',
    load: backup,
  },
  restore: { description: 'restore a backup into an empty database; all or nothing', load: backup },
  framework: { description: 'frameworks: the built-in library and OSCAL imports', load: framework },
  mappings: { description: 'cross-framework mappings', load: framework },
  soa: { description: 'Statement of Applicability', load: framework },
  evidence: {
    description: 'send evidence to a running Tillit with an API token',
    load: async () => (await import('./evidence-commands.js')).registerEvidenceCommands,
  },
  metrics: {
    description: 'send metric samples to a running Tillit with an API token',
    load: async () => (await import('./metrics-commands.js')).registerMetricsCommands,
  },
  vulnerabilities: {
    description: 'send scan reports to a running Tillit with an API token',
    load: async () => (await import('./vulnerability-commands.js')).registerVulnerabilityCommands,
  },
} satisfies Record<string, TopLevelCommand>;

export type TopLevelCommandName = keyof typeof topLevelCommands;

export function isTopLevelCommand(name: string): name is TopLevelCommandName {
  return Object.hasOwn(topLevelCommands, name);
}

/** The one-line description of a top-level command, for the module that defines it. */
export function describe(name: TopLevelCommandName): string {
  return topLevelCommands[name].description;
}
