// Agenda items on a meeting's card (propose, raise, accept, decline) and the mandate
// with its extensions (propose, and every party head's signature). Every action is an
// entry signed in this browser; the rules are the model's (src/parley/model/meetings.py).
import { state, h, u, code, th, field, means, act } from "/assets/core.js";
import { fmtList, t, tNodes } from "/assets/i18n.js";
import { ApiError } from "/assets/parley.js";

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** The same, for an input's `pattern` (Chromium reads it in `v`-flag mode: `-` escaped). */
export const ID_PATTERN = "[a-z0-9][a-z0-9\\-]{1,62}";

/** A typed error the page finds before signing: its words from the catalog, its code. */
export function refuse(codeName, key, params) { return new ApiError(codeName, t(key, params), 0); }
/** Check an identifier the way the server will, with a sentence that names the field. */
export function checkId(value, label) {
  if (!SLUG.test(value)) throw refuse("input.bad_id", "agenda.bad_id", { field: label });
  return value;
}

/** Party heads speak for their party; any mediator member for the mediator. */
function speaks(ctx) { return ctx.head || ctx.mediator; }

function answers(obj) { return Object.keys(obj || {}); }

// ---- agenda items on a meeting card ------------------------------------------------------

/** The items of meeting `m` with their answers, the controls this member may use, and
 * the forms to propose (on a mandate topic) or raise an item. `mandate`: topic → title. */
export function agendaBlock(ctx, m, mandate) {
  const sec = h("section", { "data-agenda": m.id, "aria-labelledby": `ag-h-${m.id}` },
    th("h4", { id: `ag-h-${m.id}` }, "agenda.items.title", { meeting: code(m.id) }));
  const items = m.items || [];
  if (!items.length) sec.append(h("p", { class: "meta", text: t("agenda.items.none") }));
  for (const it of items) sec.append(itemCard(ctx, m, it));
  if (m.status !== "cancelled" && !m.held) sec.append(addItem(ctx, m, mandate));
  return sec;
}

function itemCard(ctx, m, it) {
  const declined = Object.entries(it.declined_by || {});
  const status = it.on_agenda ? "agenda.item.on_agenda" : it.in_mandate ? "agenda.item.pending" : "agenda.item.off_mandate";
  const card = h("div", { class: "item", "data-item": `${m.id}/${it.id}`, "data-on-agenda": it.on_agenda ? "true" : "false" },
    h("p", {}, u("strong", it.title), " ", code(`(${it.id})`), " — ", h("span", { class: it.in_mandate ? "" : "warn", text: t(status) })),
    it.text ? u("p", it.text, { class: "meta" }) : null,
    h("p", { class: "meta", text: t("agenda.item.answers", { accepted: answers(it.accepted_by).length ? fmtList(answers(it.accepted_by)) : t("people.nobody_yet") }) }),
    declined.map(([side, d]) => th("p", { class: "meta" }, "agenda.item.declined_by", { side: code(side), reason: u("span", d.reason || "—") })));
  const mine = ctx.side;
  if (!speaks(ctx) || (it.accepted_by || {})[mine] || (it.declined_by || {})[mine]) return card;
  const key = `${m.id}-${it.id}`;
  if (it.in_mandate) {
    const ok = h("button", { type: "button", class: "primary", text: t("agenda.item.accept", { item: it.title }) });
    ok.addEventListener("click", () => act(ok, "agenda.act.acceptance", () =>
      state.session.submit(ctx.channel, "agenda.item_accepted", { meeting: m.id, item: it.id })));
    card.append(means(tNodes("agenda.item.accept.means", { side: u("span", ctx.sideName), item: u("span", it.title) })), ok);
  }
  const reason = h("input", { type: "text", maxlength: 5000, id: `agenda-reason-${key}`, dir: "auto" });
  const no = h("button", { type: "button", text: t("agenda.item.decline", { item: it.title }) });
  no.addEventListener("click", () => act(no, "agenda.act.decline", () => {
    if (!reason.value.trim()) throw refuse("agenda.reason_needed", "agenda.item.reason_needed");
    return state.session.submit(ctx.channel, "agenda.item_declined", { meeting: m.id, item: it.id, reason: reason.value.trim() });
  }));
  card.append(field(t("agenda.item.reason"), reason), means(tNodes("agenda.item.decline.means", { side: u("span", ctx.sideName) })), no);
  return card;
}

/** Empty these fields once signed — as they are on the page now: a live update may have
 * redrawn the card (with what was typed) while the entry was on its way. */
function clear(...fields) {
  for (const f of fields) {
    f.value = "";
    const now = document.getElementById(f.id);
    if (now) now.value = "";
  }
}

