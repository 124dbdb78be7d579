//! Vietnamese deadline phrases (thời hạn) to [`Deadline`].
//!
//! Two entry points: [`parse_deadline`] reads a whole deadline cell or the
//! value of a "Thời gian:" line; [`find_deadline`] looks for deadline phrases
//! inside prose and says where they are. Both normalise first (NFC, tone
//! placement, whitespace, markdown bold, HTML tags), so NFD input and
//! "**trước ngày 05/11** hàng năm" read like plain text.
//!
//! # Phrases
//!
//! | written | deadline |
//! |---|---|
//! | trước ngày 13/02/2026, hoàn thành trước ngày 21/4/2023 | [`Deadline::Once`] (before) |
//! | chậm nhất ngày 31/10/2026, không muộn hơn ngày … | [`Deadline::Once`] (at the latest) |
//! | trước ngày 05/11 hằng năm, Định kỳ hàng năm (trước ngày 01/11) | yearly [`Deadline::Recurring`] with a due day |
//! | hằng năm, Hàng năm, định kỳ 06 tháng, hằng quý, hằng tháng | [`Deadline::Recurring`] |
//! | theo năm học, hằng năm học, mỗi năm học, đầu năm học, cuối năm học | yearly [`Deadline::Recurring`] (by school year) |
//! | theo năm học, bắt đầu từ năm học 2023 - 2024; năm học 2026 - 2027 và các năm tiếp theo | yearly [`Deadline::Recurring`] from 2023 / 2026 |
//! | năm 2026, Thời gian thực hiện: Năm 2026 | [`Deadline::WithinYear`] |
//! | Quý I/2026, tháng 6/2026 | [`Deadline::WithinQuarter`], [`Deadline::WithinMonth`] |
//! | 2023 - 2025, 2023 -2024, từ năm 2024 đến 2026 | [`Deadline::During`] |
//! | đến năm 2030 | [`Deadline::Horizon`] |
//! | theo yêu cầu của Bộ Công an (hàng năm), khi có yêu cầu | [`Deadline::Event`] on request |
//! | theo hướng dẫn (của) Bộ, ngành trung ương; thực hiện chỉ đạo của Sở Tư pháp | [`Deadline::Event`] per guidance |
//! | đột xuất; kịp thời; ngay sau khi … | [`Deadline::Event`] ad hoc / as soon as |
//! | Báo cáo sơ kết: năm 2028; tổng kết 05 năm; Báo cáo giữa kỳ: 2028 | [`Deadline::Milestone`] |
//! | trong 05 ngày làm việc kể từ ngày … | [`Deadline::Relative`] |
//! | thường xuyên | [`Deadline::Continuous`] |
//!
//! Several phrases in one text combine into [`Deadline::All`] in text
//! order ("Định kỳ trước ngày 20/11 hàng năm hoặc đột xuất"). A recurrence
//! written right next to a request or guidance ("Theo yêu cầu của Bộ Công an
//! hàng năm") bounds that event: [`Deadline::Event`] with a recurrence.
//!
//! "theo quy định", "theo thẩm quyền", "theo chức năng, nhiệm vụ" are not
//! deadlines.
//!
//! # A day without a year
//!
//! "trước ngày 05/11" with no year and no "hằng năm" in the same text is a
//! single date in the plan's year ([`DeadlineContext::plan_date`]). The plan's
//! year is used even when that day is already past on the plan's date (the
//! audit can flag it); without a plan date the phrase gives no deadline —
//! a year is never invented. When the same text has a "hằng năm" elsewhere
//! ("hàng năm gửi thông tin … trước ngày 01/11"), the day is that
//! recurrence's due day.
//!
//! # Reviews counted in years
//!
//! "tổng kết 05 năm" / "sơ kết 03 năm" with no year written is a milestone
//! in the plan's year plus that many years (the reference table's rule),
//! or an undated milestone without a plan date.
//!
//! ```
//! use chrono::NaiveDate;
//! use obligraph_core::{Deadline, DueDay, Trigger};
//! use obligraph_vn::deadline_phrase::{find_deadline, parse_deadline, DeadlineContext};
//!
//! let ctx = DeadlineContext { plan_date: NaiveDate::from_ymd_opt(2026, 2, 5) };
//! assert_eq!(
//!     parse_deadline("Định kỳ trước ngày 20/11 hàng năm hoặc đột xuất", &ctx),
//!     Some(Deadline::All { parts: vec![
//!         Deadline::annual(DueDay::before(11, 20)),
//!         Deadline::event(Trigger::AdHoc),
//!     ]})
//! );
//! let prose = "định kỳ báo cáo kết quả thực hiện **trước ngày 05/11** hàng năm về UBND tỉnh";
//! let m = find_deadline(prose, &ctx).unwrap();
//! assert_eq!(m.deadline, Deadline::annual(DueDay::before(11, 5)));
//! assert_eq!(&prose[m.start..m.end], "trước ngày 05/11** hàng năm");
//! ```

use crate::normalize;
use chrono::{Datelike, NaiveDate};
use obligraph_core::{
    DayBound, Deadline, DelayUnit, DueDay, MilestoneKind, Period, Recurrence, Trigger,
};
use regex::{Regex, RegexSet, SetMatches};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// What a deadline phrase needs from its document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeadlineContext {
    /// The plan's date: gives the implied year of "trước ngày DD/MM" and of
    /// "tổng kết 05 năm".
    pub plan_date: Option<NaiveDate>,
}

impl DeadlineContext {
    /// A context with the plan's date.
    pub fn on(plan_date: NaiveDate) -> Self {
        DeadlineContext {
            plan_date: Some(plan_date),
        }
    }
}

/// A deadline found inside prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineMatch {
    /// The deadline (the combination of every phrase found).
    pub deadline: Deadline,
    /// Byte offset in the input where the first phrase starts.
    pub start: usize,
    /// Byte offset in the input where the last phrase ends.
    pub end: usize,
}

/// Parses a whole deadline cell or "Thời gian:" value.
///
/// Returns `None` when the text holds no deadline phrase ("Theo quy định",
/// an empty cell) or only a day whose year cannot be known.
///
/// ```
/// use obligraph_core::{Deadline, Period, Recurrence, Trigger};
/// use obligraph_vn::deadline_phrase::{parse_deadline, DeadlineContext};
/// let d = parse_deadline("Theo yêu cầu của Bộ Công an hàng năm", &DeadlineContext::default());
/// assert_eq!(d, Some(Deadline::Event {
///     trigger: Trigger::OnRequest { by: Some("Bộ Công an".into()) },
///     recurrence: Some(Recurrence { period: Period::Year, due: None, from_year: None }),
/// }));
/// assert_eq!(parse_deadline("Theo quy định", &DeadlineContext::default()), None);
/// ```
pub fn parse_deadline(text: &str, ctx: &DeadlineContext) -> Option<Deadline> {
    if !may_hold_deadline(text, Mode::Cell) {
        return None;
    }
    let t = Prepared::new(text);
    let atoms = scan(&t, Mode::Cell);
    combine(&t, atoms, ctx, Mode::Cell).map(|(d, _, _)| d)
}

/// Finds the deadline phrases inside prose: the combination of all of them,
/// with the byte range from the first phrase's start to the last one's end.
///
/// Prose is read more cautiously than a cell: a bare year ("năm 2025"), a
/// span of years, "đến năm 2030", "thường xuyên", "kịp thời" and undated
/// reviews are not taken as deadlines there (they usually name a law, a
/// programme or a manner); "từ năm … đến …", "trong năm …" and years after a
/// "Thời gian:" label are.
pub fn find_deadline(prose: &str, ctx: &DeadlineContext) -> Option<DeadlineMatch> {
    let m = find_first_deadline(prose, ctx)?;
    // "bố trí kinh phí … trong dự toán ngân sách phường năm 2026 và các
    // năm tiếp theo": the year names the budget, not when the work is
    // due. The next phrase after it may still be the deadline.
    if !names_a_budget_year(prose, &m) {
        return Some(m);
    }
    let rest = prose.get(m.end..)?;
    let next = find_deadline(rest, ctx)?;
    Some(DeadlineMatch {
        deadline: next.deadline,
        start: next.start + m.end,
        end: next.end + m.end,
    })
}

/// Nouns of a budget a year may qualify ("dự toán ngân sách năm 2026",
/// "kinh phí năm 2024", "dự toán chi thường xuyên hằng năm"), as their
/// words.
const BUDGET_NOUNS: &[&[&str]] = &[
    &["ngân", "sách"],
    &["dự", "toán"],
    &["kinh", "phí"],
    &["chi", "thường", "xuyên"],
];

/// Words of the owner or level a budget noun may carry before its year
/// ("ngân sách phường", "ngân sách nhà nước", "dự toán của xã"), at most
/// [`BUDGET_OWNER_WORDS`] of them.
const BUDGET_OWNERS: &[&str] = &[
    "xã",
    "phường",
    "thị",
    "trấn",
    "đặc",
    "khu",
    "tỉnh",
    "thành",
    "phố",
    "quận",
    "huyện",
    "nhà",
    "nước",
    "địa",
    "phương",
    "cấp",
    "của",
    "sở",
    "đơn",
    "vị",
];

/// Chars before a year read for its budget noun: the noun (2 words) and
/// up to [`BUDGET_OWNER_WORDS`] owner words, with room to spare.
const BUDGET_LOOKBACK_CHARS: usize = 80;

/// The most owner words between a budget noun and its year.
const BUDGET_OWNER_WORDS: usize = 4;

/// Whether the phrase found is a year written right after a budget's
/// noun: the budget's year, which says nothing of the work's deadline
/// ("dự toán ngân sách phường năm 2026"). A year written as a deadline
/// ("hoàn thành trong năm 2026", "Thời gian: năm 2026") has no budget
/// noun before it.
fn names_a_budget_year(prose: &str, m: &DeadlineMatch) -> bool {
    let phrase = crate::normalize::lowercase(prose.get(m.start..m.end).unwrap_or(""));
    // "dự toán ngân sách phường hằng năm": the yearly budget, not a
    // yearly deadline.
    let yearly = matches!(phrase.trim(), "hằng năm" | "hàng năm");
    if !(yearly || phrase.starts_with("năm ") || phrase.starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    // The budget's words come just before the year: the last words of the
    // text before it are enough.
    let head = prose.get(..m.start).unwrap_or("");
    let from = head
        .char_indices()
        .rev()
        .nth(BUDGET_LOOKBACK_CHARS)
        .map_or(0, |(i, _)| i);
    let before = crate::normalize::lowercase(head.get(from..).unwrap_or(""));
    let mut words: Vec<&str> = before
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !is_alphanumeric(c)))
        .collect();
    for _ in 0..BUDGET_OWNER_WORDS {
        match words.last() {
            Some(w) if BUDGET_OWNERS.contains(w) => {
                words.pop();
            }
            _ => break,
        }
    }
    // ("bố trí kinh phí hằng năm" may mean funds given every year.)
    BUDGET_NOUNS
        .iter()
        .filter(|noun| !(yearly && **noun == ["kinh", "phí"]))
        .any(|noun| words.ends_with(noun))
        || yearly && YEARLY_DOCUMENTS.iter().any(|noun| words.ends_with(noun))
}

/// Nouns of a body's yearly document that "hằng năm" names, as their
/// words: "lồng ghép vào kế hoạch hoạt động hằng năm của đơn vị" folds
/// the work into the yearly plan, and dates nothing. (A plan named by its
/// subject, "xây dựng kế hoạch tập huấn hằng năm", is drafted every year:
/// not one of these.)
const YEARLY_DOCUMENTS: &[&[&str]] = &[
    &["kế", "hoạch", "hoạt", "động"],
    &["kế", "hoạch", "công", "tác"],
    &["chương", "trình", "công", "tác"],
];

/// The first deadline phrase of `prose`, whatever it dates.
fn find_first_deadline(prose: &str, ctx: &DeadlineContext) -> Option<DeadlineMatch> {
    if !may_hold_deadline(prose, Mode::Prose) {
        return None;
    }
    let t = Prepared::new(prose);
    let atoms = scan(&t, Mode::Prose);
    let (deadline, first, last) = combine(&t, atoms, ctx, Mode::Prose)?;
    let start = t.spans.get(first).map(|s| s.0)?;
    let end = t.spans.get(last.checked_sub(1)?).map(|s| s.1)?;
    Some(DeadlineMatch {
        deadline,
        start,
        end,
    })
}

/// A deadline cell that is a date and nothing else ("31/12/2023", as a
/// spreadsheet shows a date cell; "31-12-2023", "31.12.2023"): the day the
/// task is due, at the latest. No phrase around it, so
/// [`parse_deadline`] reads none; the table's column says what it is.
pub(crate) fn bare_date(cell: &str) -> Option<Deadline> {
    let t = cell.trim().trim_end_matches('.');
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, lens: std::ops::RangeInclusive<usize>| {
        lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4)) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(Deadline::Once {
        date,
        bound: DayBound::AtLatest,
    })
}

/// [`parse_deadline`] with the byte range of the phrases in `text`.
pub(crate) fn parse_with_span(
    text: &str,
    ctx: &DeadlineContext,
) -> Option<(Deadline, usize, usize)> {
    if !may_hold_deadline(text, Mode::Cell) {
        return None;
    }
    let t = Prepared::new(text);
    let atoms = scan(&t, Mode::Cell);
    let (d, first, last) = combine(&t, atoms, ctx, Mode::Cell)?;
    let start = t.spans.get(first).map(|s| s.0)?;
    let end = t.spans.get(last.checked_sub(1)?).map(|s| s.1)?;
    Some((d, start, end))
}

