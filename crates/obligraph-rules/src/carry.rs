//! Whether the derived tasks matched to a parent obligation *carry* it:
//! asymmetric, element by element.
//!
//! The alignment pairs tasks by symmetric similarity; that is right for
//! finding candidates and wrong for deciding coverage: a broad derived task
//! ("Phối hợp nghiên cứu đề xuất hoàn thiện khuôn khổ pháp luật") is
//! similar to every specific parent row about law ("Quyền bầu cử (hoàn
//! thiện các quy định pháp luật về việc hiệp thương …)") without carrying
//! any of them. Here:
//!
//! 1. The parent obligation is split into its **elements** ([`elements_of`]):
//!    clauses, the items of an enumeration ("nhất là …", "như: …"), joint
//!    duties ("báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm").
//! 2. An element is **carried** by a derived task when the task's text
//!    holds enough of the element's terms (syllables and syllable pairs),
//!    each term weighted by how distinctive it is in the *parent* plan
//!    (inverse document frequency): "bầu cử" weighs much, "thực hiện"
//!    nothing. The measure is asymmetric: how much of the parent element is
//!    in the derived text, not how alike the two are.
//! 3. A derived task naming a different **key subject** of the same kind
//!    (another convention, another national decision) carries nothing of
//!    the parent obligation ([`obligraph_vn::subjects`]).
//! 4. Covered = every element carried; partial = some carried; missing =
//!    none (words held below the threshold are the frame tasks share —
//!    the action, "hoàn thiện quy định" — not the parent's content). The verdict's **confidence** grows with
//!    the distance of the deciding element from the thresholds.
//!
//! Every number is in [`crate::params`], with how it was obtained.

use crate::params;
use crate::text::pair_hash;
use obligraph_core::{Obligation, Plan};
use obligraph_vn::subjects::{
    key_subjects, key_subjects_of_lower, Subject, ENUMERATION_MARKERS, LIST_LEAD_INS,
    PERIODIC_REPORT_KINDS, POINTING_WORDS, QUALIFIER_OPENERS, REPORT_KINDS, REPORT_KIND_GROUPS,
    RESPONSIBILITY_WORDS,
};
use rustc_hash::{FxHashMap, FxHashSet};

/// The terms of a text, as ids: canonical syllables (stop words, digits
/// and level words left out, see [`crate::text::tokens`]) and pairs of
/// adjacent syllables, hashed ([`crate::text::term_hashes`]); sorted.
fn term_ids(text: &str) -> Vec<u64> {
    crate::text::term_hashes(text)
}

/// The elements of a task's text, as written (trimmed substrings of it):
/// its clauses (split at ";", at the end of a sentence and at a list's
/// colon), the items of its enumerations (after "nhất là", "như:", "trong
/// đó" …, split at commas), and joint duties ("A và B" where B starts with
/// A's first word). Pieces with fewer than
/// [`params::MIN_ELEMENT_TERMS`] syllables join the piece before them.
/// Two kinds of element are not substrings: a head joined to what follows
/// its parenthesis, and each report of a list of reports written as
/// "báo cáo" and its kind ([`report_series`]).
/// The parenthesis that assigns the task ("(Sở Tư pháp chủ trì …)") is not
/// an element.
pub fn elements_of(text: &str) -> Vec<String> {
    element_parts(text).into_iter().map(|(e, _)| e).collect()
}

/// [`elements_of`], each element with the qualifiers joined to it (a
/// place or a purpose: "trên địa bàn …", "Góp phần nâng cao nhận thức …"),
/// whose words weigh less ([`params::QUALIFIER`]).
fn element_parts(text: &str) -> Vec<(String, Vec<String>)> {
    element_pieces(text, false)
        .into_iter()
        .map(|p| (p.text, p.qualifiers.into_iter().map(|(q, _)| q).collect()))
        .collect()
}

/// An element of a task's text as [`element_pieces`] reads it.
struct ElementPiece {
    /// As written ([`elements_of`]).
    text: String,
    /// Its terms ([`term_ids`] of `text`) when they were asked for and
    /// the element is one piece as read (its words were read then).
    terms: Option<Vec<u64>>,
    /// Its qualifiers ([`element_parts`]), each with its terms when they
    /// were asked for.
    qualifiers: Vec<(String, Option<Vec<u64>>)>,
    /// Its word count ([`crate::text::word_count`]) when it is one piece
    /// as read.
    words: Option<usize>,
}

/// [`element_parts`], with the terms ([`term_ids`]) of the elements and
/// qualifiers that are pieces as read when `terms` is set: each piece's
/// words are read once, for its count and its terms.
fn element_pieces(text: &str, terms: bool) -> Vec<ElementPiece> {
    use std::borrow::Cow;
    let text = obligraph_vn::lexicon::without_roles(text);
    let mut pieces: Vec<Cow<'_, str>> = Vec::new();
    // "Công an quận: Chủ trì, phối hợp …": the body the task is given to,
    // written as a label, is who does it, not what is done.
    let text: Cow<'_, str> = match text.split_once(": ") {
        Some((label, rest)) if is_agency_label(label) => Cow::Owned(rest.to_string()),
        _ => text,
    };
    // "Các phòng, ban, ngành, địa phương được giao nhiệm vụ có trách nhiệm
    // tổ chức tuyên truyền …": the bodies a task is given to, as the
    // subject of its sentence, are who does it too.
    let text: Cow<'_, str> = match after_answering_subject(&text) {
        Some(rest) => Cow::Owned(rest.to_string()),
        None => text,
    };
    // "Quyền lập hội (hoàn thiện các quy định …; đăng ký thành lập hội; …)":
    // a short subject with its details in parentheses. The subject is an
    // element of its own (a derived row keeping "Quyền lập hội" and
    // dropping the details carries the task in part); the details are
    // split as clauses. A time before the parenthesis ("Định kỳ hằng năm
    // (trước ngày 01/11) báo cáo …") is when the duty falls due, not its
    // subject.
    let (label, text): (Option<&str>, &str) = match text.find(" (") {
        Some(at)
            if at > 0
                && !text[..at].contains([';', '.', ':', '('])
                && (params::MIN_ELEMENT_TERMS..=params::LABEL_MAX_TERMS)
                    .contains(&crate::text::token_count(&text[..at]))
                && obligraph_vn::deadline_phrase::parse_deadline(
                    &text[..at],
                    &Default::default(),
                )
                .is_none() =>
        {
            (Some(&text[..at]), &text[at + 2..])
        }
        _ => (None, &text[..]),
    };
    pieces.extend(label.map(Cow::Borrowed));
    for clause in split_bullets(text)
        .into_iter()
        .flat_map(|b| split_keep(b, CLAUSE_ENDS))
    {
        // Two or more numbered items in one clause ("(1) …, (2) … và (3)
        // …"): one element each, after the clause's own words.
        if let Some((frame, items)) = numbered_items(clause).filter(|(_, i)| i.len() > 1) {
            pieces.push(Cow::Borrowed(frame));
            pieces.extend(items.into_iter().map(Cow::Borrowed));
            continue;
        }
        let lower = obligraph_vn::normalize::lowercase(clause);
        // The first enumeration marker: its head stays whole, its tail is
        // split at commas.
        let marker = obligraph_vn::subjects::first_enumeration_marker(&lower);
        match marker {
            Some((at, len)) if clause.is_char_boundary(at) && clause.is_char_boundary(at + len) => {
                let head = clause.get(..at).unwrap_or("");
                let tail = clause.get(at + len..).unwrap_or("");
                // A marker inside a parenthesis lists up to its end; what
                // follows the parenthesis belongs with the head ("tới người
                // dân (bao gồm cả người bị tạm giữ, tạm giam) để nâng cao
                // hiểu biết …").
                let open = head
                    .rfind('(')
                    .filter(|o| head.rfind(')').is_none_or(|c| c < *o));
                let close = open.and_then(|_| tail.find(')'));
                match (open, close) {
                    (Some(o), Some(c)) => {
                        let rest = tail.get(c + 1..).unwrap_or("").trim();
                        let head = head.get(..o).unwrap_or("").trim_end();
                        // Another enumeration after the parenthesis
                        // (", đặc biệt là cho …"): its items stand apart.
                        if let Some(items) = after_marker(rest.trim_start_matches([',', ' '])) {
                            pieces.push(Cow::Borrowed(head));
                            pieces.extend(
                                list_items(tail.get(..c).unwrap_or(""))
                                    .into_iter()
                                    .map(Cow::Borrowed),
                            );
                            pieces.extend(list_items(items).into_iter().map(Cow::Borrowed));
                            continue;
                        }
                        let joined = if rest.is_empty() {
                            Cow::Borrowed(head)
                        } else {
                            Cow::Owned(format!("{head} {rest}"))
                        };
                        pieces.push(joined);
                        pieces.extend(
                            list_items(tail.get(..c).unwrap_or(""))
                                .into_iter()
                                .map(Cow::Borrowed),
                        );
                    }
                    _ => {
                        pieces.extend(joint_duties(head).into_iter().map(Cow::Borrowed));
                        pieces.extend(list_items(tail).into_iter().map(Cow::Borrowed));
                    }
                }
            }
            _ => {
                for duty in joint_duties(clause) {
                    match report_series(duty) {
                        Some(reports) => pieces.extend(reports),
                        None => pieces.push(Cow::Borrowed(duty)),
                    }
                }
            }
        }
    }
    let mut out: Vec<ElementPiece> = Vec::new();
    for p in &pieces {
        // A clause opening with its item number ("(ii) số liệu …", after a
        // "; "): the number is not what the item asks.
        let p = p.trim_start();
        let p = item_number_len(p).and_then(|n| p.get(n..)).unwrap_or(p);
        let p = p.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '-' | '+' | '*' | '(' | ')')
        });
        // A marker left at the head of a piece ("đặc biệt là cho các nhóm
        // …" after a parenthesis took the first marker) is the list's
        // frame, not what the item asks.
        // (The piece in lower case is read three times below: made once.)
        let lower = obligraph_vn::normalize::lower_nfc(p);
        // So is a word pointing at the item after it ("lưu ý nhóm người
        // khuyết tật").
        let (mut p, mut lower) = (p, lower);
        for words in [ENUMERATION_MARKERS, POINTING_WORDS] {
            if let Some(rest) = after_word_in(p, &lower, words) {
                p = rest.trim_start();
                lower = obligraph_vn::normalize::lower_nfc(p);
            }
        }
        // A bare lead-in ("lưu ý" before "- Tăng cường …") asks nothing.
        if p.is_empty() || LIST_LEAD_INS.contains(&lower.as_str()) {
            continue;
        }
        let (n, piece_terms) = if terms {
            let (n, t) = crate::text::word_count_and_terms_of_lower(&lower);
            (n, Some(t))
        } else {
            (crate::text::word_count_of_lower(&lower), None)
        };
        // A place or purpose ("trên địa bàn", "nhằm …") qualifies the piece
        // before it; it is not a duty of its own. So does a piece that
        // says only when ("giai đoạn I: từ năm 2021 đến năm 2025" after a
        // programme's name): the deadline rules read dates.
        let qualifier = QUALIFIER_OPENERS.iter().any(|q| lower.starts_with(q))
            || !out.is_empty() && obligraph_vn::deadline_phrase::says_only_when(p);
        match out.last_mut() {
            Some(last) if n < params::MIN_ELEMENT_TERMS || qualifier => {
                last.text.push_str(", ");
                last.text.push_str(p);
                last.terms = None;
                last.words = None;
                if qualifier {
                    last.qualifiers.push((p.to_string(), piece_terms));
                }
            }
            _ => out.push(ElementPiece {
                text: p.to_string(),
                terms: piece_terms,
                qualifiers: Vec::new(),
                words: Some(n),
            }),
        }
    }
    // A first piece too short to stand alone joins the next.
    if out.len() > 1 {
        let n = out[0]
            .words
            .unwrap_or_else(|| crate::text::word_count(&out[0].text));
        if n < params::MIN_ELEMENT_TERMS {
            let first = out.remove(0);
            let mut q = first.qualifiers;
            if let Some(next) = out.first_mut() {
                next.text = format!("{} {}", first.text, next.text);
                next.terms = None;
                next.words = None;
                q.append(&mut next.qualifiers);
                next.qualifiers = q;
            }
        }
    }
    out
}

/// What follows the words of answering ("có trách nhiệm", "chịu trách
/// nhiệm": [`RESPONSIBILITY_WORDS`]) that close the subject of `text`'s
/// first sentence, when that subject is a body the agency table knows
/// ("Các phòng, ban, ngành, địa phương được giao nhiệm vụ", "Sở Y tế");
/// `None` otherwise.
fn after_answering_subject(text: &str) -> Option<&str> {
    let lower = obligraph_vn::normalize::lower_nfc(text);
    if lower.len() != text.len() {
        return None;
    }
    let (at, len) = RESPONSIBILITY_WORDS
        .iter()
        .filter_map(|w| lower.find(w).map(|at| (at, w.len())))
        .min()?;
    let subject = text.get(..at)?;
    if subject.trim().is_empty() || subject.contains([';', '.', ':', '(']) {
        return None;
    }
    is_agency_label(subject)
        .then(|| text.get(at + len..))
        .flatten()
}

/// What follows an enumeration marker `text` opens with ("đặc biệt là cho
/// …" → "cho …"), `None` when it opens with none.
fn after_marker(text: &str) -> Option<&str> {
    after_word_in(
        text,
        &obligraph_vn::normalize::lower_nfc(text),
        ENUMERATION_MARKERS,
    )
}

/// What follows the one of `words` (lower case) that `text` opens with
/// as a word of its own, `lower` being `text` in lower case; `None` when
/// it opens with none, or when lowering changed the text's length (the
/// place in `lower` is then not the place in `text`).
fn after_word_in<'t>(text: &'t str, lower: &str, words: &[&str]) -> Option<&'t str> {
    if lower.len() != text.len() {
        return None;
    }
    words
        .iter()
        .find(|m| lower.strip_prefix(**m).is_some_and(|r| r.starts_with(' ')))
        .and_then(|m| text.get(m.len()..))
}

/// The items of an enumeration's tail, split at commas; a bare verb
/// before a long piece ("nghiên cứu, hoàn thiện các quy định liên quan
/// đến …") is a series of actions on one object, not an item: it stays
/// with the piece after it.
fn list_items(tail: &str) -> Vec<&str> {
    if let Some((_, items)) = numbered_items(tail) {
        return items;
    }
    // A tail opening with a verb ("trong đó, ưu tiên tổ chức tuyên
    // truyền, phổ biến chuyên sâu …") is a clause, not a list: its commas
    // join a verb's objects and pairs of verbs.
    let opening = tail.trim_start_matches([',', ':', ' ']);
    if obligraph_vn::lexicon::opens_with_task_verb(&obligraph_vn::normalize::lower_nfc(opening)) {
        return vec![tail];
    }
    let mut out: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    let parts: Vec<&str> = tail.split([',', ';']).collect();
    // Each part's syllables, counted once (each is read as a part and as
    // the part after the one before).
    let syllables: Vec<usize> = parts.iter().map(|p| crate::text::word_count(p)).collect();
    for (i, p) in parts.iter().enumerate() {
        let from = *start.get_or_insert(at);
        let end = at + p.len();
        let next_long = syllables
            .get(i + 1)
            .is_some_and(|n| *n >= params::SERIES_OBJECT);
        if !(syllables.get(i).copied().unwrap_or(0) < params::MIN_ELEMENT_TERMS + 1 && next_long) {
            out.push(tail.get(from..end).unwrap_or(""));
            start = None;
        }
        at = end + 1;
    }
    if let Some(from) = start {
        out.push(tail.get(from..).unwrap_or(""));
    }
    out
}

