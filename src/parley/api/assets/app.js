// The members' pages: the router, the push stream, and the hotline's own pages (keys,
// enrolment, console, messages); the negotiation record is in talks.js, members and the
// statement check in members.js, what they share in core.js. Data comes from the
// signed-in API; every action is an entry signed in this browser (parley.js). Rendering
// uses DOM nodes only — never innerHTML — so nothing in a message or the record can
// inject markup. Live: the channel's push stream re-renders the page shown whenever an
// entry is appended.
import {
  state, flash, h, field, means, say, errorText, act, duration, serverNow, fmt, tickDeadlines, refreshSoon, livePage, minutesOf, byState,
} from "/assets/core.js";
import { viewCheck, viewMembers } from "/assets/members.js";
import {
  Session, createIdentity, decodeCode, encodeCode, forgetIdentity, importKeyFile,
  loadIdentity, spaced,
} from "/assets/parley.js";
import { viewCommitments, viewMeetings, viewMinutes, viewPublication } from "/assets/talks.js";

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const liveBadge = document.getElementById("live");
const who = document.getElementById("who");

let follower = null; // {channel, ctrl}
let feed = []; // recent entries of the followed channel, newest first
const delivered = new Set(); // messages this page already receipted as delivered

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
  state.refreshLive = null;
  flash.replaceChildren();
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  // Only the latest navigation shows its page and takes the live updates: an earlier
  // one that finishes later (its data arrived late) is dropped.
  const page = async (node) => {
    if (seq !== routeSeq) return;
    state.refreshLive = node.redraw || null;
    await show(node, parts[0] === "c" ? parts[2] || "overview" : parts[0] || "home");
  };
  state.me = await loadIdentity();
  state.session = state.me ? state.session && state.session.me.keyId === state.me.keyId ? state.session : new Session(state.me) : null;
  who.textContent = state.me ? `${state.me.name} · key ${spaced(state.me.keyId)}` : "No key in this browser";
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
  const ctrl = state.session.follow(channel, 0, (item) => {
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
  const [view, health, server] = await Promise.all([state.session.get(`/v1/channels/${channel}`),
    state.session.get(`/v1/channels/${channel}/health?days=1`), state.session.raw("GET", "/v1/server", undefined, false)]);
  state.serverOffset = Date.parse(health.at) - Date.now(); // deadlines count on the server's clock
  const names = { [server.server_key_id]: "the server (timers)" };
  let mine = null;
  for (const s of view.sides) {
    for (const m of s.members) {
      names[m.key_id] = `${m.name} (${s.id})`;
      if (m.key_id === state.me.keyId) mine = { side: s.id, sideName: s.name, kind: s.kind, role: m.role, active: m.active };
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

// ---- home: the key in this browser, its channels -----------------------------------

async function viewHome() {
  if (!state.me) {
    return h("div", {}, h("h1", { text: "Sign in with your key" }),
      h("p", { text: "Parley signs everything you do with a key that stays in this browser. The server never sees it." }),
      importForm(),
      h("h2", { text: "New member?" }),
      h("p", { text: "Ask your delegation's head for an invitation link and open it in this browser: it creates your key here." }));
  }
  const channels = await state.session.get("/v1/channels");
  const list = channels.length
    ? h("ul", {}, channels.map((c) => h("li", {}, h("a", { href: `#/c/${c.channel}/overview`, text: c.title || c.channel }), h("span", { class: "meta", text: ` — ${c.channel}, ${c.status}` }))))
    : h("p", { text: "Your key is not a member of any channel yet. Your head adds it after confirming your key id with you." });
  const forget = h("button", { type: "button", text: "Forget the key in this browser" });
  forget.addEventListener("click", async () => {
    if (!confirm("Remove your key from this browser? Without a backup you will need a new key and your head's signature.")) return;
    await forgetIdentity();
    state.session = null;
    location.hash = "#/";
    route();
  });
  return h("div", {}, h("h1", { text: "Your channels" }),
    h("p", {}, "Signed in as ", h("strong", { text: state.me.name }), " with key ", h("span", { class: "code", text: spaced(state.me.keyId) }), "."),
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
      state.me = await importKeyFile(await file.files[0].text(), pass.value);
      say(`Key ${spaced(state.me.keyId)} imported; it cannot be exported from this browser.`);
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
  try { inv = decodeCode(code); } catch { throw new Error("this invitation link is damaged; ask for a new one"); }
  const wrap = h("div", {});
  const intro = h("div", {}, h("h1", { text: "Join a delegation" }),
    h("p", {}, "You are invited to channel ", h("strong", { text: inv.c }), " as ", h("strong", { text: inv.n }),
      ` (${inv.r}) of side `, h("strong", { text: inv.s }), " by key ", h("span", { class: "code", text: spaced(inv.by) }), "."));
  const showCode = () => {
    const enrol = encodeCode({ c: inv.c, s: inv.s, n: inv.n, t: inv.t || "", r: inv.r, key: state.me.publicKey });
    const box = h("textarea", { readonly: true, rows: 3, class: "code", id: "enrol-code" });
    box.value = enrol;
    const waiting = h("p", { role: "status", id: "enrol-wait", text: "Waiting for your head to add your key…" });
    wrap.replaceChildren(
      h("h2", { text: "Your key was created in this browser" }),
      h("p", {}, "Key id: ", h("strong", { class: "code", id: "enrol-key-id", text: spaced(state.me.keyId) })),
      field("Your enrolment code — send it to your head", box,
        "It holds your name and public key, nothing secret. When your head calls, read your key id aloud: they sign only if it matches."),
      waiting);
    const poll = async () => {
      if (!location.hash.startsWith("#/enrol/")) return;
      try {
        const chans = await state.session.get("/v1/channels");
        if (chans.some((c) => c.channel === inv.c)) {
          waiting.replaceChildren("Your head added your key. ", h("a", { href: `#/c/${inv.c}/messages`, text: "Open the channel" }));
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
    const make = h("button", { type: "button", class: "primary", text: "Create my key in this browser" });
    make.addEventListener("click", async () => {
      make.disabled = true;
      state.me = await createIdentity(inv.n, inv.t || "");
      state.session = new Session(state.me);
      who.textContent = `${state.me.name} · key ${spaced(state.me.keyId)}`;
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
        state.session.get(`/v1/channels/${c}/health`), state.session.get(`/v1/channels/${c}/health?days=7`),
        state.session.get(`/v1/channels/${c}/messages`), state.session.get(`/v1/channels/${c}/meetings`),
        state.session.get(`/v1/channels/${c}/commitments`),
      ]);
      const minutes = await minutesOf(c, meetings);
      const checks = ctx.mediator ? [] : await state.session.get(`/v1/channels/${c}/records/check`);
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
      b.addEventListener("click", () => act(b, "Check answer", () => state.session.submit(ctx.channel, "check.answered", { check: c.number, personal: true })));
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

function minutesWaiting(ctx, minutes) {
  const waiting = minutes.filter((m) => !m.agreed_version || m.agreed_version < m.versions.length);
  if (!waiting.length) return h("p", { text: "None." });
  return h("ul", {}, waiting.map((m) => {
    const v = m.versions[m.versions.length - 1];
    const missing = m.signers.filter((s) => !v.signed_by[s]);
    return h("li", {}, h("a", { href: `#/c/${ctx.channel}/minutes`, text: `${m.meeting} v${v.version}` }), ` — waiting for ${missing.join(", ")}`);
  }));
}

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
      b.addEventListener("click", () => act(b, "Acknowledgement", () => state.session.submit(ctx.channel, "receipt.acknowledged", { message: m.id }, [m.id])));
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
    const msgs = sortOverdueFirst(await state.session.get(`/v1/channels/${c}/messages`));
    announce(ctx, msgs, seen);
    for (const m of msgs) {
      const mine = m.receipts.some((r) => r.kind === "delivered" && r.member === state.me.keyId);
      if (m.to === ctx.side && !mine && !delivered.has(m.id)) {
        delivered.add(m.id); // this page has shown it: say so (a delivered receipt)
        state.session.submit(c, "receipt.delivered", { message: m.id }, [m.id]).catch(() => delivered.delete(m.id));
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
    means(`you, ${state.me.name}, sent exactly this text to that side at this time. It goes into the channel's log for good: nobody, you included, can change or remove it later.`), send);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const body = { to: to.value, priority: pri.value, subject: subject.value.trim(), text: text.value.trim(), language: lang.value.trim() || "en" };
    if (topic.value) body.topic = topic.value;
    const refs = [];
    if (form.dataset.replyTo) { body.reply_to = form.dataset.replyTo; refs.push(body.reply_to); }
    act(send, "Message", async () => {
      await state.session.submit(ctx.channel, "message.sent", body, refs);
      form.reset();
      delete form.dataset.replyTo;
    });
  });
  return form;
}
