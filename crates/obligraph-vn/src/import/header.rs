//! The header: number, place and date, issuer, level, title, implemented
//! documents, legal bases, validity.

use std::sync::LazyLock;

use chrono::NaiveDate;
use obligraph_core::{DocRef, Level, Plan, Window};
use regex::Regex;

use super::lines::{Para, Piece};
use super::text::{all_caps, body_marker, key, place_before_comma, re};
use super::{Ledger, UnattributedReason};

// The letter classes below are `(?i)[\p{L}\d]` written out (the letters
// and digits, and U+0345, which folds to "ι"; `letters_ignoring_case_as_
// written_out` checks it): compiled without case folding they cost half
// as much on first use (about 8 M instructions less for each of the two).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bsố\s*:?\s*(\d*)\s*/\s*((?-i:[\p{L}\d\x{345}][\p{L}\d\-/.\x{345}]*[\p{L}\d\x{345}]))")
});
/// A dateline after its place (see [`place_before_comma`]): the line
/// matches `^(?P<place>[\p{L} .]{2,40}?),\s*ngày\s+(?P<d>…` in full.
static PLACE_DATE_REST: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^,\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
});
static DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})"));
static REF_KIND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:Quyết định|Kế hoạch|Nghị quyết|Nghị định|Chỉ thị|Thông tư|Công văn|Văn bản|Tờ trình|Đề án|Bộ luật|Luật|Hiến pháp|Pháp lệnh|Chương trình)",
    )
});
static BODY_ISSUER: LazyLock<Regex> =
    LazyLock::new(|| re(r",\s*([^,;()]{3,120}?)\s+(?:ban hành|xây dựng)\s+(?:các\s+)?[Kk]ế hoạch"));
static TITLE_SPAN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})|năm\s+(\d{4})"));
static TERRITORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b((?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)\s+\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)",
    )
});
static APPENDIX_SELF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)kèm theo\s+(?:Kế hoạch|Quyết định)\s+số\s*(\d*)\s*/\s*((?-i:[\p{L}\d\x{345}][\p{L}\d\-\x{345}]*[\p{L}\d\x{345}]))\s+ngày\s+(\d{0,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
    )
});

