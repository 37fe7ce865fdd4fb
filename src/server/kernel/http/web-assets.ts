import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { App } from './fastify-types.js';

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  immutable: boolean;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function collect(dir: string, base = dir, out = new Map<string, Asset>()): Map<string, Asset> {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      collect(file, base, out);
      continue;
    }
    const urlPath = `/${path.relative(base, file).split(path.sep).join('/')}`;
    const body = readFileSync(file);
    out.set(urlPath, {
      body,
      type: contentTypes[path.extname(name)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return out;
}

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

const notBuilt =
  'The Tillit web app has not been built: run `npm run build:web` (npm start does it for you).\n';

/**
 * Serves the built single-page app from memory: only files that exist in the build can be served, so
 * no request path ever reaches the file system. Unknown non-API paths get index.html (client routing).
 */
export function registerWebAssets(app: App, webDir: string): void {
  const assets = existsSync(path.join(webDir, 'index.html')) ? collect(webDir) : new Map<string, Asset>();
  const index = assets.get('/index.html');
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const urlPath = safeDecode(request.url.split('?')[0] ?? '/');
    if (urlPath.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No API route ${urlPath}` } });
    }
    const asset = assets.get(urlPath) ?? index;
    if (!asset) return reply.status(503).type('text/plain; charset=utf-8').send(notBuilt);
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    return reply
      .header('content-type', asset.type)
      .header('etag', asset.etag)
      .header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(asset.body);
  });
}
