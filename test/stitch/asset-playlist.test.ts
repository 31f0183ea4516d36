// An interstitial asset's media playlist: a complete VOD playlist of the ad's segments, fMP4 init once per change.
import { describe, expect, it } from 'vitest';
import { assetMediaPlaylist } from '../../src/main/stitch/hls/asset-playlist.js';

describe('assetMediaPlaylist', () => {
  it('TS: version 3, target duration rounded up, every segment, ENDLIST', () => {
    const text = assetMediaPlaylist([
      { uri: '/v1/segment/a/s/0/10/0/0.ts', duration: 2, offset: 0, discontinuity: true, adId: 'ad1' },
      { uri: '/v1/segment/a/s/0/10/0/1.ts', duration: 2.04, offset: 2, discontinuity: false, adId: 'ad1' },
    ]);
    expect(text).toBe(
      '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:3\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n' +
        '#EXTINF:2.000,\n/v1/segment/a/s/0/10/0/0.ts\n#EXTINF:2.040,\n/v1/segment/a/s/0/10/0/1.ts\n#EXT-X-ENDLIST\n',
    );
  });
  it('fMP4: version 7, the MAP once, byte ranges kept', () => {
    const seg = (k: number) => ({ uri: `/s/${k}.mp4`, duration: 2, offset: k * 2, discontinuity: k === 0, adId: 'ad1', map: 'http://ads/init.mp4', byterange: `100@${k * 100}` });
    const text = assetMediaPlaylist([seg(0), seg(1)]);
    expect(text).toContain('#EXT-X-VERSION:7\n');
    expect(text.match(/#EXT-X-MAP:URI="http:\/\/ads\/init.mp4"/g)).toHaveLength(1);
    expect(text).toContain('#EXT-X-BYTERANGE:100@100\n#EXTINF:2.000,\n/s/1.mp4\n');
  });
});
