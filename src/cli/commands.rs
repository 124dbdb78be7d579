//! The subcommands.

use super::{
    outline, AuditFormat, CalendarFormat, Command, GraphFormat, ImportFormat, LiftLevel,
    PlanFormat, VerdictChoice, EXIT_FINDINGS, EXIT_NO_PLAN, EXIT_OK,
};
use crate::calendar::{self, IcsOptions};
use crate::contract::{ConfigInput, Document, Request, Response, VerdictsInput};
use crate::core::{EdgeKind, Level, ObligationKey, Plan, PlanGraph, Window};
use crate::lang::Lang;
use crate::report::{self, ReportFormat, Sources, TextOptions};
use crate::rules::{
    AuditReport, Config, Registry, Severity, Status, Verdict, VerdictKind, Verdicts,
};
use crate::vn::{import_path, import_path_with, Import, ImportError, ImportOptions};
use chrono::{Datelike, NaiveDate};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Why a command could not run (exit code 2).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CliError {
    /// A plan could not be imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A configuration file could not be read or is invalid.
    #[error("invalid configuration `{file}`: {message}")]
    Config {
        /// The file.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// An output could not be written.
    #[error("cannot write `{file}`: {source}")]
    Write {
        /// The file (or `stdout`).
        file: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A date argument is not a date.
    #[error("invalid date `{0}` (expected YYYY-MM-DD or DD/MM/YYYY)")]
    Date(String),
    /// The rule code is unknown.
    #[error("unknown rule `{0}` (run `obligraph rules` for the list)")]
    UnknownRule(String),
    /// A report could not be rendered.
    #[error(transparent)]
    Report(#[from] report::ReportError),
    /// No plan of a calendar gives a validity, a date or a year.
    #[error("{files}: no validity, date or year in the plan to place its deadlines; give --from and --to")]
    NoWindow {
        /// The files, quoted and comma-separated.
        files: String,
    },
    /// A verdict file could not be read or is invalid.
    #[error("invalid verdict file `{file}`: {message}")]
    Verdicts {
        /// The file.
        file: String,
        /// What went wrong, and where.
        message: String,
    },
    /// The assignment table could not be written as a workbook.
    #[error(transparent)]
    Xlsx(#[from] crate::vn::xlsx::XlsxWriteError),
    /// Other misuse.
    #[error("{0}")]
    Usage(String),
    /// The contract refused the request (its message names the file and
    /// place).
    #[error("{}", .0.message)]
    Contract(Box<crate::contract::ErrorBody>),
}

pub(super) fn execute(
    command: Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
    colour: bool,
    width: Option<usize>,
    lang: Lang,
) -> Result<u8, CliError> {
    match command {
        Command::Import {
            file,
            format,
            max_bytes,
            output,
        } => {
            let options =
                max_bytes.map_or_else(ImportOptions::default, ImportOptions::with_max_bytes);
            if format == PlanFormat::Xlsx && output.is_none() {
                return Err(CliError::Usage(
                    "--format xlsx writes a workbook: give the file with -o FILE.xlsx".into(),
                ));
            }
            if format == PlanFormat::Json {
                // The contract's import reads with the default limits: a
                // smaller --max-bytes is checked here first.
                if let Some(max) = max_bytes {
                    let size = std::fs::metadata(&file)
                        .map_err(|source| ImportError::Io {
                            path: file.clone(),
                            source,
                        })?
                        .len();
                    let size = usize::try_from(size).unwrap_or(usize::MAX);
                    if size > max {
                        return Err(ImportError::TooLarge {
                            file: file.display().to_string(),
                            size,
                            max,
                        }
                        .into());
                    }
                }
                let request = Request::Import {
                    document: document(&file)?,
                };
                let response = through_contract(&request, output.as_deref(), out, err)?;
                return Ok(if response.inputs_without_plan().is_empty() {
                    EXIT_OK
                } else {
                    EXIT_NO_PLAN
                });
            }
            let import = import_path_with(&file, &options)?;
            for w in &import.warnings {
                let _ = writeln!(err, "warning: `{}`: {w}", file.display());
            }
            match format {
                PlanFormat::Json => emit(&json_string(&import)?, output.as_deref(), out)?,
                PlanFormat::Text => emit(
                    &outline::import_outline(&import, &file.display().to_string()),
                    output.as_deref(),
                    out,
                )?,
                PlanFormat::Xlsx => {
                    let bytes = crate::vn::xlsx::assignment_table(&import.plan)?;
                    let path = output.as_deref().unwrap_or(Path::new("plan.xlsx"));
                    std::fs::write(path, bytes).map_err(|source| CliError::Write {
                        file: path.display().to_string(),
                        source,
                    })?;
                }
            }
            if import.plan_found() {
                Ok(EXIT_OK)
            } else {
                warn_no_plan(&file, err);
                Ok(EXIT_NO_PLAN)
            }
        }
        Command::Audit {
            parent,
            child,
            format,
            config,
            output,
            verbose,
            verdicts,
        } => {
            if format == AuditFormat::Json {
                let config = config_input(config.as_deref())?;
                let verdicts = verdicts_input(verdicts.as_deref())?;
                let given = verdicts.clone();
                let request = match (parent.as_slice(), child.as_slice()) {
                    ([p], [c]) => Request::Audit {
                        parent: document(p)?,
                        child: document(c)?,
                        config,
                        verdicts,
                    },
                    ([p], many) => Request::Fleet {
                        parent: document(p)?,
                        children: documents(many)?,
                        config,
                        verdicts,
                    },
                    (ps, cs) => Request::Cascade {
                        parents: documents(ps)?,
                        children: documents(cs)?,
                        config,
                        verdicts,
                    },
                };
                let response = through_contract(&request, output.as_deref(), out, err)?;
                if let Some(v) = &given {
                    note_verdicts_elsewhere(v, &response, err);
                }
                return Ok(exit_for_contract(&response));
            }
            let config = read_config(config.as_deref())?;
            let verdicts = verdicts.as_deref().map(read_verdicts).transpose()?;
            let registry = Registry::default();
            let mut sources = Sources::new();
            let parents = import_all(&parent, &mut sources, err)?;
            let children = import_all(&child, &mut sources, err)?;
            let mut reports = audit_chain(&registry, &parents, &children, &config, err);
            if let Some((file, v)) = &verdicts {
                apply_verdicts(v, file, &mut reports, err);
            }
            let text = text_options(colour, width, output.as_deref(), verbose, lang);
            render_reports(
                &reports,
                format,
                &sources,
                &registry,
                output.as_deref(),
                out,
                &text,
            )?;
            Ok(exit_for(&reports))
        }
        Command::Review {
            verdicts,
            parent,
            child,
            finding,
            verdict,
            reason,
            by,
            config,
        } => {
            let config = read_config(config.as_deref())?;
            // Read now, so that a broken file stops before the audit.
            let text = read_verdict_text(&verdicts, true)?;
            Verdicts::from_toml_str(&text).map_err(|e| verdicts_error(&verdicts, e))?;
            let mut sources = Sources::new();
            let parents = import_all(std::slice::from_ref(&parent), &mut sources, err)?;
            let children = import_all(std::slice::from_ref(&child), &mut sources, err)?;
            let (Some(p), Some(c)) = (parents.first(), children.first()) else {
                return Err(CliError::Usage(
                    "review needs one --parent and one --child".into(),
                ));
            };
            let report = Registry::default().audit(p, c, &config);
            let f = find_finding(&report, &finding, &parent, &child)?;
            let kind = match verdict {
                VerdictChoice::Confirmed => VerdictKind::Confirmed,
                VerdictChoice::FalseAlarm => VerdictKind::FalseAlarm,
                VerdictChoice::NotApplicable => VerdictKind::NotApplicable,
            };
            let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
            let v = Verdict::on(&report, f, kind, reason, by, at);
            let line = format!(
                "{}: {} [{}]{} #{} → {}\n",
                verdicts.display(),
                kind.as_str(),
                f.code,
                f.parent_id
                    .as_deref()
                    .or(f.child_id.as_deref())
                    .map(|id| format!(" {id}"))
                    .unwrap_or_default(),
                f.fingerprint,
                sources.short(&report.child.label),
            );
            let written =
                Verdicts::record_in(&text, &v).map_err(|e| verdicts_error(&verdicts, e))?;
            std::fs::write(&verdicts, written).map_err(|source| CliError::Write {
                file: verdicts.display().to_string(),
                source,
            })?;
            emit(&line, None, out)?;
            Ok(EXIT_OK)
        }
        Command::Check {
            files,
            format,
            config,
            output,
        } => {
            if format == AuditFormat::Json {
                let request = Request::Check {
                    documents: documents(&files)?,
                    config: config_input(config.as_deref())?,
                };
                let response = through_contract(&request, output.as_deref(), out, err)?;
                return Ok(exit_for_contract(&response));
            }
            let config = read_config(config.as_deref())?;
            let registry = Registry::default();
            let mut sources = Sources::new();
            let plans = import_all(&files, &mut sources, err)?;
            let reports: Vec<AuditReport> =
                plans.iter().map(|p| registry.check(p, &config)).collect();
            let text = text_options(colour, width, output.as_deref(), true, lang);
            render_reports(
                &reports,
                format,
                &sources,
                &registry,
                output.as_deref(),
                out,
                &text,
            )?;
            Ok(exit_for(&reports))
        }
        Command::Lift {
            files,
            to,
            format,
            output,
        } => {
            if format == ImportFormat::Json {
                let request = Request::Lift {
                    documents: documents(&files)?,
                    to: to.map(|l| match l {
                        LiftLevel::National => crate::contract::LiftLevel::National,
                        LiftLevel::Province => crate::contract::LiftLevel::Province,
                    }),
                };
                through_contract(&request, output.as_deref(), out, err)?;
                return Ok(EXIT_OK);
            }
            let mut sources = Sources::new();
            let plans = import_all(&files, &mut sources, err)?;
            let text = lift(&plans, &files, to, format)?;
            emit(&text, output.as_deref(), out)?;
            Ok(EXIT_OK)
        }
        Command::Calendar {
            files,
            from,
            to,
            format,
            reminder_days,
            output,
        } => {
            if format == CalendarFormat::Json {
                let request = Request::Calendar {
                    documents: documents(&files)?,
                    from: from.as_deref().map(parse_date).transpose()?,
                    to: to.as_deref().map(parse_date).transpose()?,
                };
                through_contract(&request, output.as_deref(), out, err)?;
                return Ok(EXIT_OK);
            }
            let mut sources = Sources::new();
            let plans = import_all(&files, &mut sources, err)?;
            let window = window(&plans, &files, from.as_deref(), to.as_deref())?;
            // With no window, no deadline has a date: any window lists the
            // undated duties alike.
            let w = window.unwrap_or_else(|| Window::years(2000, 2000));
            let text = match format {
                CalendarFormat::Text | CalendarFormat::Json => {
                    let mut cal = calendar::calendar(&plans, w);
                    cal.window = window;
                    if format == CalendarFormat::Text {
                        calendar::to_text_in(&cal, lang)
                    } else {
                        json_string(&cal)?
                    }
                }
                CalendarFormat::Ics => {
                    let mut opts = IcsOptions::new(w);
                    opts.reminder_days = reminder_days;
                    calendar::to_ics(&plans, &opts)
                }
            };
            emit(&text, output.as_deref(), out)?;
            Ok(EXIT_OK)
        }
        Command::Graph {
            files,
            format,
            config,
            output,
        } => {
            let config = read_config(config.as_deref())?;
            let mut sources = Sources::new();
            let plans = import_all(&files, &mut sources, err)?;
            let graph = graph_with_matches(plans, &config);
            let f = match format {
                GraphFormat::Text => crate::export::GraphFormat::Text,
                GraphFormat::Dot => crate::export::GraphFormat::Dot,
                GraphFormat::Mermaid => crate::export::GraphFormat::Mermaid,
                GraphFormat::Json => crate::export::GraphFormat::Json,
            };
            let mut text = crate::export::render_graph(&graph, f);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            emit(&text, output.as_deref(), out)?;
            Ok(EXIT_OK)
        }
        Command::Rules { format } => {
            let rules = report::whole_summaries(&Registry::default());
            let text = match format {
                ImportFormat::Json => json_string(&rules)?,
                ImportFormat::Text => {
                    let mut s = String::new();
                    for r in &rules {
                        s.push_str(&format!(
                            "{}  {:<24} {:<8} {}\n",
                            r.code,
                            r.name,
                            r.default_severity.to_string(),
                            if r.needs_parent {
                                "[audit: needs --parent]"
                            } else {
                                "[audit, check]"
                            },
                        ));
                        s.push_str(&report::wrap::indented(&r.summary, "    ", width));
                    }
                    s.push_str("\n`obligraph explain CODE` prints a rule's documentation.\n");
                    s
                }
            };
            emit(&text, None, out)?;
            Ok(EXIT_OK)
        }
        Command::Explain { code } => {
            let registry = Registry::default();
            let text = registry
                .explain(&code)
                .ok_or_else(|| CliError::UnknownRule(code.clone()))?;
            emit(&format!("{}\n", text.trim_end()), None, out)?;
            Ok(EXIT_OK)
        }
        #[cfg(feature = "serve")]
        Command::Serve(args) => match crate::serve::run(&args.options()) {
            Ok(()) => Ok(EXIT_OK),
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                Ok(super::EXIT_USAGE)
            }
        },
    }
}

/// A file as a contract document, named by its path: text when it is
/// UTF-8, else its bytes.
fn document(path: &Path) -> Result<Document, CliError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path.display().to_string();
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Document::text(name, text),
        Err(e) => Document::bytes(name, e.as_bytes()),
    })
}

