// The live store of one open meeting: one /ws connection (credential 'session', the browser's
// cookie) that keeps the latest snapshot and applies the meeting's events as they come. (The
// prepare views' first version re-read the state after every event; its interface stays:
// `snapshot`, `presence`, `refresh()`, and the events 'change' (state, what), 'connection',
// 'presence', 'error', 'session-ended'.)
//
// Attendance, the current item and the meeting's status change often during a sitting and are
// applied here directly (a check-in must show at once on a 500-delegate desk); every other
// event (speakers, polls, agenda edits, ...) makes the store read the meeting's state again
// over REST, so this file never has to re-implement the server's reducer for rare events.
// Events are numbered without gaps: one that does not follow the last applied `seq` means a
// message was missed, and the state is read again as well.
import { Live, api } from '/web/common/client.js';

class Emitter {
    constructor() { this.handlers = new Map(); }
    on(name, fn) {
        if (!this.handlers.has(name))
            this.handlers.set(name, new Set());
        this.handlers.get(name).add(fn);
        return () => this.handlers.get(name)?.delete(fn);
    }
    off(name, fn) { this.handlers.get(name)?.delete(fn); }
    emit(name, ...args) {
        for (const fn of [...(this.handlers.get(name) || [])]) {
            try { fn(...args); } catch (error) { console.error(error); }
        }
    }
}

// Smallest n with n/total reaching numerator/denominator: the server's evaluateQuorum().
export function quorumFor(rule, present, total) {
    const product = rule.numerator * total;
    const required = rule.inclusive ? Math.ceil(product / rule.denominator)
        : Math.floor(product / rule.denominator) + 1;
    const reachable = total > 0 && required <= total;
    return { present, total, required, reachable, reached: reachable && present >= required };
}

export class MeetingStore extends Emitter {
    constructor(meeting) {
        super();
        this.meeting = Number(meeting);
        this.state = null; // the snapshot's `state`, kept current
        this.seq = 0;
        this.connection = 'reconnecting';
        this.progress = null; // the latest `progress` push {poll, cast, eligible, pending?}
        this.presence = new Map(); // device id -> {online, since}
        this.error = null;
        this.refreshing = null; // a running REST read of the state
        this.again = false; // someone asked for a read after the running one started
        this.buffered = []; // events that arrived while a read ran
        this.closed = false;
        this.start();
    }

    get snapshot() { return this.state; }

    start() {
        try {
            this.live = new Live({ credential: 'session' });
            this.live.subscribe(this.meeting, {
                onSnapshot: (message) => this.setState(message && message.state ? message.state : message),
                onEvent: (event) => this.applyEvent(event),
                onPresence: (message) => {
                    for (const d of (message && message.devices) || [])
                        this.presence.set(d.device, { online: d.online, since: d.since });
                    this.emit('presence', this.presence);
                },
                onProgress: (message) => {
                    this.progress = message;
                    this.changed({ kind: 'progress' });
                },
                onState: (connection) => {
                    const lost = this.connection === 'online' && connection !== 'online';
                    this.connection = connection;
                    this.emit('connection', connection);
                    this.changed({ kind: 'connection' });
                    if (lost || connection === 'offline')
                        this.checkSession();
                },
            });
        } catch (error) {
            this.live = null;
            this.connection = 'offline';
            console.error(error);
        }
        // The snapshot comes over /ws (reading it over REST as well would load the meeting
        // twice: 100 KB and more for a large council); REST only if the socket is slow to give it.
        if (!this.live)
            this.refresh();
        else
            this.fallback = setTimeout(() => { if (!this.state) this.refresh(); }, 2000);
    }

    changed(what) {
        if (this.state)
            this.emit('change', this.state, what);
    }

    // A lost connection may be a session that ended (logout elsewhere, the account disabled:
    // the server closes its sockets at once). Then the page goes back to the login.
    checkSession() {
        if (this.closed || this.checkingSession)
            return;
        this.checkingSession = fetch('/api/v1/session', { credentials: 'same-origin' })
            .then((response) => {
                if (response.status === 401 && !this.closed) {
                    this.emit('session-ended');
                    this.close();
                    location.hash = '#/login';
                }
            })
            .catch(() => {}) // the server is unreachable: Live keeps reconnecting
            .finally(() => { this.checkingSession = null; });
    }

