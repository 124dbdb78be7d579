//! The body: section tree, task obligations (inline parentheses, labelled
//! lines), the duties of "Tổ chức thực hiện", the appendix, and the links
//! between reports.

use std::cell::RefCell;
// FxHash: the keys are the importer's own short strings and ids, never
// chosen to collide, and SipHash was about 1 % of an import.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use obligraph_core::{
    Assignment, Obligation, ObligationKind, ObligationRef, Plan, Role, Section, SourceSpan,
};
use regex::Regex;

use super::lines::{Para, Piece};
use super::text::{body_marker, chars, key, key_head, re, Marker};
use super::{Ledger, UnattributedReason};
use crate::agency::{
    parse_agency_list_with, parse_inline_roles_with, AgencyContext, InlineRoles, Memo,
};
use crate::deadline_phrase::{find_deadline, parse_deadline, DeadlineContext, DeadlineMatch};
use crate::lexicon::{is_difficulty_report, opens_with_process, reports_difficulties};
use crate::normalize::lowercase;

mod codes;
mod role_lines;
use role_lines::{role_line, time_only, RoleLine};

/// What the lexicon needs from the document, and a memo of its answers
/// (plans repeat the same agency lists and deadline phrases many times).
pub(crate) struct Ctx {
    pub agency: AgencyContext,
    pub deadline: DeadlineContext,
    /// By role, then by text: looked up with the text borrowed.
    agencies: RefCell<HashMap<Role, HashMap<String, Vec<Assignment>>>>,
    found: RefCell<HashMap<String, Option<DeadlineMatch>>>,
    names: RefCell<Memo>,
    sentences: RefCell<HashMap<String, crate::roles::SentenceRoles>>,
    /// Roles in a parenthesis, by its text (a duty's parenthesis is read
    /// again by the readers of the paragraph that holds it).
    inline: RefCell<HashMap<String, Option<InlineRoles>>>,
    subjects: RefCell<HashMap<String, Option<Vec<Assignment>>>>,
    /// Clauses that point at items of the plan, applied once every item
    /// is read ([`apply_pointers`]).
    pointers: RefCell<Vec<PendingPointer>>,
    /// What the reading could not apply and tells the user
    /// ([`super::ImportWarning`]).
    warnings: RefCell<Vec<super::ImportWarning>>,
    /// The short codes the document gives its bodies ([`codes`]).
    codes: Vec<codes::Code>,
}

impl Ctx {
    pub(crate) fn new(agency: AgencyContext, deadline: DeadlineContext) -> Self {
        Ctx {
            agency,
            deadline,
            agencies: RefCell::default(),
            found: RefCell::default(),
            names: RefCell::default(),
            sentences: RefCell::default(),
            inline: RefCell::default(),
            subjects: RefCell::default(),
            pointers: RefCell::default(),
            warnings: RefCell::default(),
            codes: Vec::new(),
        }
    }

    /// Reads the short codes the paragraphs define ("Phòng Cảnh sát hình
    /// sự (PC02)"): the code names that body in the whole document.
    fn define_codes(&mut self, pieces: &[Piece]) {
        for piece in pieces {
            if let Piece::Para(p) = piece {
                if p.text.contains('(') {
                    self.codes.extend(codes::defined_codes(&p.text));
                }
            }
        }
        let mut memo = self.names.borrow_mut();
        for c in &self.codes {
            memo.define_code(&c.code, &c.name, &self.agency);
        }
    }

    /// [`parse_agency_list`](crate::agency::parse_agency_list), memoised.
    pub(crate) fn agency_list(&self, text: &str, role: Role) -> Vec<Assignment> {
        if let Some(v) = self.agencies.borrow().get(&role).and_then(|m| m.get(text)) {
            return v.clone();
        }
        let v = parse_agency_list_with(
            &codes::to_codes(text, &self.codes),
            role,
            &self.agency,
            &mut self.names.borrow_mut(),
        );
        self.agencies
            .borrow_mut()
            .entry(role)
            .or_default()
            .insert(text.to_string(), v.clone());
        v
    }

    /// [`parse_inline_roles`](crate::agency::parse_inline_roles), sharing
    /// the memo of names, memoised.
    pub(crate) fn inline_roles(&self, paren: &str) -> Option<InlineRoles> {
        if let Some(r) = self.inline.borrow().get(paren) {
            return r.clone();
        }
        // "(Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian: …)":
        // labels written inside the parenthesis.
        let coded = codes::to_codes(paren, &self.codes);
        let labelled = role_lines::labelled_paren(&coded, self).map(|rl| InlineRoles {
            assignments: rl.assignments,
            deadline: rl.deadline,
            deadline_text: rl.deadline_text,
        });
        let r = labelled.or_else(|| {
            parse_inline_roles_with(
                &coded,
                &self.agency,
                &self.deadline,
                &mut self.names.borrow_mut(),
            )
        });
        self.inline
            .borrow_mut()
            .insert(paren.to_string(), r.clone());
        r
    }

    /// [`sentence_roles`](crate::roles::sentence_roles), sharing the memo
    /// of names, memoised (duties repeat the same clauses).
    pub(crate) fn sentence_roles(&self, text: &str) -> crate::roles::SentenceRoles {
        if let Some(r) = self.sentences.borrow().get(text) {
            return r.clone();
        }
        let r = crate::roles::sentence_roles_with(
            &codes::to_codes(text, &self.codes),
            &self.agency,
            &mut self.names.borrow_mut(),
        );
        self.sentences
            .borrow_mut()
            .insert(text.to_string(), r.clone());
        r
    }

    /// The agencies `text` names when it names nothing else (see
    /// [`only_agencies_with`](crate::agency::only_agencies_with)).
    pub(crate) fn only_agencies(&self, text: &str, role: Role) -> Option<Vec<Assignment>> {
        crate::agency::only_agencies_with(
            &codes::to_codes(text, &self.codes),
            role,
            MAX_UNKNOWN_SUBJECT_WORDS,
            &self.agency,
            &mut self.names.borrow_mut(),
        )
    }

    /// [`find_deadline`], memoised.
    pub(crate) fn find_deadline(&self, text: &str) -> Option<DeadlineMatch> {
        if let Some(v) = self.found.borrow().get(text) {
            return v.clone();
        }
        let v = find_deadline(text, &self.deadline);
        self.found.borrow_mut().insert(text.to_string(), v.clone());
        v
    }
}

/// The most words of a subject not in the agency table.
const MAX_UNKNOWN_SUBJECT_WORDS: usize = 12;

/// The agencies a paragraph of "Kinh phí" or a closing paragraph gives a
/// duty to, as its subject: "Công an quận đề xuất nhu cầu kinh phí …",
/// "…, đề nghị các cơ quan, đơn vị kịp thời báo cáo …". `None` when its
/// subject names no agency (funding prose: "Kinh phí thực hiện … do ngân
/// sách nhà nước bảo đảm").
fn known_subject(text: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    // Memoised: a funding paragraph is asked once to tell whether it is a
    // duty, then again for its leads.
    if let Some(v) = ctx.subjects.borrow().get(text) {
        return v.clone();
    }
    let v = read_known_subject(text, ctx);
    ctx.subjects
        .borrow_mut()
        .insert(text.to_string(), v.clone());
    v
}

/// [`known_subject`], not memoised.
fn read_known_subject(text: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    let (subject, _) = duty_subject(text)?;
    let subject = without_giao(&subject).to_string();
    let requested = key_head(&subject, "de nghi".len()).starts_with("de nghi");
    let bare = if requested {
        subject.chars().skip("đề nghị ".chars().count()).collect()
    } else {
        subject
    };
    let bare = strip_adverbs(&bare);
    let mut list = ctx
        .only_agencies(&bare, Role::Lead)
        .or_else(|| names_before_verb(&bare, ctx))
        .or_else(|| after_qualified_difficulty(text, &bare, ctx))?;
    for a in &mut list {
        a.requested |= requested;
    }
    Some(list)
}

/// The bodies that report difficulties the condition qualifies before
/// them ("Trong quá trình thực hiện, nếu phát sinh khó khăn, vướng mắc
/// vượt thẩm quyền, các bộ phận kịp thời phản ánh …"): the subject read
/// after "vướng mắc" holds the qualifier, and the bodies are its part
/// after a comma that names only agencies (the longest such part).
fn after_qualified_difficulty(text: &str, subject: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    if !opens_with_process(&key_head(text, "trong qua trinh".len())) {
        return None;
    }
    subject
        .match_indices(", ")
        .find_map(|(i, sep)| ctx.only_agencies(subject.get(i + sep.len()..)?, Role::Lead))
}

/// The agencies a subject opens with when its verb is none of
/// [`DUTY_VERB`]: "Ủy ban nhân dân các xã, phường đưa các mục tiêu, giải
/// pháp …" reads up to "bảo đảm", and its names end before "đưa". The
/// longest run of words, up to a word in lower case, that names only
/// known agencies ([`Ctx::only_agencies`]); none when the subject holds words
/// that end a list ("theo thẩm quyền"), which the list parse reads.
fn names_before_verb(subject: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    // Words that end a list of names ("theo thẩm quyền", "thực hiện") are
    // read by the list parse, which stops there itself.
    if !crate::agency::cut_at_filler(subject).1.trim().is_empty() {
        return None;
    }
    let mut words = super::text::words_at(subject);
    words.truncate(MAX_SUBJECT_NAME_WORDS + 1);
    (1..words.len()).rev().find_map(|k| {
        let (at, word) = words.get(k)?;
        let prev = words.get(k - 1)?.1;
        // A verb in lower case, not after a comma (a list goes on there:
        // "các xã, phường"), nor the second word of a body's noun ("các
        // bộ phận, công chức": "bộ" alone would be the ministries).
        let lower = word.starts_with(|c: char| c.is_lowercase());
        let function_word = NOT_VERBS.contains(&key(word).as_str());
        if !lower
            || function_word
            || prev.ends_with([',', ';', ':'])
            || crate::agency::continues_collective_noun(prev, word)
        {
            return None;
        }
        // Known names only: an unknown one may end anywhere.
        ctx.only_agencies(subject.get(..*at)?, Role::Lead)
            .filter(|l| l.iter().all(|a| !a.agency.id.starts_with("unresolved:")))
    })
}

/// Words after a subject's names that open no verb but a phrase about
/// them ("Các Sở, ngành, đoàn thể với chức năng, nhiệm vụ được phân công
/// …"), as keys.
const NOT_VERBS: &[&str] = &[
    "voi", "theo", "trong", "cua", "tai", "ve", "cho", "o", "thuoc", "tren", "va", "hoac", "cung",
    "tu", "den", "khi", "neu", "de", "la", "duoc", "co", "can", "tuy",
];

/// The most words of the names [`names_before_verb`] reads: 18, the
/// longest list seen, "Các Sở, ban, ngành, cơ quan, đơn vị và Ủy ban nhân
/// dân các xã, phường, đặc khu" (Khánh Hòa's plan, 2026; 16 before).
const MAX_SUBJECT_NAME_WORDS: usize = 18;

/// A subject without the "Giao" (assign) the plan's issuer opens it with:
/// "Giao Công an thành phố là cơ quan thường trực …". The first word is
/// compared folded, marks kept (as `roles::subject` does), so "Giáo viên
/// …" keeps its first word, and any whitespace may follow it.
fn without_giao(subject: &str) -> &str {
    let t = subject.trim_start();
    match t.split_once(char::is_whitespace) {
        Some((first, rest)) if crate::normalize::fold(first) == "giao" => rest.trim_start(),
        _ => t,
    }
}

/// Adverbs between a subject and its verb ("các cơ quan, đơn vị kịp thời
/// báo cáo").
const SUBJECT_ADVERBS: &[&str] = &[
    "kịp thời",
    "chủ động",
    "tích cực",
    "thường xuyên",
    "nghiêm túc",
    "khẩn trương",
    // Each within its remit ("Sở Thông tin và Truyền thông, Công an tỉnh,
    // Sở Tư pháp theo chức năng, nhiệm vụ chủ trì tuyên truyền …").
    "theo thẩm quyền",
    "theo chức năng, nhiệm vụ",
    "theo chức năng, nhiệm vụ được giao",
];

fn strip_adverbs(subject: &str) -> String {
    let mut t = subject.trim().to_string();
    // Lowercased again only when an adverb is cut off.
    let mut lower = lowercase(&t);
    for a in SUBJECT_ADVERBS {
        if lower.ends_with(a) {
            let cut = t.len() - a.len();
            t = t.get(..cut).unwrap_or(&t).trim().to_string();
            lower = lowercase(&t);
        }
    }
    t
}

/// Unique ids: a duplicate gets `_2`, `_3`, ….
#[derive(Default)]
pub(crate) struct Ids {
    seen: HashSet<String>,
}

impl Ids {
    pub(crate) fn unique(&mut self, id: String) -> String {
        if self.seen.insert(id.clone()) {
            return id;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{id}_{n}");
            if self.seen.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// The kind of a top-level section, from its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Purpose,
    Content,
    Funding,
    Organisation,
    Tasks,
}

/// Whether a top-level section holds duties ("Tổ chức thực hiện") or
/// funding rather than tasks.
pub(crate) fn is_duty_section(title: &str) -> bool {
    matches!(kind_of(title), Kind::Organisation | Kind::Funding)
}

/// Whether a top-level section assigns the plan's duties by body ("Tổ
/// chức thực hiện", "Trách nhiệm thực hiện", "Phân công …"), as opposed to
/// its tasks, purpose or funding.
pub(crate) fn is_organisation_section(title: &str) -> bool {
    kind_of(title) == Kind::Organisation
}

fn kind_of(title: &str) -> Kind {
    let k = key(title);
    if k.contains("muc dich")
        || k.contains("yeu cau")
        || k.contains("muc tieu")
        || k.contains("quan diem")
    {
        Kind::Purpose
    } else if k.contains("kinh phi") {
        Kind::Funding
    } else if k.contains("to chuc thuc hien")
        || k.contains("trach nhiem")
        // "IV. CHẾ ĐỘ BÁO CÁO", "CHẾ ĐỘ THÔNG TIN, BÁO CÁO": who reports
        // what by when, duties as in "Tổ chức thực hiện".
        || k.contains("che do bao cao")
        || k.contains("che do thong tin")
        || k.contains("phan cong") && !k.contains("nhiem vu")
    {
        Kind::Organisation
    } else if k.starts_with("noi dung tuyen truyen") || k.starts_with("noi dung pho bien") {
        Kind::Content
    } else {
        Kind::Tasks
    }
}

/// A labelled line: "Đơn vị chủ trì: …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Lead,
    Support,
    Time,
    Output,
}

/// A label, with the items it names before its colon, in a parenthesis
/// ("Đơn vị chủ trì (điểm b, c):") or in words ("Thời gian thực hiện các
/// điểm a, b, c:", "Thời hạn của các nhiệm vụ tại điểm d, đ:"), or naming
/// the group it closes ("Thời gian thực hiện các nhiệm vụ tại mục 4:",
/// applied as a bare label to that group); "Chủ trì:", "Phối hợp:" written
/// bare;
/// "Đơn vị thực hiện:" (the bodies that carry the items out) leads.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[-–+•]\s*)?(?:(?P<lead>(?:(?:Đơn vị|Cơ quan) chủ trì|Chủ trì)(?: thực hiện)?|(?:Đơn vị|Cơ quan) thực hiện)|(?P<support>(?:(?:Đơn vị|Cơ quan) phối hợp|Phối hợp)(?: thực hiện)?)|(?P<time>Thời (?:gian|hạn)(?: thực hiện| hoàn thành)?)|(?P<output>(?:Kết quả|Sản phẩm)(?: dự kiến)?))(?P<group>\s+(?:(?:của|cho)\s+)?các (?:nhiệm vụ|nội dung)\s+(?:tại|ở|thuộc)\s+(?:mục|phần)\s+[^():]{1,20})?\s*(?P<points>\((?:tại |đối với )?(?:các )?(?:điểm|mục|nội dung) [^()]{1,40}\)|(?:(?:của|cho|đối với)\s+)?(?:(?:các )?(?:nhiệm vụ|nội dung)\s+(?:tại|ở|thuộc)\s+)?(?:các )?điểm [^():]{1,40})?\s*:\s*",
    )
});

/// How a block of labels names the item's own text ("Nội dung: …"), as
/// keys.
const CONTENT_LABELS: &[&str] = &["noi dung thuc hien:", "noi dung cong viec:", "noi dung:"];

/// The text after a content label ("- Nội dung: Duy trì …" → "Duy trì
/// …"), bulleted or not.
fn content_label(text: &str) -> Option<&str> {
    let rest = match body_marker(text) {
        Some((Marker::Bullet, rest)) => rest,
        None => text,
        Some(_) => return None,
    };
    let longest = CONTENT_LABELS.iter().map(|w| w.len()).max().unwrap_or(0);
    let head = key_head(rest, longest);
    CONTENT_LABELS.iter().find(|w| head.starts_with(*w))?;
    let (_, value) = rest.split_once(':')?;
    Some(value.trim()).filter(|v| !v.is_empty())
}

fn label(text: &str) -> Option<(Label, &str)> {
    label_points(text).map(|(l, rest, _)| (l, rest))
}

/// The items a label names before its colon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named<'a> {
    /// None: the label is of the items above it.
    Above,
    /// Their letters ("(điểm b, c)", "các điểm a, b, c").
    Points(&'a str),
    /// The whole group it closes ("các nhiệm vụ tại mục 4").
    Group,
}

/// [`label`], and the items it names ([`Named`]).
fn label_points(text: &str) -> Option<(Label, &str, Named<'_>)> {
    let c = LABEL.captures(text)?;
    let named = match (c.name("points"), c.name("group")) {
        (Some(m), _) => Named::Points(m.as_str()),
        (None, Some(_)) => Named::Group,
        (None, None) => Named::Above,
    };
    let l = if c.name("lead").is_some() {
        Label::Lead
    } else if c.name("support").is_some() {
        Label::Support
    } else if c.name("time").is_some() {
        Label::Time
    } else {
        Label::Output
    };
    let rest = text
        .get(c.get(0)?.end()..)?
        .trim()
        .trim_end_matches(['.', ';'])
        .trim();
    Some((l, rest, named))
}

