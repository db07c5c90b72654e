// Command tlogcheck checks transparency-log artefacts with golang.org/x/mod/sumdb/note
// and golang.org/x/mod/sumdb/tlog: the Go packages that C2SP signed notes and
// tlog-checkpoints descend from. Parley's interop tests (tests/interop) use it as an
// implementation independent of Parley's own Python code.
//
// It reads one JSON object {"checks": [...]} on standard input and writes
// {"results": [...]} with one result per check, in order. Every result has "ok"; a
// failed check has "error". Binary values are standard base64. Operations:
//
//	open_note    {"note", "logs": [{"name","key"}], "cosigners": [{"name","key"}], "checkpoint": bool}
//	             note.Open with Ed25519 note verifiers (type 0x01, made by
//	             note.NewEd25519VerifierKey) for "logs" and c2sp.org/tlog-cosignature
//	             Ed25519 cosignature verifiers (type 0x04) for "cosigners". Returns the
//	             text, the verified and the unverified signatures; with "checkpoint", also
//	             the origin, size and root, and fails unless a log key named after the
//	             origin signed it.
//	inclusion    {"size","root","index","leaf_hash" | "data","proof"}    tlog.CheckRecord
//	consistency  {"old","old_root","new","new_root","proof"}             tlog.CheckTree
//	tree         {"leaves": [data], "sizes": [n], "inclusion": [[size,index]],
//	             "consistency": [[old,new]]}: roots (tlog.TreeHash) and proofs
//	             (tlog.ProveRecord, tlog.ProveTree) computed by tlog from the leaf data.
//	sign         {"text","name","seed"}: note.Sign with an Ed25519 signer (note.NewSigner).
//	cosign       {"text","name","seed","timestamp"}: note.Sign with a cosignature/v1 signer.
//	vkey         {"name","key"}: note.NewEd25519VerifierKey (name+hash+base64).
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const algCosignatureV1 = 0x04

type keySpec struct {
	Name string `json:"name"`
	Key  string `json:"key"`
}

type check struct {
	Op string `json:"op"`

	Note       string    `json:"note"`
	Logs       []keySpec `json:"logs"`
	Cosigners  []keySpec `json:"cosigners"`
	Checkpoint bool      `json:"checkpoint"`

	Size     int64    `json:"size"`
	Root     string   `json:"root"`
	Index    int64    `json:"index"`
	LeafHash string   `json:"leaf_hash"`
	Data     *string  `json:"data"`
	Proof    []string `json:"proof"`

	Old     int64  `json:"old"`
	OldRoot string `json:"old_root"`
	New     int64  `json:"new"`
	NewRoot string `json:"new_root"`

	Leaves      []string   `json:"leaves"`
	Sizes       []int64    `json:"sizes"`
	Inclusion   [][2]int64 `json:"inclusion"`
	Consistency [][2]int64 `json:"consistency"`

	Text      string `json:"text"`
	Name      string `json:"name"`
	Key       string `json:"key"`
	Seed      string `json:"seed"`
	Timestamp uint64 `json:"timestamp"`
}

type result map[string]any

func main() {
	var req struct {
		Checks []check `json:"checks"`
	}
	dec := json.NewDecoder(os.Stdin)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, "tlogcheck: bad request:", err)
		os.Exit(2)
	}
	out := make([]result, 0, len(req.Checks))
	for _, c := range req.Checks {
		r, err := run(c)
		if err != nil {
			r = result{"ok": false, "error": err.Error()}
		} else {
			r["ok"] = true
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(map[string]any{"results": out}); err != nil {
		os.Exit(2)
	}
}

func run(c check) (result, error) {
	switch c.Op {
	case "open_note":
		return openNote(c)
	case "inclusion":
		return inclusion(c)
	case "consistency":
		return consistency(c)
	case "tree":
		return tree(c)
	case "sign":
		return sign(c, false)
	case "cosign":
		return sign(c, true)
	case "vkey":
		key, err := decodeKey(c.Key)
		if err != nil {
			return nil, err
		}
		vkey, err := note.NewEd25519VerifierKey(c.Name, key)
		if err != nil {
			return nil, err
		}
		return result{"vkey": vkey}, nil
	}
	return nil, fmt.Errorf("unknown op %q", c.Op)
}

// --- signed notes and cosignatures ---------------------------------------------------

// cosigVerifier checks c2sp.org/tlog-cosignature Ed25519 cosignatures: the signature is
// u64 big-endian timestamp || Ed25519 over "cosignature/v1\ntime <t>\n" || note text.
type cosigVerifier struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func cosigKeyHash(name string, key ed25519.PublicKey) uint32 {
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte("\n"))
	h.Write([]byte{algCosignatureV1})
	h.Write(key)
	return binary.BigEndian.Uint32(h.Sum(nil))
}

