// #/m/<id>/seats: the hall as rows × columns of seats (A1, A2, …) with each delegate's name.
// Drag a delegate from the list of unseated ones onto a seat, or a seated one onto another seat
// (an occupied seat swaps the two). Keyboard: choose a delegate (Enter), then a seat (arrow keys
// in the map, Enter); Delete empties the chosen seat.
import { el, makeT } from '/web/common/client.js';
import { rest, guarded, field, seatLabel, parseSeat, rowLabel } from '../ui.js';

const t = makeT({
  vi: {
    heading: 'Sơ đồ chỗ ngồi', unseated: 'Chưa xếp ghế ({0})', offMap: 'ghế {0} không có trên sơ đồ', none: 'Mọi đại biểu đã có ghế.',
    noHall: 'Cuộc họp chưa có sơ đồ hội trường. Nhập số hàng và số ghế mỗi hàng:', rows: 'Số hàng', columns: 'Số ghế mỗi hàng',
    setHall: 'Tạo sơ đồ', resize: 'Đổi kích thước', stage: 'Chủ toạ / sân khấu', empty: 'trống', clear: 'Bỏ xếp ghế',
    chosen: 'Đã chọn: {0}. Chọn một ghế trên sơ đồ (Enter), Esc để huỷ.', help: 'Kéo đại biểu vào ghế, hoặc chọn đại biểu rồi chọn ghế. Mũi tên để di chuyển trên sơ đồ.',
    map: 'Sơ đồ hội trường', seat: 'Ghế {0}', seatOf: 'Ghế {0}: {1}', cancel: 'Huỷ chọn', seated: 'Đã xếp {0}/{1}',
  },
  en: {
    heading: 'Seat map', unseated: 'Not seated ({0})', offMap: 'seat {0} is not on the map', none: 'Every delegate has a seat.',
    noHall: 'This meeting has no hall layout yet. Enter the rows and the seats per row:', rows: 'Rows', columns: 'Seats per row',
    setHall: 'Create the map', resize: 'Resize', stage: 'Chair / stage', empty: 'empty', clear: 'Unseat',
    chosen: 'Chosen: {0}. Choose a seat on the map (Enter), Esc to cancel.', help: 'Drag a delegate onto a seat, or choose a delegate and then a seat. Arrow keys move around the map.',
    map: 'Hall seat map', seat: 'Seat {0}', seatOf: 'Seat {0}: {1}', cancel: 'Cancel choice', seated: '{0}/{1} seated',
  },
});

