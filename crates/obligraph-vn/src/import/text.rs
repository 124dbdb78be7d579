//! Small text helpers: cleaning markup, folding for keyword tests, markers.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercase, without diacritics, `đ` → `d`: the key for keyword tests.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// Appends [`key`] of `s` to `out`. The key is made char by char, so the
/// key of a text is the keys of its parts in turn.
pub(crate) fn key_into(s: &str, out: &mut String) {
    let table = &*KEY_TABLE;
    // Mostly one byte of key per char, never more than the char's bytes
    // but for rare letters.
    out.reserve(s.len());
    for c in s.chars() {
        key_push(c, table, out);
    }
}

/// [`key`] of char `c` appended to `out` (inlined: a call per char cost
/// more than the char's work).
#[inline(always)]
fn key_push(c: char, table: &KeyTable, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(i) = KeyTable::index(c) {
        // One ASCII char (the usual key of a letter) or the full key.
        match table.1.get(i) {
            Some(&b) if b != 0 => out.push(char::from(b)),
            _ => out.push_str(table.0.get(i).map_or("", String::as_str)),
        }
    } else {
        key_char(c, out);
    }
}

/// [`key`] of the start of `s`: of its first chars, as many as give at
/// least `len` bytes of key (all of `s` when its key is shorter). The key
/// is made char by char, so for a prefix of at most `len` bytes
/// `key_head(s, len).starts_with(p)` answers as `key(s).starts_with(p)`,
/// without keying a whole paragraph.
pub(crate) fn key_head(s: &str, len: usize) -> String {
    let table = &*KEY_TABLE;
    let mut out = String::with_capacity(len + 4);
    for c in s.chars() {
        if out.len() >= len {
            break;
        }
        key_push(c, table, &mut out);
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
/// letters), computed once; and the same as one ASCII byte where the key is
/// one (0 where not).
struct KeyTable(Vec<String>, Vec<u8>);

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
        let keys: Vec<String> = chars
            .map(|u| {
                let mut k = String::new();
                if let Some(c) = char::from_u32(u) {
                    key_char(c, &mut k);
                }
                k
            })
            .collect();
        let bytes = keys
            .iter()
            .map(|k| match k.as_bytes() {
                [b] if b.is_ascii() && *b != 0 => *b,
                _ => 0,
            })
            .collect();
        KeyTable(keys, bytes)
    }
}

static KEY_TABLE: LazyLock<KeyTable> = LazyLock::new(KeyTable::build);

static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"));

/// HTML block tags, lower case: what [`block_tag_end`] looks for.
const BLOCK_TAGS: [&str; 9] = ["p", "ul", "ol", "li", "div", "br", "tr", "td", "table"];

/// Where the HTML block tag at byte `i` of `s` ends (`<p>`, `</li>`, `<br/>`,
/// `<td class="x">`; any case), if one starts there: `<`, an optional `/`,
/// one of [`BLOCK_TAGS`], then `>` or `/>` right away, or whitespace and
/// anything but `<` up to the first `>`.
fn block_tag_end(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    if b.get(i) != Some(&b'<') {
        return None;
    }
    let mut k = i + 1;
    if b.get(k) == Some(&b'/') {
        k += 1;
    }
    let rest = b.get(k..)?;
    // The names differ by their first two letters: at most one fits.
    let name = BLOCK_TAGS.iter().find(|t| {
        rest.get(..t.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(t.as_bytes()))
    })?;
    k += name.len();
    match b.get(k) {
        Some(b'>') => Some(k + 1),
        Some(b'/') => (b.get(k + 1) == Some(&b'>')).then_some(k + 2),
        _ => {
            let after = s.get(k..)?;
            if !after.chars().next()?.is_whitespace() {
                return None;
            }
            let stop = after.find(['<', '>'])?;
            (after.as_bytes().get(stop) == Some(&b'>')).then_some(k + stop + 1)
        }
    }
}

