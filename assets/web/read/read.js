// The phone reader (/read). Works on the meeting room's network without internet, in Chromium,
// mobile Safari and Firefox; every text in Vietnamese and English, the phone's language picks
// one and the switch at the top changes it (for this page only: the next link opens in the
// phone's language again).
//
// The token comes from the link's fragment (#t=…), which the browser never sends; it goes as
// "Authorization: Bearer" to /reader/api. Everything the server sends becomes text (el()), so
// a document title can never become markup.
import {el, lang as preferredLang, makeT} from '/web/common/client.js';
import {TEXT} from '/web/read/text.js';

let language = preferredLang();
const t = makeT(TEXT, () => language);
const token = new URLSearchParams(location.hash.slice(1)).get('t') || '';
// As the page had it when it was inline: the browser tests (and DevTools) read it here.
window.token = token;
let meeting = null;
let problem = null;
let doc = null;
let pageNo = 1;
let pageUrl = null;
let pageSerial = 0;
const $ = (id) => document.getElementById(id);

function size(bytes) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
  return `${i ? bytes.toLocaleString(language, {maximumFractionDigits: 1}) : bytes} ${units[i]}`;
}
function when(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso
    : d.toLocaleString(language, {hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'numeric'});
}
function show(which) {
  ['loading', 'list', 'viewer', 'message'].forEach((id) => { $(id).hidden = id !== which; });
  // Reading a page, the page gets the room: the header keeps only the meeting's title.
  document.body.classList.toggle('viewing', which === 'viewer');
}
function api(path) {
  return fetch(path, {headers: {Authorization: `Bearer ${token}`}, cache: 'default'});
}
function fail(key, status) { problem = {key, status}; render(); }
async function failFrom(response) {
  let reason = 'failed';
  try {
    const body = await response.json();
    const d = (body.details || [])[0];
    if (response.status === 401) reason = d && TEXT.en[d.reason] ? d.reason : 'unknown';
  } catch (e) { /* no JSON: "failed" */ }
  fail(reason, response.status);
}

async function load() {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return fail('noToken');
  try {
    const response = await api('/reader/api/meeting');
    if (!response.ok) return failFrom(response);
    meeting = await response.json();
    problem = null;
    render();
  } catch (e) { fail('network'); }
}

function render() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll('#lang button').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.lang === language));
  });
  if (problem) {
    $('title').textContent = 'Chamber';
    $('who').textContent = '';
    $('msgtitle').textContent = t('errorTitle');
    $('msgtext').textContent = t(problem.key, {status: problem.status});
    // Trying again helps when the network or the server failed, not with a bad link.
    $('retry').hidden = problem.key !== 'network' && problem.key !== 'failed';
    return show('message');
  }
  if (!meeting) return show('loading');
  $('title').textContent = meeting.meeting.title;
  $('who').textContent = t('delegate', {name: meeting.delegate.name, time: when(meeting.expiresAt)});
  renderList();
  if (doc) { renderViewer(); show('viewer'); } else show('list');
}

function renderList() {
  const list = $('list');
  const live = meeting.presenting;
  list.replaceChildren();
  if (!meeting.items.length) list.append(el('p', {class: 'empty'}, t('noDocs')));
  for (const item of meeting.items) {
    const section = el('section', {class: 'item'},
      el('h2', {}, el('span', {class: 'num'}, item.number), ` ${item.title}`,
        item.current ? el('span', {class: 'tag'}, t('current')) : null));
    for (const d of item.documents) {
      const shown = !!live && live.sha256 === d.sha256;
      section.append(el('button', {type: 'button', class: ['doc', shown && 'live'],
        'data-sha256': d.sha256, onClick: () => open(d, shown ? live.page : 1, true)},
      el('span', {class: 't'}, d.title),
      el('span', {class: 'm'}, `${t('pages', {n: d.pages})} · ${size(d.bytes)}`),
      shown ? el('span', {class: 'live-tag'}, t('presenting', {p: live.page})) : null));
    }
    list.append(section);
  }
}

function open(d, page, push) {
  doc = d;
  pageNo = Math.min(Math.max(1, page), d.pages);
  if (push) history.pushState({sha256: d.sha256, page: pageNo}, '', location.href);
  render();
  window.scrollTo(0, 0);
  loadPage();
}
function close() { doc = null; render(); }

