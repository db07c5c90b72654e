// Members and keys on the members' pages (invitations, enrolment codes, revocation, a lost
// head's replacement) and the member's statement check.
import { state, h, field, means, say, errorText, act, livePage } from "/assets/core.js";
import { decodeCode, encodeCode, keyIdOf, spaced, unb64 } from "/assets/parley.js";

// ---- members: invitations and enrolment --------------------------------------------------

export async function viewMembers(ctx) {
  return livePage("Members", "Every member signs with their own key. A party's head adds and removes its members.", async () => {
    const [view, replacements] = await Promise.all([
      state.session.get(`/v1/channels/${ctx.channel}`), state.session.get(`/v1/channels/${ctx.channel}/records/replacement`)]);
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
  if (!ctx.head || side.id !== ctx.side || !m.active || m.key_id === state.me.keyId) return null;
  const reason = h("input", { type: "text", maxlength: 500, id: `revoke-reason-${m.key_id}` });
  const b = h("button", { type: "button", id: `revoke-${m.key_id}`, text: `Revoke ${m.name}` });
  b.addEventListener("click", () => act(b, "Revocation", () => state.session.submit(ctx.channel, "member.removed", { side: ctx.side, key_id: m.key_id, reason: reason.value.trim() })));
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
  if (slot && !r.signed_by[slot] && state.me.keyId !== r.lost_key) {
    const b = h("button", { type: "button", class: "primary", text: `Sign replacement ${r.id}` });
    b.addEventListener("click", () => act(b, "Replacement signature", () => state.session.submit(ctx.channel, "head.replacement_signed", { replacement: r.id, digest: r.digest }, [r.entry_id])));
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
    field("What happened (recorded)", reason), field("A name for this replacement (e.g. head-2026-03)", id),
    means("your side proposes retiring that key and making the new one the side's head; your proposal counts as your side's signature."), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "Replacement proposal", async () => {
      let e;
      try { e = decodeCode(code.value); } catch { throw new Error("that is not an enrolment code"); }
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
  const name = h("input", { type: "text", required: true, maxlength: 200 });
  const title = h("input", { type: "text", maxlength: 200 });
  const role = h("select", {}, h("option", { value: "member", text: "member" }), h("option", { value: "head", text: "head (can sign for the side)" }));
  const out = h("div", { "aria-live": "polite" });
  const go = h("button", { type: "submit", text: "Make invitation link" });
  const form = h("form", { "aria-labelledby": "h-inv" }, h("h2", { id: "h-inv", text: "Invite a member" }),
    field("Their name", name), field("Title", title), field("Role", role), go, out);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const inv = encodeCode({ c: ctx.channel, s: ctx.side, n: name.value.trim(), t: title.value.trim(), r: role.value, by: state.me.keyId });
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
    try { e = decodeCode(code.value); } catch { say("That is not an enrolment code.", true); return; }
    if (e.c !== ctx.channel || e.s !== ctx.side) { say(`That code is for ${e.s} in ${e.c}, not for your side here.`, true); return; }
    const kid = await keyIdOf(unb64(e.key));
    const sign = h("button", { type: "button", class: "primary", text: `Sign: add ${e.n}` });
    sign.addEventListener("click", () => act(sign, "New member", () => state.session.submit(ctx.channel, "member.added", { side: ctx.side, member: { key: e.key, name: e.n, role: e.r, title: e.t || "" } })));
    preview.replaceChildren(h("p", {}, `${e.n} (${e.r}) with key `, h("strong", { class: "code", id: "enrol-check-id", text: spaced(kid) })),
      h("p", { class: "warn", text: "Call them and have them read their key id aloud. Sign only if it matches: a code passed through someone else could carry another key." }),
      means(`${ctx.sideName} admits this key as ${e.n}. From now on, what it signs is signed for your side.`), sign);
  });
  return h("form", { "aria-labelledby": "h-add", onsubmit: (ev) => ev.preventDefault() }, h("h2", { id: "h-add", text: "Add a member from their enrolment code" }),
    field("Enrolment code", code), check, preview);
}

// ---- check a statement (the member surface of the statement checker) ------------------------

export async function viewCheck(ctx) {
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
      const [res] = await state.session.raw("POST", `/v1/channels/${ctx.channel}/check`, { statements: [text.value] });
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
