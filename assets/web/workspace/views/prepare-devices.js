// #/m/<id>/devices: join codes for the chair console, the tally screen and bridge points, shown
// as QR codes and printable one per page; the seat cards PDF (one join code per seat); the
// enrolled devices with their online state (live presence pushes), last seen, and revoke.
import { el, makeT, formatDateTime } from '/web/common/client.js';
import { rest, guarded, confirmDialog, download, field, select, toast } from '../ui.js';

const t = makeT({
  vi: {
    heading: 'Thiết bị', codes: 'Mã tham gia', role: 'Vai trò', label: 'Nhãn (tuỳ chọn)', create: 'Tạo mã',
    role_chair: 'Bàn chủ toạ', role_tally: 'Màn hình kết quả', role_bridge: 'Điểm cầu', role_delegate: 'Máy tính bảng đại biểu',
    expires: 'Hết hạn {0}', print: 'In các mã', seatCards: 'Thẻ chỗ ngồi (PDF)', seatCardsHint: 'Mỗi ghế một thẻ có mã QR để máy tính bảng tham gia.',
    downloaded: 'Đã tải thẻ chỗ ngồi.', devices: 'Thiết bị đã tham gia', none: 'Chưa có thiết bị nào.',
    name: 'Tên', delegate: 'Đại biểu', state: 'Trạng thái', lastSeen: 'Lần cuối', enrolled: 'Tham gia lúc', actions: 'Thao tác',
    online: 'Trực tuyến', offline: 'Ngoại tuyến', revoked: 'Đã thu hồi', revoke: 'Thu hồi', never: 'chưa thấy',
    confirmRevoke: 'Thu hồi “{0}”? Thiết bị sẽ bị ngắt ngay và phải tham gia lại bằng mã mới.', scan: 'Quét bằng thiết bị để tham gia',
    qr: 'Mã QR cho {0}', meeting: 'Cuộc họp',
  },
  en: {
    heading: 'Devices', codes: 'Join codes', role: 'Role', label: 'Label (optional)', create: 'Create code',
    role_chair: 'Chair console', role_tally: 'Tally screen', role_bridge: 'Bridge point', role_delegate: 'Delegate tablet',
    expires: 'Expires {0}', print: 'Print the codes', seatCards: 'Seat cards (PDF)', seatCardsHint: 'One card per seat with the QR code its tablet joins with.',
    downloaded: 'Seat cards downloaded.', devices: 'Enrolled devices', none: 'No devices yet.',
    name: 'Name', delegate: 'Delegate', state: 'State', lastSeen: 'Last seen', enrolled: 'Enrolled', actions: 'Actions',
    online: 'Online', offline: 'Offline', revoked: 'Revoked', revoke: 'Revoke', never: 'not seen',
    confirmRevoke: 'Revoke “{0}”? The device is cut off at once and must join again with a new code.', scan: 'Scan with the device to join',
    qr: 'QR code for {0}', meeting: 'Meeting',
  },
});

// The codes made in this page's life, per meeting: the server shows a code once, and coming back
// to the page should still show (and print) what was just made.
const madeCodes = new Map();