/// The words a statement of time is made of besides its figures ("từ năm
/// 2021 đến năm 2025", "giai đoạn I: 2021 - 2025", "trước ngày 30/11").
const TIME_WORDS: &[&str] = &[
    "năm", "từ", "đến", "trước", "sau", "ngày", "tháng", "quý", "giai", "đoạn", "trong", "và",
    "hết", "các", "tiếp", "theo",
];

/// Whether `text` says only when (a date, a span of years, a phase of a
/// programme, in figures), nothing of what is done: "từ năm 2021 đến năm
/// 2025", "giai đoạn I: 2021 - 2025". A piece of a task split off at a
/// colon or a comma may be one.
///
/// ```
/// use obligraph_vn::deadline_phrase::says_only_when;
/// assert!(says_only_when("từ năm 2021 đến năm 2025"));
/// assert!(says_only_when("giai đoạn I: từ năm 2021 đến năm 2025."));
/// assert!(says_only_when("trước ngày 30/11/2025"));
/// assert!(!says_only_when("Chương trình mục tiêu quốc gia giai đoạn 2021 - 2030"));
/// assert!(!says_only_when("báo cáo sơ kết hằng năm"));
/// assert!(!says_only_when("tổng kết 05 năm"));
/// assert!(!says_only_when("năm"));
/// ```
pub fn says_only_when(text: &str) -> bool {
    let mut figures = false;
    let only_time = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                figures = true;
                return true;
            }
            let lower = crate::normalize::fold(w);
            TIME_WORDS.contains(&lower.as_str()) || lower.chars().all(|c| "ivx".contains(c))
        });
    only_time && figures
}

/// The deadline phrases of `text` as written, normalised (for
/// `deadline_text`): the stretch from the first phrase to the last.
pub fn deadline_text(text: &str, ctx: &DeadlineContext) -> Option<String> {
    let m = find_deadline(text, ctx)?;
    text.get(m.start..m.end).map(|s| {
        let nfc: String = s.replace('*', "").nfc().collect();
        nfc.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

// ---------------------------------------------------------------------------
// Pre-check: whether a text may hold a phrase at all.

/// The words every deadline phrase without a figure holds one of, each
/// cue as the alternatives of its words in turn (every combination is
/// one): what the patterns of [`Patterns::tried`] that match no figure
/// read, word for word. A phrase of the other patterns holds a digit.
/// Written out from the patterns (a pattern changed or added needs its
/// cue here, in [`CUES_AFTER`] or in [`CELL_CUES`]; the tests of `may_hold_deadline` read
/// the shipped plans and generated phrases to catch one forgotten).
const CUES: &[&[&[&str]]] = &[
    // rec, quarter_yearly, review_annual ("sơ kết hằng năm"; "nằm", a
    // slip the patterns read, has the skeleton of "năm")
    &[&["hằng", "hàng", "mỗi"], &["năm", "quý", "tháng"]],
    // school_year
    &[&["năm học"]],
    // half (its "6" is a figure)
    &[&["sáu tháng"]],
    // on_request_by
    &[
        &["theo", "thực hiện"],
        &["", "thẩm quyền và"],
        &["đề nghị", "yêu cầu"],
        &["của"],
    ],
    // on_request ("yêu câu", a slip, has the skeleton of "yêu cầu")
    &[&["khi có", "theo"], &["yêu cầu"]],
    // (on_request_named: see [`CUES_AFTER`].)
    // continuous
    &[&["thường xuyên"]],
    // report_quarter ("bảo cáo", a slip, has the skeleton of "báo cáo")
    &[&["báo cáo"], &["", "định kỳ"], &["quý"]],
    // part_of_year, part_of_month
    &[&["đầu", "giữa", "cuối"], &["năm", "tháng"]],
    // The weak phrases, which count in prose alone in their clause
    // ([`alone_in_clause`]): guidance, programme, ad_hoc.
    &[
        &["theo", "thực hiện"],
        &["", "văn bản"],
        &["hướng dẫn", "chỉ đạo"],
    ],
    &[&["theo"], &["chương trình", "kế hoạch"]],
    &[&["đột xuất"]],
];

/// Cues that count only after another one, (first, then): each a
/// pattern's words with others between them that no cue can spell.
/// on_request_named: the body asking comes between "khi" and "yêu cầu"
/// ([`asker_before_request`]); "yêu cầu" alone, as in "giải quyết yêu
/// cầu bồi thường", holds no deadline.
const CUES_AFTER: &[(&str, &str)] = &[("khi", "yêu cầu")];

/// More cues, of phrases that give no deadline in prose ([`find_deadline`])
/// unless a phrase of [`CUES`] or a figure does: there an undated
/// milestone and "kịp thời", "ngay khi" match nothing ([`match_at`]).
const CELL_CUES: &[&[&[&str]]] = &[
    // milestone (review_years has a figure)
    &[&["sơ kết", "tổng kết"]],
    // report_milestone
    &[&["báo cáo"], &["giữa kỳ", "quốc gia"]],
    // asap_after
    &[&["ngay"], &["", "sau"], &["khi"]],
    // asap
    &[&["kịp thời"]],
];

/// What a char of a text gives its skeleton: the text's letters without
/// their marks, in lower case ("đ" as "d"), with nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skel {
    /// A letter: its base, lowercase ASCII.
    Letter(u8),
    /// Not a letter (spaces, punctuation, markup): left out.
    Nothing,
    /// An ASCII digit.
    Figure,
    /// A char whose reading [`Prepared::new`] may change otherwise (a
    /// combining mark, a digit of another script, "<" which may open a
    /// tag, a letter outside Latin-1 and Vietnamese): the pre-check
    /// gives up.
    Unsure,
}

/// The base letters of U+00C0..U+01B0 and U+1EA0..U+1EF9 (the Latin
/// letters with marks Vietnamese uses, and their neighbours), lowercase
/// ASCII, from their canonical decomposition; 0 where there is none ("đ"
/// is looked at before).
fn base_letters() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0xc0..=0x1b0u32)
            .chain(0x1ea0..=0x1ef9)
            .map(|u| {
                let mut first = None;
                if let Some(c) = char::from_u32(u) {
                    unicode_normalization::char::decompose_canonical(c, |x| {
                        first.get_or_insert(x);
                    });
                }
                match first {
                    Some(b) if b.is_ascii_alphabetic() => b.to_ascii_lowercase() as u8,
                    _ => 0,
                }
            })
            .collect()
    })
}

/// The skeleton of one char ([`Skel`]).
#[inline]
fn skel(c: char) -> Skel {
    if c.is_ascii() {
        return match c {
            'a'..='z' => Skel::Letter(c as u8),
            'A'..='Z' => Skel::Letter(c.to_ascii_lowercase() as u8),
            '0'..='9' => Skel::Figure,
            '<' => Skel::Unsure,
            _ => Skel::Nothing,
        };
    }
    let index = match c {
        'đ' | 'Đ' => return Skel::Letter(b'd'),
        // Latin-1 punctuation and signs (no letter or digit changes to
        // or from them) and general punctuation, spaces and invisible
        // chars included.
        '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{206f}' => return Skel::Nothing,
        '\u{c0}'..='\u{1b0}' => c as usize - 0xc0,
        '\u{1ea0}'..='\u{1ef9}' => c as usize - 0x1ea0 + (0x1b1 - 0xc0),
        _ => return Skel::Unsure,
    };
    match base_letters().get(index) {
        Some(&b) if b != 0 => Skel::Letter(b),
        _ => Skel::Unsure,
    }
}

/// The skeletons of the cues of a mode, found at once: those of
/// [`CUES_AFTER`] last, each with the skeleton that must come before it.
struct Cues {
    finder: aho_corasick::AhoCorasick,
    /// How many cues count wherever they are (the first ones).
    anywhere: usize,
    /// The skeleton before each cue of [`CUES_AFTER`], in turn.
    before: Vec<Vec<u8>>,
}

impl Cues {
    /// Whether the skeleton `k` holds a cue (one of [`CUES_AFTER`] after
    /// its first).
    fn in_skeleton(&self, k: &[u8]) -> bool {
        let Ok(mut found) = self.finder.try_find_overlapping_iter(k) else {
            // (Not met: the finder has the standard match kind.)
            return true;
        };
        found.any(
            |m| match m.pattern().as_usize().checked_sub(self.anywhere) {
                None => true,
                Some(j) => self.before.get(j).is_none_or(|b| {
                    k.get(..m.start())
                        .is_some_and(|head| head.windows(b.len()).any(|w| w == b.as_slice()))
                }),
            },
        )
    }
}

/// The skeletons of `cues` and of [`CUES_AFTER`], found at once.
fn cue_finder(cues: &[&[&[&str]]]) -> Option<Cues> {
    let mut all: Vec<Vec<u8>> = Vec::new();
    for cue in cues {
        let mut phrases: Vec<String> = vec![String::new()];
        for words in *cue {
            phrases = phrases
                .iter()
                .flat_map(|p| words.iter().map(move |w| format!("{p} {w}")))
                .collect();
        }
        for p in phrases {
            // A cue is words: no figure, nothing unsure.
            all.push(skeleton(&p)?);
        }
    }
    let anywhere = all.len();
    let mut before = Vec::new();
    for (first, then) in CUES_AFTER {
        before.push(skeleton(first).filter(|b| !b.is_empty())?);
        all.push(skeleton(then)?);
    }
    Some(Cues {
        finder: aho_corasick::AhoCorasick::new(all).ok()?,
        anywhere,
        before,
    })
}

/// The cues of a mode: [`CUES`] in prose, with [`CELL_CUES`] in a cell.
fn cues(mode: Mode) -> Option<&'static Cues> {
    static PROSE: OnceLock<Option<Cues>> = OnceLock::new();
    static CELL: OnceLock<Option<Cues>> = OnceLock::new();
    match mode {
        Mode::Prose => PROSE.get_or_init(|| cue_finder(CUES)).as_ref(),
        Mode::Cell => CELL
            .get_or_init(|| cue_finder(&[CUES, CELL_CUES].concat()))
            .as_ref(),
    }
}

/// The skeleton of `text` ([`Skel`]); `None` when it holds a figure or
/// a char the skeleton is unsure of.
fn skeleton(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match skel(c) {
            Skel::Letter(b) => out.push(b),
            Skel::Nothing => {}
            Skel::Figure | Skel::Unsure => return None,
        }
    }
    Some(out)
}

/// Whether `text` may hold a deadline phrase read in `mode`: false only
/// when it holds no figure and none of the mode's cues ([`cues`]; one
/// of [`CUES_AFTER`] only after its first), read on its skeleton
/// ([`Skel`]), when the search finds nothing (a cell:
/// [`scan`] finds no phrase; prose: none but weak ones, which
/// [`combine`] drops), so that [`Prepared::new`] and the scan are saved
/// (most texts of a plan have no deadline).
///
/// Exact: every phrase that counts holds a digit or one of the cues in
/// the folded text, and the folded text's skeleton is the input's. The
/// folded text is the input with markup and invisible chars out,
/// whitespace collapsed, in NFC, lowercase, tones moved within a word:
/// none of it changes a letter's base or adds one, given that the input
/// has no char [`Skel::Unsure`] (no combining mark, no tag), and a digit
/// makes the answer true. Tested on every char of the
/// ranges read (its fold has its skeleton) and by property tests.
pub(crate) fn may_hold_deadline(text: &str, mode: Mode) -> bool {
    let Some(cues) = cues(mode) else {
        return true;
    };
    skeleton(text).is_none_or(|k| cues.in_skeleton(&k))
}

// ---------------------------------------------------------------------------
// Prepared text: char-aligned original, folded key and source byte spans.

/// The input, normalised char by char so that matches map back to bytes.
pub(crate) struct Prepared {
    /// NFC text, whitespace collapsed, markup removed (original case).
    pub(crate) orig: Vec<char>,
    /// Lowercased, tone placement unified; same length as `orig`.
    pub(crate) folded: String,
    /// Byte offset in `folded` of each char, plus the end.
    pub(crate) fbyte: Vec<usize>,
    /// Source byte range of each char.
    pub(crate) spans: Vec<(usize, usize)>,
}

impl Prepared {
    pub(crate) fn new(input: &str) -> Self {
        // 1. Clusters: a starter and its combining marks, composed.
        // 2. Markup out, whitespace collapsed.
        let plain = normalize::all_plain_starters(input);
        let (mut orig, mut spans) = if plain {
            // Every char is a cluster of its own.
            strip_markup(
                input.char_indices().map(|(i, c)| (c, i, i + c.len_utf8())),
                input.len(),
            )
        } else {
            let chars = clusters(input);
            strip_markup(chars.iter().copied(), chars.len())
        };
        while orig.last() == Some(&' ') {
            orig.pop();
            spans.pop();
        }

        // 3. Folded key, char-aligned: tone placement per word, lowercase.
        // Each char is folded as it comes; at the end of a word (a run of
        // letters) that normalisation may change, the word is folded
        // again from its normalised chars.
        // Mostly as many bytes as the input's (markup only shrinks it).
        let mut folded = String::with_capacity(input.len() + 4);
        let mut fbyte = Vec::with_capacity(orig.len() + 1);
        // The open word: where it starts in `orig` and whether a letter
        // of it may give its tone away.
        let mut word: Option<usize> = None;
        let mut may_give = false;
        for (k, &c) in orig.iter().enumerate() {
            if normalize::is_letter(c) {
                if word.is_none() {
                    word = Some(k);
                    may_give = false;
                }
                may_give |= !c.is_ascii() && normalize::may_give_tone(c);
            } else if let Some(w) = word.take() {
                refold_word(&orig, w, k, plain, may_give, &mut folded, &mut fbyte);
            }
            fbyte.push(folded.len());
            folded.push(fold_char(c));
        }
        if let Some(w) = word {
            refold_word(
                &orig,
                w,
                orig.len(),
                plain,
                may_give,
                &mut folded,
                &mut fbyte,
            );
        }
        fbyte.push(folded.len());
        Prepared {
            orig,
            folded,
            fbyte,
            spans,
        }
    }

