//! Body and appendix are one plan: a body item that an appendix row
//! restates is linked to that row ([`Obligation::restates`]) and carries
//! the row's roles (the appendix is the plan's table of assignments, even
//! where the body sentence names a subject: "Các phòng, ban, ngành … có
//! trách nhiệm tổ chức tuyên truyền" is led by the row's Phòng Tư pháp),
//! and the row's deadline when it states none.
//!
//! # Which row
//!
//! Plans number the appendix after the body ("II.2. …" ↔ row "2", its
//! bullets ↔ rows "2.1", "2.2", …) and copy the wording, often trimmed.
//! A body task is compared with every appendix row that assigns someone,
//! by the share of its content words the row also has (the overlap
//! coefficient over folded words, so a row that shortens the text still
//! matches). The words of the body item's section title count too when
//! the item is the only one of its section: "1. Tiếp tục hoàn thiện pháp
//! luật …" over one paragraph matches row "1. Tiếp tục nội luật hóa và
//! hoàn thiện pháp luật …". A row whose first number is the body
//! section's number needs [`MIN_NUMBERED`]; another row [`MIN_ANY`].
//! The k-th bullet of body item "II.N" and row "N.k" are taken as one
//! when they share [`MIN_ORDINAL`] of their words (numbering and text
//! agree). Otherwise, among the rows that pass, the one closest in size
//! wins (Jaccard); no
//! row wins when a group heading of the appendix is closer still (the
//! body item restates the group, whose rows have leads of their own).
//!
//! # A body item over a heading of rows
//!
//! A body item that writes no roles and whose place and words name a
//! heading of the appendix (body "II.N.x" over heading x, in Roman
//! numerals, of part N: Đồng Nai's II.2.đ over PL.B.V) is the theme the
//! heading's rows split into tasks: it carries the union of their roles
//! and, when it states none, their deadlines, and names the rows in
//! [`Obligation::roles_from`] (and [`Obligation::deadline_from`]). The
//! roles stay the rows' ([`Obligation::own_assignments`] is empty): the
//! audit counts such a body item at its rows, and a rule that reads roles
//! reads them once, at the rows.
//!
//! # Why linked, not merged
//!
//! The two are kept as two obligations, each at its own place in the
//! source: the body text is what the audit compares with the parent's
//! wording, and the row holds the cells. Merging them would lose one of
//! the two locations a reader needs to find; the link says they are one
//! task.

use rustc_hash::FxHashSet as HashSet;

use obligraph_core::{Obligation, ObligationKind, Plan};

use super::text::key;

/// Share of the shorter word set a row must share with a body item whose
/// section number it bears (fitted by reading the Ngô Quyền and Đồng Nai
/// pairs: restated rows share 0.6–1.0, unrelated rows of the same section
/// at most 0.45).
const MIN_NUMBERED: f64 = 0.55;

/// The same, for a row under another number.
const MIN_ANY: f64 = 0.8;

/// Fewest content words a text needs for its overlap to mean anything.
const MIN_WORDS: usize = 4;

/// Words that carry no content (a `match`: asked of every word of every
/// text compared).
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "va" | "cac"
            | "cua"
            | "ve"
            | "trong"
            | "cho"
            | "voi"
            | "theo"
            | "de"
            | "la"
            | "co"
            | "duoc"
            | "tai"
            | "tu"
            | "nhung"
            | "mot"
            | "nhat"
            | "nay"
            | "do"
            | "thi"
            | "hoac"
            | "nham"
            | "the"
    )
}

/// The content words of a text, as sorted hashes (compared by merging:
/// the link compares every body item with every row).
type Words = Vec<u64>;

