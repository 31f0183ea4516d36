// The `stitchbench check` command that reproduces a session's setup in CI: the playback URL without the session
// id (a new session each run), sped up for VOD, a fixed duration for live.
export function checkCommand(playbackUrl: string, opts: { live: boolean; client: boolean }): string {
  const url = new URL(playbackUrl);
  url.searchParams.delete('aws.sessionId');
  const args = [`'${url.toString().replace(/'/g, '%27')}'`, opts.live ? '--duration 120' : '--speed 10', ...(opts.client ? ['--client'] : []), '--junit verdict.xml'];
  return `npx stitchbench check ${args.join(' ')}`;
}
