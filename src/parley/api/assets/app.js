// The members' pages: duty-officer console and delegation pages, in one hand-written
// module. Data comes from the signed-in API; every action is an entry signed in this
// browser (parley.js). Rendering uses DOM nodes only — never innerHTML — so nothing in a
// message or the record can inject markup. Live: the channel's push stream re-renders
// the current page whenever an entry is appended.
import {
  ApiError, Session, b64url, createIdentity, forgetIdentity, importKeyFile,
  loadIdentity, spaced, unb64url,
} from "/assets/parley.js";

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const flash = document.getElementById("flash");
const liveBadge = document.getElementById("live");
const who = document.getElementById("who");

let me = null; // identity
let session = null;
let follower = null; // {channel, ctrl}
let feed = []; // recent entries of the followed channel, newest first
let refreshLive = null; // re-renders the live part of the current page
let serverOffset = 0; // server clock minus this browser's, from /health
const delivered = new Set(); // messages this page already receipted as delivered
const openDiffs = new Set(); // minutes comparisons the reader opened ("meeting/version")

// ---- small DOM helpers ------------------------------------------------------------

function h(tag, attrs, ...kids) {
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
function field(label, input, hint) {
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
function means(text) { return h("p", { class: "means" }, h("strong", { text: "What your signature means: " }), text); }
function say(text, bad = false) {
  flash.replaceChildren(h("p", { class: bad ? "bad" : "good", text }));
}
function errorText(e) { return e instanceof ApiError ? `${e.message} [${e.code}]` : String(e.message || e); }

/** Run a signing action from a button: disable it, report success or the typed error. */
async function act(button, what, fn) {
  button.disabled = true;
  try {
    await fn();
    say(`${what}: signed and recorded.`);
    await refresh();
  } catch (e) {
    say(`${what} failed: ${errorText(e)}`, true);
  } finally {
    button.disabled = false;
  }
}

function duration(seconds) {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? "" : "s"}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  return `${Math.round(seconds / 60)} min`;
}
function serverNow() { return Date.now() + serverOffset; }
function fmt(t) {
  if (!t) return "—";
  const d = new Date(t);
  return d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}
function left(deadline) {
  const ms = Date.parse(deadline) - serverNow();
  const m = Math.floor(Math.abs(ms) / 60000);
  const text = m >= 2880 ? `${Math.floor(m / 1440)} days ${Math.floor((m % 1440) / 60)} h`
    : m >= 120 ? `${Math.floor(m / 60)} h ${m % 60} min`
    : `${m} min ${Math.floor((Math.abs(ms) % 60000) / 1000)} s`;
  return ms >= 0 ? { over: false, text: `${text} left` } : { over: true, text: `OVERDUE by ${text}` };
}
function tickDeadlines() {
  let crossed = false;
  for (const e of document.querySelectorAll("[data-deadline]")) {
    const l = left(e.dataset.deadline);
    e.textContent = l.text;
    if (l.over && e.className !== "overdue-text" && e.dataset.seen) crossed = true;
    e.className = l.over ? "overdue-text" : "";
    e.dataset.seen = "1";
  }
  if (crossed) refreshSoon(); // a deadline just passed: show the message as overdue now
}
setInterval(tickDeadlines, 1000);
setInterval(() => { if (!document.hidden) refreshSoon(); }, 30_000); // time-based states

// ---- routing ----------------------------------------------------------------------

const VIEWS = {
  overview: ["Overview", viewOverview],
  messages: ["Messages", viewMessages],
  meetings: ["Meetings", viewMeetings],
  minutes: ["Minutes", viewMinutes],
  commitments: ["Commitments", viewCommitments],
  publication: ["Publication", viewPublication],
  members: ["Members", viewMembers],
  check: ["Check a statement", viewCheck],
};

let routeSeq = 0;
async function route() {
  const seq = ++routeSeq;
  refreshLive = null;
  flash.replaceChildren();
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  // Only the latest navigation shows its page and takes the live updates: an earlier
  // one that finishes later (its data arrived late) is dropped.
  const page = async (node) => {
    if (seq !== routeSeq) return;
    refreshLive = node.redraw || null;
    await show(node, parts[0] === "c" ? parts[2] || "overview" : parts[0] || "home");
  };
  me = await loadIdentity();
  session = me ? session && session.me.keyId === me.keyId ? session : new Session(me) : null;
  who.textContent = me ? `${me.name} · key ${spaced(me.keyId)}` : "No key in this browser";
  try {
    if (parts[0] === "enrol" && parts[1]) return await page(await viewEnrol(parts[1]));
    if (parts[0] === "c" && parts[1] && me) {
      const [channel, view = "overview"] = [decodeURIComponent(parts[1]), parts[2]];
      const ctx = await channelContext(channel);
      if (seq !== routeSeq) return;
      current = ctx;
      follow(channel);
      navFor(channel, view, ctx);
      answerChecks(ctx).catch(() => {});
      const [, fn] = VIEWS[view] || VIEWS.overview;
      return await page(await fn(ctx));
    }
    nav.replaceChildren();
    stopFollowing();
    await page(await viewHome());
  } catch (e) {
    await page(h("div", {}, h("h1", { text: "Something went wrong" }), h("p", { class: "bad", text: errorText(e) })));
  }
}
window.addEventListener("hashchange", route);
route();

/** Show a page (only the latest navigation's: a slow earlier one never overwrites it). */
async function show(node, view) {
  main.replaceChildren(node);
  main.dataset.view = view;
  tickDeadlines();
  const h1 = main.querySelector("h1");
  if (h1) { h1.tabIndex = -1; h1.focus(); }
}

let pending = null;
async function refresh() {
  if (!refreshLive) return;
  clearTimeout(pending);
  await refreshLive();
  tickDeadlines();
}
function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(refresh, 150);
}

let current = null; // the channel context of the page shown
const answering = new Set(); // checks this page is answering ("channel/number")

/** The page is open, so this party's client is alive: answer every communication check
 * that does not ask for a person (the SDK's client does the same). */
async function answerChecks(ctx) {
  if (ctx.mediator || ctx.kind !== "party") return;
  const checks = await session.get(`/v1/channels/${ctx.channel}/records/check`);
  for (const c of checks) {
    const key = `${ctx.channel}/${c.number}`;
    if (c.personal || c.answers[ctx.side] || answering.has(key)) continue;
    answering.add(key);
    session.submit(ctx.channel, "check.answered", { check: c.number, personal: false })
      .catch(() => answering.delete(key));
  }
}

function follow(channel) {
  if (follower && follower.channel === channel) return;
  stopFollowing();
  feed = [];
  const ctrl = session.follow(channel, 0, (item) => {
    feed.unshift(item);
    if (feed.length > 200) feed.pop();
    if (item.entry.header.type === "timer.check" && current && current.channel === channel) {
      answerChecks(current).catch(() => {});
    }
    refreshSoon();
  }, (state) => {
    liveBadge.textContent = state === "live" ? "● live" : "○ reconnecting…";
    liveBadge.dataset.state = state;
  });
  follower = { channel, ctrl };
}
function stopFollowing() {
  if (follower) follower.ctrl.stop();
  follower = null;
  liveBadge.textContent = "";
}

