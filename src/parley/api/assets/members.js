// Members and keys on the members' pages (invitations, enrolment codes, revocation, a lost
// head's replacement) and the member's statement check.
import { state, h, u, code, th, word, field, means, say, errorText, act, livePage, fmt } from "/assets/core.js";
import { fmtList, t, tNodes } from "/assets/i18n.js";
import { decodeCode, encodeCode, keyIdOf, spaced, unb64 } from "/assets/parley.js";

// ---- members: invitations and enrolment --------------------------------------------------

export async function viewMembers(ctx) {
  return livePage(t("members.title"), t("members.intro"), async () => {
    const [view, replacements] = await Promise.all([
      state.session.get(`/v1/channels/${ctx.channel}`), state.session.get(`/v1/channels/${ctx.channel}/records/replacement`)]);
    const pending = replacements.filter((r) => !r.done_seq);
    return h("div", {},
      pending.length ? h("section", { "aria-labelledby": "h-repl" }, h("h2", { id: "h-repl", text: t("members.replacements") }),
        pending.map((r) => replacementCard(ctx, view, r))) : null,
      view.sides.map((s) => h("section", { "aria-labelledby": `h-side-${s.id}` }, th("h2", { id: `h-side-${s.id}` }, "members.side", { side: u("span", s.name), kind: word("kind", s.kind) }),
        h("table", { class: "stack", tabindex: 0, "aria-labelledby": `h-side-${s.id}` }, h("thead", {}, h("tr", {}, ["members.col.name", "members.col.role", "members.col.key", "members.col.state", "members.col.actions"].map((k) => h("th", { scope: "col", text: t(k) })))),
          h("tbody", {}, s.members.map((m) => h("tr", { "data-key": m.key_id },
            h("td", { "data-label": t("members.col.name") }, u("span", m.name), m.title ? [" — ", u("span", m.title)] : null), h("td", { "data-label": t("members.col.role"), text: word("role", m.role) }),
            h("td", { "data-label": t("members.col.key") }, code(spaced(m.key_id))), h("td", { "data-label": t("members.col.state"), "data-state": m.active ? "active" : "removed", text: t(m.active ? "members.active" : "members.removed") }),
            h("td", { "data-label": t("members.col.actions") }, revokeControl(ctx, s, m)))))))));
  }, ctx.head ? inviteForm(ctx) : null, ctx.head ? addMemberForm(ctx) : null, ctx.head ? replaceHeadForm(ctx) : null);
}

/** A head revokes a key of its own side (not its own: it rotates that). */
function revokeControl(ctx, side, m) {
  if (!ctx.head || side.id !== ctx.side || !m.active || m.key_id === state.me.keyId) return null;
  const reason = h("input", { type: "text", maxlength: 500, id: `revoke-reason-${m.key_id}`, dir: "auto" });
  const b = h("button", { type: "button", class: "danger", id: `revoke-${m.key_id}`, text: t("members.revoke.button", { name: m.name }) });
  b.addEventListener("click", () => act(b, "act.revocation", () => state.session.submit(ctx.channel, "member.removed", { side: ctx.side, key_id: m.key_id, reason: reason.value.trim() })));
  return h("details", { id: `revoke-open-${m.key_id}` }, h("summary", { text: t("members.revoke.summary") }), field(t("members.revoke.reason"), reason),
    means(tNodes("members.revoke.means", { name: u("span", m.name) })), b);
}

function replacementCard(ctx, view, r) {
  const sideName = (view.sides.find((s) => s.id === r.side) || {}).name || r.side;
  const needed = [...view.sides.filter((s) => s.id !== r.side).map((s) => s.id), "own"];
  const slotName = (k) => (k === "own" ? t("members.replacement.own", { side: r.side }) : k);
  const card = h("article", { "data-replacement": r.id },
    th("h3", {}, "members.replacement.title", { side: u("span", sideName), name: u("span", r.new_head.name) }),
    th("p", {}, "members.replacement.reason", { reason: u("span", r.reason) }),
    th("p", {}, "members.replacement.keys", { lost: code(spaced(r.lost_key)), new: h("strong", {}, code(spaced(r.new_key))) }),
    h("p", { class: "meta", text: t("members.replacement.signed", {
      signed: fmtList(Object.keys(r.signed_by).map((k) => (k === "own" ? t("members.replacement.own_signed", { side: r.side }) : k))),
      needed: fmtList(needed.map(slotName)),
    }) }));
  const slot = ctx.side === r.side ? "own" : ctx.head ? ctx.side : null;
  if (slot && !r.signed_by[slot] && state.me.keyId !== r.lost_key) {
    const b = h("button", { type: "button", class: "primary", text: t("members.replacement.sign", { replacement: r.id }) });
    b.addEventListener("click", () => act(b, "act.replacement_signature", () => state.session.submit(ctx.channel, "head.replacement_signed", { replacement: r.id, digest: r.digest }, [r.entry_id])));
    const what = slot === "own"
      ? tNodes("members.replacement.means_own", { key: code(spaced(r.new_key)) })
      : tNodes("members.replacement.means_other", { side: u("span", ctx.sideName), lost: u("span", sideName) });
    card.append(means(what), b);
  }
  return card;
}

