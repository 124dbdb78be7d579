//! Fields right per seed: the importer's reading of each seed against the
//! hand-labelled golds in `tests/fixtures/import-gold/<seed>.tsv`.
//!
//! `cargo run -p obligraph-vn --example fields_right` prints one table,
//! a line per labelled seed and a column per form of the same document,
//! then the fields that differ; `-- --quiet` only the tables, `-- --no-ocr`
//! skips the scans, `-- --scan SEED` reads only that seed's scan, and
//! `-- --dump-ocr` prints each scanned page as OCR lays it out, and
//! `-- --held-out` gives only the held-out table (below).
//!
//! # The forms
//!
//! - **text**: `examples/data/seeds/<seed>.txt`.
//! - **DOCX**: `tests/fixtures/docx/<seed>.docx`, where there is one.
//! - **PDF**: `tests/fixtures/pdf/<seed>.pdf`, the seed printed by
//!   LibreOffice (`tests/fixtures/pdf/make.sh`), read from its text layer.
//! - **scanned**: `tests/fixtures/pdf/<seed>-scan.pdf`, every page of
//!   that PDF as a black-and-white image, read by OCR page by page
//!   (`obligraph_vn::ocr::read_page`, needs `tesseract` with `vie` data and
//!   `pdftoppm`; `n/a` without them) and laid out together as the importer
//!   does (`PdfText::from_scanned`). Only the tasks whose snippet lies on
//!   the scanned pages (in the text layer of the same pages of the PDF) are
//!   scored, so the column says how many, and beside it the score of the
//!   text layer of the same pages imported alone.
//! - **XLSX**: the text import written as the assignment table
//!   (`obligraph_vn::xlsx::assignment_table`) and read back.
//!
//! A second table gives, for each scanned page, the character error rate
//! of OCR against the text layer of the same page (Levenshtein distance
//! over the length of the text layer, both with whitespace runs made one
//! space) and the seconds OCR took.
//!
//! # Held out
//!
//! [`HELD_OUT`] names plans that are none of the seeds and that the OCR
//! repairs were not tuned on (`tests/fixtures/pdf/make.sh` scans them as
//! it scans the seeds). They have no gold: the OCR import of the scan is
//! scored against the text import of the same `.txt`, each obligation of
//! the text found in the OCR import by its first [`SNIPPET_WORDS`] words
//! (folded, without diacritics), then its lead, support and requested
//! agency ids and its deadline compared as for a gold task.
//!
//! # The gold files
//!
//! One task per line, tab-separated: a key snippet of the task text (as
//! written), then its leads, supports and requested bodies (names as
//! written, separated by ` | `), then its deadline as written (empty when
//! it has none). `#` starts a comment line. They were labelled by reading
//! the documents.
//!
//! # What counts as right
//!
//! A task is found when an obligation's text contains its snippet (after
//! folding case and removing diacritics, so that a mark OCR got wrong does
//! not lose a task); each gold line takes the first such
//! obligation not already taken. Four fields per task: the lead set, the
//! support set and the requested set compare agency ids (the gold names
//! are resolved with the plan's own date and level, as the importer
//! resolves its own); the deadline is right when both are empty or the
//! importer's text contains the gold's (after folding case, diacritics
//! and punctuation), so "hàng năm" is right for "hàng năm theo yêu cầu
//! của Bộ Công an" but a deadline cut short is wrong. A task not found
//! has its four fields wrong.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use obligraph_core::{Obligation, Role};
use obligraph_vn::agency::{resolve_agency, AgencyContext};
use obligraph_vn::normalize::fold;

/// One labelled task.
struct Gold {
    line: usize,
    snippet: String,
    leads: Vec<String>,
    supports: Vec<String>,
    requested: Vec<String>,
    deadline: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn names(cell: &str) -> Vec<String> {
    cell.split(" | ")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_gold(path: &Path) -> Result<Vec<Gold>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let [snippet, leads, supports, requested, deadline] = cells.as_slice() else {
            return Err(format!(
                "{}:{}: expected 5 tab-separated cells, found {}",
                path.display(),
                i + 1,
                cells.len()
            ));
        };
        out.push(Gold {
            line: i + 1,
            snippet: snippet.trim().to_string(),
            leads: names(leads),
            supports: names(supports),
            requested: names(requested),
            deadline: deadline.trim().to_string(),
        });
    }
    Ok(out)
}

