//! The words the matcher reads specially, in one place: function words
//! that carry no topic, words that name a level or a kind of body (they
//! differ between counterparts: "Sở Tư pháp" / "Phòng Tư pháp"), and the
//! abbreviations plans use, expanded before texts are compared.
//!
//! Also the cleanup that gives the text of a task as matching reads it
//! ([`matching_text`]).
//!
//! All lower case, NFC. The agency resolver ([`crate::agency`]) reads the
//! same abbreviations, with the ones only safe inside an agency's name
//! (`ct`, `ca`, `vp` …) on top (`in_text: false`).

/// What a column of an appendix task table holds (STT · Nội dung nhiệm
/// vụ · Cơ quan chủ trì · Cơ quan phối hợp · Thời gian hoàn thành · Kết
/// quả/Sản phẩm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TableColumn {
    /// Số thứ tự: the row's number.
    Number,
    /// Nội dung nhiệm vụ: the task.
    Task,
    /// Cơ quan chủ trì: the lead.
    Lead,
    /// Cơ quan phối hợp: the supports.
    Support,
    /// Thời gian hoàn thành: the deadline.
    Deadline,
    /// Kết quả / sản phẩm: the expected output.
    Output,
}

/// Headers of the number column, whole (the header cell is nothing else).
pub const NUMBER_HEADERS: &[&str] = &["stt", "tt", "số tt", "số thứ tự"];

/// Words of the other columns' headers, tried in this order: the first
/// column whose word the header contains wins, so "Cơ quan chủ trì" is the
/// lead before "cơ quan" could mean anything else, and "Thời gian hoàn
/// thành" a deadline before "hoàn thành" reads as a result.
pub const TABLE_HEADER_WORDS: &[(TableColumn, &[&str])] = &[
    (TableColumn::Lead, &["chủ trì"]),
    (TableColumn::Support, &["phối hợp"]),
    (TableColumn::Deadline, &["thời hạn", "thời gian", "tiến độ"]),
    (TableColumn::Output, &["kết quả", "sản phẩm", "dự kiến"]),
    (TableColumn::Task, &["nhiệm vụ", "nội dung", "giải pháp"]),
];

/// The column a table header names, `None` for one the importer does not
/// read ("Ghi chú"). The header is compared folded (case and diacritics).
///
/// ```
/// use obligraph_vn::lexicon::{table_column, TableColumn};
/// assert_eq!(table_column("STT"), Some(TableColumn::Number));
/// assert_eq!(table_column("Nội dung nhiệm vụ"), Some(TableColumn::Task));
/// assert_eq!(table_column("CƠ QUAN CHỦ TRÌ"), Some(TableColumn::Lead));
/// assert_eq!(table_column("Thời gian hoàn thành"), Some(TableColumn::Deadline));
/// assert_eq!(table_column("Kết quả/Sản phẩm"), Some(TableColumn::Output));
/// assert_eq!(table_column("Ghi chú"), None);
/// ```
pub fn table_column(header: &str) -> Option<TableColumn> {
    let k = crate::import::text::key(header.trim());
    let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
    let keys = table_header_keys();
    if keys.number.contains(&k) {
        return Some(TableColumn::Number);
    }
    keys.words
        .iter()
        .find(|(_, words)| words.iter().any(|w| k.contains(w.as_str())))
        .map(|(c, _)| *c)
}

/// The keys of [`NUMBER_HEADERS`] and [`TABLE_HEADER_WORDS`], computed
/// once: every table row's first cell is tried as a header.
struct TableHeaderKeys {
    number: Vec<String>,
    words: Vec<(TableColumn, Vec<String>)>,
}

fn table_header_keys() -> &'static TableHeaderKeys {
    static KEYS: std::sync::OnceLock<TableHeaderKeys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let key = |w: &&str| crate::import::text::key(w);
        TableHeaderKeys {
            number: NUMBER_HEADERS.iter().map(key).collect(),
            words: TABLE_HEADER_WORDS
                .iter()
                .map(|(c, words)| (*c, words.iter().map(key).collect()))
                .collect(),
        }
    })
}

/// Function words that carry no topic.
pub const STOP_WORDS: &[&str] = &[
    "và", "các", "của", "về", "trong", "với", "theo", "có", "được", "cho", "tại", "để", "những",
    "này", "là", "hoặc", "đến", "từ", "đó", "như", "việc", "nhằm", "cả", "khác", "sau", "đây",
];

