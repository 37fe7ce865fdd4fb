import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, mock, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { insertControl } from '../../../../test/support/controls.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { type RunningS3, startS3Server } from '../../../../test/support/s3-server.js';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const __filename = fileURLToPath(import.meta.url);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('evidence files: upload and download', () => {
  let t: TestApp;
  let contributor: Session;
  let control: { id: string; ref: string };
  let other: { id: string; ref: string };

  const upload = async (
    session: Session,
    fields: [string, string][],
    file?: { name: string; type: string; body: Buffer },
  ) => {
    const { payload, headers } = await multipartBody(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/evidence/files',
      payload,
      headers: { ...headers, ...sessionHeaders(session) },
    });
  };
  const evidenceCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('evidence')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await startTestApp({ TILLIT_MAX_UPLOAD_MB: '1' });
    contributor = await t.signIn('contributor');
    control = await insertControl(t.handle.db, t.organizationId, {
      ref: 'ENV-01',
      ownerId: t.users.contributor.id,
    });
    other = await insertControl(t.handle.db, t.organizationId, { ref: 'ENV-02' });
  });
  after(() => t.close());

  test('a file is streamed to storage with its SHA-256; the type comes from the bytes, not the client', async () => {
    const res = await upload(
      contributor,
      [
        ['title', 'Server room temperature chart'],
        ['validFrom', '2026-03-01'],
        ['expiresAt', '2027-03-01T00:00:00Z'],
        ['controlIds', control.id],
        ['controlRefs', other.ref],
      ],
      { name: '../../etc/chart\u0007.html', type: 'text/html', body: PNG },
    );
    assert.equal(res.statusCode, 201, res.body);
    const evidence = res.json();
    assert.equal(evidence.kind, 'file');
    assert.deepEqual(evidence.file, {
      sha256: sha(PNG),
      name: 'chart.html',
      size: PNG.length,
      contentType: 'image/png',
    });
    assert.equal(evidence.validFrom, '2026-03-01T00:00:00.000Z');
    assert.equal(evidence.state, 'fresh');
    assert.deepEqual(evidence.controls.map((c: { ref: string }) => c.ref).sort(), ['ENV-01', 'ENV-02']);
    assert.equal(evidence.createdBy.id, t.users.contributor.id);
    const hash = sha(PNG);
    assert.ok(existsSync(path.join(t.config.dataDir, 'files', hash.slice(0, 2), hash.slice(2, 4), hash)));
    const event = await t.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'evidence.added')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.data, {
      kind: 'file',
      title: 'Server room temperature chart',
      sha256: hash,
      controls: ['ENV-01', 'ENV-02'],
    });
  });

  test('the file and its directory entry are fsynced before the evidence row is committed', async () => {
    const probe = await open(__filename, 'r');
    const proto = Object.getPrototypeOf(probe) as { sync(this: FileHandle): Promise<void> };
    await probe.close();
    const syncs: number[] = [];
    const original = proto.sync;
    const spy = mock.method(proto, 'sync', async function (this: FileHandle) {
      syncs.push(await evidenceCount());
      return original.call(this);
    });
    try {
      const before = await evidenceCount();
      const res = await upload(
        contributor,
        [
          ['title', 'Synced'],
          ['controlIds', control.id],
        ],
        {
          name: 'synced.bin',
          type: 'application/octet-stream',
          body: Buffer.from(`synced ${Date.now()}`),
        },
      );
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(syncs.length >= 2, `the file and its directory were synced (${syncs.length} syncs)`);
      assert.deepEqual(
        syncs,
        syncs.map(() => before),
        'no evidence row existed yet when the bytes were synced',
      );
      assert.equal(await evidenceCount(), before + 1);
    } finally {
      spy.mock.restore();
    }
  });

  test('UTF-8 text is text/plain; other unrecognised bytes are application/octet-stream', async () => {
    const text = await upload(contributor, [['title', 'Fire round notes']], {
      name: 'notes.pdf',
      type: 'application/pdf',
      body: Buffer.from('Brandskyddsrond utförd 2026-03-02, inga avvikelser.\n'),
    });
    assert.equal(text.json().file.contentType, 'text/plain; charset=utf-8');
    const binary = await upload(contributor, [['title', 'Dump']], {
      name: 'dump.txt',
      type: 'text/plain',
      body: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81, 0x82]),
    });
    assert.equal(binary.json().file.contentType, 'application/octet-stream');
  });

  test('a file over TILLIT_MAX_UPLOAD_MB is refused with 413 and nothing is written', async () => {
    const before = { rows: await evidenceCount(), files: storedFiles(t.config.dataDir) };
    const big = Buffer.alloc(1024 * 1024 + 10, 0x41);
    const res = await upload(contributor, [['title', 'Too big']], {
      name: 'big.bin',
      type: 'text/plain',
      body: big,
    });
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(await evidenceCount(), before.rows);
    assert.deepEqual(storedFiles(t.config.dataDir), before.files, 'no stored or staged file is left behind');
  });

  test('bad fields are refused with the field named, and the file is not kept', async () => {
    const before = storedFiles(t.config.dataDir);
    const body = Buffer.from('kept nowhere');
    const backwards = await upload(
      contributor,
      [
        ['title', 'Backwards'],
        ['validFrom', '2026-05-01'],
        ['expiresAt', '2026-04-01'],
      ],
      { name: 'a.txt', type: 'text/plain', body },
    );
    assert.equal(backwards.statusCode, 400);
    assert.deepEqual(
      backwards.json().error.details.map((d: { path: string }) => d.path),
      ['expiresAt'],
    );
    assert.match(backwards.json().error.message, /expiry must be after the valid-from/);
    const unknownControl = await upload(
      contributor,
      [
        ['title', 'For nothing'],
        ['controlRefs', 'NOPE-1'],
      ],
      { name: 'a.txt', type: 'text/plain', body },
    );
    assert.equal(unknownControl.statusCode, 400);
    assert.match(unknownControl.json().error.message, /Unknown control.*NOPE-1/);
    const unknownField = await upload(
      contributor,
      [
        ['title', 'x'],
        ['owner', 'me'],
      ],
      { name: 'a.txt', type: 'text/plain', body },
    );
    assert.equal(unknownField.statusCode, 400);
    const noFile = await upload(contributor, [['title', 'No file']]);
    assert.equal(noFile.statusCode, 400);
    assert.match(noFile.json().error.message, /Attach a file/);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/files',
      payload: { title: 'JSON' },
      headers: sessionHeaders(contributor),
    });
    assert.equal(json.statusCode, 415);
    assert.deepEqual(storedFiles(t.config.dataDir), before);
  });

  test('a download is an attachment with the sniffed type, nosniff and a locked-down CSP', async () => {
    const created = (
      await upload(contributor, [['title', 'Quote chars']], {
        name: 'Kvartalsrapport "Q1" (ÅÄÖ)\'s.txt',
        type: 'text/html',
        body: Buffer.from('<script>alert(1)</script>'),
      })
    ).json();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${created.id}/file`,
      headers: sessionHeaders(await t.signIn('viewer')),
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '<script>alert(1)</script>');
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="Kvartalsrapport _Q1_ (___)'s.txt"; filename*=UTF-8''Kvartalsrapport%20%22Q1%22%20%28%C3%85%C3%84%C3%96%29%27s.txt`,
    );
    const link = (
      await t.app.inject({
        method: 'POST',
        url: '/api/evidence/links',
        payload: { title: 'Wiki', url: 'https://wiki.norrsken.example/fire' },
        headers: sessionHeaders(contributor),
      })
    ).json();
    const noFile = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${link.id}/file`,
      headers: sessionHeaders(contributor),
    });
    assert.equal(noFile.statusCode, 404);
  });
});

describe('evidence files on S3-compatible storage', () => {
  let s3: RunningS3;
  let t: TestApp;
  before(async () => {
    s3 = await startS3Server();
    t = await startTestApp(s3.env);
  });
  after(async () => {
    await t?.close();
    await s3?.stop();
  });

  test('an upload lands in the bucket under sha256/<hash> and downloads unchanged', async () => {
    const admin = await t.signIn('admin');
    const body = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(300_000, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const { payload, headers } = await multipartBody([['title', 'DPA signed']], {
      name: 'dpa.pdf',
      type: 'application/octet-stream',
      body,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/files',
      payload,
      headers: { ...headers, ...sessionHeaders(admin) },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().file.contentType, 'application/pdf');
    assert.ok(existsSync(path.join(s3.directory, 'tillit-test', 'sha256', `${sha(body)}._S3rver_object`)));
    assert.deepEqual(storedFiles(t.config.dataDir), [], 'nothing stays on the local disk');
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${res.json().id}/file`,
      headers: sessionHeaders(admin),
    });
    assert.equal(download.statusCode, 200);
    assert.equal(sha(download.rawPayload), sha(body));
  });
});
