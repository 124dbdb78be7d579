//! **Rule mutations at scale**: for every obligation of every seed, each
//! kind of defect is written into the document text, as a drafter would,
//! the text is imported again and the mutant (derived plan) is audited
//! against the original (parent plan).
//!
//! | defect | edit in the text | rule |
//! |---|---|---|
//! | lead swapped | each lead's name → an agency of the same plan in another field | OG003 |
//! | deadline later | a dated deadline: day/month pushed later, or years + 1, or "hằng năm" → the window's last year (later even when past the plan's window) | OG005 or OG006 |
//! | "đề nghị" dropped | the "đề nghị" before a court, procuracy or Front body deleted | OG009 |
//! | dissolved agency named | an agency → its predecessor dissolved in 2025 (Sở Nội vụ → Sở Lao động - Thương binh và Xã hội …); with no successor named, a support (else the lead) → Sở Lao động - Thương binh và Xã hội | OG010 |
//! | support dropped | one named support deleted from its list | OG004 |
//!
//! **Applicable**: the obligation has what the defect needs, written at
//! it (not carried from appendix rows, `Obligation::roles_from`) (a lead the
//! rule compares — not requested, orderable, not a collective —; a
//! deadline with a date in the plan's window; a requested body; a named
//! agency, in a plan dated after the 2025 dissolutions; a named support).
//! For the rules that compare with the parent (OG003, OG004, OG005) the
//! self-audit must also find the obligation applicable (a task led only by
//! requested bodies is not). The lead-mismatch rule leaves out leads with
//! no resolved agency ("Cơ quan"), so do we.
//! **Planted**: the edit is found in the text and the importer reads it
//! back on that obligation (its lead, deadline, request or support
//! changed as intended); the others are counted as not planted (an
//! importer or locating limit, not the rule's). The candidate places are
//! the occurrences of the name or phrase, nearest the obligation's lines
//! first, at most [`TRIES`] of them.
//!
//! **Recall**: planted mutants where the rule names the obligation
//! (`parent_id` or `child_id`); for OG010, which reports each agency once
//! at its first mention, any obligation the same edit changed counts.
//! **Unexpected**: findings of the mutant's audit absent from the
//! unmutated self-audit (by code, parent id, child id), other than the
//! planted rule on an obligation the edit changed (one role line can serve
//! several tasks), and other than the consequence a fallback defunct-agency
//! edit brings by itself (OG003 when it replaced the lead, OG004 when it
//! replaced a support).
use obligraph_core::{Agency, Obligation, Plan, Window};
use obligraph_rules::{audit_with_index, AuditReport, Config, ParentIndex, Status};
use obligraph_vn::agency::{resolve_agency, AgencyContext};
use obligraph_vn::reorg::{status_on, AgencyStatus};
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// Candidate places tried per obligation and defect.
const TRIES: usize = 4;

/// Dissolved in 2025, planted by name (province bodies: every seed dated
/// after 2025 is a province or a department plan).
const DISSOLVED: [&str; 6] = [
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Thông tin và Truyền thông",
    "Sở Kế hoạch và Đầu tư",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
];

#[derive(Clone, Copy, PartialEq)]
enum Defect {
    LeadSwapped,
    DeadlineLater,
    RequestDropped,
    DefunctNamed,
    SupportDropped,
}

impl Defect {
    const ALL: [Defect; 5] = [
        Defect::LeadSwapped,
        Defect::DeadlineLater,
        Defect::RequestDropped,
        Defect::DefunctNamed,
        Defect::SupportDropped,
    ];

    fn name(self) -> &'static str {
        match self {
            Defect::LeadSwapped => "lead swapped for a non-counterpart → OG003",
            Defect::DeadlineLater => "deadline made later → OG005 / OG006",
            Defect::RequestDropped => "\"đề nghị\" dropped → OG009",
            Defect::DefunctNamed => "dissolved agency named → OG010",
            Defect::SupportDropped => "support dropped → OG004",
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Defect::LeadSwapped => "LEAD",
            Defect::DeadlineLater => "DEADLINE",
            Defect::RequestDropped => "DENGHI",
            Defect::DefunctNamed => "DEFUNCT",
            Defect::SupportDropped => "SUPPORT",
        }
    }

    fn codes(self) -> &'static [&'static str] {
        match self {
            Defect::LeadSwapped => &["OG003"],
            Defect::DeadlineLater => &["OG005", "OG006"],
            Defect::RequestDropped => &["OG009"],
            Defect::DefunctNamed => &["OG010"],
            Defect::SupportDropped => &["OG004"],
        }
    }
}

