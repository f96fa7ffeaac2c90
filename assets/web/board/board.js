// The follow-up board (/board/#<token>): one council's tasks by owner, for a lobby screen
// (1920×1080, pages turn by themselves every 20 s unless someone is using it) or a phone.
//
// The link's token is the fragment's first part; the rest are the filters a lobby screen can be
// fixed to: #<token>&owner=organisation-3&status=overdue&meeting=4&lang=en&lobby=1. The token
// goes as "Authorization: Bearer" to the REST API and as the WebSocket hello's credential; the
// board is fetched again when the server pushes board.changed (a task changed, or a deadline
// or amber threshold passed on the server's clock), never by polling.
import {Live, makeT} from '/web/common/client.js';
import {HistoryDialog} from '/web/board/history.js';
import {TEXT} from '/web/board/text.js';
import {clockText} from '/web/board/format.js';
import {ownerKey, renderBoard, renderFilters, renderPager, renderTotals} from '/web/board/view.js';

const kTurnSeconds = 20;
const kIdleMs = 30000; // after the last touch, key or wheel, the pages turn again
const kRetryMs = 5000;
const $ = (id) => document.getElementById(id);

const fragment = parseFragment(location.hash);
const query = new URLSearchParams(location.search);
// Vietnamese unless the address (?lang=en, #…&lang=en) or this screen's switch said otherwise:
// a lobby screen's browser language says nothing about the people in the lobby.
const kLangKey = 'chamber.board.lang';
let language = chosenLanguage();
const t = makeT(TEXT, () => language);
const lobby = fragment.lobby === '1' || (fragment.lobby !== '0' && window.innerWidth >= 1200);
const filters = {meeting: fragment.meeting || '', owner: fragment.owner || '', status: fragment.status || ''};
let council = 0;
let board = null;
let problem = null;
let page = Number(fragment.page) > 0 ? Number(fragment.page) : 1;
let pageSize = 50;
let fitTries = 0;
let clockOffset = 0; // server's now − this screen's clock
let lastInteraction = 0;
let countdown = kTurnSeconds;
let fetchSerial = 0;
let refetchTimer = null;
let live = null;
const historyDialog = new HistoryDialog(t, () => language, (task) => get(`/api/v1/councils/${council}/tasks/${task}/history`));

function chosenLanguage() {
  const asked = fragment.lang || query.get('lang');
  if (asked === 'vi' || asked === 'en') return asked;
  try {
    const stored = localStorage.getItem(kLangKey);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch (e) { /* storage refused: Vietnamese */ }
  return 'vi';
}

function parseFragment(hash) {
  const parts = hash.replace(/^#/, '').split('&').filter(Boolean);
  const result = {token: ''};
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at < 0) { if (!result.token) result.token = decodeURIComponent(part); continue; }
    result[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1));
  }
  if (result.t && !result.token) result.token = result.t;
  return result;
}

// Keeps the filters in the address, so a lobby screen's bookmark opens the same view.
function writeFragment() {
  const parts = [encodeURIComponent(fragment.token)];
  for (const [key, value] of Object.entries(filters)) if (value) parts.push(`${key}=${encodeURIComponent(value)}`);
  if (fragment.lobby) parts.push(`lobby=${fragment.lobby}`);
  if (fragment.lang) parts.push(`lang=${language}`);
  window.history.replaceState(null, '', `#${parts.join('&')}`);
}

class HttpError extends Error {
  constructor(status, body) { super(body && body.message || `HTTP ${status}`); this.status = status; this.code = body && body.code; }
}

async function get(path) {
  const response = await fetch(path, {headers: {Authorization: `Bearer ${fragment.token}`, Accept: 'application/json'}, cache: 'no-store'});
  let body = null;
  try { body = await response.json(); } catch (e) { /* no JSON */ }
  if (!response.ok) throw new HttpError(response.status, body);
  return body;
}

function boardPath() {
  const q = new URLSearchParams({page: String(page), pageSize: String(pageSize)});
  if (filters.status) q.set('status', filters.status);
  if (filters.meeting) q.set('origin', filters.meeting);
  if (filters.owner) {
    const [kind, id] = filters.owner.split('-');
    q.set('ownerKind', kind);
    q.set('owner', id);
  }
  return `/api/v1/councils/${council}/board?${q}`;
}

function fail(key, status) {
  problem = {key, status};
  render();
}

function failFrom(error) {
  if (error.status === 401 || error.status === 403) return fail('invalid');
  fail(error.status ? 'failed' : 'network', error.status);
  setTimeout(fetchBoard, kRetryMs);
}

async function fetchBoard() {
  const serial = ++fetchSerial;
  try {
    const answer = await get(boardPath());
    if (serial !== fetchSerial) return;
    board = answer;
    clockOffset = new Date(board.now).getTime() - Date.now();
    if (board.pages && page > board.pages) { page = board.pages; return fetchBoard(); }
    problem = null;
    render();
    fitToScreen();
  } catch (error) {
    if (serial === fetchSerial) failFrom(error);
  }
}

