// After the sitting: every poll's result (and its signed result), attendance per delegate with
// check-in and check-out times from the event log, speaking times per delegate from the
// speaker events, and the event log itself — downloaded exactly as the server gives it, with
// its hash chain checked in the browser and the `chamberctl verify` command to check it fully.
import { formatTime } from '/web/common/client.js';
import { t } from './run-text.js';
import { h, clear, add, put, store, duration, download, copy, errorText, delegateLabel, ruleText } from './run-common.js';
import { tallyTable, signedResult } from './run-result.js';
import { verifyChain } from './after-chain.js';
import { t as shellT } from '../strings.js';

// Each delegate's presence intervals and speeches, from the log's events.
export function summarize(events, endMs) {
    const attendance = new Map(); // delegate -> [{in, out}]
    const speeches = new Map(); // delegate -> {count, ms}
    for (const event of events) {
        const d = event.data?.delegate;
        if (event.kind === 'attendance.checkedIn') {
            if (!attendance.has(d))
                attendance.set(d, []);
            attendance.get(d).push({ in: event.time, out: null });
        } else if (event.kind === 'attendance.checkedOut') {
            const spans = attendance.get(d);
            const open = spans?.[spans.length - 1];
            if (open && !open.out)
                open.out = event.time;
        } else if (event.kind === 'speaker.ended' && d) {
            const s = speeches.get(d) || { count: 0, ms: 0 };
            s.count += 1;
            s.ms += event.data.durationMs || 0;
            speeches.set(d, s);
        }
    }
    const presentMs = new Map();
    for (const [d, spans] of attendance) {
        presentMs.set(d, spans.reduce((sum, s) =>
            sum + Math.max(0, (s.out ? Date.parse(s.out) : endMs) - Date.parse(s.in)), 0));
    }
    return { attendance, speeches, presentMs };
}

