// The workspace shell: who is logged in, the hash router (#/login, #/meetings,
// #/m/<id>/<view>), the header with the meeting switcher, VI/EN and logout, and the section
// navigation. Views are mounted into <main> and unmounted when the route changes.
import { el, lang, setLang, setCsrfToken } from '/web/common/client.js';
import { views } from './views.js';
import { t } from './strings.js';
import { rest, toast, errorText } from './ui.js';
import { mountLogin } from './login.js';
import { mountMeetings } from './views/prepare-meetings.js';
import { MeetingStore } from './store.js';

const shell = {
  account: null,
  meetings: [],
  store: null,
  unmount: null,
};

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'm' && /^\d+$/.test(parts[1] || '')) {
    return { page: 'meeting', meeting: Number(parts[1]), view: parts[2] || 'overview' };
  }
  if (parts.length === 0 || parts[0] === 'meetings') return { page: 'meetings' };
  return { page: 'unknown' };
}

async function loadSession() {
  try {
    const session = await rest('GET', '/session');
    shell.account = session.account;
    setCsrfToken(session.csrf);
    return true;
  } catch {
    shell.account = null;
    return false;
  }
}

async function loadMeetings() {
  try {
    shell.meetings = (await rest('GET', '/meetings')).meetings || [];
  } catch (error) {
    toast(errorText(error));
  }
}

async function logout() {
  try { await rest('DELETE', '/session'); } catch { /* the session may be gone already */ }
  shell.account = null;
  setCsrfToken('');
  closeStore();
  navigate('#/login');
}

function closeStore() {
  if (shell.store) shell.store.close();
  shell.store = null;
}

function renderHeader(current) {
  const header = document.getElementById('top');
  header.replaceChildren();
  const langSwitch = el('div', { class: 'lang-switch ws-lang', role: 'group', 'aria-label': t('language') },
    ...['vi', 'en'].map((code) => el('button', {
      type: 'button', 'aria-pressed': String(lang() === code), lang: code, onclick: () => setLang(code),
    }, code.toUpperCase())));
  header.append(el('a', { class: 'ws-brand', href: '#/meetings' }, 'Chamber'));
  if (shell.account) {
    const switcher = el('select', { class: 'ws-switcher', 'aria-label': t('chooseMeeting'),
      onchange: (e) => navigate(e.target.value ? `#/m/${e.target.value}/overview` : '#/meetings') },
      el('option', { value: '' }, t('meetings')),
      ...shell.meetings.map((m) => el('option', { value: String(m.id) }, m.title)));
    switcher.value = current.meeting ? String(current.meeting) : '';
    header.append(switcher);
    if (shell.store) {
      header.append(el('span', { class: `badge live ${shell.store.connection}`, id: 'live-state' },
        t('live_' + shell.store.connection)));
    }
  }
  header.append(el('span', { class: 'spacer' }), langSwitch);
  if (shell.account) {
    header.append(
      el('span', { class: 'ws-account' }, shell.account.name,
        el('small', {}, ` (${t('role_' + shell.account.role)})`)),
      el('button', { class: 'btn', type: 'button', onclick: logout }, t('logout')));
  }
}

function renderSections(current) {
  const nav = document.getElementById('sections');
  nav.replaceChildren();
  if (current.page !== 'meeting') { nav.hidden = true; return; }
  nav.hidden = false;
  for (const section of ['prepare', 'run', 'after']) {
    const own = views.filter((v) => v.section === section
      && !(shell.account && shell.account.role === 'observer' && v.observer === false));
    if (!own.length) continue;
    nav.append(el('div', { class: 'ws-section' },
      el('h2', {}, t(section)),
      el('ul', {}, ...own.map((v) => el('li', {},
        el('a', {
          href: `#/m/${current.meeting}/${v.id}`,
          'aria-current': v.id === current.view ? 'page' : 'false',
        }, v.title[lang()] || v.title.vi))))));
  }
}

async function route() {
  if (shell.unmount) { try { shell.unmount(); } catch { /* a view failing to clean up */ } }
  shell.unmount = null;
  const current = parseRoute();
  const main = document.getElementById('main');
  if (current.page !== 'login' && !shell.account && !(await loadSession())) {
    navigate('#/login');
    return;
  }
  if (current.page === 'login') {
    closeStore();
    renderHeader(current);
    renderSections(current);
    shell.unmount = mountLogin(main, { t, onLoggedIn: async (session) => {
      shell.account = session.account;
      setCsrfToken(session.csrf);
      navigate('#/meetings');
    } });
    return;
  }
  await loadMeetings();
  if (current.page === 'meeting') {
    if (!shell.store || shell.store.meeting !== current.meeting) {
      closeStore();
      shell.store = new MeetingStore(current.meeting);
      shell.store.on('connection', () => renderHeader(parseRoute()));
    }
  } else {
    closeStore();
  }
  // An observer reads only: the controls that change things are not offered (the server
  // refuses them anyway), and the devices are not theirs to see.
  document.body.classList.toggle('observer', shell.account.role === 'observer');
  renderHeader(current);
  renderSections(current);
  main.replaceChildren();
  const ctx = { meeting: current.meeting, state: shell.store, api: rest, t, account: shell.account,
    navigate, refreshMeetings: async () => { await loadMeetings(); renderHeader(parseRoute()); } };
  if (current.page === 'meetings') {
    document.title = `${t('meetings')} — Chamber`;
    shell.unmount = mountMeetings(main, ctx);
    return;
  }
  const view = current.page === 'meeting' && views.find((v) => v.id === current.view);
  if (!view) {
    main.append(el('p', { class: 'empty' }, t('notFound')));
    return;
  }
  if (!shell.meetings.some((m) => m.id === current.meeting)) {
    main.append(el('p', { class: 'empty' }, t('noMeeting', current.meeting)));
    return;
  }
  document.title = `${view.title[lang()] || view.title.vi} — Chamber`;
  shell.unmount = view.mount(main, ctx) || null;
}

window.addEventListener('hashchange', route);
// The skip link focuses the content without touching the hash the router reads.
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('chamber-lang', () => {
  document.documentElement.lang = lang();
  route();
});
document.documentElement.lang = lang();
route();