/// The items of a numbered enumeration ("chú trọng tới (i) số liệu về
/// khiếu nại, tố cáo, khởi kiện …; (ii) …", "(1) …, (2) …", "a) …, b) …"):
/// each item runs from its number to the next, commas and all; the
/// words before the first number are the list's frame, returned first.
/// `None` when `tail` holds no item number.
fn numbered_items(tail: &str) -> Option<(&str, Vec<&str>)> {
    // Every item number ends in ") ": most texts have none, and are not
    // walked.
    if !tail.contains(") ") {
        return None;
    }
    let starts: Vec<usize> = tail
        .char_indices()
        .filter(|&(at, c)| {
            (c == '(' || c.is_alphanumeric())
                && (at == 0 || tail[..at].ends_with(' '))
                && item_number_len(&tail[at..]).is_some()
        })
        .map(|(at, _)| at)
        .collect();
    let first = *starts.first()?;
    // A lone "a)" after many words is more likely a stray letter than a
    // list; a roman or digit in parentheses is always a number.
    if !tail[first..].starts_with('(') && starts.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    for (i, &from) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(tail.len());
        let body = tail[from..end].trim_end_matches([',', ';', ' ']);
        let body = body.strip_suffix(" và").unwrap_or(body);
        let len = item_number_len(body).unwrap_or(0);
        let item = body.get(len..).unwrap_or("").trim();
        if !item.is_empty() {
            out.push(item);
        }
    }
    (!out.is_empty()).then_some((&tail[..first], out))
}

/// The length of the item number `text` opens with and the space after
/// it: "(i) ", "(iv) ", "(2) ", "a) ", "đ) ".
fn item_number_len(text: &str) -> Option<usize> {
    let (inner, close) = match text.strip_prefix('(') {
        Some(rest) => (rest, 1),
        None => (text, 0),
    };
    // A number is at most four characters: look no further (this runs
    // at every word of every parent task's text).
    let end = inner
        .char_indices()
        .take(5)
        .find(|&(_, c)| c == ')')
        .map(|(at, _)| at)
        .filter(|&at| inner[at + 1..].starts_with(' '))?;
    let label = &inner[..end];
    let roman = (1..=4).contains(&label.len()) && label.chars().all(|c| "ivx".contains(c));
    let digits = (1..=2).contains(&label.len()) && label.chars().all(|c| c.is_ascii_digit());
    let letter = label.chars().count() == 1 && label.chars().all(|c| c.is_lowercase());
    (roman || (close == 1 && digits) || letter).then_some(close + end + 2)
}

/// Whether `label` (the words before a task's first colon) names an
/// agency the table knows, or several ("Đề nghị Viện kiểm sát nhân dân
/// quận, Tòa án nhân dân quận").
fn is_agency_label(label: &str) -> bool {
    label.contains(", ") && label.split(", ").all(is_one_agency_label) || is_one_agency_label(label)
}

/// [`is_agency_label`] for one agency.
fn is_one_agency_label(label: &str) -> bool {
    let label = label.trim_start_matches(|c: char| !c.is_alphabetic());
    label.split_whitespace().count() <= params::AGENCY_LABEL_MAX_WORDS
        && !obligraph_vn::agency::resolve_agency(
            label,
            &obligraph_vn::agency::AgencyContext::default(),
        )
        .id
        .starts_with("unresolved:")
}

/// `text` split at bullets flattened into one line (" - Người có thẩm
/// quyền …", " + Cán bộ …": a dash or plus between spaces before a capital
/// letter), as a table cell pulled from a PDF or DOCX reads. A dash before
/// a lower-case word joins words ("kinh tế - xã hội", "đồng tính - song
/// tính") and stays.
fn split_bullets(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, m) in text.match_indices([' ']) {
        let _ = m;
        let rest = &text[at..];
        let bullet = (rest.starts_with(" - ") || rest.starts_with(" + "))
            && rest[3..].chars().next().is_some_and(char::is_uppercase);
        // A dash inside a parenthesis joins names ("(qua Công an quận -
        // Đội Tổng hợp)"): no bullet there.
        // Nor does a dash inside a name ("gửi Phòng Tài chính - Kế hoạch
        // tổng hợp").
        if bullet
            && at > start
            && !inside_parenthesis(&text[..at])
            && !obligraph_vn::agency::dash_joins_name(&text[..at], &text[at + 3..])
        {
            out.push(&text[start..at]);
            start = at + 3;
        }
    }
    out.push(&text[start..]);
    out
}

/// Whether the end of `text` is inside a parenthesis: it opens more than
/// it closes.
fn inside_parenthesis(text: &str) -> bool {
    text.matches('(').count() > text.matches(')').count()
}

/// `text` split after each separator in `seps` (the separator dropped).
/// A bare item number before ". " ("… phân biệt đối xử với: 1. Phụ nữ, …
/// miền núi) 2. Các nhóm …") opens the next item: it goes with the
/// separator, not with the piece before.
fn split_keep<'t>(text: &'t str, seps: &[&str]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // A separator can only start where one of their first characters is:
    // the text is searched for those (this runs on every parent task's
    // text), and only there are the separators tried, in order.
    let firsts: Vec<char> = seps.iter().filter_map(|s| s.chars().next()).collect();
    while let Some(at) = text.get(i..).and_then(|r| r.find(firsts.as_slice())) {
        let at = i + at;
        let rest = text.get(at..).unwrap_or("");
        // A colon inside a parenthesis ("(qua Công an quận, SĐT: 0901 …)",
        // "(Thời gian: …)") ends no clause.
        match seps
            .iter()
            .find(|s| !s.is_empty() && rest.starts_with(**s))
            .filter(|s| {
                let colon_inside =
                    s.starts_with(':') && inside_parenthesis(text.get(start..at).unwrap_or(""));
                let ellipsis = s.starts_with('.') && ellipsis_goes_on(text, at, s.len());
                !colon_inside && !ellipsis
            }) {
            Some(sep) => {
                let piece = text.get(start..at).unwrap_or("");
                let piece = if sep.starts_with('.') {
                    piece
                        .get(..piece.len() - trailing_item_number(piece))
                        .unwrap_or(piece)
                } else {
                    piece
                };
                out.push(piece);
                i = at + sep.len();
                start = i;
            }
            None => i = at + rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(text.get(start..).unwrap_or(""));
    out
}

/// Whether the full stop at byte `at` of `text` (its separator `len`
/// bytes long) closes an ellipsis ("...") that the sentence goes on after,
/// in lower case: "theo các tiêu chí như giới tính, dân tộc, tôn giáo...
/// về tình hình thi hành …" is one clause; the list ends, not the
/// sentence.
fn ellipsis_goes_on(text: &str, at: usize, len: usize) -> bool {
    text.get(..at).is_some_and(|h| h.ends_with(".."))
        && text
            .get(at + len..)
            .and_then(|r| r.trim_start().chars().next())
            .is_some_and(char::is_lowercase)
}

/// The length of the bare item number (one or two digits) that ends
/// `piece` as a word of its own, 0 when there is none or when it is a
/// number a word before it asks for ("lần thứ 4", "khoản 2").
fn trailing_item_number(piece: &str) -> usize {
    let digits = piece.len() - piece.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &piece[..piece.len() - digits];
    let word_before = before.trim_end().rsplit(' ').next().unwrap_or("");
    let counted = obligraph_vn::subjects::NUMBERED_BY
        .iter()
        .any(|w| word_before.eq_ignore_ascii_case(w));
    if (1..=2).contains(&digits) && (before.is_empty() || before.ends_with(' ')) && !counted {
        digits
    } else {
        0
    }
}

/// "A và B" split in two when B starts with a word of A: A's first word
/// ("tổ chức tuyên truyền và tổ chức tập huấn") or a two-syllable word
/// of A ("xây dựng báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm"):
/// two duties sharing a verb or an object, either of which a derived plan
/// can drop. "quyền dân sự và chính trị" stays whole.
fn joint_duties(clause: &str) -> Vec<&str> {
    const AND: &str = " và ";
    let lower = obligraph_vn::normalize::lowercase;
    let mut out = Vec::new();
    let mut rest = clause;
    let mut from = 0;
    while let Some(at) = rest.get(from..).and_then(|r| r.find(AND)).map(|a| a + from) {
        let head = lower(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + AND.len()..).unwrap_or("");
        let mut next = after.split_whitespace().map(lower);
        let (w1, w2) = (
            next.next().unwrap_or_default(),
            next.next().unwrap_or_default(),
        );
        let words: Vec<&str> = head.split_whitespace().collect();
        let shares_verb = words.first() == Some(&w1.as_str());
        let shares_word = words.windows(2).any(|w| w[0] == w1 && w[1] == w2);
        if !w1.is_empty() && (shares_verb || shares_word) {
            out.push(rest.get(..at).unwrap_or(""));
            rest = after;
            from = 0;
        } else {
            from = at + AND.len();
        }
    }
    out.push(rest);
    out
}

/// Where a task's text splits into clauses (each kept with its piece).
const CLAUSE_ENDS: &[&str] = &["; ", ";\n", ". ", ".\n", ": ", ":\n", "\n"];

/// Whether a duty names its parts: one of its clauses holds joint duties
/// ("báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm") or a list of
/// reports ([`report_series`]). A report, plan-making or monitoring duty
/// that names none is carried by a derived duty of its kind; one that
/// names parts is carried part by part.
pub(crate) fn names_parts(text: &str) -> bool {
    let text = obligraph_vn::lexicon::without_roles(text);
    split_bullets(&text)
        .into_iter()
        .flat_map(|b| split_keep(b, CLAUSE_ENDS))
        .any(|clause| {
            let duties = joint_duties(clause);
            duties.len() > 1 || duties.iter().any(|d| report_series(d).is_some())
        })
}

/// "Báo cáo hàng năm, sơ kết, tổng kết về tình hình thực hiện Kế hoạch":
/// reports of several kinds ([`REPORT_KINDS`]) listed after "báo cáo",
/// one element each, since a derived plan can write the annual report and
/// drop the reviews. Each element is one report, "báo cáo" as written and
/// its kind ("Báo cáo sơ kết"): the words "báo cáo" they share weigh as a
/// shared frame ([`params::SHARED_FRAME`]) and the kind decides. `None`
/// when the clause lists no two kinds after "báo cáo".
fn report_series(clause: &str) -> Option<Vec<std::borrow::Cow<'_, str>>> {
    use std::borrow::Cow;
    let lower = obligraph_vn::normalize::lower_nfc(clause);
    // Byte offsets below are taken in `lower` and used in `clause`:
    // lowercasing keeps the length of NFC Vietnamese; anything else is
    // left whole.
    if lower.len() != clause.len() {
        return None;
    }
    // Where the kind `at` opens with starts and ends ("và " allowed
    // before it).
    let kind_at = |at: usize| -> Option<(usize, usize)> {
        let rest = lower.get(at..)?;
        let trimmed = rest.trim_start();
        let mut from = at + rest.len() - trimmed.len();
        if let Some(r) = trimmed.strip_prefix("và ") {
            from += trimmed.len() - r.len();
        }
        let rest = lower.get(from..)?;
        REPORT_KINDS
            .iter()
            .find(|k| {
                rest.strip_prefix(**k)
                    .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',']))
            })
            .map(|k| (from, from + k.len()))
    };
    let parts = list_parts(&lower);
    // The part whose "báo cáo " is followed by a kind, and the run of
    // parts after it that each open with a kind.
    const REPORT: &str = "báo cáo ";
    let Some((first, frame_end)) = parts.iter().enumerate().find_map(|(i, &(a, b))| {
        let at = a + lower.get(a..b)?.rfind(REPORT)? + REPORT.len();
        kind_at(at).map(|_| (i, at))
    }) else {
        return kinds_before_report(clause, &lower);
    };
    // Each kind: where it starts, where its words end, where its part ends.
    let part_end = |i: usize| parts.get(i).map_or(lower.len(), |p| p.1);
    let (a, b) = kind_at(frame_end)?;
    let mut kinds: Vec<(usize, usize, usize)> = vec![(a, b, part_end(first))];
    for (i, &(a, _)) in parts.iter().enumerate().skip(first + 1) {
        match kind_at(a) {
            Some((a, b)) => kinds.push((a, b, part_end(i))),
            None => break,
        }
    }
    if kinds.len() < 2 {
        return None;
    }
    // The last kind ends with its words, unless a period follows them
    // ("tổng kết 05 năm …"): then it keeps the rest of the clause.
    let &(_, last_end, _) = kinds.last()?;
    let after = clause.get(last_end..)?.trim();
    let last_end = if after.starts_with(|c: char| c.is_ascii_digit()) {
        clause.len()
    } else {
        last_end
    };
    // The frame is the words "báo cáo" as written: the verb before them
    // and what the reports are about are the task's, which the pairing
    // weighs; each element is one report.
    let frame = clause.get(frame_end - REPORT.len()..frame_end)?;
    let n = kinds.len();
    kinds
        .into_iter()
        .enumerate()
        .map(|(i, (a, _, end))| {
            // A kind keeps its own period ("sơ kết 03 năm").
            let b = if i + 1 == n { last_end } else { end };
            let kind = clause.get(a..b)?.trim_end_matches([',', ' ']);
            Some(Cow::Owned(format!("{frame}{kind}")))
        })
        .collect()
}

/// The parts of `lower` between commas and " và ", as byte ranges.
fn list_parts(lower: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = lower
        .match_indices(',')
        .chain(lower.match_indices(" và "))
        .map(|(i, sep)| (i, i + sep.len()))
        .collect();
    cuts.sort_unstable();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, j) in cuts {
        if i >= start {
            parts.push((start, i));
            start = j;
        }
    }
    parts.push((start, lower.len()));
    parts
}

/// "Định kỳ 06 tháng và hằng năm báo cáo việc triển khai …": the kinds
/// of [`report_series`] written before "báo cáo" (its verb, with "gửi"
/// allowed between), one element each ("báo cáo 06 tháng", "báo cáo hằng
/// năm"). The kinds run back from the verb, parted by commas and "và";
/// the first may follow the duty's subject when "định kỳ" opens it
/// ("Ủy ban nhân dân các huyện định kỳ 6 tháng, hằng năm báo cáo …").
/// Only when there are two or more. `clause` and `lower` have the same
/// length.
fn kinds_before_report<'c>(clause: &'c str, lower: &str) -> Option<Vec<std::borrow::Cow<'c, str>>> {
    const REPORT: &str = "báo cáo";
    const PERIODIC: &str = "định kỳ ";
    // "định kỳ" after the duty's subject, as a word of its own.
    const OPENS: &str = " định kỳ ";
    let at = lower.find(REPORT)?;
    let before = lower.get(..at)?.trim_end();
    let before = before.strip_suffix("gửi").unwrap_or(before).trim_end();
    let parts = list_parts(before);
    // The kinds, last first, as byte ranges of `clause`.
    let mut kinds: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in parts.iter().rev() {
        let part = before.get(a..b)?;
        let words = part.trim();
        let a = a + (part.len() - part.trim_start().len());
        let kind = words.strip_prefix(PERIODIC).unwrap_or(words);
        if REPORT_KINDS.contains(&kind) {
            kinds.push((a + words.len() - kind.len(), a + words.len()));
            continue;
        }
        // The duty's subject, then "định kỳ" and the first kind.
        let opened = REPORT_KINDS
            .iter()
            .find(|k| words.strip_suffix(**k).is_some_and(|w| w.ends_with(OPENS)));
        if let Some(k) = opened {
            kinds.push((a + words.len() - k.len(), a + words.len()));
        }
        break;
    }
    if kinds.len() < 2 {
        return None;
    }
    kinds.reverse();
    let frame = clause.get(at..at + REPORT.len())?;
    kinds
        .into_iter()
        .map(|(a, b)| {
            Some(std::borrow::Cow::Owned(format!(
                "{frame} {}",
                clause.get(a..b)?
            )))
        })
        .collect()
}

