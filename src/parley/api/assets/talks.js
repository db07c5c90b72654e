// The negotiation record on the members' pages: meetings, minutes, commitments,
// publication (disclosure consents and communiqués). Every action is signed here.
import {
  state, h, u, code, th, word, field, means, say, errorText, act, fmt, livePage, minutesOf, byState,
} from "/assets/core.js";
import { fmtList, t, tNodes } from "/assets/i18n.js";
import { authenticity, languageName, place } from "/assets/translations.js";

const LANGS = ["en", "ru", "hy", "az"];

const openDiffs = new Set(); // minutes comparisons the reader opened ("meeting/version")
const diffs = new Map(); // their text, by the same key

function sidesOr(obj, nobody) {
  const ids = Object.keys(obj || {});
  return ids.length ? fmtList(ids) : t(nobody);
}

// ---- meetings -----------------------------------------------------------------------

export async function viewMeetings(ctx) {
  const c = ctx.channel;
  return livePage(t("meetings.title"), t("meetings.intro"), async () => {
    const meetings = await state.session.get(`/v1/channels/${c}/meetings`);
    if (!meetings.length) return h("p", { text: t("meetings.none") });
    return h("div", {}, meetings.map((m) => meetingCard(ctx, m)));
  }, proposeForm(ctx));
}

function meetingCard(ctx, m) {
  const p = m.proposals.find((x) => x.id === m.current);
  const card = h("article", { "data-meeting": m.id, "data-status": m.status, "aria-labelledby": `mt-${m.id}` },
    h("h3", { id: `mt-${m.id}` }, code(m.id), " — ", word("status.meeting", m.status)));
  if (!p) return card;
  card.append(
    th("p", {}, "meetings.card.when", {
      time: h("strong", {}, fmt(p.start_utc)), local: h("span", { translate: "no", "data-user": "", text: p.start }),
      venue: place(ctx, p.venue), format: word("format", p.format),
    }),
    p.agenda.length ? h("ul", { "aria-label": t("meetings.card.agenda") }, p.agenda.map((a) => u("li", a.title))) : null,
    th("p", { class: "meta" }, "meetings.card.version", {
      version: m.proposals.indexOf(p) + 1, count: m.proposals.length, who: u("span", ctx.names[p.proposer] || p.proposer),
      accepted: sidesOr(p.accepted_by, "people.nobody_yet"), declined: sidesOr(p.declined_by, "people.nobody"),
    }));
  const canAnswer = ctx.head || ctx.mediator;
  if (canAnswer && !p.accepted_by[ctx.side] && m.status !== "cancelled") {
    const ok = h("button", { type: "button", class: "primary", text: t("meetings.accept", { meeting: m.id }) });
    ok.addEventListener("click", () => act(ok, "act.acceptance", () => state.session.submit(ctx.channel, "meeting.accepted", { proposal: p.id, digest: p.digest }, [p.id])));
    const reason = h("input", { type: "text", maxlength: 500, id: `decline-reason-${m.id}`, dir: "auto" });
    const no = h("button", { type: "button", text: t("meetings.decline", { meeting: m.id }) });
    no.addEventListener("click", () => act(no, "act.decline", () => {
      const body = { proposal: p.id, digest: p.digest };
      if (reason.value.trim()) body.reason = reason.value.trim();
      return state.session.submit(ctx.channel, "meeting.declined", body, [p.id]);
    }));
    const start = h("input", { type: "text", value: p.start, id: `counter-start-${m.id}` });
    const venue = h("input", { type: "text", value: p.venue, id: `counter-venue-${m.id}`, dir: "auto" });
    const counter = h("button", { type: "button", text: t("meetings.counter.button") });
    counter.addEventListener("click", () => act(counter, "act.counter_proposal", () => state.session.submit(ctx.channel, "meeting.proposed", {
      meeting: m.id, start: start.value.trim(), venue: venue.value.trim(), format: p.format,
      agenda: p.agenda, attendees: p.attendees, supersedes: p.id,
    }, [p.id])));
    card.append(
      means(tNodes("meetings.accept.means", { side: u("span", ctx.sideName), digest: code(`${p.digest.slice(0, 10)}…`) })),
      ok, field(t("meetings.decline.reason"), reason), no,
      h("details", { id: `counter-${m.id}` }, h("summary", { text: t("meetings.counter.summary") }),
        field(t("meetings.counter.start"), start), field(t("meetings.venue"), venue),
        means(t("meetings.counter.means")), counter));
  }
  return card;
}

