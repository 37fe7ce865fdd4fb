import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { assetInputSchema } from '../../contracts/assets.js';
import { rolePermissions } from '../../contracts/permissions.js';
import type { ServiceContext } from '../kernel/context.js';
import { createAsset } from '../modules/assets/index.js';
import { changeFindingState, importScan, mapTarget } from '../modules/vulnerabilities/index.js';

const DAY = 86_400_000;
/** Five weekly scans, the oldest this many days ago: a month of history, and highs first seen past their 30 days. */
const FIRST_SCAN_DAYS_AGO = 34;
const SCANS = 5;

const services = ['Compute', 'Object Storage', 'Backup', 'Kubernetes'] as const;
type DemoService = (typeof services)[number];
type Kind = 'image' | 'host';

interface DemoVulnerability {
  id: string;
  title: string;
  pkg: string;
  installed: string;
  fixed: string;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  score: number;
  kind: Kind;
  on: readonly DemoService[];
  /** Scans (0 = the oldest) in which it is reported: from `from` until before `until` (null: still reported). */
  from: number;
  until: number | null;
}

/** Real, public vulnerabilities of the packages such a provider runs; the weeks show them found and fixed. */
const catalogue: DemoVulnerability[] = [
  // Found in the first scan and still there: the few overdue highs.
  {
    id: 'CVE-2024-6387',
    title: 'openssh: signal handler race in sshd (regreSSHion)',
    pkg: 'openssh-server',
    installed: '1:9.2p1-2+deb12u2',
    fixed: '1:9.2p1-2+deb12u3',
    severity: 'HIGH',
    score: 8.1,
    kind: 'host',
    on: ['Backup', 'Kubernetes'],
    from: 0,
    until: null,
  },
  {
    id: 'CVE-2023-4911',
    title: 'glibc: buffer overflow in ld.so GLIBC_TUNABLES (Looney Tunables)',
    pkg: 'libc6',
    installed: '2.36-9+deb12u1',
    fixed: '2.36-9+deb12u3',
    severity: 'HIGH',
    score: 7.8,
    kind: 'host',
    on: ['Compute'],
    from: 0,
    until: null,
  },
  // Accepted as a risk on the Kubernetes image (see below); fixed elsewhere in week two.
  {
    id: 'CVE-2023-44487',
    title: 'HTTP/2 rapid reset can cause excessive work in net/http',
    pkg: 'golang.org/x/net',
    installed: 'v0.15.0',
    fixed: 'v0.17.0',
    severity: 'HIGH',
    score: 7.5,
    kind: 'image',
    on: ['Kubernetes'],
    from: 0,
    until: null,
  },
  {
    id: 'CVE-2023-44487',
    title: 'HTTP/2 rapid reset can cause excessive work in net/http',
    pkg: 'golang.org/x/net',
    installed: 'v0.15.0',
    fixed: 'v0.17.0',
    severity: 'HIGH',
    score: 7.5,
    kind: 'image',
    on: ['Compute', 'Object Storage'],
    from: 0,
    until: 2,
  },
  // Criticals, fixed within the week they were found.
  {
    id: 'CVE-2024-3094',
    title: 'xz: malicious code in the upstream tarballs',
    pkg: 'liblzma5',
    installed: '5.6.0-0.2',
    fixed: '5.6.1+really5.4.5-1',
    severity: 'CRITICAL',
    score: 10,
    kind: 'host',
    on: ['Object Storage'],
    from: 1,
    until: 2,
  },
  {
    id: 'CVE-2024-24790',
    title: 'net/netip: unexpected behaviour from Is methods for IPv4-mapped IPv6 addresses',
    pkg: 'stdlib',
    installed: 'v1.21.5',
    fixed: 'v1.21.11',
    severity: 'CRITICAL',
    score: 9.8,
    kind: 'image',
    on: ['Compute', 'Backup'],
    from: 3,
    until: 4,
  },
  // Mediums and lows, some fixed, some open within their 90 days.
  {
    id: 'CVE-2024-2961',
    title: 'glibc: out-of-bounds write in iconv ISO-2022-CN-EXT',
    pkg: 'libc6',
    installed: '2.36-9+deb12u4',
    fixed: '2.36-9+deb12u7',
    severity: 'HIGH',
    score: 7.3,
    kind: 'host',
    on: ['Object Storage', 'Backup'],
    from: 2,
    until: 4,
  },
  {
    id: 'CVE-2024-0727',
    title: 'openssl: denial of service via null dereference in PKCS12',
    pkg: 'libssl3',
    installed: '3.0.11-1~deb12u2',
    fixed: '3.0.13-1~deb12u1',
    severity: 'MEDIUM',
    score: 5.5,
    kind: 'image',
    on: services,
    from: 0,
    until: 3,
  },
  {
    id: 'CVE-2024-28182',
    title: 'nghttp2: CONTINUATION frames can exhaust memory',
    pkg: 'libnghttp2-14',
    installed: '1.52.0-1',
    fixed: '1.52.0-1+deb12u1',
    severity: 'MEDIUM',
    score: 5.3,
    kind: 'image',
    on: ['Object Storage', 'Kubernetes'],
    from: 1,
    until: null,
  },
  {
    id: 'CVE-2023-7008',
    title: 'systemd-resolved accepts records of DNSSEC-signed domains without signature',
    pkg: 'libsystemd0',
    installed: '252.19-1~deb12u1',
    fixed: '',
    severity: 'MEDIUM',
    score: 5.9,
    kind: 'host',
    on: services,
    from: 0,
    until: null,
  },
  {
    id: 'CVE-2022-48303',
    title: 'tar: heap buffer overflow reading one-byte headers',
    pkg: 'tar',
    installed: '1.34+dfsg-1.2',
    fixed: '',
    severity: 'LOW',
    score: 3.3,
    kind: 'host',
    on: services,
    from: 0,
    until: null,
  },
];