/// Words naming a level or a kind of body, which counterparts at other
/// levels write differently.
pub const LEVEL_WORDS: &[&str] = &["tỉnh", "quận", "huyện", "xã", "phường", "sở", "bộ", "phòng"];

/// An abbreviation, its expansion, and whether it may be expanded in
/// running text (not only inside an agency's name).
pub struct Abbreviation {
    /// As plans write it, lower case.
    pub short: &'static str,
    /// What it stands for.
    pub long: &'static str,
    /// Safe to expand anywhere in a task's text.
    pub in_text: bool,
}

const fn abbr(short: &'static str, long: &'static str, in_text: bool) -> Abbreviation {
    Abbreviation {
        short,
        long,
        in_text,
    }
}

/// The abbreviations of the corpus. "BCHQS" is the Ban chỉ huy quân sự of
/// a district or commune, and the province's Bộ chỉ huy quân sự: "ban"
/// here, "bộ" being a level word the matcher sets aside anyway.
pub const ABBREVIATIONS: &[Abbreviation] = &[
    abbr("ubnd", "ủy ban nhân dân", true),
    abbr("hđnd", "hội đồng nhân dân", true),
    abbr("hdnd", "hội đồng nhân dân", true),
    abbr("vksnd", "viện kiểm sát nhân dân", true),
    abbr("vksndtc", "viện kiểm sát nhân dân tối cao", true),
    abbr("tand", "tòa án nhân dân", true),
    abbr("tandtc", "tòa án nhân dân tối cao", true),
    abbr("ubmttq", "ủy ban mặt trận tổ quốc", true),
    abbr("ubmttqvn", "ủy ban mặt trận tổ quốc việt nam", true),
    abbr("mttq", "mặt trận tổ quốc", true),
    abbr("mttqvn", "mặt trận tổ quốc việt nam", true),
    abbr("qđ", "quyết định", true),
    abbr("ttg", "thủ tướng", true),
    abbr("tp", "thành phố", true),
    abbr("bchqs", "ban chỉ huy quân sự", true),
    abbr("chqs", "chỉ huy quân sự", true),
    abbr("lđtbxh", "lao động thương binh xã hội", true),
    abbr("xhcn", "xã hội chủ nghĩa", true),
    abbr("tt", "thông tin", true),
    // Conventions by their acronyms, as plans also name them in words
    // ("Công ước CAT" / "Công ước chống tra tấn").
    abbr("cat", "chống tra tấn", true),
    abbr("iccpr", "quyền dân sự chính trị", true),
    abbr("crpd", "quyền người khuyết tật", true),
    abbr("crc", "quyền trẻ em", true),
    abbr("hcm", "hồ chí minh", false),
    abbr("vn", "việt nam", false),
    abbr("bch", "ban chỉ huy", false),
    abbr("ca", "công an", false),
    abbr("lđlđ", "liên đoàn lao động", false),
    abbr("thads", "thi hành án dân sự", false),
    abbr("bđbp", "bộ đội biên phòng", false),
    abbr("hlhpn", "hội liên hiệp phụ nữ", false),
    abbr("lhpn", "liên hiệp phụ nữ", false),
    abbr("ccb", "cựu chiến binh", false),
    abbr("ctđ", "chữ thập đỏ", false),
    abbr("ttqu", "thường trực quận ủy", false),
    abbr("tthđnd", "thường trực hội đồng nhân dân", false),
    abbr("tthdnd", "thường trực hội đồng nhân dân", false),
    abbr("ct", "chủ tịch", false),
    abbr("cvp", "chánh văn phòng", false),
    abbr("pcvp", "phó chánh văn phòng", false),
    abbr("pct", "phó chủ tịch", false),
    abbr("đbqh", "đại biểu quốc hội", false),
    abbr("vp", "văn phòng", false),
    abbr("ls", "luật sư", false),
    abbr("đls", "đoàn luật sư", false),
    abbr("btl", "bộ tư lệnh", false),
    abbr("tncs", "thanh niên cộng sản", false),
    abbr("đtncs", "đoàn thanh niên cộng sản", false),
    abbr("hnd", "hội nông dân", false),
    abbr("hccb", "hội cựu chiến binh", false),
    abbr("hctđ", "hội chữ thập đỏ", false),
    abbr("hlg", "hội luật gia", false),
    abbr("hnb", "hội nhà báo", false),
];