/** Who I am in this channel: side, role, whether the mediator, names of everyone. */
async function channelContext(channel) {
  const [view, health, server] = await Promise.all([session.get(`/v1/channels/${channel}`),
    session.get(`/v1/channels/${channel}/health?days=1`), session.raw("GET", "/v1/server", undefined, false)]);
  serverOffset = Date.parse(health.at) - Date.now(); // deadlines count on the server's clock
  const names = { [server.server_key_id]: "the server (timers)" };
  let mine = null;
  for (const s of view.sides) {
    for (const m of s.members) {
      names[m.key_id] = `${m.name} (${s.id})`;
      if (m.key_id === me.keyId) mine = { side: s.id, sideName: s.name, kind: s.kind, role: m.role, active: m.active };
    }
  }
  if (!mine) throw new Error(`your key is not a member of ${channel}`);
  return { channel, view, names, ...mine, mediator: mine.kind === "mediator", head: mine.role === "head" };
}

function navFor(channel, current, ctx) {
  const items = Object.entries(VIEWS).map(([id, [label]]) => {
    const text = id === "overview" && ctx.mediator ? "Console" : label;
    return h("li", {}, h("a", { href: `#/c/${channel}/${id}`, "aria-current": id === current ? "page" : null, text }));
  });
  nav.replaceChildren(h("ul", {}, h("li", {}, h("a", { href: "#/", text: "Channels" })), items));
}

/** A page with a fixed part (forms keep what is typed) and a live part. */
async function livePage(title, intro, render, ...fixed) {
  const live = h("div", { "data-live": "" });
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
    const focused = live.contains(document.activeElement) ? document.activeElement.id : "";
    live.replaceChildren(node);
    for (const [id, st] of keep) {
      const el = document.getElementById(id);
      if (!el || !live.contains(el)) continue;
      if ("open" in st) el.open = st.open; else el.value = st.value;
    }
    if (focused) document.getElementById(focused)?.focus();
  };
  await redraw();
  const node = h("div", {}, h("h1", { text: title }), intro ? h("p", { class: "meta", text: intro }) : null, live, ...fixed);
  node.redraw = redraw; // route() makes it the page's live update if still the latest page
  return node;
}

// ---- home: the key in this browser, its channels -----------------------------------

async function viewHome() {
  if (!me) {
    return h("div", {}, h("h1", { text: "Sign in with your key" }),
      h("p", { text: "Parley signs everything you do with a key that stays in this browser. The server never sees it." }),
      importForm(),
      h("h2", { text: "New member?" }),
      h("p", { text: "Ask your delegation's head for an invitation link and open it in this browser: it creates your key here." }));
  }
  const channels = await session.get("/v1/channels");
  const list = channels.length
    ? h("ul", {}, channels.map((c) => h("li", {}, h("a", { href: `#/c/${c.channel}/overview`, text: c.title || c.channel }), h("span", { class: "meta", text: ` — ${c.channel}, ${c.status}` }))))
    : h("p", { text: "Your key is not a member of any channel yet. Your head adds it after confirming your key id with you." });
  const forget = h("button", { type: "button", text: "Forget the key in this browser" });
  forget.addEventListener("click", async () => {
    if (!confirm("Remove your key from this browser? Without a backup you will need a new key and your head's signature.")) return;
    await forgetIdentity();
    session = null;
    location.hash = "#/";
    route();
  });
  return h("div", {}, h("h1", { text: "Your channels" }),
    h("p", {}, "Signed in as ", h("strong", { text: me.name }), " with key ", h("span", { class: "code", text: spaced(me.keyId) }), "."),
    list, h("h2", { text: "This browser" }),
    h("p", { class: "meta", text: "The private key is a non-extractable WebCrypto key: this page can sign with it but cannot read or export it." }),
    forget);
}

function importForm() {
  const file = h("input", { type: "file", accept: ".json,application/json" });
  const pass = h("input", { type: "password", autocomplete: "off" });
  const go = h("button", { type: "submit", class: "primary", text: "Import key" });
  const form = h("form", { "aria-labelledby": "import-h" },
    h("h2", { id: "import-h", text: "Import a key file" }),
    h("p", { class: "meta" }, "Made with ", h("code", { text: "parley key export-browser" }), " from your ", h("code", { text: "parley keygen" }), " key file."),
    field("Browser key file", file), field("Its passphrase", pass), go);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    go.disabled = true;
    try {
      if (!file.files[0]) throw new Error("choose a key file first");
      me = await importKeyFile(await file.files[0].text(), pass.value);
      say(`Key ${spaced(me.keyId)} imported; it cannot be exported from this browser.`);
      route();
    } catch (e) {
      say(`Import failed: ${errorText(e)}`, true);
    } finally {
      go.disabled = false;
    }
  });
  return form;
}

// ---- enrolment: invitation → key made here → the head signs it in -----------------

async function viewEnrol(code) {
  let inv;
  try { inv = JSON.parse(unb64url(code)); } catch { throw new Error("this invitation link is damaged; ask for a new one"); }
  const wrap = h("div", {});
  const intro = h("div", {}, h("h1", { text: "Join a delegation" }),
    h("p", {}, "You are invited to channel ", h("strong", { text: inv.c }), " as ", h("strong", { text: inv.n }),
      ` (${inv.r}) of side `, h("strong", { text: inv.s }), " by key ", h("span", { class: "code", text: spaced(inv.by) }), "."));
  const showCode = () => {
    const enrol = b64url(JSON.stringify({ c: inv.c, s: inv.s, n: inv.n, t: inv.t || "", r: inv.r, key: me.publicKey }));
    const box = h("textarea", { readonly: true, rows: 3, class: "code", id: "enrol-code" });
    box.value = enrol;
    const waiting = h("p", { role: "status", id: "enrol-wait", text: "Waiting for your head to add your key…" });
    wrap.replaceChildren(
      h("h2", { text: "Your key was created in this browser" }),
      h("p", {}, "Key id: ", h("strong", { class: "code", id: "enrol-key-id", text: spaced(me.keyId) })),
      field("Your enrolment code — send it to your head", box,
        "It holds your name and public key, nothing secret. When your head calls, read your key id aloud: they sign only if it matches."),
      waiting);
    const poll = async () => {
      if (!location.hash.startsWith("#/enrol/")) return;
      try {
        const chans = await session.get("/v1/channels");
        if (chans.some((c) => c.channel === inv.c)) {
          waiting.replaceChildren("Your head added your key. ", h("a", { href: `#/c/${inv.c}/messages`, text: "Open the channel" }));
          return;
        }
      } catch { /* not yet */ }
      setTimeout(poll, 1500);
    };
    poll();
  };
  if (me) {
    showCode();
  } else {
    const make = h("button", { type: "button", class: "primary", text: "Create my key in this browser" });
    make.addEventListener("click", async () => {
      make.disabled = true;
      me = await createIdentity(inv.n, inv.t || "");
      session = new Session(me);
      who.textContent = `${me.name} · key ${spaced(me.keyId)}`;
      showCode();
    });
    wrap.append(h("p", { text: "Your browser makes a new Ed25519 key. Its private half never leaves this browser, not even to the server." }), make);
  }
  return h("div", {}, intro, wrap);
}