fn documents(paths: &[PathBuf]) -> Result<Vec<Document>, CliError> {
    paths.iter().map(|p| document(p)).collect()
}

/// The `--config` file as the contract takes it.
fn config_input(path: Option<&Path>) -> Result<Option<ConfigInput>, CliError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| CliError::Config {
        file: file.clone(),
        message: e.to_string(),
    })?;
    Ok(Some(ConfigInput::new(file, text)))
}

/// The text of a `--verdicts` file, for the contract (which reads it).
fn verdicts_input(path: Option<&Path>) -> Result<Option<VerdictsInput>, CliError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path).map_err(|e| verdicts_error(path, e))?;
    Ok(Some(VerdictsInput::new(path.display().to_string(), text)))
}

/// Says on stderr how many verdicts of `given` concern none of the pairs
/// the contract's `response` audits (as [`apply_verdicts`] does).
fn note_verdicts_elsewhere(given: &VerdictsInput, response: &Response, err: &mut dyn Write) {
    // The contract has read the file already: it cannot fail here.
    let Ok(verdicts) = Verdicts::from_toml_str(&given.text) else {
        return;
    };
    let reports = response.reports();
    let elsewhere = verdicts
        .verdicts
        .iter()
        .filter(|v| {
            !reports.iter().any(|r| {
                v.concerns_plans(r.parent.as_ref().map(|p| p.label.as_str()), &r.child.label)
            })
        })
        .count();
    if elsewhere > 0 {
        let file = given.name.as_deref().unwrap_or("verdicts");
        let _ = writeln!(
            err,
            "note: {elsewhere} verdict(s) in `{file}` concern plans not in this audit"
        );
    }
}

