//! Agency names (cơ quan) to canonical [`Agency`] values, and the lists of
//! agencies that plans write in their "chủ trì" / "phối hợp" cells.
//!
//! The table ships with the crate (`data/agency-names.tsv`, derived from the
//! reference table of national bodies and their local counterparts). Ids are
//! `<level>:<field>` (`province:justice`, `district:police`; the Government
//! is `national:government`), `collective:<name>` for collective agents and
//! `unresolved:<folded name>` when nothing matched — an unknown name is kept,
//! never dropped.
//!
//! # Matching
//!
//! Names are compared after [`fold`], with
//! abbreviations expanded (UBND, HĐND, VKSND, TAND, MTTQ, BCH/CHQS, CA,
//! LĐLĐ, THADS, TP, VN …) and a trailing place name allowed ("Ủy ban nhân
//! dân Quận Ngô Quyền", "Sở Tư pháp thành phố Huế").
//!
//! # "thành phố"
//!
//! "Ủy ban nhân dân thành phố", "Công an thành phố", "TAND thành phố" are
//! province bodies when the city is one of the six centrally-run cities
//! (Hà Nội, Huế, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ) or when no city
//! is named and the issuer is a province or district; for a commune issuer
//! before 1 July 2025, and for an issuer that is itself a city under a
//! province ([`city_issuer`]), they are the district-level city's bodies.
//!
//! # The 2025 reorganisation
//!
//! A name resolves to the same agency at any date: "Sở Lao động - Thương
//! binh và Xã hội" resolves to its own (dissolved) agency so that the audit
//! can flag a 2026 plan naming it; [`crate::reorg::status_on`] says when it
//! ended and who took over.
//!
//! ```
//! use obligraph_core::{Level, Role};
//! use obligraph_vn::agency::{parse_agency_list, resolve_agency, AgencyContext};
//! let ctx = AgencyContext::default();
//! assert_eq!(resolve_agency("UBND các xã, phường", &ctx).id, "collective:commune_committees");
//! assert_eq!(resolve_agency("Sở Tư pháp", &ctx).id, "province:justice");
//! let list = parse_agency_list(
//!     "Công an tỉnh, Sở Tư pháp và các sở, ban, ngành có liên quan", Role::Support, &ctx);
//! let ids: Vec<&str> = list.iter().map(|a| a.agency.id.as_str()).collect();
//! assert_eq!(ids, ["province:police", "province:justice", "collective:departments"]);
//! ```

use crate::deadline_phrase::{self, DeadlineContext};
use crate::normalize::fold;

/// NFC and collapsed whitespace, tone placement kept as written: the form
/// of names and notes shown back to users.
fn tidy(s: &str) -> String {
    // Most names are tidy already: single spaces between words, none at
    // the ends, no other whitespace, NFC.
    let single_spaced = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| c == ' ' || !c.is_whitespace());
    if single_spaced && crate::normalize::is_nfc_str(s) {
        return s.to_string();
    }
    let nfc = crate::normalize::nfc(s);
    let mut out = String::with_capacity(nfc.len());
    for w in nfc.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
use chrono::NaiveDate;
use obligraph_core::{Agency, Assignment, Collective, Deadline, Level, Role};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{LazyLock, OnceLock};

/// The shipped agency table (TSV, UTF-8 NFC).
pub(crate) const AGENCY_TSV: &str = include_str!("../data/agency-names.tsv");

/// What resolving an agency name needs from its document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AgencyContext {
    /// The plan's date.
    pub date: Option<NaiveDate>,
    /// The level of the plan's issuer: decides "thành phố" when ambiguous.
    pub issuer_level: Option<Level>,
    /// The issuer is a city under a province (a district-level "thành
    /// phố thuộc tỉnh", see [`city_issuer`]): a bare "thành phố" names it.
    pub city_issuer: bool,
}

impl AgencyContext {
    /// The context of a plan's own names: its date, its issuer's level,
    /// and whether its issuer is a city under a province.
    pub fn of_plan(plan: &obligraph_core::Plan) -> Self {
        AgencyContext {
            date: plan.date,
            issuer_level: plan.level,
            city_issuer: plan.level == Some(Level::District)
                && plan
                    .issuer
                    .as_deref()
                    .and_then(|i| city_issuer(i, plan.date))
                    == Some(true),
        }
    }
}

/// Roles and deadline given inside a parenthesis after a task.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InlineRoles {
    /// The assignments, in the order written.
    pub assignments: Vec<Assignment>,
    /// The deadline, if one was written ("thực hiện hàng năm").
    pub deadline: Option<Deadline>,
    /// The deadline text as written.
    pub deadline_text: Option<String>,
}

/// How many rows of a shipped table were read, and how many were skipped as
/// malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableStats {
    /// Rows read (without the header).
    pub rows: usize,
    /// Rows skipped because a column was missing or invalid.
    pub malformed: usize,
}

// ---------------------------------------------------------------------------
// The table

struct Table {
    entries: Vec<Agency>,
    /// A name without its level word ("hội cựu chiến binh", "tòa án nhân
    /// dân", "ubnd") to the entries it stands for at each level.
    stems: HashMap<Vec<String>, Vec<usize>>,
    /// Alias key (its tokens) to entry.
    keys: HashMap<Vec<String>, usize>,
    /// First token of a key to the lengths of the keys starting with it,
    /// longest first: the only prefix lengths worth looking up.
    key_lens: HashMap<String, Vec<usize>>,
    /// The same for `stems`.
    stem_lens: HashMap<String, Vec<usize>>,
    /// The words either side of the dash of the names written with one
    /// ("Phòng Tài chính - Kế hoạch": "chính", "kế"), folded.
    dash_pairs: rustc_hash::FxHashSet<(String, String)>,
    stats: TableStats,
}

fn parse_level(s: &str) -> Option<Level> {
    match s {
        "national" => Some(Level::National),
        "province" => Some(Level::Province),
        "district" => Some(Level::District),
        "commune" => Some(Level::Commune),
        "unit" => Some(Level::Unit),
        _ => None,
    }
}

/// Splits an alias column at `|` outside braces.
fn split_aliases(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                out.push(s.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s.get(start..).unwrap_or(""));
    out
}

/// Expands "A {x|y} B" into "A x B", "A y B".
fn expand_braces(alias: &str) -> Vec<String> {
    match (alias.find('{'), alias.find('}')) {
        (Some(a), Some(b)) if a < b => {
            let (head, tail) = (
                alias.get(..a).unwrap_or(""),
                alias.get(b + 1..).unwrap_or(""),
            );
            alias
                .get(a + 1..b)
                .unwrap_or("")
                .split('|')
                .flat_map(|alt| expand_braces(&format!("{head}{alt}{tail}")))
                .collect()
        }
        _ => vec![alias.to_string()],
    }
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            entries: Vec::new(),
            stems: HashMap::default(),
            keys: HashMap::default(),
            key_lens: HashMap::default(),
            stem_lens: HashMap::default(),
            dash_pairs: rustc_hash::FxHashSet::default(),
            stats: TableStats::default(),
        };
        for line in AGENCY_TSV.lines().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            t.stats.rows += 1;
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(id), Some(level), Some(field), Some(ord), Some(name), Some(aliases)) = (
                cols.first(),
                cols.get(1).and_then(|l| parse_level(l)),
                cols.get(2),
                cols.get(3),
                cols.get(4),
                cols.get(5),
            ) else {
                t.stats.malformed += 1;
                continue;
            };
            let orderable = match *ord {
                "yes" => true,
                "no" => false,
                _ => {
                    t.stats.malformed += 1;
                    continue;
                }
            };
            if id.is_empty() || name.is_empty() || field.is_empty() {
                t.stats.malformed += 1;
                continue;
            }
            let idx = t.entries.len();
            t.entries.push(Agency {
                id: (*id).to_string(),
                name: tidy(name),
                level: Some(level),
                field: Some((*field).to_string()),
                orderable,
                collective: None,
            });
            for alias in split_aliases(aliases)
                .into_iter()
                .chain(std::iter::once(*name))
            {
                for a in expand_braces(alias) {
                    if let Some(pair) = dash_pair(&a) {
                        t.dash_pairs.insert(pair);
                    }
                    let toks = tokens(&a);
                    if toks.is_empty() {
                        continue;
                    }
                    // "Phòng TP", "Sở TP" ("TP" read "thành phố") leave
                    // a bare head noun, which is no name: "Phòng Kế hoạch"
                    // is not the Phòng Tư pháp of a place "Kế hoạch".
                    if let Some(stem) = stem_of(&toks).filter(|s| !is_bare_head(s)) {
                        let ids = t.stems.entry(stem).or_default();
                        if !ids.contains(&idx) {
                            ids.push(idx);
                        }
                    }
                    t.keys.entry(toks).or_insert(idx);
                }
            }
        }
        t.key_lens = lengths_by_first(t.keys.keys());
        t.stem_lens = lengths_by_first(t.stems.keys());
        t
    })
}

/// The last word before the dash of `name` and the first after it, folded
/// ("Phòng Văn hóa - Xã hội" → "hóa", "xã"); `None` without a dash.
fn dash_pair(name: &str) -> Option<(String, String)> {
    let (before, after) = name.split_once(" - ")?;
    Some((
        fold(before.split_whitespace().next_back()?),
        fold(after.split_whitespace().next()?),
    ))
}

/// Whether a dash between `before` and `after` joins the halves of an
/// agency name the table writes with one ("gửi Phòng Tài chính" / "Kế
/// hoạch tổng hợp", "Công chức Văn hóa" / "Xã hội phường"), rather than
/// opening an item of a list written on one line.
///
/// ```
/// use obligraph_vn::agency::dash_joins_name;
/// assert!(dash_joins_name("gửi Phòng Lao động", "Thương binh và Xã hội huyện"));
/// assert!(!dash_joins_name("các nhóm đối tượng sau", "Người có thẩm quyền"));
/// ```
pub fn dash_joins_name(before: &str, after: &str) -> bool {
    match (
        before.split_whitespace().next_back(),
        after.split_whitespace().next(),
    ) {
        (Some(b), Some(a)) => table().dash_pairs.contains(&(fold(b), fold(a))),
        _ => false,
    }
}

/// First token to the lengths of the token lists starting with it, longest
/// first.
fn lengths_by_first<'a>(
    lists: impl Iterator<Item = &'a Vec<String>>,
) -> HashMap<String, Vec<usize>> {
    let mut out: HashMap<String, Vec<usize>> = HashMap::default();
    for l in lists {
        if let Some(first) = l.first() {
            out.entry(first.clone()).or_default().push(l.len());
        }
    }
    for lens in out.values_mut() {
        lens.sort_unstable_by(|a, b| b.cmp(a));
        lens.dedup();
    }
    out
}

/// The lengths `n` (longest first) for which `toks[..n]` may be in a map
/// indexed by `lens` (see [`lengths_by_first`]).
fn prefix_lengths<'a>(
    lens: &'a HashMap<String, Vec<usize>>,
    toks: &[String],
) -> impl Iterator<Item = usize> + 'a {
    let max = toks.len();
    toks.first()
        .and_then(|f| lens.get(f))
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .copied()
        .filter(move |&n| n <= max)
}

/// Level words that may end a name, for stems.
const STEM_SUFFIXES: &[&str] = &[
    "tỉnh",
    "thành phố",
    "quận",
    "huyện",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
    "tỉnh ủy",
    "thành ủy",
    "trung ương",
    "cấp tỉnh",
    "cấp huyện",
    "cấp xã",
];

/// The alias without its trailing level word, if it has one.
fn stem_of(toks: &[String]) -> Option<Vec<String>> {
    // Folded once: asked of every alias while the table is built (about
    // 13 M instructions when each call folded them again).
    static SUFFIXES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let suffixes = SUFFIXES.get_or_init(|| {
        STEM_SUFFIXES
            .iter()
            .map(|s| fold(s).split(' ').map(str::to_string).collect())
            .collect()
    });
    suffixes.iter().find_map(|suf| {
        let n = toks.len().checked_sub(suf.len()).filter(|&n| n > 0)?;
        (toks.get(n..) == Some(suf.as_slice())).then(|| toks.get(..n).unwrap_or(&[]).to_vec())
    })
}

/// Head nouns that name no body on their own: a stem of one of them
/// alone is dropped.
const BARE_HEADS: &[&str] = &["phòng", "sở", "ban", "cục", "chi cục", "bộ", "văn phòng"];

fn is_bare_head(stem: &[String]) -> bool {
    let joined = stem.join(" ");
    BARE_HEADS.iter().any(|h| fold(h) == joined)
}

/// A name written without its level ("TAND", "Hội Cựu chiến binh",
/// "UBND"): the body of that name at the issuer's level, else the province's,
/// else the first one known.
fn lookup_stem(toks: &[String], ctx: &AgencyContext) -> Option<usize> {
    let t = table();
    let min = min_alias_len(toks);
    for n in prefix_lengths(&t.stem_lens, toks).filter(|&n| n >= min) {
        let Some(head) = toks.get(..n) else { continue };
        let Some(ids) = t.stems.get(head) else {
            continue;
        };
        if !acceptable_remainder(toks.get(n..).unwrap_or(&[])) {
            continue;
        }
        let at = |l: Level| {
            ids.iter()
                .copied()
                .find(|&i| t.entries.get(i).and_then(|a| a.level) == Some(l))
        };
        return ctx
            .issuer_level
            .and_then(at)
            .or_else(|| at(Level::Province))
            .or_else(|| ids.first().copied());
    }
    None
}

/// How the shipped agency table parsed.
pub fn table_stats() -> TableStats {
    table().stats
}

/// Every agency of the shipped table (bodies, not collectives).
pub fn all_agencies() -> impl Iterator<Item = &'static Agency> {
    table().entries.iter()
}

/// The table entry with this id, if any.
pub fn agency_by_id(id: &str) -> Option<Agency> {
    if let Some(c) = id.strip_prefix("collective:") {
        return collective_by_name(c);
    }
    entry_by_id(id).cloned()
}

/// The first table entry with this id (looked up, not scanned: the audit
/// asks for successors and counterparts of every derived plan's bodies).
fn entry_by_id(id: &str) -> Option<&'static Agency> {
    static BY_ID: OnceLock<HashMap<&'static str, &'static Agency>> = OnceLock::new();
    let by_id = BY_ID.get_or_init(|| {
        let mut m = HashMap::default();
        for a in &table().entries {
            m.entry(a.id.as_str()).or_insert(a);
        }
        m
    });
    by_id.get(id).copied()
}

/// The first table entry of `field` at `level`, if any.
fn entry_of_field(level: Level, field: &str) -> Option<&'static Agency> {
    type ByField = HashMap<(Level, &'static str), &'static Agency>;
    static BY_FIELD: OnceLock<ByField> = OnceLock::new();
    let by_field = BY_FIELD.get_or_init(|| {
        let mut m = HashMap::default();
        for a in &table().entries {
            if let (Some(l), Some(f)) = (a.level, a.field.as_deref()) {
                m.entry((l, f)).or_insert(a);
            }
        }
        m
    });
    by_field.get(&(level, field)).copied()
}

// ---------------------------------------------------------------------------
// Keys

fn abbreviation(tok: &str) -> Option<&'static [String]> {
    static MAP: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        // The one table of the crate (`lexicon`), every entry: inside an
        // agency's name "CA" is always "công an".
        crate::lexicon::ABBREVIATIONS
            .iter()
            .map(|a| {
                (
                    fold(a.short),
                    fold(a.long).split(' ').map(str::to_string).collect(),
                )
            })
            .collect()
    })
    .get(tok)
    .map(Vec::as_slice)
}

/// The matching key of a name, as tokens: folded, abbreviations expanded,
/// punctuation , ; : - ( ) as tokens of their own, "&" as "và", "." dropped.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    tokens_into(s, &mut out);
    out
}

/// [`tokens`] pushed onto `out`.
fn tokens_into(s: &str, out: &mut Vec<String>) {
    let f = fold(s);
    let push = |tok: &str, out: &mut Vec<String>| match abbreviation(tok) {
        Some(exp) => out.extend(exp.iter().cloned()),
        None => out.push(tok.to_string()),
    };
    // Words run between whitespace and the marks below, read as slices of
    // the fold.
    let mut start = 0;
    for (i, c) in f.char_indices() {
        let (ends_word, own_token) = match c {
            ',' | ';' | ':' | '-' | '(' | ')' => (true, f.get(i..i + 1)),
            '&' => (true, Some("và")),
            '.' | '/' | '"' | '“' | '”' | '*' | '_' => (true, None),
            c => (c.is_whitespace(), None),
        };
        if ends_word {
            if let Some(word) = f.get(start..i).filter(|w| !w.is_empty()) {
                push(word, out);
            }
            if let Some(t) = own_token {
                push(t, out);
            }
            start = i + c.len_utf8();
        }
    }
    if start == 0 {
        // No mark read: the fold is one word (the usual case, a word of a
        // text read word by word), kept as it is.
        if !f.is_empty() {
            match abbreviation(&f) {
                Some(exp) => out.extend(exp.iter().cloned()),
                None => out.push(f),
            }
        }
        return;
    }
    if let Some(word) = f.get(start..).filter(|w| !w.is_empty()) {
        push(word, out);
    }
}

/// Level words; "phương" is an extraction slip for "phường" seen in the
/// Đồng Nai plan ("Ủy ban nhân dân các xã, phương").
const LEVEL_WORDS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "quận",
    "huyện",
    "thị xã",
    "xã",
    "phường",
    "phương",
    "thị trấn",
    "đặc khu",
];

const CENTRAL_CITIES: &[&str] = &[
    "hà nội",
    "huế",
    "hải phòng",
    "đà nẵng",
    "hồ chí minh",
    "cần thơ",
];

/// Huế, a city of Thừa Thiên Huế province until then, is run centrally
/// from 1 January 2025 (reference/reorganisation-2025.tsv: "tỉnh Thừa
/// Thiên Huế → thành phố Huế (trực thuộc trung ương)", NQ 1314/NQ-UBTVQH15).
const HUE_CENTRAL_FROM: Option<NaiveDate> = NaiveDate::from_ymd_opt(2025, 1, 1);

/// The first day of the two-level local government (1 July 2025,
/// NĐ 150/2025/NĐ-CP): district-level government ended, so no city under
/// a province is left, and a commune issues under its province.
pub(crate) const TWO_LEVEL_FROM: Option<NaiveDate> = NaiveDate::from_ymd_opt(2025, 7, 1);