func cosignedMessage(t uint64, text []byte) []byte {
	return append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), text...)
}

func (v *cosigVerifier) Name() string    { return v.name }
func (v *cosigVerifier) KeyHash() uint32 { return v.hash }
func (v *cosigVerifier) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	return ed25519.Verify(v.key, cosignedMessage(binary.BigEndian.Uint64(sig), msg), sig[8:])
}

type cosigSigner struct {
	name string
	hash uint32
	priv ed25519.PrivateKey
	time uint64
}

func (s *cosigSigner) Name() string    { return s.name }
func (s *cosigSigner) KeyHash() uint32 { return s.hash }
func (s *cosigSigner) Sign(msg []byte) ([]byte, error) {
	sig := make([]byte, 8, 8+ed25519.SignatureSize)
	binary.BigEndian.PutUint64(sig, s.time)
	return append(sig, ed25519.Sign(s.priv, cosignedMessage(s.time, msg))...), nil
}

func decodeKey(b64 string) (ed25519.PublicKey, error) {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil, errors.New("not a base64 Ed25519 public key")
	}
	return ed25519.PublicKey(raw), nil
}

func openNote(c check) (result, error) {
	var verifiers []note.Verifier
	kind := map[string]string{}
	for _, l := range c.Logs {
		key, err := decodeKey(l.Key)
		if err != nil {
			return nil, err
		}
		vkey, err := note.NewEd25519VerifierKey(l.Name, key)
		if err != nil {
			return nil, err
		}
		v, err := note.NewVerifier(vkey)
		if err != nil {
			return nil, err
		}
		verifiers = append(verifiers, v)
		kind[fmt.Sprintf("%s+%08x", v.Name(), v.KeyHash())] = "ed25519"
	}
	for _, w := range c.Cosigners {
		key, err := decodeKey(w.Key)
		if err != nil {
			return nil, err
		}
		v := &cosigVerifier{w.Name, cosigKeyHash(w.Name, key), key}
		verifiers = append(verifiers, v)
		kind[fmt.Sprintf("%s+%08x", v.name, v.hash)] = "cosignature/v1"
	}
	n, err := note.Open([]byte(c.Note), note.VerifierList(verifiers...))
	if err != nil {
		return nil, err
	}
	sigs := []map[string]any{}
	for _, s := range n.Sigs {
		k := kind[fmt.Sprintf("%s+%08x", s.Name, s.Hash)]
		entry := map[string]any{"name": s.Name, "hash": fmt.Sprintf("%08x", s.Hash), "type": k}
		if k == "cosignature/v1" {
			raw, _ := base64.StdEncoding.DecodeString(s.Base64)
			entry["timestamp"] = binary.BigEndian.Uint64(raw[4:12])
		}
		sigs = append(sigs, entry)
	}
	unverified := []string{}
	for _, s := range n.UnverifiedSigs {
		unverified = append(unverified, s.Name)
	}
	r := result{"text": n.Text, "sigs": sigs, "unverified": unverified}
	if c.Checkpoint {
		origin, size, root, err := parseCheckpoint(n.Text)
		if err != nil {
			return nil, err
		}
		signed := false
		for _, s := range n.Sigs {
			if s.Name == origin && kind[fmt.Sprintf("%s+%08x", s.Name, s.Hash)] == "ed25519" {
				signed = true
			}
		}
		if !signed {
			return nil, fmt.Errorf("checkpoint for %q not signed by a log key of that name", origin)
		}
		r["origin"], r["size"], r["root"] = origin, size, root.String()
	}
	return r, nil
}

// parseCheckpoint follows c2sp.org/tlog-checkpoint: origin, decimal size without
// leading zeros, base64 root hash, then optional non-empty extension lines.
func parseCheckpoint(text string) (string, int64, tlog.Hash, error) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 3 || lines[0] == "" {
		return "", 0, tlog.Hash{}, errors.New("checkpoint: fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return "", 0, tlog.Hash{}, fmt.Errorf("checkpoint: bad size %q", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil || base64.StdEncoding.EncodeToString(root[:]) != lines[2] {
		return "", 0, tlog.Hash{}, fmt.Errorf("checkpoint: bad root %q", lines[2])
	}
	for _, ext := range lines[3:] {
		if ext == "" {
			return "", 0, tlog.Hash{}, errors.New("checkpoint: empty extension line")
		}
	}
	return lines[0], size, root, nil
}

