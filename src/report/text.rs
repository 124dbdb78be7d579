//! Readable text: coverage per section, each parent obligation with its
//! status and matches, the findings under the section they concern, with
//! `file:line` locations of both plans; ANSI colours on request.
//!
//! Nothing is cut: every text and message is printed whole, wrapped to
//! [`TextOptions::width`] on a terminal (continuation lines indented under
//! their item), one line per item when piped. Plans are named by their
//! short label ([`Sources::short`]).

use super::words::Words;
use super::wrap::{columns, hanging};
use super::{top_section, Sources};
use crate::lang::Lang;
use crate::rules::{AuditReport, Finding, ParentObligationReport, Review, Severity, Status};
use std::fmt::Write as _;

/// Options of [`to_text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Colour the output with ANSI escape codes (when stdout is a terminal).
    pub colour: bool,
    /// List covered and not-applicable parent obligations too (otherwise
    /// only partial and missing ones are listed, with counts for the rest).
    pub verbose: bool,
    /// List parent obligations under their sections (otherwise only the
    /// section figures and the findings).
    pub obligations: bool,
    /// Columns to wrap lines to (the terminal's); `None` prints each item
    /// on one line, whole.
    pub width: Option<usize>,
    /// The language of headings and of the first line of each finding
    /// (the other language follows it).
    pub lang: Lang,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            colour: false,
            verbose: false,
            obligations: true,
            width: None,
            lang: Lang::En,
        }
    }
}

struct Paint {
    on: bool,
    w: &'static Words,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.wrap(code, self.w.severity_word(s))
    }
    fn status(&self, s: Status) -> String {
        let code = match s {
            Status::Covered => "32",
            Status::Partial => "33",
            Status::Missing => "31",
            Status::NotApplicable => "2",
        };
        let word = match (self.w.lang, s) {
            (Lang::En, Status::NotApplicable) => "n/a",
            _ => self.w.status(s),
        };
        let all = [
            Status::Covered,
            Status::Partial,
            Status::Missing,
            Status::NotApplicable,
        ];
        let width = all
            .iter()
            .map(|x| match (self.w.lang, x) {
                (Lang::En, Status::NotApplicable) => 3,
                _ => columns(self.w.status(*x)),
            })
            .max()
            .unwrap_or(8);
        self.wrap(code, &pad(word, width))
    }
}

fn percent(ratio: f64) -> String {
    format!("{:.0}%", ratio * 100.0)
}

/// Indents of continuation lines.
const FINDING_INDENT: &str = "      ";
const ITEM_INDENT: &str = "             ";
const NESTED_INDENT: &str = "                 ";

fn place_of(sources: &Sources, l: &crate::rules::Location) -> String {
    sources.at(l)
}

/// A finding's message in the report's language first, and the other
/// language's when there is a different one.
fn messages(f: &Finding, lang: Lang) -> (&str, Option<&str>) {
    let vi = Some(f.message_vi.as_str()).filter(|m| !m.is_empty() && *m != f.message);
    match (lang, vi) {
        (Lang::Vi, Some(vi)) => (vi, Some(&f.message)),
        (_, vi) => (&f.message, vi),
    }
}

/// `#` and the first 8 hex digits of a finding's fingerprint (what
/// `obligraph review --finding` takes), and the mark of a finding no
/// verdict names when verdicts were applied.
fn tag(f: &Finding, review: Option<&Review>, p: &Paint) -> String {
    let mut t = String::new();
    if !f.fingerprint.is_empty() {
        let short: String = f.fingerprint.chars().take(8).collect();
        t.push_str(&format!(" {}", p.dim(&format!("#{short}"))));
    }
    if review.is_some_and(|r| r.is_new(&f.fingerprint)) {
        t.push_str(&format!(
            " {}",
            p.wrap("1;35", &format!("({})", p.w.new_mark))
        ));
    }
    t
}

