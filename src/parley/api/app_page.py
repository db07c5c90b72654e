"""The members' web pages: one server-rendered shell, filled by ``assets/app.js``.

Everything a member sees comes from the same signed-in API the SDK uses, and every
action is an entry signed in the browser with the member's own WebCrypto key (kept
non-extractable in IndexedDB, ``assets/parley.js``). The server renders only this shell:
it holds nothing private, so it can be the same for everyone and cached. Its few words
are English until ``assets/app.js`` puts them in the reader's language (``data-i18n``:
catalog keys, ``assets/i18n/*.json``); the language and time-zone switches are filled
there too. Its look is the pages' one stylesheet, ``assets/app.css`` (docs/web.md#design).
"""

from __future__ import annotations


def render() -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Parley</title><link rel='icon' href='data:,'>"
        "<link rel='stylesheet' href='/assets/app.css'>"
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
