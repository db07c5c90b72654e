// The Messages page: the inbox and outbox (or, for the mediator, every message), each
// card with its receipts at every hop, the Acknowledge / Answer / Relay buttons, and the
// form that writes a message. The console (app.js) shows the same cards for what awaits
// acknowledgement, and the alert banner the same Acknowledge button.
import { act, code, field, flash, fmt, h, livePage, means, state, th, u, word } from "/assets/core.js";
import { fmtDuration, t, tNodes } from "/assets/i18n.js";
import { languageName, translationsBlock, translationsOf } from "/assets/translations.js";

const delivered = new Set(); // messages this page already receipted as delivered

const RANK = { flash: 0, urgent: 1, routine: 2 };
export const when = (iso) => (iso ? Date.parse(iso) : 0);
/** Unacknowledged first — flash, then urgent, then routine; within each the overdue first,
 * then the nearest deadline — then the rest, newest first. */
export function byUrgency(msgs) {
  return [...msgs].sort((a, b) => {
    const open = (m) => !m.acknowledged_at;
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    if (open(a)) {
      return ((RANK[a.priority] ?? 3) - (RANK[b.priority] ?? 3)) || (Number(b.overdue) - Number(a.overdue))
        || (when(a.ack_deadline) - when(b.ack_deadline));
    }
    return when(b.relayed_at || b.sent_time) - when(a.relayed_at || a.sent_time);
  });
}


// ---- the cards -----------------------------------------------------------------------

const HOPS = [["sent_time", "sent"], ["relayed_at", "relayed"], ["delivered_at", "delivered"], ["acknowledged_at", "acknowledged"], ["answered_at", "answered"]];
const PRIORITIES = ["routine", "urgent", "flash"];

/** Cards for `msgs`; `all` (the page's messages) tells the mediator what it relayed. */
export function messageList(ctx, msgs, actions, translations, all = msgs) {
  if (!msgs.length) return h("p", { text: t("common.none") });
  return Promise.all(msgs.map((m) => messageCard(ctx, m, actions, translations, all))).then((cards) => h("div", {}, cards));
}

const ackedByMySide = (ctx, m) => m.receipts.some((r) => r.kind === "acknowledged" && r.side === ctx.side);
const partiesBut = (ctx, side) => ctx.view.sides.filter((s) => s.kind !== "mediator" && s.id !== side);
const sideName = (ctx, id) => (ctx.sideNames && ctx.sideNames[id]) || id;

