// Helpers shared by the Run and After views: DOM building on top of client.js el() (user text
// always goes in as text nodes), rules and durations in words, downloads and copying.
import { el, lang } from '/web/common/client.js';

// The views' own stylesheet, linked once (CSP allows style sheets from this server only).
if (!document.querySelector('link[data-run-css]')) {
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL('./run.css', import.meta.url).pathname;
    sheet.dataset.runCss = '';
    document.head.append(sheet);
}

// el() with the conveniences views want: children may be nested arrays, null or false (left
// out) and numbers. Attributes go to el() as they are: it sets value, checked, disabled, hidden
// and selected as properties, leaves false and null out and makes true a present attribute.
export function h(tag, attrs = {}, ...children) {
    return el(tag, attrs || {}, ...normalized(children));
}

export function clear(node) {
    while (node.firstChild)
        node.removeChild(node.firstChild);
    return node;
}

function normalized(children) {
    return children.flat(Infinity)
        .filter((c) => c !== null && c !== undefined && c !== false)
        .map((c) => (c instanceof Node ? c : String(c)));
}

// Appends children as h() takes them (nested arrays, null and false left out, text as text).
export function add(node, ...children) {
    node.append(...normalized(children));
    return node;
}

// Replaces a node's children.
export function put(node, ...children) {
    node.replaceChildren(...normalized(children));
    return node;
}

// The shell's live store of the open meeting (store.js).
export function store(ctx) {
    return ctx.state;
}

// The majority rule in words, as core/majority.cpp describe() says it in English.
const ruleWords = {
    vi: {
        more: 'quá', least: 'ít nhất', of: '', members: 'tổng số đại biểu',
        present: 'số đại biểu có mặt', castWith: 'số phiếu biểu quyết, tính cả phiếu không biểu quyết',
        castWithout: 'số phiếu biểu quyết, không tính phiếu không biểu quyết',
        weight: ', tính theo trọng số biểu quyết', quorum: '; điều kiện có mặt: {0} {1} đại biểu{2}',
        quorumWeight: ' (theo trọng số)',
    },
    en: {
        more: 'more than', least: 'at least', of: 'of ', members: 'all members', present: 'members present',
        castWith: 'votes cast, abstentions included', castWithout: 'votes cast, abstentions excluded',
        weight: ', by voting weight', quorum: '; quorum: {0} {1} of members{2}',
        quorumWeight: ' (by voting weight)',
    },
};

function fill(text, ...args) {
    return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

export function ruleText(rule, code = lang()) {
    if (!rule)
        return '';
    const w = ruleWords[code] || ruleWords.vi;
    const base = rule.base === 'members' ? w.members : rule.base === 'present' ? w.present
        : rule.abstentionsInBase ? w.castWith : w.castWithout;
    let text = `${rule.inclusive ? w.least : w.more} ${rule.numerator}/${rule.denominator} ${w.of}${base}`;
    if (rule.byWeight)
        text += w.weight;
    if (rule.quorum)
        text += quorumClause(rule.quorum, w);
    return text;
}

function quorumClause(quorum, w) {
    return fill(w.quorum, quorum.inclusive ? w.least : w.more,
        `${quorum.numerator}/${quorum.denominator}`, quorum.basis === 'weight' ? w.quorumWeight : '');
}

// The meeting's quorum rule in words ("at least 2/3 of members").
export function quorumRuleText(rule, code = lang()) {
    const w = ruleWords[code] || ruleWords.vi;
    if (!rule)
        return '';
    const of = code === 'en' ? 'of members' : 'đại biểu';
    return `${rule.inclusive ? w.least : w.more} ${rule.numerator}/${rule.denominator} ${of}`
        + (rule.basis === 'weight' ? w.quorumWeight : '');
}

// 754000 -> "12:34"; an hour or more -> "1:02:34".
export function duration(ms) {
    const total = Math.max(0, Math.floor(ms / 1000));
    const s = String(total % 60).padStart(2, '0');
    const m = Math.floor(total / 60) % 60;
    const hours = Math.floor(total / 3600);
    return hours ? `${hours}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function delegateLabel(delegate) {
    if (!delegate)
        return '?';
    return delegate.seat ? `${delegate.seat} · ${delegate.name}` : delegate.name;
}

export function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// Copies `text`; the button says it worked. Falls back to selecting the text where the
// clipboard API is not allowed (it needs a secure context and a user gesture).
export async function copy(text, button, done) {
    try {
        await navigator.clipboard.writeText(text);
    } catch {
        const area = h('textarea', { class: 'copy-fallback', readonly: true }, text);
        document.body.append(area);
        area.select();
        document.execCommand('copy');
        area.remove();
    }
    const before = button.textContent;
    button.textContent = done;
    setTimeout(() => { button.textContent = before; }, 1500);
}

export async function sha256Hex(bytes) {
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function base64Bytes(text) {
    const raw = atob(text);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; ++i)
        bytes[i] = raw.charCodeAt(i);
    return bytes;
}

// The signing key's fingerprint as protocol/ed25519.cpp keyFingerprint() makes it: the first
// 16 hex digits of the SHA-256 of the raw 32-byte public key.
export async function keyFingerprint(publicKeyBase64) {
    return (await sha256Hex(base64Bytes(publicKeyBase64))).slice(0, 16);
}

// Shows an API error in a view's message line.
export function errorText(error, t) {
    if (!error)
        return '';
    const known = t(`error.${error.code}`);
    return known !== `error.${error.code}` ? `${known} (${error.message || error.code})`
        : (error.message || String(error));
}
