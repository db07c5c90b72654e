// Names and languages on the members' pages: the glossary's names as the reader's side
// says them, and translations — signed entries beside the original, never in its place.
// A machine draft comes from the server's offline model (if its operator installed one),
// is labelled a draft, and is signed only by a person who chose to.
import { act, code, h, field, means, state, u } from "/assets/core.js";
import { has, lang, t, tNodes } from "/assets/i18n.js";

// ---- agreed names (docs/glossary.md) -----------------------------------------------

function fold(text) {
  return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/-/g, " ")
    .split(/\s+/).filter(Boolean).join(" ");
}

/** name(text) for this reader: a form of a glossary term (any side's, any language) is
 * shown as the reader's side says it in the page's language; the mediator sees the
 * neutral name. Other text is shown as written. */
export function namer(glossary, side, mediator) {
  const index = new Map();
  for (const term of glossary.terms || []) {
    const forms = [...Object.values(term.names)];
    for (const per of Object.values(term.forms || {})) forms.push(...Object.values(per));
    if (term.kind === "side" || term.kind === "topic") forms.push(term.id);
    for (const f of forms) if (!index.has(fold(f))) index.set(fold(f), term);
  }
  return (text) => {
    const term = index.get(fold(text));
    if (!term) return text;
    const l = lang();
    const own = (!mediator && term.forms && term.forms[side]) || {};
    return own[l] || term.names[l] || term.names.en || Object.values(term.names)[0];
  };
}

/** A name from the record as this reader sees it; the signed text in its title when it
 * differs, so nobody is misled about what was signed. */
export function place(ctx, text) {
  const shown = ctx.name ? ctx.name(text) : text;
  return u("span", shown, shown === text ? {} : { title: t("glossary.signed_as", { text }) });
}

// ---- translations (docs/translations.md) -------------------------------------------

/** A language's name in the page's language, from the catalogs (this Chromium's trimmed
 * CLDR data has no Armenian names); a language they do not name is shown by its code. */
export function languageName(code) { return has(`language.${code}`) ? t(`language.${code}`) : code; }

async function sha256b64(text) {
  const buf = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(buf)));
}

let engines = null; // the server's machine-translation pairs, fetched once per channel
let enginesOf = "";
async function enginesFor(channel) {
  if (enginesOf !== channel || !engines) {
    enginesOf = channel;
    try { engines = await state.session.get(`/v1/channels/${channel}/translate`); } catch { engines = { pairs: [] }; }
  }
  return engines;
}

/** Every translation this member may read, by original entry id. */
export async function translationsOf(channel) {
  const list = await state.session.get(`/v1/channels/${channel}/translations`);
  const by = new Map();
  for (const tr of list) {
    if (!by.has(tr.of)) by.set(tr.of, []);
    by.get(tr.of).push(tr);
  }
  return by;
}

const TARGETS = ["en", "ru", "hy", "az"];
// Machine drafts put in a form, by the form's id: a live re-render of the page keeps the
// typed text (by element id) and must keep what produced it too.
const drafts = new Map();

/** The translations of one field of an original, and a form to add one. `original` is
 * { of, field, text, language, sides } (sides: a message's two sides; null for minutes
 * and communiqués, which every party receives). */
