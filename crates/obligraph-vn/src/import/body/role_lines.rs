//! Role lines: a paragraph under an item (or a run of items) that gives
//! nothing but who does it and by when.
//!
//! | written | reads |
//! |---|---|
//! | "Phòng X chủ trì, phối hợp với các sở, ngành có liên quan thực hiện; thời gian: hoàn thành trước ngày 30/9/2026." | X leads, the departments support, the deadline |
//! | "Phòng X: chủ trì; các phòng, đơn vị thuộc Sở: phối hợp theo lĩnh vực. Thời gian: …" | the same, by colons |
//! | "Giao Phòng X chủ trì; Phòng Y, Trung tâm Z phối hợp; thời gian: …" | "Giao" opens the clause |
//! | "Chủ trì: công chức X. Phối hợp: Công an xã, … Thời gian: hằng năm." | labels written bare, one sentence each |
//! | "Đơn vị chủ trì (điểm b, c): Phòng X." | a label naming the items it applies to |
//! | "Trung tâm X: chủ trì thực hiện điểm a, b; Phòng Y: phối hợp." | a role naming the items |
//! | "Phòng X thực hiện; thời gian: năm 2026." | X leads |
//! | "…; đề nghị Tòa án nhân dân tỉnh phối hợp" | a requested support |
//!
//! Every clause must be one of these: a paragraph that also does work of
//! its own ("Phòng X chủ trì tổ chức hội thi …") is an item, not a role
//! line.

use obligraph_core::{Assignment, Deadline, Role};

use super::{chars, key, label_points, Ctx, Label, Named};
use crate::deadline_phrase::parse_deadline;
use crate::import::header::capitalise;

/// What a role line gives the items it applies to.
#[derive(Debug, Default)]
pub(super) struct RoleLine {
    pub assignments: Vec<Assignment>,
    pub deadline: Option<Deadline>,
    pub deadline_text: Option<String>,
    pub output: Option<String>,
    /// The letters of the items it names ("điểm b, c" → b, c); empty when
    /// it names none.
    pub points: Vec<String>,
    /// Whether a clause is a sentence ("X chủ trì …"), not a label.
    pub prose: bool,
    /// Whether the line opens with a label of the whole group's roles
    /// ("Phân công: X chủ trì; Y phối hợp."): it assigns every item of
    /// the group above that names no lead of its own.
    pub whole_group: bool,
}

/// The longest role line read, in chars: roles and a deadline fit in it;
/// a longer paragraph is an item's text. The longest of the written plans
/// (Sở Tư pháp Huế, line 36: a lead, a support and two requested
/// supports, a deadline) has 179 chars; this leaves room for twice as many
/// bodies.
const MAX_ROLE_LINE_CHARS: usize = 500;

/// The most words a support's clause may add after "phối hợp" ("phối
/// hợp theo lĩnh vực", "phối hợp tổng hợp số liệu thống kê", "phối hợp
/// cung cấp thông tin, nội dung tuyên truyền"): what the support does.
/// The longest of these in the written plans has 6 words; a longer
/// clause gives the support a task of its own.
const MAX_SUPPORT_WORDS: usize = 6;

/// Words closing a lead's clause after its partners ("… phối hợp với Y
/// tham mưu thực hiện"), as keys, longest first.
const CLOSING_WORDS: &[&str] = &[
    "tham muu thuc hien",
    "trien khai thuc hien",
    "to chuc thuc hien",
    "cung thuc hien",
    "thuc hien",
];

/// What labels a line giving the roles of the group of items above it
/// ("Phân công: Phòng X chủ trì; Trung tâm Y phối hợp."), as keys.
const GROUP_ROLE_LABELS: &[&str] = &["phan cong thuc hien:", "phan cong:"];

