// The members' pages: the router, the push stream, the alerts, and the hotline's own
// pages (keys, enrolment, console); the messages are in messages.js, the negotiation
// record in talks.js, members and the statement check in members.js, what they share in
// core.js. Data comes from the
// signed-in API; every action is an entry signed in this browser (parley.js). Rendering
// uses DOM nodes only — never innerHTML — so nothing in a message or the record can
// inject markup. Live: the channel's push stream re-renders the page shown whenever an
// entry is appended.
import {
  state, flash, h, u, code, th, word, field, means, say, errorText, act, serverNow, fmt, tickDeadlines, refreshSoon, livePage, minutesOf, byState,
  clearNotes, placeNotes,
} from "/assets/core.js";
import {
  LANGUAGES, ZONES, browserZone, fmtList, fmtNumber, lang, onChange, setLang, setSound, setZone, soundOn, t, tNodes,
  translateStatic, usePrefsOf, zoneChoice,
} from "/assets/i18n.js";
import { viewCheck, viewMembers } from "/assets/members.js";
import { ackButton, byUrgency, focusCompose, focusMessage, messageList, viewMessages, when } from "/assets/messages.js";
import {
  Session, createIdentity, decodeCode, encodeCode, forgetIdentity, importKeyFile,
  loadIdentity, spaced,
} from "/assets/parley.js";
import { viewCommitments, viewMeetings, viewMinutes, viewPublication } from "/assets/talks.js";
import { startOffline } from "/assets/offline.js";
import { namer, place } from "/assets/translations.js";

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const liveBadge = document.getElementById("live");
const who = document.getElementById("who");

let follower = null; // {channel, ctrl}
let feed = []; // recent entries of the followed channel, newest first

// ---- routing ----------------------------------------------------------------------

const VIEWS = {
  overview: ["nav.overview", viewOverview],
  messages: ["nav.messages", viewMessages],
  meetings: ["nav.meetings", viewMeetings],
  minutes: ["nav.minutes", viewMinutes],
  commitments: ["nav.commitments", viewCommitments],
  publication: ["nav.publication", viewPublication],
  members: ["nav.members", viewMembers],
  check: ["nav.check", viewCheck],
};

/** The data-* attribute naming a card in each view ("#/c/<channel>/<view>/<key>"). */
const CARD_OF = { meetings: "meeting", minutes: "minutes", commitments: "commitment", publication: "communique" };

let routeSeq = 0;
/** Show the page the address names. `again`: the same page re-rendered (another language
 * or zone) — the status line and focus stay where they are. */
