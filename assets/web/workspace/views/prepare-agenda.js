// #/m/<id>/agenda: the agenda as a tree. Items, sections and breaks are added, edited and
// removed; they are moved and nested by drag and drop (before, after or inside a row) and, with
// the same effect, by the row's buttons or the keyboard: ↑/↓ go from row to row, Alt+↑/↓ move the
// item, Alt+→/← indent and outdent it, Enter edits, Delete removes.
import { el, makeT } from '/web/common/client.js';
import { rest, guarded, confirmDialog, field, select } from '../ui.js';
import { dropTarget, stepTarget } from './agenda-moves.js';

const t = makeT({
  vi: {
    heading: 'Chương trình nghị sự', add: 'Thêm', title: 'Tiêu đề', kind: 'Loại', description: 'Mô tả',
    kind_item: 'Nội dung', kind_section: 'Phần', kind_break: 'Giải lao', empty: 'Chưa có nội dung nào.',
    edit: 'Sửa', save: 'Lưu', cancel: 'Huỷ', remove: 'Xoá', addChild: 'Thêm mục con',
    up: 'Lên', down: 'Xuống', indent: 'Thụt vào (làm mục con)', outdent: 'Lùi ra',
    confirmRemove: 'Xoá “{0}” cùng mọi mục con và tài liệu của nó?',
    help: 'Kéo thả để sắp xếp: thả lên nửa trên/dưới của một dòng để đặt trước/sau, vào giữa để đưa vào trong. Bàn phím: ↑/↓ chọn dòng, Alt+↑/↓ di chuyển, Alt+→/← thụt vào/lùi ra, Enter sửa, Delete xoá.',
    titleNeeded: 'Cần nhập tiêu đề.', tree: 'Chương trình',
  },
  en: {
    heading: 'Agenda', add: 'Add', title: 'Title', kind: 'Kind', description: 'Description',
    kind_item: 'Item', kind_section: 'Section', kind_break: 'Break', empty: 'The agenda is empty.',
    edit: 'Edit', save: 'Save', cancel: 'Cancel', remove: 'Remove', addChild: 'Add sub-item',
    up: 'Up', down: 'Down', indent: 'Indent (make sub-item)', outdent: 'Outdent',
    confirmRemove: 'Remove “{0}” with all its sub-items and documents?',
    help: 'Drag and drop to arrange: drop on the upper/lower half of a row to place before/after it, on its middle to put it inside. Keyboard: ↑/↓ choose a row, Alt+↑/↓ move, Alt+→/← indent/outdent, Enter edit, Delete remove.',
    titleNeeded: 'A title is needed.', tree: 'Agenda',
  },
});

const kinds = () => [['item', t('kind_item')], ['section', t('kind_section')], ['break', t('kind_break')]];

