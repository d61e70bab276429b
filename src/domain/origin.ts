/**
 * Where a browser request comes from. A state-changing request must come from a page of this
 * server: its Origin header — or, lacking one, its Referer — names this server's host. A
 * request with neither comes from something that is not a browser page (a script, the CLI)
 * and carries no ambient credentials of a page; the CSRF token still guards sessions.
 */
export type RequestSource = 'same' | 'foreign' | 'none';

export function requestSource(headers: { origin: string | null; referer: string | null; host: string | null }): RequestSource {
  const claimed = headers.origin ?? headers.referer;
  if (claimed === null) return 'none';
  if (headers.host === null) return 'foreign';
  const host = hostOf(claimed);
  return host !== null && withoutDefaultPort(host) === withoutDefaultPort(headers.host.toLowerCase()) ? 'same' : 'foreign';
}

/** `example.org:443` and `example.org` are the same host for this check (as are :80 and none). */
function withoutDefaultPort(host: string): string {
  return host.replace(/:(80|443)$/, '');
}

function hostOf(url: string): string | null {
  // "null" (a sandboxed page, a privacy-sensitive redirect) is never this server
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** A path to go back to after a login: only a path on this server, never another site. */
export function safeReturnPath(path: string | null | undefined): string {
  // control characters are refused: browsers drop tabs and line breaks from URLs, so "/\t/evil" is "//evil"
  // eslint-disable-next-line no-control-regex
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(path)) return '/';
  return path;
}