/// Reads `text` as a role line. `prose`: clauses written as sentences
/// ("X chủ trì, …") are read, not only labels; the caller allows them
/// where items are tasks. `after_group`: the line follows a group's role
/// line (a requested support: "Đề nghị Hội X, Hội Y phối hợp …").
///
/// A line opening with a group's role label ([`GROUP_ROLE_LABELS`]) is
/// read as prose; its sentences after the roles ("… phối hợp. Công tác Z
/// do Công an tỉnh chủ trì theo phân công …", a remark) are not its
/// roles. Under such a label, and after one, the bodies of a clause may
/// be names the table does not know ("các Trung tâm Y tế khu vực"): the
/// label says the line gives roles, not a task.
pub(super) fn role_line(text: &str, prose: bool, after_group: bool, ctx: &Ctx) -> Option<RoleLine> {
    let t = text.trim();
    if let Some(rest) = after_lead_in(t, GROUP_ROLE_LABELS) {
        // The whole line, else its first sentences, longest first.
        let ends = sentence_starts(rest).into_iter().skip(1);
        let out = role_line_of(rest, true, true, ctx).or_else(|| {
            ends.rev().find_map(|end| {
                role_line_of(rest.get(..end).unwrap_or(rest).trim_end(), true, true, ctx)
            })
        });
        return out.map(|mut rl| {
            rl.whole_group = true;
            rl
        });
    }
    role_line_of(t, prose, after_group, ctx)
}

fn role_line_of(t: &str, prose: bool, lenient: bool, ctx: &Ctx) -> Option<RoleLine> {
    if t.is_empty() || chars(t) > MAX_ROLE_LINE_CHARS {
        return None;
    }
    let mut out = RoleLine::default();
    let mut roles = 0;
    for sentence in sentences(t).into_iter().flat_map(label_runs) {
        let s = sentence.trim().trim_end_matches(['.', ';']).trim();
        if s.is_empty() {
            continue;
        }
        if let Some((l, value, points)) = label_points(s) {
            if let Named::Points(p) = points {
                out.points.extend(letters(p));
            }
            // "Đơn vị chủ trì: X; thời gian: …": a deadline after ";"
            // is not part of the list.
            let mut list = Vec::new();
            for piece in value.split(';') {
                match time_clause(piece.trim()) {
                    Some(v) if l != Label::Time => set_time(&mut out, v, ctx),
                    _ => list.push(piece.trim()),
                }
            }
            let value = list.join("; ");
            match l {
                Label::Lead | Label::Support => {
                    let role = if l == Label::Lead {
                        Role::Lead
                    } else {
                        Role::Support
                    };
                    let got = ctx.agency_list(&value, role);
                    if got.is_empty() {
                        return None;
                    }
                    roles += 1;
                    push_all(&mut out.assignments, got);
                }
                Label::Time => set_time(&mut out, &value, ctx),
                Label::Output => {
                    out.output = Some(value).filter(|v| !v.is_empty());
                }
            }
            continue;
        }
        if !prose {
            return None;
        }
        for clause in s.split(';') {
            let c = clause.trim().trim_end_matches('.').trim();
            if c.is_empty() {
                continue;
            }
            if let Some(v) = time_clause(c) {
                set_time(&mut out, v, ctx);
                continue;
            }
            if let Some((output, time)) = output_clause(c) {
                out.output = Some(output.to_string()).filter(|o| !o.is_empty());
                if let Some(t) = time {
                    set_time(&mut out, t, ctx);
                }
                continue;
            }
            // "…; thực hiện hằng năm": the deadline as the finder reads it.
            if let Some(m) = ctx
                .find_deadline(c)
                .filter(|m| m.start <= 30 && m.end + 2 >= c.len())
            {
                out.deadline_text = c.get(m.start..m.end).map(|t| t.trim().to_string());
                out.deadline = Some(m.deadline);
                continue;
            }
            // "…; thực hiện hằng năm theo thẩm quyền": the same, the
            // remit said after it.
            if let Some((text, d)) = scoped_deadline(c, ctx) {
                out.deadline_text = Some(text);
                out.deadline = Some(d);
                continue;
            }
            // "X chủ trì, phối hợp với Y thực hiện hằng năm": the deadline
            // closing the lead's clause, after its closing words.
            let (c, closing) = match closing_deadline(c, ctx) {
                Some((before, m)) => (before, Some(m)),
                None => (c, None),
            };
            let (got, points) = role_clause(c, lenient, ctx)?;
            if let Some((text, d)) = closing {
                out.deadline_text = Some(text);
                out.deadline = Some(d);
            }
            roles += 1;
            out.prose = true;
            out.points.extend(points);
            push_all(&mut out.assignments, got);
        }
    }
    (roles > 0).then_some(out)
}