#[derive(Default)]
struct Tally {
    applicable: usize,
    not_planted: usize,
    planted: usize,
    hit: usize,
    unexpected: usize,
    with_unexpected: usize,
    /// Edits that changed more than the obligation (a shared role line).
    spread: usize,
    by_code: std::collections::BTreeMap<String, usize>,
    cases: Vec<String>,
}

/// One seed, read once.
struct Seed<'a> {
    name: &'a str,
    text: String,
    plan: Plan,
    window: Option<Window>,
    /// Agencies the plan names (as written, resolved), most named first.
    pool: Vec<(String, Agency)>,
}

/// A planted defect.
struct Mutant {
    plan: Plan,
    /// What was replaced, and by what.
    edit: String,
    /// Codes the edit brings by itself on the obligation (fallback
    /// defunct-agency edits).
    consequence: Option<&'static str>,
}

enum Plant {
    NotApplicable,
    NotPlanted(String),
    Planted(Box<Mutant>),
}

type Key = (String, Option<String>, Option<String>);

fn keys(r: &AuditReport) -> BTreeSet<Key> {
    r.findings
        .iter()
        .map(|f| {
            (
                f.code.to_string(),
                f.parent_id.as_deref().map(str::to_string),
                f.child_id.as_deref().map(str::to_string),
            )
        })
        .collect()
}

/// Byte ranges of `needle` in `text`, any run of white space in the needle
/// matching any run of white space (line breaks included) in the text.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (start, _) in text.match_indices(first) {
        let mut end = start + first.len();
        let mut ok = true;
        for w in rest {
            let tail = &text[end..];
            let trimmed = tail.trim_start();
            if trimmed.len() == tail.len() || !trimmed.starts_with(w) {
                ok = false;
                break;
            }
            end += tail.len() - trimmed.len() + w.len();
        }
        if ok {
            out.push((start, end));
        }
    }
    out
}

/// Byte range of the obligation's source lines.
fn span(text: &str, o: &Obligation) -> (usize, usize) {
    let (mut start, mut end) = (0, text.len());
    let mut pos = 0;
    for (i, line) in text.split('\n').enumerate() {
        let n = i as u32 + 1;
        if n == o.source.line_start {
            start = pos;
        }
        pos += line.len() + 1;
        if n == o.source.line_end {
            end = pos.min(text.len());
            break;
        }
    }
    (start, end)
}

/// `ranges` nearest the obligation first: inside its lines, then after
/// them, then before them (a heading or a role line above).
fn nearest(text: &str, o: &Obligation, mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let (s, e) = span(text, o);
    let rank = |&(a, b): &(usize, usize)| {
        if a >= s && b <= e {
            (0, a)
        } else if a >= e {
            (1, a - e)
        } else {
            (2, s.saturating_sub(b))
        }
    };
    ranges.sort_by_key(rank);
    ranges.truncate(TRIES);
    ranges
}

fn replace(text: &str, (a, b): (usize, usize), with: &str) -> String {
    let mut t = String::with_capacity(text.len() + with.len());
    t.push_str(&text[..a]);
    t.push_str(with);
    t.push_str(&text[b..]);
    t
}

fn import(seed: &Seed<'_>, text: &str) -> Option<Plan> {
    obligraph_vn::import_text(text, seed.name)
        .ok()
        .map(|i| i.plan)
}

