//! Text normalisation for matching Vietnamese names and phrases.
//!
//! Text pulled from PDF and Word files arrives in several equivalent forms:
//! composed (NFC) or decomposed (NFD), with the tone mark of "oa", "oe",
//! "uy" on either vowel ("hòa" / "hoà", "thúy" / "thuý"), with runs of
//! spaces and hard line breaks. [`normalize`] gives one form; [`fold`]
//! lowercases it too and is the key for matching.
//!
//! # Tone placement
//!
//! The *new* placement is used throughout: in an open syllable ending in
//! "oa", "oe" or "uy" the mark sits on the second vowel ("hoà", "khoẻ",
//! "thuỷ"), and after "qu" it sits on the vowel that follows ("quý", not
//! the slip "qúy"). Syllables with a final consonant ("hoàng", "toán",
//! "khuyến") are the same in both conventions and are left alone.
//!
//! ```
//! use obligraph_vn::normalize::{fold, normalize};
//! assert_eq!(normalize("Khánh  Hòa\n"), "Khánh Hoà");
//! assert_eq!(fold("Thanh Hoá"), fold("thanh hóa"));
//! assert_eq!(fold("Qúy I"), "quý i");
//! ```

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The five Vietnamese tone marks, as combining characters.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Normalises `s`: NFC, new-style tone placement, whitespace runs collapsed
/// to one space, trimmed. Case and everything else are kept.
pub fn normalize(s: &str) -> String {
    // Text already in NFC (the usual case) needs no recomposition.
    if is_nfc_str(s) {
        normalize_nfc(s.chars(), s.len())
    } else {
        normalize_nfc(s.nfc(), s.len())
    }
}

/// [`normalize`] of text given as NFC characters.
///
/// Letters go straight to the output; a word is handed to [`place_tone`]
/// only when it holds a letter whose tone may move.
fn normalize_nfc(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut word = Word::default();
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() {
            word.end(&mut out);
            pending_space = !out.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if pending_space {
            word.end(&mut out);
            out.push(' ');
            pending_space = false;
        }
        if is_letter(c) {
            word.start.get_or_insert(out.len());
            word.may_move |= may_give_tone(c);
        } else {
            word.end(&mut out);
        }
        out.push(c);
    }
    word.end(&mut out);
    out
}

/// The word being read: where it starts in the output, and whether its tone
/// may move.
#[derive(Default)]
struct Word {
    start: Option<usize>,
    may_move: bool,
}

impl Word {
    fn end(&mut self, out: &mut String) {
        if let Some(start) = self.start.take() {
            if self.may_move && start < out.len() && out.is_char_boundary(start) {
                let word = out.split_off(start);
                out.push_str(&place_tone(&word));
            }
        }
        self.may_move = false;
    }
}

/// `char::is_alphabetic`, quicker on Vietnamese letters.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' | '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphabetic(),
    }
}

