//! Roles written in prose: who leads, supports or is requested when a task
//! says so in its own sentence rather than in a parenthesis, a labelled
//! line or a table cell.
//!
//! # The forms read
//!
//! | written | assignments |
//! |---|---|
//! | "Sở Tư pháp chủ trì rà soát …" | Sở Tư pháp leads |
//! | "Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp tổ chức …" | Công an tỉnh leads, Sở Tư pháp supports |
//! | "Sở Tư pháp: chủ trì rà soát …; Công an tỉnh: phối hợp" | Sở Tư pháp leads, Công an tỉnh supports |
//! | "Sở Tư pháp chủ trì, Công an tỉnh phối hợp thực hiện …" | the same |
//! | "Sở Y tế chịu trách nhiệm …", "Sở Y tế có trách nhiệm …" | Sở Y tế leads |
//! | "Công an tỉnh phối hợp với Sở Tư pháp tổ chức …" | Công an tỉnh carries the task (leads), Sở Tư pháp supports |
//! | "Đề nghị Tòa án nhân dân tỉnh, … phối hợp …" | requested supports |
//! | "Đề nghị Tòa án nhân dân tỉnh nghiên cứu …" | requested lead |
//! | "Sở Tư pháp chủ trì, đề nghị Tòa án nhân dân tỉnh phối hợp" | Sở Tư pháp leads, the court is a requested support |
//! | "Văn phòng UBND tỉnh theo dõi, đôn đốc …" | the office leads a monitoring duty ([`SentenceRoles::monitor`]) |
//!
//! # Monitoring is a kind of duty, not a role
//!
//! "theo dõi, đôn đốc, kiểm tra" (monitor) is read as the lead of a duty
//! of kind [`ObligationKind::Monitor`](obligraph_core::ObligationKind):
//! the core model already says "monitor" through the obligation's kind,
//! and every audit rule that reads leads then sees who monitors. A third
//! [`Role`] would make each rule decide again what a monitor is.
//!
//! # What is a subject
//!
//! The words before a role verb are a subject only when they are nothing
//! but agency names (known ones, collectives, or unknown names opening
//! with an agency noun such as "Văn phòng", "Trung tâm", "Ban"): "Tiếp
//! tục phối hợp rà soát …" and "Tăng cường hoạt động thanh tra, kiểm tra,
//! giám sát, theo dõi …" name nobody. When the whole run does not name
//! agencies, its part after the last comma may ("rà soát văn bản, Công an
//! tỉnh phối hợp"). The partners after "phối hợp với" end where the
//! task's verb starts ("tổ chức", "rà soát", … the list in
//! [`crate::agency`]) when the words before it name only agencies, else
//! where the longest run of words that names only agencies ends.
//!
//! "cơ quan chủ trì" and "đơn vị phối hợp" are nouns (the lead agency),
//! not verbs: "theo đề xuất của cơ quan chủ trì" assigns nobody.
//!
//! ```
//! use obligraph_core::Role;
//! use obligraph_vn::agency::AgencyContext;
//! use obligraph_vn::roles::sentence_roles;
//! let ctx = AgencyContext::default();
//! let r = sentence_roles(
//!     "Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp tổ chức tập huấn", &ctx);
//! let got: Vec<(&str, Role)> =
//!     r.assignments.iter().map(|a| (a.agency.id.as_str(), a.role)).collect();
//! assert_eq!(got, [("province:police", Role::Lead), ("province:justice", Role::Support)]);
//!
//! let r = sentence_roles(
//!     "Đề nghị Ban Tuyên giáo Tỉnh ủy, Tòa án nhân dân tỉnh phối hợp tuyên truyền", &ctx);
//! assert!(r.assignments.iter().all(|a| a.role == Role::Support && a.requested));
//! assert_eq!(r.assignments.len(), 2);
//!
//! assert!(sentence_roles("Tiếp tục phối hợp rà soát văn bản", &ctx).assignments.is_empty());
//! ```

use obligraph_core::{Assignment, Role};

use crate::agency::{council_role_word, only_agencies_with, task_verb_at, AgencyContext, Memo};
use crate::import::text::key_into;
use crate::normalize::fold;

/// The roles a sentence gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SentenceRoles {
    /// The assignments, in the order written.
    pub assignments: Vec<Assignment>,
    /// Whether a subject was given a monitoring verb ("theo dõi", "đôn
    /// đốc") and nothing else.
    pub monitor: bool,
    /// The ids of the bodies named as carrying their own share of the work
    /// within their remit ("…; các sở, ngành thực hiện theo chức năng,
    /// nhiệm vụ, Ủy ban nhân dân các xã thực hiện theo thẩm quyền").
    pub(crate) shares: Vec<String>,
}

impl SentenceRoles {
    /// Whether every lead the sentence names was named as carrying its
    /// share within its remit: the duty's own subject goes unnamed (the
    /// heading's body, when the duty stands under one), and leads beside
    /// them.
    pub(crate) fn leads_only_by_share(&self) -> bool {
        let mut leads = self.assignments.iter().filter(|a| a.role == Role::Lead);
        leads.clone().next().is_some() && leads.all(|a| self.shares.contains(&a.agency.id))
    }
}

/// A role verb, as the keys of its words.
struct Verb {
    words: &'static [&'static str],
    role: Role,
    monitor: bool,
}