/// Folded, with punctuation and runs of spaces reduced to one space.
fn flat(s: &str) -> String {
    fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`flat`] without diacritics (and đ as d): the key that finds a task by
/// its snippet, so that one mark OCR got wrong ("tống hợp" for "tổng
/// hợp") does not lose the task; the fields are still compared exactly.
fn bare(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    flat(s)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

fn ids(names: &[String], ctx: &AgencyContext) -> BTreeSet<String> {
    names.iter().map(|n| resolve_agency(n, ctx).id).collect()
}

/// The agencies written at `o` that `pick` keeps: roles a body item
/// carries from the appendix rows under its heading
/// (`Obligation::roles_from`) are scored at those rows, as the golds label
/// them.
fn got(o: &Obligation, pick: impl Fn(&obligraph_core::Assignment) -> bool) -> BTreeSet<String> {
    o.own_assignments()
        .iter()
        .filter(|a| pick(a))
        .map(|a| a.agency.id.clone())
        .collect()
}

/// Scores one obligation `o` found for the task at `at`: the three role
/// fields (name, wanted, found) and the deadline (wanted, and as the miss
/// line shows it), one point each, the misses written to `misses`.
fn score_fields(
    at: &str,
    o: &Obligation,
    checks: [(&str, BTreeSet<String>, BTreeSet<String>); 3],
    (deadline, shown): (&str, String),
    right: &mut usize,
    misses: &mut Vec<String>,
) {
    for (field, want, have) in checks {
        if want == have {
            *right += 1;
        } else {
            misses.push(format!(
                "  {at} ({}) {field}: want {want:?}, got {have:?}",
                o.id
            ));
        }
    }
    if deadline_right(deadline, o.own_deadline_text()) {
        *right += 1;
    } else {
        misses.push(format!(
            "  {at} ({}) deadline: want {shown}, got {:?}",
            o.id,
            o.own_deadline_text()
        ));
    }
}

fn deadline_right(gold: &str, got: Option<&str>) -> bool {
    let g = flat(gold);
    let o = flat(got.unwrap_or(""));
    match (g.is_empty(), o.is_empty()) {
        (true, true) => true,
        (false, false) => o.contains(&g),
        _ => false,
    }
}

/// The XLSX column: the seed's text import written as the assignment
/// table (`obligraph import SEED --format xlsx`) and read back.
fn xlsx_round_trip(seed: &str) -> Result<obligraph_vn::Import, String> {
    let rel = format!("examples/data/seeds/{seed}.txt");
    let import = obligraph_vn::import_path(&root().join(&rel)).map_err(|e| e.to_string())?;
    let bytes = obligraph_vn::xlsx::assignment_table(&import.plan).map_err(|e| e.to_string())?;
    let options = obligraph_vn::ImportOptions::default();
    obligraph_vn::import_xlsx_bytes(&bytes, &format!("{seed}.xlsx"), &options)
        .map_err(|e| e.to_string())
}

/// (fields right, fields, the misses as text) for one import of a seed.
fn score(import: &obligraph_vn::Import, gold: &[&Gold]) -> (usize, usize, Vec<String>) {
    let plan = &import.plan;
    let ctx = AgencyContext::of_plan(plan);
    let texts: Vec<String> = plan.obligations.iter().map(|o| bare(&o.text)).collect();
    let mut taken = vec![false; plan.obligations.len()];
    let (mut right, mut total) = (0, 0);
    let mut misses = Vec::new();
    for g in gold {
        total += 4;
        let s = bare(&g.snippet);
        let found = texts
            .iter()
            .enumerate()
            .position(|(i, t)| !taken.get(i).copied().unwrap_or(true) && t.contains(&s));
        let Some(i) = found else {
            misses.push(format!("  line {}: not found: {}", g.line, g.snippet));
            continue;
        };
        if let Some(t) = taken.get_mut(i) {
            *t = true;
        }
        let Some(o) = plan.obligations.get(i) else {
            continue;
        };
        let checks = [
            (
                "leads",
                ids(&g.leads, &ctx),
                got(o, |a| a.role == Role::Lead),
            ),
            (
                "supports",
                ids(&g.supports, &ctx),
                got(o, |a| a.role == Role::Support),
            ),
            (
                "requested",
                ids(&g.requested, &ctx),
                got(o, |a| a.requested),
            ),
        ];
        let at = format!("line {}", g.line);
        let deadline = (g.deadline.as_str(), format!("{:?}", g.deadline));
        score_fields(&at, o, checks, deadline, &mut right, &mut misses);
    }
    (right, total, misses)
}

fn pct(right: usize, total: usize) -> String {
    if total == 0 {
        return "—".to_string();
    }
    // Field counts are small: exact in f64.
    let p = 100.0 * f64::from(u32::try_from(right).unwrap_or(u32::MAX))
        / f64::from(u32::try_from(total).unwrap_or(u32::MAX));
    format!("{right}/{total} = {p:.1} %")
}

/// Whitespace runs made one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One scanned page: OCR against the text layer.
struct OcrPage {
    seed: String,
    page: u32,
    cer: f64,
    seconds: f64,
}

/// The scanned form of a seed.
struct Scanned<'g> {
    /// The import of the OCR text.
    import: obligraph_vn::Import,
    /// The import of the text layer of the same pages of the PDF.
    layer: obligraph_vn::Import,
    /// The gold tasks on the scanned pages.
    gold: Vec<&'g Gold>,
    /// OCR figures per page.
    pages: Vec<OcrPage>,
}

