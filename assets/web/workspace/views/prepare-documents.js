// #/m/<id>/documents: each agenda item with its documents. Files are dropped onto an item (or
// chosen with its button) and uploaded with a progress bar; office files show their conversion;
// a refused file stays listed with the server's reason. Documents can be removed and presented.
import { el, makeT, formatDateTime } from '/web/common/client.js';
import { rest, guarded, confirmDialog, bytesText, toast } from '../ui.js';
import { uploadDocument, officeExtensions } from './document-upload.js';

const t = makeT({
  vi: {
    heading: 'Tài liệu', noItems: 'Hãy thêm nội dung vào chương trình trước.', choose: 'Chọn tệp…',
    drop: 'Thả tệp PDF hoặc văn phòng vào đây', accepted: 'PDF hoặc {0}', pages: '{0} trang', page1: '1 trang',
    sending: 'Đang tải lên {0}%', converting: 'Đang chuyển sang PDF…', checking: 'Đang kiểm tra…', refused: 'Bị từ chối',
    done: 'Đã tải lên “{0}”.', same: '“{0}” đã có sẵn ở mục này.', remove: 'Xoá', present: 'Trình chiếu', stop: 'Dừng trình chiếu',
    presenting: 'đang trình chiếu', confirmRemove: 'Gỡ tài liệu “{0}” khỏi mục này?', dismiss: 'Ẩn',
    order: 'Tài liệu xếp theo thứ tự tải lên; máy chủ chưa hỗ trợ sắp xếp lại.', converted: 'chuyển từ {0}', network: 'mất kết nối',
    none: 'Chưa có tài liệu.',
  },
  en: {
    heading: 'Documents', noItems: 'Add items to the agenda first.', choose: 'Choose files…',
    drop: 'Drop PDF or office files here', accepted: 'PDF or {0}', pages: '{0} pages', page1: '1 page',
    sending: 'Uploading {0}%', converting: 'Converting to PDF…', checking: 'Checking…', refused: 'Refused',
    done: 'Uploaded “{0}”.', same: '“{0}” is already on this item.', remove: 'Remove', present: 'Present', stop: 'Stop presenting',
    presenting: 'presenting', confirmRemove: 'Take “{0}” off this item?', dismiss: 'Dismiss',
    order: 'Documents are listed in upload order; the server cannot reorder them yet.', converted: 'converted from {0}', network: 'connection lost',
    none: 'No documents yet.',
  },
});

