#!/usr/bin/env python3
"""Python peers of obligraph's task matcher, on the hand-labelled seed pair.

The task: match the obligations of the Huế city plan (child, QĐ 2715
implementation) to those of the Đồng Nai plan 74/KH-UBND (parent), scored
against the true alignment in tests/fixtures/alignment/hue-vs-dong-nai.json.
This is what a user would reach for instead of obligraph:

* rapidfuzz ``process.cdist`` with ``fuzz.ratio`` and with
  ``fuzz.token_set_ratio`` (workers=1), on NFC-normalised lowercased text;
* scikit-learn ``TfidfVectorizer`` (word 1-2-grams over Vietnamese
  syllables, sublinear tf) + cosine similarity (``linear_kernel``).

Scoring is the Rust test's (crates/obligraph-rules/tests/alignment.rs):

* the labelled pairs are resolved to obligation ids by source line
  (``at_line``: the obligation whose line range holds the labelled line; on a
  tie the labelled id, else the same ``:kind`` suffix, else the latest start;
  else a heading line merged into the task starting within 3 lines below);
* a parent body item that obligraph reports as restated by an appendix item
  ("restated by X" in the audit report) counts as X, on both the labelled
  and the predicted side;
* precision and recall are over the *set* of (child id, parent id) pairs, so
  one child matched to several parents counts once per parent;
* parent obligations obligraph reports as not applicable because only
  requested bodies lead them (courts, procuracies, the Front) stay in the
  candidate set and in the gold, as in the Rust test: a pair predicted to
  them counts like any other.

Two decision procedures turn a score matrix into matches:

* ``best``: the best parent of each child, when it scores at least t
  (one parent per child, so its recall is capped: the gold has one-to-many);
* ``assign``: obligraph's own rule (crates/obligraph-rules/src/align.rs,
  ``assign``) on the peer's scores: candidates score >= t; a maximum-weight
  one-to-one assignment (Hungarian, scipy ``linear_sum_assignment``); plus
  every pair >= t_extra; plus every pair that is the best of its parent or
  of its child and scores >= t (obligraph's partial = best threshold).

Each is reported at a fixed default (obligraph's own thresholds, t = 0.34 and
t_extra = 0.50, on the peer's 0-1 score; rapidfuzz scores are divided by 100)
and at the threshold(s) that give the best F1 on this very pair. The tuned
rows are fitted on the test pair: they flatter the peer and are an upper
bound, not a fair estimate.

Timing (time.perf_counter, median of --reps runs, plans already in memory,
as in obligraph's criterion bench): "matrix" is normalised texts -> score
matrix (for TF-IDF: fit on both plans' texts + transform + linear_kernel);
"end to end" is obligation lists -> NFC/lowercase -> matrix -> matches under
the default ``assign`` rule. Per pair = time / (children x parents).

Run: pip install -r benches/peers/requirements.txt &&
     python3 benches/peers/match_peers.py [--json] [--reps N]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
import rapidfuzz
import scipy
import sklearn
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

ROOT = Path(__file__).resolve().parents[2]

# obligraph's Config::default() matching thresholds (crates/obligraph-rules/src/config.rs).
DEFAULT_T = 0.34
DEFAULT_EXTRA = 0.50

# Vietnamese syllables: runs of letters (with their diacritics) or digits.
# Unlike scikit-learn's default pattern, one-letter syllables ("ở", "ý") are kept.
SYLLABLE = r"(?u)\b\w+\b"


# --------------------------------------------------------------------------
# Loading


def load_plan(path: Path) -> dict:
    """An importer output: {"plan": {...}} (golden / `obligraph import --format json`) or a bare plan."""
    d = json.loads(path.read_text(encoding="utf-8"))
    return d.get("plan", d) if isinstance(d, dict) else d


def load_report(path: Path) -> dict:
    """An audit report (golden, or `obligraph audit --format json`, which may wrap it in a list)."""
    d = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(d, list):
        d = d[0]
    if "reports" in d and isinstance(d["reports"], list):
        d = d["reports"][0]
    return d


def at_line(obligations: list[dict], line: int, oid: str) -> dict | None:
    """Port of crates/obligraph-rules/tests/common.rs `at_line`."""
    hits = [
        o
        for o in obligations
        if o["source"]["line_start"] <= line <= o["source"]["line_end"]
    ]
    for o in hits:
        if o["id"] == oid:
            return o
    if ":" in oid:
        kind = oid.split(":", 1)[1]
        for o in hits:
            if o["id"].endswith(":" + kind):
                return o
    if hits:
        # max_by_key keeps the last maximum, as Rust's Iterator::max_by_key.
        best = hits[0]
        for o in hits[1:]:
            if o["source"]["line_start"] >= best["source"]["line_start"]:
                best = o
        return best
    below = [
        o
        for o in obligations
        if line < o["source"]["line_start"] <= line + 3
    ]
    return min(below, key=lambda o: o["source"]["line_start"]) if below else None


def restated_map(report: dict) -> dict[str, str]:
    """Parent id -> id of the appendix item restating it, from the report's reasons."""
    out = {}
    for p in report["parent_obligations"]:
        r = p.get("reason") or ""
        if r.startswith("restated by "):
            out[p["id"]] = r[len("restated by "):].split(",")[0]
    return out