async function route(again = false) {
  const seq = ++routeSeq;
  state.refreshLive = null;
  if (!again) { flash.replaceChildren(); clearNotes(); }
  // "#/c/<channel>/<view>[/<message id>|/new][?<the Messages page's filters>]"
  const parts = location.hash.split("?")[0].replace(/^#\/?/, "").split("/");
  // Only the latest navigation shows its page and takes the live updates: an earlier
  // one that finishes later (its data arrived late) is dropped.
  const page = async (node) => {
    if (seq !== routeSeq) return;
    state.refreshLive = node.redraw || null;
    await show(node, parts[0] === "c" ? parts[2] || "overview" : parts[0] || "home", again);
    renderAlerts();
    // "#/c/<channel>/messages/<id>" (a link from the alert banner, a desktop notification,
    // evidence in the statement check): that message's card, its Acknowledge button
    // focused; ".../messages/new": the form; "#/c/<channel>/meetings/<id>" and the other
    // views' cards (evidence in the statement check): that card.
    if (parts[0] === "c" && parts[3] && !again) {
      const id = decodeURIComponent(parts[3]);
      if (parts[2] === "messages") {
        if (id === "new") focusCompose(); else focusMessage(id);
      } else {
        const card = main.querySelector(`[data-${CARD_OF[parts[2]] || "message"}="${CSS.escape(id)}"]`);
        if (card) { card.tabIndex = -1; card.scrollIntoView({ block: "start" }); card.focus(); }
      }
    }
  };
  state.me = await loadIdentity();
  state.session = state.me ? state.session && state.session.me.keyId === state.me.keyId ? state.session : new Session(state.me) : null;
  if (!again) {
    await usePrefsOf(state.me ? state.me.keyId : null);
    if (seq !== routeSeq) return;
    syncShell();
  }
  try {
    if (parts[0] === "enrol" && parts[1]) return await page(await viewEnrol(parts[1]));
    if (parts[0] === "c" && parts[1] && state.me) {
      const [channel, view = "overview"] = [decodeURIComponent(parts[1]), parts[2]];
      const ctx = await channelContext(channel);
      if (seq !== routeSeq) return;
      current = ctx;
      follow(channel);
      navFor(channel, view, ctx);
      answerChecks(ctx).catch(() => {});
      alertsSoon();
      const [, fn] = VIEWS[view] || VIEWS.overview;
      return await page(await fn(ctx));
    }
    nav.replaceChildren();
    stopFollowing();
    current = null;
    clearAlerts();
    await page(await viewHome());
  } catch (e) {
    // The server's (or the browser's) own words for what failed: English.
    await page(h("div", {}, h("h1", { text: t("error.title") }), h("p", { class: "bad", lang: "en", "data-server-text": "", text: errorText(e) })));
  }
}
window.addEventListener("hashchange", () => route());

function showWho() {
  if (state.me) who.replaceChildren(...tNodes("shell.who", { name: u("span", state.me.name), key: code(spaced(state.me.keyId)) }));
  else who.textContent = t("shell.no_key");
}

// ---- language and time zone --------------------------------------------------------

const langSelect = document.getElementById("pref-lang");
const zoneSelect = document.getElementById("pref-zone");

/** The zone list: the browser's own first, then the parties' and UTC, each with its
 * offset now. */
function fillZones() {
  const offset = (z) => new Intl.DateTimeFormat("en", { timeZone: z, timeZoneName: "shortOffset" })
    .formatToParts(new Date()).find((p) => p.type === "timeZoneName").value.replace(/^GMT([+-]0)?$/, "UTC");
  const mine = browserZone();
  const opts = [h("option", { value: "", text: t("prefs.zone.browser", { zone: mine, offset: offset(mine) }) })];
  for (const z of ZONES) opts.push(h("option", { value: z, text: t("prefs.zone.named", { zone: t(`zone.${z}`), offset: offset(z) }) }));
  zoneSelect.replaceChildren(...opts);
  zoneSelect.value = zoneChoice();
}

/** Another language or zone: every text on the page in it, without a reload and without
 * losing what the reader typed or opened. */
function syncShell() {
  translateStatic();
  langSelect.value = lang();
  fillZones();
  showWho();
  if (liveBadge.dataset.state) liveBadge.textContent = t(liveBadge.dataset.state === "live" ? "shell.live" : "shell.reconnecting");
  if (current && nav.firstChild) navFor(current.channel, main.dataset.view, current);
  syncAlertControls();
  renderAlerts();
}
async function rerender() {
  syncShell();
  const kept = keepInputs();
  await route(true);
  restoreInputs(kept);
}

/** What the reader typed, chose or opened on the page, in document order. */
function keepInputs() {
  return {
    controls: [...main.querySelectorAll("input, textarea, select")].map((e) => ({
      tag: e.tagName, type: e.type, value: e.value, checked: e.checked,
    })),
    details: [...main.querySelectorAll("details")].map((d) => d.open),
    forms: [...main.querySelectorAll("form")].map((f) => ({ ...f.dataset })),
  };
}
function restoreInputs(kept) {
  const controls = [...main.querySelectorAll("input, textarea, select")];
  kept.controls.forEach((k, i) => {
    const e = controls[i];
    if (!e || e.tagName !== k.tag || e.type !== k.type || e.type === "file") return;
    if (e.type === "checkbox" || e.type === "radio") e.checked = k.checked; else e.value = k.value;
    if (e.tagName === "SELECT") e.dispatchEvent(new Event("change"));
  });
  const details = [...main.querySelectorAll("details")];
  kept.details.forEach((open, i) => { if (details[i]) details[i].open = open; });
  const forms = [...main.querySelectorAll("form")];
  kept.forms.forEach((d, i) => { if (forms[i]) Object.assign(forms[i].dataset, d); });
}

// Each language named in itself, whatever the page's language.
langSelect.replaceChildren(...Object.entries(LANGUAGES).map(([id, name]) => h("option", { value: id, lang: id, translate: "no", text: name })));
langSelect.addEventListener("change", () => setLang(langSelect.value));
zoneSelect.addEventListener("change", () => setZone(zoneSelect.value));
let changing = Promise.resolve();
onChange(() => { changing = changing.then(rerender, rerender); });

/** Show a page (only the latest navigation's: a slow earlier one never overwrites it). */
async function show(node, view, again = false) {
  main.replaceChildren(node);
  main.dataset.view = view;
  tickDeadlines();
  const h1 = main.querySelector("h1");
  if (h1) { h1.tabIndex = -1; if (!again) h1.focus(); }
}

let current = null; // the channel context of the page shown
const answering = new Set(); // checks this page is answering ("channel/number")

/** The page is open, so this party's client is alive: answer every communication check
 * that does not ask for a person (the SDK's client does the same). */
async function answerChecks(ctx) {
  if (ctx.mediator || ctx.kind !== "party") return;
  const checks = await state.session.get(`/v1/channels/${ctx.channel}/records/check`);
  for (const c of checks) {
    const key = `${ctx.channel}/${c.number}`;
    if (c.personal || c.answers[ctx.side] || answering.has(key)) continue;
    answering.add(key);
    state.session.submit(ctx.channel, "check.answered", { check: c.number, personal: false })
      .catch(() => answering.delete(key));
  }
}

function follow(channel) {
  if (follower && follower.channel === channel) return;
  stopFollowing();
  feed = [];
  alertSince = serverNow();
  const ctrl = state.session.follow(channel, 0, (item) => {
    feed.unshift(item);
    if (feed.length > 200) feed.pop();
    const type = item.entry.header.type;
    if (type === "timer.check" && current && current.channel === channel) {
      answerChecks(current).catch(() => {});
    }
    if (ALERTING.has(type)) alertsSoon();
    refreshSoon();
  }, (state) => {
    const was = liveBadge.dataset.state;
    liveBadge.textContent = t(state === "live" ? "shell.live" : "shell.reconnecting");
    liveBadge.dataset.state = state;
    // Back after an outage: show the page afresh (a page that failed meanwhile says
    // "Something went wrong" until then), keeping what was typed.
    if (state === "live" && was === "reconnecting") {
      changing = changing.then(rerender, rerender);
      alertsSoon();
    }
  });
  follower = { channel, ctrl };
}
function stopFollowing() {
  if (follower) follower.ctrl.stop();
  follower = null;
  liveBadge.textContent = "";
  delete liveBadge.dataset.state;
}
// The outbox and the service worker (offline.js). When the server answers again and no
// push stream says so (the page could not load at all), the page is shown afresh.
startOffline(() => { if (!follower) changing = changing.then(rerender, rerender); });

/** Who I am in this channel: side, role, whether the mediator, names of everyone. Names
 * are kept as data (name and side id) and put into sentences when shown. */
async function channelContext(channel) {
  const [view, health, server, glossary] = await Promise.all([state.session.get(`/v1/channels/${channel}`),
    state.session.get(`/v1/channels/${channel}/health?days=1`), state.session.raw("GET", "/v1/server", undefined, false),
    state.session.get(`/v1/channels/${channel}/glossary`)]);
  state.serverOffset = Date.parse(health.at) - Date.now(); // deadlines count on the server's clock
  const people = { [server.server_key_id]: { server: true } };
  let mine = null;
  for (const s of view.sides) {
    for (const m of s.members) {
      people[m.key_id] = { name: m.name, side: s.id };
      if (m.key_id === state.me.keyId) mine = { side: s.id, sideName: s.name, kind: s.kind, role: m.role, active: m.active };
    }
  }
  if (!mine) throw new Error(t("error.not_member", { channel }));
  const names = new Proxy(people, { get: (o, k) => (Object.hasOwn(o, k) ? personName(o[k]) : undefined) });
  const mediator = mine.kind === "mediator";
  const name = namer(glossary, mine.side, mediator); // agreed names, as this side says them
  const sideNames = Object.fromEntries(view.sides.map((s) => [s.id, name(s.id) === s.id ? s.name : name(s.id)]));
  return { channel, view, names, name, sideNames, glossary, ...mine, mediator, head: mine.role === "head" };
}
/** "Name (side)", or the server's timers, in the page's language (read when shown). */
function personName(p) { return p.server ? t("people.server") : t("people.member", { name: p.name, side: p.side }); }

function navFor(channel, current, ctx) {
  const items = Object.entries(VIEWS).map(([id, [label]]) => {
    const text = t(id === "overview" && ctx.mediator ? "nav.console" : label);
    return h("li", {}, h("a", { href: `#/c/${channel}/${id}`, "aria-current": id === current ? "page" : null, text }));
  });
  // "New message" on every page of the channel: to the form, focus in its text.
  const compose = h("a", { href: `#/c/${channel}/messages/new`, class: "new-message", text: t("compose.new") });
  compose.addEventListener("click", (ev) => { if (main.dataset.view === "messages" && focusCompose()) ev.preventDefault(); });
  nav.replaceChildren(h("ul", {}, h("li", {}, compose), h("li", {}, h("a", { href: "#/", text: t("nav.channels") })), items));
}

// ---- alerting: a flash or urgent message for my side, an escalation for the mediator ----
// Whatever page of the channel is open, such a message shows in a banner (role=alert) until
// it is acknowledged, with a link to it and an Acknowledge button; the tab's title counts
// them ("(2) Parley"); a new one plays a short tone (WebAudio, switched off in the header,
// remembered like the language) and, if the member allowed it, a desktop notification —
// which names the priority and the side only, never the subject or text.

const alertsBox = document.getElementById("alerts");
const soundBox = document.getElementById("pref-sound");
const notifyButton = document.getElementById("pref-notify");
const BASE_TITLE = document.title;
const ALERTING = new Set(["message.sent", "receipt.acknowledged", "timer.unacknowledged"]);
let alertList = []; // [{ m, escalated }] shown in the banner
let alertKnown = null; // alert keys already announced in this channel (null: none read yet)
let alertChannel = null;
let alertSince = 0; // when this page began following the channel (server clock, ms)
let alertTimer = null;
let alertSeq = 0;

function alertsSoon() {
  clearTimeout(alertTimer);
  alertTimer = setTimeout(() => updateAlerts().catch(() => {}), 150);
}

/** Read the channel's messages and show what needs this member's side now. */
async function updateAlerts() {
  const ctx = current;
  if (!ctx || !state.session) { clearAlerts(); return; }
  const seq = ++alertSeq;
  const msgs = await state.session.get(`/v1/channels/${ctx.channel}/messages`);
  if (seq !== alertSeq || !current || current.channel !== ctx.channel) return;
  const list = byUrgency(msgs).filter((m) => !m.acknowledged_at).map((m) => {
    const mine = m.to === ctx.side && (m.priority === "flash" || m.priority === "urgent" || m.escalated_at);
    const escalated = ctx.mediator && !!m.escalated_at;
    return mine || escalated ? { m, escalated, mine, key: `${m.id}:${m.escalated_at ? "escalated" : "new"}` } : null;
  }).filter(Boolean);
  if (alertChannel !== ctx.channel) { alertChannel = ctx.channel; alertKnown = null; }
  // New: not seen by this page before; on the first reading, what arrived (or was
  // escalated) after the page began following the channel.
  const fresh = alertKnown ? list.filter((a) => !alertKnown.has(a.key))
    : list.filter((a) => when(a.escalated ? a.m.escalated_at : a.m.relayed_at) > alertSince);
  alertKnown = new Set([...(alertKnown || []), ...list.map((a) => a.key)]);
  alertList = list.map((a) => ({ ...a, ctx }));
  renderAlerts();
  if (fresh.length) {
    tone(fresh.some((a) => a.m.priority === "flash" || a.escalated) ? 2 : 1);
    for (const a of fresh) notifyDesktop(ctx, a);
  }
}

function clearAlerts() {
  alertList = [];
  alertKnown = null;
  alertChannel = null;
  renderAlerts();
}

function alertText(a) {
  const m = a.m;
  const params = { priority: word("priority", m.priority), from: code(m.from_side), to: code(m.to), subject: u("span", m.subject), time: fmt(m.ack_deadline) };
  return tNodes(a.escalated ? "alerts.escalated" : "alerts.message", params);
}

let alertsShown = ""; // what the banner shows now: redrawn (and so announced) only when it changes

/** The banner and the tab's title, from alertList (in the page's language). On the
 * Messages page the cards have the Acknowledge buttons: the banner only links to them. */
function renderAlerts() {
  document.title = alertList.length ? `(${alertList.length}) ${BASE_TITLE}` : BASE_TITLE;
  const onMessages = main.dataset.view === "messages";
  const shown = [lang(), zoneChoice(), onMessages, ...alertList.map((a) => a.key)].join(" ");
  if (shown === alertsShown) return;
  alertsShown = shown;
  if (!alertList.length) { alertsBox.replaceChildren(); alertsBox.hidden = true; return; }
  const items = alertList.map((a) => {
    const m = a.m;
    const link = h("a", { href: `#/c/${encodeURIComponent(a.ctx.channel)}/messages/${encodeURIComponent(m.id)}` }, t("alerts.open", { subject: m.subject }));
    const ack = a.mine && !onMessages ? ackButton(a.ctx, m, afterBannerAck) : null;
    return h("li", { "data-alert": m.id, class: m.priority },
      h("span", { class: `badge ${m.priority}`, text: word("priority", m.priority) }), " ", ...alertText(a), " ", link, ack ? " " : null, ack);
  });
  alertsBox.replaceChildren(
    h("h2", { id: "alerts-h", text: t("alerts.title", { count: alertList.length }) }),
    h("ul", {}, items),
    ...(alertList.some((a) => a.mine) && !onMessages ? [means(t("messages.ack.means"))] : []));
  alertsBox.hidden = false;
  placeNotes();
}

/** After acknowledging from the banner: the banner at once, and focus on the next
 * Acknowledge button there, else on the page's heading (never on the body). */
async function afterBannerAck() {
  await updateAlerts();
  setTimeout(() => {
    const a = document.activeElement;
    if (a && a !== document.body && a.isConnected && !a.closest("[hidden]")) return;
    (alertsBox.querySelector("li button") || main.querySelector("h1"))?.focus();
  }, 0);
}

let audio = null;
/** A short tone (twice for flash and escalations), made with WebAudio: no audio file. */
function tone(times) {
  if (!soundOn()) return;
  try {
    audio = audio || new AudioContext();
    if (audio.state === "suspended") audio.resume().catch(() => {});
    const start = audio.currentTime + 0.05;
    for (let i = 0; i < times; i++) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      const at = start + i * 0.3;
      osc.type = "sine";
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + 0.25);
    }
  } catch { /* no audio on this device */ }
}
// Browsers start audio only after a gesture: the first click or key on the page unlocks it.
const unlock = () => {
  try { audio = audio || new AudioContext(); audio.resume().catch(() => {}); } catch { /* no audio */ }
  window.removeEventListener("pointerdown", unlock);
  window.removeEventListener("keydown", unlock);
};
window.addEventListener("pointerdown", unlock);
window.addEventListener("keydown", unlock);

