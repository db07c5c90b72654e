// The outbox: entries signed in this browser, kept in IndexedDB before they are sent.
//
// The SDK's outbox semantics (src/parley/client/outbox.py), in the browser: an entry is
// signed once and stored here before the first attempt to send it, so a dead network or
// a reload loses nothing; pending entries go out strictly in the order they were signed,
// one at a time; a resend of an entry that did arrive (its answer lost, or sent from
// another tab) appends nothing, because the server is idempotent on entry ids and answers
// with the original receipt; an entry the server refuses is kept, marked failed with the
// server's error, until the member discards it or sends it again.
//
// A database of its own ("parley-outbox"), not a new store in the identity's database:
// adding a store there means a version upgrade, which a tab still open on the old
// version blocks — and the key must always open.
//
// No DOM here and no imports: parley.js sends through it, offline.js shows it.

const DB = "parley-outbox";
const STORE = "entries";

let opened = null;
function db() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => {
        const s = req.result.createObjectStore(STORE, { keyPath: "n", autoIncrement: true });
        s.createIndex("id", "id", { unique: true });
        s.createIndex("author", "author");
      };
      req.onsuccess = () => {
        const d = req.result;
        d.onversionchange = () => { d.close(); opened = null; }; // a later version may open
        resolve(d);
      };
      req.onerror = () => { opened = null; reject(req.error); };
    });
  }
  return opened;
}
async function tx(mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    let out;
    Promise.resolve(fn(t.objectStore(STORE))).then((v) => { out = v; }, reject);
    t.oncomplete = () => resolve(out);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}
const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

// ---- who is told about changes ---------------------------------------------------------

/** "change" whenever an entry is added, sent, refused or discarded (in this tab or,
 * through the BroadcastChannel, in another tab of this browser). */
export const changes = new EventTarget();
const others = "BroadcastChannel" in self ? new BroadcastChannel("parley-outbox") : null;
if (others) others.onmessage = () => changes.dispatchEvent(new Event("change"));
function changed() {
  changes.dispatchEvent(new Event("change"));
  others?.postMessage("change");
}

// ---- the store -------------------------------------------------------------------------

/** Keep a signed entry ({header, signature, body, salt}) as pending; returns its record. */
export async function keep(entry) {
  const h = entry.header;
  const rec = {
    id: h.id, author: h.author, channel: h.channel, type: h.type, time: h.time,
    entry, state: "pending", error: null, tries: 0, last: null,
  };
  rec.n = await tx("readwrite", (s) => req(s.add(rec)));
  awaited.add(h.id);
  changed();
  return rec;
}

/** The records of a key, oldest first: {n, id, channel, type, time, state, error, tries, entry}. */
export async function list(author) {
  const all = await tx("readonly", (s) => req(s.index("author").getAll(author)));
  return all.sort((a, b) => a.n - b.n);
}

/** The record of an entry id, or null. */
export async function find(id) {
  return (await tx("readonly", (s) => req(s.index("id").get(id)))) || null;
}

async function update(id, fields) {
  await tx("readwrite", async (s) => {
    const rec = await req(s.index("id").get(id));
    if (rec) await req(s.put({ ...rec, ...fields }));
  });
  changed();
}

/** Drop an entry from the outbox (it was sent, or the member discards it). */
export async function drop(id) {
  await tx("readwrite", async (s) => {
    const key = await req(s.index("id").getKey(id));
    if (key !== undefined) await req(s.delete(key));
  });
  changed();
}

/** A refused entry back in the queue, to be sent again in its place in the order. */
export async function retry(id) { await update(id, { state: "pending", error: null }); }

// ---- sending ---------------------------------------------------------------------------

/** What an attempt to send came to: "sent", "refused" (a typed 4xx answer: kept as failed
 * and not sent again by itself), or "away" (no answer, 502–504, a rate limit waited out,
 * an expired sign-in: the entry waits and is tried again). */
export function outcome(e) {
  if (!e) return "sent";
  const status = typeof e.status === "number" ? e.status : null;
  if (status === null || status === 0 && !e.code) return "away"; // fetch threw: no server
  if (status === 401 || status === 408 || status === 429 || status >= 502 && status <= 504) return "away";
  if (status >= 400) return "refused";
  return "away";
}

const awaited = new Set(); // entries kept by this tab, whose submit waits for the outcome
const results = new Map(); // entry id → its receipt or error, settled by a flush in this tab
let running = null;

/** Send the pending entries of `author`, oldest first, one at a time, with `send(entry)`
 * (resolves to the server's receipt, throws what the API threw). Stops at the first one
 * the server cannot be reached for; a refused one is marked failed and the next goes on.
 * One flush at a time in this tab, and in the whole browser where Web Locks exist: two
 * tabs never send the same entry at once (and if they did, the server would answer the
 * second with the first's receipt). Returns {sent, refused, away}. */
export function flush(author, send) {
  if (running) return running.then(() => flush(author, send)); // after the one under way
  const once = async () => {
    const out = { sent: 0, refused: 0, away: false };
    for (;;) {
      const next = (await list(author)).find((r) => r.state === "pending");
      if (!next) return out;
      let receipt = null;
      let error = null;
      try { receipt = await send(next.entry); } catch (e) { error = e; }
      const how = outcome(error);
      const tries = (next.tries || 0) + 1;
      const err = error ? { code: error.code || "net.unreachable", message: String(error.message || error), status: error.status ?? 0 } : null;
      if (how === "away") {
        await update(next.id, { tries, last: new Date().toISOString(), error: err });
        out.away = true;
        return out;
      }
      if (how === "refused") {
        await update(next.id, { tries, last: new Date().toISOString(), state: "failed", error: err });
        if (awaited.has(next.id)) results.set(next.id, { error });
        out.refused++;
        continue;
      }
      await drop(next.id);
      if (awaited.has(next.id)) results.set(next.id, { receipt });
      out.sent++;
    }
  };
  const locked = () => (navigator.locks ? navigator.locks.request(`parley-outbox:${author}`, once) : once());
  running = locked().finally(() => { running = null; });
  return running;
}

/** What a flush in this tab settled for an entry: {receipt} or {error}, or undefined. */
export function settled(id) {
  const r = results.get(id);
  results.delete(id);
  awaited.delete(id);
  return r;
}
