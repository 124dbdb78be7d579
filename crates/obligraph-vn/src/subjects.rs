//! Key subjects a task names: international instruments (CAT, ICCPR, …)
//! and national decisions cited by number. Two tasks that name different
//! subjects of one kind are about different things, however many other
//! words they share ("Tuyên truyền … Công ước ICCPR" is not "Tuyên truyền
//! … Công ước CAT").
//!
//! The names are the ones the corpus and the national decisions use, with
//! the acronym the plans put beside them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

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

/// Words that only lead into a list ("trong đó lưu ý: - …", "cụ thể như
/// sau:"): a piece of a task that is nothing else asks nothing (lower
/// case, NFC).
pub const LIST_LEAD_INS: &[&str] = &[
    "lưu ý",
    "chú ý",
    "cụ thể",
    "cụ thể như sau",
    "như sau",
    "gồm",
    "bao gồm",
    "trong đó",
    "trong đó lưu ý",
];

/// Words that point at what follows them ("trong đó lưu ý nhóm người
/// khuyết tật"): at the head of an item they are not what it asks (lower
/// case, NFC).
pub const POINTING_WORDS: &[&str] = &["lưu ý", "chú ý"];

/// [`ENUMERATION_MARKERS`] in one automaton (every occurrence reported,
/// overlapping ones too); `None` if it could not be built.
static MARKERS: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(ENUMERATION_MARKERS).ok());

/// The first enumeration marker ([`ENUMERATION_MARKERS`]) in `lower` (a
/// text in lower case): where it starts and its length, the shortest of
/// those starting there; `None` when it holds none. The text is read once
/// for all the markers (this runs on every clause of every parent task).
pub fn first_enumeration_marker(lower: &str) -> Option<(usize, usize)> {
    match &*MARKERS {
        Some(ac) => ac
            .find_overlapping_iter(lower)
            .map(|m| (m.start(), m.len()))
            .min(),
        None => ENUMERATION_MARKERS
            .iter()
            .filter_map(|m| lower.find(m).map(|at| (at, m.len())))
            .min(),
    }
}

/// Words that point back at a list written in another item of the same
/// plan ("nạn nhân của các hành vi **nêu tại** mục 4 phần này"), lower
/// case, NFC: what they point at is read as written there.
pub const LIST_POINTERS: &[&str] = &["nêu tại", "nêu ở", "đã nêu tại", "đã nêu ở"];

/// An item of the same plan a text points back at for a list
/// ([`LIST_POINTERS`]): "các hành vi nêu tại mục 4 phần này".
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListPointer {
    /// The item's number or letter as written ("4", "b").
    pub mark: String,
    /// Whether it is a lettered point ("điểm b": a sibling of the
    /// pointing item's own point) rather than a numbered item ("mục 4",
    /// "khoản 4": an item of the part).
    pub point: bool,
    /// The part named ("phần II", "Mục II"), upper case; `None` for the
    /// pointing item's own part ("phần này", or none written).
    pub part: Option<String>,
}

/// The items `text` points back at for a list ([`ListPointer`]); empty
/// when it points at none. Only a pointer word followed by "mục", "khoản"
/// or "điểm" and a mark is read: "quy định tại Điều 5" names a law.
pub fn list_pointers(text: &str) -> Vec<ListPointer> {
    list_pointers_of_lower(&lower_nfc(text))
}

/// [`list_pointers`] of a text already in lower case and NFC
/// ([`lower_nfc`]), for a caller that lowers it for other readings too.
pub fn list_pointers_of_lower(lower: &str) -> Vec<ListPointer> {
    let mut out = Vec::new();
    for word in LIST_POINTERS {
        for (at, _) in lower.match_indices(word) {
            let rest = lower.get(at + word.len()..).unwrap_or("");
            let words: Vec<&str> = rest
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | ')' | '(' | ':')))
                .take(6)
                .collect();
            let (kind, mark) = match words.as_slice() {
                ["các", k, m, ..] | [k, m, ..] => (*k, *m),
                _ => continue,
            };
            let point = match kind {
                "mục" | "khoản" => false,
                "điểm" => true,
                _ => continue,
            };
            let numbered = !mark.is_empty() && mark.chars().all(|c| c.is_ascii_digit());
            let lettered = mark.chars().count() == 1 && mark.chars().all(char::is_alphabetic);
            if point && !lettered || !point && !numbered {
                continue;
            }
            // "phần II" / "Mục II" after the mark names the part.
            let after: Vec<&str> = words
                .iter()
                .skip_while(|w| **w != mark)
                .skip(1)
                .copied()
                .collect();
            let part = match after.as_slice() {
                ["phần" | "mục", p, ..]
                    if *p != "này"
                        && !p.is_empty()
                        && p.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) =>
                {
                    Some(p.to_uppercase())
                }
                _ => None,
            };
            let found = ListPointer {
                mark: mark.to_string(),
                point,
                part,
            };
            if !out.contains(&found) {
                out.push(found);
            }
        }
    }
    out
}

