// The one small client module every Chamber page shares (the workspace, /join, /read, /watch):
// DOM building that never parses HTML, the VI/EN language and translations, REST calls with
// the session's CSRF token, and the /ws client (live.js, PROTOCOL.md) with reconnects.
// Plain modern JavaScript, no framework, nothing fetched from elsewhere.

// --- DOM -------------------------------------------------------------------------------------

// Properties set as properties (their attribute is only the initial value, or a boolean).
const kProperties = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'indeterminate']);

function append(parent, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    child.forEach((c) => append(parent, c));
    return;
  }
  // Anything that is not a node is text: a name like "<img src=x onerror=…>" stays text.
  parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

// el('button', {class: 'btn primary', onClick: save, 'data-id': 3}, 'Lưu')
// Strings become text nodes (never innerHTML). attrs: `class` (string or array), on<Event>
// functions, data-* into dataset, `style` as an object (CSSOM, which the CSP allows), the
// properties above as properties; other values are attributes (true: present, false/null:
// absent).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') {
      node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name.startsWith('data-')) {
      node.setAttribute(name, String(value));
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(node.style, value);
    } else if (kProperties.has(name)) {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

// --- Language --------------------------------------------------------------------------------

const kLangKey = 'chamber.lang';
const kLanguages = ['vi', 'en'];

// 'vi' (the default) or 'en': the user's choice, else the browser's first of the two.
export function lang() {
  try {
    const stored = localStorage.getItem(kLangKey);
    if (kLanguages.includes(stored)) return stored;
  } catch (e) { /* storage refused (private mode): the browser decides */ }
  const wanted = navigator.languages && navigator.languages.length
    ? navigator.languages : [navigator.language || 'vi'];
  for (const tag of wanted) {
    const code = String(tag).toLowerCase().slice(0, 2);
    if (kLanguages.includes(code)) return code;
  }
  return 'vi';
}

// Keeps the choice, marks the document and tells the page ('chamber-lang', detail {lang}).
export function setLang(code) {
  if (!kLanguages.includes(code)) throw new RangeError(`unknown language: ${code}`);
  try { localStorage.setItem(kLangKey, code); } catch (e) { /* kept for this page only */ }
  document.documentElement.lang = code;
  window.dispatchEvent(new CustomEvent('chamber-lang', {detail: {lang: code}}));
}

// dict = {vi: {key: '… {0} …'}, en: {…}} → t(key, ...args). {0}, {1}… take the arguments in
// order; with one object argument, {name} takes its fields. A key missing in the current
// language comes back as the key itself, so a forgotten translation is visible (and testable).
// `language` picks the language (the shared choice, lang(), unless a page keeps its own).
export function makeT(dict, language = lang) {
  const t = (key, ...args) => {
    const table = dict[language()] || {};
    let text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : key;
    const named = args.length === 1 && args[0] !== null && typeof args[0] === 'object';
    const values = named ? args[0] : args;
    return String(text).replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
  };
  t.dict = dict;
  return t;
}

// --- Time ------------------------------------------------------------------------------------

function toDate(isoOrMs) {
  if (isoOrMs instanceof Date) return isoOrMs;
  if (isoOrMs === null || isoOrMs === undefined || isoOrMs === '') return null;
  const date = new Date(isoOrMs);
  return Number.isNaN(date.getTime()) ? null : date;
}
function locale() { return lang() === 'vi' ? 'vi-VN' : 'en-GB'; }

// "14:05" (24 hours in both languages); '' for nothing, the input itself when it is no time.
export function formatTime(isoOrMs) {
  const date = toDate(isoOrMs);
  if (!date) return isoOrMs ? String(isoOrMs) : '';
  return date.toLocaleTimeString(locale(), {hour: '2-digit', minute: '2-digit', hour12: false});
}

// "14:05 7/12/2026" in Vietnamese, "07/12/2026, 14:05" in English; `options` adds to or
// overrides the Intl fields (e.g. {second: '2-digit'}).
export function formatDateTime(isoOrMs, options = {}) {
  const date = toDate(isoOrMs);
  if (!date) return isoOrMs ? String(isoOrMs) : '';
  return date.toLocaleString(locale(), {day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false, ...options});
}

// --- REST ------------------------------------------------------------------------------------

let csrf = '';
export function setCsrfToken(token) { csrf = token || ''; }
export function csrfToken() { return csrf; }

// A refused request: `status` the HTTP status (0 for a WebSocket answer or no answer at all),
// `code` the protocol's error code ('forbidden', 'bad_field', 'network', …), and what the
// server added (`field`, `details`, `retryAfterMs`).
export class ApiError extends Error {
  constructor(status, code, message, extra = {}) {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = extra.field;
    this.details = extra.details;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

function isRawBody(body) {
  return body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)
    || body instanceof FormData || body instanceof URLSearchParams;
}

// api('POST', '/api/v1/meetings', {title: …}) → the parsed JSON answer (null for 204 or an
// empty body; the text for a non-JSON one). Objects go as JSON, a Blob/ArrayBuffer as is.
export async function api(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (body !== undefined && body !== null) {
    if (isRawBody(body)) {
      init.body = body;
    } else {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', String(e && e.message || e));
  }
  const text = response.status === 204 ? '' : await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch (e) { parsed = text; }
  }
  if (!response.ok) {
    const error = parsed && typeof parsed === 'object' ? parsed : {};
    throw new ApiError(response.status, error.code || `http_${response.status}`,
      error.message || response.statusText, error);
  }
  return parsed;
}

// --- Live: the /ws client (live.js, re-exported here) ------------------------------------------

export {Live} from '/web/common/live.js';