def gold_pairs(fixture: dict, child: list[dict], parent: list[dict], canon) -> set[tuple[str, str]]:
    gold = set()
    for p in fixture["pairs"]:
        c = at_line(child, p["child_line"], p["child"])
        q = at_line(parent, p["parent_line"], p["parent"])
        if c is None or q is None:
            raise SystemExit(f"cannot resolve labelled pair {p['child']} -> {p['parent']}")
        gold.add((c["id"], canon(q["id"])))
    return gold


# --------------------------------------------------------------------------
# Peers: obligation texts -> score matrix (children x parents), scores in 0..1


def normalise(texts: list[str]) -> list[str]:
    return [unicodedata.normalize("NFC", t).lower() for t in texts]


def rapidfuzz_peer(scorer):
    """No index: the parent side is just the list of texts."""

    def prepare(parent: list[str]):
        return parent

    def matrix(child: list[str], parent: list[str]) -> np.ndarray:
        m = process.cdist(child, parent, scorer=scorer, workers=1, dtype=np.float32)
        return m / 100.0

    return prepare, matrix


def vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        token_pattern=SYLLABLE,
        sublinear_tf=True,
        lowercase=False,  # already lowercased with the NFC step
    )


def tfidf_union_peer():
    """The vectorizer fitted on both plans' texts (what a user would write)."""

    def prepare(parent: list[str]):
        return parent

    def matrix(child: list[str], parent: list[str]) -> np.ndarray:
        x = vectorizer().fit_transform(child + parent)
        n = len(child)
        # TF-IDF rows are L2-normalised: the linear kernel is the cosine.
        return linear_kernel(x[:n], x[n:])

    return prepare, matrix


def tfidf_parent_peer():
    """The vectorizer fitted on the parent once and reused for every derived
    plan, like obligraph's ParentIndex (whose IDF is also the parent's)."""

    def prepare(parent: list[str]):
        vec = vectorizer()
        return vec, vec.fit_transform(parent)

    def matrix(child: list[str], state) -> np.ndarray:
        vec, xp = state
        return linear_kernel(vec.transform(child), xp)

    return prepare, matrix


PEERS = {
    "rapidfuzz cdist fuzz.ratio": rapidfuzz_peer(fuzz.ratio),
    "rapidfuzz cdist fuzz.token_set_ratio": rapidfuzz_peer(fuzz.token_set_ratio),
    "sklearn TF-IDF, fit on both plans": tfidf_union_peer(),
    "sklearn TF-IDF, fit on parent once": tfidf_parent_peer(),
}


# --------------------------------------------------------------------------
# Decision procedures: score matrix -> set of (child index, parent index)


def decide_best(s: np.ndarray, t: float) -> set[tuple[int, int]]:
    """Best parent per child, when at least t."""
    best = s.argmax(axis=1)
    return {(i, int(j)) for i, j in enumerate(best) if s[i, j] >= t}