async function messageCard(ctx, m, actions, translations, all = []) {
  const hops = h("ol", { class: "hops", "aria-label": t("messages.receipts") }, HOPS.map(([k, hop]) =>
    h("li", { class: m[k] ? "done" : "pending", "data-hop": hop }, m[k] ? tNodes(`hop.${hop}.done`, { time: fmt(m[k]) }) : t(`hop.${hop}.pending`))));
  const deadline = m.acknowledged_at
    ? th("p", { class: "meta good" }, "messages.acknowledged", { time: fmt(m.acknowledged_at), who: u("span", ctx.names[ackBy(m)] || "—") })
    : th("p", {}, "messages.ack_by", { time: fmt(m.ack_deadline), left: h("span", { "data-deadline": m.ack_deadline }) });
  const skew = Math.round(Math.abs(m.clock_skew_s) / 60);
  const route = m.relay_of ? "relay.route" : m.reply_to ? "messages.route.answer" : "messages.route";
  const relays = all.filter((x) => x.relay_of === m.id);
  const card = h("article", { class: m.overdue && !m.acknowledged_at ? "overdue" : "", "data-message": m.id, "data-status": m.status, "aria-labelledby": `m-${m.id}` },
    h("h3", { id: `m-${m.id}` }, h("span", { class: `badge ${m.priority}`, text: word("priority", m.priority) }), " ", u("span", m.subject)),
    th("p", { class: "meta" }, route, { from: code(m.from_side), to: code(m.to), who: u("span", ctx.names[m.sender] || m.sender) }),
    u("p", m.text, { lang: m.language || null }), hops, deadline,
    relays.map((r) => th("p", { class: "meta", "data-relayed": r.to }, "relay.done", { side: code(r.to), time: fmt(r.relayed_at) })),
    m.clock_flagged ? h("p", { class: "warn", "data-clock": "flagged", text: t(m.clock_skew_s > 0 ? "messages.clock.ahead" : "messages.clock.behind", { count: skew }) }) : null);
  if (translations) { // the message's own sides (and the mediator) read and add translations
    card.append(await translationsBlock(ctx, { of: m.id, field: "text", text: m.text, language: m.language || "en", sides: [m.from_side, m.to] }, translations.get(m.id)));
  }
  if (actions && m.to === ctx.side) {
    if (!m.acknowledged_at || !ackedByMySide(ctx, m)) {
      card.append(means(t("messages.ack.means")), ackButton(ctx, m));
    }
    if (actions !== true) return card;
    const ans = h("button", { type: "button", text: t("messages.answer.button", { subject: m.subject }) });
    ans.addEventListener("click", () => composeForm.current?.prefill({
      // An answer goes back as urgently as the message came, on its topic.
      to: m.from_side, priority: m.priority, topic: m.topic || "", subject: `Re: ${m.subject}`.slice(0, 300), replyTo: m.id,
      about: { subject: m.subject, from: m.from_side },
    }));
    card.append(ans);
    // The mediator passes on what a party sent it: a new message to another party that
    // names the original (relay_of), prefilled with its priority, subject, text and topic.
    if (ctx.mediator && !m.relay_of) {
      for (const s of partiesBut(ctx, m.from_side)) {
        const b = h("button", { type: "button", "data-relay-to": s.id, text: t("relay.button", { subject: m.subject, side: sideName(ctx, s.id) }) });
        b.addEventListener("click", () => composeForm.current?.prefill({
          to: s.id, priority: m.priority, subject: m.subject, text: m.text, topic: m.topic || "", language: m.language || "en",
          relayOf: m.id, about: { subject: m.subject, from: m.from_side },
        }));
        card.append(b);
      }
    }
  }
  return card;
}
/** "Acknowledge “…”": signs receipt.acknowledged for this member's side. */
export function ackButton(ctx, m, after) {
  const b = h("button", { type: "button", class: "primary", "data-ack": m.id, text: t("messages.ack.button", { subject: m.subject }) });
  b.addEventListener("click", () => act(b, "act.acknowledgement", async () => {
    await state.session.submit(ctx.channel, "receipt.acknowledged", { message: m.id }, [m.id]);
    if (after) await after();
  }));
  return b;
}
function ackBy(m) { const r = m.receipts.find((x) => x.kind === "acknowledged"); return r ? r.member : null; }

// ---- threads -------------------------------------------------------------------------

/** The shown messages grouped by conversation: a reply (or the mediator's relay) joins
 * the thread of the message it answers, as far up as this reader can see. Threads come
 * in the order of their most urgent message (`shown` is in byUrgency order); inside a
 * thread, oldest first. */
function threadsOf(all, shown) {
  const byId = new Map(all.map((m) => [m.id, m]));
  const rootOf = (m) => {
    const seen = new Set([m.id]);
    for (let r = m; ;) {
      const up = r.reply_to || r.relay_of;
      if (!up || seen.has(up) || !byId.has(up)) return r.id;
      seen.add(up);
      r = byId.get(up);
    }
  };
  const groups = new Map();
  for (const m of shown) {
    const root = rootOf(m);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(m);
  }
  return [...groups].map(([root, msgs]) => ({ root, msgs: msgs.sort((a, b) => a.seq - b.seq) }));
}

/** A thread: collapsed to its latest message — and every message still waiting for this
 * side's acknowledgement — with the earlier ones behind "n earlier messages". */
async function threadView(ctx, thread, translations, all) {
  const { root, msgs } = thread;
  const card = async (m) => {
    const c = await messageCard(ctx, m, true, translations, all);
    if (m.id !== root) c.classList.add("reply");
    return c;
  };
  if (msgs.length === 1) return card(msgs[0]);
  const latest = msgs[msgs.length - 1];
  const kept = (m) => m === latest || (m.to === ctx.side && !ackedByMySide(ctx, m));
  const earlier = msgs.filter((m) => !kept(m));
  return h("div", { class: "thread", role: "group", "aria-label": t("inbox.thread", { count: msgs.length }), "data-thread": root },
    earlier.length ? h("details", { class: "earlier", id: `thread-${root}` },
      h("summary", { text: t("inbox.earlier", { count: earlier.length }) }), await Promise.all(earlier.map(card))) : null,
    await Promise.all(msgs.filter(kept).map(card)));
}