/// The scanned form of a seed, `None` without a scan or an OCR engine.
fn scanned<'g>(seed: &str, gold: &'g [Gold], dump: bool) -> Result<Option<Scanned<'g>>, String> {
    let scan = root().join(format!("tests/fixtures/pdf/{seed}-scan.pdf"));
    let pdf = root().join(format!("tests/fixtures/pdf/{seed}.pdf"));
    if !scan.exists() || obligraph_vn::ocr::check_engine().is_err() {
        return Ok(None);
    }
    let scan_bytes = std::fs::read(&scan).map_err(|e| format!("{}: {e}", scan.display()))?;
    let pages = obligraph_vn::pdf::page_count(&scan_bytes).map_err(|e| e.to_string())?;
    let layer_bytes = std::fs::read(&pdf).map_err(|e| format!("{}: {e}", pdf.display()))?;
    let layer = obligraph_vn::pdf::pdf_to_text(&layer_bytes).map_err(|e| e.to_string())?;
    let layer_pages: Vec<String> = (1..=pages)
        .map(|p| {
            layer
                .text
                .lines()
                .enumerate()
                .filter(|(i, _)| {
                    u32::try_from(i + 1)
                        .ok()
                        .and_then(|l| layer.page_of_line(l))
                        == Some(p)
                })
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let mut scanned = Vec::new();
    let mut figures = Vec::new();
    for (p, reference) in (1..=pages).zip(&layer_pages) {
        let start = std::time::Instant::now();
        let page = obligraph_vn::ocr::read_page(&scan, p).map_err(|e| e.to_string())?;
        let seconds = start.elapsed().as_secs_f64();
        let (got, want) = (squash(&page.text()), squash(reference));
        let distance = strsim::levenshtein(&got, &want);
        let len = want.chars().count().max(1);
        let cer = f64::from(u32::try_from(distance).unwrap_or(u32::MAX))
            / f64::from(u32::try_from(len).unwrap_or(u32::MAX));
        if dump {
            println!("=== {seed} p.{p}\n{}", page.text());
        }
        figures.push(OcrPage {
            seed: seed.to_string(),
            page: p,
            cer,
            seconds,
        });
        scanned.push(page);
    }
    // The pages together, as the importer lays them out.
    let text = obligraph_vn::pdf::PdfText::from_scanned(scanned);
    let import = obligraph_vn::import_text(&text.text, &scan.display().to_string())
        .map_err(|e| e.to_string())?;
    let layer_text = obligraph_vn::pdf::PdfText::from_pages(&layer_pages);
    let layer = obligraph_vn::import_text(&layer_text.text, &pdf.display().to_string())
        .map_err(|e| e.to_string())?;
    let on_pages = bare(&layer_pages.join("\n"));
    let subset = gold
        .iter()
        .filter(|g| on_pages.contains(&bare(&g.snippet)))
        .collect();
    Ok(Some(Scanned {
        import,
        layer,
        gold: subset,
        pages: figures,
    }))
}

/// Plans scanned for the held-out check: `examples/data/communes/<plan>.txt`
/// and `tests/fixtures/pdf/<plan>-scan.pdf`.
const HELD_OUT: [&str; 2] = ["tan-an-22-2026", "long-hung-ward-2026"];

/// Words of an obligation's text (from its start) that find it in the
/// other import: five words are unique among each held-out plan's
/// obligations and short enough that a word OCR misspells further on
/// does not lose the task.
const SNIPPET_WORDS: usize = 5;

/// (fields right, fields, misses): `ocr` against `reference`, each
/// obligation of the reference a gold task whose names are its ids.
fn agreement(
    reference: &obligraph_vn::Import,
    ocr: &obligraph_vn::Import,
) -> (usize, usize, Vec<String>) {
    let texts: Vec<String> = ocr.plan.obligations.iter().map(|o| bare(&o.text)).collect();
    let mut taken = vec![false; texts.len()];
    let (mut right, mut total) = (0, 0);
    let mut misses = Vec::new();
    for r in &reference.plan.obligations {
        total += 4;
        let key = bare(&r.text)
            .split_whitespace()
            .take(SNIPPET_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
        let found = texts
            .iter()
            .enumerate()
            .position(|(i, t)| !taken.get(i).copied().unwrap_or(true) && t.contains(&key));
        let Some(o) = found.and_then(|i| {
            if let Some(t) = taken.get_mut(i) {
                *t = true;
            }
            ocr.plan.obligations.get(i)
        }) else {
            misses.push(format!("  {}: not found: {key}", r.id));
            continue;
        };
        let checks = [
            (
                "leads",
                got(r, |a| a.role == Role::Lead),
                got(o, |a| a.role == Role::Lead),
            ),
            (
                "supports",
                got(r, |a| a.role == Role::Support),
                got(o, |a| a.role == Role::Support),
            ),
            (
                "requested",
                got(r, |a| a.requested),
                got(o, |a| a.requested),
            ),
        ];
        let want = r.own_deadline_text().unwrap_or("");
        let deadline = (want, format!("{:?}", r.own_deadline_text()));
        score_fields(&r.id, o, checks, deadline, &mut right, &mut misses);
    }
    (right, total, misses)
}

/// The held-out table: each [`HELD_OUT`] plan's OCR import against its
/// text import.
fn held_out(quiet: bool) -> Result<(), String> {
    println!("\n| held-out plan | obligations (text) | scanned: OCR against text |");
    println!("|---|---:|---:|");
    let mut details = Vec::new();
    for plan in HELD_OUT {
        let txt = root().join(format!("examples/data/communes/{plan}.txt"));
        let scan = root().join(format!("tests/fixtures/pdf/{plan}-scan.pdf"));
        let reference = obligraph_vn::import_path(&txt).map_err(|e| e.to_string())?;
        let cell = if obligraph_vn::ocr::check_engine().is_ok() {
            let bytes = std::fs::read(&scan).map_err(|e| format!("{}: {e}", scan.display()))?;
            let pages = obligraph_vn::pdf::page_count(&bytes).map_err(|e| e.to_string())?;
            let read = (1..=pages)
                .map(|p| obligraph_vn::ocr::read_page(&scan, p))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?;
            let text = obligraph_vn::pdf::PdfText::from_scanned(read);
            let ocr = obligraph_vn::import_text(&text.text, &scan.display().to_string())
                .map_err(|e| e.to_string())?;
            let (right, total, misses) = agreement(&reference, &ocr);
            details.push((plan, misses));
            pct(right, total)
        } else {
            "n/a".to_string()
        };
        println!("| {plan} | {} | {cell} |", reference.plan.obligations.len());
    }
    if !quiet {
        for (plan, misses) in details.iter().filter(|(_, m)| !m.is_empty()) {
            println!("\n{plan} (held out):");
            for m in misses {
                println!("{m}");
            }
        }
    }
    Ok(())
}

/// `right/total = p %`.
fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let no_ocr = args.iter().any(|a| a == "--no-ocr");
    let dump = args.iter().any(|a| a == "--dump-ocr");
    let only = args
        .iter()
        .position(|a| a == "--scan")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    if args.iter().any(|a| a == "--held-out") {
        return held_out(quiet);
    }
    let dir = root().join("tests/fixtures/import-gold");
    let mut seeds: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.strip_suffix(".tsv").map(str::to_string)
        })
        .collect();
    seeds.sort();
    println!("| seed | tasks | text | DOCX | PDF | scanned: every page by OCR | XLSX |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut details = Vec::new();
    let mut ocr_pages = Vec::new();
    for seed in &seeds {
        let gold = read_gold(&dir.join(format!("{seed}.tsv")))?;
        let all: Vec<&Gold> = gold.iter().collect();
        let forms = [
            ("text", format!("examples/data/seeds/{seed}.txt")),
            ("DOCX", format!("tests/fixtures/docx/{seed}.docx")),
            ("PDF", format!("tests/fixtures/pdf/{seed}.pdf")),
        ];
        let mut cells = Vec::new();
        for (form, rel) in forms {
            let path = root().join(&rel);
            if !path.exists() {
                cells.push("—".to_string());
                continue;
            }
            let import = obligraph_vn::import_path(&path).map_err(|e| e.to_string())?;
            let (right, total, misses) = score(&import, &all);
            cells.push(pct(right, total));
            details.push((format!("{seed} ({form})"), misses));
        }
        let scan = if no_ocr || only.is_some_and(|o| o != seed) {
            None
        } else {
            scanned(seed, &gold, dump)?
        };
        match scan {
            Some(scan) => {
                let (right, total, misses) = score(&scan.import, &scan.gold);
                let (base, _, _) = score(&scan.layer, &scan.gold);
                cells.push(format!(
                    "{} ({} tasks; text layer of those pages {})",
                    pct(right, total),
                    scan.gold.len(),
                    pct(base, total)
                ));
                details.push((format!("{seed} (scanned)"), misses));
                ocr_pages.extend(scan.pages);
            }
            None => cells.push("n/a".to_string()),
        }
        let back = xlsx_round_trip(seed)?;
        let (right, total, misses) = score(&back, &all);
        cells.push(pct(right, total));
        details.push((format!("{seed} (XLSX)"), misses));
        println!("| {seed} | {} | {} |", gold.len(), cells.join(" | "));
    }
    if !ocr_pages.is_empty() {
        println!("\n| scanned page | OCR character error rate | OCR seconds |");
        println!("|---|---:|---:|");
        for p in &ocr_pages {
            println!(
                "| {} p.{} | {:.1} % | {:.1} |",
                p.seed,
                p.page,
                100.0 * p.cer,
                p.seconds
            );
        }
        let n = f64::from(u32::try_from(ocr_pages.len()).unwrap_or(u32::MAX));
        let cer: f64 = ocr_pages.iter().map(|p| p.cer).sum::<f64>() / n;
        let secs: f64 = ocr_pages.iter().map(|p| p.seconds).sum::<f64>() / n;
        println!(
            "| mean of {} pages | {:.1} % | {secs:.1} |",
            ocr_pages.len(),
            100.0 * cer
        );
    }
    if !quiet {
        for (what, misses) in details {
            if misses.is_empty() {
                continue;
            }
            println!("\n{what}:");
            for m in misses {
                println!("{m}");
            }
        }
    }
    Ok(())
}
