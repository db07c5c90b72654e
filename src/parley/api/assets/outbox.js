// The outbox: entries signed in this browser, kept in IndexedDB before they are sent.
//
// The SDK's outbox semantics (src/parley/client/outbox.py), in the browser: an entry is
// signed once and stored here before the first attempt to send it, so a dead network or
// a reload loses nothing; pending entries go out strictly in the order they were signed —
// one at a time, or, when a channel has more than one waiting, in order through the batch
// route (POST .../entries/batch, as the SDK's submit_many), each entry with its own answer;
// a resend of an entry that did arrive (its answer lost, or sent from
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
let noBatch = false; // the server has no batch route (404/405): one at a time from now on

/** Most entries in one batch request, and its largest body with room to spare: the
 * server's `max_batch_entries` and `max_batch_bytes` (as the SDK's client/batch.py). */
export const MAX_BATCH = 256;
export const MAX_BATCH_BYTES = 1024 * 1024 - 4096;

/** The first batch of `records` (oldest first) within the server's limits. */
export function chunk(records) {
  const enc = new TextEncoder();
  const out = [];
  let size = 16; // {"entries":[]}
  for (const r of records) {
    const n = enc.encode(JSON.stringify(r.entry)).length + 1;
    if (out.length && (out.length >= MAX_BATCH || size + n > MAX_BATCH_BYTES)) break;
    out.push(r);
    size += n;
  }
  return out;
}

function errorOf(error) {
  return { code: error.code || "net.unreachable", message: String(error.message || error), status: error.status ?? 0 };
}

/** A receipt that is not for its entry is not taken as one (the batch answers by
 * position): the entry stays pending, as if the server had not answered. */
function checked(receipt, id) {
  if (receipt && receipt.id === id) return { receipt };
  return { error: { code: "relay.mismatch", message: "the server's receipt is for another entry", status: 0 } };
}

/** Send the pending entries of `author`, oldest first, with `send(entry)` (resolves to the
 * server's receipt, throws what the API threw) or, when the oldest pending entry's channel
 * has more than one, with `sendMany(entries)` — the batch route: resolves to one
 * `{receipt}` or `{error}` per entry, in order, and throws what the API threw for the
 * request as a whole. Stops at the first entry the server cannot be reached for; a refused
 * one is marked failed and the next goes on. One flush at a time in this tab, and in the
 * whole browser where Web Locks exist: two tabs never send the same entry at once (and if
 * they did, the server would answer the second with the first's receipt). Returns
 * {sent, refused, away}. */
export function flush(author, send, sendMany = null) {
  if (running) return running.then(() => flush(author, send, sendMany)); // after the one under way
  const once = async () => {
    const out = { sent: 0, refused: 0, away: false };
    for (;;) {
      const pending = (await list(author)).filter((r) => r.state === "pending");
      if (!pending.length) return out;
      const channel = pending.filter((r) => r.channel === pending[0].channel);
      const go = channel.length > 1 && sendMany && !noBatch
        ? await sendBatch(chunk(channel), send, sendMany, out)
        : await sendOne(pending[0], send, out);
      if (!go) return out;
    }
  };
  const locked = () => (navigator.locks ? navigator.locks.request(`parley-outbox:${author}`, once) : once());
  running = locked().finally(() => { running = null; });
  return running;
}

/** Record what the server answered for one entry ({receipt} or {error}); returns its
 * outcome ("sent", "refused" or "away"). */
async function settle(rec, answer, out) {
  const how = outcome(answer.error);
  if (how === "sent") {
    await drop(rec.id);
    if (awaited.has(rec.id)) results.set(rec.id, { receipt: answer.receipt });
    out.sent++;
    return how;
  }
  const fields = { tries: (rec.tries || 0) + 1, last: new Date().toISOString(), error: errorOf(answer.error) };
  if (how === "refused") {
    await update(rec.id, { ...fields, state: "failed" });
    if (awaited.has(rec.id)) results.set(rec.id, { error: answer.error });
    out.refused++;
  } else {
    await update(rec.id, fields);
  }
  return how;
}

/** One entry through the single route; whether to go on with the next. */
async function sendOne(rec, send, out) {
  let answer;
  try { answer = checked(await send(rec.entry), rec.id); } catch (error) { answer = { error }; }
  if ((await settle(rec, answer, out)) !== "away") return true;
  out.away = true;
  return false;
}

/** Entries of one channel through the batch route; whether to go on with the next.
 *
 * The server takes a batch's entries in order and gives each the answer the single route
 * would have: each is checked against the log the entries before it left, so a refused
 * one is marked failed and the next goes on, as one at a time. Entries over the key's
 * rate or entries in flight are answered 429 before any is checked, and always from some
 * entry to the end of the batch: those stay pending and go again at once, in order, in
 * the next batch (as the SDK's `submit_batch` resends them), once an earlier one was
 * answered. Any other "away" answer (503: its group's write failed) stops the flush, and
 * the entries after it are not settled by this answer either: their checks ran without
 * the entry before them, so they stay pending and go again after it — except one the
 * server accepted anyway, which is in the log and is dropped. */
async function sendBatch(batch, send, sendMany, out) {
  let answers;
  try {
    answers = await sendMany(batch.map((r) => r.entry));
  } catch (error) {
    if (error && (error.status === 404 || error.status === 405)) { noBatch = true; return true; } // an older server
    if (outcome(error) === "away") { await settle(batch[0], { error }, out); out.away = true; return false; }
    // The request as a whole was refused (it should not be: the batch is within the
    // limits): its first entry alone, which gets its own answer; the rest go on after it.
    return sendOne(batch[0], send, out);
  }
  if (!Array.isArray(answers) || answers.length !== batch.length) {
    await settle(batch[0], { error: { code: "batch.bad_answer", message: "the server's answer has not one result per entry", status: 0 } }, out);
    out.away = true;
    return false;
  }
  let stop = null; // the first entry that stays pending
  let answered = 0;
  for (let i = 0; i < batch.length; i++) {
    const rec = batch[i];
    const answer = answers[i].error ? answers[i] : checked(answers[i].receipt, rec.id);
    if (stop === null) {
      const how = await settle(rec, answer, out);
      if (how === "away") stop = answer.error; else answered++;
    } else if (!answer.error) {
      await settle(rec, answer, out); // accepted after one that was not: it is in the log
    } else {
      await update(rec.id, { tries: (rec.tries || 0) + 1, last: new Date().toISOString(), error: errorOf(answer.error) });
    }
  }
  if (stop === null) return true;
  if (stop.status === 429 && answered > 0) return true; // slowed down after some went through: at once
  out.away = true;
  return false;
}

/** What a flush in this tab settled for an entry: {receipt} or {error}, or undefined. */
export function settled(id) {
  const r = results.get(id);
  results.delete(id);
  awaited.delete(id);
  return r;
}