/// The last parenthesis of `text` that assigns roles ("… chủ trì; …
/// phối hợp"), as (start, inner text).
fn roles_paren(text: &str) -> Option<(usize, &str)> {
    let mut depth = 0i32;
    let mut open: Option<usize> = None;
    let mut found: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open {
                        let inner = text.get(o + 1..i).unwrap_or("");
                        let k = key(inner);
                        // "(Thanh tra Sở thực hiện)": a body that does it.
                        let does =
                            k.ends_with(" thuc hien") && crate::agency::starts_agency(inner.trim());
                        if k.contains("chu tri") || k.contains("phoi hop") || does {
                            found = Some((o, i));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let (o, c) = found?;
    Some((o, text.get(o + 1..c)?))
}

/// A paragraph of a task or organisation section, placed in the tree.
#[derive(Debug)]
struct Node {
    id: String,
    text: String,
    lines: Vec<u32>,
    parent: Option<usize>,
    numbered: bool,
    depth: u32,
    kind: Kind,
    children: usize,
    /// Set once it is known to be a heading only.
    assignments: Vec<Assignment>,
    deadline: Option<obligraph_core::Deadline>,
    deadline_text: Option<String>,
    output: Option<String>,
    extra_lines: Vec<u32>,
    /// Its roles came from its group's role line ("Phân công: …"): the
    /// partners its own words name take part too.
    group_roles: bool,
}

/// Reads everything after the header; returns what it tells the user
/// (pointers that name a lead for an item led by another).
pub(crate) fn read_body(
    pieces: &[Piece],
    plan: &mut Plan,
    ledger: &mut Ledger,
) -> Vec<super::ImportWarning> {
    let mut ctx = Ctx::new(
        AgencyContext::of_plan(plan),
        DeadlineContext {
            plan_date: plan.date,
        },
    );
    ctx.define_codes(pieces);
    let mut ids = Ids::default();
    let mut nodes: Vec<Node> = Vec::new();
    // Open headings: (depth, node index). Depth: roman 1, arabic 2+, letter 6.
    let mut open: Vec<(u32, usize)> = Vec::new();
    let mut top_kind = Kind::Tasks;
    let mut child_count: HashMap<Option<usize>, u32> = HashMap::default();
    // Groups waiting for labels: node indices since the last label block.
    let mut group: Vec<usize> = Vec::new();
    let mut group_parent: Option<usize> = None;
    let mut last_was_label = false;
    // The items the last role line named ("Đơn vị chủ trì (điểm b, c):"):
    // the lines of its block that name none go to them too.
    let mut named_targets: Vec<usize> = Vec::new();
    // The items the last group's role line ("Phân công: …") assigned: a
    // deadline line of its block dates those of the group that give none.
    let mut group_targets: Vec<usize> = Vec::new();
    // The items a block's opening line named ("Đối với các nội dung tại
    // điểm 1.4, 1.5 và 1.6:"): every line of the block goes to them.
    let mut block_targets: Vec<usize> = Vec::new();
    let mut appendix: Option<String> = None;
    // The appendix was opened by a table with no "Phụ lục" heading above
    // it: a table of the body the rules above did not place.
    let mut headless = false;
    let mut appendices = 0u32;

    for piece in pieces {
        let p: &Para = match piece {
            Piece::Table(t) => {
                // A sentence leading into the table, alone under the
                // heading ("II. NHIỆM VỤ CỤ THỂ" / "Ủy ban nhân dân phường
                // phân công nhiệm vụ cụ thể như sau:" / STT | Nội dung | …):
                // the heading's words, not a task; the table is under the
                // heading.
                if appendix.is_none() && leads_into_table(&nodes, t, ledger) {
                    if let Some(lead_in) = nodes.pop() {
                        group.retain(|&g| g != nodes.len());
                        if let Some(h) = lead_in.parent.and_then(|p| nodes.get_mut(p)) {
                            h.children -= 1;
                            h.lines.extend(lead_in.lines);
                        }
                    }
                }
                // A table right under a heading of the tasks part, before
                // any appendix ("II. NHIỆM VỤ CỤ THỂ" then STT | Nội dung |
                // …): that heading's items, numbered under it (`II.1.1`),
                // and the body goes on after it.
                let under = nodes.len().checked_sub(1).filter(|&i| {
                    appendix.is_none()
                        && nodes.get(i).is_some_and(|n| {
                            n.numbered
                                && n.children == 0
                                && n.kind == Kind::Tasks
                                && n.lines
                                    .last()
                                    .is_some_and(|&l| ledger.blank_between(l, t.header_line))
                        })
                });
                let in_body = under.and_then(|i| nodes.get_mut(i)).map(|n| {
                    n.children += 1;
                    n.id.clone()
                });
                let in_tasks_part = in_body.is_some();
                let root = match (in_body, &appendix) {
                    (Some(r), _) => r,
                    (None, Some(r)) => r.clone(),
                    (None, None) => {
                        appendices += 1;
                        let r = appendix_id(appendices);
                        plan.sections.push(Section {
                            id: ids.unique(r.clone()),
                            title: "Phụ lục".into(),
                            parent: None,
                            line: t.header_line,
                        });
                        appendix = Some(r.clone());
                        headless = true;
                        r
                    }
                };
                super::table::read_table(
                    t,
                    &root,
                    &ctx,
                    &mut plan.sections,
                    &mut plan.obligations,
                    &mut ids,
                    ledger,
                );
                // The body goes on after a table of its own items.
                if in_tasks_part {
                    group.clear();
                    group_parent = None;
                }
                continue;
            }
            Piece::Para(p) => p,
        };
        let mut text = p.text.as_str();
        let mut k = paragraph_key(text);
        // "Trên đây là Kế hoạch …. Trong quá trình …, nếu phát sinh vướng
        // mắc, các đơn vị phản ánh …": the closing sentence holds a duty.
        // Its subject may be the bodies the sentence before asks to carry
        // out the plan ("…, Chủ tịch UBND tỉnh đề nghị các cơ quan, đơn vị
        // triển khai thực hiện …. Trong quá trình thực hiện, có phát sinh
        // khó khăn, vướng mắc, kịp thời báo cáo …").
        let mut closing_subject: Option<Vec<Assignment>> = None;
        if k.starts_with("tren day la") {
            if let Some(rest) = difficulty_sentence(text) {
                let before = text.get(..text.len() - rest.len()).unwrap_or("");
                if known_subject(rest, &ctx).is_none() {
                    closing_subject = requested_subject(before, &ctx);
                }
                text = rest;
                k = paragraph_key(text);
            }
        }
        // Appendix heading and its title lines.
        if k.starts_with("phu luc")
            && (chars(text) < 40 || super::text::all_caps(text))
            && !super::lines::closes_a_pointer(text)
        {
            appendices += 1;
            let id = ids.unique(appendix_id(appendices));
            plan.sections.push(Section {
                id: id.clone(),
                title: text.to_string(),
                parent: None,
                line: p.first(),
            });
            appendix = Some(id);
            headless = false;
            ledger.attribute_all(&p.lines);
            continue;
        }
        // A table with no heading of its own ends where the body's next
        // part starts ("III. TỔ CHỨC THỰC HIỆN" under it): the body goes on.
        if headless && matches!(body_marker(text), Some((Marker::Roman(_), _))) {
            appendix = None;
            headless = false;
        }
        if let Some(root) = &appendix {
            // (Under a table with no heading, no line is the heading's.)
            let titled = plan
                .sections
                .iter_mut()
                .rev()
                .find(|s| &s.id == root)
                .filter(|_| !headless);
            if let Some(s) = titled {
                if s.title.chars().count() < 40
                    || k.starts_with("(kem theo")
                    || k.starts_with("(ban hanh kem theo")
                {
                    super::text::join(&mut s.title, text);
                    ledger.attribute_all(&p.lines);
                    continue;
                }
            }
            ledger.set_aside_all(&p.lines, UnattributedReason::Unrecognised);
            continue;
        }
        if let Some(n) = article(text) {
            let id = ids.unique(format!("D{n}"));
            plan.sections.push(Section {
                id,
                title: text.to_string(),
                parent: None,
                line: p.first(),
            });
            ledger.attribute_all(&p.lines);
            open.clear();
            continue;
        }
        // "A. Nâng cao hiệu quả thực thi …" / "1. …" … "B. Tăng cường tuyên
        // truyền …" / "8. …": a theme heading of the tasks part over items
        // numbered on across themes. It closes the item above and holds no
        // task; the items stay the part's ("II.8"), as the appendix rows
        // that restate them are numbered.
        if let Some((letter, title)) = theme_heading(text)
            .filter(|_| top_kind == Kind::Tasks && open.first().is_some_and(|&(d, _)| d == 1))
        {
            open.truncate(1);
            let parent = open
                .first()
                .and_then(|&(_, i)| nodes.get(i))
                .map(|n| n.id.clone());
            let id = match &parent {
                Some(r) => format!("{r}.{letter}"),
                None => letter.to_string(),
            };
            plan.sections.push(Section {
                id: ids.unique(id),
                title: title.to_string(),
                parent,
                line: p.first(),
            });
            ledger.attribute_all(&p.lines);
            group.clear();
            group_parent = open.first().map(|&(_, i)| i);
            continue;
        }
        if is_closing(&k) {
            // "Quá trình triển khai thực hiện, nếu có vướng mắc, các sở …
            // báo cáo …": a duty to report difficulties, of the section it
            // closes (not of that section's last item).
            let reports = is_difficulty_report(&k);
            if !(reports && matches!(top_kind, Kind::Organisation | Kind::Funding)) {
                ledger.set_aside_all(&p.lines, UnattributedReason::Closing);
                continue;
            }
            open.truncate(1);
            if last_was_label {
                group.clear();
                block_targets.clear();
                last_was_label = false;
            }
        }
        // A role line: who does the item(s) above, and by when.
        let prose = top_kind == Kind::Tasks && body_marker(text).is_none();
        let read = if prose || label(text).is_some() {
            role_line(
                text,
                prose,
                last_was_label && !group_targets.is_empty(),
                &ctx,
            )
        } else {
            None
        };
        if let Some(rl) = read {
            if !last_was_label {
                named_targets.clear();
            }
            let targets = if !block_targets.is_empty() && rl.points.is_empty() {
                block_targets.clone()
            } else if rl.whole_group && rl.points.is_empty() {
                // "Phân công: X chủ trì; Y phối hợp.": every item of the
                // group that names no lead of its own.
                let all = label_targets(&nodes, &group, group_parent);
                let own: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&t| !nodes.get(t).is_some_and(|n| names_lead(n, &ctx)))
                    .collect();
                for &t in &own {
                    if let Some(n) = nodes.get_mut(t) {
                        n.group_roles = true;
                    }
                }
                group_targets.clone_from(&own);
                named_targets.clone_from(&own);
                own
            } else if rl.points.is_empty() {
                if named_targets.is_empty() {
                    let all = label_targets(&nodes, &group, group_parent);
                    // A sentence that assigns, under items that each name
                    // their own lead, assigns the last one.
                    match all.last() {
                        Some(&last)
                            if rl.prose
                                && all.len() > 1
                                && nodes.get(last).is_some_and(|n| names_lead(n, &ctx)) =>
                        {
                            vec![last]
                        }
                        _ => unassigned_tail(&nodes, all, &ctx),
                    }
                } else {
                    named_targets.clone()
                }
            } else {
                let named = named_items(&nodes, group_parent, &rl.points);
                named_targets.clone_from(&named);
                named
            };
            // Never a part ("II. NHIỆM VỤ") itself.
            let targets: Vec<usize> = targets
                .into_iter()
                .filter(|&t| nodes.get(t).is_some_and(|n| n.depth > 1))
                .collect();
            if !targets.is_empty() {
                apply_role_line(&mut nodes, &targets, &rl, &p.lines);
                ledger.attribute_all(&p.lines);
                last_was_label = true;
                continue;
            }
        }
        // Labelled lines.
        if let Some((l, value, points)) = label_points(text) {
            let all = label_targets(&nodes, &group, group_parent);
            // "Thời gian thực hiện các điểm a, b, c:": the items it names;
            // "Thời gian thực hiện các nhiệm vụ tại mục 4:": every item.
            // A deadline line on its own goes to the items that give
            // none; in a block of roles, to the items the roles went to
            // (those that name no lead).
            let named = match points {
                Named::Points(p) => named_items(&nodes, group_parent, &role_lines::letters(p)),
                Named::Above | Named::Group => Vec::new(),
            };
            let targets = if !named.is_empty() {
                named
            } else if !block_targets.is_empty() {
                block_targets.clone()
            } else if l == Label::Time && last_was_label && !group_targets.is_empty() {
                // "Thời gian: …" after a group's "Phân công:" line: the
                // items of the group that give no deadline of their own.
                let all = label_targets(&nodes, &group, group_parent);
                all.into_iter()
                    .filter(|&t| nodes.get(t).is_some_and(|n| n.deadline_text.is_none()))
                    .collect()
            } else if points == Named::Group {
                all
            } else if l == Label::Time && !last_was_label {
                undated_tail(&nodes, all, &ctx)
            } else {
                unassigned_tail(&nodes, all, &ctx)
            };
            apply_label(&mut nodes, &targets, l, value, &p.lines, &ctx);
            if !targets.is_empty() {
                ledger.attribute_all(&p.lines);
            } else {
                ledger.set_aside_all(&p.lines, UnattributedReason::Unrecognised);
            }
            last_was_label = true;
            continue;
        }
        // "1.2. PV01 chủ trì … rà soát các văn bản … được giao." / "Hoàn
        // thành việc rà soát trong Quý II/2026, sau đó thực hiện thường
        // xuyên.": a sentence of nothing but a deadline, on a line of its
        // own after items that end their sentence and give none, is
        // theirs (a line break at a sentence end), not an item under them.
        if prose && !last_was_label {
            if let Some(targets) = dated_by_sentence(&nodes, &group, group_parent, text, &ctx) {
                if let [one] = targets[..] {
                    if let Some(n) = nodes.get_mut(one) {
                        super::text::join(&mut n.text, text);
                        n.extra_lines.extend(&p.lines);
                    }
                } else {
                    let value = text.trim().trim_end_matches(['.', ';']);
                    apply_label(&mut nodes, &targets, Label::Time, value, &p.lines, &ctx);
                }
                ledger.attribute_all(&p.lines);
                continue;
            }
        }
        // A parenthesis on its own: roles for the group above.
        // (Not one pointing to the appendix's columns: "(Nhiệm vụ cụ thể,
        // cơ quan chủ trì, phối hợp … tại Phụ lục kèm theo)".)
        if text.starts_with('(')
            && roles_paren(text).is_some_and(|(s, _)| s == 0)
            && top_kind == Kind::Tasks
            && !points_to_appendix(text)
        {
            let targets =
                unassigned_tail(&nodes, label_targets(&nodes, &group, group_parent), &ctx);
            // Under lettered items ("a) … / (X chủ trì, …)" / "b) …" / "c)
            // … / (Y chủ trì, …)") each item is a task of its own and the
            // parenthesis is the last one's: "b)", with none, takes its
            // roles elsewhere (the organisation part's pointers).
            let targets = match targets.last() {
                Some(&last) if nodes.get(last).is_some_and(|n| n.numbered && n.depth == 6) => {
                    vec![last]
                }
                _ => targets,
            };
            for &t in &targets {
                if let Some(n) = nodes.get_mut(t) {
                    n.extra_lines.extend(&p.lines);
                }
            }
            if let Some((open_at, inner)) = roles_paren(text) {
                if let Some(r) = ctx.inline_roles(inner) {
                    for &t in &targets {
                        if let Some(n) = nodes.get_mut(t) {
                            if n.assignments.is_empty() {
                                n.assignments = r.assignments.clone();
                            }
                            if n.deadline.is_none() {
                                n.deadline = r.deadline.clone();
                                n.deadline_text = r.deadline_text.clone();
                            }
                        }
                    }
                }
                // "(X chủ trì; Y phối hợp). Thời gian: Thường xuyên.": the
                // deadline written after the parenthesis.
                let after = text
                    .get(open_at + 1 + inner.len() + 1..)
                    .unwrap_or("")
                    .trim_start_matches(['.', ';', ',', ' ']);
                if let Some(rl) = time_only(after, &ctx) {
                    for &t in &targets {
                        if let Some(n) = nodes.get_mut(t) {
                            if n.deadline_text.is_none() {
                                n.deadline.clone_from(&rl.deadline);
                                n.deadline_text.clone_from(&rl.deadline_text);
                            }
                        }
                    }
                }
            }
            ledger.attribute_all(&p.lines);
            last_was_label = true;
            continue;
        }
        // "- Nội dung: …" in a block of labels ("Đơn vị chủ trì: X" /
        // "Nội dung: …" / "Thời gian thực hiện: …"): the text of the one
        // item the block is of, not an item under it.
        if top_kind == Kind::Tasks {
            if let Some(content) = content_label(text) {
                let targets = label_targets(&nodes, &group, group_parent);
                let item = match targets[..] {
                    [t] => nodes
                        .get_mut(t)
                        .filter(|n| n.numbered && n.depth > 1 && n.children == 0),
                    _ => None,
                };
                if let Some(n) = item {
                    if !n.text.ends_with(':') {
                        n.text.push(':');
                    }
                    super::text::join(&mut n.text, content);
                    n.extra_lines.extend(&p.lines);
                    ledger.attribute_all(&p.lines);
                    last_was_label = true;
                    continue;
                }
            }
        }
        // "Thời gian lấy số liệu báo cáo: từ ngày 01/10 năm trước đến ngày
        // 30/9 …": the period the reports count, words of the heading above
        // (no deadline, no duty).
        if is_data_period(text) {
            match open.last().and_then(|&(_, i)| nodes.get_mut(i)) {
                Some(h) => h.lines.extend(&p.lines),
                None => ledger.set_aside_all(&p.lines, UnattributedReason::Unrecognised),
            }
            continue;
        }
        // "Đối với các nội dung tại điểm 1.4, 1.5 và 1.6:": opens a block
        // of labels for the items it names, no item of its own.
        if top_kind == Kind::Tasks && body_marker(text).is_none() {
            let named = block_intro(text)
                .map(|points| items_by_number(&nodes, &points))
                .unwrap_or_default();
            if !named.is_empty() {
                block_targets = named;
                ledger.attribute_all(&p.lines);
                last_was_label = true;
                continue;
            }
        }
        if last_was_label {
            group.clear();
            named_targets.clear();
            group_targets.clear();
            block_targets.clear();
            last_was_label = false;
        }
        // "- PC04 chủ trì thực hiện Chương trình …;" / "PV01 theo dõi,
        // tổng hợp chung. Thời gian: hằng năm, theo kế hoạch của Bộ Công
        // an.": a line monitoring the run of items above closes it, and its
        // deadline is theirs too when they give none.
        if prose {
            if let Some((own, labels)) = inline_labels(text) {
                let run = undated_run(&nodes, label_targets(&nodes, &group, group_parent), &ctx);
                if let Some(run) = run.filter(|_| ctx.sentence_roles(&own).monitor) {
                    for (l, value) in labels.iter().filter(|(l, _)| *l == Label::Time) {
                        apply_label(&mut nodes, &run, *l, value, &[], &ctx);
                    }
                }
            }
        }
        let marker = body_marker(text);
        let (depth, label_s, rest, numbered) = match &marker {
            Some((Marker::Roman(r), rest)) => (1u32, r.clone(), *rest, true),
            Some((Marker::Arabic(n), rest)) => (
                1 + u32::try_from(n.len()).unwrap_or(1),
                n.iter().map(u32::to_string).collect::<Vec<_>>().join("."),
                *rest,
                true,
            ),
            Some((Marker::Letter(l), rest)) => (6, l.clone(), *rest, true),
            Some((Marker::Bullet, rest)) => (u32::MAX, String::new(), *rest, false),
            Some((Marker::Upper(_), rest)) => (u32::MAX, String::new(), *rest, false),
            None => (u32::MAX, String::new(), text, false),
        };
        if depth == 1 || (numbered && depth == 2 && !open.iter().any(|(d, _)| *d == 1)) {
            top_kind = kind_of(rest);
        }
        if numbered {
            while open.last().is_some_and(|(d, _)| *d >= depth) {
                open.pop();
            }
        }
        let parent = open.last().map(|(_, i)| *i);
        let base = parent.and_then(|i| nodes.get(i)).map(|n| n.id.clone());
        let id = if numbered {
            match &base {
                Some(b) => format!("{b}.{label_s}"),
                None => label_s.clone(),
            }
        } else {
            let c = child_count.entry(parent).or_insert(0);
            *c += 1;
            match &base {
                Some(b) => format!("{b}-{c}"),
                None => format!("{c}"),
            }
        };
        let id = ids.unique(id);
        if let Some(pi) = parent {
            if let Some(pn) = nodes.get_mut(pi) {
                pn.children += 1;
            }
        }
        let ni = nodes.len();
        nodes.push(Node {
            id,
            text: rest.trim().to_string(),
            lines: p.lines.clone(),
            parent,
            numbered,
            depth,
            kind: top_kind,
            children: 0,
            assignments: Vec::new(),
            deadline: None,
            deadline_text: None,
            output: None,
            extra_lines: Vec::new(),
            group_roles: false,
        });
        if let (Some(subject), Some(node)) = (closing_subject, nodes.get_mut(ni)) {
            node.assignments = subject;
        }
        if numbered {
            open.push((depth, ni));
        }
        // The group the next labels apply to: items under the same heading.
        if group_parent != parent {
            group.clear();
        }
        if numbered && depth <= 2 {
            group.clear();
            group_parent = Some(ni);
        } else {
            group_parent = parent;
            group.push(ni);
        }
    }

    emit(nodes, plan, ledger, &ctx);
    plan.sections.sort_by_key(|s| s.line);
    plan.obligations.sort_by_key(|o| o.source.line_start);
    link_feeds(plan);
    ctx.warnings.take()
}

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| re(r"^Điều\s+(\d{1,3})\s*[.:]"));

