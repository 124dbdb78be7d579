//! A findings workbook (XLSX): one sheet per audited plan (a fleet or a
//! cascade gives several), one row per finding, with the columns an
//! official filters and sorts on: code, severity, the parent obligation's
//! id and text, the derived obligation's id and text, the message in
//! Vietnamese and in English, the confidence of the verdict it rests on,
//! whether to review it first, the finding's fingerprint, and the review
//! verdict when verdicts were applied (`new` for a finding without one;
//! findings a verdict set aside follow the others, with the verdict and its
//! reason). Headings are in the report's language; the header row is
//! frozen and filtered.
//!
//! Written with `rust_xlsxwriter`.

use super::words::Words;
use super::{FindingContext, ReportError, Sources};
use crate::lang::Lang;
use crate::rules::{AuditReport, VerdictKind};
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// Excel's longest sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;

/// Column widths (in characters), in column order.
const WIDTHS: [f64; 12] = [
    8.0, 10.0, 12.0, 60.0, 12.0, 60.0, 60.0, 60.0, 10.0, 10.0, 18.0, 40.0,
];

/// A sheet name Excel accepts: none of `[]:*?/\`, no leading or trailing
/// apostrophe, at most 31 characters, not blank, and unlike `taken`.
fn sheet_name(label: &str, taken: &[String]) -> String {
    let clean: String = label
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base = if clean.is_empty() { "plan" } else { clean };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let keep = SHEET_NAME_MAX - suffix.chars().count();
        let name: String = base.chars().take(keep).collect::<String>() + &suffix;
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
            return name;
        }
        n += 1;
    }
}

/// `s` with its first letter upper-case ("độ tin cậy" → "Độ tin cậy").
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn sheet(
    ws: &mut Worksheet,
    r: &AuditReport,
    w: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let headers = [
        w.code,
        w.severity,
        w.parent_id,
        w.parent_text,
        w.child_id,
        w.child_text,
        w.message_vi,
        w.message_en,
        w.confidence,
        w.review,
        w.fingerprint,
        w.verdict,
    ];
    for (col, (h, width)) in (0u16..).zip(headers.iter().zip(WIDTHS)) {
        ws.write_string_with_format(0, col, capitalised(h), &formats.header)?;
        ws.set_column_width(col, width)?;
    }
    let review = r.verdicts.as_ref();
    let kept = r.findings.iter().map(|f| {
        // Under verdicts, each kept finding is confirmed or new.
        let verdict = review.map(|rv| {
            if rv.confirmed.contains(&f.fingerprint) {
                w.verdict_word(VerdictKind::Confirmed).to_string()
            } else {
                w.new_mark.to_string()
            }
        });
        (f, verdict)
    });
    let set_aside = review.into_iter().flat_map(|rv| &rv.suppressed).map(|s| {
        let v = &s.verdict;
        let word = w.verdict_word(v.verdict);
        let verdict = if v.reason.is_empty() {
            word.to_string()
        } else {
            format!("{word}: {}", v.reason)
        };
        (&s.finding, Some(verdict))
    });
    let mut row = 0u32;
    for (f, verdict) in kept.chain(set_aside) {
        row += 1;
        let ctx = FindingContext::of(r, f);
        let cells = [
            f.code.as_str(),
            w.severity_word(f.severity),
            f.parent_id.as_deref().unwrap_or_default(),
            ctx.parent_text.unwrap_or_default(),
            f.child_id.as_deref().unwrap_or_default(),
            ctx.child_text.unwrap_or_default(),
            f.message_vi.as_str(),
            f.message.as_str(),
        ];
        for (col, v) in (0u16..).zip(cells) {
            ws.write_string_with_format(row, col, v, &formats.text)?;
        }
        match ctx.confidence {
            Some(c) => ws.write_number_with_format(row, 8, c, &formats.number)?,
            None => ws.write_blank(row, 8, &formats.text)?,
        };
        ws.write_boolean_with_format(row, 9, ctx.review, &formats.text)?;
        ws.write_string_with_format(row, 10, &f.fingerprint, &formats.text)?;
        match verdict {
            Some(v) => ws.write_string_with_format(row, 11, v, &formats.text)?,
            None => ws.write_blank(row, 11, &formats.text)?,
        };
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, row, 11)?;
    Ok(())
}

struct Formats {
    header: Format,
    text: Format,
    number: Format,
}

/// Renders the findings of `reports` as an XLSX workbook, one sheet per
/// report named by the derived plan's short label, headings in `lang`.
pub fn to_xlsx(
    reports: &[AuditReport],
    sources: &Sources,
    lang: Lang,
) -> Result<Vec<u8>, ReportError> {
    build(reports, sources, lang).map_err(|e| ReportError::Document(e.to_string()))
}

fn build(reports: &[AuditReport], sources: &Sources, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let w = Words::of(lang);
    let formats = Formats {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(0xD9E2F3)),
        text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        number: Format::new()
            .set_num_format("0.00")
            .set_align(FormatAlign::Top),
    };
    let mut workbook = Workbook::new();
    let mut names: Vec<String> = Vec::new();
    for r in reports {
        let name = sheet_name(&sources.short(&r.child.label), &names);
        let ws = workbook.add_worksheet();
        ws.set_name(name.as_str())?;
        names.push(name);
        sheet(ws, r, w, &formats)?;
    }
    if reports.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(sheet_name("102/KH-UBND", &[]), "102-KH-UBND");
        let long = "UBND tỉnh Bình Thuận (thực hiện 87/QĐ-TTg)";
        let one = sheet_name(long, &[]);
        assert_eq!(one.chars().count(), 31);
        let two = sheet_name(long, std::slice::from_ref(&one));
        assert_ne!(one, two);
        assert!(two.ends_with(" (2)") && two.chars().count() == 31, "{two}");
        assert_eq!(sheet_name("'[]'", &[]), "--");
        assert_eq!(sheet_name("  ", &[]), "plan");
    }
}
