// Polls during the sitting: the list, a new poll (run-pollform.js), and the chosen poll's steps
// — open, close, publish — with the live count of ballots (progress pushes), who has not voted
// yet (named to the secretary as to the chair console), the counted result and the signed one.
import { t } from './run-text.js';
import { h, clear, add, put, store, ruleText, errorText, delegateLabel } from './run-common.js';
import { pollForm } from './run-pollform.js';
import { tallyTable, signedResult } from './run-result.js';

function stateBadge(poll) {
    return h('span', { class: `badge poll-${poll.state}`, 'data-state': poll.state }, t(`pollState.${poll.state}`));
}

export default {
    id: 'polls',
    section: 'run',
    title: { vi: 'Biểu quyết', en: 'Polls' },
    mount(container, ctx) {
        const live = store(ctx);
        const message = h('p', { class: 'run-message', role: 'status' });
        const list = h('ul', { class: 'run-polls' });
        const detail = h('section', { class: 'card run-poll-detail', 'aria-live': 'polite' });
        const formSlot = h('div');
        const progress = h('div', { class: 'run-progress' });
        let chosen = null;
        let detailKey = '';

        put(container, h('div', { class: 'run-view run-polls-view' },
            h('h1', {}, t('polls.title')), message,
            h('div', { class: 'run-columns' },
                h('div', {}, h('section', { class: 'card' }, h('h2', {}, t('polls.list')), list), formSlot),
                detail)));

        async function step(poll, action) {
            message.textContent = '';
            message.className = 'run-message';
            try {
                await live.command('POST', `/polls/${poll.id}/${action}`);
            } catch (error) {
                message.textContent = errorText(error, t);
                message.className = 'run-message error';
            }
        }

        function renderList(state) {
            clear(list);
            if (!state.polls.length)
                add(list, h('li', { class: 'hint' }, t('polls.none')));
            for (const poll of state.polls) {
                const button = h('button', { class: `run-poll-link${poll.id === chosen ? ' chosen' : ''}`,
                    'data-poll': String(poll.id), onclick: () => { chosen = poll.id; render(); } },
                h('span', {}, poll.title), ' ', stateBadge(poll));
                add(list, h('li', {}, button));
            }
        }

        function renderProgress(state, poll) {
            clear(progress);
            if (poll.state !== 'open')
                return;
            const p = live.progress && live.progress.poll === poll.id ? live.progress : null;
            if (!p) {
                add(progress, h('p', { class: 'hint' }, t('polls.waitingProgress')));
                return;
            }
            add(progress, 
                h('p', { class: 'run-cast', 'data-cast': String(p.cast), 'data-eligible': String(p.eligible) },
                    t('polls.cast', p.cast, p.eligible)),
                h('progress', { max: String(Math.max(p.eligible, 1)), value: String(p.cast) }));
            if (Array.isArray(p.pending))
                add(progress, h('details', { open: p.pending.length <= 20 },
                    h('summary', {}, t('polls.pending', p.pending.length)),
                    h('ul', { class: 'run-pending' }, p.pending.map((id) =>
                        h('li', {}, delegateLabel(state.delegates.find((d) => d.id === id)))))));
        }

        function renderDetail(state) {
            const poll = state.polls.find((p) => p.id === chosen);
            const key = poll ? JSON.stringify([poll.id, poll.state, Boolean(poll.published)]) : '';
            if (key === detailKey && poll) {
                renderProgress(state, poll); // only the counts move while a poll is open
                return;
            }
            detailKey = key;
            clear(detail);
            if (!poll) {
                add(detail, h('p', { class: 'hint' }, t('polls.pick')));
                return;
            }
            const item = state.agenda.find((i) => i.id === poll.item);
            const openOther = state.polls.find((p) => p.state === 'open' && p.id !== poll.id);
            add(detail, 
                h('h2', { class: 'run-poll-title' }, poll.title), stateBadge(poll),
                item ? h('p', {}, t('polls.forItem', `${item.number ? item.number + '. ' : ''}${item.title}`)) : null,
                h('p', { class: 'run-poll-rule' }, t('rule.words', ruleText(poll.rule))),
                h('p', { class: 'hint run-server-rule' }, t('polls.serverRule', poll.ruleText)),
                h('p', { class: 'hint' }, poll.secret ? t('polls.isSecret') : t('polls.isNamed'),
                    poll.allowChange ? ` · ${t('polls.changeAllowed')}` : ''),
                poll.choices?.length ? h('p', {}, t('polls.candidates'), ': ', poll.choices.join(', ')) : null,
                h('div', { class: 'run-toolbar' },
                    poll.state === 'draft' ? h('button', { class: 'btn primary', 'data-action': 'open',
                        disabled: Boolean(openOther), title: openOther ? t('polls.otherOpen') : null,
                        onclick: () => step(poll, 'open') }, t('polls.open')) : null,
                    poll.state === 'open' ? h('button', { class: 'btn danger', 'data-action': 'close',
                        onclick: () => step(poll, 'close') }, t('polls.close')) : null,
                    poll.state === 'closed' ? h('button', { class: 'btn primary', 'data-action': 'publish',
                        onclick: () => step(poll, 'publish') }, t('polls.publish')) : null),
                progress,
                tallyTable(poll, state),
                signedResult(poll, state.id));
            renderProgress(state, poll);
        }

        function render(change) {
            const state = live.state;
            if (!state) {
                message.textContent = live.error ? errorText(live.error, t) : t('loading');
                return;
            }
            if (message.textContent === t('loading'))
                message.textContent = '';
            if (chosen === null && state.polls.length) {
                const open = state.polls.find((p) => p.state === 'open');
                chosen = (open || state.polls[state.polls.length - 1]).id;
            }
            if (!formSlot.firstChild) // once: a rebuilt form would lose what is being typed
                formSlot.append(pollForm(live, (id) => { if (id) chosen = id; }));
            if (change?.kind !== 'progress')
                renderList(state);
            renderDetail(state);
        }

        const off = live.on('change', (state, what) => render(what));
        render();
        return () => off();
    },
};
