// The meeting's own fields (title, venue, start, description, hall rows × columns), used to
// create a meeting and to edit it. Start times are entered in the browser's local time and sent
// as ISO 8601 with the offset, as the server requires.
import { el, makeT } from '/web/common/client.js';
import { field } from '../ui.js';

export const t = makeT({
  vi: {
    title: 'Tên cuộc họp', venue: 'Địa điểm', startsAt: 'Thời gian bắt đầu', description: 'Mô tả',
    hallRows: 'Số hàng ghế', hallColumns: 'Số ghế mỗi hàng', save: 'Lưu', cancel: 'Huỷ',
    create: 'Tạo cuộc họp', titleNeeded: 'Cần nhập tên cuộc họp.', hallRange: 'Từ 1 đến 60.',
  },
  en: {
    title: 'Title', venue: 'Venue', startsAt: 'Starts at', description: 'Description',
    hallRows: 'Rows of seats', hallColumns: 'Seats per row', save: 'Save', cancel: 'Cancel',
    create: 'Create meeting', titleNeeded: 'A title is needed.', hallRange: 'From 1 to 60.',
  },
});

function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function fromLocalInput(value) {
  if (!value) return '';
  const date = new Date(value);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${value}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

// onSubmit(fields) gets only what changed (all fields when creating); returns a promise.
export function meetingForm(meeting, { onSubmit, onCancel, submitLabel }) {
  const title = field(t('title'), { value: meeting.title || '', maxlength: '300', required: '', name: 'title' });
  const venue = field(t('venue'), { value: meeting.venue || '', maxlength: '300', name: 'venue' });
  const startsAt = field(t('startsAt'), { type: 'datetime-local', value: toLocalInput(meeting.startsAt), name: 'startsAt' });
  const rows = field(t('hallRows'), { type: 'number', min: '1', max: '60', value: meeting.hallRows || '', name: 'hallRows' });
  const columns = field(t('hallColumns'), { type: 'number', min: '1', max: '60', value: meeting.hallColumns || '', name: 'hallColumns' });
  const description = field(t('description'), { rows: '3', name: 'description', value: meeting.description || '' }, 'textarea');
  const problem = el('p', { class: 'form-error', role: 'alert' });
  const form = el('form', { class: 'card meeting-form', novalidate: '', onsubmit: async (event) => {
    event.preventDefault();
    problem.textContent = '';
    if (!title.input.value.trim()) { problem.textContent = t('titleNeeded'); title.input.focus(); return; }
    for (const f of [rows, columns]) {
      const v = f.input.value;
      if (v !== '' && !(Number(v) >= 1 && Number(v) <= 60 && Number.isInteger(Number(v)))) {
        problem.textContent = t('hallRange'); f.input.focus(); return;
      }
    }
    const wanted = {
      title: title.input.value.trim(), venue: venue.input.value.trim(),
      startsAt: fromLocalInput(startsAt.input.value), description: description.input.value,
    };
    if (rows.input.value) wanted.hallRows = Number(rows.input.value);
    if (columns.input.value) wanted.hallColumns = Number(columns.input.value);
    const changed = {};
    for (const [key, value] of Object.entries(wanted)) {
      const before = key === 'startsAt' ? fromLocalInput(toLocalInput(meeting.startsAt)) : meeting[key];
      if (meeting.id === undefined || value !== (before ?? '')) changed[key] = value;
    }
    if (meeting.id === undefined && !changed.startsAt) delete changed.startsAt;
    await onSubmit(changed);
  } },
  el('div', { class: 'grid2' }, title.wrap, venue.wrap, startsAt.wrap,
    el('div', { class: 'grid2 tight' }, rows.wrap, columns.wrap)),
  description.wrap, problem,
  el('div', { class: 'row end' },
    onCancel ? el('button', { class: 'btn', type: 'button', onclick: onCancel }, t('cancel')) : null,
    el('button', { class: 'btn primary', type: 'submit' }, submitLabel || t('save'))));
  form.addEventListener('keydown', (event) => { if (event.key === 'Escape' && onCancel) onCancel(); });
  setTimeout(() => title.input.focus(), 0);
  return form;
}