fn date(d: &str, m: &str, y: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Whether a paragraph ends the header zone.
fn ends_header(p: &Para) -> bool {
    if body_marker(&p.text).is_some_and(|(m, _)| !matches!(m, super::text::Marker::Bullet)) {
        return true;
    }
    let k = key(&p.text);
    k.starts_with("dieu ")
        && k.get(5..6)
            .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
        || k.starts_with("phu luc")
}

fn is_motto(k: &str) -> bool {
    k.starts_with("cong hoa xa hoi chu nghia")
        || k.starts_with("doc lap - tu do")
        || k.starts_with("doc lap – tu do")
}

/// `t` up to the national motto written on the issuer's paragraph ("ỦY
/// BAN NHÂN DÂN QUẬN LÊ CHÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", the
/// header's two columns read as one paragraph).
fn before_motto(t: &str) -> &str {
    t.char_indices()
        .filter(|&(i, _)| i > 0 && t.get(..i).is_some_and(|b| b.ends_with(char::is_whitespace)))
        .find(|&(i, _)| t.get(i..).is_some_and(|r| is_motto(&key(r))))
        .and_then(|(i, _)| t.get(..i))
        .map_or(t, str::trim_end)
}

fn is_issuer_line(t: &str) -> bool {
    let k = key(t);
    all_caps(t)
        && (k.starts_with("uy ban nhan dan")
            || k.starts_with("ubnd")
            || k.starts_with("thu tuong")
            || k.starts_with("chinh phu")
            || k.starts_with("so ")
            || k.starts_with("bo ")
            || k.starts_with("cong an ")
            || k.starts_with("hoi dong nhan dan"))
}

/// The words that open the name of a body in a header ("SỞ TƯ PHÁP",
/// "ỦY BAN NHÂN DÂN", "CÔNG AN TỈNH …"), as [`key`]s.
const BODY_HEADS: [&str; 16] = [
    "uy ban nhan dan",
    "ubnd",
    "hoi dong nhan dan",
    "so ",
    "cong an ",
    "ban chi huy",
    "bo chi huy",
    "phong ",
    "van phong",
    "thanh tra",
    "toa an",
    "vien kiem sat",
    "trung tam",
    "chi cuc",
    "cuc ",
    "ban ",
];

/// The issuer when the header's left column writes a superior body above
/// it, as the rules of document form have it (Nghị định 30/2020/NĐ-CP,
/// Phụ lục I: the managing body's name above, the issuing body's name
/// under it): "UBND THÀNH PHỐ HUẾ / SỞ TƯ PHÁP" → "Sở Tư pháp"; "UBND
/// QUẬN NGÔ QUYỀN / ỦY BAN NHÂN DÂN / PHƯỜNG LẠCH TRAY" → "Ủy ban nhân dân
/// phường Lạch Tray". The column is the run of capitalised first cells at
/// the top (the motto set aside); the issuer starts at its last line, other
/// than the first, that opens a body's name. `None` when no line under the
/// first opens one ("ỦY BAN NHÂN DÂN / TỈNH ĐỒNG NAI" is one name).
fn issuer_under_superior(text: &str) -> Option<String> {
    let mut column: Vec<String> = Vec::new();
    for raw in text.split('\n').take(16) {
        let Some(cell) = super::lines::header_cells(raw).map(str::trim).next() else {
            continue;
        };
        let c = super::text::clean(cell);
        let k = key(&c);
        if is_motto(&k) {
            continue;
        }
        if !all_caps(&c) || k.trim_end_matches(':') == "ke hoach" || k.starts_with("quyet dinh") {
            break;
        }
        column.push(c);
    }
    let first = column
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| {
            let k = key(l);
            BODY_HEADS.iter().any(|h| k.starts_with(h))
        })
        .map(|(i, _)| i)
        .next_back()?;
    Some(issuer_case(&column.get(first..)?.join(" ")))
}

/// Sentence case for an issuer written in capitals: "THỦ TƯỚNG CHÍNH PHỦ"
/// → "Thủ tướng Chính phủ"; place names after tỉnh/thành phố/… keep a
/// capital per word.
fn issuer_case(t: &str) -> String {
    if !all_caps(t) {
        return t.to_string();
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut proper = false;
    // A department's or ministry's name is a list of its fields, each
    // opening with a capital: "Sở Lao động - Thương binh và Xã hội", "Sở
    // Văn hóa, Thể thao và Du lịch" (but "Phát triển nông thôn").
    let fields = matches!(words.first(), Some(&("sở" | "bộ")));
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| words.get(p)).copied();
        // "Sở Tư pháp": the field's first word after "sở" takes a capital.
        let after_so = prev == Some("sở");
        let field_opens = fields
            && !proper
            && (prev.is_some_and(|p| matches!(p, "và" | "-" | "–") || p.ends_with(',')));
        let cap = i == 0
            || proper
            || after_so
            || field_opens
            || *w == "chính" && words.get(i + 1) == Some(&"phủ");
        out.push(if cap { capitalise(w) } else { (*w).to_string() });
        // ("xã hội", society, is no commune.)
        let commune = *w == "xã" && words.get(i + 1) != Some(&"hội");
        if matches!(*w, "tỉnh" | "quận" | "huyện" | "phường")
            || commune
            || (*w == "phố" && prev == Some("thành"))
        {
            proper = true;
        }
    }
    out.join(" ")
}