/// One element of a parent obligation, ready to be looked for.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// As written.
    pub(crate) text: std::sync::Arc<str>,
    /// Its terms (ids) with their weights.
    terms: Vec<(u64, f64)>,
    /// Sum of the weights.
    mass: f64,
    /// Its alternatives ("ưu tiên tổ chức … chuyên sâu … hoặc lồng ghép …
    /// trong các chương trình …"): each with its terms (weighted as in the
    /// element) and their sum; a derived task carrying one carries the
    /// element. Empty unless every side of its "hoặc" runs to
    /// [`params::SERIES_OBJECT`] syllables.
    alternatives: Vec<(Vec<(u64, f64)>, f64)>,
    /// Its duties when it joins several with a comma, each opening with
    /// its own verb ("rà soát các văn bản … phù hợp Công ước ICCPR,
    /// nghiên cứu đề xuất sửa đổi, bổ sung …", [`verb_clauses`]): each
    /// with its terms (weighed as in the element) and their sum. Read only
    /// when no one derived task carries the element: two derived tasks
    /// carrying one duty each carry it together ([`carried_by_duties`]).
    /// Empty unless there are two or more.
    duties: Vec<(Vec<(u64, f64)>, f64)>,
    /// The kinds of report it asks for when it asks for a report
    /// ([`report_kinds`]; 0 otherwise): a derived text naming only other
    /// kinds does not carry it ("báo cáo sơ kết hằng năm" for "báo cáo
    /// tổng kết 05 năm").
    report_kinds: u16,
    /// Whether it is for the levels above a commune
    /// ([`obligraph_vn::subjects::above_commune`]): read only when a
    /// commune plan is audited, so worked out then, once.
    above_commune: std::sync::OnceLock<bool>,
    /// Whether the plan repeats it in other obligations
    /// ([`ParentCarry::repeated_elsewhere`]): worked out when first asked,
    /// once (an element belongs to one obligation).
    repeated: std::sync::OnceLock<bool>,
    /// The pieces a copy may leave out ([`left_out_of_copies`]), each as
    /// written with its terms weighed: read when first asked, once (an
    /// audit asks for them per derived plan; the parent's are the same).
    copy_pieces: std::sync::OnceLock<Vec<CopyPiece>>,
    /// Its words in order with their weights and places ([`cut_words_of`]),
    /// for [`cut_from_copies`]: read when first asked, once.
    cut_words: std::sync::OnceLock<Vec<CutWord>>,
}

/// A piece of an element that a copy may leave out
/// ([`left_out_of_copies`]): as written, its terms with their weights in
/// the parent plan, and their sum.
#[derive(Debug, Clone)]
struct CopyPiece {
    text: std::sync::Arc<str>,
    terms: Vec<(u64, f64)>,
    mass: f64,
}

/// Share of `mass` (the sum of `terms`' weights) whose terms `set` holds.
fn share_of(terms: &[(u64, f64)], mass: f64, set: &FxHashSet<u64>) -> f64 {
    let found: f64 = terms
        .iter()
        .filter(|(t, _)| set.contains(t))
        .map(|(_, w)| w)
        .sum();
    found / mass
}

impl Element {
    /// Whether it is for the levels above a commune
    /// ([`obligraph_vn::subjects::above_commune`]).
    pub(crate) fn above_commune(&self) -> bool {
        *self
            .above_commune
            .get_or_init(|| obligraph_vn::subjects::above_commune(&self.text))
    }

    /// Share of this element's weight whose terms `set` holds (of one of
    /// its alternatives' weight, when that is more).
    fn share_in(&self, set: &FxHashSet<u64>) -> f64 {
        self.alternatives
            .iter()
            .filter(|(_, m)| *m > 0.0)
            .map(|(t, m)| share_of(t, *m, set))
            .fold(share_of(&self.terms, self.mass, set), f64::max)
    }

    /// Share, of this element's weight that `other` lacks, whose terms
    /// `set` holds (0 when `other` holds the whole element).
    fn share_beyond(&self, set: &FxHashSet<u64>, other: &FxHashSet<u64>) -> f64 {
        let (found, mass) = self
            .terms
            .iter()
            .filter(|(t, _)| !other.contains(t))
            .fold((0.0, 0.0), |(f, m), (t, w)| {
                (if set.contains(t) { f + w } else { f }, m + w)
            });
        if mass > 0.0 {
            found / mass
        } else {
            0.0
        }
    }
}

/// The parent side: each obligation's elements and key subjects, and the
/// terms' weights in the parent plan.
#[derive(Debug, Clone)]
pub(crate) struct ParentCarry {
    /// The elements of each obligation, read when first asked for
    /// ([`ParentCarry::elements`]): an audit asks for those of the
    /// obligations it has candidates for, often not all.
    elements: Vec<std::sync::OnceLock<Vec<Element>>>,
    /// Each obligation's text, its elements read from it when asked.
    texts: Vec<Box<str>>,
    /// Whether each obligation names its parts ([`names_parts`]), read
    /// when first asked for ([`ParentCarry::names_parts`]).
    names_parts: Vec<std::sync::OnceLock<bool>>,
    /// The terms of the headings each obligation sits under
    /// ([`task_elements`]).
    headings: Vec<FxHashSet<u64>>,
    /// In how many obligations each term is, for its weight
    /// ([`ParentCarry::weight`]).
    df: FxHashMap<u64, u32>,
    /// The key subjects of each obligation (its own, else its section's,
    /// else the plan's when it speaks of "Công ước" without naming it).
    subjects: Vec<Vec<Subject>>,
    /// The key subjects each obligation's own text names.
    own_subjects: Vec<Vec<Subject>>,
    /// Each obligation's terms (ids).
    sets: Vec<FxHashSet<u64>>,
    /// Each obligation's lead agencies (ids, sorted; empty when none is
    /// named).
    leads: Vec<Vec<String>>,
    /// What carrying reads of the derived texts met so far, by text.
    child_terms: crate::text::Memo<ChildText>,
    /// The pairs of adjacent words the plan writes once, by the key of
    /// the pair with one word's marks dropped ([`Slips`]).
    slips: Slips,
    /// The key subjects of derived plans met so far, by title.
    plan_subjects: crate::text::Memo<Vec<Subject>>,
}

/// The key subjects of a plan's title and of the decisions it implements.
pub(crate) fn plan_subjects(plan: &Plan) -> Vec<Subject> {
    let mut s = plan.title.as_deref().map(key_subjects).unwrap_or_default();
    for d in &plan.implements {
        s.extend(key_subjects(&format!(
            "{} {}",
            d.number.as_deref().unwrap_or(""),
            d.title.as_deref().unwrap_or("")
        )));
    }
    s.sort();
    s.dedup();
    s
}

/// The key subjects a text names, and whether it speaks of a convention
/// ("Công ước") without naming one; the text already in lower case and
/// NFC ([`obligraph_vn::normalize::lower_nfc`]).
fn own_subjects_of_lower(lower: &str) -> (Vec<Subject>, bool) {
    let own = key_subjects_of_lower(lower);
    let generic = own.is_empty() && lower.contains("công ước");
    (own, generic)
}

/// The elements of a parent task's text ([`element_parts`]) with their
/// terms weighed: `weight` gives a term's weight in the parent plan,
/// `heading` holds the terms of the headings the task sits under.
fn task_elements(
    text: &str,
    heading: &FxHashSet<u64>,
    weight: &impl Fn(u64) -> f64,
) -> Vec<Element> {
    // (The terms of the pieces read whole come with them.)
    let mut parts = element_pieces(text, true);
    let term_lists: Vec<Vec<u64>> = parts
        .iter_mut()
        .map(|p| p.terms.take().unwrap_or_else(|| term_ids(&p.text)))
        .collect();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let (e, qualifiers) = (part.text, part.qualifiers);
            // The words only its qualifiers hold: where or why, which a
            // derived task carrying the duty need not repeat.
            let qualifier_terms: FxHashSet<u64> = if qualifiers.is_empty() {
                FxHashSet::default()
            } else {
                let main = term_ids(
                    &qualifiers
                        .iter()
                        .fold(e.clone(), |t, (q, _)| t.replacen(q.as_str(), " ", 1)),
                );
                qualifiers
                    .into_iter()
                    .flat_map(|(q, t)| t.unwrap_or_else(|| term_ids(&q)))
                    .filter(|t| main.binary_search(t).is_err())
                    .collect()
            };
            // A term the other elements of the task share is their common
            // frame ("xây dựng báo cáo … năm"), not what tells this element
            // apart.
            let shared = |t: &u64| {
                term_lists
                    .iter()
                    .enumerate()
                    .any(|(j, l)| j != i && l.binary_search(t).is_ok())
            };
            let terms: Vec<(u64, f64)> = term_lists
                .get(i)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|t| {
                    let mut w = weight(*t);
                    if shared(t) || heading.contains(t) {
                        w *= params::SHARED_FRAME;
                    }
                    if qualifier_terms.contains(t) {
                        w *= params::QUALIFIER;
                    }
                    (*t, w)
                })
                .collect();
            let mass = terms.iter().map(|(_, w)| w).sum();
            let alternatives = alternatives_of(&e, &terms);
            let duties = sides_weighed(verb_clauses(&e), &terms);
            let report_kinds = match term_lists.get(i) {
                Some(l) if REPORT_TERM.is_some_and(|r| l.binary_search(&r).is_ok()) => {
                    report_kinds(|t| l.binary_search(&t).is_ok())
                }
                _ => 0,
            };
            Element {
                alternatives,
                duties,
                report_kinds,
                above_commune: std::sync::OnceLock::new(),
                repeated: std::sync::OnceLock::new(),
                copy_pieces: std::sync::OnceLock::new(),
                cut_words: std::sync::OnceLock::new(),
                text: e.into(),
                terms,
                mass,
            }
        })
        .filter(|e| e.mass > 0.0)
        .collect()
}

/// The alternatives of an element joined by "hoặc" (see
/// [`Element::alternatives`]), each with its terms weighed as `terms`
/// weighs them.
fn alternatives_of(text: &str, terms: &[(u64, f64)]) -> Vec<(Vec<(u64, f64)>, f64)> {
    const OR: &str = " hoặc ";
    if !text.contains(OR) {
        return Vec::new();
    }
    // Alternative duties, each opening with its verb ("ưu tiên tổ chức …
    // hoặc lồng ghép …"), not alternative words in a phrase ("đối xử hoặc
    // trừng phạt tàn bạo, vô nhân đạo hoặc hạ nhục con người").
    let sides: Vec<&str> = text.split(OR).collect();
    let duty = |s: &&str| {
        crate::text::word_count(s) >= params::SERIES_OBJECT
            && obligraph_vn::lexicon::opens_with_task_verb(&obligraph_vn::normalize::lower_nfc(
                s.trim_start(),
            ))
    };
    if !sides.iter().all(duty) {
        return Vec::new();
    }
    sides_weighed(sides, terms)
}

/// Each of `sides` (pieces of an element) with its terms weighed as the
/// element's `terms` weighs them, and their sum; empty for fewer than two
/// sides.
fn sides_weighed(sides: Vec<&str>, terms: &[(u64, f64)]) -> Vec<(Vec<(u64, f64)>, f64)> {
    if sides.len() < 2 {
        return Vec::new();
    }
    let weight: FxHashMap<u64, f64> = terms.iter().copied().collect();
    sides
        .into_iter()
        .map(|side| {
            let t: Vec<(u64, f64)> = term_ids(side)
                .into_iter()
                .filter_map(|id| weight.get(&id).map(|w| (id, *w)))
                .collect();
            let mass = t.iter().map(|(_, w)| w).sum();
            (t, mass)
        })
        .collect()
}

/// The duties of a clause that joins them with a comma, each opening with
/// its own verb ("rà soát các văn bản … phù hợp Công ước ICCPR, nghiên cứu
/// đề xuất sửa đổi, bổ sung các quy định …"): split where the words after
/// a comma open a duty ([`obligraph_vn::lexicon::opens_a_duty`]: a task
/// verb, "phối hợp") and both sides run to at least
/// [`params::SERIES_OBJECT`] syllables (a shorter side is a verb of a
/// series on one object: "nghiên cứu, rà soát, góp ý …"). Not
/// elements of their own (a derived task naming both in other words
/// carries the clause whole): see [`Element::duties`].
fn verb_clauses(clause: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in clause.match_indices(", ") {
        let (Some(before), Some(after)) = (clause.get(start..at), clause.get(at + 2..)) else {
            continue;
        };
        // The piece after the comma, up to the next.
        let next = after
            .get(..after.find(", ").unwrap_or(after.len()))
            .unwrap_or(after);
        // (The cheapest test first: most pieces after a comma open no
        // duty, and their words, and those before, are then not counted.)
        if obligraph_vn::lexicon::opens_a_duty(&obligraph_vn::normalize::lower_nfc(next))
            && crate::text::word_count(next) >= params::SERIES_OBJECT
            && crate::text::word_count(before) >= params::SERIES_OBJECT
        {
            out.push(before);
            start = at + 2;
        }
    }
    if !out.is_empty() {
        out.push(clause.get(start..).unwrap_or(clause));
    }
    out
}

/// The matches (indices into `matches`, none of `blocked`) that carry
/// element `e` together, one duty each ([`Element::duties`]), with the
/// least share by which a duty is held; `None` unless every duty is
/// carried, by two matches or more (one match carrying every duty would
/// carry the element itself).
fn carried_by_duties(
    e: &Element,
    matches: &[ChildSide],
    blocked: &[usize],
    carried: f64,
) -> Option<(Vec<usize>, f64)> {
    if e.duties.is_empty() {
        return None;
    }
    let mut by: Vec<usize> = Vec::new();
    let mut least = f64::INFINITY;
    for (terms, mass) in &e.duties {
        if *mass <= 0.0 {
            continue;
        }
        let mut best: Option<(usize, f64)> = None;
        for (i, c) in matches.iter().enumerate() {
            if blocked.contains(&i) {
                continue;
            }
            let share = share_of(terms, *mass, &c.text.terms);
            if share >= carried && best.is_none_or(|(_, b)| share > b) {
                best = Some((i, share));
            }
        }
        let (i, share) = best?;
        least = least.min(share);
        if !by.contains(&i) {
            by.push(i);
        }
    }
    (by.len() >= 2).then(|| {
        by.sort_unstable();
        (by, least)
    })
}