/// The role verbs. "tham gia" (take part) is not one: "Đề nghị Ủy ban
/// Mặt trận Tổ quốc … tham gia thực hiện" gives the Front its own duty,
/// which the duty's subject already says.
const VERBS: &[Verb] = &[
    Verb {
        words: &["chu", "tri"],
        role: Role::Lead,
        monitor: false,
    },
    Verb {
        words: &["phoi", "hop"],
        role: Role::Support,
        monitor: false,
    },
    Verb {
        words: &["chiu", "trach", "nhiem"],
        role: Role::Lead,
        monitor: false,
    },
    Verb {
        words: &["co", "trach", "nhiem"],
        role: Role::Lead,
        monitor: false,
    },
    // "đề nghị X, Y cùng thực hiện": the bodies asked to carry the work
    // out together with the lead.
    Verb {
        words: JOINS,
        role: Role::Lead,
        monitor: false,
    },
    // "các sở, ngành thực hiện theo chức năng, nhiệm vụ", "Ủy ban nhân
    // dân các xã thực hiện theo thẩm quyền": each body carries out its own
    // share, as a lead does ([`REMIT_VERBS`]).
    Verb {
        words: REMIT_VERBS[0],
        role: Role::Lead,
        monitor: false,
    },
    Verb {
        words: REMIT_VERBS[1],
        role: Role::Lead,
        monitor: false,
    },
    Verb {
        words: &["theo", "doi"],
        role: Role::Lead,
        monitor: true,
    },
    Verb {
        words: &["don", "doc"],
        role: Role::Lead,
        monitor: true,
    },
];

/// The verb of bodies asked to join the work ("cùng thực hiện").
const JOINS: &[&str] = &["cung", "thuc", "hien"];

/// The verbs of bodies that carry out their share of a duty within their
/// remit: "thực hiện theo thẩm quyền", "thực hiện theo chức năng, nhiệm
/// vụ", as keys.
const REMIT_VERBS: [&[&str]; 2] = [
    &["thuc", "hien", "theo", "tham", "quyen"],
    &["thuc", "hien", "theo", "chuc", "nang"],
];

/// Whether the words after a clause's bodies open with a remit verb
/// ([`REMIT_VERBS`]: "thực hiện theo thẩm quyền", "thực hiện theo chức
/// năng, nhiệm vụ …"): the bodies carry out their own share, as leads do,
/// in a parenthesis of roles as in a sentence.
pub(crate) fn opens_with_remit_verb(tail: &str) -> bool {
    let mut k = String::new();
    key_into(tail, &mut k);
    let first: Vec<&str> = k
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(REMIT_VERBS.iter().map(|v| v.len()).max().unwrap_or(0))
        .collect();
    REMIT_VERBS.iter().any(|v| first.starts_with(v))
}

/// Verbs before the bodies a duty's subject guides to carry out their
/// share ("hướng dẫn Ủy ban nhân dân các xã, phường thực hiện theo thẩm
/// quyền"): the bodies after them carry it out, as folded words.
const GUIDES: &[[&str; 2]] = &[["hướng", "dẫn"], ["chỉ", "đạo"]];

/// A preposition and a noun before a role verb that make it a noun phrase
/// ("của cơ quan chủ trì": of the lead agency), as the keys of their
/// words. Without the preposition "Các cơ quan, đơn vị chủ trì" is a
/// subject and its verb.
const VERB_AS_NOUN_AFTER: &[[&str; 3]] = &[
    ["cua", "co", "quan"],
    ["voi", "co", "quan"],
    ["cho", "co", "quan"],
    ["cua", "don", "vi"],
    ["voi", "don", "vi"],
    ["cho", "don", "vi"],
];

/// Words that, after "phối hợp", introduce the partners.
const PARTNER_WORDS: &[&str] = &["voi", "cung"];

/// The word after "chủ trì" that makes the bodies after it co-leads
/// ("Chủ trì, cùng Công an tỉnh …"; not "cùng cấp").
const TOGETHER_WORD: &str = "cung";

/// Words opening a clause that are not part of its subject: "Giao X chủ
/// trì" (assign X to lead).
const ASSIGN_WORDS: &[&str] = &["giao"];

/// Words, as written, that after the bodies asked open the work they
/// are asked for ("đề nghị Viện kiểm sát nhân dân tỉnh trong việc rà
/// soát …"): no name holds them in lower case before a lower-case word.
const WORK_OPENERS: &[&str] = &["trong"];

/// The most words the partners after "phối hợp với" may have.
const MAX_PARTNER_WORDS: usize = 40;

/// The most words of an agency name not in the table, as a subject (its
/// end is known: the role verb) and as a partner (its end is a guess).
/// A subject's 13: the longest unknown name seen as one, a district police
/// team "Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy" (Ngô Quyền's
/// police plan, 2023; 12 before, set by shorter office names).
const UNKNOWN_SUBJECT_WORDS: usize = 13;
const UNKNOWN_PARTNER_WORDS: usize = 6;

/// Reads the roles a sentence gives. See the [module docs](self).
pub fn sentence_roles(text: &str, ctx: &AgencyContext) -> SentenceRoles {
    sentence_roles_with(text, ctx, &mut Memo::default())
}

/// A word of the sentence: as written, and its key without punctuation.
struct Word<'a> {
    raw: &'a str,
    key: &'a str,
}

impl Word<'_> {
    fn ends_clause(&self) -> bool {
        self.raw.ends_with(';') || self.raw.ends_with('.') && !self.raw.ends_with("..")
    }
}

/// Whether `text` may give roles at all: it holds the last syllable of a
/// role verb or of "đề nghị", or the remit of [`REMIT_VERBS`] (NFC, any
/// case). Most task sentences hold none, and are spared the reading.
pub(crate) fn may_give_roles(text: &str) -> bool {
    const SYLLABLES: &[&str] = &[
        "trì",
        "hợp",
        "nhiệm",
        "dõi",
        "đốc",
        "nghị",
        "TRÌ",
        "HỢP",
        "NHIỆM",
        "DÕI",
        "ĐỐC",
        "NGHỊ",
        "Cùng",
        "thẩm quyền",
        "THẨM QUYỀN",
        "chức năng",
        "CHỨC NĂNG",
    ];
    SYLLABLES.iter().any(|s| text.contains(s))
}

