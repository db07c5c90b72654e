// The public page's checks, in the browser, with no help from the server beyond fetching:
// - the record: the channel's trust root (server key, log origin, member keys with side
//   and role, charter digest) is pinned in localStorage on first visit, or loaded from a
//   file a party published, and every later visit checks the keys are the same and the
//   log only grew (server-signed checkpoint, RFC 9162 consistency proof from the one seen
//   last) — a changed key, a shorter log or a fork is said at the top of the page;
// - each item's proof bundle, against that trust root: body digest, author's signature
//   and key (which must be the trust root's: names and sides come from it, never from the
//   bundle), relay receipt, inclusion proof, server-signed checkpoint, the parties'
//   cosignatures. The same checks as `parley verify-bundle --trust`
//   (src/parley/proofs/bundle.py). WebCrypto Ed25519 and SHA-256; fails closed.
"use strict";

const enc = new TextEncoder();

function b64(bytes) {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function unb64(text) {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function concat(...parts) {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(n);
  let i = 0;
  for (const p of parts) { out.set(p, i); i += p.length; }
  return out;
}

function equal(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

// RFC 8785 for the values Parley uses (strings, integers, booleans, null, arrays,
// objects): keys sorted by UTF-16 code units, ECMAScript number and string forms.
function canonical(v) {
  if (v === null || typeof v === "boolean" || typeof v === "number") return JSON.stringify(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
  const keys = Object.keys(v).sort();
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + canonical(v[k])).join(",") + "}";
}

async function ed25519(publicKey, signature, message) {
  const key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
}

class Failed extends Error {}

function must(ok, what) {
  if (!ok) throw new Failed(what);
}

async function keyId(publicKey) {
  const h = await sha256(concat(enc.encode("parley-key/v1\n"), publicKey));
  return "k" + Array.from(h.slice(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function noteKeyHash(name, type, publicKey) {
  return (await sha256(concat(enc.encode(name + "\n"), new Uint8Array([type]), publicKey))).slice(0, 4);
}

function splitNote(note) {
  const i = note.lastIndexOf("\n\n");
  must(i >= 0 && note.endsWith("\n"), "the checkpoint is not a signed note");
  const text = note.slice(0, i + 1);
  const sigs = note.slice(i + 2).split("\n").filter((l) => l).map((line) => {
    must(line.startsWith("\u2014 "), "a malformed signature line");
    const [name, sig] = line.slice(2).split(" ");
    const raw = unb64(sig);
    return { name, keyHash: raw.slice(0, 4), sig: raw.slice(4) };
  });
  return { text, sigs };
}

async function inclusion(leaf, index, size, proof, root) {
  let fn = index, sn = size - 1, r = leaf;
  for (const p of proof) {
    must(sn !== 0, "the inclusion proof is too long");
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(concat(new Uint8Array([1]), p, r));
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = await sha256(concat(new Uint8Array([1]), r, p));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  must(sn === 0 && equal(r, root), "the inclusion proof does not lead to the checkpoint's root");
}

// RFC 9162 §2.1.4.2: does the tree of size `second` with root `secondRoot` extend the
// tree of size `first` with root `firstRoot`, by `proof`?
async function consistent(first, second, firstRoot, secondRoot, proof) {
  if (first === second) {
    must(proof.length === 0 && equal(firstRoot, secondRoot), "the same size with another root: a forked log");
    return;
  }
  must(first < second, "a log only grows");
  if (first === 0) return;
  must(proof.length > 0, "the consistency proof is empty");
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof.slice();
  let fn = first - 1, sn = second - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr = path[0], sr = path[0];
  for (const c of path.slice(1)) {
    must(sn !== 0, "the consistency proof is too long");
    if (fn % 2 === 1 || fn === sn) {
      fr = await sha256(concat(new Uint8Array([1]), c, fr));
      sr = await sha256(concat(new Uint8Array([1]), c, sr));
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      sr = await sha256(concat(new Uint8Array([1]), sr, c));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  must(sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot),
    "the consistency proof does not join the two checkpoints: the log was rewritten");
}

// A tree size as c2sp.org/tlog-checkpoint writes it (Number() would take "0x10", "1e1").
function parseSize(text) {
  must(/^(0|[1-9][0-9]{0,15})$/.test(text), "a malformed tree size");
  return Number(text);
}

// The server-signed checkpoint in `note`, checked with the trust root's server key.
async function openCheckpoint(note, trust) {
  const { text, sigs } = splitNote(note);
  const serverKey = unb64(trust.server.public_key);
  const hash = await noteKeyHash(trust.origin, 0x01, serverKey);
  const mine = sigs.find((s) => s.name === trust.origin && equal(s.keyHash, hash));
  must(mine && await ed25519(serverKey, mine.sig, enc.encode(text)),
    `the checkpoint is not signed by the server key ${trust.server.key_id}`);
  const [origin, sizeLine, rootLine] = text.split("\n");
  must(origin === trust.origin, "the checkpoint is another log's");
  return { text, sigs, size: parseSize(sizeLine), root: unb64(rootLine) };
}

// A trust root (parley-trust/v1, as `parley trust export --public` writes): well formed,
// and every key id the id of its key.
async function checkTrust(trust) {
  must(trust && trust.format === "parley-trust/v1", "not a Parley trust root");
  must(typeof trust.channel === "string" && typeof trust.origin === "string", "a trust root names its channel and log");
  must((await keyId(unb64(trust.server.public_key))) === trust.server.key_id, "the trust root's server key id is not its key's");
  for (const k of trust.keys) {
    must((await keyId(unb64(k.public_key))) === k.key_id, `key id ${k.key_id} is not its key's`);
  }
  return trust;
}

// Who cosigned `text`: each trust-root member's witness whose line verifies (lines by
// other keys are ignored, as c2sp.org/tlog-cosignature requires).
async function cosigners(text, sigs, trust) {
  const out = [];
  for (const k of trust.keys) {
    const key = unb64(k.public_key);
    const name = "parley.witness/" + k.key_id;
    const hash = await noteKeyHash(name, 0x04, key);
    const s = sigs.find((x) => x.name === name && equal(x.keyHash, hash));
    if (!s) continue;
    const t = new DataView(s.sig.buffer, s.sig.byteOffset, 8).getBigUint64(0);
    const msg = concat(enc.encode(`cosignature/v1\ntime ${t}\n`), enc.encode(text));
    must(await ed25519(key, s.sig.slice(8), msg), `the cosignature of ${label(k)} does not verify`);
    out.push(label(k));
  }
  return out;
}

function label(k) {
  return (k.name ? k.name + ", " : "") + `${k.side} ${k.role}`;
}

// Check a bundle completely against `trust` (the keys this browser pinned or was given):
// the server key, log and author must be the trust root's, and names and sides come from
// it, never from the bundle. Returns what was checked and who cosigned; throws Failed
// naming the first check that failed.
async function verifyBundle(bundle, trust) {
  const checks = [];
  must(bundle.format === "parley-proof-bundle/v1", "not a Parley proof bundle");
  const { entry, author, relay, server } = bundle;
  const h = entry.header;
  must(h.channel === bundle.channel && bundle.channel === trust.channel, "the bundle is for another channel");
  must(server.origin === trust.origin, "the bundle is from another log");
  must(server.public_key === trust.server.public_key,
    `the bundle is signed by another server key than the channel's (${trust.server.key_id})`);
  if (entry.body !== undefined && entry.body !== null) {
    const digest = await sha256(concat(unb64(entry.salt), enc.encode(canonical(entry.body))));
    must(b64(digest) === h.body_digest, "the body does not match the digest in the signed header");
    checks.push("body and salt match the digest in the signed header");
  }
  const authorKey = unb64(author.public_key);
  must((await keyId(authorKey)) === h.author, "the author's key does not have the header's key id");
  const known = author.public_key === trust.server.public_key
    ? { name: "", side: "the server", role: "(automatic)" }
    : trust.keys.find((k) => k.key_id === h.author && k.public_key === author.public_key);
  must(known, `the entry is signed by ${h.author}, a key the channel's trust root does not hold`);
  const headerBytes = enc.encode(canonical(h));
  must(await ed25519(authorKey, unb64(entry.signature), concat(enc.encode("parley/entry/v1\n"), headerBytes)),
    "the author's signature does not verify");
  checks.push(`header signed by ${label(known)} (${h.author})`);
  const leafData = concat(enc.encode('{"header":'), headerBytes, enc.encode(',"signature":"' + entry.signature + '"}'));
  const leaf = await sha256(concat(new Uint8Array([0]), leafData));
  const index = bundle.inclusion.index, size = bundle.inclusion.size;
  must(relay.leaf === b64(leaf) && relay.seq === index + 1 && relay.id === h.id && relay.channel === bundle.channel,
    "the relay receipt is for another entry or position");
  const serverKey = unb64(trust.server.public_key);
  must(relay.server_key === trust.server.key_id, "the relay receipt is from another server key");
  const relayMsg = canonical({ channel: relay.channel, seq: relay.seq, id: relay.id, leaf: relay.leaf, received: relay.received });
  must(await ed25519(serverKey, unb64(relay.signature), concat(enc.encode("parley/relay/v1\n"), enc.encode(relayMsg))),
    "the server's relay receipt does not verify");
  checks.push(`server relay receipt: entry ${relay.seq} at ${relay.received}`);
  const cp = await openCheckpoint(bundle.checkpoint, trust);
  must(cp.size === size, "the proof is for another tree than the checkpoint");
  checks.push(`checkpoint signed by the server: size ${size}`);
  await inclusion(leaf, index, size, bundle.inclusion.proof.map(unb64), cp.root);
  checks.push(`leaf ${index} is in the tree of size ${size} (RFC 9162 inclusion proof)`);
  const cosigned = await cosigners(cp.text, cp.sigs, trust);
  if (cosigned.length) checks.push("checkpoint cosigned by " + cosigned.join("; "));
  return { checks, cosigned };
}

// --- what this browser remembers --------------------------------------------------------
// Per channel, in localStorage: the trust root first seen (or loaded from a file a party
// published) and the last checkpoint verified against it, as Go's sumdb client keeps its
// latest tree. A later visit must show the same keys and a log that only grew.

function pinKey(channel) { return "parley.pin.v1:" + channel; }

function loadPin(channel) {
  try { return JSON.parse(localStorage.getItem(pinKey(channel)) || "null"); } catch { return null; }
}

function savePin(channel, pin) {
  localStorage.setItem(pinKey(channel), JSON.stringify(pin));
}

function when(iso) { return iso.replace("T", " ").slice(0, 16) + " UTC"; }

function nowIso() { return new Date().toISOString(); }

// How `now` differs from `pinned` in what must never change; [] when it only added keys.
function changes(pinned, now) {
  const out = [];
  if (now.channel !== pinned.channel) out.push("another channel");
  if (now.origin !== pinned.origin) out.push(`log origin ${pinned.origin} is now ${now.origin}`);
  if (now.server.public_key !== pinned.server.public_key)
    out.push(`server key ${pinned.server.key_id} is now ${now.server.key_id}`);
  if (now.charter_digest !== pinned.charter_digest) out.push("the charter's digest changed");
  for (const k of pinned.keys) {
    const n = now.keys.find((x) => x.key_id === k.key_id);
    if (!n) out.push(`key ${k.key_id} (${k.side} ${k.role}) is gone`);
    else if (n.public_key !== k.public_key || n.side !== k.side || n.role !== k.role)
      out.push(`key ${k.key_id} changed side or role`);
  }
  return out;
}

// The page's record check: returns {state, text, trust}; state is "first", "same",
// "changed", "rollback", "fork" or "failed". Only "first" and "same" trust bundles.
async function checkRecord(base, channel) {
  const r = await fetch(base + "/trust");
  must(r.ok, `could not fetch the channel's keys (HTTP ${r.status})`);
  const current = await checkTrust(await r.json());
  must(current.channel === channel, "the server's trust root is for another channel");
  const n = await fetch(base + "/checkpoint");
  must(n.ok, `could not fetch the checkpoint (HTTP ${n.status})`);
  const note = await n.text();
  const pin = loadPin(channel);
  if (!pin) {
    const cp = await openCheckpoint(note, current);
    savePin(channel, { trust: current, pinned_at: nowIso(), source: "this page",
      checkpoint: { size: cp.size, root: b64(cp.root), at: nowIso() } });
    return { state: "first", trust: current, text:
      `First visit from this browser: it now remembers this channel's keys (server key ` +
      `${current.server.key_id}, ${current.keys.length} member keys) and the log at ${cp.size} entries. ` +
      `On your next visit it will say if the keys changed or the log lost entries. To be sure of ` +
      `the keys now, load the trust root a party published below.` };
  }
  const trust = pin.trust;
  const since = `since ${pin.source === "this page" ? "you first saw it" : "you loaded " + pin.source} on ${when(pin.pinned_at)}`;
  const diff = changes(trust, current);
  if (diff.length) {
    return { state: "changed", trust, text:
      `WARNING: the channel's keys changed ${since}: ${diff.join("; ")}. A channel's charter and ` +
      `server key never change; proofs below are checked against the keys you saw first.` };
  }
  let cp;
  try {
    cp = await openCheckpoint(note, trust);
  } catch (e) {
    return { state: "changed", trust, text: `WARNING: ${e.message} ${since}.` };
  }
  const old = pin.checkpoint || { size: 0, root: "", at: pin.pinned_at };
  const saw = `on ${when(old.at)} this browser saw ${old.size} entries`;
  if (cp.size < old.size) {
    return { state: "rollback", trust, text:
      `WARNING: the log now has ${cp.size} entries, but ${saw}. A log only grows: entries were ` +
      `removed, or you are being shown an old copy. Keep this page's evidence (the checkpoint ` +
      `below) and tell the parties.` };
  }
  if (old.size > 0) {
    try {
      if (cp.size === old.size) {
        must(b64(cp.root) === old.root, `the same size with another root: a forked log (${saw})`);
      } else {
        const p = await fetch(`${base}/proof/consistency?old=${old.size}&new=${cp.size}`);
        must(p.ok, `could not fetch the consistency proof (HTTP ${p.status})`);
        const proof = (await p.json()).proof.map(unb64);
        await consistent(old.size, cp.size, unb64(old.root), cp.root, proof);
      }
    } catch (e) {
      if (!(e instanceof Failed)) throw e;
      return { state: "fork", trust, text: `WARNING: ${e.message}. The record was rewritten ${since}.` };
    }
  }
  const added = current.keys.length - trust.keys.length;
  const next = { ...pin, trust: added > 0 ? current : trust,
    checkpoint: { size: cp.size, root: b64(cp.root), at: nowIso() } };
  savePin(channel, next);
  const grew = cp.size === old.size ? `still ${cp.size} entries` : `grew from ${old.size} to ${cp.size} entries, consistently (RFC 9162 proof checked)`;
  return { state: "same", trust: next.trust, text:
    `The same channel keys ${since}` + (added > 0 ? ` (${added} member keys added)` : "") +
    `; the log ${grew}.` };
}

// --- the public page ---------------------------------------------------------------------

let record = null;  // the promise of checkRecord's answer

function showRecord(section, result) {
  section.dataset.state = result.state;
  const p = section.querySelector("#trust-status");
  p.textContent = result.text;
  p.className = { first: "", same: "good", changed: "bad", rollback: "bad", fork: "bad", failed: "bad" }[result.state];
}

async function startRecord() {
  const section = document.getElementById("trust");
  if (!section) return;
  const channel = section.dataset.channel, base = section.dataset.base;
  record = checkRecord(base, channel).catch((e) => ({
    state: "failed", trust: null,
    text: "Could not check the record: " + (e instanceof Failed ? e.message : e.message || e),
  }));
  showRecord(section, await record);
  const input = section.querySelector("#trust-file");
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      const loaded = await checkTrust(JSON.parse(await file.text()));
      must(loaded.channel === channel, `that trust root is for channel ${loaded.channel}`);
      const pin = loadPin(channel);
      const cp = loaded.checkpoint
        ? { size: loaded.checkpoint.size, root: loaded.checkpoint.root, at: nowIso() }
        : (pin && pin.trust.server.public_key === loaded.server.public_key ? pin.checkpoint : null);
      savePin(channel, { trust: loaded, pinned_at: nowIso(), source: file.name, checkpoint: cp });
      record = checkRecord(base, channel).catch((e) => ({ state: "failed", trust: null, text: e.message }));
      showRecord(section, await record);
    } catch (e) {
      showRecord(section, { state: "failed", text: "That file is not a usable trust root: " + e.message });
    }
  });
}

document.addEventListener("DOMContentLoaded", startRecord);

// A "Verify" button per published item.
document.addEventListener("click", async (ev) => {
  const button = ev.target.closest("button[data-bundle]");
  if (!button) return;
  const out = document.getElementById(button.getAttribute("aria-controls"));
  out.textContent = "Verifying…";
  const result = (text, cls, state, items = []) => {
    const head = document.createElement("p");
    head.className = cls;
    head.textContent = text;
    const list = document.createElement("ul");
    for (const c of items) { const li = document.createElement("li"); li.textContent = c; list.append(li); }
    out.replaceChildren(head, ...(items.length ? [list] : []));
    out.dataset.result = state;
  };
  try {
    const seen = await (record || Promise.resolve({ state: "failed", trust: null }));
    must(seen.trust, "this page could not get the channel's keys (see the top of the page)");
    const r = await fetch(button.dataset.bundle);
    must(r.ok, `could not fetch the bundle (HTTP ${r.status})`);
    const { checks, cosigned } = await verifyBundle(await r.json(), seen.trust);
    out.dataset.cosigned = String(cosigned.length);
    if (seen.state !== "first" && seen.state !== "same") {
      result("Consistent with the keys you saw first, but NOT trusted: the record changed (see the top of the page).",
        "bad", "untrusted", checks);
    } else if (!cosigned.length) {
      result("Verified in this browser, but no party has cosigned this checkpoint yet: only the server vouches for it so far.",
        "warn", "verified", checks);
    } else {
      result("Verified in this browser against the channel's keys:", "good", "verified", checks);
    }
  } catch (e) {
    result("NOT verified: " + (e instanceof Failed ? e.message : "the bundle is malformed (" + e.message + ")"),
      "bad", "failed");
  }
});

window.parleyVerifyBundle = verifyBundle;
window.parleyConsistent = consistent;
