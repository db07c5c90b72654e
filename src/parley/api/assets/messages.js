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


// ---- messages ------------------------------------------------------------------------

const HOPS = [["sent_time", "sent"], ["relayed_at", "relayed"], ["delivered_at", "delivered"], ["acknowledged_at", "acknowledged"], ["answered_at", "answered"]];

export function messageList(ctx, msgs, actions, translations) {
  if (!msgs.length) return h("p", { text: t("common.none") });
  return Promise.all(msgs.map((m) => messageCard(ctx, m, actions, translations))).then((cards) => h("div", {}, cards));
}

async function messageCard(ctx, m, actions, translations) {
  const hops = h("ol", { class: "hops", "aria-label": t("messages.receipts") }, HOPS.map(([k, hop]) =>
    h("li", { class: m[k] ? "done" : "pending", "data-hop": hop }, m[k] ? tNodes(`hop.${hop}.done`, { time: fmt(m[k]) }) : t(`hop.${hop}.pending`))));
  const deadline = m.acknowledged_at
    ? th("p", { class: "meta good" }, "messages.acknowledged", { time: fmt(m.acknowledged_at), who: u("span", ctx.names[ackBy(m)] || "—") })
    : th("p", {}, "messages.ack_by", { time: fmt(m.ack_deadline), left: h("span", { "data-deadline": m.ack_deadline }) });
  const skew = Math.round(Math.abs(m.clock_skew_s) / 60);
  const card = h("article", { class: m.overdue && !m.acknowledged_at ? "overdue" : "", "data-message": m.id, "data-status": m.status, "aria-labelledby": `m-${m.id}` },
    h("h3", { id: `m-${m.id}` }, h("span", { class: `badge ${m.priority}`, text: word("priority", m.priority) }), " ", u("span", m.subject)),
    th("p", { class: "meta" }, m.reply_to ? "messages.route.answer" : "messages.route", { from: code(m.from_side), to: code(m.to), who: u("span", ctx.names[m.sender] || m.sender) }),
    u("p", m.text, { lang: m.language || null }), hops, deadline,
    m.clock_flagged ? h("p", { class: "warn", "data-clock": "flagged", text: t(m.clock_skew_s > 0 ? "messages.clock.ahead" : "messages.clock.behind", { count: skew }) }) : null);
  if (translations) { // the message's own sides (and the mediator) read and add translations
    card.append(await translationsBlock(ctx, { of: m.id, field: "text", text: m.text, language: m.language || "en", sides: [m.from_side, m.to] }, translations.get(m.id)));
  }
  if (actions && m.to === ctx.side) {
    if (!m.acknowledged_at || !m.receipts.some((r) => r.kind === "acknowledged" && r.side === ctx.side)) {
      card.append(means(t("messages.ack.means")), ackButton(ctx, m));
    }
    if (actions !== true) return card;
    const ans = h("button", { type: "button", text: t("messages.answer.button", { subject: m.subject }) });
    ans.addEventListener("click", () => {
      const form = document.getElementById("compose");
      form.elements.to.value = m.from_side;
      form.elements.subject.value = `Re: ${m.subject}`.slice(0, 300);
      form.dataset.replyTo = m.id;
      form.saveDraft();
      form.elements.text.focus();
    });
    card.append(ans);
  }
  return card;
}
/** "Acknowledge “…”": signs receipt.acknowledged for this member's side. */
export function ackButton(ctx, m, after) {
  const b = h("button", { type: "button", class: "primary", text: t("messages.ack.button", { subject: m.subject }) });
  b.addEventListener("click", () => act(b, "act.acknowledgement", async () => {
    await state.session.submit(ctx.channel, "receipt.acknowledged", { message: m.id }, [m.id]);
    if (after) await after();
  }));
  return b;
}
function ackBy(m) { const r = m.receipts.find((x) => x.kind === "acknowledged"); return r ? r.member : null; }

