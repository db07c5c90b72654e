// The pages' display language and time zone: message catalogs, plurals, dates, numbers.
//
// Catalogs are flat JSON files, one per language, served from /assets/i18n/<lang>.json
// (src/parley/api/assets/i18n/): "messages.compose.send": "Sign and send", with {name}
// placeholders. A key whose form depends on a number has one entry per CLDR plural
// category of the language ("….one", "….few", "….many", "….other"), chosen with
// Intl.PluralRules. Dates, numbers, durations and lists go through Intl in the page's
// language. Only what is shown changes with the language: nothing the pages sign does.
//
// The members' pages (/app) remember the choice (and the alert sound switch) per member (localStorage, keyed by the
// key id) and browser-wide before sign-in; the first default comes from
// navigator.languages. The public page takes its language from <html lang>, which the
// server chose (?lang=, Accept-Language).

export const LANGUAGES = { en: "English", ru: "Русский", hy: "Հայերեն", az: "Azərbaycan dili" };
/** Time zones offered besides the browser's own. */
export const ZONES = ["UTC", "Asia/Baku", "Asia/Yerevan", "Asia/Tbilisi", "Europe/Moscow"];
// The locale Intl formats with: English dates the way the parties' English texts write
// them ("6 Dec 2026"); Azerbaijani is Latin script ("az" in CLDR).
const FORMAT_LOCALE = { en: "en-GB", ru: "ru", hy: "hy", az: "az" };
const PREFS = "parley.prefs.v1";

const fetched = new Map(); // lang → Promise of its catalog
let current = "en";
let strings = {};
let english = {};
let zoneChosen = ""; // "" = the browser's own zone
let sound = true; // the alert tone (app.js), remembered with the language and zone
let prefsKey = null; // the signed-in member's localStorage key, if any
const listeners = new Set();

function catalog(code) {
  if (!fetched.has(code)) {
    const p = fetch(`/assets/i18n/${code}.json`, { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`catalog ${code}: ${r.status}`))));
    p.catch(() => fetched.delete(code));
    fetched.set(code, p);
  }
  return fetched.get(code);
}

/** The supported language a tag names ("ru-RU" → "ru"), or null. */
export function supported(tag) {
  const base = String(tag || "").toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(LANGUAGES, base) ? base : null;
}

/** The language of the pages now ("en", "ru", "hy" or "az"). */
export function lang() { return current; }

/** The BCP 47 locale Intl formats with, for the page's language. */
export function locale() { return FORMAT_LOCALE[current] || current; }

/** Change the display language: load its catalog, set <html lang>, remember it (unless
 * `remember` is false), and tell the listeners (onChange) so they re-render. */
export async function setLang(code, { remember = true, quiet = false } = {}) {
  const next = supported(code) || "en";
  const [cat, en] = await Promise.all([catalog(next), catalog("en")]);
  strings = cat;
  english = en;
  current = next;
  document.documentElement.lang = next;
  if (remember) save();
  if (!quiet) notify();
}

/** The IANA zone dates are shown in: the one chosen, else the browser's. */
export function zone() { return zoneChosen || browserZone(); }
/** The zone chosen ("" when the browser's own zone is used). */
export function zoneChoice() { return zoneChosen; }
export function browserZone() { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; }

function validZone(z) {
  if (!z) return "";
  try { new Intl.DateTimeFormat("en", { timeZone: z }); return z; } catch { return ""; }
}

/** Change the time zone ("" for the browser's own); remembered like the language. */
export function setZone(z, { remember = true } = {}) {
  zoneChosen = validZone(z);
  if (remember) save();
  notify();
}

/** Whether a new alert plays a tone (the header's switch on /app). */
export function soundOn() { return sound; }
/** Switch the alert tone on or off; remembered like the language (nothing re-renders). */
export function setSound(on) {
  sound = !!on;
  save();
}

/** Run `fn` after every change of language or zone; returns a function that stops it. */
export function onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }
function notify() { for (const fn of listeners) fn(); }

function read(key) {
  try { return JSON.parse(localStorage.getItem(key) || "null"); } catch { return null; }
}
function save() {
  const p = JSON.stringify({ lang: current, zone: zoneChosen, sound });
  try {
    localStorage.setItem(PREFS, p); // the browser-wide default, before anyone signs in
    if (prefsKey) localStorage.setItem(prefsKey, p);
  } catch { /* storage full or disabled: the choice lasts for this page only */ }
}

/** Use the preferences of the member with `keyId` (null: nobody signed in): theirs, else
 * this browser's default, else the first of navigator.languages the pages speak. The
 * caller renders afterwards (listeners are not told). */
export async function usePrefsOf(keyId) {
  prefsKey = keyId ? `${PREFS}:${keyId}` : null;
  const p = (prefsKey && read(prefsKey)) || read(PREFS) || {};
  const wanted = supported(p.lang) || (navigator.languages || [navigator.language]).map(supported).find(Boolean) || "en";
  zoneChosen = validZone(p.zone);
  sound = p.sound !== false;
  await setLang(wanted, { remember: false, quiet: true });
}