/// Whether an issuer "Ủy ban nhân dân thành phố <name>" is a city under a
/// province — district level — on `date`: a named city that is not one of
/// the centrally-run ones, before district-level government ended. `None`
/// when the issuer names no city after "thành phố".
pub fn city_issuer(issuer: &str, date: Option<NaiveDate>) -> Option<bool> {
    let f = fold(issuer);
    let (_, after) = f.split_once("thành phố ")?;
    let name = after.trim_start_matches("trực thuộc trung ương").trim();
    if name.is_empty() {
        return None;
    }
    let on = |from: Option<NaiveDate>| from.is_some_and(|f| date.is_some_and(|t| t >= f));
    let central = CENTRAL_CITIES
        .iter()
        .any(|c| name.starts_with(&fold(c)) && (*c != "huế" || on(HUE_CENTRAL_FROM)));
    Some(!central && !on(TWO_LEVEL_FROM))
}

/// Tokens that never stand in a place name after an alias.
fn is_joining(t: &str) -> bool {
    matches!(
        t,
        "và" | "các" | "," | ";" | "(" | ")" | "hoặc" | "cùng" | "với"
    )
}

/// The shortest alias length `n` for which [`acceptable_remainder`] of
/// `toks[n..]` may hold: the remainder is at most 6 tokens and holds no
/// joining token.
fn min_alias_len(toks: &[String]) -> usize {
    let after_joining = toks
        .iter()
        .rposition(|t| is_joining(t))
        .map_or(0, |p| p + 1);
    after_joining.max(toks.len().saturating_sub(6))
}

/// Whether the tokens after a matched alias can be a place name.
fn acceptable_remainder(rest: &[String]) -> bool {
    if rest.is_empty() {
        return true;
    }
    if rest.len() > 6 {
        return false;
    }
    if rest.iter().any(|t| is_joining(t)) {
        return false;
    }
    // Another agency's name is not a place.
    known_name_lengths(rest).next().is_none()
}

/// The lengths (in tokens) of the table's names that `toks` starts with,
/// longest first.
fn known_name_lengths(toks: &[String]) -> impl Iterator<Item = usize> + '_ {
    let t = table();
    prefix_lengths(&t.key_lens, toks)
        .filter(move |&n| toks.get(..n).is_some_and(|h| t.keys.contains_key(h)))
}

/// Longest alias that is a prefix of `toks` with an acceptable remainder.
fn lookup(toks: &[String]) -> Option<(usize, usize)> {
    let t = table();
    let min = min_alias_len(toks);
    for n in prefix_lengths(&t.key_lens, toks).filter(|&n| n >= min) {
        let Some(head) = toks.get(..n) else { continue };
        if let Some(&idx) = t.keys.get(head) {
            if acceptable_remainder(toks.get(n..).unwrap_or(&[])) {
                return Some((idx, n));
            }
        }
    }
    None
}

/// The level a bare "thành phố" stands for.
fn city_level(toks: &[String], at: usize, ctx: &AgencyContext) -> Level {
    let after = toks.get(at + 2..).unwrap_or(&[]).join(" ");
    if CENTRAL_CITIES.iter().any(|c| after.starts_with(&fold(c))) {
        return Level::Province;
    }
    match ctx.issuer_level {
        Some(Level::Commune) if ctx.date.is_none() || ctx.date < TWO_LEVEL_FROM => Level::District,
        _ if ctx.city_issuer => Level::District,
        _ => Level::Province,
    }
}

/// Resolves already-cleaned tokens to a table entry.
fn resolve_tokens(toks: &[String], ctx: &AgencyContext) -> Option<usize> {
    // "thành phố" standing for a level: substitute the level word.
    let city = toks.windows(2).position(|w| {
        w.first().map(String::as_str) == Some("thành")
            && w.get(1).map(String::as_str) == Some("phố")
    });
    if let Some(at) = city {
        // Only when "thành phố" follows the body's name (not "Bộ Tư lệnh Thành phố Hồ Chí Minh").
        let word = match city_level(toks, at, ctx) {
            Level::District => "quận",
            _ => "tỉnh",
        };
        let mut sub: Vec<String> = toks.get(..at).unwrap_or(&[]).to_vec();
        sub.push(fold(word));
        sub.extend(toks.get(at + 2..).unwrap_or(&[]).iter().cloned());
        if let Some((idx, n)) = lookup(&sub) {
            if n > at {
                return Some(idx);
            }
        }
    }
    // "Thành ủy" of a city under a province is the city's own party
    // committee, of district level ("Ban Tuyên giáo Thành ủy" in Phan
    // Thiết's plan is its Quận ủy's counterpart).
    let party = fold("ủy");
    let city_party = toks
        .windows(2)
        .position(|w| w.first().map(String::as_str) == Some("thành") && w.get(1) == Some(&party));
    if let Some(at) = city_party.filter(|_| ctx.city_issuer) {
        let mut sub: Vec<String> = toks.to_vec();
        if let Some(w) = sub.get_mut(at) {
            *w = fold("quận");
        }
        if let Some((idx, n)) = lookup(&sub) {
            if n > at {
                return Some(idx);
            }
        }
    }
    let found = lookup(toks);
    // After 1 July 2025 there is no district level: a commune plan naming
    // a district office by its bare name ("Phòng Kinh tế, Hạ tầng và Đô
    // thị", no place, no level word) names the commune's own office of
    // that name. "Công an huyện", "Phòng Tư pháp huyện" stay the
    // district's (a dissolved body the audit flags).
    let t = table();
    let at_level = |i: usize, l: Level| t.entries.get(i).and_then(|a| a.level) == Some(l);
    let bare = |n: usize| n == toks.len() && !names_district_level(toks);
    let found_bare_district = found
        .filter(|&(i, n)| at_level(i, Level::District) && bare(n) && two_level_commune(ctx))
        .map(|(i, _)| i);
    let found = found.map(|(i, _)| i);
    if let Some(i) = found_bare_district {
        if let Some(own) = lookup_stem(toks, ctx).filter(|&j| at_level(j, Level::Commune)) {
            return Some(own);
        }
        return Some(i);
    }
    found.or_else(|| lookup_stem(toks, ctx))
}

/// Whether a name holds a word of the district level ("huyện", "quận",
/// "thị xã"; "cấp huyện" holds "huyện").
fn names_district_level(toks: &[String]) -> bool {
    toks.iter().any(|w| w == "huyện" || w == "quận")
        || toks
            .windows(2)
            .any(|w| w.first().is_some_and(|a| a == "thị") && w.get(1).is_some_and(|b| b == "xã"))
}

/// Whether the issuer is a commune of the two-level government (dated on
/// or after 1 July 2025).
fn two_level_commune(ctx: &AgencyContext) -> bool {
    ctx.issuer_level == Some(Level::Commune) && ctx.date >= TWO_LEVEL_FROM
}

// ---------------------------------------------------------------------------
// Collectives

fn collective_agency(c: Collective, id: &str, name: &str, level: Option<Level>) -> Agency {
    Agency {
        id: format!("collective:{id}"),
        name: name.to_string(),
        level,
        field: None,
        orderable: c != Collective::MassOrganisations,
        collective: Some(c),
    }
}

fn collective_by_name(name: &str) -> Option<Agency> {
    Some(match name {
        "ministries" => collective_agency(
            Collective::Ministries,
            name,
            "Các bộ, ngành trung ương",
            Some(Level::National),
        ),
        "province_committees" => collective_agency(
            Collective::ProvinceCommittees,
            name,
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            Some(Level::Province),
        ),
        "departments" => collective_agency(
            Collective::Departments,
            name,
            "Các sở, ban, ngành",
            Some(Level::Province),
        ),
        "district_offices" => collective_agency(
            Collective::Departments,
            name,
            "Các phòng, ban, ngành",
            Some(Level::District),
        ),
        "district_committees" => collective_agency(
            Collective::DistrictCommittees,
            name,
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            Some(Level::District),
        ),
        "commune_committees" => collective_agency(
            Collective::CommuneCommittees,
            name,
            "Ủy ban nhân dân các xã, phường",
            Some(Level::Commune),
        ),
        "related" => collective_agency(
            Collective::Related,
            name,
            "Các cơ quan, đơn vị liên quan",
            None,
        ),
        "units" => collective_agency(
            Collective::Units,
            name,
            "Các phòng, đơn vị trực thuộc",
            Some(Level::Unit),
        ),
        "mass_organisations" => collective_agency(
            Collective::MassOrganisations,
            name,
            "Các tổ chức chính trị - xã hội",
            None,
        ),
        _ => return None,
    })
}

/// Nouns that make up collective agents ("các sở, ban, ngành").
pub(crate) const COLLECTIVE_NOUNS: &[&str] = &[
    "tổ chức chính trị - xã hội",
    "tổ chức chính trị xã hội",
    "tổ chức chính trị",
    "tổ chức xã hội - nghề nghiệp",
    "tổ chức xã hội",
    "tổ chức thành viên",
    "tổ chức đoàn thể",
    "đoàn thể chính trị - xã hội",
    "đoàn thể chính trị xã hội",
    "cơ quan chuyên môn",
    "cơ quan nhà nước",
    "cơ quan",
    "đơn vị",
    // A commune's own parts: its civil servants by field ("các bộ phận
    // chuyên môn", "các bộ phận, đơn vị" of a ward's plan).
    "bộ phận chuyên môn",
    "bộ phận",
    "địa phương",
    "tổ chức",
    "đoàn thể",
    "mặt trận",
    "hội",
    "bộ",
    "ban ngành",
    "ban",
    "ngành",
    "sở",
    "phòng chuyên môn",
    "phòng nghiệp vụ",
    "phòng",
    "trung tâm",
];

/// Whether `word` after `prev` goes on with a noun of [`COLLECTIVE_NOUNS`]
/// longer than `prev` ("bộ" then "phận,": "bộ phận"), so that the name
/// does not end at `prev`.
pub(crate) fn continues_collective_noun(prev: &str, word: &str) -> bool {
    let two = format!(
        "{} {}",
        crate::normalize::lowercase(prev),
        crate::normalize::lowercase(word.trim_end_matches([',', ';', ':', '.']))
    );
    COLLECTIVE_NOUNS.iter().any(|n| {
        n.strip_prefix(two.as_str())
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

/// Qualifiers that may follow the nouns.
pub(crate) const COLLECTIVE_QUALIFIERS: &[&str] = &[
    "có liên quan",
    "liên quan",
    "khác có liên quan",
    "khác",
    "trung ương",
    "trực thuộc trung ương",
    "trực thuộc sở",
    "thuộc sở",
    "trực thuộc",
    "thuộc",
    "cấp tỉnh",
    "cấp huyện",
    "cấp xã",
    "của tỉnh",
    "của thành phố",
    "trên địa bàn",
    "trên địa bàn tỉnh",
    "trên địa bàn quận",
    "tỉnh",
    "thành phố",
    "quận",
    "huyện",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
    "cấp phường",
    "của xã",
    "của phường",
    "trên địa bàn xã",
    "trên địa bàn phường",
    "chức năng",
    "có tên",
    // Whose offices they are: "Các cơ quan chuyên môn thuộc UBND thị xã"
    // ([`offices_of_committee`]).
    "thuộc ủy ban nhân dân",
    "trực thuộc ủy ban nhân dân",
    "thuộc ubnd",
    "trực thuộc ubnd",
    "thị xã",
];

/// Qualifiers that narrow a collective to some of its members: "UBND các
/// xã biên giới" are the commune committees of the border communes. The
/// collective is kept, and the assignment's scope says which part of it
/// ([`subset_note`]).
pub(crate) const COLLECTIVE_SUBSET_QUALIFIERS: &[&str] = &[
    "biên giới",
    "khu vực biên giới",
    "vùng biên giới",
    "giáp biên",
    "giáp biên giới",
    "có đường biên giới",
    "vùng sâu",
    "vùng xa",
    "vùng cao",
    "miền núi",
    "vùng núi",
    "ven biển",
    "vùng biển",
    "hải đảo",
    "đảo",
    "có đồng bào dân tộc thiểu số",
    "có đông đồng bào dân tộc thiểu số",
    "vùng đồng bào dân tộc thiểu số",
    "đồng bào dân tộc thiểu số",
    "dân tộc thiểu số",
    "đặc biệt khó khăn",
    "khó khăn",
    "có điều kiện kinh tế - xã hội khó khăn",
    "có điều kiện kinh tế - xã hội đặc biệt khó khăn",
    "trọng điểm",
    "thí điểm",
    "điểm",
];

#[derive(Clone, Copy)]
enum Vocab {
    Nouns,
    Qualifiers,
    Levels,
    Subsets,
}

/// A vocabulary's phrases as tokens, longest first, and the positions in
/// that order of the phrases starting with each first token.
struct VocabList {
    phrases: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
}

fn vocab(v: Vocab) -> Option<&'static VocabList> {
    static CACHE: OnceLock<[VocabList; 4]> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        [
            COLLECTIVE_NOUNS,
            COLLECTIVE_QUALIFIERS,
            LEVEL_WORDS,
            COLLECTIVE_SUBSET_QUALIFIERS,
        ]
        .map(|list| {
            let mut phrases: Vec<Vec<String>> = list.iter().map(|w| tokens(w)).collect();
            phrases.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
            for (k, p) in phrases.iter().enumerate() {
                if let Some(f) = p.first() {
                    by_first.entry(f.clone()).or_default().push(k);
                }
            }
            VocabList { phrases, by_first }
        })
    });
    let i = match v {
        Vocab::Nouns => 0,
        Vocab::Qualifiers => 1,
        Vocab::Levels => 2,
        Vocab::Subsets => 3,
    };
    all.get(i)
}

/// Matches the longest phrase of a vocabulary at `toks[i..]` (the first
/// of the longest-first list that matches); returns its length and the
/// phrase's tokens.
fn phrase_at(toks: &[String], i: usize, v: Vocab) -> Option<(usize, &'static [String])> {
    let list = vocab(v)?;
    // (Every phrase has a first token: the lists hold no blank phrase.)
    let candidates = list.by_first.get(toks.get(i)?)?;
    candidates.iter().find_map(|&k| {
        let p = list.phrases.get(k)?;
        let n = p.len();
        (toks.get(i..i + n) == Some(p.as_slice())).then_some((n, p.as_slice()))
    })
}

/// Recognises a collective agent from its whole key.
fn resolve_collective(toks: &[String]) -> Option<Agency> {
    toks.first()?;
    let committee = &fixed().committee;
    let chair = &fixed().chair;
    let mut i = 0;
    let mut is_committee = false;
    for prefix in [chair, committee] {
        if toks.get(..prefix.len()) == Some(prefix.as_slice()) {
            i = prefix.len();
            is_committee = true;
            break;
        }
    }
    let mut marked = false;
    if matches!(toks.get(i).map(String::as_str), Some("các" | "cấp")) {
        marked = true;
        i += 1;
    }
    // The phrases read, as their tokens (joined by a space, each is a
    // phrase of the vocabulary as written).
    let mut seen: Vec<&'static [String]> = Vec::new();
    let mut items = 0;
    while i < toks.len() {
        if let Some("," | "và" | "-") = toks.get(i).map(String::as_str) {
            i += 1;
            continue;
        }
        let list = if is_committee {
            Vocab::Levels
        } else {
            Vocab::Nouns
        };
        if let Some((n, p)) = phrase_at(toks, i, list) {
            seen.push(p);
            items += 1;
            i += n;
            continue;
        }
        if let Some((n, _)) = phrase_at(toks, i, Vocab::Qualifiers) {
            i += n;
            continue;
        }
        // "các xã biên giới": some of the members, still the collective.
        if items > 0 {
            if let Some((n, _)) = phrase_at(toks, i, Vocab::Subsets) {
                i += n;
                continue;
            }
        }
        if is_committee && toks.get(i).map(String::as_str) == Some("trực") {
            i += 1;
            continue;
        }
        return None;
    }
    if items == 0 || !(marked || items >= 2) {
        return None;
    }
    // Tokens hold no space: `w` splits at its spaces into the tokens of a
    // phrase exactly when it is the phrase joined by spaces.
    let has = |w: &str| {
        seen.iter()
            .any(|p| w.split(' ').eq(p.iter().map(String::as_str)))
    };
    let name = if is_committee {
        if has("huyện") || has("quận") || has("thị xã") {
            "district_committees"
        } else if has("tỉnh") {
            "province_committees"
        } else if has("xã") || has("phường") || has("phương") || has("thị trấn") || has("đặc khu")
        {
            "commune_committees"
        } else {
            "province_committees"
        }
    } else if has("bộ") {
        "ministries"
    } else if has("sở") {
        "departments"
    } else if has("phòng") || has("phòng chuyên môn") || has("phòng nghiệp vụ") {
        // "các phòng chuyên môn thuộc Sở": a department's own units; "các
        // bộ phận thuộc Phòng": an office's own.
        if has("đơn vị") || has("trung tâm") || of_department(toks) {
            "units"
        } else {
            "district_offices"
        }
    } else if let Some(level) = offices_of_committee(toks, &seen) {
        level
    } else if of_department(toks)
        && seen
            .iter()
            .all(|p| OWN_UNIT_NOUNS.contains(&p.join(" ").as_str()))
    {
        // "các đơn vị thuộc Sở", "các trung tâm trực thuộc Sở": a
        // department's own units, whoever's plan names them.
        "units"
    } else if seen.iter().any(|p| is_mass_organisation_noun(&p.join(" ")))
        && !seen
            .iter()
            .any(|p| OTHER_BODY_NOUNS.contains(&p.join(" ").as_str()))
    {
        "mass_organisations"
    } else if has("ban") || has("ngành") || has("ban ngành") {
        "departments"
    } else {
        "related"
    };
    collective_by_name(name)
}