function notifyDesktop(ctx, a) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  try {
    const n = new Notification(t(a.escalated ? "alerts.notify.escalated" : "alerts.notify.title", { priority: word("priority", a.m.priority), from: a.m.from_side, to: a.m.to }), {
      body: t("alerts.notify.body"), tag: a.key, lang: lang(),
    });
    // A click brings the tab forward on the message, its Acknowledge button focused: the
    // member reads it and acknowledges with one more key or tap (the notification itself
    // says neither subject nor text, so it never acknowledges unread).
    n.addEventListener("click", () => {
      window.focus();
      const target = `#/c/${encodeURIComponent(ctx.channel)}/messages/${encodeURIComponent(a.m.id)}`;
      if (location.hash === target && main.dataset.view === "messages") focusMessage(a.m.id); else location.hash = target;
      n.close();
    });
  } catch { /* notifications unavailable here */ }
}

/** The header's sound switch and notification button, as this member chose. */
function syncAlertControls() {
  soundBox.checked = soundOn();
  const can = "Notification" in window;
  notifyButton.hidden = !can || Notification.permission !== "default" || !state.me;
}
soundBox.addEventListener("change", () => setSound(soundBox.checked));
// Permission is asked only when the member presses the button, never on load.
notifyButton.addEventListener("click", async () => {
  try { await Notification.requestPermission(); } catch { /* refused or unsupported */ }
  syncAlertControls();
});

