// A poll's counted result (tally, verdict, explanation) and, once published, the signed result:
// the signing key's fingerprint (as `chamberctl verify` prints it), checked against the key the
// server announces, the signature, a download of the result file and the command that checks it.
import { api, lang } from '/web/common/client.js';
import { t } from './run-text.js';
import { h, copy, download, keyFingerprint, delegateLabel } from './run-common.js';

let serverKey = null; // GET /api/v1/server, asked once per page
function serverKeys() {
    serverKey ??= api('GET', '/api/v1/server').catch(() => null);
    return serverKey;
}

export function choiceLabel(choice) {
    const known = t(`choice.${choice}`);
    return known === `choice.${choice}` ? choice : known;
}

export function tallyTable(poll, state) {
    const closing = poll.closing;
    if (!closing)
        return null;
    const choices = poll.choices?.length ? [...poll.choices, 'abstain'] : ['yes', 'no', 'abstain'];
    const counts = closing.tally?.counts || {};
    const outcome = closing.outcome || {};
    const ballots = closing.ballots || [];
    return h('div', { class: 'run-tally' },
        h('p', { class: `run-verdict verdict-${outcome.verdict}`, 'data-verdict': outcome.verdict },
            t(`verdict.${outcome.verdict}`), outcome.winner ? `: ${outcome.winner}` : ''),
        h('table', {}, h('tbody', {}, choices.map((choice) => h('tr', {},
            h('th', {}, choiceLabel(choice)), h('td', { 'data-choice': choice }, counts[choice] || 0))))),
        h('p', { class: 'hint run-figures' }, outcome.verdict === 'no_quorum'
            ? t('result.noQuorum', outcome.decisive, outcome.base, outcome.required)
            : t('result.figures', outcome.decisive, outcome.required, outcome.base, closing.tally?.ballots ?? 0)),
        // The server explains in English (core/majority.cpp); the figures above say it in both.
        lang() === 'en' && outcome.explanation ? h('p', { class: 'hint' }, outcome.explanation) : null,
        ballots.length ? h('details', {}, h('summary', {}, t('result.rollCall', ballots.length)),
            h('ul', {}, ballots.map((b) => h('li', {},
                `${delegateLabel(state.delegates.find((d) => d.id === b.delegate))}: ${choiceLabel(b.choice)}`)))) : null);
}

// The published result's panel; fills in the fingerprint once it has been computed.
export function signedResult(poll, meeting) {
    const published = poll.published;
    if (!published)
        return null;
    const resultFile = { document: published.document, signature: published.signature,
        publicKey: published.publicKey };
    const fileName = `result-meeting-${meeting}-poll-${poll.id}.json`;
    const fingerprint = h('code', { class: 'run-fingerprint' }, '…');
    const keyCheck = h('span', { class: 'badge' }, t('result.checking'));
    const command = `chamberctl verify ${fileName}`;
    const copyFingerprint = h('button', { class: 'btn', 'data-action': 'copy-fingerprint' }, t('copy'));
    const copyCommand = h('button', { class: 'btn' }, t('copy'));
    const panel = h('div', { class: 'run-signed', 'data-poll': String(poll.id) },
        h('h3', {}, t('result.signed')),
        h('p', {}, t('result.fingerprint'), ' ', fingerprint, ' ', keyCheck, ' ', copyFingerprint),
        h('p', { class: 'hint' }, t('result.signature'), ' ',
            h('code', { class: 'run-signature' }, published.signature)),
        h('p', {}, h('button', { class: 'btn', 'data-action': 'download-result',
            onclick: () => download(fileName, `${JSON.stringify(resultFile, null, 2)}\n`, 'application/json') },
        t('result.download'))),
        h('p', { class: 'hint' }, t('result.verifyWith')),
        h('p', {}, h('code', { class: 'run-command' }, command), ' ', copyCommand));
    copyCommand.addEventListener('click', () => copy(command, copyCommand, t('copied')));
    keyFingerprint(published.publicKey).then(async (print) => {
        fingerprint.textContent = print;
        panel.dataset.fingerprint = print;
        copyFingerprint.addEventListener('click', () => copy(print, copyFingerprint, t('copied')));
        const server = await serverKeys();
        if (!server)
            keyCheck.textContent = t('result.keyUnknown');
        else if (server.signingKeyFingerprint === print) {
            keyCheck.textContent = t('result.keyMatches');
            keyCheck.classList.add('ok');
        } else {
            keyCheck.textContent = t('result.keyDiffers', server.signingKeyFingerprint);
            keyCheck.classList.add('warn');
        }
    }).catch(() => { fingerprint.textContent = t('result.noCrypto'); });
    return panel;
}