const slug = (s: DemoService) => s.toLowerCase().replace(' ', '-');
const targetName = (s: DemoService, kind: Kind) =>
  kind === 'image'
    ? `registry.norrsken.example/${slug(s)}/api:2026.11`
    : `${slug(s)}-nodes.mgmt.norrsken.example`;

/** One Trivy report of a target as scan `week` saw it. */
function trivyReport(service: DemoService, kind: Kind, week: number, scannedAt: Date): Buffer {
  const found = catalogue.filter(
    (v) =>
      v.kind === kind && v.on.includes(service) && v.from <= week && (v.until === null || week < v.until),
  );
  const name = targetName(service, kind);
  return Buffer.from(
    JSON.stringify({
      SchemaVersion: 2,
      CreatedAt: scannedAt.toISOString(),
      ArtifactName: name,
      ArtifactType: kind === 'image' ? 'container_image' : 'filesystem',
      Results: [
        {
          Target: `${name} (debian 12.7)`,
          Class: 'os-pkgs',
          Type: 'debian',
          Vulnerabilities: found.map((v) => ({
            VulnerabilityID: v.id,
            PkgName: v.pkg,
            InstalledVersion: v.installed,
            ...(v.fixed ? { FixedVersion: v.fixed } : {}),
            Severity: v.severity,
            Title: v.title,
            CVSS: { nvd: { V3Score: v.score } },
          })),
        },
      ],
    }),
  );
}

/**
 * A month of weekly Trivy scans of the four services' API images and hosts (oldest first, so findings are fixed
 * and reopened as they were), each target mapped to its asset, and one finding accepted as a risk by the CISO.
 */
/** Production assets the risk register holds already, scanned as the hosts of their service. */
const hostAssetsInRegister: Partial<Record<string, string>> = {
  Compute: 'Hypervisor hosts',
  Kubernetes: 'Kubernetes control plane',
};

export async function seedDemoVulnerabilities(base: ServiceContext, now = new Date()): Promise<void> {
  const people = await base.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('organization_id', '=', base.organizationId)
    .where('email', 'in', ['ingrid.holm@norrsken.example', 'erik.lund@norrsken.example'])
    .execute();
  const ciso = people.find((p) => p.email.startsWith('ingrid'))?.id;
  const platform = people.find((p) => p.email.startsWith('erik'))?.id ?? null;
  const serviceRows = await base.db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('organization_id', '=', base.organizationId)
    .execute();
  const first = now.getTime() - FIRST_SCAN_DAYS_AGO * DAY;
  for (let week = 0; week < SCANS; week++) {
    const scannedAt = new Date(first + week * 7 * DAY);
    for (const service of services) {
      for (const kind of ['image', 'host'] as const) {
        const body = trivyReport(service, kind, week, scannedAt);
        const fileName = `trivy-${slug(service)}-${kind}-${scannedAt.toISOString().slice(0, 10)}.json`;
        await importScan(base, {
          fileName,
          sha256: createHash('sha256').update(body).digest('hex'),
          read: () => Readable.from([body]),
          // The CI pipeline keeps the report as a build artefact.
          evidenceUrl: `https://ci.norrsken.example/security/scans/${fileName}`,
        });
      }
    }
  }
  const targets = await base.db
    .selectFrom('vulnerability_targets')
    .select(['id', 'name'])
    .where('organization_id', '=', base.organizationId)
    .execute();
  for (const service of services) {
    const serviceId = serviceRows.find((s) => s.name === service)?.id ?? null;
    for (const kind of ['image', 'host'] as const) {
      const target = targets.find((t) => t.name === targetName(service, kind));
      // The hosts of Compute and Kubernetes are assets of the risk register already; scanning covers them.
      const registered = kind === 'host' ? hostAssetsInRegister[service] : undefined;
      const existing = registered
        ? await base.db
            .selectFrom('assets')
            .select('id')
            .where('organization_id', '=', base.organizationId)
            .where('name', '=', registered)
            .executeTakeFirst()
        : undefined;
      if (existing) {
        if (target) await mapTarget(base, target.id, existing.id);
        continue;
      }
      const asset = await createAsset(
        base,
        assetInputSchema.parse({
          name: kind === 'image' ? `${service} API image` : `${service} hosts`,
          type: kind === 'image' ? 'software' : 'hardware',
          classification: 'internal',
          ownerId: platform,
          serviceId,
        }),
      );
      if (target) await mapTarget(base, target.id, asset.id);
    }
  }
  if (!ciso) return;
  const accepted = await base.db
    .selectFrom('vulnerability_findings as f')
    .innerJoin('vulnerability_targets as t', 't.id', 'f.target_id')
    .select('f.id')
    .where('f.organization_id', '=', base.organizationId)
    .where('f.primary_id', '=', 'CVE-2023-44487')
    .where('t.name', '=', targetName('Kubernetes', 'image'))
    .executeTakeFirst();
  const risk = await base.db
    .selectFrom('risks')
    .select('id')
    .where('organization_id', '=', base.organizationId)
    .where('title', '=', 'Unpatched vulnerability in the Kubernetes control plane')
    .executeTakeFirst();
  if (!accepted || !risk) return;
  const asCiso: ServiceContext = {
    ...base,
    actor: {
      type: 'user',
      userId: ciso,
      tokenId: null,
      role: 'compliance-manager',
      permissions: rolePermissions['compliance-manager'],
    },
  };
  await changeFindingState(asCiso, accepted.id, {
    state: 'accepted',
    reason:
      'The API is reachable only from the administration network; the fix waits for the next operator release.',
    until: new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10),
    riskId: risk.id,
  });
}
