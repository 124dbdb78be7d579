//! Helpers the importer's test binaries share (each binary declares
//! `mod common;` and uses a part of them).
#![allow(dead_code)] // each test binary uses only some of the helpers

use std::path::{Path, PathBuf};

use obligraph_core::{Obligation, Role};
use obligraph_vn::{import_text, Import};

/// The five seeds of `examples/data/seeds/`, by file stem.
pub const SEEDS: [&str; 5] = [
    "binh-thuan-qd87-2023",
    "dong-nai-74-2026",
    "hue-qd2715-2026",
    "hue-sokhcn-de-an-65-2026",
    "ngo-quyen-102-2023",
];

/// The workspace root (the seeds and fixtures are named from it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The agency ids `o` gives `role`, sorted.
pub fn ids(o: &Obligation, role: Role) -> Vec<String> {
    let mut v: Vec<String> = o
        .assignments
        .iter()
        .filter(|a| a.role == role)
        .map(|a| a.agency.id.clone())
        .collect();
    v.sort();
    v
}

/// The ids of the bodies `o` only requests ("đề nghị"), in order.
pub fn requested(o: &Obligation) -> Vec<&str> {
    o.assignments
        .iter()
        .filter(|a| a.requested)
        .map(|a| a.agency.id.as_str())
        .collect()
}

/// A plan written in a test, imported.
pub fn import(text: &str) -> Import {
    import_text(text, "variant.txt").unwrap()
}

/// The one obligation whose text holds `snippet`.
pub fn task<'a>(import: &'a Import, snippet: &str) -> &'a Obligation {
    let hits: Vec<&Obligation> = import
        .plan
        .obligations
        .iter()
        .filter(|o| o.text.contains(snippet))
        .collect();
    assert_eq!(hits.len(), 1, "{snippet}: {:#?}", import.plan.obligations);
    hits[0]
}

/// Asserts that no obligation's text `holds` (a line read as no task).
pub fn no_task(import: &Import, holds: impl Fn(&str) -> bool) {
    let hits: Vec<&Obligation> = import
        .plan
        .obligations
        .iter()
        .filter(|o| holds(&o.text))
        .collect();
    assert!(hits.is_empty(), "{hits:#?}");
}
