// Conclusions of the sitting: per agenda item its numbered conclusions (text, and the passed,
// published poll one rests on), added, edited and removed by the secretary; for a meeting of a
// council, "make a task" turns a conclusion into a task of the council (an organisation or an
// active member, a deadline date meaning 23:59:59 Vietnam time) and lists its tasks under it.
// The conclusions come live from the store; the tasks are read again when the meeting's log
// moves or a task was made here (the council's log is not in the meeting store). Open forms
// keep their nodes across re-renders so what is being typed survives a live update.
import { t } from '../strings.js';
import { h, put, store, errorText } from './run-common.js';
import { field, select, confirmDialog } from '../ui.js';
import { api } from '/web/common/client.js';

// "2027-01-31" → "2027-01-31T16:59:59Z": the end of that day in UTC+07:00 (no summer time).
export function deadlineOfDate(date) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
    if (!match)
        return '';
    return `${match[1]}-${match[2]}-${match[3]}T16:59:59Z`;
}

// The date a UTC deadline falls on in Vietnam, "31/01/2027".
function vnDate(iso) {
    const instant = new Date(iso);
    if (Number.isNaN(instant.getTime()))
        return String(iso || '');
    const local = new Date(instant.getTime() + 7 * 3600 * 1000);
    const pad = (n) => String(n).padStart(2, '0');
    return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

function shortened(text, limit = 120) {
    const flat = String(text || '').replace(/\s+/g, ' ').trim();
    return flat.length > limit ? flat.slice(0, limit - 1) + '…' : flat;
}

function passedPolls(state, item) {
    return state.polls.filter((p) => p.item === item && p.state === 'published'
        && ['passed', 'elected'].includes(p.closing?.outcome?.verdict));
}

export default {
    id: 'conclusions',
    section: 'run',
    title: { vi: 'Kết luận', en: 'Conclusions' },
    mount(container, ctx) {
        const live = store(ctx);
        const message = h('p', { class: 'run-message', role: 'status' });
        const body = h('div', { class: 'conc-items' });
        put(container, h('div', { class: 'run-view run-conclusions' }, h('h1', {}, t('conc_title')), message, body));

        const forms = new Map(); // "add:<item>" | "edit:<c>" | "task:<c>" → a form node kept open
        let council = null; // GET /councils/{c}: members and organisations
        let tasks = [];
        let councilId = 0;
        let loadedSeq = -1;
        let gone = false;

        async function loadTasks() {
            if (!councilId)
                return;
            try {
                if (!council)
                    council = await api('GET', `/api/v1/councils/${councilId}`);
                tasks = (await api('GET', `/api/v1/councils/${councilId}/tasks?origin=${live.meeting}`)).tasks || [];
            } catch (error) {
                message.textContent = errorText(error, t);
                message.className = 'run-message error';
            }
            if (!gone)
                render();
        }

        function formError() {
            return h('p', { class: 'run-message error conc-error', role: 'alert' });
        }

        async function submit(form, errorLine, action) {
            errorLine.textContent = '';
            const buttons = form.querySelectorAll('button');
            buttons.forEach((b) => { b.disabled = true; });
            try {
                await action();
                return true;
            } catch (error) {
                errorLine.textContent = errorText(error, t);
                return false;
            } finally {
                buttons.forEach((b) => { b.disabled = false; });
            }
        }

        function close(key) {
            forms.delete(key);
            render();
        }

        // The add form of an item; its poll choice follows the item's passed, published polls
        // (a poll published while the form is open appears in it, what was chosen stays).
        function addForm(state, item) {
            const key = `add:${item.id}`;
            const kept = forms.get(key);
            if (kept) {
                kept.refreshPolls(state);
                return kept;
            }
            const text = field(t('conc_text'), { rows: 3, class: 'conc-text', maxlength: 4000 }, 'textarea');
            const poll = select(t('conc_poll'), [], '');
            poll.input.classList.add('conc-poll-choice');
            const errorLine = formError();
            const form = h('form', { class: 'conc-add', 'data-item': String(item.id) }, text.wrap, poll.wrap,
                h('button', { class: 'btn primary', type: 'submit' }, t('conc_add')), errorLine);
            form.refreshPolls = (now) => {
                const polls = passedPolls(now, item.id);
                const chosen = poll.input.value;
                put(poll.input, h('option', { value: '' }, t('conc_noPoll')),
                    polls.map((p) => h('option', { value: String(p.id) }, p.title)));
                poll.input.value = polls.some((p) => String(p.id) === chosen) ? chosen : '';
                poll.wrap.hidden = !polls.length;
            };
            form.refreshPolls(state);
            form.addEventListener('submit', async (event) => {
                event.preventDefault();
                const payload = { item: item.id, text: text.input.value };
                if (poll.input.value)
                    payload.poll = Number(poll.input.value);
                if (await submit(form, errorLine, () => live.command('POST', '/conclusions', payload))) {
                    text.input.value = '';
                    poll.input.value = '';
                }
            });
            forms.set(key, form);
            return form;
        }

        function editForm(conclusion) {
            const key = `edit:${conclusion.conclusion}`;
            if (forms.has(key))
                return forms.get(key);
            const text = field(t('conc_text'), { rows: 3, class: 'conc-edit-text', maxlength: 4000, value: conclusion.text }, 'textarea');
            const errorLine = formError();
            const form = h('form', { class: 'conc-edit' }, text.wrap,
                h('button', { class: 'btn primary', type: 'submit' }, t('conc_save')),
                h('button', { class: 'btn', type: 'button', onclick: () => close(key) }, t('conc_cancel')), errorLine);
            form.addEventListener('submit', async (event) => {
                event.preventDefault();
                if (await submit(form, errorLine, () => live.command('PATCH', `/conclusions/${conclusion.conclusion}`, { text: text.input.value })))
                    close(key);
            });
            forms.set(key, form);
            setTimeout(() => text.input.focus(), 0);
            return form;
        }

        function taskForm(conclusion) {
            const key = `task:${conclusion.conclusion}`;
            if (forms.has(key))
                return forms.get(key);
            const title = field(t('conc_taskTitle'), { class: 'conc-task-title', value: shortened(conclusion.text), maxlength: 200 });
            const id = 'f-' + Math.random().toString(36).slice(2, 9);
            const owner = h('select', { id, class: 'conc-task-owner' },
                h('optgroup', { label: t('conc_orgs') }, (council?.organisations || []).map((o) =>
                    h('option', { value: `organisation:${o.organisation}` }, o.name))),
                h('optgroup', { label: t('conc_members') }, (council?.members || []).filter((m) => m.active).map((m) =>
                    h('option', { value: `member:${m.member}` }, m.title ? `${m.name} — ${m.title}` : m.name))));
            const deadline = field(t('conc_deadline'), { type: 'date', class: 'conc-task-deadline' });
            const errorLine = formError();
            const form = h('form', { class: 'conc-task-form' }, title.wrap,
                h('div', { class: 'field' }, h('label', { for: id }, t('conc_owner')), owner), deadline.wrap,
                h('button', { class: 'btn primary', type: 'submit' }, t('conc_create')),
                h('button', { class: 'btn', type: 'button', onclick: () => close(key) }, t('conc_cancel')), errorLine);
            form.addEventListener('submit', async (event) => {
                event.preventDefault();
                const instant = deadlineOfDate(deadline.input.value);
                if (!instant) {
                    errorLine.textContent = t('conc_needDate');
                    return;
                }
                const [ownerKind, ownerId] = owner.value.split(':');
                const payload = { title: title.input.value, ownerKind, owner: Number(ownerId), deadline: instant,
                    meeting: live.meeting, conclusion: conclusion.conclusion };
                if (await submit(form, errorLine, () => api('POST', `/api/v1/councils/${councilId}/tasks`, payload))) {
                    forms.delete(key);
                    await loadTasks();
                }
            });
            forms.set(key, form);
            setTimeout(() => title.input.focus(), 0);
            return form;
        }

        function taskList(conclusion) {
            const own = tasks.filter((task) => task.origin?.conclusion === conclusion.conclusion);
            if (!own.length)
                return null;
            return h('ul', { class: 'conc-tasks', 'aria-label': t('conc_tasks') }, own.map((task) =>
                h('li', { class: `conc-task colour-${task.colour}`, 'data-task': String(task.task) },
                    h('span', { class: 'conc-task-name' }, task.title), ' — ', h('span', {}, task.ownerName), ' · ',
                    h('span', { class: `badge task-${task.status}` }, t(`task_${task.status}`)), ' · ',
                    h('span', { class: 'conc-task-due' }, t('conc_due', vnDate(task.deadline))),
                    ' ', h('span', { class: 'hint' }, `(${t(`colour_${task.colour}`)})`))));
        }

        function conclusionEntry(state, conclusion) {
            const key = conclusion.conclusion;
            const poll = conclusion.poll ? state.polls.find((p) => p.id === conclusion.poll) : null;
            const editing = forms.has(`edit:${key}`);
            return h('li', { class: 'conc-entry', 'data-conclusion': String(key), value: String(conclusion.number) },
                h('span', { class: 'conc-number' }, `${conclusion.number}.`), ' ',
                editing ? editForm(conclusion) : h('span', { class: 'conc-body' }, conclusion.text),
                poll ? h('p', { class: 'hint conc-poll' }, t('conc_restsOn', poll.title)) : null,
                editing ? null : h('div', { class: 'run-toolbar' },
                    h('button', { class: 'btn small', type: 'button', 'data-action': 'edit',
                        onclick: () => { editForm(conclusion); render(); } }, t('conc_edit')),
                    h('button', { class: 'btn small danger', type: 'button', 'data-action': 'remove',
                        onclick: async () => {
                            if (!(await confirmDialog(t('conc_removeQ', conclusion.number), { okLabel: t('conc_remove') })))
                                return;
                            try {
                                await live.command('DELETE', `/conclusions/${key}`);
                            } catch (error) {
                                message.textContent = errorText(error, t);
                                message.className = 'run-message error';
                            }
                        } }, t('conc_remove')),
                    councilId && !forms.has(`task:${key}`) ? h('button', { class: 'btn small', type: 'button', 'data-action': 'task',
                        onclick: () => { taskForm(conclusion); render(); } }, t('conc_makeTask')) : null),
                forms.has(`task:${key}`) ? taskForm(conclusion) : null,
                taskList(conclusion));
        }

        // Tasks live in the council's log, not the meeting's: the server pushes board.changed to
        // every session subscribed to a meeting of the council when one of its tasks changes.
        let boardSocket = null;
        let offBoard = () => {};
        function followTasks() {
            if (!live.live || live.live === boardSocket)
                return;
            offBoard();
            boardSocket = live.live;
            offBoard = boardSocket.on('board.changed', (push) => {
                if (councilId && push.council === councilId)
                    loadTasks();
            });
        }

        function render() {
            followTasks();
            const state = live.state;
            if (!state) {
                message.textContent = live.error ? errorText(live.error, t) : t('conc_loading');
                return;
            }
            if (message.textContent === t('conc_loading'))
                message.textContent = '';
            if (state.council && state.council !== councilId) {
                councilId = state.council;
                council = null;
                loadTasks();
            }
            if (state.seq !== loadedSeq) {
                const first = loadedSeq < 0;
                loadedSeq = state.seq;
                if (!first && councilId)
                    loadTasks(); // a conclusion edited or removed elsewhere; tasks may have been made too
            }
            const focused = document.activeElement;
            const conclusions = (state.conclusions || []).filter((c) => !c.removed);
            put(body,
                councilId ? null : h('p', { class: 'hint' }, t('conc_noCouncil')),
                state.agenda.map((item) => {
                    const own = conclusions.filter((c) => c.item === item.id);
                    return h('section', { class: 'card conc-item', 'data-item': String(item.id) },
                        h('h2', {}, item.number ? `${item.number}. ${item.title}` : item.title),
                        own.length ? h('ol', { class: 'conc-list' }, own.map((c) => conclusionEntry(state, c)))
                            : h('p', { class: 'hint' }, t('conc_none')),
                        addForm(state, item));
                }));
            if (focused && focused !== document.body && document.contains(focused) && document.activeElement !== focused)
                focused.focus();
        }

        const off = live.on('change', () => render());
        render();
        return () => { gone = true; off(); offBoard(); };
    },
};