/// The collective "các cơ quan chuyên môn thuộc Ủy ban nhân dân X"
/// names: the district's offices under a district's committee ("… thuộc
/// UBND thị xã", "… thuộc Ủy ban nhân dân huyện"), the province's
/// departments under a province's; `None` for other lists, or when the
/// committee's level is not written.
fn offices_of_committee(toks: &[String], seen: &[&'static [String]]) -> Option<&'static str> {
    let only_offices = !seen.is_empty() && seen.iter().all(|p| p.join(" ") == "cơ quan chuyên môn");
    let of_committee = toks.windows(2).any(|w| {
        matches!(w.first().map(String::as_str), Some("thuộc"))
            && matches!(w.get(1).map(String::as_str), Some("uỷ" | "ủy" | "ubnd"))
    });
    if !(only_offices && of_committee) {
        return None;
    }
    let has = |w: &str| toks.iter().any(|t| t == w);
    if has("huyện") || has("quận") || toks.windows(2).any(|w| w == ["thị", "xã"]) {
        Some("district_offices")
    } else if has("tỉnh") {
        Some("departments")
    } else {
        None
    }
}

/// Whether a collective list says its members belong to a department
/// ("… thuộc Sở", "… trực thuộc Sở", "… của Sở").
fn of_department(toks: &[String]) -> bool {
    toks.windows(2).any(|w| {
        matches!(w.first().map(String::as_str), Some("thuộc" | "của"))
            && matches!(w.get(1).map(String::as_str), Some("sở" | "phòng"))
    })
}

/// Nouns of a body's own units ("các đơn vị", "các phòng, đơn vị", "các
/// đơn vị nghiệp vụ"), as [`Vocab::Nouns`] reads them.
const UNIT_NOUNS: &[&str] = &[
    "đơn vị",
    "phòng",
    "phòng chuyên môn",
    "phòng nghiệp vụ",
    "trung tâm",
    "bộ phận",
    "bộ phận chuyên môn",
];

/// Words between the units and their body: "các đơn vị (trực) thuộc
/// Công an tỉnh", "các đơn vị nghiệp vụ Công an tỉnh", "các phòng, đơn
/// vị của Sở Tư pháp", "các đơn vị trong Công an tỉnh".
const UNITS_OF_WORDS: &[&str] = &[
    "trực", "thuộc", "của", "trong", "nghiệp", "vụ", "chuyên", "môn",
];

/// "(Thủ trưởng) các đơn vị Công an tỉnh", "các phòng, đơn vị thuộc Sở
/// Tư pháp": the units of a body the table knows. In the plan of one
/// agency ([`Level::Unit`] issuer: a department, the provincial police)
/// they are the issuer's own units, the collective of units, as "các đơn
/// vị trực thuộc" is; in any other plan the body named answers for its
/// units and is the one assigned (as "Thủ trưởng X" is X). A People's
/// Committee's units are its departments, a collective already
/// ("các sở, ban, ngành"): left to that reading.
fn resolve_units_of(toks: &[String], ctx: &AgencyContext) -> Option<Agency> {
    let mut i = 0;
    if !matches!(toks.first().map(String::as_str), Some("các" | "những")) {
        return None;
    }
    i += 1;
    // The nouns, separated by "," or "và"; a separator is followed by a
    // noun ("các bộ phận chuyên môn, Trạm Y tế xã" are two names).
    let mut nouns = 0;
    let mut after_separator = false;
    while i < toks.len() {
        if nouns > 0 && matches!(toks.get(i).map(String::as_str), Some("," | "và")) {
            after_separator = true;
            i += 1;
            continue;
        }
        match phrase_at(toks, i, Vocab::Nouns) {
            Some((n, p)) if UNIT_NOUNS.contains(&p.join(" ").as_str()) => {
                nouns += 1;
                after_separator = false;
                i += n;
            }
            _ => break,
        }
    }
    if nouns == 0 || after_separator {
        return None;
    }
    while toks
        .get(i)
        .is_some_and(|t| UNITS_OF_WORDS.contains(&t.as_str()))
    {
        i += 1;
    }
    let body = toks.get(i..).filter(|r| !r.is_empty())?;
    let idx = resolve_tokens(body, ctx)?;
    let agency = table().entries.get(idx)?;
    if agency.field.as_deref() == Some("peoples_committee") {
        return None;
    }
    if ctx.issuer_level == Some(Level::Unit) {
        return collective_by_name("units");
    }
    Some(agency.clone())
}

/// Whether a noun of a collective list names mass organisations (đoàn
/// thể, tổ chức chính trị - xã hội, the Front's member organisations).
fn is_mass_organisation_noun(noun: &str) -> bool {
    noun.contains("thành viên")
        || noun.contains("chính trị")
        || noun == "đoàn thể"
        || noun == "hội"
        || noun == "tổ chức đoàn thể"
}

/// Nouns of a collective list that name bodies other than mass
/// organisations (the list's own kind when it names both: "các ban,
/// ngành, đoàn thể" are the departments and the mass organisations).
const OTHER_BODY_NOUNS: &[&str] = &[
    "ban",
    "ngành",
    "ban ngành",
    "cơ quan",
    "đơn vị",
    "bộ phận",
    "bộ phận chuyên môn",
    "địa phương",
];

/// Whether a list read as one collective of another kind also names the
/// mass organisations: "các Sở, ngành, đoàn thể" are the departments and
/// the đoàn thể, "các phòng, ban, ngành, đoàn thể quận" the district's
/// offices and its mass organisations, "các Sở, cơ quan, đoàn thể liên
/// quan" the departments and the mass organisations concerned. Đoàn thể
/// are no state bodies, so the one collective would lose them.
fn names_mass_organisations_too(toks: &[String]) -> bool {
    collective_nouns(toks)
        .iter()
        .any(|n| is_mass_organisation_noun(n))
}

/// The nouns of a collective list, in order ("các Sở, ngành, đoàn thể" →
/// sở, ngành, đoàn thể); other words are passed over.
fn collective_nouns(toks: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match phrase_at(toks, i, Vocab::Nouns) {
            Some((n, p)) => {
                out.push(p.join(" "));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// A post of the issuer's own people, in one agency's plan
/// ([`Level::Unit`]): its head or deputy head ("Trưởng phòng", "Phó
/// Trưởng phòng phụ trách …", "Lãnh đạo Phòng"), a civil servant or
/// officer in charge of a field ("công chức phụ trách …", "cán bộ phụ
/// trách …", "chuyên viên phụ trách …"), or one of its sections ("bộ
/// phận kiểm tra văn bản"). A commune's civil servant of a field
/// ("công chức Tư pháp - Hộ tịch") is no such post: "phụ trách" makes it.
static OWN_STAFF: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::import::text::re(
        r"^(?:(?:phó )?trưởng phòng(?: phụ trách \S.*)?|lãnh đạo phòng|(?:công chức|cán bộ|chuyên viên|viên chức) phụ trách \S.*|bộ phận (?:[^\s,;]+ ){0,5}[^\s,;]+)$",
    )
});

/// Whether the plan is one agency's ([`Level::Unit`]: a Sở, an office),
/// the only plan whose own people and units are bodies of its own.
pub(crate) fn one_agency_plan(ctx: &AgencyContext) -> bool {
    ctx.issuer_level == Some(Level::Unit)
}

/// The issuer's own people named by `post` ([`OWN_STAFF`]), in one
/// agency's plan.
///
/// The field in charge is a noun phrase: a task verb inside it that
/// follows neither a comma nor "và" starts the task the post is given
/// ("công chức phụ trách tổng hợp tăng cường ứng dụng …"), and the words
/// are then no post ("phổ biến, giáo dục pháp luật" is one field).
fn own_staff(post: &str, ctx: &AgencyContext) -> Option<Agency> {
    if !one_agency_plan(ctx) || !OWN_STAFF.is_match(&fold(post)) {
        return None;
    }
    let words: Vec<&str> = post.split_whitespace().collect();
    let field_from = words
        .windows(2)
        .position(|w| {
            fold(w.first().unwrap_or(&"")) == "phụ" && fold(w.get(1).unwrap_or(&"")) == "trách"
        })
        .map_or(words.len(), |i| i + 2);
    let runs_on = (field_from + 1..words.len()).any(|i| {
        task_verb_at(&words, i)
            && words
                .get(i - 1)
                .is_some_and(|p| !p.ends_with(',') && fold(p) != "và")
    });
    if runs_on {
        return None;
    }
    agency_by_id(OWN_STAFF_ID)
}

/// The id of the issuer's own people ([`own_staff`]).
const OWN_STAFF_ID: &str = "unit:own_staff";

/// Nouns that, alone in a list, name the issuer's own units when the
/// issuer is one agency (a Sở's plan): "các đơn vị", "các đơn vị trực
/// thuộc", "các trung tâm, đơn vị".
const OWN_UNIT_NOUNS: &[&str] = &["đơn vị", "trung tâm", "bộ phận", "bộ phận chuyên môn"];

/// In the plan of one agency ([`Level::Unit`]: a Sở), "các đơn vị" are
/// that agency's units ("nếu phát sinh vướng mắc, các đơn vị phản ánh về
/// Văn phòng Sở"), not any bodies concerned.
///
/// So are its "phòng": "các phòng chuyên môn", "các phòng nghiệp vụ" with
/// no district named are a Sở's own offices in its plan (read as the
/// district's offices in a government's plan).
fn own_units(agency: Agency, toks: &[String], ctx: &AgencyContext) -> Agency {
    if !one_agency_plan(ctx) {
        return agency;
    }
    if agency.id == "collective:district_offices" && !names_district_level(toks) {
        let nouns = collective_nouns(toks);
        if !nouns.is_empty() && nouns.iter().all(|n| n.starts_with("phòng")) {
            return collective_by_name("units").unwrap_or(agency);
        }
    }
    if agency.collective != Some(Collective::Related) {
        return agency;
    }
    let nouns = collective_nouns(toks);
    if !nouns.is_empty() && nouns.iter().all(|n| OWN_UNIT_NOUNS.contains(&n.as_str())) {
        return collective_by_name("units").unwrap_or(agency);
    }
    agency
}

/// Whether a collective list names the localities beside its bodies:
/// "các sở, ban, ngành, địa phương", "các phòng, ban, ngành, địa phương"
/// take in the People's Committees below as well as the departments.
fn names_localities_too(toks: &[String]) -> bool {
    collective_nouns(toks).iter().any(|n| n == "địa phương")
}

/// The collectives a list names beside the one it was read as (see
/// [`names_mass_organisations_too`], [`names_localities_too`]): the mass
/// organisations, and the lower People's Committees ("UBND các xã,
/// phường": the localities of any plan above the commune reach down to
/// them).
fn collectives_beside(agency: &Agency, written: &str, memo: &mut Memo) -> Vec<Agency> {
    let Some(c) = agency.collective else {
        return Vec::new();
    };
    let (mass, local) = match memo.beside_named.get(written) {
        Some(&named) => named,
        None => {
            let toks = tokens(&strip_html(written));
            let named = (
                names_mass_organisations_too(&toks),
                names_localities_too(&toks),
            );
            memo.beside_named.insert(written.to_string(), named);
            named
        }
    };
    let mut out = Vec::new();
    if mass && c != Collective::MassOrganisations {
        out.extend(collective_by_name("mass_organisations"));
    }
    let local_already = matches!(
        c,
        Collective::Related
            | Collective::CommuneCommittees
            | Collective::DistrictCommittees
            | Collective::ProvinceCommittees
    );
    if local && !local_already {
        out.extend(collective_by_name("commune_committees"));
    }
    out
}

// ---------------------------------------------------------------------------
// Schools

/// Who answers for a group of schools, written before it ("Ban Giám hiệu
/// các trường …", "Hiệu trưởng các trường …"): the schools are the ones
/// assigned. ("Thủ trưởng", "Người đứng đầu" are cut off before, by
/// [`clean_tokens`].)
const SCHOOL_HEADS: &[&str] = &["ban giám hiệu", "hiệu trưởng", "lãnh đạo"];

/// Nouns of a group of schools, longest first where one holds another.
const SCHOOL_NOUNS: &[&str] = &[
    "cơ sở giáo dục và đào tạo",
    "cơ sở giáo dục nghề nghiệp",
    "cơ sở giáo dục",
    "cơ sở đào tạo",
    "trường học",
    "nhà trường",
    "trường",
];

/// The kinds of school a group may list after its noun ("các trường mầm
/// non, tiểu học, trung học cơ sở"), with their usual short forms.
const SCHOOL_KINDS: &[&str] = &[
    "phổ thông dân tộc nội trú",
    "phổ thông dân tộc bán trú",
    "dân tộc nội trú",
    "dân tộc bán trú",
    "ptdtnt",
    "ptdtbt",
    "trung học phổ thông",
    "trung học cơ sở",
    "thpt",
    "thcs",
    "mầm non",
    "mẫu giáo",
    "nhà trẻ",
    "tiểu học",
    "liên cấp",
    "phổ thông",
    "trung học",
    "trung cấp",
    "cao đẳng",
    "đại học",
    "giáo dục thường xuyên",
    "giáo dục nghề nghiệp",
    "công lập",
    "ngoài công lập",
    "tư thục",
    "các cấp",
    "học",
];

/// Words that may close a group of schools before its place: "trên địa
/// bàn (phường)", "thuộc (quận)", "có liên quan".
const SCHOOL_PLACE_WORDS: &[&str] = &[
    "trên địa bàn",
    "trực thuộc",
    "thuộc",
    "của",
    "tại",
    "có liên quan",
    "liên quan",
    "cấp tỉnh",
    "cấp huyện",
    "cấp xã",
];

/// The most words of a place's own name after its level word ("phường
/// Lạch Tray", "thành phố Hồ Chí Minh").
const SCHOOL_PLACE_NAME_WORDS: usize = 4;

/// The tokens of a vocabulary, longest first (cached per list).
fn school_vocab(list: &'static [&'static str]) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = list.iter().map(|w| tokens(w)).collect();
    v.sort_by_key(|t| std::cmp::Reverse(t.len()));
    v
}

/// The length of the longest phrase of `list` at `toks[i..]`.
fn school_phrase_at(toks: &[String], i: usize, list: &[Vec<String>]) -> Option<usize> {
    list.iter()
        .find(|p| toks.get(i..i + p.len()) == Some(p.as_slice()))
        .map(Vec::len)
}

/// A group of schools written as one name: "(Ban Giám hiệu) các trường
/// mầm non, tiểu học, trung học cơ sở (trên địa bàn phường …)", "các
/// trường học trên địa bàn", "các cơ sở giáo dục trên địa bàn tỉnh". One
/// body is assigned, the schools of an area (`<level>:schools` of the
/// table), not each kind of school as a body of its own ("tiểu học" is no
/// agency). The level is the place the name writes ("trên địa bàn
/// phường": the commune's), else the issuer's (a ward's plan names the
/// ward's schools; a department's plan the province's).
///
/// A single school ("Trường Đại học Luật Huế") is no group: the name must
/// be plural ("các", "những"), say whose management answers for it ("Ban
/// Giám hiệu"), or close on its area ("trên địa bàn").
fn resolve_schools(toks: &[String], ctx: &AgencyContext) -> Option<Agency> {
    struct Vocab3 {
        heads: Vec<Vec<String>>,
        nouns: Vec<Vec<String>>,
        kinds: Vec<Vec<String>>,
        places: Vec<Vec<String>>,
        levels: Vec<Vec<String>>,
    }
    static V: OnceLock<Vocab3> = OnceLock::new();
    let v = V.get_or_init(|| Vocab3 {
        heads: school_vocab(SCHOOL_HEADS),
        nouns: school_vocab(SCHOOL_NOUNS),
        kinds: school_vocab(SCHOOL_KINDS),
        places: school_vocab(SCHOOL_PLACE_WORDS),
        levels: school_vocab(LEVEL_WORDS),
    });
    let word = |k: usize| toks.get(k).map(String::as_str);
    let mut i = 0;
    let mut plural = false;
    if let Some(n) = school_phrase_at(toks, i, &v.heads) {
        i += n;
        plural = true;
    }
    if matches!(word(i), Some("các" | "những")) {
        i += 1;
        plural = true;
    }
    i += school_phrase_at(toks, i, &v.nouns)?;
    // The kinds, separated by commas, "và", "-".
    while i < toks.len() {
        if matches!(word(i), Some("," | "và" | "-" | "(" | ")")) {
            i += 1;
            continue;
        }
        match school_phrase_at(toks, i, &v.kinds) {
            Some(n) => i += n,
            None => break,
        }
    }
    // The area: place words, then a level word and the place's name.
    let mut level: Option<Level> = None;
    while i < toks.len() {
        if let Some(n) = school_phrase_at(toks, i, &v.places) {
            plural |= word(i) == Some("trên");
            level = match word(i + 1) {
                Some("tỉnh") if word(i) == Some("cấp") => Some(Level::Province),
                Some("huyện") if word(i) == Some("cấp") => Some(Level::District),
                Some("xã") if word(i) == Some("cấp") => Some(Level::Commune),
                _ => level,
            };
            i += n;
            continue;
        }
        let n = school_phrase_at(toks, i, &v.levels)?;
        level = Some(match toks.get(i..i + n).map(|w| w.join(" ")).as_deref() {
            Some("tỉnh") => Level::Province,
            Some("thành phố") => city_level(toks, i, ctx),
            Some("quận" | "huyện" | "thị xã") => Level::District,
            _ => Level::Commune,
        });
        let rest = toks.get(i + n..).unwrap_or(&[]);
        if rest.len() > SCHOOL_PLACE_NAME_WORDS || rest.iter().any(|t| is_joining(t)) {
            return None;
        }
        i = toks.len();
    }
    if !plural {
        return None;
    }
    let level = level.unwrap_or(match ctx.issuer_level {
        Some(Level::Commune) => Level::Commune,
        Some(Level::District) => Level::District,
        _ => Level::Province,
    });
    let prefix = match level {
        Level::Commune => "commune",
        Level::District => "district",
        _ => "province",
    };
    agency_by_id(&format!("{prefix}:{SCHOOLS_FIELD}"))
}

/// The field of the schools of an area (`<level>:schools` in the table).
const SCHOOLS_FIELD: &str = "schools";

// ---------------------------------------------------------------------------
// Resolution

/// Role words and fillers that end an agency name ("… chủ trì thực hiện
/// theo chức năng, nhiệm vụ").
pub(crate) const FILLERS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "thực hiện",
    "theo",
    "trong phạm vi",
    "trong giai đoạn",
    "căn cứ",
    "cung cấp",
    "tham gia",
    "có trách nhiệm",
    "được giao",
    "tổ chức thực hiện",
    "hướng dẫn",
    "chỉ đạo",
    "nội dung thuộc",
    "phù hợp",
];

/// A set of bytes.
struct ByteSet([bool; 256]);

impl ByteSet {
    /// The first bytes of `words` (an empty word adds none).
    fn first_bytes<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut set = [false; 256];
        for b in words.filter_map(|w| w.as_bytes().first()) {
            if let Some(x) = set.get_mut(usize::from(*b)) {
                *x = true;
            }
        }
        ByteSet(set)
    }

    fn contains(&self, b: u8) -> bool {
        self.0.get(usize::from(b)).copied().unwrap_or(false)
    }
}

/// Cached token forms of fixed phrases.
struct Fixed {
    fillers: Vec<Vec<String>>,
    /// The first bytes of `fillers`' first tokens.
    filler_starts: ByteSet,
    folded_fillers: Vec<String>,
    /// The first bytes of `folded_fillers`.
    folded_filler_starts: ByteSet,
    committee: Vec<String>,
    chair: Vec<String>,
}

fn fixed() -> &'static Fixed {
    static F: OnceLock<Fixed> = OnceLock::new();
    F.get_or_init(|| {
        let fillers: Vec<Vec<String>> = FILLERS.iter().map(|f| tokens(f)).collect();
        let folded_fillers: Vec<String> = FILLERS.iter().map(|f| fold(f)).collect();
        Fixed {
            filler_starts: ByteSet::first_bytes(
                fillers.iter().filter_map(|f| f.first()).map(String::as_str),
            ),
            folded_filler_starts: ByteSet::first_bytes(folded_fillers.iter().map(String::as_str)),
            fillers,
            folded_fillers,
            committee: tokens("ủy ban nhân dân"),
            chair: tokens("chủ tịch ủy ban nhân dân"),
        }
    })
}