fn finding_lines(
    out: &mut String,
    f: &Finding,
    sources: &Sources,
    opts: &TextOptions,
    p: &Paint,
    review: Option<&Review>,
) {
    let head = format!(
        "  {}[{}] {}{}: ",
        p.severity(f.severity),
        f.code,
        f.rule,
        tag(f, review, p)
    );
    let (first, second) = messages(f, opts.lang);
    out.push_str(&hanging(&head, first, FINDING_INDENT, opts.width));
    if let Some(second) = second {
        out.push_str(&hanging(
            FINDING_INDENT,
            &p.dim(second),
            FINDING_INDENT,
            opts.width,
        ));
    }
    let mut at = Vec::new();
    if let Some(l) = &f.parent_location {
        at.push(format!("{} {}", p.w.parent, place_of(sources, l)));
    }
    if let Some(l) = &f.child_location {
        at.push(format!("{} {}", p.w.child, place_of(sources, l)));
    }
    if !at.is_empty() {
        let head = format!("{FINDING_INDENT}{} ", p.dim("-->"));
        out.push_str(&hanging(&head, &at.join("  "), NESTED_INDENT, opts.width));
    }
}

/// A finding under the obligation it concerns: the child's location when
/// there is one (the parent's is on the obligation's line).
fn compact_finding(
    out: &mut String,
    f: &Finding,
    sources: &Sources,
    opts: &TextOptions,
    p: &Paint,
    review: Option<&Review>,
) {
    let (first, second) = messages(f, opts.lang);
    let mut text = first.to_string();
    if let Some(l) = &f.child_location {
        text.push_str(&format!(" {} {}", p.dim("-->"), place_of(sources, l)));
    }
    let head = format!(
        "{ITEM_INDENT}{}[{}] {}{}: ",
        p.severity(f.severity),
        f.code,
        f.rule,
        tag(f, review, p)
    );
    out.push_str(&hanging(&head, &text, NESTED_INDENT, opts.width));
    if let Some(second) = second.filter(|_| opts.verbose) {
        out.push_str(&hanging(
            NESTED_INDENT,
            &p.dim(second),
            NESTED_INDENT,
            opts.width,
        ));
    }
}

fn obligation_lines(
    out: &mut String,
    po: &ParentObligationReport,
    sources: &Sources,
    opts: &TextOptions,
    p: &Paint,
) {
    let head = format!("  {} {:<12} ", p.status(po.status), po.id);
    let text = format!("{}  {}", place_of(sources, &po.location), po.text);
    out.push_str(&hanging(&head, &text, ITEM_INDENT, opts.width));
    for m in &po.matches {
        let head = format!("{ITEM_INDENT}{} ", p.dim("↳"));
        let text = format!(
            "{} {}  {} {:.2}  {}",
            m.child_id,
            place_of(sources, &m.child_location),
            p.w.score,
            m.score,
            p.dim(&m.child_text)
        );
        out.push_str(&hanging(&head, &text, NESTED_INDENT, opts.width));
    }
    if let Some(r) = &po.reason {
        let head = format!("{ITEM_INDENT}{} ", p.dim("·"));
        out.push_str(&hanging(&head, &p.dim(r), NESTED_INDENT, opts.width));
    }
    if po.status == Status::Partial {
        for d in po.dropped() {
            let head = format!("{ITEM_INDENT}{} ", p.dim("−"));
            let text = format!("{}: {d}", p.w.dropped);
            out.push_str(&hanging(&head, &text, NESTED_INDENT, opts.width));
        }
    }
    if po.review {
        let head = format!("{ITEM_INDENT}{} ", p.dim("?"));
        let text = format!("{} {:.2}", p.w.confidence, po.confidence);
        out.push_str(&hanging(&head, &p.dim(&text), NESTED_INDENT, opts.width));
    }
}