/// [`normalize`] then lowercase: the key for matching names and phrases.
///
/// Typographic dashes (–, —) also become "-".
pub fn fold(s: &str) -> String {
    let n = normalize(s);
    if n.is_ascii() {
        return n.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(n.len());
    for c in n.chars() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True for a character that is a starter (combining class 0), not a
/// combining mark, and may stand in NFC text: everything below the
/// combining diacritics block (U+0300) and Latin Extended Additional
/// (U+1E00..U+1EFF, the precomposed Vietnamese letters). Checked against
/// the Unicode tables by a test; a cheap pre-check before them.
#[inline]
pub(crate) fn is_plain_starter(c: char) -> bool {
    (c as u32) < 0x300 || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// [`is_nfc_quick`] answering `Yes`, with a fast path for text made of
/// [`is_plain_starter`] characters only.
pub(crate) fn is_nfc_fast<I: Iterator<Item = char> + Clone>(chars: I) -> bool {
    chars.clone().all(is_plain_starter) || is_nfc_quick(chars) == IsNormalized::Yes
}

/// [`is_nfc_fast`] of a string, scanning its UTF-8 bytes: a char below
/// U+0300 starts with a byte below 0xCC (continuation bytes are below it
/// too), one of U+1E00..U+1EFF is `E1 B8..BB xx`.
pub(crate) fn is_nfc_str(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0xcc || (x == 0xe1 && matches!(b.get(i + 1), Some(0xb8..=0xbb))) {
            i += 1;
        } else {
            return is_nfc_quick(s.chars()) == IsNormalized::Yes;
        }
    }
    true
}

/// NFC of `s`, borrowed when it already is.
pub(crate) fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if is_nfc_str(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Zero-width and formatting characters that extractions leave behind.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{ad}')
}

/// Whether [`place_tone`] may change an NFC syllable holding `c`: only a
/// plain "o" or "u" carrying a tone mark (and nothing else) ever gives its
/// mark away, and in NFC that letter is one of these precomposed
/// characters; a loose combining mark takes the full path too.
pub(crate) fn may_give_tone(c: char) -> bool {
    matches!(
        c,
        'ò' | 'ó'
            | 'ỏ'
            | 'õ'
            | 'ọ'
            | 'ù'
            | 'ú'
            | 'ủ'
            | 'ũ'
            | 'ụ'
            | 'Ò'
            | 'Ó'
            | 'Ỏ'
            | 'Õ'
            | 'Ọ'
            | 'Ù'
            | 'Ú'
            | 'Ủ'
            | 'Ũ'
            | 'Ụ'
    ) || is_combining(c)
}

/// Moves the tone mark of one syllable to its new-style place.
fn place_tone(syllable: &str) -> String {
    // Decompose into base letters, each with its own marks.
    let mut letters: Vec<(char, Vec<char>)> = Vec::new();
    let mut tone: Option<(usize, char)> = None;
    for c in syllable.nfd() {
        if TONES.contains(&c) {
            if let Some(i) = letters.len().checked_sub(1) {
                if tone.is_some() {
                    // Two tone marks: not a Vietnamese syllable, leave it.
                    return syllable.to_string();
                }
                tone = Some((i, c));
            }
            continue;
        }
        if is_combining(c) {
            if let Some(last) = letters.last_mut() {
                last.1.push(c);
            }
            continue;
        }
        letters.push((c, Vec::new()));
    }
    let Some((at, mark)) = tone else {
        return syllable.to_string();
    };
    let target = new_tone_position(&letters, at).unwrap_or(at);
    if target == at {
        return syllable.to_string();
    }
    let mut s = String::with_capacity(syllable.len() + 2);
    for (i, (base, marks)) in letters.iter().enumerate() {
        s.push(*base);
        s.extend(marks.iter());
        if i == target {
            s.push(mark);
        }
    }
    s.nfc().collect()
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Where the new placement puts the tone of a syllable whose mark is on
/// letter `at`, if it differs.
fn new_tone_position(letters: &[(char, Vec<char>)], at: usize) -> Option<usize> {
    let plain: Vec<char> = letters
        .iter()
        .map(|(b, m)| {
            if m.is_empty() {
                b.to_lowercase().next().unwrap_or(*b)
            } else {
                // A vowel with a quality mark (ă â ê ô ơ ư) never loses the tone.
                '*'
            }
        })
        .collect();
    let n = plain.len();
    // "qu" + vowel: the u is part of the consonant.
    if n >= 3 && plain.first() == Some(&'q') && plain.get(1) == Some(&'u') && at == 1 {
        return Some(2);
    }
    if n >= 2 && at + 2 == n {
        let pair = (plain.get(n - 2).copied(), plain.get(n - 1).copied());
        if matches!(
            pair,
            (Some('o'), Some('a')) | (Some('o'), Some('e')) | (Some('u'), Some('y'))
        ) {
            return Some(n - 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn plain_starters_agree_with_the_unicode_tables() {
        let ranges = [0u32..0x300, 0x1e00..0x1f00];
        let mut n = 0;
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(is_plain_starter(c), "{c:?}");
            assert!(!unicode_normalization::char::is_combining_mark(c), "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            n += 1;
        }
        assert_eq!(n, 0x300 + 0x100);
        assert!(!is_plain_starter('\u{300}') && !is_plain_starter('\u{1f00}'));
        assert!(!is_nfc_fast("a\u{301}".chars()));
        assert!(is_nfc_fast("Ủy ban".chars()));
        for c in (0u32..0x3000)
            .chain(0xac00..0xac10)
            .filter_map(char::from_u32)
        {
            for s in [c.to_string(), format!("ủ{c}a"), format!("a\u{301}{c}")] {
                let want = is_nfc_quick(s.chars()) == IsNormalized::Yes;
                assert_eq!(is_nfc_str(&s), want, "{s:?}");
                assert_eq!(is_nfc_fast(s.chars()), want, "{s:?}");
            }
        }
    }

    #[test]
    fn nfd_input_gives_nfc() {
        let nfd: String = "Sở Tư pháp tỉnh Đồng Nai".nfd().collect();
        assert_ne!(nfd, "Sở Tư pháp tỉnh Đồng Nai");
        assert_eq!(normalize(&nfd), "Sở Tư pháp tỉnh Đồng Nai");
    }

    #[test]
    fn tone_placement_is_unified() {
        assert_eq!(normalize("hòa"), "hoà");
        assert_eq!(normalize("hoà"), "hoà");
        assert_eq!(normalize("Thúy"), "Thuý");
        assert_eq!(normalize("thủy"), "thuỷ");
        assert_eq!(normalize("khỏe"), "khoẻ");
        assert_eq!(normalize("qúy"), "quý");
        assert_eq!(normalize("quý"), "quý");
        assert_eq!(normalize("Văn hóa"), "Văn hoá");
        // Closed syllables are the same in both conventions.
        assert_eq!(normalize("hoàng toán khuyến"), "hoàng toán khuyến");
        // Vowels with quality marks keep their tone.
        assert_eq!(normalize("người thuở"), "người thuở");
        let nfd: String = "hòa".nfd().collect();
        assert_eq!(normalize(&nfd), "hoà");
    }

    #[test]
    fn fast_path_skips_only_syllables_that_keep_their_tone() {
        // Every letter of the Latin blocks in the places where a tone could move.
        let letters = ('\u{41}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}');
        for c in letters.filter(|c| c.is_alphabetic()) {
            for w in [
                format!("{c}a"),
                format!("{c}e"),
                format!("{c}y"),
                format!("h{c}a"),
                format!("q{c}y"),
                format!("Q{c}a"),
                format!("{c}"),
            ] {
                let w: String = w.nfc().collect();
                if !w.chars().any(may_give_tone) {
                    assert_eq!(place_tone(&w), w, "{w}");
                }
            }
        }
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{:04x}", c as u32);
        }
    }

    #[test]
    fn fold_matches_the_plain_definition() {
        for s in [
            "Lao động – Thương binh",
            "ABC def",
            "Ủy BAN Nhân Dân",
            "İstanbul ẞ",
            "",
        ] {
            let plain: String = normalize(s)
                .chars()
                .map(|c| match c {
                    '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                    _ => c,
                })
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold(s), plain);
        }
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalize("  Sở\u{a0} Tư\n\npháp \t"), "Sở Tư pháp");
        assert_eq!(normalize("a\u{200b}b"), "ab");
        assert_eq!(fold("Lao động – Thương binh"), "lao động - thương binh");
    }
}