/// An obligation's text as the parent's index read it, for carrying.
pub(crate) struct ReadText {
    /// In lower case and NFC ([`obligraph_vn::normalize::lower_nfc`]).
    pub(crate) lower: String,
    /// Its terms ([`term_ids`]).
    pub(crate) terms: Vec<u64>,
    /// The hashes of its words
    /// ([`crate::text::term_hashes_and_marks_of_lower`]).
    pub(crate) words: Vec<(u64, u64)>,
}

impl ParentCarry {
    /// `read` holds the obligations' texts as read, in order (one for
    /// each obligation).
    pub(crate) fn new(plan: &Plan, mut read: Vec<ReadText>) -> ParentCarry {
        let texts: Vec<Vec<u64>> = read
            .iter_mut()
            .map(|r| std::mem::take(&mut r.terms))
            .collect();
        let mut df: FxHashMap<u64, u32> = FxHashMap::default();
        for t in &texts {
            for term in t {
                *df.entry(*term).or_default() += 1;
            }
        }
        // The terms of each section title, read once: siblings share them.
        let mut title_terms: FxHashMap<&str, Vec<u64>> = FxHashMap::default();
        let headings = plan
            .obligations
            .iter()
            .map(|o| {
                // The headings the task sits under: their words are the
                // frame its siblings share ("Rà soát … pháp luật về chống
                // phân biệt đối xử" above "c) Chống phân biệt đối xử với
                // người khuyết tật"), not what tells this row apart.
                let mut heading: FxHashSet<u64> = FxHashSet::default();
                for s in plan.section_chain(o) {
                    let terms = title_terms
                        .entry(s.title.as_str())
                        .or_insert_with(|| term_ids(&s.title));
                    heading.extend(terms.iter().copied());
                }
                heading
            })
            .collect();
        let ps = plan_subjects(plan);
        // Each obligation's own key subjects, its text read once; when it
        // names none but speaks of a convention, its key subjects are its
        // plan's.
        let (subjects, own_subjects): (Vec<Vec<Subject>>, Vec<Vec<Subject>>) = read
            .iter()
            .map(|r| {
                let (own, generic) = own_subjects_of_lower(&r.lower);
                (if generic { ps.clone() } else { own.clone() }, own)
            })
            .unzip();
        let leads = plan
            .obligations
            .iter()
            .map(|o| {
                let mut l: Vec<String> = o.own_leads().map(|a| a.agency.id.clone()).collect();
                l.sort_unstable();
                l.dedup();
                l
            })
            .collect();
        ParentCarry {
            elements: plan
                .obligations
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            texts: plan
                .obligations
                .iter()
                .map(|o| o.text.as_str().into())
                .collect(),
            names_parts: plan
                .obligations
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            headings,
            df,
            subjects,
            own_subjects,
            sets: texts.into_iter().map(|t| t.into_iter().collect()).collect(),
            leads,
            child_terms: crate::text::Memo::new(params::CHILD_TERMS_MEMO),
            plan_subjects: crate::text::Memo::new(64),
            slips: Slips::read(read),
        }
    }

    /// The weight of `term` in the parent plan: its inverse document
    /// frequency, smoothed, at least [`params::WEIGHT_FLOOR`].
    fn weight(&self, term: u64) -> f64 {
        let n = self.texts.len().max(1) as f64;
        let d = f64::from(self.df.get(&term).copied().unwrap_or(0));
        ((n + 1.0) / (d + 1.0)).ln().max(0.0) + params::WEIGHT_FLOOR
    }

    /// Whether obligation `pi` names its parts ([`names_parts`]), read the
    /// first time it is asked for (every derived plan asks); `false` past
    /// the last obligation.
    pub(crate) fn names_parts(&self, pi: usize) -> bool {
        match (self.names_parts.get(pi), self.texts.get(pi)) {
            (Some(cell), Some(text)) => *cell.get_or_init(|| names_parts(text)),
            _ => false,
        }
    }

    /// The elements of obligation `pi` ([`task_elements`]), read the first
    /// time they are asked for; `None` past the last obligation.
    pub(crate) fn elements(&self, pi: usize) -> Option<&[Element]> {
        let (cell, text, heading) = (
            self.elements.get(pi)?,
            self.texts.get(pi)?,
            self.headings.get(pi)?,
        );
        Some(cell.get_or_init(|| task_elements(text, heading, &|t| self.weight(t))))
    }

    /// Whether parent obligation `j` holds element `e` (at least
    /// `carried` of its weight).
    fn holds(&self, j: usize, e: &Element, carried: f64) -> bool {
        self.sets
            .get(j)
            .is_some_and(|set| e.share_in(set) >= carried)
    }

    /// Whether element `e` of obligation `pi` is an example the plan
    /// repeats: [`params::REPEATED_EXAMPLE_TASKS`] other obligations hold
    /// [`params::REPEATED_EXAMPLE_SHARE`] of it.
    pub(crate) fn repeated_elsewhere(&self, pi: usize, e: &Element) -> bool {
        *e.repeated.get_or_init(|| {
            (0..self.sets.len())
                .filter(|&j| j != pi && self.holds(j, e, params::REPEATED_EXAMPLE_SHARE))
                .take(params::REPEATED_EXAMPLE_TASKS)
                .count()
                >= params::REPEATED_EXAMPLE_TASKS
        })
    }

    /// Whether parent obligations `i` and `j` state one task twice: each
    /// holds every element of the other (a body item and the appendix row
    /// that restates it, whether or not the importer linked them), and
    /// they do not give it to different bodies. Two duties worded alike but
    /// led by bodies that have none in common are two links of a chain
    /// ("the units report to the commune" and "the office compiles and
    /// reports to the province"), not one task written twice.
    fn restate_each_other(&self, i: usize, j: usize, carried: f64) -> bool {
        if let (Some(a), Some(b)) = (self.leads.get(i), self.leads.get(j)) {
            if !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.binary_search(x).is_ok()) {
                return false;
            }
        }
        let all_held = |a: usize, b: usize| {
            self.elements(a)
                .is_some_and(|es| es.iter().all(|e| self.holds(b, e, carried)))
        };
        all_held(i, j) && all_held(j, i)
    }
}

/// The kinds of report ([`REPORT_KIND_GROUPS`]) a text's terms name, as
/// bits in the order of that list; with the periodic kind ("định kỳ"),
/// every kind it stands for ([`PERIODIC_REPORT_KINDS`]).
fn report_kinds(has: impl Fn(u64) -> bool) -> u16 {
    static PERIODIC: std::sync::LazyLock<(u16, u16)> = std::sync::LazyLock::new(|| {
        let (periodic, kinds) = PERIODIC_REPORT_KINDS;
        (
            kind_bit(periodic),
            kinds
                .iter()
                .fold(kind_bit(periodic), |f, k| f | kind_bit(k)),
        )
    });
    static KEYS: std::sync::LazyLock<Vec<(u16, u64)>> = std::sync::LazyLock::new(|| {
        REPORT_KIND_GROUPS
            .iter()
            .enumerate()
            .flat_map(|(bit, (_, phrases))| {
                phrases
                    .iter()
                    .filter_map(move |ph| pair_term(ph).map(|t| (1u16 << bit, t)))
            })
            .collect()
    });
    let (periodic, family) = *PERIODIC;
    let kinds = KEYS
        .iter()
        .filter(|(_, t)| has(*t))
        .fold(0u16, |k, (bit, _)| k | bit);
    if kinds & periodic != 0 {
        kinds | family
    } else {
        kinds
    }
}

/// The kind of report ([`report_kinds`] bits) a duty due every `period`
/// gives: "hằng năm" the annual report, and so on.
fn report_kind_of_period(period: obligraph_core::Period) -> u16 {
    let name = match period {
        obligraph_core::Period::Year => "annual",
        obligraph_core::Period::HalfYear => "six-monthly",
        obligraph_core::Period::Quarter => "quarterly",
        obligraph_core::Period::Month => "monthly",
    };
    kind_bit(name)
}

/// The bit of the kind of report named `name` in [`REPORT_KIND_GROUPS`]
/// (its position there); 0 for a name it does not hold.
fn kind_bit(name: &str) -> u16 {
    REPORT_KIND_GROUPS
        .iter()
        .position(|(n, _)| *n == name)
        .map_or(0, |i| 1u16 << i)
}

/// The kind of report a derived report duty that names none gives by
/// when it is due: every period of a recurring deadline, the annual
/// report for a duty due once in the year ("trước ngày 05/11/2026" in a
/// plan for 2026). 0 when it names a kind, or its deadline says none.
pub(crate) fn report_kind_by_due(c: &Obligation) -> u16 {
    use obligraph_core::Deadline;
    let terms = term_ids(&c.text);
    if report_kinds(|t| terms.binary_search(&t).is_ok()) != 0 {
        return 0;
    }
    match &c.deadline {
        Some(Deadline::Recurring(r)) => report_kind_of_period(r.period),
        Some(Deadline::Once { .. } | Deadline::WithinYear { .. }) => {
            report_kind_of_period(obligraph_core::Period::Year)
        }
        _ => 0,
    }
}

/// How derived report duties that name no kind carry a report duty
/// naming two or more reports (`es`, each element a report of its kinds):
/// each carries the report of when it is due (`due`: per match, its kinds
/// by [`report_kind_by_due`]). The level and, per element, the matches
/// carrying it; `None` when the elements are not all reports, or no match
/// carries any.
pub(crate) fn carried_by_due(
    es: &[Element],
    due: &[(usize, u16)],
) -> Option<(Carried, Vec<Vec<usize>>)> {
    if es.len() < 2 || es.iter().any(|e| e.report_kinds == 0) {
        return None;
    }
    let carried_by: Vec<Vec<usize>> = es
        .iter()
        .map(|e| {
            due.iter()
                .filter(|(_, k)| k & e.report_kinds != 0)
                .map(|(i, _)| *i)
                .collect()
        })
        .collect();
    match carried_by.iter().filter(|b| !b.is_empty()).count() {
        0 => None,
        n if n == es.len() => Some((Carried::All, carried_by)),
        _ => Some((Carried::Part, carried_by)),
    }
}

/// The term of the pair of syllables of a two-syllable phrase ("tổng
/// kết"): its one term that is neither syllable alone; `None` when the
/// phrase has no such term (a stop word or a digit in it).
fn pair_term(phrase: &str) -> Option<u64> {
    let single: Vec<u64> = phrase.split_whitespace().flat_map(term_ids).collect();
    let pair: Vec<u64> = term_ids(phrase)
        .into_iter()
        .filter(|t| !single.contains(t))
        .collect();
    match pair.as_slice() {
        [t] => Some(*t),
        _ => None,
    }
}

/// The term of "báo cáo": an element holding it asks for a report.
static REPORT_TERM: std::sync::LazyLock<Option<u64>> =
    std::sync::LazyLock::new(|| pair_term("báo cáo"));

/// Whether a report element of kinds `parent` and a derived text naming
/// kinds `child` ask for different reports: both name a kind and share
/// none.
fn other_report(parent: u16, child: u16) -> bool {
    parent != 0 && child != 0 && parent & child == 0
}

/// What carrying reads of a derived text: its terms, the key subjects it
/// names, whether it speaks of a convention without naming one, the kinds
/// of report it names ([`report_kinds`]), the items of its plan it points
/// back at for a list ([`obligraph_vn::subjects::list_pointers`]).
#[derive(Debug)]
pub(crate) struct ChildText {
    report_kinds: u16,
    terms: FxHashSet<u64>,
    own: Vec<Subject>,
    generic: bool,
    pointers: Vec<obligraph_vn::subjects::ListPointer>,
}

/// The derived side of one match: its terms and key subjects.
#[derive(Clone)]
pub(crate) struct ChildSide {
    text: std::sync::Arc<ChildText>,
    plan_level: std::sync::Arc<Vec<Subject>>,
}

/// Words the parent plan writes once, that a derived text writes with
/// other marks in the same place ("Bổ trí nguồn lực" in the parent, "Bố trí
/// nguồn lực" in the derived task; "người dân đề nâng cao" and "để nâng
/// cao"): a slip of the keyboard on one side. The derived text is read as
/// holding the parent's terms of that spelling, so a slip weighs nothing
/// in carrying.
///
/// A pair of adjacent words (as written, stop words kept) is a slip's
/// place when the parent plan writes it once and the derived text does not
/// write it, while the derived text writes the same three words around it
/// with the one at the pair's edge differing only in its marks
/// ([`obligraph_vn::normalize::without_marks`]): "đề nâng cao" / "để nâng
/// cao", "Bổ trí nguồn" / "Bố trí nguồn". Two words alone are not enough:
/// "gia định" (of "tham gia định kỳ") and "gia đình" are both right.
/// Pairs the parent writes more than once are its spelling, not a slip.
#[derive(Debug, Clone, Default)]
struct Slips {
    /// By [`slip_key`] (three words, the one at an edge unmarked): the
    /// pair's key ([`pair_hash`]), the key of the pair the word that may be
    /// a slip makes with its other neighbour (none at the text's edge), and
    /// where the pair is written (the text, the pair's first word).
    by_key: FxHashMap<u64, Vec<Place>>,
    /// The parent's texts, lower case (a pair is written out from them
    /// only where a slip's place is found in a derived text: rarely).
    texts: Vec<Box<str>>,
}

/// A slip's place ([`Slips::by_key`]).
type Place = (u64, Option<u64>, u32, u32);

