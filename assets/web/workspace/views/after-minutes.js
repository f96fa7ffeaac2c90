// The minutes (biên bản) of the meeting: draft or final and the event they are made from, the
// signed PDF in Vietnamese and English, the fingerprint of the server's minutes certificate with
// the `chamberctl verify` command that checks a downloaded PDF against it, the exports (JSON and
// each CSV table), and every speech per agenda item with its recordings to listen to.
//
// The speeches (who, when, how long, on which item) come from minutes.json (its `speeches`
// table: speech, item, name, seat, start, end, duration_ms), which the server builds from the
// event log as the PDF is; their recordings come from the live state
// (`recordings`), so a recording saved or failed shows as soon as its event arrives.
import { formatTime } from '/web/common/client.js';
import { t } from './minutes-text.js';
import { h, put, store, duration, copy, errorText } from './run-common.js';
import { bytesText } from '../ui.js';

export const kExportTables = ['attendance', 'speeches', 'polls', 'rollcall', 'conclusions', 'recordings'];

// The recordings of the state grouped by speech (the seq of its speaker.granted), by segment.
export function recordingsBySpeech(state) {
    const bySpeech = new Map();
    for (const recording of state.recordings || []) {
        if (!bySpeech.has(recording.speech))
            bySpeech.set(recording.speech, []);
        bySpeech.get(recording.speech).push(recording);
    }
    for (const list of bySpeech.values())
        list.sort((a, b) => a.segment - b.segment);
    return bySpeech;
}

function minutesKind(state) {
    return state.status === 'ended' ? 'final' : 'draft';
}

function recordingEntry(meeting, recording) {
    if (recording.failed && !recording.sha256) {
        return h('li', { class: 'minutes-recording failed', 'data-recording': recording.id },
            h('span', { class: 'badge warn' }, t('minutes.failed', recording.reason || '?')));
    }
    const label = [t('minutes.recording', recording.segment), duration(recording.durationMs || 0),
        bytesText(recording.bytes || 0)].join(' · ');
    return h('li', {
        class: `minutes-recording${recording.partial ? ' partial' : ''}`,
        'data-recording': recording.id, 'data-sha256': recording.sha256,
    },
    h('div', { class: 'minutes-recording-head' },
        h('span', {}, label),
        recording.partial ? h('span', { class: 'badge warn minutes-partial' }, t('minutes.partial')) : null,
        recording.note ? h('span', { class: 'hint minutes-note' }, recording.note) : null),
    h('audio', {
        controls: true, preload: 'none',
        src: `/api/v1/meetings/${meeting}/recordings/${recording.sha256}.ogg`,
        'aria-label': `${t('minutes.recording', recording.segment)} (${label})`,
    }),
    h('code', { class: 'minutes-hash' }, recording.sha256));
}

function speechEntry(meeting, speech, recordings) {
    const when = speech.end ? `${formatTime(speech.start)} – ${formatTime(speech.end)}`
        : `${formatTime(speech.start)} – ${t('minutes.speaking')}`;
    const who = speech.seat ? `${speech.seat} · ${speech.name}` : speech.name;
    return h('li', { class: 'minutes-speech', 'data-speech': String(speech.speech) },
        h('div', { class: 'minutes-speech-head' },
            h('strong', { class: 'minutes-speaker' }, who || '?'),
            h('span', { class: 'minutes-when' }, when),
            speech.end ? h('span', { class: 'minutes-duration' }, duration(speech.duration_ms || 0)) : null),
        recordings.length
            ? h('ul', { class: 'minutes-recordings' }, recordings.map((r) => recordingEntry(meeting, r)))
            : h('p', { class: 'hint' }, t('minutes.noRecording')));
}

