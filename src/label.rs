//! Short plan labels for people: what a line of a report or a calendar
//! calls a plan.
//!
//! [`Plan::label`](crate::core::Plan::label) falls back to the whole title
//! when the number was lost in extraction, and titles run to 200
//! characters. [`short_label`] never does:
//!
//! | the plan has | label |
//! |---|---|
//! | a number | `74/KH-UBND` |
//! | an issuer and a date | `UBND tỉnh Bình Thuận, 14/02/2023` |
//! | an issuer and the decision it implements | `UBND tỉnh Bình Thuận (thực hiện 87/QĐ-TTg)` |
//! | an issuer | `Sở Khoa học và Công nghệ` |
//! | a title only | its first words, at most 40 characters, with `…` |
//!
//! "Ủy ban nhân dân" is written "UBND", as documents do.

use crate::core::Plan;

/// Longest title fallback, in characters.
const TITLE_CHARS: usize = 40;

/// A plan's short label (see the [module docs](self)).
///
/// ```
/// use obligraph::label::short_label;
/// use obligraph::core::Plan;
/// let mut plan = Plan::default();
/// plan.title = Some("Tăng cường thực thi hiệu quả Công ước chống tra tấn và các hình thức đối xử".into());
/// assert_eq!(short_label(&plan), "Tăng cường thực thi hiệu quả Công ước…");
/// plan.issuer = Some("Ủy ban nhân dân tỉnh Bình Thuận".into());
/// assert_eq!(short_label(&plan), "UBND tỉnh Bình Thuận");
/// plan.date = chrono::NaiveDate::from_ymd_opt(2023, 4, 14);
/// assert_eq!(short_label(&plan), "UBND tỉnh Bình Thuận, 14/04/2023");
/// plan.number = Some("102/KH-UBND".into());
/// assert_eq!(short_label(&plan), "102/KH-UBND");
/// ```
pub fn short_label(plan: &Plan) -> String {
    if let Some(n) = plan.number.as_deref().filter(|n| !n.trim().is_empty()) {
        return n.to_string();
    }
    let issuer = plan
        .issuer
        .as_deref()
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(abbreviate);
    match (issuer, plan.date) {
        (Some(i), Some(d)) => format!("{i}, {}", d.format("%d/%m/%Y")),
        (Some(i), None) => match plan.implements.iter().find_map(|r| r.number.as_deref()) {
            Some(n) => format!("{i} (thực hiện {n})"),
            None => i,
        },
        (None, _) => match plan.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(t) => cut_at_word(t, TITLE_CHARS),
            None => plan.label(),
        },
    }
}

/// "Ủy ban nhân dân …" → "UBND …" (any case of the first letters).
pub(crate) fn abbreviate(issuer: &str) -> String {
    let flat = issuer.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = flat.to_lowercase();
    for long in ["ủy ban nhân dân", "uỷ ban nhân dân"] {
        if lower.starts_with(long) {
            let tail: String = flat.chars().skip(long.chars().count()).collect();
            return format!("UBND{tail}");
        }
    }
    flat
}

/// At most `n` characters of `s`, cut at a word boundary, with `…`.
pub(crate) fn cut_at_word(s: &str, n: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        return flat;
    }
    let mut out = String::new();
    for w in flat.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > n {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = flat.chars().take(n).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_and_implemented_decision_when_no_number_and_no_date() {
        let mut plan = Plan {
            issuer: Some("Ủy ban nhân dân thành phố".into()),
            ..Plan::default()
        };
        plan.implements.push(crate::core::DocRef {
            number: Some("2715/QĐ-TTg".into()),
            ..Default::default()
        });
        assert_eq!(short_label(&plan), "UBND thành phố (thực hiện 2715/QĐ-TTg)");
    }

    #[test]
    fn abbreviation_keeps_the_rest_of_the_name() {
        assert_eq!(
            abbreviate("Uỷ ban nhân dân  Quận Ngô Quyền"),
            "UBND Quận Ngô Quyền"
        );
        assert_eq!(abbreviate("Sở Tư pháp"), "Sở Tư pháp");
    }
}