// ---- overview / duty-officer console ------------------------------------------------

async function viewOverview(ctx) {
  const c = ctx.channel;
  return livePage(ctx.mediator ? "Duty officer console" : `Overview — ${ctx.sideName}`,
    `${ctx.view.title} · channel ${c} · ${ctx.view.status}`, async () => {
      const [health, week, msgs, meetings, commitments] = await Promise.all([
        session.get(`/v1/channels/${c}/health`), session.get(`/v1/channels/${c}/health?days=7`),
        session.get(`/v1/channels/${c}/messages`), session.get(`/v1/channels/${c}/meetings`),
        session.get(`/v1/channels/${c}/commitments`),
      ]);
      const minutes = await minutesOf(c, meetings);
      const checks = ctx.mediator ? [] : await session.get(`/v1/channels/${c}/records/check`);
      return h("div", {},
        ctx.mediator ? null : checksSection(ctx, checks),
        h("section", { "aria-labelledby": "h-health" }, h("h2", { id: "h-health", text: "Channel health" }), healthTable(ctx, health, week, msgs)),
        h("section", { "aria-labelledby": "h-esc" }, h("h2", { id: "h-esc", text: "To handle now" }), escalations(ctx, msgs, commitments)),
        h("div", { class: "grid" },
          h("section", { "aria-labelledby": "h-wait" }, h("h2", { id: "h-wait", text: "Awaiting acknowledgement" }),
            messageList(ctx, sortOverdueFirst(msgs.filter((m) => !m.acknowledged_at)), false)),
          h("section", { "aria-labelledby": "h-feed" }, h("h2", { id: "h-feed", text: "Live feed" }), feedList(ctx))),
        h("div", { class: "grid" },
          h("section", { "aria-labelledby": "h-meet" }, h("h2", { id: "h-meet", text: "Meetings" }),
            meetings.length ? h("ul", {}, meetings.map((m) => h("li", {}, h("a", { href: `#/c/${c}/meetings`, text: m.id }), ` — ${m.status}`, agreementOf(ctx, m)))) : h("p", { text: "None proposed." })),
          h("section", { "aria-labelledby": "h-min" }, h("h2", { id: "h-min", text: "Minutes awaiting signatures" }), minutesWaiting(ctx, minutes)),
          h("section", { "aria-labelledby": "h-com" }, h("h2", { id: "h-com", text: "Commitments" }), commitmentSummary(ctx, commitments))));
    });
}

function checksSection(ctx, checks) {
  const open = checks.filter((c) => {
    const a = c.answers[ctx.side];
    return (!a || (c.personal && !a.personal)) && Date.parse(c.deadline) > serverNow();
  });
  const body = open.length
    ? open.map((c) => {
      const b = h("button", { type: "button", class: "primary", text: `I am here — answer check #${c.number}` });
      b.addEventListener("click", () => act(b, "Check answer", () => session.submit(ctx.channel, "check.answered", { check: c.number, personal: true })));
      return h("article", { "data-check": c.number },
        h("p", {}, `Check #${c.number}${c.personal ? " (the daily check: a person must answer)" : ""} — answer by ${fmt(c.deadline)}, `, h("span", { "data-deadline": c.deadline })),
        means(`a person of ${ctx.sideName} is at the channel now. A missed check is recorded against your side's availability.`), b);
    })
    : h("p", { class: "good", text: "No check waiting for your side." });
  return h("section", { "aria-labelledby": "h-checks" }, h("h2", { id: "h-checks", text: "Communication checks" }), body);
}

function sortOverdueFirst(msgs) {
  return [...msgs].sort((a, b) => (b.overdue - a.overdue) || a.ack_deadline.localeCompare(b.ack_deadline));
}

function healthTable(ctx, health, week, msgs) {
  const rows = Object.entries(health.parties).map(([side, p]) => {
    const trips = msgs.filter((m) => m.to === side && m.acknowledged_at).map((m) => m.acknowledged_at).sort();
    const w = week.parties[side];
    const avail = w.availability === null ? "no checks this week" : `${Math.round(w.availability * 100)} % this week`;
    return h("tr", {}, h("th", { scope: "row", text: side }),
      h("td", { text: trips.length ? fmt(trips[trips.length - 1]) : "none yet" }),
      h("td", { text: `${p.answered} of ${p.checks} answered` }),
      h("td", { class: p.missed.length ? "bad" : "", text: p.missed.length ? `${p.missed.length} missed` : "none missed" }),
      h("td", { text: avail }));
  });
  return h("table", {}, h("caption", { class: "meta", text: "Last round trip = the latest message to the party that it acknowledged." }),
    h("thead", {}, h("tr", {}, ["Party", "Last round trip", "Communication checks", "Missed", "Availability"].map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, rows));
}

function escalations(ctx, msgs, commitments) {
  const items = [];
  for (const m of sortOverdueFirst(msgs)) {
    if (m.overdue || m.escalated_at) {
      items.push(h("li", { class: "bad", "data-escalation": m.id }, `Message “${m.subject}” to ${m.to} not acknowledged — `,
        h("span", { "data-deadline": m.ack_deadline }), m.escalated_at ? ` · escalated ${fmt(m.escalated_at)}` : ""));
    }
  }
  for (const c of commitments.filter((c) => c.state === "overdue")) {
    items.push(h("li", { class: "bad" }, `Commitment “${c.text}” (${c.owner}) overdue since ${fmt(c.due)}`));
  }
  return items.length ? h("ul", {}, items) : h("p", { class: "good", text: "Nothing overdue." });
}

function feedList(ctx) {
  if (!feed.length) return h("p", { class: "meta", text: "Waiting for entries…" });
  return h("ol", { class: "feed", reversed: true }, feed.slice(0, 25).map((e) => {
    const hd = e.entry.header;
    return h("li", {}, h("strong", { text: `#${e.seq} ${hd.type}` }), ` by ${ctx.names[hd.author] || hd.author}`, h("span", { class: "meta", text: ` · ${fmt(hd.time)}` }));
  }));
}

function agreementOf(ctx, m) {
  const p = m.proposals.find((x) => x.id === m.current);
  if (!p) return "";
  return h("span", { class: "meta", text: ` · ${fmt(p.start_utc)}, ${p.venue} · accepted by ${Object.keys(p.accepted_by).join(", ") || "nobody yet"}` });
}

/** The minutes of these meetings (those that have any), in the meetings' order. */
async function minutesOf(c, meetings) {
  const all = await session.get(`/v1/channels/${c}/records/minutes`);
  return meetings.map((m) => all.find((x) => x.meeting === m.id)).filter(Boolean);
}

function minutesWaiting(ctx, minutes) {
  const waiting = minutes.filter((m) => !m.agreed_version || m.agreed_version < m.versions.length);
  if (!waiting.length) return h("p", { text: "None." });
  return h("ul", {}, waiting.map((m) => {
    const v = m.versions[m.versions.length - 1];
    const missing = m.signers.filter((s) => !v.signed_by[s]);
    return h("li", {}, h("a", { href: `#/c/${ctx.channel}/minutes`, text: `${m.meeting} v${v.version}` }), ` — waiting for ${missing.join(", ")}`);
  }));
}

const STATE_ORDER = { overdue: 0, open: 1, reported: 2, disputed: 3, confirmed: 4 };
function byState(list) { return [...list].sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9)); }