/// Whether the last node is a sentence leading into the table `t`: a
/// paragraph closing with a colon, right under a numbered heading of the
/// tasks part whose only child it is, with nothing but blank lines
/// between it and the table's header.
fn leads_into_table(nodes: &[Node], t: &super::lines::Table, ledger: &Ledger) -> bool {
    let Some((lead_in, before)) = nodes.split_last() else {
        return false;
    };
    let heading = before.len().checked_sub(1);
    !lead_in.numbered
        && lead_in.children == 0
        && lead_in.assignments.is_empty()
        && lead_in.text.trim_end().ends_with(':')
        && lead_in.parent.is_some()
        && lead_in.parent == heading
        && before
            .last()
            .is_some_and(|h| h.numbered && h.kind == Kind::Tasks && h.children == 1)
        && lead_in
            .lines
            .last()
            .is_some_and(|&l| ledger.blank_between(l, t.header_line))
}

/// "B. Tăng cường tuyên truyền, …": a capital letter other than the
/// Roman numerals of the parts (I, V, X), a full stop, and a title opening in capitals; the letter and
/// the title.
fn theme_heading(text: &str) -> Option<(char, &str)> {
    let letter = text
        .chars()
        .next()
        .filter(|c| c.is_ascii_uppercase() && !"IVX".contains(*c))?;
    let rest = text.get(1..)?.strip_prefix(". ")?.trim_start();
    rest.starts_with(char::is_uppercase)
        .then_some((letter, rest))
}

/// "Điều 1. …": an article of a decision.
fn article(text: &str) -> Option<u32> {
    ARTICLE.captures(text)?.get(1)?.as_str().parse().ok()
}

fn appendix_id(n: u32) -> String {
    if n <= 1 {
        "PL".into()
    } else {
        format!("PL{n}")
    }
}

/// What [`read_body`] reads of a paragraph's key: its openings (at most
/// [`PARAGRAPH_OPENING`] bytes), and all of it after "(trong) quá trình",
/// where [`is_closing`] and [`is_difficulty_report`] look further. Enough
/// for both and for every `starts_with` the loop tries, without keying
/// every paragraph whole.
fn paragraph_key(text: &str) -> String {
    let head = key_head(text, PARAGRAPH_OPENING);
    if opens_with_process(&head)
        || (opens_with_ask(&head) || opens_with_asker(&head))
            && chars(text) <= MAX_EXHORTATION_CHARS
    {
        key(text)
    } else {
        head
    }
}

/// The longest opening [`read_body`] tests on a paragraph's key:
/// "(ban hanh kem theo".
const PARAGRAPH_OPENING: usize = "(ban hanh kem theo".len();

/// The sentence of a closing paragraph that gives the duty to report
/// difficulties, if one does.
fn difficulty_sentence(text: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(p) = text.get(from..)?.find(". ") {
        let start = from + p + 2;
        let rest = text.get(start..)?.trim_start();
        if reports_difficulties(rest) {
            return Some(rest);
        }
        from = start;
    }
    None
}

/// The bodies a sentence asks to act ("… đề nghị các cơ quan, đơn vị,
/// địa phương triển khai thực hiện …"), requested, when it names nothing
/// else between "đề nghị" and the verb.
fn requested_subject(sentence: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    let lower = lowercase(sentence);
    let at = lower.rfind("đề nghị ")? + "đề nghị ".len();
    let after = sentence.get(at..)?;
    let verb = DUTY_VERB.find(&lowercase(after))?.start();
    let subject = after.get(..verb)?.trim().trim_end_matches(',');
    let mut list = ctx.only_agencies(&strip_adverbs(subject), Role::Lead)?;
    for a in &mut list {
        a.requested = true;
    }
    Some(list)
}

fn is_closing(k: &str) -> bool {
    k.starts_with("tren day la")
        || (opens_with_process(k) && k.contains("vuong mac"))
        || is_exhortation(k)
}

/// Headings of "Tổ chức thực hiện" that name a topic, not a body, as
/// keys: the paragraphs under them give the duties.
const TOPIC_HEADINGS: &[&str] = &[
    "che do bao cao",
    "che do thong tin, bao cao",
    "che do thong tin bao cao",
    "che do bao cao, thong tin",
    "thong tin, bao cao",
    "thong tin bao cao",
    "bao cao ket qua",
    "cong tac bao cao",
    "kiem tra, giam sat",
    "so ket, tong ket",
    "thi dua, khen thuong",
];

/// Whether an item's title (its number cut off) is a topic heading.
fn is_topic_heading(text: &str) -> bool {
    let k = key(text);
    let k = k.trim().trim_end_matches(['.', ':']).trim();
    TOPIC_HEADINGS.contains(&k)
}

/// The most chars of a closing call to carry out the plan.
const MAX_EXHORTATION_CHARS: usize = 200;

/// "Yêu cầu Thủ trưởng các cơ quan, đơn vị … nghiêm túc triển khai thực
/// hiện Kế hoạch này./.": a call to carry out the plan, which every task
/// already says, and no duty of its own (no report, no date).
/// Whether a key opens by asking ("Yêu cầu …", "Đề nghị …"): a closing
/// exhortation may follow ([`is_exhortation`]).
fn opens_with_ask(k: &str) -> bool {
    k.starts_with("yeu cau ") || k.starts_with("de nghi ")
}

/// The most words of the issuer's name before its ask ("Ủy ban nhân
/// dân thành phố yêu cầu …", "Chủ tịch Ủy ban nhân dân huyện đề nghị …"):
/// "Chủ tịch Ủy ban nhân dân thị xã" is seven.
const MOST_ASKER_WORDS: usize = 8;

/// Whether a key opens with a committee or its chairman, who may ask
/// ([`issuer_asks`]).
fn opens_with_asker(k: &str) -> bool {
    k.starts_with("uy ban nhan dan ") || k.starts_with("ubnd ") || k.starts_with("chu tich ")
}

/// Whether a key asks in the issuer's name: a committee or its chairman,
/// then "yêu cầu" / "đề nghị", with no clause between.
fn issuer_asks(k: &str) -> bool {
    opens_with_asker(k)
        && [" yeu cau ", " de nghi "].iter().any(|v| {
            k.find(v).is_some_and(|at| {
                let before = k.get(..at).unwrap_or("");
                !before.contains([',', ';']) && before.split(' ').count() <= MOST_ASKER_WORDS
            })
        })
}

fn is_exhortation(k: &str) -> bool {
    (opens_with_ask(k) || issuer_asks(k))
        && k.contains("nghiem tuc")
        && k.contains("ke hoach nay")
        && !k.contains("bao cao")
        && !k.contains("truoc ngay")
}

/// An item a clause points at: "điểm b mục 2 Phần II" is part "II",
/// number "2", letter "b"; "mục 3" all of item 3.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ItemTarget {
    /// The part ("II"), when written.
    part: Option<String>,
    /// The numbered item ("2").
    number: String,
    /// The lettered item under it ("b", "đ"), none for the whole item.
    letter: Option<String>,
    /// Written "… Mục này": the part the pointing clause stands in.
    here: bool,
}

/// A clause that only says which items of the plan its subject does
/// ("Chủ trì thực hiện các nhiệm vụ tại điểm a mục 1, điểm b, c mục 2
/// Phần II", "thực hiện nhiệm vụ tại điểm d mục 3 Phần II", "Phòng Văn
/// hóa - Xã hội chủ trì các nội dung tại điểm c, d mục 2").
#[derive(Debug, Clone, PartialEq, Eq)]
struct ItemPointer {
    /// The words before the verb, as written (empty: the duty's subject).
    subject: String,
    /// "chủ trì", "thực hiện": lead; "phối hợp": support.
    role: Role,
    targets: Vec<ItemTarget>,
}

/// Words between the verb and "nhiệm vụ" / "nội dung", and between those
/// and the items: "chủ trì, tổ chức thực hiện các nhiệm vụ được giao
/// tại …".
const POINTER_FILLERS: &[&str] = &[
    "thực", "hiện", "tổ", "chức", "các", "những", "được", "giao", "nêu", "quy", "định", "đã",
    "tại", "ở",
];

/// Words a pointer's list may hold besides its marks and numbers: "điểm
/// a, b mục 2 và mục 3 của Phần II Kế hoạch này".
const POINTER_GLUE: &[&str] = &[
    "và", "các", "tại", "của", "thuộc", "ở", "kế", "hoạch", "này", "trên",
];

/// The most words of the partners a pointer names after "phối hợp với"
/// ("phối hợp với Văn phòng Sở thực hiện nhiệm vụ tại khoản 2"): a body's
/// name or two; the longest name of the table has 16 words.
const MAX_POINTER_PARTNER_WORDS: usize = 16;

/// Whether a word is a Roman numeral (a part: "II", "III").
fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// Reads a clause as an [`ItemPointer`]; `None` when it says anything but
/// its subject, its verb and the items.
fn item_pointer(c: &str) -> Option<ItemPointer> {
    let lower = lowercase(c);
    let trim = |w: &str| -> String {
        w.trim_matches(|ch: char| !crate::normalize::is_alphanumeric(ch))
            .to_string()
    };
    let words: Vec<String> = lower.split_whitespace().map(trim).collect();
    let original: Vec<&str> = c.split_whitespace().collect();
    if words.len() != original.len() {
        return None;
    }
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let verb = (0..words.len()).find(|&k| {
        matches!(
            (w(k), w(k + 1)),
            ("chủ", "trì") | ("phối", "hợp") | ("thực", "hiện")
        )
    })?;
    let role = if w(verb) == "phối" {
        Role::Support
    } else {
        Role::Lead
    };
    let mut k = verb + 2;
    // "phối hợp với Văn phòng Sở thực hiện nhiệm vụ tại khoản 2 Mục III":
    // the partners named are those the items give the lead; the subject
    // supports them there.
    if role == Role::Support && w(k) == "với" {
        k = (k + 1..words.len().min(k + 1 + MAX_POINTER_PARTNER_WORDS)).find(|&j| {
            matches!(
                (w(j), w(j + 1)),
                ("thực", "hiện") | ("nhiệm", "vụ") | ("nội", "dung")
            )
        })?;
    }
    let mut saw_noun = false;
    while k < words.len() {
        match (w(k), w(k + 1)) {
            ("nhiệm", "vụ") | ("nội", "dung") if !saw_noun => {
                saw_noun = true;
                k += 2;
            }
            (x, _) if POINTER_FILLERS.contains(&x) || x.is_empty() => k += 1,
            _ => break,
        }
    }
    // "Chủ trì thực hiện điểm b khoản 1, khoản 2 Mục II": the marks name
    // the items without the noun.
    if !saw_noun && !matches!(w(k), "điểm" | "khoản" | "mục") {
        return None;
    }
    let targets = pointer_targets(words.get(k..)?)?;
    let subject = original.get(..verb)?.join(" ");
    Some(ItemPointer {
        subject: subject.trim_end_matches([',', ':']).trim().to_string(),
        role,
        targets,
    })
}

/// The pointers of a clause: one ([`item_pointer`]), or several bodies
/// each with its letters and the item and part written once at the end
/// ("Trung tâm Văn hóa - Điện ảnh chủ trì điểm d, Thư viện Tổng hợp chủ
/// trì điểm đ khoản 4 Mục II": each body's letters are of item 4 of part
/// II). Empty when any piece is no pointer.
fn item_pointers(c: &str) -> Vec<ItemPointer> {
    if let Some(p) = item_pointer(c) {
        return vec![p];
    }
    // (Letters are what a piece leaves to the item written at the end.)
    if !c.contains("điểm") {
        return Vec::new();
    }
    // Pieces at ", " that open a body's verb; ", b" in "điểm a, b" goes
    // on with its piece.
    let mut pieces: Vec<&str> = Vec::new();
    let mut from = 0;
    for (at, _) in c.match_indices(", ") {
        let next = c.get(at + 2..).unwrap_or("");
        let next = next.split(", ").next().unwrap_or("");
        let k = lowercase(next);
        if ["chủ trì", "phối hợp", "thực hiện"]
            .iter()
            .any(|v| k.contains(v))
        {
            pieces.extend(c.get(from..at));
            from = at + 2;
        }
    }
    pieces.extend(c.get(from..));
    let Some((last, rest)) = pieces.split_last() else {
        return Vec::new();
    };
    if rest.is_empty() {
        return Vec::new();
    }
    let Some(last_pointer) = item_pointer(last) else {
        return Vec::new();
    };
    // The item and part the last piece writes, from its first "khoản" /
    // "mục" after its letters.
    let lower = lowercase(last);
    let tail_at = lower
        .match_indices(" khoản ")
        .chain(lower.match_indices(" mục "))
        .map(|(i, _)| i)
        .min();
    let Some(tail) = tail_at.and_then(|i| last.get(i..)) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(pieces.len());
    for piece in rest {
        match item_pointer(&format!("{piece}{tail}")) {
            Some(p) => out.push(p),
            None => return Vec::new(),
        }
    }
    out.push(last_pointer);
    out
}

/// The items a list of marks names: "điểm a mục 1, điểm b, c mục 2, điểm
/// a, c mục 4 Phần II", "điểm b khoản 1 Mục II", "mục 3 Phần II". `None`
/// when it holds another word, or letters no item number follows.
fn pointer_targets(words: &[String]) -> Option<Vec<ItemTarget>> {
    let mut out: Vec<ItemTarget> = Vec::new();
    let mut letters: Vec<String> = Vec::new();
    let mut in_letters = false;
    let mut part: Option<String> = None;
    let mut here = false;
    let mut i = 0;
    while let Some(word) = words.get(i) {
        let word = word.as_str();
        match word {
            "" => {}
            "điểm" | "tiết" => in_letters = true,
            "mục" | "khoản" | "phần" => {
                let next = words.get(i + 1)?.as_str();
                if next.chars().all(|c| c.is_ascii_digit()) && word != "phần" {
                    if letters.is_empty() {
                        out.push(ItemTarget {
                            part: None,
                            number: next.to_string(),
                            letter: None,
                            here: false,
                        });
                    }
                    for l in letters.drain(..) {
                        out.push(ItemTarget {
                            part: None,
                            number: next.to_string(),
                            letter: Some(l),
                            here: false,
                        });
                    }
                } else if is_roman(next) {
                    part = Some(next.to_uppercase());
                } else if next == "này" && word != "khoản" {
                    here = true;
                } else {
                    return None;
                }
                in_letters = false;
                i += 1;
            }
            w if in_letters && w.chars().count() == 1 && w.chars().all(char::is_alphabetic) => {
                letters.push(w.to_string());
            }
            w if POINTER_GLUE.contains(&w) => {}
            _ => return None,
        }
        i += 1;
    }
    if !letters.is_empty() || out.is_empty() {
        return None;
    }
    for t in &mut out {
        t.part.clone_from(&part);
        t.here = here;
    }
    Some(out)
}

/// Words that tie a task's text to the items it restates: "… nêu tại
/// điểm đ khoản 1 Mục này", "… theo điểm a, b khoản 1 Mục này".
const RESTATES: &[&str] = &["tại", "theo"];

/// The items a task's text ends pointing at ("Phối hợp với Công an tỉnh
/// thực hiện rà soát … nêu tại điểm đ khoản 1 Mục này. Thời gian: hằng
/// năm."): the marks after the last "tại" / "theo", up to the end of the
/// text or a closing time label.
fn trailing_pointer(text: &str, ctx: &Ctx) -> Option<Vec<ItemTarget>> {
    let own = match text.trim_end().rfind(". ") {
        Some(at) if text.get(at + 2..).and_then(|l| time_only(l, ctx)).is_some() => {
            text.get(..at)?
        }
        _ => text,
    };
    let lower = lowercase(own);
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|ch: char| !crate::normalize::is_alphanumeric(ch))
                .to_string()
        })
        .collect();
    let at = words.iter().rposition(|w| RESTATES.contains(&w.as_str()))?;
    let marks = words.get(at + 1..)?;
    if !marks
        .first()
        .is_some_and(|w| matches!(w.as_str(), "điểm" | "khoản" | "mục"))
    {
        return None;
    }
    pointer_targets(marks)
}

