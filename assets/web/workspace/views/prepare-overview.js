// #/m/<id>/overview: the meeting at a glance (status, time, venue, hall, how far the
// preparation is) with edit, start and end.
import { el, makeT, formatDateTime } from '/web/common/client.js';
import { rest, guarded, toast } from '../ui.js';
import { meetingForm } from './meeting-form.js';
import { statusBadge } from './prepare-meetings.js';

const t = makeT({
  vi: {
    edit: 'Sửa thông tin', start: 'Khai mạc', end: 'Bế mạc', saved: 'Đã lưu.', venue: 'Địa điểm',
    startsAt: 'Bắt đầu', hall: 'Hội trường', hallNone: 'chưa có sơ đồ', rowsCols: '{0} hàng × {1} ghế',
    agenda: 'Chương trình', delegates: 'Đại biểu', seated: 'Đã xếp ghế', documents: 'Tài liệu',
    devices: 'Thiết bị', description: 'Mô tả', loading: 'Đang tải…', checklist: 'Chuẩn bị',
  },
  en: {
    edit: 'Edit details', start: 'Start', end: 'End', saved: 'Saved.', venue: 'Venue',
    startsAt: 'Starts', hall: 'Hall', hallNone: 'no seat map', rowsCols: '{0} rows × {1} seats',
    agenda: 'Agenda', delegates: 'Delegates', seated: 'Seated', documents: 'Documents',
    devices: 'Devices', description: 'Description', loading: 'Loading…', checklist: 'Preparation',
  },
});

export default {
  id: 'overview',
  section: 'prepare',
  title: { vi: 'Tổng quan', en: 'Overview' },
  mount(container, ctx) {
    const page = el('section', { class: 'ws-page' }, el('p', { class: 'muted' }, t('loading')));
    container.replaceChildren(page);
    let editing = false;

    function render(state) {
      if (!state || editing) return;
      const documents = (state.documents || []).filter((d) => !d.removed);
      const devices = (state.devices || []).filter((d) => !d.revoked);
      const seated = (state.delegates || []).filter((d) => d.seat).length;
      const tile = (label, value, view) => el('a', { class: 'card tile', href: `#/m/${ctx.meeting}/${view}` },
        el('span', { class: 'tile-value' }, String(value)), el('span', { class: 'tile-label' }, label));
      page.replaceChildren(
        el('div', { class: 'page-head' }, el('h1', {}, state.title), statusBadge(state.status),
          el('span', { class: 'spacer' }),
          el('button', { class: 'btn', type: 'button', onclick: edit }, t('edit')),
          state.status === 'in_session'
            ? el('button', { class: 'btn danger', type: 'button', onclick: () => act('end') }, t('end'))
            : el('button', { class: 'btn primary', type: 'button', onclick: () => act('start') }, t('start'))),
        el('dl', { class: 'facts' },
          el('dt', {}, t('startsAt')), el('dd', {}, state.startsAt ? formatDateTime(state.startsAt) : '—'),
          el('dt', {}, t('venue')), el('dd', {}, state.venue || '—'),
          el('dt', {}, t('hall')), el('dd', {}, state.hallRows && state.hallColumns
            ? t('rowsCols', state.hallRows, state.hallColumns) : t('hallNone')),
          state.description ? el('dt', {}, t('description')) : null,
          state.description ? el('dd', { class: 'pre' }, state.description) : null),
        el('h2', {}, t('checklist')),
        el('div', { class: 'tiles' },
          tile(t('agenda'), (state.agenda || []).length, 'agenda'),
          tile(t('delegates'), (state.delegates || []).length, 'delegates'),
          tile(`${t('seated')}`, `${seated}/${(state.delegates || []).length}`, 'seats'),
          tile(t('documents'), documents.length, 'documents'),
          tile(t('devices'), devices.length, 'devices')));
    }

    function edit() {
      editing = true;
      const state = ctx.state.snapshot;
      page.replaceChildren(meetingForm(state, {
        onCancel: () => { editing = false; render(ctx.state.snapshot); },
        onSubmit: (fields) => guarded(async () => {
          if (Object.keys(fields).length) await rest('PATCH', `/meetings/${ctx.meeting}`, fields);
          toast(t('saved'), 'ok');
          editing = false;
          await ctx.state.refresh();
          render(ctx.state.snapshot);
          await ctx.refreshMeetings();
        }),
      }));
    }

    async function act(what) {
      await guarded(() => rest('POST', `/meetings/${ctx.meeting}/${what}`));
      await ctx.state.refresh();
    }

    const off = ctx.state.on('change', render);
    render(ctx.state.snapshot);
    return off;
  },
};
