import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCalendarMonth, addHours, formatInZone, instantOf } from './incident-clock.js';
import { dueReports, isSignificant, noImpactTriage, triageProblems } from './incident-obligations.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

const sweden = { mainEstablishment: 'SE', registeredIn: [], timeZone: 'Europe/Stockholm' };

describe('reporting clocks', () => {
  test('24 and 72 hours are exact durations: a spring-forward change moves the local time, not the instant', () => {
    // Aware Saturday 28 March 2026 12:00 CET; summer time starts Sunday 29 March 02:00.
    const aware = at('2026-03-28T11:00:00Z');
    assert.equal(iso(addHours(aware, 24)), '2026-03-29T11:00:00.000Z');
    assert.equal(formatInZone(addHours(aware, 24), 'Europe/Stockholm'), '2026-03-29 13:00 CEST');
    assert.equal(formatInZone(addHours(aware, 72), 'Europe/Oslo'), '2026-03-31 13:00 CEST');
    assert.equal(formatInZone(addHours(aware, 72), 'UTC'), '2026-03-31 11:00 UTC');
    // Autumn: aware 24 October 2026 10:00 CEST; winter time from 25 October 03:00.
    const autumn = at('2026-10-24T08:00:00Z');
    assert.equal(formatInZone(addHours(autumn, 24), 'Europe/Stockholm'), '2026-10-25 09:00 CET');
  });

  test('a calendar month keeps the local time of day across DST, in Stockholm, Oslo and UTC', () => {
    // Notification 10 March 2026 10:00 CET (09:00Z) → final report due 10 April 10:00 CEST (08:00Z).
    const notified = at('2026-03-10T09:00:00Z');
    assert.equal(iso(addCalendarMonth(notified, 'Europe/Stockholm')), '2026-04-10T08:00:00.000Z');
    assert.equal(iso(addCalendarMonth(notified, 'Europe/Oslo')), '2026-04-10T08:00:00.000Z');
    assert.equal(iso(addCalendarMonth(notified, 'UTC')), '2026-04-10T09:00:00.000Z');
    // And back to winter time: 5 October 14:30 CEST → 5 November 14:30 CET.
    assert.equal(
      iso(addCalendarMonth(at('2026-10-05T12:30:00Z'), 'Europe/Stockholm')),
      '2026-11-05T13:30:00.000Z',
    );
  });

  test('month ends and leap days clamp to the last day of the shorter month', () => {
    assert.equal(iso(addCalendarMonth(at('2028-01-31T09:00:00Z'), 'UTC')), '2028-02-29T09:00:00.000Z');
    assert.equal(iso(addCalendarMonth(at('2027-01-31T09:00:00Z'), 'UTC')), '2027-02-28T09:00:00.000Z');
    assert.equal(iso(addCalendarMonth(at('2028-02-29T09:00:00Z'), 'UTC')), '2028-03-29T09:00:00.000Z');
    // 31 January 00:30 in Stockholm is still 30 January in UTC: the month is counted on the local calendar.
    assert.equal(
      iso(addCalendarMonth(at('2028-01-30T23:30:00Z'), 'Europe/Stockholm')),
      '2028-02-28T23:30:00.000Z',
    );
    // 72 hours across a leap day.
    assert.equal(iso(addHours(at('2028-02-27T18:00:00Z'), 72)), '2028-03-01T18:00:00.000Z');
  });

  test('a wall-clock time skipped by spring-forward reads with the earlier offset; a repeated one is its first', () => {
    const skipped = instantOf(
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 },
      'Europe/Stockholm',
    );
    assert.equal(iso(skipped), '2026-03-29T01:30:00.000Z');
    const repeated = instantOf(
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 },
      'Europe/Oslo',
    );
    assert.equal(iso(repeated), '2026-10-25T00:30:00.000Z');
  });
});