// ---- home: the key in this browser, its channels -----------------------------------

async function viewHome() {
  if (!state.me) {
    return h("div", {}, h("h1", { text: t("home.signin.title") }),
      h("p", { text: t("home.signin.intro") }),
      importForm(),
      h("h2", { text: t("home.new.title") }),
      h("p", { text: t("home.new.text") }));
  }
  const channels = await state.session.get("/v1/channels");
  const list = channels.length
    ? h("ul", {}, channels.map((c) => h("li", {}, h("a", { href: `#/c/${c.channel}/overview`, "data-user": "", dir: "auto", text: c.title || c.channel }),
      th("span", { class: "meta" }, "home.channel.meta", { channel: code(c.channel), status: word("status.channel", c.status) }))))
    : h("p", { text: t("home.no_channels") });
  const forget = h("button", { type: "button", text: t("home.forget.button") });
  forget.addEventListener("click", async () => {
    if (!confirm(t("home.forget.confirm"))) return;
    await forgetIdentity();
    state.session = null;
    location.hash = "#/";
    route();
  });
  return h("div", {}, h("h1", { text: t("home.title") }),
    th("p", {}, "home.signed_in", { name: u("strong", state.me.name), key: code(spaced(state.me.keyId)) }),
    list, h("h2", { text: t("home.browser.title") }),
    h("p", { class: "meta", text: t("home.browser.text") }),
    forget);
}

