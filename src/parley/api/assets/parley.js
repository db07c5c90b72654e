// Parley in the browser: the member's key, sign-in, signed entries, the push stream.
//
// The private key is a WebCrypto Ed25519 key created (or imported) as NON-extractable
// and kept in IndexedDB: script on this origin can ask the browser to sign with it but
// can never read it, and the server never sees it. Everything here mirrors the Python
// SDK (src/parley/client): RFC 8785 canonical JSON, salted body digests, the
// "parley/entry/v1\n" signing prefix, the challenge sign-in.

import { drop, find, flush, keep, settled } from "./outbox.js";
import { problem, schemas } from "./schema.js";

const enc = new TextEncoder();

export function b64(bytes) {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}
export function unb64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
function b64url(bytes) {
  return b64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function unb64url(text) {
  const t = text.replace(/-/g, "+").replace(/_/g, "/");
  return unb64(t + "=".repeat((4 - (t.length % 4)) % 4));
}

/** Invitation links and enrolment codes: a small JSON object (nothing secret), base64url. */
export function encodeCode(obj) {
  return b64url(enc.encode(JSON.stringify(obj)));
}
/** The object in a code; throws when the text is not one. */
export function decodeCode(text) {
  return JSON.parse(new TextDecoder().decode(unb64url(text.trim())));
}
function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) { out.set(p, i); i += p.length; }
  return out;
}
async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

// RFC 8785: object names sorted by UTF-16 code units (JavaScript's default sort),
// strings and numbers as ECMAScript serialises them.
export function canonical(v) {
  if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("no NaN or Infinity in canonical JSON");
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
  const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + canonical(v[k])).join(",") + "}";
}

export async function keyIdOf(rawPublic) {
  const h = await sha256(concat(enc.encode("parley-key/v1\n"), rawPublic));
  return "k" + Array.from(h.slice(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key id in groups of four, to read aloud on a hotline. */
export function spaced(keyId) {
  return keyId.slice(0, 1) + " " + keyId.slice(1).match(/.{1,4}/g).join(" ");
}

// ---- the key in IndexedDB ---------------------------------------------------------

function db() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("parley", 1);
    req.onupgradeneeded = () => req.result.createObjectStore("keys");
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
async function idb(mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction("keys", mode);
    const req = fn(tx.objectStore("keys"));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
  });
}

/** This browser's identity: {keyId, publicKey (base64), name, title, private (CryptoKey)} or null. */
export async function loadIdentity() {
  return (await idb("readonly", (s) => s.get("me"))) || null;
}
async function saveIdentity(identity) {
  await idb("readwrite", (s) => s.put(identity, "me"));
  return identity;
}
export async function forgetIdentity() {
  await idb("readwrite", (s) => s.delete("me"));
}

/** A new Ed25519 key made in this browser; the private half can never leave it. */
export async function createIdentity(name, title = "") {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return saveIdentity({
    keyId: await keyIdOf(raw), publicKey: b64(raw), name, title, private: pair.privateKey,
  });
}

/** Import a browser key file (`parley key export-browser`): PBKDF2-SHA256 + AES-256-GCM,
 * both native to WebCrypto. The seed becomes a non-extractable signing key. */
export async function importKeyFile(text, passphrase) {
  let doc;
  try { doc = JSON.parse(text); } catch { throw new Error("that file is not JSON"); }
  if (doc.format === "parley-keyfile/v1") {
    throw new Error("this key file is sealed with Argon2id, which browsers cannot open " +
      "natively. Run `parley key export-browser " + "<file>` and import the file it writes.");
  }
  if (doc.format !== "parley-browser-key/v1") throw new Error("not a Parley browser key file");
  const base = await crypto.subtle.importKey("raw", enc.encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  const aes = await crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt: unb64(doc.kdf.salt), iterations: doc.kdf.iterations },
    base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
  let seed;
  try {
    seed = new Uint8Array(await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: unb64(doc.iv), additionalData: enc.encode(doc.key_id) },
      aes, unb64(doc.sealed_seed)));
  } catch {
    throw new Error("wrong passphrase (or the file was altered)");
  }
  const pub = unb64(doc.public_key);
  const jwk = { kty: "OKP", crv: "Ed25519", d: b64url(seed), x: b64url(pub) };
  const priv = await crypto.subtle.importKey("jwk", jwk, { name: "Ed25519" }, false, ["sign"]);
  seed.fill(0);
  // Prove the pair matches before keeping it.
  const probe = enc.encode("parley/import-check");
  const sig = await crypto.subtle.sign("Ed25519", priv, probe);
  const pk = await crypto.subtle.importKey("raw", pub, { name: "Ed25519" }, true, ["verify"]);
  if (!(await crypto.subtle.verify("Ed25519", pk, sig, probe)) || (await keyIdOf(pub)) !== doc.key_id) {
    throw new Error("the key file's public key does not match its private key");
  }
  return saveIdentity({ keyId: doc.key_id, publicKey: doc.public_key, name: doc.name, title: doc.title || "", private: priv });
}