async function threadList(ctx, threads, translations, all) {
  if (!threads.length) return h("p", { text: t("common.none") });
  return h("div", {}, await Promise.all(threads.map((th_) => threadView(ctx, th_, translations, all))));
}

// ---- search and filters, kept in the address ("#/c/<channel>/messages?q=…&state=…") ----

const FILTERS = ["q", "priority", "side", "topic", "state"];

function readFilters() {
  const query = new URLSearchParams(location.hash.split("?")[1] || "");
  return Object.fromEntries(FILTERS.map((k) => [k, (query.get(k) || "").slice(0, 200)]));
}
function writeFilters(channel, f) {
  const query = new URLSearchParams();
  for (const k of FILTERS) if (f[k]) query.set(k, f[k]);
  const base = `#/c/${encodeURIComponent(channel)}/messages`;
  const qs = query.toString();
  // replaceState: no hashchange, so the page is not rebuilt and the search box keeps focus.
  history.replaceState(history.state, "", qs ? `${base}?${qs}` : base);
}

/** For search: case and diacritics folded (Ё/ё → е, Ə → ə, é → e, İ/ı → i), any script. */
export function fold(text) {
  const strip = (s) => s.normalize("NFKD").replace(/\p{M}/gu, "");
  return strip(strip(String(text)).toLowerCase()).replace(/ı/g, "i");
}

function matches(m, f) {
  if (f.q) {
    const hay = fold(`${m.subject}\n${m.text}`);
    if (!fold(f.q).split(/\s+/).filter(Boolean).every((w) => hay.includes(w))) return false;
  }
  if (f.priority && m.priority !== f.priority) return false;
  if (f.topic && m.topic !== f.topic) return false;
  if (f.side) {
    const [dir, side] = f.side.split(":");
    if ((dir === "from" ? m.from_side : m.to) !== side) return false;
  }
  if (f.state === "awaiting" && m.acknowledged_at) return false;
  if (f.state === "acknowledged" && !m.acknowledged_at) return false;
  if (f.state === "answered" && !m.answered_at) return false;
  if (f.state === "overdue" && !(m.overdue && !m.acknowledged_at)) return false;
  return true;
}

function filtersForm(ctx, onChange) {
  const f = readFilters();
  const q = h("input", { type: "search", id: "mf-q", name: "q", dir: "auto", maxlength: 200 });
  q.value = f.q;
  const select = (name, any, options) => {
    const s = h("select", { id: `mf-${name}`, name }, h("option", { value: "", text: t(any) }),
      options.map(([value, text, user]) => h("option", { value, text, ...(user ? { "data-user": "", dir: "auto" } : {}) })));
    s.value = f[name];
    if (s.value !== f[name]) s.value = ""; // a value from the address this channel does not have
    return s;
  };
  const sides = ctx.view.sides.flatMap((s) => [[`from:${s.id}`, t("inbox.side.from", { side: sideName(ctx, s.id) })], [`to:${s.id}`, t("inbox.side.to", { side: sideName(ctx, s.id) })]]);
  const controls = {
    q,
    priority: select("priority", "inbox.priority.any", PRIORITIES.map((p) => [p, word("priority", p)])),
    side: select("side", "inbox.side.any", sides),
    topic: select("topic", "inbox.topic.any", Object.entries(ctx.view.mandate).map(([id, title]) => [id, title, true])),
    state: select("state", "inbox.state.any", ["awaiting", "acknowledged", "answered", "overdue"].map((s) => [s, t(`inbox.state.${s}`)])),
  };
  const count = h("p", { id: "mf-count", class: "meta", "aria-live": "polite" });
  const clear = h("button", { type: "button", id: "mf-clear", text: t("inbox.clear") });
  const form = h("form", { class: "filters", role: "search", "aria-labelledby": "h-filters" },
    h("h2", { id: "h-filters", text: t("inbox.filters") }),
    field(t("inbox.search"), q),
    h("div", { class: "filter-row" },
      field(t("compose.priority"), controls.priority), field(t("inbox.side"), controls.side),
      field(t("compose.topic"), controls.topic), field(t("inbox.state"), controls.state)),
    count, clear);
  form.values = () => Object.fromEntries(Object.entries(controls).map(([k, e]) => [k, e.value.trim()]));
  const changed = () => { writeFilters(ctx.channel, form.values()); onChange(); };
  let timer = null;
  q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(changed, 200); });
  form.addEventListener("change", (ev) => { if (ev.target !== q) changed(); });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); clearTimeout(timer); changed(); });
  clear.addEventListener("click", () => {
    for (const e of Object.values(controls)) e.value = "";
    changed();
    q.focus();
  });
  /** "Showing 3 of 12 messages"; the button to show them all when some are hidden. */
  form.show = (shown, all) => {
    const text = t("inbox.count", { shown, count: all });
    if (count.textContent !== text) count.textContent = text;
    clear.hidden = !Object.values(form.values()).some(Boolean);
  };
  return form;
}