fn strip_role_words(toks: &[String]) -> (&[String], Option<Role>) {
    let fixed = fixed();
    let fillers = &fixed.fillers;
    for i in 1..toks.len() {
        let first_byte = toks.get(i).and_then(|t| t.as_bytes().first());
        // Most words start with a byte no filler starts with.
        if !first_byte.is_some_and(|&b| fixed.filler_starts.contains(b)) {
            continue;
        }
        for f in fillers {
            // Most words differ from a filler's first word in their first
            // byte: no need to compare them whole.
            if f.first()
                .is_some_and(|w| w.as_bytes().first() != first_byte)
            {
                continue;
            }
            if toks.get(i..i + f.len()) == Some(f.as_slice()) {
                let before: Vec<&str> = toks
                    .get(..i)
                    .unwrap_or(&[])
                    .iter()
                    .map(String::as_str)
                    .collect();
                let after = toks.get(i + f.len()..).map(|r| r.join(" "));
                if council_role_word(&before, &f.join(" "), after.as_deref(), false) {
                    continue;
                }
                let role = match f.first().map(String::as_str) {
                    Some("chủ") => Some(Role::Lead),
                    Some("phối" | "tham") => Some(Role::Support),
                    _ => None,
                };
                return (toks.get(..i).unwrap_or(toks), role);
            }
        }
    }
    (toks, None)
}

/// Removes bullets, "Đề nghị", a trailing parenthesis and punctuation.
fn clean_tokens(toks: &[String]) -> (&[String], bool) {
    let mut requested = false;
    let mut toks = toks;
    loop {
        let word = |k: usize| toks.get(k).map(String::as_str);
        let drop = match word(0) {
            Some("-" | "+" | "," | ";" | ":" | "•" | "và") => 1,
            Some("đề") if word(1) == Some("nghị") => {
                requested = true;
                2
            }
            // "Thủ trưởng các cơ quan, đơn vị", "Người đứng đầu các sở":
            // the head answers for the body, which is the one assigned.
            Some("thủ") if word(1) == Some("trưởng") && toks.len() > 2 => 2,
            // "Chủ tịch Ủy ban nhân dân xã": the chairman answers for the
            // committee, at the level the name writes (the commune's own,
            // in a commune's plan), as the head of a body does.
            Some("chủ")
                if word(1) == Some("tịch")
                    && toks.len() > 2 + fixed().committee.len()
                    && toks.get(2..2 + fixed().committee.len())
                        == Some(fixed().committee.as_slice()) =>
            {
                2
            }
            Some("người")
                if word(1) == Some("đứng") && word(2) == Some("đầu") && toks.len() > 3 =>
            {
                3
            }
            _ => break,
        };
        toks = toks.get(drop..).unwrap_or(&[]);
    }
    if let Some(p) = toks.iter().position(|t| t == "(") {
        toks = toks.get(..p).unwrap_or(&[]);
    }
    while let Some(("," | ";" | ":" | "-" | ")", rest)) =
        toks.split_last().map(|(l, rest)| (l.as_str(), rest))
    {
        toks = rest;
    }
    (toks, requested)
}

/// Resolves an agency name.
///
/// Collective agents ("các sở, ban, ngành (có liên quan)", "UBND các xã,
/// phường", "các cơ quan, đơn vị liên quan", "UBND các tỉnh, thành phố",
/// "các bộ, ngành", "các phòng, đơn vị trực thuộc Sở") come back with
/// [`Agency::collective`] set; a name not in the table comes back as
/// `unresolved:<folded name>`, orderable, with no level.
///
/// ```
/// use obligraph_core::Level;
/// use obligraph_vn::agency::{resolve_agency, AgencyContext};
/// let ctx = AgencyContext::default();
/// let a = resolve_agency("Đề nghị VKSND quận", &ctx);
/// assert_eq!((a.id.as_str(), a.orderable), ("district:procuracy", false));
/// assert_eq!(resolve_agency("Ban Chỉ huy Quận sự quận", &ctx).id, "district:military");
/// let hue = AgencyContext { issuer_level: Some(Level::Province), ..Default::default() };
/// assert_eq!(resolve_agency("Công an thành phố", &hue).id, "province:police");
/// assert!(resolve_agency("Ban Quản lý dự án X", &ctx).id.starts_with("unresolved:"));
/// ```
pub fn resolve_agency(name: &str, ctx: &AgencyContext) -> Agency {
    resolve_known(name, ctx).unwrap_or_else(|| unresolved(&strip_html(name)))
}

/// [`resolve_agency`] when the name is known (a collective or a table
/// entry).
fn resolve_known(name: &str, ctx: &AgencyContext) -> Option<Agency> {
    resolve_known_tokens(&tokens(&strip_html(name)), ctx)
}

/// [`resolve_known`] of a name given as its [`tokens`] (after
/// [`strip_html`]).
fn resolve_known_tokens(toks: &[String], ctx: &AgencyContext) -> Option<Agency> {
    let (toks, _) = clean_tokens(toks);
    let (core, _) = strip_role_words(toks);
    // The whole name is tried after its core only when role words were cut
    // off it (else the two are one).
    let whole = (core.len() < toks.len()).then_some(toks);
    if let Some(a) = resolve_collective(core).or_else(|| whole.and_then(resolve_collective)) {
        return Some(own_units(a, core, ctx));
    }
    if let Some(a) = resolve_schools(core, ctx).or_else(|| resolve_units_of(core, ctx)) {
        return Some(a);
    }
    match resolve_tokens(core, ctx).or_else(|| whole.and_then(|w| resolve_tokens(w, ctx))) {
        Some(idx) => table().entries.get(idx).cloned(),
        None => one_of_each_level(core).and_then(|one| resolve_known_tokens(&one, ctx)),
    }
}

/// A body named for each unit of a level, the level's kinds listed after
/// "các" ("Phòng Tư pháp các huyện, thị xã, thành phố", "Ủy ban MTTQ Việt
/// Nam các xã, phường"): the name of one of them, with the first kind
/// ("Phòng Tư pháp huyện"). `None` unless every token after "các" is a
/// level word, a comma or "và".
fn one_of_each_level(toks: &[String]) -> Option<Vec<String>> {
    let at = toks.iter().position(|t| t == "các").filter(|&p| p > 0)?;
    let (head, listed) = toks.split_at(at);
    let listed = listed.get(1..)?;
    let levels: Vec<Vec<&str>> = LEVEL_WORDS.iter().map(|w| w.split(' ').collect()).collect();
    let mut first: Option<&Vec<&str>> = None;
    let mut i = 0;
    while i < listed.len() {
        if listed.get(i).is_some_and(|t| t == "," || t == "và") {
            i += 1;
            continue;
        }
        let level = levels.iter().find(|l| {
            listed
                .get(i..i + l.len())
                .is_some_and(|w| w.iter().zip(l.iter()).all(|(a, b)| a == b))
        })?;
        first.get_or_insert(level);
        i += level.len();
    }
    let mut one = head.to_vec();
    one.extend(first?.iter().map(|w| (*w).to_string()));
    Some(one)
}

/// Answers of [`resolve_known`] and list segments for one document (one
/// [`AgencyContext`]): lists try the same runs of names again and again,
/// and repeat the same segments.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    known: HashMap<String, Option<Agency>>,
    /// Assignments of a list segment (as split, before trimming), and
    /// whether the segment writes its role: when not, every assignment has
    /// the default role it was read with, and the same segment read with
    /// another default role differs only there.
    segments: HashMap<String, (Vec<Assignment>, bool)>,
    /// The words of names, interned.
    words: HashMap<String, u32>,
    /// Interned word by id.
    word_list: Vec<String>,
    /// A list piece (or separator) to the ids of its [`tokens`] after
    /// [`strip_html`]; `None` when it holds a `<` (a tag might run on into
    /// the next piece).
    piece_ids: HashMap<String, Option<Vec<u32>>>,
    /// Answers of [`resolve_known`] keyed on the token ids of the name.
    runs: HashMap<Vec<u32>, Option<Agency>>,
    /// The words of the run being resolved (its first `ids.len()`).
    scratch: Vec<String>,
    /// Whether a collective's name as written also names the mass
    /// organisations (see [`mass_organisations_beside`]).
    beside_named: HashMap<String, (bool, bool)>,
    /// Short codes the document defined ("Phòng Cảnh sát hình sự
    /// (PC02)"): the code's tokens and the body its name resolves to.
    codes: Vec<(Vec<String>, Agency)>,
}

impl Memo {
    /// Makes `code` name, for this document, the body `name` resolves to
    /// (as written after it: "Phòng An ninh đối ngoại (PA01)", "Trung tâm
    /// Quản lý kỹ thuật (sau đây gọi tắt là Trung tâm)"); a code of
    /// several tokens names it only written whole.
    pub(crate) fn define_code(&mut self, code: &str, name: &str, ctx: &AgencyContext) {
        let agency = self.resolve(name, ctx);
        let toks = tokens(code);
        if !toks.is_empty() && !self.codes.iter().any(|(c, _)| *c == toks) {
            self.codes.push((toks, agency));
        }
        // Answers given before the code was known are stale.
        self.known.clear();
        self.runs.clear();
        self.segments.clear();
    }

    /// The body a name written as a defined code (role words aside:
    /// "PC02 chủ trì") is.
    fn coded(&self, toks: &[String]) -> Option<Agency> {
        if self.codes.is_empty() {
            return None;
        }
        let (toks, _) = clean_tokens(toks);
        let (core, _) = strip_role_words(toks);
        self.codes
            .iter()
            .find(|(c, _)| c.as_slice() == core)
            .map(|(_, a)| a.clone())
    }

    /// Appends the token ids of a list piece or separator (see
    /// [`Memo::piece_ids`]) to `out`; returns the range they take, `None`
    /// when the piece has none.
    fn push_piece_ids(&mut self, text: &str, out: &mut Vec<u32>) -> Option<(usize, usize)> {
        let start = out.len();
        match self.piece_ids.get(text) {
            Some(Some(ids)) => out.extend_from_slice(ids),
            Some(None) => return None,
            None => out.extend(self.piece_ids(text)?),
        }
        Some((start, out.len()))
    }

    /// The token ids of a list piece or separator (see [`Memo::piece_ids`]).
    fn piece_ids(&mut self, text: &str) -> Option<Vec<u32>> {
        if let Some(ids) = self.piece_ids.get(text) {
            return ids.clone();
        }
        let ids = (!text.contains('<')).then(|| {
            tokens(&strip_html(text))
                .into_iter()
                .map(|w| match self.words.get(&w) {
                    Some(&id) => id,
                    None => {
                        let id = u32::try_from(self.word_list.len()).unwrap_or(u32::MAX);
                        self.word_list.push(w.clone());
                        self.words.insert(w, id);
                        id
                    }
                })
                .collect()
        });
        self.piece_ids.insert(text.to_string(), ids.clone());
        ids
    }

    /// [`resolve_known`] of a name given as token ids.
    fn resolve_ids(&mut self, ids: &[u32], ctx: &AgencyContext) -> Option<Agency> {
        if let Some(a) = self.runs.get(ids) {
            return a.clone();
        }
        // The words into `scratch`, whose strings are reused from run to
        // run.
        for (k, &i) in ids.iter().enumerate() {
            let word = usize::try_from(i)
                .ok()
                .and_then(|i| self.word_list.get(i))
                .map_or("", String::as_str);
            match self.scratch.get_mut(k) {
                Some(s) => {
                    s.clear();
                    s.push_str(word);
                }
                None => self.scratch.push(word.to_string()),
            }
        }
        let toks = self.scratch.get(..ids.len()).unwrap_or(&[]);
        let a = self.coded(toks).or_else(|| resolve_known_tokens(toks, ctx));
        self.runs.insert(ids.to_vec(), a.clone());
        a
    }

    fn resolve_known(&mut self, name: &str, ctx: &AgencyContext) -> Option<Agency> {
        if let Some(a) = self.known.get(name) {
            return a.clone();
        }
        let a = if self.codes.is_empty() {
            resolve_known(name, ctx)
        } else {
            self.coded(&tokens(&strip_html(name)))
                .or_else(|| resolve_known(name, ctx))
        };
        self.known.insert(name.to_string(), a.clone());
        a
    }

    fn resolve(&mut self, name: &str, ctx: &AgencyContext) -> Agency {
        self.resolve_known(name, ctx)
            .unwrap_or_else(|| unresolved(&strip_html(name)))
    }
}

fn unresolved(name: &str) -> Agency {
    let clean = tidy(name);
    let clean = clean
        .trim_start_matches(['-', '+', '•', ' '])
        .trim_end_matches([',', ';', '.', ':', ' '])
        .to_string();
    Agency {
        id: format!("unresolved:{}", fold(&clean)),
        name: clean,
        level: None,
        field: None,
        orderable: true,
        collective: None,
    }
}

fn is_resolved(a: &Agency) -> bool {
    !a.id.starts_with("unresolved:")
}

// ---------------------------------------------------------------------------
// Lists

/// Replaces block tags by line breaks and drops other tags and markdown.
fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('<') {
        out.push_str(rest.get(..p).unwrap_or(""));
        let after = rest.get(p + 1..).unwrap_or("");
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        match (is_tag, after.find('>')) {
            (true, Some(q)) => {
                let tag = after.get(..q).unwrap_or("").to_ascii_lowercase();
                let name = tag.trim_start_matches('/');
                if ["p", "li", "ul", "ol", "br", "div", "tr", "td"]
                    .iter()
                    .any(|b| {
                        name.strip_prefix(b)
                            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '/']))
                    })
                {
                    out.push('\n');
                } else {
                    out.push(' ');
                }
                rest = after.get(q + 1..).unwrap_or("");
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    if !out.contains('*') {
        return out;
    }
    out.replace("**", "").replace('*', "")
}

/// Splits `s` at `;` and line breaks outside parentheses (an unclosed
/// parenthesis ends at the next `;`).
fn split_segments(s: &str) -> Vec<String> {
    // Segments are the stretches between the breaks (the break chars are
    // dropped).
    let mut out: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '\n' | ';' => {
                let breaks = c == '\n' || depth == 0 || !s.get(i..).unwrap_or("").contains(')');
                if breaks {
                    out.push(s.get(start..i).unwrap_or(""));
                    start = i + c.len_utf8();
                    depth = 0;
                }
            }
            _ => {}
        }
    }
    out.push(s.get(start..).unwrap_or(""));
    out.into_iter()
        .flat_map(split_bullets)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.trim_matches(['-', '+', '•', ' ', ',', '.']).is_empty())
        .collect()
}

/// Splits " - X" bullets inside a segment when X starts an agency.
fn split_bullets(seg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some(p) = seg
        .get(search..)
        .and_then(|r| r.find(" - "))
        .map(|p| p + search)
    {
        let next = seg.get(p + 3..).unwrap_or("");
        let depth_ok = {
            let before = seg.get(start..p).unwrap_or("");
            before.matches('(').count() <= before.matches(')').count()
        };
        if depth_ok
            && starts_agency(next)
            && !name_runs_on(seg.get(start..).unwrap_or(""), p - start)
        {
            out.push(seg.get(start..p).unwrap_or("").to_string());
            start = p + 1;
        }
        search = p + 3;
    }
    out.push(seg.get(start..).unwrap_or("").to_string());
    out
}

/// Whether a known name that `text` starts with runs on past its byte
/// `at` (a " - " inside the name: "Phòng Văn hóa - Xã hội, …").
pub(crate) fn name_runs_on(text: &str, at: usize) -> bool {
    let head = crate::import::text::first_chars(text, NAME_WINDOW_CHARS);
    if !may_start_known_name(head) {
        return false;
    }
    let before = tokens(text.get(..at).unwrap_or("")).len();
    let toks = tokens(head);
    let runs_on = known_name_lengths(&toks).any(|n| n > before);
    runs_on
}

/// Whether the first token of `tokens(text)` may start a known name:
/// false when it starts none, read from the first word alone (the fold
/// and the tokens of a text up to its first whitespace are those of the
/// whole text up to there). A first word with no token answers true, for
/// the caller to read the whole text. Most word starts that
/// [`inside_known_name`] tries start no name (about a quarter of a warm
/// import's instructions went to tokenizing 120 chars for each).
fn may_start_known_name(text: &str) -> bool {
    let word = text
        .trim_start()
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    tokens(word)
        .first()
        .is_none_or(|first| table().key_lens.contains_key(first))
}

/// The most words of a known name before a word inside it: the longest
/// name of the table ("Phòng Quản lý xử lý vi phạm hành chính và theo dõi
/// thi hành pháp luật") has 16.
const NAME_WORDS_BEFORE: usize = 16;

/// Whether byte `at` of `text` (a word start) lies inside a known name
/// that starts at one of the words before it.
///
/// The same answer as asking [`name_runs_on`] at each of those words
/// (`inside_known_name_each`, kept for the tests), with each word of the
/// text tokenized once instead of once per start: [`tokens`] of text cut
/// at whitespace are the tokens of its words one after another (the fold
/// changes nothing across whitespace), so the tokens of the text from a
/// start are a run of the words' tokens, but for a word cut by the end of
/// the 120 chars read or by `at`, tokenized as cut.
pub(crate) fn inside_known_name(text: &str, at: usize) -> bool {
    if at > text.len() || !text.is_char_boundary(at) {
        return inside_known_name_each(text, at);
    }
    let starts = name_starts_before(text, at);
    let Some(&first) = starts.first() else {
        return false;
    };
    let key_lens = &table().key_lens;
    let mut words = TextWords::new(text, first);
    let mut cut: Vec<String> = Vec::new();
    let window_ends = window_ends(text, &starts);
    starts.iter().zip(&window_ends).any(|(&s, &we)| {
        let from = words.first_from(s);
        // The window's tokens, as far as the longest name starting with
        // its first token (no longer prefix is looked up): a run of the
        // words' tokens, or a copy ending with a word cut at the window's
        // end.
        let (mut lo, mut hi) = (None, 0);
        cut.clear();
        let mut i = from;
        let mut longest = None;
        while let Some(w) = words.get(i) {
            if w.start >= we {
                break;
            }
            if w.end <= we {
                lo.get_or_insert(w.toks.start);
                hi = w.toks.end;
            } else {
                cut.extend(
                    words
                        .toks
                        .get(lo.unwrap_or(0)..hi)
                        .unwrap_or(&[])
                        .iter()
                        .cloned(),
                );
                tokens_into(text.get(w.start..we).unwrap_or(""), &mut cut);
            }
            let window = if cut.is_empty() {
                words.toks.get(lo.unwrap_or(0)..hi).unwrap_or(&[])
            } else {
                &cut
            };
            if longest.is_none() {
                match window.first().map(|f| key_lens.get(f)) {
                    Some(None) => return false,
                    Some(Some(lens)) => longest = lens.first().copied(),
                    None => {}
                }
            }
            if w.end > we || longest.is_some_and(|l| window.len() >= l) {
                break;
            }
            i += 1;
        }
        let Some(longest) = longest else {
            return false;
        };
        // The tokens from the start to `at`, counted as far as `longest`.
        let mut before = 0;
        let mut j = from;
        while let Some(w) = words.get(j) {
            if w.start >= at || before >= longest {
                break;
            }
            if w.end <= at {
                before += w.toks.len();
            } else {
                before += tokens(text.get(w.start..at).unwrap_or("")).len();
                break;
            }
            j += 1;
        }
        let window = if cut.is_empty() {
            words.toks.get(lo.unwrap_or(0)..hi).unwrap_or(&[])
        } else {
            &cut
        };
        let window = window.get(..longest).unwrap_or(window);
        let runs_on = known_name_lengths(window).any(|n| n > before);
        runs_on
    })
}

