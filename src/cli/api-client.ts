import type { Command } from 'commander';
import { errorResponseSchema } from '../contracts/errors.js';
import { CliError } from './cli-output.js';

export interface ApiTarget {
  baseUrl: string;
  token: string;
}

export interface ApiOptions {
  url?: string;
  token?: string;
}

/** Where and as whom to call the API: --url / TILLIT_URL and --token / TILLIT_TOKEN. */
export function apiTarget(options: ApiOptions, env: NodeJS.ProcessEnv = process.env): ApiTarget {
  const baseUrl = (options.url ?? env.TILLIT_URL ?? '').replace(/\/+$/, '');
  const token = options.token ?? env.TILLIT_TOKEN ?? '';
  if (!/^https?:\/\/\S+$/.test(baseUrl)) {
    throw new CliError('Give the Tillit address with --url https://tillit.example or TILLIT_URL');
  }
  if (!token)
    throw new CliError('Give an API token with TILLIT_TOKEN (or --token); create one under Account');
  return { baseUrl, token };
}

function failure(status: number, text: string): CliError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = errorResponseSchema.safeParse(parsed);
  if (!error.success) return new CliError(`Tillit answered ${status}`);
  const details = (error.data.error.details ?? [])
    .map((d) => `\n  ${d.path || 'request'}: ${d.message}`)
    .join('');
  return new CliError(`${error.data.error.message} (${status} ${error.data.error.code})${details}`);
}

/** Calls the API with the token; never prints or logs the token. */
export async function callApi<T>(
  target: ApiTarget,
  method: 'GET' | 'POST',
  path: string,
  body?: { json: unknown } | { form: FormData },
): Promise<T> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${target.token}`,
    accept: 'application/json',
  };
  let payload: string | FormData | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    payload = body.form;
  }
  let res: Response;
  try {
    res = await fetch(`${target.baseUrl}${path}`, { method, headers, body: payload });
  } catch (err) {
    throw new CliError(`Cannot reach ${target.baseUrl}: ${(err as Error).cause ?? (err as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok) throw failure(res.status, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function withApiOptions(command: Command): Command {
  return command
    .option('--url <url>', 'Tillit address (default: TILLIT_URL)')
    .option(
      '--token <token>',
      'API token (default: TILLIT_TOKEN; prefer the variable, arguments show in ps)',
    );
}

export function zodProblem(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; ');
}
