import { Readable } from 'node:stream';
import type { DocumentFields } from '../../contracts/trust-documents.js';
import { renderTextPdf } from '../../formats/controls-list-pdf.js';
import type { ServiceContext } from '../kernel/context.js';
import type { FileStore } from '../kernel/files/index.js';
import { allCertifications, updateCertification } from '../modules/trust-center/index.js';
import {
  createGeneratedDocument,
  createNdaVersion,
  createRule,
  createUploadedDocument,
} from '../modules/trust-documents/index.js';

const at = new Date('2026-11-01T08:00:00Z');

const uploads: { fields: DocumentFields; file: string; paragraphs: string[] }[] = [
  {
    fields: {
      title: 'FR2000 certificate',
      description:
        'The certificate of our integrated management system, as issued by the certification body.',
      kind: 'certificate',
      accessLevel: 'public',
      versionLabel: '2025–2028',
      published: true,
    },
    file: 'norrsken-fr2000-certificate.pdf',
    paragraphs: [
      'Certificate: the integrated management system of Norrsken Cloud AB meets the requirements of FR2000.',
      'Scope: cloud computing, storage and backup services delivered from Stockholm and Oslo.',
      'Issued 2025-06-01 by an accredited certification body; valid until 2028-05-31.',
    ],
  },
  {
    fields: {
      title: 'Data processing agreement',
      description: 'Our terms as your processor under GDPR Art. 28.',
      kind: 'dpa',
      accessLevel: 'on-request',
      versionLabel: '2026.1',
      published: true,
    },
    file: 'norrsken-dpa-2026.1.pdf',
    paragraphs: [
      'Norrsken Cloud AB processes personal data only on the customer’s documented instructions.',
      'All processing takes place in data centres in Sweden and Norway; no data is transferred outside the EU/EEA.',
      'Sub-processors are listed on the trust center, and customers are told before any change takes effect.',
    ],
  },
  {
    fields: {
      title: 'Service level agreement',
      description: 'Availability commitment and service credits.',
      kind: 'sla',
      accessLevel: 'public',
      versionLabel: '2026.1',
      published: true,
    },
    file: 'norrsken-sla-2026.1.pdf',
    paragraphs: [
      'Compute, Object Storage and Kubernetes are available 99.9 % of each calendar month.',
      'A month below that earns a service credit on the next invoice.',
    ],
  },
];

const NDA = `This agreement covers the confidential documents Norrsken Cloud AB shares with you.

You keep them confidential, use them only to assess or use our services, and share them only with colleagues and advisers who need them and are bound to the same confidentiality.

The obligation lasts three years from the day you accept this agreement.`;

/** Attaches the uploaded certificate to its certification record, which the certified claim needs. */
async function attachCertificate(ctx: ServiceContext, name: string, documentId: string): Promise<void> {
  const certification = (await allCertifications(ctx)).find((c) => c.name === name);
  if (!certification) return;
  const c = certification;
  await updateCertification(ctx, c.id, {
    name: c.name,
    frameworkId: c.frameworkId,
    status: c.status,
    targetQuarter: c.targetQuarter,
    issuer: c.issuer,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    position: c.position,
    certificateDocumentId: documentId,
  });
}

/** Documents on request: a DPA and an SLA, the generated controls list under NDA, the NDA and one auto-approved domain. */
export async function seedDemoTrustDocuments(ctx: ServiceContext, files: FileStore): Promise<void> {
  for (const u of uploads) {
    const staged = await files.stage(Readable.from(await renderTextPdf(u.fields.title, u.paragraphs, at)));
    const document = await createUploadedDocument(ctx, u.fields, { staged, name: u.file });
    if (u.fields.kind === 'certificate') await attachCertificate(ctx, 'FR2000', document.id);
  }
  await createGeneratedDocument(ctx, {
    title: 'Cloud controls list',
    description: 'Every control we run, its status and scope, and the framework requirements it meets.',
    kind: 'controls-list',
    accessLevel: 'nda',
    versionLabel: '',
    published: true,
  });
  await createNdaVersion(ctx, NDA);
  await createRule(ctx, {
    domain: 'kund.example',
    approvesOnRequest: true,
    approvesNda: true,
    expiresInDays: 30,
  });
}
