//! A Word document (DOCX) an official can build a reply on: a heading
//! naming both plans by their short labels, a summary with the coverage
//! and the definition of its ratio, a table of the parent's obligations
//! that are missing or partly carried out, section by section, with the
//! parent's text beside the derived plan's, and every finding in the
//! report's language. Verdicts to read first are marked.
//!
//! Written with `docx-rs`; A4 portrait, Times New Roman 13 pt, the margins
//! of Vietnamese administrative documents (top and bottom 2 cm, left 3 cm,
//! right 2 cm).

use super::words::Words;
use super::{message_in, top_section, FindingContext, ReportError, Sources};
use crate::lang::Lang;
use crate::rules::{AuditReport, ParentObligationReport, PlanSummary, Severity, Status};
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, Shading,
    Table, TableCell, TableLayoutType, TableRow, WidthType,
};

/// Twentieths of a point in a centimetre.
const CM: i32 = 567;
/// The text width between the margins (21 cm − 3 cm − 2 cm), in twips.
const TEXT_WIDTH: usize = 9070;
/// Font sizes, in half-points.
const BODY: usize = 26;
const TABLE: usize = 22;
const SMALL: usize = 20;
const HEADER_FILL: &str = "D9E2F3";
const SECTION_FILL: &str = "F2F2F2";
const REVIEW_COLOUR: &str = "9C5700";
const MUTED: &str = "595959";

fn text(s: &str) -> Run {
    Run::new().add_text(s)
}

fn para(s: &str) -> Paragraph {
    Paragraph::new().add_run(text(s))
}

fn heading(s: &str) -> Paragraph {
    Paragraph::new()
        .add_run(text(s).bold())
        .keep_next(true)
        .size(BODY)
        .line_spacing(LineSpacing::new().before(240).after(120))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for p in paragraphs {
        c = c.add_paragraph(p.size(TABLE));
    }
    c
}

fn header_row(titles: &[&str], widths: &[usize]) -> TableRow {
    TableRow::new(
        titles
            .iter()
            .zip(widths)
            .map(|(t, w)| {
                cell(vec![Paragraph::new().add_run(text(t).bold())], *w)
                    .shading(Shading::new().fill(HEADER_FILL))
            })
            .collect(),
    )
    .cant_split()
}

fn table(rows: Vec<TableRow>, widths: &[usize]) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// "102/KH-UBND (Ủy ban nhân dân Quận Ngô Quyền, 14/04/2023) [file]".
fn describe(s: &PlanSummary, sources: &Sources) -> String {
    let mut d = sources.short(&s.label);
    let mut extra = Vec::new();
    if let Some(i) = &s.issuer {
        if !d.contains(&crate::label::abbreviate(i)) {
            extra.push(i.clone());
        }
    }
    if let Some(date) = s.date {
        extra.push(date.format("%d/%m/%Y").to_string());
    }
    if !extra.is_empty() {
        d.push_str(&format!(" ({})", extra.join(", ")));
    }
    if let Some(f) = sources.file(&s.label) {
        d.push_str(&format!(" [{f}]"));
    }
    d
}

fn pct(r: f64) -> String {
    format!("{:.0}%", (r * 100.0).clamp(0.0, 100.0))
}

fn severity_counts(r: &AuditReport, w: &Words) -> String {
    let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{}: {} {}, {} {}, {} {}",
        w.findings,
        count(Severity::Error),
        w.errors,
        count(Severity::Warning),
        w.warnings,
        count(Severity::Info),
        w.infos
    )
}

/// The coverage table by section.
fn section_table(r: &AuditReport, w: &Words) -> Table {
    let widths = [800, 3470, 1100, 900, 900, 900, 1000];
    let mut rows = vec![header_row(
        &[
            w.section,
            w.heading,
            w.applicable,
            w.covered,
            w.partial,
            w.missing,
            w.ratio,
        ],
        &widths,
    )];
    for s in &r.sections {
        let c = &s.coverage;
        let values = [
            s.section.clone(),
            s.title.clone().unwrap_or_default(),
            c.applicable.to_string(),
            c.covered.to_string(),
            c.partial.to_string(),
            c.missing.to_string(),
            pct(c.ratio),
        ];
        rows.push(TableRow::new(
            values
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (v, wd))| {
                    let p = para(v);
                    cell(
                        vec![if i >= 2 {
                            p.align(AlignmentType::Right)
                        } else {
                            p
                        }],
                        wd,
                    )
                })
                .collect(),
        ));
    }
    table(rows, &widths)
}

/// The mark of a verdict to read first.
fn review_mark(po: &ParentObligationReport, w: &Words) -> Paragraph {
    Paragraph::new().add_run(
        text(&format!(
            "⚑ {} ({} {:.2})",
            w.review_first, w.confidence, po.confidence
        ))
        .bold()
        .color(REVIEW_COLOUR)
        .size(SMALL),
    )
}