function importForm() {
  const file = h("input", { type: "file", accept: ".json,application/json" });
  const pass = h("input", { type: "password", autocomplete: "off" });
  const go = h("button", { type: "submit", class: "primary", text: t("import.button") });
  const form = h("form", { "aria-labelledby": "import-h" },
    h("h2", { id: "import-h", text: t("import.title") }),
    th("p", { class: "meta" }, "import.made_with", { export: h("code", { translate: "no", "data-user": "", text: "parley key export-browser" }), keygen: h("code", { translate: "no", "data-user": "", text: "parley keygen" }) }),
    field(t("import.file"), file), field(t("import.passphrase"), pass), go);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    go.disabled = true;
    try {
      if (!file.files[0]) throw new Error(t("import.choose_file"));
      state.me = await importKeyFile(await file.files[0].text(), pass.value);
      say(t("import.done", { key: spaced(state.me.keyId) }));
      route();
    } catch (e) {
      say(t("import.failed", { error: keyFileError(e) }), true);
      go.disabled = false;
      // The button was disabled while it tried, which drops the focus to the page: put
      // it where the mistake most likely is (no file chosen, else the passphrase).
      (file.files[0] ? pass : file).focus();
    } finally {
      go.disabled = false;
    }
  });
  return form;
}
/** parley.js says what is wrong with a key file in English; the reader's words for it. */
function keyFileError(e) {
  const known = {
    "that file is not JSON": "import.error.not_json",
    "not a Parley browser key file": "import.error.not_browser_key",
    "wrong passphrase (or the file was altered)": "import.error.passphrase",
    "the key file's public key does not match its private key": "import.error.mismatch",
  };
  const msg = String(e.message || e);
  if (known[msg]) return t(known[msg]);
  if (msg.startsWith("this key file is sealed with Argon2id")) return t("import.error.argon2");
  return errorText(e);
}