function pageLabel() { return `${doc.title} – ${t('pageOf', {p: pageNo, n: doc.pages})}`; }
function renderViewer() {
  $('doctitle').textContent = doc.title;
  $('pageno').textContent = t('pageOf', {p: pageNo, n: doc.pages});
  $('prev').disabled = pageNo <= 1;
  $('next').disabled = pageNo >= doc.pages;
  $('download').textContent = t('download', {size: size(doc.bytes)});
}
function pageWidth() {
  const css = Math.min(document.documentElement.clientWidth || 400, 1200);
  return Math.min(2000, Math.round(css * (window.devicePixelRatio || 1)));
}
function pagePath(n) {
  return `/reader/api/docs/${doc.sha256}/pages/${n}?width=${pageWidth()}`;
}
async function loadPage() {
  const serial = ++pageSerial;
  const img = $('page');
  $('pagestate').textContent = t('pageLoading');
  img.style.visibility = 'hidden';
  try {
    const response = await api(pagePath(pageNo));
    if (serial !== pageSerial) return;
    if (response.status === 401) return failFrom(response);
    if (!response.ok) throw new Error(String(response.status));
    const blob = await response.blob();
    if (serial !== pageSerial) return;
    if (pageUrl) URL.revokeObjectURL(pageUrl);
    pageUrl = URL.createObjectURL(blob);
    img.onload = () => { img.style.visibility = 'visible'; $('pagestate').textContent = ''; };
    img.onerror = () => { $('pagestate').textContent = t('pageError'); };
    img.alt = pageLabel();
    img.src = pageUrl;
    if (pageNo < doc.pages) api(pagePath(pageNo + 1)).catch(() => {}); // warm the cache
  } catch (e) {
    if (serial === pageSerial) $('pagestate').textContent = t('pageError');
  }
}
function turn(delta) {
  const next = pageNo + delta;
  if (!doc || next < 1 || next > doc.pages) return;
  pageNo = next;
  history.replaceState({sha256: doc.sha256, page: pageNo}, '', location.href);
  renderViewer();
  loadPage();
}

async function download(event) {
  event.preventDefault();
  const link = $('download');
  const d = doc;
  link.textContent = t('downloading');
  try {
    const response = await api(`/reader/api/docs/${d.sha256}`);
    if (!response.ok) return failFrom(response);
    const url = URL.createObjectURL(await response.blob());
    // The server's fileName: no "/" or control characters, ends in .pdf (the name may hold "/").
    const a = el('a', {href: url, download: d.fileName});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) { fail('network'); }
  if (doc) renderViewer();
}

let touchX = null;
$('pagebox').addEventListener('touchstart', (e) => {
  const zoomed = window.visualViewport && window.visualViewport.scale > 1.01;
  touchX = e.touches.length === 1 && !zoomed ? e.touches[0].clientX : null;
}, {passive: true});
$('pagebox').addEventListener('touchend', (e) => {
  if (touchX === null || !e.changedTouches.length) return;
  const dx = e.changedTouches[0].clientX - touchX;
  touchX = null;
  if (Math.abs(dx) > 70) turn(dx < 0 ? 1 : -1);
}, {passive: true});
document.addEventListener('keydown', (e) => {
  if (!doc) return;
  if (e.key === 'ArrowRight') turn(1);
  if (e.key === 'ArrowLeft') turn(-1);
});
$('prev').addEventListener('click', () => turn(-1));
$('next').addEventListener('click', () => turn(1));
$('back').addEventListener('click', () => history.back());
$('download').addEventListener('click', download);
$('retry').addEventListener('click', () => { problem = null; show('loading'); load(); });
document.querySelectorAll('#lang button').forEach((b) => {
  b.addEventListener('click', () => {
    language = b.dataset.lang;
    render();
    if (doc) $('page').alt = pageLabel();
  });
});
window.addEventListener('popstate', (e) => {
  const s = e.state;
  let found = null;
  if (s && s.sha256 && meeting) {
    for (const i of meeting.items)
      for (const d of i.documents) if (d.sha256 === s.sha256) found = d;
  }
  if (found) open(found, s.page, false); else close();
});
// A newer QR code opened while this page is open changes only the fragment: start again with
// its token.
window.addEventListener('hashchange', () => location.reload());
// The presenter moves on: the list shows it within a quarter of a minute.
setInterval(() => { if (meeting && !problem && !doc) load(); }, 15000);
render();
load();
