//! Known decisions, and the citations of them inside a plan.
//!
//! The registry holds national decisions the corpus cites, with their
//! number and date as published. Only national numbers (`/QĐ-TTg`,
//! `/QH..`) are listed: plan numbers like `108/KH-UBND` repeat from one
//! province to the next.

use chrono::NaiveDate;
use obligraph_core::Plan;

/// A decision whose number and date are known.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KnownDecision {
    /// Number, e.g. `2715/QĐ-TTg`.
    pub number: String,
    /// Date of signature.
    pub date: NaiveDate,
    /// Short subject.
    pub subject: String,
}

/// Number, year, month, day, subject.
const KNOWN: &[(&str, i32, u32, u32, &str)] = &[
    (
        "87/QĐ-TTg",
        2023,
        2,
        14,
        "Công ước chống tra tấn (CAT): kế hoạch tăng cường thực thi",
    ),
    (
        "2715/QĐ-TTg",
        2025,
        12,
        13,
        "khuyến nghị của Ủy ban Nhân quyền về Công ước ICCPR",
    ),
    ("65/QĐ-TTg", 2018, 1, 12, "Đề án tuyên truyền Công ước CAT"),
    (
        "364/QĐ-TTg",
        2015,
        3,
        17,
        "Kế hoạch triển khai Công ước CAT",
    ),
    ("1975/QĐ-TTg", 2019, 12, 31, "khuyến nghị UPR chu kỳ III"),
    (
        "1079/QĐ-TTg",
        2022,
        9,
        14,
        "Đề án truyền thông về quyền con người",
    ),
    (
        "1309/QĐ-TTg",
        2017,
        9,
        5,
        "Đề án đưa nội dung quyền con người vào giáo dục quốc dân",
    ),
    ("83/2014/QH13", 2014, 11, 28, "phê chuẩn Công ước CAT"),
];

/// The registry of known decisions.
pub fn known_decisions() -> Vec<KnownDecision> {
    KNOWN
        .iter()
        .filter_map(|(n, y, m, d, s)| {
            Some(KnownDecision {
                number: (*n).to_string(),
                date: NaiveDate::from_ymd_opt(*y, *m, *d)?,
                subject: (*s).to_string(),
            })
        })
        .collect()
}

/// [`known_decisions`], built once.
pub(crate) fn known() -> &'static [KnownDecision] {
    static KNOWN_DECISIONS: std::sync::OnceLock<Vec<KnownDecision>> = std::sync::OnceLock::new();
    KNOWN_DECISIONS.get_or_init(known_decisions)
}

/// Compares two document numbers, ignoring spaces and case.
pub(crate) fn same_doc_number(a: &str, b: &str) -> bool {
    // The two keys (no white space, lower case) compared char by char,
    // without building them.
    a.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .eq(b
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase))
}

/// A citation found in a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Citation {
    pub(crate) number: String,
    pub(crate) date: Option<NaiveDate>,
    /// The obligation it was found in, `None` for the plan's header.
    pub(crate) obligation: Option<String>,
    pub(crate) line: Option<u32>,
}