/// Carries out `request` through the contract and writes its bytes: the
/// same as every other transport. Inputs with no plan are warned about.
fn through_contract(
    request: &Request,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Response, CliError> {
    let response = crate::contract::respond(request);
    if let Some(e) = response.error() {
        return Err(CliError::Contract(Box::new(e.clone())));
    }
    for i in response.inputs_without_plan() {
        warn_no_plan(Path::new(i.name.as_deref().unwrap_or(&i.label)), err);
    }
    let bytes = crate::contract::to_json(&response);
    emit(&String::from_utf8_lossy(&bytes), output, out)?;
    Ok(response)
}

fn exit_for_contract(response: &Response) -> u8 {
    if response
        .reports()
        .iter()
        .all(crate::contract::AuditReport::passed)
    {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

fn json_string<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, CliError> {
    let mut s = serde_json::to_string_pretty(v)
        .map_err(|e| CliError::Report(report::ReportError::Json(e)))?;
    s.push('\n');
    Ok(s)
}

/// Writes `text` to `output` (a file) or to `out`.
///
/// A reader that stops early (`obligraph import X | head`) closes the pipe:
/// that is not an error, and every command ends quietly with its own exit
/// code. Any other write error is.
fn emit(text: &str, output: Option<&Path>, out: &mut dyn Write) -> Result<(), CliError> {
    emit_bytes(text.as_bytes(), output, out)
}

/// [`emit`] for bytes (a Word document, a workbook).
fn emit_bytes(bytes: &[u8], output: Option<&Path>, out: &mut dyn Write) -> Result<(), CliError> {
    match output {
        Some(path) => std::fs::write(path, bytes).map_err(|source| CliError::Write {
            file: path.display().to_string(),
            source,
        }),
        None => match out.write_all(bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r.map_err(|source| CliError::Write {
                file: "stdout".into(),
                source,
            }),
        },
    }
}

fn read_config(path: Option<&Path>) -> Result<Config, CliError> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| CliError::Config {
        file: file.clone(),
        message: e.to_string(),
    })?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let parsed = if is_json {
        Config::from_json_str(&text)
    } else {
        Config::from_toml_str(&text)
    };
    parsed.map_err(|e| CliError::Config {
        file,
        message: e.to_string().trim_end().replace('\n', " "),
    })
}

/// Reads a verdict file (the review command, which creates it, reads its
/// text with [`read_verdict_text`]).
fn read_verdicts(path: &Path) -> Result<(String, Verdicts), CliError> {
    let text = read_verdict_text(path, false)?;
    let v = Verdicts::from_toml_str(&text).map_err(|e| verdicts_error(path, e))?;
    Ok((path.display().to_string(), v))
}

/// The text of a verdict file; empty when it does not exist yet and
/// `may_be_new`.
fn read_verdict_text(path: &Path, may_be_new: bool) -> Result<String, CliError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if may_be_new && e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(verdicts_error(path, e)),
    }
}

