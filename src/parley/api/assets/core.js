// Shared by the members' pages: the signed-in state, DOM helpers, signing actions,
// deadlines on the server's clock, and pages whose data updates live.
import { fmtDuration, has, t, tNodes, timeEl } from "/assets/i18n.js";
import { ApiError } from "/assets/parley.js";

/** The one mutable state of the pages. */
export const state = {
  me: null, // this browser's identity (parley.js)
  session: null, // the signed-in API session
  refreshLive: null, // re-renders the live part of the page shown
  serverOffset: 0, // server clock minus this browser's, from /health
};
export const flash = document.getElementById("flash");

export function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids.flat(3)) if (kid !== null && kid !== undefined && kid !== false) e.append(kid);
  return e;
}
let uid = 0;
export function field(label, input, hint) {
  const id = input.id || `f${++uid}`;
  input.id = id;
  const kids = [h("label", { for: id, text: label })];
  if (hint) {
    const hid = `${id}-hint`;
    input.setAttribute("aria-describedby", hid);
    kids.push(h("p", { id: hid, class: "meta", text: hint }));
  }
  return h("div", {}, kids, input);
}
/** Text someone wrote or chose (a subject, a name, minutes, a reason): shown as written,
 * in its own direction, and marked as data — never passed through the catalog. */
export function u(tag, text, attrs = {}) { return h(tag, { "data-user": "", dir: "auto", ...attrs, text }); }
/** A record's identifier or a code (key ids, entry ids, digests): not translated. */
export function code(text, attrs = {}) { return h("span", { class: "code", translate: "no", "data-user": "", ...attrs, text }); }
/** An element whose content is the catalog text `key`, with nodes allowed in params. */
export function th(tag, attrs, key, params) { return h(tag, attrs, tNodes(key, params)); }
/** The word for a value the server sent (a state, a type, a role): "status.message.relayed"
 * → "relayed by the server"; a value the catalogs do not know is shown as it is. */
export function word(group, value) { return has(`${group}.${value}`) ? t(`${group}.${value}`) : String(value); }
export function means(text) { return h("p", { class: "means" }, h("strong", { text: t("sign.means") }), " ", ...[].concat(text)); }
export function say(text, bad = false) {
  flash.replaceChildren(h("p", { class: bad ? "bad" : "good", text }));
}
/** An error as the pages show it; the server's own message is English (with its code). */
export function errorText(e) { return e instanceof ApiError ? `${e.message} [${e.code}]` : String(e.message || e); }

// ---- what an action did, said where it was taken -------------------------------------
// The top status line (#flash) can be far above the form a member used, so each result
// is also written next to the control that started it (a `role=status` line in its card
// or form). A live re-render rebuilds the cards: the line is put back into the card with
// the same identity (`anchors`), and focus goes there instead of falling to the body.
const notes = new Map(); // anchor selectors (joined) → { text, bad, label, id }
let noteSeq = 0;

/** Selectors for where a control sits, the closest first: its card or form (by id, by the
 * heading that labels it, or by its data-* identity), then the section around it. */
function anchorsOf(el) {
  const out = [];
  for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
    if (!/^(ARTICLE|FORM|SECTION|TR|DETAILS|LI|DIV)$/.test(e.tagName)) continue;
    let sel = null;
    if (e.id) sel = `#${CSS.escape(e.id)}`;
    else if (e.getAttribute("aria-labelledby")) sel = `${e.tagName.toLowerCase()}[aria-labelledby="${CSS.escape(e.getAttribute("aria-labelledby"))}"]`;
    else {
      const data = [...e.attributes].find((a) => a.name.startsWith("data-") && a.value && !["data-status", "data-state", "data-user", "data-live"].includes(a.name));
      if (data) sel = `${e.tagName.toLowerCase()}[${data.name}="${CSS.escape(data.value)}"]`;
    }
    if (sel && !out.includes(sel)) out.push(sel);
  }
  return out;
}

/** Put each remembered result line back where it belongs (after a re-render). */
export function placeNotes() {
  for (const [key, n] of notes) {
    const host = key.split("\n").map((s) => document.querySelector(s)).find(Boolean);
    let line = document.getElementById(n.id);
    if (!host) { line?.remove(); continue; }
    if (!line) line = h("p", { id: n.id, role: "status", class: "act-note", tabindex: -1 });
    line.className = `act-note ${n.bad ? "bad" : "good"}`;
    if (line.textContent !== n.text) line.textContent = n.text;
    const button = [...host.querySelectorAll("button")].find((b) => b.textContent === n.label);
    if (button) { if (button.nextElementSibling !== line) button.after(line); } else if (line.parentElement !== host) {
      const heading = host.querySelector(":scope > h2, :scope > h3");
      if (heading) heading.after(line); else host.append(line);
    }
  }
}
/** Forget the result lines (a new page is shown). */
export function clearNotes() {
  for (const n of notes.values()) document.getElementById(n.id)?.remove();
  notes.clear();
}

/** Run a signing action from a button: disable it, report success or the typed error —
 * at the top and next to the button — and keep focus on something that is still there.
 * `what` is the catalog key naming the action ("act.acknowledgement"). */