    /// The char index of a byte offset in `folded`.
    fn char_at(&self, byte: usize) -> usize {
        self.fbyte.partition_point(|&b| b < byte)
    }

    /// The original text of chars `a..b`.
    pub(crate) fn orig_text(&self, a: usize, b: usize) -> String {
        self.orig.get(a..b).unwrap_or(&[]).iter().collect()
    }

    /// The folded text of chars `a..b`.
    fn folded_text(&self, a: usize, b: usize) -> &str {
        let (Some(&x), Some(&y)) = (self.fbyte.get(a), self.fbyte.get(b)) else {
            return "";
        };
        self.folded.get(x..y).unwrap_or("")
    }
}

/// One char of [`Prepared::folded`]: lower case, typographic dashes as
/// "-" (a char whose lower case is more than one char kept as it is).
#[inline]
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(l) = normalize::lower_of_letter(c) {
        return l;
    }
    let mut lower = c.to_lowercase();
    let l = match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    };
    match l {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => l,
    }
}

/// The word `orig[w..end]`, folded char by char at the end of `folded`
/// and `fbyte`, folded again from its normalised chars when normalisation
/// changes it: an NFC run of letters with no tone to move comes out of
/// `normalize` as it went in (text of plain starters only is NFC, and so
/// is each word; an NFC word keeps its tone unless `tone_may_move` says
/// it may move, and only when a letter `may_give` its tone). One whose
/// length changes is kept as written.
fn refold_word(
    orig: &[char],
    w: usize,
    end: usize,
    plain: bool,
    may_give: bool,
    folded: &mut String,
    fbyte: &mut Vec<usize>,
) {
    let seg = orig.get(w..end).unwrap_or(&[]);
    let may_change = !(plain || normalize::is_nfc_fast(seg.iter().copied()))
        || (may_give
            && seg.first().zip(seg.last()).is_some_and(|(&f, &l)| {
                let before_last = seg.len().checked_sub(2).and_then(|i| seg.get(i));
                normalize::tone_may_move(f, before_last.copied(), l)
            }));
    if !may_change {
        return;
    }
    let slice: String = seg.iter().collect();
    let word: Vec<char> = normalize::normalize(&slice).chars().collect();
    if word.len() != seg.len() {
        return;
    }
    let Some(&at) = fbyte.get(w) else {
        return;
    };
    folded.truncate(at);
    fbyte.truncate(w);
    for c in word {
        fbyte.push(folded.len());
        folded.push(fold_char(c));
    }
}

fn is_tag_start(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
}

/// The chars of `input` in NFC, each with the source byte range of its
/// cluster (a starter and its combining marks).
fn clusters(input: &str) -> Vec<(char, usize, usize)> {
    let mut chars: Vec<(char, usize, usize)> = Vec::with_capacity(input.len());
    let mut cluster_start = 0;
    let mut cluster = String::new();
    // Clusters of a text already in NFC are in NFC.
    let is_nfc = normalize::is_nfc_str(input);
    let flush =
        |cluster: &mut String, start: usize, end: usize, out: &mut Vec<(char, usize, usize)>| {
            if cluster.is_empty() {
                return;
            }
            if is_nfc {
                out.extend(cluster.chars().map(|c| (c, start, end)));
            } else {
                out.extend(cluster.nfc().map(|c| (c, start, end)));
            }
            cluster.clear();
        };
    if is_nfc {
        // Each char as it is, spanning its whole cluster: `first` is
        // where the open cluster's chars start in `chars`.
        let mut first = 0;
        for (i, c) in input.char_indices() {
            if normalize::is_plain_starter(c) || !unicode_normalization::char::is_combining_mark(c)
            {
                if let Some(open) = chars.get_mut(first..) {
                    for x in open {
                        x.2 = i;
                    }
                }
                first = chars.len();
                cluster_start = i;
            }
            chars.push((c, cluster_start, input.len()));
        }
    } else {
        for (i, c) in input.char_indices() {
            if normalize::is_plain_starter(c) || !unicode_normalization::char::is_combining_mark(c)
            {
                flush(&mut cluster, cluster_start, i, &mut chars);
                cluster_start = i;
            }
            cluster.push(c);
        }
        flush(&mut cluster, cluster_start, input.len(), &mut chars);
    }
    chars
}

/// Drops HTML tags (a space stands in for each), markdown `*` and
/// invisible chars, and collapses whitespace runs to one space; keeps the
/// source byte range of each char. The char after a `<` is looked at on a
/// copy of the iterator (cheap for the iterators given here: over a
/// string's chars or a slice).
fn strip_markup(
    mut chars: impl Iterator<Item = (char, usize, usize)> + Clone,
    capacity: usize,
) -> (Vec<char>, Vec<(usize, usize)>) {
    let mut orig: Vec<char> = Vec::with_capacity(capacity);
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(capacity);
    while let Some((c, s, e)) = chars.next() {
        // ASCII first: most chars, and each test below on ASCII only.
        let (dropped, space) = if c.is_ascii() {
            if c == '<' && is_tag_start(chars.clone().next().map(|x| x.0)) {
                // Skip an HTML tag, standing in a space for it.
                let mut end = e;
                for (cj, _, ej) in chars.by_ref() {
                    end = ej;
                    if cj == '>' {
                        break;
                    }
                }
                push_space(&mut orig, &mut spans, s, end);
                continue;
            }
            // (`char::is_whitespace` of ASCII: these and U+000B.)
            (c == '*', c.is_ascii_whitespace() || c == '\u{b}')
        } else {
            (
                c == '\u{200b}' || c == '\u{feff}' || c == '\u{ad}',
                c.is_whitespace(),
            )
        };
        if dropped {
            continue;
        }
        if space {
            push_space(&mut orig, &mut spans, s, e);
            continue;
        }
        orig.push(c);
        spans.push((s, e));
    }
    (orig, spans)
}

fn push_space(orig: &mut Vec<char>, spans: &mut Vec<(usize, usize)>, s: usize, e: usize) {
    if orig.is_empty() || orig.last() == Some(&' ') {
        return;
    }
    orig.push(' ');
    spans.push((s, e));
}

// ---------------------------------------------------------------------------
// Atoms

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A whole deadline cell: every phrase counts.
    Cell,
    /// Prose: only phrases that are clearly deadlines.
    Prose,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A full deadline.
    Full(Deadline),
    /// A day and month with no year ("trước ngày 05/11").
    DayMonth(DueDay),
    /// A day in a month of the period ("trước ngày 05 của tháng thứ 2 trong kỳ").
    PeriodDay(DueDay),
    /// A recurrence.
    Rec(Recurrence),
    /// "từ năm 2024" (start year of a recurrence).
    FromYear(i32),
    /// An event trigger, to be bound to an adjacent recurrence.
    Trigger(Trigger),
    /// A weak phrase, kept in prose only beside a stronger one.
    Weak(Deadline),
    /// "tổng kết 05 năm": a review N years after the plan.
    ReviewAfter(MilestoneKind, i32),
}

#[derive(Debug, Clone)]
struct Atom {
    kind: Kind,
    start: usize,
    end: usize,
}

struct Patterns {
    once_dmy: Regex,
    once_words: Regex,
    period_day: Regex,
    quarter_last_month: Regex,
    quarter_yearly: Regex,
    monthly_day: Regex,
    day_month: Regex,
    day_month_words: Regex,
    relative: Regex,
    review_annual: Regex,
    half_and_year: Regex,
    rec: Regex,
    school_year: Regex,
    from_school_year: Regex,
    half: Regex,
    annual_from: Regex,
    from_to: Regex,
    from_year: Regex,
    span: Regex,
    horizon: Regex,
    quarter: Regex,
    month: Regex,
    milestone: Regex,
    review_years: Regex,
    report_milestone: Regex,
    on_request_by: Regex,
    on_request: Regex,
    on_request_named: Regex,
    guidance: Regex,
    programme: Regex,
    ad_hoc: Regex,
    asap_after: Regex,
    asap: Regex,
    continuous: Regex,
    report_quarter: Regex,
    monthly_window: Regex,
    part_of_year: Regex,
    part_of_month: Regex,
    relative_bare: Regex,
    within_year: Regex,
    bare_year: Regex,
    label: Regex,
    /// Where a free-text argument ("của Bộ Công an …") stops.
    arg_stop: Regex,
    /// The patterns [`match_at`] tries ([`Patterns::tried`]), as a set and
    /// without their word boundaries (which only narrow a match): a pattern
    /// outside the set's matches cannot match, so one search skips most
    /// positions and most patterns.
    set: RegexSet,
    /// The patterns of `set` and `label` unanchored, as one regex: where it
    /// finds nothing, none of them matches (`None` if it did not build).
    scan_filter: Option<Regex>,
    /// `arg_stop` unanchored and without word boundaries, likewise.
    stop_filter: Option<Regex>,
}

impl Patterns {
    /// Whether `re`, one of [`Patterns::tried`], is among the set's matches.
    fn may_match(&self, re: &Regex, cand: &SetMatches) -> bool {
        self.tried()
            .iter()
            .position(|r| std::ptr::eq(*r, re))
            .is_none_or(|k| cand.matched(k))
    }

    /// The patterns [`match_at`] tries.
    fn tried(&self) -> [&Regex; 41] {
        [
            &self.once_dmy,
            &self.once_words,
            &self.period_day,
            &self.quarter_last_month,
            &self.quarter_yearly,
            &self.monthly_day,
            &self.day_month,
            &self.day_month_words,
            &self.relative,
            &self.review_annual,
            &self.half_and_year,
            &self.rec,
            &self.school_year,
            &self.from_school_year,
            &self.half,
            &self.annual_from,
            &self.from_to,
            &self.from_year,
            &self.span,
            &self.horizon,
            &self.quarter,
            &self.month,
            &self.milestone,
            &self.review_years,
            &self.report_milestone,
            &self.on_request_by,
            &self.on_request,
            &self.on_request_named,
            &self.guidance,
            &self.programme,
            &self.ad_hoc,
            &self.asap_after,
            &self.asap,
            &self.continuous,
            &self.report_quarter,
            &self.monthly_window,
            &self.part_of_year,
            &self.part_of_month,
            &self.relative_bare,
            &self.within_year,
            &self.bare_year,
        ]
    }
}