export default {
  id: 'documents',
  section: 'prepare',
  title: { vi: 'Tài liệu', en: 'Documents' },
  mount(container, ctx) {
    const uploads = new Map(); // item id → [{key, name, size, phase, percent, error}]
    let counter = 0;
    const page = el('section', { class: 'ws-page' });
    container.replaceChildren(page);

    function upload(itemId, files) {
      for (const file of files) {
        const entry = { key: ++counter, name: file.name, size: file.size, phase: 'sending', percent: 0, error: null };
        if (!uploads.has(itemId)) uploads.set(itemId, []);
        uploads.get(itemId).push(entry);
        render();
        uploadDocument(ctx.meeting, itemId, file, ({ phase, loaded, total }) => {
          entry.phase = phase;
          entry.percent = total ? Math.round((loaded / total) * 100) : 0;
          updateEntry(entry);
        }).then(async (answer) => {
          uploads.set(itemId, uploads.get(itemId).filter((e) => e !== entry));
          toast(t(answer && answer.created ? 'done' : 'same', file.name), 'ok');
          await ctx.state.refresh();
          render();
        }, (error) => {
          entry.phase = 'refused';
          entry.error = error.message || (error.status === 0 ? t('network') : String(error.status));
          render();
        });
      }
    }

    function updateEntry(entry) {
      const row = page.querySelector(`[data-upload="${entry.key}"]`);
      if (!row) return;
      row.querySelector('progress').value = entry.percent;
      row.querySelector('.upload-phase').textContent = t(entry.phase, entry.percent);
    }

    function uploadRow(itemId, entry) {
      return el('li', { class: `upload ${entry.phase}`, 'data-upload': String(entry.key) },
        el('span', { class: 'doc-name' }, entry.name), el('span', { class: 'muted small' }, bytesText(entry.size)),
        entry.error
          ? el('span', { class: 'refusal', role: 'alert' }, el('strong', {}, `${t('refused')}: `), entry.error)
          : el('progress', { max: '100', value: String(entry.percent), 'aria-label': entry.name }),
        entry.error ? el('button', { class: 'btn small', type: 'button', onclick: () => {
          uploads.set(itemId, uploads.get(itemId).filter((e) => e !== entry)); render();
        } }, t('dismiss')) : el('span', { class: 'upload-phase small' }, t(entry.phase, entry.percent)));
    }

    function documentRow(document, presenting) {
      const shown = presenting && presenting.document === document.id;
      return el('li', { class: 'document' + (shown ? ' presenting' : ''), 'data-document': String(document.id) },
        el('span', { class: 'doc-icon', 'aria-hidden': 'true' }, 'PDF'),
        el('span', { class: 'doc-name' }, document.title || document.name),
        document.title && document.name && document.title !== document.name ? el('span', { class: 'doc-file small' }, document.name) : null,
        el('span', { class: 'muted small' }, [document.pages === 1 ? t('page1') : t('pages', document.pages), bytesText(document.bytes),
          document.source && document.source !== 'pdf' ? t('converted', document.source.toUpperCase()) : null,
          document.addedAt ? formatDateTime(document.addedAt) : null].filter(Boolean).join(' · ')),
        shown ? el('span', { class: 'badge live' }, t('presenting')) : null,
        el('span', { class: 'spacer' }),
        el('button', { class: 'btn small', type: 'button', onclick: async () => {
          await guarded(() => rest('POST', `/meetings/${ctx.meeting}/present`, { document: shown ? null : document.id, ...(shown ? {} : { page: 1 }) }));
          await ctx.state.refresh();
        } }, shown ? t('stop') : t('present')),
        el('button', { class: 'btn small danger', type: 'button', 'aria-label': `${t('remove')}: ${document.title || document.name}`, onclick: async () => {
          if (!(await confirmDialog(t('confirmRemove', document.title || document.name), { okLabel: t('remove') }))) return;
          await guarded(() => rest('DELETE', `/meetings/${ctx.meeting}/documents/${document.id}`));
          await ctx.state.refresh();
        } }, t('remove')));
    }

    function itemBlock(item, documents, presenting) {
      const input = el('input', { type: 'file', multiple: '', class: 'visually-hidden', id: `file-${item.id}`,
        accept: ['.pdf', ...officeExtensions.map((e) => '.' + e)].join(','),
        onchange: () => { upload(item.id, [...input.files]); input.value = ''; } });
      const zone = el('div', { class: 'drop-zone', 'data-item': String(item.id),
        ondragover: (e) => { if ([...e.dataTransfer.types].includes('Files')) { e.preventDefault(); zone.classList.add('over'); } },
        ondragleave: () => zone.classList.remove('over'),
        ondrop: (e) => { e.preventDefault(); zone.classList.remove('over'); upload(item.id, [...e.dataTransfer.files]); },
      }, el('span', {}, t('drop')), el('span', { class: 'muted small' }, t('accepted', officeExtensions.join(', '))),
      el('label', { class: 'btn small', for: `file-${item.id}`, tabindex: '0',
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } } }, t('choose')), input);
      const pending = uploads.get(item.id) || [];
      return el('section', { class: 'card item-documents', 'data-item': String(item.id) },
        el('h2', {}, el('span', { class: 'number' }, item.number || ''), ' ', item.title),
        el('ul', { class: 'documents' }, ...documents.map((d) => documentRow(d, presenting)), ...pending.map((e) => uploadRow(item.id, e)),
          !documents.length && !pending.length ? el('li', { class: 'muted small' }, t('none')) : null),
        zone);
    }

    function render() {
      const state = ctx.state.snapshot;
      if (!state) return;
      const items = (state.agenda || []).filter((i) => i.kind !== 'break');
      const documents = (state.documents || []).filter((d) => !d.removed);
      const presenting = state.presenting && state.presenting.document ? state.presenting : null;
      page.replaceChildren(el('div', { class: 'page-head' }, el('h1', {}, t('heading'))),
        el('p', { class: 'muted small' }, t('order')),
        ...(items.length ? items.map((item) => itemBlock(item, documents.filter((d) => d.item === item.id), presenting))
          : [el('p', { class: 'empty' }, t('noItems'))]));
    }

    // A file dropped beside the zones would make the browser open it and leave the workspace.
    const stray = (e) => { if (!e.target.closest || !e.target.closest('.drop-zone')) e.preventDefault(); };
    window.addEventListener('dragover', stray);
    window.addEventListener('drop', stray);
    const off = ctx.state.on('change', render);
    render();
    return () => { off(); window.removeEventListener('dragover', stray); window.removeEventListener('drop', stray); };
  },
};