/// `w` with its first letter in upper case.
pub(crate) fn capitalise(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Splits at top-level `;` (not inside parentheses or quotes).
fn segments(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '“' => depth += 1,
            ')' | '”' => depth -= 1,
            ';' if depth <= 0 => {
                if let Some(seg) = s.get(start..i) {
                    out.push(seg);
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if let Some(seg) = s.get(start..) {
        out.push(seg);
    }
    out
}

/// Parses the document references of a "Thực hiện / Căn cứ / Xét đề nghị"
/// paragraph, one per `;` segment.
fn doc_refs(text: &str, line: u32, body_issuer: Option<&str>) -> Vec<DocRef> {
    let mut out: Vec<DocRef> = Vec::new();
    for seg in segments(text) {
        // Cut the issuing clause ", Ủy ban nhân dân … ban hành Kế hoạch …".
        let seg = match BODY_ISSUER.find(seg) {
            Some(m) => seg.get(..m.start()).unwrap_or(seg),
            None => seg,
        };
        let seg = match seg.find("(sau đây") {
            Some(i) => seg.get(..i).unwrap_or(seg),
            None => seg,
        };
        let _ = body_issuer;
        let Some(kind) = REF_KIND.find(seg) else {
            continue;
        };
        let rest = seg.get(kind.start()..).unwrap_or("");
        let mut r = DocRef {
            line: Some(line),
            ..DocRef::default()
        };
        let mut after = 0;
        let num = NUMBER
            .captures(rest)
            .filter(|c| c.get(0).is_some_and(|m| m.start() < 40));
        if let Some(c) = &num {
            let digits = c.get(1).map_or("", |m| m.as_str());
            let tail = c.get(2).map_or("", |m| m.as_str());
            if !digits.is_empty() {
                r.number = Some(format!("{digits}/{tail}"));
            }
            after = c.get(0).map_or(0, |m| m.end());
        }
        let tail = rest.get(after..).unwrap_or("");
        let date_m = DATE.captures(tail);
        let mut pos = after;
        if let Some(c) = &date_m {
            if let (Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
                r.date = date(d.as_str(), m.as_str(), y.as_str());
            }
            pos = after + c.get(0).map_or(0, |m| m.end());
        }
        let tail = rest.get(pos..).unwrap_or("").trim();
        if num.is_none() {
            // A law or similar: the name up to its date.
            let name_end = date_m
                .as_ref()
                .and_then(|c| c.get(0))
                .map_or(rest.len(), |m| after + m.start());
            let name = rest
                .get(..name_end)
                .unwrap_or(rest)
                .trim()
                .trim_end_matches([',', '.']);
            r.title = Some(name.to_string()).filter(|s| !s.is_empty());
            if let Some(iss) = tail.strip_prefix("của ") {
                r.issuer = Some(iss.trim().trim_end_matches([',', '.', ';']).to_string());
            }
        } else {
            let (issuer, title) = split_issuer_title(tail);
            r.issuer = issuer;
            r.title = title;
        }
        if r.issuer.is_none() {
            if let Some(c) = PROPOSER.captures(text) {
                r.issuer = c.get(1).map(|m| m.as_str().trim().to_string());
            }
        }
        if r.number.is_none() && r.date.is_none() && r.title.is_none() {
            continue;
        }
        if r.number.is_some() && out.iter().any(|o| o.number == r.number) {
            continue;
        }
        out.push(r);
    }
    out
}

static PROPOSER: LazyLock<Regex> = LazyLock::new(|| re(r"^Xét đề nghị của\s+(.+?)\s+tại\s"));

static ISSUER_END: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\s+(?:về việc|về|phê duyệt|ban hành|quy định|hướng dẫn|triển khai|tăng cường)\s")
});

fn split_issuer_title(tail: &str) -> (Option<String>, Option<String>) {
    let tidy = |s: &str| {
        let s = s.trim().trim_end_matches([',', '.', ';', ':']).trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let Some(rest) = tail.strip_prefix("của ") else {
        let t = tail
            .strip_prefix("về việc ")
            .or_else(|| tail.strip_prefix("về "))
            .unwrap_or(tail);
        return (None, tidy(t));
    };
    match ISSUER_END.find(rest) {
        Some(m) => {
            let issuer = rest.get(..m.start()).unwrap_or("");
            let title = rest.get(m.start()..).unwrap_or("").trim();
            let title = title
                .strip_prefix("về việc ")
                .or_else(|| title.strip_prefix("về "))
                .unwrap_or(title);
            (tidy(issuer), tidy(title))
        }
        None => (tidy(rest), None),
    }
}

/// The level of government of an issuer, with what the document says
/// about it.
pub(crate) fn level_of(
    issuer: &str,
    date: Option<NaiveDate>,
    has_departments: bool,
) -> Option<Level> {
    let k = key(issuer);
    if k.contains("thu tuong") || k.starts_with("chinh phu") || k.starts_with("bo ") {
        return Some(Level::National);
    }
    // A department's or a police force's plan is an agency's own plan.
    if k.starts_with("so ") || k.starts_with("cong an ") {
        return Some(Level::Unit);
    }
    let committee = k.starts_with("uy ban nhan dan")
        || k.starts_with("ubnd")
        || k.starts_with("hoi dong nhan dan");
    if !committee {
        return None;
    }
    let rest = k
        .trim_start_matches("uy ban nhan dan")
        .trim_start_matches("ubnd")
        .trim_start_matches("hoi dong nhan dan")
        .trim();
    if rest.starts_with("tinh") {
        Some(Level::Province)
    } else if rest.starts_with("thanh pho") {
        let after_reform = date.is_some_and(|d| d >= crate::agency::TWO_LEVEL_FROM.unwrap_or(d));
        // A named city decides by its name: Phan Thiết is a city of Bình
        // Thuận (district level), whatever "Sở" its plan cites.
        if let Some(under_province) = crate::agency::city_issuer(issuer, date) {
            return Some(if under_province {
                Level::District
            } else {
                Level::Province
            });
        }
        if has_departments || after_reform || rest.contains("truc thuoc trung uong") {
            Some(Level::Province)
        } else {
            Some(Level::District)
        }
    } else if rest.starts_with("quan") || rest.starts_with("huyen") || rest.starts_with("thi xa") {
        Some(Level::District)
    } else if rest.starts_with("xa") || rest.starts_with("phuong") || rest.starts_with("thi tran") {
        Some(Level::Commune)
    } else {
        None
    }
}

/// Reads the header zone; returns the index of the first piece after it.
pub(crate) fn read_header(
    pieces: &[Piece],
    text: &str,
    plan: &mut Plan,
    ledger: &mut Ledger,
) -> usize {
    let mut end = pieces.len();
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Table(_) => {
                end = i;
                break;
            }
            Piece::Para(p) if ends_header(p) => {
                end = i;
                break;
            }
            Piece::Para(_) => {}
        }
    }
    let mut seen_doc_type = false;
    let mut title: Option<(String, Vec<u32>)> = None;
    let mut title_closed = false;
    let mut body_issuer: Option<String> = None;
    for p in pieces.iter().take(end) {
        let Piece::Para(p) = p else { continue };
        let t = p.text.as_str();
        let k = key(t);
        let mut used = true;
        let dateline = place_before_comma(t)
            .and_then(|(place, rest)| Some((place, PLACE_DATE_REST.captures(rest)?)));
        if let Some((place, c)) = dateline {
            if plan.date.is_none() {
                plan.place = Some(place.trim().to_string());
                plan.date = match (c.name("d"), c.name("m"), c.name("y")) {
                    (Some(d), Some(m), Some(y)) => date(d.as_str(), m.as_str(), y.as_str()),
                    _ => None,
                };
            }
            title_closed |= seen_doc_type;
        } else if k.starts_with("so") && NUMBER.is_match(t) && t.len() < 80 {
            if plan.number.is_none() {
                if let Some(c) = NUMBER.captures(t) {
                    let digits = c.get(1).map_or("", |m| m.as_str());
                    let tail = c.get(2).map_or("", |m| m.as_str());
                    if !digits.is_empty() {
                        plan.number = Some(format!("{digits}/{tail}"));
                    }
                }
            }
        } else if is_motto(&k) {
            used = false;
            ledger.set_aside_all(&p.lines, UnattributedReason::Preamble);
        } else if k.trim_end_matches(':') == "ke hoach" || k.trim_end_matches(':') == "quyet dinh" {
            if seen_doc_type || plan.legal_bases.iter().any(|_| true) {
                title_closed = true;
            }
            seen_doc_type = true;
        } else if is_issuer_line(t) {
            if plan.issuer.is_none() {
                plan.issuer = Some(issuer_case(before_motto(t)));
            }
            title_closed |= seen_doc_type;
        } else if k.starts_with("can cu ") || k.starts_with("xet de nghi") {
            let refs = doc_refs(t, p.first(), None);
            if refs.is_empty() {
                used = false;
                ledger.set_aside_all(&p.lines, UnattributedReason::Preamble);
            }
            plan.legal_bases.extend(refs);
            title_closed = true;
        } else if (k.starts_with("thuc hien ") || k.starts_with("trien khai "))
            && (title.is_some() || !seen_doc_type)
            && REF_KIND.is_match(t)
        {
            if let Some(c) = BODY_ISSUER.captures(t) {
                body_issuer = c.get(1).map(|m| m.as_str().trim().to_string());
            }
            plan.implements
                .extend(doc_refs(t, p.first(), body_issuer.as_deref()));
            title_closed = true;
        } else if seen_doc_type && !title_closed {
            match &mut title {
                Some((s, lines)) => {
                    super::text::join(s, t);
                    lines.extend(&p.lines);
                }
                None => title = Some((t.to_string(), p.lines.clone())),
            }
        } else if let Some(c) = BODY_ISSUER.captures(t) {
            body_issuer = c.get(1).map(|m| m.as_str().trim().to_string());
        } else {
            used = false;
            ledger.set_aside_all(&p.lines, UnattributedReason::Preamble);
        }
        if used {
            ledger.attribute_all(&p.lines);
        }
    }
    if let Some((t, lines)) = title {
        // "Thực hiện Kế hoạch số 120/KH-UBND …" as the title itself.
        if plan.implements.is_empty() && REF_KIND.is_match(&t) && NAMES_PARENT.is_match(&key(&t)) {
            let line = lines.first().copied().unwrap_or(0);
            plan.implements.extend(
                doc_refs(&t, line, None)
                    .into_iter()
                    .filter(|r| r.number.is_some()),
            );
        }
        plan.title = Some(t);
    }
    // A body written under its superior is an agency of it: its plan is
    // one agency's unless it is a People's Committee itself.
    let under_superior = plan
        .issuer
        .is_some()
        .then(|| issuer_under_superior(text))
        .flatten();
    let agency_plan = under_superior.is_some();
    if let Some(i) = under_superior {
        plan.issuer = Some(i);
    }
    if plan.issuer.is_none() {
        plan.issuer = body_issuer;
    }
    if plan.issuer.is_none() {
        plan.issuer = signature_issuer(text);
    }
    let has_departments = text.contains("Sở ");
    plan.level = plan
        .issuer
        .as_deref()
        .and_then(|i| level_of(i, plan.date, has_departments))
        .or(agency_plan.then_some(Level::Unit));
    carried_through_parent(plan);
    if plan.implements.is_empty() {
        // No "Thực hiện Kế hoạch số …" in the title: the parent is the last
        // decision or plan of a level above cited as a legal basis.
        let parent = plan.level.and_then(|level| {
            plan.legal_bases.iter().rposition(|r| {
                cited_parent_level(r, plan.date, has_departments)
                    .is_some_and(|cited| is_above(cited, level))
            })
        });
        if let Some(k) = parent {
            plan.implements.push(plan.legal_bases.remove(k));
        }
    }
    plan.jurisdiction = plan
        .issuer
        .as_deref()
        .and_then(|i| TERRITORY.captures(i))
        .or_else(|| {
            plan.title
                .as_deref()
                .and_then(|t| t.find("trên địa bàn").and_then(|i| t.get(i..)))
                .and_then(|t| TERRITORY.captures(t))
        })
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string());
    plan.validity = plan.title.as_deref().and_then(validity);
    end
}