// ---- the page ------------------------------------------------------------------------

export async function viewMessages(ctx) {
  const c = ctx.channel;
  const compose = composeForm(ctx);
  const seen = new Map(); // message id → its last known hops, to announce changes
  let page = null;
  const filters = filtersForm(ctx, () => page?.redraw());
  page = await livePage(ctx.mediator ? t("messages.title.all") : tNodes("messages.title", { side: u("span", ctx.sideName) }), t("messages.intro"), async () => {
    const msgs = byUrgency(await state.session.get(`/v1/channels/${c}/messages`));
    announce(ctx, msgs, seen);
    for (const m of msgs) {
      const mine = m.receipts.some((r) => r.kind === "delivered" && r.member === state.me.keyId);
      if (m.to === ctx.side && !mine && !delivered.has(m.id)) {
        delivered.add(m.id); // this page has shown it: say so (a delivered receipt)
        state.session.submit(c, "receipt.delivered", { message: m.id }, [m.id]).catch(() => delivered.delete(m.id));
      }
    }
    const trs = await translationsOf(c);
    const shown = msgs.filter((m) => matches(m, filters.values()));
    filters.show(shown.length, msgs.length);
    const empty = !msgs.length ? h("p", { class: "meta", "data-empty": "none", text: t("inbox.none") })
      : !shown.length ? h("p", { class: "meta", "data-empty": "filtered", text: t("inbox.no_match") }) : null;
    const threads = threadsOf(msgs, shown);
    // The mediator reads every message, and acknowledges, answers and relays those to its side.
    if (ctx.mediator) return h("div", {}, empty, h("section", { "aria-labelledby": "h-every" }, h("h2", { id: "h-every", text: t("messages.every") }), await threadList(ctx, threads, trs, msgs)));
    // A party: the conversations that reached this side (with its own messages in them),
    // then what it sent that nobody has answered.
    const inbox = threads.filter((x) => x.msgs.some((m) => m.to === ctx.side));
    const outbox = threads.filter((x) => !inbox.includes(x));
    return h("div", {}, empty,
      h("section", { "aria-labelledby": "h-in" }, h("h2", { id: "h-in", text: t("messages.inbox") }), await threadList(ctx, inbox, trs, msgs)),
      h("section", { "aria-labelledby": "h-out" }, h("h2", { id: "h-out", text: t("messages.outbox") }), await threadList(ctx, outbox, trs, msgs)));
  }, compose);
  page.querySelector("[data-live]").before(filters);
  return page;
}

/** Focus a message's card — its Acknowledge button if it has one (a link from the alert
 * banner or a click on a desktop notification: one more key or tap acknowledges). */
