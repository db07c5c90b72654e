// The negotiation record on the members' pages: meetings, minutes, commitments,
// publication (disclosure consents and communiqués). Every action is signed here.
import {
  state, h, field, means, say, errorText, act, fmt, livePage, minutesOf, byState,
} from "/assets/core.js";

const openDiffs = new Set(); // minutes comparisons the reader opened ("meeting/version")
const diffs = new Map(); // their text, by the same key

// ---- meetings -----------------------------------------------------------------------

export async function viewMeetings(ctx) {
  const c = ctx.channel;
  return livePage("Meetings", "Each version of a proposal is accepted by its digest: a change needs a new acceptance.", async () => {
    const meetings = await state.session.get(`/v1/channels/${c}/meetings`);
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
    ok.addEventListener("click", () => act(ok, "Acceptance", () => state.session.submit(ctx.channel, "meeting.accepted", { proposal: p.id, digest: p.digest }, [p.id])));
    const reason = h("input", { type: "text", maxlength: 500, id: `decline-reason-${m.id}` });
    const no = h("button", { type: "button", text: `Decline ${m.id}` });
    no.addEventListener("click", () => act(no, "Decline", () => {
      const body = { proposal: p.id, digest: p.digest };
      if (reason.value.trim()) body.reason = reason.value.trim();
      return state.session.submit(ctx.channel, "meeting.declined", body, [p.id]);
    }));
    const start = h("input", { type: "text", value: p.start, id: `counter-start-${m.id}` });
    const venue = h("input", { type: "text", value: p.venue, id: `counter-venue-${m.id}` });
    const counter = h("button", { type: "button", text: "Sign counter-proposal" });
    counter.addEventListener("click", () => act(counter, "Counter-proposal", () => state.session.submit(ctx.channel, "meeting.proposed", {
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
  return livePage("Minutes", "Minutes are agreed when every signatory signs the same version.", async () => {
    const all = await minutesOf(c, await state.session.get(`/v1/channels/${c}/meetings`));
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
          if (!diffs.has(key)) { // two fixed versions: their diff never changes
            const d = await state.session.get(`/v1/channels/${ctx.channel}/minutes/${m.meeting}/diff?from=${v.version - 1}&to=${v.version}`);
            diffs.set(key, d.join("\n") || "No changes.");
          }
          out.textContent = diffs.get(key);
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
      if (openDiffs.has(key)) { // stays open, with its text, when the page re-renders live
        if (diffs.has(key)) { out.textContent = diffs.get(key); out.hidden = false; } else show(false);
      }
      sec.append(cmp, out);
    }
    if (v.version === m.versions.length && ctx.head && m.signers.includes(ctx.side) && !v.signed_by[ctx.side]) {
      const sign = h("button", { type: "button", class: "primary", text: `Sign minutes version ${v.version}` });
      sign.addEventListener("click", () => act(sign, "Minutes signature", () => state.session.submit(ctx.channel, "minutes.signed", { meeting: m.meeting, version: v.version, digest: v.digest }, [v.entry_id])));
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
      await state.session.submit(ctx.channel, "minutes.drafted", body);
    });
  });
  return form;
}

// ---- commitments ----------------------------------------------------------------------

export async function viewCommitments(ctx) {
  return livePage("Commitments", "Overdue first. The owner reports; the other side confirms or disputes.", async () => {
    const list = await state.session.get(`/v1/channels/${ctx.channel}/commitments`);
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
    b.addEventListener("click", () => act(b, "Report", () => state.session.submit(ctx.channel, "commitment.reported", { commitment: c.id, note: note.value.trim() })));
    card.append(field("Note (what was done)", note), means(`${ctx.sideName} states that it has done this. The other side can confirm or dispute it.`), b);
  }
  if (c.owner !== ctx.side && c.reported && !c.confirmed && ctx.head) {
    const ok = h("button", { type: "button", class: "primary", text: "Confirm" });
    ok.addEventListener("click", () => act(ok, "Confirmation", () => state.session.submit(ctx.channel, "commitment.confirmed", { commitment: c.id, note: note.value.trim() })));
    const no = h("button", { type: "button", text: "Dispute" });
    no.addEventListener("click", () => act(no, "Dispute", () => state.session.submit(ctx.channel, "commitment.disputed", { commitment: c.id, reason: note.value.trim() || "not done" })));
    card.append(field("Note or reason", note), means(`${ctx.sideName} confirms (or disputes) that the owner did what it committed to.`), ok, no);
  }
  return card;
}

// ---- publication: disclosure consents and communiqués ------------------------------------

export async function viewPublication(ctx) {
  const c = ctx.channel;
  return livePage("Publication", "Nothing becomes public until the head of every side signs the same text or list.", async () => {
    const [openings, communiques] = await Promise.all([state.session.get(`/v1/channels/${c}/records/opening`), state.session.get(`/v1/channels/${c}/records/communique`)]);
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
    b.addEventListener("click", () => act(b, "Communiqué signature", () => state.session.submit(ctx.channel, "communique.signed", { communique: q.id, version: v.version, digest: v.digest }, [v.entry_id])));
    card.append(means(`${ctx.sideName} agrees to publish exactly this text (version ${v.version}, digest ${v.digest.slice(0, 10)}…) in its name. When every side has signed it is public, and publication cannot be undone.`), b);
  }
  return card;
}

function openingCard(ctx, o) {
  const card = h("article", { "data-opening": o.id }, h("h3", { text: `${o.id} → ${o.level}` }),
    h("p", { text: o.reason || "" }), h("p", { class: "meta", text: `${o.entries.length} entries · consent from ${Object.keys(o.signed_by || {}).join(", ") || "nobody yet"}${o.done_seq ? " · opened" : ""}` }));
  if (ctx.head && !(o.signed_by || {})[ctx.side] && !o.done_seq) {
    const b = h("button", { type: "button", class: "primary", text: `Consent to ${o.id}` });
    b.addEventListener("click", () => act(b, "Consent", () => state.session.submit(ctx.channel, "disclosure.signed", { proposal: o.id, digest: o.digest }, [o.entry_id])));
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
      const all = await state.session.get(`/v1/channels/${ctx.channel}/records/communique`);
      const have = all.find((q) => q.id === id.value.trim());
      await state.session.submit(ctx.channel, "communique.drafted", { communique: id.value.trim(), version: have ? have.versions.length + 1 : 1, texts: { en: text.value.trim() } });
      form.reset();
    });
  });
  return form;
}
