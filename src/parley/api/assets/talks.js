// The negotiation record on the members' pages: meetings, minutes, commitments,
// publication (disclosure consents and communiqués). Every action is signed here.
import {
  state, h, u, code, th, word, field, means, say, errorText, act, fmt, livePage, minutesOf, byState,
} from "/assets/core.js";
import { fmtList, t, tNodes } from "/assets/i18n.js";
import { authenticity, languageName, place } from "/assets/translations.js";
import { agendaBlock, checkId, extendForm, mandateSection, refuse } from "/assets/agenda.js";
import { allEntries, disclosureForm, entryWords, statementForm, statementsSection } from "/assets/publication.js";

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
    const [meetings, view, extensions] = await Promise.all([state.session.get(`/v1/channels/${c}/meetings`),
      state.session.get(`/v1/channels/${c}`), state.session.get(`/v1/channels/${c}/records/extension`)]);
    return h("div", {},
      meetings.length ? meetings.map((m) => meetingCard(ctx, m, view.mandate)) : h("p", { text: t("meetings.none") }),
      mandateSection(ctx, view, extensions));
  }, proposeForm(ctx), extendForm(ctx));
}

function meetingCard(ctx, m, mandate) {
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
  card.append(agendaBlock(ctx, m, mandate));
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
  startDraft = null;
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
    if (v.version === m.versions.length && ctx.mediator && startDraft) {
      const again = h("button", { type: "button", text: t("minutes.new_version", { version: v.version + 1 }) });
      again.addEventListener("click", () => startDraft(m.meeting));
      sec.append(again);
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

let startDraft = null; // the drafting form's "start from the latest version of meeting …"

/** The mediator drafts a version of a meeting's minutes: per item a summary, one position
 * per party and an outcome, in one language or two. A meeting that has minutes starts
 * from its latest version's text, so a new version changes only what it must. */
function draftMinutesForm(ctx, meetings) {
  const agreed = meetings.filter((m) => m.agreed);
  if (!agreed.length) return null;
  const parties = ctx.view.sides.filter((s) => s.kind === "party");
  const pick = h("select", {}, agreed.map((m) => h("option", { value: m.id, translate: "no", "data-user": "", text: m.id })));
  const rows = h("div", {});
  const language = h("select", {}, LANGS.map((l) => h("option", { value: l, text: languageName(l) })));
  const other = h("select", {}, h("option", { value: "", text: t("translations.draft.none") }), LANGS.map((l) => h("option", { value: l, text: languageName(l) })));
  const authentic = h("select", {}, h("option", { value: "", text: t("translations.all_authentic") }), h("option", { value: "main", text: t("translations.draft.main_authentic") }));
  const general = h("textarea", { rows: 2, dir: "auto" });
  const general2 = h("textarea", { rows: 2, dir: "auto" });
  const general2Field = field(t("minutes.draft.general_in", { language: "…" }), general2);
  const from = h("p", { class: "meta", role: "status" });
  let latest = null; // the latest version's body, when the meeting has minutes
  let latestVersion = 0;
  let drawn = ""; // what the rows show: meeting, second language, version started from
  const fill = () => {
    drawn = `${pick.value}|${other.value}|${latestVersion}`;
    const m = agreed.find((x) => x.id === pick.value);
    const p = m.proposals.find((x) => x.id === m.agreed);
    const second = other.value;
    const mainText = latest || null;
    const secondText = latest && second ? (latest.parallel || {})[second] || (latest.language === second ? latest : null) : null;
    // The items: the agreed agenda, then any other item of the meeting, then whatever
    // the latest version has (in its order when there is one).
    const titles = new Map([...p.agenda.map((a) => [a.id, a.title]), ...(m.items || []).map((i) => [i.id, i.title])]);
    const order = mainText ? [...mainText.items.map((i) => i.item), ...[...titles.keys()].filter((k) => !mainText.items.some((i) => i.item === k))] : [...titles.keys()];
    const val = (text, itemId, k, side) => {
      const it = text && text.items.find((i) => i.item === itemId);
      if (!it) return "";
      return side ? (it.positions || {})[side] || "" : it[k] || "";
    };
    const box = (tag, attrs, value) => { const e = h(tag, attrs); e.value = value; return e; };
    rows.replaceChildren(...order.map((itemId) => h("fieldset", { "data-item": itemId }, u("legend", titles.get(itemId) || itemId),
      field(t("minutes.draft.summary"), box("textarea", { rows: 2, "data-k": "summary", dir: "auto" }, val(mainText, itemId, "summary"))),
      parties.map((s) => field(t("minutes.draft.position", { side: ctx.sideNames[s.id] || s.name }), box("textarea", { rows: 2, "data-k": "position", "data-side": s.id, dir: "auto" }, val(mainText, itemId, null, s.id)))),
      field(t("minutes.draft.outcome"), box("input", { type: "text", "data-k": "outcome", dir: "auto" }, val(mainText, itemId, "outcome"))),
      second ? [
        field(t("translations.draft.summary_in", { language: languageName(second) }), box("textarea", { rows: 2, "data-k": "summary2", dir: "auto", lang: second }, val(secondText, itemId, "summary"))),
        parties.map((s) => field(t("minutes.draft.position_in", { side: ctx.sideNames[s.id] || s.name, language: languageName(second) }),
          box("textarea", { rows: 2, "data-k": "position2", "data-side": s.id, dir: "auto", lang: second }, val(secondText, itemId, null, s.id)))),
        field(t("translations.draft.outcome_in", { language: languageName(second) }), box("input", { type: "text", "data-k": "outcome2", dir: "auto", lang: second }, val(secondText, itemId, "outcome"))),
      ] : null)));
    general2Field.hidden = !second;
    general2Field.querySelector("label").textContent = t("minutes.draft.general_in", { language: second ? languageName(second) : "" });
  };
  /** Load the meeting's latest version (if any) and put its text in every field. */
  const load = async () => {
    const have = (await minutesOf(ctx.channel, [{ id: pick.value }]))[0];
    const v = have ? have.versions[have.versions.length - 1] : null;
    latest = v ? v.body : null;
    latestVersion = v ? v.version : 0;
    from.textContent = v ? t("minutes.draft.from", { version: v.version, next: v.version + 1 }) : t("minutes.draft.first");
    if (drawn === `${pick.value}|${other.value}|${latestVersion}`) return; // nothing to start from: keep what is typed
    if (latest) {
      language.value = latest.language || "en";
      other.value = Object.keys(latest.parallel || {})[0] || "";
      authentic.value = (latest.authentic || []).length ? "main" : "";
      general.value = latest.general || "";
      general2.value = other.value ? latest.parallel[other.value].general || "" : "";
    } else {
      general.value = "";
      general2.value = "";
    }
    fill();
  };
  pick.addEventListener("change", () => { latest = null; latestVersion = 0; fill(); load(); });
  other.addEventListener("change", fill);
  fill();
  load();
  const go = h("button", { type: "submit", class: "primary", text: t("minutes.draft.button") });
  const form = h("form", { "aria-labelledby": "h-draft", id: "minutes-draft" }, h("h2", { id: "h-draft", text: t("minutes.draft.title"), tabindex: -1 }), field(t("minutes.draft.meeting"), pick), from,
    field(t("translations.draft.language"), language), field(t("translations.draft.second"), other, t("translations.draft.second.hint")), field(t("translations.draft.authentic"), authentic),
    field(t("minutes.draft.general"), general), general2Field, rows,
    means(t("minutes.draft.means")), go);
  startDraft = async (meeting) => {
    pick.value = meeting;
    await load();
    form.scrollIntoView({ block: "start" });
    form.querySelector("#h-draft").focus();
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const read = (f, k) => (f.querySelector(`[data-k=${k}]`)?.value || "").trim();
    const positions = (f, k) => Object.fromEntries([...f.querySelectorAll(`[data-k=${k}]`)].map((e) => [e.dataset.side, e.value.trim()]).filter(([, x]) => x));
    const sets = [...rows.querySelectorAll("fieldset")].map((f) => [
      { item: f.dataset.item, summary: read(f, "summary"), positions: positions(f, "position"), outcome: read(f, "outcome") },
      { item: f.dataset.item, summary: read(f, "summary2"), positions: positions(f, "position2"), outcome: read(f, "outcome2") },
    ]).filter(([i]) => i.summary);
    const tidy = (i) => { const o = { item: i.item, summary: i.summary }; if (Object.keys(i.positions).length) o.positions = i.positions; if (i.outcome) o.outcome = i.outcome; return o; };
    act(go, "act.minutes_draft", async () => {
      if (other.value === language.value) throw new Error(t("translations.draft.same"));
      if (!sets.length) throw refuse("minutes.no_items", "minutes.draft.no_items");
      const have = (await minutesOf(ctx.channel, [{ id: pick.value }]))[0];
      const body = { meeting: pick.value, version: have ? have.versions.length + 1 : 1, items: sets.map(([i]) => tidy(i)), language: language.value };
      if (general.value.trim()) body.general = general.value.trim();
      if (other.value) {
        if (sets.some(([i, j]) => !j.summary || Object.keys(i.positions).sort().join() !== Object.keys(j.positions).sort().join())) {
          throw new Error(t("translations.draft.incomplete", { language: languageName(other.value) }));
        }
        body.parallel = { [other.value]: { items: sets.map(([, j]) => tidy(j)) } };
        if (general2.value.trim()) body.parallel[other.value].general = general2.value.trim();
      }
      if (authentic.value === "main") body.authentic = [language.value];
      await state.session.submit(ctx.channel, "minutes.drafted", body);
      await load();
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
  }, (ctx.head || ctx.mediator) ? addCommitmentForm(ctx, await state.session.get(`/v1/channels/${ctx.channel}/meetings`)) : null);
}

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A party head or the mediator records a party's dated obligation. */
function addCommitmentForm(ctx, meetings) {
  const id = h("input", { type: "text", required: true, pattern: "[a-z0-9][a-z0-9\\-]{1,62}", placeholder: "water-supply" });
  const owner = h("select", {}, ctx.view.sides.filter((s) => s.kind === "party").map((s) => h("option", { value: s.id, "data-user": "", dir: "auto", text: ctx.sideNames[s.id] || s.name })));
  const text = h("textarea", { rows: 2, required: true, maxlength: 5000, dir: "auto" });
  const meeting = h("select", {}, h("option", { value: "", text: t("commitments.add.no_meeting") }),
    meetings.map((m) => h("option", { value: m.id, translate: "no", "data-user": "", text: m.id })));
  const item = h("select", {});
  const fillItems = () => {
    const m = meetings.find((x) => x.id === meeting.value);
    item.replaceChildren(h("option", { value: "", text: t("commitments.add.no_item") }),
      ...(m ? m.items : []).map((i) => h("option", { value: i.id, "data-user": "", dir: "auto", text: i.title })));
  };
  meeting.addEventListener("change", fillItems);
  fillItems();
  const due = h("input", { type: "text", placeholder: "2023-03-03T12:00:00+04:00" });
  const days = h("input", { type: "number", min: 0, max: 3650, inputmode: "numeric" });
  const via = h("select", {}, ["mediator", "direct"].map((v) => h("option", { value: v, text: t(`commitments.add.via.${v}`) })));
  const go = h("button", { type: "submit", class: "primary", text: t("commitments.add.button") });
  const form = h("form", { "aria-labelledby": "h-add-commitment", novalidate: true }, h("h2", { id: "h-add-commitment", text: t("commitments.add.title") }),
    field(t("commitments.add.id"), id), field(t("commitments.add.owner"), owner), field(t("commitments.add.text"), text),
    field(t("commitments.add.meeting"), meeting), field(t("commitments.add.item"), item),
    field(t("commitments.add.due"), due, t("commitments.add.due.hint")), field(t("commitments.add.days"), days, t("commitments.add.days.hint")),
    field(t("commitments.add.via"), via),
    means(tNodes("commitments.add.means", { side: u("span", ctx.sideName) })), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "commitments.act.added", async () => {
      const body = { commitment: checkId(id.value.trim(), t("commitments.add.id")), owner: owner.value, text: text.value.trim(), report_via: via.value };
      if (!body.text) throw refuse("commitment.no_text", "commitments.add.no_text");
      if (days.value !== "") {
        if (!meeting.value) throw refuse("commitment.no_meeting", "commitments.add.days_need_meeting");
        const n = Number(days.value);
        if (!Number.isInteger(n) || n < 0 || n > 3650) throw refuse("commitment.bad_due", "commitments.add.bad_days");
        body.due = { days: n, after_meeting: meeting.value };
      } else if (ZONED.test(due.value.trim())) {
        body.due = due.value.trim();
      } else {
        throw refuse("commitment.bad_due", "commitments.add.bad_due", { example: "2023-03-03T12:00:00+04:00" });
      }
      if (meeting.value) body.meeting = meeting.value;
      if (item.value) body.agenda_item = item.value;
      await state.session.submit(ctx.channel, "commitment.added", body);
      form.reset();
      fillItems();
    });
  });
  return form;
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
    const [openings, communiques, entries] = await Promise.all([state.session.get(`/v1/channels/${c}/records/opening`),
      state.session.get(`/v1/channels/${c}/records/communique`), allEntries(c)]);
    return h("div", {},
      h("section", { "aria-labelledby": "h-cq" }, h("h2", { id: "h-cq", text: t("publication.communiques") }),
        communiques.length ? communiques.map((q) => communiqueCard(ctx, q)) : h("p", { text: t("publication.communiques.none") }),
        h("p", {}, h("a", { href: `/public/channels/${c}?lang=${document.documentElement.lang}`, text: t("publication.public_link") }))),
      h("section", { "aria-labelledby": "h-op" }, h("h2", { id: "h-op", text: t("publication.openings") }),
        openings.length ? openings.map((o) => openingCard(ctx, o, new Map(entries.map((r) => [r.entry.header.id, r])))) : h("p", { text: t("common.none") })),
      statementsSection(ctx, entries));
  }, (ctx.head || ctx.mediator) ? draftCommuniqueForm(ctx) : null, ctx.head ? disclosureForm(ctx) : null,
  ctx.kind === "party" ? statementForm(ctx) : null);
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

function openingCard(ctx, o, byId) {
  const card = h("article", { "data-opening": o.id }, h("h3", {}, code(o.id), " → ", word("level", o.level)),
    u("p", o.reason || ""), h("p", { class: "meta", text: t(o.done_seq ? "publication.opening.meta.opened" : "publication.opening.meta", { count: o.entries.length, sides: sidesOr(o.signed_by, "people.nobody_yet") }) }),
    h("ul", { "aria-label": t("disclose.entries") }, o.entries.map((id) => h("li", {}, entryWords(byId.get(id), id)))));
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