/// A verdict file that cannot be read, named.
fn verdicts_error(path: &Path, e: impl std::fmt::Display) -> CliError {
    CliError::Verdicts {
        file: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Applies `verdicts` to every report, and says on stderr how many
/// verdicts concern none of the audited pairs.
fn apply_verdicts(
    verdicts: &Verdicts,
    file: &str,
    reports: &mut [AuditReport],
    err: &mut dyn Write,
) {
    for r in reports.iter_mut() {
        verdicts.apply(r);
    }
    let elsewhere = verdicts
        .verdicts
        .iter()
        .filter(|v| !reports.iter().any(|r| v.concerns(r)))
        .count();
    if elsewhere > 0 {
        let _ = writeln!(
            err,
            "note: {elsewhere} verdict(s) in `{file}` concern plans not in this audit"
        );
    }
}

/// The finding of `report` whose fingerprint is `wanted` or starts with
/// it (8 hex digits at least, naming one finding).
fn find_finding<'r>(
    report: &'r AuditReport,
    wanted: &str,
    parent: &Path,
    child: &Path,
) -> Result<&'r crate::rules::Finding, CliError> {
    let wanted = wanted.trim().trim_start_matches('#').to_ascii_lowercase();
    if wanted.len() < 8 {
        return Err(CliError::Usage(format!(
            "--finding `{wanted}`: give the fingerprint or its first 8 hex digits at least"
        )));
    }
    let hits: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.fingerprint.starts_with(&wanted))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one),
        [] => Err(CliError::Usage(format!(
            "no finding `{wanted}` in the audit of `{}` against `{}` (text reports print each finding's `#fingerprint`)",
            child.display(),
            parent.display()
        ))),
        _ => Err(CliError::Usage(format!(
            "--finding `{wanted}` names {} findings: give more digits",
            hits.len()
        ))),
    }
}