function plain(v) {
  if (typeof v === "number") return fmtNumber(v);
  if (Array.isArray(v)) return fmtList(v.map(String));
  return String(v);
}

function lookup(key, params) {
  const has = (k) => Object.hasOwn(strings, k) || Object.hasOwn(english, k);
  const get = (k) => (Object.hasOwn(strings, k) ? strings[k] : english[k]);
  if (has(key)) return get(key);
  if (typeof params.count === "number") {
    const cat = new Intl.PluralRules(locale()).select(params.count);
    for (const k of [`${key}.${cat}`, `${key}.other`]) if (has(k)) return get(k);
  }
  return key; // a missing key shows itself (the catalog test keeps this from happening)
}

/** Whether the catalogs have `key` (a word for a state or type the server sent). */
export function has(key) { return Object.hasOwn(strings, key) || Object.hasOwn(english, key); }

/** The text of `key` in the page's language with {placeholders} filled from `params`
 * (numbers formatted, arrays as a list). With a numeric `params.count` and no plain
 * entry, the entry for the count's plural category ("key.one", "key.few", …). */
export function t(key, params = {}) {
  return lookup(key, params).replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(params, k) ? plain(params[k]) : m));
}

/** Like t(), but a parameter may be a DOM node (a name in bold, a time element): returns
 * the strings and nodes to append, in order. */
export function tNodes(key, params = {}) {
  const out = [];
  const text = lookup(key, params);
  let at = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (!Object.hasOwn(params, m[1])) continue;
    if (m.index > at) out.push(text.slice(at, m.index));
    const v = params[m[1]];
    out.push(v instanceof Node ? v : plain(v));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A date and time in the chosen zone, with the zone shown: "6 Dec 2026, 14:05 GMT+4".
 * Intl gives the numbers in the zone; the month's name and the order come from the
 * catalog ("date.month.12", "date.datetime"), as browsers with trimmed locale data
 * (Chromium on Linux and Android: no Armenian months, "M12" in Azerbaijani) would
 * otherwise show English or bare numbers. */
export function fmtTime(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const f = new Intl.DateTimeFormat("en-GB", {
    year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23", timeZone: zone(), timeZoneName: "shortOffset",
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return t("date.datetime", {
    day: String(Number(p.day)), month: t(`date.month.${Number(p.month)}`), year: p.year,
    time: `${p.hour}:${p.minute}`, zone: /^GMT([+-]0)?$/.test(p.timeZoneName) ? "UTC" : p.timeZoneName,
  });
}

/** The same as a <time> element, with the exact UTC time in its title (for hover). */
export function timeEl(iso) {
  const e = document.createElement("time");
  e.textContent = fmtTime(iso);
  const d = iso ? new Date(iso) : null;
  if (d && !Number.isNaN(d.getTime())) {
    const utc = d.toISOString().replace(/\.\d{3}Z$/, "Z");
    e.dateTime = utc;
    e.title = `${utc} (UTC)`;
  }
  return e;
}

export function fmtNumber(n, opts = {}) { return new Intl.NumberFormat(locale(), opts).format(n); }

/** Items joined as the language joins a list ("a, b and c"); a plain comma where the
 * browser has no list data for the language. */
export function fmtList(items, type = "conjunction") {
  if (!Intl.ListFormat.supportedLocalesOf([locale()]).length) return items.join(", ");
  return new Intl.ListFormat(locale(), { style: "long", type }).format(items);
}

/** A duration of `seconds` in words, at most its two largest units: "2 hours", "1 day
 * 3 hours", "4 min 10 s" (style "short"). The unit words come from the catalog
 * ("duration.hour.few", "duration.short.minute"). */
export function fmtDuration(seconds, style = "long") {
  const s = Math.max(0, Math.round(Math.abs(seconds)));
  const all = [["day", Math.floor(s / 86400)], ["hour", Math.floor((s % 86400) / 3600)],
    ["minute", Math.floor((s % 3600) / 60)], ["second", s % 60]];
  const first = all.findIndex(([, v]) => v > 0);
  const parts = first < 0 ? [["second", 0]] : all.slice(first, first + 2).filter(([, v], i) => i === 0 || v > 0);
  return parts.map(([unit, count]) => t(style === "short" ? `duration.short.${unit}` : `duration.${unit}`, { count })).join(" ");
}

/** Fill elements marked in the HTML: data-i18n (text), data-i18n-aria-label,
 * data-i18n-title. */
export function translateStatic(root = document) {
  for (const e of root.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of root.querySelectorAll("[data-i18n-aria-label]")) e.setAttribute("aria-label", t(e.dataset.i18nAriaLabel));
  for (const e of root.querySelectorAll("[data-i18n-title]")) e.title = t(e.dataset.i18nTitle);
}