export async function act(button, what, fn) {
  const key = anchorsOf(button).join("\n");
  const label = button.textContent;
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  let text;
  let bad = false;
  const queued = state.session ? state.session.queued : 0;
  try {
    await fn();
    // Signed and kept in the outbox (the server is out of reach): not an error.
    text = t(state.session && state.session.queued > queued ? "outbox.act.queued" : "act.recorded", { what: t(what) });
  } catch (e) {
    text = t("act.failed", { what: t(what), error: errorText(e) });
    bad = true;
  } finally {
    button.disabled = false;
  }
  say(text, bad);
  const old = notes.get(key);
  notes.delete(key); // the newest result last
  notes.set(key, { text, bad, label, id: old ? old.id : `act-note-${++noteSeq}` });
  if (!bad) await refresh();
  if (!notes.has(key)) return; // another page was opened meanwhile (its notes start afresh)
  placeNotes();
  const line = document.getElementById(notes.get(key).id);
  if (line) line.scrollIntoView({ block: "nearest" });
  // Focus: the button if it is still there; else the result line (never the page body).
  if (button.isConnected) { if (hadFocus) button.focus(); } else if (line && (hadFocus || !document.activeElement || document.activeElement === document.body)) line.focus();
}

export function serverNow() { return Date.now() + state.serverOffset; }
/** A time as the reader chose to see it (zone shown), with UTC in its title. */
export function fmt(iso) { return timeEl(iso); }
/** Time left to a deadline (or past it), on the server's clock, in words. */
export function left(deadline) {
  const ms = Date.parse(deadline) - serverNow();
  const s = Math.floor(Math.abs(ms) / 1000);
  const shown = s >= 172800 ? s - (s % 3600) : s >= 7200 ? s - (s % 60) : s;
  const time = fmtDuration(shown, "short");
  return ms >= 0 ? { over: false, text: t("time.left", { time }) } : { over: true, text: t("time.overdue_by", { time }) };
}
export function tickDeadlines() {
  let crossed = false;
  for (const e of document.querySelectorAll("[data-deadline]")) {
    const l = left(e.dataset.deadline);
    e.textContent = l.text;
    if (l.over && e.className !== "overdue-text" && e.dataset.seen) crossed = true;
    e.className = l.over ? "overdue-text" : "";
    // The deadline's state for the stylesheet: ok, near (under an hour left), overdue.
    e.dataset.when = l.over ? "overdue" : Date.parse(e.dataset.deadline) - serverNow() < 3_600_000 ? "near" : "ok";
    e.dataset.seen = "1";
  }
  if (crossed) refreshSoon(); // a deadline just passed: show the message as overdue now
}
setInterval(tickDeadlines, 1000);
setInterval(() => { if (!document.hidden) refreshSoon(); }, 30_000); // time-based states

let pending = null;
export async function refresh() {
  if (!state.refreshLive) return;
  clearTimeout(pending);
  try {
    await state.refreshLive();
  } catch {
    return; // the server is out of reach: the page keeps what it showed (the header says so)
  }
  tickDeadlines();
}
export function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(refresh, 150);
}

/** A page with a fixed part (forms keep what is typed) and a live part. */
export async function livePage(title, intro, render, ...fixed) {
  const live = h("div", { "data-live": "" });
  // Cards have <h3> titles: when the live part does not open with a section of its own
  // (<h2>), a heading for screen readers keeps the outline h1 → h2 → h3.
  const head = h("h2", { class: "visually-hidden", text: t("live.heading") });
  // A live update must not close what the reader opened or lose what they typed: open
  // <details>, values and focus are carried over by element id.
  let drawn = 0;
  const redraw = async () => {
    const ticket = ++drawn;
    const node = await render();
    if (ticket !== drawn) return; // a later redraw (with newer data) is on its way
    const keep = new Map();
    for (const el of live.querySelectorAll("details[id], input[id], textarea[id], select[id]")) {
      keep.set(el.id, el.tagName === "DETAILS" ? { open: el.open } : { value: el.value });
    }
    const active = document.activeElement;
    const focused = live.contains(active) ? active.id : "";
    // A button without an id (most are): the one with the same label, if still there.
    const focusedLabel = live.contains(active) && !active.id && active.tagName === "BUTTON" ? active.textContent : null;
    const noteFocused = document.activeElement?.classList.contains("act-note") ? document.activeElement.id : "";
    live.replaceChildren(node);
    head.hidden = live.querySelector("h2, h3")?.tagName !== "H3";
    for (const [id, st] of keep) {
      const el = document.getElementById(id);
      if (!el || !live.contains(el)) continue;
      if ("open" in st) el.open = st.open; else el.value = st.value;
    }
    placeNotes();
    if (focused || noteFocused) document.getElementById(focused || noteFocused)?.focus();
    else if (focusedLabel !== null) [...live.querySelectorAll("button")].find((b) => b.textContent === focusedLabel)?.focus();
  };
  await redraw();
  const node = h("div", {}, h("h1", {}, title), intro ? h("p", { class: "meta" }, intro) : null, head, live, ...fixed);
  node.redraw = redraw; // route() makes it the page's live update if still the latest page
  return node;
}

/** The minutes of these meetings (those that have any), in the meetings' order. */
export async function minutesOf(c, meetings) {
  const all = await state.session.get(`/v1/channels/${c}/records/minutes`);
  return meetings.map((m) => all.find((x) => x.meeting === m.id)).filter(Boolean);
}

const STATE_ORDER = { overdue: 0, open: 1, reported: 2, disputed: 3, confirmed: 4 };
export function byState(list) { return [...list].sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9)); }