/// The verdicts to read first: those of low confidence, least sure first.
fn review_lines(
    out: &mut String,
    r: &AuditReport,
    sources: &Sources,
    opts: &TextOptions,
    p: &Paint,
) {
    let mut doubtful: Vec<&ParentObligationReport> =
        r.parent_obligations.iter().filter(|po| po.review).collect();
    if doubtful.is_empty() {
        return;
    }
    doubtful.sort_by(|a, b| a.confidence.total_cmp(&b.confidence));
    let head = format!(
        "\n{} ",
        p.bold(&format!("{} ({})", p.w.review_first, doubtful.len()))
    );
    out.push_str(&hanging(&head, &p.dim(p.w.review_note), "    ", opts.width));
    for po in doubtful {
        obligation_lines(out, po, sources, opts, p);
    }
}

/// `s` padded with spaces to `n` terminal columns.
fn pad(s: &str, n: usize) -> String {
    let mut t = s.to_string();
    t.push_str(&" ".repeat(n.saturating_sub(columns(s))));
    t
}

fn one(out: &mut String, r: &AuditReport, sources: &Sources, opts: &TextOptions) {
    let w = Words::of(opts.lang);
    let p = Paint { on: opts.colour, w };
    let child = &r.child;
    let describe = |s: &crate::rules::PlanSummary| {
        let mut d = sources.short(&s.label);
        let mut extra = Vec::new();
        if let Some(i) = &s.issuer {
            // A label without a number already names the issuer.
            if !d.contains(&crate::label::abbreviate(i)) {
                extra.push(i.clone());
            }
        }
        if let Some(date) = s.date {
            extra.push(date.to_string());
        }
        if !extra.is_empty() {
            d.push_str(&format!(" ({})", extra.join(", ")));
        }
        if let Some(f) = sources.file(&s.label) {
            d.push_str(&format!(" [{f}]"));
        }
        d
    };
    match &r.parent {
        Some(parent) => {
            let n = columns(w.audit_of).max(columns(w.against));
            let head = format!("{} ", p.bold(&pad(w.audit_of, n)));
            out.push_str(&hanging(&head, &describe(child), "          ", opts.width));
            let head = format!("{} ", p.bold(&pad(w.against, n)));
            out.push_str(&hanging(&head, &describe(parent), "          ", opts.width));
            let head = format!("{} ", p.bold(&format!("{}:", w.coverage)));
            out.push_str(&hanging(
                &head,
                &w.coverage_line(&r.coverage),
                "          ",
                opts.width,
            ));
        }
        None => {
            let head = format!("{} ", p.bold(w.check_of));
            out.push_str(&hanging(&head, &describe(child), "          ", opts.width));
            let _ = writeln!(out, "{} {}", child.obligations, w.obligations);
        }
    }
    if let Some(rv) = &r.verdicts {
        let head = format!("{} ", p.bold(&format!("{}:", w.review_label)));
        out.push_str(&hanging(
            &head,
            &w.review_counts(&rv.counts),
            "          ",
            opts.width,
        ));
    }
    review_lines(out, r, sources, opts, &p);
    // Findings by section: the parent obligation's section, else the
    // child obligation's.
    let section_of = |f: &Finding| -> String {
        if let Some(pid) = &f.parent_id {
            let sec = r
                .parent_obligation(pid)
                .and_then(|po| po.section.as_deref());
            return top_section(sec, pid);
        }
        match &f.child_id {
            Some(cid) => format!("child:{}", top_section(None, cid)),
            None => "plan".to_string(),
        }
    };
    let mut shown = vec![false; r.findings.len()];
    for sc in &r.sections {
        let c = &sc.coverage;
        let title = sc.title.as_deref().unwrap_or_default();
        let head = format!("\n{} ", p.bold(&format!("§ {}", sc.section)));
        let text = format!(
            "{title}  {}",
            p.dim(&format!(
                "— {} {}, {} {}, {} {}, {} {} ({})",
                c.applicable,
                w.applicable,
                c.covered,
                w.covered,
                c.partial,
                w.partial,
                c.missing,
                w.missing,
                percent(c.ratio)
            ))
        );
        out.push_str(&hanging(&head, &text, "    ", opts.width));
        let mut hidden = (0usize, 0usize);
        for po in r
            .parent_obligations
            .iter()
            .filter(|po| top_section(po.section.as_deref(), &po.id) == sc.section)
        {
            let has_findings = r
                .findings
                .iter()
                .any(|f| f.parent_id.as_deref() == Some(&*po.id));
            let show = opts.verbose
                || has_findings
                || matches!(po.status, Status::Partial | Status::Missing);
            if !opts.obligations {
                continue;
            }
            if !show {
                if po.status == Status::Covered {
                    hidden.0 += 1;
                } else {
                    hidden.1 += 1;
                }
                continue;
            }
            obligation_lines(out, po, sources, opts, &p);
            for (i, f) in r.findings.iter().enumerate() {
                if f.parent_id.as_deref() == Some(&*po.id) {
                    compact_finding(out, f, sources, opts, &p, r.verdicts.as_ref());
                    if let Some(s) = shown.get_mut(i) {
                        *s = true;
                    }
                }
            }
        }
        if hidden != (0, 0) {
            out.push_str(&hanging(
                "  ",
                &p.dim(&w.hidden(hidden.0, hidden.1)),
                "   ",
                opts.width,
            ));
        }
        for (i, f) in r.findings.iter().enumerate() {
            if section_of(f) == sc.section && !shown.get(i).copied().unwrap_or(true) {
                finding_lines(out, f, sources, opts, &p, r.verdicts.as_ref());
                if let Some(s) = shown.get_mut(i) {
                    *s = true;
                }
            }
        }
    }
    // Remaining findings, grouped by the derived plan's sections.
    let mut rest: Vec<(String, &Finding)> = r
        .findings
        .iter()
        .zip(&shown)
        .filter(|(_, s)| !**s)
        .map(|(f, _)| (section_of(f), f))
        .collect();
    rest.sort_by(|a, b| a.0.cmp(&b.0));
    let mut last: Option<&str> = None;
    for (sec, f) in &rest {
        if last != Some(sec.as_str()) {
            let head = match sec.strip_prefix("child:") {
                Some(s) => format!("§ {s} {} {}", w.of, sources.short(&child.label)),
                None if sec == "plan" => match opts.lang {
                    Lang::Vi => format!("{} {}", w.as_a_whole, sources.short(&child.label)),
                    Lang::En => format!("{} {}", sources.short(&child.label), w.as_a_whole),
                },
                None => format!("§ {sec}"),
            };
            let _ = writeln!(out, "\n{}", p.bold(&head));
            last = Some(sec.as_str());
        }
        finding_lines(out, f, sources, opts, &p, r.verdicts.as_ref());
    }
    // Local initiatives not already reported by a finding.
    let initiatives: Vec<_> = r
        .local_initiatives
        .iter()
        .filter(|li| {
            !r.findings
                .iter()
                .any(|f| f.child_id.as_deref() == Some(li.id.as_str()))
        })
        .collect();
    if !initiatives.is_empty() {
        let _ = writeln!(
            out,
            "\n{} {}",
            p.bold(w.local_initiatives),
            p.dim(w.local_initiatives_note)
        );
        for li in initiatives {
            let head = format!("  {:<10} ", li.id);
            let text = format!("{}  {}", place_of(sources, &li.location), li.text);
            out.push_str(&hanging(&head, &text, ITEM_INDENT, opts.width));
        }
    }
    if let Some(rv) = &r.verdicts {
        verdict_lines(out, rv, sources, opts, &p);
    }
    let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        out,
        "\n{}: {} {}, {} {}, {} {}",
        p.bold(w.findings),
        count(Severity::Error),
        p.severity(Severity::Error),
        count(Severity::Warning),
        p.severity(Severity::Warning),
        count(Severity::Info),
        p.severity(Severity::Info)
    );
}