/// "Căn cứ Kế hoạch số 1422/KH-UBND … của Ủy ban nhân dân tỉnh" with
/// "Thực hiện Kế hoạch số 158/KH-UBND … của Ủy ban nhân dân huyện triển
/// khai Kế hoạch số 1422/KH-UBND …": the plan carried out names the cited
/// basis as its own parent, so the plan carries that one out too, through
/// it. Such bases move to `implements`, and so on up the chain.
fn carried_through_parent(plan: &mut Plan) {
    let mut k = 0;
    while let Some(parent) = plan.implements.get(k) {
        let title = parent
            .title
            .as_deref()
            .map(crate::normalize::lowercase)
            .unwrap_or_default();
        let (named, rest): (Vec<DocRef>, Vec<DocRef>) = std::mem::take(&mut plan.legal_bases)
            .into_iter()
            .partition(|r| {
                r.number
                    .as_deref()
                    .is_some_and(|n| names_number(&title, &number_key(n)))
            });
        plan.legal_bases = rest;
        plan.implements.extend(named);
        k += 1;
    }
}

/// A document number or a text as compared: lower case, no white space.
fn number_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `text` (in lower case) holds the number `number` (a
/// [`number_key`]) whole: not "22/kh-ubnd" inside "1422/kh-ubnd".
fn names_number(text: &str, number: &str) -> bool {
    !number.is_empty()
        && text.match_indices(number).any(|(at, _)| {
            let before = text.get(..at).and_then(|b| b.chars().last());
            let after = text.get(at + number.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        })
}

/// The level of the issuer of a cited Quyết định or Kế hoạch ("2715/QĐ-TTg"
/// of the Prime Minister, "108/KH-UBND" of the committee the citation
/// names); `None` for other kinds of document or when it cannot be told.
fn cited_parent_level(r: &DocRef, date: Option<NaiveDate>, has_departments: bool) -> Option<Level> {
    let number = key(r.number.as_deref()?);
    let (_, kind) = number.split_once('/')?;
    let signer = ["qd-", "kh-"].iter().find_map(|k| kind.strip_prefix(k))?;
    if NATIONAL_SIGNERS.contains(&signer) || signer.starts_with('b') {
        return Some(Level::National);
    }
    level_of(r.issuer.as_deref()?, date, has_departments)
}

/// A title that carries out a document it cites (as a key): "Thực hiện
/// Kế hoạch số …", "Triển khai Quyết định số …".
static NAMES_PARENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:ke hoach |quyet dinh )?(?:thuc hien|trien khai(?: thuc hien)?) (?:ke hoach|quyet dinh) so ",
    )
});

