// The /ws client of client.js (which re-exports Live): the WebSocket protocol of
// server/protocol/PROTOCOL.md — hello, subscribe with `since`, ok/error replies by id,
// snapshot/event/presence/progress pushes, bye — with reconnects.
import {ApiError} from '/web/common/client.js';

const kPingMs = 20000; // a connection that died silently (Wi-Fi gone) sends no close
const kPingAnswerMs = 10000;
const kBackoffFirstMs = 500;
const kBackoffMaxMs = 10000;
// Why the server ends a session for good: reconnecting would only be refused again.
const kFinalByes = new Set(['unauthenticated', 'revoked']);

let liveSerial = 0;

// new Live({credential: 'session'}) — 'session' is the browser's session cookie (accounts);
// any other string is a bearer credential (the admin token, a device credential).
// live.subscribe(meeting, {onSnapshot, onEvent, onPresence, onProgress, onState}) → a
// function that unsubscribes. Events come in order: a gap (a missed event) subscribes again
// from the last seq seen, and so does every reconnect, so a handler sees each event once.
// live.send({type: 'agenda.select', meeting, item}) → Promise of the `ok` message; an `error`
// rejects with an ApiError (status 0). Unanswered requests are sent again, with the same id,
// after a reconnect: the server answers a repeated id from its memory (PROTOCOL.md,
// "Commands and idempotency"), so nothing runs twice.
export class Live {
  constructor({credential, url, client = 'chamber-web/1'} = {}) {
    this.credential = credential;
    this.url = url || `${location.protocol === 'http:' ? 'ws' : 'wss'}://${location.host}/ws`;
    this.client = client;
    this.state = 'connecting';
    this.principal = null; // hello's result.principal
    this.stoppedBecause = ''; // set when the server refused us for good
    this.subscriptions = new Map(); // meeting → {handlers: Set, seq}
    this.pending = new Map(); // id → {message, resolve, reject}
    this.listeners = new Map(); // push type → Set of functions (on())
    this.stateListeners = new Set();
    this.socket = null;
    this.ready = false; // hello answered
    this.backoff = kBackoffFirstMs;
    this.closed = false;
    this.connect();
  }