/// [`sentence_roles`] with the document's memo.
pub(crate) fn sentence_roles_with(
    text: &str,
    ctx: &AgencyContext,
    memo: &mut Memo,
) -> SentenceRoles {
    if !may_give_roles(text) {
        return SentenceRoles::default();
    }
    // The keys of all words in one buffer (a key is made char by char).
    let mut keys = String::with_capacity(text.len());
    let spans: Vec<(&str, usize, usize)> = text
        .split_whitespace()
        .map(|raw| {
            let start = keys.len();
            key_into(
                raw.trim_matches(|c: char| !crate::normalize::is_alphanumeric(c)),
                &mut keys,
            );
            (raw, start, keys.len())
        })
        .collect();
    let words: Vec<Word> = spans
        .into_iter()
        .map(|(raw, a, b)| Word {
            raw,
            key: keys.get(a..b).unwrap_or(""),
        })
        .collect();
    let mut out = SentenceRoles::default();
    let mut any_plain = false;
    // "Chủ trì, phối hợp với … ; đề nghị X …" under a body's heading: the
    // sentence opens with its lead's verb and leaves the lead unnamed (the
    // heading's body, the plan's issuer). It is led all the same.
    // So does one opening with the role the body plays ("i) Là cơ quan
    // đầu mối thực hiện việc báo cáo …").
    let led = LEAD_OPENINGS.iter().any(|o| {
        o.split(' ')
            .enumerate()
            .all(|(k, p)| words.get(k).is_some_and(|w| w.key == p))
    });
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        // A clause ends at ";" or at "." before a capital (not "TP." or a
        // number).
        let next_upper = words
            .get(i + 1)
            .and_then(|n| n.raw.chars().next())
            .is_none_or(char::is_uppercase);
        if w.ends_clause() && (w.raw.ends_with(';') || next_upper) || i + 1 == words.len() {
            if let Some(clause) = words.get(start..=i) {
                read_clause(clause, led, ctx, memo, &mut out, &mut any_plain);
            }
            start = i + 1;
        }
    }
    if any_plain {
        out.monitor = false;
    }
    out
}

fn verb_at(words: &[Word], i: usize) -> Option<&'static Verb> {
    VERBS.iter().find(|v| {
        v.words
            .iter()
            .enumerate()
            .all(|(k, vw)| words.get(i + k).is_some_and(|w| w.key == *vw))
            // Only the last word of the verb may carry punctuation.
            && (0..v.words.len().saturating_sub(1)).all(|k| {
                words
                    .get(i + k)
                    .is_some_and(|w| w.raw.chars().last().is_some_and(crate::normalize::is_alphanumeric))
            })
    })
}

/// Whether word `i` lies inside a known agency name that starts at or
/// after word `from`.
fn inside_name(words: &[Word], from: usize, i: usize) -> bool {
    let (Some(head), Some(all)) = (words.get(from..i), words.get(from..)) else {
        return false;
    };
    if head.is_empty() {
        return false;
    }
    crate::agency::inside_known_name(&join(all), join(head).len() + 1)
}

fn join(words: &[Word]) -> String {
    let mut s = String::with_capacity(words.iter().map(|w| w.raw.len() + 1).sum());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(w.raw);
    }
    s
}

/// The agencies named by `words`, or by their part after the last comma
/// (or "và") that names only agencies. `remit`: the verb is one of
/// [`REMIT_VERBS`], and bodies the words guide ([`GUIDES`]) are its
/// subject.
fn subject(
    words: &[Word],
    role: Role,
    remit: bool,
    ctx: &AgencyContext,
    memo: &mut Memo,
) -> Option<Vec<Assignment>> {
    if words.is_empty() {
        return None;
    }
    if let Some(list) = only_agencies_with(&join(words), role, UNKNOWN_SUBJECT_WORDS, ctx, memo) {
        return Some(list);
    }
    // "Nhiệm vụ này giao X chủ trì", "Trưởng phòng phân công X thực
    // hiện, phối hợp với …": X, the one the task is given to.
    let given = words
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, w)| {
            // (As written: "giáo dục" keys as "giao duc".)
            let is = |w: &Word, s: &str| fold(w.raw.trim_end_matches([',', ':'])) == s;
            let after = |first: &str, second: &str| {
                is(w, second) && i > 0 && words.get(i - 1).is_some_and(|p| is(p, first))
            };
            let gives = is(w, "giao")
                || after("phân", "công")
                || remit && GUIDES.iter().any(|[a, b]| after(a, b));
            gives.then_some(i + 1)
        })
        .and_then(|i| words.get(i..))
        .map(|rest| {
            // (Its "thực hiện" before the partners is the task's verb.)
            let n = rest.len();
            let does = n > 2
                && rest.get(n - 2).is_some_and(|w| w.key == "thuc")
                && rest.get(n - 1).is_some_and(|w| w.key == "hien");
            rest.get(..if does { n - 2 } else { n }).unwrap_or(rest)
        })
        .filter(|rest| !rest.is_empty());
    if let Some(rest) = given {
        if let Some(list) = only_agencies_with(&join(rest), role, UNKNOWN_SUBJECT_WORDS, ctx, memo)
        {
            return Some(list);
        }
    }
    // The part after a comma: the last such part that names agencies,
    // taking the longest one.
    for (i, w) in words.iter().enumerate() {
        if w.raw.ends_with(',') {
            if let Some(rest) = words.get(i + 1..) {
                if rest.is_empty() {
                    continue;
                }
                if let Some(list) =
                    only_agencies_with(&join(rest), role, UNKNOWN_SUBJECT_WORDS, ctx, memo)
                {
                    return Some(list);
                }
            }
        }
    }
    None
}