/// One row of the gaps table: the parent obligation, what the derived
/// plan has for it, and the findings on it.
fn gap_row(
    r: &AuditReport,
    po: &ParentObligationReport,
    sources: &Sources,
    w: &Words,
    widths: &[usize; 3],
) -> TableRow {
    let place = |l: &crate::rules::Location| sources.at(l);
    let mut first = vec![
        Paragraph::new().add_run(text(&po.id).bold()),
        para(w.status(po.status)),
    ];
    if po.review {
        first.push(review_mark(po, w));
    }
    let parent = vec![
        para(&po.text),
        Paragraph::new().add_run(text(&place(&po.location)).color(MUTED).size(SMALL)),
    ];
    let mut child = Vec::new();
    for m in &po.matches {
        child.push(
            Paragraph::new()
                .add_run(text(&format!("{}: ", m.child_id)).bold())
                .add_run(text(&m.child_text)),
        );
        child.push(
            Paragraph::new().add_run(
                text(&format!(
                    "{} · {} {:.2}",
                    place(&m.child_location),
                    w.score,
                    m.score
                ))
                .color(MUTED)
                .size(SMALL),
            ),
        );
    }
    if child.is_empty() {
        child.push(Paragraph::new().add_run(text(w.nothing_corresponds).italic()));
    }
    if po.status == Status::Partial {
        for d in po.dropped() {
            child.push(Paragraph::new().add_run(text(&format!("− {}: {d}", w.dropped)).italic()));
        }
    }
    for f in r
        .findings
        .iter()
        .filter(|f| f.parent_id.as_deref() == Some(&*po.id))
    {
        first.push(
            Paragraph::new().add_run(
                text(&format!("{} [{}]", w.severity_word(f.severity), f.code)).size(SMALL),
            ),
        );
    }
    // Findings on it that a review verdict set aside: the verdict and why.
    for s in r
        .verdicts
        .iter()
        .flat_map(|rv| &rv.suppressed)
        .filter(|s| s.finding.parent_id.as_deref() == Some(&*po.id))
    {
        child.push(
            Paragraph::new().add_run(
                text(&format!(
                    "{} [{}]: {}",
                    w.verdict_word(s.verdict.verdict),
                    s.finding.code,
                    s.verdict.reason
                ))
                .italic()
                .color(MUTED)
                .size(SMALL),
            ),
        );
    }
    TableRow::new(vec![
        cell(first, widths[0]),
        cell(parent, widths[1]),
        cell(child, widths[2]),
    ])
}

/// The gaps table: the parent's missing and partial obligations, a
/// shaded row per section.
fn gaps_table(r: &AuditReport, sources: &Sources, w: &Words) -> Option<Table> {
    let widths = [1770, 3650, 3650];
    let mut rows = vec![header_row(
        &[w.parent_id, w.parent_text, w.child_text],
        &widths,
    )];
    let mut any = false;
    for sc in &r.sections {
        let gaps: Vec<&ParentObligationReport> = r
            .parent_obligations
            .iter()
            .filter(|po| top_section(po.section.as_deref(), &po.id) == sc.section)
            .filter(|po| matches!(po.status, Status::Missing | Status::Partial))
            .collect();
        if gaps.is_empty() {
            continue;
        }
        any = true;
        let title = match &sc.title {
            Some(t) => format!("{} {} {t}", w.section, sc.section),
            None => format!("{} {}", w.section, sc.section),
        };
        let c = &sc.coverage;
        let figures = format!(
            " — {} {}, {} {}, {} {}, {} {} ({})",
            c.applicable,
            w.applicable,
            c.covered,
            w.covered,
            c.partial,
            w.partial,
            c.missing,
            w.missing,
            pct(c.ratio)
        );
        rows.push(
            TableRow::new(vec![cell(
                vec![Paragraph::new()
                    .add_run(text(&title).bold())
                    .add_run(text(&figures).color(MUTED))
                    .keep_next(true)],
                TEXT_WIDTH,
            )
            .grid_span(3)
            .shading(Shading::new().fill(SECTION_FILL))])
            .cant_split(),
        );
        for po in gaps {
            rows.push(gap_row(r, po, sources, w, &widths));
        }
    }
    any.then(|| table(rows, &widths))
}

/// The findings table: every finding with its message in `lang`.
fn findings_table(r: &AuditReport, sources: &Sources, w: &Words, lang: Lang) -> Table {
    let widths = [1300, 5370, 2400];
    let mut rows = vec![header_row(&[w.code, w.message, w.where_], &widths)];
    let place = |l: &crate::rules::Location| sources.at(l);
    // Findings resting on a doubtful verdict first, then as the audit
    // gave them (by severity and place).
    let mut findings: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f, FindingContext::of(r, f)))
        .collect();
    findings.sort_by_key(|(_, c)| !c.review);
    for (f, ctx) in findings {
        let mut first = vec![
            Paragraph::new().add_run(text(&f.code).bold()),
            para(w.severity_word(f.severity)),
            Paragraph::new().add_run(text(&f.rule).color(MUTED).size(SMALL)),
        ];
        if ctx.review {
            first.push(
                Paragraph::new().add_run(
                    text(&format!(
                        "⚑ {} ({} {:.2})",
                        w.review_first,
                        w.confidence,
                        ctx.confidence.unwrap_or_default()
                    ))
                    .bold()
                    .color(REVIEW_COLOUR)
                    .size(SMALL),
                ),
            );
        }
        let mut at = Vec::new();
        if let (Some(id), Some(l)) = (&f.parent_id, &f.parent_location) {
            at.push(para(&format!("{} {id}: {}", w.parent, place(l))));
        }
        if let (Some(id), Some(l)) = (&f.child_id, &f.child_location) {
            at.push(para(&format!("{} {id}: {}", w.child, place(l))));
        }
        if at.is_empty() {
            at.push(para(&format!(
                "{} {}",
                w.plan,
                sources.short(&r.child.label)
            )));
        }
        rows.push(TableRow::new(vec![
            cell(first, widths[0]),
            cell(vec![para(message_in(f, lang))], widths[1]),
            cell(at, widths[2]),
        ]));
    }
    table(rows, &widths)
}

