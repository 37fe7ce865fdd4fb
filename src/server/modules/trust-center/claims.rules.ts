import type { Claim, ClaimKind } from '../../../contracts/claims.js';
import type { Certification } from '../../../contracts/trust-center.js';
import { countryRules, inRegion, type Region } from '../organization/index.js';

/** Everything a claim is checked against, loaded once per evaluation. */
export interface ClaimRecords {
  positions: { kind: ClaimKind; controlId: string | null; maxAgeDays: number | null; target: string }[];
  certifications: Certification[];
  /** Locations where a service stores customer data, or an asset's data lies. */
  dataPlaces: { holder: string; code: string; city: string; country: string }[];
  subprocessors: { name: string; country: string; mechanism: string }[];
  controls: Map<
    string,
    { ref: string; title: string; failing: boolean; evidence: string; newest: Date | null }
  >;
  /** Monthly availability per service and location over the last complete months, when an SLA is stated. */
  availability?: {
    measured: boolean;
    months: number;
    rows: {
      service: string;
      location: string;
      month: string;
      availability: number;
      minutes: number;
      downMinutes: number;
      excludedMinutes: number;
      /** The target this service is held to (its own, or the organisation's). */
      target: number;
    }[];
  };
}

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const country = (code: string) => `${countryRules.name(code)} (${code})`;
const list = (items: string[]) => [...new Set(items)].sort().join(', ');

const mechanismNames: Record<string, string> = {
  'none-eea': 'no mechanism recorded',
  adequacy: 'adequacy decision',
  scc: 'standard contractual clauses',
  bcr: 'binding corporate rules',
  other: 'another safeguard',
};

type Outcome = Pick<Claim, 'statement' | 'rule' | 'evidence' | 'problems' | 'trueState' | 'evidenceDate'>;

function residency(r: ClaimRecords, region: Region): Outcome {
  const regionName = region === 'nordics' ? 'the Nordics' : 'the EU/EEA';
  const problems = [
    ...r.dataPlaces
      .filter((p) => !inRegion(p.country, region))
      .map(
        (p) =>
          `${p.holder} keeps data in ${p.code} (${p.city}, ${country(p.country)}), outside ${regionName}`,
      ),
    ...r.subprocessors
      .filter((s) => !inRegion(s.country, region))
      .map((s) => `sub-processor ${s.name} is in ${country(s.country)}, outside ${regionName}`),
  ];
  if (r.dataPlaces.length === 0) problems.push('no service records a location where it stores data');
  const stored = list(r.dataPlaces.map((p) => countryRules.name(p.country)));
  const processed = list(r.subprocessors.map((s) => countryRules.name(s.country)));
  return {
    statement: `Customer data stays in ${regionName}: it is stored in ${stored}.`,
    rule: `every location where a service or asset keeps data, and every sub-processor, lies in ${regionName}`,
    evidence: [
      `data locations: ${list(r.dataPlaces.map((p) => `${p.code} (${p.country})`)) || 'none'}`,
      `sub-processors: ${list(r.subprocessors.map((s) => `${s.name} (${s.country})`)) || 'none'}`,
    ],
    problems,
    trueState: `Customer data is stored in ${stored || 'no recorded location'}${processed ? `; sub-processors process it in ${processed}` : ''}.`,
    evidenceDate: null,
  };
}

function transfers(r: ClaimRecords): Outcome {
  const third = r.subprocessors.filter((s) => countryRules.isThirdCountry(s.country));
  const problems = [
    ...third.map(
      (s) =>
        `sub-processor ${s.name} is in ${country(s.country)} (${mechanismNames[s.mechanism] ?? s.mechanism})`,
    ),
    ...r.dataPlaces
      .filter((p) => countryRules.isThirdCountry(p.country))
      .map((p) => `${p.holder} keeps data in ${p.code} (${country(p.country)})`),
  ];
  return {
    statement: 'Personal data is not transferred to countries outside the EU/EEA.',
    rule: 'no sub-processor, service location or asset location lies outside the EU/EEA',
    evidence: [`${r.subprocessors.length} sub-processor(s), ${r.dataPlaces.length} data location(s) checked`],
    problems,
    trueState: third.length
      ? `Personal data is transferred outside the EU/EEA to: ${third.map((s) => `${s.name} (${countryRules.name(s.country)}, ${mechanismNames[s.mechanism] ?? s.mechanism})`).join('; ')}.`
      : null,
    evidenceDate: null,
  };
}