/// The findings verdicts set aside, and the stale verdicts.
fn verdict_lines(out: &mut String, rv: &Review, sources: &Sources, opts: &TextOptions, p: &Paint) {
    let w = p.w;
    let said = |v: &crate::rules::Verdict| {
        format!(
            "{}: {} — {}, {}",
            w.verdict_word(v.verdict),
            v.reason,
            v.by,
            v.at
        )
    };
    if !rv.suppressed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            p.bold(&format!(
                "{} ({})",
                w.suppressed_heading,
                rv.suppressed.len()
            ))
        );
        for s in &rv.suppressed {
            finding_lines(out, &s.finding, sources, opts, p, None);
            let head = format!("{FINDING_INDENT}{} ", p.dim("="));
            out.push_str(&hanging(
                &head,
                &said(&s.verdict),
                NESTED_INDENT,
                opts.width,
            ));
        }
    }
    if !rv.stale.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            p.bold(&format!("{} ({})", w.stale_heading, rv.stale.len()))
        );
        for v in &rv.stale {
            let short: String = v.fingerprint.chars().take(8).collect();
            let id = v
                .parent_id
                .as_deref()
                .or(v.child_id.as_deref())
                .unwrap_or("");
            let head = format!("  [{}] {} {} ", v.code, id, p.dim(&format!("#{short}")));
            let mut text = said(v);
            if !v.message.is_empty() {
                text.push_str(&format!(" · {}", v.message));
            }
            out.push_str(&hanging(&head, &text, FINDING_INDENT, opts.width));
        }
    }
}