/// Phrases written two ways for one meaning in plans, each with the form
/// matching folds it to (lower case; both sides the same number of
/// syllables, so the fold is word for word). Only pairs a drafter uses
/// interchangeably: "đảm bảo" / "bảo đảm", "hằng năm" / "hàng năm",
/// "kinh phí" / "tài chính" (funds for a task: "bao gồm cả nguồn nhân lực
/// và tài chính" kept as "cả nhân lực và kinh phí").
///
/// Also the coordinated pairs of administrative verbs and nouns that
/// drafters write in either order ("phổ biến, tuyên truyền" for
/// "tuyên truyền, phổ biến"): the order the five seeds use is the form
/// (each reversed order occurs 0–3 times in the corpus against 6–122 for
/// the form), so that a plan that reverses a pair loses no pair of
/// adjacent syllables to it. The list was written from the common
/// pairs of Vietnamese administrative prose, not from the misses of a
/// pair.
pub const SAME_MEANING: &[(&str, &str)] = &[
    ("đảm bảo", "bảo đảm"),
    ("hằng", "hàng"),
    ("kinh phí", "tài chính"),
    ("phổ biến tuyên truyền", "tuyên truyền phổ biến"),
    ("công chức cán bộ", "cán bộ công chức"),
    ("giám sát kiểm tra", "kiểm tra giám sát"),
    ("đôn đốc theo dõi", "theo dõi đôn đốc"),
    ("đôn đốc kiểm tra", "kiểm tra đôn đốc"),
    ("đánh giá rà soát", "rà soát đánh giá"),
    ("tố cáo khiếu nại", "khiếu nại tố cáo"),
    ("bồi dưỡng tập huấn", "tập huấn bồi dưỡng"),
    ("bồi dưỡng đào tạo", "đào tạo bồi dưỡng"),
    ("tổng kết sơ kết", "sơ kết tổng kết"),
    // "báo cáo 6 tháng" is the six-monthly report: the digit alone is left
    // out of the terms, so the kind would read as "tháng".
    ("6 tháng", "sáu tháng"),
    ("06 tháng", "sáu tháng"),
];

/// The expansion of `short` (lower case) in running text.
///
/// Asked of every word the matcher reads (about 9 M instructions of a
/// real-pair audit went to scanning the list), so answered from a map of
/// the `in_text` entries built once; shorts are unique (tested), so the
/// map gives what a scan of the list gives. A word longer than every
/// short, or with a byte none of them has (most words with a tone mark),
/// is no short: answered without hashing it.
pub fn expand_in_text(short: &str) -> Option<&'static str> {
    static IN_TEXT: std::sync::OnceLock<InText> = std::sync::OnceLock::new();
    let t = IN_TEXT.get_or_init(|| {
        let mut t = InText {
            map: rustc_hash::FxHashMap::default(),
            max_len: 0,
            bytes: [false; 256],
        };
        for a in ABBREVIATIONS.iter().filter(|a| a.in_text) {
            t.map.insert(a.short, a.long);
            t.max_len = t.max_len.max(a.short.len());
            for b in a.short.bytes() {
                if let Some(x) = t.bytes.get_mut(usize::from(b)) {
                    *x = true;
                }
            }
        }
        t
    });
    if short.len() > t.max_len
        || !short
            .bytes()
            .all(|b| t.bytes.get(usize::from(b)).copied().unwrap_or(false))
    {
        return None;
    }
    t.map.get(short).copied()
}

/// The in-text abbreviations of [`expand_in_text`]: short to long, the
/// longest short's length in bytes, and the bytes the shorts use.
struct InText {
    map: rustc_hash::FxHashMap<&'static str, &'static str>,
    max_len: usize,
    bytes: [bool; 256],
}

/// The text of an obligation as matching sees it: without the parentheses
/// that assign it ("(Sở Tư pháp chủ trì thực hiện hàng năm theo yêu cầu
/// của Bộ Tư pháp; các sở, ban, ngành … phối hợp thực hiện)"). Those carry
/// agencies and deadlines, which the importer has already read into the
/// obligation and which the alignment compares on their own; left in the
/// text they make every task of one lead look alike.
pub fn matching_text(text: &str) -> std::borrow::Cow<'_, str> {
    let text = without_roles(text);
    match without_examples(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(o),
    }
}