function commitmentSummary(ctx, list) {
  if (!list.length) return h("p", { text: "None." });
  return h("ul", {}, byState(list).map((c) => h("li", { class: c.state === "overdue" ? "bad" : "" }, `${c.state}: ${c.text} (${c.owner}, due ${fmt(c.due)})`)));
}

// ---- messages ------------------------------------------------------------------------

const HOPS = [["sent_time", "sent"], ["relayed_at", "relayed by the server"], ["delivered_at", "delivered"], ["acknowledged_at", "acknowledged"], ["answered_at", "answered"]];

function messageList(ctx, msgs, actions) {
  if (!msgs.length) return h("p", { text: "None." });
  return h("div", {}, msgs.map((m) => messageCard(ctx, m, actions)));
}

function messageCard(ctx, m, actions) {
  const hops = h("ol", { class: "hops", "aria-label": "receipts" }, HOPS.map(([k, label]) =>
    h("li", { class: m[k] ? "done" : "pending", "data-hop": label.split(" ")[0] }, m[k] ? `${label} ${fmt(m[k])}` : `not ${label.split(" ")[0]} yet`)));
  const deadline = m.acknowledged_at
    ? h("p", { class: "meta good", text: `Acknowledged ${fmt(m.acknowledged_at)} by ${ctx.names[ackBy(m)] || "—"}` })
    : h("p", {}, `Acknowledge by ${fmt(m.ack_deadline)} — `, h("span", { "data-deadline": m.ack_deadline }));
  const card = h("article", { class: m.overdue && !m.acknowledged_at ? "overdue" : "", "data-message": m.id, "data-status": m.status, "aria-labelledby": `m-${m.id}` },
    h("h3", { id: `m-${m.id}` }, h("span", { class: `badge ${m.priority}`, text: m.priority }), ` ${m.subject}`),
    h("p", { class: "meta", text: `${m.from_side} → ${m.to} · from ${ctx.names[m.sender] || m.sender}${m.reply_to ? " · an answer" : ""}` }),
    h("p", { text: m.text }), hops, deadline,
    m.clock_flagged ? h("p", { class: "warn", "data-clock": "flagged", text: `⚠ The sender's device clock was ${Math.round(Math.abs(m.clock_skew_s) / 60)} min ${m.clock_skew_s > 0 ? "ahead of" : "behind"} the server's when it signed. Deadlines and “relayed” use the server's clock.` }) : null);
  if (actions && m.to === ctx.side) {
    if (!m.acknowledged_at || !m.receipts.some((r) => r.kind === "acknowledged" && r.side === ctx.side)) {
      const b = h("button", { type: "button", class: "primary", text: `Acknowledge “${m.subject}”` });
      b.addEventListener("click", () => act(b, "Acknowledgement", () => session.submit(ctx.channel, "receipt.acknowledged", { message: m.id }, [m.id])));
      card.append(means("your side has received and read this message, at this time. The sender sees it at once."), b);
    }
    const ans = h("button", { type: "button", text: `Answer “${m.subject}”` });
    ans.addEventListener("click", () => {
      const form = document.getElementById("compose");
      form.elements.to.value = m.from_side;
      form.elements.subject.value = `Re: ${m.subject}`.slice(0, 300);
      form.dataset.replyTo = m.id;
      form.elements.text.focus();
    });
    card.append(ans);
  }
  return card;
}
function ackBy(m) { const r = m.receipts.find((x) => x.kind === "acknowledged"); return r ? r.member : null; }

async function viewMessages(ctx) {
  const c = ctx.channel;
  const compose = composeForm(ctx);
  const seen = new Map(); // message id → its last known hops, to announce changes
  return livePage(ctx.mediator ? "All messages" : `Messages — ${ctx.sideName}`, "Receipts update live. Overdue messages come first and are outlined in red.", async () => {
    const msgs = sortOverdueFirst(await session.get(`/v1/channels/${c}/messages`));
    announce(ctx, msgs, seen);
    for (const m of msgs) {
      const mine = m.receipts.some((r) => r.kind === "delivered" && r.member === me.keyId);
      if (m.to === ctx.side && !mine && !delivered.has(m.id)) {
        delivered.add(m.id); // this page has shown it: say so (a delivered receipt)
        session.submit(c, "receipt.delivered", { message: m.id }, [m.id]).catch(() => delivered.delete(m.id));
      }
    }
    if (ctx.mediator) return h("section", {}, h("h2", { text: "Every message" }), messageList(ctx, msgs, false));
    return h("div", {},
      h("section", { "aria-labelledby": "h-in" }, h("h2", { id: "h-in", text: "Inbox" }), messageList(ctx, msgs.filter((m) => m.to === ctx.side), true)),
      h("section", { "aria-labelledby": "h-out" }, h("h2", { id: "h-out", text: "Outbox" }), messageList(ctx, msgs.filter((m) => m.from_side === ctx.side), false)));
  }, compose);
}

/** Tell a screen reader (and everyone, in the status line) when one of our messages is
 * delivered or acknowledged, or when a new message arrives — not only show it. */
function announce(ctx, msgs, seen) {
  const first = seen.size === 0;
  const news = [];
  for (const m of msgs) {
    const before = seen.get(m.id);
    seen.set(m.id, { delivered: !!m.delivered_at, acknowledged: !!m.acknowledged_at });
    if (first) continue;
    if (!before && m.to === ctx.side) news.push(`New ${m.priority} message from ${m.from_side}: “${m.subject}”.`);
    if (before && m.from_side === ctx.side) {
      if (!before.acknowledged && m.acknowledged_at) news.push(`“${m.subject}” acknowledged by ${m.to}.`);
      else if (!before.delivered && m.delivered_at) news.push(`“${m.subject}” delivered to ${m.to}.`);
    }
  }
  if (news.length) flash.replaceChildren(h("p", { text: news.join(" ") }));
}

function composeForm(ctx) {
  const sides = ctx.view.sides.filter((s) => s.id !== ctx.side);
  const to = h("select", { name: "to" }, sides.map((s) => h("option", { value: s.id, text: s.name })));
  const pri = h("select", { name: "priority" }, ["routine", "urgent", "flash"].map((p) => h("option", { value: p, text: `${p} — acknowledge within ${duration(ctx.view.ack_deadlines[p])}` })));
  const topic = h("select", { name: "topic" }, h("option", { value: "", text: "(none)" }), Object.entries(ctx.view.mandate).map(([id, t]) => h("option", { value: id, text: t })));
  const subject = h("input", { type: "text", name: "subject", maxlength: 300, required: true });
  const text = h("textarea", { name: "text", rows: 5, maxlength: 20000, required: true });
  const lang = h("input", { type: "text", name: "language", value: "en", maxlength: 20 });
  const send = h("button", { type: "submit", class: "primary", text: "Sign and send" });
  const form = h("form", { id: "compose", "aria-labelledby": "h-compose" },
    h("h2", { id: "h-compose", text: "Write a message" }),
    field("To", to), field("Priority", pri), field("Subject", subject), field("Message", text),
    field("Topic of the mandate", topic), field("Language (e.g. en, ru, az)", lang),
    means(`you, ${me.name}, sent exactly this text to that side at this time. It goes into the channel's log for good: nobody, you included, can change or remove it later.`), send);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const body = { to: to.value, priority: pri.value, subject: subject.value.trim(), text: text.value.trim(), language: lang.value.trim() || "en" };
    if (topic.value) body.topic = topic.value;
    const refs = [];
    if (form.dataset.replyTo) { body.reply_to = form.dataset.replyTo; refs.push(body.reply_to); }
    act(send, "Message", async () => {
      await session.submit(ctx.channel, "message.sent", body, refs);
      form.reset();
      delete form.dataset.replyTo;
    });
  });
  return form;
}

