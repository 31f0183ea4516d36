// HTMLMediaElement errors come as numeric codes; name them for humans.

const CODES: Record<number, string> = {
  1: 'MEDIA_ERR_ABORTED',
  2: 'MEDIA_ERR_NETWORK',
  3: 'MEDIA_ERR_DECODE',
  4: 'MEDIA_ERR_SRC_NOT_SUPPORTED',
};

export function describeMediaError(error: MediaError | null): string {
  if (!error) return 'media element error';
  const name = CODES[error.code] ?? `code ${error.code}`;
  return error.message ? `${name}: ${error.message}` : name;
}
