/**
 * `Content-Disposition` with a Swedish file name: an ASCII fallback for old clients and the
 * exact name in UTF-8 (RFC 6266 / RFC 5987 `filename*`), e.g.
 * `attachment; filename="Regionstyrelsen 2026-05-06 Informationspunkter.pptx"; filename*=UTF-8''Regionstyrelsen%202026-…`.
 */
function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  return `${kind}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