// ---- enrolment: invitation → key made here → the head signs it in -----------------

async function viewEnrol(code_) {
  let inv;
  try { inv = decodeCode(code_); } catch { throw new Error(t("enrol.damaged")); }
  const wrap = h("div", {});
  const intro = h("div", {}, h("h1", { text: t("enrol.title") }),
    th("p", {}, "enrol.invited", {
      channel: u("strong", inv.c), name: u("strong", inv.n), role: word("role", inv.r), side: u("strong", inv.s), key: code(spaced(inv.by)),
    }));
  const showCode = () => {
    const enrol = encodeCode({ c: inv.c, s: inv.s, n: inv.n, t: inv.t || "", r: inv.r, key: state.me.publicKey });
    const box = h("textarea", { readonly: true, rows: 3, class: "code", id: "enrol-code", translate: "no" });
    box.value = enrol;
    const waiting = h("p", { role: "status", id: "enrol-wait", text: t("enrol.waiting") });
    wrap.replaceChildren(
      h("h2", { text: t("enrol.created") }),
      th("p", {}, "enrol.key_id", { key: h("strong", { class: "code", id: "enrol-key-id", translate: "no", "data-user": "", text: spaced(state.me.keyId) }) }),
      field(t("enrol.code.label"), box, t("enrol.code.hint")),
      waiting);
    const poll = async () => {
      if (!location.hash.startsWith("#/enrol/") || !waiting.isConnected) return;
      try {
        const chans = await state.session.get("/v1/channels");
        if (chans.some((c) => c.channel === inv.c)) {
          waiting.replaceChildren(t("enrol.added"), " ", h("a", { href: `#/c/${inv.c}/messages`, text: t("enrol.open") }));
          return;
        }
      } catch { /* not yet */ }
      setTimeout(poll, 1500);
    };
    poll();
  };
  if (state.me) {
    showCode();
  } else {
    const make = h("button", { type: "button", class: "primary", text: t("enrol.create") });
    make.addEventListener("click", async () => {
      make.disabled = true;
      state.me = await createIdentity(inv.n, inv.t || "");
      state.session = new Session(state.me);
      await usePrefsOf(state.me.keyId);
      syncShell();
      showCode();
    });
    wrap.append(h("p", { text: t("enrol.create.text") }), make);
  }
  return h("div", {}, intro, wrap);
}

