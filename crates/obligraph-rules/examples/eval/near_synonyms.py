#!/usr/bin/env python3
"""Near-synonym experiment (issue #15, session 10): does folding near-synonyms
of administrative prose help the matcher on plans it was not fitted on?

For each pair below (written from general usage before measuring, not from
the misses of a labelled pair) the script appends it to
`obligraph_vn::lexicon::SAME_MEANING`, runs the full eval, prints how the
eval table differs from the unmodified build's, and restores the file. Then
it does the same with every pair at once.

Result (session 10): no pair moves the Huế vs Đồng Nai alignment F1; three
move Ngô Quyền vs Bình Thuận (0.774 -> 0.780..0.800); the verb pairs lower
element deletion (0.964 -> 0.957) and the synthetic element-drop figure
(0.974 -> 0.961); all nine at once give Huế 0.785, Ngô Quyền 0.790 with its
gap precision 0.857 -> 0.800, element deletion 0.950. Chosen on one pair and measured on the other, the held-out
figures do not move, so nothing was adopted.

Run from the workspace root with a clean tree:
    python3 crates/obligraph-rules/examples/eval/near_synonyms.py
Takes about one eval run per pair (40 s to 2 min each on the 2-core machine).
"""
import pathlib
import re
import subprocess
import sys

PAIRS = [
    ("đẩy mạnh", "tăng cường"),
    ("nâng cao", "tăng cường"),
    ("người dân", "nhân dân"),
    ("ngân sách", "tài chính"),
    ("thực thi", "thực hiện"),
    ("tọa đàm", "hội thảo"),
    ("soạn thảo", "xây dựng"),
    ("tập huấn", "bồi dưỡng"),
    ("phổ biến", "tuyên truyền"),
]
LEXICON = pathlib.Path("crates/obligraph-vn/src/lexicon.rs")
END = re.compile(r"(pub const SAME_MEANING: &\[\(&str, &str\)\] = &\[.*?)(\n\];)", re.S)


def table() -> list[str]:
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "-p", "obligraph-rules", "--example", "eval"],
        capture_output=True, text=True, check=True,
    ).stdout
    rows = []
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and cells[1] not in ("check", "---") and "at the default" not in cells[1]:
            rows.append(f"{cells[1][:70]} :: {cells[2]}")
    return rows


def main() -> int:
    if subprocess.run(["git", "diff", "--quiet", "--", str(LEXICON)]).returncode != 0:
        print(f"{LEXICON} has local changes; commit or stash them first", file=sys.stderr)
        return 2
    original = LEXICON.read_text(encoding="utf-8")
    if not END.search(original):
        print("SAME_MEANING not found in the lexicon", file=sys.stderr)
        return 2
    try:
        base = table()
        for label, pairs in [(f"{a} -> {b}", [(a, b)]) for a, b in PAIRS] + [("all", PAIRS)]:
            extra = "".join(f'\n    ("{a}", "{b}"),' for a, b in pairs)
            LEXICON.write_text(END.sub(lambda m: m.group(1) + extra + m.group(2), original, 1), encoding="utf-8")
            rows = table()
            print(f"### {label}")
            for old, new in zip(base, rows):
                if old != new:
                    print(f"  - {old}\n  + {new}")
            sys.stdout.flush()
    finally:
        LEXICON.write_text(original, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