fn quote(text: &str, (a, b): (usize, usize)) -> String {
    text[a..b].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Leads the lead-mismatch rule compares.
fn compared_leads(o: &Obligation) -> Vec<&obligraph_core::Assignment> {
    o.leads()
        .filter(|a| !a.requested && a.agency.orderable && a.agency.collective.is_none())
        .filter(|a| !a.agency.id.starts_with("unresolved:"))
        .collect()
}

fn first_due(o: &Obligation, w: Window) -> Option<chrono::NaiveDate> {
    o.deadline
        .as_ref()
        .and_then(|d| d.due_dates(w).dates.first().copied())
}

/// Tries each edit (document text, description) in turn: the first that
/// the importer reads back as `ok` on the obligation is the mutant.
fn first_planted(
    seed: &Seed<'_>,
    o: &Obligation,
    edits: Vec<(String, String)>,
    ok: impl Fn(&Obligation) -> bool,
    consequence: Option<&'static str>,
) -> Plant {
    if edits.is_empty() {
        return Plant::NotPlanted("not found in the text".into());
    }
    let n = edits.len();
    for (text, edit) in edits {
        let Some(plan) = import(seed, &text) else {
            continue;
        };
        if plan.obligation(&o.id).is_some_and(&ok) {
            return Plant::Planted(Box::new(Mutant {
                plan,
                edit,
                consequence,
            }));
        }
    }
    Plant::NotPlanted(format!("{n} edits tried, none read back on the task"))
}

fn lead_swapped(seed: &Seed<'_>, o: &Obligation, nth: usize) -> Plant {
    let leads = compared_leads(o);
    if leads.is_empty() {
        return Plant::NotApplicable;
    }
    // Agencies of the same plan in a field none of the task's agencies has.
    let others: Vec<&(String, Agency)> = seed
        .pool
        .iter()
        .filter(|(_, a)| a.orderable && a.collective.is_none() && a.field.is_some())
        .filter(|(_, a)| !o.assignments.iter().any(|x| x.agency.same_field(a)))
        .collect();
    if others.is_empty() {
        return Plant::NotPlanted("no agency of another field in the plan".into());
    }
    let mut edits = Vec::new();
    for k in 0..TRIES {
        // Every compared lead replaced (k-th nearest place of each name).
        let mut text = seed.text.clone();
        let mut said = Vec::new();
        for (i, l) in leads.iter().enumerate() {
            let places = nearest(&text, o, occurrences(&text, &l.as_written));
            let Some(&r) = places.get(k).or_else(|| places.first()) else {
                continue;
            };
            let (_, with) = others[(nth + i) % others.len()];
            let by = &others[(nth + i) % others.len()].0;
            said.push(format!("«{}» → «{by}» ({})", quote(&text, r), with.id));
            text = replace(&text, r, by);
        }
        if !said.is_empty() && text != seed.text {
            edits.push((text, said.join("; ")));
        }
    }
    let before: Vec<&Agency> = leads.iter().map(|a| &a.agency).collect();
    first_planted(
        seed,
        o,
        edits,
        |m| {
            let now = compared_leads(m);
            !now.is_empty()
                && now
                    .iter()
                    .all(|a| !before.iter().any(|b| b.same_field(&a.agency)))
        },
        None,
    )
}

/// The first `dd/mm` or `dd/mm/yyyy` in `s`, pushed later.
fn later_day(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let d = digits(i);
        if !(1..=2).contains(&d) || b.get(i + d) != Some(&b'/') {
            continue;
        }
        let m = digits(i + d + 1);
        if !(1..=2).contains(&m) {
            continue;
        }
        let day: u32 = s[i..i + d].parse().ok()?;
        let month: u32 = s[i + d + 1..i + d + 1 + m].parse().ok()?;
        let mut end = i + d + 1 + m;
        let year = if b.get(end) == Some(&b'/') && digits(end + 1) == 4 {
            let y: i32 = s[end + 1..end + 5].parse().ok()?;
            end += 5;
            Some(y)
        } else {
            None
        };
        let new = match year {
            Some(y) => {
                let date = chrono::NaiveDate::from_ymd_opt(y, month, day)?;
                let later = date.checked_add_months(chrono::Months::new(1))?;
                later.format("%d/%m/%Y").to_string()
            }
            // Recurring: later inside the same year.
            None if month < 12 => format!("{:02}/{:02}", day.min(28), month + 1),
            None if day < 31 => "31/12".to_string(),
            None => return None,
        };
        return Some(format!("{}{new}{}", &s[..i], &s[end..]));
    }
    None
}

/// The words of a deadline phrase that carry its date: `dd/mm[/yyyy]`,
/// years, "hằng năm".
fn date_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '*')
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| w.contains('/') || w.len() == 4)
        .map(str::to_string)
        .collect();
    for y in ["hằng năm", "hàng năm", "Hằng năm", "Hàng năm"] {
        if s.contains(y) {
            out.push(y.to_string());
        }
    }
    out
}