fn patterns() -> Option<&'static Patterns> {
    static P: OnceLock<Option<Patterns>> = OnceLock::new();
    P.get_or_init(|| {
        // Written against the folded text (lowercase, "hoà", "quý").
        let kw = r"(trước|chậm nhất(?: là| vào)?|không muộn hơn|không chậm hơn)\s?(?:ngày\s?)?";
        let words = r"(?:\s?\([^)]*\))?";
        let r = |s: &str| Regex::new(&format!("^(?:{s})"));
        let mut p = Patterns {
            once_dmy: r(&format!(r"(?:hoàn thành\s)?{kw}(\d{{1,2}})\s?[/.-]\s?(\d{{1,2}})\s?[/.-]\s?(\d{{4}})\b")).ok()?,
            once_words: r(&format!(r"(?:hoàn thành\s)?{kw}(\d{{1,2}}){words}\s(?:tháng\s)(\d{{1,2}}){words}\s(?:năm\s)(\d{{4}})\b")).ok()?,
            period_day: r(&format!(r"{kw}(\d{{1,2}}){words}\s(?:của\s)?tháng thứ\s(\d{{1,2}})\s(?:trong|của)\s(?:kỳ|chu kỳ)")).ok()?,
            quarter_last_month: r(&format!(r"{kw}(\d{{1,2}}){words}\s(?:của\s)?tháng cuối (quý|năm)")).ok()?,
            quarter_yearly: r(r"(?:trong\s)?quý\s(iv|i{1,3}|[1-4])\s(?:của\s)?(?:hằng|hàng|mỗi) năm\b").ok()?,
            monthly_day: r(&format!(r"{kw}(\d{{1,2}}){words}\s(?:hằng|hàng|mỗi) tháng")).ok()?,
            day_month: r(&format!(r"(?:hoàn thành\s)?{kw}(\d{{1,2}})\s?/\s?(\d{{1,2}})\b")).ok()?,
            day_month_words: r(&format!(r"(?:hoàn thành\s)?{kw}(\d{{1,2}}){words}\stháng\s(\d{{1,2}})\b{words}")).ok()?,
            relative: r(r"(?:trong|chậm nhất là|tối đa)(?:\s(?:thời hạn|vòng))?(?:\s(?:tối đa|chậm nhất là))?\s(\d{1,3})\s(ngày làm việc|ngày|tháng)\s?,?\s(?:kể\s)?từ\s(?:ngày\s)?").ok()?,
            review_annual: r(r"(?:b[áả]o cáo\s)?sơ kết,?\s(?:hằng|hàng) (?:năm|nằm)").ok()?,
            half_and_year: r(r"(?:định kỳ\s|b[áả]o cáo\s)0?6 tháng\s?,\s(?:năm|cả năm)\b").ok()?,
            rec: r(r"(?:định kỳ\s)?(?:hằng|hàng|mỗi) (năm|nằm|quý|tháng)\b").ok()?,
            school_year: r(r"(?:định kỳ\s)?(theo|hằng|hàng|mỗi|từng|đầu|cuối) năm học\b").ok()?,
            from_school_year: r(r"(?:bắt đầu\s)?từ năm học\s(\d{4})(?:\s?-\s?(?:năm\s)?\d{4}\b)?").ok()?,
            half: r(r"(?:(?:định kỳ|b[áả]o cáo)\s)?(?:0?6|sáu) tháng(?:\s(?:một|1) lần)?").ok()?,
            annual_from: r(r"(?:từ\s|trong\s)?năm (?:học\s)?(\d{4})(?:\s?-\s?\d{4})? và các năm(?: học)? tiếp theo|từ năm (?:học\s)?(\d{4})(?:\s?-\s?\d{4})? trở đi").ok()?,
            from_to: r(r"từ năm (\d{4})\s?(?:-|đến(?: hết)?)\s?(?:năm\s)?(\d{4})\b").ok()?,
            from_year: r(r"từ năm (\d{4})\b").ok()?,
            span: r(r"(?:trong\s)?(?:giai đoạn\s)?(?:năm\s)?(\d{4})\s?-\s?(?:năm\s)?(\d{4})\b").ok()?,
            horizon: r(r"(?:giai đoạn\s)?đến(?: hết)?(?: năm)\s(\d{4})\b").ok()?,
            quarter: r(r"(?:trong\s)?quý\s(iv|i{1,3}|[1-4])\s?(?:/|năm\s|-\s?)(\d{4})\b").ok()?,
            month: r(r"(?:trong\s)?tháng\s(\d{1,2})\s?(?:/|năm\s)\s?(\d{4})\b").ok()?,
            milestone: r(r"(?:b[áả]o cáo\s|tổ chức\s)?(sơ kết|tổng kết)(?:\s(giữa kỳ))?(?:\s?:?\s?(?:vào\s)?(?:năm\s)?(\d{4})\b)?").ok()?,
            review_years: r(r"(?:b[áả]o cáo\s|tổ chức\s)?(sơ kết|tổng kết)\s0?(\d{1,2})\snăm\b").ok()?,
            report_milestone: r(r"b[áả]o cáo (giữa kỳ|quốc gia)(?:\s(?:định kỳ|cat|iccpr))*(?:\slần thứ\s[^\s:,;]+)?(?:\s?:?\s?(?:vào\s)?(?:năm\s)?(\d{4})\b)?").ok()?,
            on_request_by: r(r"(?:theo|thực hiện)\s(?:thẩm quyền\svà\s)?(?:đề nghị|yêu (?:cầu|câu))\scủa\s").ok()?,
            on_request: r(r"khi có yêu (?:cầu|câu)|theo yêu (?:cầu|câu)\b").ok()?,
            // (Its asker is read by `asker_before_request`: a pattern
            // reading up to a dozen words costs every search of the set.)
            on_request_named: r(r"khi\s").ok()?,
            guidance: r(r"(?:theo|thực hiện)\s(?:văn bản\s)?(?:hướng dẫn|chỉ đạo)(?:\scủa)?\b").ok()?,
            programme: r(r"theo (?:chương trình|kế hoạch)(?: công tác)?(?: (?:hằng|hàng) năm)?\scủa\s").ok()?,
            ad_hoc: r(r"(?:b[áả]o cáo\s)?đột xuất").ok()?,
            asap_after: r(r"ngay (?:sau\s)?khi\s").ok()?,
            asap: r(r"kịp thời\b").ok()?,
            continuous: r(r"thường xuyên(?:\s?,\s?(?:liên tục|kịp thời))?").ok()?,
            report_quarter: r(r"b[áả]o cáo (?:định kỳ\s)?quý\b").ok()?,
            monthly_window: r(r"(?:định kỳ\s)?từ ngày (\d{1,2}) đến(?: hết)? ngày (\d{1,2}) (?:hằng|hàng|mỗi) tháng").ok()?,
            part_of_year: r(r"(đầu|giữa|cuối) năm(?:\s(\d{4})\b)?").ok()?,
            part_of_month: r(r"(đầu|giữa|cuối) tháng\b").ok()?,
            relative_bare: r(r"trong(?:\s(?:thời hạn|vòng))?(?:\s(?:tối đa|chậm nhất là))?\s(\d{1,3})\s(ngày làm việc|ngày|tháng)\b").ok()?,
            within_year: r(r"(?:trong\s)?năm\s(\d{4})\b").ok()?,
            bare_year: r(r"(\d{4})\b").ok()?,
            label: r(r"(?:thời hạn|thời gian|tiến độ)(?:\s(?:thực hiện|hoàn thành))?\s?:").ok()?,
            arg_stop: Regex::new(concat!(
                r"^(?:\s?[;()\n]|\.(?:\s|$)|\s?,?\s(?:(?:và|hoặc)\s)?(?:",
                r"(?:định kỳ|hằng|hàng|mỗi)\s(?:năm|nằm|quý|tháng)|định kỳ\s(?:0?6|sáu)\stháng",
                r"|trước\s(?:ngày\s)?\d|chậm nhất|không muộn hơn|từ năm|trong năm|năm\s\d{4}|đến(?: hết)? năm\s\d",
                r"|quý\s(?:iv|i{1,3}|[1-4])\b|tháng\s\d{1,2}\s?/|\d{4}\s?-\s?\d{4}",
                r"|đột xuất|thường xuyên|kịp thời|khi có yêu|theo (?:yêu|hướng|chỉ)|ngay (?:sau )?khi|sơ kết|tổng kết",
                r"|trong\s\d|trong thời hạn|để\s|nhằm\s|trên cơ sở|chủ trì|phối hợp))"
            ))
            .ok()?,
            set: RegexSet::empty(),
            scan_filter: None,
            stop_filter: None,
        };
        // Without the word boundaries (which only narrow a match) the union
        // runs on the lazy DFA, which gives up on Unicode `\b` outside ASCII.
        // The set and the filters only rule positions out, so they may
        // match more: `\d` is widened to `LOOSE_DIGIT`, which compiles to
        // a few byte ranges where Unicode `\d` takes many.
        let widen = |r: &str| r.replace(r"\b", "").replace(r"\d", LOOSE_DIGIT);
        let all: Vec<String> = p
            .tried()
            .iter()
            .map(|re| format!("(?:{})", widen(re.as_str())))
            .collect();
        p.set = RegexSet::new(all).ok()?;
        // Unanchored, without word boundaries: each alternative matches
        // wherever its pattern does (and maybe elsewhere).
        let loose = |re: &Regex| {
            re.as_str()
                .strip_prefix('^')
                .map(|r| format!("(?:{})", widen(r)))
        };
        p.scan_filter = p
            .tried()
            .into_iter()
            .chain([&p.label])
            .map(loose)
            .collect::<Option<Vec<String>>>()
            .and_then(|alts| Regex::new(&alts.join("|")).ok());
        p.stop_filter = loose(&p.arg_stop).and_then(|r| Regex::new(&r).ok());
        Some(p)
    })
    .as_ref()
}

/// A class holding every char of Unicode `\d` (the digits outside ASCII
/// are all at U+0660 or above, none in U+1E00..U+1EFF, where the
/// Vietnamese letters with tone marks are, so these still rule most
/// letters out): for the set and the filters, which only narrow where the
/// patterns are tried. About 25 M instructions less to compile on first
/// use than with `\d`.
const LOOSE_DIGIT: &str = r"[0-9\x{660}-\x{1DFF}\x{1F00}-\x{10FFFF}]";

/// The shortest text (folded bytes) worth a filter search: on shorter ones
/// trying each position costs less.
const FILTER_MIN: usize = 50;

/// Where a filter regex (patterns unanchored, so matching wherever they
/// do) next matches in a text: the positions before cannot match.
#[derive(Default)]
struct Skip {
    /// The filter's next match start at or after the last search start.
    next: Option<usize>,
}

impl Skip {
    /// Whether the filter says nothing matches at folded byte `at`.
    fn nothing_at(&mut self, filter: Option<&Regex>, folded: &str, at: Option<usize>) -> bool {
        let (Some(filter), Some(at)) = (filter, at) else {
            return false;
        };
        if self.next.is_none_or(|x| x < at) {
            if !folded.is_char_boundary(at) {
                return false;
            }
            self.next = Some(filter.find_at(folded, at).map_or(usize::MAX, |m| m.start()));
        }
        self.next.is_some_and(|x| x > at)
    }
}

/// `char::is_alphanumeric`, quicker on Vietnamese letters.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        normalize::is_letter(c) || c.is_numeric()
    }
}

/// Scans the text left to right, one word start at a time.
fn scan(t: &Prepared, mode: Mode) -> Vec<Atom> {
    let Some(p) = patterns() else {
        return Vec::new();
    };
    let mut atoms = Vec::new();
    let n = t.orig.len();
    let mut i = 0;
    let mut labelled = false;
    let mut skip = Skip::default();
    while i < n {
        let at_word = i == 0 || t.orig.get(i - 1).is_some_and(|&c| !is_alphanumeric(c));
        if !at_word || t.orig.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
            continue;
        }
        let rest = t
            .folded
            .get(t.fbyte.get(i).copied().unwrap_or(0)..)
            .unwrap_or("");
        // Every phrase starts with one of these letters or a digit.
        if !rest.starts_with(|c: char| c.is_ascii_digit() || "tckhđnqsbgm".contains(c)) {
            i += 1;
            continue;
        }
        // Neither the label nor any pattern can match here.
        let filter = p
            .scan_filter
            .as_ref()
            .filter(|_| t.folded.len() > FILTER_MIN);
        if skip.nothing_at(filter, &t.folded, t.fbyte.get(i).copied()) {
            i += 1;
            continue;
        }
        if let Some(m) = p.label.find(rest) {
            labelled = true;
            i = t.char_at(t.fbyte.get(i).copied().unwrap_or(0) + m.end());
            continue;
        }
        let prev_words = t.folded_text(i.saturating_sub(24), i);
        match match_at(t, p, i, rest, mode, labelled, prev_words) {
            Some(found) => {
                let end = found
                    .iter()
                    .map(|a| a.end)
                    .max()
                    .unwrap_or(i + 1)
                    .max(i + 1);
                atoms.extend(found);
                i = end;
            }
            None => i += 1,
        }
    }
    atoms
}

fn num<T: std::str::FromStr>(c: &regex::Captures<'_>, k: usize) -> Option<T> {
    c.get(k).and_then(|m| m.as_str().parse().ok())
}

fn bound_of(kw: &str) -> DayBound {
    if kw.starts_with("trước") {
        DayBound::Before
    } else {
        DayBound::AtLatest
    }
}

fn period_of(word: &str) -> Period {
    match word {
        "quý" => Period::Quarter,
        "tháng" => Period::Month,
        _ => Period::Year,
    }
}

fn rec(period: Period) -> Recurrence {
    Recurrence {
        period,
        due: None,
        from_year: None,
    }
}