function proposeForm(ctx) {
  if (!(ctx.head || ctx.mediator)) return null;
  const id = h("input", { type: "text", pattern: "[a-z0-9][a-z0-9\\-]{1,62}", required: true });
  const start = h("input", { type: "text", required: true, placeholder: "2023-03-01T11:00:00+04:00" });
  const venue = h("input", { type: "text", required: true, dir: "auto" });
  // The values are what is signed; only the labels follow the language.
  const format = h("select", {}, h("option", { value: "chaired", text: t("format.chaired") }), h("option", { value: "direct", text: t("format.direct") }));
  const boxes = Object.entries(ctx.view.mandate).map(([tid, title]) => {
    const cb = h("input", { type: "checkbox", value: tid, id: `ag-${tid}`, checked: true });
    return h("div", {}, cb, " ", h("label", { for: `ag-${tid}`, style: "display:inline;font-weight:400", "data-user": "", dir: "auto", text: title }));
  });
  const go = h("button", { type: "submit", class: "primary", text: t("meetings.propose.button") });
  const form = h("form", { "aria-labelledby": "h-propose" }, h("h2", { id: "h-propose", text: t("meetings.propose.title") }),
    field(t("meetings.propose.id"), id), field(t("meetings.propose.start"), start), field(t("meetings.venue"), venue), field(t("meetings.propose.format"), format),
    h("fieldset", {}, h("legend", { text: t("meetings.propose.agenda") }), boxes),
    means(t("meetings.propose.means")), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const agenda = boxes.map((b) => b.querySelector("input")).filter((cb) => cb.checked).map((cb) => ({ id: cb.value, topic: cb.value, title: ctx.view.mandate[cb.value] }));
    act(go, "act.meeting_proposal", async () => {
      await state.session.submit(ctx.channel, "meeting.proposed", { meeting: id.value.trim(), start: start.value.trim(), venue: venue.value.trim(), format: format.value, agenda });
      form.reset();
    });
  });
  return form;
}

// ---- minutes ------------------------------------------------------------------------

export async function viewMinutes(ctx) {
  const c = ctx.channel;
  const meetings = await state.session.get(`/v1/channels/${c}/meetings`);
  return livePage(t("minutes.title"), t("minutes.intro"), async () => {
    const all = await minutesOf(c, await state.session.get(`/v1/channels/${c}/meetings`));
    if (!all.length) return h("p", { text: t("minutes.none") });
    return h("div", {}, all.map((m) => minutesCard(ctx, m)));
  }, ctx.mediator ? draftMinutesForm(ctx, meetings) : null);
}