/// Every year `20xx` in `s` plus one.
fn later_years(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let is_year = b[i..].len() >= 4
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i] == b'2'
            && b[i + 1] == b'0'
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if is_year {
            let y: u32 = s[i..i + 4].parse().ok()?;
            out.push_str(&(y + 1).to_string());
            changed = true;
            i += 4;
        } else {
            let ch = s[i..].chars().next()?;
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    changed.then_some(out)
}

fn deadline_later(seed: &Seed<'_>, o: &Obligation) -> Plant {
    let Some(w) = seed.window else {
        return Plant::NotApplicable;
    };
    if first_due(o, w).is_none() {
        return Plant::NotApplicable;
    }
    let wide = Window::years(2000, 2100);
    let Some(before) = first_due(o, wide) else {
        return Plant::NotApplicable;
    };
    // Where the deadline is written: its phrase, else the words that
    // carry its date (a day, a year, "hằng năm") nearest the task.
    let mut places: Vec<(usize, usize)> = Vec::new();
    if let Some(dt) = o.deadline_text.as_deref() {
        places.extend(nearest(&seed.text, o, occurrences(&seed.text, dt)));
        for token in date_words(dt) {
            let near = nearest(&seed.text, o, occurrences(&seed.text, &token));
            places.extend(near.into_iter().take(2));
        }
    }
    places.dedup();
    let last_year = w.end.format("%Y").to_string();
    let yearly = |s: &str| {
        ["hằng năm", "hàng năm", "Hằng năm", "Hàng năm"]
            .iter()
            .find(|p| s.contains(**p))
            .map(|p| s.replacen(p, &format!("năm {last_year}"), 1))
    };
    let mut edits = Vec::new();
    for r in places {
        let old = &seed.text[r.0..r.1];
        for new in [later_day(old), later_years(old), yearly(old)]
            .into_iter()
            .flatten()
        {
            let edit = format!("«{}» → «{}»", quote(&seed.text, r), {
                let n: Vec<&str> = new.split_whitespace().collect();
                n.join(" ")
            });
            edits.push((replace(&seed.text, r, &new), edit));
        }
    }
    first_planted(
        seed,
        o,
        edits,
        // Later, even past the plan's window.
        |m| first_due(m, wide).is_some_and(|d| d > before),
        None,
    )
}

fn request_dropped(seed: &Seed<'_>, o: &Obligation) -> Plant {
    let Some(body) = o
        .assignments
        .iter()
        .find(|a| a.requested && !a.agency.orderable)
    else {
        return Plant::NotApplicable;
    };
    let mut found = Vec::new();
    for p in ["đề nghị", "Đề nghị", "ĐỀ NGHỊ"] {
        found.extend(occurrences(&seed.text, p));
    }
    let edits = nearest(&seed.text, o, found)
        .into_iter()
        .map(|(a, b)| {
            // The words and the space after them.
            let b = b + seed.text[b..].len() - seed.text[b..].trim_start().len();
            (
                replace(&seed.text, (a, b), ""),
                format!("«{}» deleted", quote(&seed.text, (a, b))),
            )
        })
        .collect();
    let id = body.agency.id.clone();
    first_planted(
        seed,
        o,
        edits,
        |m| {
            m.assignments
                .iter()
                .any(|a| a.agency.id == id && !a.requested)
        },
        None,
    )
}