function addItem(ctx, m, mandate) {
  const box = h("details", { id: `agenda-add-${m.id}` }, h("summary", { text: t("agenda.add.summary") }));
  if (speaks(ctx) && Object.keys(mandate).length) {
    const topic = h("select", { id: `agenda-topic-${m.id}` }, Object.entries(mandate).map(([id, title]) => h("option", { value: id, "data-user": "", dir: "auto", text: title })));
    const id = h("input", { type: "text", id: `agenda-id-${m.id}`, pattern: ID_PATTERN, placeholder: "water-supply" });
    const title = h("input", { type: "text", id: `agenda-title-${m.id}`, maxlength: 200, dir: "auto" });
    const go = h("button", { type: "button", class: "primary", text: t("agenda.propose.button", { meeting: m.id }) });
    go.addEventListener("click", () => act(go, "agenda.act.proposal", () => {
      const item = { id: checkId(id.value.trim(), t("agenda.propose.id")), topic: topic.value, title: title.value.trim() || mandate[topic.value] };
      return state.session.submit(ctx.channel, "agenda.item_proposed", { meeting: m.id, item }).then(() => clear(id, title));
    }));
    box.append(h("fieldset", {}, h("legend", { text: t("agenda.propose.title") }),
      field(t("agenda.propose.topic"), topic), field(t("agenda.propose.id"), id), field(t("agenda.propose.item_title"), title, t("agenda.propose.item_title.hint")),
      means(tNodes("agenda.propose.means", { side: u("span", ctx.sideName) })), go));
  }
  // Any member may record that an item was raised: on a mandate topic or outside it.
  const id = h("input", { type: "text", id: `raise-id-${m.id}`, pattern: ID_PATTERN });
  const title = h("input", { type: "text", id: `raise-title-${m.id}`, maxlength: 200, dir: "auto" });
  const text = h("textarea", { rows: 2, id: `raise-text-${m.id}`, maxlength: 5000, dir: "auto" });
  const topic = h("select", { id: `raise-topic-${m.id}` }, h("option", { value: "", text: t("agenda.raise.no_topic") }),
    Object.entries(mandate).map(([tid, tt]) => h("option", { value: tid, "data-user": "", dir: "auto", text: tt })));
  const go = h("button", { type: "button", text: t("agenda.raise.button", { meeting: m.id }) });
  go.addEventListener("click", () => act(go, "agenda.act.raised", () => {
    const body = { meeting: m.id, item: checkId(id.value.trim(), t("agenda.raise.id")), title: title.value.trim(), text: text.value.trim() };
    if (!body.title) throw refuse("agenda.title_needed", "agenda.raise.title_needed");
    if (topic.value) body.topic = topic.value;
    return state.session.submit(ctx.channel, "agenda.item_raised", body).then(() => clear(id, title, text));
  }));
  box.append(h("fieldset", {}, h("legend", { text: t("agenda.raise.title") }),
    field(t("agenda.raise.id"), id), field(t("agenda.raise.item_title"), title), field(t("agenda.raise.text"), text), field(t("agenda.raise.topic"), topic),
    means(t("agenda.raise.means")), go));
  return box;
}

// ---- the mandate and its extensions -------------------------------------------------------

/** The mandate's topics, the extensions proposed (who signed, who is awaited), a party
 * head's signature on each, and the form to propose one. */
export function mandateSection(ctx, view, extensions) {
  const parties = view.sides.filter((s) => s.kind === "party").map((s) => s.id);
  const pending = extensions.filter((e) => !e.done);
  const sec = h("section", { "aria-labelledby": "h-mandate", id: "mandate" }, h("h2", { id: "h-mandate", text: t("mandate.title") }),
    h("ul", { "aria-label": t("mandate.topics") }, Object.entries(view.mandate).map(([id, title]) => h("li", { "data-topic": id }, u("span", title), " ", code(`(${id})`)))));
  for (const e of pending) {
    const waiting = parties.filter((p) => !(e.signed_by || {})[p]);
    const card = h("article", { "data-extension": e.topic, "aria-labelledby": `ext-${e.topic}` },
      th("h3", { id: `ext-${e.topic}` }, "mandate.extension.title", { title: u("span", e.title), topic: code(e.topic) }),
      h("p", { class: "meta", text: t("mandate.extension.meta", {
        signed: answers(e.signed_by).length ? fmtList(answers(e.signed_by)) : t("people.nobody_yet"), waiting: fmtList(waiting),
      }) }));
    if (ctx.head && !ctx.mediator && !(e.signed_by || {})[ctx.side]) {
      const b = h("button", { type: "button", class: "primary", text: t("mandate.sign", { topic: e.topic }) });
      b.addEventListener("click", () => act(b, "mandate.act.signature", () => state.session.submit(ctx.channel, "mandate.extension_signed", { topic: e.topic })));
      card.append(means(tNodes("mandate.sign.means", { side: u("span", ctx.sideName), title: u("span", e.title) })), b);
    }
    sec.append(card);
  }
  return sec;
}

/** Any member may propose a new topic; it is in the mandate once every party head signed. */
export function extendForm(ctx) {
  const topic = h("input", { type: "text", required: true, pattern: ID_PATTERN, placeholder: "water-supply" });
  const title = h("input", { type: "text", required: true, maxlength: 200, dir: "auto" });
  const reason = h("textarea", { rows: 2, maxlength: 5000, dir: "auto" });
  const go = h("button", { type: "submit", text: t("mandate.extend.button") });
  const form = h("form", { "aria-labelledby": "h-extend", novalidate: true }, h("h2", { id: "h-extend", text: t("mandate.extend.title") }),
    field(t("mandate.extend.topic"), topic), field(t("mandate.extend.topic_title"), title), field(t("mandate.extend.reason"), reason),
    means(t("mandate.extend.means")), go);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    act(go, "mandate.act.proposal", async () => {
      const body = { topic: checkId(topic.value.trim(), t("mandate.extend.topic")), title: title.value.trim() };
      if (!body.title) throw refuse("mandate.title_needed", "mandate.extend.title_needed");
      if (reason.value.trim()) body.reason = reason.value.trim();
      await state.session.submit(ctx.channel, "mandate.extension_proposed", body);
      form.reset();
    });
  });
  return form;
}
