//! Verdicts do not depend on which of two equivalent wordings a derived
//! plan uses: each variant below, written into the derived plans of real
//! pairs, leaves every verdict as it was. The variants are a drafter's
//! (coordinated pairs in the other order, one spelling for another,
//! abbreviations), listed here as the test's own data: the lexicon
//! (`obligraph_vn::lexicon`) must know them, the test does not read it.

use crate::common::{root, text, DRAFTING_VARIANTS};
use obligraph_rules::{audit, Config, Status};
use std::collections::BTreeMap;

fn verdicts(parent: &str, child_text: &str) -> BTreeMap<String, Status> {
    let p = obligraph_vn::import_text(&text(parent), parent)
        .unwrap()
        .plan;
    let c = obligraph_vn::import_text(child_text, "child.txt")
        .unwrap()
        .plan;
    audit(&p, &c, &Config::default())
        .parent_obligations
        .iter()
        .map(|o| (o.id.to_string(), o.status))
        .collect()
}

/// `text` with each whole-word occurrence of `from` (any case of its first
/// letter) written as `to`.
fn rewrite(text: &str, from: &str, to: &str) -> String {
    let mut out = text.replace(from, to);
    let cap = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    out = out.replace(&cap(from), &cap(to));
    out
}

#[test]
fn a_pair_written_the_other_way_round_changes_no_verdict() {
    let pairs = [
        (
            "examples/data/seeds/binh-thuan-qd87-2023.txt",
            "examples/data/seeds/ngo-quyen-102-2023.txt",
        ),
        (
            "examples/data/seeds/dong-nai-74-2026.txt",
            "examples/data/seeds/hue-qd2715-2026.txt",
        ),
        (
            "examples/data/seeds/dong-nai-74-2026.txt",
            "examples/data/communes/long-hung-ward-2026.txt",
        ),
        (
            "examples/data/seeds/dong-nai-74-2026.txt",
            "examples/data/communes/suoi-tre-commune-2026.txt",
        ),
    ];
    let mut rewritten = 0;
    for (parent, child) in pairs {
        assert!(root().join(child).exists());
        let written = text(child);
        let base = verdicts(parent, &written);
        for (written_a, written_b) in DRAFTING_VARIANTS {
            if !written.contains(written_a) {
                continue;
            }
            rewritten += 1;
            let after = verdicts(parent, &rewrite(&written, written_a, written_b));
            let changed: Vec<_> = base
                .iter()
                .filter(|(id, s)| after.get(*id) != Some(s))
                .map(|(id, s)| (id.clone(), *s, after.get(id).copied()))
                .collect();
            assert!(
                changed.is_empty(),
                "{child}: «{written_a}» → «{written_b}» changed {changed:?}"
            );
        }
    }
    assert!(rewritten >= 6, "only {rewritten} rewrites applied");
}
