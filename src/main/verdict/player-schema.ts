// Validation of POST /api/sessions/{id}/player: a bad report is a 400 naming the field, never a crash.
import { z } from 'zod';

const observation = z.object({
  type: z.enum(['position', 'stall', 'discontinuity', 'period', 'level', 'ad-start', 'ad-end', 'error', 'seek', 'ended']),
  at: z.number().int().positive(),
  position: z.number().finite().min(0),
  pdtMs: z.number().finite().optional(),
  durationMs: z.number().finite().min(0).max(86_400_000).optional(),
  availId: z.string().max(128).optional(),
  fatal: z.boolean().optional(),
  detail: z.string().max(500).optional(),
});

export const PlayerReportSchema = z.object({
  player: z.string().min(1).max(32),
  observations: z.array(observation).max(500),
});