/// The partners after "phối hợp với": the longest run of words that names
/// only agencies, and the number of words it takes.
fn partners(
    words: &[Word],
    ctx: &AgencyContext,
    memo: &mut Memo,
) -> Option<(Vec<Assignment>, usize)> {
    // The partners end where the task's verb starts ("phối hợp với Sở Tư
    // pháp tổ chức tập huấn").
    let raw: Vec<&str> = words.iter().map(|w| w.raw).collect();
    // (A verb after "và" may be a name's last words: "Đội Cảnh sát thi
    // hành án hình sự và hỗ trợ tư pháp".)
    let verb = (1..words.len())
        .find(|&i| task_verb_at(&raw, i) && words.get(i - 1).is_none_or(|w| w.key != "va"));
    let most = words.len().min(MAX_PARTNER_WORDS);
    // Known names first, then a short unknown one; each time up to the
    // task's verb, else the longest run. Up to the verb an unknown name's
    // end is known, as a subject's is ("phối hợp với Đội Xây dựng phong
    // trào bảo vệ an ninh Tổ quốc thực hiện …").
    for unknown in [0, UNKNOWN_PARTNER_WORDS] {
        if let Some(v) = verb {
            let bounded = if unknown == 0 {
                0
            } else {
                UNKNOWN_SUBJECT_WORDS
            };
            let text = join(words.get(..v).unwrap_or(&[]));
            if let Some(list) = only_agencies_with(&text, Role::Support, bounded, ctx, memo) {
                return Some(without_trailing_prose(words, list, v, bounded, ctx, memo));
            }
        }
        for n in (1..=most).rev() {
            // A list of names ends at a comma, or before a word in lower
            // case (prose, or a name's own lower-case word): only there.
            let at_end = n == words.len()
                || words
                    .get(n - 1)
                    .is_some_and(|w| w.raw.ends_with([',', ';', '.']))
                || words
                    .get(n)
                    .and_then(|w| w.raw.chars().next())
                    .is_some_and(char::is_lowercase);
            if !at_end {
                continue;
            }
            let run = words.get(..n)?;
            // A run never ends inside a parenthesis.
            let text = join(run);
            if text.matches('(').count() != text.matches(')').count() {
                continue;
            }
            if let Some(list) = only_agencies_with(&text, Role::Support, unknown, ctx, memo) {
                return Some(without_trailing_prose(words, list, n, unknown, ctx, memo));
            }
        }
    }
    None
}

/// Whether "cùng cấp" (of the same level) follows the partners' last
/// name or ends it: "phối hợp với Ủy ban nhân dân cùng cấp".
fn same_level_at(rest: &[Word], n: usize) -> bool {
    let upto = (n + 2).min(rest.len());
    (1..upto).any(|k| {
        rest.get(k - 1).is_some_and(|w| w.key == "cung")
            && rest.get(k).is_some_and(|w| w.key == "cap")
    })
}

/// A People's Committee "of the same level" as the lead: the committee
/// at the level of the lead read before it ("Công an các huyện … phối
/// hợp với Ủy ban nhân dân cùng cấp": the district committees), not the
/// province's.
fn of_the_lead_s_level(mut a: Assignment, out: &SentenceRoles) -> Assignment {
    if a.agency.field.as_deref() != Some("peoples_committee") {
        return a;
    }
    let level = out
        .assignments
        .iter()
        .rev()
        .find(|l| l.role == Role::Lead)
        .and_then(|l| l.agency.level);
    if let Some(own) = level.and_then(|l| crate::agency::counterpart(&a.agency, l)) {
        a.agency = own;
        if !a.as_written.ends_with("cùng cấp") {
            a.as_written.push_str(" cùng cấp");
        }
    }
    a
}

/// Level words that end a name as its place ("Sở Tư pháp tỉnh"),
/// folded with their marks: without them "quản" (manage) would be
/// "quận" (district), and "Sở Nội vụ trong quản[ lý …]" a name.
const PLACE_WORDS: &[&str] = &[
    "tỉnh",
    "phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "trấn",
    "khu",
];

/// The partners without the words of prose a place-name reading let them
/// take ("Sở Tư pháp tham[ gia ý kiến]", "Tòa án nhân dân tỉnh khi có
/// yêu cầu sử dụng"): the last word goes while it is in lower case, no
/// level word, outside every known name of the run, and the run without
/// it names the same agencies.
fn without_trailing_prose(
    words: &[Word],
    mut list: Vec<Assignment>,
    mut n: usize,
    unknown: usize,
    ctx: &AgencyContext,
    memo: &mut Memo,
) -> (Vec<Assignment>, usize) {
    let ids = |l: &[Assignment]| l.iter().map(|a| a.agency.id.clone()).collect::<Vec<_>>();
    while n > 1 {
        let Some(last) = words.get(n - 1) else { break };
        let w = last.raw.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if !lower || PLACE_WORDS.contains(&fold(w).as_str()) {
            break;
        }
        // "các phòng, ban, ngành": a noun after a comma of a collective
        // is one of its members, no prose ("các phòng" names the same
        // collective, but not as written).
        let after_comma = n >= 2 && words.get(n - 2).is_some_and(|p| p.raw.ends_with(','));
        if after_comma && list.last().is_some_and(|a| a.agency.is_collective()) {
            break;
        }
        let run = words.get(..n).unwrap_or(&[]);
        let shorter = words.get(..n - 1).unwrap_or(&[]);
        if crate::agency::inside_known_name(&join(run), join(shorter).len() + 1) {
            break;
        }
        match only_agencies_with(&join(shorter), Role::Support, unknown, ctx, memo) {
            Some(l) if ids(&l) == ids(&list) => {
                list = l;
                n -= 1;
            }
            _ => break,
        }
    }
    (list, n)
}

/// The openings of a sentence that say its unnamed subject leads: the
/// lead's verb ("Chủ trì, phối hợp với …") and the role of the focal body
/// ("Là cơ quan đầu mối …", "Làm đầu mối …"), as folded keys.
pub(crate) const LEAD_OPENINGS: &[&str] = &[
    "chu tri",
    "la co quan dau moi",
    "la dau moi",
    "lam dau moi",
    "lam co quan dau moi",
];