// ---- meetings -----------------------------------------------------------------------

async function viewMeetings(ctx) {
  const c = ctx.channel;
  return livePage("Meetings", "Each version of a proposal is accepted by its digest: a change needs a new acceptance.", async () => {
    const meetings = await session.get(`/v1/channels/${c}/meetings`);
    if (!meetings.length) return h("p", { text: "No meeting proposed yet." });
    return h("div", {}, meetings.map((m) => meetingCard(ctx, m)));
  }, proposeForm(ctx));
}

function meetingCard(ctx, m) {
  const p = m.proposals.find((x) => x.id === m.current);
  const card = h("article", { "data-meeting": m.id, "data-status": m.status, "aria-labelledby": `mt-${m.id}` },
    h("h3", { id: `mt-${m.id}`, text: `${m.id} — ${m.status}` }));
  if (!p) return card;
  card.append(
    h("p", {}, h("strong", { text: fmt(p.start_utc) }), ` (${p.start} local) · ${p.venue} · ${p.format}`),
    p.agenda.length ? h("ul", { "aria-label": "agenda" }, p.agenda.map((a) => h("li", { text: a.title }))) : null,
    h("p", { class: "meta", text: `Version ${m.proposals.indexOf(p) + 1} of ${m.proposals.length}, proposed by ${ctx.names[p.proposer] || p.proposer}. Accepted by: ${Object.keys(p.accepted_by).join(", ") || "nobody yet"}. Declined by: ${Object.keys(p.declined_by).join(", ") || "nobody"}.` }));
  const canAnswer = ctx.head || ctx.mediator;
  if (canAnswer && !p.accepted_by[ctx.side] && m.status !== "cancelled") {
    const ok = h("button", { type: "button", class: "primary", text: `Accept ${m.id}` });
    ok.addEventListener("click", () => act(ok, "Acceptance", () => session.submit(ctx.channel, "meeting.accepted", { proposal: p.id, digest: p.digest }, [p.id])));
    const reason = h("input", { type: "text", maxlength: 500, id: `decline-reason-${m.id}` });
    const no = h("button", { type: "button", text: `Decline ${m.id}` });
    no.addEventListener("click", () => act(no, "Decline", () => {
      const body = { proposal: p.id, digest: p.digest };
      if (reason.value.trim()) body.reason = reason.value.trim();
      return session.submit(ctx.channel, "meeting.declined", body, [p.id]);
    }));
    const start = h("input", { type: "text", value: p.start, id: `counter-start-${m.id}` });
    const venue = h("input", { type: "text", value: p.venue, id: `counter-venue-${m.id}` });
    const counter = h("button", { type: "button", text: "Sign counter-proposal" });
    counter.addEventListener("click", () => act(counter, "Counter-proposal", () => session.submit(ctx.channel, "meeting.proposed", {
      meeting: m.id, start: start.value.trim(), venue: venue.value.trim(), format: p.format,
      agenda: p.agenda, attendees: p.attendees, supersedes: p.id,
    }, [p.id])));
    card.append(
      means(`your side, ${ctx.sideName}, agrees to exactly this version (digest ${p.digest.slice(0, 10)}…). If anyone changes it, your acceptance does not carry over.`),
      ok, field("Reason for declining (optional)", reason), no,
      h("details", { id: `counter-${m.id}` }, h("summary", { text: "Counter-propose another time or place" }),
        field("Start (with its UTC offset)", start), field("Venue", venue),
        means("you propose this new version in your side's name; it replaces the current one, and everyone must accept it again."), counter));
  }
  return card;
}

function proposeForm(ctx) {
  if (!(ctx.head || ctx.mediator)) return null;
  const id = h("input", { type: "text", pattern: "[a-z0-9][a-z0-9-]{1,62}", required: true });
  const start = h("input", { type: "text", required: true, placeholder: "2023-03-01T11:00:00+04:00" });
  const venue = h("input", { type: "text", required: true });
  const format = h("select", {}, h("option", { value: "chaired", text: "chaired by the mediator" }), h("option", { value: "direct", text: "direct" }));
  const boxes = Object.entries(ctx.view.mandate).map(([tid, title]) => {
    const cb = h("input", { type: "checkbox", value: tid, id: `ag-${tid}`, checked: true });
    return h("div", {}, cb, h("label", { for: `ag-${tid}`, style: "display:inline;font-weight:400", text: ` ${title}` }));
  });
  const go = h("button", { type: "submit", class: "primary", text: "Sign proposal" });
  const form = h("form", { "aria-labelledby": "h-propose" }, h("h2", { id: "h-propose", text: "Propose a meeting" }),
    field("Meeting id (lowercase, e.g. wg-2023-03-01)", id), field("Start (ISO time with UTC offset)", start), field("Venue", venue), field("Format", format),
    h("fieldset", {}, h("legend", { text: "Agenda (topics of the mandate)" }), boxes),
    means("you propose this meeting in your side's name. It is agreed only when every side accepts this exact version."), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const agenda = boxes.map((b) => b.querySelector("input")).filter((cb) => cb.checked).map((cb) => ({ id: cb.value, topic: cb.value, title: ctx.view.mandate[cb.value] }));
    act(go, "Meeting proposal", async () => {
      await session.submit(ctx.channel, "meeting.proposed", { meeting: id.value.trim(), start: start.value.trim(), venue: venue.value.trim(), format: format.value, agenda });
      form.reset();
    });
  });
  return form;
}

// ---- minutes ------------------------------------------------------------------------

async function viewMinutes(ctx) {
  const c = ctx.channel;
  const meetings = await session.get(`/v1/channels/${c}/meetings`);
  return livePage("Minutes", "Minutes are agreed when every signatory signs the same version.", async () => {
    const all = await minutesOf(c, await session.get(`/v1/channels/${c}/meetings`));
    if (!all.length) return h("p", { text: "No minutes drafted yet." });
    return h("div", {}, all.map((m) => minutesCard(ctx, m)));
  }, ctx.mediator ? draftMinutesForm(ctx, meetings) : null);
}

