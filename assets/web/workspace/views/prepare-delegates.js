// #/m/<id>/delegates: the roster as a table (name, group, seat, weight), edited in place (Enter
// saves, Escape cancels), added one by one or imported from a CSV with a preview.
import { el, makeT } from '/web/common/client.js';
import { rest, guarded, confirmDialog } from '../ui.js';
import { importPanel } from './delegates-import.js';

const t = makeT({
  vi: {
    heading: 'Đại biểu', name: 'Họ tên', group: 'Tổ / đoàn', seat: 'Ghế', weight: 'Trọng số', actions: 'Thao tác',
    add: 'Thêm', import: 'Nhập từ CSV…', edit: 'Sửa', save: 'Lưu', cancel: 'Huỷ', remove: 'Xoá',
    confirmRemove: 'Xoá đại biểu “{0}”?', empty: 'Chưa có đại biểu.', count: '{0} đại biểu · {1} tổ',
    nameNeeded: 'Cần nhập họ tên.', filter: 'Lọc theo tên, tổ hoặc ghế', guest: 'khách mời',
  },
  en: {
    heading: 'Delegates', name: 'Name', group: 'Group', seat: 'Seat', weight: 'Weight', actions: 'Actions',
    add: 'Add', import: 'Import CSV…', edit: 'Edit', save: 'Save', cancel: 'Cancel', remove: 'Remove',
    confirmRemove: 'Remove delegate “{0}”?', empty: 'No delegates yet.', count: '{0} delegates · {1} groups',
    nameNeeded: 'A name is needed.', filter: 'Filter by name, group or seat', guest: 'guest',
  },
});

const columns = ['name', 'group', 'seat', 'weight'];

function inputsFor(values, prefix) {
  return Object.fromEntries(columns.map((key) => [key, el('input', {
    name: key, 'aria-label': t(key), class: `cell-${key}`, id: `${prefix}-${key}`,
    value: values[key] ?? (key === 'weight' ? '1' : ''),
    ...(key === 'weight' ? { type: 'number', min: '0', max: '1000000' } : { maxlength: key === 'seat' ? '32' : '200' }),
    ...(key === 'group' ? { list: 'group-names' } : {}),
  })]));
}