fn read_clause(
    words: &[Word],
    led: bool,
    ctx: &AgencyContext,
    memo: &mut Memo,
    out: &mut SentenceRoles,
    any_plain: &mut bool,
) {
    let mut requested = false;
    // Where the words after the last "đề nghị" start.
    let mut request_at: Option<usize> = None;
    let mut had_subject = false;
    // Where the words that may be a subject start.
    let mut from = 0;
    if words.first().is_some_and(|w| ASSIGN_WORDS.contains(&w.key)) {
        from = 1;
    }
    // "Cùng Công an tỉnh thực hiện …" under a body's heading: the bodies
    // the unnamed subject works "together with" lead beside it, as after
    // "Chủ trì, cùng …".
    if from == 0
        && words
            .first()
            .is_some_and(|w| w.raw == "Cùng" || w.raw == "cùng")
        && words.get(1).is_some_and(|w| w.key != "cap")
    {
        let first = if words.get(1).is_some_and(|w| w.key == "voi") {
            2
        } else {
            1
        };
        let rest = words.get(first..).unwrap_or(&[]);
        if let Some((list, n)) = partners(rest, ctx, memo) {
            for mut a in list {
                a.role = Role::Lead;
                push(out, a);
            }
            from = first + n;
        }
    }
    // "Đối với Báo và Phát thanh, Truyền hình Huế, Sở đề nghị phối hợp mở
    // chuyên mục": the bodies the clause opens with are the ones asked.
    let mut addressed = addressed_bodies(words, from, ctx, memo);
    let mut i = from;
    while i < words.len() {
        let here = words.get(i).map_or("", |w| w.key);
        if here == "de" && words.get(i + 1).is_some_and(|w| w.key == "nghi") {
            requested = true;
            from = i + 2;
            request_at = Some(from);
            i += 2;
            continue;
        }
        let Some(verb) = verb_at(words, i) else {
            i += 1;
            continue;
        };
        // "theo dõi" inside "Phòng Quản lý xử lý vi phạm hành chính và
        // theo dõi thi hành pháp luật" is part of the name.
        if inside_name(words, from, i) {
            i += 1;
            continue;
        }
        let after = i + verb.words.len();
        // "cơ quan chủ trì", "đơn vị phối hợp": a noun.
        let noun = i >= 3
            && VERB_AS_NOUN_AFTER.iter().any(|phrase| {
                phrase.iter().enumerate().all(|(k, p)| {
                    words.get(i - 3 + k).is_some_and(|w| {
                        w.key == *p
                            && w.raw
                                .chars()
                                .last()
                                .is_some_and(crate::normalize::is_alphanumeric)
                    })
                })
            });
        // "Hội đồng phối hợp phổ biến, giáo dục pháp luật": a name.
        if noun || in_council_name(words, i, verb) {
            i = after;
            continue;
        }
        let subject_words = words.get(from..i).unwrap_or(&[]);
        let cooperates = verb.words == ["phoi", "hop"];
        // ("phối hợp, cung cấp số liệu": a comma ends the verb, and "cung"
        // there is "cung cấp", not "cùng".)
        let with_word = cooperates
            && words
                .get(after - 1)
                .is_some_and(|w| w.raw.ends_with(crate::normalize::is_alphanumeric))
            && words
                .get(after)
                .is_some_and(|w| PARTNER_WORDS.contains(&w.key))
            && words.get(after + 1).is_none_or(|w| w.key != "cap");
        // "Phối hợp các sở, ngành …" under an agency heading: the partners
        // follow the verb directly.
        let bare_partners = cooperates && !with_word && subject_words.is_empty();
        // "Chủ trì, cùng Công an tỉnh tuyên truyền …": those the lead
        // leads "together with" lead beside it.
        let co_leads = verb.role == Role::Lead
            && !verb.monitor
            && !cooperates
            && words.get(after).is_some_and(|w| w.key == TOGETHER_WORD)
            && words
                .get(after + 1)
                .is_none_or(|w| w.key != "cap" && !w.raw.ends_with(','));
        let with_partners = with_word || bare_partners || co_leads;
        // The subject carries the task when it works "with" partners.
        let role = if with_partners { Role::Lead } else { verb.role };
        // "X chịu trách nhiệm …, phối hợp với Y": the partners are X's; the
        // words before "phối hợp với" are X's task, not a new subject.
        let subject_words = if with_word && had_subject {
            &[]
        } else {
            subject_words
        };
        // "X và Y cùng chủ trì": both lead; "cùng" (together) is no name's.
        let subject_words = match subject_words.split_last() {
            Some((last, before)) if last.key == "cung" && last.raw == "cùng" => before,
            _ => subject_words,
        };
        let remit = REMIT_VERBS.contains(&verb.words);
        // (Asked to act with no name after "đề nghị": the bodies addressed,
        // in the role of the verb they are asked for.)
        let asked = if requested && subject_words.is_empty() {
            addressed.take().map(|mut list| {
                for a in &mut list {
                    a.role = if with_word { Role::Lead } else { verb.role };
                }
                list
            })
        } else {
            None
        };
        if let Some(list) = asked.or_else(|| subject(subject_words, role, remit, ctx, memo)) {
            had_subject = true;
            if remit {
                out.shares.extend(list.iter().map(|a| a.agency.id.clone()));
            }
            if verb.monitor {
                out.monitor = true;
            } else {
                *any_plain = true;
            }
            for mut a in list {
                a.requested |= requested;
                push(out, a);
            }
            // "X chủ trì, chỉ đạo Y thực hiện …": Y does the work under X.
            if let Some(end) = directed(words, after, verb, ctx, memo, out) {
                from = end;
                i = end;
                requested = false;
                continue;
            }
            // "đề nghị" asks the subject after it, not the next one; but
            // "đề nghị X cùng thực hiện, Y phối hợp" goes on asking: the
            // bodies that join the work, then those that help.
            if verb.words != JOINS {
                requested = false;
            }
        }
        if with_partners {
            let first = if with_word || co_leads {
                after + 1
            } else {
                after
            };
            let rest = words.get(first..).unwrap_or(&[]);
            if let Some((list, n)) = partners(rest, ctx, memo) {
                let same_level = same_level_at(rest, n);
                for mut a in list {
                    if co_leads {
                        a.role = Role::Lead;
                    }
                    let a = if same_level {
                        of_the_lead_s_level(a, out)
                    } else {
                        a
                    };
                    push(out, a);
                }
                from = first + n;
                i = from;
                requested = false;
                continue;
            }
        }
        from = after;
        i = after;
    }
    if requested {
        if let Some(at) = request_at {
            asked_without_role_verb(words, at, led, ctx, memo, out);
        }
    } else if !had_subject {
        let start = usize::from(words.first().is_some_and(|w| ASSIGN_WORDS.contains(&w.key)));
        contributes_without_role_verb(words, start, led, ctx, memo, out);
    }
}

