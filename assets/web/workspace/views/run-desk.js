// The secretary's desk during a sitting: the meeting's status (start, end), the current agenda
// item, attendance and quorum, and checking delegates in and out (search, keyboard); the
// reasons absent delegates are excused for, and warnings when a speech could not be recorded.
import { t } from './run-text.js';
import { t as minutesT } from './minutes-text.js';
import { absenceCell } from './run-absence.js';
import { recordingWarnings } from './run-recordings.js';
import { confirmDialog } from '../ui.js';
import { h, clear, add, put, store, quorumRuleText, errorText, delegateLabel } from './run-common.js';

function statusBadge(status) {
    return h('span', { class: `badge status-${status}`, 'data-status': status }, t(`status.${status}`));
}

export default {
    id: 'run',
    section: 'run',
    title: { vi: 'Điều hành', en: 'Run' },
    mount(container, ctx) {
        const live = store(ctx);
        const message = h('p', { class: 'run-message', role: 'status' });
        const head = h('div', { class: 'run-head' });
        const itemCard = h('section', { class: 'card run-item' });
        const quorumCard = h('section', { class: 'card run-quorum', 'aria-live': 'polite' });
        const search = h('input', {
            type: 'search', class: 'run-search', placeholder: t('desk.search'),
            'aria-label': t('desk.search'),
        });
        const counter = h('span', { class: 'run-count' });
        const tbody = h('tbody');
        const table = h('table', { class: 'run-attendance' },
            h('thead', {}, h('tr', {},
                h('th', {}, t('desk.seat')), h('th', {}, t('desk.name')),
                h('th', {}, t('desk.group')), h('th', {}, t('desk.weight')),
                h('th', {}, t('desk.state')), h('th', {}, minutesT('absence.reason')), h('th', {}, ''))),
            tbody);
        const warnings = recordingWarnings();
        put(container, h('div', { class: 'run-view run-desk' },
            head, message, warnings.card,
            h('div', { class: 'run-columns' }, itemCard, quorumCard),
            h('section', { class: 'card' },
                h('h2', {}, t('desk.attendance')),
                h('div', { class: 'run-toolbar' }, search, counter),
                h('p', { class: 'hint' }, t('desk.keys')),
                table)));

        const rows = new Map(); // delegate id -> {row, present}

        async function run(action) {
            message.textContent = '';
            try {
                await action();
            } catch (error) {
                message.textContent = errorText(error, t);
                message.className = 'run-message error';
            }
        }

        function toggle(delegate) {
            return run(() => live.command('POST',
                `/delegates/${delegate.id}/${delegate.present ? 'check-out' : 'check-in'}`));
        }

        function renderHead(state) {
            put(head, 
                h('h1', {}, state.title),
                statusBadge(state.status),
                state.status !== 'in_session'
                    ? h('button', { class: 'btn primary', 'data-action': 'start',
                        onclick: () => run(() => live.command('POST', '/start')) },
                    state.status === 'ended' ? t('desk.restart') : t('desk.start'))
                    : h('button', { class: 'btn danger', 'data-action': 'end',
                        onclick: async () => {
                            if (await confirmDialog(t('desk.endConfirm'), { okLabel: t('desk.end') }))
                                run(() => live.command('POST', '/end'));
                        } }, t('desk.end')));
        }

        function renderItem(state) {
            const current = state.agenda.find((i) => i.id === state.currentItem);
            const select = h('select', {
                class: 'run-item-select', 'aria-label': t('desk.selectItem'),
                onchange: (e) => run(() => live.command('PUT', '/current-item',
                    { item: e.target.value === '' ? null : Number(e.target.value) })),
            }, h('option', { value: '' }, t('desk.noItem')),
            state.agenda.map((item) => h('option', {
                value: String(item.id), selected: item.id === state.currentItem,
            }, `${'\u00a0\u00a0'.repeat(item.depth || 0)}${item.number ? item.number + '. ' : ''}${item.title}`)));
            put(itemCard, 
                h('h2', {}, t('desk.currentItem')),
                h('p', { class: 'run-current-title' },
                    current ? `${current.number ? current.number + '. ' : ''}${current.title}` : t('desk.noItem')),
                h('label', {}, t('desk.selectItem'), ' ', select));
        }

        function renderQuorum(state) {
            const q = state.quorum;
            const presentHeads = state.delegates.filter((d) => d.present).length;
            put(quorumCard, 
                h('h2', {}, t('desk.quorum')),
                h('p', { class: 'run-quorum-figures' },
                    h('strong', { class: 'run-present' }, `${q.present}/${q.total}`), ' ',
                    t(q.rule?.basis === 'weight' ? 'desk.presentWeight' : 'desk.present'),
                    ' · ', t('desk.required', q.required)),
                h('p', {},
                    h('span', { class: `badge ${q.reached ? 'ok' : 'warn'} run-quorum-state` },
                        q.reached ? t('desk.quorumReached') : t('desk.quorumNotReached'))),
                h('p', { class: 'hint run-quorum-rule' }, t('desk.rule', quorumRuleText(q.rule))),
                h('p', { class: 'hint' }, t('desk.heads', presentHeads, state.delegates.length)));
        }

        function matches(delegate, query) {
            if (!query)
                return true;
            const text = `${delegate.seat || ''} ${delegate.name} ${delegate.group || ''}`.toLocaleLowerCase();
            return query.split(/\s+/).every((word) => text.includes(word));
        }

        function makeRow(delegate) {
            const button = h('button', { class: 'btn', 'data-action': 'toggle' });
            button.addEventListener('click', () => toggle(live.delegate(delegate.id)));
            const stateCell = h('td', { class: 'run-state' });
            const absence = absenceCell(live);
            const row = h('tr', { 'data-delegate': String(delegate.id) },
                h('td', {}, delegate.seat || ''), h('td', { class: 'run-name' }, delegate.name),
                h('td', {}, delegate.group || ''), h('td', {}, delegate.weight),
                stateCell, absence.cell, h('td', {}, button));
            return { row, stateCell, button, absence, present: null, key: '' };
        }

        function updateRow(entry, delegate) {
            entry.absence.update(delegate);
            if (entry.present === delegate.present)
                return;
            entry.present = delegate.present;
            entry.row.classList.toggle('present', delegate.present);
            entry.row.dataset.present = delegate.present ? '1' : '0';
            entry.stateCell.textContent = delegate.present ? t('desk.in') : t('desk.out');
            entry.button.textContent = delegate.present ? t('desk.checkOut') : t('desk.checkIn');
            entry.button.className = delegate.present ? 'btn' : 'btn primary';
            entry.button.setAttribute('aria-label',
                `${delegate.present ? t('desk.checkOut') : t('desk.checkIn')}: ${delegate.name}`);
        }

        function renderRows(state) {
            const query = search.value.trim().toLocaleLowerCase();
            const seen = new Set();
            let shown = 0;
            let index = 0;
            for (const delegate of state.delegates) {
                seen.add(delegate.id);
                let entry = rows.get(delegate.id);
                const key = `${delegate.name}|${delegate.seat}|${delegate.group}|${delegate.weight}`;
                if (!entry || entry.key !== key) {
                    const fresh = makeRow(delegate);
                    fresh.key = key;
                    if (entry)
                        entry.row.replaceWith(fresh.row);
                    entry = fresh;
                    rows.set(delegate.id, entry);
                }
                updateRow(entry, delegate);
                const visible = matches(delegate, query);
                entry.row.hidden = !visible;
                shown += visible ? 1 : 0;
                if (tbody.children[index] !== entry.row)
                    tbody.insertBefore(entry.row, tbody.children[index] || null);
                ++index;
            }
            for (const [id, entry] of rows) {
                if (!seen.has(id)) {
                    entry.row.remove();
                    rows.delete(id);
                }
            }
            const present = state.delegates.filter((d) => d.present).length;
            counter.textContent = t('desk.count', shown, state.delegates.length, present);
        }

        function render(change) {
            const state = live.state;
            if (!state) {
                message.textContent = live.error ? errorText(live.error, t) : t('loading');
                return;
            }
            if (message.textContent === t('loading'))
                message.textContent = '';
            const attendanceOnly = change?.kind === 'event'
                && change.event.kind.startsWith('attendance.');
            if (!attendanceOnly) {
                renderHead(state);
                renderItem(state);
            }
            renderQuorum(state);
            renderRows(state);
            warnings.update(state);
            if (!window.__ready) {
                window.__ready = performance.now(); // the benchmark's "interactive" mark
                document.documentElement.dataset.ready = '1';
            }
        }

        search.addEventListener('input', () => live.state && renderRows(live.state));
        // Enter checks the first delegate shown in or out, Escape clears the search: a name is
        // typed, Enter pressed, and the next name typed.
        search.addEventListener('keydown', (event) => {
            if (event.key === 'Escape') {
                search.value = '';
                renderRows(live.state);
            } else if (event.key === 'Enter') {
                const row = [...tbody.children].find((r) => !r.hidden);
                if (row) {
                    toggle(live.delegate(Number(row.dataset.delegate)));
                    search.select();
                }
            }
        });

        const off = live.on('change', (state, what) => render(what));
        render();
        search.focus();
        return () => off();
    },
};
