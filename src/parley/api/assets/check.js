// Public page: check a statement against the public record (POST /public/v1/channels/{id}/check).
// Hand-written, no dependencies. Builds the result with DOM nodes (never innerHTML), so
// nothing in a statement or in the record can inject markup. Its words come from the
// catalog of the page's language (<html lang>, chosen by the server).
import { has, setLang, t, tNodes } from "/assets/i18n.js";

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
      for (const e of c.evidence) {
        const p = el("p", "", "meta");
        const id = el("span", e.entry);
        id.translate = false;
        id.dataset.user = "";
        if (e.bundle) {
          const a = el("a");
          a.append(...tNodes("public.check.bundle", { entry: id }));
          a.href = `/public/v1/channels/${encodeURIComponent(channel)}/entries/${encodeURIComponent(e.entry)}/bundle`;
          p.append(t("public.check.evidence"), " ", a);
        } else {
          p.append(...tNodes("public.check.evidence_entry", { entry: id }));
        }
        item.append(p);
      }
      list.append(item);
    }
    out.replaceChildren(el("p", t("public.check.note"), "meta"), list);
    out.focus();
  });
}
