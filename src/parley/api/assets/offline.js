// Working through an outage: the outbox in the header, sending it when the server is
// back, and the service worker that keeps the pages' shell for a reload while it is away.
//
// Every action is signed and kept in the outbox (outbox.js) before it is sent
// (parley.js Session.submit). Here: the header says what is waiting ("2 waiting to send",
// "1 refused") and opens the list (type, channel, time signed, the server's error; Send
// now, Discard); the outbox is sent — oldest first; several of a channel in one batch
// request (outbox.js) — when the page loads,
// when the push stream is live again, when the browser says it is online, and on a timer
// that backs off (2 s, 4 s, … 1 min) while the server stays away. When the server answers
// again after an outage, the page is shown afresh (`back`).
import { h, code, refreshSoon, say, state, u } from "/assets/core.js";
import { has, onChange, t, tNodes, timeEl } from "/assets/i18n.js";
import { changes, drop, list, retry } from "/assets/outbox.js";
import { loadIdentity } from "/assets/parley.js";
import { schemas } from "/assets/schema.js";

let back = () => {};
let delay = 0; // the current wait before the next try while the server is away (ms)
let timer = null;
let away = false;
let sending = null;
let probed = false;

/** Whether the server answers (its public identity; no token, nothing kept). */
async function answers() {
  try {
    const r = await fetch("/v1/server", { cache: "no-store" });
    return !(r.status >= 502 && r.status <= 504);
  } catch {
    return false;
  }
}

/** Send what waits now (and again later, backing off, while the server is away). */
export async function sendNow() {
  clearTimeout(timer);
  if (sending) return sending;
  sending = (async () => {
    if (!state.session) { // still loading (or no key in this browser: nothing to send)
      if (await loadIdentity()) timer = setTimeout(sendNow, 1000);
      return;
    }
    let out;
    try { out = await state.session.flush(); } catch { out = { away: true, sent: 0 }; }
    // Nothing was sent: whether the server answers at all (on the first run, and while
    // it is away), so a page that could not load recovers when it is back.
    if (!out.away && !out.sent && (away || !probed)) { probed = true; out.away = !(await answers()); }
    if (out.sent) {
      say(t("outbox.sent", { count: out.sent }));
      refreshSoon();
    }
    if (out.away) {
      away = true;
      delay = Math.min(60_000, delay ? delay * 2 : 2000);
      timer = setTimeout(sendNow, delay);
    } else {
      delay = 0;
      if (away) { away = false; back(); }
    }
  })().finally(() => { sending = null; });
  return sending;
}

// ---- the header: what waits, and the list ---------------------------------------------

let button = null;
let panel = null;
let drawn = null;

async function render() {
  if (!has("outbox.title")) { renderSoon(); return; } // the catalogs are still loading
  const me = state.me || (await loadIdentity());
  const items = me ? await list(me.keyId) : [];
  const waiting = items.filter((r) => r.state === "pending").length;
  const refused = items.length - waiting;
  const parts = [];
  if (waiting) parts.push(t("outbox.waiting", { count: waiting }));
  if (refused) parts.push(t("outbox.refused", { count: refused }));
  button.hidden = !items.length;
  button.textContent = parts.join(" · ");
  button.classList.toggle("bad", refused > 0);
  button.dataset.waiting = waiting;
  button.dataset.refused = refused;
  if (!items.length) panel.hidden = true;
  // aria-expanded only on a button that is shown (a hidden one is no control at all).
  if (items.length) button.setAttribute("aria-expanded", String(!panel.hidden)); else button.removeAttribute("aria-expanded");
  if (!panel.hidden) drawPanel(items);
}
let soon = null;
function renderSoon() { clearTimeout(soon); soon = setTimeout(() => render().catch(() => {}), 100); }