// ---- overview / duty-officer console ------------------------------------------------

async function viewOverview(ctx) {
  const c = ctx.channel;
  return livePage(ctx.mediator ? t("overview.console.title") : tNodes("overview.title", { side: u("span", ctx.sideName) }),
    tNodes("overview.intro", { title: u("span", ctx.view.title), channel: code(c), status: word("status.channel", ctx.view.status) }), async () => {
      const [health, week, msgs, meetings, commitments] = await Promise.all([
        state.session.get(`/v1/channels/${c}/health`), state.session.get(`/v1/channels/${c}/health?days=7`),
        state.session.get(`/v1/channels/${c}/messages`), state.session.get(`/v1/channels/${c}/meetings`),
        state.session.get(`/v1/channels/${c}/commitments`),
      ]);
      const minutes = await minutesOf(c, meetings);
      const checks = ctx.mediator ? [] : await state.session.get(`/v1/channels/${c}/records/check`);
      return h("div", {},
        ctx.mediator ? null : checksSection(ctx, checks),
        h("section", { "aria-labelledby": "h-health" }, h("h2", { id: "h-health", text: t("overview.health") }), healthTable(ctx, health, week, msgs)),
        h("section", { "aria-labelledby": "h-esc" }, h("h2", { id: "h-esc", text: t("overview.handle_now") }), escalations(ctx, msgs, commitments)),
        h("div", { class: "grid" },
          h("section", { "aria-labelledby": "h-wait" }, h("h2", { id: "h-wait", text: t("overview.awaiting_ack") }),
            await messageList(ctx, byUrgency(msgs.filter((m) => !m.acknowledged_at)), "ack")),
          h("section", { "aria-labelledby": "h-feed" }, h("h2", { id: "h-feed", text: t("overview.feed") }), feedList(ctx))),
        h("div", { class: "grid" },
          h("section", { "aria-labelledby": "h-meet" }, h("h2", { id: "h-meet", text: t("overview.meetings") }),
            meetings.length ? h("ul", {}, meetings.map((m) => h("li", {}, h("a", { href: `#/c/${c}/meetings`, translate: "no", "data-user": "", text: m.id }), " — ",
              word("status.meeting", m.status), agreementOf(ctx, m)))) : h("p", { text: t("overview.meetings.none") })),
          h("section", { "aria-labelledby": "h-min" }, h("h2", { id: "h-min", text: t("overview.minutes_waiting") }), minutesWaiting(ctx, minutes)),
          h("section", { "aria-labelledby": "h-com" }, h("h2", { id: "h-com", text: t("overview.commitments") }), commitmentSummary(ctx, commitments))));
    });
}

function checksSection(ctx, checks) {
  const open = checks.filter((c) => {
    const a = c.answers[ctx.side];
    return (!a || (c.personal && !a.personal)) && Date.parse(c.deadline) > serverNow();
  });
  const body = open.length
    ? open.map((c) => {
      const b = h("button", { type: "button", class: "primary", text: t("checks.answer", { number: c.number }) });
      b.addEventListener("click", () => act(b, "act.check_answer", () => state.session.submit(ctx.channel, "check.answered", { check: c.number, personal: true })));
      return h("article", { "data-check": c.number },
        th("p", {}, c.personal ? "checks.daily" : "checks.ordinary", { number: c.number, deadline: fmt(c.deadline), left: h("span", { "data-deadline": c.deadline }) }),
        means(tNodes("checks.means", { side: u("span", ctx.sideName) })), b);
    })
    : h("p", { class: "good", text: t("checks.none") });
  return h("section", { "aria-labelledby": "h-checks" }, h("h2", { id: "h-checks", text: t("checks.title") }), body);
}