/// The place a dateline opens with ("Đồng Nai, ngày …"), as
/// `^[\p{L} .]{2,40}?,` takes it: the letters, spaces and dots before the
/// first comma, 2 to 40 chars of them; with the rest of `s` from that
/// comma. (The chars before the comma are all of the class, so the place
/// is the longest run of the class from the start. Written as a loop over
/// one class, not a bounded repetition: the regex crate compiles
/// `[\p{L} .]{2,40}` as 40 copies of the Unicode letter class, about 70 M
/// instructions on first use against about 2 M for one copy.)
///
/// A place named with a number after its words ("A Lưới 2", "Phường 3":
/// communes and wards merged in 2025 were often named so) keeps it: a
/// run ending in a space may close with one or two digits.
pub(crate) fn place_before_comma(s: &str) -> Option<(&str, &str)> {
    static RUN: LazyLock<Regex> = LazyLock::new(|| re(r"^[\p{L} .]+"));
    let run = RUN.find(s)?;
    let mut end = run.end();
    if run.as_str().ends_with(' ') && !run.as_str().trim().is_empty() {
        let digits = s.get(end..)?.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits) {
            end += digits;
        }
    }
    let place = s.get(..end)?;
    let rest = s.get(end..)?;
    let n = place.chars().count();
    ((2..=40).contains(&n) && rest.starts_with(',')).then_some((place, rest))
}

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
    // Without any of these bytes only the last step has work to do.
    let mut markup = 0u8;
    for &x in s.as_bytes() {
        markup |= u8::from(x == b'<')
            | u8::from(x == b'&')
            | u8::from(x == b'*')
            | u8::from(x == b'#')
            | u8::from(x == b'_');
    }
    if markup == 0 {
        return nfc_collapse(s);
    }
    let s = if s.contains('<') {
        TAG.replace_all(s, " ")
    } else {
        Cow::Borrowed(s)
    };
    let s = unescape(&s);
    let t = if s.contains('*') {
        Cow::Owned(s.replace('*', ""))
    } else {
        Cow::Borrowed(s.as_ref())
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
    if all_nfc && is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    if all_nfc {
        let mut start = None;
        let mut i = 0;
        while i < s.len() {
            // The length of the space or control char at `i`, if one is.
            let sep = separator_at(s, i);
            if let Some(len) = sep {
                if let Some(st) = start.take() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(s.get(st..i).unwrap_or(""));
                }
                i += len;
            } else {
                if start.is_none() {
                    start = Some(i);
                }
                i += 1;
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

/// `c.is_whitespace() || c.is_control()`, quicker: the control characters
/// are U+0000..U+001F and U+007F..U+009F, and the only whitespace below
/// U+1680 is U+0009..U+000D, U+0020, U+0085 and U+00A0.
fn is_space_or_control(c: char) -> bool {
    c <= ' ' || ('\u{7f}'..='\u{a0}').contains(&c) || (c >= '\u{1680}' && c.is_whitespace())
}

/// The length of the whitespace or control char starting at byte `i` of
/// `s`, if one does (`i` is a char boundary or inside a char that is
/// neither).
fn separator_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let x = *b.get(i)?;
    if x < 0x80 {
        return (x < 0x21 || x == 0x7f).then_some(1);
    }
    if !may_start_separator(x, b.get(i + 1).copied()) {
        return None;
    }
    let c = s.get(i..)?.chars().next()?;
    is_space_or_control(c).then(|| c.len_utf8())
}

/// Whether a char whose UTF-8 form starts with `x`, `next` can be a
/// whitespace or control char outside ASCII: U+0080..U+00A0 (C2 80..A0),
/// U+1680 (E1 9A 80), U+2000..U+205F (E2 80/81 ..) or U+3000 (E3 80 80).
fn may_start_separator(x: u8, next: Option<u8>) -> bool {
    match x {
        0xc2 => next.is_some_and(|n| n <= 0xa0),
        0xe1 => next == Some(0x9a),
        0xe2 => matches!(next, Some(0x80 | 0x81)),
        0xe3 => next == Some(0x80),
        _ => false,
    }
}

/// Whether [`nfc_collapse`] leaves NFC text as it is: words separated by
/// single spaces, no other whitespace or control characters, nothing to
/// trim.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Without branches (the loop vectorises): no control byte, no double
    // space, no byte pair that may start a space or control char outside
    // ASCII ([`may_start_separator`]); the exact loop runs only on a miss.
    let (head, next) = (
        b.get(..b.len().saturating_sub(1)).unwrap_or(&[]),
        b.get(1..).unwrap_or(&[]),
    );
    // The last byte: not a space (above) and ASCII or a continuation byte.
    let mut miss = u8::from(b.last().is_some_and(|&x| x < 0x20 || x == 0x7f));
    for (&x, &y) in head.iter().zip(next) {
        miss |= u8::from(x < 0x20)
            | u8::from(x == 0x7f)
            | (u8::from(x == b' ') & u8::from(y == b' '))
            | (u8::from(x == 0xc2) & u8::from(y <= 0xa0))
            | (u8::from(x == 0xe1) & u8::from(y == 0x9a))
            | (u8::from(x == 0xe2) & (u8::from(y == 0x80) | u8::from(y == 0x81)))
            | (u8::from(x == 0xe3) & u8::from(y == 0x80));
    }
    if miss == 0 {
        return true;
    }
    // A space is allowed only after a word char.
    let mut after_space = true;
    for (i, &x) in b.iter().enumerate() {
        if x == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            continue;
        }
        after_space = false;
        if x < 0x80 {
            if x < 0x21 || x == 0x7f {
                return false;
            }
            continue;
        }
        if may_start_separator(x, b.get(i + 1).copied())
            && s.get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_space_or_control)
        {
            return false;
        }
    }
    !after_space || s.is_empty()
}

