#!/usr/bin/env bash
# Seeds every target's corpus from the real documents shipped in the repo.
set -euo pipefail
cd "$(dirname "$0")"
root=../..
mkdir -p corpus/import_text corpus/import_docx corpus/plan_json corpus/deadline_phrase
cp "$root"/examples/data/seeds/*.txt "$root"/examples/data/decisions/*.txt corpus/import_text/
cp "$root"/tests/fixtures/docx/*.docx corpus/import_docx/ 2>/dev/null || true
cp "$root"/examples/data/*.json corpus/plan_json/ 2>/dev/null || true
cp "$root"/tests/golden/*.json corpus/plan_json/ 2>/dev/null || true
# One deadline phrase per file, from the reference table's first column.
i=0
cut -f1 "$root"/crates/obligraph-vn/data/deadline-phrases-vn.tsv | tail -n +2 | tr '|' '\n' | while read -r p; do
  i=$((i+1)); printf '%s' "$p" > "corpus/deadline_phrase/p$i"
done
grep -oh "[Tt]heo yêu cầu[^	]*\|[Tt]rước ngày [0-9/]*[^	.;)]*\|[Hh]àng năm\|[Hh]ằng năm" "$root"/examples/data/seeds/*.txt | sort -u | head -200 | while read -r p; do
  i=$((i+1)); printf '%s' "$p" > "corpus/deadline_phrase/s$(echo "$p" | md5sum | cut -c1-8)"
done