fn words(text: &str) -> Words {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let hasher = BuildHasherDefault::<rustc_hash::FxHasher>::default();
    let k = key(text);
    // About one word in four bytes of key: room enough, mostly, from the
    // start.
    let mut out = Words::with_capacity(k.len() / 4 + 1);
    for_each_word(&k, |w| {
        if !is_stop_word(w) {
            out.push(hasher.hash_one(w));
        }
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `f` on each run of alphanumeric chars of `k`, in order: a key is
/// mostly ASCII, which is read byte by byte.
fn for_each_word(k: &str, mut f: impl FnMut(&str)) {
    let bytes = k.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let (in_word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = k.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            (crate::normalize::is_alphanumeric(c), c.len_utf8())
        };
        if !in_word {
            if let Some(w) = k.get(start..i).filter(|w| !w.is_empty()) {
                f(w);
            }
            start = i + len;
        }
        i += len;
    }
    if let Some(w) = k.get(start..).filter(|w| !w.is_empty()) {
        f(w);
    }
}

/// How many words two sorted word lists share.
fn shared(a: &Words, b: &Words) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn overlap(a: &Words, b: &Words) -> f64 {
    let small = a.len().min(b.len());
    if small < MIN_WORDS {
        return 0.0;
    }
    let shared = shared(a, b);
    // Word counts are small: the conversion is exact.
    f64::from(u32::try_from(shared).unwrap_or(u32::MAX))
        / f64::from(u32::try_from(small).unwrap_or(u32::MAX))
}

/// `n / d` as a fraction (0 when `d` is 0).
fn fraction(n: usize, d: usize) -> f64 {
    if d == 0 {
        return 0.0;
    }
    // Word counts are small: the conversion is exact.
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
        / f64::from(u32::try_from(d).unwrap_or(u32::MAX))
}

/// The number of the body section an id sits in: "II.2-3" → 2, "II.6" →
/// 6, "III.1.a" → 1.
fn body_number(id: &str) -> Option<u32> {
    let mut parts = id.split(['.', '-']);
    parts.next()?;
    parts.next()?.parse().ok()
}

/// The first number of an appendix row id: "PL.2.3" → 2, "PL.A.II.1" →
/// `None`.
fn row_number(id: &str) -> Option<u32> {
    let mut parts = id.split('.');
    let root = parts.next()?;
    if !root.starts_with("PL") {
        return None;
    }
    parts.next()?.parse().ok()
}

/// The row id a body item's place names: the k-th bullet of body item
/// "II.N" ("II.N-k") is row "PL.N.k" in plans that number the appendix
/// after the body.
fn ordinal_row(id: &str) -> Option<String> {
    let (head, k) = id.rsplit_once('-')?;
    let k: u32 = k.parse().ok()?;
    let n = body_number(head)?;
    // Only "II.N-k": one number under the top section.
    (head.split('.').count() == 2).then(|| format!("PL.{n}.{k}"))
}

/// The words of the body item whose place names row `ri`
/// ([`ordinal_row`]), when there is one.
fn place_item_words(plan: &Plan, ri: usize) -> Option<Words> {
    let rid = plan.obligations.get(ri)?.id.as_str();
    plan.obligations
        .iter()
        .find(|o| !is_row(o) && ordinal_row(&o.id).as_deref() == Some(rid))
        .map(|o| words(&crate::lexicon::without_roles(&o.text)))
}

/// Least overlap for the row a body item's place names ([`ordinal_row`]).
const MIN_ORDINAL: f64 = 0.4;

fn is_row(o: &Obligation) -> bool {
    o.id.starts_with("PL")
}

/// The ids of the top sections of duties ("Tổ chức thực hiện", "Kinh
/// phí"), whose items restate no row.
fn duty_sections(plan: &Plan) -> HashSet<&str> {
    plan.sections
        .iter()
        .filter(|s| s.parent.is_none() && super::body::is_duty_section(&s.title))
        .map(|s| s.id.as_str())
        .collect()
}

/// Links body tasks to the appendix rows that restate them.
pub(crate) fn link(plan: &mut Plan) {
    let rows: Vec<(usize, Words, Option<u32>)> = plan
        .obligations
        .iter()
        .enumerate()
        .filter(|(_, o)| is_row(o) && (!o.assignments.is_empty() || o.deadline.is_some()))
        .map(|(i, o)| (i, words(&o.text), row_number(&o.id)))
        .collect();
    if rows.is_empty() {
        return;
    }
    // Which rows hold each word: a body item's shared words with every row
    // in one pass over its words.
    let mut postings: rustc_hash::FxHashMap<u64, Vec<usize>> = Default::default();
    for (k, (_, ws, _)) in rows.iter().enumerate() {
        for w in ws {
            postings.entry(*w).or_default().push(k);
        }
    }
    let shared_with_rows = |ws: &Words| {
        let mut counts = vec![0usize; rows.len()];
        for w in ws {
            for &k in postings.get(w).map_or(&[][..], Vec::as_slice) {
                if let Some(c) = counts.get_mut(k) {
                    *c += 1;
                }
            }
        }
        counts
    };
    // Items per section, for "the only item of its section".
    let mut per_section: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for o in &plan.obligations {
        if let Some(s) = &o.section {
            *per_section.entry(s.as_str()).or_default() += 1;
        }
    }
    let titles: rustc_hash::FxHashMap<&str, &str> = plan
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let group_titles: Vec<(&str, Words)> = plan
        .sections
        .iter()
        .filter(|s| s.id.starts_with("PL") && s.parent.is_some())
        .map(|s| (s.id.as_str(), words(&s.title)))
        .collect();
    let mut links: Vec<(usize, usize)> = Vec::new();
    // Body items that restate every row of a group: (body, rows).
    let mut group_links: Vec<(usize, Vec<usize>)> = Vec::new();
    // Duties of "Tổ chức thực hiện" and "Kinh phí" restate no row.
    let duty_sections = duty_sections(plan);
    let parts = appendix_parts(plan);
    // Rows that name their body items by number are theirs, whatever the
    // words: those items and rows take no part in the matching by words.
    let pointed = pointer_links(plan, &duty_sections);
    let pointing: HashSet<usize> = pointed.iter().map(|&(_, ri)| ri).collect();
    let pointed_bodies: HashSet<usize> = pointed.iter().map(|&(bi, _)| bi).collect();
    // Body items the appendix splits over rows: (body, rows).
    let mut split_links: Vec<(usize, Vec<usize>)> = Vec::new();
    for (bi, o) in plan.obligations.iter().enumerate() {
        let top = o.id.split(['.', '-', ':']).next().unwrap_or("");
        if is_row(o)
            || o.kind != ObligationKind::Task
            || duty_sections.contains(top)
            || pointed_bodies.contains(&bi)
        {
            continue;
        }
        // The body's own parenthesis of roles ("(Thời gian: …; Cơ quan chủ
        // trì: …)") names bodies, not the task: its words would match the
        // row that names the same bodies.
        let own = words(&crate::lexicon::without_roles(&o.text));
        if o.assignments.is_empty() {
            if let Some(halves) = split_rows(plan, &o.id, &own) {
                split_links.push((bi, halves));
                continue;
            }
        }
        let sole_title = o
            .section
            .as_deref()
            .filter(|s| per_section.get(s).copied() == Some(1))
            .and_then(|s| titles.get(s))
            .map(|t| words(t));
        let number = body_number(&o.id);
        // The row its place names, when the words agree enough: taken
        // before any other — unless another row of its number words it
        // nearly whole ([`MIN_ANY`], as a row at no place of its must),
        // better than the place row and than that row's own place item
        // does (a body that lists its bullets in another order than the
        // rows): then the text wins, and the rows are matched by words
        // below. Ngô Quyền's II.3-4 runs its row 3.4 and all of row 3.5
        // together and stays 3.4's: row 3.5 is II.3-5's, word for word
        // (and row 3.2's unnumbered sibling, sharing 0.69 of its words
        // against 3.4's 0.64 through "tuyên truyền … Công ước CAT",
        // words it far from whole).
        let by_place = ordinal_row(&o.id).and_then(|rid| {
            rows.iter()
                .find(|(ri, row_words, _)| {
                    !pointing.contains(ri)
                        && plan.obligations.get(*ri).is_some_and(|r| r.id == rid)
                        && overlap(&own, row_words) >= MIN_ORDINAL
                })
                .filter(|(ri, row_words, _)| {
                    let here = overlap(&own, row_words);
                    !rows.iter().any(|(other, w, no)| {
                        let there = overlap(&own, w);
                        other != ri
                            && !pointing.contains(other)
                            && number.is_some()
                            && *no == number
                            && there >= MIN_ANY
                            && there > here
                            && place_item_words(plan, *other).is_none_or(|p| overlap(&p, w) < there)
                    })
                })
        });
        if let Some((ri, _, _)) = by_place {
            links.push((bi, *ri));
            continue;
        }
        // Words shared with each row, through the index.
        let own_shared = shared_with_rows(&own);
        let title_shared = sole_title.as_ref().map(&shared_with_rows);
        // (rank, overlap, row).
        let mut best: Option<(f64, f64, usize)> = None;
        for (k, (ri, row_words, row_no)) in rows.iter().enumerate() {
            if pointing.contains(ri) {
                continue;
            }
            let ratio = |n: usize, a: &Words| {
                let small = a.len().min(row_words.len());
                if small < MIN_WORDS {
                    0.0
                } else {
                    fraction(n, small)
                }
            };
            let jac = |n: usize, a: &Words| fraction(n, a.len() + row_words.len() - n);
            let n_own = own_shared.get(k).copied().unwrap_or(0);
            let n_title = title_shared
                .as_ref()
                .and_then(|c| c.get(k).copied())
                .unwrap_or(0);
            let mut score = ratio(n_own, &own);
            if let Some(t) = &sole_title {
                score = score.max(ratio(n_title, t));
            }
            let min = if number.is_some() && *row_no == number {
                MIN_NUMBERED
            } else {
                MIN_ANY
            };
            if score < min {
                continue;
            }
            // Among the rows that pass, the closest in size too: a body
            // item that runs two rows together ("…; đẩy mạnh tuyên truyền
            // …") is the longer row's, not the short one it contains.
            let rank = jac(n_own, &own).max(sole_title.as_ref().map_or(0.0, |t| jac(n_title, t)));
            if score >= min && best.is_none_or(|(b, _, _)| rank > b) {
                best = Some((rank, score, *ri));
            }
        }
        // A body item that restates a group heading of the appendix (rows
        // with leads of their own under it) restates no one row.
        if let Some((_, score, ri)) = best {
            // A row with a lead of its own that heads others is the row.
            let row = plan.obligations.get(ri);
            let row_id = row.map_or("", |r| r.id.as_str());
            // The heading that the item's place and words name, when the
            // row sits under it: the item states the heading and runs some
            // of its rows together (Khánh Hòa's II.2.b "Triển khai … các
            // Chiến lược, Chương trình quốc gia … như: Chiến lược …; …"
            // words heading B.II and rows 2–4 whole), so it is the
            // heading's, however well one of those rows scores.
            let at_place = restated_heading(plan, &o.id, &own, &parts).filter(|h| {
                let below = format!("{h}.");
                row.and_then(|r| r.section.as_deref())
                    .is_some_and(|s| s == *h || s.starts_with(&below))
            });
            let group = group_titles
                .iter()
                .filter(|(id, t)| *id != row_id && overlap(&own, t) >= score.max(MIN_NUMBERED))
                .max_by(|(_, a), (_, b)| overlap(&own, a).total_cmp(&overlap(&own, b)))
                .map(|(id, _)| *id)
                .or(at_place);
            // A group of one row heads that row alone: restating the
            // group is restating the row.
            let sole_row = group
                .filter(|g| per_section.get(g).copied() == Some(1))
                .and_then(|g| {
                    rows.iter().map(|(i, _, _)| *i).find(|i| {
                        plan.obligations.get(*i).and_then(|r| r.section.as_deref()) == Some(g)
                    })
                });
            match (group, sole_row) {
                (_, Some(only)) => links.push((bi, only)),
                (None, None) => links.push((bi, ri)),
                (Some(g), None) => {
                    // It restates the group's rows too when it words each
                    // of them (their parentheses aside: examples and notes,
                    // which a restatement shortens): then it carries them
                    // all.
                    let members: Vec<usize> = rows
                        .iter()
                        .filter_map(|(i, _, _)| {
                            let r = plan.obligations.get(*i)?;
                            (r.section.as_deref() == Some(g)).then(|| {
                                let w = words(&without_parentheses(&r.text));
                                (overlap(&own, &w) >= MIN_NUMBERED).then_some(*i)
                            })
                        })
                        .collect::<Option<Vec<usize>>>()
                        .unwrap_or_default();
                    if members.len() >= 2 {
                        group_links.push((bi, members));
                    }
                }
            }
        }
    }
    for (bi, members) in group_links {
        let restated: Vec<Obligation> = members
            .iter()
            .filter_map(|&ri| plan.obligations.get(ri).cloned())
            .collect();
        let Some(body) = plan.obligations.get_mut(bi) else {
            continue;
        };
        sum_rows(body, &restated);
    }
    let by_pointer = pointed.len();
    links.splice(0..0, pointed);
    for (n, (bi, ri)) in links.into_iter().enumerate() {
        // Only what the body takes from the row is copied.
        let Some(own_deadline) = plan
            .obligations
            .get(bi)
            .map(|b| b.deadline.is_some() || b.deadline_text.is_some())
        else {
            continue;
        };
        let Some(row) = plan.obligations.get(ri) else {
            continue;
        };
        // A body item that names its own leads, none of them the row's,
        // is another task (the row restates nothing of it) — unless the
        // row names the item.
        if n >= by_pointer
            && plan
                .obligations
                .get(bi)
                .is_some_and(|b| leads_elsewhere(b, row))
        {
            continue;
        }
        let id = row.id.clone();
        let assignments = (!row.assignments.is_empty()).then(|| row.assignments.clone());
        let deadline = (!own_deadline).then(|| (row.deadline.clone(), row.deadline_text.clone()));
        let Some(body) = plan.obligations.get_mut(bi) else {
            continue;
        };
        body.restates = Some(id);
        if let Some(a) = assignments {
            body.assignments = a;
        }
        if let Some((d, t)) = deadline {
            body.deadline = d;
            body.deadline_text = t;
        }
    }
    // Then the body items left without roles that state a heading of rows,
    // or that the appendix splits.
    split_links.extend(heading_links(plan));
    for (bi, members) in split_links {
        let restated: Vec<Obligation> = members
            .iter()
            .filter_map(|&ri| plan.obligations.get(ri).cloned())
            .collect();
        if let Some(body) = plan.obligations.get_mut(bi) {
            carry_rows(body, &restated);
        }
    }
}

/// Words that name a numbered place of the body ("mục 3", "điểm 2",
/// "khoản 1"), as folded by [`key`].
fn is_place_word(w: &str) -> bool {
    matches!(w, "muc" | "diem" | "khoan")
}

/// Words that name a part of the body by its Roman numeral ("phần II",
/// "Mục II").
fn is_part_word(w: &str) -> bool {
    matches!(w, "phan" | "muc")
}

/// A folded Roman numeral of a part ("ii" → "II").
fn part_numeral(w: &str) -> Option<String> {
    // Parts of a plan run to about ten: five letters are more than enough.
    const LONGEST: usize = 5;
    (!w.is_empty() && w.len() <= LONGEST && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
        .then(|| w.to_ascii_uppercase())
}

/// The body places an appendix row points at by number: "Nhiệm vụ tại mục
/// 4 và mục 7 phần II" → `[("II", 4), ("II", 7)]`, "Thực hiện nội dung
/// tại điểm 2, 3 Mục II" → `[("II", 2), ("II", 3)]`. Numbers count only
/// with the part they sit in: "mục 5" alone may be any part's.
fn pointers(text: &str) -> Vec<(String, u32)> {
    let k = key(text);
    let mut toks: Vec<String> = Vec::new();
    for_each_word(&k, |w| toks.push(w.to_owned()));
    let toks: Vec<&str> = toks.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&w) = toks.get(i) {
        i += 1;
        let starts = is_place_word(w)
            && toks
                .get(i)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        if !starts {
            continue;
        }
        let mut numbers: Vec<u32> = Vec::new();
        let mut part = None;
        while let Some(&t) = toks.get(i) {
            if let Ok(n) = t.parse::<u32>() {
                numbers.push(n);
            } else if t == "va" || is_place_word(t) && !is_part_word(t) {
                // "và", or the place word again ("mục 4 và mục 7").
            } else if is_part_word(t) {
                match toks.get(i + 1) {
                    Some(n) if n.bytes().all(|b| b.is_ascii_digit()) => {}
                    Some(r) => {
                        part = part_numeral(r);
                        i += 2;
                        break;
                    }
                    None => break,
                }
            } else {
                break;
            }
            i += 1;
        }
        if let Some(p) = part {
            out.extend(numbers.into_iter().map(|n| (p.clone(), n)));
        }
    }
    out
}

/// Whether body id `id` sits at item `n` of part `part`: "II.4", its
/// bullets "II.4-1", lettered points "II.4.a", pieces "II.4:task".
fn at_place(id: &str, part: &str, n: u32) -> bool {
    let Some(rest) = id
        .strip_prefix(part)
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_prefix(n.to_string().as_str()))
    else {
        return false;
    };
    rest.is_empty() || rest.starts_with(['-', '.', ':'])
}

/// (body item, row) for each body task an appendix row names by its
/// number ([`pointers`]) and that assigns someone. A row that names
/// items is their restatement even when it writes no task of its own
/// ("Nhiệm vụ tại mục 3 phần II"): each item it names carries its roles.
fn pointer_links(plan: &Plan, duty_sections: &HashSet<&str>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (ri, r) in plan.obligations.iter().enumerate() {
        if !is_row(r) || r.assignments.is_empty() && r.deadline.is_none() {
            continue;
        }
        for (part, n) in pointers(&r.text) {
            if duty_sections.contains(part.as_str()) {
                continue;
            }
            out.extend(
                plan.obligations
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| {
                        !is_row(o) && o.kind == ObligationKind::Task && at_place(&o.id, &part, n)
                    })
                    .map(|(bi, _)| (bi, ri)),
            );
        }
    }
    // A body item named by two rows keeps the first.
    let mut seen = HashSet::default();
    out.retain(|&(bi, _)| seen.insert(bi));
    out
}

