// Draws the board JSON (CONTRACT.md "Board JSON") into the page: the totals, the filters' choices,
// the owners with their tasks, the pager. Everything from the server goes in as text (el()).
import {el} from '/web/common/client.js';
import {COLOURS, ICONS} from '/web/board/text.js';
import {deadlineText, remaining} from '/web/board/format.js';

const $ = (id) => document.getElementById(id);

export function ownerKey(owner) { return `${owner.kind}-${owner.id}`; }

// One chip: icon, word, number; the colour is the third signal, never the only one.
function chip(t, colour, n, extra = {}) {
  return el('span', {class: ['chip', `c-${colour}`], 'data-colour': colour, ...extra},
    el('span', {class: 'icon', 'aria-hidden': 'true'}, ICONS[colour]),
    el('span', {class: 'word'}, t(colour)), el('b', {class: 'n'}, String(n)));
}

export function renderTotals(t, board) {
  const box = $('totals');
  box.replaceChildren($('totals-h'));
  for (const colour of COLOURS) box.append(chip(t, colour, board.counts[colour] || 0));
  box.append(el('span', {class: 'chip total'}, el('span', {class: 'word'}, t('total')),
    el('b', {class: 'n'}, String(board.counts.total || 0))));
}

function option(value, text, selected) {
  return el('option', {value, selected: value === selected}, text);
}

// The filters' choices come with the board (all the council's meetings and owners).
export function renderFilters(t, board, filters) {
  const meetings = (board.filters && board.filters.meetings) || [];
  const owners = (board.filters && board.filters.owners) || [];
  $('f-meeting').replaceChildren(option('', t('allMeetings'), filters.meeting),
    ...meetings.map((m) => option(String(m.meeting), m.title, filters.meeting)));
  $('f-owner').replaceChildren(option('', t('allOwners'), filters.owner),
    ...owners.map((o) => option(ownerKey(o), o.name, filters.owner)));
  const statuses = [...COLOURS, 'open', 'inProgress'];
  $('f-status').replaceChildren(option('', t('allStatuses'), filters.status),
    ...statuses.map((s) => option(s, `${ICONS[s] ? `${ICONS[s]} ` : ''}${t(s)}`, filters.status)));
}

function meetingTitle(board, id) {
  const found = ((board.filters && board.filters.meetings) || []).find((m) => m.meeting === id);
  return found ? found.title : `#${id}`;
}

function taskCard(t, language, board, now, task, onOpen) {
  const colour = COLOURS.includes(task.colour) ? task.colour : 'onTime';
  const left = colour === 'overdue' || colour === 'dueSoon' ? remaining(task.deadline, now) : null;
  const origin = task.origin && task.origin.meeting
    ? t('origin', {c: task.origin.conclusion, meeting: meetingTitle(board, task.origin.meeting)}) : '';
  return el('li', {},
    el('button', {type: 'button', class: ['task', `c-${colour}`], 'data-task': task.task,
      'data-colour': colour, onClick: () => onOpen(task)},
    el('span', {class: 'state'}, el('span', {class: 'icon', 'aria-hidden': 'true'}, ICONS[colour]),
      ` ${t(colour)}`, task.status === 'inProgress' && colour !== 'done'
        ? el('span', {class: 'sub'}, ` · ${t('inProgress')}`) : null),
    el('span', {class: 'title'}, task.title),
    el('span', {class: 'meta'},
      el('span', {class: 'due'}, t('deadline', {date: deadlineText(task.deadline, language)})),
      left ? el('span', {class: 'left'}, ` · ${t(left.key, {n: left.n})}`) : null,
      task.notes ? el('span', {class: 'notes'}, ` · ${t(task.notes === 1 ? 'notes1' : 'notes', {n: task.notes})}`) : null),
    origin ? el('span', {class: 'origin'}, origin) : null));
}

function ownerCounts(t, counts) {
  return el('span', {class: 'ocounts'}, ...COLOURS.filter((c) => counts[c])
    .map((c) => el('span', {class: ['mini', `c-${c}`], 'data-colour': c, title: t(c)},
      el('span', {'aria-hidden': 'true'}, ICONS[c]), el('span', {class: 'visually-hidden'}, ` ${t(c)} `),
      String(counts[c]))));
}

export function renderBoard(t, language, board, now, onOpen) {
  const main = $('board');
  main.replaceChildren();
  if (!board.owners.length) {
    main.append(el('p', {class: 'empty'}, t('empty')));
    return;
  }
  for (const owner of board.owners) {
    main.append(el('section', {class: 'owner', 'data-owner': ownerKey(owner)},
      el('h2', {class: 'ohead'},
        el('span', {class: 'oname'}, owner.name),
        el('span', {class: 'okind'}, t(owner.kind)),
        ownerCounts(t, owner.counts || {})),
      el('ul', {class: 'tasks'}, ...owner.tasks.map((task) => taskCard(t, language, board, now, task,
        (chosen) => onOpen(chosen, owner))))));
  }
}

export function renderPager(t, board, autoText) {
  const pages = board.pages || 1;
  $('pager').hidden = pages <= 1;
  $('pageno').textContent = t('page', {p: board.page, n: pages});
  $('dots').textContent = Array.from({length: pages}, (_, i) => (i + 1 === board.page ? '●' : '○')).join(' ');
  $('prev').disabled = board.page <= 1;
  $('next').disabled = board.page >= pages;
  $('autostate').textContent = autoText;
}