export default {
    id: 'after',
    section: 'after',
    title: { vi: 'Sau kỳ họp', en: 'After' },
    mount(container, ctx) {
        const live = store(ctx);
        const message = h('p', { class: 'run-message', role: 'status' });
        const results = h('section', { class: 'card run-results' });
        const conclusions = h('section', { class: 'card run-after-conclusions' });
        const attendance = h('section', { class: 'card run-after-attendance' });
        const speaking = h('section', { class: 'card run-after-speaking' });
        const logCard = h('section', { class: 'card run-log' });
        put(container, h('div', { class: 'run-view run-after' },
            h('h1', {}, t('after.title')), message, results, conclusions,
            h('div', { class: 'run-columns' }, attendance, speaking), logCard));

        let logText = '';
        let loadedSeq = -1;
        const fileName = () => `meeting-${live.meeting}-events.jsonl`;

        async function loadLog() {
            const response = await fetch(`/api/v1/meetings/${live.meeting}/events?since=0&limit=100000`,
                { credentials: 'same-origin' });
            if (!response.ok)
                throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
            return response.text();
        }

        // The conclusions per agenda item, numbered, as text.
        function renderConclusions(state) {
            const kept = (state.conclusions || []).filter((c) => !c.removed);
            put(conclusions, h('h2', {}, shellT('conc_title')), kept.length ? null : h('p', { class: 'hint' }, shellT('conc_none')),
                state.agenda.filter((item) => kept.some((c) => c.item === item.id)).map((item) => h('div', { 'data-item': String(item.id) },
                    h('h3', {}, item.number ? `${item.number}. ${item.title}` : item.title),
                    h('ol', {}, kept.filter((c) => c.item === item.id).map((c) =>
                        h('li', { value: String(c.number), class: 'after-conclusion' }, c.text))))));
        }

        function renderResults(state) {
            put(results, h('h2', {}, t('after.results')));
            if (!state.polls.length)
                add(results, h('p', { class: 'hint' }, t('polls.none')));
            for (const poll of state.polls) {
                add(results, h('article', { class: 'run-after-poll', 'data-poll': String(poll.id) },
                    h('h3', {}, poll.title, ' ', h('span', { class: `badge poll-${poll.state}` }, t(`pollState.${poll.state}`))),
                    h('p', { class: 'hint' }, t('rule.words', ruleText(poll.rule))),
                    tallyTable(poll, state) || h('p', { class: 'hint' }, t('after.notCounted')),
                    signedResult(poll, state.id)));
            }
        }

        function renderTables(state, events) {
            const end = state.endedAt ? Date.parse(state.endedAt) : Date.now();
            const { attendance: spans, speeches, presentMs } = summarize(events, end);
            put(attendance, h('h2', {}, t('after.attendance')),
                h('table', { class: 'run-after-table' },
                    h('thead', {}, h('tr', {}, h('th', {}, t('desk.name')), h('th', {}, t('after.times')),
                        h('th', {}, t('after.presentFor')))),
                    h('tbody', {}, state.delegates.map((d) => h('tr', { 'data-delegate': String(d.id) },
                        h('td', {}, delegateLabel(d)),
                        h('td', {}, (spans.get(d.id) || []).map((s) =>
                            h('div', {}, `${formatTime(s.in)} – ${s.out ? formatTime(s.out) : '…'}`))),
                        h('td', {}, spans.has(d.id) ? duration(presentMs.get(d.id)) : t('after.absent')))))));
            const speakers = [...speeches].sort((a, b) => b[1].ms - a[1].ms);
            put(speaking, h('h2', {}, t('after.speaking')),
                speakers.length ? h('table', { class: 'run-after-table' },
                    h('thead', {}, h('tr', {}, h('th', {}, t('desk.name')), h('th', {}, t('after.speeches')),
                        h('th', {}, t('speakers.time')))),
                    h('tbody', {}, speakers.map(([id, s]) => h('tr', { 'data-delegate': String(id) },
                        h('td', {}, delegateLabel(state.delegates.find((d) => d.id === id))),
                        h('td', {}, s.count), h('td', {}, duration(s.ms))))))
                    : h('p', { class: 'hint' }, t('after.nobodySpoke')));
        }

        async function renderLog(state) {
            const status = h('p', { class: 'run-chain', 'aria-live': 'polite' }, t('after.checking'));
            const command = `chamberctl verify ${fileName()}`;
            const copyButton = h('button', { class: 'btn' }, t('copy'));
            copyButton.addEventListener('click', () => copy(command, copyButton, t('copied')));
            const headHash = h('code', { class: 'run-head-hash' }, state.head || '');
            const headSeq = h('span', {}, t('after.atSeq', state.seq));
            const lines = logText.split('\n').filter((l) => l.trim() !== '').length;
            put(logCard, h('h2', {}, t('after.log')),
                h('p', {}, t('after.logSize', lines, new Blob([logText]).size)),
                h('p', {}, h('button', { class: 'btn primary', 'data-action': 'download-log',
                    onclick: () => download(fileName(), logText, 'application/x-ndjson') }, t('after.download'))),
                h('p', {}, t('after.head'), ' ', headHash, ' ', headSeq),
                status,
                h('p', { class: 'hint' }, t('after.verifyWith')),
                h('p', {}, h('code', { class: 'run-command' }, command), ' ', copyButton));
            if (!globalThis.crypto?.subtle) {
                status.textContent = t('after.noCrypto');
                return;
            }
            const check = await verifyChain(logText);
            status.dataset.intact = check.intact ? '1' : '0';
            status.dataset.events = String(check.events);
            status.dataset.head = check.head;
            // The head is the last exported event's hash: what `chamberctl verify` reports.
            headHash.textContent = check.head;
            headSeq.textContent = t('after.atSeq', check.seq);
            if (check.intact)
                status.textContent = t('after.intact', check.events);
            else
                status.textContent = t('after.broken', check.problem.seq, check.problem.line,
                    t(`chain.${check.problem.reason}`));
            status.className = `run-chain ${check.intact ? 'ok' : 'error'}`;
        }

        let busy = false;
        async function render() {
            const state = live.state;
            if (!state) {
                message.textContent = live.error ? errorText(live.error, t) : t('loading');
                return;
            }
            if (busy || loadedSeq === state.seq)
                return;
            busy = true;
            message.textContent = '';
            try {
                const seq = state.seq;
                logText = await loadLog();
                loadedSeq = seq;
                const events = logText.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
                renderResults(live.state);
                renderConclusions(live.state);
                renderTables(live.state, events);
                await renderLog(live.state);
            } catch (error) {
                message.textContent = errorText(error, t);
                message.className = 'run-message error';
            } finally {
                busy = false;
            }
        }

        // The report is read again when the log grows, at most every 2 s (a check-in storm does
        // not re-read the log hundreds of times).
        let timer = null;
        const off = live.on('change', () => {
            if (loadedSeq < 0 && !busy)
                render(); // the first state: no reason to wait
            else if (!timer)
                timer = setTimeout(() => { timer = null; render(); }, 2000);
        });
        render();
        return () => { off(); clearTimeout(timer); };
    },
};