function minutesCard(ctx, m) {
  const card = h("article", { "data-minutes": m.meeting, "aria-labelledby": `mn-${m.meeting}` },
    h("h3", { id: `mn-${m.meeting}`, text: `Minutes of ${m.meeting}` }),
    h("p", { class: m.agreed_version ? "good" : "warn", text: m.agreed_version ? `Agreed: version ${m.agreed_version}` : `Not agreed yet. Signatories: ${m.signers.join(", ")}` }));
  for (const v of [...m.versions].reverse()) {
    const sec = h("section", { "data-version": v.version, "aria-label": `version ${v.version}` },
      h("h4", { text: `Version ${v.version} — signed by ${Object.keys(v.signed_by).join(", ") || "nobody yet"}` }),
      v.body.general ? h("p", { text: v.body.general }) : null,
      h("ul", {}, v.body.items.map((it) => h("li", {}, h("strong", { text: it.item }), `: ${it.summary}`,
        Object.entries(it.positions || {}).map(([s, pos]) => h("div", { class: "meta", text: `${s}: ${pos}` })),
        it.outcome ? h("div", { text: `Outcome: ${it.outcome}` }) : null))));
    if (v.version > 1) {
      const key = `${m.meeting}/${v.version}`;
      const out = h("pre", { tabindex: 0, hidden: true, "aria-label": `changes from version ${v.version - 1}` });
      const show = async (focus) => {
        try {
          const d = await session.get(`/v1/channels/${ctx.channel}/minutes/${m.meeting}/diff?from=${v.version - 1}&to=${v.version}`);
          out.textContent = d.join("\n") || "No changes.";
          out.hidden = false;
          if (focus) out.focus();
        } catch (e) {
          say(`Could not compare: ${errorText(e)}`, true);
        }
      };
      const cmp = h("button", { type: "button", "aria-expanded": openDiffs.has(key) ? "true" : "false", text: `Compare with version ${v.version - 1}` });
      cmp.addEventListener("click", () => {
        const open = !openDiffs.has(key);
        if (open) openDiffs.add(key); else openDiffs.delete(key);
        cmp.setAttribute("aria-expanded", String(open));
        if (open) show(true); else out.hidden = true;
      });
      if (openDiffs.has(key)) show(false); // stays open when the page re-renders live
      sec.append(cmp, out);
    }
    if (v.version === m.versions.length && ctx.head && m.signers.includes(ctx.side) && !v.signed_by[ctx.side]) {
      const sign = h("button", { type: "button", class: "primary", text: `Sign minutes version ${v.version}` });
      sign.addEventListener("click", () => act(sign, "Minutes signature", () => session.submit(ctx.channel, "minutes.signed", { meeting: m.meeting, version: v.version, digest: v.digest }, [v.entry_id])));
      sec.append(means(`these minutes, version ${v.version} exactly (digest ${v.digest.slice(0, 10)}…), are a true record of the meeting for ${ctx.sideName}. A later version needs a new signature.`), sign);
    }
    card.append(sec);
  }
  return card;
}

function draftMinutesForm(ctx, meetings) {
  const agreed = meetings.filter((m) => m.agreed);
  if (!agreed.length) return null;
  const pick = h("select", {}, agreed.map((m) => h("option", { value: m.id, text: m.id })));
  const rows = h("div", {});
  const fill = () => {
    const m = agreed.find((x) => x.id === pick.value);
    const p = m.proposals.find((x) => x.id === m.agreed);
    rows.replaceChildren(...p.agenda.map((a) => h("fieldset", { "data-item": a.id }, h("legend", { text: a.title }),
      field("Summary", h("textarea", { rows: 2, "data-k": "summary" })), field("Outcome", h("input", { type: "text", "data-k": "outcome" })))));
  };
  pick.addEventListener("change", fill);
  fill();
  const general = h("textarea", { rows: 2 });
  const go = h("button", { type: "submit", class: "primary", text: "Sign draft" });
  const form = h("form", { "aria-labelledby": "h-draft" }, h("h2", { id: "h-draft", text: "Draft minutes" }), field("Meeting", pick), field("General", general), rows,
    means("you put this text forward as the next version of the minutes. It binds nobody until each signatory signs it."), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const items = [...rows.querySelectorAll("fieldset")].map((f) => ({ item: f.dataset.item, summary: f.querySelector("[data-k=summary]").value.trim(), outcome: f.querySelector("[data-k=outcome]").value.trim() })).filter((i) => i.summary);
    act(go, "Minutes draft", async () => {
      const have = (await minutesOf(ctx.channel, [{ id: pick.value }]))[0];
      const body = { meeting: pick.value, version: have ? have.versions.length + 1 : 1, items };
      if (general.value.trim()) body.general = general.value.trim();
      await session.submit(ctx.channel, "minutes.drafted", body);
    });
  });
  return form;
}

// ---- commitments ----------------------------------------------------------------------

async function viewCommitments(ctx) {
  return livePage("Commitments", "Overdue first. The owner reports; the other side confirms or disputes.", async () => {
    const list = await session.get(`/v1/channels/${ctx.channel}/commitments`);
    if (!list.length) return h("p", { text: "No commitments recorded." });
    return h("div", {}, byState(list).map((c) => commitmentCard(ctx, c)));
  });
}

function commitmentCard(ctx, c) {
  const card = h("article", { class: c.state === "overdue" ? "overdue" : "", "data-commitment": c.id, "aria-labelledby": `cm-${c.id}` },
    h("h3", { id: `cm-${c.id}`, text: `${c.text}` }),
    h("p", { class: c.state === "overdue" ? "bad" : "meta", text: `${c.state} · owner ${c.owner} · due ${fmt(c.due)}${c.meeting ? ` · from meeting ${c.meeting}` : ""}` }));
  const note = h("input", { type: "text", maxlength: 2000, id: `note-${c.id}` });
  if (c.owner === ctx.side && ctx.head && !c.reported) {
    const b = h("button", { type: "button", class: "primary", text: "Report done" });
    b.addEventListener("click", () => act(b, "Report", () => session.submit(ctx.channel, "commitment.reported", { commitment: c.id, note: note.value.trim() })));
    card.append(field("Note (what was done)", note), means(`${ctx.sideName} states that it has done this. The other side can confirm or dispute it.`), b);
  }
  if (c.owner !== ctx.side && c.reported && !c.confirmed && ctx.head) {
    const ok = h("button", { type: "button", class: "primary", text: "Confirm" });
    ok.addEventListener("click", () => act(ok, "Confirmation", () => session.submit(ctx.channel, "commitment.confirmed", { commitment: c.id, note: note.value.trim() })));
    const no = h("button", { type: "button", text: "Dispute" });
    no.addEventListener("click", () => act(no, "Dispute", () => session.submit(ctx.channel, "commitment.disputed", { commitment: c.id, reason: note.value.trim() || "not done" })));
    card.append(field("Note or reason", note), means(`${ctx.sideName} confirms (or disputes) that the owner did what it committed to.`), ok, no);
  }
  return card;
}

// ---- publication: disclosure consents and communiqués ------------------------------------