/// The warning for an input that holds no plan.
fn warn_no_plan(file: &Path, err: &mut dyn Write) {
    let _ = writeln!(
        err,
        "warning: no plan found in `{}`: no header (number, date, issuer, title) and no obligation naming a known agency",
        file.display()
    );
}

fn import_all(
    files: &[PathBuf],
    sources: &mut Sources,
    err: &mut dyn Write,
) -> Result<Vec<Plan>, CliError> {
    files
        .iter()
        .map(|f| {
            let import = import_path(f)?;
            for w in &import.warnings {
                let _ = writeln!(err, "warning: `{}`: {w}", f.display());
            }
            if !import.plan_found() {
                warn_no_plan(f, err);
            }
            let Import {
                plan, page_starts, ..
            } = import;
            sources.add(&plan, f.display().to_string());
            sources.set_pages(&plan, page_starts);
            Ok(plan)
        })
        .collect()
}

/// The reports of an audit: the chain of parents (each against the one
/// before it), then every child against the last parent.
fn audit_chain(
    registry: &Registry,
    parents: &[Plan],
    children: &[Plan],
    config: &Config,
    err: &mut dyn Write,
) -> Vec<AuditReport> {
    let mut reports = Vec::new();
    for pair in parents.windows(2) {
        if let [upper, lower] = pair {
            reports.push(registry.audit(upper, lower, config));
        }
    }
    let Some(last) = parents.last() else {
        return reports;
    };
    // The parent's index is built once for the whole fleet (the default
    // registry, as `registry`).
    let index = crate::rules::ParentIndex::new(last);
    let bar = (children.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(children.len() as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} auditing [{bar:30}] {pos}/{len} {wide_msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        pb
    });
    for c in children {
        if let Some(pb) = &bar {
            pb.set_message(c.label());
        }
        reports.push(crate::rules::audit_with_index(&index, c, config));
        if let Some(pb) = &bar {
            pb.inc(1);
        }
    }
    if let Some(pb) = bar {
        pb.finish_and_clear();
        let _ = writeln!(
            err,
            "audited {} plans against {}",
            children.len(),
            last.label()
        );
    }
    reports
}

