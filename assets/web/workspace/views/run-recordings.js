// Recording failures on the secretary's desk: chamber-media could not record a speech (it was
// not running, the disk was full, ...). The meeting goes on regardless; the secretary sees a
// badge with the count and each failure's reason, and a toast when one happens while the desk
// is open, so they can note the speech by hand.
import { t } from './minutes-text.js';
import { h, put } from './run-common.js';
import { toast } from '../ui.js';

export function failedRecordings(state) {
    return (state.recordings || []).filter((r) => r.failed);
}

// A card listing the failures (hidden while there are none); update(state) after each change.
export function recordingWarnings() {
    const card = h('section', { class: 'card run-recording-failures', role: 'status', hidden: true });
    let known = null; // ids of failures already seen; null before the first state

    return {
        card,
        update(state) {
            const failed = failedRecordings(state);
            if (known) {
                for (const r of failed.filter((f) => !known.has(f.id)))
                    toast(t('rec.failedToast', r.speech, r.reason || '?'), 'warning');
            }
            known = new Set(failed.map((r) => r.id));
            card.hidden = failed.length === 0;
            put(card,
                h('h2', {}, h('span', { class: 'badge warn run-recording-badge', 'data-count': String(failed.length) },
                    t('rec.failedBadge', failed.length))),
                h('ul', { class: 'run-recording-list' }, failed.map((r) => h('li', { 'data-recording': r.id },
                    t('rec.failedLine', r.speech, r.segment, r.reason || '?')))));
        },
    };
}