func sign(c check, cosig bool) (result, error) {
	seed, err := base64.StdEncoding.DecodeString(c.Seed)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, errors.New("seed is not 32 base64 bytes")
	}
	priv := ed25519.NewKeyFromSeed(seed)
	var signer note.Signer
	if cosig {
		pub := priv.Public().(ed25519.PublicKey)
		signer = &cosigSigner{c.Name, cosigKeyHash(c.Name, pub), priv, c.Timestamp}
	} else {
		// The encoded signer key, as note.GenerateKey writes it.
		pub := priv.Public().(ed25519.PublicKey)
		vkey, err := note.NewEd25519VerifierKey(c.Name, pub)
		if err != nil {
			return nil, err
		}
		hash := strings.SplitN(vkey, "+", 3)[1]
		skey := "PRIVATE+KEY+" + c.Name + "+" + hash + "+" +
			base64.StdEncoding.EncodeToString(append([]byte{1}, seed...))
		if signer, err = note.NewSigner(skey); err != nil {
			return nil, err
		}
	}
	msg, err := note.Sign(&note.Note{Text: c.Text}, signer)
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(msg, []byte("\n\n"))
	return result{"note": string(msg), "line": string(lines[len(lines)-1])}, nil
}

// --- Merkle proofs -----------------------------------------------------------------

func hashOf(b64 string) (tlog.Hash, error) {
	h, err := tlog.ParseHash(b64)
	if err != nil {
		return tlog.Hash{}, fmt.Errorf("bad hash %q", b64)
	}
	return h, nil
}

func hashes(b64s []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, 0, len(b64s))
	for _, s := range b64s {
		h, err := hashOf(s)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

func inclusion(c check) (result, error) {
	root, err := hashOf(c.Root)
	if err != nil {
		return nil, err
	}
	var leaf tlog.Hash
	if c.Data != nil {
		data, err := base64.StdEncoding.DecodeString(*c.Data)
		if err != nil {
			return nil, err
		}
		leaf = tlog.RecordHash(data)
	} else if leaf, err = hashOf(c.LeafHash); err != nil {
		return nil, err
	}
	proof, err := hashes(c.Proof)
	if err != nil {
		return nil, err
	}
	if err := tlog.CheckRecord(proof, c.Size, root, c.Index, leaf); err != nil {
		return nil, err
	}
	return result{"leaf_hash": leaf.String()}, nil
}

func consistency(c check) (result, error) {
	oldRoot, err := hashOf(c.OldRoot)
	if err != nil {
		return nil, err
	}
	newRoot, err := hashOf(c.NewRoot)
	if err != nil {
		return nil, err
	}
	proof, err := hashes(c.Proof)
	if err != nil {
		return nil, err
	}
	if err := tlog.CheckTree(proof, c.New, newRoot, c.Old, oldRoot); err != nil {
		return nil, err
	}
	return result{}, nil
}

type memHashes []tlog.Hash

func (m memHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(m)) {
			return nil, fmt.Errorf("no stored hash %d", x)
		}
		out[i] = m[x]
	}
	return out, nil
}

func encode(hs []tlog.Hash) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.String()
	}
	return out
}

func tree(c check) (result, error) {
	var stored memHashes
	for i, b64 := range c.Leaves {
		data, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			return nil, err
		}
		add, err := tlog.StoredHashes(int64(i), data, stored)
		if err != nil {
			return nil, err
		}
		stored = append(stored, add...)
	}
	roots := map[string]string{}
	for _, n := range c.Sizes {
		h, err := tlog.TreeHash(n, stored)
		if err != nil {
			return nil, err
		}
		roots[strconv.FormatInt(n, 10)] = h.String()
	}
	incl := [][]string{}
	for _, p := range c.Inclusion {
		proof, err := tlog.ProveRecord(p[0], p[1], stored)
		if err != nil {
			return nil, err
		}
		incl = append(incl, encode(proof))
	}
	cons := [][]string{}
	for _, p := range c.Consistency {
		proof, err := tlog.ProveTree(p[1], p[0], stored)
		if err != nil {
			return nil, err
		}
		cons = append(cons, encode(proof))
	}
	return result{"roots": roots, "inclusion": incl, "consistency": cons}, nil
}