export default {
  id: 'delegates',
  section: 'prepare',
  title: { vi: 'Đại biểu', en: 'Delegates' },
  mount(container, ctx) {
    const base = `/meetings/${ctx.meeting}/delegates`;
    let editingId = null;
    const body = el('tbody');
    const summary = el('p', { class: 'muted' });
    const groupList = el('datalist', { id: 'group-names' });
    const filter = el('input', { type: 'search', class: 'filter', placeholder: t('filter'), 'aria-label': t('filter'), oninput: () => render() });
    const importSlot = el('div');
    const importButton = el('button', { class: 'btn', type: 'button', id: 'open-import', onclick: () => {
      importButton.hidden = true;
      importSlot.replaceChildren(importPanel(ctx, { onClose: () => { importSlot.replaceChildren(); importButton.hidden = false; importButton.focus(); } }));
    } }, t('import'));

    const fresh = inputsFor({}, 'new');
    const addForm = el('form', { class: 'row add-delegate', id: 'add-delegate', onsubmit: async (event) => {
      event.preventDefault();
      if (!fresh.name.value.trim()) { fresh.name.setCustomValidity(t('nameNeeded')); fresh.name.reportValidity(); return; }
      const answer = await guarded(() => rest('POST', base, valuesOf(fresh)));
      if (!answer) return;
      for (const key of columns) fresh[key].value = key === 'weight' ? '1' : '';
      fresh.name.focus();
      await ctx.state.refresh();
    } }, ...columns.map((key) => el('label', { class: `field inline cell-${key}` }, el('span', {}, t(key)), fresh[key])),
    el('button', { class: 'btn primary', type: 'submit' }, t('add')));
    fresh.name.addEventListener('input', () => fresh.name.setCustomValidity(''));

    function valuesOf(inputs) {
      return { name: inputs.name.value.trim(), group: inputs.group.value.trim(), seat: inputs.seat.value.trim(),
        weight: Number(inputs.weight.value || 0) };
    }

    async function save(delegate, inputs) {
      const wanted = valuesOf(inputs);
      if (!wanted.name) { inputs.name.focus(); return; }
      const changes = {};
      for (const key of columns) if (wanted[key] !== delegate[key]) changes[key] = wanted[key];
      if (Object.keys(changes).length && !(await guarded(() => rest('PATCH', `${base}/${delegate.id}`, changes)))) return;
      editingId = null;
      await ctx.state.refresh();
      render();
      body.querySelector(`tr[data-id="${delegate.id}"] .btn-edit`)?.focus();
    }

    function row(delegate) {
      if (editingId === delegate.id) {
        const inputs = inputsFor(delegate, `edit-${delegate.id}`);
        const tr = el('tr', { 'data-id': String(delegate.id), class: 'editing' },
          ...columns.map((key) => el('td', {}, inputs[key])),
          el('td', { class: 'actions' },
            el('button', { class: 'btn small primary', type: 'button', onclick: () => save(delegate, inputs) }, t('save')),
            el('button', { class: 'btn small', type: 'button', onclick: () => { editingId = null; render(); } }, t('cancel'))));
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') { e.preventDefault(); save(delegate, inputs); }
          if (e.key === 'Escape') { editingId = null; render(); body.querySelector(`tr[data-id="${delegate.id}"] .btn-edit`)?.focus(); }
        });
        setTimeout(() => inputs.name.focus(), 0);
        return tr;
      }
      return el('tr', { 'data-id': String(delegate.id), ondblclick: () => { editingId = delegate.id; render(); } },
        el('td', { class: 'cell-name' }, delegate.name),
        el('td', {}, delegate.group || '—'),
        el('td', {}, delegate.seat || '—'),
        el('td', { class: 'num' }, String(delegate.weight), delegate.weight === 0 ? el('span', { class: 'badge' }, t('guest')) : null),
        el('td', { class: 'actions' },
          el('button', { class: 'btn small btn-edit', type: 'button', 'aria-label': `${t('edit')}: ${delegate.name}`,
            onclick: () => { editingId = delegate.id; render(); } }, t('edit')),
          el('button', { class: 'btn small danger', type: 'button', 'aria-label': `${t('remove')}: ${delegate.name}`, onclick: async () => {
            if (!(await confirmDialog(t('confirmRemove', delegate.name), { okLabel: t('remove') }))) return;
            await guarded(() => rest('DELETE', `${base}/${delegate.id}`));
            await ctx.state.refresh();
          } }, t('remove'))));
    }

    function render() {
      const delegates = (ctx.state.snapshot && ctx.state.snapshot.delegates) || [];
      const groups = [...new Set(delegates.map((d) => d.group).filter(Boolean))].sort((a, b) => a.localeCompare(b));
      groupList.replaceChildren(...groups.map((g) => el('option', { value: g })));
      summary.textContent = t('count', delegates.length, groups.length);
      const needle = filter.value.trim().toLowerCase();
      const shown = needle ? delegates.filter((d) => `${d.name} ${d.group} ${d.seat}`.toLowerCase().includes(needle)) : delegates;
      body.replaceChildren(...(shown.length ? shown.map(row)
        : [el('tr', {}, el('td', { colspan: '5', class: 'empty' }, t('empty')))]));
    }

    container.replaceChildren(el('section', { class: 'ws-page' },
      el('div', { class: 'page-head' }, el('h1', {}, t('heading')), summary, el('span', { class: 'spacer' }), filter, importButton),
      importSlot, addForm, groupList,
      el('table', { class: 'table delegates', id: 'delegates-table' },
        el('thead', {}, el('tr', {}, ...[...columns, 'actions'].map((k) => el('th', { scope: 'col', class: k === 'weight' ? 'num' : k === 'actions' ? 'actions' : null }, t(k))))),
        body)));
    const off = ctx.state.on('change', () => { if (editingId === null) render(); });
    render();
    return off;
  },
};