/// Renders reports as text. Several reports (a fleet, a cascade) are
/// separated by a rule and followed by a table of figures per plan.
pub fn to_text(reports: &[AuditReport], sources: &Sources, opts: &TextOptions) -> String {
    let mut out = String::new();
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            out.push_str(&format!("\n{}\n\n", "═".repeat(72)));
        }
        one(&mut out, r, sources, opts);
    }
    if reports.len() > 1 {
        let w = Words::of(opts.lang);
        let p = Paint { on: opts.colour, w };
        let _ = writeln!(out, "\n{}", p.bold(w.summary));
        let rows: Vec<(String, String)> = reports
            .iter()
            .map(|r| {
                (
                    sources.short(&r.child.label),
                    r.parent
                        .as_ref()
                        .map_or("—".to_string(), |p| sources.short(&p.label)),
                )
            })
            .collect();
        let w0 = rows
            .iter()
            .map(|r| columns(&r.0))
            .chain([columns(w.plan)])
            .max()
            .unwrap_or(4);
        let w1 = rows
            .iter()
            .map(|r| columns(&r.1))
            .chain([columns(w.against)])
            .max()
            .unwrap_or(7);
        let heads = [
            w.applicable,
            w.covered,
            w.partial,
            w.missing,
            w.ratio,
            w.errors,
        ];
        let widths: Vec<usize> = heads.iter().map(|h| columns(h).max(5)).collect();
        let right = |s: &str, n: usize| format!("{}{s}", " ".repeat(n.saturating_sub(columns(s))));
        let mut line = format!("  {} {}", pad(w.plan, w0), pad(w.against, w1));
        for (h, n) in heads.iter().zip(&widths) {
            line.push(' ');
            line.push_str(&right(h, *n));
        }
        let _ = writeln!(out, "{line}");
        for (r, (child, parent)) in reports.iter().zip(&rows) {
            let c = &r.coverage;
            let errors = r
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let cells = [
                c.applicable.to_string(),
                c.covered.to_string(),
                c.partial.to_string(),
                c.missing.to_string(),
                percent(c.ratio),
                errors.to_string(),
            ];
            let mut line = format!("  {} {}", pad(child, w0), pad(parent, w1));
            for (cell, n) in cells.iter().zip(&widths) {
                line.push(' ');
                line.push_str(&right(cell, *n));
            }
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "  {}", w.ratio_note);
    }
    out
}