/// [`key`] of the first `n` characters only: for tests on how a line starts.
pub(crate) fn key_prefix(s: &str, n: usize) -> String {
    key(first_chars(s, n))
}

/// The first `n` chars of `s` (all of it when shorter).
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or(s)
}

fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&"),
    )
}

/// Splits a table cell into blocks at HTML block tags (`<p>`, `<li>`, …),
/// each cleaned; empty blocks dropped.
pub(crate) fn cell_blocks(s: &str) -> Vec<String> {
    if !s.contains('<') {
        let c = clean(s);
        return if c.is_empty() { Vec::new() } else { vec![c] };
    }
    // The text between block tags, and after the last one.
    let mut from = 0;
    let mut blocks = Vec::new();
    for (start, end) in block_tags(s).chain(std::iter::once((s.len(), s.len()))) {
        let c = clean(s.get(from..start).unwrap_or(""));
        if !c.is_empty() {
            blocks.push(c);
        }
        from = end;
    }
    blocks
}

/// The HTML block tags of `s` ([`block_tag_end`]), as (start, end) byte
/// spans, in order and not overlapping; every tag starts at a "<".
fn block_tags(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(lt) = s.get(at..).and_then(|r| r.find('<')).map(|p| at + p) {
            if let Some(end) = block_tag_end(s, lt) {
                at = end;
                return Some((lt, end));
            }
            at = lt + 1;
        }
        None
    })
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
    if !t.is_empty() && t.chars().any(crate::normalize::is_letter) {
        items.push(t.to_string());
    }
}

/// Whether the first letter of `s` is lowercase (digits and punctuation
/// before it are skipped).
pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|&c| crate::normalize::is_letter(c))
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
        if crate::normalize::is_letter(c) {
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

/// The words of `s` (split at whitespace, as `split_whitespace`), each
/// with the byte offset it starts at.
pub(crate) fn words_at(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(a)) => {
                out.push((a, s.get(a..i).unwrap_or("")));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.get(a..).unwrap_or("")));
    }
    out
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