fn defunct_named(seed: &Seed<'_>, o: &Obligation) -> Plant {
    let Some(date) = seed.plan.date else {
        return Plant::NotApplicable;
    };
    let ctx = AgencyContext::default();
    // Dissolved names on the plan's date, with their successor.
    let dissolved: Vec<(&str, Option<String>)> = DISSOLVED
        .iter()
        .filter_map(|n| match status_on(&resolve_agency(n, &ctx), date) {
            AgencyStatus::Dissolved { successor, .. } => Some((*n, successor)),
            _ => None,
        })
        .collect();
    if dissolved.is_empty() {
        return Plant::NotApplicable;
    }
    let named: Vec<&obligraph_core::Assignment> = o
        .assignments
        .iter()
        .filter(|a| a.agency.orderable && a.agency.collective.is_none())
        .collect();
    if named.is_empty() {
        return Plant::NotApplicable;
    }
    // An agency named by its predecessor, else a support, else the lead,
    // named by Sở Lao động - Thương binh và Xã hội.
    let by_predecessor = named.iter().find_map(|a| {
        dissolved
            .iter()
            .find(|(_, s)| s.as_deref() == Some(a.agency.id.as_str()))
            .map(|(n, _)| (*a, *n, None))
    });
    let (target, name, consequence) = by_predecessor
        .or_else(|| {
            named
                .iter()
                .find(|a| a.role == obligraph_core::Role::Support)
                .map(|a| (*a, dissolved[0].0, Some("OG004")))
        })
        .unwrap_or((named[0], dissolved[0].0, Some("OG003")));
    let consequence = if target.role == obligraph_core::Role::Lead {
        consequence.map(|_| "OG003")
    } else {
        consequence
    };
    let edits = nearest(&seed.text, o, occurrences(&seed.text, &target.as_written))
        .into_iter()
        .map(|r| {
            (
                replace(&seed.text, r, name),
                format!("«{}» → «{name}»", quote(&seed.text, r)),
            )
        })
        .collect();
    first_planted(
        seed,
        o,
        edits,
        |m| {
            m.assignments
                .iter()
                .any(|a| matches!(status_on(&a.agency, date), AgencyStatus::Dissolved { .. }))
        },
        consequence,
    )
}

fn support_dropped(seed: &Seed<'_>, o: &Obligation) -> Plant {
    let Some(s) = o
        .supports()
        .find(|a| !a.requested && a.agency.orderable && a.agency.collective.is_none())
    else {
        return Plant::NotApplicable;
    };
    let t = &seed.text;
    let edits = nearest(t, o, occurrences(t, &s.as_written))
        .into_iter()
        .map(|(a, b)| {
            // Take the list separator with the name.
            let after = &t[b..];
            let before = &t[..a];
            let r = if let Some(rest) = after.strip_prefix(',') {
                (a, b + 1 + rest.len() - rest.trim_start().len())
            } else if before.trim_end().ends_with(',') {
                (before.trim_end().len() - 1, b)
            } else if before.ends_with(" và ") {
                (a - " và ".len(), b)
            } else if after.starts_with(" và ") {
                (a, b + " và ".len())
            } else {
                (a, b)
            };
            (replace(t, r, ""), format!("«{}» deleted", quote(t, r)))
        })
        .collect();
    let (id, leads): (String, Vec<String>) = (
        s.agency.id.clone(),
        o.leads().map(|a| a.agency.id.clone()).collect(),
    );
    first_planted(
        seed,
        o,
        edits,
        |m| {
            !m.assignments.iter().any(|a| a.agency.id == id)
                && m.leads().map(|a| a.agency.id.clone()).collect::<Vec<_>>() == leads
        },
        None,
    )
}

/// What a missed mutant has that the rule lets through, when it is one of
/// the patterns seen.
fn miss_reason(
    d: Defect,
    seed: &Seed<'_>,
    mutant: &Plan,
    r: Option<&obligraph_rules::ParentObligationReport>,
) -> &'static str {
    let Some(r) = r else {
        return "no verdict";
    };
    if r.status == Status::NotApplicable {
        return "not applicable in the mutant's audit";
    }
    let matched: Vec<&Obligation> = r
        .matches
        .iter()
        .filter_map(|x| mutant.obligation(&x.child_id))
        .collect();
    match d {
        Defect::LeadSwapped => {
            if matched.first().is_some_and(|c| c.leads().next().is_none()) {
                "best match names no lead: the rule stops there"
            } else if matched
                .iter()
                .any(|c| c.leads().any(|a| a.agency.collective.is_some()))
            {
                "a collective co-lead excuses any named lead"
            } else if matched.len() > 1 {
                "another matched task keeps the lead"
            } else {
                "other"
            }
        }
        Defect::DeadlineLater => {
            let past = seed.window.is_some_and(|w| {
                matched
                    .iter()
                    .any(|c| c.deadline.is_some() && first_due(c, w).is_none())
            });
            if past {
                "pushed past the plan's window: no due date left to compare"
            } else {
                "other"
            }
        }
        _ => "other",
    }
}

