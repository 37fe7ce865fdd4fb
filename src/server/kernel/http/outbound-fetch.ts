import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * Requests the server makes to an address a user typed (a Prometheus server to import from), guarded against
 * server-side request forgery: http(s) only, no credentials in the URL, the host resolved once and every address
 * it resolves to checked, the connection made to the checked address (no second lookup an attacker's DNS could
 * answer differently), no redirects, a time limit and a size cap on the answer.
 *
 * Addresses fall in three groups: public ones are always allowed; private ones (RFC 1918, loopback, CGNAT,
 * unique-local IPv6, benchmarking) only when the caller allows private networks (an administrator's setting);
 * the rest (link-local with the cloud metadata endpoints, unspecified, multicast, reserved, broadcast, and the 6to4
 * and Teredo tunnels, which can carry any IPv4 address) never.
 */
export class OutboundRequestError extends Error {
  override name = 'OutboundRequestError';
}

const never = new net.BlockList();
never.addSubnet('0.0.0.0', 8, 'ipv4');
never.addSubnet('169.254.0.0', 16, 'ipv4');
never.addSubnet('192.0.0.0', 24, 'ipv4');
never.addSubnet('224.0.0.0', 4, 'ipv4');
never.addSubnet('240.0.0.0', 4, 'ipv4');
never.addSubnet('::', 128, 'ipv6');
never.addSubnet('fe80::', 10, 'ipv6');
never.addSubnet('ff00::', 8, 'ipv6');
never.addSubnet('100::', 64, 'ipv6');

const privateRanges = new net.BlockList();
privateRanges.addSubnet('10.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('100.64.0.0', 10, 'ipv4');
privateRanges.addSubnet('127.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('172.16.0.0', 12, 'ipv4');
privateRanges.addSubnet('192.168.0.0', 16, 'ipv4');
privateRanges.addSubnet('198.18.0.0', 15, 'ipv4');
privateRanges.addSubnet('::1', 128, 'ipv6');
privateRanges.addSubnet('fc00::', 7, 'ipv6');

export type AddressClass = 'public' | 'private' | 'never';

/** IPv4 carried in an IPv6 address (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96) is judged as that IPv4. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  for (const prefix of ['::ffff:', '64:ff9b::']) {
    if (!lower.startsWith(prefix)) continue;
    const rest = lower.slice(prefix.length);
    if (net.isIPv4(rest)) return rest;
    const parts = rest.split(':');
    if (parts.length !== 2 || !parts.every((p) => /^[0-9a-f]{1,4}$/.test(p))) return undefined;
    const [hi, lo] = parts.map((p) => Number.parseInt(p, 16)) as [number, number];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return undefined;
}

export function classifyAddress(address: string): AddressClass {
  const v4 = net.isIPv4(address) ? address : embeddedIpv4(address);
  const [ip, family] = v4 ? [v4, 'ipv4' as const] : [address, 'ipv6' as const];
  if (!v4 && !net.isIPv6(address)) return 'never';
  if (address.toLowerCase().startsWith('2002:') || address.toLowerCase().startsWith('2001:0:'))
    return 'never';
  if (never.check(ip, family) || ip === '255.255.255.255') return 'never';
  if (privateRanges.check(ip, family)) return 'private';
  return 'public';
}

export interface OutboundOptions {
  /** Allow private networks (loopback, RFC 1918, unique-local): an administrator's decision. */
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface OutboundAnswer {
  status: number;
  body: string;
}

/** Checks a URL a user gave before anything is sent; answers the address to connect to. */
export async function checkOutboundUrl(
  raw: string,
  allowPrivate: boolean,
): Promise<{ url: URL; address: string; family: 4 | 6 }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRequestError('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundRequestError(`only http and https are allowed, not ${url.protocol.replace(':', '')}`);
  if (url.username || url.password)
    throw new OutboundRequestError('a URL with a user name or password is not allowed');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  try {
    addresses = net.isIP(host)
      ? [{ address: host, family: net.isIP(host) }]
      : await lookup(host, { all: true });
  } catch {
    throw new OutboundRequestError(`the host ${host} could not be resolved`);
  }
  if (addresses.length === 0) throw new OutboundRequestError(`the host ${host} has no address`);
  for (const a of addresses) {
    const kind = classifyAddress(a.address);
    if (kind === 'never')
      throw new OutboundRequestError(
        `${host} resolves to ${a.address}, a link-local, metadata or reserved address, which is never contacted`,
      );
    if (kind === 'private' && !allowPrivate)
      throw new OutboundRequestError(
        `${host} resolves to ${a.address}, a private or loopback address; an administrator can allow private networks for monitoring imports`,
      );
  }
  const first = addresses[0] as { address: string; family: number };
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** GET a user-given URL under the rules above; the answer's text, refused beyond `maxBytes`. */
export async function outboundGet(raw: string, options: OutboundOptions): Promise<OutboundAnswer> {
  const { url, address, family } = await checkOutboundUrl(raw, options.allowPrivate);
  const maxBytes = options.maxBytes ?? 20_000_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<OutboundAnswer>((resolve, reject) => {
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(e);
    };
    const req = client.get(
      url,
      {
        // Connect to the address checked above, whatever the resolver would answer now.
        lookup: (_host, opts, callback) => {
          if (opts.all) callback(null, [{ address, family }]);
          else callback(null, address, family);
        },
        headers: { accept: 'application/json' },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(new OutboundRequestError(`the answer is larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
      },
    );
    const deadline = setTimeout(
      () => fail(new OutboundRequestError(`no complete answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    req.on('timeout', () => fail(new OutboundRequestError(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', fail);
    req.on('close', () => clearTimeout(deadline));
  });
}
