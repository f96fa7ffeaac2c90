// #/meetings: every meeting with its status and size; create a new one; open, start or end one.
import { el, makeT, formatDateTime } from '/web/common/client.js';
import { rest, guarded, toast } from '../ui.js';
import { meetingForm, t as formT } from './meeting-form.js';
import { mountCouncilBoards } from './council-boards.js';

const t = makeT({
  vi: {
    heading: 'Cuộc họp', create: 'Tạo cuộc họp', none: 'Chưa có cuộc họp nào.', open: 'Mở',
    start: 'Khai mạc', end: 'Bế mạc', created: 'Đã tạo cuộc họp.', delegates: 'đại biểu',
    items: 'mục', status_scheduled: 'Sắp họp', status_in_session: 'Đang họp', status_ended: 'Đã kết thúc',
    title: 'Tên', venue: 'Địa điểm', startsAt: 'Bắt đầu', status: 'Trạng thái', actions: 'Thao tác',
  },
  en: {
    heading: 'Meetings', create: 'New meeting', none: 'No meetings yet.', open: 'Open',
    start: 'Start', end: 'End', created: 'Meeting created.', delegates: 'delegates',
    items: 'items', status_scheduled: 'Scheduled', status_in_session: 'In session', status_ended: 'Ended',
    title: 'Title', venue: 'Venue', startsAt: 'Starts', status: 'Status', actions: 'Actions',
  },
});

export function statusBadge(status) {
  return el('span', { class: `badge status-${status}` }, t('status_' + status));
}

export function mountMeetings(container, ctx) {
  const formSlot = el('div');
  const list = el('div');
  const createButton = el('button', { class: 'btn primary', type: 'button', id: 'new-meeting', onclick: showForm }, t('create'));

  function showForm() {
    createButton.hidden = true;
    formSlot.replaceChildren(meetingForm({}, {
      submitLabel: formT('create'),
      onCancel: () => { formSlot.replaceChildren(); createButton.hidden = false; createButton.focus(); },
      onSubmit: (fields) => guarded(async () => {
        const answer = await rest('POST', '/meetings', fields);
        toast(t('created'), 'ok');
        await ctx.refreshMeetings();
        ctx.navigate(`#/m/${answer.result.meeting}/overview`);
      }),
    }));
  }

  async function load() {
    const answer = await guarded(() => rest('GET', '/meetings'));
    if (!answer) return;
    const meetings = answer.meetings || [];
    if (!meetings.length) { list.replaceChildren(el('p', { class: 'empty' }, t('none'))); return; }
    list.replaceChildren(el('table', { class: 'table meetings' },
      el('thead', {}, el('tr', {}, ...['title', 'venue', 'startsAt', 'status', 'actions'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, ...meetings.map((m) => el('tr', { 'data-meeting': String(m.id) },
        el('td', {}, el('a', { href: `#/m/${m.id}/overview` }, m.title),
          el('div', { class: 'muted small' }, `${m.delegates} ${t('delegates')} · ${m.items} ${t('items')}`)),
        el('td', {}, m.venue || '—'),
        el('td', {}, m.startsAt ? formatDateTime(m.startsAt) : '—'),
        el('td', {}, statusBadge(m.status)),
        el('td', { class: 'actions' },
          el('a', { class: 'btn small', href: `#/m/${m.id}/overview` }, t('open')),
          m.status !== 'in_session'
            ? el('button', { class: 'btn small', type: 'button', onclick: () => act(m.id, 'start') }, t('start'))
            : el('button', { class: 'btn small', type: 'button', onclick: () => act(m.id, 'end') }, t('end'))))))));
  }

  async function act(id, what) {
    await guarded(() => rest('POST', `/meetings/${id}/${what}`));
    await load();
  }

  const boards = el('div');
  container.replaceChildren(el('section', { class: 'ws-page' },
    el('div', { class: 'page-head' }, el('h1', {}, t('heading')), createButton),
    formSlot, list), boards);
  load();
  mountCouncilBoards(boards);
  return () => {};
}
