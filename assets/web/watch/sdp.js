// Chromium refuses an offer whose audio carries RTX (webrtcbin offers it with NACK on every
// transceiver): it takes the retransmission SSRC for a second audio stream and fails the whole
// offer. The audio section loses its rtx payload types and their SSRCs; the answer then simply
// has none, which webrtcbin accepts. Video keeps its RTX.
export function withoutAudioRtx(sdp) {
  const sections = sdp.split(/\r\n(?=m=)/);
  return sections.map((section) => {
    if (section.indexOf('m=audio') !== 0) return section;
    const lines = section.split('\r\n');
    const rtx = [];
    const repairs = [];
    for (const l of lines) {
      const m = /^a=rtpmap:(\d+) rtx\//i.exec(l);
      if (m) rtx.push(m[1]);
      const g = /^a=ssrc-group:FID \d+ (\d+)/.exec(l);
      if (g) repairs.push(g[1]);
    }
    if (!rtx.length && !repairs.length) return section;
    return lines.filter((l) => {
      const pt = /^a=(?:rtpmap|fmtp|rtcp-fb):(\d+)[ ]/.exec(l);
      if (pt && rtx.includes(pt[1])) return false;
      if (/^a=ssrc-group:FID /.test(l)) return false;
      const ssrc = /^a=ssrc:(\d+) /.exec(l);
      return !(ssrc && repairs.includes(ssrc[1]));
    }).map((l) => {
      if (l.indexOf('m=audio') !== 0) return l;
      const f = l.split(' ');
      return f.slice(0, 3).concat(f.slice(3).filter((p) => !rtx.includes(p))).join(' ');
    }).join('\r\n');
  }).join('\r\n');
}