export default {
  id: 'seats',
  section: 'prepare',
  title: { vi: 'Sơ đồ ghế', en: 'Seat map' },
  mount(container, ctx) {
    const base = `/meetings/${ctx.meeting}/delegates`;
    let chosen = null; // delegate id picked for the keyboard path
    let cursor = { row: 0, column: 0 };
    const page = el('section', { class: 'ws-page' });
    container.replaceChildren(page);

    function delegates() { return (ctx.state.snapshot && ctx.state.snapshot.delegates) || []; }

    // Puts `id` on `seat`; whoever sat there moves to id's old seat (or is unseated).
    async function place(id, seat) {
      const list = delegates();
      const moving = list.find((d) => d.id === id);
      // "A01" and "A1" are the same place on the map, though different texts to the server.
      const target = parseSeat(seat);
      const here = (d) => { const at = parseSeat(d.seat); return !!at && at.row === target.row && at.column === target.column; };
      if (!moving || here(moving)) return;
      const holder = list.find((d) => d.id !== id && here(d));
      await guarded(async () => {
        if (holder) await rest('PATCH', `${base}/${holder.id}`, { seat: '' });
        await rest('PATCH', `${base}/${id}`, { seat });
        if (holder && moving.seat) await rest('PATCH', `${base}/${holder.id}`, { seat: moving.seat });
      });
      chosen = null;
      await ctx.state.refresh();
    }

    async function unseat(id) {
      await guarded(() => rest('PATCH', `${base}/${id}`, { seat: '' }));
      chosen = null;
      await ctx.state.refresh();
    }

    function hallForm(state) {
      const rows = field(t('rows'), { type: 'number', min: '1', max: '60', value: state.hallRows || '10', id: 'hall-rows' });
      const columns = field(t('columns'), { type: 'number', min: '1', max: '60', value: state.hallColumns || '12', id: 'hall-columns' });
      return el('form', { class: 'row hall-form', onsubmit: async (e) => {
        e.preventDefault();
        await guarded(() => rest('PATCH', `/meetings/${ctx.meeting}`, { hallRows: Number(rows.input.value), hallColumns: Number(columns.input.value) }));
        await ctx.state.refresh();
      } }, rows.wrap, columns.wrap, el('button', { class: 'btn', type: 'submit' }, state.hallRows ? t('resize') : t('setHall')));
    }

    function chip(delegate, note) {
      return el('li', {}, el('button', {
        class: 'delegate-chip' + (chosen === delegate.id ? ' chosen' : ''), type: 'button', draggable: 'true',
        'data-delegate': String(delegate.id), 'aria-pressed': String(chosen === delegate.id),
        ondragstart: (e) => { e.dataTransfer.setData('text/plain', String(delegate.id)); e.dataTransfer.effectAllowed = 'move'; },
        onclick: () => { chosen = chosen === delegate.id ? null : delegate.id; render(); if (chosen) focusCursor(); },
      }, el('span', {}, delegate.name), delegate.group ? el('small', {}, delegate.group) : null, note ? el('small', { class: 'warn' }, note) : null));
    }

    function cell(row, column, holder) {
      const label = seatLabel(row, column);
      const here = cursor.row === row && cursor.column === column;
      const button = el('button', {
        type: 'button', class: 'seat' + (holder ? ' taken' : '') + (holder && chosen === holder.id ? ' chosen' : ''),
        role: 'gridcell', 'data-seat': label, tabindex: here ? '0' : '-1',
        'aria-label': holder ? t('seatOf', label, holder.name) : `${t('seat', label)}, ${t('empty')}`,
        draggable: holder ? 'true' : 'false',
        ondragstart: (e) => { if (holder) e.dataTransfer.setData('text/plain', String(holder.id)); },
        ondragover: (e) => { e.preventDefault(); button.classList.add('drop'); },
        ondragleave: () => button.classList.remove('drop'),
        ondrop: (e) => { e.preventDefault(); button.classList.remove('drop'); const id = Number(e.dataTransfer.getData('text/plain')); if (id) place(id, label); },
        onfocus: () => { cursor = { row, column }; },
        onclick: () => {
          if (chosen !== null) place(chosen, label);
          else if (holder) { chosen = holder.id; render(); focusCursor(); }
        },
      }, el('span', { class: 'seat-label' }, label), holder ? el('span', { class: 'seat-name' }, holder.name) : null);
      return button;
    }

    function focusCursor() {
      page.querySelector(`.seat[data-seat="${seatLabel(cursor.row, cursor.column)}"]`)?.focus();
    }

    function render() {
      const state = ctx.state.snapshot;
      if (!state) return;
      const list = delegates();
      const rows = state.hallRows || 0;
      const columns = state.hallColumns || 0;
      const bySeat = new Map();
      const unseated = [];
      for (const d of list) {
        const at = parseSeat(d.seat);
        if (at && at.row < rows && at.column < columns) bySeat.set(`${at.row}:${at.column}`, d);
        else unseated.push([d, d.seat ? t('offMap', d.seat) : '']);
      }
      const chosenDelegate = list.find((d) => d.id === chosen);
      const head = el('div', { class: 'page-head' }, el('h1', {}, t('heading')),
        el('span', { class: 'muted' }, t('seated', list.length - unseated.length, list.length)), el('span', { class: 'spacer' }),
        rows ? hallForm(state) : null);
      if (!rows || !columns) {
        page.replaceChildren(head, el('p', {}, t('noHall')), hallForm(state));
        return;
      }
      cursor = { row: Math.min(cursor.row, rows - 1), column: Math.min(cursor.column, columns - 1) };
      const grid = el('div', { class: 'seat-grid', role: 'grid', 'aria-label': t('map'), id: 'seat-grid' });
      grid.style.setProperty('--columns', String(columns));
      grid.append(el('div', { class: 'corner', 'aria-hidden': 'true' }),
        ...Array.from({ length: columns }, (_, c) => el('div', { class: 'col-head', 'aria-hidden': 'true' }, String(c + 1))));
      for (let r = 0; r < rows; r += 1) {
        const line = el('div', { role: 'row', class: 'seat-row' }, el('div', { class: 'row-head', 'aria-hidden': 'true' }, rowLabel(r)));
        for (let c = 0; c < columns; c += 1) line.append(cell(r, c, bySeat.get(`${r}:${c}`)));
        grid.append(line);
      }
      grid.addEventListener('keydown', (e) => {
        const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
        if (moves[e.key]) {
          cursor = { row: Math.max(0, Math.min(rows - 1, cursor.row + moves[e.key][0])),
            column: Math.max(0, Math.min(columns - 1, cursor.column + moves[e.key][1])) };
          for (const b of grid.querySelectorAll('.seat[tabindex="0"]')) b.tabIndex = -1;
          const target = grid.querySelector(`.seat[data-seat="${seatLabel(cursor.row, cursor.column)}"]`);
          target.tabIndex = 0;
          target.focus();
          e.preventDefault();
        } else if (e.key === 'Delete' || e.key === 'Backspace') {
          const holder = bySeat.get(`${cursor.row}:${cursor.column}`);
          if (holder) unseat(holder.id);
          e.preventDefault();
        } else if (e.key === 'Escape' && chosen !== null) {
          chosen = null; render(); focusCursor();
        }
      });
      const side = el('aside', { class: 'card unseated', 'aria-labelledby': 'unseated-heading' },
        el('h2', { id: 'unseated-heading' }, t('unseated', unseated.length)),
        unseated.length ? el('ul', { class: 'chips', id: 'unseated-list' }, ...unseated.map(([d, note]) => chip(d, note)))
          : el('p', { class: 'muted' }, t('none')));
      side.addEventListener('dragover', (e) => e.preventDefault());
      side.addEventListener('drop', (e) => { e.preventDefault(); const id = Number(e.dataTransfer.getData('text/plain')); if (id) unseat(id); });
      const banner = chosenDelegate ? el('div', { class: 'card chosen-banner', role: 'status' }, t('chosen', chosenDelegate.name),
        chosenDelegate.seat ? el('button', { class: 'btn small', type: 'button', onclick: () => unseat(chosenDelegate.id) }, t('clear')) : null,
        el('button', { class: 'btn small', type: 'button', onclick: () => { chosen = null; render(); } }, t('cancel'))) : null;
      page.replaceChildren(head, el('p', { class: 'muted small' }, t('help')), banner || '',
        el('div', { class: 'seat-layout' }, side,
          el('div', { class: 'hall' }, el('div', { class: 'stage' }, t('stage')), el('div', { class: 'grid-scroll' }, grid))));
    }

    const off = ctx.state.on('change', render);
    render();
    return off;
  },
};