export async function translationsBlock(ctx, original, list) {
  const mine = (list || []).filter((x) => x.field === original.field);
  const receives = (tr) => tr.side !== ctx.side && !tr.verified_by[ctx.side] && (
    original.sides ? original.sides.includes(ctx.side) : !ctx.mediator);
  const items = mine.map((tr) => {
    const verified = Object.keys(tr.verified_by);
    const how = tr.method === "machine"
      ? h("p", { class: "warn", "data-method": "machine" }, tNodes("translations.machine", { engine: code(tr.engine), model: code(tr.model) }))
      : h("p", { class: "meta", "data-method": "human" }, t("translations.human"));
    const box = h("section", { class: "translation", "data-translation": tr.id, "aria-label": t("translations.label", { language: languageName(tr.language) }) },
      h("p", { class: "meta" }, tNodes("translations.by", { language: languageName(tr.language), who: u("span", ctx.names[tr.by] || tr.by) })),
      u("p", tr.text, { lang: tr.language, class: "translated" }), how,
      verified.length
        ? h("p", { class: "good", "data-verified": verified.join(" ") }, t("translations.verified", { sides: verified.map((s) => ctx.sideNames[s] || s).join(", ") }))
        : h("p", { class: "meta" }, t("translations.unverified")));
    if (receives(tr)) {
      const b = h("button", { type: "button", text: t("translations.verify.button", { language: languageName(tr.language) }) });
      b.addEventListener("click", () => act(b, "act.verification", () =>
        state.session.submit(ctx.channel, "translation.verified", { translation: tr.id }, [tr.id])));
      box.append(means(t("translations.verify.means")), b);
    }
    return box;
  });
  const id = `tr-${original.of}-${original.field.replace(/\./g, "-")}`;
  const target = h("select", { id: `${id}-lang` },
    TARGETS.filter((x) => x !== original.language).map((x) => h("option", { value: x, text: languageName(x), selected: x === lang() })));
  const text = h("textarea", { id: `${id}-text`, rows: 3, maxlength: 20000, dir: "auto" });
  const note = h("p", { class: "meta", role: "status" });
  const sign = h("button", { type: "button", class: "primary", text: t("translations.sign") });
  const { pairs = [] } = await enginesFor(ctx.channel);
  const canMachine = (to) => pairs.some(([s, d]) => s === original.language && d === to);
  const machine = h("button", { type: "button", text: t("translations.machine.button") });
  const syncMachine = () => {
    machine.hidden = !canMachine(target.value);
    const d = drafts.get(id);
    note.textContent = !canMachine(target.value) ? t("translations.machine.none")
      : d && d.target === target.value ? t("translations.machine.note") : "";
  };
  target.addEventListener("change", syncMachine);
  syncMachine();
  setTimeout(syncMachine, 0); // after a live re-render has restored the chosen language
  machine.addEventListener("click", async () => {
    machine.disabled = true;
    try {
      const d = await state.session.raw("POST", `/v1/channels/${ctx.channel}/translate`, { texts: [original.text], source: original.language, target: target.value });
      const draft = { text: d.texts[0], engine: d.engine, model: d.model, target: target.value };
      drafts.set(id, draft);
      text.value = draft.text;
      note.textContent = t("translations.machine.note");
    } catch (e) {
      note.textContent = e.message || String(e);
    } finally {
      machine.disabled = false;
    }
  });
  sign.addEventListener("click", () => act(sign, "act.translation", async () => {
    const value = text.value.trim();
    if (!value) throw new Error(t("translations.empty"));
    const body = { of: original.of, field: original.field, source_digest: await sha256b64(original.text), language: target.value, text: value, method: "human" };
    const draft = drafts.get(id); // signed unchanged: the machine's; edited: the person's
    if (draft && draft.text.trim() === value && draft.target === target.value) Object.assign(body, { method: "machine", engine: draft.engine, model: draft.model });
    await state.session.submit(ctx.channel, "translation.added", body, [original.of]);
    text.value = "";
    drafts.delete(id);
  }));
  const add = h("details", { id: `${id}-add` }, h("summary", { text: t("translations.add") }),
    field(t("translations.language"), target), field(t("translations.text"), text), machine, note,
    means(t("translations.sign.means")), sign);
  return h("div", { class: "translations" }, items, add);
}

/** "Authentic: English" / "All language versions are equally authentic". */
export function authenticity(langs) {
  return h("p", { class: "meta", "data-authentic": (langs || []).join(" ") },
    langs && langs.length ? t("translations.authentic", { languages: langs.map(languageName).join(", ") }) : t("translations.all_authentic"));
}

