// The form that creates a poll: title, agenda item, yes/no or candidates, named or secret, and
// the majority rule — a preset or a custom rule with every field core/majority.h knows — shown
// in words as it is being edited.
import { t } from './run-text.js';
import { h, ruleText, errorText } from './run-common.js';

// The server's presets (core/majority.cpp presets()), so their text shows before anything is
// sent; they are sent by name, so the server's table decides.
export const presets = {
    'majority-of-members': { numerator: 1, denominator: 2, inclusive: false, base: 'members' },
    'two-thirds-of-members': { numerator: 2, denominator: 3, inclusive: true, base: 'members' },
    'three-fifths-of-members': { numerator: 3, denominator: 5, inclusive: true, base: 'members' },
    'majority-of-present': { numerator: 1, denominator: 2, inclusive: false, base: 'present',
        quorum: { numerator: 2, denominator: 3, inclusive: true, basis: 'heads' } },
    'simple-majority': { numerator: 1, denominator: 2, inclusive: false, base: 'cast' },
    'two-thirds-of-votes': { numerator: 2, denominator: 3, inclusive: true, base: 'cast' },
};

function field(label, input, extra) {
    return h('label', { class: 'run-field' }, h('span', {}, label), input, extra);
}

function number(name, value) {
    return h('input', { type: 'number', name, min: '1', max: '1000', step: '1', value: String(value),
        class: 'run-num' });
}

function select(name, options, value) {
    return h('select', { name }, options.map(([v, label]) =>
        h('option', { value: v, selected: v === value }, label)));
}

function checkbox(name, checked) {
    return h('input', { type: 'checkbox', name, checked });
}

// Builds the form; `onCreated(pollId)` after the server accepted it.
export function pollForm(live, onCreated) {
    const state = live.state;
    const title = h('input', { name: 'title', required: true, maxlength: '500', class: 'run-wide' });
    const item = select('item', [['', t('polls.noItem')],
        ...state.agenda.filter((i) => i.kind !== 'break').map((i) =>
            [String(i.id), `${i.number ? i.number + '. ' : ''}${i.title}`])],
    state.currentItem ? String(state.currentItem) : '');
    const kind = select('kind', [['yesno', t('polls.yesno')], ['choice', t('polls.choice')]], 'yesno');
    const candidates = h('textarea', { name: 'choices', rows: '4', class: 'run-wide',
        placeholder: t('polls.candidatesHint') });
    const candidatesField = field(t('polls.candidates'), candidates);
    const secret = checkbox('secret', false);
    const allowChange = checkbox('allowChange', false);
    const preset = select('preset', [...Object.keys(presets).map((p) => [p, t(`preset.${p}`)]),
        ['custom', t('preset.custom')]], 'simple-majority');
    const inclusive = select('inclusive', [['false', t('rule.more')], ['true', t('rule.least')]], 'false');
    const numerator = number('numerator', 1);
    const denominator = number('denominator', 2);
    const base = select('base', [['members', t('rule.members')], ['present', t('rule.present')],
        ['cast', t('rule.cast')]], 'cast');
    const abstentions = checkbox('abstentionsInBase', false);
    const abstentionsField = field(t('rule.abstentions'), abstentions);
    const byWeight = checkbox('byWeight', false);
    const useQuorum = checkbox('useQuorum', false);
    const qInclusive = select('quorumInclusive', [['false', t('rule.more')], ['true', t('rule.least')]], 'true');
    const qNumerator = number('quorumNumerator', 2);
    const qDenominator = number('quorumDenominator', 3);
    const qBasis = select('quorumBasis', [['heads', t('rule.heads')], ['weight', t('rule.weightBasis')]], 'heads');
    const quorumFields = h('div', { class: 'run-inline' }, qInclusive, qNumerator, '/', qDenominator,
        t('rule.ofMembers'), qBasis);
    const custom = h('fieldset', { class: 'run-custom' },
        h('legend', {}, t('rule.custom')),
        h('div', { class: 'run-inline' }, inclusive, numerator, '/', denominator, t('rule.of'), base),
        abstentionsField,
        field(t('rule.byWeight'), byWeight),
        field(t('rule.quorum'), useQuorum),
        quorumFields);
    const words = h('p', { class: 'run-rule-words', 'aria-live': 'polite' });
    const message = h('p', { class: 'run-message', role: 'status' });
    const submit = h('button', { class: 'btn primary', type: 'submit' }, t('polls.create'));

    function customRule() {
        const rule = {
            numerator: Number(numerator.value), denominator: Number(denominator.value),
            inclusive: inclusive.value === 'true', base: base.value,
            abstentionsInBase: base.value === 'cast' && abstentions.checked,
            byWeight: byWeight.checked, quorum: null,
        };
        if (useQuorum.checked)
            rule.quorum = { numerator: Number(qNumerator.value), denominator: Number(qDenominator.value),
                inclusive: qInclusive.value === 'true', basis: qBasis.value };
        return rule;
    }

    // The rule as shown (a preset's full rule) and as sent ({preset} or the full rule).
    function rule() {
        if (preset.value !== 'custom')
            return { shown: { ...presets[preset.value] }, sent: { preset: preset.value } };
        const r = customRule();
        return { shown: r, sent: r };
    }

    function problem(r) {
        const fractions = [[r.numerator, r.denominator]];
        if (r.quorum)
            fractions.push([r.quorum.numerator, r.quorum.denominator]);
        for (const [n, d] of fractions) {
            if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1 || d > 1000 || n > d)
                return t('rule.badFraction');
        }
        return '';
    }

    function update() {
        const isCustom = preset.value === 'custom';
        custom.hidden = !isCustom;
        candidatesField.hidden = kind.value !== 'choice';
        abstentionsField.hidden = base.value !== 'cast';
        quorumFields.hidden = !useQuorum.checked;
        const { shown } = rule();
        const bad = isCustom ? problem(shown) : '';
        words.textContent = bad || t('rule.words', ruleText(shown));
        words.classList.toggle('error', Boolean(bad));
        submit.disabled = Boolean(bad);
    }

    const form = h('form', { class: 'card run-pollform', novalidate: true },
        h('h2', {}, t('polls.new')),
        field(t('polls.question'), title),
        field(t('polls.item'), item),
        field(t('polls.kind'), kind),
        candidatesField,
        field(t('polls.secret'), secret),
        field(t('polls.allowChange'), allowChange),
        field(t('polls.rule'), preset),
        custom, words, h('div', { class: 'run-toolbar' }, submit), message);
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        message.textContent = '';
        message.className = 'run-message';
        const body = { title: title.value.trim(), secret: secret.checked,
            allowChange: allowChange.checked, rule: rule().sent,
            item: item.value === '' ? null : Number(item.value) };
        if (!body.title) {
            message.textContent = t('polls.needTitle');
            message.className = 'run-message error';
            title.focus();
            return;
        }
        if (kind.value === 'choice')
            body.choices = candidates.value.split('\n').map((c) => c.trim()).filter(Boolean);
        submit.disabled = true;
        try {
            const answer = await live.command('POST', '/polls', body);
            const id = answer?.result?.poll ?? answer?.poll;
            title.value = '';
            candidates.value = '';
            message.textContent = t('polls.created');
            onCreated(id);
        } catch (error) {
            message.textContent = errorText(error, t);
            message.className = 'run-message error';
        } finally {
            update();
        }
    });
    update();
    return form;
}