/// The chars [`inside_known_name`] reads from a start.
const NAME_WINDOW_CHARS: usize = 120;

/// For each of `starts` (increasing char boundaries of `text`), the end of
/// its first [`NAME_WINDOW_CHARS`] chars: `s + first_chars(&text[s..],
/// NAME_WINDOW_CHARS).len()`, the chars walked once for all the starts.
fn window_ends(text: &str, starts: &[usize]) -> Vec<usize> {
    let Some((&first, &last)) = starts.first().zip(starts.last()) else {
        return Vec::new();
    };
    // Char offsets from the first start, as far as the last start's window
    // needs.
    let mut offsets: Vec<usize> = Vec::new();
    let mut past_last = 0usize;
    for (i, _) in text.get(first..).unwrap_or("").char_indices() {
        let at = first + i;
        if at > last {
            past_last += 1;
            if past_last > NAME_WINDOW_CHARS {
                break;
            }
        }
        offsets.push(at);
    }
    starts
        .iter()
        .map(|&s| match offsets.binary_search(&s) {
            Ok(k) => offsets
                .get(k + NAME_WINDOW_CHARS)
                .copied()
                .unwrap_or(text.len()),
            Err(_) => {
                s + crate::import::text::first_chars(text.get(s..).unwrap_or(""), NAME_WINDOW_CHARS)
                    .len()
            }
        })
        .collect()
}

/// A word of [`TextWords`]: its bytes and its tokens' place.
struct TextWord {
    start: usize,
    end: usize,
    toks: std::ops::Range<usize>,
}

/// The words of a text (runs between whitespace) from a byte on, each
/// tokenized once when first asked for.
struct TextWords<'a> {
    text: &'a str,
    /// The next byte to read.
    pos: usize,
    words: Vec<(usize, usize, std::ops::Range<usize>)>,
    toks: Vec<String>,
}

impl<'a> TextWords<'a> {
    fn new(text: &'a str, from: usize) -> Self {
        TextWords {
            text,
            pos: from,
            words: Vec::new(),
            toks: Vec::new(),
        }
    }

    /// Reads the next word; false at the end of the text.
    fn read(&mut self) -> bool {
        let rest = self.text.get(self.pos..).unwrap_or("");
        let Some(lead) = rest.find(|c: char| !c.is_whitespace()) else {
            self.pos = self.text.len();
            return false;
        };
        let start = self.pos + lead;
        let end = self
            .text
            .get(start..)
            .and_then(|r| r.find(char::is_whitespace))
            .map_or(self.text.len(), |e| start + e);
        let from = self.toks.len();
        tokens_into(self.text.get(start..end).unwrap_or(""), &mut self.toks);
        self.words.push((start, end, from..self.toks.len()));
        self.pos = end;
        true
    }

    fn get(&mut self, i: usize) -> Option<TextWord> {
        while self.words.len() <= i {
            if !self.read() {
                return None;
            }
        }
        self.words.get(i).map(|(start, end, toks)| TextWord {
            start: *start,
            end: *end,
            toks: toks.clone(),
        })
    }

    /// The index of the first word starting at byte `s` or after.
    fn first_from(&mut self, s: usize) -> usize {
        loop {
            if let Some(i) = self.words.iter().position(|w| w.0 >= s) {
                return i;
            }
            if !self.read() {
                return self.words.len();
            }
        }
    }
}

/// The word starts of `text` before byte `at` that a known name holding
/// `at` may start at: the last [`NAME_WORDS_BEFORE`].
fn name_starts_before(text: &str, at: usize) -> Vec<usize> {
    let head = text.get(..at).unwrap_or("");
    let starts: Vec<usize> = std::iter::once(0)
        .chain(head.match_indices(' ').map(|(i, _)| i + 1))
        .filter(|&i| i < at)
        .collect();
    let from = starts.len().saturating_sub(NAME_WORDS_BEFORE);
    starts.get(from..).unwrap_or(&[]).to_vec()
}

/// [`inside_known_name`] as [`name_runs_on`] at each start.
fn inside_known_name_each(text: &str, at: usize) -> bool {
    name_starts_before(text, at)
        .iter()
        .any(|&s| text.get(s..).is_some_and(|rest| name_runs_on(rest, at - s)))
}

/// Whether text starts with an agency name, a collective or "Đề nghị".
pub(crate) fn starts_agency(text: &str) -> bool {
    let toks = tokens(crate::import::text::first_chars(text, 80));
    match toks.first().map(String::as_str) {
        Some("các") => return true,
        Some("đề") if toks.get(1).map(String::as_str) == Some("nghị") => return true,
        None => return false,
        _ => {}
    }
    let committee = &fixed().committee;
    if toks.get(..committee.len()) == Some(committee.as_slice()) {
        return true;
    }
    let named = known_name_lengths(&toks).next().is_some();
    named
        || (1..=toks.len().min(12)).any(|n| {
            toks.get(..n).is_some_and(|h| {
                resolve_collective(h).is_some()
                    || resolve_schools(h, &AgencyContext::default()).is_some()
            })
        })
}

/// A piece of an agency list: text and the scope note in parentheses.
struct Piece {
    text: String,
    scope: Option<String>,
    /// The separator written before it: "", ", " or " và ".
    sep_before: &'static str,
}

/// Splits an agency part at ", " and " và " outside parentheses.
fn split_pieces(s: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut cur = String::new();
    let mut scope = String::new();
    let mut depth = 0usize;
    let mut sep: &'static str = "";
    let push =
        |cur: &mut String, scope: &mut String, sep: &mut &'static str, pieces: &mut Vec<Piece>| {
            let text = cur.trim().to_string();
            let sc = scope
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .trim()
                .to_string();
            if !text.is_empty() || !sc.is_empty() {
                pieces.push(Piece {
                    text,
                    scope: (!sc.is_empty()).then_some(sc),
                    sep_before: std::mem::take(sep),
                });
            }
            cur.clear();
            scope.clear();
        };
    // Read byte by byte (the marks looked for are ASCII, which no byte of
    // another char equals); the text from `run` to `i` goes to the piece
    // (outside parentheses) or to its scope (inside) in one copy.
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        if depth > 0 {
            match c {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        scope.push_str(s.get(run..=i).unwrap_or(""));
                        run = i + 1;
                    }
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        let next_sep = match c {
            b'(' => {
                cur.push_str(s.get(run..i).unwrap_or(""));
                run = i;
                depth = 1;
                None
            }
            b',' => Some(", "),
            b' ' if s.get(i..).is_some_and(|r| r.starts_with(" và ")) => Some(" và "),
            _ => None,
        };
        match next_sep {
            Some(next) => {
                cur.push_str(s.get(run..i).unwrap_or(""));
                push(&mut cur, &mut scope, &mut sep, &mut pieces);
                sep = next;
                i += if c == b',' { 1 } else { " và ".len() };
                run = i;
            }
            None => i += 1,
        }
    }
    let rest = s.get(run..).unwrap_or("");
    if depth > 0 {
        scope.push_str(rest);
    } else {
        cur.push_str(rest);
    }
    push(&mut cur, &mut scope, &mut sep, &mut pieces);
    pieces
}

/// Scope notes that say nothing ("(có liên quan)", "(nếu có)").
fn meaningful_scope(s: &str) -> Option<String> {
    let f = fold(s);
    let empty = [
        "có liên quan",
        "liên quan",
        "nếu có",
        "trực thuộc trung ương",
        "sau đây gọi tắt",
    ];
    (!f.is_empty() && !empty.iter().any(|e| f == *e || f.starts_with("sau đây"))).then(|| tidy(s))
}

/// Where the agency names of a segment end: the first role verb or filler
/// outside parentheses. Returns (agency part, tail).
pub(crate) fn cut_at_filler(seg: &str) -> (String, String) {
    let mut depth = 0usize;
    let fixed = fixed();
    let fillers = &fixed.folded_fillers;
    let folded = fold(seg);
    let mut prev: Option<char> = None;
    for (k, (b, c)) in folded.char_indices().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let word_start = k == 0 || prev == Some(' ');
        prev = Some(c);
        if depth > 0 || !word_start {
            continue;
        }
        let rest = folded.get(b..).unwrap_or("");
        let first = rest.as_bytes().first();
        if !first.is_some_and(|&b| fixed.folded_filler_starts.contains(b)) {
            continue;
        }
        let filler = fillers.iter().find(|f| {
            f.as_bytes().first() == first
                && rest.starts_with(f.as_str())
                && rest
                    .get(f.len()..)
                    .is_none_or(|r| r.is_empty() || r.starts_with([' ', ',', ';', '.', '(', ')']))
        });
        if let Some(f) = filler {
            // "Hội đồng phối hợp phổ biến, …": the name goes on.
            if in_council_name(&folded, seg, b, f) {
                continue;
            }
            // Map the folded char index back to the normalized original.
            let orig = tidy(seg);
            if orig.chars().count() == folded.chars().count() {
                let at = orig.char_indices().nth(k).map_or(orig.len(), |(i, _)| i);
                // A filler inside a known name is part of it ("Phòng Quản
                // lý xử lý vi phạm hành chính và theo dõi thi hành pháp
                // luật").
                if inside_known_name(&orig, at) {
                    continue;
                }
                let (head, tail) = orig.split_at_checked(at).unwrap_or((&orig, ""));
                return (head.to_string(), tail.to_string());
            }
            return (seg.to_string(), String::new());
        }
    }
    (tidy(seg), String::new())
}

/// Whether the filler `f` at byte `b` of `folded` (the fold of `seg`) is
/// a role word inside a council's name ([`council_role_word`]).
fn in_council_name(folded: &str, seg: &str, b: usize, f: &str) -> bool {
    if !COUNCIL_ROLE_WORDS.contains(&f) {
        return false;
    }
    let head = folded.get(..b).unwrap_or("");
    let before: Vec<&str> = head
        .split_whitespace()
        .flat_map(|w| match w.strip_suffix(',') {
            Some(x) => vec![x, ","],
            None => vec![w],
        })
        .filter(|w| !w.is_empty())
        .collect();
    let after = folded.get(b + f.len()..).map(str::trim_start);
    // The role word's first letter in `seg` (same chars as the fold when
    // the fold kept their count).
    let k = head.chars().count();
    let tidy_seg = tidy(seg);
    let capital = tidy_seg.chars().count() == folded.chars().count()
        && tidy_seg.chars().nth(k).is_some_and(char::is_uppercase);
    council_role_word(&before, f, after, capital)
}

/// The word that opens a qualifier of place after bodies' names ("Trưởng
/// thôn nơi người chấp hành án cư trú", "Công an xã nơi xảy ra vụ việc"),
/// written in lower case.
const PLACE_QUALIFIER: &str = "nơi";

/// `part` without a qualifier of place ([`PLACE_QUALIFIER`]) after its
/// names, outside parentheses and any known name; with the qualifier. A
/// qualifier with nothing before it is none.
fn cut_at_qualifier(part: &str) -> (String, Option<String>) {
    let needle = format!(" {PLACE_QUALIFIER} ");
    let Some(at) = part.find(&needle) else {
        return (part.to_string(), None);
    };
    let head = part.get(..at).unwrap_or("");
    let open = head.matches('(').count() > head.matches(')').count();
    if open || head.trim().is_empty() || inside_known_name(part, at + 1) {
        return (part.to_string(), None);
    }
    let qualifier = part
        .get(at + 1..)
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim();
    (head.to_string(), Some(qualifier.to_string()))
}

/// The work a request may close with, after the bodies asked: "đề nghị
/// Ủy ban MTTQ Việt Nam xã giám sát", "đề nghị Hội Luật gia tỉnh phản
/// biện", as written in lower case.
const ASKED_WORK: &[&str] = &["giám sát", "phản biện xã hội", "phản biện", "vận động"];

/// `part` without the work a request closes with ([`ASKED_WORK`], as its
/// last words); with that work.
fn cut_asked_work(part: &str) -> (String, Option<String>) {
    let body = part
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_end();
    for w in ASKED_WORK {
        if let Some(head) = body.strip_suffix(w).filter(|h| h.ends_with(' ')) {
            if !head.trim().is_empty() && !inside_known_name(body, head.len()) {
                return (head.trim_end().to_string(), Some((*w).to_string()));
            }
        }
    }
    (part.to_string(), None)
}

/// The role verb that comes first in a tail. After a preposition, "cơ
/// quan chủ trì", "đơn vị phối hợp" are nouns (the lead agency, the
/// supporting unit), not verbs: "theo đề xuất của cơ quan chủ trì" gives
/// no role.
fn role_of(tail: &str) -> Option<Role> {
    // Most segments have no tail.
    if tail.is_empty() {
        return None;
    }
    let t = fold(tail);
    let verb = |word: &str| {
        t.match_indices(word).map(|(i, _)| i).find(|&i| {
            let before = t.get(..i).unwrap_or("").trim_end();
            let noun = before
                .strip_suffix("cơ quan")
                .or_else(|| before.strip_suffix("đơn vị"));
            !noun.is_some_and(|rest| {
                let rest = rest.trim_end();
                ["của", "với", "cho"].iter().any(|p| rest.ends_with(p))
            })
        })
    };
    let lead = verb("chủ trì");
    let support = verb("phối hợp").or_else(|| verb("tham gia"));
    match (lead, support) {
        (Some(l), Some(s)) => Some(if l < s { Role::Lead } else { Role::Support }),
        (Some(_), None) => Some(Role::Lead),
        (None, Some(_)) => Some(Role::Support),
        (None, None) => None,
    }
}

/// A scope written after the verb: "(đối với …)" or "đối với …".
pub(crate) fn tail_scope(tail: &str) -> Option<String> {
    if tail.is_empty() {
        return None;
    }
    if let (Some(a), Some(b)) = (tail.find('('), tail.rfind(')')) {
        if a < b {
            return tail.get(a + 1..b).and_then(meaningful_scope);
        }
    }
    let f = fold(tail);
    let orig = tidy(tail);
    if orig.chars().count() != f.chars().count() {
        return None;
    }
    for kw in ["đối với ", "về vấn đề "] {
        if let Some(p) = f.find(kw) {
            let k = f.get(..p).map_or(0, |s| s.chars().count());
            let s: String = orig.chars().skip(k).collect();
            return meaningful_scope(s.trim_end_matches(['.', ';', ',']));
        }
    }
    None
}

/// Splits a cell or label value into assignments.
///
/// Handles bullets ("- Sở Ngoại vụ; - Các Sở, ngành có liên quan"), HTML
/// fragments (`<p>`, `<ul><li>`), distributive lists ("Các Sở: Tư pháp,
/// Ngoại vụ, Xây dựng"), names containing commas and "và" ("Sở Văn hóa,
/// Thể thao và Du lịch"), "Đề nghị X chủ trì/phối hợp" (requested, and the
/// role from the verb when written, else `role`), scope notes in
/// parentheses, and trailing words ("thực hiện theo chức năng, nhiệm vụ")
/// that are not agencies.
///
/// ```
/// use obligraph_core::Role;
/// use obligraph_vn::agency::{parse_agency_list, AgencyContext};
/// let cell = "- Sở Ngoại vụ; - Các Sở, ngành có liên quan; \
///             - Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp";
/// let a = parse_agency_list(cell, Role::Support, &AgencyContext::default());
/// assert_eq!(a.len(), 4);
/// assert!(a[2].requested && a[3].requested && !a[0].requested);
/// assert_eq!(a[3].agency.id, "province:court");
/// ```
pub fn parse_agency_list(text: &str, role: Role, ctx: &AgencyContext) -> Vec<Assignment> {
    parse_agency_list_with(text, role, ctx, &mut Memo::default())
}

/// [`parse_agency_list`] with the document's [`Memo`].
pub(crate) fn parse_agency_list_with(
    text: &str,
    role: Role,
    ctx: &AgencyContext,
    memo: &mut Memo,
) -> Vec<Assignment> {
    let mut out = Vec::new();
    for seg in split_segments(&strip_html(text)) {
        // A segment's assignments depend on nothing else, and on the
        // default role only when the segment writes none.
        if let Some((done, own_role)) = memo.segments.get(&seg) {
            let first = out.len();
            out.extend(done.iter().cloned());
            if !own_role {
                for a in out.iter_mut().skip(first) {
                    a.role = role;
                }
            }
            continue;
        }
        let first = out.len();
        let own_role = parse_segment(&seg, role, ctx, memo, &mut out);
        let done = out.get(first..).unwrap_or(&[]).to_vec();
        memo.segments.insert(seg, (done, own_role));
    }
    out
}

/// The partners' verb a segment may open with ("phối hợp với …").
const PARTNER_VERB: &str = "phối hợp với ";

/// `seg` without the [`PARTNER_VERB`] it opens with; `None` when it opens
/// otherwise.
fn strip_partner_verb(seg: &str) -> Option<String> {
    // (Only a segment opening with "p" or "P" is folded.)
    let may = seg.trim_start().starts_with(['p', 'P']);
    (may && fold(seg).starts_with(PARTNER_VERB))
        .then(|| {
            seg.trim_start()
                .chars()
                .skip(PARTNER_VERB.chars().count())
                .collect::<String>()
        })
        .filter(|rest| !rest.trim().is_empty())
}

