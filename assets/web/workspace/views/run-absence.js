// The reason an absent delegate is excused for (attendance.excuse), in the desk's attendance
// list: shown beside an absent delegate, written or changed in place, withdrawn with an empty
// reason. A delegate who is present has no reason to show (the server keeps it; it is about
// the times they were away, and comes back if they leave again).
import { t } from './minutes-text.js';
import { h, put, errorText } from './run-common.js';
import { t as runT } from './run-text.js';

export const kMaxReason = 500;

// A table cell for one delegate; update(delegate) re-draws it when the delegate changes.
export function absenceCell(live) {
    const cell = h('td', { class: 'run-absence' });
    let shown = null; // {present, reason} last drawn
    let editing = false;
    let delegate = null;

    function save(reason) {
        if (reason.length > kMaxReason)
            return Promise.reject(new Error(t('absence.tooLong')));
        return live.command('PUT', `/delegates/${delegate.id}/absence`, { reason });
    }

    function editor() {
        const input = h('input', {
            type: 'text', class: 'run-absence-input', maxlength: String(kMaxReason),
            value: delegate.absenceReason || '', 'aria-label': t('absence.label', delegate.name),
        });
        const problem = h('span', { class: 'run-message error run-absence-error', role: 'alert' });
        const finish = () => { editing = false; draw(true); };
        const form = h('form', { class: 'run-absence-form' }, input,
            h('button', { class: 'btn primary small', type: 'submit' }, t('absence.save')),
            h('button', { class: 'btn small', type: 'button', onclick: finish }, t('absence.cancel')),
            problem);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            problem.textContent = '';
            try {
                await save(input.value.trim());
                finish();
            } catch (error) {
                problem.textContent = error.code ? errorText(error, runT) : error.message;
            }
        });
        input.addEventListener('keydown', (event) => { if (event.key === 'Escape') finish(); });
        queueMicrotask(() => input.focus());
        return form;
    }

    function draw(force = false) {
        const reason = delegate.absenceReason || '';
        if (!force && shown && shown.present === delegate.present && shown.reason === reason)
            return;
        shown = { present: delegate.present, reason };
        cell.dataset.reason = reason;
        if (delegate.present) {
            put(cell);
            return;
        }
        if (editing) {
            put(cell, editor());
            return;
        }
        const edit = h('button', {
            class: 'btn small', type: 'button', 'data-action': 'excuse',
            'aria-label': `${reason ? t('absence.edit') : t('absence.excuse')}: ${delegate.name}`,
            onclick: () => { editing = true; draw(true); },
        }, reason ? t('absence.edit') : t('absence.excuse'));
        put(cell, reason ? h('span', { class: 'run-absence-reason' }, t('absence.excused', reason)) : null, ' ', edit);
    }

    return {
        cell,
        update(next) {
            delegate = next;
            if (!editing)
                draw();
        },
    };
}
