//! A cascade, national → province → commune: the skeleton of the national
//! decision lifted from the Đồng Nai plan (the full text of QĐ 2715 could
//! not be obtained), the Đồng Nai plan itself, and three hand-made commune
//! plans that carry it out (`examples/data/communes/`, see its README for
//! the gaps put in on purpose).
//!
//! Prints, per commune, how many tasks of the skeleton reach the commune
//! through the province plan and where the others are lost; then the
//! communes side by side (a fleet audit against the province plan) and the
//! findings of each commune audit.
//!
//! ```sh
//! cargo run --release --example cascade
//! ```

use obligraph::core::{Level, Plan};
use obligraph::report::{to_text, Sources, TextOptions};
use obligraph::rules::{audit_cascade, audit_fleet, lift, Config, Severity};
use obligraph::vn::import_path;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn load(path: &Path, sources: &mut Sources) -> Result<Plan, String> {
    let plan = import_path(path).map_err(|e| e.to_string())?.plan;
    let shown = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    sources.add(&plan, shown);
    Ok(plan)
}

fn run() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut sources = Sources::new();
    let province = load(&root.join("seeds/dong-nai-74-2026.txt"), &mut sources)?;
    let skeleton = lift(&province, Level::National).plan;
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("communes"))
        .map_err(|e| format!("cannot read examples/data/communes: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let communes = files
        .iter()
        .map(|f| load(f, &mut sources))
        .collect::<Result<Vec<_>, _>>()?;
    let config = Config::default();

    println!(
        "Cascade: {} (lifted, {} tasks) → {} ({} obligations) → {} commune plans\n",
        skeleton.label(),
        skeleton.obligations.len(),
        province.label(),
        province.obligations.len(),
        communes.len()
    );
    for commune in &communes {
        let chain = [skeleton.clone(), province.clone(), commune.clone()];
        let cascade = audit_cascade(&chain, &config);
        let reached = cascade.traces.iter().filter(|t| t.reaches_bottom).count();
        let lost_mid = cascade
            .traces
            .iter()
            .filter(|t| t.lost_at.as_deref() == Some(province.label().as_str()))
            .count();
        println!(
            "{:<14} {:>3} of {} national tasks reach the commune; {} lost already in the province plan, {} lost at the commune",
            commune.label(),
            reached,
            cascade.traces.len(),
            lost_mid,
            cascade.traces.len() - reached - lost_mid
        );
    }

    let fleet = audit_fleet(&province, &communes, &config);
    println!(
        "\nCommunes against {} ({} obligations):",
        fleet.parent.label, fleet.parent.obligations
    );
    println!(
        "  {:<14} {:>10} {:>8} {:>8} {:>8} {:>7} {:>7} {:>8}",
        "plan", "applicable", "covered", "partial", "missing", "ratio", "errors", "warnings"
    );
    for e in &fleet.children {
        let c = &e.coverage;
        println!(
            "  {:<14} {:>10} {:>8} {:>8} {:>8} {:>6.0}% {:>7} {:>8}",
            sources.short(&e.child.label),
            c.applicable,
            c.covered,
            c.partial,
            c.missing,
            c.ratio * 100.0,
            e.errors,
            e.warnings
        );
    }
    let widely_missed: Vec<&str> = fleet
        .obligations
        .iter()
        .filter(|o| o.missing == communes.len() && !communes.is_empty())
        .map(|o| o.id.as_str())
        .collect();
    if !widely_missed.is_empty() {
        println!(
            "\nApplicable to communes and missing from every commune plan: {}",
            widely_missed.join(", ")
        );
    }

    // Each commune's findings other than missing tasks, in full.
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for commune in &communes {
        let mut report = obligraph::rules::audit(&province, commune, &config);
        report
            .findings
            .retain(|f| f.severity != Severity::Info && f.code != "OG001");
        println!("\n{}", "─".repeat(72));
        print!(
            "{}",
            to_text(
                &[report],
                &sources,
                &TextOptions {
                    colour,
                    obligations: false,
                    width: obligraph::report::wrap::terminal_width(),
                    ..TextOptions::default()
                }
            )
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