/// The part an item's id stands in: "II" for "II.2.đ", "III-1".
fn part_of(id: &str) -> String {
    id.split(['.', '-']).next().unwrap_or_default().to_string()
}

/// A clause pointing at items, kept until every item is read.
struct PendingPointer {
    /// Who the clause names, with its role.
    subjects: Vec<Assignment>,
    targets: Vec<ItemTarget>,
    /// The part of the duty that points (its items are never the ones
    /// pointed at when no part is written).
    own_part: String,
    /// The clause as a task, kept when it points at no item of the plan:
    /// nothing is dropped unread.
    fallback: Obligation,
    /// Where the fallback goes among the plan's obligations.
    at: usize,
}

/// Whether an obligation's id is the item's or one under it ("II.3" holds
/// "II.3.a", "II.3-1", "II.3.a:task").
fn id_under(id: &str, item: &str) -> bool {
    id.strip_prefix(item)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', ':', '-']))
}

/// The ids a target stands for: with its part, else the one part other
/// than the pointer's own that has such an item.
fn target_id(t: &ItemTarget, own_part: &str, plan: &Plan) -> Option<String> {
    let tail = match &t.letter {
        Some(l) => format!("{}.{l}", t.number),
        None => t.number.clone(),
    };
    if let Some(p) = &t.part {
        return Some(format!("{p}.{tail}"));
    }
    if t.here {
        return Some(format!("{own_part}.{tail}"));
    }
    let mut parts: Vec<&str> = plan
        .obligations
        .iter()
        .filter_map(|o| {
            let (p, _) = o.id.split_once('.')?;
            (p != own_part && id_under(&o.id, &format!("{p}.{tail}"))).then_some(p)
        })
        .collect();
    parts.dedup();
    match parts.as_slice() {
        [p] => Some(format!("{p}.{tail}")),
        _ => None,
    }
}

/// Gives the items pointed at the roles their pointers write, when they
/// have none of their own: a lead only to an item without one (an item
/// that names its lead keeps it, and the pointer adds nothing: the two
/// would conflict), a support to an item that does not name that body
/// yet. A pointer at no item of the plan is kept as a task.
fn apply_pointers(plan: &mut Plan, ctx: &Ctx) {
    let pending = std::mem::take(&mut *ctx.pointers.borrow_mut());
    let mut unresolved: Vec<(usize, Obligation)> = Vec::new();
    for p in pending {
        let ids: Vec<String> = p
            .targets
            .iter()
            .filter_map(|t| target_id(t, &p.own_part, plan))
            .collect();
        let mut found = false;
        for o in &mut plan.obligations {
            if !ids.iter().any(|t| id_under(&o.id, t)) {
                continue;
            }
            found = true;
            let has_lead = o.assignments.iter().any(|a| a.role == Role::Lead);
            for s in &p.subjects {
                let named = o.assignments.iter().any(|a| a.agency.id == s.agency.id);
                let gives = match s.role {
                    Role::Lead => !has_lead && !named,
                    _ => !named,
                };
                if gives {
                    o.assignments.push(s.clone());
                } else if s.role == Role::Lead
                    && has_lead
                    && !o
                        .assignments
                        .iter()
                        .any(|a| a.agency.id == s.agency.id && a.role == Role::Lead)
                {
                    // Another body already leads the item (the one named
                    // may be there in another role): it keeps its lead,
                    // and the user is told (nothing dropped silently).
                    let lead = o
                        .assignments
                        .iter()
                        .filter(|a| a.role == Role::Lead)
                        .map(|a| a.as_written.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    ctx.warnings
                        .borrow_mut()
                        .push(super::ImportWarning::PointerConflict {
                            line: p.fallback.source.line_start,
                            item: o.id.clone(),
                            named: s.as_written.clone(),
                            lead,
                        });
                }
            }
        }
        if !found {
            unresolved.push((p.at, p.fallback));
        }
    }
    for (at, o) in unresolved.into_iter().rev() {
        let at = at.min(plan.obligations.len());
        plan.obligations.insert(at, o);
    }
}

/// The nodes the current labels apply to: the group since the last label
/// block, or the heading itself when the group is empty.
fn label_targets(nodes: &[Node], group: &[usize], group_parent: Option<usize>) -> Vec<usize> {
    // "d) Về lĩnh vực lao động:" / "- Đơn vị chủ trì: …": an item that
    // opens the block with its colon is the block's only one; the items
    // above it end their own text.
    if let Some(&last) = group.last() {
        if nodes
            .get(last)
            .is_some_and(|n| n.text.trim_end().ends_with(':'))
        {
            return vec![last];
        }
        return group.to_vec();
    }
    group_parent.into_iter().collect()
}

/// A task whose labels follow its text on the same line ("Tổ chức Hội thi
/// … công an viên. Đơn vị chủ trì: Phòng Tư pháp. Đơn vị phối hợp: Công an
/// huyện, …. Thời gian thực hiện: Quý III/2023."): the task's own text and
/// each label with its value. Labels open only after a sentence end (". "
/// or "; ") outside parentheses: "(Thời gian: hằng năm; Cơ quan chủ trì:
/// X; Cơ quan phối hợp: Y)" closing the task is one parenthesis of labels,
/// read whole ([`role_lines::labelled_paren`]). `None` when the text has
/// none, or opens with one.
fn inline_labels(text: &str) -> Option<(String, Vec<(Label, String)>)> {
    let opens = |i: usize| text.get(i..).and_then(|rest| label(rest)).is_some();
    let outside = |i: usize| {
        let before = text.get(..i).unwrap_or("");
        before.matches('(').count() <= before.matches(')').count()
    };
    let starts: Vec<usize> = text
        .match_indices(['.', ';'])
        .map(|(i, _)| i + 1)
        .filter(|&i| text.get(i..).is_some_and(|r| r.starts_with(' ')))
        .map(|i| i + 1)
        .filter(|&i| opens(i) && outside(i))
        .collect();
    let first = *starts.first()?;
    let own = text.get(..first)?.trim().to_string();
    if own.is_empty() {
        return None;
    }
    let mut labels = Vec::with_capacity(starts.len());
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(text.len());
        if let Some((l, value)) = text.get(a..b).and_then(label) {
            labels.push((l, value.to_string()));
        }
    }
    Some((own, labels))
}

/// Of the items a group's labelled lines or parenthesis follow, those it
/// assigns: the run of items just above it that name no lead in their own
/// words. "a) … Giao Phòng Tư pháp chủ trì …; b) … Phòng Tư pháp chủ trì;
/// … d) Đổi mới … / Đơn vị chủ trì: Phòng Văn hóa và Thông tin" gives d)
/// its lines and leaves a)–c) their own; a group whose items name none
/// ("- Tuyên truyền …; - Tổ chức hội nghị …; Đơn vị chủ trì: …") takes
/// them all. When even the last item names its lead, the lines still go
/// to every item (they add to what the items say).
fn unassigned_tail(nodes: &[Node], targets: Vec<usize>, ctx: &Ctx) -> Vec<usize> {
    if targets.len() < 2 {
        return targets;
    }
    tail_where(targets, |t| {
        !nodes.get(t).is_some_and(|n| names_lead(n, ctx))
    })
}

/// The run of `targets` at their end that `keep` holds for; all of them
/// when it holds for none (the last item).
fn tail_where(targets: Vec<usize>, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let n = targets.iter().rev().take_while(|&&t| keep(t)).count();
    if n == 0 {
        return targets;
    }
    targets[targets.len() - n..].to_vec()
}

/// The items at the end of `targets` that give no deadline of their own
/// (all of them when the last gives one): those a "Thời gian: …" line
/// after them dates ("2. Giao Phòng X chủ trì …; trong đó tập trung:" /
/// "- …" / "- …" / "Thời gian thực hiện: …" dates the lead-in too).
fn undated_tail(nodes: &[Node], targets: Vec<usize>, ctx: &Ctx) -> Vec<usize> {
    tail_where(targets, |t| {
        nodes.get(t).is_some_and(|n| gives_no_deadline(n, ctx))
    })
}

/// The items a paragraph that is nothing but a dated deadline sentence
/// ("Hoàn thành việc rà soát trong Quý II/2026, …") dates: those at the
/// end of the group above that give no deadline, when the last of them
/// ends its sentence with a stop (a heading has none; a lead-in ends with
/// a colon, its list under it). `None` when `text` is no such sentence or
/// no item takes it: it is then an item of its own.
fn dated_by_sentence(
    nodes: &[Node],
    group: &[usize],
    group_parent: Option<usize>,
    text: &str,
    ctx: &Ctx,
) -> Option<Vec<usize>> {
    time_only(text, ctx)?.deadline?;
    let all = label_targets(nodes, group, group_parent);
    let last = nodes.get(*all.last()?)?;
    let closes = last.depth > 1 && last.text.trim_end().ends_with('.');
    closes.then(|| undated_run(nodes, all, ctx)).flatten()
}

/// The items at the end of `targets` that give no deadline of their own;
/// `None` when the last gives one (or there is none).
fn undated_run(nodes: &[Node], targets: Vec<usize>, ctx: &Ctx) -> Option<Vec<usize>> {
    let last = nodes.get(*targets.last()?)?;
    gives_no_deadline(last, ctx).then(|| undated_tail(nodes, targets, ctx))
}

/// Whether an item gives no deadline, by a label or in its own words.
fn gives_no_deadline(n: &Node, ctx: &Ctx) -> bool {
    n.deadline_text.is_none() && ctx.find_deadline(&n.text).is_none()
}

/// The items of the group under `parent` whose letters a role line names
/// ("điểm b, c").
fn named_items(nodes: &[Node], parent: Option<usize>, points: &[String]) -> Vec<usize> {
    let Some(parent) = parent else {
        return Vec::new();
    };
    nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.parent == Some(parent) && n.numbered)
        .filter(|(_, n)| {
            n.id.rsplit('.')
                .next()
                .is_some_and(|last| points.iter().any(|p| p == last))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether a duty's words before its verb only say when ("Định kỳ hằng
/// năm", "Hằng quý"): [`PERIODIC`] words, no body.
fn is_when(subject: &str) -> bool {
    let k = key(subject);
    let k = k.trim();
    PERIODIC
        .iter()
        .any(|w| k.starts_with(w) || k == w.trim_end())
}

/// What opens a line giving the period a report's figures cover
/// ("Thời gian lấy số liệu báo cáo: từ ngày 01/10 năm trước …"), as keys.
const DATA_PERIODS: &[&str] = &[
    "thoi gian lay so lieu",
    "thoi diem lay so lieu",
    "thoi gian chot so lieu",
    "thoi diem chot so lieu",
    "ky lay so lieu",
    "so lieu bao cao tinh tu",
    "so lieu bao cao duoc tinh tu",
];

/// Whether a paragraph (bulleted or not) only gives the period a
/// report's figures cover ([`DATA_PERIODS`]).
fn is_data_period(text: &str) -> bool {
    let rest = match body_marker(text) {
        Some((Marker::Bullet, rest)) => rest,
        None => text,
        Some(_) => return false,
    };
    let longest = DATA_PERIODS.iter().map(|w| w.len()).max().unwrap_or(0);
    let head = key_head(rest.trim_start(), longest);
    DATA_PERIODS.iter().any(|w| head.starts_with(w))
}

/// A line opening a block of labels for items it names by number or
/// letter ("Đối với các nội dung tại điểm 1.4, 1.5 và 1.6:", "Các nhiệm
/// vụ tại mục 2.1, 2.2 Mục II:", "Đối với điểm a, b và c:"): their
/// numbers as written.
static BLOCK_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:đối với\s+)?(?:các\s+)?(?:(?:nội dung|nhiệm vụ|công việc)(?:\s+(?:nêu|được giao))?\s+(?:tại\s+)?)?(?:các\s+)?(?:điểm|mục|tiểu mục|khoản)\s+(?P<list>[0-9a-zđà.,\s]+?)(?:\s+(?:của\s+)?(?:mục|phần)\s+[IVX]+)?\s*:$",
    )
});

/// The numbers a block's opening line names ([`BLOCK_INTRO`]): each a
/// dotted number ("1.4") or one letter ("b").
fn block_intro(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if !t.ends_with(':') {
        return None;
    }
    let list = BLOCK_INTRO.captures(t)?.name("list")?.as_str();
    let points: Vec<String> = list
        .split([',', ' '])
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty() && *w != "và")
        .map(str::to_string)
        .collect();
    let number = |w: &String| {
        w.split('.')
            .all(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
            || (w.chars().count() == 1 && w.chars().all(char::is_lowercase))
    };
    (!points.is_empty() && points.iter().all(number)).then_some(points)
}

/// The nearest items above whose numbers are `points` ("1.4" names the
/// item numbered "1.4."; "b" the item "b)"), one for each.
fn items_by_number(nodes: &[Node], points: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = points
        .iter()
        .filter_map(|p| {
            let tail = format!(".{p}");
            nodes
                .iter()
                .rposition(|n| n.numbered && n.depth > 1 && (n.id.ends_with(&tail) || n.id == *p))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Gives the items a role line applies to its roles, deadline, output and
/// lines.
fn apply_role_line(nodes: &mut [Node], targets: &[usize], rl: &RoleLine, lines: &[u32]) {
    for &t in targets {
        let Some(n) = nodes.get_mut(t) else { continue };
        for a in &rl.assignments {
            if !n.assignments.iter().any(|b| b.agency.id == a.agency.id) {
                n.assignments.push(a.clone());
            }
        }
        if rl.deadline_text.is_some() {
            n.deadline.clone_from(&rl.deadline);
            n.deadline_text.clone_from(&rl.deadline_text);
        }
        if rl.output.is_some() {
            n.output.clone_from(&rl.output);
        }
        n.extra_lines.extend(lines);
    }
}

/// Whether an item names its lead in its own words (a parenthesis, a
/// sentence, or the bodies it opens with).
fn names_lead(n: &Node, ctx: &Ctx) -> bool {
    let lead = |a: &[Assignment]| a.iter().any(|x| x.role == Role::Lead);
    roles_paren(&n.text)
        .and_then(|(_, inner)| ctx.inline_roles(inner))
        .is_some_and(|r| lead(&r.assignments))
        || lead(&ctx.sentence_roles(&n.text).assignments)
        || known_subject(&n.text, ctx).is_some_and(|a| lead(&a))
}

fn apply_label(
    nodes: &mut [Node],
    targets: &[usize],
    l: Label,
    value: &str,
    lines: &[u32],
    ctx: &Ctx,
) {
    for &t in targets {
        let Some(n) = nodes.get_mut(t) else { continue };
        set_label(
            l,
            value,
            ctx,
            LabelFields {
                assignments: &mut n.assignments,
                deadline: &mut n.deadline,
                deadline_text: &mut n.deadline_text,
                output: &mut n.output,
            },
        );
        n.extra_lines.extend(lines);
    }
}

/// The fields a label fills, of a body node or of an obligation.
struct LabelFields<'a> {
    assignments: &'a mut Vec<Assignment>,
    deadline: &'a mut Option<obligraph_core::Deadline>,
    deadline_text: &'a mut Option<String>,
    output: &'a mut Option<String>,
}

/// Fills the field label `l` names with `value`: the agencies of a lead or
/// support label, the deadline of a time label, the expected output.
fn set_label(l: Label, value: &str, ctx: &Ctx, f: LabelFields<'_>) {
    match l {
        Label::Lead => f.assignments.extend(ctx.agency_list(value, Role::Lead)),
        Label::Support => f.assignments.extend(ctx.agency_list(value, Role::Support)),
        Label::Time => {
            *f.deadline = parse_deadline(value, &ctx.deadline)
                .or_else(|| ctx.find_deadline(value).map(|m| m.deadline));
            *f.deadline_text = Some(value.to_string()).filter(|v| !v.is_empty());
        }
        Label::Output => *f.output = Some(value.to_string()).filter(|v| !v.is_empty()),
    }
}

/// Words that open a duty after its subject ("có thể", may, opens it
/// too: "Các sở, ban, ngành có thể bổ sung …").
static DUTY_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)(?:có trách nhiệm|chịu trách nhiệm|chủ trì|theo dõi|xây dựng|phối hợp|tham gia|tích cực|thực hiện|triển khai|tổ chức|báo cáo|tham mưu|căn cứ|nghiên cứu|chỉ đạo|hướng dẫn|gửi|ban hành|tiếp tục|đề xuất|lập dự toán|phản ánh|là đầu mối|là cơ quan|là đơn vị|tăng cường|đẩy mạnh|quán triệt|rà soát|đôn đốc|tuyên truyền|nâng cao|bố trí|tổng hợp|lồng ghép|cụ thể hóa|chủ động|kịp thời|khẩn trương|tập trung|quan tâm|bảo đảm|đảm bảo|giải quyết|cung cấp|tiếp nhận|vận động|cập nhật|có thể|bổ sung)(?:\s|,|$)",
    )
});

/// The subject of a duty: "Sở Tư pháp có trách nhiệm …" → "Sở Tư pháp";
/// "2. Công an quận: Chủ trì …" → "Công an quận"; "Đề nghị X …" → X,
/// requested.
fn duty_subject(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    if let Some(i) = t.find(':') {
        let head = t.get(..i).unwrap_or("");
        if chars(head) < 150 && !DUTY_VERB.is_match(&lowercase(head)) {
            return Some((
                head.trim().to_string(),
                t.get(i + 1..).unwrap_or("").trim().to_string(),
            ));
        }
    }
    let mut body = t;
    let k = key_head(t, "trong qua trinh".len());
    let difficulty = opens_with_process(&k);
    if k.starts_with("can cu") || k.starts_with("tren co so") || difficulty {
        // The subject follows the opening clause: ", các sở …", ", Ủy ban …",
        // or the condition "nếu có … vướng mắc".
        let lower = lowercase(t);
        if let Some(v) = lower.find("vướng mắc").filter(|_| difficulty) {
            let after = t.get(v + "vướng mắc".len()..).unwrap_or("");
            let after = after.trim_start_matches([',', ' ']);
            let after_lower = lower_for_verbs(after);
            let verb_from = if after_lower.starts_with("đề nghị ") {
                "đề nghị ".len()
            } else {
                0
            };
            let verb_at = after_lower
                .get(verb_from..)
                .and_then(|r| DUTY_VERB.find(r))
                .map(|m| m.start() + verb_from);
            if let Some(verb_at) = verb_at {
                // "đề nghị" stays with the subject: it says "requested".
                let subject = after
                    .get(..verb_at)
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches(',');
                if !subject.is_empty() && chars(subject) <= 200 {
                    return Some((subject.to_string(), String::new()));
                }
            }
        }
        let starts = [
            ", đề nghị ",
            ", các ",
            ", ủy ban",
            ", ubnd",
            ", sở ",
            ", công an",
            ", phòng ",
        ];
        let at = starts.iter().filter_map(|s| lower.find(s)).min();
        match at {
            Some(i) => body = t.get(i + 2..).unwrap_or(t),
            None => return None,
        }
    }
    let start = first_duty_verb(body)?;
    let subject = body.get(..start)?.trim().trim_end_matches(',');
    if subject.is_empty() || chars(subject) > 200 {
        return None;
    }
    Some((subject.to_string(), String::new()))
}

