//! Short codes a document gives its bodies: "Phòng Cảnh sát hình sự
//! (PC02) chủ trì …" at first use, "PC02 chủ trì …" afterwards (police
//! units, as the Ministry numbers them; "Trung tâm Trợ giúp pháp lý nhà
//! nước (TTTGPL)"). For that document the code names the body its name
//! resolves to, and the name written with its code is read as one body
//! even where it holds a comma or "bộ" ("Phòng Cảnh sát quản lý tạm giữ,
//! tạm giam và thi hành án hình sự tại cộng đồng (PC10)").
//!
//! A short form written out ("Phòng Quản lý nhà và thị trường bất động
//! sản (sau đây gọi tắt là Phòng QLN&TTBĐS)", "… (sau đây viết tắt là
//! Trung tâm)") is a code too, of as many words as written, when it
//! keeps the head of the name ("Phòng", "Trung tâm") or is a code.

use std::borrow::Cow;

/// A code the document defined, with the name written before it.
#[derive(Debug, Clone)]
pub(super) struct Code {
    /// The name as written ("Phòng An ninh đối ngoại").
    pub name: String,
    /// The code ("PA01").
    pub code: String,
    /// The name and its code as written ("Phòng An ninh đối ngoại (PA01)").
    pub written: String,
}

/// The most words of a body's name before its code. The longest in the
/// written plans ("Phòng Cảnh sát quản lý tạm giữ, tạm giam và thi hành
/// án hình sự tại cộng đồng", Công an thành phố Huế L41) has 15.
const MAX_CODED_NAME_WORDS: usize = 20;

/// The most characters of a code: police codes have 4 ("PC10"), codes
/// of centres and offices 3 to 6 ("TTTGPL").
const MAX_CODE_CHARS: usize = 8;

/// What opens a parenthesis defining a short form ("sau đây gọi tắt là
/// X"), as keys, longest first.
const SHORT_FORM_LEAD_INS: &[&str] = &[
    "sau day goi tat la ",
    "sau day viet tat la ",
    "sau day goi la ",
    "goi tat la ",
    "viet tat la ",
];

/// The short form a parenthesis defines ("sau đây gọi tắt là Trung
/// tâm" → "Trung tâm"), as written.
fn short_form(inner: &str) -> Option<&str> {
    let k = super::super::text::key(inner);
    let lead_in = SHORT_FORM_LEAD_INS.iter().find(|w| k.starts_with(*w))?;
    // Keys keep the words of the text: skip as many.
    let n = lead_in.split_whitespace().count();
    let at = super::super::text::words_at(inner).get(n)?.0;
    let form = inner.get(at..)?.trim().trim_end_matches(['.', ',', ';']);
    Some(form).filter(|f| !f.is_empty())
}

/// Whether `inner` is a code: capitals and digits, opening with a
/// capital, two characters or more.
fn is_code(inner: &str) -> bool {
    let n = inner.chars().count();
    (2..=MAX_CODE_CHARS).contains(&n)
        && inner.chars().next().is_some_and(char::is_uppercase)
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_uppercase())
        && inner.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The codes `text` defines: each "(CODE)" right after a body's name,
/// the name running back to the nearest capitalised head of a body's name
/// ("Phòng", "Trung tâm") within the sentence.
pub(super) fn defined_codes(text: &str) -> Vec<Code> {
    let mut out = Vec::new();
    for (o, _) in text.match_indices('(') {
        let Some(inner) = text.get(o + 1..).and_then(|r| r.split(')').next()) else {
            continue;
        };
        if !text
            .get(o + 1 + inner.len()..)
            .is_some_and(|r| r.starts_with(')'))
        {
            continue;
        }
        let code = if is_code(inner) {
            inner
        } else if let Some(form) = short_form(inner) {
            form
        } else {
            continue;
        };
        let before = text.get(..o).unwrap_or("");
        if !before.ends_with(' ') {
            continue;
        }
        let before = before.trim_end();
        let words = super::super::text::words_at(before);
        let mut name = None;
        for &(at, w) in words.iter().rev().take(MAX_CODED_NAME_WORDS) {
            if w.ends_with(['.', ';', ':']) || w.contains(['(', ')']) {
                break;
            }
            let rest = before.get(at..).unwrap_or("");
            if crate::agency::opens_with_head(rest) {
                name = Some(rest);
                break;
            }
        }
        // A short form in words names the body only when it keeps the
        // name's first word ("Phòng QLN&TTBĐS" for "Phòng Quản lý …"):
        // "(sau đây gọi tắt là Đề án)" after a body's name is no name of
        // that body.
        let keeps_head = |name: &str| {
            is_code(code)
                || name.split_whitespace().next().map(super::super::text::key)
                    == code.split_whitespace().next().map(super::super::text::key)
        };
        if let Some(name) = name.filter(|n| keeps_head(n)) {
            out.push(Code {
                name: name.to_string(),
                code: code.to_string(),
                written: format!("{name} ({inner})"),
            });
        }
    }
    out
}

/// `text` with each defined name written with its code ("Phòng X (PC10)")
/// cut to its code ("PC10"), for the readers of roles.
pub(super) fn to_codes<'a>(text: &'a str, codes: &[Code]) -> Cow<'a, str> {
    if codes.is_empty() || !text.contains('(') {
        return Cow::Borrowed(text);
    }
    let mut out = Cow::Borrowed(text);
    for c in codes {
        if out.contains(c.written.as_str()) {
            out = Cow::Owned(out.replace(c.written.as_str(), &c.code));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_a_comma_defines_its_code() {
        let t = "Trung tâm Y tế (TTYT) chủ trì, phối hợp với Phòng Quản lý \
                 xuất, nhập cảnh (PA08) và đề nghị các đơn vị (ĐV).";
        let got: Vec<(String, String)> = defined_codes(t)
            .into_iter()
            .map(|c| (c.code, c.name))
            .collect();
        assert_eq!(
            got,
            [
                ("TTYT".to_string(), "Trung tâm Y tế".to_string()),
                (
                    "PA08".to_string(),
                    "Phòng Quản lý xuất, nhập cảnh".to_string()
                ),
            ]
        );
        assert_eq!(
            to_codes(t, &defined_codes(t)),
            "TTYT chủ trì, phối hợp với PA08 và đề nghị các đơn vị (ĐV)."
        );
        // A parenthesis that is no code defines none.
        assert!(defined_codes("Phòng Hậu cần (cơ quan thường trực)").is_empty());
    }
}