/// Whether a body item names leads of its own, each a known body that is
/// no collective ("Giao Phòng Kế hoạch - Tài chính chủ trì …"), none of
/// whom the row names as a lead: then the row is another task that
/// shares its words (a department's appendix numbered 1–5 on its own,
/// row 2 on treating detainees beside body item 2 on equipment for
/// treating them; Lâm Đồng's item "Xây dựng báo cáo đánh giá sự tương
/// thích …" led by Công an tỉnh beside row 1 "Rà soát, đánh giá sự tương
/// thích …" led by Sở Tư pháp, the police only its support), not its
/// restatement. A collective subject ("Các phòng, ban, ngành … có trách
/// nhiệm …") leaves the row's roles to win.
fn leads_elsewhere(body: &Obligation, row: &Obligation) -> bool {
    let mut leads = body
        .assignments
        .iter()
        .filter(|a| a.role == obligraph_core::Role::Lead)
        .peekable();
    leads.peek().is_some()
        && !row.assignments.is_empty()
        && leads.all(|a| {
            !a.agency.id.starts_with("unresolved:")
                && !a.agency.is_collective()
                && !row
                    .assignments
                    .iter()
                    .any(|r| r.role == obligraph_core::Role::Lead && r.agency.id == a.agency.id)
        })
}