export async function viewMessages(ctx) {
  const c = ctx.channel;
  const compose = composeForm(ctx);
  const seen = new Map(); // message id → its last known hops, to announce changes
  return livePage(ctx.mediator ? t("messages.title.all") : tNodes("messages.title", { side: u("span", ctx.sideName) }), t("messages.intro"), async () => {
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
    // The mediator reads every message, and acknowledges and answers those to its side.
    if (ctx.mediator) return h("section", { "aria-labelledby": "h-every" }, h("h2", { id: "h-every", text: t("messages.every") }), await messageList(ctx, msgs, true, trs));
    return h("div", {},
      h("section", { "aria-labelledby": "h-in" }, h("h2", { id: "h-in", text: t("messages.inbox") }), await messageList(ctx, msgs.filter((m) => m.to === ctx.side), true, trs)),
      h("section", { "aria-labelledby": "h-out" }, h("h2", { id: "h-out", text: t("messages.outbox") }), await messageList(ctx, msgs.filter((m) => m.from_side === ctx.side), false, trs)));
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
    if (!before && m.to === ctx.side) news.push(t("announce.new", { priority: word("priority", m.priority), from: m.from_side, subject: m.subject }));
    if (before && m.from_side === ctx.side) {
      if (!before.acknowledged && m.acknowledged_at) news.push(t("announce.acknowledged", { subject: m.subject, to: m.to }));
      else if (!before.delivered && m.delivered_at) news.push(t("announce.delivered", { subject: m.subject, to: m.to }));
    }
  }
  if (news.length) flash.replaceChildren(h("p", { text: news.join(" ") }));
}

function composeForm(ctx) {
  const sides = ctx.view.sides.filter((s) => s.id !== ctx.side);
  const to = h("select", { name: "to" }, sides.map((s) => h("option", { value: s.id, "data-user": "", dir: "auto", text: s.name })));
  // The option values are what is signed; only their labels follow the language.
  const pri = h("select", { name: "priority" }, ["routine", "urgent", "flash"].map((p) => h("option", { value: p, text: t("compose.priority.option", { priority: word("priority", p), duration: fmtDuration(ctx.view.ack_deadlines[p]) }) })));
  const topic = h("select", { name: "topic" }, h("option", { value: "", text: t("compose.topic.none") }), Object.entries(ctx.view.mandate).map(([id, title]) => h("option", { value: id, "data-user": "", dir: "auto", text: title })));
  const subject = h("input", { type: "text", name: "subject", maxlength: 300, required: true, dir: "auto" });
  const text = h("textarea", { name: "text", rows: 5, maxlength: 20000, required: true, dir: "auto" });
  // What the text is written in (signed: the same default in every display language); it
  // tells translators and machine drafts what to translate from.
  const language = h("select", { name: "language" }, ["en", "ru", "hy", "az"].map((l) => h("option", { value: l, text: languageName(l) })));
  const send = h("button", { type: "submit", class: "primary", text: t("messages.compose.send") });
  const form = h("form", { id: "compose", "aria-labelledby": "h-compose" },
    h("h2", { id: "h-compose", text: t("compose.title") }),
    field(t("compose.to"), to), field(t("compose.priority"), pri), field(t("compose.subject"), subject), field(t("compose.text"), text),
    field(t("compose.topic"), topic), field(t("compose.language"), language),
    means(tNodes("compose.means", { name: u("span", state.me.name) })), send);
  // What is typed and not yet sent is kept for this tab and channel (sessionStorage): it
  // survives going to another page and back, and an outage.
  const key = `parley.draft.v1:${state.me.keyId}:${ctx.channel}`;
  const controls = { to, priority: pri, subject, text, topic, language };
  form.saveDraft = () => {
    const d = Object.fromEntries(Object.entries(controls).map(([k, e]) => [k, e.value]));
    if (form.dataset.replyTo) d.replyTo = form.dataset.replyTo;
    try {
      if (subject.value || text.value || d.replyTo) sessionStorage.setItem(key, JSON.stringify(d)); else sessionStorage.removeItem(key);
    } catch { /* storage off or full: the draft lasts as long as the form */ }
  };
  let kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(key) || "null"); } catch { kept = null; }
  if (kept) {
    for (const [k, e] of Object.entries(controls)) {
      const v = kept[k];
      if (typeof v !== "string") continue;
      if (e.tagName === "SELECT" && ![...e.options].some((o) => o.value === v)) continue;
      e.value = v;
    }
    if (kept.replyTo) form.dataset.replyTo = kept.replyTo;
  }
  form.addEventListener("input", form.saveDraft);
  form.addEventListener("change", form.saveDraft);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const body = { to: to.value, priority: pri.value, subject: subject.value.trim(), text: text.value.trim(), language: language.value.trim() || "en" };
    if (topic.value) body.topic = topic.value;
    const refs = [];
    if (form.dataset.replyTo) { body.reply_to = form.dataset.replyTo; refs.push(body.reply_to); }
    act(send, "act.message", async () => {
      await state.session.submit(ctx.channel, "message.sent", body, refs);
      form.reset();
      delete form.dataset.replyTo;
      try { sessionStorage.removeItem(key); } catch { /* nothing kept */ }
    });
  });
  return form;
}

