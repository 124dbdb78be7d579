//! Small text helpers: cleaning markup, folding for keyword tests, markers.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercase, without diacritics, `đ` → `d`: the key for keyword tests.
pub(crate) fn key(s: &str) -> String {
    let table = &*KEY_TABLE;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(k) = KeyTable::index(c).and_then(|i| table.0.get(i)) {
            out.push_str(k);
        } else {
            key_char(c, &mut out);
        }
    }
    out
}

/// [`key`] of one character, from the Unicode tables.
fn key_char(c: char, out: &mut String) {
    // Char by char: canonical reordering only moves marks of a non-zero
    // combining class, which are all combining marks and dropped here, so
    // decomposing each char on its own gives the same key as NFD.
    let mut push = |c: char| {
        if is_combining_mark(c) {
            return;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
    };
    if c.is_ascii() {
        push(c);
    } else {
        unicode_normalization::char::decompose_canonical(c, &mut push);
    }
}

/// [`key_char`] of U+0080..U+02FF and U+1E00..U+1EFF (the Vietnamese
/// letters), computed once.
struct KeyTable(Vec<String>);

impl KeyTable {
    const LOW: u32 = 0x80;
    const LOW_END: u32 = 0x300;
    const HIGH: u32 = 0x1e00;
    const HIGH_END: u32 = 0x1f00;

    fn index(c: char) -> Option<usize> {
        let u = c as u32;
        let i = if (Self::LOW..Self::LOW_END).contains(&u) {
            u - Self::LOW
        } else if (Self::HIGH..Self::HIGH_END).contains(&u) {
            u - Self::HIGH + (Self::LOW_END - Self::LOW)
        } else {
            return None;
        };
        usize::try_from(i).ok()
    }

    fn build() -> Self {
        let chars = (Self::LOW..Self::LOW_END).chain(Self::HIGH..Self::HIGH_END);
        KeyTable(
            chars
                .map(|u| {
                    let mut k = String::new();
                    if let Some(c) = char::from_u32(u) {
                        key_char(c, &mut k);
                    }
                    k
                })
                .collect(),
        )
    }
}

static KEY_TABLE: LazyLock<KeyTable> = LazyLock::new(KeyTable::build);

static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"));
static BLOCK_TAG: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)</?(?:p|ul|ol|li|div|br|tr|td|table)(?:\s[^<>]*)?/?>"));

/// Compiles a regex known to be valid; falls back to one that matches
/// nothing, so that no input can make the importer panic.
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|_| never())
}

fn never() -> Regex {
    // `[^\s\S]` matches nothing and always compiles.
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| never())
}

/// Removes markdown emphasis and heading marks and HTML tags, then
/// normalises (NFC, whitespace collapsed).
pub(crate) fn clean(s: &str) -> String {
    let s = if s.contains('<') {
        TAG.replace_all(s, " ")
    } else {
        Cow::Borrowed(s)
    };
    let s = unescape(&s);
    let t = if s.contains('*') {
        Cow::Owned(s.replace('*', ""))
    } else {
        Cow::Borrowed(s.as_str())
    };
    let trimmed = t.trim_start();
    let t = if trimmed.starts_with('#') {
        Cow::Borrowed(trimmed.trim_start_matches('#'))
    } else {
        Cow::Borrowed(t.as_ref())
    };
    if t.contains("__") {
        nfc_collapse(&t.replace("__", ""))
    } else {
        nfc_collapse(&t)
    }
}

/// NFC with whitespace collapsed and control characters dropped: the text
/// as written. (The lexicon's `normalize` also moves tone marks, "Ủy" →
/// "Uỷ"; it runs inside the lexicon calls, so stored text stays as
/// written.)
pub(crate) fn nfc_collapse(s: &str) -> String {
    // The words of a text in NFC are in NFC.
    let all_nfc = crate::normalize::is_nfc_str(s);
    let mut out = String::with_capacity(s.len());
    if all_nfc {
        let mut start = None;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() || c.is_control() {
                if let Some(st) = start.take() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(s.get(st..i).unwrap_or(""));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(st) = start {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s.get(st..).unwrap_or(""));
        }
        return out;
    }
    for w in s.split(|c: char| c.is_whitespace() || c.is_control()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if crate::normalize::is_nfc_str(w) {
            out.push_str(w);
        } else {
            out.extend(w.nfc());
        }
    }
    out
}

