// The speaker list: who has the floor (elapsed and remaining time, ticking), the queue (grant,
// move up and down or drag, withdraw), asking for the floor on a delegate's behalf, the default
// speaking time, and the speaking time each delegate has used so far.
import { formatTime } from '/web/common/client.js';
import { t } from './run-text.js';
import { h, clear, add, put, store, duration, errorText, delegateLabel } from './run-common.js';

function who(state, entry) {
    if (entry.bridge) {
        const device = state.devices.find((d) => d.id === entry.bridge);
        return t('speakers.site', device?.label || device?.name || `#${entry.bridge}`);
    }
    return delegateLabel(state.delegates.find((d) => d.id === entry.delegate));
}

function subject(entry) {
    return entry.bridge ? { bridge: entry.bridge } : { delegate: entry.delegate };
}

export default {
    id: 'speakers',
    section: 'run',
    title: { vi: 'Phát biểu', en: 'Speakers' },
    mount(container, ctx) {
        const live = store(ctx);
        const message = h('p', { class: 'run-message', role: 'status' });
        const floor = h('section', { class: 'card run-floor', 'aria-live': 'polite' });
        const queueList = h('ol', { class: 'run-queue' });
        const requestBox = h('div', { class: 'run-toolbar' });
        const limitBox = h('div', { class: 'run-toolbar' });
        const totals = h('tbody');
        const clock = h('p', { class: 'run-clock' });
        put(container, h('div', { class: 'run-view run-speakers' },
            h('h1', {}, t('speakers.title')), message,
            h('div', { class: 'run-columns' },
                floor,
                h('section', { class: 'card' }, h('h2', {}, t('speakers.limit')), limitBox)),
            h('section', { class: 'card' },
                h('h2', {}, t('speakers.queue')), requestBox,
                h('p', { class: 'hint' }, t('speakers.dragHint')), queueList),
            h('section', { class: 'card' }, h('h2', {}, t('speakers.totals')),
                h('table', { class: 'run-totals run-after-table' },
                    h('thead', {}, h('tr', {}, h('th', {}, t('desk.name')), h('th', {}, t('speakers.time')))),
                    totals))));

        async function run(action) {
            message.textContent = '';
            message.className = 'run-message';
            try {
                await action();
            } catch (error) {
                message.textContent = errorText(error, t);
                message.className = 'run-message error';
            }
        }
        const post = (action, body) => run(() => live.command('POST', `/speakers/${action}`, body));

        function tick() {
            const s = live.state?.speakers;
            if (!s || (!s.current && !s.currentBridge) || !s.since) {
                clock.textContent = '';
                return;
            }
            const elapsed = Date.now() - Date.parse(s.since);
            let text = t('speakers.elapsed', duration(elapsed));
            if (s.limitSeconds > 0) {
                const left = s.limitSeconds * 1000 - elapsed;
                text += ` · ${left >= 0 ? t('speakers.remaining', duration(left)) : t('speakers.over', duration(-left))}`;
                clock.classList.toggle('over', left < 0);
            }
            clock.textContent = text;
        }

        function renderFloor(state) {
            const s = state.speakers;
            const speaking = s.current ? { delegate: s.current }
                : s.currentBridge ? { bridge: s.currentBridge } : null;
            put(floor, h('h2', {}, t('speakers.floor')),
                speaking ? [h('p', { class: 'run-speaker-now' }, who(state, speaking)), clock,
                    h('button', { class: 'btn danger', 'data-action': 'end-speech',
                        onclick: () => post('end', {}) }, t('speakers.end'))]
                    : h('p', { class: 'hint' }, t('speakers.nobody')),
                s.queue.length ? h('button', { class: 'btn primary', 'data-action': 'grant-next',
                    onclick: () => post('grant', {}) }, t('speakers.next')) : null);
            tick();
        }

        let dragged = null;
        function renderQueue(state) {
            const queue = state.speakers.queue;
            clear(queueList);
            if (!queue.length)
                add(queueList, h('li', { class: 'hint run-empty' }, t('speakers.empty')));
            queue.forEach((entry, position) => {
                const move = (to) => post('move', { ...subject(entry), position: to });
                const item = h('li', { draggable: 'true', class: 'run-queue-entry',
                    'data-position': String(position) },
                h('span', { class: 'run-queue-name' }, who(state, entry)),
                h('span', { class: 'hint' }, t('speakers.since', formatTime(entry.requestedAt))),
                h('span', { class: 'run-queue-actions' },
                    h('button', { class: 'btn primary', onclick: () => post('grant', subject(entry)) }, t('speakers.grant')),
                    h('button', { class: 'btn', disabled: position === 0, 'aria-label': t('speakers.up'), 'data-action': 'up',
                        onclick: () => move(position - 1) }, '↑'),
                    h('button', { class: 'btn', disabled: position === queue.length - 1,
                        'aria-label': t('speakers.down'), 'data-action': 'down', onclick: () => move(position + 1) }, '↓'),
                    h('button', { class: 'btn', onclick: () => post('withdraw', subject(entry)) },
                        t('speakers.withdraw'))));
                item.addEventListener('dragstart', (e) => {
                    dragged = entry;
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', String(position));
                });
                item.addEventListener('dragover', (e) => { e.preventDefault(); item.classList.add('drop'); });
                item.addEventListener('dragleave', () => item.classList.remove('drop'));
                item.addEventListener('drop', (e) => {
                    e.preventDefault();
                    item.classList.remove('drop');
                    if (dragged && dragged !== entry)
                        post('move', { ...subject(dragged), position });
                    dragged = null;
                });
                add(queueList, item);
            });
        }

        const picker = h('select', { 'aria-label': t('speakers.pick') });
        const filter = h('input', { type: 'search', placeholder: t('desk.search'),
            'aria-label': t('desk.search') });
        function renderPicker(state) {
            const query = filter.value.trim().toLocaleLowerCase();
            const chosen = picker.value;
            put(picker, state.delegates
                .filter((d) => !query || `${d.seat} ${d.name}`.toLocaleLowerCase().includes(query))
                .map((d) => h('option', { value: String(d.id), selected: String(d.id) === chosen },
                    delegateLabel(d))));
        }
        filter.addEventListener('input', () => renderPicker(live.state));
        filter.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' && picker.value)
                post('request', { delegate: Number(picker.value) });
        });
        add(requestBox, filter, picker,
            h('button', { class: 'btn', 'data-action': 'request',
                onclick: () => picker.value && post('request', { delegate: Number(picker.value) }) },
            t('speakers.request')));

        const limitInput = h('input', { type: 'number', min: '0', max: '86400', step: '30',
            class: 'run-limit', 'aria-label': t('speakers.limitSeconds') });
        add(limitBox, h('label', {}, t('speakers.limitSeconds'), ' ', limitInput),
            h('button', { class: 'btn', 'data-action': 'set-limit',
                onclick: () => post('setLimit', { seconds: Number(limitInput.value) || 0 }) },
            t('speakers.setLimit')));

        function renderTotals(state) {
            put(totals, [...state.speakers.totals]
                .sort((a, b) => b.ms - a.ms)
                .map((row) => h('tr', {},
                    h('td', {}, delegateLabel(state.delegates.find((d) => d.id === row.delegate))),
                    h('td', {}, duration(row.ms)))),
            state.speakers.bridgeTotals.map((row) => h('tr', {},
                h('td', {}, who(state, { bridge: row.bridge })), h('td', {}, duration(row.ms)))));
        }

        function render(change) {
            const state = live.state;
            if (!state) {
                message.textContent = live.error ? errorText(live.error, t) : t('loading');
                return;
            }
            if (change?.kind === 'event' && change.event.kind.startsWith('attendance.'))
                return; // nothing here depends on attendance
            if (message.textContent === t('loading'))
                message.textContent = '';
            renderFloor(state);
            renderQueue(state);
            if (document.activeElement !== limitInput)
                limitInput.value = String(state.speakers.defaultLimitSeconds || 0);
            if (!change || change.kind === 'snapshot')
                renderPicker(state);
            renderTotals(state);
        }

        const timer = setInterval(tick, 250);
        const off = live.on('change', (state, what) => render(what));
        render();
        return () => { off(); clearInterval(timer); };
    },
};