/// The assignments of one segment of a list, each with the role the
/// segment writes, else `role`; whether the segment writes one.
fn parse_segment(
    seg: &str,
    role: Role,
    ctx: &AgencyContext,
    memo: &mut Memo,
    out: &mut Vec<Assignment>,
) -> bool {
    let seg = seg.trim_start_matches(['-', '+', '•', ' ']).trim();
    // The fold starts with "đ" only when the first char it keeps is "đ"
    // or "Đ" (no other char composes or lowercases to it).
    let may_request = seg
        .chars()
        .find(|&c| !c.is_whitespace() && !crate::normalize::is_invisible(c))
        .is_some_and(|c| matches!(c, 'đ' | 'Đ'));
    let (requested, seg) = {
        if may_request && fold(seg).starts_with("đề nghị ") {
            (
                true,
                seg.chars()
                    .skip("đề nghị ".chars().count())
                    .collect::<String>(),
            )
        } else {
            (false, seg.to_string())
        }
    };
    // "Công an các phường; phối hợp với Ủy ban Mặt trận Tổ quốc …": a
    // segment opening with the partners' verb names partners.
    let (partnered, seg) = match strip_partner_verb(&seg) {
        Some(rest) => (true, rest),
        None => (false, seg),
    };
    let (part, tail) = cut_at_filler(&seg);
    // "Trưởng thôn nơi người chấp hành án cư trú": the bodies, and where
    // they act as their scope.
    let (part, place_scope) = cut_at_qualifier(&part);
    // "đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã giám sát": the work a
    // request asks for closes it; it is the bodies' scope, not their name.
    let (part, asked_work) = if requested && tail.trim().is_empty() {
        cut_asked_work(&part)
    } else {
        (part, None)
    };
    // "Các cơ quan chủ trì soạn thảo": the role words describe the bodies;
    // the column (or the list's role) decides.
    let noun_phrase = role_word_in_noun_phrase(&part, &tail);
    let own_role = if partnered {
        Some(Role::Support)
    } else if noun_phrase {
        None
    } else {
        role_of(&tail)
    };
    let seg_role = own_role.unwrap_or(role);
    // "Cơ quan chủ trì giải quyết bồi thường": a bare "cơ quan" / "đơn
    // vị" before the role words is a description of a body (the one that
    // settles compensation), not a name: the whole item is kept as one.
    if folds_to_one_of(part.trim().trim_end_matches([',', ':']), GENERIC_BODIES) {
        let written = seg.trim().trim_end_matches(['.', ';', ',']).to_string();
        out.push(assignment(
            unresolved(&written),
            seg_role,
            requested,
            None,
            &written,
        ));
        return own_role.is_some();
    }
    // "Phó Trưởng phòng phụ trách công tác trợ giúp pháp lý và bồi
    // thường nhà nước", "công chức phụ trách phổ biến, giáo dục pháp
    // luật": one of the issuer's own people, the post's description and
    // all ("và", commas and verbs in it name no one else).
    let post = part.trim().trim_end_matches([',', ':', '.']);
    if let Some(staff) = own_staff(post, ctx) {
        out.push(assignment(staff, seg_role, requested, None, post));
        return own_role.is_some();
    }
    if noun_phrase {
        // The collective its head names ("Các cơ quan" → the bodies
        // concerned), the description as its scope; the whole as written.
        let written = seg.trim().trim_end_matches(['.', ';', ',']).to_string();
        let head = part.trim().trim_end_matches([',', ':']);
        let description = tail.trim().trim_end_matches(['.', ';', ',']);
        let agency = memo
            .resolve_known(head, ctx)
            .filter(Agency::is_collective)
            .unwrap_or_else(|| unresolved(&written));
        let scope = agency.is_collective().then_some(description);
        out.push(assignment(agency, seg_role, requested, scope, &written));
        return false;
    }
    let group_scope = tail_scope(&tail).or(asked_work);
    let first = out.len();
    // "Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh (đề nghị phối
    // hợp)": a request closing the segment asks every body it lists.
    let closing_request = part
        .trim_end()
        .strip_suffix(')')
        .and_then(|p| p.rfind('(').and_then(|o| p.get(o + 1..)))
        .is_some_and(asks);
    parse_part(
        &part,
        seg_role,
        requested || closing_request,
        ctx,
        memo,
        out,
    );
    // The qualifier of place is the last body's, the one it follows.
    if let Some(last) = place_scope.and_then(|sc| Some((out.iter_mut().skip(first).last()?, sc))) {
        let (a, sc) = last;
        a.scope.get_or_insert(sc);
    }
    if let Some(sc) = group_scope {
        for a in out.iter_mut().skip(first) {
            if a.scope.is_none() {
                a.scope = Some(sc.clone());
            }
        }
    }
    own_role.is_some()
}

/// Head nouns of agency names not in the table ("Văn phòng HĐND và UBND
/// xã", "Trung tâm Giám sát, điều hành đô thị thông minh"): a name that
/// starts with one of them, and is short, is taken as an agency when prose
/// names it as the subject of a role.
const AGENCY_HEADS: &[&str] = &[
    "văn phòng",
    "trung tâm",
    "ban",
    "phòng",
    "sở",
    "chi cục",
    "cục",
    "đài",
    "báo",
    "trường",
    "bệnh viện",
    "hội",
    "đoàn",
    "liên đoàn",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "công an",
    "tòa án",
    "toà án",
    "viện",
    "thanh tra",
    "kho bạc",
    "bộ",
    // A police force's own units: its teams ("Đội Tổng hợp", "Đội Cảnh
    // sát điều tra tội phạm về trật tự xã hội") and its lock-up ("Nhà tạm
    // giữ"), named by the district police plans of 2023.
    "đội",
    "nhà tạm giữ",
    "các",
];

/// Whether `text` opens with a capitalised head of a body's name ("Phòng
/// …", "Trung tâm …", "Bộ Chỉ huy …"; not "các …").
pub(crate) fn opens_with_head(text: &str) -> bool {
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let f = fold(crate::import::text::first_chars(text, 24));
    !f.starts_with("các ") && folded_opens_with_head(&f)
}

/// Whether `before` ends with a capitalised head of a body's name and
/// nothing after it ("Đội", "Phòng", "Trung tâm"): a capitalised word
/// there goes on with the name ("Đội Tổng hợp là đơn vị thường trực":
/// "Tổng hợp" is no verb).
pub(crate) fn ends_with_head(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    (1..=words.len()).any(|n| {
        let head: Vec<&str> = words.iter().take(n).rev().copied().collect();
        head.first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
            && AGENCY_HEADS
                .iter()
                .any(|h| *h != "các" && fold(&head.join(" ")) == *h)
    })
}

/// Whether folded text `f` opens with one of [`AGENCY_HEADS`] as a word.
fn folded_opens_with_head(f: &str) -> bool {
    AGENCY_HEADS
        .iter()
        .any(|h| f.strip_prefix(h).is_some_and(|r| r.starts_with(' ')))
}

/// The most words a list of agency names written in prose runs to.
const MAX_LIST_WORDS: usize = 60;

/// The most words of a parenthesis inside a list of names that is a note
/// on the body before it ("Văn phòng Sở (bộ phận tiếp công dân) và các
/// đơn vị trực thuộc"): a part of a body, as the plans name one, runs to
/// five words ("bộ phận tiếp nhận và trả kết quả" is six: then the list
/// is read only from a table or a role line).
const MAX_NOTE_WORDS: usize = 5;

/// Whether every parenthesis of `t` closes, none nests, each follows a
/// word (a name's last) and each holds at most [`MAX_NOTE_WORDS`] words.
fn scope_notes_only(t: &str) -> bool {
    let mut rest = t;
    while let Some(open) = rest.find('(') {
        let before = rest.get(..open).unwrap_or("");
        if before.contains(')') || !before.ends_with(' ') || before.trim().is_empty() {
            return false;
        }
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find(')') else {
            return false;
        };
        let inner = after.get(..close).unwrap_or("");
        if inner.contains('(') || inner.split_whitespace().count() > MAX_NOTE_WORDS {
            return false;
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    !rest.contains(')')
}

/// Verbs that open a task: a name that holds one after its first word has
/// run on into the task ("Ủy ban nhân dân cấp huyện nghiên cứu …" is not
/// a place name after "Ủy ban nhân dân").
pub(crate) const TASK_VERBS: &[&str] = &[
    "nghiên cứu",
    "rà soát",
    "tổ chức",
    "đẩy mạnh",
    "triển khai",
    "thực hiện",
    "xây dựng",
    "tuyên truyền",
    "kiểm tra",
    "hướng dẫn",
    "đánh giá",
    "tăng cường",
    "nâng cao",
    "tiếp tục",
    "phổ biến",
    "cung cấp",
    "bảo đảm",
    "đảm bảo",
    "giải quyết",
    "tham mưu",
    "báo cáo",
    "tổng hợp",
    "đề xuất",
    "chỉ đạo",
    "ban hành",
    "phát triển",
    "hoàn thiện",
    "tập huấn",
    "bố trí",
    "cập nhật",
    "thống kê",
    "lồng ghép",
    "đăng tải",
    "đa dạng hóa",
    "ứng dụng",
    "giáo dục",
    "truyền thông",
    "kịp thời",
    "hỗ trợ",
    "ưu tiên",
    "tiến hành",
    // "Đề nghị Ban Thanh tra nhân dân xã giám sát theo quy định": bodies
    // asked to supervise; a name writes it capitalised ("Trung tâm Giám
    // sát, điều hành đô thị thông minh").
    "giám sát",
    // "đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh gửi báo
    // cáo …": no name holds it.
    "gửi",
];

/// Nouns opening with a [`TASK_VERBS`] word ("tổ chức chính trị - xã
/// hội" is an organisation, not "organise …").
pub(crate) const TASK_VERB_NOUNS: &[&str] = &[
    "tổ chức chính trị",
    "tổ chức xã hội",
    "tổ chức thành viên",
    "tổ chức đoàn thể",
    "tổ chức, cá nhân",
    "tổ chức và cá nhân",
    "giáo dục bắt buộc",
    "giáo dục nghề nghiệp",
    "giáo dục và đào tạo",
    // "Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp": judicial
    // support, a police unit's field.
    "hỗ trợ tư pháp",
];

/// [`TASK_VERBS`] folded, word by word.
fn task_verbs() -> &'static [Vec<String>] {
    static V: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    V.get_or_init(|| {
        TASK_VERBS
            .iter()
            .map(|v| v.split(' ').map(fold).collect())
            .collect()
    })
}

/// Words before "tổ chức" that make it a noun ("các tổ chức chính trị -
/// xã hội", "Ban Tổ chức").
const BEFORE_ORGANISATION_NOUN: &[&str] = &["các", "ban", "những", "và"];

/// Whether `words` open with one of [`TASK_VERB_NOUNS`].
fn opens_verb_noun(words: &[&str]) -> bool {
    let f = fold(&words.iter().take(4).copied().collect::<Vec<_>>().join(" "));
    TASK_VERB_NOUNS.iter().any(|n| f.starts_with(&fold(n)))
}

/// Whether a name as written holds a task verb after its first word,
/// outside the known name it opens with ("Phòng Xây dựng và kiểm tra văn
/// bản", "Phòng Phổ biến, giáo dục pháp luật" hold theirs).
fn holds_task_verb(written: &str) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    (1..words.len()).any(|i| {
        task_verb_at(&words, i) && !opens_verb_noun(words.get(i..).unwrap_or(&[])) && {
            let at = words.get(..i).map_or(0, |w| w.join(" ").len());
            !name_runs_on(written, at)
        }
    })
}

/// Whether a task verb starts at word `i` of `words` (as written;
/// punctuation around a word is ignored). The verb is written in lower
/// case: "Sở Xây dựng", "Ban Tổ chức" are names.
pub(crate) fn task_verb_at(words: &[&str], i: usize) -> bool {
    let starts_lower = words
        .get(i)
        .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
        .is_some_and(char::is_lowercase);
    if !starts_lower {
        return false;
    }
    let folded: Vec<String> = words
        .iter()
        .skip(i.saturating_sub(1))
        .take(4)
        .map(|w| fold(w.trim_matches(|c: char| !crate::normalize::is_alphanumeric(c))))
        .collect();
    let at = usize::from(i > 0);
    let word = |k: usize| folded.get(k).map(String::as_str);
    let i = at;
    let organisation = fold("tổ chức");
    task_verbs().iter().any(|v| {
        let hit = v
            .iter()
            .enumerate()
            .all(|(k, w)| word(i + k) == Some(w.as_str()));
        hit && !(v.join(" ") == organisation
            && i > 0
            && word(i - 1).is_some_and(|p| BEFORE_ORGANISATION_NOUN.contains(&p)))
    })
}

/// The assignments of `text` when it is nothing but a list of agencies:
/// every name known (a table entry or a collective), or unknown but
/// opening with an agency head noun and of at most `unknown_words` words
/// (0: unknown names refused). `None` otherwise: prose ("Tiếp tục", "rà
/// soát văn bản") is not a subject.
pub(crate) fn only_agencies_with(
    text: &str,
    role: Role,
    unknown_words: usize,
    ctx: &AgencyContext,
    memo: &mut Memo,
) -> Option<Vec<Assignment>> {
    let t = text.trim().trim_matches([',', ';', ':', '.', ' ']);
    // Cheap refusals before a parse: a name opens with a capital, but for
    // the collectives "các …" and a request "đề nghị …"; and no list of
    // names runs to a sentence's length.
    let first_lower = t
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    if first_lower {
        let head = fold(&t.chars().take(12).collect::<String>());
        if !LOWER_CASE_OPENERS.iter().any(|o| head.starts_with(o)) {
            return None;
        }
    }
    if t.split_whitespace().count() > MAX_LIST_WORDS {
        return None;
    }
    if t.is_empty() || t.contains(['(', ')']) && !t.ends_with(')') && !scope_notes_only(t) {
        return None;
    }
    // Every word of the text must belong to a name: a list parse drops
    // trailing fillers ("thực hiện theo …"), which prose must not have.
    // (Tried before the parse, which costs more and decides nothing here.)
    let (_, tail) = cut_at_filler(t);
    if !tail.trim().is_empty() {
        return None;
    }
    let list = parse_agency_list_with(t, role, ctx, memo);
    if list.is_empty() {
        return None;
    }
    let named_ok = |a: &Assignment| {
        if is_resolved(&a.agency) {
            return true;
        }
        let f = fold(&a.as_written);
        // A body written by the code the document gave it ("PA05"): its
        // name is the one written with the code. So is one written by a
        // short form in words ("Trung tâm" for "Trung tâm Kiểm định …"),
        // as a name the table does not know (read where those are).
        let head = folded_opens_with_head(&fold(&a.agency.name));
        let written = a
            .as_written
            .trim_matches(|c: char| !crate::normalize::is_alphanumeric(c));
        let coded = head && !written.contains(' ')
            || head && unknown_words > 0 && fold(written) != fold(&a.agency.name);
        coded || f.split_whitespace().count() <= unknown_words && folded_opens_with_head(&f)
    };
    // Names of bodies are written with a capital ("Công an tỉnh", "Sở Tư
    // pháp"); only collectives are written in lower case ("các sở, ban,
    // ngành"): a lower-case word of prose ("phòng, chống khủng bố") is no
    // name.
    let capitalised = |a: &Assignment| {
        a.agency.is_collective()
            || a.agency.id == OWN_STAFF_ID
            || is_resolved(&a.agency) && fold(&a.as_written).starts_with("công chức ")
            || a.as_written
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
    };
    if !list.iter().all(capitalised) {
        return None;
    }
    if !list.iter().all(named_ok)
        || list.iter().any(|a| {
            !is_group(&a.agency) && a.agency.id != OWN_STAFF_ID && holds_task_verb(&a.as_written)
        })
    {
        return None;
    }
    Some(list)
}

/// Whether an agency is a group its whole name was read as by its own
/// grammar (a collective, the schools of an area): its words may hold a
/// task verb ("các cơ sở giáo dục") without having run on into a task.
fn is_group(a: &Agency) -> bool {
    a.is_collective() || a.field.as_deref() == Some(SCHOOLS_FIELD)
}

/// How a list of agencies may open in lower case: a collective ("các sở,
/// ngành"), a request ("đề nghị …"), a commune's civil servant of a field
/// ("công chức Tư pháp - Hộ tịch", a body of the commune).
const LOWER_CASE_OPENERS: &[&str] = &[
    "các ",
    "đề nghị",
    "công chức",
    "bộ phận",
    "cán bộ",
    "chuyên viên",
];

/// Words that name no body on their own ("Cơ quan chủ trì giải quyết bồi
/// thường" describes one).
const GENERIC_BODIES: &[&str] = &["cơ quan", "đơn vị"];

/// Words after a generic body that make the role words after them part of
/// its description ("cơ quan được giao chủ trì": the body given the lead).
const ASSIGNED_WORDS: &[&str] = &["được giao", "được phân công"];

/// Role words that, after a generic body, are still a verb when followed
/// by one of these ("Các cơ quan, đơn vị phối hợp thực hiện").
const ROLE_VERB_FOLLOWERS: &[&str] = &["thực hiện", "với", "cùng", "theo"];

/// Head nouns of councils, boards and teams whose names hold a role word:
/// "Hội đồng phối hợp phổ biến, giáo dục pháp luật", "Ban Chỉ đạo 138",
/// "Tổ phối hợp liên ngành", "Ủy ban phối hợp …".
pub(crate) const COUNCIL_HEADS: &[&str] = &["hội đồng", "ủy ban", "ban", "tổ"];

/// The role words that are part of such names.
pub(crate) const COUNCIL_ROLE_WORDS: &[&str] = &["phối hợp", "chỉ đạo"];

/// Whether the role word `word` (folded), between the folded words
/// `before` and `after`, is part of a council's name ("Hội đồng phối hợp
/// phổ biến, giáo dục pháp luật", "Ban Chỉ đạo 138"): it follows a council
/// head noun ([`COUNCIL_HEADS`]) and the name runs on after it (not "…
/// phối hợp thực hiện"). "ban" after "sở," or "các" is a noun of a
/// collective ("các sở, ban phối hợp"), unless the role word is written
/// with a capital ("các sở, Ban Chỉ đạo …"). `capital` says whether it is.
pub(crate) fn council_role_word(
    before: &[&str],
    word: &str,
    after: Option<&str>,
    capital: bool,
) -> bool {
    if !COUNCIL_ROLE_WORDS.contains(&word) {
        return false;
    }
    let runs_on = after.is_some_and(|a| {
        a.starts_with(|c: char| c.is_alphanumeric())
            && !ROLE_VERB_FOLLOWERS
                .iter()
                .any(|f| a == *f || a.starts_with(&format!("{f} ")))
    });
    if !runs_on {
        return false;
    }
    let ends = |phrase: &str| {
        let p: Vec<&str> = phrase.split(' ').collect();
        before.len() >= p.len() && before.get(before.len() - p.len()..) == Some(p.as_slice())
    };
    let Some(head) = COUNCIL_HEADS.iter().find(|h| ends(h)) else {
        return false;
    };
    if *head != "ban" || capital {
        return true;
    }
    let prior = before.len().checked_sub(2).and_then(|k| before.get(k));
    !prior.is_some_and(|w| matches!(*w, "," | "các" | "sở" | "những"))
}