    close() {
        this.closed = true;
        clearTimeout(this.fallback);
        this.live?.close();
    }

    delegate(id) { return this.state?.delegates.find((d) => d.id === id) || null; }
    item(id) { return this.state?.agenda.find((i) => i.id === id) || null; }
    poll(id) { return this.state?.polls.find((p) => p.id === id) || null; }

    // A command over REST (the session's CSRF token goes with it); the events it causes come
    // back over /ws like anyone else's.
    command(method, path, body) {
        return api(method, `/api/v1/meetings/${this.meeting}${path}`, body);
    }

    setState(state) {
        if (!state || typeof state !== 'object' || !Array.isArray(state.delegates))
            return;
        this.state = state;
        this.seq = state.seq || 0;
        this.error = null;
        this.changed({ kind: 'snapshot' });
    }

    // Reads the state again over REST; a call while a read runs gets the read after it (which
    // sees whatever the caller just changed). Resolves to the state.
    refresh() {
        if (this.closed)
            return Promise.resolve(this.state);
        if (this.refreshing) {
            this.again = true;
            this.next ??= this.refreshing.then(() => this.state); // it waits for the next read
            return this.next;
        }
        this.refreshing = api('GET', `/api/v1/meetings/${this.meeting}`)
            .then((state) => {
                if (!this.closed && (!this.state || (state.seq || 0) >= this.seq))
                    this.setState(state);
            })
            .catch((error) => {
                if (error.status === 401)
                    this.checkSession();
                this.error = error;
                this.emit('error', error);
                this.changed({ kind: 'error', error });
            })
            .finally(() => {
                this.refreshing = null;
                const later = this.buffered.filter((e) => e.seq > this.seq);
                this.buffered = [];
                if (this.again) {
                    this.again = false;
                    this.next = null;
                    this.buffered = later;
                    return this.refresh();
                }
                for (const event of later)
                    this.applyEvent(event);
                return this.state;
            })
            .then(() => this.state);
        return this.refreshing;
    }

    applyEvent(event) {
        if (this.closed || !event || event.meeting !== this.meeting)
            return;
        if (this.refreshing) {
            this.buffered.push(event);
            return;
        }
        if (event.seq <= this.seq)
            return; // already in the state
        if (!this.state || event.seq !== this.seq + 1 || !this.applyLocally(event)) {
            this.refresh();
            this.emit('event', event);
            return;
        }
        this.seq = event.seq;
        this.state.seq = event.seq;
        this.state.head = event.hash;
        this.emit('event', event);
        this.changed({ kind: 'event', event });
    }

    // The frequent events, applied as the server's reducer does; false for the others.
    applyLocally(event) {
        const state = this.state;
        const data = event.data || {};
        switch (event.kind) {
        case 'attendance.checkedIn':
        case 'attendance.checkedOut': {
            const delegate = this.delegate(data.delegate);
            if (!delegate)
                return false;
            delegate.present = event.kind === 'attendance.checkedIn';
            delegate.presentSince = delegate.present ? event.time : '';
            this.recountQuorum();
            return true;
        }
        case 'agenda.selected':
            state.currentItem = data.item ?? null;
            return true;
        case 'meeting.started':
            state.status = 'in_session';
            state.startedAt = event.time;
            return true;
        case 'meeting.ended':
            state.status = 'ended';
            state.endedAt = event.time;
            return true;
        default:
            return false;
        }
    }

    recountQuorum() {
        const quorum = this.state.quorum;
        const byWeight = quorum.rule?.basis === 'weight';
        let present = 0;
        let total = 0;
        for (const d of this.state.delegates) {
            if (!(d.weight > 0))
                continue; // guests neither vote nor count
            const amount = byWeight ? d.weight : 1;
            total += amount;
            if (d.present)
                present += amount;
        }
        Object.assign(quorum, quorumFor(quorum.rule, present, total));
    }
}