const statements: Partial<Record<ClaimKind, (days: number | null, last: string) => string>> = {
  'encryption-at-rest': () => 'Customer data is encrypted at rest.',
  'restore-tested': (days, last) =>
    `Restores from backup are tested at least every ${days} days; the last test was on ${last}.`,
  'vulnerability-scanning': (days, last) =>
    `Systems are scanned for vulnerabilities at least every ${days} days; the last scan was on ${last}.`,
};

function controlClaim(r: ClaimRecords, p: ClaimRecords['positions'][number], now: Date): Outcome {
  const control = p.controlId ? r.controls.get(p.controlId) : undefined;
  const last = control?.newest ? day(control.newest) : 'never';
  const statement = (statements[p.kind] ?? (() => ''))(p.maxAgeDays, last);
  if (!control) {
    return {
      statement,
      rule: 'the control that proves it',
      evidence: [],
      problems: ['the control that proves it no longer exists'],
      trueState: null,
      evidenceDate: null,
    };
  }
  const problems: string[] = [];
  if (control.failing) problems.push(`control ${control.ref} has a failing check`);
  if (control.evidence !== 'fresh') problems.push(`control ${control.ref} has ${control.evidence} evidence`);
  if (p.maxAgeDays !== null) {
    if (!control.newest) problems.push(`control ${control.ref} has no evidence of a test`);
    else if (now.getTime() - control.newest.getTime() > p.maxAgeDays * DAY)
      problems.push(`the last evidence (${last}) is older than ${p.maxAgeDays} days: stale`);
  }
  return {
    statement,
    rule:
      p.maxAgeDays === null
        ? `control ${control.ref} passes its checks and its evidence is current`
        : `control ${control.ref} passes its checks and its newest evidence is at most ${p.maxAgeDays} days old`,
    evidence: [`control ${control.ref} ${control.title}: evidence ${control.evidence}, newest ${last}`],
    problems,
    trueState: null,
    evidenceDate: control.newest?.toISOString() ?? null,
  };
}

/** Why the attached certificate does not bear a "certified" claim out; empty when it does. */
function certificateProblems(c: Certification): string[] {
  const d = c.certificateDocument;
  if (!d) return ['no certificate document is attached to the certification record'];
  if (!d.published) return [`the certificate document ${d.title} is not published`];
  return [];
}

function certification(c: Certification, now: Date): Outcome {
  const today = day(now);
  const by = c.issuer ? ` by ${c.issuer}` : '';
  const certificate = c.certificateDocument
    ? [
        `certificate document ${c.certificateDocument.title} (SHA-256 ${c.certificateDocument.sha256?.slice(0, 12) ?? '—'}…)`,
      ]
    : [];
  const base = {
    rule: '',
    evidence: [`certification record ${c.name}`, ...certificate],
    evidenceDate: c.issuedOn,
  };
  if (c.status === 'certified') {
    const rule =
      'certified, with a published certificate document and a recorded expiry date that has not passed';
    if (!c.expiresOn)
      return {
        ...base,
        rule,
        statement: `Certified${by}`,
        problems: ['no expiry date is recorded', ...certificateProblems(c)],
        trueState: null,
      };
    if (c.expiresOn < today)
      return {
        ...base,
        rule,
        statement: `Certified${by}, valid until ${c.expiresOn}`,
        problems: [`the certificate expired on ${c.expiresOn}`, ...certificateProblems(c)],
        trueState: `Certificate expired on ${c.expiresOn}; not currently certified`,
      };
    return {
      ...base,
      rule,
      statement: `Certified${by}, valid until ${c.expiresOn}`,
      problems: certificateProblems(c),
      trueState: null,
    };
  }
  if (c.status === 'in-progress') {
    const quarter = c.targetQuarter ?? '';
    const [year, q] = quarter.split('-Q').map(Number);
    const quarterEnd = new Date(Date.UTC(year ?? 0, (q ?? 4) * 3, 1));
    const passed = quarterEnd.getTime() <= now.getTime();
    return {
      ...base,
      rule: 'in progress, with a target quarter that has not passed',
      statement: `In progress, target ${quarter}`,
      problems: passed ? [`the target quarter ${quarter} has passed`] : [],
      trueState: passed ? 'In progress' : null,
    };
  }
  return { ...base, rule: 'planned', statement: 'Planned', problems: [], trueState: null };
}

const percent = (n: number) => `${Number(n.toFixed(3))} %`;

