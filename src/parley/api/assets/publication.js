// The publication page's own proposals: opening entries to the public (a head chooses
// them by what they are, not by id) and a party's unilateral statements. Signed here;
// the rules are the model's (src/parley/model/disclosure.py).
import { state, h, u, code, th, word, field, means, act, fmt } from "/assets/core.js";
import { t, tNodes } from "/assets/i18n.js";
import { checkId, refuse } from "/assets/agenda.js";
import { languageName } from "/assets/translations.js";

const LANGS = ["en", "ru", "hy", "az"];
const RANK = { confidential: 0, general: 1, public: 2 };
// Entries nobody would open on their own: receipts, timers, checks, consents, cosignatures.
const QUIET = /^(receipt\.|timer\.|check\.|checkpoint\.|disclosure\.|charter\.)/;

/** Every entry of the channel this member can see, oldest first (pages of 500). */
export async function allEntries(channel) {
  const out = [];
  for (let after = 0; ; ) {
    const page = await state.session.get(`/v1/channels/${channel}/entries?after=${after}&limit=500`);
    out.push(...page);
    if (page.length < 500 || out.length >= 5000) return out;
    after = page[page.length - 1].seq;
  }
}

/** What an entry is about, in a few words of its own text (or its record's id). */
function subjectOf(body) {
  if (!body) return null;
  const b = body;
  return b.subject || b.title || b.text || (b.item && b.item.title) || b.meeting || b.commitment || b.communique || b.topic || b.proposal || null;
}

/** An entry as people recognise it: its kind in words, its date, its subject or text
 * (its id only when this member cannot see the entry at all). */
export function entryWords(r, id) {
  if (!r) return code(id);
  const e = r.entry.header;
  const what = subjectOf(r.entry.body);
  return [h("strong", { text: word("entry", e.type) }), " · ", fmt(e.time), what ? [" · ", u("span", String(what).slice(0, 120))] : null];
}

/** Each entry's level now: as created, or as opened since (records/level). */
function levelsNow(entries, opened) {
  const now = new Map(entries.map((r) => [r.entry.header.id, r.entry.header.disclosure]));
  for (const o of opened) if ((RANK[o.level] ?? 0) > (RANK[now.get(o.entry_id)] ?? 0)) now.set(o.entry_id, o.level);
  return now;
}

/** The live part: the party statements logged so far. */
export function statementsSection(ctx, entries) {
  const list = entries.filter((r) => r.entry.header.type === "statement.unilateral" && r.entry.body);
  return h("section", { "aria-labelledby": "h-st" }, h("h2", { id: "h-st", text: t("statement.list.title") }),
    list.length ? h("ul", {}, list.map((r) => h("li", { "data-statement": r.entry.header.id },
      th("p", { class: "meta" }, "statement.list.meta", { side: u("span", ctx.sideNames[sideOf(ctx, r.entry.header.author)] || sideOf(ctx, r.entry.header.author)), time: fmt(r.entry.header.time), language: languageName(r.entry.body.language) }),
      u("p", r.entry.body.text, { lang: r.entry.body.language }),
      r.entry.body.source ? th("p", { class: "meta" }, "statement.list.source", { source: u("span", r.entry.body.source) }) : null)))
      : h("p", { text: t("statement.list.none") }));
}

function sideOf(ctx, keyId) {
  for (const s of ctx.view.sides) if (s.members.some((m) => m.key_id === keyId)) return s.id;
  return keyId;
}

/** A head proposes opening chosen entries; the proposal is its side's consent. */
export function disclosureForm(ctx) {
  const id = h("input", { type: "text", required: true, pattern: "[a-z0-9][a-z0-9\\-]{1,62}", placeholder: "open-1" });
  const level = h("select", {}, ["public", "general"].map((l) => h("option", { value: l, text: word("level", l) })));
  const reason = h("textarea", { rows: 2, maxlength: 2000, dir: "auto" });
  const list = h("fieldset", { class: "choose", id: "disclose-entries" }, h("legend", { text: t("disclose.entries") }));
  let known = new Map(); // entry id → its level now
  const pick = (r, kept) => {
    const e = r.entry.header;
    const cb = h("input", { type: "checkbox", value: e.id, id: `op-${e.id}`, checked: kept.has(e.id) });
    return h("div", { class: "pick" }, cb, " ", h("label", { for: `op-${e.id}`, class: "inline" },
      entryWords(r), " · ", h("span", { class: "meta", text: word("level", known.get(e.id)) })));
  };
  const fill = async () => {
    const [entries, opened] = await Promise.all([allEntries(ctx.channel), state.session.get(`/v1/channels/${ctx.channel}/records/level`)]);
    known = levelsNow(entries, opened);
    const kept = new Set([...list.querySelectorAll("input:checked")].map((cb) => cb.value));
    const rows = entries.filter((r) => !QUIET.test(r.entry.header.type) && known.get(r.entry.header.id) !== "public").reverse();
    list.replaceChildren(h("legend", { text: t("disclose.entries") }),
      ...(rows.length ? rows.map((r) => pick(r, kept)) : [h("p", { text: t("disclose.nothing") })]));
  };
  const go = h("button", { type: "submit", class: "primary", text: t("disclose.button") });
  const form = h("form", { "aria-labelledby": "h-disclose", novalidate: true }, h("h2", { id: "h-disclose", text: t("disclose.title") }),
    h("p", { class: "meta", text: t("disclose.intro") }),
    field(t("disclose.id"), id), field(t("disclose.level"), level), list, field(t("disclose.reason"), reason),
    means(t("disclose.means")), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "disclose.act.proposal", async () => {
      const entries = [...list.querySelectorAll("input:checked")].map((cb) => cb.value);
      const proposal = checkId(id.value.trim(), t("disclose.id"));
      if (!entries.length) throw refuse("disclose.no_entries", "disclose.no_entries");
      const open = entries.filter((e) => RANK[known.get(e)] >= RANK[level.value]);
      if (open.length) throw refuse("disclosure.cannot_close", "disclose.already_open", { count: open.length, level: word("level", level.value) });
      const body = { proposal, entries, level: level.value };
      if (reason.value.trim()) body.reason = reason.value.trim();
      await state.session.submit(ctx.channel, "disclosure.proposed", body);
      form.reset();
      await fill();
    });
  });
  fill().catch(() => list.append(h("p", { class: "bad", text: t("disclose.load_failed") })));
  return form;
}

/** A party's own public statement, logged as unilateral: public at once. */
export function statementForm(ctx) {
  const text = h("textarea", { rows: 4, maxlength: 20000, dir: "auto" });
  const language = h("select", {}, LANGS.map((l) => h("option", { value: l, text: languageName(l) })));
  const source = h("input", { type: "text", maxlength: 500, dir: "auto" });
  const go = h("button", { type: "submit", text: t("statement.button") });
  const form = h("form", { "aria-labelledby": "h-statement", novalidate: true }, h("h2", { id: "h-statement", text: t("statement.title") }),
    field(t("statement.text"), text), field(t("statement.language"), language), field(t("statement.source"), source, t("statement.source.hint")),
    means(tNodes("statement.means", { side: u("span", ctx.sideName) })), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "statement.act", async () => {
      if (!text.value.trim()) throw refuse("statement.empty", "statement.empty");
      const body = { text: text.value.trim(), language: language.value };
      if (source.value.trim()) body.source = source.value.trim();
      await state.session.submit(ctx.channel, "statement.unilateral", body);
      form.reset();
    });
  });
  return form;
}