/// A role clause that ends in a deadline after its closing words ("Giao
/// X chủ trì, phối hợp với Y thực hiện hằng năm"): the clause without
/// the deadline, and the deadline's text and reading. The deadline must
/// close the clause, and the words before it be one of
/// [`CLOSING_WORDS`].
fn closing_deadline<'a>(c: &'a str, ctx: &Ctx) -> Option<(&'a str, (String, Deadline))> {
    let m = ctx.find_deadline(c)?;
    if m.end + 2 < c.len() {
        return None;
    }
    let before = c.get(..m.start)?.trim_end();
    let k = key(before);
    CLOSING_WORDS
        .iter()
        .any(|w| k.ends_with(&format!(" {w}")))
        .then_some(())?;
    let text = c.get(m.start..m.end)?.trim().to_string();
    Some((before, (text, m.deadline)))
}

/// A clause that only dates the items within a remit ("thực hiện hằng
/// năm theo thẩm quyền", "thường xuyên theo chức năng, nhiệm vụ"): the
/// deadline's text and reading. Nothing but "thực hiện" may stand before
/// the deadline, and nothing but a scope ([`SCOPE_TAILS`]) after it.
fn scoped_deadline(c: &str, ctx: &Ctx) -> Option<(String, Deadline)> {
    let dated = without_tail(c, SCOPE_TAILS);
    if dated.len() == c.len() {
        return None;
    }
    let m = ctx.find_deadline(dated)?;
    let before = key(dated.get(..m.start)?);
    let before = before.trim();
    let bare = before.is_empty() || before == "thuc hien";
    (bare && m.end + 2 >= dated.len())
        .then(|| Some((dated.get(m.start..m.end)?.trim().to_string(), m.deadline)))
        .flatten()
}

/// A parenthesis of labels closing a task, as officials often write it:
/// "(Cơ quan chủ trì: X, Y theo chức năng, nhiệm vụ; đề nghị Z thực hiện
/// theo thẩm quyền; cơ quan phối hợp: U, V; đề nghị W phối hợp; thời
/// gian: hằng năm)", "(Thời gian: hằng năm; Cơ quan chủ trì: X)". It
/// opens with a label, in any case, and names a lead or a support;
/// each ";"-clause opens a label or goes on with the one before (a clause
/// "đề nghị X …" names requested bodies, in the role its verb says, else
/// the label's). `inner` is the parenthesis without its brackets.
pub(super) fn labelled_paren(inner: &str, ctx: &Ctx) -> Option<RoleLine> {
    let t = inner.trim();
    if t.is_empty() || chars(t) > MAX_ROLE_LINE_CHARS {
        return None;
    }
    let label_of = |c: &str| {
        let cap = capitalise(c);
        label_points(&cap).map(|(l, v, _)| (l, v.to_string()))
    };
    let first = t.split(';').next().unwrap_or("");
    if label_of(first.trim()).is_none() && time_clause(first.trim()).is_none() {
        return None;
    }
    let mut out = RoleLine::default();
    let mut current = Label::Lead;
    for clause in t.split(';') {
        let c = clause.trim().trim_end_matches(['.', ',']).trim();
        if c.is_empty() {
            continue;
        }
        if let Some(v) = time_clause(c) {
            set_time(&mut out, v, ctx);
            continue;
        }
        let value = match label_of(c) {
            Some((l, v)) => {
                current = l;
                v
            }
            None => c.to_string(),
        };
        let role = match current {
            Label::Time => {
                set_time(&mut out, &value, ctx);
                continue;
            }
            Label::Output => {
                out.output = Some(value).filter(|v| !v.is_empty());
                continue;
            }
            Label::Lead => Role::Lead,
            Label::Support => Role::Support,
        };
        push_all(&mut out.assignments, labelled_bodies(&value, role, ctx));
    }
    if out.deadline_text.is_none() {
        // No time label: the last clause that dates ("…; đề nghị X chủ
        // trì …, thực hiện hằng năm; …") closes the parenthesis as one.
        let found = t.split(';').rev().find_map(|c| {
            let m = ctx.find_deadline(c)?;
            Some((m.deadline, c.get(m.start..m.end)?.trim().to_string()))
        });
        if let Some((d, text)) = found {
            out.deadline = Some(d);
            out.deadline_text = Some(text);
        }
    }
    (!out.assignments.is_empty()).then_some(out)
}