/// [`key`] of the first `n` characters only: for tests on how a line starts.
pub(crate) fn key_prefix(s: &str, n: usize) -> String {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    key(s.get(..end).unwrap_or(s))
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Splits a table cell into blocks at HTML block tags (`<p>`, `<li>`, …),
/// each cleaned; empty blocks dropped.
pub(crate) fn cell_blocks(s: &str) -> Vec<String> {
    if !s.contains('<') {
        let c = clean(s);
        return if c.is_empty() { Vec::new() } else { vec![c] };
    }
    BLOCK_TAG
        .split(s)
        .map(clean)
        .filter(|b| !b.is_empty())
        .collect()
}

static BULLET_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[;.]\s*|\s)[-–•+]\s+(?:Đề nghị|Sở|Công an|UBND|Ủy ban|Uỷ ban|Các|các|Phòng|Ban|Bộ|Văn phòng|Thanh tra|Tòa|Toà|Viện|VKSND|TAND|Trung tâm|Liên đoàn|Hội|Đoàn|Cơ quan|Thi hành)",
    )
});

/// Splits a cell's text into list items at "- " bullets that start a new
/// agency (not at "Lao động - Thương binh").
pub(crate) fn split_bullets(s: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut last = 0;
    for m in BULLET_SPLIT.find_iter(s) {
        // The item starts after the dash.
        let dash = s
            .get(m.start()..m.end())
            .and_then(|t| t.find(['-', '–', '•', '+']))
            .map_or(m.start(), |i| m.start() + i);
        if dash > last {
            if let Some(prev) = s.get(last..dash) {
                push_item(&mut items, prev);
            }
        }
        last = dash
            + s.get(dash..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
    }
    if let Some(rest) = s.get(last..) {
        push_item(&mut items, rest);
    }
    items
}

fn push_item(items: &mut Vec<String>, s: &str) {
    let t = s
        .trim()
        .trim_matches(|c: char| c == ';' || c == ',' || c.is_whitespace());
    if !t.is_empty() && t.chars().any(char::is_alphabetic) {
        items.push(t.to_string());
    }
}

/// Whether the first letter of `s` is lowercase (digits and punctuation
/// before it are skipped).
pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
        && !s.trim_start().starts_with(['-', '–', '•', '+', '('])
}

/// Whether `s` ends a sentence or clause.
pub(crate) fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || c == '*');
    t.ends_with(['.', ';', ':', '!', '?'])
}

/// Whether all the letters of `s` are uppercase (and there are some).
pub(crate) fn all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

const CONNECTORS: &[&str] = &[
    "và", "của", "các", "với", "theo", "cho", "về", "trong", "đối", "để", "là", "có", "được",
    "tại", "từ", "hoặc", "những", "nhằm",
];

/// Whether `s` looks cut off mid-sentence: it ends with a comma, an open
/// parenthesis or a connecting word.
pub(crate) fn looks_cut(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with([',', '(', '-']) {
        return true;
    }
    if t.matches('(').count() > t.matches(')').count() {
        return true;
    }
    t.rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// Number of characters.
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Joins two pieces of a text broken across lines or cells.
pub(crate) fn join(a: &mut String, b: &str) {
    let b = b.trim();
    if b.is_empty() {
        return;
    }
    if !a.is_empty() {
        a.push(' ');
    }
    a.push_str(b);
}

/// Roman numeral value of `s` (I..=XXX), if it is one.
pub(crate) fn roman(s: &str) -> Option<u32> {
    const R: [&str; 30] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI",
        "XXVII", "XXVIII", "XXIX", "XXX",
    ];
    R.iter()
        .position(|r| *r == s)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A numbering marker at the start of a paragraph or in an STT cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// A/B/C (appendix groups).
    Upper(String),
    /// I/II/III.
    Roman(String),
    /// 1 / 1.2 / 1.2.3.
    Arabic(Vec<u32>),
    /// a/b/đ.
    Letter(String),
    /// "-", "+", "•".
    Bullet,
}

static BODY_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<roman>[IVX]{1,5})\.|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})[.)]|(?P<letter>[a-zđ])\)|(?P<bullet>[-–•+]))\s*",
    )
});