/// Signers of national decisions and plans after "QĐ-" / "KH-" (as keys):
/// the Prime Minister and the Government. A ministry's ("QĐ-BTP",
/// "KH-BCA") starts with "b".
const NATIONAL_SIGNERS: &[&str] = &["ttg", "cp"];

/// Whether a document issued at `cited` is of a level above a plan at
/// `plan`: a Sở's plan carries out the province's or the nation's.
fn is_above(cited: Level, plan: Level) -> bool {
    match plan {
        Level::National => false,
        Level::Unit => matches!(cited, Level::National | Level::Province),
        _ => cited != Level::Unit && cited < plan,
    }
}

/// "TM. ỦY BAN NHÂN DÂN" in the signature block: the committee signs.
fn signature_issuer(text: &str) -> Option<String> {
    for line in text.lines() {
        let t = super::text::clean(line);
        let k = key(&t);
        if let Some(rest) = k.strip_prefix("tm. ") {
            if rest.starts_with("uy ban nhan dan") || rest.starts_with("ubnd") {
                let words: Vec<&str> = t.split_whitespace().skip(1).collect();
                return Some(issuer_case(&words.join(" ")));
            }
        }
    }
    None
}

fn validity(title: &str) -> Option<Window> {
    let c = TITLE_SPAN.captures(title)?;
    if let (Some(a), Some(b)) = (c.get(1), c.get(2)) {
        return Some(Window::years(
            a.as_str().parse().ok()?,
            b.as_str().parse().ok()?,
        ));
    }
    let y: i32 = c.get(3)?.as_str().parse().ok()?;
    Some(Window::years(y, y))
}

