/** Every way a fetch can fail, classified here and nowhere else. */
export type FetchErrorKind =
  | 'bad-url'
  | 'blocked-address'
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'tls'
  | 'redirect'
  | 'http-4xx'
  | 'http-5xx'
  | 'too-large'
  | 'decode'
  | 'blocked-by-robots';

/** Every way checking a source can fail: a fetch error, or a body that is not a usable feed. */
export type SourceErrorKind = FetchErrorKind | 'not-a-feed' | 'parse';

/** A failed fetch, as data. */
export interface FetchError {
  kind: FetchErrorKind;
  message: string;
  status?: number;
  /** Seconds the server asked us to wait (Retry-After on 429 and 503). */
  retryAfterS?: number;
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_OSSL)/;

/** Maps an exception thrown while fetching to a FetchError. */
export function classifyFetchException(err: unknown, url: string): FetchError {
  const e = err as { name?: string; code?: string; message?: string; cause?: unknown };
  const cause = (e.cause ?? {}) as { code?: string; message?: string; name?: string };
  const code = e.code ?? cause.code ?? '';
  const message = e.message ?? String(err);
  if (
    code === 'EBLOCKEDADDRESS' ||
    cause.name === 'BlockedAddressError' ||
    e.name === 'BlockedAddressError'
  ) {
    return { kind: 'blocked-address', message: cause.message ?? message };
  }
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || /TIMEOUT/.test(code)) {
    return { kind: 'timeout', message: `${url} did not answer in time` };
  }
  if (
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EAI_NONAME' ||
    code === 'EAI_FAIL'
  ) {
    return { kind: 'dns', message: `cannot resolve ${hostOf(url)} (${code})` };
  }
  if (TLS_CODES.test(code) || /certificate|tls|ssl/i.test(message)) {
    return { kind: 'tls', message: `TLS error from ${hostOf(url)}: ${message}` };
  }
  if (
    code === 'Z_DATA_ERROR' ||
    code === 'ERR__ERROR_FORMAT_PADDING_1' ||
    /incorrect header check|decompress/i.test(message)
  ) {
    return { kind: 'decode', message: `cannot decompress the body of ${url}: ${message}` };
  }
  return { kind: 'connect', message: `cannot connect to ${hostOf(url)}: ${code || message}` };
}

/** The FetchError for an HTTP error status. */
export function httpStatusError(status: number, url: string, retryAfterS?: number): FetchError {
  const kind = status >= 500 ? 'http-5xx' : 'http-4xx';
  const error: FetchError = { kind, status, message: `${url} answered HTTP ${status}` };
  if (retryAfterS !== undefined) error.retryAfterS = retryAfterS;
  return error;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
