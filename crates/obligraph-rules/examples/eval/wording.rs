//! Verdicts under a drafter's wording: each variant below, written into
//! the derived plan of a real pair wherever it occurs, should change no
//! verdict. The first group is what the lexicon folds (coordinated pairs
//! in the other order, spellings, abbreviations); the second is wording
//! it does not know (a verb for a near-synonym, a synonym of another
//! length, a filler added), so the figure says how much a plan worded
//! otherwise moves the verdicts. Written before measuring; not tuned.

use crate::{import, root};
use obligraph_rules::{audit, Config, Status};

/// Wording the lexicon does not know (as the plans write it, as another
/// drafter may); the eval adds [`crate::common::DRAFTING_VARIANTS`], which
/// it does.
const UNKNOWN: [(&str, &str); 7] = [
    ("Đẩy mạnh", "Tăng cường"),
    ("quyền con người", "nhân quyền"),
    ("các cơ quan, đơn vị", "các cơ quan, đơn vị có liên quan"),
    ("thực hiện", "triển khai thực hiện"),
    ("trên địa bàn", "tại địa phương"),
    ("văn bản quy phạm pháp luật", "văn bản pháp luật"),
    ("nâng cao nhận thức", "nâng cao hiểu biết"),
];

const PAIRS: [(&str, &str); 4] = [
    (
        "examples/data/seeds/dong-nai-74-2026.txt",
        "examples/data/seeds/hue-qd2715-2026.txt",
    ),
    (
        "examples/data/seeds/binh-thuan-qd87-2023.txt",
        "examples/data/seeds/ngo-quyen-102-2023.txt",
    ),
    (
        "examples/data/seeds/dong-nai-74-2026.txt",
        "examples/data/communes/suoi-tre-commune-2026.txt",
    ),
    (
        "examples/data/seeds/dong-nai-74-2026.txt",
        "examples/data/communes/long-hung-ward-2026.txt",
    ),
];

fn verdicts(parent: &obligraph_core::Plan, child: &str, config: &Config) -> Vec<(String, Status)> {
    let Some(c) = import(child, "variant.txt") else {
        return Vec::new();
    };
    audit(parent, &c, config)
        .parent_obligations
        .iter()
        .map(|o| (o.id.to_string(), o.status))
        .collect()
}

/// (verdicts unchanged, verdicts compared, variants applied, the changed
/// ones as lines).
pub fn stability(config: &Config) -> (usize, usize, usize, Vec<String>) {
    let (mut same, mut n, mut applied, mut changed) = (0, 0, 0, Vec::new());
    for (parent, child) in PAIRS {
        let read = |rel: &str| std::fs::read_to_string(root().join(rel)).expect("pair file");
        let Some(p) = import(&read(parent), parent) else {
            continue;
        };
        let written = read(child);
        let base = verdicts(&p, &written, config);
        for &(from, to) in crate::common::DRAFTING_VARIANTS.iter().chain(&UNKNOWN) {
            if !written.contains(from) {
                continue;
            }
            applied += 1;
            let after = verdicts(&p, &written.replace(from, to), config);
            for ((id, a), (_, b)) in base.iter().zip(&after) {
                n += 1;
                if a == b {
                    same += 1;
                } else {
                    let name = child.rsplit('/').next().unwrap_or(child);
                    changed.push(format!("{name} «{from}» → «{to}»: {id} {a:?} → {b:?}"));
                }
            }
        }
    }
    (same, n, applied, changed)
}