type AvailabilityRecord = NonNullable<ClaimRecords['availability']>['rows'][number];

/** Availability over all the months of each service and location, from their minutes down and measured. */
function overMonths(rows: AvailabilityRecord[]) {
  const pairs = new Map<
    string,
    { service: string; location: string; target: number; down: number; measured: number }
  >();
  for (const x of rows) {
    const key = `${x.service}\u0000${x.location}`;
    const pair = pairs.get(key) ?? {
      service: x.service,
      location: x.location,
      target: x.target,
      down: 0,
      measured: 0,
    };
    pair.down += x.downMinutes;
    pair.measured += x.minutes - x.excludedMinutes;
    pairs.set(key, pair);
  }
  return [...pairs.values()].map((p) => ({
    ...p,
    availability: p.measured <= 0 ? 100 : Math.round((1 - p.down / p.measured) * 100_000) / 1000,
  }));
}

/**
 * The SLA target, with what was measured: it holds while every service in every location reached the target
 * over the last complete months taken together, and always names the weakest single month (which earned its
 * customers a service credit when below target). Without a monitoring import or an outage record in that time
 * it is only a target, and says so.
 */
function slaClaim(r: ClaimRecords, target: string): Outcome {
  const a = r.availability;
  const lowest = a?.rows.reduce<AvailabilityRecord | null>(
    (min, x) => (!min || x.availability < min.availability ? x : min),
    null,
  );
  if (!a?.measured || !lowest)
    return {
      statement: `Target: ${target} % availability per calendar month (not measured here yet).`,
      rule: 'no monitoring import or outage record in the last complete months, so the SLA is shown as a target',
      evidence: [],
      problems: [],
      trueState: null,
      evidenceDate: null,
    };
  const pairs = overMonths(a.rows);
  const worst = pairs.reduce((min, p) => (p.availability < min.availability ? p : min));
  const weakestMonth = `the weakest single month was ${percent(lowest.availability)} (${lowest.service} in ${lowest.location}, ${lowest.month})`;
  const measured = `over the last ${a.months} months at least ${percent(worst.availability)} for every service and location; ${weakestMonth}`;
  return {
    statement: `Target: ${target} % availability per calendar month. Measured ${measured}.`,
    rule: `availability of every service in every location over the last ${a.months} complete months, from the outage records, at least ${target} % (or the service’s own target)`,
    evidence: [
      `${a.rows.length} service-location-months measured`,
      `lowest over the period: ${worst.service} in ${worst.location}: ${percent(worst.availability)}`,
    ],
    problems: pairs
      .filter((p) => p.availability < p.target)
      .map(
        (p) =>
          `${p.service} in ${p.location}: ${percent(p.availability)} over the last ${a.months} months, below ${p.target} %`,
      ),
    trueState: `Target: ${target} % availability per calendar month. Measured over the last ${a.months} months: ${percent(worst.availability)} for ${worst.service} in ${worst.location}; ${weakestMonth}.`,
    evidenceDate: null,
  };
}

function outcomeOf(r: ClaimRecords, p: ClaimRecords['positions'][number], now: Date): Outcome {
  if (p.kind === 'residency-nordics') return residency(r, 'nordics');
  if (p.kind === 'residency-eea') return residency(r, 'eea');
  if (p.kind === 'no-third-country-transfers') return transfers(r);
  if (p.kind === 'sla-target') return slaClaim(r, p.target);
  return controlClaim(r, p, now);
}

/** Every claim as it stands at `now`: the organisation's positions first, then one per certification. */
export function evaluateClaims(r: ClaimRecords, now: Date): Claim[] {
  const verified = now.toISOString();
  const fromPositions = r.positions.map((p): Claim => {
    const o = outcomeOf(r, p, now);
    return {
      key: p.kind,
      kind: p.kind,
      ...o,
      holds: o.problems.length === 0,
      lastVerifiedAt: verified,
      controlId: p.controlId,
      maxAgeDays: p.maxAgeDays,
      target: p.target,
    };
  });
  const fromCertifications = r.certifications.map((c): Claim => {
    const o = certification(c, now);
    return {
      key: `certification:${c.id}`,
      kind: 'certification',
      ...o,
      statement: `${c.name}: ${o.statement}`,
      holds: o.problems.length === 0,
      lastVerifiedAt: verified,
      controlId: null,
      maxAgeDays: null,
      target: '',
    };
  });
  return [...fromPositions, ...fromCertifications];
}
