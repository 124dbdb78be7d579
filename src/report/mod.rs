//! Renderers of audit reports: readable text (coloured on a terminal),
//! JSON, one self-contained HTML page, SARIF 2.1.0 for pipelines that
//! collect diagnostics, a Word document to build a reply on
//! ([`to_docx`]) and a findings workbook ([`to_xlsx`]).
//!
//! Every renderer takes a slice of [`AuditReport`]s: one for a single
//! audit or check, several for a fleet (many derived plans against one
//! parent) or a cascade (one report per link of the chain). [`Sources`]
//! says which file each plan came from, so that locations name files.
//!
//! ```
//! use obligraph::report::{render, ReportFormat, Sources};
//! use obligraph::rules::{audit, Config, Registry};
//! use obligraph::core::{Obligation, Plan};
//!
//! let mut parent = Plan::default();
//! parent.number = Some("74/KH-UBND".into());
//! parent.obligations.push(Obligation::new("II.1", "Tuyên truyền <Công ước> ICCPR"));
//! let mut child = Plan::default();
//! child.number = Some("18/KH-UBND".into());
//! child.obligations.push(Obligation::new("1", "Tuyên truyền Công ước ICCPR"));
//! let report = audit(&parent, &child, &Config::default());
//! let mut sources = Sources::new();
//! sources.insert("74/KH-UBND", "dong-nai.txt");
//! let rules = Registry::default().rules();
//! let html = render(&[report.clone()], ReportFormat::Html, &sources, &rules).unwrap();
//! assert!(html.contains("Tuyên truyền &lt;Công ước&gt; ICCPR"));
//! let sarif = render(&[report], ReportFormat::Sarif, &sources, &rules).unwrap();
//! assert!(sarif.contains("\"version\": \"2.1.0\""));
//! //! ```

mod docx;
mod html;
mod sarif;
mod text;
mod words;
pub mod wrap;
mod xlsx;

pub use docx::to_docx;
pub use html::{to_html, to_html_in};
pub use sarif::to_sarif;
pub use text::{to_text, TextOptions};
pub use xlsx::to_xlsx;

use crate::rules::{AuditReport, Registry, RuleInfo};
use std::collections::BTreeMap;

/// Output formats of audit and check reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportFormat {
    /// Readable text grouped by section, with source line numbers.
    Text,
    /// The [`AuditReport`] as JSON (an array of reports for a fleet or a
    /// cascade).
    Json,
    /// One self-contained HTML page.
    Html,
    /// SARIF 2.1.0.
    Sarif,
}

/// Which file each plan (by its label, see
/// [`Plan::label`](crate::core::Plan::label)) was read from, and its short
/// label ([`short_label`](crate::label::short_label)) for people.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    files: BTreeMap<String, String>,
    short: BTreeMap<String, String>,
    /// For plans read from a PDF: the line each page starts on.
    pages: BTreeMap<String, Vec<u32>>,
}

impl Sources {
    /// No files known.
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Records that the plan labelled `label` came from `file`.
    pub fn insert(&mut self, label: impl Into<String>, file: impl Into<String>) {
        self.files
            .entry(label.into())
            .or_insert_with(|| file.into());
    }

    /// Records that `plan` came from `file`, with its short label.
    pub fn add(&mut self, plan: &crate::core::Plan, file: impl Into<String>) {
        let label = plan.label();
        self.short
            .entry(label.clone())
            .or_insert_with(|| crate::label::short_label(plan));
        self.insert(label, file);
    }

    /// Records that `plan` was read from a PDF whose pages start on the
    /// lines `page_starts` ([`Import::page_starts`](crate::vn::Import)):
    /// its places then read `file p.3 line 12`.
    pub fn set_pages(&mut self, plan: &crate::core::Plan, page_starts: Vec<u32>) {
        if !page_starts.is_empty() {
            self.pages.insert(plan.label(), page_starts);
        }
    }

