"""The members' web pages: one server-rendered shell, filled by ``assets/app.js``.

Everything a member sees comes from the same signed-in API the SDK uses, and every
action is an entry signed in the browser with the member's own WebCrypto key (kept
non-extractable in IndexedDB, ``assets/parley.js``). The server renders only this shell:
it holds nothing private, so it can be the same for everyone and cached. Its few words
are English until ``assets/app.js`` puts them in the reader's language (``data-i18n``:
catalog keys, ``assets/i18n/*.json``); the language and time-zone switches are filled
there too.
"""

from __future__ import annotations

STYLE = """
:root{--fg:#111;--muted:#444;--bad:#a00000;--good:#006100;--warn:#5c4a00;--line:#ccc;--focus:#1a5fb4}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:var(--fg);background:#fff}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid var(--line);background:#f6f6f6}
header.top .who{margin-left:auto;font-size:.9rem;color:var(--muted)}
header.top .prefs{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;font-size:.9rem}
header.top .prefs label{display:inline;margin:0 .25rem 0 0;font-weight:400}
header.top .prefs select{width:auto;max-width:14rem;padding:.1rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0;padding:.5rem 1rem;border-bottom:1px solid var(--line)}
nav a[aria-current=page]{font-weight:700;text-decoration:none;border-bottom:3px solid var(--fg)}
main{max-width:72rem;margin:0 auto;padding:1rem}
a{color:#0b4f9c}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:.5rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(20rem,100%),1fr));gap:1rem}
.grid>*{min-width:0}
article,.card{border:1px solid var(--line);border-radius:6px;padding:.75rem;margin:.5rem 0}
article.overdue{border:3px solid var(--bad)}
.meta{color:var(--muted);font-size:.9rem}
.bad,.overdue-text{color:var(--bad);font-weight:700}
.good{color:var(--good)}
.warn{color:var(--warn)}
.badge{display:inline-block;padding:0 .4rem;border-radius:4px;border:1px solid currentColor;font-size:.85rem}
.badge.flash,.badge.urgent{color:var(--bad)}
ol.hops{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem .5rem;padding:0;margin:.25rem 0}
ol.hops li{padding:0 .4rem;border-radius:4px;border:1px solid var(--line);font-size:.9rem}
ol.hops li.done{border-color:var(--good);color:var(--good)}
ol.hops li.done::before{content:"✓ "}
ol.hops li.pending{color:var(--muted);border-style:dashed}
label{display:block;margin:.5rem 0 .15rem;font-weight:600}
input,select,textarea,button{font:inherit}
input[type=text],input[type=password],select,textarea{width:100%;max-width:40rem;padding:.3rem;border:1px solid #767676;border-radius:4px}
button{padding:.35rem 1rem;border:1px solid #333;border-radius:4px;background:#fff;cursor:pointer;margin:.25rem .5rem .25rem 0}
button.primary{background:#0b4f9c;color:#fff;border-color:#0b4f9c}
.means{border-left:4px solid #0b4f9c;background:#eef4fb;padding:.4rem .75rem;margin:.5rem 0;font-size:.95rem}
.wdiff{white-space:pre-wrap;border:1px solid var(--line);padding:.5rem;line-height:1.7}.wdiff del{background:#fde2e2;color:#7a0000;text-decoration:line-through}.wdiff ins{background:#dcf5dc;color:#004d00;text-decoration:underline}
pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem;overflow-x:auto}
table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
.feed li{font-size:.9rem}
.code{font-family:ui-monospace,monospace;word-break:break-all}
#alerts{max-width:72rem;margin:.5rem auto;padding:.5rem 1rem;border:3px solid var(--bad);border-radius:6px;background:#fff6f6}
#alerts h2{margin:0 0 .25rem;border:0;font-size:1.1rem;color:var(--bad)}
#alerts ul{margin:0;padding-left:1.25rem}
#alerts li{margin:.25rem 0;overflow-wrap:anywhere}
#alerts .means{margin:.25rem 0 0}
header.top .prefs button{margin:0;padding:.1rem .5rem;font-size:.9rem}
header.top .prefs input[type=checkbox]{margin:0 .25rem 0 0;vertical-align:middle}
p[data-user],div[data-user]{white-space:pre-wrap;overflow-wrap:break-word}
.act-note{margin:.25rem 0;font-weight:600}
#flash:not(:empty){max-width:72rem;margin:.5rem auto;padding:.25rem 1rem;border:2px solid var(--fg);border-radius:6px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.25rem;z-index:3}
@media (max-width:40rem){main{padding:.5rem}table{display:block;overflow-x:auto}td,th{overflow-wrap:anywhere;min-width:5rem}header.top .who{margin-left:0}header.top .prefs select{max-width:11rem}}
nav a.new-message{display:inline-block;padding:.1rem .75rem;border-radius:4px;background:#0b4f9c;color:#fff;text-decoration:none;font-weight:600}
fieldset.segmented{border:0;padding:0;margin:.5rem 0 0;min-width:0}
fieldset.segmented legend{font-weight:600;padding:0;margin-bottom:.15rem}
fieldset.segmented label{display:inline-flex;gap:.4rem;align-items:center;font-weight:400;margin:.15rem .4rem .15rem 0;padding:.4rem .75rem;min-height:2.75rem;border:1px solid #767676;border-radius:4px;cursor:pointer}
fieldset.segmented label:has(input:checked){border:2px solid #0b4f9c;background:#eef4fb;font-weight:600}
form.filters{margin:0 0 1rem}form.filters h2{margin-top:0}
form.filters input[type=search]{width:100%;max-width:40rem;padding:.3rem;border:1px solid #767676;border-radius:4px}
form.filters .filter-row{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(11rem,100%),1fr));gap:0 .75rem}
.thread{border-left:3px solid var(--line);padding-left:.5rem;margin:.5rem 0}
.thread article.reply{margin-left:1rem}
.thread details.earlier summary{cursor:pointer;color:#0b4f9c;padding:.25rem 0}
@media (max-width:40rem){nav a.new-message{position:fixed;right:.75rem;bottom:.75rem;z-index:2;padding:.6rem 1rem;box-shadow:0 2px 6px rgba(0,0,0,.4)}main{padding-bottom:4.5rem}}
label.inline{display:inline;font-weight:400;margin:0}
fieldset.choose{max-height:22rem;overflow-y:auto}
fieldset.choose .pick{margin:.35rem 0;overflow-wrap:anywhere}
[data-agenda] .item{border-top:1px solid #ccc;padding:.25rem 0}
#outbox-button{margin:0;padding:.1rem .5rem;font-size:.9rem;border-style:dashed}
#outbox-button.bad{color:var(--bad);border-color:var(--bad);font-weight:700}
#outbox{max-width:72rem;margin:.5rem auto;padding:.5rem 1rem;border:2px solid var(--line);border-radius:6px}
#outbox h2{margin:0 0 .25rem;border:0;font-size:1.1rem}
#outbox ol{margin:.25rem 0;padding-left:1.25rem}
#outbox li{margin:.5rem 0;overflow-wrap:anywhere}
#outbox li p{margin:.15rem 0}
"""