export default {
  id: 'agenda',
  section: 'prepare',
  title: { vi: 'Chương trình', en: 'Agenda' },
  mount(container, ctx) {
    const base = `/meetings/${ctx.meeting}/agenda`;
    let items = [];
    let focusId = null;
    let editingId = null;
    let dragging = null;
    const tree = el('ul', { class: 'agenda-tree', role: 'tree', 'aria-label': t('tree'), id: 'agenda-tree' });

    // The add form at the top (a top-level item) or under a row (its sub-item).
    function addForm(parent) {
      const title = field(t('title'), { maxlength: '500', name: 'title', class: 'agenda-title-input' });
      const kind = select(t('kind'), kinds(), parent ? 'item' : 'item');
      const form = el('form', { class: 'row agenda-add', onsubmit: async (event) => {
        event.preventDefault();
        if (!title.input.value.trim()) { title.input.setCustomValidity(t('titleNeeded')); title.input.reportValidity(); return; }
        const body = { title: title.input.value.trim(), kind: kind.input.value };
        if (parent) body.parent = parent;
        const answer = await guarded(() => rest('POST', base, body));
        if (!answer) return;
        title.input.value = '';
        focusId = answer.result.item;
        await ctx.state.refresh();
        if (!parent) title.input.focus();
      } }, title.wrap, kind.wrap, el('button', { class: 'btn primary', type: 'submit' }, t('add')));
      title.input.addEventListener('input', () => title.input.setCustomValidity(''));
      return form;
    }

    async function move(id, target) {
      if (!target) return;
      focusId = id;
      await guarded(() => rest('POST', `${base}/${id}/move`, target));
      await ctx.state.refresh();
    }

    async function remove(item) {
      if (!(await confirmDialog(t('confirmRemove', item.title), { okLabel: t('remove') }))) return;
      const index = items.findIndex((i) => i.id === item.id);
      focusId = (items[index - 1] || {}).id ?? null;
      await guarded(() => rest('DELETE', `${base}/${item.id}`));
      await ctx.state.refresh();
    }

    function editRow(item) {
      const title = field(t('title'), { value: item.title, maxlength: '500' });
      const kind = select(t('kind'), kinds(), item.kind || 'item');
      const description = field(t('description'), { rows: '2', value: item.description || '' }, 'textarea');
      const cancel = () => { editingId = null; focusId = item.id; render(); };
      const form = el('form', { class: 'agenda-edit card', onsubmit: async (event) => {
        event.preventDefault();
        if (!title.input.value.trim()) { title.input.focus(); return; }
        const changes = {};
        if (title.input.value.trim() !== item.title) changes.title = title.input.value.trim();
        if (kind.input.value !== (item.kind || 'item')) changes.kind = kind.input.value;
        if (description.input.value !== (item.description || '')) changes.description = description.input.value;
        if (Object.keys(changes).length && !(await guarded(() => rest('PATCH', `${base}/${item.id}`, changes)))) return;
        editingId = null;
        focusId = item.id;
        await ctx.state.refresh();
        render();
      } }, el('div', { class: 'row' }, title.wrap, kind.wrap), description.wrap,
      el('div', { class: 'row end' },
        el('button', { class: 'btn', type: 'button', onclick: cancel }, t('cancel')),
        el('button', { class: 'btn primary', type: 'submit' }, t('save'))));
      form.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); cancel(); } });
      setTimeout(() => title.input.focus(), 0);
      return form;
    }

    function zoneOf(event, row) {
      const box = row.getBoundingClientRect();
      const y = (event.clientY - box.top) / Math.max(1, box.height);
      if (y < 0.3) return 'before';
      if (y > 0.7) return 'after';
      return 'inside';
    }

    function clearDrop() {
      for (const row of tree.querySelectorAll('.drop-before, .drop-after, .drop-inside')) {
        row.classList.remove('drop-before', 'drop-after', 'drop-inside');
      }
    }

    function rowFor(item) {
      const button = (label, action, cls = '') => el('button', {
        class: `btn icon small ${cls}`, type: 'button', title: label, 'aria-label': `${label}: ${item.title}`,
        tabindex: '-1', onclick: (e) => { e.stopPropagation(); action(); },
      }, el('span', { 'aria-hidden': 'true' }, { [t('up')]: '↑', [t('down')]: '↓', [t('indent')]: '→', [t('outdent')]: '←',
        [t('edit')]: '✎', [t('remove')]: '✕', [t('addChild')]: '+' }[label] || label));
      const row = el('div', {
        class: `agenda-row kind-${item.kind || 'item'}`, draggable: 'true', 'data-id': String(item.id),
        ondragstart: (e) => {
          dragging = item.id;
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', String(item.id));
          row.classList.add('dragging');
        },
        ondragend: () => { dragging = null; row.classList.remove('dragging'); clearDrop(); },
        ondragover: (e) => {
          if (dragging === null) return;
          const zone = zoneOf(e, row);
          if (!dropTarget(items, dragging, item.id, zone)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          clearDrop();
          row.classList.add(`drop-${zone}`);
        },
        ondragleave: () => row.classList.remove('drop-before', 'drop-after', 'drop-inside'),
        ondrop: (e) => {
          e.preventDefault();
          const moved = Number(e.dataTransfer.getData('text/plain') || dragging);
          const zone = zoneOf(e, row);
          clearDrop();
          dragging = null;
          move(moved, dropTarget(items, moved, item.id, zone));
        },
      },
      el('span', { class: 'grip', 'aria-hidden': 'true' }, '⠿'),
      el('span', { class: 'number' }, item.kind === 'break' ? '' : (item.number || '')),
      el('span', { class: 'agenda-text' },
        el('span', { class: 'agenda-title' }, item.title),
        item.kind && item.kind !== 'item' ? el('span', { class: 'badge' }, t('kind_' + item.kind)) : null,
        item.description ? el('span', { class: 'muted small agenda-desc' }, item.description) : null),
      el('span', { class: 'agenda-actions' },
        button(t('up'), () => move(item.id, stepTarget(items, item.id, 'up'))),
        button(t('down'), () => move(item.id, stepTarget(items, item.id, 'down'))),
        button(t('outdent'), () => move(item.id, stepTarget(items, item.id, 'outdent'))),
        button(t('indent'), () => move(item.id, stepTarget(items, item.id, 'indent'))),
        item.kind !== 'break' ? button(t('addChild'), () => { focusId = item.id; addingUnder = item.id; render(); }) : null,
        button(t('edit'), () => { editingId = item.id; render(); }),
        button(t('remove'), () => remove(item), 'danger')));
      return row;
    }

    let addingUnder = null;

    function render() {
      items = (ctx.state.snapshot && ctx.state.snapshot.agenda) || [];
      const nodes = new Map();
      tree.replaceChildren();
      if (!items.length) tree.append(el('li', { class: 'empty', role: 'none' }, t('empty')));
      for (const item of items) {
        const li = el('li', {
          role: 'treeitem', 'aria-level': String((item.depth ?? 0) + 1), tabindex: '-1',
          'data-id': String(item.id), 'aria-label': `${item.number || ''} ${item.title}`.trim(),
        }, editingId === item.id ? editRow(item) : rowFor(item));
        // Only the current row's buttons are in the tab order: Tab goes from the tree to them.
        li.addEventListener('focus', () => {
          focusId = item.id;
          for (const b of tree.querySelectorAll('.agenda-actions .btn')) b.tabIndex = -1;
          for (const b of li.querySelector('.agenda-actions')?.children || []) b.tabIndex = 0;
        }, true);
        if (addingUnder === item.id) {
          const form = addForm(item.id);
          form.addEventListener('keydown', (e) => { if (e.key === 'Escape') { addingUnder = null; render(); } });
          li.append(form);
          setTimeout(() => form.querySelector('input').focus(), 0);
        }
        const parentList = item.parent == null ? tree : nodes.get(item.parent);
        parentList.append(li);
        const group = el('ul', { role: 'group' });
        li.append(group);
        nodes.set(item.id, group);
      }
      const rows = [...tree.querySelectorAll('li[role=treeitem]')];
      const current = rows.find((li) => Number(li.dataset.id) === focusId) || rows[0];
      if (current) current.tabIndex = 0;
      if (current && focusId !== null && editingId === null && addingUnder === null
        && (tree.contains(document.activeElement) || document.activeElement === document.body)) {
        current.focus();
      }
    }

    tree.addEventListener('keydown', (event) => {
      const li = event.target.closest && event.target.closest('li[role=treeitem]');
      if (!li || event.target !== li) return;
      const id = Number(li.dataset.id);
      const item = items.find((i) => i.id === id);
      const rows = [...tree.querySelectorAll('li[role=treeitem]')];
      const index = rows.indexOf(li);
      const go = (to) => { if (to) { li.tabIndex = -1; to.tabIndex = 0; to.focus(); focusId = Number(to.dataset.id); } };
      const steps = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };
      if (event.altKey && steps[event.key]) move(id, stepTarget(items, id, steps[event.key]));
      else if (event.key === 'ArrowDown') go(rows[index + 1]);
      else if (event.key === 'ArrowUp') go(rows[index - 1]);
      else if (event.key === 'Home') go(rows[0]);
      else if (event.key === 'End') go(rows[rows.length - 1]);
      else if (event.key === 'Enter' || event.key === 'F2') { editingId = id; render(); }
      else if (event.key === 'Delete') remove(item);
      else return;
      event.preventDefault();
    });

    container.replaceChildren(el('section', { class: 'ws-page' },
      el('div', { class: 'page-head' }, el('h1', {}, t('heading'))),
      addForm(null),
      el('p', { class: 'muted small help', id: 'agenda-help' }, t('help')),
      tree));
    tree.setAttribute('aria-describedby', 'agenda-help');
    const off = ctx.state.on('change', () => { if (editingId === null) { addingUnder = null; render(); } });
    render();
    return off;
  },
};
