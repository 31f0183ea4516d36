// The ADS interaction log of one session, to download: JSON lines (MediaTailor's records, one per line), or a
// JSON array with ?format=json.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/errors.js';
import type { AdsLog } from './ads-log.js';

export async function adsLogRoutes(app: FastifyInstance, deps: { adsLog: AdsLog }): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: { format?: string } }>('/api/sessions/:id/ads-log', async (req, reply) => {
    const format = req.query.format ?? 'jsonl';
    if (format !== 'json' && format !== 'jsonl') throw new HttpError(400, `Unknown format "${format}" (jsonl or json)`);
    const records = deps.adsLog.records(req.params.id);
    if (!records) throw new HttpError(404, `No ADS interaction log for session "${req.params.id}" (unknown, or dropped as one of the least recently active)`);
    if (format === 'json') return records;
    return reply
      .type('application/x-ndjson')
      .header('content-disposition', `attachment; filename="ads-log-${req.params.id.replace(/[^\w.-]/g, '_')}.jsonl"`)
      .send(records.map((r) => JSON.stringify(r) + '\n').join(''));
  });
}