describe('obligations from the triage', () => {
  const aware = at('2026-03-28T11:00:00Z');

  test('nothing significant and no breach: no report is due', () => {
    assert.equal(isSignificant(noImpactTriage), false);
    assert.deepEqual(dueReports(noImpactTriage, aware, sweden), []);
  });

  test('a significant incident in Sweden: early warning 24 h, notification 72 h, final one month after', () => {
    const due = dueReports({ ...noImpactTriage, completelyUnavailableOver30Min: true }, aware, sweden);
    assert.deepEqual(
      due.map((d) => [d.type, d.dueAt]),
      [
        ['nis2-early-warning', '2026-03-29T11:00:00.000Z'],
        ['nis2-notification', '2026-03-31T11:00:00.000Z'],
        ['nis2-final', '2026-04-30T11:00:00.000Z'],
      ],
    );
    assert.match(due[0]?.authority ?? '', /CERT-SE.*MCF/);
    assert.equal(due[0]?.dpvType, 'https://w3id.org/dpv/legal/eu/nis2#EarlyWarningReport');
    // Submitting the notification early moves the final report's deadline with it.
    const after = dueReports(
      { ...noImpactTriage, physicalAccessCompromised: true },
      aware,
      sweden,
      at('2026-03-30T07:00:00Z'),
    );
    assert.equal(after.find((d) => d.type === 'nis2-final')?.dueAt, '2026-04-30T07:00:00.000Z');
  });

  test('registered in Norway too: the 24 h notice to NSM is due as well', () => {
    const due = dueReports({ ...noImpactTriage, maliciousDataCompromise: true }, aware, {
      ...sweden,
      registeredIn: ['NO'],
    });
    const nsm = due.find((d) => d.type === 'no-nsm-notice');
    assert.equal(nsm?.dueAt, '2026-03-29T11:00:00.000Z');
    assert.match(nsm?.authority ?? '', /NSM/);
  });

  test('personal-data breaches: 72 h to the authority for a risk, data subjects too for a high risk', () => {
    const risk = dueReports({ ...noImpactTriage, personalDataBreach: true, riskToPeople: 'risk' }, aware, {
      ...sweden,
      mainEstablishment: 'NO',
    });
    assert.deepEqual(
      risk.map((d) => [d.type, d.authority, d.dueAt]),
      [['gdpr-authority', 'Datatilsynet', '2026-03-31T11:00:00.000Z']],
    );
    const high = dueReports(
      { ...noImpactTriage, personalDataBreach: true, riskToPeople: 'high' },
      aware,
      sweden,
    );
    assert.deepEqual(
      high.map((d) => [d.type, d.authority, d.dueAt]),
      [
        ['gdpr-authority', 'Integritetsskyddsmyndigheten (IMY)', '2026-03-31T11:00:00.000Z'],
        ['gdpr-data-subjects', 'The affected data subjects', null],
      ],
    );
    const fi = dueReports({ ...noImpactTriage, personalDataBreach: true, riskToPeople: 'risk' }, aware, {
      ...sweden,
      mainEstablishment: 'FI',
    });
    assert.equal(
      fi[0]?.authority,
      'Tietosuojavaltuutetun toimisto (Office of the Data Protection Ombudsman)',
    );
  });

  test('a breach judged unlikely to harm needs its reasoning; one not assessed is refused', () => {
    assert.deepEqual(
      triageProblems({ ...noImpactTriage, personalDataBreach: true, riskToPeople: 'unlikely' }).map(
        (p) => p.path,
      ),
      ['reasoning'],
    );
    assert.deepEqual(
      triageProblems({ ...noImpactTriage, personalDataBreach: true }).map((p) => p.path),
      ['riskToPeople'],
    );
    assert.deepEqual(
      triageProblems({
        ...noImpactTriage,
        personalDataBreach: true,
        riskToPeople: 'unlikely',
        reasoning: 'Encrypted laptop, key not compromised; no risk to people.',
      }),
      [],
    );
    assert.deepEqual(
      dueReports({ ...noImpactTriage, personalDataBreach: true, riskToPeople: 'unlikely' }, aware, sweden),
      [],
    );
  });
});