/// The bodies a clause opens with as those it addresses ("Đối với X, Y,
/// Sở đề nghị …"), when an "đề nghị" follows them: the longest run after
/// "đối với" up to a comma before the "đề nghị" that names only known
/// agencies.
fn addressed_bodies(
    words: &[Word],
    from: usize,
    ctx: &AgencyContext,
    memo: &mut Memo,
) -> Option<Vec<Assignment>> {
    let opens = ADDRESSING
        .iter()
        .enumerate()
        .all(|(k, a)| words.get(from + k).is_some_and(|w| w.key == *a));
    if !opens {
        return None;
    }
    let start = from + ADDRESSING.len();
    let ask = (start..words.len()).find(|&k| {
        words.get(k).is_some_and(|w| w.key == "de")
            && words.get(k + 1).is_some_and(|w| w.key == "nghi")
    })?;
    (start..ask)
        .rev()
        .filter(|&k| words.get(k).is_some_and(|w| w.raw.ends_with(',')))
        .find_map(|k| only_agencies_with(&join(words.get(start..=k)?), Role::Support, 0, ctx, memo))
}

/// The words that open a clause by the bodies it addresses ("đối với"),
/// as keys.
const ADDRESSING: &[&str] = &["doi", "voi"];

/// The verbs, as keys, by which a lead directs others to do the work
/// ("chủ trì, chỉ đạo Cơ sở cai nghiện ma túy tỉnh thực hiện", "chủ trì,
/// hướng dẫn Trung tâm Văn hóa … đẩy mạnh tuyên truyền").
const DIRECTS: &[&[&str]] = &[&["chi", "dao"], &["huong", "dan"]];

/// The bodies a lead directs right after its "chủ trì," (the verb at
/// `after`, one or more of [`DIRECTS`] joined by commas or "và"): they do
/// the work under it, and support it. Their names end where the task's
/// verb starts. Returns where the words after them start.
fn directed(
    words: &[Word],
    after: usize,
    verb: &Verb,
    ctx: &AgencyContext,
    memo: &mut Memo,
    out: &mut SentenceRoles,
) -> Option<usize> {
    let leads = verb.role == Role::Lead && verb.words == ["chu", "tri"];
    if !leads || !words.get(after - 1)?.raw.ends_with(',') {
        return None;
    }
    let at = |k: usize, d: &[&str]| {
        d.iter()
            .enumerate()
            .all(|(j, w)| words.get(k + j).is_some_and(|x| x.key == *w))
    };
    let mut k = after;
    let mut any = false;
    while let Some(d) = DIRECTS.iter().find(|d| at(k, d)) {
        any = true;
        k += d.len();
        let joined = words.get(k - 1)?.raw.ends_with(',');
        if !joined && words.get(k).is_some_and(|w| w.key == "va") {
            k += 1;
        } else if !joined {
            break;
        }
    }
    let rest = words.get(k..).filter(|_| any)?;
    let (list, n) = partners(rest, ctx, memo)?;
    for mut a in list {
        a.role = Role::Support;
        push(out, a);
    }
    Some(k + n)
}

/// The work, as keys, of bodies that feed the lead's work in a clause of
/// their own with no role verb: "Văn phòng Sở chủ trì tổng hợp hằng năm;
/// Thanh tra Sở và các đơn vị trực thuộc Sở cung cấp số liệu", "…; các
/// đơn vị trực thuộc Sở căn cứ chức năng, nhiệm vụ triển khai thực hiện".
const CONTRIBUTIONS: &[&[&str]] = &[&["cung", "cap"], &["can", "cu", "chuc", "nang"]];

/// A clause of a duty that already has its lead (named before, or
/// unnamed in a sentence opening with its verb: `led`), naming bodies and
/// then one of the [`CONTRIBUTIONS`]: the bodies support the lead. The
/// names run from `start` to the contribution, or from the word "do"
/// (by) before it ("…; tổng hợp số liệu do Sở Nội vụ và các sở, ngành
/// cung cấp": the data the bodies supply); a clause holding a role verb
/// is read by its verb, not here.
fn contributes_without_role_verb(
    words: &[Word],
    start: usize,
    led: bool,
    ctx: &AgencyContext,
    memo: &mut Memo,
    out: &mut SentenceRoles,
) {
    let led = led
        || out
            .assignments
            .iter()
            .any(|a| a.role == Role::Lead && !a.requested);
    if !led || (0..words.len()).any(|i| verb_at(words, i).is_some()) {
        return;
    }
    let at = |k: usize, c: &[&str]| {
        c.iter()
            .enumerate()
            .all(|(j, w)| words.get(k + j).is_some_and(|x| x.key == *w))
    };
    let Some(k) = (start + 1..words.len()).find(|&k| CONTRIBUTIONS.iter().any(|c| at(k, c))) else {
        return;
    };
    // (As written: "đó", "độ" key as "do" too.)
    let by = (start..k)
        .rev()
        .find(|&j| words.get(j).is_some_and(|w| w.raw == "do"))
        .map_or(start, |j| j + 1);
    let Some(names) = words.get(by..k) else {
        return;
    };
    if let Some(list) = only_agencies_with(&join(names), Role::Support, 0, ctx, memo) {
        for mut a in list {
            a.role = Role::Support;
            push(out, a);
        }
    }
}