/// The sentences of a funding paragraph from the first, after its
/// opening one, whose subject names bodies ([`known_subject`]); `None`
/// when the opening sentence names them itself or none does.
fn funding_duty_sentences(text: &str, ctx: &Ctx) -> Option<String> {
    if known_subject(text, ctx).is_some() {
        return None;
    }
    role_lines::sentence_starts(text)
        .into_iter()
        .skip(1)
        .find_map(|at| {
            let rest = text.get(at..)?;
            known_subject(rest, ctx).map(|_| rest.to_string())
        })
}

/// Where the first [`DUTY_VERB`] starts in `text` lowercased, "các tổ
/// chức" (organisations) not read as the verb "tổ chức".
///
/// The lowercase of the first [`VERB_WINDOW`] chars is read first: a
/// match in it that ends [`VERB_SLACK`] bytes before its end is the first
/// of the whole text too (an earlier one, shorter than that, would lie
/// inside the window as well, and lowercasing goes char by char). Else
/// the whole text is lowercased. The verb mostly comes in the first words
/// (a duty opens with it, or with a short subject), so the window mostly
/// answers, without lowercasing a whole paragraph.
fn first_duty_verb(text: &str) -> Option<usize> {
    let window = super::text::first_chars(text, VERB_WINDOW);
    if window.len() < text.len() {
        let lower = lower_for_verbs(window);
        if let Some(m) = first_verb_match(text, &lower) {
            if m.end() + VERB_SLACK <= lower.len() {
                return Some(m.start());
            }
        }
    }
    first_verb_match(text, &lower_for_verbs(text)).map(|m| m.start())
}

/// The first [`DUTY_VERB`] match of `lower` (the lowercase of a prefix of
/// `text`) that is no word of a known name written with capitals ("Phòng
/// Tham mưu là đơn vị thường trực": "Tham mưu" is part of the name).
fn first_verb_match<'a>(text: &str, lower: &'a str) -> Option<regex::Match<'a>> {
    // Matches may overlap at the space between two verbs: each search
    // starts just after the start of the match before.
    let mut from = 0;
    std::iter::from_fn(|| {
        let m = DUTY_VERB.find_at(lower, from)?;
        from = m.start() + lower.get(m.start()..)?.chars().next()?.len_utf8();
        Some(m)
    })
    .find(|m| {
        let at = m.start()
            + lower
                .get(m.start()..)
                .map_or(0, |r| r.len() - r.trim_start().len());
        // Offsets are the text's only when lowercasing kept the length.
        let capital = text.len() >= lower.len()
            && text
                .get(at..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase);
        // "Công chức phụ trách tổng hợp tăng cường …": the work one is in
        // charge of names the person, it is not the verb.
        let portfolio = lower
            .get(..at)
            .is_some_and(|b| b.trim_end().ends_with(PORTFOLIO));
        // A capital after a body's head goes on with a name the table
        // need not know ("Đội Tổng hợp là đơn vị thường trực").
        let in_name = |at: usize| {
            crate::agency::inside_known_name(text, at)
                || text.get(..at).is_some_and(crate::agency::ends_with_head)
        };
        !(portfolio || capital && at > 0 && in_name(at))
    })
}

/// The words after which a verb names a person's portfolio ("công chức
/// phụ trách tổng hợp").
const PORTFOLIO: &str = "phụ trách";

/// `text` lowercased for [`DUTY_VERB`] to read: "các tổ chức"
/// (organisations) masked so that it is not read as the verb "tổ chức"
/// (organise). Byte offsets stay those of the lowercase.
fn lower_for_verbs(text: &str) -> String {
    let lower = lowercase(text).replace("các tổ chức", "các tổ#chức");
    crate::agency::mask_council_role_words(&lower).into_owned()
}

/// Chars of a paragraph [`first_duty_verb`] lowercases first.
const VERB_WINDOW: usize = 120;

/// More bytes than any [`DUTY_VERB`] match takes (its longest verb and a
/// whitespace char on each side; checked by a test).
const VERB_SLACK: usize = 48;

/// Whether a heading of "Tổ chức thực hiện" only names agencies. A verb
/// inside a known name written with capitals ("Thư viện Tổng hợp thành
/// phố", "Phòng Tham mưu") is the name's.
fn is_agency_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.']);
    let t = if key_head(t, "de nghi ".len()).starts_with("de nghi ") {
        t.get("đề nghị".len()..).unwrap_or("").trim_start()
    } else {
        t
    };
    // The verb test last: it lowercases the text.
    chars(t) < 200 && !t.contains(';') && {
        let lower = lower_for_verbs(t);
        // (The names are looked at only when a verb is there.)
        !DUTY_VERB.is_match(&lower) || first_verb_match(t, &lower).is_none()
    }
}

fn assignments_for(subject: &str, ctx: &Ctx) -> Vec<Assignment> {
    let subject = without_giao(subject);
    let requested = key_head(subject, "de nghi".len()).starts_with("de nghi");
    let mut out = ctx.agency_list(subject, Role::Lead);
    if requested {
        for a in &mut out {
            a.requested = true;
        }
    }
    out
}

/// The kind of a clause of a duty.
///
/// Drafting a plan is a plan-level duty only when the clause ties the plan
/// to the one being carried out: "căn cứ … Kế hoạch này", "nhiệm vụ được
/// giao", "cụ thể hóa", "triển khai thực hiện", or a deadline. "xây dựng kế
/// hoạch, đề xuất … nội dung, hình thức tập huấn" plans a training: that is
/// part of the training task.
fn clause_kind(clause: &str, has_deadline: bool) -> ObligationKind {
    let k = key(clause);
    // Folding the plan into one's own plans ("bổ sung hoặc lồng ghép việc
    // triển khai Kế hoạch này vào các kế hoạch …") is making a plan too.
    let drafts = k.contains("xay dung ke hoach")
        || k.contains("ban hanh ke hoach")
        || k.contains("xay dung, ban hanh ke hoach")
        || folds_into_plans(&k)
        || specifies_in_plan(&k);
    let implements = has_deadline
        || [
            "ke hoach nay",
            "nhiem vu",
            "cu the hoa",
            "trien khai",
            "thuc hien",
        ]
        .iter()
        .any(|cue| k.contains(cue));
    if drafts && implements {
        return ObligationKind::DraftPlan;
    }
    // "tổng hợp, báo cáo Ủy ban nhân dân quận phê duyệt": submitting for
    // approval is a task, not a report of results.
    if k.contains("phe duyet") {
        return ObligationKind::Task;
    }
    // "gửi kết quả về Sở … để tổng hợp": results sent up are a report.
    let reports = k.contains("bao cao")
        || k.contains("gui thong tin")
        || k.contains("gui ve")
        || k.contains("gui ket qua");
    let qualified = k.contains("ket qua")
        || k.contains("dinh ky")
        || k.contains("so ket")
        || k.contains("tong ket")
        || k.contains("tong hop bao cao")
        || k.contains("tong hop, bao cao")
        || k.contains("hang nam")
        || k.contains("hang nam")
        || has_deadline;
    // "Phòng Tư pháp hướng dẫn nghiệp vụ công chức … các phường tham mưu
    // … triển khai … và báo cáo kết quả": the report is the guided ones';
    // guiding them is the task.
    let guides = || {
        first_duty_verb(clause)
            .and_then(|at| clause.get(at..))
            .is_some_and(|v| key_head(v.trim_start(), "huong dan".len()).starts_with("huong dan"))
            && !(k.contains("theo doi") || k.contains("don doc") || k.contains("kiem tra"))
    };
    if reports && qualified && !guides() {
        return ObligationKind::Report;
    }
    if k.contains("theo doi")
        || k.contains("don doc")
        || k.contains("kiem tra")
        || k.contains("tong hop")
            && (k.contains("bao cao") || k.contains("tinh hinh") || k.contains("ket qua"))
    {
        return ObligationKind::Monitor;
    }
    ObligationKind::Task
}

/// Whether the clause (its [`key`]) turns the plan into one's own ("cụ
/// thể hóa bằng kế hoạch của đơn vị", "cụ thể hóa thành kế hoạch …"): "kế
/// hoạch" within 20 chars after "cụ thể hóa".
fn specifies_in_plan(k: &str) -> bool {
    k.match_indices("cu the hoa")
        .any(|(at, m)| names_plan_within(k.get(at + m.len()..).unwrap_or(""), 20))
}

/// "lồng ghép … vào (các chương trình,) kế hoạch …": a plan is named soon
/// after the "vào" that follows "lồng ghép".
fn folds_into_plans(k: &str) -> bool {
    let Some(at) = k.find("long ghep") else {
        return false;
    };
    let rest = &k[at..];
    rest.find(" vao ")
        .is_some_and(|v| names_plan_within(&rest[v..], 40))
}

/// Whether "ke hoach" (in a [`key`]) lies wholly within the first `chars` chars
/// of `k`.
fn names_plan_within(k: &str, chars: usize) -> bool {
    let near = k
        .char_indices()
        .nth(chars)
        .map_or(k, |(i, _)| k.get(..i).unwrap_or(k));
    near.contains("ke hoach")
}

/// Whether a task's text holds a duty of the plan's own kinds: drafting
/// one's own plan from it, or reporting its results ("báo cáo kết quả
/// thực hiện về …", "gửi thông tin về kết quả …"). Writing a report as a
/// piece of work ("xây dựng dự thảo báo cáo định kỳ của tỉnh …, hoàn
/// thiện báo cáo chính thức") reports no results: a task.
fn gives_plan_duties(text: &str, ctx: &Ctx) -> bool {
    clauses(text)
        .iter()
        .any(|c| match clause_kind(c, ctx.find_deadline(c).is_some()) {
            ObligationKind::DraftPlan => true,
            ObligationKind::Report => key(c).contains("ket qua"),
            _ => false,
        })
}

fn kind_suffix(k: ObligationKind) -> &'static str {
    match k {
        ObligationKind::Task => "task",
        ObligationKind::Report => "report",
        ObligationKind::DraftPlan => "draft",
        ObligationKind::Monitor => "monitor",
    }
}

/// Splits a duty into clauses at `;`, at sentence ends, and at a comma
/// that opens a periodic report (", định kỳ báo cáo kết quả …").
fn clauses(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    // Inside a list a colon opens ("tuyên truyền về: a; b; c"), up to the
    // sentence's end: its items are one duty's objects, not duties.
    let mut listing = false;
    let cs: Vec<char> = text.chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        if c == ':' && depth <= 0 && opens_list(&cur) {
            listing = true;
        }
        // A comma inside a list of periods ("định kỳ 6 tháng, hằng năm báo
        // cáo …") parts no duties: the periods date the one report.
        if c == ','
            && depth <= 0
            && !names_only_periods(&cur)
            && opens_periodic_report(cs.get(i + 1..).unwrap_or(&[]))
        {
            out.push(std::mem::take(&mut cur));
            continue;
        }
        cur.push(c);
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 && (!listing || opens_duty(cs.get(i + 1..).unwrap_or(&[]))) => {
                out.push(std::mem::take(&mut cur));
                listing = false;
            }
            '.' if depth <= 0
                && cs.get(i + 1).is_some_and(|c| c.is_whitespace())
                && cs.get(i + 2).is_some_and(|c| c.is_uppercase()) =>
            {
                out.push(std::mem::take(&mut cur));
                listing = false;
            }
            _ => {}
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Keys of the words that, after a comma, open a periodic report of its
/// own ("…và triển khai thực hiện nghiêm túc, định kỳ báo cáo kết quả …").
const PERIODIC: &[&str] = &["dinh ky ", "hang nam ", "hang quy ", "hang thang "];

/// Whether a paragraph only says where the tasks are: "Các nhiệm vụ, giải
/// pháp cụ thể tại Phụ lục kèm theo Kế hoạch này", "Nhiệm vụ cụ thể theo
/// Phụ lục đính kèm", "(Chi tiết tại Phụ lục …)": a short sentence naming
/// the appendix, opening with the tasks or the details, with no duty verb
/// of its own.
fn points_to_appendix(text: &str) -> bool {
    const OPENS: [&str; 5] = [
        "cac nhiem vu",
        "nhiem vu",
        "chi tiet",
        "noi dung",
        "cac noi dung",
    ];
    let t = text.trim().trim_start_matches('(');
    // This runs on every unassigned paragraph: the opening is keyed first,
    // as far as the longest opener; the whole text only when it opens so
    // and is short.
    let longest = OPENS.iter().map(|w| w.len()).max().unwrap_or(0);
    let head = key_head(t, longest);
    let opens = OPENS.iter().any(|w| head.starts_with(w));
    // The verb test last. The columns it names ("cơ quan chủ trì, cơ quan
    // phối hợp, thời gian thực hiện … được xác định tại Phụ lục") are
    // nouns, not duties.
    opens && chars(text) <= 200 && key(t).contains("phu luc") && {
        let mut lower = lowercase(text);
        for noun in APPENDIX_COLUMNS {
            lower = lower.replace(noun, " ");
        }
        !DUTY_VERB.is_match(&lower)
    }
}

/// The most words a closing parenthesis pointing to a part of the
/// appendix holds: the longest written ("(chi tiết tại Phụ lục số 02 kèm
/// theo Kế hoạch này)") has 10; a longer parenthesis says more than where.
const MAX_APPENDIX_PAREN_WORDS: usize = 12;

/// Whether `text` closes with a parenthesis that only points to a part of
/// the appendix: "(mục I Phụ lục)", "(chi tiết tại Phụ lục II)", "(theo
/// Phụ lục 1 kèm theo)" — no duty verb in it.
fn closes_with_appendix_part(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['.', ';', ':']).trim_end();
    let Some(body) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = body.rfind('(') else {
        return false;
    };
    let inner = body.get(open + 1..).unwrap_or("");
    inner.split_whitespace().count() <= MAX_APPENDIX_PAREN_WORDS
        && key(inner).contains("phu luc")
        && !DUTY_VERB.is_match(&lowercase(inner))
}

/// The appendix's columns as a sentence pointing to it names them.
const APPENDIX_COLUMNS: &[&str] = &[
    // (The partners' column after the leads', its noun left out: "cơ
    // quan chủ trì, phối hợp".)
    "cơ quan chủ trì, phối hợp",
    "đơn vị chủ trì, phối hợp",
    "cơ quan chủ trì",
    "cơ quan phối hợp",
    "đơn vị chủ trì",
    "đơn vị phối hợp",
    "thời gian thực hiện",
    "tiến độ thực hiện",
];

/// Whether a colon after `before` opens a list of objects ("… về:", "…
/// các nội dung sau:", "… gồm:", "… như:"), not a label ("Công an quận:").
fn opens_list(before: &str) -> bool {
    let k = key(before.trim_end());
    LIST_OPENERS.iter().any(|w| k.ends_with(w))
}

/// Whether the text after a ";" opens a duty of its own (it starts with a
/// duty's verb: "…; báo cáo kết quả …"), ending a list.
fn opens_duty(after: &[char]) -> bool {
    let next: String = after.iter().take(40).collect::<String>().to_lowercase();
    DUTY_VERB
        .find(next.trim_start())
        .is_some_and(|m| m.start() == 0)
}

/// Words before a colon that open a list of objects (folded).
const LIST_OPENERS: &[&str] = &[
    " ve",
    " sau",
    " sau day",
    " gom",
    " nhu",
    " noi dung",
    " bao gom",
];

/// Whether the text after a comma is a periodic report: it opens with
/// [`PERIODIC`] and reports ("báo cáo", "gửi") before its clause ends.
/// A list of periods ("định kỳ hằng quý, 6 tháng báo cáo …") is read on
/// past its commas to the report.
fn opens_periodic_report(after: &[char]) -> bool {
    let mut clause = String::new();
    for part in after
        .split(|c| matches!(c, ';' | '.'))
        .next()
        .unwrap_or(&[])
        .split(|&c| c == ',')
    {
        clause.extend(part.iter());
        clause.push(',');
        if !names_only_periods(&clause) {
            break;
        }
    }
    let k = key(clause.trim_start());
    PERIODIC.iter().any(|w| k.starts_with(w)) && (k.contains("bao cao") || k.contains("gui "))
}

/// Keys of the words a list of reporting periods is written with
/// ("định kỳ 06 tháng", "hằng quý", "6 tháng và hằng năm", "mỗi năm"):
/// the words of [`PERIODIC`] and of the periods' names and figures.
const PERIOD_WORDS: &[&str] = &[
    "dinh", "ky", "hang", "moi", "nam", "quy", "thang", "sau", "6", "06", "va", "hoac",
];

/// Whether `text` (a clause's words so far) names only reporting periods,
/// at least one: nothing of a duty yet.
fn names_only_periods(text: &str) -> bool {
    let k = key(text);
    let mut words = k
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| PERIOD_WORDS.contains(&w))
}

fn deadline_in(text: &str, ctx: &Ctx) -> (Option<obligraph_core::Deadline>, Option<String>) {
    // "… hằng năm của tập thể, cá nhân (Thời gian: thường xuyên).": the
    // labelled parenthesis says when, not a phrase of the text before it.
    if let Some(rl) = labelled_time_paren(text, ctx) {
        return (rl.deadline, rl.deadline_text);
    }
    // "… báo cáo sơ kết hằng năm gửi Bộ Công an. Thời gian: trước ngày
    // 30/11 hằng năm.": so is a last sentence that is a time label.
    if let Some(rl) = text
        .trim_end()
        .rfind(". ")
        .and_then(|at| text.get(at + 2..))
        .and_then(|last| time_only(last, ctx))
    {
        return (rl.deadline, rl.deadline_text);
    }
    match ctx.find_deadline(text) {
        Some(m) => {
            let t = text.get(m.start..m.end).map(|s| s.trim().to_string());
            (Some(m.deadline), t)
        }
        None => (None, None),
    }
}

/// The last parenthesis of `text` that is a time label ("(Thời gian: khi
/// có yêu cầu)", "(thời hạn: quý II/2026)"), read.
fn labelled_time_paren(text: &str, ctx: &Ctx) -> Option<RoleLine> {
    text.match_indices('(').rev().find_map(|(i, _)| {
        let rest = text.get(i + 1..)?;
        let inner = rest.split(')').next()?;
        time_only(inner, ctx)
    })
}

