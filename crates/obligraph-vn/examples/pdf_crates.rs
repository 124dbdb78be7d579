//! The two PDF readers tried, on the PDF fixtures of the seeds:
//! `cargo run --release -p obligraph-vn --example pdf_crates`.
//!
//! - **lopdf** `Document::extract_text` (lopdf is what pdf-extract parses
//!   files with): the text of each text-showing operator, no positions, so
//!   no table cells and no word gaps drawn by positioning;
//! - **pdf-extract**, its own plain text (`extract_text_from_mem`), and
//!   with the layout of [`obligraph_vn::pdf`]: glyphs and ruling lines
//!   with their positions, laid out as lines and table rows.
//!
//! For each, per seed: the time to read the text (best of 5), the share of
//! the seed's words (folded) found in the text, and how many tab-separated
//! table rows come out (the text path's appendix rows).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use obligraph_vn::normalize::fold;

fn words(s: &str) -> BTreeSet<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_string)
        .collect()
}

fn best_of<T>(mut f: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::MAX;
    let mut out = f();
    for _ in 0..5 {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    (out, best)
}

fn main() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds = [
        "binh-thuan-qd87-2023",
        "dong-nai-74-2026",
        "hue-qd2715-2026",
        "hue-sokhcn-de-an-65-2026",
        "ngo-quyen-102-2023",
    ];
    println!("| seed | reader | ms | seed words found | table rows |");
    println!("|---|---|---:|---:|---:|");
    for seed in seeds {
        let text = std::fs::read_to_string(root.join(format!("examples/data/seeds/{seed}.txt")))
            .map_err(|e| e.to_string())?;
        let want = words(&text);
        let rows_in_seed = text.lines().filter(|l| l.contains('\t')).count();
        let bytes = std::fs::read(root.join(format!("tests/fixtures/pdf/{seed}.pdf")))
            .map_err(|e| e.to_string())?;
        let (lopdf, ms_lopdf) = best_of(|| {
            let doc = pdf_extract::Document::load_mem(&bytes).map_err(|e| e.to_string())?;
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).map_err(|e| e.to_string())
        });
        let (plain, ms_plain) = best_of(|| pdf_extract::extract_text_from_mem(&bytes));
        let plain = plain.map_err(|e| e.to_string())?;
        let (ours, ms_ours) = best_of(|| obligraph_vn::pdf::pdf_to_text(&bytes));
        let ours = ours.map_err(|e| e.to_string())?.text;
        let lopdf = lopdf?;
        for (reader, got, ms) in [
            ("lopdf", &lopdf, ms_lopdf),
            ("pdf-extract, its plain text", &plain, ms_plain),
            ("pdf-extract + layout", &ours, ms_ours),
        ] {
            let have = words(got);
            let found = want.intersection(&have).count();
            let rows = got.lines().filter(|l| l.contains('\t')).count();
            println!(
                "| {seed} | {reader} | {ms:.1} | {:.1} % | {rows} (seed: {rows_in_seed}) |",
                100.0 * found as f64 / want.len().max(1) as f64
            );
        }
    }
    Ok(())
}
