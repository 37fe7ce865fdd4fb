import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  MAX_SAMPLES_PER_REQUEST,
  type MetricSampleInput,
  metricSampleInputSchema,
} from '../contracts/checks.js';
import { type ApiOptions, apiTarget, callApi, withApiOptions, zodProblem } from './api-client.js';
import { CliError, print } from './cli-output.js';
import { describe } from './commands.js';

interface MetricsOptions extends ApiOptions {
  metric?: string;
  subject?: string;
  value?: string;
  observedAt?: string;
  csv?: string;
}

const csvRow = z.record(z.string(), z.string());

/** Rows of metric,subject,value,observed_at (a header line names the columns); every row is checked first. */
async function samplesFromCsv(file: string): Promise<MetricSampleInput[]> {
  let records: unknown[];
  try {
    records = parse(await readFile(file), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown[];
  } catch (err) {
    throw new CliError(`${file} is not a readable CSV file: ${(err as Error).message}`);
  }
  return records.map((record, i) => {
    const row = csvRow.parse(record);
    const sample = metricSampleInputSchema.safeParse({
      metric: row.metric,
      subject: row.subject ?? '',
      value: row.value === undefined || row.value === '' ? Number.NaN : Number(row.value),
      observedAt: row.observed_at ?? row.observedAt,
    });
    if (!sample.success) throw new CliError(`${file} line ${i + 2}: ${zodProblem(sample.error.issues)}`);
    return sample.data;
  });
}

function sampleFromOptions(o: MetricsOptions): MetricSampleInput {
  const sample = metricSampleInputSchema.safeParse({
    metric: o.metric,
    subject: o.subject ?? '',
    value: o.value === undefined ? Number.NaN : Number(o.value),
    observedAt: o.observedAt ?? new Date().toISOString(),
  });
  if (!sample.success) throw new CliError(zodProblem(sample.error.issues));
  return sample.data;
}

async function pushMetrics(o: MetricsOptions): Promise<void> {
  const target = apiTarget(o);
  if (Boolean(o.csv) === Boolean(o.metric))
    throw new CliError('Give either --csv FILE or --metric with --value');
  const samples = o.csv ? await samplesFromCsv(o.csv) : [sampleFromOptions(o)];
  if (samples.length === 0) throw new CliError(`${o.csv} has no samples`);
  let recorded = 0;
  for (let i = 0; i < samples.length; i += MAX_SAMPLES_PER_REQUEST) {
    const batch = samples.slice(i, i + MAX_SAMPLES_PER_REQUEST);
    const res = await callApi<{ recorded: number }>(target, 'POST', '/api/metric-samples', {
      json: { samples: batch },
    });
    recorded += res.recorded;
  }
  print(`Recorded ${recorded} sample${recorded === 1 ? '' : 's'}.`);
}

export function registerMetricsCommands(program: Command): void {
  withApiOptions(
    program
      .command('metrics')
      .description(describe('metrics'))
      .command('push')
      .description(
        'push one sample, or a CSV file of them (each 10 000 sent all or nothing); needs checks.report',
      )
      .option('--metric <name>', 'e.g. room-temperature')
      .option('--subject <name>', 'what was measured, e.g. STO1')
      .option('--value <number>')
      .option('--observed-at <time>', 'ISO 8601 with offset (default now)')
      .option('--csv <file>', 'columns metric,subject,value,observed_at with a header line'),
  ).action((o: MetricsOptions) => pushMetrics(o));
}