fn report_part(mut doc: Docx, r: &AuditReport, sources: &Sources, lang: Lang) -> Docx {
    let w = Words::of(lang);
    let child = sources.short(&r.child.label);
    let subtitle = match &r.parent {
        Some(p) => format!(
            "{} {child} {} {}",
            w.audit_of,
            w.against,
            sources.short(&p.label)
        ),
        None => format!("{} {child}", w.check_of),
    };
    doc = doc
        .add_paragraph(
            Paragraph::new()
                .add_run(text(w.report_title).bold().size(28))
                .align(AlignmentType::Center),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(text(&subtitle).bold())
                .align(AlignmentType::Center),
        )
        .add_paragraph(Paragraph::new())
        .add_paragraph(
            Paragraph::new()
                .add_run(text(&format!("{}: ", w.derived_plan)).bold())
                .add_run(text(&describe(&r.child, sources))),
        );
    if let Some(p) = &r.parent {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(text(&format!("{}: ", w.parent_plan)).bold())
                .add_run(text(&describe(p, sources))),
        );
    }
    doc = doc.add_paragraph(heading(w.numbered_summary));
    if r.parent.is_some() {
        doc = doc
            .add_paragraph(
                Paragraph::new()
                    .add_run(text(&format!("{}: ", w.coverage)).bold())
                    .add_run(text(&w.coverage_line(&r.coverage))),
            )
            .add_paragraph(para(&severity_counts(r, w)));
        if let Some(rv) = &r.verdicts {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(text(&format!("{}: ", w.review_label)).bold())
                    .add_run(text(&w.review_counts(&rv.counts))),
            );
        }
        let review = r.parent_obligations.iter().filter(|po| po.review).count();
        if review > 0 {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(text(&format!("⚑ {} ({review}): ", w.review_first)).bold())
                    .add_run(text(w.review_note)),
            );
        }
        if !r.sections.is_empty() {
            doc = doc
                .add_paragraph(Paragraph::new().add_run(text(w.coverage_by_section).italic()))
                .add_table(section_table(r, w))
                .add_paragraph(Paragraph::new());
        }
        doc = doc
            .add_paragraph(heading(w.numbered_gaps))
            .add_paragraph(Paragraph::new().add_run(text(w.gaps_note).italic()));
        doc = match gaps_table(r, sources, w) {
            Some(t) => doc.add_table(t),
            None => doc.add_paragraph(para(w.no_gaps)),
        };
        doc = doc.add_paragraph(Paragraph::new());
    } else {
        doc = doc.add_paragraph(para(&format!(
            "{} {}. {}",
            r.child.obligations,
            w.obligations,
            severity_counts(r, w)
        )));
    }
    doc = doc.add_paragraph(heading(w.numbered_findings));
    if r.findings.is_empty() {
        doc.add_paragraph(para(w.no_findings))
    } else {
        doc.add_table(findings_table(r, sources, w, lang))
    }
}

/// Renders `reports` as a Word document in `lang`: one part per report
/// (a fleet or a cascade gives several, each on a new page).
pub fn to_docx(
    reports: &[AuditReport],
    sources: &Sources,
    lang: Lang,
) -> Result<Vec<u8>, ReportError> {
    let w = Words::of(lang);
    let font = "Times New Roman";
    let mut doc = Docx::new()
        .page_margin(PageMargin {
            top: 2 * CM,
            left: 3 * CM,
            bottom: 2 * CM,
            right: 2 * CM,
            header: CM,
            footer: CM,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii(font)
                .hi_ansi(font)
                .cs(font)
                .east_asia(font),
        )
        .default_size(BODY)
        .default_line_spacing(LineSpacing::new().after(60));
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            doc =
                doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
        doc = report_part(doc, r, sources, lang);
    }
    doc = doc.add_paragraph(Paragraph::new()).add_paragraph(
        Paragraph::new().add_run(
            text(&format!("{} {}", w.made_by, env!("CARGO_PKG_VERSION")))
                .italic()
                .color(MUTED)
                .size(SMALL),
        ),
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| ReportError::Document(e.to_string()))?;
    Ok(buf.into_inner())
}