/// Body items that state, by place and words, the heading of a group of
/// appendix rows and carry no roles of their own: (body, rows of the
/// group, in order).
///
/// Plans that letter the body's items ("II.2.đ") and number the
/// appendix's parts with letters and their headings with Roman numerals
/// write the body item "II.N.x" again as heading x of part N (Đồng Nai:
/// II.1.b ↔ PL.A.II, II.2.b ↔ PL.B.II, II.2.đ ↔ PL.B.V, II.4.a ↔ PL.D.I),
/// the heading's rows carrying the roles and deadlines the body item
/// leaves out. The place proposes the part; the words pick the heading
/// within it ([`restated_heading`]): a body item the appendix does not
/// restate there (Đồng Nai's II.4.b, beside row PL.D.II about other work)
/// keeps no roles. A heading with a
/// single row under it is that row's, which [`link`] links directly.
fn heading_links(plan: &Plan) -> Vec<(usize, Vec<usize>)> {
    let parts = appendix_parts(plan);
    if parts.is_empty() {
        return Vec::new();
    }
    // Duties of "Tổ chức thực hiện" and "Kinh phí" state no heading.
    let duty_sections = duty_sections(plan);
    let mut out = Vec::new();
    for (bi, o) in plan.obligations.iter().enumerate() {
        let top = o.id.split(['.', '-', ':']).next().unwrap_or("");
        if is_row(o)
            || o.kind != ObligationKind::Task
            || !o.assignments.is_empty()
            || o.restates.is_some()
            || duty_sections.contains(top)
        {
            continue;
        }
        let Some(heading) = restated_heading(plan, &o.id, &words(&o.text), &parts) else {
            continue;
        };
        let below = format!("{heading}.");
        let rows: Vec<usize> = plan
            .obligations
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                is_row(r)
                    && (!r.assignments.is_empty() || r.deadline.is_some())
                    && r.section
                        .as_deref()
                        .is_some_and(|s| s == heading || s.starts_with(&below))
            })
            .map(|(i, _)| i)
            .collect();
        if rows.len() >= 2 {
            out.push((bi, rows));
        }
    }
    out
}