async function viewPublication(ctx) {
  const c = ctx.channel;
  return livePage("Publication", "Nothing becomes public until the head of every side signs the same text or list.", async () => {
    const [openings, communiques] = await Promise.all([session.get(`/v1/channels/${c}/records/opening`), session.get(`/v1/channels/${c}/records/communique`)]);
    return h("div", {},
      h("section", { "aria-labelledby": "h-cq" }, h("h2", { id: "h-cq", text: "Communiqués" }),
        communiques.length ? communiques.map((q) => communiqueCard(ctx, q)) : h("p", { text: "None drafted." }),
        h("p", {}, h("a", { href: `/public/channels/${c}`, text: "The public page of this channel" }))),
      h("section", { "aria-labelledby": "h-op" }, h("h2", { id: "h-op", text: "Proposals to open entries" }),
        openings.length ? openings.map((o) => openingCard(ctx, o)) : h("p", { text: "None." })));
  }, (ctx.head || ctx.mediator) ? draftCommuniqueForm(ctx) : null);
}

function communiqueCard(ctx, q) {
  const card = h("article", { "data-communique": q.id, "aria-labelledby": `cq-${q.id}` },
    h("h3", { id: `cq-${q.id}`, text: q.id }),
    h("p", { class: q.published ? "good" : "warn", text: q.published ? `Published: version ${q.published}` : "Not published" }));
  const v = q.versions[q.versions.length - 1];
  for (const [lang, text] of Object.entries(v.texts)) card.append(h("p", { lang, text }));
  card.append(h("p", { class: "meta", text: `Version ${v.version} · signed by ${Object.keys(v.signed_by).join(", ") || "nobody yet"}` }));
  if (ctx.head && !v.signed_by[ctx.side] && !q.published) {
    const b = h("button", { type: "button", class: "primary", text: `Sign communiqué ${q.id}` });
    b.addEventListener("click", () => act(b, "Communiqué signature", () => session.submit(ctx.channel, "communique.signed", { communique: q.id, version: v.version, digest: v.digest }, [v.entry_id])));
    card.append(means(`${ctx.sideName} agrees to publish exactly this text (version ${v.version}, digest ${v.digest.slice(0, 10)}…) in its name. When every side has signed it is public, and publication cannot be undone.`), b);
  }
  return card;
}

function openingCard(ctx, o) {
  const card = h("article", { "data-opening": o.id }, h("h3", { text: `${o.id} → ${o.level}` }),
    h("p", { text: o.reason || "" }), h("p", { class: "meta", text: `${o.entries.length} entries · consent from ${Object.keys(o.signed_by || {}).join(", ") || "nobody yet"}${o.done_seq ? " · opened" : ""}` }));
  if (ctx.head && !(o.signed_by || {})[ctx.side] && !o.done_seq) {
    const b = h("button", { type: "button", class: "primary", text: `Consent to ${o.id}` });
    b.addEventListener("click", () => act(b, "Consent", () => session.submit(ctx.channel, "disclosure.signed", { proposal: o.id, digest: o.digest }, [o.entry_id])));
    card.append(means(`${ctx.sideName} consents to open exactly these ${o.entries.length} entries to “${o.level}”. Opening cannot be undone.`), b);
  }
  return card;
}

function draftCommuniqueForm(ctx) {
  const id = h("input", { type: "text", required: true, pattern: "[a-z0-9][a-z0-9-]{1,62}" });
  const text = h("textarea", { rows: 4, required: true });
  const go = h("button", { type: "submit", class: "primary", text: "Sign draft communiqué" });
  const form = h("form", { "aria-labelledby": "h-dq" }, h("h2", { id: "h-dq", text: "Draft a communiqué" }),
    field("Communiqué id (lowercase, e.g. communique-1)", id), field("Text (English)", text),
    means("you put this text forward for every side to sign. It is published only when all have signed the same version."), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "Communiqué draft", async () => {
      const all = await session.get(`/v1/channels/${ctx.channel}/records/communique`);
      const have = all.find((q) => q.id === id.value.trim());
      await session.submit(ctx.channel, "communique.drafted", { communique: id.value.trim(), version: have ? have.versions.length + 1 : 1, texts: { en: text.value.trim() } });
      form.reset();
    });
  });
  return form;
}

// ---- members: invitations and enrolment --------------------------------------------------

async function viewMembers(ctx) {
  return livePage("Members", "Every member signs with their own key. A party's head adds and removes its members.", async () => {
    const [view, replacements] = await Promise.all([
      session.get(`/v1/channels/${ctx.channel}`), session.get(`/v1/channels/${ctx.channel}/records/replacement`)]);
    const pending = replacements.filter((r) => !r.done_seq);
    return h("div", {},
      pending.length ? h("section", { "aria-labelledby": "h-repl" }, h("h2", { id: "h-repl", text: "Head replacements waiting for signatures" }),
        pending.map((r) => replacementCard(ctx, view, r))) : null,
      view.sides.map((s) => h("section", { "aria-label": s.name }, h("h2", { text: `${s.name} (${s.kind})` }),
        h("table", {}, h("thead", {}, h("tr", {}, ["Name", "Role", "Key id", "State", ""].map((t) => h("th", { scope: "col", text: t })))),
          h("tbody", {}, s.members.map((m) => h("tr", { "data-key": m.key_id }, h("td", { text: `${m.name}${m.title ? ` — ${m.title}` : ""}` }), h("td", { text: m.role }),
            h("td", { class: "code", text: spaced(m.key_id) }), h("td", { text: m.active ? "active" : "removed" }),
            h("td", {}, revokeControl(ctx, s, m)))))))));
  }, ctx.head ? inviteForm(ctx) : null, ctx.head ? addMemberForm(ctx) : null, ctx.head ? replaceHeadForm(ctx) : null);
}

/** A head revokes a key of its own side (not its own: it rotates that). */
function revokeControl(ctx, side, m) {
  if (!ctx.head || side.id !== ctx.side || !m.active || m.key_id === me.keyId) return null;
  const reason = h("input", { type: "text", maxlength: 500, id: `revoke-reason-${m.key_id}` });
  const b = h("button", { type: "button", id: `revoke-${m.key_id}`, text: `Revoke ${m.name}` });
  b.addEventListener("click", () => act(b, "Revocation", () => session.submit(ctx.channel, "member.removed", { side: ctx.side, key_id: m.key_id, reason: reason.value.trim() })));
  return h("details", { id: `revoke-open-${m.key_id}` }, h("summary", { text: "Revoke…" }), field("Reason (recorded)", reason),
    means(`from now on, nothing signed by ${m.name}'s key is accepted. What it signed before stays in the record and still verifies.`), b);
}