/// Whether `text` gives the duty to report the difficulties met while the
/// plan is carried out ("(Trong) quá trình triển khai thực hiện, nếu có
/// khó khăn, vướng mắc, … kịp thời báo cáo / phản ánh …"): the closing duty
/// that every plan words its own way, its routing ("qua Công an quận - Đội
/// Tổng hợp", "về Sở Tư pháp") being its own level's.
///
/// ```
/// use obligraph_vn::lexicon::reports_difficulties;
/// assert!(reports_difficulties("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan kịp thời phản ánh về Sở Tư pháp."));
/// assert!(!reports_difficulties("Tổ chức tập huấn về Công ước cho cán bộ tư pháp."));
/// ```
pub fn reports_difficulties(text: &str) -> bool {
    use crate::import::text::{key, key_head};
    opens_with_process(&key_head(text, "trong qua trinh".len())) && is_difficulty_report(&key(text))
}

/// Whether `lower` (lower case, NFC) opens with a verb that opens a task
/// ("nghiên cứu", "rà soát", "ưu tiên", … the importer's list of task
/// verbs) as a whole word, and not with a noun those words open
/// ("tổ chức chính trị - xã hội").
///
/// ```
/// use obligraph_vn::lexicon::opens_with_task_verb;
/// assert!(opens_with_task_verb("ưu tiên tổ chức tuyên truyền, phổ biến chuyên sâu"));
/// assert!(!opens_with_task_verb("người khuyết tật"));
/// assert!(!opens_with_task_verb("tổ chức chính trị - xã hội"));
/// ```
pub fn opens_with_task_verb(lower: &str) -> bool {
    crate::agency::TASK_VERBS.iter().any(|v| {
        lower
            .strip_prefix(v)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',']))
    }) && !crate::agency::TASK_VERB_NOUNS
        .iter()
        .any(|n| lower.starts_with(n))
}

/// Verbs that open a duty when a paragraph opens with them, beside the
/// task verbs ([`opens_with_task_verb`]): "Tăng tỷ lệ các yêu cầu bồi
/// thường …", a target written as a duty.
const PARAGRAPH_DUTY_VERBS: &[&str] = &["tăng", "giảm"];

/// Whether a paragraph whose text is `lower` (lower case, NFC) opens a
/// duty: a task verb, or one of [`PARAGRAPH_DUTY_VERBS`], as a whole word.
///
/// ```
/// use obligraph_vn::lexicon::opens_paragraph_duty;
/// assert!(opens_paragraph_duty("tăng tỷ lệ các yêu cầu bồi thường được giải quyết"));
/// assert!(opens_paragraph_duty("nâng cao chất lượng hoạt động"));
/// assert!(!opens_paragraph_duty("sở tư pháp"));
/// ```
pub fn opens_paragraph_duty(lower: &str) -> bool {
    opens_with_task_verb(lower)
        || PARAGRAPH_DUTY_VERBS.iter().any(|v| {
            lower
                .strip_prefix(v)
                .is_some_and(|rest| rest.starts_with(' '))
        })
}

/// Verbs that open a duty inside a task's text but not a task of its own
/// (the importer reads "phối hợp với …" at a task's head as a role):
/// "…, phối hợp với các cơ quan có liên quan trong việc hỗ trợ, tái hòa
/// nhập nạn nhân".
const DUTY_VERBS: &[&str] = &["phối hợp"];

/// Whether `lower` (lower case, NFC) opens a duty: a task verb
/// ([`opens_with_task_verb`]) or one of [`DUTY_VERBS`], as a whole word.
///
/// ```
/// use obligraph_vn::lexicon::opens_a_duty;
/// assert!(opens_a_duty("phối hợp với các cơ quan có liên quan trong việc hỗ trợ"));
/// assert!(opens_a_duty("nghiên cứu đề xuất sửa đổi"));
/// assert!(!opens_a_duty("phối hợpvới"));
/// assert!(!opens_a_duty("người khuyết tật"));
/// ```
pub fn opens_a_duty(lower: &str) -> bool {
    opens_with_task_verb(lower)
        || DUTY_VERBS.iter().any(|v| {
            lower
                .strip_prefix(v)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',']))
        })
}

/// Whether a key opens with "(trong) quá trình": the paragraphs whose whole
/// key the importer's closing and difficulty tests read.
pub(crate) fn opens_with_process(k: &str) -> bool {
    k.starts_with("trong qua trinh") || k.starts_with("qua trinh")
}