fn roman(s: &str) -> Option<u8> {
    match s {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

fn due_day(month: u32, day: u32, bound: DayBound) -> Option<DueDay> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(DueDay {
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
        bound,
    })
}

/// Tries every pattern at char `i`; returns the atoms of the first match.
fn match_at(
    t: &Prepared,
    p: &Patterns,
    i: usize,
    rest: &str,
    mode: Mode,
    labelled: bool,
    prev: &str,
) -> Option<Vec<Atom>> {
    if !p.set.is_match(rest) {
        return None;
    }
    let cand = p.set.matches(rest);
    let captures = |re: &Regex| {
        if p.may_match(re, &cand) {
            re.captures(rest)
        } else {
            None
        }
    };
    let find = |re: &Regex| {
        if p.may_match(re, &cand) {
            re.find(rest)
        } else {
            None
        }
    };
    let base = t.fbyte.get(i).copied().unwrap_or(0);
    let end_of = |len: usize| t.char_at(base + len);
    let one = |kind: Kind, len: usize| {
        Some(vec![Atom {
            kind,
            start: i,
            end: end_of(len),
        }])
    };
    let prose = mode == Mode::Prose;
    // Dates and due days.
    for re in [&p.once_dmy, &p.once_words] {
        if let Some(c) = captures(re) {
            let bound = bound_of(c.get(1).map_or("", |m| m.as_str()));
            let (d, m, y) = (num::<u32>(&c, 2)?, num::<u32>(&c, 3)?, num::<i32>(&c, 4)?);
            let len = c.get(0).map_or(0, |m| m.end());
            return match NaiveDate::from_ymd_opt(y, m, d) {
                Some(date) => one(Kind::Full(Deadline::Once { date, bound }), len),
                None => None,
            };
        }
    }
    if let Some(c) = captures(&p.period_day) {
        let bound = bound_of(c.get(1).map_or("", |m| m.as_str()));
        let due = due_day(num(&c, 3)?, num(&c, 2)?, bound)?;
        return one(Kind::PeriodDay(due), c.get(0)?.end());
    }
    if let Some(c) = captures(&p.quarter_last_month) {
        let bound = bound_of(c.get(1).map_or("", |m| m.as_str()));
        let (period, month) = if c.get(3).map(|m| m.as_str()) == Some("quý") {
            (Period::Quarter, 3)
        } else {
            (Period::Year, 12)
        };
        let due = due_day(month, num(&c, 2)?, bound)?;
        return one(
            Kind::Rec(Recurrence {
                period,
                due: Some(due),
                from_year: None,
            }),
            c.get(0)?.end(),
        );
    }
    // "Quý I hằng năm": every year, by the end of that quarter.
    if let Some(c) = captures(&p.quarter_yearly) {
        let q = u32::from(roman(c.get(1)?.as_str())?);
        let month = q * 3;
        let day = if matches!(month, 6 | 9) { 30 } else { 31 };
        let due = due_day(month, day, DayBound::AtLatest)?;
        return one(
            Kind::Rec(Recurrence {
                period: Period::Year,
                due: Some(due),
                from_year: None,
            }),
            c.get(0)?.end(),
        );
    }
    if let Some(c) = captures(&p.monthly_day) {
        let bound = bound_of(c.get(1).map_or("", |m| m.as_str()));
        let due = due_day(1, num(&c, 2)?, bound)?;
        return one(
            Kind::Rec(Recurrence {
                period: Period::Month,
                due: Some(due),
                from_year: None,
            }),
            c.get(0)?.end(),
        );
    }
    for re in [&p.day_month, &p.day_month_words] {
        if let Some(c) = captures(re) {
            let bound = bound_of(c.get(1).map_or("", |m| m.as_str()));
            let len = c.get(0)?.end();
            // "05/11/" followed by a partial year: not a day-month.
            if rest
                .get(len..)
                .is_some_and(|r| r.trim_start().starts_with('/'))
            {
                return None;
            }
            let due = due_day(num(&c, 3)?, num(&c, 2)?, bound)?;
            return one(Kind::DayMonth(due), len);
        }
    }
    if let Some(c) = captures(&p.relative) {
        let n: u32 = num(&c, 1)?;
        let unit = match c.get(2).map(|m| m.as_str()) {
            Some("ngày làm việc") => DelayUnit::WorkingDay,
            Some("tháng") => DelayUnit::Month,
            _ => DelayUnit::Day,
        };
        let head = c.get(0)?.end();
        let (from, len) = argument(t, p, base + head);
        let from = from?;
        return one(Kind::Full(Deadline::Relative { n, unit, from }), head + len);
    }
    if let Some(c) = captures(&p.monthly_window) {
        let due = due_day(1, num(&c, 2)?, DayBound::AtLatest)?;
        return one(
            Kind::Rec(Recurrence {
                period: Period::Month,
                due: Some(due),
                from_year: None,
            }),
            c.get(0)?.end(),
        );
    }
    // "theo năm học", "hằng năm học", "đầu năm học": yearly, by school
    // year (before "đầu năm" / "cuối năm", which are days of the calendar
    // year). With a school year written after it ("đầu năm học 2024 -
    // 2025") it is one school year, left to the year patterns.
    if let Some(c) = captures(&p.school_year) {
        let len = c.get(0)?.end();
        let after = rest.get(len..).unwrap_or("").trim_start();
        if !after.starts_with(|ch: char| ch.is_ascii_digit()) {
            return one(Kind::Rec(rec(Period::Year)), len);
        }
    }
    if let Some(c) = captures(&p.from_school_year) {
        return one(Kind::FromYear(num(&c, 1)?), c.get(0)?.end());
    }
    if !prose {
        if let Some(c) = captures(&p.relative_bare) {
            let unit = match c.get(2).map(|m| m.as_str()) {
                Some("ngày làm việc") => DelayUnit::WorkingDay,
                Some("tháng") => DelayUnit::Month,
                _ => DelayUnit::Day,
            };
            return one(
                Kind::Full(Deadline::Relative {
                    n: num(&c, 1)?,
                    unit,
                    from: String::new(),
                }),
                c.get(0)?.end(),
            );
        }
        // "đầu năm" = 1 January, "giữa năm" = 30 June, "cuối năm" = 31
        // December (Bộ luật Dân sự 2015, Điều 146); not after "06 tháng".
        if let Some(c) = captures(&p.part_of_year) {
            if prev.trim_end().ends_with("tháng") {
                return None;
            }
            // "đầu năm học 2024 - 2025": a school year, not 1 January.
            let len = c.get(0)?.end();
            if c.get(2).is_none() && rest.get(len..).is_some_and(|r| r.starts_with(" học")) {
                return None;
            }
            let (m, day) = match c.get(1)?.as_str() {
                "đầu" => (1, 1),
                "giữa" => (6, 30),
                _ => (12, 31),
            };
            return match num::<i32>(&c, 2) {
                Some(y) => one(
                    Kind::Full(Deadline::Once {
                        date: NaiveDate::from_ymd_opt(y, m, day)?,
                        bound: DayBound::AtLatest,
                    }),
                    len,
                ),
                None => one(Kind::DayMonth(due_day(m, day, DayBound::AtLatest)?), len),
            };
        }
        if let Some(c) = captures(&p.part_of_month) {
            let day = match c.get(1)?.as_str() {
                "đầu" => 1,
                "giữa" => 15,
                _ => 31,
            };
            return one(
                Kind::PeriodDay(due_day(1, day, DayBound::AtLatest)?),
                c.get(0)?.end(),
            );
        }
    }
    // Recurrences.
    if let Some(m) = find(&p.review_annual) {
        return one(Kind::Rec(rec(Period::Year)), m.end());
    }
    if let Some(m) = find(&p.half_and_year) {
        let mid = rest
            .get(..m.end())
            .and_then(|s| s.rfind(','))
            .unwrap_or(m.end());
        return Some(vec![
            Atom {
                kind: Kind::Rec(rec(Period::HalfYear)),
                start: i,
                end: end_of(mid),
            },
            Atom {
                kind: Kind::Rec(rec(Period::Year)),
                start: end_of(mid),
                end: end_of(m.end()),
            },
        ]);
    }
    if let Some(c) = captures(&p.annual_from) {
        let y: i32 = num(&c, 1).or_else(|| num(&c, 2))?;
        return one(
            Kind::Rec(Recurrence {
                period: Period::Year,
                due: None,
                from_year: Some(y),
            }),
            c.get(0)?.end(),
        );
    }
    if let Some(c) = captures(&p.rec) {
        return one(
            Kind::Rec(rec(period_of(c.get(1)?.as_str()))),
            c.get(0)?.end(),
        );
    }
    if let Some(m) = find(&p.report_quarter) {
        // "báo cáo quý I/2026" names one quarter, not every quarter.
        let after = rest.get(m.end()..).unwrap_or("").trim_start();
        if !after.starts_with(['i', 'v', '1', '2', '3', '4']) {
            return one(Kind::Rec(rec(Period::Quarter)), m.end());
        }
    }
    if let Some(m) = find(&p.half) {
        let after = rest.get(m.end()..).unwrap_or("").trim_start();
        if after.starts_with("đầu năm") || after.starts_with("cuối năm") {
            return None;
        }
        // "6 tháng" alone is a period only next in a list of them
        // ("định kỳ hằng quý, 6 tháng báo cáo …"); else it is a length.
        let named = !rest.starts_with(|c: char| c.is_ascii_digit() || c == 's');
        if named || follows_a_period(prev) {
            return one(Kind::Rec(rec(Period::HalfYear)), m.end());
        }
    }
    // Years.
    if let Some(c) = captures(&p.from_to) {
        let (a, b) = (num(&c, 1)?, num(&c, 2)?);
        return one(
            Kind::Full(Deadline::During { from: a, to: b }),
            c.get(0)?.end(),
        );
    }
    if let Some(c) = captures(&p.from_year) {
        return one(Kind::FromYear(num(&c, 1)?), c.get(0)?.end());
    }
    // Milestones (before bare years: "sơ kết năm 2028").
    if let Some(c) = captures(&p.review_years) {
        let kind = milestone_kind(c.get(1)?.as_str());
        return one(Kind::ReviewAfter(kind, num(&c, 2)?), c.get(0)?.end());
    }
    if let Some(c) = captures(&p.milestone) {
        let kind = milestone_kind(c.get(1)?.as_str());
        let year: Option<i32> = num(&c, 3);
        if year.is_none() && (prose || !milestone_ends(rest, c.get(0)?.end())) {
            return None;
        }
        return one(
            Kind::Full(Deadline::Milestone {
                milestone: kind,
                year,
            }),
            c.get(0)?.end(),
        );
    }
    if let Some(c) = captures(&p.report_milestone) {
        let kind = if c.get(1)?.as_str() == "giữa kỳ" {
            MilestoneKind::MidtermReport
        } else {
            MilestoneKind::NationalReport
        };
        let year: Option<i32> = num(&c, 2);
        if year.is_none() && (prose || !milestone_ends(rest, c.get(0)?.end())) {
            return None;
        }
        return one(
            Kind::Full(Deadline::Milestone {
                milestone: kind,
                year,
            }),
            c.get(0)?.end(),
        );
    }
    let strong_years = !prose || labelled;
    if let Some(c) = captures(&p.quarter) {
        if strong_years || prev_allows_year(prev) {
            let q = roman(c.get(1)?.as_str())?;
            return one(
                Kind::Full(Deadline::WithinQuarter {
                    year: num(&c, 2)?,
                    quarter: q,
                }),
                c.get(0)?.end(),
            );
        }
        return None;
    }
    if let Some(c) = captures(&p.month) {
        let m: u8 = num(&c, 1)?;
        if (1..=12).contains(&m) && (strong_years || prev_allows_year(prev)) {
            return one(
                Kind::Full(Deadline::WithinMonth {
                    year: num(&c, 2)?,
                    month: m,
                }),
                c.get(0)?.end(),
            );
        }
        return None;
    }
    if let Some(c) = captures(&p.span) {
        // "trong năm 2023 - 2024", "trong giai đoạn 2023 - 2025": the
        // preposition makes the years a time, in prose too.
        let within = c.get(0).is_some_and(|m| m.as_str().starts_with("trong "));
        if strong_years || within {
            let (a, b) = (num(&c, 1)?, num(&c, 2)?);
            return one(
                Kind::Full(Deadline::During { from: a, to: b }),
                c.get(0)?.end(),
            );
        }
        return None;
    }
    if let Some(c) = captures(&p.horizon) {
        if strong_years {
            return one(
                Kind::Full(Deadline::Horizon { to: num(&c, 1)? }),
                c.get(0)?.end(),
            );
        }
        return None;
    }
    if let Some(c) = captures(&p.within_year) {
        let has_trong = rest.starts_with("trong");
        if strong_years || has_trong || prev_allows_year(prev) {
            return one(
                Kind::Full(Deadline::WithinYear { year: num(&c, 1)? }),
                c.get(0)?.end(),
            );
        }
        return None;
    }
    if mode == Mode::Cell {
        if let Some(c) = captures(&p.bare_year) {
            if i == 0 || labelled {
                return one(
                    Kind::Full(Deadline::WithinYear { year: num(&c, 1)? }),
                    c.get(0)?.end(),
                );
            }
        }
    }
    // Events.
    for (re, on_request) in [
        (&p.on_request_by, true),
        (&p.guidance, false),
        (&p.programme, false),
    ] {
        if let Some(m) = find(re) {
            let (by, len) = argument(t, p, base + m.end());
            let trigger = if on_request {
                Trigger::OnRequest { by }
            } else {
                Trigger::PerGuidance { by }
            };
            let kind = if prose && !on_request {
                Kind::Weak(Deadline::event(trigger))
            } else {
                Kind::Trigger(trigger)
            };
            return one(kind, m.end() + len);
        }
    }
    if let Some(m) = find(&p.on_request) {
        return one(Kind::Trigger(Trigger::OnRequest { by: None }), m.end());
    }
    // "khi Sở Tư pháp, Ủy ban nhân dân thành phố có yêu cầu", "khi Ủy ban
    // nhân dân quận yêu cầu": on the request of the bodies named (with a
    // capital: "khi cần thiết yêu cầu …" names none).
    if let Some(m) = find(&p.on_request_named) {
        let a = t.char_at(base + m.end());
        if t.orig.get(a).is_some_and(|c| c.is_uppercase()) {
            if let Some((asker_end, end)) = asker_before_request(rest, m.end()) {
                let b = t.char_at(base + asker_end);
                let by = t.orig_text(a, b).trim().trim_end_matches(',').to_string();
                return one(Kind::Trigger(Trigger::OnRequest { by: Some(by) }), end);
            }
        }
    }
    if let Some(m) = find(&p.ad_hoc) {
        let kind = if prose {
            Kind::Weak(Deadline::event(Trigger::AdHoc))
        } else {
            Kind::Trigger(Trigger::AdHoc)
        };
        return one(kind, m.end());
    }
    if let Some(m) = find(&p.asap_after) {
        let (after, len) = argument(t, p, base + m.end());
        if prose {
            return None;
        }
        return one(Kind::Trigger(Trigger::Asap { after }), m.end() + len);
    }
    if let Some(m) = find(&p.asap) {
        if prose {
            return None;
        }
        return one(Kind::Trigger(Trigger::Asap { after: None }), m.end());
    }
    if let Some(m) = find(&p.continuous) {
        // "… theo thẩm quyền (thường xuyên).": alone in a parenthesis at
        // the end of a task, the time it is done, like "(hằng năm)"; an
        // adverb elsewhere in prose ("thường xuyên tuyên truyền").
        let alone_in_paren = prev.trim_end().ends_with('(')
            && rest
                .get(m.end()..)
                .is_some_and(|r| r.trim_start().starts_with(')'));
        if prose && !labelled && !alone_in_paren {
            // "…; thực hiện thường xuyên.": closing its clause, the time
            // the clause gives, if it is all the clause says
            // ([`alone_in_clause`]).
            let closes = rest
                .get(m.end()..)
                .map(str::trim_start)
                .is_some_and(|r| r.is_empty() || r.starts_with([';', '.']));
            return closes.then(|| one(Kind::Weak(Deadline::Continuous), m.end()))?;
        }
        return one(Kind::Full(Deadline::Continuous), m.end());
    }
    None
}

/// Whether the words before a year make it a deadline in prose.
/// Whether the folded text before a phrase ends with a recurrence and a
/// list's joint ("hằng quý, ", "hàng năm và "): the phrase is the list's
/// next period.
fn follows_a_period(prev: &str) -> bool {
    let p = prev.trim_end();
    let Some(p) = p.strip_suffix(',').or_else(|| p.strip_suffix(" và")) else {
        return false;
    };
    let p = p.trim_end();
    ["năm", "quý", "tháng"].iter().any(|period| {
        p.strip_suffix(period)
            .is_some_and(|h| ["hằng ", "hàng ", "mỗi "].iter().any(|e| h.ends_with(e)))
    })
}

fn prev_allows_year(prev: &str) -> bool {
    let prev = prev.trim_end();
    [
        "hoàn thành",
        "hoàn thành trong",
        "thực hiện trong",
        "thực hiện",
        "triển khai trong",
        "trong",
    ]
    .iter()
    .any(|w| prev.ends_with(w))
}

/// An undated milestone in a cell only counts when nothing but connectives
/// or another phrase follows ("Báo cáo quốc gia CAT (khi có yêu cầu)" names
/// a product).
fn milestone_ends(rest: &str, end: usize) -> bool {
    let after = rest.get(end..).unwrap_or("").trim_start();
    after.is_empty()
        || after.starts_with(['.', ';', ',', ')', '-'])
        || after.starts_with("và ")
        || after.starts_with("hoặc ")
}

fn milestone_kind(word: &str) -> MilestoneKind {
    if word == "sơ kết" {
        MilestoneKind::MidtermReview
    } else {
        MilestoneKind::FinalReview
    }
}

/// A free-text argument ("Bộ Công an", "nhận được yêu cầu") starting at
/// folded byte `from`: the original text up to the next stop. Returns the
/// text (None when empty) and its length in folded bytes.
fn argument(t: &Prepared, p: &Patterns, from: usize) -> (Option<String>, usize) {
    let start = t.char_at(from);
    let mut j = start;
    let n = t.orig.len().min(start + MAX_ARGUMENT);
    let mut skip = Skip::default();
    while j < n {
        let at = t.fbyte.get(j).copied().unwrap_or(t.folded.len());
        let rest = t.folded.get(at..).unwrap_or("");
        if !skip.nothing_at(p.stop_filter.as_ref(), &t.folded, Some(at))
            && p.arg_stop.is_match(rest)
        {
            break;
        }
        // ", <a task's verb>" ends the argument: "theo đề nghị của cơ quan
        // cấp trên, tiến hành rà soát …" names the one who asks, and then
        // the work.
        if rest
            .strip_prefix(", ")
            .is_some_and(crate::lexicon::opens_with_task_verb)
        {
            break;
        }
        // "… và <another deadline phrase>" ends the argument.
        let connector = [" và ", " hoặc ", ", "]
            .into_iter()
            .find(|c| rest.starts_with(c));
        if let Some(c) = connector {
            let next = t.char_at(at + c.len());
            let next_rest = t
                .folded
                .get(t.fbyte.get(next).copied().unwrap_or(t.folded.len())..)
                .unwrap_or("");
            if match_at(t, p, next, next_rest, Mode::Cell, false, "").is_some_and(|a| !a.is_empty())
            {
                break;
            }
        }
        j += 1;
    }
    let text = t.orig_text(start, j);
    let trimmed = text.trim_end_matches([' ', ',', ':', '-', '.']);
    let end = start + trimmed.chars().count();
    let len = t
        .fbyte
        .get(end)
        .copied()
        .unwrap_or(from)
        .saturating_sub(from);
    let by = trimmed.trim();
    ((!by.is_empty()).then(|| by.to_string()), len)
}

/// The most words of the bodies named between "khi" and "yêu cầu" (two
/// or three full names, as plans write them: "khi Sở Tư pháp, Ủy ban
/// nhân dân thành phố có yêu cầu" has 9).
const MAX_ASKER_WORDS: usize = 12;

/// Where the bodies named from folded byte `from` of `rest` end, and
/// where the request after them ("có yêu cầu", "yêu cầu") ends: at most
/// [`MAX_ASKER_WORDS`] words, none holding a stop (";", ".", a
/// parenthesis).
fn asker_before_request(rest: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    for _ in 0..MAX_ASKER_WORDS {
        let word_end = at + rest.get(at..)?.find(' ')?;
        if rest.get(at..word_end)?.contains([';', '.', '(', ')']) {
            return None;
        }
        let next = word_end + 1;
        let after = rest.get(next..)?;
        let after = after.strip_prefix("có ").unwrap_or(after);
        let request = ["yêu cầu", "yêu câu"].into_iter().find(|r| {
            after.starts_with(r)
                && after
                    .get(r.len()..)
                    .is_some_and(|x| x.is_empty() || !x.starts_with(char::is_alphanumeric))
        });
        if let Some(r) = request {
            let end = rest.len() - after.len() + r.len();
            return Some((word_end, end));
        }
        at = next;
    }
    None
}

/// The longest free-text argument read, in chars.
const MAX_ARGUMENT: usize = 200;

// ---------------------------------------------------------------------------
// Combination

/// Whether two atoms are written next to each other: only spaces, commas,
/// colons, dashes and parentheses between them.
fn adjacent(t: &Prepared, a: &Atom, b: &Atom) -> bool {
    let (x, y) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    t.orig
        .get(x..y)
        .unwrap_or(&[])
        .iter()
        .all(|c| matches!(c, ' ' | ',' | ':' | '(' | ')' | '-'))
}

/// Whether the text between two atoms joins them as separate deadlines
/// ("và", "hoặc", ";", a line break or another sentence).
fn joined(t: &Prepared, a: &Atom, b: &Atom) -> bool {
    let (x, y) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    let gap = format!(" {} ", t.folded_text(x, y));
    gap.contains(" và ") || gap.contains(" hoặc ") || gap.contains(';') || gap.contains(". ")
}

/// Whether two atoms are written as two deadlines of one list: only
/// "và" or "hoặc" between them ("hằng năm và đột xuất") — not a joiner
/// met inside the words of a task ("… của Ban soạn thảo … hoặc của Ủy
/// ban nhân dân quận, Trưởng phòng phân công …"), nor a clause break (a
/// weak phrase in a clause of its own counts when it is all the clause
/// says, [`alone_in_clause`]).
fn tied_by_joiner(t: &Prepared, a: &Atom, b: &Atom) -> bool {
    let (x, y) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    let gap = t.folded_text(x, y);
    let words = gap.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '-'));
    matches!(words, "và" | "hoặc")
}

