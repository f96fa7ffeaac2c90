// The watch page (/watch). Works on the meeting room's network without internet; every text in
// Vietnamese and English, the browser's language picks one, the switch at the top changes it.
//
// What it does, in the order of the WebSocket protocol (PROTOCOL.md, "Watching in a browser"):
// the join link's token comes from the fragment (never sent to a server), is redeemed once
// with `enroll` for a device credential, which localStorage keeps so a reload (the token is
// spent by then) says `hello` with it again. A browser cannot pin the server's key: its user
// accepted the self-signed certificate, so the pin `p` is not used. Then `media.join`; the
// programme's offer arrives as a `media.signal` push and is answered by a receive-only
// RTCPeerConnection whose candidates go back by `media.signal`. A new offer (a restart of
// chamber-media, a rejoin) replaces the connection. A dropped WebSocket is opened again with
// back-off; a revoked device, a refused code and a code of another role stop.
//
// Not Live (client.js): enroll comes before hello here, and each refusal has its own message.
// Nothing the server sends becomes markup: texts are set with textContent.
import {lang, makeT, setLang} from '/web/common/client.js';
import {withoutAudioRtx} from '/web/watch/sdp.js';
import {TEXT} from '/web/watch/text.js';

const t = makeT(TEXT);
const STORE = 'chamber.watch';
const params = new URLSearchParams(location.hash.slice(1));
const token = params.get('t') || '';
let device = load();
let state = 'connecting';
let stopKey = null;
let stopCode = '';
let ws = null;
let serial = 0;
let pending = {};
let backoff = 500;
let reconnectTimer = null;
let pingTimer = null;
let pc = null;
let peer = null;
let queue = Promise.resolve();
let stream = null;
let joinTimer = null;
let mediaState = 'running';
let floor = null;
let idleTimer = null;
const video = document.getElementById('video');
const $ = (id) => document.getElementById(id);

// As the page had them when it was inline: the browser tests (and DevTools) read its state
// from the window.
Object.defineProperties(window, {
  TEXT: {value: TEXT},
  lang: {get: () => lang()},
  video: {value: video},
  pc: {get: () => pc},
  ws: {get: () => ws},
  peer: {get: () => peer},
});

function load() {
  try { return JSON.parse(localStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
}
function save(d) {
  device = d;
  try { localStorage.setItem(STORE, JSON.stringify(d)); } catch (e) { /* this page only */ }
}

function render() {
  const current = lang();
  document.documentElement.lang = current;
  document.body.dataset.state = stopKey ? 'stopped' : state;
  document.body.classList.toggle('live', state === 'live' && !stopKey);
  document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll('#lang button').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.lang === current));
  });
  const status = state === 'live' && floor ? `${t('live')} · ${t('onAir')}` : t(state);
  $('status').textContent = stopKey ? t('stopTitle') : status;
  $('wait').textContent = stopKey || state === 'live' ? '' : t(state);
  $('sound').hidden = !stream || !!stopKey;
  $('sound').textContent = video.muted ? t('soundOn') : t('soundOff');
  $('message').hidden = !stopKey;
  if (stopKey) {
    $('msgtitle').textContent = t('stopTitle');
    $('msgtext').textContent = t(stopKey, {code: stopCode});
    // Trying again helps when the server failed, not with a refused or revoked code.
    $('retry').hidden = stopKey !== 'failed' && stopKey !== 'elsewhere';
    $('retry').textContent = t(stopKey === 'elsewhere' ? 'watchHere' : 'retry');
  }
}
function setState(s) {
  // The first picture after opening the page, for the browser's performance timeline.
  if (s === 'live' && state !== 'live' && !performance.getEntriesByName('chamber-live').length)
    performance.mark('chamber-live');
  state = s;
  render();
}
// Ends the session for good (until the user acts): nothing reconnects.
function stop(key, code) {
  stopKey = key;
  stopCode = code || '';
  closePeer();
  clearTimeout(reconnectTimer);
  clearTimeout(joinTimer);
  if (ws) { ws.onclose = null; ws.close(); ws = null; }
  render();
}

function nextId() { return `w${Date.now().toString(36)}-${++serial}`; }
function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}
function request(type, fields) {
  const message = {type, id: nextId(), ...(fields || {})};
  return new Promise((resolve) => {
    pending[message.id] = resolve;
    send(message);
  });
}