    /// The short label of the plan labelled `label`: the one recorded by
    /// [`add`](Self::add), else `label` cut at a word to 40 characters
    /// (labels fall back to a plan's title when the number was lost).
    pub fn short(&self, label: &str) -> String {
        self.short
            .get(label)
            .cloned()
            .unwrap_or_else(|| crate::label::cut_at_word(label, 40))
    }

    /// The file of the plan labelled `label`, if known.
    pub fn file(&self, label: &str) -> Option<&str> {
        self.files.get(label).map(String::as_str)
    }

    /// Where `l` is, for people: `file:line` (or `file:start-end`) for a
    /// text file, `file ¶12`, `file table 2, row 5, cell 3` or
    /// `file Sheet1!C7` for a Word document or a spreadsheet (the place
    /// its reader sees, when the import recorded one).
    pub fn at(&self, l: &crate::rules::Location) -> String {
        match &l.place {
            Some(place) => format!("{} {place}", self.file(&l.plan).unwrap_or(&l.plan)),
            None => self.place(&l.plan, l.line_start, l.line_end),
        }
    }

    /// `file:line` (or `file:start-end`), falling back to the label when
    /// the file is unknown; for a PDF ([`set_pages`](Self::set_pages))
    /// `file p.3 line 12` (or `file p.3 lines 12–15`, `file p.3 line 12 –
    /// p.4 line 2`).
    ///
    /// ```
    /// use obligraph::report::Sources;
    /// let mut plan = obligraph::core::Plan::default();
    /// plan.number = Some("74/KH-UBND".into());
    /// let mut sources = Sources::new();
    /// sources.add(&plan, "kh.pdf");
    /// assert_eq!(sources.place(&plan.label(), 12, 12), "kh.pdf:12");
    /// sources.set_pages(&plan, vec![1, 10, 30]);
    /// assert_eq!(sources.place(&plan.label(), 12, 31), "kh.pdf p.2 line 3 – p.3 line 2");
    /// assert_eq!(sources.place(&plan.label(), 12, 14), "kh.pdf p.2 lines 3–5");
    /// ```
    pub fn place(&self, label: &str, line_start: u32, line_end: u32) -> String {
        let f = self.file(label).unwrap_or(label);
        if let Some(starts) = self.pages.get(label).filter(|_| line_start > 0) {
            // (page, line on the page); (0, line) before the first page.
            let at = |line: u32| {
                let i = starts.partition_point(|&s| s <= line);
                let start = i.checked_sub(1).and_then(|i| starts.get(i)).copied();
                start.map_or((0, line), |s| (i, line - s + 1))
            };
            let ((p1, l1), (p2, l2)) = (at(line_start), at(line_end.max(line_start)));
            return if (p1, l1) == (p2, l2) {
                format!("{f} p.{p1} line {l1}")
            } else if p1 == p2 {
                format!("{f} p.{p1} lines {l1}–{l2}")
            } else {
                format!("{f} p.{p1} line {l1} – p.{p2} line {l2}")
            };
        }
        if line_start == 0 {
            f.to_string()
        } else if line_end > line_start {
            format!("{f}:{line_start}-{line_end}")
        } else {
            format!("{f}:{line_start}")
        }
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// Serialising to JSON failed.
    #[error("cannot serialise the report: {0}")]
    Json(#[from] serde_json::Error),
    /// The HTML template failed.
    #[error("cannot render the html report: {0}")]
    Template(String),
    /// The Word document or the workbook could not be written.
    #[error("cannot write the document: {0}")]
    Document(String),
}

/// Renders `reports` in `format`. Text is rendered without colours; use
/// [`to_text`] to choose.
pub fn render(
    reports: &[AuditReport],
    format: ReportFormat,
    sources: &Sources,
    rules: &[RuleInfo],
) -> Result<String, ReportError> {
    match format {
        ReportFormat::Text => Ok(to_text(reports, sources, &TextOptions::default())),
        ReportFormat::Json => to_json(reports),
        ReportFormat::Html => to_html(reports, sources),
        ReportFormat::Sarif => to_sarif(reports, sources, rules),
    }
}

/// The report as pretty JSON: the [`AuditReport`] itself for one report
/// (the contract of `obligraph audit --format json`), an array for several.
pub fn to_json(reports: &[AuditReport]) -> Result<String, ReportError> {
    let mut s = match reports {
        [one] => serde_json::to_string_pretty(one)?,
        many => serde_json::to_string_pretty(many)?,
    };
    s.push('\n');
    Ok(s)
}

/// The registry's rules with whole summaries: the first paragraph of each
/// rule's "What it does" section, every line of it (the registry's own
/// `summary` is the paragraph's first line only, cut mid-sentence).
pub fn whole_summaries(registry: &Registry) -> Vec<RuleInfo> {
    let mut rules = registry.rules();
    for r in &mut rules {
        if let Some(doc) = registry.explain(&r.code) {
            if let Some(p) = first_paragraph(&doc) {
                r.summary = p;
            }
        }
    }
    rules
}

/// The first paragraph under `## What it does` (else the first paragraph
/// after the title line), its lines joined.
fn first_paragraph(doc: &str) -> Option<String> {
    let body = match doc.split_once("## What it does") {
        Some((_, rest)) => rest,
        None => doc.split_once("\n\n").map_or(doc, |(_, rest)| rest),
    };
    let para: Vec<&str> = body
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    (!para.is_empty()).then(|| para.join(" "))
}

/// The top-level section an obligation id or section id falls in: its
/// first dotted part.
pub(crate) fn top_section(section: Option<&str>, id: &str) -> String {
    section
        .unwrap_or(id)
        .split('.')
        .next()
        .filter(|x| !x.is_empty())
        .unwrap_or("(none)")
        .to_string()
}

/// A plan label cut to `n` characters for tables (labels fall back to a
/// plan's long title when the number was lost).
pub fn shorten_label(label: &str, n: usize) -> String {
    shorten(label, n)
}

/// At most `n` characters of `s`, whitespace collapsed, with an ellipsis
/// when cut.
pub(crate) fn shorten(s: &str, n: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        flat
    } else {
        let mut t: String = flat.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// What a finding concerns, for the reports that print it in a row of its
/// own (DOCX, XLSX): the parent obligation's text, the derived
/// obligation's text (found among the report's matches, candidates and
/// local initiatives), and the confidence of the verdict it rests on.
pub(crate) struct FindingContext<'a> {
    pub parent_text: Option<&'a str>,
    pub child_text: Option<&'a str>,
    pub confidence: Option<f64>,
    pub review: bool,
}

impl<'a> FindingContext<'a> {
    pub(crate) fn of(r: &'a AuditReport, f: &crate::rules::Finding) -> FindingContext<'a> {
        let po = f
            .parent_id
            .as_deref()
            .and_then(|id| r.parent_obligation(id));
        let child_text = f.child_id.as_deref().and_then(|cid| {
            let in_matches = r
                .parent_obligations
                .iter()
                .flat_map(|po| po.matches.iter().chain(&po.candidates))
                .find(|m| m.child_id == cid)
                .map(|m| &*m.child_text);
            in_matches.or_else(|| {
                r.local_initiatives
                    .iter()
                    .find(|l| l.id == cid)
                    .map(|l| &*l.text)
            })
        });
        FindingContext {
            parent_text: po.map(|po| &*po.text),
            child_text,
            confidence: po.map(|po| po.confidence),
            review: po.is_some_and(|po| po.review),
        }
    }
}

/// A finding's message in `lang` (the other language when it has none).
pub(crate) fn message_in(f: &crate::rules::Finding, lang: crate::lang::Lang) -> &str {
    match lang {
        crate::lang::Lang::Vi if !f.message_vi.is_empty() => &f.message_vi,
        _ => &f.message,
    }
}
