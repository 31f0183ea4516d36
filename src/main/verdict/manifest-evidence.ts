// The verdict's view of the manifest inspector's history: the newest stitched text per track and the lint.
import { sessionManifests } from '../inspect/session-manifests.js';
import type { Session } from '../sessions/types.js';
import type { ManifestEvidence } from './evidence.js';

export function manifestEvidence(session: Session): ManifestEvidence | undefined {
  const m = sessionManifests(session);
  const media = m.tracks.filter((t) => t.track !== 'multivariant' && t.refreshes.length > 0);
  if (media.length === 0) return undefined;
  return { latest: media.map((t) => ({ track: t.track, text: t.refreshes.at(-1)!.stitched })), findings: m.lint };
}

/** The manifests section of a session export. */
export function manifestExport(session: Session): Record<string, unknown> {
  return { manifests: sessionManifests(session) };
}