/// `lower` (lowercase text) with the role words inside councils' names
/// ([`council_role_word`]) masked, so that they are not read as verbs:
/// "hội đồng phối hợp phổ biến" → "hội đồng phối#hợp phổ biến". Byte
/// offsets are kept.
pub(crate) fn mask_council_role_words(lower: &str) -> std::borrow::Cow<'_, str> {
    if !COUNCIL_ROLE_WORDS.iter().any(|r| lower.contains(r)) {
        return std::borrow::Cow::Borrowed(lower);
    }
    let mut out = lower.to_string();
    for r in COUNCIL_ROLE_WORDS {
        let mut from = 0;
        while let Some(p) = lower.get(from..).and_then(|x| x.find(r)).map(|p| p + from) {
            from = p + r.len();
            let head = lower.get(..p).unwrap_or("");
            if !head.ends_with(' ') {
                continue;
            }
            let before: Vec<&str> = head
                .split_whitespace()
                .rev()
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .flat_map(|w| match w.strip_suffix(',') {
                    Some(x) => vec![x, ","],
                    None => vec![w],
                })
                .collect();
            let after = lower.get(p + r.len()..).map(str::trim_start);
            if lower.get(p + r.len()..).is_some_and(|a| a.starts_with(' '))
                && council_role_word(&before, r, after, false)
            {
                if let Some(space) = r.find(' ') {
                    out.replace_range(p + space..p + space + 1, "#");
                }
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a name holds a council's name with a role word ("Hội đồng
/// phối hợp …", "Ban Chỉ đạo …").
fn holds_council_name(written: &str) -> bool {
    let f = fold(written);
    COUNCIL_HEADS.iter().any(|h| {
        COUNCIL_ROLE_WORDS.iter().any(|r| {
            let name = format!("{h} {r} ");
            f.starts_with(&name) || f.contains(&format!(" {name}"))
        })
    })
}

/// Whether the role words opening `tail` belong to a noun phrase with
/// `part`, which holds only generic bodies ([`GENERIC_BODIES`], after
/// "các" / "những", joined by "," or "và"): "Các cơ quan chủ trì soạn
/// thảo", "đơn vị chủ trì tổ chức", "cơ quan được giao chủ trì" name
/// bodies by what they lead. A role word at the end or followed by
/// [`ROLE_VERB_FOLLOWERS`] is the verb of the list ("Các cơ quan, đơn vị
/// phối hợp").
fn role_word_in_noun_phrase(part: &str, tail: &str) -> bool {
    if tail.is_empty() {
        return false;
    }
    let p = fold(part);
    let p = p.trim().trim_end_matches([',', ':']).trim();
    let p = ["các ", "những "]
        .iter()
        .find_map(|w| p.strip_prefix(w))
        .unwrap_or(p);
    let generic = p
        .split([',', ';'])
        .flat_map(|x| x.split(" và "))
        .map(str::trim)
        .all(|x| GENERIC_BODIES.contains(&x));
    if !generic {
        return false;
    }
    let t = fold(tail);
    let t = t.trim();
    let role_words = ["chủ trì", "phối hợp", "tham gia"];
    if let Some(after) = ASSIGNED_WORDS.iter().find_map(|w| t.strip_prefix(w)) {
        let after = after.trim_start();
        return role_words.iter().any(|r| after.starts_with(r));
    }
    let Some(after) = role_words.iter().find_map(|r| t.strip_prefix(r)) else {
        return false;
    };
    let after = after.trim_start();
    after.starts_with(|c: char| c.is_alphabetic())
        && !ROLE_VERB_FOLLOWERS.iter().any(|f| after.starts_with(f))
}

/// Parses the agency part of one segment (no role words left).
fn parse_part(
    part: &str,
    role: Role,
    requested: bool,
    ctx: &AgencyContext,
    memo: &mut Memo,
    out: &mut Vec<Assignment>,
) {
    let part = part.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    if part.is_empty() {
        return;
    }
    // Distributive: "Các Sở: Tư pháp, Ngoại vụ, Xây dựng".
    if let Some((head, items)) = part.split_once(':') {
        let h = fold(head);
        let prefix = match h.trim() {
            "các sở" => Some("Sở"),
            "các phòng" => Some("Phòng"),
            "các bộ" => Some("Bộ"),
            _ => None,
        };
        if let Some(prefix) = prefix {
            for p in split_pieces(items) {
                if p.text.is_empty() {
                    continue;
                }
                let written = format!("{prefix} {}", p.text);
                let agency = memo.resolve(&written, ctx);
                out.push(assignment(
                    agency,
                    role,
                    requested,
                    p.scope.as_deref(),
                    &written,
                ));
            }
            return;
        }
    }
    let pieces = split_pieces(part);
    // The tokens of a run of pieces are the tokens of its pieces and
    // separators in turn: `tokens` splits at the separators' "," and
    // spaces, and `strip_html` changes nothing across them when no piece
    // holds a "<".
    let mut flat: Vec<u32> = Vec::new();
    let ids: Vec<Option<(usize, usize)>> = pieces
        .iter()
        .map(|p| memo.push_piece_ids(&p.text, &mut flat))
        .collect();
    let sep_ids: Vec<Option<(usize, usize)>> = pieces
        .iter()
        .map(|p| memo.push_piece_ids(p.sep_before, &mut flat))
        .collect();
    let ids_of = |r: Option<&Option<(usize, usize)>>| -> Option<&[u32]> {
        let (a, b) = (*r?)?;
        flat.get(a..b)
    };
    let mut run: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // Longest run of pieces that resolves as one name.
        let mut chosen: Option<(usize, Agency, String)> = None;
        let last = pieces.len().min(i + MAX_PIECES);
        for j in (i..last).rev() {
            let run_pieces = pieces.get(i..=j).unwrap_or(&[]);
            // The joined text is blank only for one blank piece: a
            // separator is never blank.
            if run_pieces.iter().all(|p| p.text.trim().is_empty())
                && (j == i || join_pieces(run_pieces).trim().is_empty())
            {
                continue;
            }
            run.clear();
            let by_ids = (i..=j).all(|k| {
                let sep: Option<&[u32]> = if k > i {
                    ids_of(sep_ids.get(k))
                } else {
                    Some(&[])
                };
                match (sep, ids_of(ids.get(k))) {
                    (Some(sep), Some(own)) => {
                        run.extend_from_slice(sep);
                        run.extend_from_slice(own);
                        true
                    }
                    _ => false,
                }
            });
            // A longer run is taken only when it is a known name.
            let known = if by_ids {
                memo.resolve_ids(&run, ctx)
            } else {
                memo.resolve_known(&join_pieces(run_pieces), ctx)
            };
            let a = match known {
                Some(a) => a,
                None if j == i => unresolved(&strip_html(&join_pieces(run_pieces))),
                None => continue,
            };
            if is_resolved(&a) || j == i {
                chosen = Some((j, a, join_pieces(run_pieces)));
                break;
            }
        }
        let Some((mut j, mut agency, mut written)) = chosen else {
            i += 1;
            continue;
        };
        // A council's name unknown to the table runs on over the commas of
        // its subject ("Hội đồng phối hợp phổ biến, giáo dục pháp luật
        // tỉnh") up to the next known name.
        if !is_resolved(&agency) && holds_council_name(&written) {
            let mut k = j + 1;
            while pieces
                .get(k)
                .is_some_and(|p| p.sep_before == ", " && memo.resolve_known(&p.text, ctx).is_none())
            {
                k += 1;
            }
            if k > j + 1 {
                j = k - 1;
                written = join_pieces(pieces.get(i..=j).unwrap_or(&[]));
                agency = unresolved(&strip_html(&written));
            }
        }
        // An office's name unknown to the table runs on over its commas
        // and "và" ("Phòng Tổ chức, biên chế và Tổ chức phi chính phủ",
        // "Phòng Tiền lương và Bảo hiểm xã hội") up to a piece that opens
        // another body.
        if opens_office(&written, &agency) && pieces.get(j).is_some_and(|p| p.scope.is_none()) {
            let mut k = j + 1;
            while pieces
                .get(k)
                .is_some_and(|p| office_name_goes_on(p, memo, ctx))
            {
                k += 1;
                if pieces.get(k - 1).is_some_and(|p| p.scope.is_some()) {
                    break;
                }
            }
            if k > j + 1 || agency.is_collective() {
                j = k - 1;
                written = join_pieces(pieces.get(i..=j).unwrap_or(&[]));
                agency = unresolved(&strip_html(&written));
            }
        }
        // Any body's name unknown to the table runs on over " và " when
        // what follows stands as no body alone ("Đội Cảnh sát điều tra
        // tội phạm về kinh tế và ma túy", "… thi hành án hình sự và hỗ trợ
        // tư pháp").
        if !is_resolved(&agency) && !agency.is_collective() && opens_with_head(&written) {
            let mut k = j;
            while pieces.get(k).is_some_and(|p| p.scope.is_none())
                && pieces
                    .get(k + 1)
                    .is_some_and(|p| goes_on_after_va(p, memo, ctx))
            {
                k += 1;
            }
            if k > j {
                j = k;
                written = join_pieces(pieces.get(i..=j).unwrap_or(&[]));
                agency = unresolved(&strip_html(&written));
            }
        }
        let scope = pieces.get(j).and_then(|p| p.scope.as_deref());
        let written_norm = tidy(&written);
        let agency = numbered_region(agency, &written_norm);
        if !written_norm.trim().is_empty() && !is_filler_only(&written_norm) {
            let beside = collectives_beside(&agency, &written_norm, memo);
            // `tidy` of tidy text is that text.
            let own_scope = scope_of(&agency, scope, &written_norm);
            out.push(Assignment {
                agency,
                role,
                requested,
                scope: own_scope,
                as_written: written_norm.clone(),
            });
            for other in beside {
                out.push(Assignment {
                    agency: other,
                    role,
                    requested,
                    scope: scope.and_then(meaningful_scope),
                    as_written: written_norm.clone(),
                });
            }
        }
        i = j + 1;
    }
}

/// Whether `written`, read as `agency`, is an office's name the table
/// does not know: "Phòng" and a capitalised word, unresolved, or read as
/// a collective, whose nouns are written in lower case ("Phòng Tổ chức"
/// is no "phòng, tổ chức").
fn opens_office(written: &str, agency: &Agency) -> bool {
    let mut words = written.split_whitespace();
    let head = words.next().map(fold);
    let named = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    head.as_deref() == Some("phòng") && named && (!is_resolved(agency) || agency.is_collective())
}

/// Whether a piece after an office's unknown name goes on with that name:
/// written after ", " or " và ", it opens with no head of a body
/// ([`AGENCY_HEADS`], "đề nghị") and is not a known body of a level
/// ("Bảo hiểm xã hội tỉnh").
fn office_name_goes_on(p: &Piece, memo: &mut Memo, ctx: &AgencyContext) -> bool {
    if p.text.trim().is_empty() || !matches!(p.sep_before, ", " | " và ") {
        return false;
    }
    let f = fold(p.text.trim());
    let opens = |w: &str| f == w || f.starts_with(&format!("{w} "));
    if AGENCY_HEADS.iter().any(|h| opens(h)) || opens("đề nghị") {
        return false;
    }
    let levelled = LEVEL_WORDS.iter().any(|l| f.ends_with(&format!(" {l}")));
    !(levelled && memo.resolve_known(&p.text, ctx).is_some())
}

/// Whether a piece written after " và " goes on with the name before it:
/// it opens in lower case, with no head of a body, and is no known body
/// ("ma túy", "hỗ trợ tư pháp"; not "các cơ quan liên quan").
fn goes_on_after_va(p: &Piece, memo: &mut Memo, ctx: &AgencyContext) -> bool {
    p.sep_before == " và "
        && p.text.chars().next().is_some_and(char::is_lowercase)
        && office_name_goes_on(p, memo, ctx)
        && memo.resolve_known(&p.text, ctx).is_none()
}

/// Whether a parenthesis after a name says the body is only asked ("(đề
/// nghị phối hợp)", "(đề nghị)").
fn asks(scope: &str) -> bool {
    fold(scope.trim_start_matches('(').trim()).starts_with("đề nghị")
}

/// A regional body written with its number ("Tòa án nhân dân khu vực 5",
/// "Kho bạc Nhà nước khu vực XII") keeps the number in its name; the id
/// stays the one of all the regional bodies of that kind.
fn numbered_region(mut agency: Agency, written: &str) -> Agency {
    // Most names hold no "khu vực": no fold for them.
    if !(written.contains("vực") || written.contains("VỰC")) {
        return agency;
    }
    let f = fold(written);
    let Some(p) = f.rfind("khu vực ") else {
        return agency;
    };
    let Some(number) = f
        .get(p + "khu vực ".len()..)
        .and_then(|r| r.split_whitespace().next())
    else {
        return agency;
    };
    let is_number = number.chars().all(|c| c.is_ascii_digit())
        || number.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
    if is_number && fold(&agency.name).ends_with("khu vực") {
        agency.name = format!("{} {}", agency.name, number.to_uppercase());
    }
    agency
}

/// The most comma- or "và"-separated pieces one name can have ("các cơ
/// quan, đơn vị, địa phương, tổ chức, đoàn thể có liên quan").
const MAX_PIECES: usize = 8;

fn join_pieces(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for (k, p) in pieces.iter().enumerate() {
        if k > 0 {
            s.push_str(p.sep_before);
        }
        s.push_str(&p.text);
    }
    s
}

/// Words that are left over from phrasing, not names ("nhiệm vụ", "thẩm quyền").
fn is_filler_only(s: &str) -> bool {
    const FILLER_ONLY: &[&str] = &[
        "nhiệm vụ",
        "nhiệm vụ được giao",
        "thẩm quyền",
        "chức năng",
        "quyền hạn",
        "có liên quan",
        "liên quan",
    ];
    folds_to_one_of(s, FILLER_ONLY)
}

/// Whether the [`fold`] of `s` is one of `phrases` (folded, words
/// separated by one space). Folding keeps every word that holds a letter
/// or digit (it composes, lowercases and drops invisible chars, but never
/// empties such a word or joins two), so `s` with more such words than
/// the longest phrase is none of them, and is not folded.
fn folds_to_one_of(s: &str, phrases: &[&str]) -> bool {
    let most = phrases
        .iter()
        .map(|p| p.split(' ').count())
        .max()
        .unwrap_or(0);
    let words = s
        .split_whitespace()
        .filter(|w| w.chars().any(crate::normalize::is_alphanumeric))
        .take(most + 1)
        .count();
    words <= most && phrases.contains(&fold(s).as_str())
}

fn assignment(
    agency: Agency,
    role: Role,
    requested: bool,
    scope: Option<&str>,
    written: &str,
) -> Assignment {
    let scope = scope_of(&agency, scope, written);
    Assignment {
        agency,
        role,
        requested,
        scope,
        as_written: tidy(written),
    }
}

/// An assignment's scope: the note in parentheses when it says something,
/// else, for a collective, the part of it the name writes
/// ([`subset_note`]).
fn scope_of(agency: &Agency, scope: Option<&str>, written: &str) -> Option<String> {
    scope.and_then(meaningful_scope).or_else(|| {
        agency
            .is_collective()
            .then(|| subset_note(written))
            .flatten()
    })
}

/// The part of a collective a name writes ("UBND các xã biên giới" →
/// "các xã biên giới"): from the "các" / "cấp" before its first subset
/// qualifier ([`COLLECTIVE_SUBSET_QUALIFIERS`]) to the end, as folded
/// words. `None` when the name narrows nothing.
pub(crate) fn subset_note(written: &str) -> Option<String> {
    let toks = tokens(&strip_html(written));
    let (toks, _) = clean_tokens(&toks);
    let (toks, _) = strip_role_words(toks);
    let at = (1..toks.len()).find(|&i| phrase_at(toks, i, Vocab::Subsets).is_some())?;
    let from = toks
        .get(..at)?
        .iter()
        .rposition(|t| t == "các" || t == "cấp")
        .unwrap_or(at.saturating_sub(1));
    let mut note = String::new();
    for t in toks.get(from..)? {
        if !note.is_empty() && !matches!(t.as_str(), "," | ";" | ")") {
            note.push(' ');
        }
        note.push_str(t);
    }
    Some(note)
}

/// Parses the roles inside a parenthesis after a task: "(Sở Tư pháp chủ
/// trì; Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh và
/// các sở, ban, ngành có liên quan phối hợp thực hiện hàng năm)".
///
/// Each ";"-clause with a role verb (chủ trì, phối hợp, tham gia) gives
/// assignments; the words after the verbs give the deadline. Returns `None`
/// when the parenthesis assigns nobody (a scope note, "(khi có yêu cầu)").
///
/// ```
/// use obligraph_core::{Deadline, Period, Role};
/// use obligraph_vn::agency::{parse_inline_roles, AgencyContext};
/// use obligraph_vn::deadline_phrase::DeadlineContext;
/// let r = parse_inline_roles(
///     "(Sở Tư pháp chủ trì; Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh \
///      và các sở, ban, ngành có liên quan phối hợp thực hiện hàng năm)",
///     &AgencyContext::default(), &DeadlineContext::default()).unwrap();
/// assert_eq!(r.assignments.len(), 5);
/// assert_eq!(r.assignments[0].role, Role::Lead);
/// assert_eq!(r.deadline, Some(Deadline::every(Period::Year)));
/// assert_eq!(r.deadline_text.as_deref(), Some("hàng năm"));
/// ```
pub fn parse_inline_roles(
    paren: &str,
    actx: &AgencyContext,
    dctx: &DeadlineContext,
) -> Option<InlineRoles> {
    parse_inline_roles_with(paren, actx, dctx, &mut Memo::default())
}

/// [`parse_inline_roles`] with the document's [`Memo`].
pub(crate) fn parse_inline_roles_with(
    paren: &str,
    actx: &AgencyContext,
    dctx: &DeadlineContext,
    memo: &mut Memo,
) -> Option<InlineRoles> {
    let inner = paren.trim();
    let inner = inner.strip_prefix('(').unwrap_or(inner);
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    let mut assignments = Vec::new();
    let mut tails: Vec<String> = Vec::new();
    for clause in split_segments(&strip_html(inner)) {
        let clause = clause.trim_start_matches(['-', '+', ' ']);
        let (part, tail) = cut_at_filler(clause);
        // "(Thanh tra Sở thực hiện)": the body named does it, and leads;
        // so do bodies that carry out their share ("(Thanh tra tỉnh chủ
        // trì; Ủy ban nhân dân các xã, phường thực hiện theo thẩm quyền)").
        let does = || {
            fold(tail.trim().trim_end_matches(['.', ';'])) == "thực hiện"
                || crate::roles::opens_with_remit_verb(&tail)
        };
        let Some(verb_role) = role_of(&tail).or_else(|| does().then_some(Role::Lead)) else {
            // "…; thực hiện thường xuyên": a clause that names nobody
            // dates the roles.
            if part.trim().is_empty() {
                tails.push(tail);
            }
            continue;
        };
        // The verb must come first in the tail ("chủ trì thực hiện …",
        // "phối hợp thực hiện"); "thực hiện theo chức năng …" alone assigns
        // nobody new unless the part names agencies.
        let mut list = parse_agency_list_with(&part, verb_role, actx, memo);
        if list.is_empty() && verb_role == Role::Support && !assignments.is_empty() {
            // "(X chủ trì; phối hợp với Y, Z; hằng năm)": the lead's
            // partners, named after the verb.
            list = partners_after_verb(&tail, actx, memo);
        }
        if list.is_empty() {
            continue;
        }
        let scope = tail_scope(&tail);
        for mut a in list {
            if a.scope.is_none() {
                a.scope.clone_from(&scope);
            }
            assignments.push(a);
        }
        if verb_role == Role::Lead {
            for a in partners_after_verb(&tail, actx, memo) {
                if !assignments.iter().any(|b| b.agency.id == a.agency.id) {
                    assignments.push(a);
                }
            }
        }
        tails.push(tail);
    }
    if assignments.is_empty() {
        return None;
    }
    let joined = tails.join("; ");
    let (deadline, deadline_text) = match deadline_phrase::parse_with_span(&joined, dctx) {
        Some((d, a, b)) => (Some(d), joined.get(a..b).map(|s| tidy(&s.replace('*', "")))),
        None => (None, None),
    };
    Some(InlineRoles {
        assignments,
        deadline,
        deadline_text,
    })
}

/// The partners a clause names after "phối hợp": "(Phòng Văn hóa - Xã
/// hội chủ trì, phối hợp Văn phòng HĐND và UBND xã, Ban nhân dân các ấp;
/// …)", "(Sở X chủ trì; phối hợp với Công an tỉnh, …)": they support.
fn partners_after_verb(tail: &str, actx: &AgencyContext, memo: &mut Memo) -> Vec<Assignment> {
    const VERB: &str = "phối hợp";
    let Some(at) = tail.find(VERB) else {
        return Vec::new();
    };
    let after = tail.get(at + VERB.len()..).unwrap_or("").trim_start();
    let after = after
        .strip_prefix("với ")
        .or_else(|| after.strip_prefix("cùng "))
        .unwrap_or(after);
    let (names, _) = cut_at_filler(after);
    parse_agency_list_with(&names, Role::Support, actx, memo)
        .into_iter()
        .filter(|a| !a.agency.id.starts_with("unresolved:"))
        .collect()
}

/// The commune office that answers for a field with no commune body of its
/// own: since 2025-07-01 (NĐ 150/2025/NĐ-CP) a commune has a Văn phòng HĐND
/// và UBND, a Phòng Kinh tế (Phòng Kinh tế, Hạ tầng và Đô thị in a ward)
/// and a Phòng Văn hóa - Xã hội, which between them take the fields of the
/// provincial departments. Read from the `commune_counterpart` column of
/// the reference table (`data/agencies-vn.tsv`). Sở Khoa học và Công nghệ
/// is left out: the table says "Phòng Kinh tế or Phòng Văn hóa - Xã hội
/// (check the provincial assignment)", so no one office can be named.
const COMMUNE_OFFICE_OF_FIELD: &[(&str, &str)] = &[
    // "Văn phòng HĐND và UBND xã (tư pháp)"; before 2025-07-01 the
    // commune's "công chức Tư pháp - hộ tịch" did the same work.
    ("justice", "government_office"),
    // "Văn phòng HĐND và UBND xã (đối ngoại) from 2025-07-01".
    ("foreign_affairs", "government_office"),
    ("home_affairs", "culture_society"),
    ("culture_sports_tourism", "culture_society"),
    ("tourism", "culture_society"),
    ("education", "culture_society"),
    ("health", "culture_society"),
    ("ethnic_religious", "culture_society"),
    ("finance", "economy"),
    ("industry_trade", "economy"),
    ("agriculture_environment", "economy"),
    ("construction", "economy"),
];

/// Words after a collective that make it "those of them concerned" ("các
/// Sở, ngành có liên quan", "các cơ quan, đơn vị liên quan"): which members
/// it takes in depends on the task, not on the collective. Folded
/// ([`fold`]).
const CONCERNED: &[&str] = &["liên quan"];

/// Whether a collective, as written, takes in only the members the task
/// concerns ("các Sở, ngành có liên quan", "Các cơ quan, đơn vị liên
/// quan"), not all of them ("các sở, ban, ngành").
pub fn only_those_concerned(as_written: &str) -> bool {
    let f = fold(as_written);
    CONCERNED.iter().any(|w| f.contains(w))
}

/// The field of the commune office that answers for `field` (see
/// [`counterpart`]): the field itself when a commune body of that field
/// exists, else the office that takes it in since 2025-07-01 ("justice" →
/// "government_office", "home_affairs" → "culture_society"), else `None`.
pub fn commune_field(field: &str) -> Option<&str> {
    if entry_of_field(Level::Commune, field).is_some() {
        return Some(field);
    }
    commune_office(field)
}

/// The field of the commune office that takes `field` in
/// ([`COMMUNE_OFFICE_OF_FIELD`]).
fn commune_office(field: &str) -> Option<&'static str> {
    COMMUNE_OFFICE_OF_FIELD
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, office)| *office)
}