/// The bodies one clause under a role label names: "X, Y theo chức năng"
/// (the label's role), "đề nghị X phối hợp" (requested; the role of its
/// verb when it has one: "đề nghị X chủ trì đối với …" under a support
/// label still leads).
fn labelled_bodies(value: &str, role: Role, ctx: &Ctx) -> Vec<Assignment> {
    let k = key(value.get(..value.len().min(20)).unwrap_or(value));
    if !k.starts_with("de nghi ") {
        // "Phòng Tư pháp quận đối với số liệu tuyên truyền, …": the lead
        // of a part of the task.
        let scope = crate::agency::tail_scope(value);
        let names = scope
            .as_deref()
            .and_then(|sc| value.find(sc))
            .map_or(value, |at| value.get(..at).unwrap_or(value));
        let (names, _) = crate::agency::cut_at_filler(names);
        let mut got = ctx.agency_list(&names, role);
        for a in &mut got {
            if a.scope.is_none() {
                a.scope.clone_from(&scope);
            }
        }
        return got;
    }
    let asked = ctx.sentence_roles(&capitalise(value)).assignments;
    if !asked.is_empty() {
        return asked;
    }
    let rest = value.get("đề nghị ".len()..).unwrap_or("");
    let (names, _) = crate::agency::cut_at_filler(rest);
    let mut got = ctx.agency_list(&names, role);
    for a in &mut got {
        a.requested = true;
    }
    got
}

/// The sentences of a role line: it ends one at ". " before a capital.
pub(super) fn sentences(t: &str) -> Vec<&str> {
    let starts = sentence_starts(t);
    starts
        .iter()
        .enumerate()
        .map(|(k, &a)| {
            // A sentence ends with its ".", before the space.
            let b = starts.get(k + 1).map_or(t.len(), |&b| b - 1);
            t.get(a..b).unwrap_or("")
        })
        .collect()
}

/// Where each sentence of `t` starts (bytes; the first at 0), as
/// [`sentences`] cuts them.
pub(super) fn sentence_starts(t: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut depth = 0usize;
    let bytes = t.as_bytes();
    for (i, c) in t.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '.' if depth == 0 && bytes.get(i + 1) == Some(&b' ') => {
                let next_upper = t
                    .get(i + 2..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase);
                if next_upper {
                    out.push(i + 2);
                }
            }
            _ => {}
        }
    }
    out
}

/// A sentence cut before each label written after a ";" ("Đơn vị thực
/// hiện: X; Đơn vị phối hợp: Y, Z; Thời gian: hằng năm"): each label
/// reads its own list, as when the labels are written one a line. A ";"
/// followed by no label stays inside the run ("Đơn vị chủ trì: X; Y").
fn label_runs(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in sentence.match_indices(';') {
        let rest = sentence.get(i + 1..).unwrap_or("").trim_start();
        if label_points(rest).is_some() {
            out.push(sentence.get(start..i).unwrap_or(""));
            start = i + 1;
        }
    }
    out.push(sentence.get(start..).unwrap_or(""));
    out
}

/// What opens a clause giving the expected output in a role line ("…;
/// sản phẩm là báo cáo rà soát, hoàn thành hằng năm"), as keys.
const OUTPUT_LEAD_INS: &[&str] = &[
    "san pham du kien la",
    "san pham du kien:",
    "san pham la",
    "san pham:",
];

