import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { checkOutboundUrl, classifyAddress, OutboundRequestError, outboundGet } from './outbound-fetch.js';

describe('outbound requests to user-given URLs', () => {
  let server: http.Server;
  let base = '';
  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/big') res.end('x'.repeat(10_000));
      else if (req.url === '/silent') res.flushHeaders();
      else res.end('{"status":"success"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('addresses are public, private or never contacted', () => {
    const cases: [string, string][] = [
      ['93.184.216.34', 'public'],
      ['2606:4700::1111', 'public'],
      ['127.0.0.1', 'private'],
      ['10.1.2.3', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['100.100.100.200', 'private'],
      ['::1', 'private'],
      ['fd00:ec2::254', 'private'],
      ['::ffff:127.0.0.1', 'private'],
      ['169.254.169.254', 'never'],
      ['::ffff:a9fe:a9fe', 'never'],
      ['64:ff9b::a9fe:a9fe', 'never'],
      ['fe80::1', 'never'],
      ['0.0.0.0', 'never'],
      ['::', 'never'],
      ['224.0.0.1', 'never'],
      ['255.255.255.255', 'never'],
      ['2002:a9fe:a9fe::1', 'never'],
      ['not-an-address', 'never'],
    ];
    for (const [address, kind] of cases) assert.equal(classifyAddress(address), kind, address);
  });

  test('the host is resolved and checked before anything is sent', async () => {
    await assert.rejects(checkOutboundUrl('http://localhost/', false), /private or loopback/);
    await assert.rejects(checkOutboundUrl('file:///etc/passwd', true), /only http and https/);
    await assert.rejects(checkOutboundUrl('http://a:b@example.org/', true), /user name or password/);
    await assert.rejects(checkOutboundUrl('http://169.254.169.254/', true), /metadata/);
    const checked = await checkOutboundUrl('http://localhost:9/', true);
    assert.equal(classifyAddress(checked.address), 'private');
  });

  test('answers are read up to the size cap and within the time limit', async () => {
    assert.deepEqual(await outboundGet(`${base}/`, { allowPrivate: true }), {
      status: 200,
      body: '{"status":"success"}',
    });
    await assert.rejects(outboundGet(`${base}/big`, { allowPrivate: true, maxBytes: 1000 }), (e) => {
      assert.ok(e instanceof OutboundRequestError);
      assert.match(e.message, /larger than 1000 bytes/);
      return true;
    });
    await assert.rejects(
      outboundGet(`${base}/silent`, { allowPrivate: true, timeoutMs: 300 }),
      /no (complete )?answer within/,
    );
    await assert.rejects(outboundGet(`${base}/`, { allowPrivate: false }), /private or loopback/);
  });
});