/// The roles and deadline of an obligation, for the cases listed.
fn roles_of(o: &Obligation) -> String {
    let mut v: Vec<String> = o
        .assignments
        .iter()
        .map(|a| {
            format!(
                "{:?}{} {}",
                a.role,
                if a.requested { " (đề nghị)" } else { "" },
                a.agency.id
            )
        })
        .collect();
    if let Some(d) = &o.deadline {
        v.push(format!("due \"{}\"", d.to_vietnamese()));
    }
    if let Some(d) = &o.deadline_text {
        v.push(format!("written «{d}»"));
    }
    v.join(", ")
}

/// Ids of obligations whose roles or deadline differ between the plans.
fn changed(a: &Plan, b: &Plan) -> BTreeSet<String> {
    // Roles and deadlines carried from appendix rows
    // (`Obligation::roles_from`) change with the rows, where the edit is.
    let sig = |o: &Obligation| {
        let roles: Vec<(String, String, bool)> = o
            .own_assignments()
            .iter()
            .map(|x| (x.agency.id.clone(), format!("{:?}", x.role), x.requested))
            .collect();
        (roles, o.own_deadline().cloned())
    };
    let mut out = BTreeSet::new();
    for o in &a.obligations {
        if b.obligation(&o.id).is_none_or(|m| sig(m) != sig(o)) {
            out.insert(o.id.clone());
        }
    }
    for o in &b.obligations {
        if a.obligation(&o.id).is_none() {
            out.insert(o.id.clone());
        }
    }
    out
}