/// Text options: colours and wrapping for stdout only; a file gets whole
/// lines and no escape codes.
fn text_options(
    colour: bool,
    width: Option<usize>,
    output: Option<&Path>,
    verbose: bool,
    lang: Lang,
) -> TextOptions {
    let stdout = output.is_none();
    TextOptions {
        colour: colour && stdout,
        verbose,
        width: width.filter(|_| stdout),
        lang,
        ..TextOptions::default()
    }
}

fn render_reports(
    reports: &[AuditReport],
    format: AuditFormat,
    sources: &Sources,
    registry: &Registry,
    output: Option<&Path>,
    out: &mut dyn Write,
    text_opts: &TextOptions,
) -> Result<(), CliError> {
    let text = match format {
        AuditFormat::Text => report::to_text(reports, sources, text_opts),
        AuditFormat::Json => report::render(reports, ReportFormat::Json, sources, &[])?,
        AuditFormat::Html => report::to_html_in(reports, sources, text_opts.lang)?,
        AuditFormat::Sarif => report::render(
            reports,
            ReportFormat::Sarif,
            sources,
            &report::whole_summaries(registry),
        )?,
        AuditFormat::Docx | AuditFormat::Xlsx => {
            // A binary file is not shown on a terminal (where text
            // options wrap, stdout is one).
            if output.is_none() && text_opts.width.is_some() {
                let name = if format == AuditFormat::Docx {
                    "docx"
                } else {
                    "xlsx"
                };
                return Err(CliError::Usage(format!(
                    "--format {name} writes a binary file: give -o FILE.{name} (or redirect stdout)"
                )));
            }
            let bytes = if format == AuditFormat::Docx {
                report::to_docx(reports, sources, text_opts.lang)?
            } else {
                report::to_xlsx(reports, sources, text_opts.lang)?
            };
            return emit_bytes(&bytes, output, out);
        }
    };
    emit(&text, output, out)
}