/// The rows an appendix splits body item "II.N" into: rows "N.1", "N.2",
/// … with no row "N" (Phan Thiết's item 12, its province plan and its
/// human-rights half, over rows 12.1 and 12.2), each sharing
/// [`MIN_ORDINAL`] of its words with the item (numbering and text agree,
/// as for [`ordinal_row`]). The item carries them all ([`carry_rows`]):
/// no one row restates it.
fn split_rows(plan: &Plan, id: &str, own: &Words) -> Option<Vec<usize>> {
    let mut parts = id.split('.');
    let (Some(_), Some(n), None) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let n: u32 = n.parse().ok()?;
    let mut whole = false;
    let mut halves = Vec::new();
    for (i, r) in plan.obligations.iter().enumerate() {
        if !is_row(r) || r.assignments.is_empty() {
            continue;
        }
        let nums: Option<Vec<u32>> = r.id.split('.').skip(1).map(|p| p.parse().ok()).collect();
        match nums.as_deref() {
            Some([m]) if *m == n => whole = true,
            Some([m, _]) if *m == n => halves.push(i),
            _ => {}
        }
    }
    let worded = |i: &usize| {
        plan.obligations
            .get(*i)
            .is_some_and(|r| overlap(own, &words(&without_parentheses(&r.text))) >= MIN_ORDINAL)
    };
    (!whole && halves.len() >= 2 && halves.iter().all(worded)).then_some(halves)
}