export function focusMessage(id) {
  const card = document.querySelector(`main [data-message="${CSS.escape(id)}"]`);
  if (!card) return false;
  for (let d = card.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  card.scrollIntoView({ block: "start" });
  const ack = card.querySelector(`button[data-ack="${CSS.escape(id)}"]`);
  if (ack) ack.focus(); else { card.tabIndex = -1; card.focus(); }
  return true;
}

/** "New message": focus in the compose form's text. */
export function focusCompose() {
  const form = composeForm.current;
  if (!form || !form.isConnected) return false;
  form.elements.text.focus();
  form.elements.text.scrollIntoView({ block: "center" });
  return true;
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
    if (!before && m.to === ctx.side) news.push(t("announce.new", { priority: word("priority", m.priority), from: m.from_side, subject: m.subject }));
    if (before && m.from_side === ctx.side) {
      if (!before.acknowledged && m.acknowledged_at) news.push(t("announce.acknowledged", { subject: m.subject, to: m.to }));
      else if (!before.delivered && m.delivered_at) news.push(t("announce.delivered", { subject: m.subject, to: m.to }));
    }
  }
  if (news.length) flash.replaceChildren(h("p", { text: news.join(" ") }));
}

// ---- writing a message -----------------------------------------------------------------

/** Whom a new message goes to unless the writer picks another side: for a party, the
 * only other party (the mediator reads every message anyway, and a relay would add a hop
 * to an urgent message); with several other parties, the mediator, who routes. For the
 * mediator, the first party of the charter. */
export function defaultRecipient(ctx) {
  const others = ctx.view.sides.filter((s) => s.id !== ctx.side);
  const parties = others.filter((s) => s.kind !== "mediator");
  if (ctx.mediator || parties.length === 1) return (parties[0] || others[0])?.id;
  return (others.find((s) => s.kind === "mediator") || others[0])?.id;
}

/** A subject for a message written without one: its first non-empty line, trimmed, at
 * most 300 characters (the signed body always has a subject). */
export function subjectOf(text) {
  const line = String(text).split("\n").map((s) => s.trim()).find(Boolean) || "";
  return Array.from(line).slice(0, 300).join("");
}

/** The language a text is written in, when its script says so (else null). */
function scriptLanguage(text) {
  if (/[\u0531-\u0587]/.test(text)) return "hy";
  if (/[\u0400-\u04FF]/.test(text)) return "ru";
  if (/[əƏ]/.test(text)) return "az";
  return null;
}