/// "sản phẩm là X[, hoàn thành …]": the output X, and the deadline's
/// clause that closes it, if written.
fn output_clause(c: &str) -> Option<(&str, Option<&str>)> {
    let rest = after_lead_in(c, OUTPUT_LEAD_INS)?;
    if let Some(at) = rest.rfind(", ") {
        let tail = rest.get(at + 2..).unwrap_or("").trim();
        if let Some(t) = time_clause(tail) {
            return Some((rest.get(..at).unwrap_or("").trim(), Some(t)));
        }
    }
    Some((rest.trim(), None))
}

/// "thời gian: X", "thời hạn: X" (any case), "hoàn thành trước …": the
/// deadline's text.
fn time_clause(c: &str) -> Option<&str> {
    let k = key(c.get(..c.len().min(40)).unwrap_or(c));
    if k.starts_with("thoi gian") || k.starts_with("thoi han") {
        let (_, v) = c.split_once(':')?;
        return Some(v.trim());
    }
    k.starts_with("hoan thanh ").then_some(c)
}

/// A paragraph that is nothing but a deadline's clause ("Thời gian:
/// Thường xuyên."), read as a role line giving only that.
pub(super) fn time_only(text: &str, ctx: &Ctx) -> Option<RoleLine> {
    let t = text.trim().trim_end_matches(['.', ';']).trim();
    let v = time_clause(t)?;
    let mut out = RoleLine::default();
    set_time(&mut out, v, ctx);
    out.deadline_text.is_some().then_some(out)
}

fn set_time(out: &mut RoleLine, value: &str, ctx: &Ctx) {
    let value = value.trim().trim_end_matches(['.', ';']).trim();
    if value.is_empty() {
        return;
    }
    out.deadline = parse_deadline(value, &ctx.deadline)
        .or_else(|| ctx.find_deadline(value).map(|m| m.deadline));
    out.deadline_text = Some(value.to_string());
}

/// Adds each assignment of `got` whose agency `into` does not hold yet.
pub(super) fn push_all(into: &mut Vec<Assignment>, got: impl IntoIterator<Item = Assignment>) {
    for a in got {
        if !into.iter().any(|b| b.agency.id == a.agency.id) {
            into.push(a);
        }
    }
}