/// The parts of the appendices, in order: sections right under an
/// appendix root ("PL.A", "PL.B", …).
fn appendix_parts(plan: &Plan) -> Vec<&str> {
    let roots: HashSet<&str> = plan
        .sections
        .iter()
        .filter(|s| s.parent.is_none() && s.id.starts_with("PL"))
        .map(|s| s.id.as_str())
        .collect();
    plan.sections
        .iter()
        .filter(|s| s.parent.as_deref().is_some_and(|p| roots.contains(p)))
        .map(|s| s.id.as_str())
        .collect()
}

/// The heading of rows a lettered body item "II.N.x" restates: one of the
/// headings of part N of the appendix, the one whose words the item's
/// share most ([`overlap`], at least [`MIN_NUMBERED`]); on a tie the one
/// its place names ([`heading_at`]). Numbering proposes, text decides:
/// Khánh Hòa copies Đồng Nai's appendix in order but moves the body's
/// item on complaints from c) to e), so c) "… tố tụng hình sự, thi hành
/// án hình sự" sits at the place of heading III (complaints) and d) "…
/// hỗ trợ bảo vệ các quyền …" at heading IV (criminal procedure). Every
/// heading of the part speaks of "quyền dân sự và chính trị", so the one
/// at the place passes [`MIN_NUMBERED`] however wrong it is; the heading
/// that states the item's own sentence shares more of it, and its rows
/// are the ones that split that sentence into tasks. Text wins over
/// place rather than giving no roles, because the part's headings are
/// the body's items written again: where the words single one out, that
/// one is the restatement. A heading that is itself a row with roles
/// ("III" of one row) competes too: when it wins, the item is that row's
/// ([`link`] compares it with rows), not a group's, and `None` is
/// returned.
fn restated_heading<'a>(plan: &'a Plan, id: &str, own: &Words, parts: &[&str]) -> Option<&'a str> {
    let place = heading_at(id, parts)?;
    let part = place.rsplit_once('.').map(|(p, _)| p)?;
    let below = format!("{part}.");
    let is_direct = |child: &str| {
        child
            .strip_prefix(below.as_str())
            .is_some_and(|rest| !rest.contains('.'))
    };
    // (overlap, at the place, section id or `None` for a row).
    let mut best: Option<(f64, bool, Option<&str>)> = None;
    let headings = plan
        .sections
        .iter()
        .filter(|s| s.parent.as_deref() == Some(part))
        .map(|s| (s.id.as_str(), s.title.as_str(), Some(s.id.as_str())));
    let rows = plan
        .obligations
        .iter()
        .filter(|r| is_row(r) && is_direct(&r.id) && !r.assignments.is_empty())
        .map(|r| (r.id.as_str(), r.text.as_str(), None));
    for (hid, title, section) in headings.chain(rows) {
        let score = overlap(own, &words(title));
        let here = hid == place;
        if score >= MIN_NUMBERED
            && best.is_none_or(|(b, b_here, _)| score > b || score == b && here && !b_here)
        {
            best = Some((score, here, section));
        }
    }
    best.and_then(|(_, _, section)| section)
}