/// The agency of the same field at `level`: Sở Tư pháp → Bộ Tư pháp
/// (national) or Phòng Tư pháp (district); Công an tỉnh → Bộ Công an;
/// "UBND các xã, phường" → "UBND các tỉnh, thành phố" at province level.
/// At the commune level a field with no body of its own goes to the
/// office that takes it in ([`commune_field`]): Sở Tư pháp → Văn phòng
/// HĐND và UBND xã, Sở Nội vụ → Phòng Văn hóa - Xã hội.
///
/// Returns `None` when no body answers for that field at that level (the
/// court, the procuracy, the inspectorate have none in a commune) and for
/// unresolved names.
///
/// ```
/// use obligraph_core::Level;
/// use obligraph_vn::agency::{counterpart, resolve_agency, AgencyContext};
/// let stp = resolve_agency("Sở Tư pháp", &AgencyContext::default());
/// assert_eq!(counterpart(&stp, Level::National).unwrap().id, "national:justice");
/// assert_eq!(counterpart(&stp, Level::District).unwrap().name, "Phòng Tư pháp");
/// assert_eq!(counterpart(&stp, Level::Commune).unwrap().id, "commune:government_office");
/// ```
pub fn counterpart(agency: &Agency, level: Level) -> Option<Agency> {
    if let Some(c) = agency.collective {
        let committees = |l: Level| match l {
            Level::National => agency_by_id("national:government"),
            Level::Province => collective_by_name("province_committees"),
            Level::District => collective_by_name("district_committees"),
            Level::Commune => collective_by_name("commune_committees"),
            Level::Unit => None,
        };
        return match c {
            Collective::CommuneCommittees
            | Collective::DistrictCommittees
            | Collective::ProvinceCommittees => committees(level),
            Collective::Ministries | Collective::Departments => match level {
                Level::National => collective_by_name("ministries"),
                Level::Province => collective_by_name("departments"),
                Level::District => collective_by_name("district_offices"),
                Level::Commune | Level::Unit => None,
            },
            Collective::Units => (level == Level::Unit).then(|| agency.clone()),
            Collective::Related | Collective::MassOrganisations => Some(agency.clone()),
        };
    }
    let field = agency.field.as_deref()?;
    if agency.level == Some(level) {
        return Some(agency.clone());
    }
    let of_field = |f: &str| entry_of_field(level, f).cloned();
    // The body of the field itself, else (in a commune) the office that
    // takes the field in.
    of_field(field).or_else(|| match level {
        Level::Commune => of_field(commune_office(field)?),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looked_up_entries_are_the_first_the_table_holds() {
        let entries = &table().entries;
        for a in entries {
            let first = entries.iter().find(|b| b.id == a.id);
            assert_eq!(entry_by_id(&a.id), first, "{}", a.id);
        }
        assert_eq!(entry_by_id("province:no_such_body"), None);
        let levels = [
            Level::National,
            Level::Province,
            Level::District,
            Level::Commune,
            Level::Unit,
        ];
        for a in entries {
            let field = a.field.as_deref().unwrap_or("");
            for level in levels {
                let first = entries
                    .iter()
                    .find(|b| b.level == Some(level) && b.field.as_deref() == Some(field));
                assert_eq!(entry_of_field(level, field), first, "{field} {level:?}");
            }
        }
        assert_eq!(entry_of_field(Level::Commune, "no_such_field"), None);
    }

    #[test]
    fn a_collective_of_those_concerned() {
        assert!(only_those_concerned("các Sở, ngành có liên quan"));
        assert!(only_those_concerned("Các cơ quan, đơn vị liên quan"));
        assert!(only_those_concerned(
            "các phòng, ban, ngành khác có liên quan"
        ));
        assert!(!only_those_concerned("Các sở, ban, ngành"));
        assert!(!only_those_concerned("Ủy ban nhân dân các xã, phường"));
    }

    #[test]
    fn pieces_split_outside_parentheses() {
        let got: Vec<(String, Option<String>, &str)> =
            split_pieces("Sở A (x (y), z), Sở B) và Sở C,Sở D (có liên quan")
                .into_iter()
                .map(|p| (p.text, p.scope, p.sep_before))
                .collect();
        let want = [
            ("Sở A", Some("x (y), z"), ""),
            ("Sở B)", None, ", "),
            ("Sở C", None, " và "),
            ("Sở D", Some("có liên quan"), ", "),
        ];
        assert_eq!(got.len(), want.len());
        for ((text, scope, sep), (t, sc, se)) in got.iter().zip(want) {
            assert_eq!((text.as_str(), scope.as_deref(), *sep), (t, sc, se));
        }
    }

    #[test]
    fn tidy_is_idempotent() {
        for s in [
            "  Sở  Tư\u{a0}pháp ",
            "a\u{301} \u{301}b",
            "\u{301}x  y\u{323}\u{302}",
            "Ủy ban\u{200b} nhân dân",
            "",
        ] {
            assert_eq!(tidy(&tidy(s)), tidy(s), "{s:?}");
        }
    }

    #[test]
    fn shipped_table_parses_fully() {
        let s = table_stats();
        assert_eq!(s.malformed, 0, "malformed rows in agency-names.tsv");
        assert!(s.rows > 150, "{s:?}");
    }

    #[test]
    fn ids_are_unique_and_level_prefixed() {
        let mut seen = std::collections::HashSet::new();
        for a in all_agencies() {
            assert!(seen.insert(a.id.clone()), "duplicate id {}", a.id);
            let prefix = match a.level {
                Some(Level::National) => "national:",
                Some(Level::Province) => "province:",
                Some(Level::District) => "district:",
                Some(Level::Commune) => "commune:",
                Some(Level::Unit) => "unit:",
                None => "?",
            };
            assert!(a.id.starts_with(prefix), "{}", a.id);
        }
    }

    #[test]
    fn abbreviations_expand() {
        let ctx = AgencyContext::default();
        assert_eq!(
            resolve_agency("UBND tỉnh", &ctx).id,
            "province:peoples_committee"
        );
        assert_eq!(resolve_agency("TAND quận", &ctx).id, "district:court");
        assert_eq!(
            resolve_agency("UBMTTQVN quận", &ctx).id,
            "district:fatherland_front"
        );
        assert_eq!(
            resolve_agency("BCH Quân sự quận", &ctx).id,
            "district:military"
        );
        assert_eq!(resolve_agency("CA tỉnh", &ctx).id, "province:police");
        assert_eq!(
            resolve_agency("LĐLĐ tỉnh", &ctx).id,
            "province:labour_federation"
        );
        assert_eq!(resolve_agency("Sở GD&ĐT", &ctx).id, "province:education");
    }

    #[test]
    fn collectives() {
        let ctx = AgencyContext::default();
        for (name, id) in [
            (
                "các sở, ban, ngành (có liên quan)",
                "collective:departments",
            ),
            ("Các Sở, ngành khác có liên quan", "collective:departments"),
            ("UBND các xã, phường", "collective:commune_committees"),
            (
                "Ủy ban nhân dân xã, phường",
                "collective:commune_committees",
            ),
            ("các cơ quan, đơn vị liên quan", "collective:related"),
            ("UBND các tỉnh, thành phố", "collective:province_committees"),
            ("các bộ, ngành", "collective:ministries"),
            ("Bộ, ngành trung ương", "collective:ministries"),
            ("các phòng, đơn vị trực thuộc Sở", "collective:units"),
            (
                "các phòng, ban, ngành có liên quan",
                "collective:district_offices",
            ),
            (
                "Ủy ban nhân dân cấp huyện",
                "collective:district_committees",
            ),
            ("các tổ chức thành viên", "collective:mass_organisations"),
        ] {
            assert_eq!(resolve_agency(name, &ctx).id, id, "{name}");
        }
    }

    /// Words of known names and of the text around them, with the marks
    /// and spaces the fold treats in its own ways.
    const NAME_PIECES: &[&str] = &[
        "Phòng",
        "Quản",
        "lý",
        "xử",
        "vi",
        "phạm",
        "hành",
        "chính",
        "và",
        "theo",
        "dõi",
        "thi",
        "pháp",
        "luật",
        "Sở",
        "Tư",
        "UBND",
        "tỉnh",
        "Công",
        "an",
        "CA",
        "Văn",
        "hóa",
        "Xã",
        "hội",
        "xã",
        "chủ",
        "trì",
        "phối",
        "hợp",
        "Ủy",
        "ban",
        "nhân",
        "dân",
        "Tòa",
        "án",
        "huyện",
        "Hội",
        "Liên",
        "hiệp",
        "Phụ",
        "nữ",
        "to\u{300}a",
        "Ho\u{300}a",
        "-",
        "–",
        ",",
        ";",
        "(",
        ")",
        ".",
        "&",
        "\u{200b}",
        "\u{301}",
        "x",
        "Phòng Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật",
        "Phòng Văn hóa - Xã hội",
        "Sở Tư pháp",
        "Công an tỉnh",
        "Ủy ban nhân dân tỉnh",
        "UBND huyện",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Tòa án nhân dân tỉnh",
        "Sở Văn hóa",
        // Marks inside a word make tokens of their own: a word cut by
        // `at` has fewer tokens than the whole word.
        "Phòng Quản lý xử lý vi phạm hành chính và theo dõi thi,hành,pháp,luật",
        "Phòng Văn hóa-Xã-hội",
        "hành,chính",
    ];
    /// A run of spaces puts the end of the 120 chars read inside a name.
    const NAME_GAPS: &[&str] = &[
        " ",
        " ",
        " ",
        "  ",
        "\u{a0}",
        "\t",
        "",
        " - ",
        ", ",
        "                                                                                  ",
    ];

    proptest::proptest! {
        /// Tokenizing each word once answers as tokenizing the text from
        /// each start, at any byte (word starts, inside words, inside a
        /// char) and past the 120 chars read.
        #[test]
        fn inside_known_name_as_each_start(
            parts in proptest::collection::vec(
                (proptest::sample::select(NAME_PIECES), proptest::sample::select(NAME_GAPS)),
                0..60,
            ),
            at in proptest::prelude::any::<proptest::sample::Index>(),
            word_start in proptest::prelude::any::<bool>(),
        ) {
            let text: String = parts.iter().flat_map(|(w, g)| [*w, *g]).collect();
            let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
            let at = match spaces.len() {
                n if word_start && n > 0 => spaces.get(at.index(n)).copied().unwrap_or(0),
                _ => at.index(text.len() + 1),
            };
            proptest::prop_assert_eq!(
                inside_known_name(&text, at),
                inside_known_name_each(&text, at),
                "{:?} at {}", text, at
            );
        }
    }

    /// Words and marks for [`tokens_into`]: abbreviations, marks that make
    /// tokens or end words, letters of both cases.
    const TOKEN_PIECES: &[&str] = &[
        "UBND",
        "Sở",
        "GD&ĐT",
        "CA",
        "tỉnh",
        "(",
        ")",
        ",",
        ";",
        ":",
        "-",
        ".",
        "/",
        "\"",
        "“",
        "”",
        "*",
        "_",
        "&",
        " ",
        "  ",
        "\t",
        "Tòa",
        "ÁN",
        "hành",
        "\u{a0}",
        "o\u{301}a",
        "\u{2013}",
        "LĐLĐ",
    ];

    /// The tokens of `s` read char by char into a word buffer: the
    /// reference [`tokens_into`] (which keeps a one-word fold whole) must
    /// agree with.
    fn tokens_char_by_char(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut word = String::new();
        let emit = |t: &str, out: &mut Vec<String>| {
            if !t.is_empty() {
                out.extend(abbreviation(t).map_or_else(|| vec![t.to_string()], <[String]>::to_vec));
            }
        };
        for c in fold(s).chars() {
            let own: Option<String> = match c {
                ',' | ';' | ':' | '-' | '(' | ')' => Some(c.to_string()),
                '&' => Some("và".to_string()),
                _ => None,
            };
            let ends = own.is_some() || matches!(c, '.' | '/' | '"' | '“' | '”' | '*' | '_');
            if ends || c.is_whitespace() {
                emit(&word, &mut out);
                word.clear();
                if let Some(t) = own {
                    emit(&t, &mut out);
                }
            } else {
                word.push(c);
            }
        }
        emit(&word, &mut out);
        out
    }

    proptest::proptest! {
        /// A fold of one word kept whole gives the tokens a char by char
        /// reading gives.
        #[test]
        fn tokens_into_as_char_by_char(
            parts in proptest::collection::vec(proptest::sample::select(TOKEN_PIECES), 0..8),
            before in proptest::collection::vec(proptest::sample::select(TOKEN_PIECES), 0..3),
        ) {
            let text: String = parts.concat();
            let mut old: Vec<String> = before.iter().map(|p| p.to_string()).collect();
            let mut new = old.clone();
            old.extend(tokens_char_by_char(&text));
            tokens_into(&text, &mut new);
            proptest::prop_assert_eq!(new, old, "{:?}", text);
        }

        /// The window ends walked once are those of `first_chars` from
        /// each start.
        #[test]
        fn window_ends_as_first_chars(
            parts in proptest::collection::vec(
                (proptest::sample::select(NAME_PIECES), proptest::sample::select(NAME_GAPS)),
                0..60,
            ),
            at in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let text: String = parts.iter().flat_map(|(w, g)| [*w, *g]).collect();
            let at = at.index(text.len() + 1);
            if text.is_char_boundary(at) {
                let starts = name_starts_before(&text, at);
                let each: Vec<usize> = starts
                    .iter()
                    .map(|&s| {
                        s + crate::import::text::first_chars(&text[s..], NAME_WINDOW_CHARS).len()
                    })
                    .collect();
                proptest::prop_assert_eq!(window_ends(&text, &starts), each, "{:?} at {}", text, at);
            }
        }
    }

    #[test]
    fn inside_known_name_reads_names_across_starts() {
        let text = "Phòng Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật chủ trì";
        let at = text.find("theo dõi").unwrap_or(0);
        assert!(inside_known_name(text, at));
        assert!(inside_known_name_each(text, at));
        let at = text.find("chủ trì").unwrap_or(0);
        assert!(!inside_known_name(text, at));
        assert!(!inside_known_name_each(text, at));
    }
}