/// The marker opening a body paragraph and the rest of the text. Roman and
/// arabic markers need a following uppercase letter (or quote), bullets too
/// (a lowercase "- song tính" is a wrapped line, not a bullet).
pub(crate) fn body_marker(s: &str) -> Option<(Marker, &str)> {
    let caps = BODY_MARKER.captures(s)?;
    let whole = caps.get(0)?;
    let rest = s.get(whole.end()..)?;
    let next_ok = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'(«".contains(c));
    if let Some(r) = caps.name("roman") {
        if next_ok && whole.end() > r.end() {
            return Some((Marker::Roman(r.as_str().to_string()), rest));
        }
        return None;
    }
    if let Some(a) = caps.name("arabic") {
        if !next_ok || rest.is_empty() {
            return None;
        }
        // "1." needs a space after it ("1.Mục" is rare but "2030." is a year).
        if whole.end() == a.end() + 1 && a.as_str().len() > 4 {
            return None;
        }
        let nums: Vec<u32> = a
            .as_str()
            .split('.')
            .filter_map(|n| n.parse().ok())
            .collect();
        return Some((Marker::Arabic(nums), rest));
    }
    if let Some(l) = caps.name("letter") {
        if rest.chars().next().is_some_and(|c| !c.is_lowercase()) {
            return Some((Marker::Letter(l.as_str().to_string()), rest));
        }
        return None;
    }
    if caps.name("bullet").is_some() {
        if rest.chars().next().is_some_and(|c| !c.is_lowercase()) && !rest.is_empty() {
            return Some((Marker::Bullet, rest));
        }
        return None;
    }
    None
}

/// The marker in a table's STT cell.
pub(crate) fn stt_marker(s: &str) -> Option<Marker> {
    let t = s.trim().trim_end_matches(['.', ')']).trim();
    if t.is_empty() {
        return None;
    }
    if let Some(_n) = roman(t) {
        return Some(Marker::Roman(t.to_string()));
    }
    let mut cs = t.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return Some(Marker::Upper(c.to_string()));
        }
        if c.is_lowercase() {
            return Some(Marker::Letter(c.to_string()));
        }
    }
    let nums: Vec<u32> = t
        .split('.')
        .map(|n| n.trim().parse().ok())
        .collect::<Option<_>>()?;
    if nums.is_empty() {
        None
    } else {
        Some(Marker::Arabic(nums))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_table_agrees_with_the_unicode_tables() {
        let ranges = [0x80u32..0x300, 0x1e00..0x1f00];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut slow = String::new();
            key_char(c, &mut slow);
            assert_eq!(key(&c.to_string()), slow, "{c:?}");
        }
        assert_eq!(key("Ủy ban nhân dân ĐỒNG NAI"), "uy ban nhan dan dong nai");
    }

    #[test]
    fn keys_fold_diacritics() {
        assert_eq!(key("Tổ chức thực hiện"), "to chuc thuc hien");
        assert_eq!(key("ĐỀ NGHỊ"), "de nghi");
    }

    #[test]
    fn key_char_by_char_is_key_of_nfd() {
        // What `key` relies on: every char of non-zero combining class is
        // a combining mark.
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            if unicode_normalization::char::canonical_combining_class(c) != 0 {
                assert!(is_combining_mark(c), "{:04x}", c as u32);
            }
        }
        for s in [
            "Tổ chức thực hiện",
            "ĐỀ NGHỊ",
            "hoà\u{323}\u{302}",
            "Ω\u{212b}x\u{301}\u{316}",
            "ǅ İ ẞ",
        ] {
            let plain: String = s
                .nfd()
                .filter(|&c| !is_combining_mark(c))
                .flat_map(|c| match c {
                    'đ' | 'Đ' => vec!['d'],
                    _ => c.to_lowercase().collect(),
                })
                .collect();
            assert_eq!(key(s), plain, "{s}");
        }
    }

    #[test]
    fn markers() {
        assert_eq!(
            body_marker("II. NHIỆM VỤ").map(|m| m.0),
            Some(Marker::Roman("II".into()))
        );
        assert_eq!(
            body_marker("2.1. Tiếp tục").map(|m| m.0),
            Some(Marker::Arabic(vec![2, 1]))
        );
        assert_eq!(
            body_marker("đ) Thúc đẩy").map(|m| m.0),
            Some(Marker::Letter("đ".into()))
        );
        assert!(body_marker("- song tính").is_none());
        assert!(body_marker("2030; Chương").is_none());
        assert_eq!(stt_marker("1.10"), Some(Marker::Arabic(vec![1, 10])));
        assert_eq!(stt_marker("a."), Some(Marker::Letter("a".into())));
        assert_eq!(stt_marker("C"), Some(Marker::Upper("C".into())));
    }

    #[test]
    fn bullets_split_agencies_not_names() {
        let items =
            split_bullets("- Sở Ngoại vụ; - Các Sở, ngành có liên quan; - Đề nghị Viện kiểm sát");
        assert_eq!(items.len(), 3);
        let items = split_bullets("Sở Lao động - Thương binh và Xã hội");
        assert_eq!(items.len(), 1);
    }

    #[test]
    fn cells_split_into_blocks() {
        let b = cell_blocks("<p>của Bộ, ngành trung ương</p> <p>Hàng năm</p>");
        assert_eq!(b, vec!["của Bộ, ngành trung ương", "Hàng năm"]);
    }
}