/// The most words a clause may hold beside a weak phrase for the phrase
/// to be the clause's time: a verb of two syllables ("thực hiện", "báo
/// cáo" before "theo hướng dẫn của …"), as a clause that only dates a
/// duty is read in the body (more words are work the phrase steers).
const MAX_WORDS_BESIDE_ALONE: usize = 2;

/// Whether atom `a` is all its clause (between ";" or a sentence's end)
/// says, but for at most [`MAX_WORDS_BESIDE_ALONE`] words.
fn alone_in_clause(t: &Prepared, a: &Atom) -> bool {
    let (s, e) = clause_of(t, a);
    words_in(t, s, a.start) + words_in(t, a.end, e) <= MAX_WORDS_BESIDE_ALONE
}

/// The chars of the clause (between ";" or a sentence's end) holding
/// atom `a`.
fn clause_of(t: &Prepared, a: &Atom) -> (usize, usize) {
    let ends = |i: usize| match t.orig.get(i) {
        Some(';') => true,
        Some('.') => t.orig.get(i + 1).is_none_or(|c| *c == ' '),
        _ => false,
    };
    let mut s = a.start;
    while s > 0 && !ends(s - 1) {
        s -= 1;
    }
    let mut e = a.end;
    while e < t.orig.len() && !ends(e) {
        e += 1;
    }
    (s, e)
}

