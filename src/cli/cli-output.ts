/** An error the command explains in its message: printed as `tillit: <message>`, exit code 1, no stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
