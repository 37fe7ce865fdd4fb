import { CSRF_HEADER } from '../../contracts/auth.js';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** A failed API call, carrying the server's error code, message and field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
let onUnauthenticated: () => void = () => undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'Tillit cannot be reached; check your connection and try again.');
  });
  if (res.status === 204) return undefined as T;
  const data = parseJson(await res.text());
  if (!res.ok) {
    const error = (
      data as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined
    )?.error;
    const code = error?.code ?? 'UNKNOWN';
    // Only a missing or expired session ends it; a wrong current password (INVALID_CREDENTIALS) does not.
    if (code === 'UNAUTHENTICATED') onUnauthenticated();
    throw new ApiError(res.status, code, error?.message ?? `Request failed (${res.status})`, error?.details);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  delete: (url: string) => request<void>('DELETE', url),
};

/** Turns field details of a VALIDATION_FAILED error into form errors keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.details.map((d) => [d.path.split('.')[0] ?? d.path, d.message]));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong';
}

export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * A form's values as sent for a create: required fields may still be missing, and the server's VALIDATION_FAILED
 * answer names them beside the field (the forms rely on this rather than repeating every rule).
 */
export type Draft<T> = { [K in keyof T]?: T[K] | null };

/** Query-string parameters of a list request; empty values are left out. */
export type Params = Record<string, string | number | undefined>;
