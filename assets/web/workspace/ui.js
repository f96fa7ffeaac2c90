// Small helpers the workspace views share: REST calls under /api/v1, toasts, a confirmation
// dialog, form fields and the hall's seat labels. Everything a user typed goes into the DOM as
// text through el(), never as HTML.
import { el, api, ApiError, csrfToken, makeT, lang } from '/web/common/client.js';

const t = makeT({
  vi: { ok: 'Đồng ý', cancel: 'Huỷ', close: 'Đóng', error: 'Lỗi', network: 'Không kết nối được máy chủ' },
  en: { ok: 'OK', cancel: 'Cancel', close: 'Close', error: 'Error', network: 'Cannot reach the server' },
});

// A REST call under /api/v1; the answer's JSON, or an ApiError.
export function rest(method, path, body) {
  return api(method, '/api/v1' + path, body);
}

export function errorText(error) {
  if (error instanceof ApiError) return error.code === 'network' ? t('network') : (error.message || error.code);
  return String((error && error.message) || error);
}

export function toast(message, kind = 'error') {
  const box = document.getElementById('toasts');
  if (!box) return;
  const item = el('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('span', {}, message),
    el('button', { class: 'btn small', type: 'button', 'aria-label': t('close'), onclick: () => item.remove() }, '×'));
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 9000 : 4000);
}

// Runs an async action, showing its error as a toast; returns its value or undefined.
export async function guarded(action) {
  try {
    return await action();
  } catch (error) {
    toast(errorText(error));
    return undefined;
  }
}

// A modal question; Escape or "Cancel" answers false. Focus returns where it was.
export function confirmDialog(question, { okLabel, danger = true } = {}) {
  return new Promise((resolve) => {
    const before = document.activeElement;
    const dialog = el('dialog', { class: 'ws-dialog' },
      el('p', {}, question),
      el('div', { class: 'row end' },
        el('button', { class: 'btn', type: 'button', value: 'cancel', onclick: () => dialog.close('cancel') }, t('cancel')),
        el('button', { class: danger ? 'btn danger' : 'btn primary', type: 'button', onclick: () => dialog.close('ok') }, okLabel || t('ok'))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (before && before.focus) before.focus();
      resolve(dialog.returnValue === 'ok');
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('.btn.danger, .btn.primary').focus();
  });
}

// A labelled input; returns {wrap, input}.
export function field(label, attrs = {}, tag = 'input') {
  const id = 'f-' + Math.random().toString(36).slice(2, 9);
  const input = el(tag, { id, ...attrs });
  if (tag === 'textarea' && attrs.value !== undefined) input.value = attrs.value;
  return { wrap: el('div', { class: 'field' }, el('label', { for: id }, label), input), input };
}

export function select(label, options, value) {
  const id = 'f-' + Math.random().toString(36).slice(2, 9);
  const input = el('select', { id }, ...options.map(([v, text]) => el('option', { value: v }, text)));
  input.value = value;
  return { wrap: el('div', { class: 'field' }, el('label', { for: id }, label), input), input };
}

// Hall seat labels: rows A..Z, AA, AB, ... by columns 1.., e.g. "B12".
export function rowLabel(index) {
  let n = index + 1;
  let label = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    label = String.fromCharCode(65 + rest) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

export function seatLabel(row, column) {
  return rowLabel(row) + String(column + 1);
}

// "b12", "B 12", "B-12" → {row: 1, column: 11}; null for seats that are not on a map.
export function parseSeat(seat) {
  const match = /^\s*([A-Za-z]{1,2})\s*[- ]?\s*0*(\d{1,3})\s*$/.exec(seat || '');
  if (!match) return null;
  let row = 0;
  for (const c of match[1].toUpperCase()) row = row * 26 + (c.charCodeAt(0) - 64);
  const column = Number(match[2]);
  if (column < 1) return null;
  return { row: row - 1, column: column - 1 };
}

export function bytesText(bytes) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${value.toFixed(unit ? 1 : 0)} ${units[unit]}`.replace('.', lang() === 'vi' ? ',' : '.');
}

// A POST whose answer is a file (seat cards): fetched with the CSRF token, saved by the browser.
export async function download(path, filename) {
  const response = await fetch('/api/v1' + path, {
    method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken() || '' },
  });
  if (!response.ok) {
    let body = {};
    try { body = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, body.code || `http_${response.status}`, body.message || response.statusText, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return blob;
}