/// One row per defect kind: (table row, cases for `--verbose`).
pub fn rows(config: &Config) -> Vec<(String, Vec<String>)> {
    let mut tallies: Vec<Tally> = Defect::ALL.iter().map(|_| Tally::default()).collect();
    for name in crate::SEEDS {
        let path = crate::root().join("examples/data/seeds").join(name);
        let Ok(raw) = std::fs::read_to_string(&path) else {
            continue;
        };
        let text: String = raw.nfc().collect();
        let Some(plan) = obligraph_vn::import_text(&text, name).ok().map(|i| i.plan) else {
            continue;
        };
        let mut pool: Vec<(String, Agency, usize)> = Vec::new();
        for a in plan.obligations.iter().flat_map(|o| &o.assignments) {
            if a.requested || a.as_written.trim().is_empty() {
                continue;
            }
            match pool.iter_mut().find(|(_, p, _)| p.id == a.agency.id) {
                Some(p) => p.2 += 1,
                None => pool.push((a.as_written.clone(), a.agency.clone(), 1)),
            }
        }
        pool.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.id.cmp(&b.1.id)));
        let seed = Seed {
            name,
            window: plan.effective_window(),
            pool: pool.into_iter().map(|(w, a, _)| (w, a)).collect(),
            text,
            plan,
        };
        let index = ParentIndex::new(&seed.plan);
        let base_report = audit_with_index(&index, &seed.plan, config);
        let base = keys(&base_report);
        for (nth, o) in seed.plan.obligations.iter().enumerate() {
            for (d, t) in Defect::ALL.iter().zip(tallies.iter_mut()) {
                // The rules that compare with the parent see only what the
                // self-audit finds applicable.
                let in_scope = base_report
                    .parent_obligation(&o.id)
                    .is_some_and(|r| r.status != Status::NotApplicable);
                let needs_parent = matches!(
                    d,
                    Defect::LeadSwapped | Defect::DeadlineLater | Defect::SupportDropped
                );
                if needs_parent && !in_scope {
                    continue;
                }
                // Roles (or a deadline) carried from appendix rows are not
                // written at the body item: the defect is written in the
                // rows, each a case of its own.
                let carried = match d {
                    Defect::DeadlineLater => !o.deadline_from.is_empty(),
                    _ => o.roles_carried(),
                };
                if carried {
                    continue;
                }
                let plant = match d {
                    Defect::LeadSwapped => lead_swapped(&seed, o, nth),
                    Defect::DeadlineLater => deadline_later(&seed, o),
                    Defect::RequestDropped => request_dropped(&seed, o),
                    Defect::DefunctNamed => defunct_named(&seed, o),
                    Defect::SupportDropped => support_dropped(&seed, o),
                };
                let who = format!("{} {name} {}", d.tag(), o.id);
                let m = match plant {
                    Plant::NotApplicable => continue,
                    Plant::NotPlanted(why) => {
                        t.applicable += 1;
                        t.not_planted += 1;
                        t.cases
                            .push(format!("{who} not planted: {why} ({})", roles_of(o)));
                        continue;
                    }
                    Plant::Planted(m) => m,
                };
                t.applicable += 1;
                t.planted += 1;
                let report = audit_with_index(&index, &m.plan, config);
                let touched = changed(&seed.plan, &m.plan);
                if touched.len() > 1 {
                    t.spread += 1;
                }
                let names =
                    |k: &Key, id: &str| k.1.as_deref() == Some(id) || k.2.as_deref() == Some(id);
                let on_touched = |k: &Key| touched.iter().any(|id| names(k, id));
                let planted = |k: &Key| d.codes().contains(&k.0.as_str());
                let found = report.findings.iter().any(|f| {
                    d.codes().contains(&f.code.as_str())
                        && (f.parent_id.as_deref() == Some(o.id.as_str())
                            || f.child_id.as_deref() == Some(o.id.as_str())
                            || (*d == Defect::DefunctNamed
                                && f.child_id.as_deref().is_some_and(|c| touched.contains(c))))
                });
                let now = keys(&report);
                let unexpected: Vec<&Key> = now
                    .difference(&base)
                    .filter(|k| !(planted(k) && on_touched(k)))
                    .filter(|k| !(m.consequence == Some(k.0.as_str()) && on_touched(k)))
                    .collect();
                if found {
                    t.hit += 1;
                } else {
                    let r = report.parent_obligation(&o.id);
                    let status = r.map(|r| r.status);
                    let by: Vec<String> = r
                        .map(|r| {
                            r.matches
                                .iter()
                                .map(|x| format!("{}={:.2}", x.child_id, x.score))
                                .collect()
                        })
                        .unwrap_or_default();
                    // The roles of every matched derived obligation.
                    let roles: Vec<String> = r
                        .map(|r| {
                            r.matches
                                .iter()
                                .filter_map(|x| m.plan.obligation(&x.child_id))
                                .map(|c| format!("{}: {}", c.id, roles_of(c)))
                                .collect()
                        })
                        .unwrap_or_default();
                    let why = miss_reason(*d, &seed, &m.plan, r);
                    t.cases.push(format!(
                        "{who} MISS [{why}] ({status:?} by {}; changed {:?}; parent {}; derived {}): {}",
                        by.join(" "),
                        touched,
                        roles_of(o),
                        roles.join(" | "),
                        m.edit
                    ));
                }
                if !unexpected.is_empty() {
                    t.with_unexpected += 1;
                    t.unexpected += unexpected.len();
                    for k in &unexpected {
                        *t.by_code.entry(k.0.clone()).or_default() += 1;
                        let msg = report
                            .findings
                            .iter()
                            .find(|f| {
                                f.code == k.0
                                    && f.parent_id.as_deref() == k.1.as_deref()
                                    && f.child_id.as_deref() == k.2.as_deref()
                            })
                            .map(|f| f.message.to_string())
                            .unwrap_or_default();
                        t.cases.push(format!(
                            "{who} UNEXPECTED {} {}/{}: {msg} [edit: {}]",
                            k.0,
                            k.1.as_deref().unwrap_or("-"),
                            k.2.as_deref().unwrap_or("-"),
                            m.edit
                        ));
                    }
                }
            }
        }
    }
    Defect::ALL
        .iter()
        .zip(tallies)
        .map(|(d, t)| {
            let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            let codes: Vec<String> = t.by_code.iter().map(|(c, n)| format!("{c}×{n}")).collect();
            let row = format!(
                "| mutation: {} | recall {:.3} ({}/{}); unexpected {:.3} per mutant | recall ≥ 0.95; ≤ 0.05 unexpected | {} applicable, {} not planted; {} mutants with unexpected findings ({}); {} edits changed several tasks |",
                d.name(),
                ratio(t.hit, t.planted),
                t.hit,
                t.planted,
                ratio(t.unexpected, t.planted),
                t.applicable,
                t.not_planted,
                t.with_unexpected,
                if codes.is_empty() { "none".to_string() } else { codes.join(", ") },
                t.spread
            );
            (row, t.cases)
        })
        .collect()
}