function minutesCard(ctx, m) {
  const card = h("article", { "data-minutes": m.meeting, "aria-labelledby": `mn-${m.meeting}` },
    th("h3", { id: `mn-${m.meeting}` }, "minutes.card.title", { meeting: code(m.meeting) }),
    h("p", { class: m.agreed_version ? "good" : "warn", text: m.agreed_version ? t("minutes.agreed", { version: m.agreed_version }) : t("minutes.not_agreed", { sides: fmtList(m.signers) }) }));
  for (const v of [...m.versions].reverse()) {
    const sec = h("section", { "data-version": v.version, "aria-label": t("minutes.version.label.of", { meeting: m.meeting, version: v.version }) },
      h("h4", { text: t("minutes.version.title", { version: v.version, sides: sidesOr(v.signed_by, "people.nobody_yet") }) }),
      ...minutesTexts(v.body));
    if (v.version > 1) {
      const key = `${m.meeting}/${v.version}`;
      const prev = m.versions.find((x) => x.version === v.version - 1);
      const words = h("div", { class: "wdiff", hidden: true, "data-user": "", dir: "auto", tabindex: 0, "aria-label": t("minutes.diff.words", { version: v.version - 1 }) },
        wordDiff(minutesLines(prev.body).join("\n"), minutesLines(v.body).join("\n")));
      const legend = h("p", { class: "meta", hidden: true, text: t("minutes.diff.legend") });
      const out = h("pre", { tabindex: 0, hidden: true, "aria-label": t("minutes.diff.label", { version: v.version - 1 }), "data-user": "", dir: "auto" });
      const show = async (focus) => {
        try {
          if (!diffs.has(key)) { // two fixed versions: their diff never changes
            const d = await state.session.get(`/v1/channels/${ctx.channel}/minutes/${m.meeting}/diff?from=${v.version - 1}&to=${v.version}`);
            diffs.set(key, d.join("\n"));
          }
          out.textContent = diffs.get(key) || t("minutes.diff.none");
          out.hidden = false;
          words.hidden = false;
          legend.hidden = false;
          if (focus) words.focus();
        } catch (e) {
          say(t("minutes.diff.failed", { error: errorText(e) }), true);
        }
      };
      const cmp = h("button", { type: "button", "aria-expanded": openDiffs.has(key) ? "true" : "false", text: t("minutes.compare", { version: v.version - 1 }) });
      cmp.addEventListener("click", () => {
        const open = !openDiffs.has(key);
        if (open) openDiffs.add(key); else openDiffs.delete(key);
        cmp.setAttribute("aria-expanded", String(open));
        if (open) show(true); else { out.hidden = true; words.hidden = true; legend.hidden = true; }
      });
      if (openDiffs.has(key)) { // stays open, with its text, when the page re-renders live
        if (diffs.has(key)) { out.textContent = diffs.get(key) || t("minutes.diff.none"); out.hidden = false; words.hidden = false; legend.hidden = false; } else show(false);
      }
      sec.append(cmp, legend, words, out);
    }
    if (v.version === m.versions.length && ctx.head && m.signers.includes(ctx.side) && !v.signed_by[ctx.side]) {
      const sign = h("button", { type: "button", class: "primary", text: t("minutes.sign", { version: v.version }) });
      sign.addEventListener("click", () => act(sign, "act.minutes_signature", () => state.session.submit(ctx.channel, "minutes.signed", { meeting: m.meeting, version: v.version, digest: v.digest }, [v.entry_id])));
      sec.append(means(tNodes("minutes.sign.means", { version: v.version, digest: code(`${v.digest.slice(0, 10)}…`), side: u("span", ctx.sideName) })), sign);
    }
    card.append(sec);
  }
  return card;
}

/** The minutes as the lines the server's diff compares (model/minutes.py ``render``). */
function minutesLines(body) {
  const lines = [];
  const versions = [[body.language || "en", body], ...Object.entries(body.parallel || {}).sort()];
  if ((body.authentic || []).length) lines.push(`Authentic: ${body.authentic.join(", ")}`);
  for (const [lang, text] of versions) {
    if (versions.length > 1) lines.push(`— ${lang} —`);
    if (text.general) lines.push(text.general);
    for (const it of text.items) {
      lines.push(`[${it.item}] ${it.summary}`);
      for (const [side, pos] of Object.entries(it.positions || {}).sort()) lines.push(`  ${side}: ${pos}`);
      if (it.outcome) lines.push(`  outcome: ${it.outcome}`);
    }
  }
  return lines;
}

/** Word by word, what changed from `a` to `b`: removed words in <del>, added in <ins>
 * (struck through / underlined as well as coloured), the rest as it was. */
export function wordDiff(a, b) {
  const x = a.split(/(\s+)/).filter(Boolean);
  const y = b.split(/(\s+)/).filter(Boolean);
  if (x.length * y.length > 4_000_000) return [h("del", { text: a }), h("ins", { text: b })]; // too long to align
  const n = x.length, m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out = [];
  const push = (kind, text) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text; else out.push({ kind, text });
  };
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { push("same", x[i]); i++; j++; } else if (lcs[i + 1][j] >= lcs[i][j + 1]) { push("del", x[i]); i++; } else { push("ins", y[j]); j++; }
  }
  while (i < n) push("del", x[i++]);
  while (j < m) push("ins", y[j++]);
  return out.map((p) => (p.kind === "same" ? document.createTextNode(p.text) : h(p.kind, { text: p.text })));
}