export default {
  id: 'devices',
  section: 'prepare',
  observer: false, // devices and join codes are not an observer's
  title: { vi: 'Thiết bị', en: 'Devices' },
  mount(container, ctx) {
    const base = `/meetings/${ctx.meeting}`;
    let devices = [];
    if (!madeCodes.has(ctx.meeting)) madeCodes.set(ctx.meeting, []);
    const codes = madeCodes.get(ctx.meeting);
    const codeList = el('div', { class: 'code-cards', id: 'code-cards' });
    const deviceBody = el('tbody');

    const role = select(t('role'), ['chair', 'tally', 'bridge'].map((r) => [r, t('role_' + r)]), 'chair');
    const label = field(t('label'), { maxlength: '100', id: 'code-label' });
    role.input.id = 'code-role';
    const printButton = el('button', { class: 'btn', type: 'button', hidden: !codes.length, onclick: () => window.print() }, t('print'));

    function codeCard(code) {
      const meetingTitle = (ctx.state.snapshot && ctx.state.snapshot.title) || '';
      const name = code.label || t('role_' + code.role);
      return el('figure', { class: 'card code-card', 'data-role': code.role },
        el('img', { class: 'qr', alt: t('qr', name), width: '220', height: '220',
          src: `/api/v1/qr.svg?text=${encodeURIComponent(code.url)}` }),
        el('figcaption', {},
          el('strong', { class: 'code-role' }, t('role_' + code.role)),
          code.label ? el('span', { class: 'code-label' }, code.label) : null,
          el('span', { class: 'print-only' }, `${t('meeting')}: ${meetingTitle}`),
          el('span', { class: 'muted small' }, t('scan')),
          el('span', { class: 'muted small' }, t('expires', formatDateTime(code.expiresAt))),
          el('code', { class: 'code-url' }, code.url)));
    }

    const codeForm = el('form', { class: 'row', id: 'code-form', onsubmit: async (e) => {
      e.preventDefault();
      const body = { role: role.input.value };
      if (label.input.value.trim()) body.label = label.input.value.trim();
      const answer = await guarded(() => rest('POST', `${base}/join-codes`, body));
      if (!answer) return;
      codes.unshift(answer);
      label.input.value = '';
      codeList.replaceChildren(...codes.map(codeCard));
      printButton.hidden = false;
    } }, role.wrap, label.wrap, el('button', { class: 'btn primary', type: 'submit' }, t('create')), printButton);

    const seatCardsButton = el('button', { class: 'btn', type: 'button', id: 'seat-cards', onclick: async () => {
      seatCardsButton.disabled = true;
      const blob = await guarded(() => download(`${base}/seat-cards`, `seat-cards-${ctx.meeting}.pdf`));
      seatCardsButton.disabled = false;
      if (blob) toast(t('downloaded'), 'ok');
    } }, t('seatCards'));

    function stateOf(device) {
      if (device.revoked) return ['revoked', t('revoked')];
      const live = ctx.state.presence.get(device.id);
      const online = live ? live.online : device.online;
      return online ? ['online', t('online')] : ['offline', t('offline')];
    }

    function renderDevices() {
      const delegates = new Map(((ctx.state.snapshot && ctx.state.snapshot.delegates) || []).map((d) => [d.id, d]));
      if (!devices.length) {
        deviceBody.replaceChildren(el('tr', {}, el('td', { colspan: '7', class: 'empty' }, t('none'))));
        return;
      }
      deviceBody.replaceChildren(...devices.map((device) => {
        const [kind, text] = stateOf(device);
        const live = ctx.state.presence.get(device.id);
        const since = live ? live.since : device.since;
        const name = device.label || device.name || `#${device.id}`;
        return el('tr', { 'data-device': String(device.id), class: kind },
          el('td', {}, name, device.name && device.label ? el('div', { class: 'muted small' }, device.name) : null),
          el('td', {}, t('role_' + device.role)),
          el('td', {}, device.delegate ? ((delegates.get(device.delegate) || {}).name || `#${device.delegate}`) : '—'),
          el('td', {}, el('span', { class: `badge ${kind}` }, text)),
          el('td', {}, since ? formatDateTime(since) : t('never')),
          el('td', {}, device.enrolledAt ? formatDateTime(device.enrolledAt) : '—'),
          el('td', { class: 'actions' }, device.revoked ? null : el('button', { class: 'btn small danger', type: 'button',
            'aria-label': `${t('revoke')}: ${name}`, onclick: async () => {
              if (!(await confirmDialog(t('confirmRevoke', name), { okLabel: t('revoke') }))) return;
              await guarded(() => rest('DELETE', `${base}/devices/${device.id}`));
              await loadDevices();
            } }, t('revoke'))));
      }));
    }

    async function loadDevices() {
      const answer = await guarded(() => rest('GET', `${base}/devices`));
      if (!answer) return;
      devices = answer.devices || [];
      renderDevices();
    }

    container.replaceChildren(el('section', { class: 'ws-page devices-page' },
      el('div', { class: 'page-head' }, el('h1', {}, t('heading'))),
      el('section', { class: 'card', 'aria-labelledby': 'codes-heading' }, el('h2', { id: 'codes-heading' }, t('codes')), codeForm, codeList),
      el('section', { class: 'card row', 'aria-label': t('seatCards') }, seatCardsButton, el('span', { class: 'muted small' }, t('seatCardsHint'))),
      el('section', { 'aria-labelledby': 'devices-heading' }, el('h2', { id: 'devices-heading' }, t('devices')),
        el('table', { class: 'table', id: 'devices-table' },
          el('thead', {}, el('tr', {}, ...['name', 'role', 'delegate', 'state', 'lastSeen', 'enrolled', 'actions'].map((k) => el('th', { scope: 'col', class: k === 'actions' ? 'actions' : null }, t(k))))),
          deviceBody))));
    codeList.replaceChildren(...codes.map(codeCard));
    const offPresence = ctx.state.on('presence', renderDevices);
    // Enrolments and revocations are events: the list is read again when the meeting changes.
    let lastDeviceCount = -1;
    const offChange = ctx.state.on('change', (state) => {
      const count = (state.devices || []).map((d) => `${d.id}:${d.revoked}`).join(',');
      if (count !== lastDeviceCount) { lastDeviceCount = count; loadDevices(); }
    });
    loadDevices();
    return () => { offPresence(); offChange(); };
  },
};