function connect() {
  clearTimeout(reconnectTimer);
  if (!device && !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return stop('noToken');
  if (!device && params.get('v') !== '1') return stop('badLink');
  const socket = new WebSocket(`${location.protocol === 'http:' ? 'ws://' : 'wss://'}${location.host}/ws`);
  ws = socket;
  pending = {};
  socket.onopen = () => { if (socket === ws) start(); };
  socket.onmessage = (e) => { if (socket === ws) receive(e.data); };
  socket.onclose = () => { if (socket === ws) dropped(); };
}
function dropped() {
  ws = null;
  clearInterval(pingTimer);
  closePeer();
  if (stopKey) return;
  setState('reconnecting');
  reconnectTimer = setTimeout(connect, backoff);
  backoff = Math.min(backoff * 2, 10000);
}

async function start() {
  if (!device) {
    const enrolled = await request('enroll', {token, name: 'browser',
      platform: (navigator.userAgent || '').slice(0, 100)});
    if (enrolled.type !== 'ok')
      return enrolled.code === 'unauthenticated' ? stop('badLink') : stop('failed', enrolled.code);
    const r = enrolled.result;
    save({token, device: r.device, credential: r.credential, meeting: r.meeting, role: r.role});
  }
  const hello = await request('hello', {protocol: 1, credential: device.credential, client: 'chamber-watch/1'});
  if (hello.type !== 'ok')
    return hello.code === 'unauthenticated' ? stop('revoked') : stop('failed', hello.code);
  backoff = 500;
  clearInterval(pingTimer);
  pingTimer = setInterval(ping, 20000);
  join();
}
// A connection that silently died (Wi-Fi gone) sends no close: no answer within 10 s is one.
function ping() {
  const socket = ws;
  let answered = false;
  request('ping').then(() => { answered = true; });
  setTimeout(() => { if (!answered && socket === ws && socket) socket.close(); }, 10000);
}
async function join() {
  clearTimeout(joinTimer);
  if (!pc) setState('waiting');
  const joined = await request('media.join', {meeting: device.meeting});
  if (joined.type !== 'ok') {
    if (joined.code === 'forbidden') return stop('forbidden');
    if (joined.code === 'unauthenticated') return stop('revoked');
    if (joined.code === 'unavailable') { setState('unavailable'); return rejoinLater(5000); }
    return stop('failed', joined.code);
  }
  peer = (joined.result && joined.result.peer) || peer;
  if (joined.result && joined.result.state) media(joined.result.state);
}
function rejoinLater(ms) {
  clearTimeout(joinTimer);
  joinTimer = setTimeout(() => { if (ws && !stopKey) join(); }, ms);
}
function media(s) {
  mediaState = s;
  if (s === 'running') { if (state !== 'live') setState('waiting'); } else {
    closePeer();
    setState(s === 'restarting' ? 'restarting' : 'unavailable');
  }
}

function receive(text) {
  let message;
  try { message = JSON.parse(text); } catch (e) { return; }
  if (message.id && pending[message.id]) {
    const resolve = pending[message.id];
    delete pending[message.id];
    resolve(message);
    return;
  }
  if (message.type === 'bye') {
    if (message.reason === 'revoked' || message.reason === 'unauthenticated') stop('revoked');
    return;
  }
  if (message.type === 'media.status') { media(message.state); return; }
  if (message.type === 'media.floor') { floor = message.peer || null; render(); return; }
  if (message.type === 'media.signal' && message.signal) signal(message.signal);
}

function signal(s) {
  if (s.type === 'offer') { offer(s); return; }
  if (s.peer !== peer) return;
  if (s.type === 'candidate') {
    const connection = pc;
    queue = queue.then(() => {
      if (connection && connection === pc)
        return connection.addIceCandidate({candidate: s.candidate, sdpMLineIndex: s.mline});
      return undefined;
    }).catch((e) => console.warn(`candidate refused: ${e}`));
  } else if (s.type === 'peer-state') {
    if (s.state === 'failed') { closePeer(); setState('reconnecting'); rejoinLater(1000); }
  } else if (s.type === 'peer-removed' || s.type === 'error') {
    // chamber-media gave up on this connection (or the device was taken out): ask again.
    closePeer();
    if (!stopKey && mediaState === 'running') { setState('waiting'); rejoinLater(1000); }
  }
}

// A fresh programme offer: whatever connection there was is replaced.
function offer(s) {
  clearTimeout(joinTimer); // chamberd offered again by itself: no need to ask
  closePeer();
  peer = s.peer;
  const connection = new RTCPeerConnection({iceServers: [], bundlePolicy: 'max-bundle'});
  pc = connection;
  stream = new MediaStream();
  connection.ontrack = (e) => {
    if (connection !== pc) return;
    stream.addTrack(e.track);
    if (video.srcObject !== stream) video.srcObject = stream;
    play();
    render();
  };
  // Candidates go after the answer (chamber-media can only use them with it), in order.
  let early = [];
  const sendCandidate = (c) => {
    send({type: 'media.signal', id: nextId(), meeting: device.meeting, signal: {type: 'candidate',
      peer, mline: c.sdpMLineIndex || 0, candidate: c.candidate}});
  };
  connection.onicecandidate = (e) => {
    if (connection !== pc || !e.candidate || !e.candidate.candidate) return;
    if (early) early.push(e.candidate); else sendCandidate(e.candidate);
  };
  connection.onconnectionstatechange = () => {
    if (connection !== pc) return;
    const c = connection.connectionState;
    if (c === 'connected') liveIfPlaying();
    else if (c === 'disconnected') setState('reconnecting');
    else if (c === 'failed') { closePeer(); setState('reconnecting'); rejoinLater(1000); }
  };
  queue = queue.then(async () => {
    await connection.setRemoteDescription({type: 'offer', sdp: withoutAudioRtx(s.sdp)});
    await connection.setLocalDescription(await connection.createAnswer());
    if (connection !== pc) return;
    send({type: 'media.signal', id: nextId(), meeting: device.meeting,
      signal: {type: 'answer', peer, sdp: connection.localDescription.sdp}});
    early.forEach(sendCandidate);
    early = null;
  }).catch((e) => {
    console.warn(`offer refused: ${e}`);
    if (connection === pc) { closePeer(); rejoinLater(2000); }
  });
  if (state !== 'restarting') setState('waiting');
}
function closePeer() {
  if (pc) { pc.ontrack = pc.onicecandidate = pc.onconnectionstatechange = null; pc.close(); }
  pc = null;
  if (stream) stream.getTracks().forEach((track) => track.stop());
  stream = null;
  video.srcObject = null;
}
// With sound, a browser plays only after the user touched the page; refused, the picture goes
// on muted and the sound button stays.
function play() {
  video.play().catch((e) => {
    if (e.name !== 'NotAllowedError' || video.muted) return;
    video.muted = true;
    render();
    video.play().catch(() => {});
  });
}
function liveIfPlaying() {
  if (pc && pc.connectionState === 'connected' && video.readyState >= 2 && !video.paused) setState('live');
}
video.addEventListener('playing', liveIfPlaying);
video.addEventListener('loadeddata', liveIfPlaying);

$('sound').addEventListener('click', () => {
  video.muted = !video.muted;
  play();
  render();
});
$('retry').addEventListener('click', () => {
  stopKey = null;
  setState('connecting');
  if (!device) device = load();
  claim();
  connect();
});
// One tab per browser watches: the tabs share the device credential, hence its one programme
// connection, and two would take it from each other in turn. The newest tab wins; the others
// stop and offer to take it back.
const tab = Math.random().toString(36).slice(2);
let tabs = null;
try { tabs = new BroadcastChannel(STORE); } catch (e) { /* an old browser: no second-tab check */ }
function claim() { if (tabs) tabs.postMessage({type: 'watching', tab}); }
if (tabs) {
  tabs.onmessage = (e) => {
    if (e.data && e.data.type === 'watching' && e.data.tab !== tab && !stopKey) stop('elsewhere');
  };
}
document.querySelectorAll('#lang button').forEach((b) => {
  b.addEventListener('click', () => setLang(b.dataset.lang));
});
window.addEventListener('chamber-lang', render);
// While the programme plays, the bar fades after a few seconds; a touch or a move shows it.
function awake() {
  document.body.classList.remove('idle');
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => document.body.classList.add('idle'), 4000);
}
['mousemove', 'touchstart', 'keydown'].forEach((e) => document.addEventListener(e, awake, {passive: true}));
video.addEventListener('dblclick', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => {});
});
// Another bridge QR code opened while this page is open: start again with its token.
window.addEventListener('hashchange', () => location.reload());
// A code that is not the one this browser enrolled with is redeemed afresh.
if (device && token && device.token !== token) device = null;
awake();
render();
claim();
connect();