/** A version's text in each language it carries, each marked with its language, and
 * which of them is authentic (all of it is what the heads sign). */
function minutesTexts(body) {
  const main = body.language || "en";
  const versions = [[main, body], ...Object.entries(body.parallel || {})];
  const one = (lang, text) => h("div", { lang, "data-lang": lang },
    versions.length > 1 ? h("h5", { text: t("translations.version_in", { language: languageName(lang) }) }) : null,
    text.general ? u("p", text.general) : null,
    h("ul", {}, text.items.map((it) => h("li", {}, u("strong", it.item), ": ", u("span", it.summary),
      Object.entries(it.positions || {}).map(([s, pos]) => h("div", { class: "meta" }, code(s), ": ", u("span", pos))),
      it.outcome ? th("div", {}, "minutes.outcome", { outcome: u("span", it.outcome) }) : null))));
  return [versions.length > 1 || (body.authentic || []).length ? authenticity(body.authentic) : null, ...versions.map(([l, x]) => one(l, x))];
}

function draftMinutesForm(ctx, meetings) {
  const agreed = meetings.filter((m) => m.agreed);
  if (!agreed.length) return null;
  const pick = h("select", {}, agreed.map((m) => h("option", { value: m.id, translate: "no", "data-user": "", text: m.id })));
  const rows = h("div", {});
  const fill = () => {
    const m = agreed.find((x) => x.id === pick.value);
    const p = m.proposals.find((x) => x.id === m.agreed);
    const second = other.value;
    rows.replaceChildren(...p.agenda.map((a) => h("fieldset", { "data-item": a.id }, u("legend", a.title),
      field(t("minutes.draft.summary"), h("textarea", { rows: 2, "data-k": "summary", dir: "auto" })), field(t("minutes.draft.outcome"), h("input", { type: "text", "data-k": "outcome", dir: "auto" })),
      second ? field(t("translations.draft.summary_in", { language: languageName(second) }), h("textarea", { rows: 2, "data-k": "summary2", dir: "auto", lang: second })) : null,
      second ? field(t("translations.draft.outcome_in", { language: languageName(second) }), h("input", { type: "text", "data-k": "outcome2", dir: "auto", lang: second })) : null)));
  };
  const language = h("select", {}, LANGS.map((l) => h("option", { value: l, text: languageName(l) })));
  const other = h("select", {}, h("option", { value: "", text: t("translations.draft.none") }), LANGS.map((l) => h("option", { value: l, text: languageName(l) })));
  const authentic = h("select", {}, h("option", { value: "", text: t("translations.all_authentic") }), h("option", { value: "main", text: t("translations.draft.main_authentic") }));
  for (const el of [pick, other]) el.addEventListener("change", fill);
  fill();
  const general = h("textarea", { rows: 2, dir: "auto" });
  const go = h("button", { type: "submit", class: "primary", text: t("minutes.draft.button") });
  const form = h("form", { "aria-labelledby": "h-draft" }, h("h2", { id: "h-draft", text: t("minutes.draft.title") }), field(t("minutes.draft.meeting"), pick),
    field(t("translations.draft.language"), language), field(t("translations.draft.second"), other, t("translations.draft.second.hint")), field(t("translations.draft.authentic"), authentic),
    field(t("minutes.draft.general"), general), rows,
    means(t("minutes.draft.means")), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const sets = [...rows.querySelectorAll("fieldset")].map((f) => {
      const v = (k) => (f.querySelector(`[data-k=${k}]`)?.value || "").trim();
      return [{ item: f.dataset.item, summary: v("summary"), outcome: v("outcome") }, { item: f.dataset.item, summary: v("summary2"), outcome: v("outcome2") }];
    }).filter(([i]) => i.summary);
    act(go, "act.minutes_draft", async () => {
      if (other.value === language.value) throw new Error(t("translations.draft.same"));
      const have = (await minutesOf(ctx.channel, [{ id: pick.value }]))[0];
      const body = { meeting: pick.value, version: have ? have.versions.length + 1 : 1, items: sets.map(([i]) => i), language: language.value };
      if (general.value.trim()) body.general = general.value.trim();
      if (other.value) {
        if (sets.some(([, j]) => !j.summary)) throw new Error(t("translations.draft.incomplete", { language: languageName(other.value) }));
        body.parallel = { [other.value]: { items: sets.map(([, j]) => j) } };
      }
      if (authentic.value === "main") body.authentic = [language.value];
      await state.session.submit(ctx.channel, "minutes.drafted", body);
    });
  });
  return form;
}

