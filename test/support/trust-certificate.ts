import assert from 'node:assert/strict';
import type { TrustDocument } from '../../src/contracts/trust-documents.js';
import { renderTextPdf } from '../../src/formats/controls-list-pdf.js';
import { multipartBody } from './multipart.js';
import { type Session, sessionHeaders, type TestApp } from './test-app.js';

/** Uploads a published certificate PDF as a trust document: what a "certified" claim needs attached to hold. */
export async function uploadCertificate(t: TestApp, staff: Session, title = 'FR2000 certificate') {
  const pdf = await renderTextPdf(title, ['Certified.'], new Date('2026-12-01T00:00:00Z'));
  const mp = await multipartBody(
    [
      ['title', title],
      ['kind', 'certificate'],
      ['accessLevel', 'public'],
      ['published', 'true'],
    ],
    { name: 'certificate.pdf', type: 'application/pdf', body: pdf },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/trust-documents',
    headers: { ...sessionHeaders(staff), ...mp.headers },
    payload: mp.payload,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<TrustDocument>();
}
