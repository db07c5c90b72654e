// Verify a Parley proof bundle in the browser, with no help from the server beyond
// fetching the bundle: body digest, author's signature and key id, Merkle leaf, server
// relay receipt, RFC 9162 inclusion proof, the server-signed checkpoint and every listed
// witness cosignature (WebCrypto Ed25519 and SHA-256). The same checks as
// `parley verify-bundle` (src/parley/proofs/bundle.py). Fails closed.
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

// Returns the list of what was checked; throws Failed naming the first check that failed.
async function verifyBundle(bundle) {
  const checks = [];
  must(bundle.format === "parley-proof-bundle/v1", "not a Parley proof bundle");
  const { entry, author, relay, server } = bundle;
  const h = entry.header;
  must(h.channel === bundle.channel && server.origin.endsWith("/" + bundle.channel), "entry, origin and channel disagree");
  if (entry.body !== undefined && entry.body !== null) {
    const digest = await sha256(concat(unb64(entry.salt), enc.encode(canonical(entry.body))));
    must(b64(digest) === h.body_digest, "the body does not match the digest in the signed header");
    checks.push("body and salt match the digest in the signed header");
  }
  const authorKey = unb64(author.public_key);
  must((await keyId(authorKey)) === h.author, "the author's key does not have the header's key id");
  const headerBytes = enc.encode(canonical(h));
  must(await ed25519(authorKey, unb64(entry.signature), concat(enc.encode("parley/entry/v1\n"), headerBytes)),
    "the author's signature does not verify");
  checks.push(`header signed by ${author.name} (${h.author})`);
  const leafData = concat(enc.encode('{"header":'), headerBytes, enc.encode(',"signature":"' + entry.signature + '"}'));
  const leaf = await sha256(concat(new Uint8Array([0]), leafData));
  const index = bundle.inclusion.index, size = bundle.inclusion.size;
  must(relay.leaf === b64(leaf) && relay.seq === index + 1 && relay.id === h.id && relay.channel === bundle.channel,
    "the relay receipt is for another entry or position");
  const serverKey = unb64(server.public_key);
  must((await keyId(serverKey)) === relay.server_key, "the relay receipt is from another server key");
  const relayMsg = canonical({ channel: relay.channel, seq: relay.seq, id: relay.id, leaf: relay.leaf, received: relay.received });
  must(await ed25519(serverKey, unb64(relay.signature), concat(enc.encode("parley/relay/v1\n"), enc.encode(relayMsg))),
    "the server's relay receipt does not verify");
  checks.push(`server relay receipt: entry ${relay.seq} at ${relay.received}`);
  const { text, sigs } = splitNote(bundle.checkpoint);
  const serverHash = await noteKeyHash(server.origin, 0x01, serverKey);
  const mine = sigs.find((s) => s.name === server.origin && equal(s.keyHash, serverHash));
  must(mine && await ed25519(serverKey, mine.sig, enc.encode(text)), "the checkpoint is not signed by the server");
  const [origin, sizeLine, rootLine] = text.split("\n");
  must(origin === server.origin && Number(sizeLine) === size, "the proof is for another tree than the checkpoint");
  checks.push(`checkpoint signed by the server: size ${size}`);
  await inclusion(leaf, index, size, bundle.inclusion.proof.map(unb64), unb64(rootLine));
  checks.push(`leaf ${index} is in the tree of size ${size} (RFC 9162 inclusion proof)`);
  const cosigned = [];
  for (const w of bundle.witnesses || []) {
    const key = unb64(w.public_key);
    const name = "parley.witness/" + (await keyId(key));
    const hash = await noteKeyHash(name, 0x04, key);
    const s = sigs.find((x) => x.name === name && equal(x.keyHash, hash));
    must(s, `${w.name} is listed as a witness but did not cosign`);
    const t = new DataView(s.sig.buffer, s.sig.byteOffset, 8).getBigUint64(0);
    const msg = concat(enc.encode(`cosignature/v1\ntime ${t}\n`), enc.encode(text));
    must(await ed25519(key, s.sig.slice(8), msg), `${w.name}'s cosignature does not verify`);
    cosigned.push(`${w.name} (${w.side})`);
  }
  if (cosigned.length) checks.push("checkpoint cosigned by " + cosigned.join(", "));
  return checks;
}

// The public page: a "Verify" button per published item.
document.addEventListener("click", async (ev) => {
  const button = ev.target.closest("button[data-bundle]");
  if (!button) return;
  const out = document.getElementById(button.getAttribute("aria-controls"));
  out.textContent = "Verifying…";
  try {
    const r = await fetch(button.dataset.bundle);
    must(r.ok, `could not fetch the bundle (HTTP ${r.status})`);
    const checks = await verifyBundle(await r.json());
    const list = document.createElement("ul");
    for (const c of checks) { const li = document.createElement("li"); li.textContent = c; list.append(li); }
    const head = document.createElement("p");
    head.className = "good";
    head.textContent = "Verified in this browser:";
    out.replaceChildren(head, list);
    out.dataset.result = "verified";
  } catch (e) {
    const p = document.createElement("p");
    p.className = "bad";
    p.textContent = "NOT verified: " + (e instanceof Failed ? e.message : "the bundle is malformed (" + e.message + ")");
    out.replaceChildren(p);
    out.dataset.result = "failed";
  }
});

window.parleyVerifyBundle = verifyBundle;