def decide_assign(s: np.ndarray, t: float, extra: float) -> set[tuple[int, int]]:
    """obligraph's `assign` rule on the peer's scores."""
    cand = s >= t
    out: set[tuple[int, int]] = set()
    if not cand.any():
        return out
    # Maximum-weight one-to-one matching over the candidate pairs (non-candidates weigh 0,
    # as in obligraph's padded Kuhn-Munkres matrix, and are dropped afterwards).
    w = np.where(cand, s, 0.0)
    rows, cols = linear_sum_assignment(w, maximize=True)
    out.update((int(i), int(j)) for i, j in zip(rows, cols) if cand[i, j])
    # Every pair >= extra.
    out.update((int(i), int(j)) for i, j in zip(*np.nonzero(s >= extra)))
    # The best of its parent or of its child, >= t. (Ties: first index, like
    # obligraph's strict `>` over candidates in order.)
    masked = np.where(cand, s, -1.0)
    for i, j in enumerate(masked.argmax(axis=1)):
        if masked[i, j] >= t:
            out.add((i, int(j)))
    for j, i in enumerate(masked.argmax(axis=0)):
        if masked[i, j] >= t:
            out.add((int(i), j))
    return out


# --------------------------------------------------------------------------
# Scoring


def score(pred_idx, child_ids, parent_ids, canon, gold):
    pred = {(child_ids[i], canon(parent_ids[j])) for i, j in pred_idx}
    hit = len(pred & gold)
    p = hit / len(pred) if pred else 0.0
    r = hit / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, pred


def sweep(s, child_ids, parent_ids, canon, gold):
    """Every threshold setting on a 0.01 grid, scored on the labelled pair.

    Returns (best-F1 point of `best`, best-F1 point of `assign`, all `assign`
    points); ties go to the higher precision, then the lower thresholds."""
    grid = [round(x, 2) for x in np.arange(0.01, 1.001, 0.01)]
    best_b = None
    for t in grid:
        p, r, f, _ = score(decide_best(s, t), child_ids, parent_ids, canon, gold)
        key = (f, p, -t)
        if best_b is None or key > best_b[0]:
            best_b = (key, t, p, r, f)
    points = []
    best_a = None
    for t in grid:
        for extra in [e for e in grid if e >= t]:
            p, r, f, _ = score(decide_assign(s, t, extra), child_ids, parent_ids, canon, gold)
            points.append((t, extra, p, r, f))
            key = (f, p, -t, -extra)
            if best_a is None or key > best_a[0]:
                best_a = (key, t, extra, p, r, f)
    return best_b, best_a, points


def operating_points(points, our_p, our_r):
    """The peer at obligraph's operating point, any thresholds (tuned on the
    test pair): its best precision at recall >= ours, its best recall at
    precision >= ours."""
    at_r = [x for x in points if x[3] >= our_r - 1e-9]
    at_p = [x for x in points if x[2] >= our_p - 1e-9]
    out = {}
    if at_r:
        t, e, p, r, _ = max(at_r, key=lambda x: (x[2], x[3]))
        out["best_precision_at_our_recall"] = {"t": t, "extra": e, "precision": round(p, 3), "recall": round(r, 3)}
    else:
        out["best_precision_at_our_recall"] = None
    if at_p:
        t, e, p, r, _ = max(at_p, key=lambda x: (x[3], x[2]))
        out["best_recall_at_our_precision"] = {"t": t, "extra": e, "precision": round(p, 3), "recall": round(r, 3)}
    else:
        out["best_recall_at_our_precision"] = None
    return out


# --------------------------------------------------------------------------
# Timing