/** The head of another side proposes a new head for a side whose head lost the key. */
function replaceHeadForm(ctx) {
  const sides = ctx.view.sides.filter((s) => s.id !== ctx.side);
  const side = h("select", {}, sides.map((s) => h("option", { value: s.id, "data-user": "", dir: "auto", text: s.name })));
  const lost = h("input", { type: "text", pattern: "k[0-9a-f]{24}", placeholder: "k…" });
  const enrolment = h("textarea", { rows: 3 });
  const reason = h("input", { type: "text", required: true, maxlength: 2000, dir: "auto" });
  const id = h("input", { type: "text", required: true, pattern: "[a-z0-9][a-z0-9\\-]{1,62}" });
  const go = h("button", { type: "submit", text: t("members.lost.button") });
  const form = h("form", { "aria-labelledby": "h-lost" }, h("h2", { id: "h-lost", text: t("members.lost.title") }),
    h("p", { class: "meta", text: t("members.lost.intro") }),
    field(t("members.lost.side"), side), field(t("members.lost.key"), lost), field(t("members.lost.code"), enrolment, t("members.lost.code.hint")),
    field(t("members.lost.reason"), reason), field(t("members.lost.id"), id),
    means(t("members.lost.means")), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "act.replacement_proposal", async () => {
      let e;
      try { e = decodeCode(enrolment.value); } catch { throw new Error(t("members.not_a_code")); }
      await state.session.submit(ctx.channel, "head.replacement_proposed", {
        replacement: id.value.trim(), side: side.value, lost_key: lost.value.trim(), reason: reason.value.trim(),
        new_head: { key: e.key, name: e.n, role: "head", title: e.t || "" },
      });
      form.reset();
    });
  });
  return form;
}

function inviteForm(ctx) {
  const name = h("input", { type: "text", required: true, maxlength: 200, dir: "auto" });
  const title = h("input", { type: "text", maxlength: 200, dir: "auto" });
  const role = h("select", {}, h("option", { value: "member", text: t("role.member") }), h("option", { value: "head", text: t("members.invite.role.head") }));
  const out = h("div", { "aria-live": "polite" });
  const go = h("button", { type: "submit", text: t("members.invite.button") });
  const form = h("form", { "aria-labelledby": "h-inv" }, h("h2", { id: "h-inv", text: t("members.invite.title") }),
    field(t("members.invite.name"), name), field(t("members.invite.job"), title), field(t("members.invite.role"), role), go, out);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const inv = encodeCode({ c: ctx.channel, s: ctx.side, n: name.value.trim(), t: title.value.trim(), r: role.value, by: state.me.keyId });
    const link = h("input", { type: "text", readonly: true, id: "invite-link", class: "code", translate: "no" });
    link.value = `${location.origin}/app#/enrol/${inv}`;
    out.replaceChildren(field(t("members.invite.link"), link, t("members.invite.link.hint")));
  });
  return form;
}