function replacementCard(ctx, view, r) {
  const sideName = (view.sides.find((s) => s.id === r.side) || {}).name || r.side;
  const needed = [...view.sides.filter((s) => s.id !== r.side).map((s) => s.id), "own"];
  const card = h("article", { "data-replacement": r.id },
    h("h3", { text: `${sideName}: ${r.new_head.name} to replace a lost head` }),
    h("p", { text: `Reason: ${r.reason}` }),
    h("p", {}, "Lost key ", h("span", { class: "code", text: spaced(r.lost_key) }), " → new key ", h("strong", { class: "code", text: spaced(r.new_key) })),
    h("p", { class: "meta", text: `Signed by: ${Object.keys(r.signed_by).map((k) => (k === "own" ? `${r.side} (a member)` : k)).join(", ")}. Needs: ${needed.map((k) => (k === "own" ? `a member of ${r.side}` : k)).join(", ")}.` }));
  const slot = ctx.side === r.side ? "own" : ctx.head ? ctx.side : null;
  if (slot && !r.signed_by[slot] && me.keyId !== r.lost_key) {
    const b = h("button", { type: "button", class: "primary", text: `Sign replacement ${r.id}` });
    b.addEventListener("click", () => act(b, "Replacement signature", () => session.submit(ctx.channel, "head.replacement_signed", { replacement: r.id, digest: r.digest }, [r.entry_id])));
    const what = slot === "own"
      ? `this new key is your delegation's head. Ask them to read their key id aloud and sign only if it is ${spaced(r.new_key)}.`
      : `${ctx.sideName} agrees that ${sideName}'s lost head key is retired and this new key becomes its head.`;
    card.append(means(what), b);
  }
  return card;
}

/** The head of another side proposes a new head for a side whose head lost the key. */
function replaceHeadForm(ctx) {
  const sides = ctx.view.sides.filter((s) => s.id !== ctx.side);
  const side = h("select", {}, sides.map((s) => h("option", { value: s.id, text: s.name })));
  const lost = h("input", { type: "text", pattern: "k[0-9a-f]{24}", placeholder: "k…" });
  const code = h("textarea", { rows: 3 });
  const reason = h("input", { type: "text", required: true, maxlength: 2000 });
  const id = h("input", { type: "text", required: true, pattern: "[a-z0-9][a-z0-9-]{1,62}" });
  const go = h("button", { type: "submit", text: "Sign proposal" });
  const form = h("form", { "aria-labelledby": "h-lost" }, h("h2", { id: "h-lost", text: "Replace another side's lost head" }),
    h("p", { class: "meta", text: "When a side's only head has lost the key. It takes effect once the head of every other side and one member of that side have signed." }),
    field("Side", side), field("Lost head's key id", lost), field("New head's enrolment code", code, "From the invitation link their delegation sent them."),
    field("What happened (recorded)", reason), field("A name for this replacement (e.g. artsakh-head-2026)", id),
    means("your side proposes retiring that key and making the new one the side's head; your proposal counts as your side's signature."), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "Replacement proposal", async () => {
      let e;
      try { e = JSON.parse(unb64url(code.value.trim())); } catch { throw new Error("that is not an enrolment code"); }
      await session.submit(ctx.channel, "head.replacement_proposed", {
        replacement: id.value.trim(), side: side.value, lost_key: lost.value.trim(), reason: reason.value.trim(),
        new_head: { key: e.key, name: e.n, role: "head", title: e.t || "" },
      });
      form.reset();
    });
  });
  return form;
}

function inviteForm(ctx) {
  const name = h("input", { type: "text", required: true, maxlength: 200 });
  const title = h("input", { type: "text", maxlength: 200 });
  const role = h("select", {}, h("option", { value: "member", text: "member" }), h("option", { value: "head", text: "head (can sign for the side)" }));
  const out = h("div", { "aria-live": "polite" });
  const go = h("button", { type: "submit", text: "Make invitation link" });
  const form = h("form", { "aria-labelledby": "h-inv" }, h("h2", { id: "h-inv", text: "Invite a member" }),
    field("Their name", name), field("Title", title), field("Role", role), go, out);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const inv = b64url(JSON.stringify({ c: ctx.channel, s: ctx.side, n: name.value.trim(), t: title.value.trim(), r: role.value, by: me.keyId }));
    const link = h("input", { type: "text", readonly: true, id: "invite-link", class: "code" });
    link.value = `${location.origin}/app#/enrol/${inv}`;
    out.replaceChildren(field("Invitation link — send it to them; it holds no secret", link,
      "They open it in their browser, which makes their key and shows an enrolment code. Paste that code below and confirm the key id with them by voice."));
  });
  return form;
}

function addMemberForm(ctx) {
  const code = h("textarea", { rows: 3, id: "enrol-paste" });
  const preview = h("div", { "aria-live": "polite" });
  const check = h("button", { type: "button", text: "Read the code" });
  check.addEventListener("click", async () => {
    let e;
    try { e = JSON.parse(unb64url(code.value.trim())); } catch { say("That is not an enrolment code.", true); return; }
    if (e.c !== ctx.channel || e.s !== ctx.side) { say(`That code is for ${e.s} in ${e.c}, not for your side here.`, true); return; }
    const { keyIdOf, unb64 } = await import("/assets/parley.js");
    const kid = await keyIdOf(unb64(e.key));
    const sign = h("button", { type: "button", class: "primary", text: `Sign: add ${e.n}` });
    sign.addEventListener("click", () => act(sign, "New member", () => session.submit(ctx.channel, "member.added", { side: ctx.side, member: { key: e.key, name: e.n, role: e.r, title: e.t || "" } })));
    preview.replaceChildren(h("p", {}, `${e.n} (${e.r}) with key `, h("strong", { class: "code", id: "enrol-check-id", text: spaced(kid) })),
      h("p", { class: "warn", text: "Call them and have them read their key id aloud. Sign only if it matches: a code passed through someone else could carry another key." }),
      means(`${ctx.sideName} admits this key as ${e.n}. From now on, what it signs is signed for your side.`), sign);
  });
  return h("form", { "aria-labelledby": "h-add", onsubmit: (ev) => ev.preventDefault() }, h("h2", { id: "h-add", text: "Add a member from their enrolment code" }),
    field("Enrolment code", code), check, preview);
}

// ---- check a statement (the member surface of the statement checker) ------------------------

async function viewCheck(ctx) {
  const text = h("textarea", { rows: 5, maxlength: 5000 });
  const out = h("div", { role: "status", "aria-live": "polite", id: "check-out", tabindex: -1 });
  const go = h("button", { type: "submit", class: "primary", text: "Check" });
  const words = { supported: "Supported", contradicted: "Contradicted", not_in_record: "Not in record" };
  const form = h("form", {}, field("A public statement (an interview, a post, an article)", text,
    "Checked claim by claim against everything your side may see, including what is confidential. Nothing is signed or stored."), go);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    out.replaceChildren(h("p", { text: "Checking…" }));
    try {
      const [res] = await session.raw("POST", `/v1/channels/${ctx.channel}/check`, { statements: [text.value] });
      out.replaceChildren(h("ol", {}, res.claims.map((c) => h("li", { "data-verdict": c.verdict },
        h("p", {}, h("strong", { class: `verdict ${c.verdict}`, text: words[c.verdict] || c.verdict }), ` — “${c.text}”`),
        c.disclosure_breach ? h("p", { class: "bad", text: "Reveals what the parties have not agreed to publish." }) : null,
        h("p", { class: "meta", text: c.explanation }),
        c.evidence.length ? h("p", { class: "meta", text: `Evidence: ${c.evidence.map((e) => e.entry).join(", ")}` }) : null))));
      out.focus();
    } catch (e) {
      out.replaceChildren(h("p", { class: "bad", text: errorText(e) }));
    }
  });
  return h("div", {}, h("h1", { text: "Check a statement" }), form, out);
}