/// The key of three adjacent words, the first (`edge` 1) or the last
/// (`edge` 2) by its form without marks.
fn slip_key(a: u64, b: u64, c: u64, edge: u64) -> u64 {
    pair_hash(pair_hash(a, b), c).rotate_left(7) ^ edge.wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

impl Slips {
    /// The pairs `texts` (a plan's obligations) write once, by the three
    /// words around each.
    #[cfg(test)]
    fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Slips {
        Slips::read(
            texts
                .map(|t| {
                    let lower = obligraph_vn::normalize::lower_nfc(t);
                    let (terms, words) = crate::text::term_hashes_and_marks_of_lower(&lower);
                    ReadText {
                        lower,
                        terms,
                        words,
                    }
                })
                .collect(),
        )
    }

    /// [`Slips::of`] the texts as read.
    fn read(read: Vec<ReadText>) -> Slips {
        let mut texts: Vec<Box<str>> = Vec::with_capacity(read.len());
        let mut words = Vec::with_capacity(read.len());
        for r in read {
            texts.push(r.lower.into_boxed_str());
            words.push(r.words);
        }
        let mut count: FxHashMap<u64, u32> = FxHashMap::default();
        for w in words.iter().flat_map(|w| w.windows(2)) {
            if let [(x, _), (y, _)] = w {
                *count.entry(pair_hash(*x, *y)).or_default() += 1;
            }
        }
        let once = |k: Option<u64>| k.is_none_or(|k| count.get(&k) == Some(&1));
        let mut by_key: FxHashMap<u64, Vec<Place>> = FxHashMap::default();
        for (t, w) in words.iter().enumerate() {
            let t = u32::try_from(t).unwrap_or(u32::MAX);
            for (i, win) in w.windows(3).enumerate() {
                let [(xh, xu), (yh, _), (zh, zu)] = win else {
                    continue;
                };
                // The word that may be a slip with its other neighbour: a
                // slip is written once beside each ("bảo vệ các" is no slip
                // for "về các", as "bảo vệ" is written again and again).
                let before = i
                    .checked_sub(1)
                    .and_then(|k| w.get(k))
                    .map(|(v, _)| pair_hash(*v, *xh));
                let after = w.get(i + 3).map(|(v, _)| pair_hash(*zh, *v));
                let at = u32::try_from(i).unwrap_or(u32::MAX);
                // The pair "x y" with "z" after it, and "y z" with "x" before.
                if once(Some(pair_hash(*xh, *yh))) && once(before) {
                    by_key.entry(slip_key(*xu, *yh, *zh, 1)).or_default().push((
                        pair_hash(*xh, *yh),
                        before,
                        t,
                        at,
                    ));
                }
                if once(Some(pair_hash(*yh, *zh))) && once(after) {
                    by_key.entry(slip_key(*xh, *yh, *zu, 2)).or_default().push((
                        pair_hash(*yh, *zh),
                        after,
                        t,
                        at.saturating_add(1),
                    ));
                }
            }
        }
        Slips { by_key, texts }
    }

    /// The pair written at `word` of the parent's text `text`, as written.
    fn pair_at(&self, text: u32, word: u32) -> Option<String> {
        let lower = self.texts.get(text as usize)?;
        let words = crate::text::marked_words_of_lower(lower);
        let at = word as usize;
        Some(format!("{} {}", words.get(at)?.0, words.get(at + 1)?.0))
    }

    /// The terms of the parent's spelling at each slip's place in a
    /// derived text (its `words`, [`crate::text::marked_words_of_lower`])
    /// that its own spelling lacks.
    fn respelt(&self, words: &[crate::text::MarkedWord<'_>]) -> Vec<u64> {
        if self.by_key.is_empty() {
            return Vec::new();
        }
        // The derived text's own pairs, read where a slip's place is found
        // (rarely: most texts have none).
        let mut own: Option<FxHashSet<u64>> = None;
        let mut out = Vec::new();
        for w in words.windows(3) {
            let [(xs, xh, xu), (ys, yh, _), (zs, zh, zu)] = w else {
                continue;
            };
            // (The derived text's own pair is written out only where a
            // slip's place is found: rarely.)
            let places = [
                (slip_key(*xu, *yh, *zh, 1), (xs, ys)),
                (slip_key(*xh, *yh, *zu, 2), (ys, zs)),
            ];
            for (key, (a, b)) in places {
                for (pair, other, text, word) in self.by_key.get(&key).into_iter().flatten() {
                    let own = own.get_or_insert_with(|| {
                        words
                            .windows(2)
                            .filter_map(|w| match w {
                                [(_, x, _), (_, y, _)] => Some(pair_hash(*x, *y)),
                                _ => None,
                            })
                            .collect()
                    });
                    // The parent's spelling is the derived text's too, or
                    // makes a word the derived text writes with its other
                    // neighbour ("nâng cao hiểu biết" is no slip for "nâng
                    // cao hiệu quả" in a text that writes "hiểu biết").
                    if own.contains(pair) || other.is_some_and(|o| own.contains(&o)) {
                        continue;
                    }
                    let Some(text) = self.pair_at(*text, *word) else {
                        continue;
                    };
                    let theirs = term_ids(&format!("{a} {b}"));
                    out.extend(
                        term_ids(&text)
                            .into_iter()
                            .filter(|t| theirs.binary_search(t).is_err()),
                    );
                }
            }
        }
        out
    }
}

impl ChildSide {
    /// This side, also holding the terms of `pointed`: the items its text
    /// points back at for a list ("nạn nhân của các hành vi nêu tại mục 4
    /// phần này", [`obligraph_vn::subjects::list_pointers`]), whose words
    /// it carries as if written out. Its key subjects and kinds of report
    /// stay its own.
    pub(crate) fn with_pointed(self, pointed: &[ChildSide]) -> ChildSide {
        if pointed.is_empty() {
            return self;
        }
        let mut terms = self.text.terms.clone();
        for p in pointed {
            terms.extend(p.text.terms.iter().copied());
        }
        ChildSide {
            text: std::sync::Arc::new(ChildText {
                report_kinds: self.text.report_kinds,
                terms,
                own: self.text.own.clone(),
                generic: self.text.generic,
                pointers: self.text.pointers.clone(),
            }),
            plan_level: self.plan_level,
        }
    }

    /// The items of its plan the derived text points back at for a list
    /// (read with its text, kept by text).
    pub(crate) fn pointers(&self) -> &[obligraph_vn::subjects::ListPointer] {
        &self.text.pointers
    }

    fn subjects(&self) -> &[Subject] {
        if self.text.generic {
            &self.plan_level
        } else {
            &self.text.own
        }
    }
}

impl ParentCarry {
    /// The derived obligation `c` of `plan` as carrying sees it: its text
    /// and expected output (kept by text for the next derived plan that
    /// copies it).
    pub(crate) fn child_side(
        &self,
        c: &Obligation,
        plan_level: &std::sync::Arc<Vec<Subject>>,
    ) -> ChildSide {
        let with_output;
        let key = match &c.output {
            Some(out) => {
                with_output = format!("{}\u{1f}{out}", c.text);
                with_output.as_str()
            }
            None => c.text.as_str(),
        };
        let text = self.child_terms.get_or_insert_with(key, || {
            // (The text lowered once, for its terms and its subjects.)
            let lower = obligraph_vn::normalize::lower_nfc(&c.text);
            let (hashes, words) = crate::text::term_hashes_and_marked_words_of_lower(&lower);
            let mut terms: FxHashSet<u64> = hashes.into_iter().collect();
            terms.extend(self.slips.respelt(&words));
            if let Some(out) = &c.output {
                terms.extend(term_ids(out));
            }
            let (own, generic) = own_subjects_of_lower(&lower);
            ChildText {
                report_kinds: report_kinds(|t| terms.contains(&t)),
                terms,
                own,
                generic,
                pointers: obligraph_vn::subjects::list_pointers_of_lower(&lower),
            }
        });
        ChildSide {
            text,
            plan_level: std::sync::Arc::clone(plan_level),
        }
    }

    /// The key subjects of a derived plan's title and of the decisions it
    /// implements (kept by title and decisions).
    pub(crate) fn plan_subjects(&self, plan: &Plan) -> std::sync::Arc<Vec<Subject>> {
        let mut key = plan.title.clone().unwrap_or_default();
        for d in &plan.implements {
            key.push('\u{1f}');
            key.push_str(d.number.as_deref().unwrap_or(""));
        }
        self.plan_subjects
            .get_or_insert_with(&key, || plan_subjects(plan))
    }
}

/// Whether parent and derived name different key subjects of one kind,
/// and none in common of that kind.
fn contradicts(p: &[Subject], c: &[Subject]) -> bool {
    p.iter().any(|ps| {
        let same_kind: Vec<&Subject> = c.iter().filter(|cs| cs.kind == ps.kind).collect();
        !same_kind.is_empty()
            && !p
                .iter()
                .filter(|x| x.kind == ps.kind)
                .any(|x| same_kind.contains(&x))
    })
}

/// Share of `e`'s weight found in `c`.
fn held(e: &Element, c: &ChildSide) -> f64 {
    if other_report(e.report_kinds, c.text.report_kinds) {
        return 0.0;
    }
    e.share_in(&c.text.terms)
}

/// How one parent obligation is carried.
#[derive(Debug, Clone)]
pub(crate) struct Verdict {
    /// Carried (every element), partial, or missing (`None` when nothing
    /// carries any element).
    pub(crate) level: Carried,
    /// Per element: the matches (indices into the slice given) that carry
    /// it.
    pub(crate) carried_by: Vec<Vec<usize>>,
    /// Confidence in the verdict, in [0, 1].
    pub(crate) confidence: f64,
    /// Matches blocked by a contradicting key subject.
    pub(crate) blocked: Vec<usize>,
    /// Per element (empty: none): an example of a list other parent
    /// tasks repeat, which no match carries — not asked of this task
    /// ([`ParentCarry::repeated_elsewhere`]).
    pub(crate) repeated: Vec<bool>,
    /// What the matches dropped within carried elements (element index,
    /// as written): a national decision the parent cites beside others
    /// the matches cite ([`dropped_decisions`]).
    pub(crate) dropped: Vec<(usize, std::sync::Arc<str>)>,
}

/// The three outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Carried {
    All,
    Part,
    Nothing,
}

impl Carried {
    /// Order by how much is carried: nothing 0, part 1, all 2.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Carried::Nothing => 0,
            Carried::Part => 1,
            Carried::All => 2,
        }
    }
}

/// A margin turned into a confidence: 0.5 at the threshold, towards 1 as
/// the deciding measure moves away from it (logistic, scale
/// [`params::CONFIDENCE_SCALE`]); to three decimals, as reports give it.
pub(crate) fn confidence(margin: f64) -> f64 {
    let c = 1.0 / (1.0 + (-margin / params::CONFIDENCE_SCALE).exp());
    (c * 1000.0).round() / 1000.0
}

/// The derived sides (indices) that name another key subject than parent
/// obligation `pi` and none of its own of that kind: they carry nothing.
fn blocked_by_subject(pc: &ParentCarry, pi: usize, sides: &[ChildSide]) -> Vec<usize> {
    let psub = pc.subjects.get(pi).map_or(&[][..], Vec::as_slice);
    sides
        .iter()
        .enumerate()
        .filter(|(_, c)| contradicts(psub, c.subjects()))
        .map(|(i, _)| i)
        .collect()
}

/// The verdict on parent obligation `pi` given its matched derived sides.
pub(crate) fn verdict(
    pc: &ParentCarry,
    pi: usize,
    matches: &[ChildSide],
    primary: &[Option<usize>],
    carried: f64,
    commune: bool,
) -> Verdict {
    let elements = pc.elements(pi).unwrap_or(&[]);
    let blocked = blocked_by_subject(pc, pi, matches);
    let mut carried_by = Vec::with_capacity(elements.len());
    // Per element, the best share held by one unblocked match.
    let mut best: Vec<f64> = Vec::with_capacity(elements.len());
    for e in elements {
        let mut by = Vec::new();
        let mut b = 0.0f64;
        for (i, c) in matches.iter().enumerate() {
            if blocked.contains(&i) {
                continue;
            }
            let h = held(e, c);
            b = b.max(h);
            if h >= carried {
                by.push(i);
            }
        }
        // No one match carries it: two carrying one duty each carry it
        // together (a parent task split over two derived items).
        if b < carried {
            if let Some((together, share)) = carried_by_duties(e, matches, &blocked, carried) {
                by = together;
                b = share;
            }
        }
        carried_by.push(by);
        best.push(b);
    }
    if elements.is_empty() {
        // Nothing to look for (a text of stop words): carried when matched.
        let any = matches.len() > blocked.len();
        return Verdict {
            level: if any { Carried::All } else { Carried::Nothing },
            carried_by,
            confidence: 0.5,
            blocked,
            dropped: Vec::new(),
            repeated: Vec::new(),
        };
    }
    // A commune plan is not asked for the parts of a province task that
    // are for the levels above it (unless that is all the task is).
    // (When every element is for the levels above, the task is asked
    // whole.)
    let some_required = elements.iter().any(|e| !(commune && e.above_commune()));
    // An example the parent plan repeats in other tasks ("nhất là các hành
    // vi bức cung, dùng nhục hình, …" under three tasks), left out here:
    // it qualifies each of those tasks, whose own content is elsewhere in
    // them. Never the task's first element (its head).
    let repeated: Vec<bool> = elements
        .iter()
        .zip(&best)
        .enumerate()
        .map(|(ei, (e, b))| ei > 0 && *b < carried && pc.repeated_elsewhere(pi, e))
        .collect();
    let required = |ei: usize, e: &Element| {
        !(repeated.get(ei).copied().unwrap_or(false)
            || commune && e.above_commune() && some_required)
    };
    let deciding: Vec<f64> = if some_required {
        elements
            .iter()
            .zip(&best)
            .enumerate()
            .filter(|(ei, (e, _))| required(*ei, e))
            .map(|(_, (_, b))| *b)
            .collect()
    } else {
        best.iter()
            .zip(&repeated)
            .filter(|(_, r)| !**r)
            .map(|(b, _)| *b)
            .collect()
    };
    let min = deciding.iter().copied().fold(f64::INFINITY, f64::min);
    let max = deciding.iter().copied().fold(0.0, f64::max);
    let own_carried = elements
        .iter()
        .zip(&carried_by)
        .enumerate()
        .any(|(ei, (e, by))| {
            // An element counts as this task's own when a carrier is not
            // the counterpart of another parent task holding it too (a
            // list of examples several tasks share, carried by the task
            // that carries out the other one) — or when the carrier also
            // holds what of the element that other task lacks (two parent
            // tasks merged into one derived task).
            required(ei, e)
                && by.iter().any(|&i| match primary.get(i).copied().flatten() {
                    Some(j) if j != pi => {
                        !pc.holds(j, e, carried)
                            || pc.restate_each_other(pi, j, carried)
                            || matches.get(i).zip(pc.sets.get(j)).is_some_and(|(c, set)| {
                                e.share_beyond(&c.text.terms, set) >= carried
                            })
                    }
                    _ => true,
                })
        });
    let (level, conf) = if max >= carried && !own_carried {
        // Carried only through the counterparts of other parent tasks
        // whose own text holds the same words (a row of a list that
        // another row, or a broad task, also names): the derived plan
        // kept those tasks, not this one. At the threshold: a judgement a
        // reader should check.
        (Carried::Nothing, confidence(0.0))
    } else if min >= carried {
        (Carried::All, confidence(min - carried))
    } else if max < carried {
        // No element carried whole: what is held is words the tasks share
        // (the action, the generic frame), not the parent's content.
        (Carried::Nothing, confidence(carried - max))
    } else {
        (
            Carried::Part,
            confidence((max - carried).min(carried - min)),
        )
    };
    let mut dropped = if level == Carried::Nothing {
        Vec::new()
    } else {
        dropped_decisions(pc, pi, matches, &blocked)
    };
    // Left out of a near-verbatim copy: only read when nothing else is
    // dropped (a partial verdict already names what is).
    let copy_drops = if level == Carried::All && dropped.is_empty() {
        let left = left_out_of_copies(pc, pi, matches, &blocked);
        if left.is_empty() {
            cut_from_copies(pc, pi, matches, &blocked)
        } else {
            left
        }
    } else {
        Vec::new()
    };
    let conf = if copy_drops.is_empty() {
        conf
    } else {
        dropped = copy_drops;
        conf.min(params::COPY_DROP_CONFIDENCE)
    };
    let level = if level == Carried::All && !dropped.is_empty() {
        Carried::Part
    } else {
        level
    };
    // Carried but for examples the plan repeats elsewhere: a reader
    // checks that leaving them out is the body's share, not a dropped
    // part.
    let conf = if level == Carried::All && repeated.iter().any(|r| *r) {
        conf.min(params::REPEATED_EXAMPLE_CONFIDENCE)
    } else if level == Carried::Part
        && best.first().is_some_and(|b| *b < carried)
        && elements.first().is_some_and(|e| required(0, e))
    {
        // Its details carried but not its head: more often a head the
        // derived plan words its own way than one it dropped.
        conf.min(params::HEAD_UNCARRIED_CONFIDENCE)
    } else {
        conf
    };
    Verdict {
        level,
        carried_by,
        confidence: conf,
        blocked,
        dropped,
        repeated,
    }
}

/// The matches not in `blocked` (by index).
fn unblocked<'a>(matches: &'a [ChildSide], blocked: &[usize]) -> Vec<&'a ChildSide> {
    matches
        .iter()
        .enumerate()
        .filter(|(i, _)| !blocked.contains(i))
        .map(|(_, c)| c)
        .collect()
}