/// [`reports_difficulties`] given the key of the paragraph.
pub(crate) fn is_difficulty_report(k: &str) -> bool {
    opens_with_process(k)
        && k.contains("vuong mac")
        && (k.contains("bao cao") || k.contains("phan anh"))
}

/// `text` without the parentheses that assign it (those naming "chủ trì"
/// or "phối hợp"); other parentheses stay.
pub fn without_roles(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('(') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find(')') else { break };
        let inner = after.get(..close).unwrap_or("").to_lowercase();
        out.push_str(rest.get(..open).unwrap_or(""));
        if !(inner.contains("chủ trì") || inner.contains("phối hợp")) {
            out.push('(');
            out.push_str(after.get(..=close).unwrap_or(""));
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Cuts the examples a task gives after "nhất là" ("especially") up to the
/// end of its clause: "Nâng cao hiệu quả … tin báo … liên quan đến tra tấn,
/// nhất là … các hành vi bức cung, dùng nhục hình, làm chết người …".
/// Plans repeat one such list of examples across several tasks that differ
/// only by their head (receive reports, investigate, inspect, compensate),
/// and the list would outweigh the head.
pub fn without_examples(text: &str) -> std::borrow::Cow<'_, str> {
    const MARK: &str = "nhất là";
    if !text.contains(MARK) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let head = rest.get(..at).unwrap_or("").trim_end();
        out.push_str(head.trim_end_matches(','));
        let tail = rest.get(at..).unwrap_or("");
        match tail.find([';', '.']) {
            Some(end) => rest = tail.get(end..).unwrap_or(""),
            None => rest = "",
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Rewordings a drafter makes without changing what a task says, as
/// (written, reworded): the synthetic generator's paraphrases
/// (obligraph-synth), applied in this order, and undone in it when two
/// statements are compared word for word.
pub const REWORDINGS: &[(&str, &str)] = &[
    ("Tăng cường", "Đẩy mạnh"),
    ("tăng cường", "đẩy mạnh"),
    ("Tiếp tục", "Tiếp tục thực hiện"),
    ("nâng cao", "cải thiện"),
    ("tuyên truyền, phổ biến", "phổ biến, tuyên truyền"),
    ("Triển khai", "Tổ chức triển khai"),
    ("hiệu quả", "có hiệu quả"),
    ("các quy định", "những quy định"),
    ("rà soát", "kiểm tra, rà soát"),
    ("nghiên cứu", "tìm hiểu"),
    ("người dân", "Nhân dân"),
    ("cán bộ, công chức", "đội ngũ cán bộ, công chức"),
];

/// What makes a written phrase of [`REWORDINGS`] the start of a longer
/// word, not the phrase: "người dân" in "người dân tộc thiểu số" is not
/// "the people".
pub const REWORDING_LONGER_WORD: &str = " tộc";

/// The phrase a local plan appends to a task, "on the territory" (with its
/// leading space): it says where, not what.
pub const ON_THE_TERRITORY: &str = " trên địa bàn";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_expansion_per_abbreviation() {
        for (i, a) in ABBREVIATIONS.iter().enumerate() {
            assert!(
                ABBREVIATIONS[i + 1..].iter().all(|b| b.short != a.short),
                "{} twice",
                a.short
            );
        }
        assert_eq!(expand_in_text("bchqs"), Some("ban chỉ huy quân sự"));
        // The map answers as a scan of the list does, for every short.
        for a in ABBREVIATIONS {
            let scan = ABBREVIATIONS
                .iter()
                .find(|b| b.in_text && b.short == a.short)
                .map(|b| b.long);
            assert_eq!(expand_in_text(a.short), scan, "{}", a.short);
        }
        // And for every word of the seeds, with and without tone marks.
        let scan = |w: &str| {
            ABBREVIATIONS
                .iter()
                .find(|b| b.in_text && b.short == w)
                .map(|b| b.long)
        };
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/seeds");
        let mut words = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            let lower = crate::normalize::lower_nfc(&text);
            for w in lower.split(|c: char| !crate::normalize::is_alphanumeric(c)) {
                assert_eq!(expand_in_text(w), scan(w), "{w}");
                words += 1;
            }
        }
        assert!(words > 10_000, "{words} seed words");
        assert_eq!(expand_in_text("ca"), None);
    }
}
