// Adobe Primetime's client-tracking sidecars, as views of the same tracking data as MediaTailor's API: the JSON
// v2 sidecar ({startTime, endTime, scte35[], pods[{id, startTime, duration, ads[{id, startTime, duration,
// companions, trackingUrls[{startTime, event, url}]}]}]}) and the VMAP sidecar (one AdBreak per pod, its ads as
// inline VAST 3 with their tracking). Pure: tracking response in, sidecar out. Times are seconds on the session's
// timeline, as in the tracking API.
import { vastTime } from './macros.js';
import { escapeXml } from '../xml/tree.js';
import { VMAP_CLOSE, VMAP_OPEN, vastTracking, vmapTrackingEvents } from './vast-fragments.js';
import type { trackingResponse } from './client-api.js';

type Tracking = ReturnType<typeof trackingResponse>;
type Avail = Tracking['avails'][number];

export interface PrimetimeSidecarV2 {
  startTime: number;
  endTime: number;
  scte35: { id: string; startTime: number; duration: number | null }[];
  pods: {
    id: string;
    startTime: number;
    duration: number;
    ads: { id: string; startTime: number; duration: number; companions: unknown[]; trackingUrls: { startTime: number; event: string; url: string }[] }[];
  }[];
}

const secs = (d: string | null) => (d === null ? null : Number(/^PT([\d.]+)S$/.exec(d)?.[1] ?? 0));
const round = (s: number) => Math.round(s * 1000) / 1000;

export function primetimeJsonV2(t: Tracking): PrimetimeSidecarV2 {
  const pods = t.avails.map((a) => ({
    id: a.availId,
    startTime: a.startTimeInSeconds,
    duration: a.durationInSeconds,
    ads: a.ads.map((ad) => ({
      id: ad.adId,
      startTime: ad.startTimeInSeconds,
      duration: ad.durationInSeconds,
      companions: ad.companionAds,
      trackingUrls: ad.trackingEvents.flatMap((e) => e.beaconUrls.map((url) => ({ startTime: e.startTimeInSeconds, event: e.eventType, url }))),
    })),
  }));
  const ends = pods.map((p) => p.startTime + p.duration);
  return {
    startTime: pods.length ? Math.min(...pods.map((p) => p.startTime)) : 0,
    endTime: ends.length ? round(Math.max(...ends)) : 0,
    scte35: t.avails.map((a) => ({ id: a.availId, startTime: a.startTimeInSeconds, duration: secs(a.adMarkerDuration) })),
    pods,
  };
}

const cdata = (url: string) => `<![CDATA[${url.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function inlineAd(ad: Avail['ads'][number], sequence: number): string {
  const byEvent = (ev: string) => ad.trackingEvents.filter((e) => e.eventType === ev);
  const impressions = byEvent('impression').flatMap((e) => e.beaconUrls.map((u) => `<Impression>${cdata(u)}</Impression>`));
  const tracking = ad.trackingEvents
    .filter((e) => e.eventType !== 'impression')
    .flatMap((e) => e.beaconUrls.map((u) => vastTracking(e.eventType, u, cdata, e.eventType === 'progress' ? vastTime(e.startTimeInSeconds - ad.startTimeInSeconds) : undefined)));
  return (
    `<Ad id="${escapeXml(ad.adId)}" sequence="${sequence}"><InLine><AdSystem>${escapeXml(ad.adSystem)}</AdSystem><AdTitle>${escapeXml(ad.adTitle)}</AdTitle>${impressions.join('')}` +
    `<Creatives><Creative id="${escapeXml(ad.creativeId)}"><Linear><Duration>${vastTime(ad.durationInSeconds)}</Duration><TrackingEvents>${tracking.join('')}</TrackingEvents>` +
    `<MediaFiles>${ad.mediaFiles.mediaFilesList.map((m) => `<MediaFile delivery="${escapeXml(String(m.delivery))}" type="${escapeXml(m.mediaType)}" width="${m.width}" height="${m.height}">${cdata(m.mediaFileUri)}</MediaFile>`).join('')}</MediaFiles>` +
    `</Linear></Creative></Creatives></InLine></Ad>`
  );
}

export function primetimeVmap(t: Tracking): string {
  const breaks = t.avails.map((a) => {
    const tracking = a.adBreakTrackingEvents.flatMap((e) => e.beaconUrls.map((url) => ({ event: e.eventType, url })));
    return (
      `<vmap:AdBreak timeOffset="${vastTime(a.startTimeInSeconds)}" breakType="linear" breakId="${escapeXml(a.availId)}">` +
      `<vmap:AdSource id="${escapeXml(a.availId)}" allowMultipleAds="true" followRedirects="false"><vmap:VASTAdData><VAST version="3.0">${a.ads.map((ad, i) => inlineAd(ad, i + 1)).join('')}</VAST></vmap:VASTAdData></vmap:AdSource>` +
      vmapTrackingEvents(tracking, cdata) +
      '</vmap:AdBreak>'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${VMAP_OPEN}${breaks.join('')}${VMAP_CLOSE}\n`;
}
