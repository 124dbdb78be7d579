//! Fields right per seed: the importer's reading of each seed against the
//! hand-labelled golds in `tests/fixtures/import-gold/<seed>.tsv`.
//!
//! `cargo run -p obligraph-vn --example fields_right` prints one line per
//! labelled seed and the fields that differ; `-- --quiet` only the table.
//! The XLSX column scores the seed's import written as the assignment
//! table (`obligraph_vn::xlsx::assignment_table`) and read back.
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
//! folding case and diacritics); each gold line takes the first such
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

fn ids(names: &[String], ctx: &AgencyContext) -> BTreeSet<String> {
    names.iter().map(|n| resolve_agency(n, ctx).id).collect()
}

fn got(o: &Obligation, pick: impl Fn(&obligraph_core::Assignment) -> bool) -> BTreeSet<String> {
    o.assignments
        .iter()
        .filter(|a| pick(a))
        .map(|a| a.agency.id.clone())
        .collect()
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

/// (fields right, fields, the misses as text) for one seed.
fn score(seed: &str, gold: &[Gold]) -> Result<(usize, usize, Vec<String>), String> {
    let rel = format!("examples/data/seeds/{seed}.txt");
    let import = obligraph_vn::import_path(&root().join(&rel)).map_err(|e| e.to_string())?;
    score_plan(&import.plan, gold)
}

/// The XLSX column: the seed's text import written as the assignment
/// table (`obligraph import SEED --format xlsx`) and read back.
fn score_xlsx(seed: &str, gold: &[Gold]) -> Result<(usize, usize, Vec<String>), String> {
    let rel = format!("examples/data/seeds/{seed}.txt");
    let import = obligraph_vn::import_path(&root().join(&rel)).map_err(|e| e.to_string())?;
    let bytes = obligraph_vn::xlsx::assignment_table(&import.plan).map_err(|e| e.to_string())?;
    let options = obligraph_vn::ImportOptions::default();
    let back = obligraph_vn::import_xlsx_bytes(&bytes, &format!("{seed}.xlsx"), &options)
        .map_err(|e| e.to_string())?;
    score_plan(&back.plan, gold)
}

/// (fields right, fields, the misses as text) of a plan against a gold.
fn score_plan(
    plan: &obligraph_core::Plan,
    gold: &[Gold],
) -> Result<(usize, usize, Vec<String>), String> {
    let ctx = AgencyContext {
        date: plan.date,
        issuer_level: plan.level,
    };
    let texts: Vec<String> = plan.obligations.iter().map(|o| flat(&o.text)).collect();
    let mut taken = vec![false; plan.obligations.len()];
    let (mut right, mut total) = (0, 0);
    let mut misses = Vec::new();
    for g in gold {
        total += 4;
        let s = flat(&g.snippet);
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
        for (field, want, have) in checks {
            if want == have {
                right += 1;
            } else {
                misses.push(format!(
                    "  line {} ({}) {field}: want {want:?}, got {have:?}",
                    g.line, o.id
                ));
            }
        }
        if deadline_right(&g.deadline, o.deadline_text.as_deref()) {
            right += 1;
        } else {
            misses.push(format!(
                "  line {} ({}) deadline: want {:?}, got {:?}",
                g.line, o.id, g.deadline, o.deadline_text
            ));
        }
    }
    Ok((right, total, misses))
}

/// `right/total = p %`.
fn percent(right: usize, total: usize) -> String {
    let p = if total == 0 {
        0.0
    } else {
        100.0 * f64::from(u32::try_from(right).unwrap_or(u32::MAX))
            / f64::from(u32::try_from(total).unwrap_or(u32::MAX))
    };
    format!("{right}/{total} = {p:.1} %")
}

fn main() -> Result<(), String> {
    let quiet = std::env::args().any(|a| a == "--quiet");
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
    println!("| seed | tasks | fields right | xlsx |");
    println!("|---|---:|---:|---:|");
    let mut details = Vec::new();
    for seed in &seeds {
        let gold = read_gold(&dir.join(format!("{seed}.tsv")))?;
        let (right, total, misses) = score(seed, &gold)?;
        let pct = if total == 0 {
            0.0
        } else {
            // Field counts are small: exact in f64.
            100.0 * f64::from(u32::try_from(right).unwrap_or(u32::MAX))
                / f64::from(u32::try_from(total).unwrap_or(u32::MAX))
        };
        let (xr, xt, _) = score_xlsx(seed, &gold)?;
        println!(
            "| {seed} | {} | {right}/{total} = {pct:.1} % | {} |",
            gold.len(),
            percent(xr, xt)
        );
        details.push((seed.clone(), misses));
    }
    if !quiet {
        for (seed, misses) in details {
            if misses.is_empty() {
                continue;
            }
            println!("\n{seed}:");
            for m in misses {
                println!("{m}");
            }
        }
    }
    Ok(())
}
