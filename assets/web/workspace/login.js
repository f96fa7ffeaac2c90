// #/login: name and password → POST /api/v1/session. A wrong name and a wrong password get the
// same answer; a throttled address is told how long to wait (Retry-After).
import { el } from '/web/common/client.js';
import { rest, errorText } from './ui.js';

export function mountLogin(container, { t, onLoggedIn }) {
  const message = el('p', { class: 'form-error', role: 'alert', id: 'login-error' });
  const name = el('input', { id: 'login-name', name: 'username', autocomplete: 'username', required: '' });
  const password = el('input', { id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: '' });
  const submit = el('button', { class: 'btn primary', type: 'submit' }, t('signIn'));
  let countdown = null;

  function waitFor(seconds) {
    let left = seconds;
    submit.disabled = true;
    const tick = () => {
      message.textContent = t('throttled', left);
      if (left <= 0) {
        clearInterval(countdown);
        countdown = null;
        submit.disabled = false;
        message.textContent = '';
      }
      left -= 1;
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  const form = el('form', { class: 'card ws-login', novalidate: '', onsubmit: async (event) => {
    event.preventDefault();
    message.textContent = '';
    if (!name.value.trim() || !password.value) {
      (name.value.trim() ? password : name).focus();
      return;
    }
    submit.disabled = true;
    try {
      const session = await rest('POST', '/session', { name: name.value.trim(), password: password.value });
      password.value = '';
      onLoggedIn(session);
    } catch (error) {
      submit.disabled = false;
      password.value = '';
      if (error.status === 429) {
        waitFor(error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : retryAfterFrom(error));
      } else if (error.status === 401) {
        message.textContent = t('wrongLogin');
      } else if (error.status === 403) {
        message.textContent = t('disabled');
      } else {
        message.textContent = errorText(error);
      }
      password.focus();
    }
  } },
  el('h1', {}, t('loginTitle')),
  el('p', { class: 'muted' }, t('loginIntro')),
  el('div', { class: 'field' }, el('label', { for: 'login-name' }, t('name')), name),
  el('div', { class: 'field' }, el('label', { for: 'login-password' }, t('password')), password),
  message,
  el('div', { class: 'row end' }, submit));
  container.replaceChildren(form);
  name.focus();
  return () => { if (countdown) clearInterval(countdown); };
}

// The seconds from the error's message ("... try again in 5 s") when no header reached us.
function retryAfterFrom(error) {
  const match = /(\d+)\s*(ms|s)\b/.exec(error.message || '');
  if (!match) return 5;
  return match[2] === 'ms' ? Math.ceil(Number(match[1]) / 1000) : Number(match[1]);
}
