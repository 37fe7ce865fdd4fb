import type { Command } from 'commander';
import { loadConfig } from '../server/kernel/config/config.js';
import { serve } from '../server/main.js';
import { describe } from './commands.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(describe('serve'))
    .action(async () => serve(loadConfig()));
}