function composeForm(ctx) {
  const sides = ctx.view.sides.filter((s) => s.id !== ctx.side);
  const fallback = defaultRecipient(ctx);
  // `selected` (not only the value): form.reset() after sending comes back to it.
  const to = h("select", { name: "to" }, sides.map((s) => h("option", { value: s.id, selected: s.id === fallback, "data-user": "", dir: "auto", text: s.name })));
  // One tap each (not a menu): the option values are what is signed; their labels follow the language.
  const radios = PRIORITIES.map((p) => h("input", { type: "radio", name: "priority", value: p, checked: p === "routine" }));
  const pri = h("fieldset", { class: "segmented" }, h("legend", { text: t("compose.priority") }),
    radios.map((r, i) => h("label", { class: `seg ${PRIORITIES[i]}` }, r, " ",
      t("compose.priority.option", { priority: word("priority", PRIORITIES[i]), duration: fmtDuration(ctx.view.ack_deadlines[PRIORITIES[i]]) }))));
  const topic = h("select", { name: "topic" }, h("option", { value: "", text: t("compose.topic.none") }), Object.entries(ctx.view.mandate).map(([id, title]) => h("option", { value: id, "data-user": "", dir: "auto", text: title })));
  const subject = h("input", { type: "text", name: "subject", maxlength: 300, dir: "auto" });
  const text = h("textarea", { name: "text", rows: 5, maxlength: 20000, required: true, dir: "auto" });
  // What the text is written in (signed: the same default in every display language); it
  // tells translators and machine drafts what to translate from. Until the writer picks
  // one, the text's script picks it (Armenian, Cyrillic, Azerbaijani's ə).
  const language = h("select", { name: "language" }, ["en", "ru", "hy", "az"].map((l) => h("option", { value: l, text: languageName(l) })));
  const send = h("button", { type: "submit", class: "primary", text: t("messages.compose.send") });
  const about = h("p", { class: "meta", id: "compose-about", hidden: true });
  const form = h("form", { id: "compose", "aria-labelledby": "h-compose" },
    h("h2", { id: "h-compose", text: t("compose.title") }), about,
    field(t("compose.to"), to), pri, field(t("compose.text"), text), field(t("compose.subject"), subject, t("compose.subject.hint")),
    field(t("compose.topic"), topic), field(t("compose.language"), language),
    means(tNodes("compose.means", { name: u("span", state.me.name) })), send);
  composeForm.current = form;
  // What is typed and not yet sent is kept for this tab and channel (sessionStorage): it
  // survives going to another page and back, and an outage.
  const key = `parley.draft.v1:${state.me.keyId}:${ctx.channel}`;
  const controls = { to, subject, text, topic, language };
  const context = ["replyTo", "relayOf", "aboutSubject", "aboutFrom", "languageChosen"];
  /** "Answering …" / "Relaying …" above the form, with a way out of it. */
  const showAbout = () => {
    const d = form.dataset;
    about.hidden = !(d.replyTo || d.relayOf);
    if (about.hidden) { about.replaceChildren(); return; }
    const cancel = h("button", { type: "button", text: t("compose.plain") });
    cancel.addEventListener("click", () => {
      delete d.replyTo; delete d.relayOf;
      showAbout();
      form.saveDraft();
      text.focus();
    });
    about.replaceChildren(...tNodes(d.relayOf ? "compose.relaying" : "compose.replying", { subject: u("span", d.aboutSubject || ""), side: code(d.aboutFrom || "") }), " ", cancel);
  };
  form.saveDraft = () => {
    const d = Object.fromEntries(Object.entries(controls).map(([k, e]) => [k, e.value]));
    d.priority = form.elements.priority.value;
    for (const k of context) if (form.dataset[k]) d[k] = form.dataset[k];
    try {
      if (subject.value || text.value || d.replyTo || d.relayOf) sessionStorage.setItem(key, JSON.stringify(d)); else sessionStorage.removeItem(key);
    } catch { /* storage off or full: the draft lasts as long as the form */ }
  };
  const fill = (values) => {
    for (const [k, e] of Object.entries(controls)) {
      const v = values[k];
      if (typeof v !== "string") continue;
      if (e.tagName === "SELECT" && ![...e.options].some((o) => o.value === v)) continue;
      e.value = v;
    }
    if (PRIORITIES.includes(values.priority)) form.elements.priority.value = values.priority;
  };
  let kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(key) || "null"); } catch { kept = null; }
  if (kept) {
    fill(kept);
    for (const k of context) if (typeof kept[k] === "string") form.dataset[k] = kept[k];
    showAbout();
  }
  /** Answer or relay: the form filled in, focus in the text (on a phone: scrolled to). */
  form.prefill = (values) => {
    delete form.dataset.replyTo; delete form.dataset.relayOf;
    fill(values);
    if (values.replyTo) form.dataset.replyTo = values.replyTo;
    if (values.relayOf) form.dataset.relayOf = values.relayOf;
    form.dataset.aboutSubject = values.about.subject;
    form.dataset.aboutFrom = values.about.from;
    if (values.language) form.dataset.languageChosen = "1";
    showAbout();
    form.saveDraft();
    text.focus();
    text.scrollIntoView({ block: "center" });
  };
  language.addEventListener("change", (ev) => { if (ev.isTrusted) form.dataset.languageChosen = "1"; });
  text.addEventListener("input", () => {
    const guess = form.dataset.languageChosen ? null : scriptLanguage(text.value);
    if (guess) language.value = guess;
  });
  form.addEventListener("input", form.saveDraft);
  form.addEventListener("change", form.saveDraft);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const body = { to: to.value, priority: form.elements.priority.value, subject: subject.value.trim() || subjectOf(text.value), text: text.value.trim(), language: language.value.trim() || "en" };
    if (topic.value) body.topic = topic.value;
    const refs = [];
    if (form.dataset.replyTo) { body.reply_to = form.dataset.replyTo; refs.push(body.reply_to); }
    if (form.dataset.relayOf) { body.relay_of = form.dataset.relayOf; refs.push(body.relay_of); }
    act(send, "act.message", async () => {
      await state.session.submit(ctx.channel, "message.sent", body, refs);
      form.reset();
      for (const k of context) delete form.dataset[k];
      showAbout();
      try { sessionStorage.removeItem(key); } catch { /* nothing kept */ }
    });
  });
  return form;
}
