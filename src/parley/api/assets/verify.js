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
// Every sentence comes from the catalog of the page's language (<html lang>, chosen by the
// server): a check that fails names its catalog key and the values to put in it.
import { has, setLang, setZone, t, timeEl } from "/assets/i18n.js";

setZone("UTC", { remember: false }); // as the server-rendered part of the page
const ready = setLang(document.documentElement.lang || "en", { remember: false, quiet: true });

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

class Failed extends Error {
  constructor(key, params = {}) { super(t(key, params)); this.key = key; this.params = params; }
}

function must(ok, key, params) {
  if (!ok) throw new Failed(key, params);
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
  must(i >= 0 && note.endsWith("\n"), "verify.fail.not_a_note");
  const text = note.slice(0, i + 1);
  const sigs = note.slice(i + 2).split("\n").filter((l) => l).map((line) => {
    must(line.startsWith("\u2014 "), "verify.fail.signature_line");
    const [name, sig] = line.slice(2).split(" ");
    const raw = unb64(sig);
    return { name, keyHash: raw.slice(0, 4), sig: raw.slice(4) };
  });
  return { text, sigs };
}

async function inclusion(leaf, index, size, proof, root) {
  let fn = index, sn = size - 1, r = leaf;
  for (const p of proof) {
    must(sn !== 0, "verify.fail.inclusion_long");
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(concat(new Uint8Array([1]), p, r));
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = await sha256(concat(new Uint8Array([1]), r, p));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  must(sn === 0 && equal(r, root), "verify.fail.inclusion_root");
}

// RFC 9162 §2.1.4.2: does the tree of size `second` with root `secondRoot` extend the
// tree of size `first` with root `firstRoot`, by `proof`?
async function consistent(first, second, firstRoot, secondRoot, proof) {
  if (first === second) {
    must(proof.length === 0 && equal(firstRoot, secondRoot), "verify.fail.fork");
    return;
  }
  must(first < second, "verify.fail.only_grows");
  if (first === 0) return;
  must(proof.length > 0, "verify.fail.consistency_empty");
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof.slice();
  let fn = first - 1, sn = second - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr = path[0], sr = path[0];
  for (const c of path.slice(1)) {
    must(sn !== 0, "verify.fail.consistency_long");
    if (fn % 2 === 1 || fn === sn) {
      fr = await sha256(concat(new Uint8Array([1]), c, fr));
      sr = await sha256(concat(new Uint8Array([1]), c, sr));
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      sr = await sha256(concat(new Uint8Array([1]), sr, c));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  must(sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot), "verify.fail.rewritten");
}

// A tree size as c2sp.org/tlog-checkpoint writes it (Number() would take "0x10", "1e1").
function parseSize(text) {
  must(/^(0|[1-9][0-9]{0,15})$/.test(text), "verify.fail.tree_size");
  return Number(text);
}

// The server-signed checkpoint in `note`, checked with the trust root's server key.
async function openCheckpoint(note, trust) {
  const { text, sigs } = splitNote(note);
  const serverKey = unb64(trust.server.public_key);
  const hash = await noteKeyHash(trust.origin, 0x01, serverKey);
  const mine = sigs.find((s) => s.name === trust.origin && equal(s.keyHash, hash));
  must(mine && await ed25519(serverKey, mine.sig, enc.encode(text)), "verify.fail.checkpoint_key", { key: trust.server.key_id });
  const [origin, sizeLine, rootLine] = text.split("\n");
  must(origin === trust.origin, "verify.fail.checkpoint_log");
  return { text, sigs, size: parseSize(sizeLine), root: unb64(rootLine) };
}

// A trust root (parley-trust/v1, as `parley trust export --public` writes): well formed,
// and every key id the id of its key.
async function checkTrust(trust) {
  must(trust && trust.format === "parley-trust/v1", "verify.fail.not_trust");
  must(typeof trust.channel === "string" && typeof trust.origin === "string", "verify.fail.trust_names");
  must((await keyId(unb64(trust.server.public_key))) === trust.server.key_id, "verify.fail.trust_server_id");
  for (const k of trust.keys) {
    must((await keyId(unb64(k.public_key))) === k.key_id, "verify.fail.trust_key_id", { key: k.key_id });
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
    must(await ed25519(key, s.sig.slice(8), msg), "verify.fail.cosignature", { who: label(k) });
    out.push(label(k));
  }
  return out;
}

function label(k) {
  if (k.server) return t("verify.label.server");
  const role = has(`role.${k.role}`) ? t(`role.${k.role}`) : k.role;
  return t(k.name ? "verify.label.named" : "verify.label", { name: k.name, side: k.side, role });
}

// Check a bundle completely against `trust` (the keys this browser pinned or was given):
// the server key, log and author must be the trust root's, and names and sides come from
// it, never from the bundle. Returns what was checked and who cosigned; throws Failed
// naming the first check that failed.
async function verifyBundle(bundle, trust) {
  const checks = [];
  must(bundle.format === "parley-proof-bundle/v1", "verify.fail.not_bundle");
  const { entry, author, relay, server } = bundle;
  const h = entry.header;
  must(h.channel === bundle.channel && bundle.channel === trust.channel, "verify.fail.other_channel");
  must(server.origin === trust.origin, "verify.fail.other_log");
  must(server.public_key === trust.server.public_key, "verify.fail.other_server", { key: trust.server.key_id });
  if (entry.body !== undefined && entry.body !== null) {
    const digest = await sha256(concat(unb64(entry.salt), enc.encode(canonical(entry.body))));
    must(b64(digest) === h.body_digest, "verify.fail.digest");
    checks.push(t("verify.check.digest"));
  }
  const authorKey = unb64(author.public_key);
  must((await keyId(authorKey)) === h.author, "verify.fail.author_id");
  const known = author.public_key === trust.server.public_key
    ? { server: true }
    : trust.keys.find((k) => k.key_id === h.author && k.public_key === author.public_key);
  must(known, "verify.fail.unknown_author", { key: h.author });
  const headerBytes = enc.encode(canonical(h));
  must(await ed25519(authorKey, unb64(entry.signature), concat(enc.encode("parley/entry/v1\n"), headerBytes)),
    "verify.fail.author_signature");
  checks.push(t("verify.check.author", { who: label(known), key: h.author }));
  const leafData = concat(enc.encode('{"header":'), headerBytes, enc.encode(',"signature":"' + entry.signature + '"}'));
  const leaf = await sha256(concat(new Uint8Array([0]), leafData));
  const index = bundle.inclusion.index, size = bundle.inclusion.size;
  must(relay.leaf === b64(leaf) && relay.seq === index + 1 && relay.id === h.id && relay.channel === bundle.channel,
    "verify.fail.relay_other");
  const serverKey = unb64(trust.server.public_key);
  must(relay.server_key === trust.server.key_id, "verify.fail.relay_key");
  const relayMsg = canonical({ channel: relay.channel, seq: relay.seq, id: relay.id, leaf: relay.leaf, received: relay.received });
  must(await ed25519(serverKey, unb64(relay.signature), concat(enc.encode("parley/relay/v1\n"), enc.encode(relayMsg))),
    "verify.fail.relay_signature");
  checks.push(t("verify.check.relay", { seq: relay.seq, time: whenText(relay.received) }));
  const cp = await openCheckpoint(bundle.checkpoint, trust);
  must(cp.size === size, "verify.fail.other_tree");
  checks.push(t("verify.check.checkpoint", { count: size }));
  await inclusion(leaf, index, size, bundle.inclusion.proof.map(unb64), cp.root);
  checks.push(t("verify.check.inclusion", { index, count: size }));
  const cosigned = await cosigners(cp.text, cp.sigs, trust);
  if (cosigned.length) checks.push(t("verify.check.cosigned", { who: cosigned.join("; ") }));
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

// A time as the page shows times: in UTC, as the server-rendered part of the page does.
function whenText(iso) { return timeEl(iso).textContent; }

function nowIso() { return new Date().toISOString(); }

// How `now` differs from `pinned` in what must never change; [] when it only added keys.
function changes(pinned, now) {
  const out = [];
  if (now.channel !== pinned.channel) out.push(t("verify.change.channel"));
  if (now.origin !== pinned.origin) out.push(t("verify.change.origin", { old: pinned.origin, new: now.origin }));
  if (now.server.public_key !== pinned.server.public_key)
    out.push(t("verify.change.server", { old: pinned.server.key_id, new: now.server.key_id }));
  if (now.charter_digest !== pinned.charter_digest) out.push(t("verify.change.charter"));
  for (const k of pinned.keys) {
    const n = now.keys.find((x) => x.key_id === k.key_id);
    if (!n) out.push(t("verify.change.gone", { key: k.key_id, who: label(k) }));
    else if (n.public_key !== k.public_key || n.side !== k.side || n.role !== k.role)
      out.push(t("verify.change.role", { key: k.key_id }));
  }
  return out;
}

// The page's record check: returns {state, text, trust}; state is "first", "same",
// "changed", "rollback", "fork" or "failed". Only "first" and "same" trust bundles.
async function checkRecord(base, channel) {
  const r = await fetch(base + "/trust");
  must(r.ok, "verify.fail.fetch_keys", { status: r.status });
  const current = await checkTrust(await r.json());
  must(current.channel === channel, "verify.fail.trust_other_channel");
  const n = await fetch(base + "/checkpoint");
  must(n.ok, "verify.fail.fetch_checkpoint", { status: n.status });
  const note = await n.text();
  const pin = loadPin(channel);
  if (!pin) {
    const cp = await openCheckpoint(note, current);
    savePin(channel, { trust: current, pinned_at: nowIso(), source: "this page",
      checkpoint: { size: cp.size, root: b64(cp.root), at: nowIso() } });
    return { state: "first", trust: current, text: t("verify.record.first", {
      key: current.server.key_id, keys: t("verify.record.member_keys", { count: current.keys.length }), count: cp.size }) };
  }
  const trust = pin.trust;
  const since = pin.source === "this page"
    ? t("verify.record.since_seen", { time: whenText(pin.pinned_at) })
    : t("verify.record.since_loaded", { file: pin.source, time: whenText(pin.pinned_at) });
  const diff = changes(trust, current);
  if (diff.length) {
    return { state: "changed", trust, text: t("verify.record.changed", { since, changes: diff.join("; ") }) };
  }
  let cp;
  try {
    cp = await openCheckpoint(note, trust);
  } catch (e) {
    return { state: "changed", trust, text: t("verify.record.warning", { problem: e.message, since }) };
  }
  const old = pin.checkpoint || { size: 0, root: "", at: pin.pinned_at };
  const saw = t("verify.record.saw", { time: whenText(old.at), count: old.size });
  if (cp.size < old.size) {
    return { state: "rollback", trust, text: t("verify.record.rollback", { count: cp.size, saw }) };
  }
  if (old.size > 0) {
    try {
      if (cp.size === old.size) {
        must(b64(cp.root) === old.root, "verify.fail.fork_saw", { saw });
      } else {
        const p = await fetch(`${base}/proof/consistency?old=${old.size}&new=${cp.size}`);
        must(p.ok, "verify.fail.fetch_consistency", { status: p.status });
        const proof = (await p.json()).proof.map(unb64);
        await consistent(old.size, cp.size, unb64(old.root), cp.root, proof);
      }
    } catch (e) {
      if (!(e instanceof Failed)) throw e;
      return { state: "fork", trust, text: t("verify.record.fork", { problem: e.message, since }) };
    }
  }
  const added = current.keys.length - trust.keys.length;
  const next = { ...pin, trust: added > 0 ? current : trust,
    checkpoint: { size: cp.size, root: b64(cp.root), at: nowIso() } };
  savePin(channel, next);
  const grew = cp.size === old.size
    ? t("verify.record.still", { count: cp.size })
    : t("verify.record.grew", { old: old.size, count: cp.size });
  return { state: "same", trust: next.trust, text: added > 0
    ? t("verify.record.same_added", { since, count: added, grew })
    : t("verify.record.same", { since, grew }) };
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
  await ready;
  record = checkRecord(base, channel).catch((e) => ({
    state: "failed", trust: null, text: t("verify.record.failed", { problem: e.message || String(e) }),
  }));
  showRecord(section, await record);
  const input = section.querySelector("#trust-file");
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      const loaded = await checkTrust(JSON.parse(await file.text()));
      must(loaded.channel === channel, "verify.fail.trust_file_channel", { channel: loaded.channel });
      const pin = loadPin(channel);
      const cp = loaded.checkpoint
        ? { size: loaded.checkpoint.size, root: loaded.checkpoint.root, at: nowIso() }
        : (pin && pin.trust.server.public_key === loaded.server.public_key ? pin.checkpoint : null);
      savePin(channel, { trust: loaded, pinned_at: nowIso(), source: file.name, checkpoint: cp });
      record = checkRecord(base, channel).catch((e) => ({ state: "failed", trust: null, text: e.message }));
      showRecord(section, await record);
    } catch (e) {
      showRecord(section, { state: "failed", text: t("verify.record.bad_file", { problem: e.message }) });
    }
  });
}

document.addEventListener("DOMContentLoaded", startRecord);

// A "Verify" button per published item.
document.addEventListener("click", async (ev) => {
  const button = ev.target.closest("button[data-bundle]");
  if (!button) return;
  const out = document.getElementById(button.getAttribute("aria-controls"));
  await ready;
  out.textContent = t("verify.verifying");
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
    must(seen.trust, "verify.fail.no_keys");
    const r = await fetch(button.dataset.bundle);
    must(r.ok, "verify.fail.fetch_bundle", { status: r.status });
    const { checks, cosigned } = await verifyBundle(await r.json(), seen.trust);
    out.dataset.cosigned = String(cosigned.length);
    if (seen.state !== "first" && seen.state !== "same") {
      result(t("verify.result.untrusted"), "bad", "untrusted", checks);
    } else if (!cosigned.length) {
      result(t("verify.result.uncosigned"), "warn", "verified", checks);
    } else {
      result(t("verify.result.verified"), "good", "verified", checks);
    }
  } catch (e) {
    result(t("verify.result.failed", { problem: e instanceof Failed ? e.message : t("verify.fail.malformed", { error: e.message }) }),
      "bad", "failed");
  }
});

window.parleyVerifyBundle = verifyBundle;
window.parleyConsistent = consistent;