/// "…; chủ động đề nghị Sở Tư pháp, Viện kiểm sát nhân dân tỉnh cung cấp
/// thông tin, tham gia ý kiến": bodies asked in a clause of a duty that
/// already has its lead, with no role verb, only the work they are asked
/// for. They help the lead: requested supports. Asked where nobody
/// leads ("…; Trưởng phòng có văn bản đề nghị Trung tâm Trợ giúp pháp lý
/// nhà nước thành phố tăng cường …"), they carry the work asked of them:
/// requested leads, as "Đề nghị X nghiên cứu …" opening a duty makes X its
/// requested subject. A sentence opening "Chủ trì, …" has its lead,
/// unnamed (`led`). The names end where the task's verb starts.
fn asked_without_role_verb(
    words: &[Word],
    at: usize,
    led: bool,
    ctx: &AgencyContext,
    memo: &mut Memo,
    out: &mut SentenceRoles,
) {
    let role = if led
        || out
            .assignments
            .iter()
            .any(|a| a.role == Role::Lead && !a.requested)
    {
        Role::Support
    } else {
        Role::Lead
    };
    let raw: Vec<&str> = words.iter().map(|w| w.raw).collect();
    let Some(verb) = (at + 1..words.len()).find(|&k| task_verb_at(&raw, k)) else {
        return;
    };
    // The names also end where the work they are asked for opens ("đề
    // nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh trong việc
    // rà soát …").
    let verb = (at + 1..verb)
        .find(|&k| {
            words.get(k).is_some_and(|w| WORK_OPENERS.contains(&w.raw))
                && words
                    .get(k + 1)
                    .and_then(|w| w.raw.chars().next())
                    .is_some_and(char::is_lowercase)
        })
        .unwrap_or(verb);
    let Some(names) = words.get(at..verb) else {
        return;
    };
    // The names end at a word that ends a list of names, as "tham gia"
    // (take part) does: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và
    // các tổ chức thành viên tham gia thực hiện …". Their end is known (the
    // task's verb), as a subject's is: a name not in the table is read as
    // one ("Đề nghị Ban Thanh tra nhân dân xã giám sát …").
    let (names, _) = crate::agency::cut_at_filler(&join(names));
    if let Some(list) = only_agencies_with(&names, role, UNKNOWN_SUBJECT_WORDS, ctx, memo) {
        for mut a in list {
            a.role = role;
            a.requested = true;
            push(out, a);
        }
    }
}

/// Whether the role verb at `i` is part of a council's name ("Hội đồng
/// phối hợp …"; see [`council_role_word`]).
fn in_council_name(words: &[Word], i: usize, verb: &Verb) -> bool {
    if verb.words != ["phoi", "hop"] || i == 0 {
        return false;
    }
    let Some(w) = words.get(i) else {
        return false;
    };
    // The words before the verb, folded, with a comma as a word of its own.
    let mut before: Vec<String> = Vec::new();
    for b in words.get(i.saturating_sub(3)..i).unwrap_or(&[]) {
        let f = fold(b.raw);
        match f.strip_suffix(',') {
            Some(x) => {
                before.push(x.to_string());
                before.push(",".to_string());
            }
            None => before.push(f),
        }
    }
    // The verb's last word carries no punctuation: the name runs on.
    if !words
        .get(i + 1)
        .is_some_and(|w| w.raw.ends_with(crate::normalize::is_alphanumeric))
    {
        return false;
    }
    let after = words
        .get(i + 2..(i + 4).min(words.len()))
        .map(|r| r.iter().map(|w| fold(w.raw)).collect::<Vec<_>>().join(" "));
    let before: Vec<&str> = before.iter().map(String::as_str).collect();
    let capital = w.raw.starts_with(char::is_uppercase);
    council_role_word(&before, "phối hợp", after.as_deref(), capital)
}

