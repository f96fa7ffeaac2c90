// The live store of one open meeting (a first version by the prepare views; the run views own
// it from here on). One /ws connection with the browser's session cookie; it keeps the latest
// meeting state and the devices' presence and tells the views when either changed.
// Events are not re-applied here: after any event the state is read again over REST (coalesced),
// which keeps this store exactly as correct as the server's own snapshot.
import { Live } from '/web/common/client.js';
import { rest } from './ui.js';

export class MeetingStore {
  constructor(meeting) {
    this.meeting = meeting;
    this.snapshot = null;
    this.presence = new Map(); // device id → {online, since}
    this.connection = 'reconnecting';
    this.listeners = new Map();
    this.pending = null;
    this.closed = false;
    try {
      this.live = new Live({ credential: 'session' });
      this.live.subscribe(meeting, {
        onSnapshot: (message) => this.setSnapshot(message && message.state ? message.state : message),
        onEvent: () => this.refresh(),
        onPresence: (message) => this.setPresence(message),
        onState: (state) => { this.connection = state; this.emit('connection', state); },
      });
    } catch {
      this.live = null;
      this.connection = 'offline';
    }
    this.refresh();
  }

  on(kind, fn) {
    if (!this.listeners.has(kind)) this.listeners.set(kind, new Set());
    this.listeners.get(kind).add(fn);
    return () => this.listeners.get(kind).delete(fn);
  }

  emit(kind, value) {
    for (const fn of this.listeners.get(kind) || []) {
      try { fn(value); } catch (error) { console.error(error); }
    }
  }

  setSnapshot(state) {
    if (!state || this.closed) return;
    if (this.snapshot && state.seq < this.snapshot.seq) return; // an older answer came late
    this.snapshot = state;
    this.emit('change', state);
  }

  setPresence(message) {
    for (const device of (message && message.devices) || []) {
      this.presence.set(device.device, { online: device.online, since: device.since });
    }
    this.emit('presence', this.presence);
  }

  // Reads the meeting again; calls that arrive while one is under way share the next read.
  refresh() {
    if (this.closed) return Promise.resolve(this.snapshot);
    if (this.pending) { this.again = true; return this.pending; }
    this.pending = rest('GET', `/meetings/${this.meeting}`)
      .then((state) => this.setSnapshot(state))
      .catch((error) => this.emit('error', error))
      .finally(() => {
        this.pending = null;
        if (this.again) { this.again = false; this.refresh(); }
      })
      .then(() => this.snapshot);
    return this.pending;
  }

  close() {
    this.closed = true;
    if (this.live) this.live.close();
  }
}