/// Words a number belongs to ("lần thứ 4", "khoản 2", "năm 2030"): a
/// number after one of them is part of the text, not the number of the
/// next item of a list (lower case, NFC).
pub const NUMBERED_BY: &[&str] = &[
    "thứ", "số", "khoản", "điều", "điểm", "mục", "năm", "tháng", "ngày",
];

/// Kinds of a report (lower case, NFC), as drafters list them after
/// "báo cáo": "Xây dựng Báo cáo hàng năm, sơ kết, tổng kết về …" asks for
/// three reports, and a derived plan that writes only the annual one
/// drops two. Read from the reporting clauses of the five seeds and the
/// national decisions (QĐ 2715, QĐ 87: "sơ kết hằng năm", "tổng kết 05
/// năm", "định kỳ 06 tháng", "đột xuất").
pub const REPORT_KINDS: &[&str] = &[
    "hằng năm",
    "hàng năm",
    "hằng quý",
    "hàng quý",
    "hằng tháng",
    "hàng tháng",
    "6 tháng",
    "06 tháng",
    "sáu tháng",
    "định kỳ",
    "sơ kết",
    "tổng kết",
    "giữa kỳ",
    "chuyên đề",
    "đột xuất",
];

/// The kinds of [`REPORT_KINDS`] by what they ask (lower case, NFC): a
/// report of one kind is not a report of another ("báo cáo sơ kết hằng
/// năm" does not give the "báo cáo tổng kết 05 năm"). The periodic kind
/// ("định kỳ") is any of [`PERIODIC_REPORT_KINDS`].
pub const REPORT_KIND_GROUPS: &[(&str, &[&str])] = &[
    ("annual", &["hằng năm", "hàng năm"]),
    ("quarterly", &["hằng quý", "hàng quý"]),
    ("monthly", &["hằng tháng", "hàng tháng"]),
    ("six-monthly", &["sáu tháng"]),
    ("periodic", &["định kỳ"]),
    ("preliminary review", &["sơ kết"]),
    ("final review", &["tổng kết"]),
    ("mid-term", &["giữa kỳ"]),
    ("thematic", &["chuyên đề"]),
    ("ad hoc", &["đột xuất"]),
];

/// The name, in [`REPORT_KIND_GROUPS`], of the periodic kind, and of the
/// kinds it stands for.
pub const PERIODIC_REPORT_KINDS: (&str, &[&str]) = (
    "periodic",
    &["annual", "quarterly", "monthly", "six-monthly"],
);

/// Words by which the subject of a task's sentence answers for it ("Sở Y
/// tế chịu trách nhiệm …", "Các phòng, ban … có trách nhiệm tổ chức …";
/// lower case, NFC): what precedes them is who does the task.
pub const RESPONSIBILITY_WORDS: &[&str] = &["có trách nhiệm", "chịu trách nhiệm"];

/// Words that open a qualifier of the piece before them rather than a
/// duty of their own: a place ("trên địa bàn", "tại"), a purpose ("để",
/// "nhằm"), a manner ("phù hợp với"). Lower case, NFC.
pub const QUALIFIER_OPENERS: &[&str] = &[
    "trên địa bàn",
    "tại ",
    "để ",
    "nhằm ",
    "góp phần ",
    "từ đó",
    "qua đó",
    "phù hợp với",
    "theo quy định",
    "theo hướng",
];

/// Suffixes of national decisions' numbers: the Prime Minister's
/// decisions and directives, the Government's resolutions and decrees.
const NATIONAL_SUFFIXES: &[&str] = &["/qđ-ttg", "/ct-ttg", "/nq-cp", "/nđ-cp"];

/// The instruments' names of several words in one automaton (standard
/// semantics: every occurrence is reported, overlapping ones too), with
/// the key of the instrument each belongs to; `None` if it could not be
/// built (the scans by name then run one by one).
static NAMES: LazyLock<Option<(AhoCorasick, Vec<&'static str>)>> = LazyLock::new(|| {
    let (names, owners): (Vec<&str>, Vec<&str>) = INSTRUMENTS
        .iter()
        .flat_map(|(key, names)| names.iter().filter(|n| n.contains(' ')).map(|n| (*n, *key)))
        .unzip();
    AhoCorasick::new(names).ok().map(|ac| (ac, owners))
});

