import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { zipEntries } from '../../src/formats/zip-directory.js';
import { multipartBody } from '../support/multipart.js';
import { type Session, sessionHeaders, startTestApp, type TestApp } from '../support/test-app.js';
import { buildZip, xlsxBomb, zipPart } from '../support/zip-files.js';
import { recordResult } from './support/results.js';

const MiB = 1024 * 1024;
const RSS_BOUND = 200 * MiB;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** An XLSX whose shared strings declare nested entities (billion laughs) and use the outermost one. */
async function xlsxWithEntities(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Questions').addRow(['Question']).commit();
  wb.getWorksheet('Questions')?.addRow(['Do you encrypt data at rest?']);
  const original = Buffer.from(await wb.xlsx.writeBuffer());
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [${entities.join('')}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Question</t></si><si><t>&lol9;</t></si></sst>`;
  const parts = zipEntries(original).map((e) => {
    const start =
      e.localHeaderOffset +
      30 +
      original.readUInt16LE(e.localHeaderOffset + 26) +
      original.readUInt16LE(e.localHeaderOffset + 28);
    const data = original.subarray(start, start + e.compressedSize);
    const content = e.method === 8 ? inflateRawSync(data) : data;
    return zipPart(e.name, e.name === 'xl/sharedStrings.xml' ? sharedStrings : content);
  });
  return buildZip(parts);
}

describe('hostile input with bounded memory', () => {
  let t: TestApp;
  let session: Session;
  before(async () => {
    t = await startTestApp();
    session = await t.signIn('compliance-manager');
  });
  after(() => t.close());

  const upload = async (name: string, body: Buffer) => {
    const form = await multipartBody([], { name, type: XLSX, body });
    return t.app.inject({
      method: 'POST',
      url: '/api/questionnaires',
      headers: { ...sessionHeaders(session), ...form.headers },
      payload: form.payload,
    });
  };

  for (const lying of [true, false]) {
    const kind = lying ? 'lying' : 'honest';
    test(`a 1 GiB zip bomb with an ${kind} directory → 400 naming the problem, RSS bounded`, async () => {
      const bomb = await xlsxBomb(1024 * MiB, lying);
      const before = peakRss();
      const res = await upload(`${kind}-bomb.xlsx`, bomb);
      const grew = peakRss() - before;
      const held =
        res.statusCode === 400 && /expands to more than 200 MiB/.test(res.body) && grew < RSS_BOUND;
      recordResult({
        area: 'hostile input',
        tried: `XLSX zip bomb, ${kind} directory (${Math.round(bomb.length / 1024)} KiB → 1 GiB)`,
        outcome: held ? 'held' : 'FAILED',
        detail: `${res.statusCode}, peak RSS +${Math.round(grew / MiB)} MiB`,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, /expands to more than 200 MiB when unpacked/);
      assert.ok(grew < RSS_BOUND, `peak RSS grew by ${Math.round(grew / MiB)} MiB`);
    });
  }

  test('XML entities in an XLSX are not expanded', async () => {
    const file = await xlsxWithEntities();
    const before = peakRss();
    const res = await upload('entities.xlsx', file);
    const grew = peakRss() - before;
    const expanded = /(lol){20}/.test(res.body);
    const held = (res.statusCode === 400 || res.statusCode === 201) && !expanded && grew < RSS_BOUND;
    recordResult({
      area: 'hostile input',
      tried: 'XLSX with nested XML entities (billion laughs) in shared strings',
      outcome: held ? 'held' : 'FAILED',
      detail: `${res.statusCode}, expanded: ${expanded}, peak RSS +${Math.round(grew / MiB)} MiB`,
    });
    assert.ok(res.statusCode === 400 || res.statusCode === 201, res.body);
    assert.ok(!expanded, 'an entity was expanded');
    assert.ok(grew < RSS_BOUND, `peak RSS grew by ${Math.round(grew / MiB)} MiB`);
  });

  test('deep JSON and NUL bytes in bodies and queries → 400, never 500', async () => {
    const depth = 200_000;
    const requests: { label: string; method: 'GET' | 'POST'; url: string; payload?: string }[] = [
      {
        label: 'JSON nested 200 000 deep',
        method: 'POST',
        url: '/api/controls',
        payload: `{"title":"x","a":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      },
      {
        label: 'NUL in a body string',
        method: 'POST',
        url: '/api/controls',
        payload: JSON.stringify({ title: 'a\u0000b' }),
      },
      { label: 'NUL in ?q=', method: 'GET', url: '/api/controls?q=%00' },
      { label: 'NUL in ?q= (risks)', method: 'GET', url: '/api/risks?q=x%00' },
    ];
    const before = peakRss();
    const outcomes: string[] = [];
    for (const r of requests) {
      const res = await t.app.inject({
        method: r.method,
        url: r.url,
        headers: { ...sessionHeaders(session), ...(r.payload ? { 'content-type': 'application/json' } : {}) },
        ...(r.payload ? { payload: r.payload } : {}),
      });
      outcomes.push(`${r.label}: ${res.statusCode}`);
    }
    const grew = peakRss() - before;
    const held = outcomes.every((o) => o.endsWith(': 400')) && grew < RSS_BOUND;
    recordResult({
      area: 'hostile input',
      tried: 'deep JSON, NUL bytes in body and query',
      outcome: held ? 'held' : 'FAILED',
      detail: `${outcomes.join('; ')}; peak RSS +${Math.round(grew / MiB)} MiB`,
    });
    for (const o of outcomes) assert.match(o, /: 400$/);
    assert.ok(grew < RSS_BOUND);
  });
});
