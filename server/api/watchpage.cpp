// The watch page, served at /watch. Self-contained (inline CSS and script, nothing loaded from
// elsewhere) so it works on the meeting room's network without internet. Every text is in
// Vietnamese and English; the browser's language picks one, the switch at the top changes it.
//
// What the script does, in the order of the WebSocket protocol (PROTOCOL.md, "Watching in a
// browser"): the join link's token comes from the fragment (never sent to a server), is
// redeemed once with `enroll` for a device credential, which localStorage keeps so a reload
// (the token is spent by then) says `hello` with it again. A browser cannot pin the server's
// key: its user accepted the self-signed certificate, so the pin `p` is not used. Then
// `media.join`; the programme's offer arrives as a `media.signal` push and is answered by a
// receive-only RTCPeerConnection whose candidates go back by `media.signal`. A new offer (a
// restart of chamber-media, a rejoin) replaces the connection. A dropped WebSocket is opened
// again with back-off; a revoked device, a refused code and a code of another role stop.
//
// Nothing the server sends becomes markup: texts are set with textContent.
#include "api/watchpage.h"

namespace chamber::api {

const char kWatchPage[] = R"HTML(<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="dark">
<title>Chamber</title>
<style>
*{box-sizing:border-box}
html,body{height:100%}
body{margin:0;overflow:hidden;background:#000;color:#fff;
font-family:"Noto Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:16px;line-height:1.45}
button{font:inherit;color:inherit;cursor:pointer}
[hidden]{display:none!important}
#video{position:fixed;inset:0;width:100%;height:100%;object-fit:contain;background:#000}
header{position:fixed;top:0;left:0;right:0;z-index:2;display:flex;align-items:center;gap:.6rem;
padding:.5rem .8rem;padding-top:max(.5rem,env(safe-area-inset-top));
background:linear-gradient(rgba(0,0,0,.7),rgba(0,0,0,0));transition:opacity .4s}
body.live.idle header{opacity:0}
#badge{flex:none;padding:.1rem .6rem;border-radius:1rem;font-size:.8rem;font-weight:700;
background:#5a6877;letter-spacing:.02em}
body.live #badge{background:#c62828}
#status{flex:1;min-width:0;font-size:.9rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#sound{flex:none;border:0;border-radius:.5rem;padding:.35rem .8rem;background:#fff;color:#17324d;font-weight:700}
#lang{display:flex;border:1px solid rgba(255,255,255,.6);border-radius:.5rem;overflow:hidden;flex:none}
#lang button{border:0;background:transparent;color:#fff;padding:.3rem .55rem;font-size:.85rem;min-width:2.5rem}
#lang button[aria-pressed=true]{background:#fff;color:#17324d;font-weight:700}
#wait{position:fixed;left:0;right:0;top:45%;z-index:1;text-align:center;margin:0;padding:0 1rem;
font-size:1.05rem;color:#d5dce4}
#message{position:fixed;z-index:3;left:50%;top:50%;transform:translate(-50%,-50%);width:min(32rem,calc(100% - 2rem));
padding:1.25rem;border-radius:.75rem;background:#fff;color:#1d2733;text-align:center}
#message h2{margin:0 0 .5rem;font-size:1.1rem;color:#a11d1d}
#message p{margin:0 0 1rem}
#message button{border:0;border-radius:.6rem;padding:.6rem 1.2rem;background:#17324d;color:#fff;font-weight:600}
</style></head>
<body data-state="connecting">
<video id="video" autoplay playsinline muted></video>
<header><span id="badge" data-t="badge"></span><span id="status" role="status" aria-live="polite"></span>
<button type="button" id="sound" hidden></button>
<div id="lang" role="group" aria-label="Ngôn ngữ / Language"><button type="button" data-lang="vi" lang="vi">VI</button><button type="button" data-lang="en" lang="en">EN</button></div></header>
<p id="wait"></p>
<noscript><p>Trang này cần JavaScript: hãy bật JavaScript trong trình duyệt.</p>
<p lang="en">This page needs JavaScript: turn it on in the browser.</p></noscript>
<section id="message" hidden><h2 id="msgtitle"></h2><p id="msgtext"></p><button type="button" id="retry" data-t="retry"></button></section>
<script>
"use strict";
var TEXT = {
  vi: {
    badge: "CHAMBER", live: "Trực tiếp", connecting: "Đang kết nối với phòng họp…",
    waiting: "Đang chờ hình ảnh từ phòng họp…", reconnecting: "Mất kết nối, đang kết nối lại…",
    restarting: "Máy phát hình của phòng họp đang khởi động lại…",
    unavailable: "Phòng họp hiện không phát hình (chamber-media không chạy). Trang sẽ tự kết nối lại khi có hình.",
    soundOn: "Bật tiếng", soundOff: "Tắt tiếng", retry: "Thử lại",
    stopTitle: "Không xem được buổi họp", onAir: "Điểm cầu đang phát biểu",
    noToken: "Liên kết thiếu mã truy cập. Hãy quét lại mã QR của điểm cầu.",
    badLink: "Mã QR này không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy xin thư ký mã QR mới cho điểm cầu.",
    forbidden: "Mã QR này không dùng để xem trực tiếp. Chỉ mã QR của điểm cầu mới xem được buổi họp.",
    revoked: "Thiết bị này đã bị thu hồi quyền xem. Hãy xin thư ký mã QR mới.",
    failed: "Máy chủ không thực hiện được yêu cầu ({code}). Hãy thử lại.",
    elsewhere: "Buổi họp đang được xem ở một thẻ khác của trình duyệt này.", watchHere: "Xem ở đây"
  },
  en: {
    badge: "CHAMBER", live: "Live", connecting: "Connecting to the meeting room…",
    waiting: "Waiting for the picture from the meeting room…", reconnecting: "Connection lost, reconnecting…",
    restarting: "The meeting room's video is restarting…",
    unavailable: "The meeting room's video is unavailable (chamber-media is not running). The page reconnects by itself once it is back.",
    soundOn: "Turn sound on", soundOff: "Mute", retry: "Try again",
    stopTitle: "The meeting cannot be watched", onAir: "A bridge point has the floor",
    noToken: "The link has no access code. Scan the bridge point's QR code again.",
    badLink: "This QR code is not valid, was already used or has expired. Ask the secretary for a new bridge QR code.",
    forbidden: "This QR code is not for watching. Only a bridge point's QR code can watch the meeting.",
    revoked: "This device's access was revoked. Ask the secretary for a new QR code.",
    failed: "The server could not do that ({code}). Try again.",
    elsewhere: "The meeting is being watched in another tab of this browser.", watchHere: "Watch here"
  }
};
var STORE = "chamber.watch";
var lang = (navigator.language || "vi").toLowerCase().indexOf("vi") === 0 ? "vi" : "en";
try { lang = TEXT[localStorage.getItem(STORE + ".lang")] ? localStorage.getItem(STORE + ".lang") : lang; } catch (e) {}
var params = new URLSearchParams(location.hash.slice(1));
var token = params.get("t") || "";
var device = load();
var state = "connecting", stopKey = null, stopCode = "";
var ws = null, serial = 0, pending = {}, backoff = 500, reconnectTimer = null, pingTimer = null;
var pc = null, peer = null, queue = Promise.resolve(), stream = null, joinTimer = null;
var mediaState = "running", floor = null, idleTimer = null;
var video = document.getElementById("video");
var $ = function (id) { return document.getElementById(id); };

function t(key, values) {
  var s = TEXT[lang][key] || key;
  for (var k in values || {}) s = s.split("{" + k + "}").join(values[k]);
  return s;
}
function load() {
  try { return JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { return null; }
}
function save(d) {
  device = d;
  try { localStorage.setItem(STORE, JSON.stringify(d)); } catch (e) {}
}

function render() {
  document.documentElement.lang = lang;
  document.body.dataset.state = stopKey ? "stopped" : state;
  document.body.classList.toggle("live", state === "live" && !stopKey);
  document.querySelectorAll("[data-t]").forEach(function (e) { e.textContent = t(e.dataset.t); });
  document.querySelectorAll("#lang button").forEach(function (b) {
    b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  });
  var status = state === "live" && floor ? t("live") + " · " + t("onAir") : t(state);
  $("status").textContent = stopKey ? t("stopTitle") : status;
  $("wait").textContent = stopKey || state === "live" ? "" : t(state);
  $("sound").hidden = !stream || !!stopKey;
  $("sound").textContent = video.muted ? t("soundOn") : t("soundOff");
  $("message").hidden = !stopKey;
  if (stopKey) {
    $("msgtitle").textContent = t("stopTitle");
    $("msgtext").textContent = t(stopKey, {code: stopCode});
    // Trying again helps when the server failed, not with a refused or revoked code.
    $("retry").hidden = stopKey !== "failed" && stopKey !== "elsewhere";
    $("retry").textContent = t(stopKey === "elsewhere" ? "watchHere" : "retry");
  }
}
function setState(s) {
  // The first picture after opening the page, for the browser's performance timeline.
  if (s === "live" && state !== "live" && !performance.getEntriesByName("chamber-live").length)
    performance.mark("chamber-live");
  state = s;
  render();
}
// Ends the session for good (until the user acts): nothing reconnects.
function stop(key, code) {
  stopKey = key;
  stopCode = code || "";
  closePeer();
  clearTimeout(reconnectTimer);
  clearTimeout(joinTimer);
  if (ws) { ws.onclose = null; ws.close(); ws = null; }
  render();
}

function nextId() { return "w" + Date.now().toString(36) + "-" + (++serial); }
function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}
function request(type, fields) {
  var message = Object.assign({type: type, id: nextId()}, fields || {});
  return new Promise(function (resolve) {
    pending[message.id] = resolve;
    send(message);
  });
}

function connect() {
  clearTimeout(reconnectTimer);
  if (!device && !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return stop("noToken");
  if (!device && params.get("v") !== "1") return stop("badLink");
  var socket = new WebSocket((location.protocol === "http:" ? "ws://" : "wss://") + location.host + "/ws");
  ws = socket;
  pending = {};
  socket.onopen = function () { if (socket === ws) start(); };
  socket.onmessage = function (e) { if (socket === ws) receive(e.data); };
  socket.onclose = function () { if (socket === ws) dropped(); };
}
function dropped() {
  ws = null;
  clearInterval(pingTimer);
  closePeer();
  if (stopKey) return;
  setState("reconnecting");
  reconnectTimer = setTimeout(connect, backoff);
  backoff = Math.min(backoff * 2, 10000);
}

async function start() {
  if (!device) {
    var enrolled = await request("enroll", {token: token, name: "browser",
      platform: (navigator.userAgent || "").slice(0, 100)});
    if (enrolled.type !== "ok")
      return enrolled.code === "unauthenticated" ? stop("badLink") : stop("failed", enrolled.code);
    var r = enrolled.result;
    save({token: token, device: r.device, credential: r.credential, meeting: r.meeting, role: r.role});
  }
  var hello = await request("hello", {protocol: 1, credential: device.credential, client: "chamber-watch/1"});
  if (hello.type !== "ok")
    return hello.code === "unauthenticated" ? stop("revoked") : stop("failed", hello.code);
  backoff = 500;
  clearInterval(pingTimer);
  pingTimer = setInterval(ping, 20000);
  join();
}
// A connection that silently died (Wi-Fi gone) sends no close: no answer within 10 s is one.
function ping() {
  var socket = ws, answered = false;
  request("ping").then(function () { answered = true; });
  setTimeout(function () { if (!answered && socket === ws && socket) socket.close(); }, 10000);
}
async function join() {
  clearTimeout(joinTimer);
  if (!pc) setState("waiting");
  var joined = await request("media.join", {meeting: device.meeting});
  if (joined.type !== "ok") {
    if (joined.code === "forbidden") return stop("forbidden");
    if (joined.code === "unauthenticated") return stop("revoked");
    if (joined.code === "unavailable") { setState("unavailable"); return rejoinLater(5000); }
    return stop("failed", joined.code);
  }
  peer = joined.result && joined.result.peer || peer;
  if (joined.result && joined.result.state) media(joined.result.state);
}
function rejoinLater(ms) {
  clearTimeout(joinTimer);
  joinTimer = setTimeout(function () { if (ws && !stopKey) join(); }, ms);
}
function media(s) {
  mediaState = s;
  if (s === "running") { if (state !== "live") setState("waiting"); }
  else { closePeer(); setState(s === "restarting" ? "restarting" : "unavailable"); }
}

function receive(text) {
  var message;
  try { message = JSON.parse(text); } catch (e) { return; }
  if (message.id && pending[message.id]) {
    var resolve = pending[message.id];
    delete pending[message.id];
    return resolve(message);
  }
  if (message.type === "bye") {
    if (message.reason === "revoked" || message.reason === "unauthenticated") stop("revoked");
    return;
  }
  if (message.type === "media.status") return media(message.state);
  if (message.type === "media.floor") { floor = message.peer || null; return render(); }
  if (message.type === "media.signal" && message.signal) signal(message.signal);
}

function signal(s) {
  if (s.type === "offer") return offer(s);
  if (s.peer !== peer) return;
  if (s.type === "candidate") {
    var connection = pc;
    queue = queue.then(function () {
      if (connection && connection === pc)
        return connection.addIceCandidate({candidate: s.candidate, sdpMLineIndex: s.mline});
    }).catch(function (e) { console.warn("candidate refused: " + e); });
  } else if (s.type === "peer-state") {
    if (s.state === "failed") { closePeer(); setState("reconnecting"); rejoinLater(1000); }
  } else if (s.type === "peer-removed" || s.type === "error") {
    // chamber-media gave up on this connection (or the device was taken out): ask again.
    closePeer();
    if (!stopKey && mediaState === "running") { setState("waiting"); rejoinLater(1000); }
  }
}

// Chromium refuses an offer whose audio carries RTX (webrtcbin offers it with NACK on every
// transceiver): it takes the retransmission SSRC for a second audio stream and fails the whole
// offer. The audio section loses its rtx payload types and their SSRCs; the answer then simply
// has none, which webrtcbin accepts. Video keeps its RTX.
function withoutAudioRtx(sdp) {
  var sections = sdp.split(/\r\n(?=m=)/);
  return sections.map(function (section) {
    if (section.indexOf("m=audio") !== 0) return section;
    var lines = section.split("\r\n"), rtx = [], repairs = [];
    lines.forEach(function (l) {
      var m = /^a=rtpmap:(\d+) rtx\//i.exec(l);
      if (m) rtx.push(m[1]);
      var g = /^a=ssrc-group:FID \d+ (\d+)/.exec(l);
      if (g) repairs.push(g[1]);
    });
    if (!rtx.length && !repairs.length) return section;
    return lines.filter(function (l) {
      var pt = /^a=(?:rtpmap|fmtp|rtcp-fb):(\d+)[ ]/.exec(l);
      if (pt && rtx.indexOf(pt[1]) >= 0) return false;
      if (/^a=ssrc-group:FID /.test(l)) return false;
      var ssrc = /^a=ssrc:(\d+) /.exec(l);
      return !(ssrc && repairs.indexOf(ssrc[1]) >= 0);
    }).map(function (l) {
      if (l.indexOf("m=audio") !== 0) return l;
      var f = l.split(" ");
      return f.slice(0, 3).concat(f.slice(3).filter(function (p) { return rtx.indexOf(p) < 0; })).join(" ");
    }).join("\r\n");
  }).join("\r\n");
}

// A fresh programme offer: whatever connection there was is replaced.
function offer(s) {
  clearTimeout(joinTimer); // chamberd offered again by itself: no need to ask
  closePeer();
  peer = s.peer;
  var connection = new RTCPeerConnection({iceServers: [], bundlePolicy: "max-bundle"});
  pc = connection;
  stream = new MediaStream();
  connection.ontrack = function (e) {
    if (connection !== pc) return;
    stream.addTrack(e.track);
    if (video.srcObject !== stream) video.srcObject = stream;
    play();
    render();
  };
  // Candidates go after the answer (chamber-media can only use them with it), in order.
  var early = [];
  function sendCandidate(c) {
    send({type: "media.signal", id: nextId(), meeting: device.meeting, signal: {type: "candidate",
      peer: peer, mline: c.sdpMLineIndex || 0, candidate: c.candidate}});
  }
  connection.onicecandidate = function (e) {
    if (connection !== pc || !e.candidate || !e.candidate.candidate) return;
    if (early) early.push(e.candidate); else sendCandidate(e.candidate);
  };
  connection.onconnectionstatechange = function () {
    if (connection !== pc) return;
    var c = connection.connectionState;
    if (c === "connected") liveIfPlaying();
    else if (c === "disconnected") setState("reconnecting");
    else if (c === "failed") { closePeer(); setState("reconnecting"); rejoinLater(1000); }
  };
  queue = queue.then(async function () {
    await connection.setRemoteDescription({type: "offer", sdp: withoutAudioRtx(s.sdp)});
    await connection.setLocalDescription(await connection.createAnswer());
    if (connection !== pc) return;
    send({type: "media.signal", id: nextId(), meeting: device.meeting,
      signal: {type: "answer", peer: peer, sdp: connection.localDescription.sdp}});
    early.forEach(sendCandidate);
    early = null;
  }).catch(function (e) {
    console.warn("offer refused: " + e);
    if (connection === pc) { closePeer(); rejoinLater(2000); }
  });
  if (state !== "restarting") setState("waiting");
}
function closePeer() {
  if (pc) { pc.ontrack = pc.onicecandidate = pc.onconnectionstatechange = null; pc.close(); }
  pc = null;
  if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
  stream = null;
  video.srcObject = null;
}
// With sound, a browser plays only after the user touched the page; refused, the picture goes
// on muted and the sound button stays.
function play() {
  video.play().catch(function (e) {
    if (e.name !== "NotAllowedError" || video.muted) return;
    video.muted = true;
    render();
    video.play().catch(function () {});
  });
}
function liveIfPlaying() {
  if (pc && pc.connectionState === "connected" && video.readyState >= 2 && !video.paused) setState("live");
}
video.addEventListener("playing", liveIfPlaying);
video.addEventListener("loadeddata", liveIfPlaying);

$("sound").addEventListener("click", function () {
  video.muted = !video.muted;
  play();
  render();
});
$("retry").addEventListener("click", function () {
  stopKey = null;
  setState("connecting");
  if (!device) device = load();
  claim();
  connect();
});
// One tab per browser watches: the tabs share the device credential, hence its one programme
// connection, and two would take it from each other in turn. The newest tab wins; the others
// stop and offer to take it back.
var tab = Math.random().toString(36).slice(2), tabs = null;
try { tabs = new BroadcastChannel(STORE); } catch (e) {}
function claim() { if (tabs) tabs.postMessage({type: "watching", tab: tab}); }
if (tabs) tabs.onmessage = function (e) {
  if (e.data && e.data.type === "watching" && e.data.tab !== tab && !stopKey) stop("elsewhere");
};
document.querySelectorAll("#lang button").forEach(function (b) {
  b.addEventListener("click", function () {
    lang = b.dataset.lang;
    try { localStorage.setItem(STORE + ".lang", lang); } catch (e) {}
    render();
  });
});
// While the programme plays, the bar fades after a few seconds; a touch or a move shows it.
function awake() {
  document.body.classList.remove("idle");
  clearTimeout(idleTimer);
  idleTimer = setTimeout(function () { document.body.classList.add("idle"); }, 4000);
}
["mousemove", "touchstart", "keydown"].forEach(function (e) { document.addEventListener(e, awake, {passive: true}); });
video.addEventListener("dblclick", function () {
  if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen().catch(function () {});
});
// Another bridge QR code opened while this page is open: start again with its token.
window.addEventListener("hashchange", function () { location.reload(); });
// A code that is not the one this browser enrolled with is redeemed afresh.
if (device && token && device.token !== token) device = null;
awake();
render();
claim();
connect();
</script>
</body></html>
)HTML";

HttpReply watchPageReply()
{
    HttpReply reply;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = QByteArray(kWatchPage);
    // The inline script and style only; connections to this server only (the WebSocket); the
    // page receives, so camera and microphone are refused outright.
    reply.headers = {{"Content-Security-Policy",
                         "default-src 'none'; script-src 'unsafe-inline'; style-src "
                         "'unsafe-inline'; connect-src 'self'; media-src 'self' blob:; base-uri "
                         "'none'; form-action 'none'; frame-ancestors 'none'"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
        {"X-Frame-Options", "DENY"}, {"Referrer-Policy", "no-referrer"}};
    return reply;
}

} // namespace chamber::api