/// Adds an assignment unless the agency already has one.
fn push(out: &mut SentenceRoles, a: Assignment) {
    if !out.assignments.iter().any(|b| b.agency.id == a.agency.id) {
        out.assignments.push(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(String, Role, bool)> {
        sentence_roles(text, &AgencyContext::default())
            .assignments
            .into_iter()
            .map(|a| (a.agency.id, a.role, a.requested))
            .collect()
    }

    fn ids(v: &[(&str, Role, bool)]) -> Vec<(String, Role, bool)> {
        v.iter().map(|(a, r, q)| (a.to_string(), *r, *q)).collect()
    }

    /// The names as written of the bodies a sentence gives roles.
    fn written(text: &str) -> Vec<String> {
        sentence_roles(text, &AgencyContext::default())
            .assignments
            .into_iter()
            .map(|a| a.as_written)
            .collect()
    }

    #[test]
    fn bodies_asked_end_where_their_work_opens() {
        // Another city's wording than Đồng Nai's L32: the last body asked
        // is followed by "trong việc" and the work.
        assert_eq!(
            written("Phối hợp với Sở Nội vụ và đề nghị Tòa án nhân dân thành phố, Viện kiểm sát nhân dân thành phố trong việc hướng dẫn nghiệp vụ."),
            [
                "Sở Nội vụ",
                "Tòa án nhân dân thành phố",
                "Viện kiểm sát nhân dân thành phố"
            ]
        );
    }

    #[test]
    fn a_body_asked_to_supervise_is_read() {
        // Another ward's wording than the corpus's "Đề nghị Ban Thanh tra
        // nhân dân xã giám sát theo quy định": a body not in the table,
        // asked to supervise after the task's sentence.
        let t = "Kịp thời chấn chỉnh các vi phạm. Đề nghị Ban Thanh tra nhân dân phường giám sát việc thực hiện.";
        let r = sentence_roles(t, &AgencyContext::default());
        let got: Vec<(&str, Role, bool)> = r
            .assignments
            .iter()
            .map(|a| (a.as_written.as_str(), a.role, a.requested))
            .collect();
        assert_eq!(got, [("Ban Thanh tra nhân dân phường", Role::Lead, true)]);
        // A known body asked so: its name stops at "giám sát".
        assert_eq!(
            written("Đề nghị Hội Cựu chiến binh phường giám sát việc thực hiện."),
            ["Hội Cựu chiến binh phường"]
        );
        // Asking no body names none.
        assert!(roles("Đề nghị các cấp có thẩm quyền xem xét, giải quyết.").is_empty());
    }

    #[test]
    fn bodies_asked_where_nobody_leads_carry_the_work() {
        // A justice office's plan of another province (Bình Dương): the
        // office's head writes to the bar; nobody else leads the clause.
        assert_eq!(
            roles("Về tư vấn pháp luật: Trưởng phòng có văn bản đề nghị Đoàn Luật sư tỉnh tổ chức tư vấn pháp luật miễn phí cho người dân tại các xã (hằng năm)."),
            ids(&[("province:bar", Role::Lead, true)])
        );
        // With a lead, the bodies asked help it.
        assert_eq!(
            roles("Sở Tư pháp chủ trì tổ chức tư vấn pháp luật; đề nghị Đoàn Luật sư tỉnh cung cấp danh sách luật sư tham gia."),
            ids(&[
                ("province:justice", Role::Lead, false),
                ("province:bar", Role::Support, true)
            ])
        );
    }

    #[test]
    fn the_office_s_own_people_given_a_task() {
        // One office's plan (Phòng Tư pháp huyện Thống Nhất, Đồng Nai):
        // the task given to its own people, in the sentence after it.
        let ctx = AgencyContext {
            issuer_level: Some(obligraph_core::Level::Unit),
            ..AgencyContext::default()
        };
        for (text, lead) in [
            ("Trưởng phòng phân công chuyên viên phụ trách phổ biến, giáo dục pháp luật thực hiện, phối hợp với Công an huyện.", "chuyên viên phụ trách phổ biến, giáo dục pháp luật"),
            ("Việc này giao Phó Trưởng phòng phụ trách công tác hòa giải và trợ giúp pháp lý chủ trì; Công an huyện phối hợp.", "Phó Trưởng phòng phụ trách công tác hòa giải và trợ giúp pháp lý"),
            ("Trưởng phòng giao bộ phận hộ tịch chủ trì, phối hợp với Công an huyện.", "bộ phận hộ tịch"),
        ] {
            let r = sentence_roles(text, &ctx);
            let got: Vec<(&str, Role, &str)> = r
                .assignments
                .iter()
                .map(|a| (a.agency.id.as_str(), a.role, a.as_written.as_str()))
                .collect();
            assert_eq!(
                got,
                [
                    ("unit:own_staff", Role::Lead, lead),
                    ("district:police", Role::Support, "Công an huyện")
                ],
                "{text}"
            );
        }
        // In a government's plan, no one is the issuer's own people.
        let r = sentence_roles("Giao bộ phận hộ tịch chủ trì.", &AgencyContext::default());
        assert!(r.assignments.is_empty(), "{:?}", r.assignments);
    }

    #[test]
    fn the_forms_of_the_issue() {
        use Role::{Lead, Support};
        assert_eq!(
            roles("Sở Tư pháp: chủ trì rà soát các văn bản về hòa giải ở cơ sở; Công an tỉnh: phối hợp."),
            ids(&[("province:justice", Lead, false), ("province:police", Support, false)])
        );
        assert_eq!(
            roles("Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp tổ chức tập huấn cho cán bộ điều tra, hoàn thành trước ngày 30/6/2026."),
            ids(&[("province:police", Lead, false), ("province:justice", Support, false)])
        );
        assert_eq!(
            roles("Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan kiểm tra việc thực hiện chế độ công vụ, hằng năm."),
            ids(&[("province:home_affairs", Lead, false), ("collective:related", Support, false)])
        );
        assert_eq!(
            roles("Sở Y tế chịu trách nhiệm hướng dẫn khám sức khỏe."),
            ids(&[("province:health", Lead, false)])
        );
        assert_eq!(
            roles("Đề nghị Ban Tuyên giáo Tỉnh ủy, Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh phối hợp tuyên truyền Công ước."),
            roles("Đề nghị Ban Tuyên giáo Tỉnh ủy, Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh phối hợp tuyên truyền Công ước.")
                .into_iter()
                .map(|(a, _, _)| (a, Support, true))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            roles("Sở Tư pháp chủ trì, Công an tỉnh phối hợp thực hiện hằng năm."),
            ids(&[
                ("province:justice", Lead, false),
                ("province:police", Support, false)
            ])
        );
        assert_eq!(
            roles("Sở Tư pháp chủ trì, đề nghị Tòa án nhân dân tỉnh phối hợp rà soát."),
            ids(&[
                ("province:justice", Lead, false),
                ("province:court", Support, true)
            ])
        );
        let r = sentence_roles(
            "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.",
            &AgencyContext::default(),
        );
        assert!(r.monitor);
        assert_eq!(r.assignments.len(), 1);
    }

    #[test]
    fn prose_names_nobody() {
        for t in [
            "Tiếp tục phối hợp rà soát quy định pháp luật.",
            "Tăng cường hoạt động thanh tra, kiểm tra, giám sát, theo dõi việc thực hiện.",
            "Phối hợp giáo dục, giúp đỡ người chưa thành niên.",
            "Bổ sung theo đề xuất của cơ quan chủ trì.",
        ] {
            assert_eq!(roles(t), vec![], "{t}");
        }
    }
}