function addMemberForm(ctx) {
  const enrolment = h("textarea", { rows: 3, id: "enrol-paste" });
  const preview = h("div", { "aria-live": "polite" });
  const check = h("button", { type: "button", text: t("members.add.read") });
  check.addEventListener("click", async () => {
    let e;
    try { e = decodeCode(enrolment.value); } catch { say(t("members.add.not_a_code"), true); return; }
    if (e.c !== ctx.channel || e.s !== ctx.side) { say(t("members.add.wrong_side", { side: e.s, channel: e.c }), true); return; }
    const kid = await keyIdOf(unb64(e.key));
    const sign = h("button", { type: "button", class: "primary", text: t("members.add.sign", { name: e.n }) });
    sign.addEventListener("click", () => act(sign, "act.new_member", () => state.session.submit(ctx.channel, "member.added", { side: ctx.side, member: { key: e.key, name: e.n, role: e.r, title: e.t || "" } })));
    preview.replaceChildren(th("p", {}, "members.add.preview", { name: u("span", e.n), role: word("role", e.r), key: h("strong", { class: "code", id: "enrol-check-id", translate: "no", "data-user": "", text: spaced(kid) }) }),
      h("p", { class: "warn", text: t("members.add.call") }),
      means(tNodes("members.add.means", { side: u("span", ctx.sideName), name: u("span", e.n) })), sign);
  });
  return h("form", { "aria-labelledby": "h-add", onsubmit: (ev) => ev.preventDefault() }, h("h2", { id: "h-add", text: t("members.add.title") }),
    field(t("members.add.code"), enrolment), check, preview);
}

// ---- check a statement (the member surface of the statement checker) ------------------------

export async function viewCheck(ctx) {
  const text = h("textarea", { rows: 5, maxlength: 5000, dir: "auto" });
  const out = h("div", { role: "status", "aria-live": "polite", id: "check-out", tabindex: -1 });
  const go = h("button", { type: "submit", class: "primary", text: t("check.button") });
  const form = h("form", {}, field(t("check.label"), text, t("check.hint")), go);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    out.replaceChildren(h("p", { text: t("check.checking") }));
    try {
      const [res] = await state.session.raw("POST", `/v1/channels/${ctx.channel}/check`, { statements: [text.value] });
      const entries = await citedEntries(ctx, res.claims);
      out.replaceChildren(h("ol", { class: "claims" }, res.claims.map((c) => h("li", { "data-verdict": c.verdict },
        h("p", {}, h("strong", { class: `verdict ${c.verdict}`, text: word("verdict", c.verdict) }), " — “", u("span", c.text), "”"),
        c.disclosure_breach ? h("p", { class: "bad", text: t("check.breach") }) : null,
        // The checker explains in English (its words come from the server).
        h("p", { class: "meta", lang: "en", "data-server-text": "", text: c.explanation }),
        c.evidence.length ? th("div", { class: "meta" }, "check.evidence", { entries: evidence(ctx, c.evidence, entries) }) : null))));
      out.focus();
    } catch (e) {
      out.replaceChildren(h("p", { class: "bad", lang: "en", "data-server-text": "", text: errorText(e) }));
    }
  });
  return h("div", {}, h("h1", { text: t("check.title") }), form, out);
}

// ---- evidence: links to the entries a verdict rests on ----------------------------------

/** The view that shows what a checker's fact ("kind:key") is about, and its card there. */
const PLACE = {
  meeting: "meetings", proposal: "meetings", item: "meetings", next_meeting: "meetings",
  minutes: "minutes", minutes_item: "minutes", commitment: "commitments", communique: "publication",
};
const CARD = new Set(["meeting", "item", "minutes", "minutes_item", "commitment", "communique"]);

/** "#/c/<channel>/<view>/<card key>": route() scrolls to that card and focuses it. */
export function placeOf(channel, fact) {
  const at = fact.indexOf(":");
  const kind = at < 0 ? fact : fact.slice(0, at);
  const key = at < 0 ? "" : fact.slice(at + 1).split("/")[0];
  const view = PLACE[kind] || "overview";
  return `#/c/${encodeURIComponent(channel)}/${view}` + (CARD.has(kind) && key ? `/${encodeURIComponent(key)}` : "");
}

/** Each cited entry once, fetched for its type and time (null: not readable here). */
async function citedEntries(ctx, claims) {
  const ids = [...new Set(claims.flatMap((c) => c.evidence.map((e) => e.entry)))];
  const got = await Promise.all(ids.map((id) => state.session.get(`/v1/channels/${ctx.channel}/entries/${encodeURIComponent(id)}`).catch(() => null)));
  return new Map(ids.map((id, i) => [id, got[i]]));
}

function evidence(ctx, cited, entries) {
  const seen = new Set();
  return h("ul", { class: "evidence" }, cited.filter((e) => !seen.has(e.entry) && seen.add(e.entry)).map((e) => {
    const got = entries.get(e.entry);
    const label = got
      ? tNodes("check.evidence.item", { type: word("entry", got.entry.header.type), date: fmt(got.relay.received) })
      : [t("check.evidence.entry")];
    return h("li", {}, h("a", { href: placeOf(ctx.channel, e.fact), "data-entry": e.entry }, label));
  }));
}