/// The letters of "điểm b, c", "(điểm g, h, i)", "điểm a và b".
pub(super) fn letters(s: &str) -> Vec<String> {
    let inner = s.trim().trim_start_matches('(').trim_end_matches(')');
    let k = key(inner);
    let after = ["diem ", "muc ", "noi dung "]
        .iter()
        .find_map(|w| k.find(w).map(|i| i + w.len()));
    let Some(after) = after else {
        return Vec::new();
    };
    // Keys fold "đ" to "d": the letters are read from the text as
    // written, at the same word positions.
    let words_written: Vec<&str> = inner.split_whitespace().collect();
    let skip = k.get(..after).map_or(0, |h| h.split_whitespace().count());
    words_written
        .iter()
        .skip(skip)
        .map(|w| w.trim_matches([',', ')', '(', '.', ';']))
        .filter(|w| *w != "và" && *w != "điểm" && !w.is_empty())
        .take_while(|w| w.chars().count() == 1 && w.chars().all(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

/// The role verbs a role clause may have, as written (lower case).
const ROLE_VERBS: &[&str] = &["chủ trì", "phối hợp", "thực hiện"];

/// Where the first role verb of `c` starts (a word of its own, not inside
/// a known agency name), and which.
fn first_verb(c: &str) -> Option<(usize, &'static str)> {
    let lower = crate::normalize::lowercase(c);
    // Lowercasing keeps byte offsets for the letters of these verbs only
    // when the text's length is unchanged.
    if lower.len() != c.len() {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for v in ROLE_VERBS {
        let mut from = 0;
        while let Some(p) = lower.get(from..).and_then(|r| r.find(v)).map(|p| p + from) {
            from = p + v.len();
            let before_ok = p == 0
                || lower
                    .get(..p)
                    .is_some_and(|b| b.ends_with(' ') || b.ends_with(':'));
            let after_ok = lower
                .get(p + v.len()..)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', '.', ';']));
            if !(before_ok && after_ok) || p == 0 {
                continue;
            }
            if crate::agency::inside_known_name(c, p) {
                continue;
            }
            if best.is_none_or(|(b, _)| p < b) {
                best = Some((p, v));
            }
            break;
        }
    }
    best
}

/// One clause that assigns: "[Giao|Đề nghị] X[:] chủ trì[ thực hiện][
/// điểm a, b][, phối hợp (với) Y[ thực hiện]]", "X[:] phối hợp[ a few
/// words]", "X thực hiện". The assignments and the items it names.
/// `lenient`: its bodies may be names the table does not know.
fn role_clause(c: &str, lenient: bool, ctx: &Ctx) -> Option<(Vec<Assignment>, Vec<String>)> {
    let bodies = |text: &str, role: Role| {
        ctx.only_agencies(text, role).or_else(|| {
            // A name runs on after "và" in lower case ("Hội Bảo trợ người
            // khuyết tật và trẻ mồ côi tỉnh"): its tail is no body.
            let named = |a: &Assignment| {
                let w = crate::normalize::lowercase(&a.as_written);
                w.starts_with("các ") || a.as_written.chars().next().is_some_and(char::is_uppercase)
            };
            lenient
                .then(|| ctx.agency_list(text, role))
                .map(|v| v.into_iter().filter(named).collect::<Vec<_>>())
                .filter(|v| !v.is_empty())
        })
    };
    let k = key(c.get(..c.len().min(20)).unwrap_or(c));
    let (c, requested) = if k.starts_with("giao ") {
        (c.get("Giao ".len()..)?, false)
    } else if k.starts_with("de nghi ") {
        (c.get("Đề nghị ".len()..)?, true)
    } else {
        (c, false)
    };
    let (at, verb) = first_verb(c)?;
    let subject = c.get(..at)?.trim().trim_end_matches(':').trim();
    // "X theo lĩnh vực được giao chủ trì": the scope of the lead, not
    // part of its name.
    let subject = without_tail(subject, SCOPE_TAILS);
    // "X có trách nhiệm tham mưu UBND xã thực hiện": X leads the work
    // it advises its committee on.
    let subject = match responsible(subject) {
        Some(s) if verb == "thực hiện" => s,
        Some(_) => return None,
        None => subject,
    };
    // "đề nghị Ủy ban MTTQ xã chỉ đạo các đoàn thể phối hợp": the body
    // asked is the one that directs.
    let subject = directing(subject).unwrap_or(subject);
    // "Sở đề nghị Công an tỉnh, … phối hợp": the plan's issuer asks them.
    let (subject, requested) = match asked_by_issuer(subject) {
        Some(asked) => (asked, true),
        None => (subject, requested),
    };
    if subject.is_empty() {
        return None;
    }
    let rest = c.get(at + verb.len()..)?.trim();
    let role = if verb == "phối hợp" {
        Role::Support
    } else {
        Role::Lead
    };
    let mut out = bodies(subject, role)?;
    for a in &mut out {
        a.role = role;
        a.requested |= requested;
    }
    let mut points = Vec::new();
    match verb {
        "phối hợp" => {
            let rk = key(rest);
            if rk.starts_with("voi ") || rk.split_whitespace().count() > MAX_SUPPORT_WORDS {
                return None;
            }
        }
        _ => {
            let mut r = rest;
            let rk = key(r);
            if verb == "chủ trì" && rk.starts_with("thuc hien") {
                r = r.get("thực hiện".len()..)?.trim();
            }
            // "thực hiện nội dung tại điểm c, điểm d".
            if let Some(after) = after_lead_in(r, POINT_LEAD_INS) {
                r = after;
            }
            if key(r).starts_with("diem ") {
                points = letters(r);
                if points.is_empty() {
                    return None;
                }
                r = "";
            }
            // "X chủ trì đối với tin báo, tố giác; Y chủ trì đối với đơn
            // khiếu nại": X leads that part of the items.
            if verb == "chủ trì" && key(r).starts_with("doi voi ") {
                let partners_at = find_words(r, "phoi hop")
                    .map(|(from, _)| from)
                    .filter(|&from| r.get(..from).is_some_and(|b| b.trim_end().ends_with(',')));
                let (scope, after) = match partners_at {
                    Some(at) => (r.get(..at)?, r.get(at..)?),
                    None => (r, ""),
                };
                let scope = scope.trim().trim_end_matches(',').trim();
                for a in &mut out {
                    // (A note on the body, "(bộ phận tiếp công dân)", stays
                    // before it.)
                    a.scope = Some(match a.scope.take() {
                        Some(note) => format!("{note}; {scope}"),
                        None => scope.to_string(),
                    });
                }
                r = after;
            }
            let r = r.trim_start_matches([',', ' ']);
            let r = r.strip_prefix("và ").unwrap_or(r);
            if !r.is_empty() {
                if verb != "chủ trì" {
                    return None;
                }
                let rk = key(r);
                let after = ["phoi hop voi ", "phoi hop cung ", "phoi hop "]
                    .iter()
                    .find(|w| rk.starts_with(*w))?;
                let words = after.split_whitespace().count();
                let mut partners: Vec<&str> = r.split_whitespace().skip(words).collect();
                for closing in CLOSING_WORDS {
                    let n = closing.split_whitespace().count();
                    if partners.len() > n {
                        let tail = partners[partners.len() - n..].join(" ");
                        if key(&tail) == *closing {
                            partners.truncate(partners.len() - n);
                            break;
                        }
                    }
                }
                // "… phối hợp với Y tham mưu Chủ tịch Ủy ban nhân dân xã
                // (tổ chức thực hiện)": whom the lead advises, no partner.
                if let Some(at) = partners.windows(2).position(|w| {
                    key(w.first().copied().unwrap_or("")) == "tham"
                        && key(w.get(1).copied().unwrap_or("")) == "muu"
                }) {
                    let advised = partners.len() - at - 2;
                    if at > 0 && (1..=MAX_ADVISED_WORDS).contains(&advised) {
                        partners.truncate(at);
                    }
                }
                let partners = without_scopes(&partners);
                let list = bodies(&partners, Role::Support)?;
                for mut a in list {
                    a.role = Role::Support;
                    out.push(a);
                }
            }
        }
    }
    Some((out, points))
}

/// A lead's scope written between its name and its role verb, as keys
/// ("X, Y theo lĩnh vực được giao chủ trì"), longest first.
const SCOPE_TAILS: &[&str] = &[
    "theo chuc nang, nhiem vu duoc giao",
    "theo chuc nang nhiem vu duoc giao",
    "theo chuc nang, nhiem vu",
    "theo chuc nang nhiem vu",
    "theo linh vuc duoc giao",
    "theo linh vuc phu trach",
    "theo linh vuc",
    "theo tham quyen",
];

/// A scope written inside a list of partners ("phối hợp với Công an
/// quận, các phòng, ban, ngành trong phạm vi chức năng, nhiệm vụ và Ủy
/// ban nhân dân các phường"), as keys, longest first: said of the body
/// before it, not part of any name.
const LIST_SCOPES: &[&str] = &[
    "trong pham vi chuc nang, nhiem vu duoc giao",
    "trong pham vi chuc nang nhiem vu duoc giao",
    "trong pham vi chuc nang, nhiem vu",
    "trong pham vi chuc nang nhiem vu",
    "theo chuc nang, nhiem vu duoc giao",
    "theo chuc nang nhiem vu duoc giao",
    "theo chuc nang, nhiem vu",
    "theo chuc nang nhiem vu",
];

/// The partners' words joined, without the scopes ([`LIST_SCOPES`])
/// written among them; a comma closing a scope stays with the name
/// before it.
fn without_scopes(words: &[&str]) -> String {
    let joined = words.join(" ");
    let k = key(&joined);
    if !LIST_SCOPES.iter().any(|p| k.contains(p)) {
        return joined;
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let hit = LIST_SCOPES.iter().find_map(|p| {
            let n = p.split_whitespace().count();
            let run = words.get(i..i + n)?;
            let run_key = key(&run.join(" "));
            let closed = run_key.trim_end_matches(',');
            (closed == *p).then_some((n, run_key.ends_with(',')))
        });
        match hit {
            Some((n, comma)) => {
                if comma {
                    if let Some(last) = out.last_mut() {
                        if !last.ends_with(',') {
                            last.push(',');
                        }
                    }
                }
                i += n;
            }
            None => {
                out.push((*w).to_string());
                i += 1;
            }
        }
    }
    out.join(" ")
}

/// What may stand between a lead's verb "thực hiện" and the items it
/// names ("thực hiện nội dung tại điểm c, điểm d"), as keys.
const POINT_LEAD_INS: &[&str] = &[
    "cac noi dung tai",
    "cac nhiem vu tai",
    "noi dung tai",
    "nhiem vu tai",
];

/// The byte offsets of the words of `s` (split at whitespace).
fn word_starts(s: &str) -> Vec<usize> {
    super::super::text::words_at(s)
        .into_iter()
        .map(|(at, _)| at)
        .collect()
}

/// Where the first run of words of `s` whose key is `phrase` starts and
/// ends (bytes).
fn find_words(s: &str, phrase: &str) -> Option<(usize, usize)> {
    let starts = word_starts(s);
    let n = phrase.split_whitespace().count();
    (0..starts.len().saturating_sub(n - 1)).find_map(|i| {
        let from = *starts.get(i)?;
        let last = *starts.get(i + n - 1)?;
        let end = last + s.get(last..)?.split_whitespace().next()?.len();
        (key(s.get(from..end)?) == phrase).then_some((from, end))
    })
}

/// `s` after a leading phrase whose key is one of `phrases`.
fn after_lead_in<'a>(s: &'a str, phrases: &[&str]) -> Option<&'a str> {
    phrases.iter().find_map(|p| {
        let (from, end) = find_words(s, p)?;
        (from == 0).then(|| s.get(end..).unwrap_or("").trim_start())
    })
}

/// `s` without a trailing phrase whose key is one of `tails`, cut at a
/// word boundary.
fn without_tail<'a>(s: &'a str, tails: &[&str]) -> &'a str {
    let starts = word_starts(s);
    for tail in tails {
        let n = tail.split_whitespace().count();
        if starts.len() <= n {
            continue;
        }
        let Some(&from) = starts.get(starts.len() - n) else {
            continue;
        };
        if key(s.get(from..).unwrap_or("")) == *tail {
            return s.get(..from).unwrap_or(s).trim_end().trim_end_matches(',');
        }
    }
    s
}