fn emit(mut nodes: Vec<Node>, plan: &mut Plan, ledger: &mut Ledger, ctx: &Ctx) {
    // A funding paragraph whose prose goes on with a sentence giving a
    // body work ("Kinh phí … do ngân sách nhà nước bảo đảm …. Công an quận
    // lập dự toán kinh phí … gửi Phòng Tài chính - Kế hoạch …"): its duty
    // is that sentence and those after it, as when it is a paragraph of
    // its own.
    for n in &mut nodes {
        if n.kind == Kind::Funding && !(n.numbered && n.depth <= 5) {
            if let Some(rest) = funding_duty_sentences(&n.text, ctx) {
                n.text = rest;
            }
        }
    }
    // A sentence pointing to the appendix, set aside below, heads nothing:
    // the item it follows is a task of its own ("5. Thực hiện nghĩa vụ báo
    // cáo …" / "Nhiệm vụ cụ thể … được xác định tại Phụ lục …").
    // So is an item whose text closes with a pointer to its part of the
    // appendix ("1. Rà soát, hoàn thiện hệ thống văn bản (mục I Phụ
    // lục)."): the appendix's rows are its tasks. Under a heading naming
    // bodies ("1. Công an tỉnh" / "a) … (chi tiết tại Phụ lục)") the item
    // is that body's task and stays.
    let pointer: Vec<bool> = nodes
        .iter()
        .map(|n| {
            n.children == 0
                && n.assignments.is_empty()
                && (points_to_appendix(&n.text)
                    || (n.kind == Kind::Tasks
                        && closes_with_appendix_part(&n.text)
                        && !n.parent.and_then(|p| nodes.get(p)).is_some_and(|p| {
                            is_agency_heading(&p.text) && names_known_bodies(&p.text, ctx)
                        })))
        })
        .collect();
    let headed: Vec<usize> = nodes
        .iter()
        .zip(&pointer)
        .filter(|(_, &is)| is)
        .filter_map(|(n, _)| n.parent)
        // (A part's heading, "II. NHIỆM VỤ", stays a heading.)
        .filter(|&p| nodes.get(p).is_some_and(|x| x.parent.is_some()))
        .collect();
    for p in headed {
        if let Some(parent) = nodes.get_mut(p) {
            parent.children = parent.children.saturating_sub(1);
        }
    }
    // Leads given by agency headings of "Tổ chức thực hiện"; and of a
    // tasks part set out by body ("II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN" /
    // "1. Công an tỉnh" / "a) Chủ trì, phối hợp với …"), where a heading
    // that is nothing but known bodies' names, or "Đề nghị X, Y", leads
    // the items under it that name no lead of their own (requested for
    // "Đề nghị"); a topic heading ("2. Đầu tư cơ sở vật chất") names none.
    let mut heading_leads: HashMap<usize, Vec<Assignment>> = HashMap::default();
    let mut body_headings: HashMap<usize, Vec<Assignment>> = HashMap::default();
    for (i, n) in nodes.iter().enumerate() {
        // "1. Đội Tổng hợp là đơn vị thường trực, giúp Lãnh đạo Công an
        // quận:" over bullets: a duty's subject opening the bullets that
        // are its duties, no duty of its own — it leads them.
        if n.kind == Kind::Organisation
            && n.numbered
            && n.children > 0
            && n.parent.is_some()
            && n.text.trim_end().ends_with(':')
        {
            if let Some(leads) = known_subject(&n.text, ctx).filter(|l| !l.is_empty()) {
                heading_leads.insert(i, leads);
                continue;
            }
        }
        if !(n.numbered && n.children > 0 && n.parent.is_some() && is_agency_heading(&n.text)) {
            continue;
        }
        match n.kind {
            Kind::Organisation => {
                heading_leads.insert(i, assignments_for(&n.text, ctx));
            }
            Kind::Tasks if names_known_bodies(&n.text, ctx) => {
                let t = n.text.trim().trim_end_matches([':', '.']);
                body_headings.insert(i, assignments_for(t, ctx));
            }
            _ => {}
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        let parent_id = n.parent.and_then(|p| nodes.get(p)).map(|p| p.id.clone());
        let is_top = n.parent.is_none() && n.numbered;
        let org_duty = n.kind == Kind::Organisation && !is_top && !heading_leads.contains_key(&i);
        if org_duty && key_head(&n.text, "kinh phi".len()).starts_with("kinh phi") {
            ledger.set_aside_all(&n.lines, UnattributedReason::Funding);
            continue;
        }
        // "Các nhiệm vụ, giải pháp cụ thể tại Phụ lục kèm theo Kế hoạch
        // này.": where the tasks are, not a task.
        if pointer.get(i).copied().unwrap_or(false) {
            ledger.set_aside_all(&n.lines, UnattributedReason::AppendixPointer);
            continue;
        }
        // "(Các nội dung tại mục 4, mục 5 thực hiện theo đúng quy định của
        // Bộ luật Tố tụng hình sự …)" under the table of tasks: a note on
        // items, no task.
        if n.kind == Kind::Tasks
            && !n.numbered
            && n.children == 0
            && n.assignments.is_empty()
            && n.deadline.is_none()
            && is_note(&n.text, ctx)
        {
            ledger.set_aside_all(&n.lines, UnattributedReason::Unrecognised);
            continue;
        }
        let heading_only = (!org_duty || is_topic_heading(&n.text))
            && n.numbered
            && n.children > 0
            && n.assignments.is_empty()
            && n.deadline.is_none();
        // A funding paragraph that gives an agency work ("Công an quận đề
        // xuất nhu cầu kinh phí … gửi Phòng Tài chính - Kế hoạch") is a duty.
        let funding_duty = n.kind == Kind::Funding
            && !(n.numbered && n.depth <= 5)
            && known_subject(&n.text, ctx).is_some();
        if funding_duty {
            let span = SourceSpan {
                line_start: n.lines.first().copied().unwrap_or(0),
                line_end: n.lines.last().copied().unwrap_or(0),
                place: None,
            };
            ledger.attribute_all(&n.lines);
            emit_duty(n, &nodes, &heading_leads, parent_id, span, plan, ctx);
            continue;
        }
        match n.kind {
            Kind::Purpose | Kind::Content | Kind::Funding if !(n.numbered && n.depth <= 5) => {
                let reason = match n.kind {
                    Kind::Purpose => UnattributedReason::Purpose,
                    Kind::Content => UnattributedReason::Content,
                    _ => UnattributedReason::Funding,
                };
                ledger.set_aside_all(&n.lines, reason);
                continue;
            }
            _ => {}
        }
        let is_section = is_top
            || heading_only
            || matches!(n.kind, Kind::Purpose | Kind::Content | Kind::Funding)
            || heading_leads.contains_key(&i);
        if is_section {
            plan.sections.push(Section {
                id: n.id.clone(),
                title: n.text.clone(),
                parent: parent_id.clone(),
                line: n.lines.first().copied().unwrap_or(0),
            });
            ledger.attribute_all(&n.lines);
            if !(n.kind == Kind::Tasks && is_top && n.children == 0) {
                continue;
            }
        }
        // An obligation.
        let span = SourceSpan {
            line_start: n
                .lines
                .iter()
                .chain(&n.extra_lines)
                .copied()
                .min()
                .unwrap_or(0),
            line_end: n
                .lines
                .iter()
                .chain(&n.extra_lines)
                .copied()
                .max()
                .unwrap_or(0),
            place: None,
        };
        ledger.attribute_all(&n.lines);
        ledger.attribute_all(&n.extra_lines);
        if n.kind == Kind::Organisation {
            emit_duty(n, &nodes, &heading_leads, parent_id, span, plan, ctx);
            continue;
        }
        // In a tasks part set out by body, an item that gives its body the
        // plan's own duties ("c) Căn cứ Kế hoạch này, xây dựng kế hoạch …;
        // định kỳ báo cáo kết quả … trước ngày 15/11") is read as the same
        // duty of "Tổ chức thực hiện" is: split by kind, draft and report.
        if n.assignments.is_empty()
            && n.children == 0
            && heading_lead(i, &nodes, &body_headings).is_some()
            && gives_plan_duties(&n.text, ctx)
        {
            // An item naming its own subject ("d) Đề nghị Ủy ban Mặt trận
            // Tổ quốc Việt Nam tỉnh … gửi thông tin về kết quả …") is that
            // subject's, not the heading's.
            let none = HashMap::default();
            let leads = if known_subject(&n.text, ctx).is_some() {
                &none
            } else {
                &body_headings
            };
            emit_duty(n, &nodes, leads, parent_id, span, plan, ctx);
            continue;
        }
        // Labels written on the task's own line, after its text ("… công
        // an viên. Đơn vị chủ trì: Phòng Tư pháp. Đơn vị phối hợp: …").
        let inline = if n.assignments.is_empty() || n.group_roles {
            inline_labels(&n.text)
        } else {
            None
        };
        let text = inline.as_ref().map_or(n.text.as_str(), |(t, _)| t);
        // Roles written at the end of the item's own text ("… của phường.
        // Giao công chức Tư pháp - Hộ tịch chủ trì, phối hợp với …; thời
        // gian: hằng năm."): the item keeps its text and takes them.
        let tail = if n.assignments.is_empty() && inline.is_none() {
            tail_role_line(&n.text, ctx)
        } else {
            None
        };
        let mut o = Obligation::new(n.id.clone(), text);
        o.section = parent_id;
        o.source = span;
        o.output = n.output.clone();
        o.assignments = n.assignments.clone();
        o.deadline = n.deadline.clone();
        o.deadline_text = n.deadline_text.clone();
        if let Some((start, rl)) = tail {
            // What the item's own words say of partners ("Phối hợp với
            // Phòng Tư pháp quận …. Giao X chủ trì") adds to the line.
            let own = n.text.get(..start).unwrap_or("");
            o.assignments = rl.assignments;
            role_lines::push_all(&mut o.assignments, ctx.sentence_roles(own).assignments);
            if rl.deadline_text.is_some() {
                o.deadline = rl.deadline;
                o.deadline_text = rl.deadline_text;
            }
        }
        if n.group_roles {
            // "- Phối hợp với Công an tỉnh thực hiện …" / "Phân công:
            // Phòng X chủ trì; …": X leads, the partners the item names
            // support (and the bodies it asks, asked).
            role_lines::push_all(&mut o.assignments, ctx.sentence_roles(&n.text).assignments);
        }
        for (l, value) in inline.iter().flat_map(|(_, ls)| ls) {
            set_label(
                *l,
                value,
                ctx,
                LabelFields {
                    assignments: &mut o.assignments,
                    deadline: &mut o.deadline,
                    deadline_text: &mut o.deadline_text,
                    output: &mut o.output,
                },
            );
        }
        // Roles given by a line after the item ("Giao Phòng Báo chí, Xuất
        // bản và Thông tin chủ trì, …"): the bodies the item's own text
        // asks ("Đối với Báo và Phát thanh, Truyền hình Huế, Sở đề nghị
        // phối hợp …") are asked all the same.
        if !n.assignments.is_empty() {
            let asked = ctx.sentence_roles(text).assignments;
            role_lines::push_all(
                &mut o.assignments,
                asked.into_iter().filter(|a| a.requested),
            );
        }
        // Whether the item's roles come from a parenthesis inside its
        // sentence, giving the roles of one part of it (see below).
        let mut part_paren = false;
        if o.assignments.is_empty() {
            if let Some((start, inner)) = roles_paren(&n.text) {
                if let Some(r) = ctx.inline_roles(inner) {
                    o.assignments = r.assignments;
                    if o.deadline.is_none() {
                        o.deadline = r.deadline;
                        o.deadline_text = r.deadline_text;
                    }
                    // A parenthesis inside the sentence, the item going on
                    // after it ("… chú trọng … giam giữ riêng (đề nghị
                    // Viện kiểm sát nhân dân tỉnh chủ trì đối với lĩnh vực
                    // tố tụng hình sự); phối hợp với Sở Tư pháp …"), gives
                    // the roles of a part: the partners the sentence names
                    // outside it take part too.
                    let end = start + 1 + inner.len() + ')'.len_utf8();
                    let after = n.text.get(end..).unwrap_or("");
                    if after.chars().any(char::is_alphabetic) {
                        part_paren = true;
                        let outside = format!("{}{after}", n.text.get(..start).unwrap_or(""));
                        role_lines::push_all(
                            &mut o.assignments,
                            ctx.sentence_roles(&outside).assignments,
                        );
                    }
                }
            }
        }
        // Whether the leads the sentence names only carry their share
        // ("…; các sở, ngành thực hiện theo chức năng, nhiệm vụ").
        let mut by_share = false;
        if o.assignments.is_empty() {
            // Roles written in the sentence itself.
            let r = ctx.sentence_roles(&n.text);
            if r.monitor {
                o.kind = ObligationKind::Monitor;
            }
            by_share = r.leads_only_by_share();
            o.assignments = r.assignments;
        }
        if o.assignments.is_empty() {
            // A task whose sentence opens with the bodies that do it
            // ("Công an thành phố tổ chức tập huấn …"): they lead.
            if let Some(leads) = known_subject(&n.text, ctx) {
                o.assignments = leads;
            }
        }
        if !o
            .assignments
            .iter()
            .any(|a| a.role == Role::Lead && !a.requested)
        {
            // One of the issuer's own people named inside the item ("b) Về
            // trợ giúp pháp lý: công chức phụ trách … tăng cường …", "Trong
            // đợt tự kiểm tra …, bộ phận kiểm tra văn bản lồng ghép …", "….
            // Công chức phụ trách … thực hiện …") leads it.
            if let Some(staff) = staff_within(&n.text, ctx) {
                let mut all = staff;
                for a in std::mem::take(&mut o.assignments) {
                    if !all.iter().any(|b| b.agency.id == a.agency.id) {
                        all.push(a);
                    }
                }
                o.assignments = all;
            }
        }
        if !o.assignments.is_empty() && !o.assignments.iter().any(|a| a.role == Role::Lead) {
            // Lines that only name supports ("Công an xã phối hợp"): the
            // item's own words still say who leads ("Công chức Văn hóa -
            // Xã hội chỉ đạo …").
            let own: Vec<Assignment> = ctx
                .sentence_roles(&n.text)
                .assignments
                .into_iter()
                .filter(|a| a.role == Role::Lead)
                .collect();
            let own = if own.is_empty() {
                known_subject(&n.text, ctx).unwrap_or_default()
            } else {
                own
            };
            let mut all: Vec<Assignment> = own;
            for a in std::mem::take(&mut o.assignments) {
                if !all.iter().any(|b| b.agency.id == a.agency.id) {
                    all.push(a);
                }
            }
            o.assignments = all;
        }
        // "h) Chủ trì, cùng Công an tỉnh tuyên truyền …" under "1. Sở Tư
        // pháp": the verb has no subject, the heading's body; those the
        // sentence names leading too lead beside it.
        // So under a heading naming a body, where the leads the item names
        // lead one part of it only, in a parenthesis inside the sentence
        // ("g) Tiếp tục phổ biến … cho cán bộ, chiến sĩ tại các cơ sở giam
        // giữ (Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh chủ trì đối với …)").
        // So under one opening "Cùng Công an tỉnh thực hiện …" (no "Chủ
        // trì"), and under one whose leads only carry their share within
        // their remit ("b) Nâng cao chất lượng thanh tra …; các sở, ban,
        // ngành thực hiện theo chức năng, nhiệm vụ, Ủy ban nhân dân các
        // xã, phường thực hiện theo thẩm quyền" under "9. Thanh tra tỉnh").
        if (opens_with_lead_verb(&o.text) || o.text.starts_with("Cùng ") || part_paren || by_share)
            && o.assignments.iter().any(|a| a.role == Role::Lead)
        {
            if let Some(leads) = heading_lead(i, &nodes, &body_headings) {
                let mut all = leads.clone();
                for a in std::mem::take(&mut o.assignments) {
                    if !all.iter().any(|b| b.agency.id == a.agency.id) {
                        all.push(a);
                    }
                }
                o.assignments = all;
            }
        }
        if !o.assignments.iter().any(|a| a.role == Role::Lead) {
            let heading = heading_lead(i, &nodes, &body_headings);
            // "Phối hợp với X …" naming no lead: X leads; the body the
            // heading names (else the plan's issuer) takes part.
            if opens_with_partners(&o.text) {
                o.assignments =
                    issuer_joins(std::mem::take(&mut o.assignments), plan, ctx, heading);
            }
            if !o.assignments.iter().any(|a| a.role == Role::Lead) {
                if let Some(leads) = heading {
                    let mut all = leads.clone();
                    for a in std::mem::take(&mut o.assignments) {
                        if !all.iter().any(|b| b.agency.id == a.agency.id) {
                            all.push(a);
                        }
                    }
                    o.assignments = all;
                }
            }
        }
        if o.deadline.is_none() {
            let (d, t) = deadline_in(&n.text, ctx);
            if d.is_some() {
                o.deadline = d;
                o.deadline_text = t;
            }
        }
        // "đ) Phối hợp với Công an tỉnh thực hiện rà soát … nêu tại điểm đ
        // khoản 1 Mục này." under "2. Sở Tư pháp": the body's part in
        // another body's items, restated; the items get it as a support
        // ([`apply_pointers`]), the item is kept only when none is found.
        let restated = (n.assignments.is_empty() && opens_with_partners(&n.text))
            .then(|| trailing_pointer(&n.text, ctx))
            .flatten()
            .zip(heading_lead(i, &nodes, &body_headings));
        if let Some((targets, heading)) = restated {
            let mut subjects = heading.clone();
            for a in &mut subjects {
                a.role = Role::Support;
            }
            ctx.pointers.borrow_mut().push(PendingPointer {
                subjects,
                targets,
                own_part: part_of(&n.id),
                fallback: o,
                at: plan.obligations.len(),
            });
            continue;
        }
        plan.obligations.push(o);
    }
    apply_pointers(plan, ctx);
}

/// Whether a paragraph is a note: wholly in one parenthesis, giving no
/// body work (no role, no subject) and no time.
fn is_note(text: &str, ctx: &Ctx) -> bool {
    let t = text.trim().trim_end_matches('.').trim_end();
    let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    // The parenthesis that opens the paragraph closes at its end.
    let mut depth = 1usize;
    for c in inner.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return false;
        }
    }
    ctx.sentence_roles(inner).assignments.is_empty()
        && known_subject(inner, ctx).is_none()
        && ctx.find_deadline(inner).is_none()
}

/// Whether a task opens with the lead verb and no subject: "Chủ trì,
/// cùng …", "Chủ trì tổ chức …".
fn opens_with_lead_verb(text: &str) -> bool {
    crate::roles::LEAD_OPENINGS
        .iter()
        .any(|o| key_head(text, o.len()) == *o)
}

/// Whether a task opens with its partners and no subject: "Phối hợp với
/// Phòng Văn hóa và Thông tin đa dạng hóa …".
fn opens_with_partners(text: &str) -> bool {
    key_head(text, "phoi hop voi ".len()) == "phoi hop voi "
}