/// The words (runs holding a letter or digit) of chars `x..y`.
fn words_in(t: &Prepared, x: usize, y: usize) -> usize {
    t.orig_text(x, y)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The verb a role clause closes with before its time: "Thanh tra Sở chủ
/// trì thực hiện thường xuyên;", "Phòng Kế hoạch - Tài chính chủ trì,
/// phối hợp với Văn phòng Sở thực hiện theo chỉ đạo của Bộ …".
const ROLE_CLAUSE_VERB: &str = "thực hiện";

/// The role verb that opens such a clause's predicate (see
/// [`closes_role_clause`]).
const ROLE_CLAUSE_LEAD: &str = "chủ trì";

/// Whether weak atom `a` closes a clause that gives a body the lead and
/// the work ("X chủ trì [, phối hợp với Y] thực hiện <time>"): the
/// clause's time, as when the time is all the clause says. Written
/// right after [`ROLE_CLAUSE_VERB`], with at most
/// [`MAX_WORDS_BESIDE_ALONE`] words after it in the clause.
fn closes_role_clause(t: &Prepared, a: &Atom) -> bool {
    let (s, e) = clause_of(t, a);
    let before = t.folded_text(s, a.start).trim_end();
    before.ends_with(ROLE_CLAUSE_VERB)
        && before
            .find(ROLE_CLAUSE_LEAD)
            .is_some_and(|i| i + ROLE_CLAUSE_LEAD.len() < before.len() - ROLE_CLAUSE_VERB.len())
        && words_in(t, a.end, e) <= MAX_WORDS_BESIDE_ALONE
}

fn combine(
    t: &Prepared,
    mut atoms: Vec<Atom>,
    ctx: &DeadlineContext,
    mode: Mode,
) -> Option<(Deadline, usize, usize)> {
    let plan_year = ctx.plan_date.map(|d| d.year());
    // 1. Due days into adjacent recurrences.
    let mut k = 0;
    while k < atoms.len() {
        let due_of = |a: &Atom| match &a.kind {
            Kind::DayMonth(d) => Some((*d, false)),
            Kind::PeriodDay(d) => Some((*d, true)),
            _ => None,
        };
        if let Some((due, in_period)) = atoms.get(k).and_then(due_of) {
            let target = [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .find(|&j| match (atoms.get(j), atoms.get(k)) {
                    (Some(r), Some(d)) => {
                        matches!(&r.kind, Kind::Rec(rc) if rc.due.is_none()
                            && (rc.period == Period::Year) != in_period)
                            && adjacent(t, r, d)
                    }
                    _ => false,
                });
            if let Some(j) = target {
                let d = atoms.remove(k);
                let j = if j > k { j - 1 } else { j };
                if let Some(r) = atoms.get_mut(j) {
                    if let Kind::Rec(rc) = &mut r.kind {
                        rc.due = Some(due);
                    }
                    r.start = r.start.min(d.start);
                    r.end = r.end.max(d.end);
                }
                k = 0;
                continue;
            }
        }
        k += 1;
    }
    // 1b. "Chậm nhất ngày 06 của tháng cuối quý đối với báo cáo định kỳ hằng
    // quý": a dated recurrence and a bare one of the same period, not joined
    // by "và"/"hoặc", are one recurrence.
    let mut k = 0;
    while k < atoms.len() {
        let dated = match atoms.get(k).map(|a| &a.kind) {
            Some(Kind::Rec(r)) if r.due.is_some() => Some(r.period),
            _ => None,
        };
        if let Some(period) = dated {
            let bare = (0..atoms.len()).find(|&j| {
                j != k
                    && matches!(atoms.get(j).map(|a| &a.kind),
                        Some(Kind::Rec(r)) if r.period == period && r.due.is_none() && r.from_year.is_none())
                    && match (atoms.get(j), atoms.get(k)) {
                        (Some(a), Some(b)) => !joined(t, a, b),
                        _ => false,
                    }
            });
            if let Some(j) = bare {
                let b = atoms.remove(j);
                let k2 = if j < k { k - 1 } else { k };
                if let Some(a) = atoms.get_mut(k2) {
                    a.start = a.start.min(b.start);
                    a.end = a.end.max(b.end);
                }
                k = 0;
                continue;
            }
        }
        k += 1;
    }
    // 2. "từ năm YYYY" right after a recurrence.
    let mut k = 1;
    while k < atoms.len() {
        let bind = match (atoms.get(k - 1), atoms.get(k)) {
            (Some(r), Some(f)) => {
                matches!((&r.kind, &f.kind), (Kind::Rec(rc), Kind::FromYear(_)) if rc.from_year.is_none())
                    && adjacent(t, r, f)
            }
            _ => false,
        };
        if bind {
            let f = atoms.remove(k);
            if let (Some(r), Kind::FromYear(y)) = (atoms.get_mut(k - 1), f.kind) {
                if let Kind::Rec(rc) = &mut r.kind {
                    rc.from_year = Some(y);
                }
                r.end = r.end.max(f.end);
            }
            continue;
        }
        k += 1;
    }
    // 3. Triggers with an adjacent recurrence (after, else before).
    let mut k = 0;
    while k < atoms.len() {
        if matches!(atoms.get(k).map(|a| &a.kind), Some(Kind::Trigger(_))) {
            let target = [Some(k + 1), k.checked_sub(1)]
                .into_iter()
                .flatten()
                .find(|&j| match (atoms.get(j), atoms.get(k)) {
                    (Some(r), Some(tr)) => matches!(r.kind, Kind::Rec(_)) && adjacent(t, r, tr),
                    _ => false,
                });
            if let Some(j) = target {
                let r = atoms.remove(j);
                let k2 = if j < k { k - 1 } else { k };
                if let (Some(tr), Kind::Rec(rc)) = (atoms.get_mut(k2), r.kind) {
                    if let Kind::Trigger(trigger) = &tr.kind {
                        tr.kind = Kind::Full(Deadline::Event {
                            trigger: trigger.clone(),
                            recurrence: Some(rc),
                        });
                    }
                    tr.start = tr.start.min(r.start);
                    tr.end = tr.end.max(r.end);
                }
                k = k2 + 1;
                continue;
            }
        }
        k += 1;
    }
    // 4. A lone day-month joins the text's only yearly recurrence.
    let yearly: Vec<usize> = atoms
        .iter()
        .enumerate()
        .filter(
            |(_, a)| matches!(&a.kind, Kind::Rec(r) if r.period == Period::Year && r.due.is_none()),
        )
        .map(|(i, _)| i)
        .collect();
    let day_months: Vec<usize> = atoms
        .iter()
        .enumerate()
        .filter(|(_, a)| matches!(a.kind, Kind::DayMonth(_)))
        .map(|(i, _)| i)
        .collect();
    if let (&[r], &[d]) = (yearly.as_slice(), day_months.as_slice()) {
        if let Some(Kind::DayMonth(due)) = atoms.get(d).map(|a| a.kind.clone()) {
            let (ds, de) = atoms.get(d).map_or((0, 0), |a| (a.start, a.end));
            if let Some(a) = atoms.get_mut(r) {
                if let Kind::Rec(rc) = &mut a.kind {
                    rc.due = Some(due);
                }
                a.start = a.start.min(ds);
                a.end = a.end.max(de);
            }
            atoms.remove(d);
        }
    }
    // 5. Everything to deadlines. In prose a weak phrase ("đột xuất",
    // "theo hướng dẫn của …") counts beside a strong one only when it is
    // written next to it or joined to it ("và", "hoặc"): one met
    // further on inside the task's words qualifies a noun, not the time
    // ("Khi có yêu cầu của Ban soạn thảo …, Trưởng phòng phân công …
    // tham gia ý kiến vào dự thảo Báo cáo quốc gia CAT định kỳ, đột
    // xuất" is due on request; the report is the periodic or ad hoc one;
    // "rà soát … theo chỉ đạo của bộ, ngành trung ương, kiến nghị …;
    // thực hiện hằng năm" is yearly, the guidance steering the review).
    // A weak phrase that is all its clause says, but for a verb
    // ("…; thực hiện theo hướng dẫn của bộ, ngành trung ương."), is the
    // clause's time, alone or beside a strong one.
    let strong: Vec<&Atom> = atoms
        .iter()
        .filter(|a| !matches!(a.kind, Kind::Weak(_)))
        .collect();
    let has_strong = !strong.is_empty();
    let alone: Vec<bool> = atoms
        .iter()
        .map(|w| {
            matches!(w.kind, Kind::Weak(_)) && (alone_in_clause(t, w) || closes_role_clause(t, w))
        })
        .collect();
    let tied: Vec<bool> = atoms
        .iter()
        .zip(&alone)
        .map(|(w, &alone)| {
            mode == Mode::Cell
                || alone
                || strong
                    .iter()
                    .any(|s| adjacent(t, s, w) || tied_by_joiner(t, s, w))
        })
        .collect();
    let mut parts: Vec<(Deadline, usize, usize)> = Vec::new();
    for ((a, tied), alone) in atoms.into_iter().zip(tied).zip(alone) {
        let d = match a.kind {
            Kind::Full(d) => Some(d),
            Kind::Rec(r) => Some(Deadline::Recurring(r)),
            Kind::Trigger(tr) => Some(Deadline::event(tr)),
            Kind::Weak(d) => (mode == Mode::Cell || (has_strong || alone) && tied).then_some(d),
            Kind::DayMonth(due) => plan_year.and_then(|y| {
                let date = NaiveDate::from_ymd_opt(y, u32::from(due.month), u32::from(due.day))?;
                Some(Deadline::Once {
                    date,
                    bound: due.bound,
                })
            }),
            Kind::PeriodDay(_) => None,
            Kind::FromYear(y) => Some(Deadline::Recurring(Recurrence {
                period: Period::Year,
                due: None,
                from_year: Some(y),
            })),
            Kind::ReviewAfter(kind, n) => Some(Deadline::Milestone {
                milestone: kind,
                year: plan_year.map(|y| y + n),
            }),
        };
        if let Some(d) = d {
            parts.push((d, a.start, a.end));
        }
    }
    let first = parts.iter().map(|p| p.1).min()?;
    let last = parts.iter().map(|p| p.2).max()?;
    let mut ds: Vec<Deadline> = parts.into_iter().map(|p| p.0).collect();
    let d = if ds.len() == 1 {
        ds.pop()?
    } else {
        Deadline::All { parts: ds }
    };
    Some((d, first, last))
}

#[cfg(test)]
mod tests {

    /// [`Prepared::new`]'s folded key as it was made before words were
    /// folded as they came: segment by segment (runs of letters and runs
    /// of other chars), a word rebuilt from its normalised chars when
    /// normalisation may change it.
    fn folded_by_segments(orig: &[char], plain: bool) -> (String, Vec<usize>) {
        let mut folded = String::new();
        let mut fbyte = Vec::new();
        let mut w = 0;
        while w < orig.len() {
            let is_word = normalize::is_letter(orig[w]);
            let mut end = w;
            while end < orig.len() && normalize::is_letter(orig[end]) == is_word {
                end += 1;
            }
            let seg = &orig[w..end];
            let changed: Option<Vec<char>> = if is_word
                && (!(plain || normalize::is_nfc_fast(seg.iter().copied()))
                    || (seg.iter().any(|&c| normalize::may_give_tone(c))
                        && normalize::tone_may_move(
                            seg[0],
                            seg.len().checked_sub(2).map(|i| seg[i]),
                            seg[seg.len() - 1],
                        ))) {
                let slice: String = seg.iter().collect();
                let word: Vec<char> = normalize::normalize(&slice).chars().collect();
                (word.len() == seg.len()).then_some(word)
            } else {
                None
            };
            for &c in changed.as_deref().unwrap_or(seg) {
                fbyte.push(folded.len());
                folded.push(fold_char(c));
            }
            w = end;
        }
        fbyte.push(folded.len());
        (folded, fbyte)
    }

    /// Pieces of text for [`prepared_folds_as_by_segments`]: words whose
    /// tone moves (old and new style, NFC and NFD), capitals, dashes,
    /// markup, digits and spaces.
    const FOLD_PIECES: &[&str] = &[
        "hoà",
        "hòa",
        "Hoà",
        "HOÀ",
        "thuỷ",
        "thủy",
        "quí",
        "quý",
        "khoẻ",
        "Khỏe",
        "hoa\u{300}",
        "tu\u{309}y",
        "o\u{301}",
        "Quý",
        "trước",
        "ngày",
        "31/12/2026",
        " ",
        "  ",
        "\n",
        ",",
        "–",
        "—",
        "\u{2212}",
        "*",
        "<b>",
        "</i>",
        "<",
        ">",
        "\u{200b}",
        "İ",
        "ǅ",
        "Đ",
        "năm",
        "a",
        "ọ",
        "ụy",
        "uỵ",
        "ỏe",
        "(",
        ")",
        ".",
        "2026",
        "\t",
        "\u{b}",
        "\u{c}",
        "\r",
        "\u{a0}",
        "\u{feff}",
        "\u{ad}",
        "<p>",
        "<!--",
        "</",
        "<é",
        "\u{2003}",
        "x",
    ];

    /// Markup out, every whitespace run one space (U+000B and no-break
    /// spaces too), invisible chars and `*` dropped; a `<` not opening a
    /// tag kept; each char with its source bytes.
    #[test]
    fn markup_stripped_whitespace_collapsed() {
        let text = "a\u{b}\u{a0} b<b>c</b>*d\u{200b}\u{ad}e < 3\u{2003}đ<é";
        let (orig, spans) = strip_markup(
            text.char_indices().map(|(i, c)| (c, i, i + c.len_utf8())),
            text.len(),
        );
        assert_eq!(orig.iter().collect::<String>(), "a b c de < 3 đ<é");
        // The space standing in for "<b>" spans the tag.
        assert_eq!(spans[3], (6, 9));
        let t = Prepared::new(text);
        assert_eq!(t.folded, "a b c de < 3 đ<é");
    }

    proptest::proptest! {
        /// Folding each char as it comes and refolding a word at its end
        /// gives the key segment-by-segment folding gave.
        #[test]
        fn prepared_folds_as_by_segments(
            parts in proptest::collection::vec(proptest::sample::select(FOLD_PIECES), 0..24),
        ) {
            let text: String = parts.concat();
            let t = Prepared::new(&text);
            let plain = normalize::all_plain_starters(&text);
            let (folded, fbyte) = folded_by_segments(&t.orig, plain);
            proptest::prop_assert_eq!(&t.folded, &folded, "{:?}", text);
            proptest::prop_assert_eq!(&t.fbyte, &fbyte, "{:?}", text);
        }
    }
    use super::*;

    #[test]
    fn a_bare_date_is_a_date_and_nothing_else() {
        let due = |y, m, d| {
            Some(Deadline::Once {
                date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
                bound: DayBound::AtLatest,
            })
        };
        assert_eq!(bare_date(" 31/12/2023 "), due(2023, 12, 31));
        assert_eq!(bare_date("5-6-2024."), due(2024, 6, 5));
        for not in [
            "31/12",
            "2023 - 2025",
            "31/02/2023",
            "Quý IV/2024",
            "trước 31/12/2023",
            "31/12/23",
        ] {
            assert_eq!(bare_date(not), None, "{not}");
        }
    }

    #[test]
    fn quick_alphanumeric_is_the_plain_test() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:04x}", c as u32);
        }
    }

    fn ctx(y: i32, m: u32, d: u32) -> DeadlineContext {
        DeadlineContext::on(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn a_half_year_next_in_a_list_of_periods_is_read() {
        // Written as no corpus plan writes it: "6 tháng" after a
        // recurrence and a comma is the list's next period.
        let c = ctx(2026, 2, 10);
        let periods = |s: &str| {
            let d = find_deadline(s, &c).map(|m| m.deadline);
            let mut ps: Vec<Period> = d
                .iter()
                .flat_map(|d| d.parts())
                .filter_map(|p| match p {
                    Deadline::Recurring(r) => Some(r.period),
                    _ => None,
                })
                .collect();
            ps.sort_by_key(|p| format!("{p:?}"));
            ps
        };
        let s = "Định kỳ hằng quý, 6 tháng báo cáo kết quả về Sở Tư pháp.";
        assert_eq!(periods(s), vec![Period::HalfYear, Period::Quarter], "{s}");
        let s = "định kỳ hàng năm và sáu tháng gửi báo cáo về Ủy ban nhân dân xã.";
        assert_eq!(periods(s), vec![Period::HalfYear, Period::Year], "{s}");
        // A length of six months is no period.
        let s = "Tổ chức tập huấn 6 tháng cho cán bộ.";
        assert_eq!(periods(s), Vec::<Period>::new(), "{s}");
    }

    #[test]
    fn a_weak_phrase_inside_the_task_words_is_no_deadline() {
        // Another province's wording: the condition is the deadline; the
        // "định kỳ, đột xuất" further on qualifies the report.
        let c = ctx(2024, 3, 1);
        let s = "Khi có yêu cầu của Bộ Tư pháp hoặc của Ủy ban nhân dân tỉnh, Giám đốc Sở giao Phòng Hành chính tư pháp tổng hợp số liệu vào báo cáo định kỳ, đột xuất về tình hình thi hành Công ước.";
        assert_eq!(deadline_text(s, &c).as_deref(), Some("Khi có yêu cầu"));
        assert_eq!(
            find_deadline(s, &c).map(|m| m.deadline),
            Some(Deadline::event(Trigger::OnRequest { by: None }))
        );
        // Written next to one another, or joined, they are one list.
        for (s, text) in [
            (
                "báo cáo hằng năm và đột xuất về Sở Tư pháp.",
                "hằng năm và đột xuất",
            ),
            (
                "gửi báo cáo hằng năm; báo cáo đột xuất khi có yêu cầu.",
                "hằng năm; báo cáo đột xuất khi có yêu cầu",
            ),
        ] {
            assert_eq!(deadline_text(s, &c).as_deref(), Some(text), "{s}");
        }
    }

    #[test]
    fn patterns_compile() {
        assert!(patterns().is_some());
    }

    #[test]
    fn loose_digit_holds_every_digit_and_no_vietnamese_letter() {
        let (digit, loose) = (
            Regex::new(r"^\d$").unwrap(),
            Regex::new(&format!("^{LOOSE_DIGIT}$")).unwrap(),
        );
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert!(
                !digit.is_match(s) || loose.is_match(s),
                "U+{:04X}",
                c as u32
            );
        }
        assert!(!"ếộữằđươâ".chars().any(|c| loose.is_match(&c.to_string())));
    }

    #[test]
    fn prepared_maps_back_to_bytes() {
        let s = "a **trước** <p>ngày</p>";
        let t = Prepared::new(s);
        assert_eq!(t.orig_text(0, t.orig.len()), "a trước ngày");
        assert_eq!(t.orig.len(), t.folded.chars().count());
    }

    #[test]
    fn day_month_without_year_uses_plan_year() {
        let d = parse_deadline("trước ngày 05/11", &ctx(2026, 2, 5));
        assert_eq!(
            d,
            Some(Deadline::once_before(
                NaiveDate::from_ymd_opt(2026, 11, 5).unwrap()
            ))
        );
        assert_eq!(
            parse_deadline("trước ngày 05/11", &DeadlineContext::default()),
            None
        );
    }

    #[test]
    fn a_quarter_of_every_year_is_due_at_its_end() {
        let due = |month, day| {
            Some(Deadline::Recurring(Recurrence {
                period: Period::Year,
                due: Some(DueDay {
                    month,
                    day,
                    bound: DayBound::AtLatest,
                }),
                from_year: None,
            }))
        };
        assert_eq!(
            parse_deadline("Quý I hằng năm", &ctx(2026, 2, 10)),
            due(3, 31)
        );
        assert_eq!(
            parse_deadline("trong quý III hàng năm", &ctx(2026, 2, 10)),
            due(9, 30)
        );
        assert_eq!(
            parse_deadline("Quý 2 mỗi năm", &ctx(2026, 2, 10)),
            due(6, 30)
        );
        // One quarter of one year stays that quarter.
        assert_eq!(
            parse_deadline("Quý I/2027", &ctx(2026, 2, 10)),
            Some(Deadline::WithinQuarter {
                year: 2027,
                quarter: 1
            })
        );
    }

    #[test]
    fn school_years_recur_yearly() {
        let year = Some(Deadline::Recurring(rec(Period::Year)));
        for cell in [
            "Theo năm học",
            "hằng năm học",
            "Mỗi năm học",
            "Đầu năm học",
            "cuối năm học",
            "định kỳ hàng năm học",
        ] {
            assert_eq!(parse_deadline(cell, &ctx(2024, 3, 1)), year, "{cell}");
        }
        let from = |y| {
            Some(Deadline::Recurring(Recurrence {
                period: Period::Year,
                due: None,
                from_year: Some(y),
            }))
        };
        assert_eq!(
            parse_deadline(
                "Năm học 2026 - 2027 và các năm tiếp theo",
                &ctx(2026, 2, 10)
            ),
            from(2026)
        );
        let prose = "lồng ghép vào hoạt động ngoại khóa; thực hiện theo năm học, bắt đầu từ năm học 2023 - 2024.";
        let m = find_deadline(prose, &ctx(2023, 5, 15)).unwrap();
        assert_eq!(Some(m.deadline), from(2023));
        assert_eq!(
            &prose[m.start..m.end],
            "theo năm học, bắt đầu từ năm học 2023 - 2024"
        );
        // One school year named is no recurrence, and not 1 January.
        assert_eq!(
            parse_deadline("Đầu năm học 2024 - 2025", &ctx(2024, 3, 1)),
            Some(Deadline::During {
                from: 2024,
                to: 2025
            })
        );
        assert_eq!(
            parse_deadline("Cuối năm", &ctx(2024, 3, 1)),
            Some(Deadline::Once {
                date: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
                bound: DayBound::AtLatest
            })
        );
    }

    #[test]
    fn invalid_dates_give_nothing() {
        assert_eq!(
            parse_deadline("trước ngày 31/02/2026", &DeadlineContext::default()),
            None
        );
        assert_eq!(
            parse_deadline("ngày /4/2023", &DeadlineContext::default()),
            None
        );
    }

    /// A phrase of each pattern [`match_at`] tries (two of some), with
    /// tones written either way; each reads as a deadline alone.
    const PHRASES: &[&str] = &[
        "trước ngày 31/12/2025",
        "chậm nhất ngày 15 tháng 6 năm 2024",
        "trước ngày 05 của tháng thứ 2 trong kỳ",
        "trước ngày 20 tháng cuối quý",
        "trong quý IV hằng năm",
        "trước ngày 25 hằng tháng",
        "trước ngày 30/11",
        "trước ngày 15 tháng 12",
        "trong thời hạn 30 ngày kể từ ngày nhận",
        "sơ kết hằng năm",
        "định kỳ 6 tháng, năm",
        "định kỳ hằng quý",
        "Hàng Qúy",
        "mỗi tháng",
        "theo năm học",
        "từ năm học 2024-2025",
        "báo cáo sáu tháng một lần",
        "năm 2025 và các năm tiếp theo",
        "từ năm 2021 đến năm 2025",
        "từ năm 2024",
        "giai đoạn 2021 - 2025",
        "đến hết năm 2030",
        "quý II/2024",
        "tháng 6/2025",
        "Tổng kết năm 2025",
        "sơ kết 05 năm",
        "báo cáo giữa kỳ năm 2026",
        "Bảo cáo quốc gia năm 2025",
        "theo thẩm quyền và đề nghị của Bộ Công an",
        "thực hiện yêu câu của Bộ",
        "khi có yêu cầu",
        "khi Sở Tư pháp, Ủy ban nhân dân thành phố có yêu cầu",
        "khi Ủy ban nhân dân huyện yêu câu",
        "theo hướng dẫn của Bộ Tư pháp",
        "thực hiện văn bản chỉ đạo",
        "theo kế hoạch công tác của Ủy ban",
        "theo chương trình của Tỉnh ủy",
        "báo cáo đột xuất",
        "ngay sau khi có quyết định",
        "ngay khi có",
        "kịp thời",
        "thường xuyên, liên tục",
        "(thường xuyên)",
        "báo cáo định kỳ quý",
        "Báo Cáo Qúy",
        "từ ngày 20 đến ngày 25 hằng tháng",
        "cuối năm 2025",
        "Đầu năm",
        "giữa tháng",
        "trong 15 ngày làm việc",
        "trong năm 2025",
        "Thời gian: 2025",
    ];

    /// Words of tasks around the phrases, some of them parts of cues.
    const FILLERS: &[&str] = &[
        "Ủy ban nhân dân",
        "tổ chức",
        "triển khai",
        "thực hiện",
        "kế hoạch",
        "hướng dẫn",
        "chương",
        "trình",
        "yêu",
        "ngày",
        "tháng",
        "năm",
        "quý",
        "hằng",
        "sau",
        "khi",
        "hoà",
        "thuỷ",
        ",",
        ".",
        ";",
        "(",
        ")",
        ":",
        "-",
        "\u{2013}",
        "\u{a0}",
    ];

    /// Whether the search finds a phrase in `text` as a cell.
    fn cell_finds(text: &str) -> bool {
        !scan(&Prepared::new(text), Mode::Cell).is_empty()
    }

    /// Whether the search finds a phrase in `text` as prose that is not
    /// weak, or a deadline.
    fn prose_finds(text: &str) -> bool {
        scan(&Prepared::new(text), Mode::Prose)
            .iter()
            .any(|a| !matches!(a.kind, Kind::Weak(_)))
            || find_deadline(text, &DeadlineContext::default()).is_some()
    }

    /// Whether the pre-check lets through every text the search finds a
    /// phrase in, in both modes (and whether it found one).
    fn cued_where_found(text: &str) -> (bool, bool) {
        let cell = cell_finds(text);
        let prose = prose_finds(text);
        let cued = (!cell || may_hold_deadline(text, Mode::Cell))
            && (!prose || may_hold_deadline(text, Mode::Prose));
        (cued, cell || prose)
    }

    #[test]
    fn every_phrase_is_found_and_cued() {
        let mut in_prose = 0;
        for p in PHRASES {
            assert!(cell_finds(p), "{p}");
            in_prose += usize::from(prose_finds(p));
            // In upper case, and with markup between its chars.
            let upper = p.to_uppercase();
            let marked: String = p.chars().flat_map(|c| [c, '*']).collect();
            for v in [p.to_string(), upper, marked] {
                assert_eq!(cued_where_found(&v), (true, true), "{v}");
            }
        }
        // Most phrases count in prose too.
        assert!(in_prose > 30, "{in_prose}");
    }

    #[test]
    fn a_request_counts_after_khi_alone() {
        // "yêu cầu" with no "khi" before it (or only after it) holds no
        // deadline, and the pre-check says so; after "khi" and a body
        // it is cued, as the search reads it.
        for t in [
            "Tiếp nhận, giải quyết yêu cầu bồi thường của người bị thiệt hại.",
            "Đáp ứng yêu cầu nhiệm vụ được giao, báo cáo kết quả khi hoàn thành.",
        ] {
            assert_eq!(cued_where_found(t), (true, false), "{t}");
            assert!(!may_hold_deadline(t, Mode::Prose), "{t}");
            assert!(!may_hold_deadline(t, Mode::Cell), "{t}");
        }
        let t = "Cung cấp hồ sơ vụ việc khi Phòng Tư pháp quận có yêu cầu.";
        assert_eq!(cued_where_found(t), (true, true), "{t}");
        assert!(may_hold_deadline(t, Mode::Prose), "{t}");
    }

    #[test]
    fn a_char_read_folds_to_its_skeleton() {
        // Every char the pre-check does not give up on: NFC as it is,
        // and its folded char (that of the prepared text) has its
        // skeleton.
        let mut read = 0;
        for c in ('\0'..='\u{2fff}').filter(|&c| skel(c) != Skel::Unsure) {
            read += 1;
            if matches!(skel(c), Skel::Letter(_) | Skel::Figure) {
                let s = c.to_string();
                assert_eq!(s.nfc().collect::<String>(), s, "{c:?}");
            } else {
                // What is left out stays left out in NFC.
                assert!(
                    c.to_string().nfc().all(|x| skel(x) == Skel::Nothing),
                    "{c:?}"
                );
            }
            assert_eq!(skel(fold_char(c)), skel(c), "{c:?}");
        }
        // The Vietnamese letters, upper and lower case, are read.
        for c in "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵỲÝỶỸỴ"
            .chars()
        {
            assert!(matches!(skel(c), Skel::Letter(_)), "{c:?}");
        }
        assert!(read > 400, "{read}");
        assert_eq!(skel('ự'), Skel::Letter(b'u'));
        assert_eq!(skel('Đ'), Skel::Letter(b'd'));
        assert_eq!(skel('\u{301}'), Skel::Unsure);
        assert_eq!(skel('<'), Skel::Unsure);
        assert_eq!(skel('\u{663}'), Skel::Unsure);
    }

    #[test]
    fn a_deadline_in_the_corpus_was_cued() {
        // Every line of the shipped plans, its sentences and pairs of
        // lines: where the search finds a phrase, the pre-check says so.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data");
        let (mut found, mut skipped) = (0, 0);
        for sub in ["seeds", "written", "communes", "decisions"] {
            for e in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
                if e.path().extension().is_none_or(|x| x != "txt") {
                    continue;
                }
                let text = std::fs::read_to_string(e.path()).unwrap();
                let lines: Vec<&str> = text.lines().collect();
                let mut texts: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                texts.extend(lines.windows(2).map(|w| w.join("\n")));
                texts.extend(lines.iter().flat_map(|l| l.split(". ")).map(str::to_string));
                for t in &texts {
                    let (cued, any) = cued_where_found(t);
                    assert!(cued, "{}: {t:?}", e.path().display());
                    found += usize::from(any);
                    skipped += usize::from(!may_hold_deadline(t, Mode::Prose));
                }
            }
        }
        // The corpus holds phrases, and texts the pre-check saves.
        assert!(found > 1000 && skipped > 1000, "{found} {skipped}");
    }

    proptest::proptest! {
        /// Phrases among words of tasks, with letters in upper case,
        /// markup, invisible chars and runs of spaces put in: where the
        /// search finds a phrase, the pre-check says so.
        #[test]
        fn a_deadline_found_was_cued(
            before in proptest::collection::vec(proptest::sample::select(FILLERS), 0..4),
            phrase in proptest::sample::select(PHRASES),
            after in proptest::collection::vec(proptest::sample::select(FILLERS), 0..4),
            // Per char: 0 as it is, 1 upper case, 2 '*' after, 3 a soft
            // hyphen after, 4 a space after, else as it is.
            edits in proptest::collection::vec(0u8..12, 0..160),
        ) {
            let plain = [before.join(" "), phrase.to_string(), after.join(" ")].join(" ");
            let mut text = String::new();
            for (k, c) in plain.chars().enumerate() {
                match edits.get(k).copied().unwrap_or(0) {
                    1 => text.extend(c.to_uppercase()),
                    2 => { text.push(c); text.push('*'); }
                    3 => { text.push(c); text.push('\u{ad}'); }
                    4 => { text.push(c); text.push_str(" \n"); }
                    _ => text.push(c),
                }
            }
            proptest::prop_assert!(cued_where_found(&text).0, "{:?}", text);
        }
    }
}