/// The instruments each name of [`INSTRUMENTS`] belongs to, in the
/// list's order: a word is looked up once, not compared with every name.
static BY_NAME: LazyLock<rustc_hash::FxHashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut m: rustc_hash::FxHashMap<&str, Vec<&str>> = Default::default();
        for (key, names) in INSTRUMENTS {
            for n in *names {
                let keys = m.entry(*n).or_default();
                if !keys.contains(key) {
                    keys.push(key);
                }
            }
        }
        m
    });

/// Whether `hay[at..]` starts a whole word (the byte before is not a
/// letter or digit).
fn word_start(hay: &str, at: usize) -> bool {
    hay.get(..at)
        .and_then(|h| h.chars().next_back())
        .is_none_or(|c| !crate::normalize::is_alphanumeric(c))
}

fn word_end(hay: &str, end: usize) -> bool {
    hay.get(end..)
        .and_then(|h| h.chars().next())
        .is_none_or(|c| !crate::normalize::is_alphanumeric(c))
}

/// The key subjects `text` names, sorted, without repeats.
///
/// One pass over the words finds the acronyms, one pass of an automaton
/// the longer names, and the decisions are looked for only in a text with
/// a "/": this runs on every derived text an audit meets.
pub fn key_subjects(text: &str) -> Vec<Subject> {
    key_subjects_of_lower(&lower_nfc(text))
}

