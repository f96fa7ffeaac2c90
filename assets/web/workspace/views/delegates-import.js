// The CSV import of the delegates view: the file's text in an editor, a preview from the server
// (?dryRun=1: every line checked as the import would, nothing stored) that lists every bad line
// with its reason, and the import itself, allowed only for the exact text that previewed clean.
import { el, makeT } from '/web/common/client.js';
import { rest, guarded, toast } from '../ui.js';

const t = makeT({
  vi: {
    heading: 'Nhập danh sách từ tệp CSV', file: 'Chọn tệp CSV…', editor: 'Nội dung CSV (sửa trực tiếp được)',
    hint: 'Dòng đầu là tên cột: Họ tên (bắt buộc), Tổ, Ghế, Trọng số — hoặc name, group, seat, weight. Phân cách bằng dấu phẩy, chấm phẩy hoặc tab.',
    preview: 'Kiểm tra', import: 'Nhập {0} đại biểu', close: 'Đóng',
    clean: 'Tệp hợp lệ: {0} đại biểu sẽ được nhập.', problems: '{0} dòng có lỗi — chưa nhập gì. Sửa trong ô trên rồi kiểm tra lại.',
    line: 'Dòng', reason: 'Lý do', whole: 'cả tệp', goTo: 'Đến dòng {0}', imported: 'Đã nhập {0} đại biểu.',
    changed: 'Nội dung đã thay đổi, hãy kiểm tra lại trước khi nhập.', name: 'Họ tên', group: 'Tổ', seat: 'Ghế', weight: 'Trọng số',
    empty: 'Chưa có nội dung.',
  },
  en: {
    heading: 'Import from a CSV file', file: 'Choose a CSV file…', editor: 'CSV text (editable)',
    hint: 'The first line names the columns: name (required), group, seat, weight — or Họ tên, Tổ, Ghế, Trọng số. Separated by commas, semicolons or tabs.',
    preview: 'Check', import: 'Import {0} delegates', close: 'Close',
    clean: 'The file is valid: {0} delegates will be imported.', problems: '{0} problem(s) — nothing imported yet. Fix them above and check again.',
    line: 'Line', reason: 'Reason', whole: 'whole file', goTo: 'Go to line {0}', imported: '{0} delegates imported.',
    changed: 'The text changed; check it again before importing.', name: 'Name', group: 'Group', seat: 'Seat', weight: 'Weight',
    empty: 'Nothing to check yet.',
  },
});

export function importPanel(ctx, { onClose }) {
  const path = `/meetings/${ctx.meeting}/delegates/import`;
  let previewed = null; // the text the last clean preview was for
  const editor = el('textarea', { id: 'csv-editor', class: 'csv-editor', rows: '10', spellcheck: 'false',
    oninput: () => { if (previewed !== null && editor.value !== previewed) { previewed = null; importButton.disabled = true; status.textContent = t('changed'); } } });
  const fileInput = el('input', { id: 'csv-file', type: 'file', class: 'visually-hidden', accept: '.csv,text/csv,text/plain', onchange: async () => {
    const file = fileInput.files[0];
    if (!file) return;
    editor.value = await file.text();
    previewed = null;
    check();
  } });
  const status = el('p', { class: 'import-status', role: 'status', id: 'csv-status' });
  const results = el('div', { id: 'csv-results' });
  const importButton = el('button', { class: 'btn primary', type: 'button', disabled: true, id: 'csv-import', onclick: runImport }, t('import', 0));

  function goToLine(line) {
    const lines = editor.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    editor.focus();
    editor.setSelectionRange(start, start + (lines[line - 1] || '').length);
    const lineHeight = editor.scrollHeight / Math.max(1, lines.length);
    editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  async function check() {
    results.replaceChildren();
    importButton.disabled = true;
    if (!editor.value.trim()) { status.textContent = t('empty'); return; }
    const text = editor.value;
    const answer = await guarded(() => rest('POST', `${path}?dryRun=1`, { csv: text }));
    if (!answer) return;
    const lines = text.split(/\r?\n/);
    if (answer.ok) {
      previewed = text;
      importButton.disabled = false;
      importButton.textContent = t('import', answer.rows.length);
      status.className = 'import-status ok';
      status.textContent = t('clean', answer.rows.length);
      results.append(el('table', { class: 'table compact' },
        el('thead', {}, el('tr', {}, ...['line', 'name', 'group', 'seat', 'weight'].map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, ...answer.rows.map((r) => el('tr', {},
          el('td', {}, String(r.line)), el('td', {}, r.name), el('td', {}, r.group), el('td', {}, r.seat), el('td', { class: 'num' }, String(r.weight)))))));
      return;
    }
    status.className = 'import-status bad';
    status.textContent = t('problems', answer.problems.length);
    results.append(el('table', { class: 'table compact problems', id: 'csv-problems' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('line')), el('th', { scope: 'col' }, 'CSV'), el('th', { scope: 'col' }, t('reason')))),
      el('tbody', {}, ...answer.problems.map((p) => el('tr', { 'data-line': String(p.line) },
        el('td', {}, p.line ? el('button', { class: 'btn small link', type: 'button', 'aria-label': t('goTo', p.line), onclick: () => goToLine(p.line) }, String(p.line)) : t('whole')),
        el('td', { class: 'mono' }, p.line ? (lines[p.line - 1] || '') : ''),
        el('td', { class: 'reason' }, p.message))))));
  }

  async function runImport() {
    if (previewed === null || editor.value !== previewed) { status.textContent = t('changed'); importButton.disabled = true; return; }
    const answer = await guarded(() => rest('POST', path, { csv: previewed }));
    if (!answer) { previewed = null; importButton.disabled = true; return; }
    toast(t('imported', answer.result.imported), 'ok');
    editor.value = '';
    previewed = null;
    results.replaceChildren();
    status.textContent = t('imported', answer.result.imported);
    importButton.disabled = true;
    await ctx.state.refresh();
  }

  const panel = el('section', { class: 'card import-panel', id: 'csv-panel', 'aria-labelledby': 'csv-heading' },
    el('div', { class: 'page-head' }, el('h2', { id: 'csv-heading' }, t('heading')), el('span', { class: 'spacer' }),
      el('button', { class: 'btn', type: 'button', onclick: onClose }, t('close'))),
    el('p', { class: 'muted small' }, t('hint')),
    el('div', { class: 'row' }, el('label', { class: 'btn', for: 'csv-file', tabindex: '0',
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); fileInput.click(); } } }, t('file')), fileInput),
    el('div', { class: 'field' }, el('label', { for: 'csv-editor' }, t('editor')), editor),
    el('div', { class: 'row' }, el('button', { class: 'btn', type: 'button', id: 'csv-check', onclick: check }, t('preview')), importButton),
    status, results);
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') onClose(); });
  setTimeout(() => editor.focus(), 0);
  return panel;
}
