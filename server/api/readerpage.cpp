// The phone reader's page, served at /read. Self-contained (inline CSS and script, nothing
// loaded from elsewhere, no framework) so it works on the meeting room's network without
// internet, in Chromium, mobile Safari and Firefox. Every text is in Vietnamese and English;
// the phone's language picks one, the switch at the top changes it.
//
// The token comes from the link's fragment (#t=…), which the browser never sends; the script
// sends it as "Authorization: Bearer" to /reader/api, and builds every element with
// textContent, so a document title can never become markup.
#include "api/readerapi.h"

namespace chamber::api {

const char kReaderPage[] = R"HTML(<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>Chamber</title>
<style>
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
font-size:16px;line-height:1.45;color:#1d2733;background:#eef1f5}
button{font:inherit;color:inherit;cursor:pointer}
[hidden]{display:none!important}
header{position:sticky;top:0;z-index:2;display:flex;align-items:center;gap:.75rem;
padding:.6rem 1rem;padding-top:max(.6rem,env(safe-area-inset-top));background:#17324d;color:#fff}
header .head{flex:1;min-width:0}
header h1{margin:0;font-size:1.05rem;font-weight:600;overflow:hidden;text-overflow:ellipsis;
display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
header p{margin:.1rem 0 0;font-size:.8rem;opacity:.85}
#lang{display:flex;border:1px solid rgba(255,255,255,.6);border-radius:.5rem;overflow:hidden;flex:none}
#lang button{border:0;background:transparent;color:#fff;padding:.35rem .6rem;font-size:.85rem;min-width:2.6rem}
#lang button[aria-pressed=true]{background:#fff;color:#17324d;font-weight:700}
main{max-width:46rem;margin:0 auto;padding:.75rem .75rem 2rem}
.item{margin:1rem 0 .4rem}
.item h2{margin:0 .25rem .4rem;font-size:.95rem;font-weight:600;color:#3b4a5a}
.item h2 .num{display:inline-block;min-width:1.8rem;color:#17324d}
.tag{display:inline-block;margin-left:.4rem;padding:0 .45rem;border-radius:1rem;font-size:.72rem;
font-weight:600;vertical-align:.1em;background:#dfe8f3;color:#17324d}
.doc{display:block;width:100%;text-align:left;margin:0 0 .5rem;padding:.8rem .9rem;border:1px solid #d5dce4;
border-radius:.75rem;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.05)}
.doc:active{background:#f3f6fa}
.doc.live{border:2px solid #c62828;padding:calc(.8rem - 1px) calc(.9rem - 1px)}
.doc .t{display:block;font-weight:600;font-size:1rem;color:#14202c}
.doc .m{display:block;margin-top:.2rem;font-size:.85rem;color:#5a6877}
.doc .live-tag{display:inline-block;margin-top:.4rem;padding:.05rem .5rem;border-radius:1rem;
background:#c62828;color:#fff;font-size:.78rem;font-weight:600}
.empty,.note{text-align:center;color:#5a6877;padding:2rem 1rem}
#viewer{max-width:60rem;margin:0 auto}
.vbar{display:flex;align-items:center;gap:.5rem;padding:.5rem .75rem;background:#fff;border-bottom:1px solid #d5dce4}
.vbar button{border:1px solid #c3ccd6;background:#fff;border-radius:.5rem;padding:.35rem .7rem;flex:none}
.vbar .dt{flex:1;min-width:0;font-weight:600;font-size:.95rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#pagebox{position:relative;min-height:60vh;padding:.5rem;touch-action:pan-x pan-y pinch-zoom}
#page{display:block;width:100%;height:auto;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
#pagestate{position:absolute;left:0;right:0;top:40%;text-align:center;color:#5a6877;margin:0}
.pager{position:sticky;bottom:0;display:flex;align-items:center;justify-content:space-between;gap:.5rem;
padding:.5rem .75rem;padding-bottom:max(.5rem,env(safe-area-inset-bottom));background:rgba(255,255,255,.96);
border-top:1px solid #d5dce4}
.pager button{flex:1;max-width:9rem;border:0;border-radius:.6rem;padding:.7rem .5rem;background:#17324d;color:#fff;font-weight:600}
.pager button:disabled{background:#b8c2cc}
#pageno{flex:none;font-variant-numeric:tabular-nums;font-weight:600;min-width:6rem;text-align:center}
.dl{text-align:center;margin:.75rem 0 1.5rem}
.dl a{color:#17324d;font-weight:600}
body.viewing header p{display:none}
body.viewing header h1{-webkit-line-clamp:1}
#message{max-width:32rem;margin:2.5rem max(1rem,calc(50% - 16rem));padding:1.25rem;background:#fff;border-radius:.75rem;
border:1px solid #e3b4b4;text-align:center}
#message h2{margin:0 0 .5rem;font-size:1.1rem;color:#a11d1d}
#message p{margin:0 0 1rem}
#message button{border:0;border-radius:.6rem;padding:.6rem 1.2rem;background:#17324d;color:#fff;font-weight:600}
</style></head>
<body>
<header><div class="head"><h1 id="title">Chamber</h1><p id="who"></p></div>
<div id="lang" role="group" aria-label="Ngôn ngữ / Language"><button type="button" data-lang="vi" lang="vi">VI</button><button type="button" data-lang="en" lang="en">EN</button></div></header>
<p id="loading" class="note" data-t="loading"></p>
<noscript><p class="note">Trang này cần JavaScript: hãy bật JavaScript trong trình duyệt.</p>
<p class="note" lang="en">This page needs JavaScript: turn it on in the browser.</p></noscript>
<main id="list" hidden></main>
<section id="viewer" hidden>
<div class="vbar"><button type="button" id="back" data-t="back"></button><span class="dt" id="doctitle"></span></div>
<div id="pagebox"><img id="page" alt=""><p id="pagestate"></p></div>
<nav class="pager"><button type="button" id="prev" data-t="prev"></button><span id="pageno"></span><button type="button" id="next" data-t="next"></button></nav>
<p class="dl"><a id="download" href="#"></a></p>
</section>
<section id="message" hidden><h2 id="msgtitle"></h2><p id="msgtext"></p><button type="button" id="retry" data-t="retry"></button></section>
<script>
"use strict";
var TEXT = {
  vi: {
    loading: "Đang tải…", back: "‹ Danh sách", prev: "‹ Trang trước", next: "Trang sau ›",
    retry: "Thử lại", pages: "{n} trang", presenting: "Đang trình chiếu · trang {p}",
    current: "Đang thảo luận", pageOf: "Trang {p} / {n}", download: "Tải tệp PDF ({size})",
    downloading: "Đang tải tệp PDF…", noDocs: "Cuộc họp chưa có tài liệu nào.",
    delegate: "Đại biểu {name} · chỉ xem · hiệu lực đến {time}", pageLoading: "Đang hiển thị trang…",
    pageError: "Không hiển thị được trang này.", errorTitle: "Không mở được tài liệu",
    noToken: "Liên kết thiếu mã truy cập. Hãy quét lại mã QR hiển thị trên máy tính bảng của bạn.",
    unknown: "Liên kết này không hợp lệ. Hãy tạo mã QR mới trên máy tính bảng của bạn.",
    expired: "Liên kết này đã hết hạn. Hãy tạo mã QR mới trên máy tính bảng của bạn.",
    revoked: "Liên kết này đã bị thu hồi. Hãy tạo mã QR mới trên máy tính bảng của bạn.",
    gone: "Đại biểu của liên kết này không còn trong cuộc họp.",
    network: "Không kết nối được máy chủ phòng họp. Hãy kiểm tra Wi‑Fi rồi thử lại.",
    failed: "Máy chủ không trả lời được yêu cầu ({status}). Hãy thử lại."
  },
  en: {
    loading: "Loading…", back: "‹ Documents", prev: "‹ Previous", next: "Next ›",
    retry: "Try again", pages: "{n} pages", presenting: "On screen · page {p}",
    current: "Under discussion", pageOf: "Page {p} of {n}", download: "Download the PDF ({size})",
    downloading: "Downloading the PDF…", noDocs: "This meeting has no documents yet.",
    delegate: "Delegate {name} · read-only · valid until {time}", pageLoading: "Showing the page…",
    pageError: "This page cannot be shown.", errorTitle: "The documents cannot be opened",
    noToken: "The link has no access code. Scan the QR code on your tablet again.",
    unknown: "This link is not valid. Make a new QR code on your tablet.",
    expired: "This link has expired. Make a new QR code on your tablet.",
    revoked: "This link was revoked. Make a new QR code on your tablet.",
    gone: "The delegate of this link is no longer in the meeting.",
    network: "The meeting room's server cannot be reached. Check the Wi‑Fi and try again.",
    failed: "The server could not answer ({status}). Try again."
  }
};
var lang = (navigator.language || "vi").toLowerCase().indexOf("vi") === 0 ? "vi" : "en";
var token = new URLSearchParams(location.hash.slice(1)).get("t") || "";
var meeting = null, problem = null, doc = null, pageNo = 1, pageUrl = null, pageSerial = 0;
var $ = function (id) { return document.getElementById(id); };

function t(key, values) {
  var s = TEXT[lang][key] || key;
  for (var k in values || {}) s = s.split("{" + k + "}").join(values[k]);
  return s;
}
function size(bytes) {
  var units = ["B", "KB", "MB", "GB"], i = 0;
  while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
  return (i ? bytes.toLocaleString(lang, {maximumFractionDigits: 1}) : bytes) + " " + units[i];
}
function when(iso) {
  var d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(lang, {hour: "2-digit", minute: "2-digit", day: "numeric", month: "numeric"});
}
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function show(which) {
  ["loading", "list", "viewer", "message"].forEach(function (id) { $(id).hidden = id !== which; });
  // Reading a page, the page gets the room: the header keeps only the meeting's title.
  document.body.classList.toggle("viewing", which === "viewer");
}
function api(path) {
  return fetch(path, {headers: {"Authorization": "Bearer " + token}, cache: "default"});
}
function fail(key, status) { problem = {key: key, status: status}; render(); }
async function failFrom(response) {
  var reason = "failed";
  try {
    var body = await response.json();
    var d = (body.details || [])[0];
    if (response.status === 401) reason = d && TEXT.en[d.reason] ? d.reason : "unknown";
  } catch (e) {}
  fail(reason, response.status);
}

async function load() {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return fail("noToken");
  try {
    var response = await api("/reader/api/meeting");
    if (!response.ok) return failFrom(response);
    meeting = await response.json();
    problem = null;
    render();
  } catch (e) { fail("network"); }
}

function render() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-t]").forEach(function (e) { e.textContent = t(e.dataset.t); });
  document.querySelectorAll("#lang button").forEach(function (b) {
    b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  });
  if (problem) {
    $("title").textContent = "Chamber";
    $("who").textContent = "";
    $("msgtitle").textContent = t("errorTitle");
    $("msgtext").textContent = t(problem.key, {status: problem.status});
    // Trying again helps when the network or the server failed, not with a bad link.
    $("retry").hidden = problem.key !== "network" && problem.key !== "failed";
    return show("message");
  }
  if (!meeting) return show("loading");
  $("title").textContent = meeting.meeting.title;
  $("who").textContent = t("delegate", {name: meeting.delegate.name, time: when(meeting.expiresAt)});
  renderList();
  if (doc) { renderViewer(); show("viewer"); } else show("list");
}

function renderList() {
  var list = $("list"), live = meeting.presenting;
  list.textContent = "";
  if (!meeting.items.length) list.appendChild(el("p", "empty", t("noDocs")));
  meeting.items.forEach(function (item) {
    var section = el("section", "item"), h = el("h2");
    h.appendChild(el("span", "num", item.number));
    h.appendChild(document.createTextNode(" " + item.title));
    if (item.current) h.appendChild(el("span", "tag", t("current")));
    section.appendChild(h);
    item.documents.forEach(function (d) {
      var b = el("button", "doc"), shown = live && live.sha256 === d.sha256;
      b.type = "button";
      b.dataset.sha256 = d.sha256;
      if (shown) b.classList.add("live");
      b.appendChild(el("span", "t", d.title));
      b.appendChild(el("span", "m", t("pages", {n: d.pages}) + " · " + size(d.bytes)));
      if (shown) b.appendChild(el("span", "live-tag", t("presenting", {p: live.page})));
      b.addEventListener("click", function () { open(d, shown ? live.page : 1, true); });
      section.appendChild(b);
    });
    list.appendChild(section);
  });
}

function open(d, page, push) {
  doc = d;
  pageNo = Math.min(Math.max(1, page), d.pages);
  if (push) history.pushState({sha256: d.sha256, page: pageNo}, "", location.href);
  render();
  window.scrollTo(0, 0);
  loadPage();
}
function close() { doc = null; render(); }

function renderViewer() {
  $("doctitle").textContent = doc.title;
  $("pageno").textContent = t("pageOf", {p: pageNo, n: doc.pages});
  $("prev").disabled = pageNo <= 1;
  $("next").disabled = pageNo >= doc.pages;
  $("download").textContent = t("download", {size: size(doc.bytes)});
}
function pageWidth() {
  var css = Math.min(document.documentElement.clientWidth || 400, 1200);
  return Math.min(2000, Math.round(css * (window.devicePixelRatio || 1)));
}
function pagePath(n) {
  return "/reader/api/docs/" + doc.sha256 + "/pages/" + n + "?width=" + pageWidth();
}
async function loadPage() {
  var serial = ++pageSerial, img = $("page");
  $("pagestate").textContent = t("pageLoading");
  img.style.visibility = "hidden";
  try {
    var response = await api(pagePath(pageNo));
    if (serial !== pageSerial) return;
    if (response.status === 401) return failFrom(response);
    if (!response.ok) throw new Error(String(response.status));
    var blob = await response.blob();
    if (serial !== pageSerial) return;
    if (pageUrl) URL.revokeObjectURL(pageUrl);
    pageUrl = URL.createObjectURL(blob);
    img.onload = function () { img.style.visibility = "visible"; $("pagestate").textContent = ""; };
    img.onerror = function () { $("pagestate").textContent = t("pageError"); };
    img.alt = doc.title + " – " + t("pageOf", {p: pageNo, n: doc.pages});
    img.src = pageUrl;
    if (pageNo < doc.pages) api(pagePath(pageNo + 1)).catch(function () {}); // warm the cache
  } catch (e) {
    if (serial === pageSerial) $("pagestate").textContent = t("pageError");
  }
}
function turn(delta) {
  var next = pageNo + delta;
  if (!doc || next < 1 || next > doc.pages) return;
  pageNo = next;
  history.replaceState({sha256: doc.sha256, page: pageNo}, "", location.href);
  renderViewer();
  loadPage();
}

async function download(event) {
  event.preventDefault();
  var link = $("download"), d = doc;
  link.textContent = t("downloading");
  try {
    var response = await api("/reader/api/docs/" + d.sha256);
    if (!response.ok) return failFrom(response);
    var url = URL.createObjectURL(await response.blob()), a = el("a");
    a.href = url;
    a.download = d.name || d.title + ".pdf";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  } catch (e) { fail("network"); }
  if (doc) renderViewer();
}

var touchX = null;
$("pagebox").addEventListener("touchstart", function (e) {
  var zoomed = window.visualViewport && window.visualViewport.scale > 1.01;
  touchX = e.touches.length === 1 && !zoomed ? e.touches[0].clientX : null;
}, {passive: true});
$("pagebox").addEventListener("touchend", function (e) {
  if (touchX === null || !e.changedTouches.length) return;
  var dx = e.changedTouches[0].clientX - touchX;
  touchX = null;
  if (Math.abs(dx) > 70) turn(dx < 0 ? 1 : -1);
}, {passive: true});
document.addEventListener("keydown", function (e) {
  if (!doc) return;
  if (e.key === "ArrowRight") turn(1);
  if (e.key === "ArrowLeft") turn(-1);
});
$("prev").addEventListener("click", function () { turn(-1); });
$("next").addEventListener("click", function () { turn(1); });
$("back").addEventListener("click", function () { history.back(); });
$("download").addEventListener("click", download);
$("retry").addEventListener("click", function () { problem = null; show("loading"); load(); });
document.querySelectorAll("#lang button").forEach(function (b) {
  b.addEventListener("click", function () { lang = b.dataset.lang; render(); if (doc) loadPageLabel(); });
});
function loadPageLabel() { $("page").alt = doc.title + " – " + t("pageOf", {p: pageNo, n: doc.pages}); }
window.addEventListener("popstate", function (e) {
  var s = e.state, found = null;
  if (s && s.sha256 && meeting) meeting.items.forEach(function (i) {
    i.documents.forEach(function (d) { if (d.sha256 === s.sha256) found = d; });
  });
  if (found) open(found, s.page, false); else close();
});
// A newer QR code opened while this page is open changes only the fragment: start again with
// its token.
window.addEventListener("hashchange", function () { location.reload(); });
// The presenter moves on: the list shows it within a quarter of a minute.
setInterval(function () { if (meeting && !problem && !doc) load(); }, 15000);
render();
load();
</script>
</body></html>
)HTML";

} // namespace chamber::api
