// Public page: check a statement against the public record (POST /public/v1/channels/{id}/check).
// Hand-written, no dependencies. Builds the result with DOM nodes (never innerHTML), so
// nothing in a statement or in the record can inject markup. Its words come from the
// catalog of the page's language (<html lang>, chosen by the server).
import { has, setLang, t, tNodes, timeEl } from "/assets/i18n.js";

const form = document.getElementById("check-form");
const ready = setLang(document.documentElement.lang || "en", { remember: false, quiet: true });

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
function user(tag, text) {
  const e = el(tag, text);
  e.dir = "auto";
  e.dataset.user = "";
  return e;
}

/** The entries a verdict rests on: each by its type and date, a link to where this page
 * shows it (a published entry or communiqué), and its offline proof bundle. */
function evidence(cited) {
  const box = el("div", undefined, "meta");
  const list = el("ul", undefined, "evidence");
  const seen = new Set();
  for (const e of cited) {
    if (seen.has(e.entry)) continue;
    seen.add(e.entry);
    const li = el("li");
    li.dataset.entry = e.entry;
    const header = e.bundle && e.bundle.entry && e.bundle.entry.header;
    const label = header
      ? tNodes("check.evidence.item", { type: has(`entry.${header.type}`) ? t(`entry.${header.type}`) : header.type, date: timeEl(e.bundle.relay.received) })
      : [t("check.evidence.entry")];
    const shown = document.getElementById(`communique-${e.entry}`) || document.getElementById(`entry-${e.entry}`);
    if (shown) {
      const a = el("a");
      a.href = `#${shown.id}`;
      a.append(...label);
      li.append(a);
    } else {
      li.append(...label);
    }
    if (e.bundle) {
      const proof = el("a", t("check.evidence.proof"), "proof");
      proof.href = `/public/v1/channels/${encodeURIComponent(form.dataset.channel)}/entries/${encodeURIComponent(e.entry)}/bundle`;
      li.append(" — ", proof);
    }
    list.append(li);
  }
  box.append(t("public.check.evidence"), list);
  return box;
}

if (form) {
  const out = document.getElementById("check-result");
  const channel = form.dataset.channel;

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    await ready;
    const text = form.elements.statement.value.trim();
    out.replaceChildren(el("p", t("public.check.checking")));
    if (!text) { out.replaceChildren(el("p", t("public.check.empty"))); return; }
    let data;
    try {
      const r = await fetch(`/public/v1/channels/${encodeURIComponent(channel)}/check`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ statements: [text] }),
      });
      data = await r.json();
      if (!r.ok) throw new Error((data.error && data.error.message) || `HTTP ${r.status}`);
    } catch (e) {
      out.replaceChildren(el("p", t("public.check.failed", { error: e.message }), "bad"));
      return;
    }
    const list = el("ol");
    list.className = "claims";
    for (const c of data[0].claims) {
      const item = el("li");
      item.dataset.verdict = c.verdict;
      const head = el("p");
      const verdict = `verdict.${c.verdict}`;
      head.append(el("strong", has(verdict) ? t(verdict) : c.verdict, `verdict ${c.verdict}`), " — “", user("span", c.text), "”");
      // The checker explains in English (its words come from the server).
      const why = el("p", c.explanation, "meta");
      why.lang = "en";
      why.dataset.serverText = "";
      item.append(head, why);
      if (c.evidence.length) item.append(evidence(c.evidence));
      list.append(item);
    }
    out.replaceChildren(el("p", t("public.check.note"), "meta"), list);
    out.focus();
  });
}
