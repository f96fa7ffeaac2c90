// The follow-up boards of the councils, under the meetings list: for each council a button
// that makes a board link (a read-only lobby screen or phone view of its tasks) and shows its
// QR code and address, ready to print and put up at the door.
import { el, makeT } from '/web/common/client.js';
import { rest, guarded } from '../ui.js';

const t = makeT({
  vi: {
    heading: 'Theo dõi kết luận', intro: 'Bảng theo dõi thực hiện kết luận của từng hội đồng: mở trên màn hình ở sảnh hoặc trên điện thoại bằng mã QR (chỉ xem).',
    make: 'Tạo liên kết bảng theo dõi', print: 'In mã QR', open: 'Mở bảng theo dõi',
    qrAlt: 'Mã QR của bảng theo dõi {0}', none: 'Chưa có hội đồng nào.',
    made: 'Liên kết chỉ xem, dùng được đến khi bị thu hồi.',
  },
  en: {
    heading: 'Follow-up board', intro: "Each council's follow-up of conclusions: open it on a lobby screen or a phone with the QR code (read-only).",
    make: 'Create a board link', print: 'Print the QR code', open: 'Open the board',
    qrAlt: 'QR code of the board of {0}', none: 'No councils yet.',
    made: 'A read-only link, valid until it is revoked.',
  },
});

function councilId(council) { return council.council ?? council.id; }

function qrCard(council, link) {
  const card = el('div', { class: 'card board-qr', 'data-council': String(councilId(council)) },
    el('h3', {}, council.name),
    el('img', { class: 'qr', width: 220, height: 220, alt: t('qrAlt', council.name),
      src: `/api/v1/qr.svg?text=${encodeURIComponent(link.url)}` }),
    el('p', { class: 'mono small board-url' }, link.url),
    el('p', { class: 'muted small' }, t('made')));
  const actions = el('p', { class: 'actions no-print' },
    el('a', { class: 'btn small', href: link.url, target: '_blank', rel: 'noopener' }, t('open')),
    el('button', { class: 'btn small', type: 'button', onclick: () => printCard(card) }, t('print')));
  card.append(actions);
  return card;
}

// Prints this card alone (workspace.css hides the rest while body.print-qr is set).
function printCard(card) {
  card.classList.add('printing');
  document.body.classList.add('print-qr');
  window.print();
  document.body.classList.remove('print-qr');
  card.classList.remove('printing');
}

export function mountCouncilBoards(container) {
  const list = el('div', { class: 'council-boards' });
  container.replaceChildren(el('section', { class: 'ws-page board-links' },
    el('h2', {}, t('heading')), el('p', { class: 'muted' }, t('intro')), list));

  async function load() {
    // An account that may not list councils (an observer) simply has no such section.
    let answer;
    try {
      answer = await rest('GET', '/councils');
    } catch (error) {
      container.replaceChildren();
      return;
    }
    const councils = answer.councils || [];
    if (!councils.length) { list.replaceChildren(el('p', { class: 'empty' }, t('none'))); return; }
    list.replaceChildren(...councils.map((council) => {
      const slot = el('div');
      const button = el('button', { class: 'btn', type: 'button', 'data-council': String(councilId(council)),
        onclick: () => guarded(async () => {
          const link = await rest('POST', `/councils/${councilId(council)}/board-links`, {});
          slot.replaceChildren(qrCard(council, link));
        }) }, t('make'));
      return el('div', { class: 'council-board' }, el('strong', {}, council.name), ' ', button, slot);
    }));
  }
  load();
}
