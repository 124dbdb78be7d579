//! The `obligraph` command line, as a library function so that it can be
//! tested without a process: [`run`] parses the arguments and writes to
//! stdout and stderr; [`run_with`] writes to any two writers.
//!
//! # Exit codes
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success: no finding of severity `error` |
//! | 1 | the audit or check found at least one `error` finding |
//! | 2 | bad usage, or an input that cannot be read (the message names the file, and the line where there is one) |
//! | 3 | `import`: the input holds no plan (no header and no obligation naming a known agency, e.g. an empty file or a README); the import is still written, and a warning goes to stderr. Other commands warn about such an input on stderr and keep their exit code |
//!
//! ```
//! use obligraph::cli::run_with;
//! let mut out = Vec::new();
//! let mut err = Vec::new();
//! let code = run_with(["obligraph", "explain", "OG001"], &mut out, &mut err, false);
//! assert_eq!(code, 0);
//! assert!(String::from_utf8(out).unwrap().contains("OG001"));
//! ```

mod commands;
mod outline;

use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub use commands::CliError;

/// Exit code: no error findings.
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one finding of severity `error`.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: bad usage or unreadable input.
pub const EXIT_USAGE: u8 = 2;
/// Exit code of `import`: the input holds no plan
/// ([`Import::plan_found`](crate::vn::Import::plan_found) is false).
pub const EXIT_NO_PLAN: u8 = 3;

/// The Vietnamese terms findings use, explained where people look them up.
macro_rules! terms {
    () => {
        "
Terms (thuật ngữ) in plans and findings:
  chủ trì    lead agency: answers for the task and reports on it
             (OG003 lead-mismatch, OG007 no-lead, OG008 several-leads-unscoped)
  phối hợp   supporting agency: works with the lead (OG004 support-dropped)
  đề nghị    \"requested\": a body outside the issuer's command (courts TAND,
             procuracies VKSND, the Fatherland Front MTTQ, the Bar) is asked,
             not ordered (OG009 requested-body-ordered)
"
    };
}

/// The help after every command's options: the input formats and the
/// exit codes, for the top level and the commands that audit.
const AFTER_HELP: &str = concat!(
    "\
FILE may be a plan as text (.txt, .md), a Word document (.docx), an Excel task
table (.xlsx), a PDF (.pdf; a scan is read by OCR when tesseract with
Vietnamese data is installed) or JSON (.json).
Output is text unless --format says otherwise; reports are in Vietnamese or
English by --lang, else by the locale (LC_ALL, LC_MESSAGES, LANG: vi_* gives
Vietnamese, another locale English, none Vietnamese).
",
    terms!(),
    "
Exit codes:
  0  no finding of severity error
  1  at least one finding of severity error (audit, check)
  2  bad usage, or an input that cannot be read (the message names the file and line)"
);

/// The same for the commands that report no findings: exit 1 does not
/// apply to them.
const AFTER_HELP_NO_FINDINGS: &str = "\
FILE may be a plan as text (.txt, .md), a Word document (.docx), an Excel task
table (.xlsx), a PDF (.pdf; a scan is read by OCR when tesseract with
Vietnamese data is installed) or JSON (.json).
Output is text unless --format says otherwise.

Exit codes:
  0  success
  2  bad usage, or an input that cannot be read (the message names the file and line)";

/// The same for `import`, which also says when the input holds no plan.
const AFTER_HELP_IMPORT: &str = "\
FILE may be a plan as text (.txt, .md), a Word document (.docx), an Excel task
table (.xlsx), a PDF (.pdf; a scan is read by OCR when tesseract with
Vietnamese data is installed) or JSON (.json).
Output is text unless --format says otherwise.

Exit codes:
  0  success
  2  bad usage, or an input that cannot be read (the message names the file and line)
  3  no plan found in the input (no header, no obligation naming a known agency)";