// A lobby screen shows one screenful per page: when the drawn tasks overflow the screen, ask
// for fewer (a few tries, from an estimate of how many cards fit).
function estimatePageSize() {
  if (!lobby) return 50;
  // Before the first board the page is not laid out: from the window (columns of 330 px and a
  // gap; the header, totals, filters and pager take about 300 px; a card with a two-line
  // title and its origin about 120 px; a column's owner heading about one card).
  const columns = Math.max(1, Math.floor((window.innerWidth - 32 + 19) / (330 + 19)));
  const rows = Math.max(2, Math.floor((window.innerHeight - 300) / 120));
  return Math.min(200, Math.max(4, columns * (rows - 1)));
}

function fitToScreen() {
  if (!lobby || fitTries >= 4) return markDrawn();
  const main = $('board');
  if (main.scrollWidth <= main.clientWidth + 2 || pageSize <= 4) return markDrawn();
  fitTries += 1;
  pageSize = Math.max(4, Math.floor(pageSize * 0.8));
  page = 1;
  fetchBoard();
}

function markDrawn() {
  document.body.dataset.state = 'ready';
  document.body.dataset.seq = String(board.seq);
  if (!performance.getEntriesByName('board-drawn').length) performance.mark('board-drawn');
}

function serverNow() { return new Date(Date.now() + clockOffset); }

function paused() {
  return historyDialog.isOpen || Date.now() - lastInteraction < kIdleMs
    || document.activeElement && document.activeElement.closest && document.activeElement.closest('#filters');
}

function autoText() {
  if (!lobby || !board || (board.pages || 1) <= 1) return '';
  return paused() ? `⏸ ${t('paused')}` : t('auto', {s: countdown});
}

function render() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll('#lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === language)));
  document.body.classList.toggle('lobby', lobby);
  $('link').textContent = live && live.state !== 'online' && !problem ? t('offline') : '';
  if (problem && (problem.key === 'invalid' || problem.key === 'noToken' || !board)) {
    document.body.dataset.state = problem.key;
    $('msgtitle').textContent = t('errorTitle');
    $('msgtext').textContent = t(problem.key, {status: problem.status});
    for (const id of ['loading', 'board', 'pager', 'filters', 'totals']) $(id).hidden = true;
    $('message').hidden = false;
    return;
  }
  $('message').hidden = !problem;
  if (problem) $('msgtext').textContent = t(problem.key, {status: problem.status});
  if (!board) return;
  for (const id of ['filters', 'totals', 'board']) $(id).hidden = false;
  $('loading').hidden = true;
  $('name').textContent = board.name;
  document.title = `${board.name} – ${t('title')}`;
  $('now').textContent = clockText(serverNow(), language);
  $('now').dateTime = serverNow().toISOString();
  renderTotals(t, board);
  renderFilters(t, board, filters);
  renderBoard(t, language, board, serverNow(), (task, owner) => historyDialog.open(task, owner, board.filters.owners || []));
  renderPager(t, board, autoText());
}

function scheduleRefetch() {
  clearTimeout(refetchTimer);
  refetchTimer = setTimeout(fetchBoard, 150); // a burst of changes is one fetch
}

function turnPage(to) {
  if (!board) return;
  const pages = board.pages || 1;
  page = ((to - 1 + pages) % pages) + 1;
  countdown = kTurnSeconds;
  fetchBoard();
}

function tick() {
  if (board && !problem) {
    $('now').textContent = clockText(serverNow(), language);
    if (lobby && (board.pages || 1) > 1 && !paused()) {
      countdown -= 1;
      if (countdown <= 0) turnPage(board.page + 1);
    }
    $('autostate').textContent = autoText();
  }
}

function onFilter(key, value) {
  filters[key] = value;
  page = 1;
  writeFragment();
  fetchBoard();
}

function wire() {
  for (const kind of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
    window.addEventListener(kind, () => { lastInteraction = Date.now(); countdown = kTurnSeconds; }, {passive: true});
  $('f-meeting').addEventListener('change', (e) => onFilter('meeting', e.target.value));
  $('f-owner').addEventListener('change', (e) => onFilter('owner', e.target.value));
  $('f-status').addEventListener('change', (e) => onFilter('status', e.target.value));
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('prev').addEventListener('click', () => turnPage(board.page - 1));
  $('next').addEventListener('click', () => turnPage(board.page + 1));
  document.querySelectorAll('#lang button').forEach((b) => b.addEventListener('click', () => {
    language = b.dataset.lang;
    try { localStorage.setItem(kLangKey, language); } catch (e) { /* this page only */ }
    if (fragment.lang) writeFragment();
    render();
  }));
  setInterval(tick, 1000);
}

async function start() {
  wire();
  render();
  if (!/^b1\.[A-Za-z0-9_-]{32}$/.test(fragment.token)) return fail('noToken');
  let own;
  try {
    own = await get('/api/v1/board-link');
  } catch (error) {
    return failFrom(error);
  }
  council = own.council;
  pageSize = estimatePageSize();
  live = new Live({credential: fragment.token, client: 'chamber-board/1'});
  live.on('board.changed', (message) => { if (message.council === council) scheduleRefetch(); });
  let wasOnline = false;
  live.onState((state, stoppedBecause) => {
    if (stoppedBecause) return fail('invalid');
    // Back after a drop: what changed meanwhile was pushed to nobody.
    if (state === 'online' && wasOnline) scheduleRefetch();
    wasOnline = wasOnline || state === 'online';
    if (board && !problem) render();
  });
  await fetchBoard();
}

window.boardPage = {ownerKey, get page() { return page; }, get pageSize() { return pageSize; },
  get lobby() { return lobby; }, get council() { return council; }};
start();