/// The pieces of parent obligation `pi`'s elements that the matches
/// left out of a near-verbatim copy: a piece ([`copy_pieces`]) the
/// unblocked matches together hold at most [`params::COPY_PIECE_LEFT`] of,
/// in an element one match holds at least [`params::COPY_NEAR`] of once
/// the pieces left out are set aside ("Rà soát … của các cơ sở giam giữ,
/// trường giáo dưỡng, cơ sở cai nghiện" copied without "trường giáo
/// dưỡng"). A drafter who copies a sentence and cuts words cut them. Not
/// read as pieces: a verb opening a series of actions ("tuyên truyền, phổ
/// biến, …" — writers shorten those as they please), a body (who does it,
/// not what), a time or date ("định kỳ hằng năm": the deadline rules read
/// those), anything under [`params::MIN_ELEMENT_TERMS`] terms.
/// Each with its element's index and as the parent writes it.
fn left_out_of_copies(
    pc: &ParentCarry,
    pi: usize,
    matches: &[ChildSide],
    blocked: &[usize],
) -> Vec<(usize, std::sync::Arc<str>)> {
    let elements = pc.elements(pi).unwrap_or(&[]);
    let open = unblocked(matches, blocked);
    let held = |t: &u64| open.iter().any(|c| c.text.terms.contains(t));
    let mut out = Vec::new();
    for (k, e) in elements.iter().enumerate() {
        let pieces = e.copy_pieces.get_or_init(|| copy_pieces_of(e, pc));
        let left: Vec<&CopyPiece> = pieces
            .iter()
            .filter(|p| {
                let found: f64 = p
                    .terms
                    .iter()
                    .filter(|(t, _)| held(t))
                    .map(|(_, w)| w)
                    .sum();
                found / p.mass <= params::COPY_PIECE_LEFT
            })
            .collect();
        if left.is_empty() {
            continue;
        }
        // The rest of the element, copied: one match holds nearly all of
        // it.
        let left_terms: FxHashSet<u64> = left
            .iter()
            .flat_map(|p| p.terms.iter().map(|(t, _)| *t))
            .collect();
        let rest: Vec<(u64, f64)> = e
            .terms
            .iter()
            .filter(|(t, _)| !left_terms.contains(t))
            .copied()
            .collect();
        let mass: f64 = rest.iter().map(|(_, w)| w).sum();
        let copied = mass > 0.0
            && open
                .iter()
                .any(|c| share_of(&rest, mass, &c.text.terms) >= params::COPY_NEAR);
        if copied {
            out.extend(
                left.into_iter()
                    .map(|p| (k, std::sync::Arc::clone(&p.text))),
            );
        }
    }
    out
}

/// The runs of words of parent obligation `pi`'s elements that the
/// matches cut out of a copy: the words either side of the run are
/// written next to each other in a match, with the words before and after
/// them as the parent writes them, while no match writes the run's first
/// or last word next to its neighbour outside ("trợ giúp pháp lý, tư vấn
/// pháp luật cho nhóm đối tượng …" copied as "trợ giúp pháp lý cho nhóm
/// đối tượng …"; "theo dõi, kiểm tra, tổng hợp" as "theo dõi, tổng hợp").
/// A drafter who joins the words either side of a piece, in a sentence
/// copied around it, cut the piece — however close the rest of the task
/// is (a paraphrase elsewhere in it changes nothing here). Pairs of words
/// are the terms' pairs (stop words, digits and level words left out, so
/// "tỉnh" for "thành phố" and a dropped "và" change nothing).
///
/// Only a run that opens a piece of a list (after a comma, a semicolon,
/// "và" or "hoặc") and holds a word the parent plan rarely writes (weight
/// at least [`params::CUT_DISTINCT_WEIGHT`]) is read: drafters drop
/// "công tác", "thực hiện", "nâng cao nhận thức" inside a phrase as they
/// please. Not read either: runs of fewer than
/// [`params::MIN_ELEMENT_TERMS`] words or over [`params::CUT_MAX_WORDS`],
/// and, as in [`copy_pieces_of`], a run with digits, naming a body or
/// saying when, or opening with a place or purpose. Each with its
/// element's index and as the parent writes it (in lower case where
/// lowering changed the text's length).
fn cut_from_copies(
    pc: &ParentCarry,
    pi: usize,
    matches: &[ChildSide],
    blocked: &[usize],
) -> Vec<(usize, std::sync::Arc<str>)> {
    let open = unblocked(matches, blocked);
    if open.is_empty() {
        return Vec::new();
    }
    let held = |t: u64| open.iter().any(|c| c.text.terms.contains(&t));
    let mut out = Vec::new();
    for (k, e) in pc.elements(pi).unwrap_or(&[]).iter().enumerate() {
        let words = e.cut_words.get_or_init(|| cut_words_of(e, pc));
        let n = words.len();
        let pair = |i: usize, j: usize| match (words.get(i), words.get(j)) {
            (Some(x), Some(y)) => held(pair_hash(x.hash, y.hash)),
            _ => false,
        };
        let mut a = 1;
        while a + 1 < n {
            // Into the run: not written; the pair before it, when there is
            // one, written.
            if !words[a].opens_piece || pair(a - 1, a) || (a >= 2 && !pair(a - 2, a - 1)) {
                a += 1;
                continue;
            }
            let mut cut = None;
            for b in a..(a + params::CUT_MAX_WORDS).min(n - 1) {
                if b > a && pair(b - 1, b) {
                    break;
                }
                let after = b + 2 < n;
                if pair(a - 1, b + 1)
                    && !pair(b, b + 1)
                    && (!after || pair(b + 1, b + 2))
                    && (a >= 2 || after)
                {
                    cut = Some(b);
                    break;
                }
            }
            let Some(b) = cut else {
                a += 1;
                continue;
            };
            let run = &words[a..=b];
            if !run.iter().any(|w| w.weight >= params::CUT_DISTINCT_WEIGHT) {
                a += 1;
                continue;
            }
            if let Some(text) = cut_text(e, run) {
                out.push((k, text));
            }
            a = b + 2;
        }
    }
    out
}

/// A word of an element as [`cut_from_copies`] reads it.
#[derive(Debug, Clone)]
struct CutWord {
    /// Its hash, as in the element's terms.
    hash: u64,
    /// Its weight in the parent plan.
    weight: f64,
    /// Its byte range in the element's text in lower case (none for a
    /// word an abbreviation expands to).
    at: Option<std::ops::Range<usize>>,
    /// Whether it opens a piece of a list: a comma or a semicolon, or
    /// "và" or "hoặc", between it and the word before.
    opens_piece: bool,
}

/// The words of element `e` in order, as [`cut_from_copies`] reads them.
fn cut_words_of(e: &Element, pc: &ParentCarry) -> Vec<CutWord> {
    let lower = obligraph_vn::normalize::lower_nfc(&e.text);
    let words = crate::text::term_words_of_lower(&lower);
    let mut out: Vec<CutWord> = Vec::with_capacity(words.len());
    for (hash, at) in words {
        let opens_piece = match (out.last().and_then(|w| w.at.as_ref()), at.as_ref()) {
            (Some(before), Some(this)) => lower.get(before.end..this.start).is_some_and(|gap| {
                gap.contains([',', ';']) || gap.split_whitespace().any(|w| LIST_JOINS.contains(&w))
            }),
            _ => false,
        };
        out.push(CutWord {
            hash,
            weight: pc.weight(hash),
            at,
            opens_piece,
        });
    }
    out
}

/// The words that join the pieces of a list ([`cut_words_of`]).
const LIST_JOINS: &[&str] = &["và", "hoặc"];

/// The run `run` of element `e`'s words as written, when it is one
/// [`cut_from_copies`] reads as a cut.
fn cut_text(e: &Element, run: &[CutWord]) -> Option<std::sync::Arc<str>> {
    if run.len() < params::MIN_ELEMENT_TERMS {
        return None;
    }
    let (Some(first), Some(last)) = (run.first()?.at.as_ref(), run.last()?.at.as_ref()) else {
        return None;
    };
    let lower = obligraph_vn::normalize::lower_nfc(&e.text);
    let written = if lower.len() == e.text.len() {
        e.text.get(first.start..last.end)?
    } else {
        lower.get(first.start..last.end)?
    };
    let lower_run = lower.get(first.start..last.end)?;
    let skip =
        says_who_or_when(written) || QUALIFIER_OPENERS.iter().any(|q| lower_run.starts_with(q));
    (!skip).then(|| std::sync::Arc::from(written))
}

/// Whether a piece of an element says who or when rather than what: it
/// has digits (a date, a number), names a body, or is a deadline. Neither
/// copy rule reads such a piece as dropped ([`copy_pieces_of`],
/// [`cut_text`]): the rules on leads and deadlines read those.
fn says_who_or_when(piece: &str) -> bool {
    piece.chars().any(|c| c.is_ascii_digit())
        || is_agency_label(piece)
        || obligraph_vn::deadline_phrase::parse_deadline(piece, &Default::default()).is_some()
}

/// The pieces of element `e` a copy may leave out ([`copy_pieces`]), as
/// [`left_out_of_copies`] reads them: not a piece with digits, under
/// [`params::MIN_ELEMENT_TERMS`] words, opening with a task verb, naming a
/// body or saying when; each with its terms weighed in the parent plan.
fn copy_pieces_of(e: &Element, pc: &ParentCarry) -> Vec<CopyPiece> {
    copy_pieces(&e.text)
        .into_iter()
        .filter_map(|(piece, lower)| {
            let (n, terms) = crate::text::word_count_and_terms_of_lower(&lower);
            if n < params::MIN_ELEMENT_TERMS
                || obligraph_vn::lexicon::opens_with_task_verb(&lower)
                || says_who_or_when(piece)
            {
                return None;
            }
            let terms: Vec<(u64, f64)> = terms.into_iter().map(|t| (t, pc.weight(t))).collect();
            let mass: f64 = terms.iter().map(|(_, w)| w).sum();
            (mass > 0.0).then(|| CopyPiece {
                text: std::sync::Arc::from(piece),
                terms,
                mass,
            })
        })
        .collect()
}

/// The pieces of an element's text a copy may leave out one by one
/// ([`left_out_of_copies`]): between commas, semicolons, colons,
/// parentheses, and the words "và", "hoặc", "cũng như"; trimmed, each
/// with its text in lower case and NFC. A place
/// or purpose ([`QUALIFIER_OPENERS`]: "trên địa bàn …", "nhằm …", "góp phần
/// …") qualifies what it follows, which a copy need not repeat: a piece
/// opening with one is none, and one inside a piece ends it.
fn copy_pieces(text: &str) -> Vec<(&str, String)> {
    const JOINS: &[&str] = &[" và ", " hoặc ", " cũng như "];
    text.split([',', ';', ':', '(', ')'])
        .flat_map(|p| split_keep(p, JOINS))
        .filter_map(|p| {
            let p = p.trim();
            let lower = obligraph_vn::normalize::lower_nfc(p);
            // (Where lowering changed the length, a place in `lower` is not
            // one in `p`: the piece is taken whole.)
            let end = if lower.len() == p.len() {
                QUALIFIER_OPENERS
                    .iter()
                    .filter_map(|q| {
                        lower
                            .match_indices(q)
                            .map(|(at, _)| at)
                            .find(|&at| at == 0 || lower[..at].ends_with(' '))
                    })
                    .min()
                    .unwrap_or(p.len())
            } else {
                p.len()
            };
            let piece = p.get(..end).unwrap_or(p).trim_end();
            let lower = lower.get(..piece.len()).unwrap_or(&lower).to_string();
            (!piece.is_empty()).then_some((piece, lower))
        })
        .collect()
}

/// The national decisions parent obligation `pi` cites that its matches
/// leave out while citing another it cites ("lồng ghép … Quyết định số
/// 364/QĐ-TTg, Quyết định số 1079/QĐ-TTg" carried as "lồng ghép … Quyết
/// định số 364/QĐ-TTg"): the derived plan named the parent's decisions
/// one by one and dropped one. Matches that cite none of them are not
/// read (they may name the schemes in words). Each with the element that
/// cites it (else the first) and as the parent writes it.
fn dropped_decisions(
    pc: &ParentCarry,
    pi: usize,
    matches: &[ChildSide],
    blocked: &[usize],
) -> Vec<(usize, std::sync::Arc<str>)> {
    let decision = |s: &&Subject| s.kind == obligraph_vn::subjects::SubjectKind::NationalDecision;
    let cited: Vec<&Subject> = pc
        .own_subjects
        .get(pi)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(decision)
        .collect();
    if cited.len() < 2 {
        return Vec::new();
    }
    let kept = |s: &Subject| {
        matches
            .iter()
            .enumerate()
            .any(|(i, c)| !blocked.contains(&i) && c.text.own.contains(s))
    };
    if !cited.iter().any(|s| kept(s)) {
        return Vec::new();
    }
    let elements = pc.elements(pi).unwrap_or(&[]);
    let mut out: Vec<(usize, std::sync::Arc<str>)> = cited
        .into_iter()
        .filter(|s| !kept(s))
        .map(|s| {
            let (k, written) = elements
                .iter()
                .enumerate()
                .find_map(|(k, e)| {
                    obligraph_vn::subjects::decision_as_written(&e.text, &s.key).map(|w| (k, w))
                })
                .map_or_else(|| (0, s.key.to_uppercase()), |(k, w)| (k, w.to_string()));
            (k, std::sync::Arc::from(written))
        })
        .collect();
    // In the order of their elements: the report inserts each after its
    // element, the last first.
    out.sort_by_key(|(k, _)| *k);
    out
}