export default {
    id: 'minutes',
    section: 'after',
    title: { vi: 'Biên bản', en: 'Minutes' },
    mount(container, ctx) {
        const live = store(ctx);
        const meeting = live.meeting;
        const message = h('p', { class: 'run-message', role: 'status' });
        const summary = h('section', { class: 'card minutes-summary' });
        const exportsCard = h('section', { class: 'card minutes-exports' });
        const speechesCard = h('section', { class: 'card minutes-speeches' });
        put(container, h('div', { class: 'run-view run-minutes' },
            h('h1', {}, t('minutes.title')), message, summary, exportsCard, speechesCard));

        let certificate = null; // {sha256, pem} from GET /api/v1/server, once read
        let minutes = null; // minutes.json as last read
        let loadedSeq = -1;

        function renderSummary(state) {
            const kind = minutes ? minutes.kind : minutesKind(state);
            const seq = minutes ? minutes.seq : state.seq;
            const hash = minutes ? minutes.lastEventHash : state.head;
            const pdf = (language) => `/api/v1/meetings/${meeting}/minutes.pdf?lang=${language}`;
            const fileName = `bien-ban-${meeting}-${seq}-vi.pdf`;
            const command = certificate
                ? `chamberctl verify ${fileName} --fingerprint ${certificate.sha256}`
                : `chamberctl verify ${fileName}`;
            const copyButton = h('button', { class: 'btn', type: 'button', 'data-action': 'copy-verify' },
                t('minutes.copy'));
            copyButton.addEventListener('click', () => copy(command, copyButton, t('minutes.copied')));
            put(summary,
                h('p', { class: 'minutes-kind-line' },
                    h('span', { class: `badge minutes-kind ${kind === 'final' ? 'ok' : 'warn'}`, 'data-kind': kind },
                        t(`minutes.kind.${kind}`)), ' ', t(`minutes.kindHint.${kind}`)),
                h('p', { class: 'minutes-made-from', 'data-seq': String(seq) },
                    t('minutes.madeFrom', seq), ' ', h('code', { class: 'run-head-hash' }, hash || '')),
                h('h2', {}, t('minutes.download')),
                h('p', { class: 'run-inline' },
                    h('a', { class: 'btn primary', href: pdf('vi'), download: '', 'data-lang': 'vi', lang: 'vi' },
                        t('minutes.pdfVi')),
                    h('a', { class: 'btn', href: pdf('en'), download: '', 'data-lang': 'en', lang: 'en' },
                        t('minutes.pdfEn'))),
                certificate
                    ? [h('p', {}, t('minutes.signed')),
                        h('p', {}, h('code', { class: 'run-fingerprint minutes-fingerprint' }, certificate.sha256))]
                    : h('p', { class: 'hint' }, t('minutes.noCertificate')),
                h('p', { class: 'hint' }, t('minutes.verifyWith')),
                h('p', {}, h('code', { class: 'run-command minutes-verify' }, command), ' ', copyButton));
        }

        function renderExports() {
            const base = `/api/v1/meetings/${meeting}`;
            put(exportsCard, h('h2', {}, t('minutes.exports')),
                h('p', { class: 'hint' }, t('minutes.exportsHint')),
                h('ul', { class: 'minutes-export-list' },
                    h('li', {}, h('a', { href: `${base}/minutes.json`, download: '', 'data-export': 'json' },
                        t('minutes.json'))),
                    kExportTables.map((table) => h('li', {},
                        h('a', { href: `${base}/minutes/${table}.csv`, download: '', 'data-export': table },
                            `${t(`table.${table}`)} (CSV)`)))));
        }

        function renderSpeeches(state) {
            const speeches = (minutes && minutes.speeches) || [];
            const recordings = recordingsBySpeech(state);
            if (!speeches.length) {
                put(speechesCard, h('h2', {}, t('minutes.speeches')), h('p', { class: 'hint' }, t('minutes.noSpeeches')));
                return;
            }
            // Per agenda item in the agenda's order; speeches outside any item last.
            const groups = state.agenda.map((item) => ({ item, list: speeches.filter((s) => s.item === item.id) }))
                .filter((g) => g.list.length);
            const known = new Set(state.agenda.map((i) => i.id));
            const loose = speeches.filter((s) => !known.has(s.item));
            if (loose.length)
                groups.push({ item: null, list: loose });
            put(speechesCard, h('h2', {}, t('minutes.speeches')),
                groups.map(({ item, list }) => h('div', { class: 'minutes-item', 'data-item': item ? String(item.id) : '0' },
                    h('h3', {}, item ? (item.number ? `${item.number}. ${item.title}` : item.title) : t('minutes.noItem')),
                    h('ol', { class: 'minutes-speech-list' },
                        list.map((s) => speechEntry(meeting, s, recordings.get(s.speech) || []))))));
        }

        let busy = false;
        async function render() {
            const state = live.state;
            if (!state) {
                message.textContent = live.error ? errorText(live.error, t) : t('minutes.loading');
                return;
            }
            if (busy || loadedSeq === state.seq)
                return;
            busy = true;
            try {
                const seq = state.seq;
                if (!certificate) {
                    const server = await ctx.api('GET', '/server');
                    certificate = server.minutesCertificate || null;
                }
                minutes = await ctx.api('GET', `/meetings/${meeting}/minutes.json`);
                loadedSeq = seq;
                message.textContent = '';
                message.className = 'run-message';
                renderSummary(live.state);
                renderExports();
                renderSpeeches(live.state);
            } catch (error) {
                message.textContent = errorText(error, t);
                message.className = 'run-message error';
            } finally {
                busy = false;
            }
        }

        // Read again when the log grows, at most every 2 s (a check-in storm does not make the
        // server build the minutes hundreds of times).
        let timer = null;
        const off = live.on('change', () => {
            if (loadedSeq < 0 && !busy)
                render();
            else if (!timer)
                timer = setTimeout(() => { timer = null; render(); }, 2000);
        });
        render();
        return () => { off(); clearTimeout(timer); };
    },
};
