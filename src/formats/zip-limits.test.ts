import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildZip, xlsxBomb, zipPart } from '../../test/support/zip-files.js';
import { QuestionnaireFileError } from './questionnaire-file.js';
import { loadXlsx } from './questionnaire-xlsx.js';
import { assertZipWithinLimits, ZipLimitError } from './zip-limits.js';

const MiB = 1024 * 1024;
const limits = { maxEntries: 10, maxTotalUncompressed: 1 * MiB };
/** Peak resident memory so far; its growth over a call bounds what the call allocated at once. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

describe('ZIP limits enforced while inflating', () => {
  test('an honest archive within the limits passes', async () => {
    const zip = buildZip([zipPart('a.xml', 'x'.repeat(500_000)), zipPart('b.xml', 'y'.repeat(500_000))]);
    await assertZipWithinLimits(zip, limits);
  });

  test('a directory that understates the size is caught by counting the inflated bytes', async () => {
    const zip = buildZip([{ ...zipPart('a.xml', 'z'.repeat(3 * MiB)), declaredSize: 10 }]);
    await assert.rejects(assertZipWithinLimits(zip, limits), {
      name: 'ZipLimitError',
      message: 'the archive expands to more than 1 MiB when unpacked',
    });
  });

  test('too many entries, and an entry that runs past the end of the file, are refused', async () => {
    const many = buildZip(Array.from({ length: 11 }, (_, i) => zipPart(`${i}.xml`, 'x')));
    await assert.rejects(assertZipWithinLimits(many, limits), /has 11 entries; at most 10/);
    const whole = buildZip([zipPart('a.xml', 'x'.repeat(1000))]);
    const truncated = Buffer.concat([whole.subarray(0, 40), whole.subarray(whole.length - 68)]);
    await assert.rejects(assertZipWithinLimits(truncated, limits), ZipLimitError);
  });

  test('an .xlsx bomb with a lying directory (256 MiB) is refused before exceljs, in bounded memory', async () => {
    const bomb = await xlsxBomb(256 * MiB, true);
    assert.ok(bomb.length < 1 * MiB, `the bomb is ${bomb.length} bytes`);
    const before = peakRss();
    await assert.rejects(loadXlsx(bomb), (err: unknown) => {
      assert.ok(err instanceof QuestionnaireFileError);
      assert.match(err.message, /expands to more than 200 MiB when unpacked/);
      return true;
    });
    const grew = peakRss() - before;
    assert.ok(grew < 200 * MiB, `peak RSS grew by ${Math.round(grew / MiB)} MiB`);
  });

  test('an .xlsx bomb with an honest directory is refused from the directory alone', async () => {
    await assert.rejects(loadXlsx(await xlsxBomb(256 * MiB, false)), /expands to more than 200 MiB/);
  });
});
