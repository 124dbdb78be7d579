//! The `obligraph` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use obligraph_core::{Obligation, Plan};
use obligraph_vn::Import;

/// Models government implementation plans as a graph of obligations and
/// audits derived plans against the decisions they implement.
#[derive(Debug, Parser)]
#[command(name = "obligraph", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Import a plan or decision (.txt, .md, .docx, or .json) and print it.
    Import(ImportArgs),
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `{"plan": …, "unattributed": […], "stats": …}`.
    Json,
    /// A readable outline.
    Text,
}

/// Arguments of `obligraph import`.
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The document to import.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Largest input accepted, in bytes.
    #[arg(long)]
    max_bytes: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Import(args) => run_import(&args),
    }
}

fn run_import(args: &ImportArgs) -> ExitCode {
    let mut options = obligraph_vn::ImportOptions::default();
    if let Some(m) = args.max_bytes {
        options = obligraph_vn::ImportOptions::with_max_bytes(m);
    }
    let import = match obligraph_vn::import_path_with(&args.file, &options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&import) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Text => print!("{}", outline(&import)),
    }
    ExitCode::SUCCESS
}

fn outline(import: &Import) -> String {
    use std::fmt::Write;
    let plan: &Plan = &import.plan;
    let mut s = String::new();
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "(unknown)".into());
    let _ = writeln!(s, "Plan     {}", plan.label());
    let _ = writeln!(s, "Number   {}", opt(&plan.number));
    let _ = writeln!(s, "Issuer   {}", opt(&plan.issuer));
    let _ = writeln!(
        s,
        "Date     {}",
        plan.date.map_or("(unknown)".into(), |d| d.to_string())
    );
    let _ = writeln!(
        s,
        "Level    {}",
        plan.level.map_or("(unknown)", |l| l.vietnamese())
    );
    if let Some(t) = &plan.title {
        let _ = writeln!(s, "Title    {t}");
    }
    for r in &plan.implements {
        let _ = writeln!(
            s,
            "Implements {} ({})",
            opt(&r.number),
            r.date.map_or("?".into(), |d| d.to_string())
        );
    }
    let _ = writeln!(s, "\nSections");
    for sec in &plan.sections {
        let depth = sec.id.matches(['.', '-']).count();
        let _ = writeln!(
            s,
            "{}{}  {}",
            "  ".repeat(depth),
            sec.id,
            short(&sec.title, 80)
        );
    }
    let _ = writeln!(s, "\nObligations ({})", plan.obligations.len());
    for o in &plan.obligations {
        let _ = writeln!(s, "{}", obligation_line(o));
    }
    let _ = writeln!(s, "\nUnattributed lines ({})", import.unattributed.len());
    for u in &import.unattributed {
        let _ = writeln!(s, "{:>5}  {:?}  {}", u.line, u.reason, short(&u.text, 70));
    }
    let _ = writeln!(
        s,
        "\n{} non-empty lines: {} attributed, {} unattributed",
        import.stats.nonempty_lines, import.stats.attributed, import.stats.unattributed
    );
    s
}

fn obligation_line(o: &Obligation) -> String {
    let leads: Vec<String> = o
        .leads()
        .map(|a| {
            let mut n = a.agency.name.clone();
            if a.requested {
                n.insert_str(0, "đề nghị ");
            }
            n
        })
        .collect();
    format!(
        "  [{}] {:?} {}\n      lead: {}  deadline: {}",
        o.id,
        o.kind,
        short(&o.text, 90),
        if leads.is_empty() {
            "-".into()
        } else {
            leads.join("; ")
        },
        o.deadline.as_ref().map_or_else(
            || o.deadline_text.clone().unwrap_or_else(|| "-".into()),
            |d| d.to_vietnamese()
        )
    )
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let t: String = s.chars().take(n).collect();
        format!("{t}…")
    }
}