function healthTable(ctx, health, week, msgs) {
  const rows = Object.entries(health.parties).map(([side, p]) => {
    const trips = msgs.filter((m) => m.to === side && m.acknowledged_at).map((m) => m.acknowledged_at).sort();
    const w = week.parties[side];
    const avail = w.availability === null ? t("health.no_checks") : t("health.availability", { percent: fmtNumber(w.availability, { style: "percent" }) });
    return h("tr", {}, h("th", { scope: "row", translate: "no", "data-user": "", text: side }),
      h("td", {}, trips.length ? fmt(trips[trips.length - 1]) : t("health.none_yet")),
      h("td", { text: t("health.answered", { answered: p.answered, count: p.checks }) }),
      h("td", { class: p.missed.length ? "bad" : "", text: p.missed.length ? t("health.missed", { count: p.missed.length }) : t("health.none_missed") }),
      h("td", { text: avail }));
  });
  // Focusable: on a phone it scrolls sideways inside the page, and a keyboard must reach it.
  return h("table", { tabindex: 0 }, h("caption", { class: "meta", text: t("health.caption") }),
    h("thead", {}, h("tr", {}, ["health.party", "health.last_trip", "health.checks", "health.missed_col", "health.availability_col"].map((k) => h("th", { scope: "col", text: t(k) })))),
    h("tbody", {}, rows));
}

function escalations(ctx, msgs, commitments) {
  const items = [];
  for (const m of byUrgency(msgs)) {
    if (m.overdue || m.escalated_at) {
      items.push(h("li", { class: "bad", "data-escalation": m.id },
        ...tNodes("escalation.message", { subject: u("span", m.subject), to: code(m.to), left: h("span", { "data-deadline": m.ack_deadline }) }),
        m.escalated_at ? tNodes("escalation.escalated", { time: fmt(m.escalated_at) }) : ""));
    }
  }
  for (const c of commitments.filter((c) => c.state === "overdue")) {
    items.push(th("li", { class: "bad" }, "escalation.commitment", { text: u("span", c.text), owner: code(c.owner), due: fmt(c.due) }));
  }
  return items.length ? h("ul", {}, items) : h("p", { class: "good", text: t("escalation.none") });
}

function feedList(ctx) {
  if (!feed.length) return h("p", { class: "meta", text: t("feed.waiting") });
  return h("ol", { class: "feed", reversed: true }, feed.slice(0, 25).map((e) => {
    const hd = e.entry.header;
    return h("li", { "data-type": hd.type }, th("strong", {}, "feed.entry", { seq: code(`#${e.seq}`), type: word("entry", hd.type) }), " ",
      ...tNodes("feed.by", { who: u("span", ctx.names[hd.author] || hd.author) }), h("span", { class: "meta" }, " · ", fmt(hd.time)));
  }));
}

function sidesOrNobody(obj, nobody = "people.nobody_yet") {
  const ids = Object.keys(obj || {});
  return ids.length ? fmtList(ids) : t(nobody);
}

function agreementOf(ctx, m) {
  const p = m.proposals.find((x) => x.id === m.current);
  if (!p) return "";
  return th("span", { class: "meta" }, "overview.meeting.agreement", { time: fmt(p.start_utc), venue: place(ctx, p.venue), sides: sidesOrNobody(p.accepted_by) });
}

function minutesWaiting(ctx, minutes) {
  const waiting = minutes.filter((m) => !m.agreed_version || m.agreed_version < m.versions.length);
  if (!waiting.length) return h("p", { text: t("common.none") });
  return h("ul", {}, waiting.map((m) => {
    const v = m.versions[m.versions.length - 1];
    const missing = m.signers.filter((s) => !v.signed_by[s]);
    return h("li", {}, h("a", { href: `#/c/${ctx.channel}/minutes`, text: t("overview.minutes.version", { meeting: m.meeting, version: v.version }) }), " ",
      t("overview.minutes.waiting_for", { sides: fmtList(missing) }));
  }));
}

function commitmentSummary(ctx, list) {
  if (!list.length) return h("p", { text: t("common.none") });
  return h("ul", {}, byState(list).map((c) => th("li", { class: c.state === "overdue" ? "bad" : "" }, "overview.commitment",
    { state: word("state.commitment", c.state), text: u("span", c.text), owner: code(c.owner), due: fmt(c.due) })));
}

route();