/// The assignments of a task that opens "Phối hợp với X …" and names no
/// one to lead (no labelled line, no "chủ trì", no subject): read as a
/// reader reads it, the plan's issuer takes part in X's work, so X leads
/// and the issuer supports. Where a lead is named (a labelled line after
/// the item: "Phòng Phổ biến, giáo dục pháp luật chủ trì"), that lead
/// stands and this is not asked. Requested bodies keep their role; the
/// issuer is added only when its name resolves. Under a heading that names
/// a body ("4. Bộ Chỉ huy Quân sự tỉnh"), that body takes part instead.
fn issuer_joins(
    assignments: Vec<Assignment>,
    plan: &Plan,
    ctx: &Ctx,
    heading: Option<&Vec<Assignment>>,
) -> Vec<Assignment> {
    let mut out: Vec<Assignment> = assignments
        .into_iter()
        .map(|mut a| {
            if a.role == Role::Support && !a.requested {
                a.role = Role::Lead;
            }
            a
        })
        .collect();
    if !out.iter().any(|a| a.role == Role::Lead) {
        return out;
    }
    let issuer = match heading {
        Some(h) => h
            .iter()
            .cloned()
            .map(|mut a| {
                a.role = Role::Support;
                a
            })
            .collect(),
        None => plan
            .issuer
            .as_deref()
            .and_then(|name| ctx.only_agencies(name, Role::Support))
            .unwrap_or_default(),
    };
    for a in issuer {
        if !a.agency.id.starts_with("unresolved:")
            && !out.iter().any(|b| b.agency.id == a.agency.id)
        {
            out.push(a);
        }
    }
    out
}

/// Whether a heading is nothing but the names of known bodies, after an
/// "Đề nghị" if written ("Công an tỉnh", "Đề nghị Viện kiểm sát nhân dân
/// tỉnh, Tòa án nhân dân tỉnh").
fn names_known_bodies(heading: &str, ctx: &Ctx) -> bool {
    let t = heading.trim().trim_end_matches([':', '.']);
    let bare = if key_head(t, "de nghi".len()).starts_with("de nghi") {
        t.get("đề nghị".len()..).unwrap_or("").trim()
    } else {
        t
    };
    ctx.only_agencies(bare, Role::Lead)
        .is_some_and(|l| l.iter().all(|a| !a.agency.id.starts_with("unresolved:")))
}

/// The leads of the nearest heading above node `i` that has some.
fn heading_lead<'a>(
    i: usize,
    nodes: &[Node],
    leads: &'a HashMap<usize, Vec<Assignment>>,
) -> Option<&'a Vec<Assignment>> {
    let mut cur = nodes.get(i).and_then(|n| n.parent);
    while let Some(p) = cur {
        if let Some(l) = leads.get(&p) {
            return Some(l);
        }
        cur = nodes.get(p).and_then(|x| x.parent);
    }
    None
}

/// The role line that ends a task's own text, from the earliest sentence
/// that opens one (see [`role_line`]).
fn tail_role_line(text: &str, ctx: &Ctx) -> Option<(usize, RoleLine)> {
    const MAX_TAIL_CHARS: usize = 500;
    let starts = text.match_indices(". ").map(|(i, _)| i + 2).filter(|&i| {
        text.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    });
    for i in starts {
        let rest = text.get(i..)?;
        if chars(rest) > MAX_TAIL_CHARS {
            continue;
        }
        if let Some(rl) = role_line(rest, true, false, ctx) {
            return Some((i, rl));
        }
    }
    None
}

fn emit_duty(
    n: &Node,
    nodes: &[Node],
    heading_leads: &HashMap<usize, Vec<Assignment>>,
    parent_id: Option<String>,
    span: SourceSpan,
    plan: &mut Plan,
    ctx: &Ctx,
) {
    // Lead: the agency heading above, else the subject of the text.
    let mut leads: Vec<Assignment> = Vec::new();
    let mut cur = n.parent;
    while let Some(p) = cur {
        if let Some(l) = heading_leads.get(&p) {
            leads = l.clone();
            break;
        }
        cur = nodes.get(p).and_then(|x| x.parent);
    }
    if leads.is_empty() {
        if let Some(known) = known_subject(&n.text, ctx) {
            leads = known;
        } else if let Some((subject, _)) = duty_subject(&n.text) {
            // An adverb is no subject ("…, kịp thời báo cáo …"), nor is
            // when ("Định kỳ hằng năm báo cáo …").
            if !strip_adverbs(&subject).is_empty() && !is_when(&subject) {
                leads = assignments_for(&subject, ctx);
            }
        }
    } else if let Some(known) = known_subject(&n.text, ctx) {
        // Under a heading "9. Các Sở, ngành, cơ quan liên quan", the duty
        // can name its subjects more fully ("Các Sở, ngành, đoàn thể, Ủy
        // ban nhân dân xã, phường căn cứ …"): they lead too.
        for a in known {
            if !leads.iter().any(|l| l.agency.id == a.agency.id) {
                leads.push(a);
            }
        }
    }
    if leads.is_empty() {
        // Inherit the lead of the numbered duty above ("Phối hợp với …"
        // under "3. Phòng Tư pháp: …"); a topic heading ("3. Chế độ báo
        // cáo") is no duty and names nobody.
        if let Some(p) = n
            .parent
            .and_then(|p| nodes.get(p))
            .filter(|p| !is_topic_heading(&p.text))
        {
            if let Some((subject, _)) = duty_subject(&p.text) {
                leads = assignments_for(&subject, ctx);
            }
        }
    }
    // One clause, one duty: each clause of a duty (at ";" and sentence
    // ends) is a duty of its own, with its own kind, partners and deadline
    // ("Chủ trì … tổ chức thực hiện Kế hoạch; hướng dẫn, theo dõi …; tiếp
    // tục tuyên truyền …; tham mưu … tổng kết 05 năm (khi có yêu cầu)" is
    // four duties, and only the last is dated). A clause that goes on from
    // the one before ("trên cơ sở đó …", "nhằm …") or only dates it
    // ("hoàn thành trước ngày …") stays with it.
    let mut parts: Vec<String> = Vec::new();
    // Another body's own duty, dated, after ", để": a duty of its own.
    let mut purposes: Vec<(String, Vec<Assignment>)> = Vec::new();
    for c in clauses(&n.text) {
        for c in monitor_then_report(&c, ctx) {
            let (own, purpose) = purpose_duty(&c, ctx);
            parts.push(own);
            purposes.extend(purpose);
        }
    }
    let mut groups: Vec<(ObligationKind, Vec<String>)> = Vec::new();
    let mut pointers = 0;
    for c in &parts {
        // "Chủ trì thực hiện các nhiệm vụ tại điểm a mục 1, điểm b mục 2
        // Phần II": a pointer to items of the plan, no task of its own; the
        // items get its roles ([`apply_pointers`]).
        let found = item_pointers(c);
        let named: Vec<Option<Vec<Assignment>>> = found
            .iter()
            .map(|p| {
                if p.subject.is_empty() {
                    Some(leads.clone())
                } else {
                    ctx.only_agencies(&p.subject, p.role)
                }
                .filter(|s| !s.is_empty())
            })
            .collect();
        let all_named = !found.is_empty() && named.iter().all(Option::is_some);
        for (p, named) in found.into_iter().zip(named).filter(|_| all_named) {
            if let Some(mut subjects) = named {
                for a in &mut subjects {
                    a.role = p.role;
                }
                pointers += 1;
                let suffix = if pointers == 1 {
                    String::new()
                } else {
                    format!("_{pointers}")
                };
                let mut fallback = Obligation::new(format!("{}:pointer{suffix}", n.id), c.clone());
                fallback.section = parent_id.clone();
                fallback.source = span.clone();
                fallback.assignments = subjects.clone();
                let own_part = part_of(&n.id);
                ctx.pointers.borrow_mut().push(PendingPointer {
                    subjects,
                    targets: p.targets,
                    own_part,
                    fallback,
                    at: plan.obligations.len(),
                });
            }
        }
        if all_named {
            continue;
        }
        let deadline = ctx.find_deadline(c);
        let has_deadline = deadline.is_some();
        let k = clause_kind(c, has_deadline);
        let longest = CONTINUING.iter().chain(DATING).map(|w| w.len()).max();
        let ck = key_head(c, longest.unwrap_or(0));
        // A clause that is its deadline and at most a word or two around it
        // ("thực hiện hằng năm.") only dates the one before.
        let only_dates = deadline.is_some_and(|m| {
            let words = |t: &str| {
                t.split_whitespace()
                    .filter(|w| w.chars().any(crate::normalize::is_alphanumeric))
                    .count()
            };
            let around =
                words(c.get(..m.start).unwrap_or("")) + words(c.get(m.end..).unwrap_or(""));
            around <= 2
        });
        let goes_on = CONTINUING.iter().any(|w| ck.starts_with(w))
            || DATING.iter().any(|w| ck.starts_with(w))
            || only_dates;
        match groups.last_mut() {
            Some((_, v)) if goes_on => v.push(c.clone()),
            _ => groups.push((k, vec![c.clone()])),
        }
    }
    // Work given in "Kinh phí" (proposing the funds needed) and the duty to
    // report difficulties are tasks, whatever words they use ("tổng hợp,
    // báo cáo", "Đội Tổng hợp"): not the plan's reporting or monitoring.
    let mut purpose_leads: HashMap<usize, Vec<Assignment>> = HashMap::default();
    if n.kind == Kind::Funding {
        groups = vec![(ObligationKind::Task, vec![n.text.clone()])];
    } else if reports_difficulties(&n.text) {
        // Each body that reports its difficulties, a duty of its own.
        groups.clear();
        let issuer = plan.issuer.as_deref();
        for (text, reporters) in difficulty_reporters(&n.text, &leads, issuer, ctx) {
            if let Some(r) = reporters {
                purpose_leads.insert(groups.len(), r);
            }
            groups.push((ObligationKind::Task, vec![text]));
        }
    }
    let split = groups.len() > 1 || pointers > 0 || !purposes.is_empty();
    if groups.is_empty() {
        if pointers > 0 {
            return;
        }
        groups.push((ObligationKind::Task, vec![n.text.clone()]));
    }
    for (text, leads) in purposes {
        let has_deadline = ctx.find_deadline(&text).is_some();
        purpose_leads.insert(groups.len(), leads);
        groups.push((clause_kind(&text, has_deadline), vec![text]));
    }
    let mut seen: HashMap<ObligationKind, u32> = HashMap::default();
    for (g, (k, texts)) in groups.into_iter().enumerate() {
        let text = if split {
            texts.join(" ")
        } else {
            n.text.clone()
        };
        let id = if split {
            let count = seen.entry(k).or_insert(0);
            *count += 1;
            if *count == 1 {
                format!("{}:{}", n.id, kind_suffix(k))
            } else {
                format!("{}:{}_{count}", n.id, kind_suffix(k))
            }
        } else {
            n.id.clone()
        };
        let mut o = Obligation::new(id, text.clone());
        o.kind = k;
        o.section = parent_id.clone();
        o.source = span.clone();
        // The clause says more: partners ("phối hợp với …"), a subject
        // that only supports ("Đề nghị X … phối hợp").
        // A sentence that names one of the issuer's own people as its
        // subject ("Trưởng phòng chịu trách nhiệm chung …; Phó Trưởng
        // phòng phụ trách … chỉ đạo …") is that person's duty.
        let own = purpose_leads.get(&g).cloned().unwrap_or_else(|| {
            split
                .then(|| own_staff_subject(&text, ctx))
                .flatten()
                .unwrap_or_else(|| leads.clone())
        });
        o.assignments = if n.assignments.is_empty() {
            let written = ctx.sentence_roles(&text).assignments;
            // A clause of its own in which the issuer gives the work to a
            // body ("…; báo cáo đột xuất khi … yêu cầu. Giao công chức Tư
            // pháp - Hộ tịch chủ trì, phối hợp với Công an phường dự thảo
            // báo cáo."): that body leads it, not the subject of the
            // sentences before.
            let given = split
                && without_giao(&text).len() < text.trim_start().len()
                && written.iter().any(|a| a.role == Role::Lead && !a.requested);
            if opens_with_partners(&text) && in_partners_work(&text, &written) {
                joins_partners(own, written)
            } else {
                merge_roles(if given { Vec::new() } else { own }, written)
            }
        } else {
            n.assignments.clone()
        };
        o.deadline = n.deadline.clone();
        o.deadline_text = n.deadline_text.clone();
        if o.deadline.is_none() {
            let (d, t) = deadline_in(&text, ctx);
            o.deadline = d;
            o.deadline_text = t;
        }
        if o.deadline_text.is_none() && k == ObligationKind::Report {
            o.deadline_text = periodic_unstated(&text);
        }
        plan.obligations.push(o);
    }
}

/// A duty to report difficulties cut where another body reports in a
/// clause of its own: "…, các phòng, đơn vị phản ánh kịp thời về Sở (qua
/// Văn phòng Sở) để được hướng dẫn; đối với vấn đề vượt thẩm quyền, Sở báo
/// cáo Ủy ban nhân dân tỉnh …" is two duties, the units' and the
/// department's, each with its reporter. A clause after a ";" whose
/// subject (after an opening condition: "đối với vấn đề vượt thẩm quyền,
/// Sở …", "trường hợp vượt thẩm quyền, Ủy ban nhân dân xã …") names known
/// bodies other than the duty's `leads` opens a part; the others stay
/// with the part before. The issuer's plan names the issuer by its head
/// noun alone ("Sở", "Phòng": [`issuer_by_head`]). Each part comes with
/// its own reporters (`None` for the first, led by `leads`).
fn difficulty_reporters(
    text: &str,
    leads: &[Assignment],
    issuer: Option<&str>,
    ctx: &Ctx,
) -> Vec<(String, Option<Vec<Assignment>>)> {
    let mut out: Vec<(String, Option<Vec<Assignment>>)> = Vec::new();
    for c in clauses(text) {
        let own = out.last().and_then(|(_, r)| r.as_deref()).unwrap_or(leads);
        let other = (!out.is_empty())
            .then(|| subject_after_condition(&c, issuer, ctx))
            .flatten()
            .filter(|s| {
                !s.iter()
                    .all(|a| own.iter().any(|b| b.agency.id == a.agency.id))
            });
        match out.last_mut() {
            Some((t, _)) if other.is_none() => {
                t.push(' ');
                t.push_str(&c);
            }
            _ => out.push((c, other)),
        }
    }
    out
}

/// The known bodies a clause names as its subject, at its head or after
/// the condition it opens with ("trường hợp vượt thẩm quyền, Ủy ban nhân
/// dân xã báo cáo …"): the first part after a comma that opens with them.
fn subject_after_condition(
    clause: &str,
    issuer: Option<&str>,
    ctx: &Ctx,
) -> Option<Vec<Assignment>> {
    std::iter::once(0)
        .chain(clause.match_indices(", ").map(|(i, m)| i + m.len()))
        .filter_map(|at| clause.get(at..))
        .find_map(|rest| {
            known_subject(rest, ctx).or_else(|| {
                let (subject, _) = duty_subject(rest)?;
                issuer_by_head(&subject, issuer?, ctx)
            })
        })
        .filter(|s| s.iter().all(|a| !a.agency.id.starts_with("unresolved:")))
}

/// The issuer, where its own plan names it by the head noun of its name
/// alone ("Sở báo cáo Ủy ban nhân dân tỉnh" in the plan of "Sở Lao động -
/// Thương binh và Xã hội"; "Phòng" in a Phòng's): the head is one of
/// [`ISSUER_HEADS`] and the issuer's name opens with it.
fn issuer_by_head(subject: &str, issuer: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    let head = key(subject.trim());
    let name = key(issuer);
    let named = ISSUER_HEADS.contains(&head.as_str())
        && name
            .strip_prefix(head.as_str())
            .is_some_and(|r| r.starts_with(' '));
    named
        .then(|| ctx.only_agencies(issuer, Role::Lead))
        .flatten()
}

/// Head nouns by which an agency's own plan names the agency
/// ([`issuer_by_head`]), as keys.
const ISSUER_HEADS: &[&str] = &["so", "phong", "chi cuc", "cuc", "ban"];

/// A clause cut where ", để" opens another body's own dated duty: "Phòng
/// Tư pháp báo cáo … trước ngày 15/11 hằng năm, để Công an quận tổng hợp,
/// tham mưu Ủy ban nhân dân quận báo cáo Ủy ban nhân dân thành phố trước
/// ngày 25/11 hằng năm" is two duties, each with its own deadline: the
/// first body's, and the one the purpose names (its subject, known
/// agencies, leads it). A purpose with no subject of its own or no date
/// of its own ("…, để kịp thời chỉ đạo") stays in the clause.
fn purpose_duty(clause: &str, ctx: &Ctx) -> (String, Option<(String, Vec<Assignment>)>) {
    let whole = || (clause.to_string(), None);
    let Some(at) = clause.find(", để ") else {
        return whole();
    };
    let (own, rest) = (
        clause.get(..at).unwrap_or(clause),
        clause.get(at + ", để ".len()..).unwrap_or(""),
    );
    if !rest.starts_with(char::is_uppercase)
        || ctx.find_deadline(own).is_none()
        || ctx.find_deadline(rest).is_none()
    {
        return whole();
    }
    match known_subject(rest, ctx) {
        Some(leads) if !leads.is_empty() => {
            // The clause's own end (";", ".") stays with the first duty.
            let end = rest
                .trim_end()
                .chars()
                .last()
                .filter(|c| matches!(c, ';' | '.'));
            let mut own = own.trim().to_string();
            own.extend(end);
            let rest = rest.trim().trim_end_matches([';', '.']).trim_end();
            (own, Some((rest.to_string(), leads)))
        }
        _ => whole(),
    }
}

/// The issuer's own people a clause of a split duty opens with
/// ([`crate::agency`]'s `unit:own_staff`), when they carry it.
fn own_staff_subject(clause: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    // Only one agency's plan has its own people as bodies
    // (`agency::own_staff`): in any other, no clause is read for them.
    if !crate::agency::one_agency_plan(&ctx.agency) {
        return None;
    }
    let list = known_subject(clause, ctx)?;
    list.iter()
        .all(|a| a.agency.id == "unit:own_staff" && a.role == Role::Lead)
        .then_some(list)
}

/// Words by which one of the issuer's people gives a task to another
/// ("Trưởng phòng phân công bộ phận kiểm tra văn bản nghiên cứu …"): the
/// one given it does it.
const STAFF_ASSIGNING: &[&str] = &[" phân công ", " giao "];