/// Reads "<n>/<type> ngày dd/mm/yyyy" (or "ngày d tháng m năm yyyy")
/// citations of the known kinds in `text`.
pub(crate) fn scan(text: &str) -> Vec<(String, Option<NaiveDate>)> {
    // Only numbers of the known kinds are kept: a text without them has
    // none (most texts, scanned once per audit).
    if !text.contains("/QĐ-TTg") && !text.contains("/QH") {
        return Vec::new();
    }
    // Walked by byte offsets (at char boundaries): digits, '/' and '-'
    // are ASCII.
    let bytes = text.as_bytes();
    let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(i) {
        // A number followed by '/'.
        if c.is_ascii_digit()
            && text
                .get(..i)
                .and_then(|s| s.chars().next_back())
                .is_none_or(|p| !p.is_alphanumeric() && p != '/')
        {
            let start = i;
            let mut j = i;
            while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if bytes.get(j) == Some(&b'/') {
                let mut k = j + 1;
                while let Some(d) = char_at(k) {
                    if d.is_alphanumeric() || d == '-' || d == '/' {
                        k += d.len_utf8();
                    } else {
                        break;
                    }
                }
                let number = text
                    .get(start..k)
                    .unwrap_or_default()
                    .trim_end_matches(['-', '/'])
                    .to_string();
                let known = number.contains("/QĐ-TTg") || number.contains("/QH");
                if known {
                    let rest: String = text.get(k..).unwrap_or_default().chars().take(40).collect();
                    out.push((number, date_after(&rest)));
                }
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// The date right after a number: " ngày 14/9/2022" or " ngày 14 tháng 9
/// năm 2022".
fn date_after(rest: &str) -> Option<NaiveDate> {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("ngày")?;
    let nums: Vec<u32> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect();
    match nums.as_slice() {
        [d, m, y] => NaiveDate::from_ymd_opt(i32::try_from(*y).ok()?, *m, *d),
        _ => None,
    }
}

/// Every citation of a known kind in `plan`: its `implements` and legal
/// bases, and the texts of its obligations.
pub(crate) fn citations(plan: &Plan) -> Vec<Citation> {
    let mut out = Vec::new();
    for r in plan.implements.iter().chain(&plan.legal_bases) {
        if let Some(n) = &r.number {
            out.push(Citation {
                number: n.clone(),
                date: r.date,
                obligation: None,
                line: r.line,
            });
        }
    }
    for o in &plan.obligations {
        for (number, date) in scan(&o.text) {
            out.push(Citation {
                number,
                date,
                obligation: Some(o.id.clone()),
                line: Some(o.source.line_start),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_numbers_and_dates() {
        let t = "theo Quyết định số 1079/QĐ-TTg ngày 14/09/2022 của Thủ tướng; Quyết định số 1309/QĐ-TTg ngày 05 tháng 9 năm 2017; Quyết định 06/2020/QĐ-TTg";
        let s = scan(t);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(s[0].0, "1079/QĐ-TTg");
        assert_eq!(s[0].1, NaiveDate::from_ymd_opt(2022, 9, 14));
        assert_eq!(s[1].1, NaiveDate::from_ymd_opt(2017, 9, 5));
        assert_eq!(s[2], ("06/2020/QĐ-TTg".to_string(), None));
    }

    /// The scan as first written, over a vector of chars.
    fn scan_by_chars(text: &str) -> Vec<(String, Option<NaiveDate>)> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_ascii_digit()
                && (i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '/')
            {
                let start = i;
                let mut j = i;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
                if j < chars.len() && chars[j] == '/' {
                    let mut k = j + 1;
                    while k < chars.len()
                        && (chars[k].is_alphanumeric() || chars[k] == '-' || chars[k] == '/')
                    {
                        k += 1;
                    }
                    let number: String = chars[start..k].iter().collect();
                    let number = number.trim_end_matches(['-', '/']).to_string();
                    if number.contains("/QĐ-TTg") || number.contains("/QH") {
                        let rest: String = chars[k..(k + 40).min(chars.len())].iter().collect();
                        out.push((number, date_after(&rest)));
                    }
                    i = k;
                    continue;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        out
    }

    #[test]
    fn scan_by_offsets_is_scan_by_chars() {
        for t in [
            "theo Quyết định số 1079/QĐ-TTg ngày 14/09/2022 của Thủ tướng; Quyết định số 1309/QĐ-TTg ngày 05 tháng 9 năm 2017; Quyết định 06/2020/QĐ-TTg",
            "Nghị quyết 83/2014/QH13 ngày 28/11/2014, số 12/abc-34/QĐ-TTg; a7/QĐ-TTg ngày 1/1/2020",
            "Đề án 2715/QĐ-TTg-/ ngày 13 tháng 12 năm 2025 — ư9/QH ngày 01/02/2003 x/9/QH15",
            "2715/QĐ-TTg",
            "/QH",
            "",
        ] {
            assert_eq!(scan(t), scan_by_chars(t), "{t}");
        }
    }

    #[test]
    fn registry_is_complete() {
        assert_eq!(known_decisions().len(), KNOWN.len());
    }
}