/// The appendix heading a lettered body item's place names: "II.N.x" →
/// the x-th Roman heading of the N-th part ("II.2.đ" → "PL.B.V" when
/// "PL.B" is the second part).
fn heading_at(id: &str, parts: &[&str]) -> Option<String> {
    let mut ids = id.split('.');
    let (_, n, letter) = (ids.next()?, ids.next()?, ids.next()?);
    if ids.next().is_some() {
        return None;
    }
    let n: usize = n.parse().ok()?;
    let mut chars = letter.chars();
    let (c, None) = (chars.next()?, chars.next()) else {
        return None;
    };
    let k = crate::ocr::LIST_LETTERS.chars().position(|l| l == c)?;
    let part = parts.get(n.checked_sub(1)?)?;
    let k = u32::try_from(k + 1).ok()?;
    Some(format!("{part}.{}", super::text::roman_numeral(k)))
}

/// `text` without what it says in parentheses.
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A body item that restates every row of a group of the appendix ("Thống
/// kê, cập nhật cơ sở dữ liệu quốc gia về …; về …" over rows a "… về …" and
/// b "… về …", each with its lead) carries the roles of all the rows, and
/// their deadlines when it states none. It is linked to no one row
/// ([`Obligation::restates`] names one obligation): the rows keep their
/// own obligations, the body item is their sum. Its text words each row,
/// so it is read as a task of its own (the audit compares it as written);
/// compare [`carry_rows`].
///
/// Returns the rows whose deadlines it took (none when it states one).
fn sum_rows(body: &mut Obligation, rows: &[Obligation]) -> Vec<String> {
    let mut assignments: Vec<obligraph_core::Assignment> = Vec::new();
    for a in rows.iter().flat_map(|r| r.assignments.iter()) {
        let same = |b: &obligraph_core::Assignment| b.agency.id == a.agency.id && b.role == a.role;
        match assignments.iter_mut().find(|b| same(b)) {
            Some(b) => b.requested |= a.requested,
            None => assignments.push(a.clone()),
        }
    }
    body.assignments = assignments;
    if body.deadline.is_some() || body.deadline_text.is_some() {
        return Vec::new();
    }
    let mut parts: Vec<obligraph_core::Deadline> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for r in rows {
        if let Some(d) = &r.deadline {
            if !parts.contains(d) {
                parts.push(d.clone());
            }
        }
        if let Some(t) = &r.deadline_text {
            if !texts.contains(t) {
                texts.push(t.clone());
            }
        }
    }
    body.deadline = match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(obligraph_core::Deadline::All { parts }),
    };
    body.deadline_text = (!texts.is_empty()).then(|| texts.join("; "));
    rows.iter()
        .filter(|r| r.deadline.is_some() || r.deadline_text.is_some())
        .map(|r| r.id.clone())
        .collect()
}