/// When the header lost the number or date, the appendix's "(Kèm theo Kế
/// hoạch số 74/KH-UBND ngày 05/02/2026 …)" states them. A document "ban
/// hành kèm theo" another number than the plan's own is a citation (the
/// scheme "ban hành kèm theo Quyết định số 1079/QĐ-TTg ngày 14/9/2022"
/// inside a task) and states nothing of the plan.
pub(crate) fn fill_from_appendix(pieces: &[Piece], plan: &mut Plan) {
    if plan.number.is_some() && plan.date.is_some() {
        return;
    }
    for p in pieces {
        let Piece::Para(p) = p else { continue };
        if let Some(c) = APPENDIX_SELF.captures(&p.text) {
            let digits = c.get(1).map_or("", |m| m.as_str());
            let cited = format!("{digits}/{}", c.get(2).map_or("", |m| m.as_str()));
            // An appendix heading left unnumbered ("số    /KH-UBND") is
            // compared by its kind alone.
            let other = |n: &String| {
                if digits.is_empty() {
                    n.split_once('/').map(|(_, t)| format!("/{t}")) != Some(cited.clone())
                } else {
                    *n != cited
                }
            };
            if plan.number.as_ref().is_some_and(other) {
                continue;
            }
            if plan.number.is_none() && !digits.is_empty() {
                plan.number = Some(cited);
            }
            if plan.date.is_none() {
                if let (Some(d), Some(m), Some(y)) = (c.get(3), c.get(4), c.get(5)) {
                    plan.date = date(d.as_str(), m.as_str(), y.as_str());
                }
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_ignoring_case_as_written_out() {
        // NUMBER and APPENDIX_SELF's classes: the same chars with and
        // without case folding, over all of Unicode.
        for (folded, plain) in [
            (r"(?i)^[\p{L}\d]$", r"^[\p{L}\d\x{345}]$"),
            (r"(?i)^[\p{L}\d\-/.]$", r"^[\p{L}\d\-/.\x{345}]$"),
            (r"(?i)^[\p{L}\d\-]$", r"^[\p{L}\d\-\x{345}]$"),
        ] {
            let (folded, plain) = (re(folded), re(plain));
            let mut buf = [0u8; 4];
            for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
                let s = c.encode_utf8(&mut buf);
                assert_eq!(folded.is_match(s), plain.is_match(s), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn refs_keep_what_is_cited() {
        let r = doc_refs(
            "Thực hiện Quyết định số 2715/QĐ-TTg ngày 13/12/2025 của Thủ tướng Chính phủ về phê duyệt Kế hoạch X (sau đây gọi tắt là Quyết định số 2715/QĐ-TTg), Ủy ban nhân dân tỉnh Đồng Nai ban hành Kế hoạch triển khai thực hiện:",
            11,
            None,
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].number.as_deref(), Some("2715/QĐ-TTg"));
        assert_eq!(
            r[0].date.map(|d| d.to_string()).as_deref(),
            Some("2025-12-13")
        );
        assert_eq!(r[0].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(r[0].title.as_deref(), Some("phê duyệt Kế hoạch X"));
        let r = doc_refs(
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            4,
            None,
        );
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[1].title.as_deref(),
            Some("Luật Tổ chức chính quyền địa phương")
        );
    }

    #[test]
    fn issuer_case_and_level() {
        assert_eq!(issuer_case("THỦ TƯỚNG CHÍNH PHỦ"), "Thủ tướng Chính phủ");
        assert_eq!(
            issuer_case("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"),
            "Ủy ban nhân dân tỉnh Đồng Nai"
        );
        // A department's fields each open with a capital; "xã hội" is
        // no commune.
        assert_eq!(
            issuer_case("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
            "Sở Lao động - Thương binh và Xã hội"
        );
        assert_eq!(
            issuer_case("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH QUẢNG NAM"),
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam"
        );
        assert_eq!(
            issuer_case("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
            "Sở Nông nghiệp và Phát triển nông thôn"
        );
        assert_eq!(
            issuer_case("ỦY BAN NHÂN DÂN XÃ HÒA TIẾN"),
            "Ủy ban nhân dân xã Hòa Tiến"
        );
        assert_eq!(
            level_of("Ủy ban nhân dân Quận Ngô Quyền", None, true),
            Some(Level::District)
        );
        assert_eq!(
            level_of("Sở Khoa học và Công nghệ", None, true),
            Some(Level::Unit)
        );
    }
}