  // Other pushes (media.signal, media.status, …): live.on('media.status', fn) → off().
  on(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type).add(fn);
    return () => this.listeners.get(type).delete(fn);
  }

  onState(fn) {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  subscribe(meeting, handlers = {}) {
    let subscription = this.subscriptions.get(meeting);
    if (!subscription) {
      subscription = {handlers: new Set(), seq: 0};
      this.subscriptions.set(meeting, subscription);
    }
    subscription.handlers.add(handlers);
    if (handlers.onState) handlers.onState(this.state);
    // A new subscriber needs the whole state: a snapshot, for everyone (since 0).
    subscription.seq = 0;
    if (this.ready) this.requestSubscription(meeting);
    return () => {
      subscription.handlers.delete(handlers);
      if (subscription.handlers.size) return;
      this.subscriptions.delete(meeting);
      if (this.ready) this.send({type: 'unsubscribe', meeting}).catch(() => {});
    };
  }

  send(message) {
    const id = message.id || `w${Date.now().toString(36)}-${++liveSerial}`;
    const full = {...message, id};
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new ApiError(0, 'closed', 'the connection was closed'));
        return;
      }
      this.pending.set(id, {message: full, resolve, reject});
      if (this.ready) this.write(full); // else hello() sends it once the session is open
    });
  }

  close() {
    this.closed = true;
    this.ready = false;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
      this.socket = null;
    }
    for (const {reject} of this.pending.values())
      reject(new ApiError(0, 'closed', 'the connection was closed'));
    this.pending.clear();
    this.setState('offline');
  }

  // --- inside ---

  setState(state) {
    if (state === this.state) return;
    this.state = state;
    for (const fn of this.stateListeners) fn(state, this.stoppedBecause);
    for (const subscription of this.subscriptions.values()) {
      for (const handlers of subscription.handlers)
        if (handlers.onState) handlers.onState(state, this.stoppedBecause);
    }
  }

  write(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN)
      this.socket.send(JSON.stringify(message));
  }

  connect() {
    clearTimeout(this.reconnectTimer);
    if (this.closed) return;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => { if (socket === this.socket) this.hello(); };
    socket.onmessage = (e) => { if (socket === this.socket) this.receive(e.data); };
    socket.onclose = () => { if (socket === this.socket) this.dropped(); };
  }

  async hello() {
    const id = `hello-${++liveSerial}`;
    const answer = new Promise((resolve, reject) => {
      this.pending.set(id, {message: null, resolve, reject});
    });
    this.write({type: 'hello', id, protocol: 1, credential: this.credential, client: this.client});
    let ok;
    try {
      ok = await answer;
    } catch (error) {
      if (error.code === 'unauthenticated') this.stop('unauthenticated');
      return; // otherwise the socket closes and we try again
    }
    this.principal = ok.result && ok.result.principal;
    this.ready = true;
    this.backoff = kBackoffFirstMs;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.ping(), kPingMs);
    // What was asked while we were away goes out again, under its own id. Taken before the
    // subscriptions below are sent (they would otherwise go twice and bring two snapshots);
    // an old subscribe is not repeated: each subscription is asked afresh.
    const unanswered = [];
    for (const [id, entry] of this.pending) {
      if (entry.message && entry.message.type === 'subscribe') this.pending.delete(id);
      else if (entry.message) unanswered.push(entry);
    }
    for (const meeting of this.subscriptions.keys()) this.requestSubscription(meeting);
    for (const entry of unanswered) this.write(entry.message);
    this.setState('online');
  }

  requestSubscription(meeting) {
    const subscription = this.subscriptions.get(meeting);
    if (!subscription) return;
    const message = {type: 'subscribe', meeting};
    if (subscription.seq > 0) message.since = subscription.seq;
    this.send(message).catch((error) => {
      for (const handlers of subscription.handlers)
        if (handlers.onError) handlers.onError(error);
    });
  }

  ping() {
    const socket = this.socket;
    let answered = false;
    this.send({type: 'ping'}).then(() => { answered = true; }, () => { answered = true; });
    setTimeout(() => { if (!answered && socket === this.socket && socket) socket.close(); },
      kPingAnswerMs);
  }

  dropped() {
    this.socket = null;
    this.ready = false;
    clearInterval(this.pingTimer);
    if (this.closed || this.stoppedBecause) return;
    this.setState('reconnecting');
    // Jitter: a room of browsers whose server restarted does not come back in one burst.
    const wait = this.backoff * (0.75 + Math.random() * 0.5);
    this.reconnectTimer = setTimeout(() => this.connect(), wait);
    this.backoff = Math.min(this.backoff * 2, kBackoffMaxMs);
  }

  stop(reason) {
    this.stoppedBecause = reason;
    this.ready = false;
    clearInterval(this.pingTimer);
    clearTimeout(this.reconnectTimer);
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
      this.socket = null;
    }
    for (const {reject} of this.pending.values())
      reject(new ApiError(0, reason, `the server ended the session: ${reason}`));
    this.pending.clear();
    this.setState('offline');
  }

  receive(text) {
    let message;
    try { message = JSON.parse(text); } catch (e) { return; }
    if (message.id && this.pending.has(message.id) && (message.type === 'ok' || message.type === 'error')) {
      const {resolve, reject} = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'ok') resolve(message);
      else reject(new ApiError(0, message.code, message.message, message));
      return;
    }
    switch (message.type) {
      case 'snapshot': return this.snapshot(message);
      case 'event': return this.event(message);
      case 'presence': return this.deliver(message.meeting, 'onPresence', message);
      case 'progress': return this.deliver(message.meeting, 'onProgress', message);
      case 'bye':
        if (kFinalByes.has(message.reason)) this.stop(message.reason);
        break;
      default: break;
    }
    const listeners = this.listeners.get(message.type);
    if (listeners) for (const fn of listeners) fn(message);
  }

  deliver(meeting, handlerName, message) {
    const subscription = this.subscriptions.get(meeting);
    if (!subscription) return;
    for (const handlers of subscription.handlers)
      if (handlers[handlerName]) handlers[handlerName](message);
  }

  snapshot(message) {
    const subscription = this.subscriptions.get(message.meeting);
    if (!subscription) return;
    subscription.seq = message.seq;
    this.deliver(message.meeting, 'onSnapshot', message);
  }

  event(message) {
    const subscription = this.subscriptions.get(message.meeting);
    if (!subscription) return;
    if (message.seq <= subscription.seq) return; // a replay overlapping what we have
    if (subscription.seq > 0 && message.seq !== subscription.seq + 1) {
      // Something was missed: catch up from the last event we have.
      this.requestSubscription(message.meeting);
      return;
    }
    subscription.seq = message.seq;
    this.deliver(message.meeting, 'onEvent', message);
  }
}