fn exit_for(reports: &[AuditReport]) -> u8 {
    if reports
        .iter()
        .any(|r| r.findings.iter().any(|f| f.severity == Severity::Error))
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, CliError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y"))
        .map_err(|_| CliError::Date(s.to_string()))
}

/// The calendar's window: `--from` and `--to`, each defaulting to the
/// plans' own span ([`calendar::default_window`]: validity, else date and
/// four more years, else the years their deadlines name) — never to the
/// current year. With only `--from` and no span after it, `--to` is 31
/// December four years later, and the other way round. `None` when no plan
/// gives a span and none needs one (every deadline undated).
fn window(
    plans: &[Plan],
    files: &[PathBuf],
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Option<Window>, CliError> {
    let from = from.map(parse_date).transpose()?;
    let to = to.map(parse_date).transpose()?;
    let own = calendar::default_window(plans);
    let (from, to) = match (from, to, own) {
        (Some(f), Some(t), _) => (f, t),
        (Some(f), None, Some(w)) if w.end >= f => (f, w.end),
        (Some(f), None, _) => (f, Window::years(f.year(), f.year().saturating_add(4)).end),
        (None, Some(t), Some(w)) if w.start <= t => (w.start, t),
        (None, Some(t), _) => (Window::years(t.year().saturating_sub(4), t.year()).start, t),
        (None, None, Some(w)) => (w.start, w.end),
        (None, None, None) if !plans.iter().any(calendar::needs_window) => return Ok(None),
        (None, None, None) => {
            return Err(CliError::NoWindow {
                files: files
                    .iter()
                    .map(|f| format!("`{}`", f.display()))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
    };
    if to < from {
        return Err(CliError::Usage(format!(
            "--to {to} is before --from {from}"
        )));
    }
    Ok(Some(Window::new(from, to)))
}

/// The graph of `plans`; with several, each plan is audited against the
/// one before it and the matches of covered and partial parent
/// obligations become implements edges.
fn graph_with_matches(plans: Vec<Plan>, config: &Config) -> PlanGraph {
    let registry = Registry::default();
    let mut links = Vec::new();
    for pair in plans.windows(2) {
        if let [upper, lower] = pair {
            let r = registry.audit(upper, lower, config);
            for po in &r.parent_obligations {
                if matches!(po.status, Status::Covered | Status::Partial) {
                    for m in &po.matches {
                        links.push((
                            ObligationKey::new(lower.label(), m.child_id.clone()),
                            ObligationKey::new(upper.label(), po.id.to_string()),
                        ));
                    }
                }
            }
        }
    }
    let mut graph = PlanGraph::new(plans);
    for (from, to) in links {
        // Both ends come from the plans in the graph; a failure means a
        // duplicate label, and the edge is skipped.
        let _ = graph.add_edge(&from, &to, EdgeKind::Implements);
    }
    graph
}

fn lift(
    plans: &[Plan],
    files: &[PathBuf],
    to: Option<LiftLevel>,
    format: ImportFormat,
) -> Result<String, CliError> {
    let to = match to {
        Some(LiftLevel::National) => Level::National,
        Some(LiftLevel::Province) => Level::Province,
        // One level above the highest of the plans.
        None => plans
            .iter()
            .filter_map(|p| p.level)
            .min()
            .and_then(Level::up)
            .unwrap_or(Level::National),
    };
    match plans {
        [one] => {
            let lifted = crate::rules::lift(one, to);
            match format {
                ImportFormat::Json => json_string(&lifted),
                ImportFormat::Text => Ok(outline::lifted_outline(
                    &lifted,
                    &files
                        .first()
                        .map(|f| f.display().to_string())
                        .unwrap_or_default(),
                )),
            }
        }
        many => {
            let k = crate::rules::consensus(many, to, &Config::default());
            match format {
                ImportFormat::Json => json_string(&k),
                ImportFormat::Text => Ok(outline::consensus_outline(&k)),
            }
        }
    }
}