function drawPanel(items) {
  const key = JSON.stringify([items.map((r) => [r.id, r.state, r.tries, r.error && r.error.code]), t("outbox.title")]);
  if (key === drawn) return; // unchanged: keep focus where it is
  drawn = key;
  const focused = panel.contains(document.activeElement) ? document.activeElement.dataset.do : null;
  const focusedId = focused ? document.activeElement.closest("li")?.dataset.outbox : null;
  const rows = items.map((r) => {
    const failed = r.state === "failed";
    const about = `outbox-${r.n}`; // each button says which entry it is for
    const buttons = failed ? [
      h("button", { type: "button", "data-do": "retry", "aria-describedby": about, text: t("outbox.send_again"), onclick: () => retry(r.id).then(sendNow) }),
      h("button", { type: "button", "data-do": "discard", "aria-describedby": about, text: t("outbox.discard"), onclick: () => discard(r) }),
    ] : [];
    const err = r.error ? h("p", { class: failed ? "bad" : "meta" }, tNodes(failed ? "outbox.error.refused" : "outbox.error.last", {
      error: h("span", { lang: "en", "data-server-text": "", text: r.error.message }), code: code(r.error.code),
    })) : null;
    return h("li", { "data-outbox": r.id, "data-state": r.state, class: failed ? "failed" : "" },
      h("strong", { id: about, text: entryWord(r.type) }), " ",
      r.entry.body && typeof r.entry.body.subject === "string" ? [u("span", `“${r.entry.body.subject}”`), " "] : null,
      h("span", { class: failed ? "bad" : "meta", text: t(failed ? "outbox.state.failed" : "outbox.state.pending") }),
      h("br"),
      h("span", { class: "meta" }, tNodes("outbox.meta", { time: timeEl(r.time), channel: code(r.channel) }),
        r.tries ? ` · ${t("outbox.tries", { count: r.tries })}` : ""),
      err, buttons.length ? h("div", {}, buttons) : null);
  });
  panel.replaceChildren(
    h("h2", { id: "outbox-h", tabindex: -1, text: t("outbox.title") }),
    h("p", { class: "meta", text: t("outbox.intro") }),
    items.some((r) => r.state === "pending") ? h("button", { type: "button", "data-do": "send", class: "primary", text: t("outbox.send_now"), onclick: () => { delay = 0; sendNow(); } }) : null,
    h("ol", {}, rows));
  if (focused) (panel.querySelector(focusedId ? `li[data-outbox="${CSS.escape(focusedId)}"] [data-do="${focused}"]` : `[data-do="${focused}"]`) || panel.querySelector("h2"))?.focus();
}

function entryWord(type) {
  const k = `entry.${type}`;
  const w = t(k);
  return w === k ? type : w;
}

async function discard(r) {
  await drop(r.id);
  say(t("outbox.discarded", { type: entryWord(r.type) }));
  await render();
  if (!panel.hidden) (panel.querySelector("button") || button).focus();
  else button.focus();
}

function mount() {
  const live = document.getElementById("live");
  button = h("button", { type: "button", id: "outbox-button", hidden: true, "aria-controls": "outbox" });
  panel = h("section", { id: "outbox", hidden: true, "aria-labelledby": "outbox-h" });
  live.after(button);
  live.closest("header").after(panel);
  button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    drawn = null;
    render().catch(() => {});
  });
  // The push stream is live again (app.js marks the header): send what waits.
  new MutationObserver(() => { if (live.dataset.state === "live") sendNow(); })
    .observe(live, { attributes: true, attributeFilter: ["data-state"] });
}

// ---- the service worker -----------------------------------------------------------------

function registerWorker() {
  if (!("serviceWorker" in navigator)) return;
  // Its scope is /app (the server allows it with Service-Worker-Allowed): it keeps the
  // shell, the scripts, the catalogs and the entry schemas — never an API answer.
  navigator.serviceWorker.register("/assets/sw.js", { scope: "/app" }).catch(() => {});
}

/** Start: the header's outbox, its sending, the service worker. `onBack` is called when
 * the server answers again after it did not (the page is shown afresh). */
export function startOffline(onBack) {
  back = onBack || back;
  mount();
  registerWorker();
  schemas().catch(() => {}); // what a body is checked against before signing, at hand offline
  changes.addEventListener("change", renderSoon);
  onChange(() => { drawn = null; renderSoon(); });
  window.addEventListener("online", () => { delay = 0; sendNow(); });
  window.addEventListener("hashchange", renderSoon); // another key may be in use now
  renderSoon();
  sendNow();
}