/// Audits Vietnamese implementation plans (kế hoạch) against the plans and
/// decisions they carry out.
#[derive(Debug, Parser)]
#[command(name = "obligraph", version, about, after_help = AFTER_HELP)]
struct Cli {
    /// Colour in text output: auto (when stdout is a terminal and NO_COLOR
    /// is unset), always, never.
    #[arg(long, value_enum, default_value_t = ColourChoice::Auto, global = true)]
    color: ColourChoice,
    /// Language of the text and HTML reports: vi (tiếng Việt) or en
    /// (default: from the locale, LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_enum, global = true)]
    lang: Option<LangChoice>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangChoice {
    Vi,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColourChoice {
    Auto,
    Always,
    Never,
}

/// Output formats of `audit` and `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AuditFormat {
    Text,
    Json,
    Html,
    Sarif,
    /// A Word document to build a reply on (binary: give -o FILE on a
    /// terminal).
    Docx,
    /// A findings workbook, one sheet per plan (binary: give -o FILE on a
    /// terminal).
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum VerdictChoice {
    Confirmed,
    FalseAlarm,
    NotApplicable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportFormat {
    Text,
    Json,
}

/// Output formats of `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PlanFormat {
    Text,
    Json,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CalendarFormat {
    Text,
    Json,
    Ics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GraphFormat {
    Text,
    Dot,
    Mermaid,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LiftLevel {
    National,
    Province,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import a plan and print it with the source lines not attributed to it.
    #[command(after_help = AFTER_HELP_IMPORT)]
    Import {
        /// The plan (.txt, .md, .docx, .xlsx, .pdf or .json).
        file: PathBuf,
        /// text: an outline; json: {"plan": …, "unattributed": [{"line", "text", …}], "stats": …};
        /// xlsx: the assignment table (STT, task, lead, supports, deadline, output), needs -o.
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
        /// Largest input accepted, in bytes.
        #[arg(long)]
        max_bytes: Option<usize>,
        /// Write to FILE instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Audit derived plans against the plan they carry out.
    ///
    /// One --parent and one --child: the coverage audit of the child.
    /// Several --child: a fleet, every child against the parent, with a
    /// table of figures per plan (a progress bar on a terminal).
    /// Several --parent: a cascade chain in the order given, top first:
    /// each parent is audited against the one before it, and every child
    /// against the last parent; one report per link.
    #[command(after_help = AFTER_HELP)]
    Audit {
        /// The parent plan(s): a decision, the plan one level up, or a sibling.
        #[arg(long, num_args = 1.., required = true, value_name = "FILE")]
        parent: Vec<PathBuf>,
        /// The derived plan(s).
        #[arg(long, num_args = 1.., required = true, value_name = "FILE")]
        child: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
        format: AuditFormat,
        /// Rule settings, TOML or JSON (by extension; TOML otherwise).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Text: list covered and not-applicable obligations too.
        #[arg(long, short)]
        verbose: bool,
        /// Review verdicts to apply (TOML, written by `obligraph review`):
        /// findings judged false alarms or not applicable are listed apart
        /// and not counted, findings with no verdict are marked new, and
        /// verdicts whose finding is gone are listed as stale.
        #[arg(long, value_name = "FILE")]
        verdicts: Option<PathBuf>,
    },
    /// Record a reviewer's verdict on one finding of an audit.
    ///
    /// Audits --child against --parent, finds the finding whose
    /// fingerprint is (or starts with) --finding, and records the verdict
    /// with the reason, who and when in the verdict file (created when
    /// missing; a verdict on the same finding is replaced). `audit
    /// --verdicts FILE` applies the file.
    #[command(after_help = AFTER_HELP_NO_FINDINGS)]
    Review {
        /// The verdict file (TOML), kept beside the plans.
        #[arg(long, value_name = "FILE")]
        verdicts: PathBuf,
        /// The parent plan.
        #[arg(long, value_name = "FILE")]
        parent: PathBuf,
        /// The derived plan.
        #[arg(long, value_name = "FILE")]
        child: PathBuf,
        /// The finding's fingerprint, or its first 8 or more hex digits
        /// (text reports print the first 8 after `#`).
        #[arg(long, value_name = "FINGERPRINT")]
        finding: String,
        /// confirmed: the finding is right; false-alarm: it is wrong;
        /// not-applicable: the task is not the derived plan's issuer's here.
        #[arg(long, value_enum)]
        verdict: VerdictChoice,
        /// Why (quoted in every later report that sets the finding aside).
        #[arg(long)]
        reason: String,
        /// Who decided.
        #[arg(long)]
        by: String,
        /// Rule settings of the audit, TOML or JSON.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Check plans with the rules that need no parent (leads, deadlines,
    /// requested bodies, defunct agencies, citations).
    #[command(after_help = AFTER_HELP)]
    Check {
        /// The plans.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
        format: AuditFormat,
        /// Rule settings, TOML or JSON.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The skeleton of the parent a plan implies (one file), or the
    /// consensus skeleton of several sibling plans.
    #[command(after_help = AFTER_HELP_NO_FINDINGS)]
    Lift {
        /// The plans.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Level to lift to (default: one level above the plans).
        #[arg(long, value_enum)]
        to: Option<LiftLevel>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ImportFormat::Text)]
        format: ImportFormat,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The deadlines of plans (a cascade when several) between two dates.
    ///
    /// Only days the document gives are dated. A recurrence with no day
    /// ("hằng năm") is shown on the period's last day as tentative (ICS:
    /// STATUS:TENTATIVE, no reminder); duties with no date ("theo yêu cầu
    /// của Bộ …", "thường xuyên") are listed apart (ICS: a VTODO without
    /// DUE). One entry per due date per task.
    #[command(after_help = AFTER_HELP_NO_FINDINGS)]
    Calendar {
        /// The plans.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// First day, YYYY-MM-DD or DD/MM/YYYY (default: the start of the
        /// plans' own span: validity, else date, else the years their
        /// deadlines name).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day (default: the end of the plans' own span).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CalendarFormat::Text)]
        format: CalendarFormat,
        /// ICS: a reminder this many days before each deadline (0 = none).
        #[arg(long, default_value_t = 7)]
        reminder_days: u32,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The obligation graph. With several files, in order top first, each
    /// plan is audited against the one before it and its matches become
    /// implements edges.
    #[command(after_help = AFTER_HELP_NO_FINDINGS)]
    Graph {
        /// The plans.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Text)]
        format: GraphFormat,
        /// Rule settings for the audits, TOML or JSON.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the audit rules.
    #[command(after_help = "Exit codes: 0 success, 2 bad usage.")]
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ImportFormat::Text)]
        format: ImportFormat,
    },
    /// Print the documentation of one rule.
    #[command(after_help = "Exit codes: 0 success, 2 unknown rule or bad usage.")]
    Explain {
        /// A rule code (OG001) or name (missing-obligation).
        code: String,
    },
    /// Serve the JSON contract over HTTP until SIGTERM or Ctrl-C: POST
    /// /v1/import, /v1/audit, /v1/check, /v1/lift, /v1/calendar (JSON or
    /// multipart), GET /openapi.json, /healthz. Logs JSON lines on stderr.
    #[cfg(feature = "serve")]
    #[command(after_help = "Exit codes: 0 stopped by a signal, 2 cannot listen or serve.")]
    Serve(crate::serve::ServeArgs),
}

/// Runs the command line with `args` (the first one is the program name),
/// writing to the process's stdout and stderr. Text is coloured when stdout
/// is a terminal (see `--color`).
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let stdout = std::io::stdout();
    let terminal = Terminal {
        colour: stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        width: crate::report::wrap::terminal_width(),
    };
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    let code = run_on(args, &mut out, &mut err, terminal);
    let _ = out.flush();
    ExitCode::from(code)
}

/// What stdout is, for text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Terminal {
    /// Whether it takes ANSI colours (see `--color`).
    pub colour: bool,
    /// The columns to wrap text to; `None` prints every line whole (piped
    /// or redirected output).
    pub width: Option<usize>,
}

/// Runs the command line with `args`, writing to `out` and `err`; `tty`
/// says whether `out` is a terminal that takes colours. Returns the exit
/// code (see the [module docs](self)).
pub fn run_with<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write, tty: bool) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_on(
        args,
        out,
        err,
        Terminal {
            colour: tty,
            width: None,
        },
    )
}

/// Runs the command line with `args`, writing to `out` and `err`, text
/// coloured and wrapped as `terminal` says. Returns the exit code.
pub fn run_on<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write, terminal: Terminal) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let tty = terminal.colour;
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = e.exit_code();
            let text = if tty {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            // clap sends help and version to stdout, errors to stderr.
            let _ = if e.use_stderr() {
                err.write_all(text.as_bytes())
            } else {
                out.write_all(text.as_bytes())
            };
            return u8::try_from(code).unwrap_or(EXIT_USAGE);
        }
    };
    let colour = match cli.color {
        ColourChoice::Always => true,
        ColourChoice::Never => false,
        ColourChoice::Auto => tty,
    };
    let lang = match cli.lang {
        Some(LangChoice::Vi) => crate::lang::Lang::Vi,
        Some(LangChoice::En) => crate::lang::Lang::En,
        None => crate::lang::Lang::from_env(),
    };
    match commands::execute(cli.command, out, err, colour, terminal.width, lang) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_USAGE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(args: &[&str]) -> (u8, String, String) {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = run_with(
            std::iter::once("obligraph").chain(args.iter().copied()),
            &mut out,
            &mut err,
            false,
        );
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    fn data(p: &str) -> String {
        format!("{}/examples/data/{p}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn usage_errors_exit_2() {
        assert_eq!(run_args(&[]).0, EXIT_USAGE);
        let (code, _, err) = run_args(&["audit", "--parent", "a.txt"]);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.contains("--child"), "{err}");
    }

    #[test]
    fn help_goes_to_stdout_with_exit_0() {
        let (code, out, _) = run_args(&["--help"]);
        assert_eq!(code, EXIT_OK);
        assert!(out.contains("Exit codes"));
    }

    #[test]
    fn missing_file_is_named() {
        let (code, _, err) = run_args(&["check", "nowhere/plan.txt"]);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.contains("nowhere/plan.txt"), "{err}");
    }

    #[test]
    fn audit_exit_code_follows_the_findings() {
        let parent = data("seeds/dong-nai-74-2026.txt");
        let child = data("communes/tan-an-22-2026.txt");
        let (code, out, err) = run_args(&[
            "audit", "--parent", &parent, "--child", &child, "--format", "json",
        ]);
        let v: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let errors = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error");
        assert_eq!(code, if errors { EXIT_FINDINGS } else { EXIT_OK });
    }

    #[test]
    fn unknown_rule_exits_2() {
        let (code, _, err) = run_args(&["explain", "nope"]);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.contains("`nope`"));
    }
}
