// A task's history in a dialog: its council events (GET …/tasks/{t}/history), newest last,
// each as a sentence with when and who. Opened by a click, a tap or Enter on a task card;
// Escape or the button closes it (the native <dialog> keeps the focus inside).
import {el} from '/web/common/client.js';
import {deadlineText, dateTimeText} from '/web/board/format.js';

const $ = (id) => document.getElementById(id);

function ownerName(owners, owner) {
  if (!owner) return '';
  const found = owners.find((o) => o.kind === owner.kind && o.id === owner.id);
  return found ? found.name : `${owner.kind} #${owner.id}`;
}

function actorName(actor) {
  return String(actor || '').replace(/^account:/, '');
}

function sentence(t, language, owners, event) {
  const d = event.data || {};
  switch (event.kind) {
    case 'task.created':
      return t('task.created', {title: d.title || '', deadline: deadlineText(d.deadline, language)});
    case 'task.statusChanged':
      return t('task.statusChanged', {from: t(d.from), to: t(d.to)});
    case 'task.noted': return t('task.noted', {text: d.text || ''});
    case 'task.reassigned': return t('task.reassigned', {owner: ownerName(owners, d.owner)});
    case 'task.deadlineChanged':
      return t('task.deadlineChanged', {from: deadlineText(d.from, language),
        deadline: deadlineText(d.deadline, language)});
    default: return event.kind;
  }
}

export class HistoryDialog {
  constructor(t, language, fetchHistory) {
    this.t = t;
    this.language = language;
    this.fetchHistory = fetchHistory;
    this.serial = 0;
    this.dialog = $('history');
    $('h-close').addEventListener('click', () => this.dialog.close());
    // A click on the backdrop (outside the box) closes it too.
    this.dialog.addEventListener('click', (e) => { if (e.target === this.dialog) this.dialog.close(); });
  }

  get isOpen() { return this.dialog.open; }

  async open(task, owner, owners) {
    const serial = ++this.serial;
    const t = this.t;
    $('h-title').textContent = `${t('task', {n: task.task})}: ${task.title}`;
    $('h-meta').textContent = `${owner.name} · ${t('deadline', {date: deadlineText(task.deadline, this.language())})}`;
    $('h-events').replaceChildren(el('li', {class: 'muted'}, t('historyLoading')));
    if (!this.dialog.open) this.dialog.showModal();
    let answer;
    try {
      answer = await this.fetchHistory(task.task);
    } catch (error) {
      if (serial === this.serial)
        $('h-events').replaceChildren(el('li', {class: 'problem'}, t('historyFailed', {why: error.message || error.code})));
      return;
    }
    if (serial !== this.serial) return;
    $('h-events').replaceChildren(...(answer.events || []).map((event) => {
      const d = event.data || {};
      return el('li', {class: 'event', 'data-kind': event.kind},
        el('time', {datetime: event.time}, dateTimeText(event.time, this.language())),
        el('span', {class: 'what'}, sentence(t, this.language(), owners, event)),
        d.reason ? el('span', {class: 'why'}, t('reason', {reason: d.reason})) : null,
        d.attachment ? el('span', {class: 'why'}, t('attachment', {name: d.attachment.name || ''})) : null,
        el('span', {class: 'who muted'}, t('by', {actor: actorName(event.actor)})));
    }));
  }
}