/// `n` as a Roman numeral, upper case: what [`roman`] reads, and beyond
/// (XIV, MMXXVI); empty for 0. Word's I/II numbering and the Excel
/// export's top-level rows write their numbers with it.
pub(crate) fn roman_numeral(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            s.push_str(digits);
            n -= value;
        }
    }
    s
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
/// (a lowercase "- song tính" is a wrapped line, not a bullet); an arabic
/// mark of two levels or more ("1.4.") does not.
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
        // A mark of two levels or more ("1.4.") opens an item whatever
        // follows: no wrapped line of a sentence starts with one, while a
        // drafter's item may open in lower case or after a stray colon
        // ("1.4. đăng ký khai sinh …", "2.3. : tiếp nhận …").
        let nested = a.as_str().contains('.')
            && rest
                .trim_start_matches([':', ';', ',', ' '])
                .starts_with(char::is_lowercase);
        if !(next_ok || nested) || rest.is_empty() {
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
    fn a_nested_mark_opens_an_item_in_lower_case() {
        // A drafter's item opening in lower case, or after a stray colon
        // (what is left when its first clause is struck out).
        for line in [
            "2.3. tiếp nhận, giải quyết kịp thời đơn thư của công dân.",
            "1.4. : đăng ký khai sinh, khai tử đúng thời hạn.",
            "3.1.2. vận động Nhân dân tham gia.",
        ] {
            assert!(
                matches!(body_marker(line), Some((Marker::Arabic(_), _))),
                "{line}"
            );
        }
        // One level, a bullet or a letter before lower case: a wrapped
        // line ("… đến năm / 2030. và …", "- song tính").
        for line in [
            "4. đăng ký khai sinh",
            "- song tính, chuyển giới",
            "a) tiếp nhận",
        ] {
            assert!(body_marker(line).is_none(), "{line}");
        }
    }

    #[test]
    fn words_at_are_the_words_split_whitespace_gives() {
        for s in [
            "",
            "  ",
            "Sở Tư pháp  chủ trì,\tphối hợp\n",
            " Giao\u{a0}Phòng X ",
        ] {
            let got: Vec<&str> = words_at(s).into_iter().map(|(_, w)| w).collect();
            assert_eq!(got, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
            for (at, w) in words_at(s) {
                assert_eq!(s.get(at..at + w.len()), Some(w));
            }
        }
    }

    #[test]
    fn place_before_comma_as_the_bounded_pattern_takes_it() {
        // What the loop replaces: the place is the pattern's, and the
        // rest starts where its comma does.
        let pattern = re(r"^([\p{L} .]{2,40}?|[\p{L} .]*[\p{L}.][\p{L} .]* \d{1,2}),");
        let long = "a".repeat(40);
        let longer = "a".repeat(41);
        for s in [
            "Đồng Nai, ngày 5 tháng 3 năm 2026",
            "Thành phố Huế, ngày 1 tháng 1 năm 2026",
            "TP. Hồ Chí Minh, ngày",
            "A, b",
            "Ab, c",
            " ., x",
            "Số 12, ngày",
            "A Lưới 2, ngày 16 tháng 3 năm 2026",
            "Phường 12, ngày",
            "Phường 123, ngày",
            "Phường2, ngày",
            " 2, ngày",
            "x 2, y",
            "Hà-Nội, ngày",
            ", ngày",
            "Huế ngày 5",
            "Huế,",
            "x\u{301}y, z",
            &format!("{long}, ngày"),
            &format!("{longer}, ngày"),
            "",
        ] {
            let want = pattern
                .captures(s)
                .and_then(|c| c.get(1))
                .map(|m| (m.as_str(), s.get(m.end()..).unwrap_or("")));
            assert_eq!(place_before_comma(s), want, "{s:?}");
        }
    }

    #[test]
    fn block_tags_as_the_pattern_finds_them() {
        // What the hand scan replaces: the pattern's matches are the tags.
        let pattern = re(r"(?i)</?(?:p|ul|ol|li|div|br|tr|td|table)(?:\s[^<>]*)?/?>");
        for s in [
            "<p>Sở Tư pháp</p><p>Công an tỉnh</p>",
            "<P CLASS=\"x\">a</P ><BR/><br /><br\t/>b",
            "<ul><li>một</li><LI>hai</Li></ul>",
            "<table><tr><td>x</td><TD colspan=2>y</td></tr></table>",
            "<pre>không</pre><span>không</span><tdx>không</tdx><t>",
            "<p a<b>c</p> <div\u{a0}id=1>d</div> <li\u{2003}>e",
            "<p x < y> <p x",
            "<p/ >",
            "</>",
            "<",
            "<<p>>",
            "a < b > c",
            "<lı>ı</lİ><dİv>İ</dıv><TABLE\n>K</TABLE>",
            "<p>ừ</p>ỹ<br>",
            "",
        ] {
            let want: Vec<(usize, usize)> =
                pattern.find_iter(s).map(|m| (m.start(), m.end())).collect();
            assert_eq!(block_tags(s).collect::<Vec<_>>(), want, "{s:?}");
            let split: Vec<String> = pattern
                .split(s)
                .map(clean)
                .filter(|b| !b.is_empty())
                .collect();
            assert_eq!(cell_blocks(s), split, "{s:?}");
        }
        assert_eq!(
            cell_blocks("<p>Sở Tư pháp</p>\n<p> </p><li>Công an  tỉnh</li>"),
            ["Sở Tư pháp", "Công an tỉnh"]
        );
    }

    #[test]
    fn roman_numerals_both_ways() {
        assert_eq!(roman_numeral(14), "XIV");
        assert_eq!(roman_numeral(4), "IV");
        assert_eq!(roman_numeral(2026), "MMXXVI");
        assert_eq!(roman_numeral(0), "");
        for n in 1..=30 {
            assert_eq!(roman(&roman_numeral(n)), Some(n));
        }
    }

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
    fn space_or_control_is_the_plain_test() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(
                is_space_or_control(c),
                c.is_whitespace() || c.is_control(),
                "{:04x}",
                c as u32
            );
        }
        for s in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "Sở Tư\u{a0}pháp",
        ] {
            assert_eq!(is_collapsed(s), nfc_collapse_slow(s) == s, "{s:?}");
        }
        for c in (0..0x3100_u32).filter_map(char::from_u32) {
            for s in [format!("a{c}b"), format!("ở{c}"), format!("{c} ế")] {
                assert_eq!(is_collapsed(&s), nfc_collapse_slow(&s) == s, "{s:?}");
                if crate::normalize::is_nfc_str(&s) {
                    assert_eq!(nfc_collapse(&s), nfc_collapse_slow(&s), "{s:?}");
                }
            }
        }
    }

    /// [`nfc_collapse`] without its shortcut, for NFC text.
    fn nfc_collapse_slow(s: &str) -> String {
        s.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
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