/// A body item that states the heading of a group of rows and no roles
/// of its own (see [`heading_links`]) carries the rows' roles, in row
/// order, each agency and role once, and their deadlines when it states
/// none. The roles so carried are the rows', not written at it: it names
/// the rows in [`Obligation::roles_from`], and those whose deadlines it
/// took in [`Obligation::deadline_from`], so that the audit (which counts
/// such a body item at its rows) and others tell them from its own.
pub fn carry_rows(body: &mut Obligation, rows: &[Obligation]) {
    body.deadline_from = sum_rows(body, rows);
    body.roles_from = rows.iter().map(|r| r.id.clone()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_ids() {
        assert_eq!(body_number("II.2-3"), Some(2));
        assert_eq!(body_number("II.6"), Some(6));
        assert_eq!(row_number("PL.2.3"), Some(2));
        assert_eq!(row_number("PL.A.II.1"), None);
        assert_eq!(row_number("II.2"), None);
    }

    #[test]
    fn overlap_of_a_trimmed_restatement() {
        let body = words("Tiếp tục nâng cao hiệu quả thi hành các quy định về bảo đảm quyền, chế độ của người bị bắt, bị tạm giữ, tạm giam, người chấp hành án.");
        let row = words("Tiếp tục nâng cao hiệu quả thi hành các quy định về bảo đảm quyền, chế độ của người bị bắt, người bị áp dụng biện pháp xử lý hành chính");
        assert!(overlap(&body, &row) >= MIN_NUMBERED);
        let other = words(
            "Đẩy mạnh các hoạt động hợp tác quốc tế, đa dạng hóa các hình thức và nội dung hợp tác",
        );
        assert!(overlap(&body, &other) < MIN_NUMBERED);
    }
}
