//! Key subjects a task names: international instruments (CAT, ICCPR, …)
//! and national decisions cited by number. Two tasks that name different
//! subjects of one kind are about different things, however many other
//! words they share ("Tuyên truyền … Công ước ICCPR" is not "Tuyên truyền
//! … Công ước CAT").
//!
//! The names are the ones the corpus and the national decisions use, with
//! the acronym the plans put beside them.

use crate::normalize::lower_nfc;

/// What kind of key subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SubjectKind {
    /// An international human-rights instrument or mechanism.
    Instrument,
    /// A decision or resolution of the Prime Minister or the Government,
    /// cited by number ("87/QĐ-TTg").
    NationalDecision,
}

/// A key subject: its kind and a canonical key ("cat", "87/qđ-ttg").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subject {
    /// The kind.
    pub kind: SubjectKind,
    /// The canonical key.
    pub key: String,
}

/// Instruments: canonical key and the lower-case phrases that name it.
/// "tra tấn" alone is not enough (the ICCPR forbids torture too): only the
/// convention's name and its committee name it.
const INSTRUMENTS: &[(&str, &[&str])] = &[
    (
        "cat",
        &[
            "công ước cat",
            "công ước chống tra tấn",
            "công ước của liên hợp quốc về chống tra tấn",
            "công ước về chống tra tấn",
            "ủy ban chống tra tấn",
            "uỷ ban chống tra tấn",
        ],
    ),
    (
        "iccpr",
        &[
            "iccpr",
            "công ước quốc tế về các quyền dân sự và chính trị",
            "công ước về các quyền dân sự và chính trị",
            "ủy ban nhân quyền",
            "uỷ ban nhân quyền",
        ],
    ),
    (
        "icescr",
        &[
            "icescr",
            "công ước quốc tế về các quyền kinh tế, xã hội và văn hóa",
            "công ước quốc tế về các quyền kinh tế, xã hội và văn hoá",
        ],
    ),
    (
        "crpd",
        &[
            "crpd",
            "công ước về quyền của người khuyết tật",
            "công ước quyền của người khuyết tật",
        ],
    ),
    (
        "cedaw",
        &[
            "cedaw",
            "công ước về xóa bỏ mọi hình thức phân biệt đối xử với phụ nữ",
            "công ước về xoá bỏ mọi hình thức phân biệt đối xử với phụ nữ",
        ],
    ),
    (
        "crc",
        &[
            "công ước về quyền trẻ em",
            "công ước quyền trẻ em",
            "công ước crc",
        ],
    ),
    (
        "icerd",
        &[
            "icerd",
            "cerd",
            "công ước quốc tế về xóa bỏ mọi hình thức phân biệt chủng tộc",
            "công ước quốc tế về xoá bỏ mọi hình thức phân biệt chủng tộc",
        ],
    ),
    (
        "uncac",
        &[
            "uncac",
            "công ước liên hợp quốc về chống tham nhũng",
            "công ước của liên hợp quốc về chống tham nhũng",
        ],
    ),
    (
        "upr",
        &["upr", "rà soát định kỳ phổ quát", "cơ chế rà soát định kỳ"],
    ),
];

/// Words that open an enumeration or a named part inside a task (lower
/// case, NFC): what follows is one element of the task per item ("Tuyên
/// truyền …, nhất là quyền bầu cử, quyền tự do tín ngưỡng"). Read from the
/// five seeds and the national decisions.
pub const ENUMERATION_MARKERS: &[&str] = &[
    "nhất là",
    "trong đó",
    "bao gồm",
    "gồm:",
    "như:",
    "đặc biệt là",
    "chú trọng",
    "tập trung vào",
];

/// Suffixes of national decisions' numbers: the Prime Minister's
/// decisions and directives, the Government's resolutions and decrees.
const NATIONAL_SUFFIXES: &[&str] = &["/qđ-ttg", "/ct-ttg", "/nq-cp", "/nđ-cp"];

/// Whether `hay[at..]` starts a whole word (the byte before is not a
/// letter or digit).
fn word_start(hay: &str, at: usize) -> bool {
    hay.get(..at)
        .and_then(|h| h.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

fn word_end(hay: &str, end: usize) -> bool {
    hay.get(end..)
        .and_then(|h| h.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The key subjects `text` names, sorted, without repeats.
pub fn key_subjects(text: &str) -> Vec<Subject> {
    let lower = lower_nfc(text);
    let mut out = Vec::new();
    for (key, names) in INSTRUMENTS {
        let named = names.iter().any(|n| {
            lower
                .match_indices(n)
                .any(|(at, m)| word_start(&lower, at) && word_end(&lower, at + m.len()))
        });
        if named {
            out.push(Subject {
                kind: SubjectKind::Instrument,
                key: (*key).to_string(),
            });
        }
    }
    for suffix in NATIONAL_SUFFIXES {
        for (at, _) in lower.match_indices(suffix) {
            let head = lower.get(..at).unwrap_or("");
            let digits: String = head
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if !digits.is_empty() {
                let number = digits.trim_start_matches('0');
                out.push(Subject {
                    kind: SubjectKind::NationalDecision,
                    key: format!("{number}{suffix}"),
                });
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str) -> Vec<String> {
        key_subjects(t).into_iter().map(|s| s.key).collect()
    }

    #[test]
    fn instruments_by_acronym_and_name() {
        assert_eq!(keys("Tuyên truyền, phổ biến Công ước ICCPR"), ["iccpr"]);
        assert_eq!(
            keys("Tiếp tục triển khai thực hiện Công ước CAT và các khuyến nghị phù hợp của Ủy ban chống tra tấn"),
            ["cat"]
        );
        assert_eq!(
            keys("Công ước quốc tế về các quyền dân sự và chính trị trên địa bàn tỉnh"),
            ["iccpr"]
        );
        // Torture alone names no instrument.
        assert!(keys("phòng, chống tra tấn trong hoạt động tư pháp").is_empty());
        // Acronyms are whole words: "CATP" (Công an thành phố) is not CAT.
        assert!(keys("CATP chủ trì").is_empty());
        assert!(keys("icatpr").is_empty());
    }

    #[test]
    fn national_decisions_by_number() {
        assert_eq!(
            keys("theo Quyết định số 364/QĐ-TTg ngày 17/3/2015 và 087/QĐ-TTg"),
            ["364/qđ-ttg", "87/qđ-ttg"]
        );
        assert!(keys("Kế hoạch số 108/KH-UBND").is_empty());
    }
}