// ---- commitments ----------------------------------------------------------------------

export async function viewCommitments(ctx) {
  return livePage(t("commitments.title"), t("commitments.intro"), async () => {
    const list = await state.session.get(`/v1/channels/${ctx.channel}/commitments`);
    if (!list.length) return h("p", { text: t("commitments.none") });
    return h("div", {}, byState(list).map((c) => commitmentCard(ctx, c)));
  });
}

function commitmentCard(ctx, c) {
  const card = h("article", { class: c.state === "overdue" ? "overdue" : "", "data-commitment": c.id, "data-state": c.state, "aria-labelledby": `cm-${c.id}` },
    u("h3", c.text, { id: `cm-${c.id}` }),
    th("p", { class: c.state === "overdue" ? "bad" : "meta" }, c.meeting ? "commitments.card.meta.meeting" : "commitments.card.meta",
      { state: word("state.commitment", c.state), owner: code(c.owner), due: fmt(c.due), meeting: c.meeting ? code(c.meeting) : "" }));
  const note = h("input", { type: "text", maxlength: 2000, id: `note-${c.id}`, dir: "auto" });
  if (c.owner === ctx.side && ctx.head && !c.reported) {
    const b = h("button", { type: "button", class: "primary", text: t("commitments.report") });
    b.addEventListener("click", () => act(b, "act.report", () => state.session.submit(ctx.channel, "commitment.reported", { commitment: c.id, note: note.value.trim() })));
    card.append(field(t("commitments.report.note"), note), means(tNodes("commitments.report.means", { side: u("span", ctx.sideName) })), b);
  }
  if (c.owner !== ctx.side && c.reported && !c.confirmed && ctx.head) {
    const ok = h("button", { type: "button", class: "primary", text: t("commitments.confirm") });
    ok.addEventListener("click", () => act(ok, "act.confirmation", () => state.session.submit(ctx.channel, "commitment.confirmed", { commitment: c.id, note: note.value.trim() })));
    const no = h("button", { type: "button", text: t("commitments.dispute") });
    // The reason is signed: its default stays the same in every language.
    no.addEventListener("click", () => act(no, "act.dispute", () => state.session.submit(ctx.channel, "commitment.disputed", { commitment: c.id, reason: note.value.trim() || "not done" })));
    card.append(field(t("commitments.confirm.note"), note), means(tNodes("commitments.confirm.means", { side: u("span", ctx.sideName) })), ok, no);
  }
  return card;
}

// ---- publication: disclosure consents and communiqués ------------------------------------

export async function viewPublication(ctx) {
  const c = ctx.channel;
  return livePage(t("publication.title"), t("publication.intro"), async () => {
    const [openings, communiques] = await Promise.all([state.session.get(`/v1/channels/${c}/records/opening`), state.session.get(`/v1/channels/${c}/records/communique`)]);
    return h("div", {},
      h("section", { "aria-labelledby": "h-cq" }, h("h2", { id: "h-cq", text: t("publication.communiques") }),
        communiques.length ? communiques.map((q) => communiqueCard(ctx, q)) : h("p", { text: t("publication.communiques.none") }),
        h("p", {}, h("a", { href: `/public/channels/${c}?lang=${document.documentElement.lang}`, text: t("publication.public_link") }))),
      h("section", { "aria-labelledby": "h-op" }, h("h2", { id: "h-op", text: t("publication.openings") }),
        openings.length ? openings.map((o) => openingCard(ctx, o)) : h("p", { text: t("common.none") })));
  }, (ctx.head || ctx.mediator) ? draftCommuniqueForm(ctx) : null);
}