/// The issuer's own people ([`own_staff_subject`]) who are the subject of
/// a clause inside a task's text: after an assigning word first, then
/// after ". ", "; ", ": " or ", " (an opening phrase: "Khi có yêu cầu …,
/// …").
fn staff_within(text: &str, ctx: &Ctx) -> Option<Vec<Assignment>> {
    // (Read in one agency's plan only: see `own_staff_subject`.)
    if !crate::agency::one_agency_plan(&ctx.agency) {
        return None;
    }
    let after = |marks: &[&str]| -> Vec<usize> {
        let mut v: Vec<usize> = marks
            .iter()
            .flat_map(|m| text.match_indices(m).map(|(i, m)| i + m.len()))
            .collect();
        v.sort_unstable();
        v
    };
    let assigned = after(STAFF_ASSIGNING);
    let clauses = std::iter::once(0).chain(after(&[". ", "; ", ": ", ", "]));
    assigned
        .into_iter()
        .chain(clauses)
        .filter_map(|at| text.get(at..))
        .find_map(|rest| own_staff_subject(rest, ctx))
}

/// "định kỳ báo cáo kết quả …" with no period written: the report is
/// periodic, its period left to the report it goes into. The deadline as
/// written is "định kỳ"; no [`Deadline`](obligraph_core::Deadline) is
/// made of it (no period is invented).
fn periodic_unstated(text: &str) -> Option<String> {
    const WORDS: usize = 2;
    key_head(text, "dinh ky ".len())
        .starts_with("dinh ky ")
        .then(|| {
            text.split_whitespace()
                .take(WORDS)
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// Keys of the words that open a report after a monitoring duty in the
/// same clause ("…, tổng hợp báo cáo Ủy ban nhân dân thành phố", "… và
/// báo cáo kết quả …").
const REPORT_OPENERS: &[&str] = &[
    "bao cao ",
    "tong hop bao cao ",
    "tong hop, bao cao ",
    "tong hop va bao cao ",
];

/// One clause holding a monitoring duty and then a report, joined by a
/// comma or "và" ("Chịu trách nhiệm theo dõi, kiểm tra, tổng hợp tình hình
/// thực hiện kế hoạch của các Sở, ngành, địa phương, tổng hợp báo cáo Ủy
/// ban nhân dân thành phố"), is two duties, as when a ";" parts them: the
/// clause is cut before the first report opener ([`REPORT_OPENERS`]) where
/// what comes before is a monitoring duty and what follows a report, by
/// [`clause_kind`]. Any other clause is returned whole.
fn monitor_then_report(clause: &str, ctx: &Ctx) -> Vec<String> {
    let whole = || vec![clause.to_string()];
    let k = key(clause);
    if !k.contains("bao cao") {
        return whole();
    }
    let mut depth = 0i32;
    for (i, c) in clause.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        let rest = clause.get(i..).unwrap_or("");
        let after = if let Some(r) = rest.strip_prefix(", ") {
            r.strip_prefix("và ").unwrap_or(r)
        } else if let Some(r) = rest.strip_prefix(" và ") {
            r
        } else {
            continue;
        };
        let opener_len = REPORT_OPENERS.iter().map(|w| w.len()).max().unwrap_or(0);
        let head = key_head(after, opener_len);
        if !REPORT_OPENERS.iter().any(|w| head.starts_with(w)) {
            continue;
        }
        let before = clause.get(..i).unwrap_or("").trim();
        if clause_kind(before, false) != ObligationKind::Monitor {
            continue;
        }
        let dated = ctx.find_deadline(after).is_some();
        if clause_kind(after, dated) != ObligationKind::Report {
            continue;
        }
        return vec![before.to_string(), after.trim().to_string()];
    }
    whole()
}

/// Keys of the words that open a clause that only dates the one before
/// ("…; hoàn thành trước ngày 30/6/2026").
const DATING: &[&str] = &["hoan thanh", "thoi gian", "thoi han", "cham nhat"];

/// Keys of the words that open a clause going on from the one before.
const CONTINUING: &[&str] = &[
    "tren co so do",
    "dong thoi",
    "trong do",
    "qua do",
    "tu do",
    "nham ",
    "de ",
];

/// The assignments a duty inherits (its heading's or its subject's), with
/// what its own sentence says: the sentence's role for an agency both
/// name, and the sentence's other agencies added.
/// Whether a clause opening "phối hợp với Y" goes on "trong (việc) …"
/// right after its partners `written` name ("phối hợp với Thanh tra Sở
/// trong kiểm tra công tác quản lý học viên"): the work is Y's, the
/// clause's body joins it. "trong phạm vi …" (within its remit) says the
/// body's own bounds, not whose work it is; and a clause whose partners
/// are only groups ("các cơ quan liên quan") names nobody to lead.
fn in_partners_work(text: &str, written: &[Assignment]) -> bool {
    let Some(last) = written
        .iter()
        .rfind(|a| a.role == Role::Support && !a.requested && !a.as_written.is_empty())
    else {
        return false;
    };
    let named = written
        .iter()
        .any(|a| a.role == Role::Support && !a.requested && !a.agency.is_collective());
    let Some(at) = text.find(last.as_written.as_str()) else {
        return false;
    };
    let after = text
        .get(at + last.as_written.len()..)
        .unwrap_or("")
        .trim_start();
    let k = key_head(after, PARTNERS_WORK.len() + OWN_BOUNDS.len());
    named && k.starts_with(PARTNERS_WORK) && !k.starts_with(OWN_BOUNDS)
}

/// The word, after a clause's partners, that makes the work theirs (see
/// [`in_partners_work`]), and the phrase after which it does not, as keys.
const PARTNERS_WORK: &str = "trong ";
const OWN_BOUNDS: &str = "trong pham vi";

/// The roles of a clause of a duty that opens "phối hợp với Y trong …"
/// with no subject of its own ("3. Chi cục X chỉ đạo …; phối hợp với
/// Thanh tra Sở trong kiểm tra …", [`in_partners_work`]): the duty's body
/// takes part in Y's work, as [`issuer_joins`] reads a task opening
/// "Phối hợp với Y …". Y (the partners the clause names, unless only
/// requested) leads; the body the clause inherits supports.
fn joins_partners(inherited: Vec<Assignment>, written: Vec<Assignment>) -> Vec<Assignment> {
    let led = |a: &Assignment| a.role == Role::Support && !a.requested;
    if !written.iter().any(led) {
        return merge_roles(inherited, written);
    }
    let mut out: Vec<Assignment> = written
        .into_iter()
        .map(|mut a| {
            if led(&a) {
                a.role = Role::Lead;
            }
            a
        })
        .collect();
    for mut a in inherited {
        if !out.iter().any(|b| b.agency.id == a.agency.id) {
            a.role = Role::Support;
            out.push(a);
        }
    }
    out
}

fn merge_roles(mut inherited: Vec<Assignment>, written: Vec<Assignment>) -> Vec<Assignment> {
    for w in written {
        match inherited.iter_mut().find(|a| a.agency.id == w.agency.id) {
            Some(a) => {
                a.role = w.role;
                a.requested |= w.requested;
            }
            None => inherited.push(w),
        }
    }
    inherited
}

static VIA: LazyLock<Regex> = LazyLock::new(|| re(r"(?:\(qua|gửi|về)\s+([^,;()]+)"));

/// Links reports to the report (or monitoring duty) that compiles them:
/// "… báo cáo … về UBND tỉnh (qua Sở Tư pháp)" feeds Sở Tư pháp's report.
fn link_feeds(plan: &mut Plan) {
    let targets: Vec<(String, ObligationKind, Vec<String>)> = plan
        .obligations
        .iter()
        .filter(|o| matches!(o.kind, ObligationKind::Report | ObligationKind::Monitor))
        .map(|o| {
            let names = o
                .leads()
                .filter(|a| !a.agency.is_collective())
                .map(|a| {
                    key(if a.as_written.is_empty() {
                        &a.agency.name
                    } else {
                        &a.as_written
                    })
                })
                .filter(|n| !n.is_empty())
                .collect();
            (o.id.clone(), o.kind, names)
        })
        .collect();
    for o in &mut plan.obligations {
        if o.kind != ObligationKind::Report {
            continue;
        }
        let mut feeds: Vec<String> = Vec::new();
        for c in VIA.captures_iter(&o.text) {
            let Some(dest) = c.get(1).map(|m| key(m.as_str())) else {
                continue;
            };
            let pick = |kind: ObligationKind| {
                targets.iter().find(|(id, k, names)| {
                    *k == kind && *id != o.id && names.iter().any(|n| dest.starts_with(n.as_str()))
                })
            };
            if let Some((id, _, _)) =
                pick(ObligationKind::Report).or_else(|| pick(ObligationKind::Monitor))
            {
                if !feeds.contains(id) {
                    feeds.push(id.clone());
                }
            }
        }
        for id in feeds {
            o.feeds.push(ObligationRef { plan: None, id });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_parens() {
        assert_eq!(
            label("Đơn vị chủ trì: Sở Tư pháp.").map(|l| l.0),
            Some(Label::Lead)
        );
        assert_eq!(
            label("- Thời gian thực hiện: Năm 2026.").map(|l| l.1),
            Some("Năm 2026")
        );
        let t = "Rà soát (trong đó lưu ý) văn bản (Sở Tư pháp chủ trì; Công an tỉnh phối hợp thực hiện hàng năm).";
        assert_eq!(
            roles_paren(t).map(|r| r.1),
            Some("Sở Tư pháp chủ trì; Công an tỉnh phối hợp thực hiện hàng năm")
        );
    }

    #[test]
    fn giao_is_cut_only_as_the_word_giao() {
        // "Giao" (assign) opens a subject; "Giáo" (as in "Giáo viên",
        // "Giáo dục") is a name's first word, folded with its marks.
        assert_eq!(without_giao("Giao Sở Nội vụ chủ trì"), "Sở Nội vụ chủ trì");
        assert_eq!(without_giao("GIAO  Công an tỉnh"), "Công an tỉnh");
        assert_eq!(without_giao("Giao\tCông an tỉnh"), "Công an tỉnh");
        assert_eq!(
            without_giao("Giáo viên chủ nhiệm các lớp"),
            "Giáo viên chủ nhiệm các lớp"
        );
        assert_eq!(
            without_giao("Gia\u{301}o viên chủ nhiệm các lớp"),
            "Gia\u{301}o viên chủ nhiệm các lớp"
        );
        assert_eq!(without_giao("Giao"), "Giao");
        assert_eq!(without_giao("Giaohàng"), "Giaohàng");
    }

    #[test]
    fn duty_verbs_fit_in_the_slack() {
        let pattern = DUTY_VERB.as_str();
        let verbs = pattern
            .split_once(r"(?:^|\s)(?:")
            .and_then(|(_, r)| r.split_once(r")(?:\s|,|$)"))
            .map(|(v, _)| v)
            .unwrap_or_default();
        assert!(verbs.split('|').count() > 40);
        for v in verbs.split('|') {
            // A whitespace char takes at most 3 bytes in UTF-8.
            assert!(v.len() + 6 <= VERB_SLACK, "{v}");
        }
        // A long paragraph whose verb lies beyond the window.
        let long = format!("{} có trách nhiệm", "Sở Tư pháp ".repeat(40));
        assert_eq!(
            first_duty_verb(&long),
            long.to_lowercase().find(" có trách nhiệm")
        );
        let short = format!("Các tổ chức có trách nhiệm {}", "x ".repeat(400));
        assert_eq!(first_duty_verb(&short), Some("Các tổ chức".len()));
    }

    #[test]
    fn duty_subjects() {
        assert_eq!(
            duty_subject("Sở Tư pháp có trách nhiệm phối hợp với các cơ quan")
                .map(|s| s.0)
                .as_deref(),
            Some("Sở Tư pháp")
        );
        assert_eq!(
            duty_subject("Công an quận: Chủ trì, phối hợp")
                .map(|s| s.0)
                .as_deref(),
            Some("Công an quận")
        );
        // "có thể" (may) opens the duty: no agency "ngành có thể …".
        assert_eq!(
            duty_subject("Các sở, ban, ngành có thể bổ sung hoặc lồng ghép việc triển khai Kế hoạch này vào các kế hoạch của ngành mình.")
                .map(|s| s.0)
                .as_deref(),
            Some("Các sở, ban, ngành")
        );
        assert!(is_agency_heading("Sở Tài chính"));
        assert!(!is_agency_heading("Sở Tư pháp có trách nhiệm theo dõi"));
        // A verb inside a known name is the name's; after "Đề nghị" too.
        assert!(is_agency_heading(
            "Phòng Nghiệp vụ Văn hóa, Thư viện Tổng hợp tỉnh, Bảo tàng tỉnh"
        ));
        assert!(is_agency_heading("Đề nghị Thư viện Tổng hợp tỉnh"));
        assert!(!is_agency_heading(
            "Thư viện Tổng hợp tỉnh tổng hợp kết quả"
        ));
        assert!(!is_agency_heading("Đề nghị Công an tỉnh tổng hợp kết quả"));
    }

    #[test]
    fn a_pointer_to_the_appendix_is_no_task() {
        assert!(points_to_appendix(
            "Các nhiệm vụ, giải pháp cụ thể tại Phụ lục kèm theo Kế hoạch này."
        ));
        assert!(points_to_appendix("Nhiệm vụ cụ thể theo Phụ lục đính kèm."));
        assert!(points_to_appendix("(Chi tiết tại Phụ lục I kèm theo)"));
        assert!(points_to_appendix(
            "(Nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp, thời gian thực hiện tại Phụ lục kèm theo)"
        ));
        assert!(!points_to_appendix(
            "Các nhiệm vụ tại Phụ lục do Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
        ));
        assert!(!points_to_appendix(
            "Rà soát văn bản quy phạm pháp luật theo Phụ lục I."
        ));
    }

    #[test]
    fn an_item_closing_with_its_part_of_the_appendix() {
        assert!(closes_with_appendix_part(
            "Thông tin, tuyên truyền về quyền dân sự (mục III Phụ lục)."
        ));
        assert!(closes_with_appendix_part(
            "Bảo đảm quyền của người yếu thế (chi tiết tại Phụ lục II kèm theo)"
        ));
        assert!(!closes_with_appendix_part(
            "Rà soát văn bản (Sở Tư pháp chủ trì; thời gian: hằng năm)."
        ));
        assert!(!closes_with_appendix_part(
            "Rà soát văn bản (tổng hợp, báo cáo theo mẫu tại Phụ lục)."
        ));
    }

    #[test]
    fn a_list_after_a_colon_is_one_duty() {
        let c = clauses("Tổ chức tuyên truyền về: Luật Trẻ em; Luật Phòng, chống bạo lực gia đình; Công ước về quyền trẻ em; báo cáo kết quả trước ngày 15/11 hằng năm.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c[1].starts_with("báo cáo"), "{c:?}");
        let c = clauses("Tuyên truyền các nội dung sau: quyền bầu cử; quyền lập hội. Tham mưu sơ kết; tổng kết.");
        assert_eq!(c.len(), 3, "{c:?}");
        // A label's colon is no list.
        let c = clauses("Công an quận: chủ trì hướng dẫn; theo dõi việc thực hiện.");
        assert_eq!(c.len(), 2, "{c:?}");
    }

    #[test]
    fn a_list_of_periods_before_a_report_is_one_duty() {
        // Another wording than the corpus's "định kỳ 06 tháng và hằng
        // năm": the periods are parted by commas, and the list may follow
        // a duty after a comma.
        for (t, n) in [
            ("Định kỳ hằng quý, 6 tháng báo cáo kết quả về Sở Tư pháp.", 1),
            ("Theo dõi việc thực hiện; định kỳ 6 tháng, hằng năm báo cáo kết quả về Ủy ban nhân dân xã.", 2),
            ("Triển khai thực hiện nghiêm túc, định kỳ 06 tháng, hàng năm gửi báo cáo về Phòng Tư pháp.", 2),
        ] {
            let c = clauses(t);
            assert_eq!(c.len(), n, "{c:?}");
            assert!(key(c.last().unwrap()).starts_with("dinh ky"), "{c:?}");
        }
    }

    #[test]
    fn clauses_and_kinds() {
        let c = clauses("xây dựng Kế hoạch, hoàn thành trước ngày 13/02/2026; định kỳ báo cáo kết quả thực hiện trước ngày 05/11 hàng năm về UBND tỉnh (qua Sở Tư pháp) để tổng hợp.");
        assert_eq!(c.len(), 2);
        assert_eq!(clause_kind(&c[0], true), ObligationKind::DraftPlan);
        assert_eq!(clause_kind(&c[1], true), ObligationKind::Report);
        // A plan for a training is part of the training task.
        let t = "trên cơ sở đó xây dựng kế hoạch, đề xuất cơ quan liên quan nội dung, hình thức tập huấn phù hợp với yêu cầu đề ra;";
        assert_eq!(clause_kind(t, false), ObligationKind::Task);
        // Folding the plan into one's own plans, and sending them up.
        let t = "các đơn vị khác có thể bổ sung hoặc lồng ghép việc triển khai Kế hoạch này vào các kế hoạch về quyền con người gửi về Ủy ban nhân dân huyện trước ngày 15/5/2024 để theo dõi.";
        assert_eq!(clause_kind(t, true), ObligationKind::DraftPlan);
        let t = "Các xã lồng ghép nội dung Kế hoạch này vào chương trình, kế hoạch công tác năm 2024 của đơn vị.";
        assert_eq!(clause_kind(t, false), ObligationKind::DraftPlan);
        // Folding recommendations into the plan's activities is no plan.
        let t =
            "lồng ghép việc triển khai các khuyến nghị trong các hoạt động thực hiện Kế hoạch này;";
        assert_eq!(clause_kind(t, false), ObligationKind::Task);
        // Turning the plan into one's own, in another province's words.
        let t = "Giao các cơ quan, đơn vị liên quan, Ủy ban nhân dân các xã, phường cụ thể hóa bằng kế hoạch của đơn vị, địa phương, gửi Công an tỉnh trước ngày 15/5/2024.";
        assert_eq!(clause_kind(t, true), ObligationKind::DraftPlan);
        let t =
            "Phòng Văn hóa - Thông tin cụ thể hóa thành kế hoạch tuyên truyền năm 2025 của phòng.";
        assert_eq!(clause_kind(t, false), ObligationKind::DraftPlan);
        // Specifying tasks is no plan of one's own.
        let t = "Cụ thể hóa các nội dung tuyên truyền phù hợp với từng nhóm đối tượng.";
        assert_eq!(clause_kind(t, false), ObligationKind::Task);
        // Compiling funding needs and submitting them for approval.
        let t = "Phòng Tài chính - Kế hoạch tổng hợp, báo cáo Ủy ban nhân dân huyện phê duyệt hằng năm theo quy định.";
        assert_eq!(clause_kind(t, false), ObligationKind::Task);
    }
}
