// Content URIs in a stitched playlist must be absolute: the playlist is served from /v1/manifest/…,
// not from the origin's folder. The common case (a bare file name) is a string concatenation.

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export interface UriResolver {
  (uri: string): string;
}

/** The folder of a URL, with trailing '/', query dropped. */
export function folderOf(url: string): string {
  const q = url.search(/[?#]/);
  const path = q < 0 ? url : url.slice(0, q);
  return path.slice(0, path.lastIndexOf('/') + 1);
}

export function uriResolver(originUrl: string, rewrite?: (absolute: string) => string): UriResolver {
  const dir = folderOf(originUrl);
  const fast = (uri: string): string => {
    if (SCHEME.test(uri)) return uri;
    const c = uri.charCodeAt(0);
    // '/', '.', or '?' prefixes need real URL resolution.
    if (c === 47 || c === 46 || c === 63 || uri.includes('/..') || uri.includes('/./')) return new URL(uri, originUrl).toString();
    return dir + uri;
  };
  return rewrite ? (uri) => rewrite(fast(uri)) : fast;
}

/** Rewrites every URI="…" attribute of a tag line. */
export function resolveTagUris(line: string, resolve: UriResolver): string {
  let i = line.indexOf('URI="');
  if (i < 0) return line;
  let out = '';
  let last = 0;
  while (i >= 0) {
    const start = i + 5;
    const end = line.indexOf('"', start);
    if (end < 0) break;
    out += line.slice(last, start) + resolve(line.slice(start, end));
    last = end;
    i = line.indexOf('URI="', end);
  }
  return out + line.slice(last);
}