def median_seconds(fn, reps: int) -> float:
    fn()  # warm-up (imports, vocabulary caches)
    xs = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        xs.append(time.perf_counter() - t0)
    return statistics.median(xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    ap.add_argument("--reps", type=int, default=50, help="timed repetitions per measure (median; >= 20)")
    ap.add_argument("--parent", type=Path, default=ROOT / "tests/golden/dong-nai-74-2026.json")
    ap.add_argument("--child", type=Path, default=ROOT / "tests/golden/hue-qd2715-2026.json")
    ap.add_argument("--labels", type=Path, default=ROOT / "tests/fixtures/alignment/hue-vs-dong-nai.json")
    ap.add_argument(
        "--report",
        type=Path,
        default=ROOT / "tests/golden/audit/hue-vs-dong-nai.json",
        help="obligraph's audit report of the pair: gives the restated parent items, "
        "and obligraph's own matches (scored here as a cross-check of the scorer)",
    )
    ap.add_argument("--ours-ms", type=float, help="obligraph's time for the pair (cargo bench --bench audit, "
                    "'index + align + rules'), shown in its row")
    ap.add_argument("--ours-prepared-ms", type=float, help="obligraph's time with a prebuilt parent index "
                    "(cargo bench --bench audit, 'prebuilt parent index'), shown in its row")
    ap.add_argument("--show-pairs", action="store_true", help="also list missed and extra pairs per row")
    a = ap.parse_args()
    if a.reps < 20:
        ap.error("--reps must be at least 20")

    parent = load_plan(a.parent)["obligations"]
    child = load_plan(a.child)["obligations"]
    fixture = json.loads(a.labels.read_text(encoding="utf-8"))
    report = load_report(a.report)
    restated = restated_map(report)

    def canon(pid: str) -> str:
        return restated.get(pid, pid)

    gold = gold_pairs(fixture, child, parent, canon)
    child_ids = [o["id"] for o in child]
    parent_ids = [o["id"] for o in parent]
    child_texts = [o["text"] for o in child]
    parent_texts = [o["text"] for o in parent]
    n_pairs = len(child) * len(parent)
    best_recall_cap = len({c for c, _ in gold}) / len(gold)

    rows = []

    def per(sec):
        if sec is None:
            return None, None
        return round(sec * 1e3, 3), round(sec * 1e9 / n_pairs)

    def row(peer, rule, thresholds, p, r, f, pred, times=None):
        times = times or {}
        d = {
            "peer": peer,
            "rule": rule,
            "thresholds": thresholds,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "predicted_pairs": len(pred),
            "correct_pairs": len(pred & gold),
        }
        for k in ("matrix", "end_to_end", "end_to_end_parent_prepared"):
            d[f"{k}_ms"], d[f"{k}_ns_per_pair"] = per(times.get(k))
        if a.show_pairs:
            d["missed"] = sorted(gold - pred)
            d["extra"] = sorted(pred - gold)
        rows.append(d)

    # obligraph's own matches, from the report, through this scorer: must equal
    # the Rust test's figures if the report is current.
    ours = {
        (m["child_id"], canon(p["id"]))
        for p in report["parent_obligations"]
        for m in p.get("matches", [])
    }
    hit = len(ours & gold)
    op = hit / len(ours) if ours else 0.0
    orc = hit / len(gold)
    of = 2 * op * orc / (op + orc) if op + orc else 0.0
    ours_times = {}
    if a.ours_ms is not None:
        ours_times["end_to_end"] = a.ours_ms / 1e3
    if a.ours_prepared_ms is not None:
        ours_times["end_to_end_parent_prepared"] = a.ours_prepared_ms / 1e3
    row("obligraph (--report; times: --ours-ms)", "obligraph audit", {}, op, orc, of, ours, ours_times)

    operating = {}
    for name, (prepare, matrix) in PEERS.items():
        c_norm, p_norm = normalise(child_texts), normalise(parent_texts)
        s = np.asarray(matrix(c_norm, prepare(p_norm)), dtype=np.float64)

        def end_to_end(prepare=prepare, matrix=matrix):
            state = prepare(normalise(parent_texts))
            m = np.asarray(matrix(normalise(child_texts), state), dtype=np.float64)
            return decide_assign(m, DEFAULT_T, DEFAULT_EXTRA)

        state = prepare(p_norm)

        def prepared(state=state, matrix=matrix):
            m = np.asarray(matrix(normalise(child_texts), state), dtype=np.float64)
            return decide_assign(m, DEFAULT_T, DEFAULT_EXTRA)

        times = {
            "matrix": median_seconds(lambda: matrix(c_norm, prepare(p_norm)), a.reps),
            "end_to_end": median_seconds(end_to_end, a.reps),
            "end_to_end_parent_prepared": median_seconds(prepared, a.reps),
        }

        p, r, f, pred = score(decide_assign(s, DEFAULT_T, DEFAULT_EXTRA), child_ids, parent_ids, canon, gold)
        row(name, "assign, default", {"t": DEFAULT_T, "extra": DEFAULT_EXTRA}, p, r, f, pred, times)
        p, r, f, pred = score(decide_best(s, DEFAULT_T), child_ids, parent_ids, canon, gold)
        row(name, "best, default", {"t": DEFAULT_T}, p, r, f, pred, times)
        (_, tb, *_), (_, ta, ea, *_), points = sweep(s, child_ids, parent_ids, canon, gold)
        operating[name] = operating_points(points, op, orc)
        p, r, f, pred = score(decide_assign(s, ta, ea), child_ids, parent_ids, canon, gold)
        row(name, "assign, tuned on test pair", {"t": ta, "extra": ea}, p, r, f, pred, times)
        p, r, f, pred = score(decide_best(s, tb), child_ids, parent_ids, canon, gold)
        row(name, "best, tuned on test pair", {"t": tb}, p, r, f, pred, times)

    meta = {
        "children": len(child),
        "parents": len(parent),
        "pairs_per_plan_pair": n_pairs,
        "gold_pairs": len(gold),
        "restated_parent_items": restated,
        "best_rule_recall_cap": round(best_recall_cap, 3),
        "reps": a.reps,
        "python": platform.python_version(),
        "rapidfuzz": rapidfuzz.__version__,
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "machine": platform.machine(),
        "processor": platform.processor(),
    }
    if a.json:
        json.dump({"meta": meta, "rows": rows, "at_obligraph_operating_point": operating}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0

    print(
        f"Huế QĐ 2715 (child, {len(child)} obligations) vs Đồng Nai 74/KH-UBND "
        f"(parent, {len(parent)}): {n_pairs} pairs, {len(gold)} labelled matches; "
        f"median of {a.reps} runs"
    )
    print(f"('best' rule: one parent per child, recall capped at {best_recall_cap:.3f}; "
          "'tuned' rows are fitted on this test pair and flatter the peer)")
    hdr = (
        f"{'peer':38} {'rule':27} {'thresholds':18} {'P':>5} {'R':>5} {'F1':>5} "
        f"{'matrix ms':>9} {'e2e ms':>8} {'prep ms':>8} {'matrix ns/p':>11} {'e2e ns/p':>9} {'prep ns/p':>9}"
    )
    print(hdr)
    print("-" * len(hdr))

    def fmt(v, w):
        if v is None:
            return f"{'-':>{w}}"
        return f"{v:>{w}.2f}" if isinstance(v, float) else f"{v:>{w}}"

    for d in rows:
        th = " ".join(f"{k}={v:.2f}" for k, v in d["thresholds"].items())
        print(
            f"{d['peer'][:38]:38} {d['rule']:27} {th:18} "
            f"{d['precision']:5.3f} {d['recall']:5.3f} {d['f1']:5.3f} "
            f"{fmt(d['matrix_ms'], 9)} {fmt(d['end_to_end_ms'], 8)} {fmt(d['end_to_end_parent_prepared_ms'], 8)} "
            f"{fmt(d['matrix_ns_per_pair'], 11)} {fmt(d['end_to_end_ns_per_pair'], 9)} "
            f"{fmt(d['end_to_end_parent_prepared_ns_per_pair'], 9)}"
        )
        if a.show_pairs:
            print(f"    missed: {d['missed']}")
            print(f"    extra:  {d['extra']}")
    print()
    print(f"Each peer at obligraph's operating point (P {op:.3f}, R {orc:.3f}), 'assign' rule, "
          "any thresholds (tuned on the test pair):")
    for name, o in operating.items():
        def show(x):
            if x is None:
                return "unreachable"
            return f"P {x['precision']:.3f} R {x['recall']:.3f} (t={x['t']:.2f} extra={x['extra']:.2f})"
        print(f"  {name:38} best P at R >= ours: {show(o['best_precision_at_our_recall'])}; "
              f"best R at P >= ours: {show(o['best_recall_at_our_precision'])}")
    print("e2e = obligation texts of both plans -> matches (default 'assign' rule); prep = the same with the "
          "parent side prepared once (vectorizer fitted on the parent; for rapidfuzz, nothing to prepare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