async function sign(identity, bytes) {
  return new Uint8Array(await crypto.subtle.sign("Ed25519", identity.private, bytes));
}

// ---- the API ------------------------------------------------------------------------

// The last answer to each GET, for this tab only (sessionStorage: gone when the tab is
// closed, like the drafts), used only while the server cannot be reached. An answer
// stamped with the server's time (`at`, as the channel's health is) has it moved on by
// the time since, so deadlines still count on the server's clock. Large answers are not
// kept (storing them on every refresh would cost more than they are worth).
const LAST = "parley.last.v1:";
const LAST_MAX = 200_000;
function remember(key, data) {
  try {
    const text = JSON.stringify({ t: Date.now(), data });
    if (text.length <= LAST_MAX) sessionStorage.setItem(key, text); else sessionStorage.removeItem(key);
  } catch {
    try { for (const k of Object.keys(sessionStorage)) if (k.startsWith(LAST)) sessionStorage.removeItem(k); } catch { /* no storage */ }
  }
}
function recall(key) {
  let kept;
  try { kept = JSON.parse(sessionStorage.getItem(key) || "null"); } catch { kept = null; }
  if (!kept) return undefined;
  const data = kept.data;
  if (data && typeof data === "object" && typeof data.at === "string" && !Number.isNaN(Date.parse(data.at))) {
    data.at = new Date(Date.parse(data.at) + (Date.now() - kept.t)).toISOString();
  }
  return data;
}

export class ApiError extends Error {
  constructor(code, message, status) { super(message); this.code = code; this.status = status; }
}

export class Session {
  constructor(identity) { this.me = identity; this.token = null; this.expires = 0; this.queued = 0; }

  async signIn() {
    // The signature names this server's key and the origin this page came from: a sign-in
    // relayed through another site names that site, and the server refuses it.
    const ch = await this.raw("POST", "/v1/auth/challenge", { key_id: this.me.keyId }, false);
    const origin = window.location.origin;
    const msg = concat(enc.encode("parley/auth/v2\n"), enc.encode(canonical({
      nonce: ch.nonce, kid: this.me.keyId, server: ch.server_key_id, origin, purpose: "sign-in",
    })));
    const tok = await this.raw("POST", "/v1/auth/token", {
      public_key: this.me.publicKey, nonce: ch.nonce, signature: b64(await sign(this.me, msg)), origin,
    }, false);
    this.token = tok.token;
    this.expires = Date.parse(tok.expires_at) - 60_000;
  }

  /** One API call; its answer (JSON), or ApiError with the server's code. A GET the
   * server cannot be reached for is answered from the last answer this tab had for it
   * (remember/recall above), so a page reloaded during an outage shows what it showed and the
   * member can still write and sign; anything else, or a GET never answered, throws. */
  async raw(method, path, body, auth = true) {
    const kept = method === "GET" ? `${LAST}${this.me.keyId}:${path}` : null;
    try {
      const data = await this.call(method, path, body, auth);
      if (kept) remember(kept, data);
      return data;
    } catch (e) {
      // No answer at all (fetch threw) or a gateway's 502–504: the server is away.
      const away = !(e instanceof ApiError) || (e.status >= 502 && e.status <= 504);
      const last = kept && away ? recall(kept) : undefined;
      if (last === undefined) throw e;
      return last;
    }
  }