def render() -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Parley</title><link rel='icon' href='data:,'>"
        f"<style>{STYLE}</style>"
        "<script type='module' src='/assets/app.js'></script></head><body>"
        "<a href='#main' class='skip' data-i18n='shell.skip'>Skip to content</a>"
        "<header class='top'><strong translate='no'>Parley</strong>"
        "<span id='live' class='meta'></span><span class='who' id='who'></span>"
        "<span class='prefs'>"
        "<span><label for='pref-lang' data-i18n='prefs.language'>Language</label>"
        "<select id='pref-lang'></select></span>"
        "<span><label for='pref-zone' data-i18n='prefs.zone'>Time zone</label>"
        "<select id='pref-zone'></select></span>"
        "<span><input type='checkbox' id='pref-sound' checked> "
        "<label for='pref-sound' data-i18n='alerts.sound'>Alert sound</label></span>"
        "<button type='button' id='pref-notify' hidden data-i18n='alerts.notify.ask'>"
        "Desktop notifications</button></span></header>"
        "<nav id='nav' aria-label='Channel sections' data-i18n-aria-label='shell.nav'></nav>"
        "<div id='alerts' role='alert' hidden></div>"
        "<div id='flash' role='status' aria-live='polite'></div>"
        "<main id='main' tabindex='-1'>"
        "<noscript><p>These pages sign every action with your key inside the browser, so they "
        "need JavaScript. Without it, use the <code>parley</code> command line.</p></noscript>"
        "<p data-i18n='shell.loading'>Loading…</p></main>"
        "</body></html>"
    )