function communiqueCard(ctx, q) {
  const card = h("article", { "data-communique": q.id, "aria-labelledby": `cq-${q.id}` },
    h("h3", { id: `cq-${q.id}` }, code(q.id)),
    h("p", { class: q.published ? "good" : "warn", text: q.published ? t("publication.published", { version: q.published }) : t("publication.not_published") }));
  const v = q.versions[q.versions.length - 1];
  if (Object.keys(v.texts).length > 1 || (v.authentic || []).length) card.append(authenticity(v.authentic));
  for (const [lang, text] of Object.entries(v.texts)) {
    card.append(h("div", { "data-lang": lang }, h("p", { class: "meta", text: languageName(lang) }), u("p", text, { lang })));
  }
  card.append(h("p", { class: "meta", text: t("publication.version", { version: v.version, sides: sidesOr(v.signed_by, "people.nobody_yet") }) }));
  if (ctx.head && !v.signed_by[ctx.side] && !q.published) {
    const b = h("button", { type: "button", class: "primary", text: t("publication.sign", { communique: q.id }) });
    b.addEventListener("click", () => act(b, "act.communique_signature", () => state.session.submit(ctx.channel, "communique.signed", { communique: q.id, version: v.version, digest: v.digest }, [v.entry_id])));
    card.append(means(tNodes("publication.sign.means", { side: u("span", ctx.sideName), version: v.version, digest: code(`${v.digest.slice(0, 10)}…`) })), b);
  }
  return card;
}

function openingCard(ctx, o) {
  const card = h("article", { "data-opening": o.id }, h("h3", {}, code(o.id), " → ", word("level", o.level)),
    u("p", o.reason || ""), h("p", { class: "meta", text: t(o.done_seq ? "publication.opening.meta.opened" : "publication.opening.meta", { count: o.entries.length, sides: sidesOr(o.signed_by, "people.nobody_yet") }) }));
  if (ctx.head && !(o.signed_by || {})[ctx.side] && !o.done_seq) {
    const b = h("button", { type: "button", class: "primary", text: t("publication.consent", { proposal: o.id }) });
    b.addEventListener("click", () => act(b, "act.consent", () => state.session.submit(ctx.channel, "disclosure.signed", { proposal: o.id, digest: o.digest }, [o.entry_id])));
    card.append(means(tNodes("publication.consent.means", { side: u("span", ctx.sideName), count: o.entries.length, level: word("level", o.level) })), b);
  }
  return card;
}

function draftCommuniqueForm(ctx) {
  const id = h("input", { type: "text", required: true, pattern: "[a-z0-9][a-z0-9\\-]{1,62}" });
  // One text per language; each one filled is part of what the heads sign.
  const texts = LANGS.map((l) => [l, h("textarea", { rows: 3, dir: "auto", lang: l, "data-lang": l })]);
  const authentic = h("select", {}, h("option", { value: "", text: t("translations.all_authentic") }),
    LANGS.map((l) => h("option", { value: l, text: t("translations.authentic", { languages: languageName(l) }) })));
  const go = h("button", { type: "submit", class: "primary", text: t("publication.draft.button") });
  const form = h("form", { "aria-labelledby": "h-dq" }, h("h2", { id: "h-dq", text: t("publication.draft.title") }),
    field(t("publication.draft.id"), id),
    texts.map(([l, box]) => field(t("translations.draft.text_in", { language: languageName(l) }), box)),
    field(t("translations.draft.authentic"), authentic),
    means(t("publication.draft.means")), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "act.communique_draft", async () => {
      const all = await state.session.get(`/v1/channels/${ctx.channel}/records/communique`);
      const have = all.find((q) => q.id === id.value.trim());
      const filled = Object.fromEntries(texts.map(([l, box]) => [l, box.value.trim()]).filter(([, x]) => x));
      if (!Object.keys(filled).length) throw new Error(t("translations.draft.no_text"));
      if (authentic.value && !filled[authentic.value]) throw new Error(t("translations.draft.authentic_empty", { language: languageName(authentic.value) }));
      const body = { communique: id.value.trim(), version: have ? have.versions.length + 1 : 1, texts: filled };
      if (authentic.value) body.authentic = [authentic.value];
      await state.session.submit(ctx.channel, "communique.drafted", body);
      form.reset();
    });
  });
  return form;
}