/// The most words after "có trách nhiệm tham mưu" naming whom the lead
/// advises ("Chủ tịch Ủy ban nhân dân phường").
const MAX_ADVISED_WORDS: usize = 8;

/// "X có trách nhiệm[ tham mưu Y]": X.
fn responsible(subject: &str) -> Option<&str> {
    let (from, end) = find_words(subject, "co trach nhiem")?;
    let after = subject.get(end..)?.trim();
    let ok = after.is_empty()
        || after_lead_in(after, &["tham muu"])
            .is_some_and(|y| y.split_whitespace().count() <= MAX_ADVISED_WORDS);
    ok.then(|| subject.get(..from).unwrap_or("").trim())
}

/// The most words of the issuer's short name asking in a role line ("Ủy
/// ban nhân dân huyện đề nghị …": 4); more words before "đề nghị" are a
/// task, not an asker.
const MAX_ASKER_WORDS: usize = 5;

/// "Sở đề nghị X, Y", "UBND huyện đề nghị X": the bodies asked, the words
/// after "đề nghị".
fn asked_by_issuer(subject: &str) -> Option<&str> {
    let (from, end) = find_words(subject, "de nghi")?;
    let asker = subject.get(..from)?;
    let n = asker.split_whitespace().count();
    (n > 0 && n <= MAX_ASKER_WORDS && !asker.contains([',', ';']))
        .then(|| subject.get(end..).unwrap_or("").trim())
        .filter(|asked| !asked.is_empty())
}

/// "X chỉ đạo Y" (lower case: not "Ban Chỉ đạo …"): X.
fn directing(subject: &str) -> Option<&str> {
    let at = subject.find(" chỉ đạo ")?;
    Some(subject.get(..at)?.trim()).filter(|x| !x.is_empty())
}
