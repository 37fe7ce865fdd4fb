import { CSRF_HEADER } from '../../contracts/auth.js';
import { ApiError, type ErrorDetail } from './client.js';

/** POSTs a multipart form (a file upload) with the session's CSRF token; errors come back as ApiError. */
export async function postForm<T>(url: string, form: FormData, csrfToken: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', [CSRF_HEADER]: csrfToken },
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'Tillit cannot be reached; check your connection and try again.');
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const error = (
      data as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined
    )?.error;
    throw new ApiError(
      res.status,
      error?.code ?? 'UNKNOWN',
      error?.message ?? `Upload failed (${res.status})`,
      error?.details,
    );
  }
  return data as T;
}
