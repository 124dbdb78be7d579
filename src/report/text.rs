//! Readable text: coverage per section, each parent obligation with its
//! status and matches, the findings under the section they concern, with
//! `file:line` locations; ANSI colours on request.

use super::{shorten, top_section, Sources};
use crate::rules::{AuditReport, Finding, ParentObligationReport, Severity, Status};
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
    /// Characters of obligation text shown per line.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            colour: false,
            verbose: false,
            obligations: true,
            width: 90,
        }
    }
}

struct Paint {
    on: bool,
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
        self.wrap(code, &s.to_string())
    }
    fn status(&self, s: Status) -> String {
        let (code, word) = match s {
            Status::Covered => ("32", "covered "),
            Status::Partial => ("33", "partial "),
            Status::Missing => ("31", "missing "),
            Status::NotApplicable => ("2", "n/a     "),
        };
        self.wrap(code, word)
    }
}

fn percent(ratio: f64) -> String {
    format!("{:.0}%", ratio * 100.0)
}

fn finding_lines(out: &mut String, f: &Finding, sources: &Sources, p: &Paint) {
    let _ = writeln!(
        out,
        "  {}[{}] {}: {}",
        p.severity(f.severity),
        f.code,
        f.rule,
        f.message
    );
    if !f.message_vi.is_empty() && f.message_vi != f.message {
        let _ = writeln!(out, "      {}", p.dim(&f.message_vi));
    }
    let mut at = Vec::new();
    if let Some(l) = &f.parent_location {
        at.push(format!(
            "parent {}",
            sources.place(&l.plan, l.line_start, l.line_end)
        ));
    }
    if let Some(l) = &f.child_location {
        at.push(format!(
            "child {}",
            sources.place(&l.plan, l.line_start, l.line_end)
        ));
    }
    if !at.is_empty() {
        let _ = writeln!(out, "      {} {}", p.dim("-->"), at.join("  "));
    }
}

/// A finding under the obligation it concerns: one line, the child's
/// location when there is one (the parent's is on the obligation's line).
fn compact_finding(
    out: &mut String,
    f: &Finding,
    sources: &Sources,
    opts: &TextOptions,
    p: &Paint,
) {
    let at = f
        .child_location
        .as_ref()
        .map(|l| {
            format!(
                "  {} {}",
                p.dim("-->"),
                sources.place(&l.plan, l.line_start, l.line_end)
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "             {}[{}] {}: {}{}",
        p.severity(f.severity),
        f.code,
        f.rule,
        shorten(&f.message, opts.width),
        at
    );
    if opts.verbose && !f.message_vi.is_empty() && f.message_vi != f.message {
        let _ = writeln!(out, "                 {}", p.dim(&f.message_vi));
    }
}

fn obligation_lines(
    out: &mut String,
    po: &ParentObligationReport,
    sources: &Sources,
    opts: &TextOptions,
    p: &Paint,
) {
    let _ = writeln!(
        out,
        "  {} {:<12} {:>5}  {}",
        p.status(po.status),
        po.id,
        format!("L{}", po.location.line_start),
        shorten(&po.text, opts.width)
    );
    for m in &po.matches {
        let _ = writeln!(
            out,
            "             {} {} {}  score {:.2}  {}",
            p.dim("↳"),
            m.child_id,
            sources.place(
                &m.child_location.plan,
                m.child_location.line_start,
                m.child_location.line_end
            ),
            m.score,
            p.dim(&shorten(&m.child_text, opts.width.saturating_sub(30)))
        );
    }
    if let Some(r) = &po.reason {
        let _ = writeln!(out, "             {} {}", p.dim("·"), p.dim(r));
    }
}

fn one(out: &mut String, r: &AuditReport, sources: &Sources, opts: &TextOptions) {
    let p = Paint { on: opts.colour };
    let child = &r.child;
    let describe = |s: &crate::rules::PlanSummary| {
        let mut d = shorten(&s.label, 80);
        let mut extra = Vec::new();
        if let Some(i) = &s.issuer {
            extra.push(i.clone());
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
            let _ = writeln!(out, "{} {}", p.bold("Audit of"), describe(child));
            let _ = writeln!(out, "{} {}", p.bold("against "), describe(parent));
            let c = &r.coverage;
            let _ = writeln!(
                out,
                "Coverage: {} applicable · {} covered · {} partial · {} missing · {}",
                c.applicable,
                c.covered,
                c.partial,
                c.missing,
                p.bold(&percent(c.ratio))
            );
        }
        None => {
            let _ = writeln!(out, "{} {}", p.bold("Check of"), describe(child));
            let _ = writeln!(out, "{} obligations", child.obligations);
        }
    }
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
        let title = sc
            .title
            .as_deref()
            .map(|t| shorten(t, 70))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{} {}  {}",
            p.bold(&format!("§ {}", sc.section)),
            title,
            p.dim(&format!(
                "— {} applicable, {} covered, {} partial, {} missing ({})",
                c.applicable,
                c.covered,
                c.partial,
                c.missing,
                percent(c.ratio)
            ))
        );
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
                    compact_finding(out, f, sources, opts, &p);
                    if let Some(s) = shown.get_mut(i) {
                        *s = true;
                    }
                }
            }
        }
        if hidden != (0, 0) {
            let _ = writeln!(
                out,
                "  {}",
                p.dim(&format!(
                    "({} covered and {} not applicable without findings not listed; --verbose lists them)",
                    hidden.0, hidden.1
                ))
            );
        }
        for (i, f) in r.findings.iter().enumerate() {
            if section_of(f) == sc.section && !shown.get(i).copied().unwrap_or(true) {
                finding_lines(out, f, sources, &p);
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
                Some(s) => format!("§ {s} of {}", shorten(&child.label, 60)),
                None if sec == "plan" => format!("{} as a whole", shorten(&child.label, 60)),
                None => format!("§ {sec}"),
            };
            let _ = writeln!(out, "\n{}", p.bold(&head));
            last = Some(sec.as_str());
        }
        finding_lines(out, f, sources, &p);
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
            p.bold("Local initiatives"),
            p.dim("(derived obligations matching no parent obligation)")
        );
        for li in initiatives {
            let _ = writeln!(
                out,
                "  {:<10} {}  {}",
                li.id,
                sources.place(
                    &li.location.plan,
                    li.location.line_start,
                    li.location.line_end
                ),
                shorten(&li.text, opts.width)
            );
        }
    }
    let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        out,
        "\n{}: {} {}, {} {}, {} {}",
        p.bold("Findings"),
        count(Severity::Error),
        p.severity(Severity::Error),
        count(Severity::Warning),
        p.severity(Severity::Warning),
        count(Severity::Info),
        p.severity(Severity::Info)
    );
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
        let p = Paint { on: opts.colour };
        let _ = writeln!(out, "\n{}", p.bold("Summary"));
        let _ = writeln!(
            out,
            "  {:<28} {:<24} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6}",
            "plan", "against", "appl", "cov", "part", "miss", "ratio", "errors"
        );
        for r in reports {
            let c = &r.coverage;
            let errors = r
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let _ = writeln!(
                out,
                "  {:<28} {:<24} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6}",
                shorten(&r.child.label, 28),
                shorten(r.parent.as_ref().map_or("—", |p| p.label.as_str()), 24),
                c.applicable,
                c.covered,
                c.partial,
                c.missing,
                percent(c.ratio),
                errors
            );
        }
    }
    out
}