/// [`key_subjects`] of a text already in lower case and NFC
/// ([`lower_nfc`]): for a caller that reads the lower-case text too.
pub fn key_subjects_of_lower(lower: &str) -> Vec<Subject> {
    let mut out = Vec::new();
    let instrument = |key: &str| Subject {
        kind: SubjectKind::Instrument,
        key: key.to_string(),
    };
    for word in lower.split(|c: char| !crate::normalize::is_alphanumeric(c)) {
        if word.len() < 3 || !word.is_ascii() {
            continue;
        }
        for key in BY_NAME.get(word).map_or(&[][..], Vec::as_slice) {
            out.push(instrument(key));
        }
    }
    // The names of several words, all at once: an instrument is named
    // when one of its names occurs as whole words.
    match &*NAMES {
        Some((ac, owners)) => {
            for m in ac.find_overlapping_iter(lower) {
                if word_start(lower, m.start()) && word_end(lower, m.end()) {
                    if let Some(key) = owners.get(m.pattern().as_usize()) {
                        out.push(instrument(key));
                    }
                }
            }
        }
        None => {
            for (key, names) in INSTRUMENTS {
                let named = names.iter().filter(|n| n.contains(' ')).any(|n| {
                    lower
                        .match_indices(n)
                        .any(|(at, m)| word_start(lower, at) && word_end(lower, at + m.len()))
                });
                if named {
                    out.push(instrument(key));
                }
            }
        }
    }
    if lower.contains('/') {
        for suffix in NATIONAL_SUFFIXES {
            for (at, _) in lower.match_indices(suffix) {
                if let Some((_, number)) = number_before(lower, at) {
                    out.push(Subject {
                        kind: SubjectKind::NationalDecision,
                        key: format!("{number}{suffix}"),
                    });
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The number written just before byte `at` of `lower` (a decision's
/// suffix starts there): where its digits start, and the number without
/// its leading zeros; `None` when no digit stands there.
fn number_before(lower: &str, at: usize) -> Option<(usize, &str)> {
    let head = lower.get(..at)?;
    let start = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (start < at).then(|| (start, head[start..].trim_start_matches('0')))
}

/// The citation of national decision `key` (a [`SubjectKind::NationalDecision`]
/// key, "1079/qđ-ttg") as `text` writes it: its number with the suffix,
/// and the words naming the act just before it ("Quyết định số
/// 1079/QĐ-TTg"); `None` when `text` does not cite it.
pub fn decision_as_written<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    const ACTS: &[&str] = &[
        "quyết định số ",
        "chỉ thị số ",
        "nghị quyết số ",
        "nghị định số ",
    ];
    let (number, suffix) = key.split_at(key.find('/')?);
    // (Places in `lower` are places in `text` only when lowering kept the
    // length.)
    let lower = lower_nfc(text);
    if lower.len() != text.len() {
        return None;
    }
    lower.match_indices(suffix).find_map(|(at, _)| {
        let (start, n) = number_before(&lower, at)?;
        (n == number).then(|| {
            let act = ACTS
                .iter()
                .find(|a| lower[..start].ends_with(*a))
                .map_or(start, |a| start - a.len());
            text.get(act..at + suffix.len())
        })?
    })
}

/// Which levels a task's *kind* reaches, whoever leads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TaskScope {
    /// Needs a competence only the national and provincial levels have
    /// (making and reviewing law, court and procuracy work, treaty reports
    /// and dialogues, international cooperation, national databases),
    /// even when its lead has a counterpart below. The phrase that says so.
    Competence(&'static str),
    /// Reaches the grassroots (dissemination, legal aid, complaints and
    /// citizen reception, vulnerable groups, domestic violence, human
    /// trafficking, mediation), even when a provincial department leads.
    Grassroots(&'static str),
}

impl TaskScope {
    /// Whether a district (cấp huyện) holds the competence too: it has a
    /// court, a procuracy and police custody of its own, and issues and
    /// reviews legal documents of its own ([`DISTRICT_HELD`]). Treaty
    /// reports and dialogues, making and improving national law,
    /// international cooperation and national databases stay with the
    /// province and above. A grassroots task reaches every level: `true`.
    pub fn held_by_districts(&self) -> bool {
        match self {
            TaskScope::Competence(why) => DISTRICT_HELD.contains(why),
            TaskScope::Grassroots(_) => true,
        }
    }
}

/// The competences of [`COMPETENCE`] a district holds as well (by their
/// "what"): see [`TaskScope::held_by_districts`].
const DISTRICT_HELD: &[&str] = &[
    "court and procuracy work",
    "court work",
    "places of detention",
    "reviewing legal documents",
];

/// Phrases of competence-bound tasks (lower case, NFC), with what they
/// are; "^" marks a phrase that counts only at the start of the text. Read from the five seeds and QĐ 2715 / QĐ 87.
const COMPETENCE: &[(&str, &str)] = &[
    // The appendix rows of a law review open with the field ("Pháp luật về
    // tình trạng khẩn cấp", "Lĩnh vực lao động (trong đó …)"): only at the
    // start ("^").
    ("^pháp luật về", "law of a field"),
    ("^lĩnh vực", "law of a field"),
    ("nội luật hóa", "bringing a treaty into national law"),
    ("hoàn thiện pháp luật", "improving the law"),
    ("hoàn thiện khuôn khổ pháp luật", "improving the law"),
    ("hoàn thiện các quy định", "improving the law"),
    ("rà soát quy định pháp luật", "reviewing the law"),
    ("rà soát, đánh giá tính tương thích", "reviewing the law"),
    (
        "rà soát, thống kê các văn bản quy phạm pháp luật",
        "reviewing the law",
    ),
    ("dự thảo luật", "drafting law"),
    ("tương thích", "compatibility of law with a treaty"),
    ("hoàn thiện quy định", "improving the law"),
    ("hoạt động tố tụng", "court and procuracy work"),
    ("tiến hành tố tụng", "court and procuracy work"),
    ("cơ sở giam giữ", "places of detention"),
    ("điều tra, truy tố, xét xử", "court and procuracy work"),
    ("xét xử", "court work"),
    ("báo cáo quốc gia", "national reports under a treaty"),
    // "Tham gia ý kiến vào dự thảo Báo cáo định kỳ, đột xuất theo quy
    // định của Công ước": the treaty's periodic report, however named.
    ("dự thảo báo cáo định kỳ", "national reports under a treaty"),
    (
        "theo quy định của công ước",
        "national reports under a treaty",
    ),
    // Legal normative documents are made and reviewed by the levels that
    // issue them ("rà soát, … đánh giá việc thực hiện … văn bản quy phạm
    // pháp luật của thành phố, quận với các quy định của Công ước").
    ("văn bản quy phạm pháp luật", "reviewing legal documents"),
    ("báo cáo giữa kỳ", "national reports under a treaty"),
    ("đối thoại", "dialogue with a treaty body"),
    ("hợp tác quốc tế", "international cooperation"),
    ("cơ sở dữ liệu quốc gia", "a national database"),
    ("học tập kinh nghiệm", "learning from other countries"),
    ("hỗ trợ kỹ thuật", "international technical assistance"),
];

/// Phrases of tasks that reach the grassroots (lower case, NFC).
const GRASSROOTS: &[(&str, &str)] = &[
    ("tuyên truyền", "dissemination"),
    ("phổ biến", "dissemination"),
    ("truyền thông", "dissemination"),
    ("giáo dục pháp luật", "dissemination"),
    ("trợ giúp pháp lý", "access to legal aid"),
    ("khiếu nại", "complaints"),
    ("tiếp công dân", "citizen reception"),
    ("hòa giải", "mediation"),
    ("bạo lực gia đình", "domestic violence"),
    ("mua bán người", "human trafficking"),
    ("người khuyết tật", "vulnerable groups"),
    ("trẻ em", "vulnerable groups"),
    ("người cao tuổi", "vulnerable groups"),
    ("dân tộc thiểu số", "vulnerable groups"),
    // A group that is vulnerable, not a degree of vulnerability ("giảm
    // mức độ dễ bị tổn thương" trước biến đổi khí hậu).
    ("nhóm dễ bị tổn thương", "vulnerable groups"),
    ("đối tượng dễ bị tổn thương", "vulnerable groups"),
    ("yếu thế dễ bị tổn thương", "vulnerable groups"),
    ("người dễ bị tổn thương", "vulnerable groups"),
    ("bình đẳng giới", "gender equality"),
    // Every level's duty: the Law on Anti-corruption binds every agency,
    // and the drug-prevention programme is carried out in each commune
    // ("xã, phường không ma túy").
    ("tham nhũng", "anti-corruption"),
    ("ma túy", "drug prevention"),
];

/// The scope of a task under its section titles (innermost first): a
/// section that is about a competence ("Phối hợp … rà soát, nội luật hóa
/// và hoàn thiện khuôn khổ pháp luật", "… trong hoạt động tố tụng hình
/// sự", "Các hoạt động hợp tác quốc tế … nghĩa vụ báo cáo") makes every
/// task in it competence-bound, whatever the task's own words; otherwise
/// the task's own words decide ([`task_scope`]).
pub fn task_scope_in<'a>(
    text: &str,
    sections: impl IntoIterator<Item = &'a str>,
) -> Option<TaskScope> {
    for title in sections {
        if let Some(TaskScope::Competence(why)) = task_scope(title) {
            // A report on the plan itself ("Xây dựng Báo cáo hàng năm, sơ
            // kết, tổng kết về tình hình thực hiện Kế hoạch") under a
            // section about treaty reports is a link of the plan's
            // reporting chain, which every level that carries the plan
            // out climbs.
            if let Some(why) = plan_report(text) {
                return Some(TaskScope::Grassroots(why));
            }
            return Some(TaskScope::Competence(why));
        }
    }
    task_scope(text)
}

/// What the plan's own reports are about (lower case, NFC): a task that
/// writes a report ("báo cáo") on one of these is a link of the plan's
/// reporting chain, not a treaty report.
const PLAN_REPORT_SUBJECTS: &[&str] = &["thực hiện kế hoạch", "triển khai kế hoạch"];

/// `Some` when `text` is a report on the plan's own implementation (see
/// [`PLAN_REPORT_SUBJECTS`]).
fn plan_report(text: &str) -> Option<&'static str> {
    let lower = lower_nfc(text);
    (lower.contains("báo cáo") && PLAN_REPORT_SUBJECTS.iter().any(|s| lower.contains(s)))
        .then_some("reporting on the plan")
}

/// The scope of a task by its head: the phrase of either list that comes
/// first in its text decides ("Tuyên truyền … Báo cáo quốc gia lần thứ
/// tư" is dissemination; "Rà soát quy định pháp luật … tuyên truyền" is
/// law review). `None` when neither list speaks.
pub fn task_scope(text: &str) -> Option<TaskScope> {
    // Folded (lower case, one tone placement): "hoà giải" is "hòa giải",
    // "ma tuý" is "ma túy", whichever a drafter types.
    let lower = crate::normalize::fold(
        text.trim_start_matches(|c: char| !crate::normalize::is_alphanumeric(c)),
    );
    let first =
        |list: &'static [(&'static str, &'static str)], phrases: &Option<Phrases>| match phrases {
            Some(p) => p.first(&lower),
            None => list
                .iter()
                .filter_map(|(p, why)| match p.strip_prefix('^') {
                    Some(head) => lower
                        .starts_with(&crate::normalize::fold(head))
                        .then_some((0, *why)),
                    None => lower.find(&crate::normalize::fold(p)).map(|at| (at, *why)),
                })
                .min_by_key(|(at, _)| *at),
        };
    match (
        first(COMPETENCE, &COMPETENCE_PHRASES),
        first(GRASSROOTS, &GRASSROOTS_PHRASES),
    ) {
        (Some((a, why)), Some((b, _))) if a < b => Some(TaskScope::Competence(why)),
        (Some((_, why)), None) => Some(TaskScope::Competence(why)),
        (_, Some((_, why))) => Some(TaskScope::Grassroots(why)),
        (None, None) => None,
    }
}

/// A list of phrases ([`COMPETENCE`], [`GRASSROOTS`]) as one automaton:
/// [`Phrases::first`] is the phrase the list's scan by `find` picks (the
/// earliest, the first in the list among those at one place).
struct Phrases {
    /// The phrases without "^", leftmost-first: at the leftmost place a
    /// phrase matches, the first of the list wins.
    anywhere: AhoCorasick,
    /// Each of those phrases' place in the list, and what it is.
    anywhere_of: Vec<(usize, &'static str)>,
    /// The phrases with "^" (without it, folded), their place in the
    /// list, what they are.
    at_start: Vec<(String, usize, &'static str)>,
}

impl Phrases {
    fn new(list: &'static [(&'static str, &'static str)]) -> Option<Phrases> {
        let mut anywhere = Vec::new();
        let mut anywhere_of = Vec::new();
        let mut at_start = Vec::new();
        // Folded as the text is ([`crate::normalize::fold`]).
        for (i, (p, why)) in list.iter().enumerate() {
            match p.strip_prefix('^') {
                Some(head) => at_start.push((crate::normalize::fold(head), i, *why)),
                None => {
                    anywhere.push(crate::normalize::fold(p));
                    anywhere_of.push((i, *why));
                }
            }
        }
        let anywhere = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(anywhere)
            .ok()?;
        Some(Phrases {
            anywhere,
            anywhere_of,
            at_start,
        })
    }

    /// The earliest phrase in `lower` (the first of the list among those
    /// at one place), with where it starts.
    fn first(&self, lower: &str) -> Option<(usize, &'static str)> {
        let start = self
            .at_start
            .iter()
            .find(|(head, _, _)| lower.starts_with(head.as_str()))
            .map(|(_, i, why)| (0, *i, *why));
        let found = self.anywhere.find(lower).and_then(|m| {
            let (i, why) = self.anywhere_of.get(m.pattern().as_usize())?;
            Some((m.start(), *i, *why))
        });
        [start, found]
            .into_iter()
            .flatten()
            .min_by_key(|(at, i, _)| (*at, *i))
            .map(|(at, _, why)| (at, why))
    }
}

static COMPETENCE_PHRASES: LazyLock<Option<Phrases>> = LazyLock::new(|| Phrases::new(COMPETENCE));
static GRASSROOTS_PHRASES: LazyLock<Option<Phrases>> = LazyLock::new(|| Phrases::new(GRASSROOTS));

/// Words that name bodies or audiences of the province or the centre
/// ("báo cáo viên pháp luật cấp tỉnh", "cán bộ pháp chế tại các Sở,
/// ngành", "Bộ, ngành Trung ương"), and institutions no commune runs:
/// compulsory drug-rehabilitation centres (run by the province) and
/// reform schools (run by the Ministry of Public Security). Lower case,
/// NFC.
const ABOVE_COMMUNE: &[&str] = &[
    "cấp tỉnh",
    "các sở",
    "sở, ngành",
    "sở, ban, ngành",
    "trung ương",
    "cơ sở cai nghiện bắt buộc",
    "cơ sở giáo dục bắt buộc",
    "trường giáo dưỡng",
];

/// [`ABOVE_COMMUNE`] in one automaton (`None` if it could not be built).
static ABOVE_COMMUNE_WORDS: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(ABOVE_COMMUNE).ok());

/// Whether a part of a task is for the levels above the commune: it names
/// their bodies or audiences, or it is competence-bound ([`task_scope`]).
/// A commune plan is not asked to carry such a part of a province task.
pub fn above_commune(text: &str) -> bool {
    let lower = lower_nfc(text);
    let named = match &*ABOVE_COMMUNE_WORDS {
        Some(ac) => ac.is_match(lower.as_str()),
        None => ABOVE_COMMUNE.iter().any(|w| lower.contains(w)),
    };
    named || matches!(task_scope(text), Some(TaskScope::Competence(_)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_pointers_are_read() {
        let p = list_pointers("nhất là nạn nhân của các hành vi nêu tại mục 4 phần này; trong đó");
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].mark.as_str(), p[0].point, p[0].part.as_deref()),
            ("4", false, None)
        );
        let p = list_pointers("các đối tượng đã nêu ở điểm b, hằng năm");
        assert_eq!((p[0].mark.as_str(), p[0].point), ("b", true));
        let p = list_pointers("các nhóm nêu tại khoản 3 phần II Kế hoạch này");
        assert_eq!(p[0].part.as_deref(), Some("II"));
        // A law's article is no item of the plan.
        assert!(list_pointers("theo quy định tại Điều 5 Luật Tố cáo").is_empty());
        assert!(list_pointers("các nội dung nêu tại Kế hoạch số 12/KH-UBND").is_empty());
    }

    #[test]
    fn list_pointers_of_a_lowered_text_are_those_of_the_text() {
        // Upper case and decomposed marks (NFD) as some editors write them.
        let t = "Hỗ trợ các đối tượng NÊU TẠI Khoản 2 Phần III";
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(t).collect();
        for text in [t, nfd.as_str()] {
            let lowered = list_pointers_of_lower(&lower_nfc(text));
            assert_eq!(lowered, list_pointers(text));
            assert_eq!(
                lowered
                    .iter()
                    .map(|p| (p.mark.as_str(), p.point, p.part.as_deref()))
                    .collect::<Vec<_>>(),
                [("2", false, Some("III"))]
            );
        }
    }

    use super::*;

    #[test]
    fn a_decision_is_quoted_as_the_text_cites_it() {
        let t =
            "Lồng ghép Đề án theo Quyết định số 1309/QĐ-TTg ngày 05/9/2017 và Chỉ thị 03/CT-TTg";
        assert_eq!(keys(t), ["1309/qđ-ttg", "3/ct-ttg"]);
        assert_eq!(
            decision_as_written(t, "1309/qđ-ttg"),
            Some("Quyết định số 1309/QĐ-TTg")
        );
        assert_eq!(decision_as_written(t, "3/ct-ttg"), Some("03/CT-TTg"));
        assert_eq!(decision_as_written(t, "1079/qđ-ttg"), None);
    }

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

    /// The automata give what the scans one phrase at a time give: over
    /// every line of the seeds (and their prefixes and suffixes of a few
    /// words), the earliest phrase of each list and the instruments named.
    #[test]
    fn a_report_on_the_plan_is_not_a_treaty_report() {
        // Đồng Nai part D: "Các hoạt động hợp tác quốc tế, … thực hiện các
        // nghĩa vụ báo cáo định kỳ theo quy định của Công ước ICCPR".
        let section = ["Các hoạt động hợp tác quốc tế, nghiên cứu các điều ước quốc tế có liên quan và thực hiện các nghĩa vụ báo cáo định kỳ"];
        let scope = |t: &str| task_scope_in(t, section);
        assert_eq!(
            scope("Xây dựng Báo cáo hàng năm, sơ kết, tổng kết về tình hình thực hiện Kế hoạch"),
            Some(TaskScope::Grassroots("reporting on the plan"))
        );
        // Another drafter's words for the same duty.
        assert_eq!(
            scope("Báo cáo kết quả triển khai Kế hoạch định kỳ hằng năm"),
            Some(TaskScope::Grassroots("reporting on the plan"))
        );
        // Treaty reports stay with the province.
        assert!(matches!(
            scope("Xây dựng các Báo cáo giữa kỳ về tình hình triển khai các khuyến nghị năm 2025"),
            Some(TaskScope::Competence(_))
        ));
        assert!(matches!(
            scope("Xây dựng, tham gia đối thoại về các Báo cáo quốc gia định kỳ thực hiện Công ước ICCPR"),
            Some(TaskScope::Competence(_))
        ));
        // Outside such a section the task's own words decide, as before.
        assert_eq!(
            task_scope_in("Báo cáo kết quả thực hiện Kế hoạch", []),
            task_scope("Báo cáo kết quả thực hiện Kế hoạch")
        );
    }

    #[test]
    fn automata_agree_with_the_scans() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/seeds");
        let mut texts: Vec<String> = vec![
            "pháp luật về trẻ em".into(),
            "lĩnh vực tuyên truyền, hợp tác quốc tế".into(),
            "xét xử tuyên truyền".into(),
            "công ước chống tra tấn, công ước cat".into(),
        ];
        for e in std::fs::read_dir(dir).expect("seeds").flatten() {
            let t = std::fs::read_to_string(e.path()).unwrap_or_default();
            for line in t.lines() {
                let words: Vec<&str> = line.split(' ').collect();
                for k in [1, 3, 6] {
                    texts.push(words.iter().skip(k).copied().collect::<Vec<_>>().join(" "));
                }
                texts.push(line.to_string());
            }
        }
        assert!(texts.len() > 1000);
        // The phrase lists are read folded, as `task_scope` reads a text.
        let scan = |folded: &str, list: &'static [(&'static str, &'static str)]| {
            let fold = crate::normalize::fold;
            list.iter()
                .filter_map(|(p, why)| match p.strip_prefix('^') {
                    Some(head) => folded.starts_with(&fold(head)).then_some((0, *why)),
                    None => folded.find(&fold(p)).map(|at| (at, *why)),
                })
                .min_by_key(|(at, _)| *at)
        };
        let (mut competence, mut grassroots, mut named) = (0, 0, 0);
        for t in &texts {
            let lower = lower_nfc(t);
            let folded = crate::normalize::fold(t);
            let c = COMPETENCE_PHRASES.as_ref().and_then(|p| p.first(&folded));
            let g = GRASSROOTS_PHRASES.as_ref().and_then(|p| p.first(&folded));
            assert_eq!(c, scan(&folded, COMPETENCE), "{t}");
            assert_eq!(g, scan(&folded, GRASSROOTS), "{t}");
            competence += usize::from(c.is_some());
            grassroots += usize::from(g.is_some());
            let by_scan = ABOVE_COMMUNE.iter().any(|w| lower.contains(w));
            assert_eq!(
                ABOVE_COMMUNE_WORDS.as_ref().map(|a| a.is_match(&lower)),
                Some(by_scan),
                "{t}"
            );
            let mut one_by_one: Vec<&str> = INSTRUMENTS
                .iter()
                .filter(|(_, names)| {
                    names.iter().filter(|n| n.contains(' ')).any(|n| {
                        lower
                            .match_indices(n)
                            .any(|(at, m)| word_start(&lower, at) && word_end(&lower, at + m.len()))
                    })
                })
                .map(|(k, _)| *k)
                .collect();
            let mut at_once: Vec<&str> = NAMES
                .as_ref()
                .map(|(ac, owners)| {
                    ac.find_overlapping_iter(lower.as_str())
                        .filter(|m| word_start(&lower, m.start()) && word_end(&lower, m.end()))
                        .filter_map(|m| owners.get(m.pattern().as_usize()).copied())
                        .collect()
                })
                .unwrap_or_default();
            one_by_one.dedup();
            at_once.sort_unstable();
            at_once.dedup();
            one_by_one.sort_unstable();
            assert_eq!(at_once, one_by_one, "{t}");
            named += usize::from(!at_once.is_empty());
            // The one-word names, looked up as scanned.
            for word in lower.split(|c: char| !crate::normalize::is_alphanumeric(c)) {
                let scanned: Vec<&str> = INSTRUMENTS
                    .iter()
                    .filter(|(_, names)| names.contains(&word))
                    .map(|(k, _)| *k)
                    .collect();
                let looked_up = BY_NAME.get(word).cloned().unwrap_or_default();
                assert_eq!(looked_up, scanned, "{word}");
            }
        }
        // The texts exercise every branch.
        assert!(
            competence > 10 && grassroots > 10 && named > 3,
            "{competence} {grassroots} {named}"
        );
    }

    #[test]
    fn scope_by_the_head_phrase() {
        let c = |t| matches!(task_scope(t), Some(TaskScope::Competence(_)));
        let g = |t| matches!(task_scope(t), Some(TaskScope::Grassroots(_)));
        assert!(g(
            "Tuyên truyền, phổ biến nội dung Công ước ICCPR, Báo cáo quốc gia lần thứ tư"
        ));
        assert!(c(
            "Pháp luật về phòng, chống bạo lực gia đình (nhằm hoàn thiện các quy định)"
        ));
        assert!(c(
            "Xây dựng các Báo cáo giữa kỳ về tình hình triển khai các khuyến nghị"
        ));
        assert!(g(
            "Nâng cao hiệu quả tiếp nhận khiếu nại, tố cáo theo hướng thuận tiện"
        ));
        assert_eq!(task_scope("Tổ chức thực hiện Kế hoạch"), None);
        // A treaty report however named, and legal normative documents.
        assert!(c(
            "Góp ý dự thảo Báo cáo định kỳ lần thứ hai về thực hiện Công ước về quyền của người khuyết tật"
        ));
        assert!(c(
            "Cho ý kiến vào báo cáo thực hiện theo quy định của Công ước (khi có yêu cầu)"
        ));
        assert!(c(
            "Đánh giá sự phù hợp của văn bản quy phạm pháp luật của tỉnh với Công ước"
        ));
        assert!(g(
            "Tuyên truyền các văn bản quy phạm pháp luật mới ban hành đến Nhân dân"
        ));
        // A vulnerable group reaches the grassroots; a degree of
        // vulnerability (to a changing climate) names no group.
        assert!(g("Hỗ trợ người dễ bị tổn thương tiếp cận dịch vụ công"));
        assert!(g(
            "bảo đảm quyền của nhóm đối tượng yếu thế dễ bị tổn thương"
        ));
        assert_eq!(
            task_scope("Kế hoạch thích ứng nhằm giảm mức độ dễ bị tổn thương trước thiên tai"),
            None
        );
        // Anti-corruption and drug prevention are every level's duty.
        assert!(g(
            "Triển khai Chiến lược quốc gia phòng, chống tham nhũng, tiêu cực"
        ));
        assert!(g("Thực hiện Chương trình phòng, chống ma túy trên địa bàn"));
        // Either tone placement.
        assert!(g("Thực hiện Chương trình phòng, chống ma tuý trên địa bàn"));
        assert!(g("Nâng cao chất lượng hoà giải ở cơ sở"));
        assert!(c("Tiếp tục nội luật hoá các quy định của Công ước"));
    }

    #[test]
    fn parts_for_the_levels_above() {
        assert!(above_commune("Các cán bộ pháp chế tại các Sở, ngành"));
        assert!(above_commune("báo cáo viên pháp luật cấp tỉnh"));
        assert!(above_commune("số liệu điều tra, truy tố, xét xử và bản án"));
        assert!(!above_commune("tuyên truyền viên pháp luật cấp xã"));
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