  async call(method, path, body, auth = true) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (auth) {
      if (!this.token || Date.now() > this.expires) await this.signIn();
      headers.Authorization = "Bearer " + this.token;
    }
    let r;
    for (let attempt = 0; ; attempt++) {
      r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      if (r.status !== 429 || attempt >= 3) break;
      // Over a rate limit: wait as told and send the same request again (an entry is
      // idempotent on its id, so a resend never appends twice).
      const wait = Math.min(30, Number(r.headers.get("retry-after")) || 1);
      await new Promise((res) => setTimeout(res, wait * 1000));
    }
    const data = r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text();
    if (!r.ok) {
      const e = (data && data.error) || {};
      throw new ApiError(e.code || "http." + r.status, e.message || String(r.status), r.status);
    }
    return data;
  }
  get(path) { return this.raw("GET", path); }

  /** Build, sign and submit one entry. The body is checked against its type's schema
   * first: nothing is signed that the server would refuse for its shape (ApiError
   * entry.invalid_body, saying which field and why). The signed entry goes through the
   * outbox (outbox.js): kept in IndexedDB before it is sent, after every entry signed
   * before it. Returns the server's relay receipt; or, when the server cannot be reached,
   * {queued: true, id} — the entry is signed and kept, and goes out by itself when the
   * server is back (offline.js). A refusal throws the server's ApiError, as before.
   *
   * Entries the page signs by itself to say it is open — a delivered receipt, the answer
   * to an ordinary communication check — are sent at once or not at all: kept and sent
   * later they would say something that is no longer true. */
  async submit(channel, type, body, refs = [], disclosure = "confidential") {
    const entry = await this.sign(channel, type, body, refs, disclosure);
    if (type === "receipt.delivered" || (type === "check.answered" && !body.personal)) return this.post(entry);
    const id = entry.header.id;
    try {
      await keep(entry);
    } catch {
      return this.post(entry); // no IndexedDB here (a private window): sent at once, as before
    }
    const out = await this.flush();
    const mine = settled(id);
    if (mine && !mine.error) return mine.receipt;
    const kept = mine ? null : await find(id);
    if (mine || (kept && kept.state === "failed")) {
      // Refused while the member is looking at the action: said there, not kept.
      await drop(id);
      throw mine ? mine.error : new ApiError(kept.error.code, kept.error.message, kept.error.status);
    }
    if (!kept) return { id }; // sent meanwhile by another tab of this browser
    this.queued += 1;
    return { queued: true, id, away: out.away };
  }

  /** Build and sign an entry ({header, signature, body, salt}); nothing is sent, so this
   * works with the server out of reach (only the schemas are needed, and the page keeps
   * them: the service worker, sw.js). */
  async sign(channel, type, body, refs = [], disclosure = "confidential") {
    const schema = (await schemas())[type];
    if (!schema) throw new ApiError("entry.unknown_type", `unknown entry type ${type}`, 0);
    const wrong = problem(schema, body);
    if (wrong) throw new ApiError("entry.invalid_body", `${type}: ${wrong}`, 0);
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const header = {
      v: 1, channel, id: crypto.randomUUID(), type, author: this.me.keyId,
      time: new Date().toISOString(), refs: [...new Set(refs)], disclosure,
      body_digest: b64(await sha256(concat(salt, enc.encode(canonical(body))))),
    };
    const sig = await sign(this.me, concat(enc.encode("parley/entry/v1\n"), enc.encode(canonical(header))));
    return { header, signature: b64(sig), body, salt: b64(salt) };
  }

  /** Send one signed entry; its relay receipt (the original one if it is already in the
   * log: the server is idempotent on the entry id). */
  async post(entry) {
    const out = await this.raw("POST", `/v1/channels/${entry.header.channel}/entries`, entry);
    return out.receipt;
  }

  /** Send signed entries of one channel in one request (the batch route); for each, in
   * order, {receipt} or {error: ApiError} with the code and status the single route would
   * have answered. Throws the ApiError of a request refused as a whole. */
  async postMany(entries) {
    const out = await this.raw("POST", `/v1/channels/${entries[0].header.channel}/entries/batch`, { entries });
    return (out && Array.isArray(out.results) ? out.results : []).map((r) => {
      if (r && r.receipt) return { receipt: r.receipt };
      const e = (r && r.error) || {};
      const status = Number(r && r.status) || 0;
      return { error: new ApiError(e.code || "http." + status, e.message || String(status), status) };
    });
  }

  /** Send this key's pending outbox entries, oldest first (outbox.js flush): one at a
   * time, or several of a channel through the batch route. */
  flush() {
    const afresh = (e) => {
      if (e && e.status === 401) this.token = null; // sign in afresh on the next try
      throw e;
    };
    return flush(
      this.me.keyId,
      (entry) => this.post(entry).catch(afresh),
      (entries) => this.postMany(entries).catch(afresh),
    );
  }

  /** Follow the channel's push stream (SSE over fetch, so the token goes in a header);
   * calls onEntry for each entry and reconnects from the last id it saw. */
  follow(channel, after, onEntry, onState) {
    let last = after;
    let stopped = false;
    const ctrl = { stop() { stopped = true; this.abort?.abort(); } };
    const run = async () => {
      while (!stopped) {
        try {
          if (!this.token || Date.now() > this.expires) await this.signIn();
          ctrl.abort = new AbortController();
          const r = await fetch(`/v1/channels/${channel}/events?after=${last}`, {
            headers: { Authorization: "Bearer " + this.token, Accept: "text/event-stream" },
            signal: ctrl.abort.signal,
          });
          if (!r.ok) throw new Error("push refused: " + r.status);
          onState("live");
          const reader = r.body.getReader();
          const dec = new TextDecoder();
          let buf = "";
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buf += dec.decode(value, { stream: true });
            let cut;
            while ((cut = buf.indexOf("\n\n")) >= 0) {
              const block = buf.slice(0, cut);
              buf = buf.slice(cut + 2);
              const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
              const id = block.split("\n").find((l) => l.startsWith("id: "));
              if (id) last = Number(id.slice(4));
              if (data) onEntry(JSON.parse(data));
            }
          }
        } catch (e) {
          if (stopped) return;
        }
        onState("reconnecting");
        await new Promise((res) => setTimeout(res, 1000));
      }
    };
    run();
    return ctrl;
  }
}