/// How derived tasks carry parent obligation `pi` **together**: a body's
/// general duty that the derived plan writes out as that body's tasks by
/// theme ("Sở Tư pháp: … đẩy mạnh công tác tuyên truyền, phổ biến …" over
/// its dissemination, legal-aid and law-review rows). An element is carried
/// when the terms of `sides` taken together hold at least `carried` of it;
/// per element, the sides named are those holding at least
/// [`params::TOGETHER_PART`] of it (the first one holding most, when none
/// does). A side naming another key subject counts for nothing. The
/// confidence is capped at [`params::TOGETHER_CONFIDENCE`]: a verdict from
/// several tasks at once is one a reader should check.
pub(crate) fn verdict_together(
    pc: &ParentCarry,
    pi: usize,
    sides: &[ChildSide],
    carried: f64,
    commune: bool,
) -> Verdict {
    let elements = pc.elements(pi).unwrap_or(&[]);
    let blocked = blocked_by_subject(pc, pi, sides);
    let mut union: FxHashSet<u64> = FxHashSet::default();
    for (i, c) in sides.iter().enumerate() {
        if !blocked.contains(&i) {
            union.extend(c.text.terms.iter().copied());
        }
    }
    let some_required = elements.iter().any(|e| !(commune && e.above_commune()));
    let required = |e: &Element| !(commune && e.above_commune() && some_required);
    let mut carried_by = Vec::with_capacity(elements.len());
    let (mut min, mut max) = (f64::INFINITY, 0.0f64);
    for e in elements {
        let share = e.share_in(&union);
        if required(e) {
            min = min.min(share);
            max = max.max(share);
        }
        let mut by: Vec<(usize, f64)> = sides
            .iter()
            .enumerate()
            .filter(|(i, _)| !blocked.contains(i))
            .map(|(i, c)| (i, held(e, c)))
            .filter(|(_, h)| *h > 0.0)
            .collect();
        by.sort_by(|a, b| b.1.total_cmp(&a.1));
        let named: Vec<usize> = if share < carried {
            Vec::new()
        } else if by.iter().any(|(_, h)| *h >= params::TOGETHER_PART) {
            by.iter()
                .filter(|(_, h)| *h >= params::TOGETHER_PART)
                .map(|(i, _)| *i)
                .collect()
        } else {
            by.first().map(|(i, _)| *i).into_iter().collect()
        };
        carried_by.push(named);
    }
    let (level, margin) = if elements.is_empty() || max < carried {
        (Carried::Nothing, carried - max)
    } else if min >= carried {
        (Carried::All, min - carried)
    } else {
        (Carried::Part, (max - carried).min(carried - min))
    };
    Verdict {
        level,
        carried_by,
        confidence: confidence(margin).min(params::TOGETHER_CONFIDENCE),
        blocked,
        dropped: Vec::new(),
        repeated: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whether_a_parent_duty_names_its_parts_is_read_from_its_own_text() {
        // Kept per parent obligation: each index answers for its own
        // text, asked once or again, in any order. Quảng Trị's wording.
        let mut plan = Plan::default();
        for (id, text) in [
            ("1", "Định kỳ 6 tháng và hằng năm báo cáo sơ kết, tổng kết kết quả thực hiện về Sở Tư pháp"),
            ("2", "Hằng năm báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân tỉnh"),
            ("3", "Xây dựng kế hoạch tuyên truyền và báo cáo kết quả tuyên truyền hằng năm"),
        ] {
            plan.obligations.push(obligraph_core::Obligation::new(id, text));
        }
        let ix = crate::align::ParentIndex::new(&plan);
        for pi in [2, 0, 1, 0, 2] {
            let text = &plan.obligations[pi].text;
            assert_eq!(ix.carry.names_parts(pi), names_parts(text), "{text}");
        }
        assert!(ix.carry.names_parts(0));
        assert!(!ix.carry.names_parts(1));
        assert!(!ix.carry.names_parts(3));
    }

    #[test]
    fn report_kinds_before_the_verb_are_reports() {
        // Session 26: Sở Xây dựng Huế kept the annual report and dropped
        // the six-monthly one; both were one element.
        let e = elements_of(
            "Định kỳ 6 tháng, hằng năm gửi báo cáo kết quả thực hiện về Sở Tư pháp để tổng hợp",
        );
        assert!(e.iter().any(|x| x == "báo cáo 6 tháng"), "{e:?}");
        assert!(e.iter().any(|x| x == "báo cáo hằng năm"), "{e:?}");
        // One kind, or words other than kinds before the verb: one element.
        assert_eq!(
            elements_of("Hằng năm báo cáo kết quả thực hiện về Sở Tư pháp").len(),
            1
        );
        assert!(!elements_of(
            "Các phòng, đơn vị tổng hợp và hằng năm báo cáo kết quả thực hiện về Sở Tư pháp"
        )
        .iter()
        .any(|x| x == "báo cáo hằng năm"));
    }

    #[test]
    fn an_ellipsis_ending_a_list_ends_no_clause() {
        // Session 27: "… theo các tiêu chí như giới tính, dân tộc, tôn
        // giáo... về tình hình thi hành các quyền …" was cut at "... ", so
        // "về tình hình …" stood as an element no derived task writes
        // alone. Another province's wording:
        let e = elements_of(
            "Rà soát, thống kê số liệu theo các nhóm như phụ nữ, trẻ em, người cao tuổi... \
             về việc tiếp cận dịch vụ trợ giúp pháp lý trên địa bàn huyện.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("tiếp cận dịch vụ"), "{e:?}");
        // A sentence that does end there, the next opening in capitals,
        // still ends.
        let e = elements_of(
            "Tổ chức hội nghị, tọa đàm, cuộc thi tìm hiểu... Báo cáo kết quả tổ chức các hoạt động về Ủy ban nhân dân huyện",
        );
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn a_time_before_a_parenthesis_is_no_subject() {
        // Session 26: "Định kỳ hằng năm" was an element of its own, so a
        // commune reporting "trước ngày 20/10 hằng năm" carried the duty
        // in part.
        let e = elements_of(
            "Định kỳ 6 tháng (trước ngày 15/6) gửi báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh",
        );
        assert!(!e.iter().any(|x| x == "Định kỳ 6 tháng"), "{e:?}");
        // A subject before its details still is.
        let e = elements_of(
            "Quyền tự do hội họp (rà soát các quy định về tổ chức hội họp; hướng dẫn việc đăng ký)",
        );
        assert!(e.iter().any(|x| x == "Quyền tự do hội họp"), "{e:?}");
    }

    #[test]
    fn report_kinds_are_read_from_terms() {
        assert!(REPORT_TERM.is_some());
        let kinds = |t: &str| {
            let ids = term_ids(t);
            report_kinds(|x| ids.binary_search(&x).is_ok())
        };
        let annual_review = kinds("báo cáo sơ kết hằng năm");
        let final_review = kinds("báo cáo tổng kết 05 năm");
        assert!(annual_review != 0 && final_review != 0);
        assert!(other_report(final_review, annual_review));
        assert!(!other_report(kinds("báo cáo hàng năm"), annual_review));
        // Periodic is any of the periodic kinds.
        assert!(!other_report(
            kinds("báo cáo định kỳ"),
            kinds("báo cáo hằng quý")
        ));
        assert!(other_report(
            kinds("báo cáo đột xuất"),
            kinds("báo cáo định kỳ")
        ));
        // A text naming no kind contradicts none.
        assert!(!other_report(
            final_review,
            kinds("báo cáo kết quả thực hiện")
        ));
    }

    #[test]
    fn who_does_a_task_is_no_element_of_it() {
        // The subject answering for the task ("… có trách nhiệm", "…
        // chịu trách nhiệm"), a body the table knows, is who does it.
        let e = elements_of(
            "Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm phổ biến Công ước CAT đến người dân; lồng ghép vào sinh hoạt tổ dân phố",
        );
        assert_eq!(e[0], "phổ biến Công ước CAT đến người dân", "{e:?}");
        // Not when what answers is no body: the words stay.
        let e = elements_of(
            "Người đứng đầu cơ sở giam giữ sai phạm có trách nhiệm bồi thường cho nạn nhân",
        );
        assert!(e[0].starts_with("Người đứng đầu"), "{e:?}");
    }

    #[test]
    fn a_request_to_a_long_named_body_is_no_element() {
        // A request to a body with a long name, written as a label.
        let e = elements_of(
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện: Vận động Nhân dân tham gia giám sát việc thực hiện pháp luật về phòng, chống tra tấn",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("Vận động"), "{e:?}");
    }

    #[test]
    fn a_request_to_several_bodies_is_no_element() {
        let e = elements_of(
            "Đề nghị Viện kiểm sát nhân dân huyện, Tòa án nhân dân huyện: Phối hợp tuyên truyền pháp luật về phòng, chống tra tấn trong hoạt động tư pháp",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("Phối hợp"), "{e:?}");
    }

    #[test]
    fn a_colon_inside_a_parenthesis_ends_no_clause() {
        let e = elements_of(
            "Hằng năm gửi thông tin về các hoạt động đã thực hiện, khó khăn, vướng mắc về Ủy ban nhân dân huyện (qua Phòng Tư pháp, SĐT: 0912345678) để tổng hợp, đề xuất hướng giải quyết",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        // Outside a parenthesis a colon still ends a list's lead-in.
        let e = elements_of(
            "Tuyên truyền cho các nhóm sau: người lao động tại khu công nghiệp; học sinh các trường trung học",
        );
        assert!(e.len() >= 2, "{e:?}");
    }

    #[test]
    fn a_dash_inside_a_name_opens_no_item() {
        let e = elements_of(
            "Phòng Tư pháp lập danh sách người được trợ giúp pháp lý gửi Phòng Lao động - Thương binh và Xã hội huyện tổng hợp, trình Ủy ban nhân dân huyện",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        // A list written on one line still splits at its dashes.
        let e = elements_of(
            "Tập huấn cho các nhóm đối tượng sau - Người có thẩm quyền tiến hành tố tụng - Cán bộ quản lý cơ sở giam giữ",
        );
        assert_eq!(e.len(), 3, "{e:?}");
    }

    #[test]
    fn elements_split_clauses_enumerations_and_joint_duties() {
        let e = elements_of(
            "Xây dựng báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm thực hiện Kế hoạch",
        );
        assert_eq!(
            e,
            [
                "Xây dựng báo cáo sơ kết hằng năm",
                "báo cáo tổng kết 05 năm thực hiện Kế hoạch"
            ]
        );
        let e = elements_of("Tuyên truyền, phổ biến pháp luật về quyền con người, nhất là quyền bầu cử, quyền tự do tín ngưỡng, tôn giáo");
        assert_eq!(e.len(), 4, "{e:?}");
        assert_eq!(e[1], "quyền bầu cử");
        let e =
            elements_of("Rà soát văn bản pháp luật (Sở Tư pháp chủ trì; Công an tỉnh phối hợp)");
        assert_eq!(e, ["Rà soát văn bản pháp luật"]);
    }

    #[test]
    fn a_piece_saying_only_when_joins_the_one_before() {
        // Session 21: Đồng Nai's programme row "… giai đoạn I: từ năm 2021
        // đến năm 2025" was judged partial, its phase an element dropped.
        let e = elements_of(
            "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025, giai đoạn I: từ năm 2021 đến năm 2023",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        let e = elements_of("Tổ chức hội nghị sơ kết, trước ngày 15/12/2024");
        assert_eq!(e.len(), 1, "{e:?}");
        // A joint duty that names a span stays a duty.
        let e = elements_of("Xây dựng báo cáo sơ kết 03 năm và báo cáo tổng kết 05 năm");
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn a_clause_after_a_marker_is_one_element() {
        // Not a list: "ưu tiên" opens a clause whose commas join pairs of
        // verbs and a verb's objects.
        let e = elements_of(
            "Phổ biến Luật Trẻ em cho phụ huynh, học sinh; trong đó, ưu tiên tổ chức tuyên truyền, phổ biến tại các thôn, bản vùng sâu, vùng xa.",
        );
        assert_eq!(
            e.last().map(String::as_str),
            Some("ưu tiên tổ chức tuyên truyền, phổ biến tại các thôn, bản vùng sâu, vùng xa"),
            "{e:?}"
        );
        // A list of groups after the same marker still splits.
        let e = elements_of("Phổ biến Luật Trẻ em, trong đó, trẻ em khuyết tật, trẻ em mồ côi");
        assert!(e.iter().any(|x| x == "trẻ em mồ côi"), "{e:?}");
    }

    #[test]
    fn alternatives_are_duties_not_words() {
        let terms =
            |t: &str| -> Vec<(u64, f64)> { term_ids(t).into_iter().map(|i| (i, 1.0)).collect() };
        let duty = "ưu tiên tổ chức hội nghị chuyên đề tại thôn hoặc lồng ghép nội dung trong sinh hoạt định kỳ của thôn";
        assert_eq!(alternatives_of(duty, &terms(duty)).len(), 2);
        let phrase = "phòng, chống tra tấn và các hình thức đối xử hoặc trừng phạt tàn bạo, vô nhân đạo hoặc hạ nhục con người";
        assert!(alternatives_of(phrase, &terms(phrase)).is_empty());
    }

    #[test]
    fn a_list_in_parentheses_ends_with_them() {
        let e = elements_of("Thực hiện tuyên truyền, phổ biến tới người dân (bao gồm cả người bị tạm giữ, tạm giam, phạm nhân) để nâng cao hiểu biết về các quyền dân sự, chính trị");
        assert_eq!(e[0], "Thực hiện tuyên truyền, phổ biến tới người dân để nâng cao hiểu biết về các quyền dân sự, chính trị");
        assert_eq!(&e[1..], ["cả người bị tạm giữ", "tạm giam", "phạm nhân"]);
        let e = elements_of("Tổ chức tập huấn cho cán bộ, trên địa bàn");
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn a_dash_inside_a_parenthesis_is_no_bullet() {
        let t = "Nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban nhân dân huyện (qua Công an huyện - Đội Tham mưu) để được chỉ đạo, giải quyết.";
        assert_eq!(elements_of(t).len(), 1, "{:?}", elements_of(t));
        // Outside one, a dash before a capital is a flattened bullet.
        let t = "Tuyên truyền về Công ước cho cán bộ, công chức - Tập huấn chuyên sâu cho cán bộ tư pháp cấp xã";
        assert_eq!(elements_of(t).len(), 2, "{:?}", elements_of(t));
    }

    #[test]
    fn a_short_subject_before_its_details_is_an_element() {
        let t = "Quyền lập hội (hoàn thiện các quy định về thành lập, quản lý và hoạt động của các hội; đăng ký thành lập hội; nguồn tài trợ nước ngoài cho các hội)";
        let e = elements_of(t);
        assert_eq!(e[0], "Quyền lập hội", "{e:?}");
        assert_eq!(e.len(), 4, "{e:?}");
        // A long opening clause with a parenthesis is not a subject label.
        let e = elements_of("Đẩy mạnh việc thực hiện trợ giúp pháp lý cho người dân ở vùng sâu, vùng xa (nhất là người nghèo, trẻ em)");
        assert!(e[0].starts_with("Đẩy mạnh việc thực hiện"), "{e:?}");
        assert!(!e.contains(&"Đẩy mạnh việc thực hiện trợ giúp pháp lý".to_string()));
    }

    #[test]
    fn an_agency_label_is_not_an_element() {
        let e = elements_of(
            "Công an quận: Chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện Kế hoạch",
        );
        assert!(e.iter().all(|x| !x.starts_with("Công an quận")), "{e:?}");
        // A subject before a colon stays.
        let e = elements_of(
            "Tuyên truyền về các nội dung: Công ước CAT; pháp luật về phòng, chống tra tấn",
        );
        assert!(e.iter().any(|x| x.starts_with("Tuyên truyền")), "{e:?}");
    }

    /// Numbered items ("(i) …; (ii) …") are whole, commas and all (Đồng
    /// Nai PL.B.VII.2 was cut at "khiếu nại, tố cáo, khởi kiện").
    #[test]
    fn numbered_items_are_not_cut_at_commas() {
        let t = "Nâng cao năng lực thống kê về quyền dân sự và chính trị, trong đó chú trọng tới (i) số liệu về khiếu nại, tố cáo, khởi kiện liên quan đến vi phạm; (ii) số liệu về sự tham gia của phụ nữ vào vị trí lãnh đạo, quản lý; (iii) số liệu về bạo lực đối với phụ nữ";
        let e = elements_of(t);
        assert_eq!(
            &e[1..],
            [
                "số liệu về khiếu nại, tố cáo, khởi kiện liên quan đến vi phạm",
                "số liệu về sự tham gia của phụ nữ vào vị trí lãnh đạo, quản lý",
                "số liệu về bạo lực đối với phụ nữ"
            ],
            "{e:?}"
        );
        // Numbers in one clause, after a marker.
        let e = elements_of("Tuyên truyền về các quyền, nhất là: (1) quyền bầu cử, ứng cử, (2) quyền lập hội, hội họp và (3) quyền tự do tôn giáo");
        assert_eq!(
            &e[1..],
            [
                "quyền bầu cử, ứng cử",
                "quyền lập hội, hội họp",
                "quyền tự do tôn giáo"
            ],
            "{e:?}"
        );
    }

    #[test]
    fn elements_are_substrings_of_the_text() {
        let t =
            "Tổ chức tập huấn cho cán bộ; tuyên truyền trên báo chí, như: phát thanh, truyền hình";
        for e in elements_of(t) {
            assert!(t.contains(&e), "{e}");
        }
    }

    /// Reports of several kinds listed after "báo cáo" are one element
    /// each (Đồng Nai PL.D.I.1; a ward plan keeping only the annual report
    /// drops the reviews).
    #[test]
    fn a_list_of_report_kinds_gives_one_element_per_report() {
        let e = elements_of(
            "Xây dựng Báo cáo hàng năm, sơ kết, tổng kết về tình hình thực hiện Kế hoạch",
        );
        assert_eq!(
            e,
            ["Báo cáo hàng năm", "Báo cáo sơ kết", "Báo cáo tổng kết"]
        );
        // Another drafter's words: "và", periods after the kinds.
        let e = elements_of(
            "Xây dựng báo cáo sơ kết 03 năm và tổng kết 05 năm việc thực hiện Kế hoạch",
        );
        assert_eq!(
            e,
            [
                "báo cáo sơ kết 03 năm",
                "báo cáo tổng kết 05 năm việc thực hiện Kế hoạch"
            ]
        );
        let e = elements_of("Báo cáo định kỳ 06 tháng, hằng năm, đột xuất về kết quả thực hiện");
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!(e[2], "Báo cáo đột xuất", "{e:?}");
        // One report, or kinds that are not listed after "báo cáo", stay whole.
        assert_eq!(
            elements_of("Xây dựng Báo cáo hàng năm về tình hình thực hiện Kế hoạch").len(),
            1
        );
        assert_eq!(
            elements_of("Tổ chức sơ kết, tổng kết việc thực hiện Kế hoạch").len(),
            1
        );
    }

    /// A marker left at an item's head after a parenthesis took the
    /// first marker ("…(bao gồm …), đặc biệt là cho …") is the list's
    /// frame, not the item.
    #[test]
    fn a_marker_left_at_the_head_of_an_item_is_not_its_content() {
        let e = elements_of("Đẩy mạnh việc thực hiện hòa giải ở cơ sở (bao gồm cả kinh phí), đặc biệt là cho các thôn vùng sâu, vùng xa");
        assert_eq!(e[0], "Đẩy mạnh việc thực hiện hòa giải ở cơ sở", "{e:?}");
        assert!(
            e.iter().any(|x| x.starts_with("cho các thôn vùng sâu")),
            "{e:?}"
        );
        assert!(e.iter().all(|x| !x.contains("đặc biệt")), "{e:?}");
        let e = elements_of(
            "Tuyên truyền pháp luật về bình đẳng giới; đặc biệt là cho phụ nữ dân tộc thiểu số",
        );
        assert!(e.iter().any(|x| x.starts_with("cho phụ nữ")), "{e:?}");
    }

    /// A list's lead-in ("trong đó lưu ý:", "cụ thể như sau:") is not an
    /// element: a derived task that keeps every item carries the task (a
    /// Bắc Ninh-style row, not a seed).
    #[test]
    fn a_lead_in_to_a_list_is_not_an_element() {
        let e = elements_of(
            "Nâng cao nhận thức về phòng, chống bạo lực gia đình cho: 1. Thanh niên, trong đó lưu ý: - Học sinh trung học phổ thông; - Thanh niên công nhân tại các khu công nghiệp",
        );
        assert!(e.iter().all(|x| x.trim() != "lưu ý"), "{e:?}");
        assert!(e.iter().any(|x| x.contains("Học sinh trung học")), "{e:?}");
        // Nor a word pointing at an item.
        assert!(e.iter().any(|x| x.starts_with("Học sinh")), "{e:?}");
        let e = elements_of(
            "Chăm lo đời sống cho các nhóm yếu thế, trong đó lưu ý người cao tuổi cô đơn, trẻ em mồ côi",
        );
        assert!(e.iter().any(|x| x.starts_with("người cao tuổi")), "{e:?}");
        assert!(e.iter().all(|x| !x.starts_with("lưu ý")), "{e:?}");
        let e = elements_of("Tổ chức tập huấn cho cán bộ tư pháp, cụ thể như sau: hòa giải viên; tuyên truyền viên pháp luật");
        assert!(e.iter().all(|x| x.trim() != "cụ thể như sau"), "{e:?}");
        // The numbers of an inline numbered list open their items: no
        // element ends with the next item's number.
        let e = elements_of(
            "Phòng ngừa bạo lực đối với: 1. Trẻ em, trong đó lưu ý trẻ em khuyết tật 2. Người cao tuổi sống một mình",
        );
        assert!(
            e.iter().all(|x| !x.ends_with(" 2") && !x.ends_with(", 1")),
            "{e:?}"
        );
        assert!(e.iter().any(|x| x.starts_with("Người cao tuổi")), "{e:?}");
        assert!(
            elements_of("Xây dựng Báo cáo quốc gia lần thứ 4. Tham gia đối thoại")
                .iter()
                .any(|x| x.ends_with("lần thứ 4")),
        );
    }

    /// A purpose or consequence written as a sentence of its own ("Qua
    /// đó, góp phần …", "Từ đó …") qualifies the duty before it: a
    /// derived task carrying the duty without restating why carries the
    /// task (a Gia Lai-style plan, not a seed).
    #[test]
    fn a_purpose_sentence_qualifies_the_duty_before_it() {
        let t = "Tổ chức tập huấn chuyên sâu về Luật Người khuyết tật cho cán bộ làm công tác xã hội. Qua đó, góp phần nâng cao nhận thức của toàn xã hội về quyền của người khuyết tật";
        let e = element_parts(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].1.len(), 1, "{e:?}");
        let e = elements_of(
            "Rà soát cơ sở dữ liệu về người cao tuổi. Từ đó, đề xuất chính sách hỗ trợ phù hợp",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        let parent = "ỦY BAN NHÂN DÂN TỈNH GIA LAI
Số: 12/KH-UBND
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật
II. NHIỆM VỤ
1. Tổ chức tập huấn chuyên sâu về Luật Người khuyết tật cho cán bộ làm công tác xã hội. Qua đó, góp phần nâng cao nhận thức của toàn xã hội về quyền của người khuyết tật (Sở Y tế chủ trì; Sở Tư pháp phối hợp).
2. Rà soát, thống kê số liệu trẻ em khuyết tật chưa được đến trường (Sở Giáo dục và Đào tạo chủ trì).
";
        let child = "ỦY BAN NHÂN DÂN HUYỆN CHƯ SÊ
Số: 7/KH-UBND
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật
II. NHIỆM VỤ
1. Tổ chức tập huấn chuyên sâu về Luật Người khuyết tật cho cán bộ làm công tác xã hội của huyện và các xã (Phòng Y tế chủ trì; Phòng Tư pháp phối hợp).
";
        let p = obligraph_vn::import_text(parent, "gia-lai.txt")
            .unwrap()
            .plan;
        let c = obligraph_vn::import_text(child, "chu-se.txt").unwrap().plan;
        let r = crate::audit(&p, &c, &crate::Config::default());
        let status = |id: &str| {
            r.parent_obligations
                .iter()
                .find(|o| &*o.id == id)
                .map(|o| o.status)
        };
        assert_eq!(status("II.1"), Some(crate::Status::Covered), "{r:#?}");
        assert_eq!(status("II.2"), Some(crate::Status::Missing), "{r:#?}");
    }

    #[test]
    fn two_links_of_a_report_chain_led_by_different_bodies_are_two_duties() {
        // The units report to the commune; the commune office compiles and
        // reports to the province. Worded alike, led by different bodies:
        // a plan that drops one link has not carried it through the other.
        // The Tân An plan as written, and as a ward would word it.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/data/communes/tan-an-22-2026.txt"
        );
        let written = std::fs::read_to_string(path).unwrap();
        let ward = written
            .replace("UBND xã", "Ủy ban nhân dân phường")
            .replace("HĐND và UBND xã", "HĐND và UBND phường")
            .replace(
                "Các cơ quan, đơn vị báo cáo",
                "Các cơ quan, đơn vị thuộc phường định kỳ báo cáo",
            );
        for text in [written, ward] {
            let p = obligraph_vn::import_text(&text, "plan.txt").unwrap().plan;
            let links: Vec<&obligraph_core::Obligation> = p
                .obligations
                .iter()
                .filter(|o| o.text.contains("báo cáo") && o.leads().count() > 0)
                .collect();
            assert_eq!(links.len(), 2, "{:#?}", p.obligations);
            for o in &links {
                let kept: String = text
                    .lines()
                    .enumerate()
                    .filter(|(i, _)| *i as u32 + 1 != o.source.line_start)
                    .map(|(_, l)| format!("{l}\n"))
                    .collect();
                let c = obligraph_vn::import_text(&kept, "mutant.txt").unwrap().plan;
                let r = crate::audit(&p, &c, &crate::Config::default());
                let status = r
                    .parent_obligations
                    .iter()
                    .find(|x| *x.id == *o.id)
                    .map(|x| x.status);
                assert_eq!(status, Some(crate::Status::Missing), "{}: {r:#?}", o.id);
            }
        }
    }

    /// The obligations of the five seeds.
    fn seed_obligations() -> Vec<Obligation> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/seeds");
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        assert!(paths.len() >= 5, "{paths:?}");
        paths
            .iter()
            .flat_map(|p| {
                let text = std::fs::read_to_string(p).unwrap();
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                obligraph_vn::import_text(&text, &name)
                    .unwrap()
                    .plan
                    .obligations
            })
            .collect()
    }

    /// The terms [`element_pieces`] gives with the elements and
    /// qualifiers are those [`term_ids`] reads from their texts, and the
    /// elements those of [`element_parts`] (on every seed obligation).
    #[test]
    fn element_pieces_terms_are_the_terms_of_their_texts() {
        let mut read = 0;
        for o in seed_obligations() {
            let pieces = element_pieces(&o.text, true);
            let parts = element_parts(&o.text);
            assert_eq!(pieces.len(), parts.len(), "{}", o.text);
            for (p, (e, q)) in pieces.iter().zip(&parts) {
                assert_eq!(&p.text, e);
                let qs: Vec<&String> = p.qualifiers.iter().map(|(q, _)| q).collect();
                assert_eq!(qs, q.iter().collect::<Vec<_>>());
                if let Some(t) = &p.terms {
                    assert_eq!(*t, term_ids(&p.text), "{}", p.text);
                    read += 1;
                }
                if let Some(n) = p.words {
                    assert_eq!(n, crate::text::word_count(&p.text), "{}", p.text);
                }
                for (q, t) in &p.qualifiers {
                    if let Some(t) = t {
                        assert_eq!(*t, term_ids(q), "{q}");
                    }
                }
            }
        }
        assert!(read > 100, "{read}");
    }

    /// [`split_keep`] cuts where the walk it replaced, char by char, cut
    /// (on every seed obligation, and texts with separators at the ends;
    /// the walk, too, leaves a bare item number before ". " out and goes
    /// on after an ellipsis the sentence goes on after).
    #[test]
    fn split_keep_cuts_as_the_walk_char_by_char() {
        fn walk<'t>(text: &'t str, seps: &[&str]) -> Vec<&'t str> {
            let mut out = Vec::new();
            let (mut start, mut i) = (0, 0);
            while i < text.len() {
                let rest = &text[i..];
                let piece = &text[start..i];
                if let Some(sep) = seps
                    .iter()
                    .find(|s| rest.starts_with(**s))
                    .filter(|s| !(s.starts_with(':') && inside_parenthesis(piece)))
                    .filter(|s| !(s.starts_with('.') && ellipsis_goes_on(text, i, s.len())))
                {
                    let cut = if sep.starts_with('.') {
                        trailing_item_number(piece)
                    } else {
                        0
                    };
                    out.push(&piece[..piece.len() - cut]);
                    i += sep.len();
                    start = i;
                    continue;
                }
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
            out.push(&text[start..]);
            out
        }
        let mut texts: Vec<String> = seed_obligations().into_iter().map(|o| o.text).collect();
        texts.extend(["", ";", "; ", "a. b.", ".\n:", "đ: ; ư. x"].map(String::from));
        for t in &texts {
            assert_eq!(split_keep(t, CLAUSE_ENDS), walk(t, CLAUSE_ENDS), "{t}");
        }
    }

    /// The first enumeration marker is the one the markers' searches one
    /// by one found (on every clause of every seed obligation).
    #[test]
    fn the_first_marker_is_found_as_one_by_one() {
        let mut found = 0;
        for o in seed_obligations() {
            for clause in split_keep(&o.text, CLAUSE_ENDS) {
                let lower = clause.to_lowercase();
                let one_by_one = ENUMERATION_MARKERS
                    .iter()
                    .filter_map(|m| lower.find(m).map(|at| (at, m.len())))
                    .min();
                let first = obligraph_vn::subjects::first_enumeration_marker(&lower);
                assert_eq!(first, one_by_one, "{clause}");
                found += usize::from(first.is_some());
            }
        }
        assert!(found > 5, "{found}");
    }

    #[test]
    fn a_slip_is_read_in_the_parents_spelling_where_the_words_around_agree() {
        let parent = [
            "Tuyên truyền tới người dân đề nâng cao hiểu biết về các quyền dân sự",
            "Bổ trí nguồn lực cho công tác trợ giúp pháp lý",
            "Bảo vệ các quyền của người khuyết tật; bảo vệ quyền trẻ em",
        ];
        let slips = Slips::of(parent.into_iter());
        let respelt = |child: &str| {
            let lower = obligraph_vn::normalize::lower_nfc(child);
            slips.respelt(&crate::text::marked_words_of_lower(&lower))
        };
        // "đề" and its pair with "nâng" are read in the derived text
        // writing "để nâng cao"; "bổ trí" where it writes "bố trí nguồn".
        let t = respelt("Tuyên truyền cho người dân, kể cả phạm nhân, để nâng cao hiểu biết");
        assert!(t.contains(&term_ids("đề")[0]), "{t:?}");
        assert!(t.iter().any(|x| term_ids("đề nâng").contains(x)));
        let t = respelt("Bố trí nguồn lực cho trợ giúp pháp lý");
        assert!(t.iter().any(|x| term_ids("bổ trí").contains(x)), "{t:?}");
        // The same marks with other words around are no slip.
        assert!(respelt("Bố trí kinh phí cho trợ giúp pháp lý").is_empty());
        // "vệ" beside "bảo", written twice, is the parent's spelling: "về
        // các quyền" is another phrase, not a slip of "vệ các quyền".
        assert!(respelt("Tuyên truyền về các quyền của người khuyết tật").is_empty());
        // A derived text writing the parent's own spelling needs nothing.
        assert!(respelt("Bổ trí nguồn lực cho trợ giúp pháp lý").is_empty());
    }

    #[test]
    fn key_subjects_contradict_by_kind() {
        let p = key_subjects("Công ước ICCPR");
        let c = key_subjects("Công ước CAT");
        assert!(contradicts(&p, &c));
        assert!(!contradicts(&p, &p));
        assert!(!contradicts(&p, &[]));
        let both = key_subjects("Công ước CAT và Công ước ICCPR");
        assert!(!contradicts(&p, &both));
    }
}
