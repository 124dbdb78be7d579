//! Vietnamese text similarity, written here: tokens are syllables folded to
//! one canonical form (NFC, lower case, the tone split from the vowels so
//! that old and new tone placement — "hoà" / "hòa" — give the same token),
//! abbreviations expanded ("UBND" → "ủy ban nhân dân"), level words that
//! differ between counterparts ("sở" / "bộ" / "phòng", "tỉnh" / "quận" /
//! "xã") replaced by one placeholder, and a few function words dropped.
//! Terms are syllable 1- and 2-grams, weighted by sublinear TF × smoothed
//! IDF of the parent plan, compared by cosine through an inverted index so
//! that one derived plan costs time in proportion to its own terms.

use rustc_hash::FxHashMap as HashMap;
use unicode_normalization::UnicodeNormalization;

/// The placeholder for words that name a level or an agency type.
const LEVEL: &str = "∗";

/// Function words that carry no topic ([`obligraph_vn::lexicon`]).
const STOP: &[&str] = obligraph_vn::lexicon::STOP_WORDS;

/// Words naming a level or an agency type, mapped to [`LEVEL`].
const LEVEL_WORDS: &[&str] = obligraph_vn::lexicon::LEVEL_WORDS;

/// Flag of a canonical syllable: a stop word.
const F_STOP: u8 = 1;
/// Flag of a canonical syllable: a level word.
const F_LEVEL: u8 = 2;
/// Flag of a canonical syllable: digits only.
const F_DIGITS: u8 = 4;

/// Surface words kept before the tables start afresh.
const TOKENIZER_CAP: usize = 200_000;

/// Tables shared by all threads: each lower-case surface word is decomposed once
/// into its canonical syllable, which gets a small id carrying the stop /
/// level / digit flags.
struct Tokenizer {
    /// Surface word → canonical id.
    surface: HashMap<String, u32>,
    /// Canonical form → canonical id.
    canon: HashMap<String, u32>,
    /// Canonical form of each id.
    forms: Vec<String>,
    /// Flags of each id.
    flags: Vec<u8>,
    /// [`form_hash`] of the canonical form of each id ([`term_hashes`]).
    hashes: Vec<u64>,
    /// [`str_hash`] of the canonical form of each id ([`GramSet`]).
    str_hashes: Vec<u64>,
    /// [`form_hash`] of each id's form without marks
    /// ([`obligraph_vn::normalize::without_marks`], [`marked_words_of_lower`]).
    unmarked: Vec<u64>,
    thanh: u32,
    pho: u32,
    /// Phrases folded to the form of the same meaning
    /// ([`obligraph_vn::lexicon::SAME_MEANING`]), by their first id: the
    /// ids of the phrase and of its form, word for word.
    same: HashMap<u32, Vec<Fold>>,
    /// Distinguishes this set of tables from any other: ids are only
    /// comparable within one generation.
    generation: u64,
}

/// A phrase's ids and those of the form it folds to, word for word.
type Fold = (Vec<u32>, Vec<u32>);

/// Id of the level placeholder in [`Tok::key`].
const LEVEL_ID: u32 = u32::MAX;
/// Second half of the key of a 1-gram (see [`gram_key`]).
const UNIGRAM: u32 = u32::MAX - 1;

/// The key of a 1-gram (`b` = `None`) or a 2-gram by token ids (see
/// [`Tok::key`]); valid within one tokenizer generation.
fn gram_key(a: u32, b: Option<u32>) -> u64 {
    (u64::from(a) << 32) | u64::from(b.unwrap_or(UNIGRAM))
}

/// One token of a text: a canonical syllable id, or the level
/// placeholder; with the surface it came from.
#[derive(Clone, Copy)]
pub(crate) enum Tok<'a> {
    Word(u32, &'a str),
    Level(&'a str),
}

impl Tok<'_> {
    /// The canonical id, [`LEVEL_ID`] for the placeholder.
    fn key(self) -> u32 {
        match self {
            Tok::Word(id, _) => id,
            Tok::Level(_) => LEVEL_ID,
        }
    }

    fn is_level(self) -> bool {
        matches!(self, Tok::Level(_))
    }
}

impl Tokenizer {
    fn new() -> Tokenizer {
        static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut t = Tokenizer {
            surface: HashMap::default(),
            canon: HashMap::default(),
            forms: Vec::new(),
            flags: Vec::new(),
            hashes: Vec::new(),
            str_hashes: Vec::new(),
            unmarked: Vec::new(),
            thanh: 0,
            pho: 0,
            same: HashMap::default(),
            generation: GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        for w in STOP {
            let id = t.intern(w);
            if let Some(f) = t.flags.get_mut(id as usize) {
                *f |= F_STOP;
            }
        }
        for w in LEVEL_WORDS {
            let id = t.intern(w);
            if let Some(f) = t.flags.get_mut(id as usize) {
                *f |= F_LEVEL;
            }
        }
        t.thanh = t.intern("thành");
        t.pho = t.intern("phố");
        for (from, to) in obligraph_vn::lexicon::SAME_MEANING {
            let from: Vec<u32> = from.split(' ').map(|w| t.intern(w)).collect();
            let to: Vec<u32> = to.split(' ').map(|w| t.intern(w)).collect();
            if let (Some(&first), true) = (from.first(), from.len() == to.len()) {
                t.same.entry(first).or_default().push((from, to));
            }
        }
        t
    }

    /// The canonical id of a lower-case surface word.
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(id) = self.surface.get(word) {
            return *id;
        }
        let form = canonical_syllable(word);
        let id = match self.canon.get(&form) {
            Some(id) => *id,
            None => {
                let id = u32::try_from(self.forms.len()).unwrap_or(u32::MAX);
                let digits = form.chars().all(|c| c.is_ascii_digit());
                self.flags.push(if digits { F_DIGITS } else { 0 });
                self.canon.insert(form.clone(), id);
                self.hashes.push(form_hash(&form));
                self.str_hashes.push(str_hash(&form));
                self.unmarked
                    .push(form_hash(&obligraph_vn::normalize::without_marks(word)));
                self.forms.push(form);
                id
            }
        };
        self.surface.insert(word.to_string(), id);
        id
    }

    fn flag(&self, id: u32, f: u8) -> bool {
        self.flags.get(id as usize).is_some_and(|x| x & f != 0)
    }

    /// [`form_hash`] of the canonical form of `id`.
    fn hash_of(&self, id: u32) -> u64 {
        self.hashes
            .get(id as usize)
            .copied()
            .unwrap_or_else(|| form_hash(self.form(id)))
    }

    /// The hashes of a [`MarkedWord`] of id `id`: of its canonical form
    /// and of its form without marks.
    fn marks_of(&self, id: u32) -> (u64, u64) {
        let u = self.unmarked.get(id as usize).copied().unwrap_or(0);
        (self.hash_of(id), u)
    }

    /// [`str_hash`] of the token's string ([`Tokenizer::token_str`]).
    fn str_hash_of(&self, t: Tok<'_>) -> u64 {
        match t {
            Tok::Word(id, _) => self
                .str_hashes
                .get(id as usize)
                .copied()
                .unwrap_or_else(|| str_hash(self.form(id))),
            Tok::Level(_) => str_hash(LEVEL),
        }
    }

    fn form(&self, id: u32) -> &str {
        self.forms.get(id as usize).map_or("", String::as_str)
    }

    /// The tokens of `lower` (lower case, NFC), in order, interning new
    /// words.
    fn walk<'a>(&mut self, lower: &'a str, out: &mut Vec<Tok<'a>>) {
        let raw = split_words(lower, |w| Some(self.intern(w))).unwrap_or_default();
        self.tokens_of(&raw, out);
    }

    /// [`Tokenizer::walk`] when every word is already known, else `None`.
    fn walk_known<'a>(&self, lower: &'a str) -> Option<Vec<Tok<'a>>> {
        let raw = split_words(lower, |w| self.surface.get(w).copied())?;
        Some(self.tokens(&raw))
    }

    /// The tokens of words read with their ids ([`Tokenizer::tokens_of`]).
    fn tokens<'a>(&self, raw: &[(u32, &'a str)]) -> Vec<Tok<'a>> {
        let mut out = Vec::with_capacity(raw.len());
        self.tokens_of(raw, &mut out);
        out
    }

    fn tokens_of<'a>(&self, raw: &[(u32, &'a str)], out: &mut Vec<Tok<'a>>) {
        let folded = self.same_meaning(raw);
        let raw = folded.as_deref().unwrap_or(raw);
        let mut i = 0;
        while let Some(&(t, surface)) = raw.get(i) {
            if t == self.thanh && raw.get(i + 1).map(|x| x.0) == Some(self.pho) {
                out.push(Tok::Level("thành phố"));
                i += 2;
                continue;
            }
            i += 1;
            if self.flag(t, F_STOP | F_DIGITS) {
                continue;
            }
            if self.flag(t, F_LEVEL) {
                out.push(Tok::Level(surface));
            } else {
                out.push(Tok::Word(t, surface));
            }
        }
    }

    /// `raw` with each phrase of [`Tokenizer::same`] folded to its form;
    /// `None` when it holds none.
    fn same_meaning<'a>(&self, raw: &[(u32, &'a str)]) -> Option<Vec<(u32, &'a str)>> {
        let mut out: Option<Vec<(u32, &'a str)>> = None;
        for (i, (t, _)) in raw.iter().enumerate() {
            let Some(rules) = self.same.get(t) else {
                continue;
            };
            for (from, to) in rules {
                let ids = raw.get(i..i + from.len());
                if ids.is_some_and(|w| w.iter().map(|x| x.0).eq(from.iter().copied())) {
                    let o = out.get_or_insert_with(|| raw.to_vec());
                    for (k, id) in to.iter().enumerate() {
                        if let Some(slot) = o.get_mut(i + k) {
                            slot.0 = *id;
                        }
                    }
                }
            }
        }
        out
    }

    fn token_string(&self, t: Tok<'_>) -> String {
        self.token_str(t).to_string()
    }

    /// The token as a string (its canonical form, or [`LEVEL`]).
    fn token_str(&self, t: Tok<'_>) -> &str {
        match t {
            Tok::Word(id, _) => self.form(id),
            Tok::Level(_) => LEVEL,
        }
    }
}

/// The tokens of several texts, read against one state of the tokenizer
/// (see [`with_token_lists`]).
pub(crate) struct TokenLists<'t, 'a> {
    tk: &'t Tokenizer,
    /// The tokens of each text, in order.
    pub(crate) lists: Vec<Vec<Tok<'a>>>,
}

/// Calls `f` with the tokens of each of `texts` (as [`tokens`] gives
/// them), all read against one state of the shared tokenizer, so that
/// [`Index::vectorize_toks`] can compare them by id.
pub(crate) fn with_token_lists<R>(texts: &[&str], f: impl Fn(&TokenLists<'_, '_>) -> R) -> R {
    let lowered: Vec<String> = texts.iter().map(|t| lower_nfc(t)).collect();
    if let Ok(t) = shared().read() {
        let lists: Option<Vec<Vec<Tok<'_>>>> = lowered.iter().map(|l| t.walk_known(l)).collect();
        if let Some(lists) = lists {
            return f(&TokenLists { tk: &t, lists });
        }
    }
    let walk_all = |t: &mut Tokenizer| -> Vec<Vec<Tok<'_>>> {
        lowered
            .iter()
            .map(|l| {
                let mut toks = Vec::new();
                t.walk(l, &mut toks);
                toks
            })
            .collect()
    };
    match shared().write() {
        Ok(mut t) => {
            if t.surface.len() >= TOKENIZER_CAP {
                *t = Tokenizer::new();
            }
            let lists = walk_all(&mut t);
            f(&TokenLists { tk: &t, lists })
        }
        Err(_) => {
            let mut t = Tokenizer::new();
            let lists = walk_all(&mut t);
            f(&TokenLists { tk: &t, lists })
        }
    }
}

/// The words of `lower` with their ids (`id` gives them), abbreviations
/// expanded; `None` when `id` has none for a word.
fn split_words<'a>(
    lower: &'a str,
    id: impl FnMut(&'a str) -> Option<u32>,
) -> Option<Vec<(u32, &'a str)>> {
    split_words_at(lower, id, |_| {})
}

/// [`split_words`], calling `at` with the byte offset in `lower` of the
/// word each entry comes from, entry by entry.
fn split_words_at<'a>(
    lower: &'a str,
    mut id: impl FnMut(&'a str) -> Option<u32>,
    mut at: impl FnMut(usize),
) -> Option<Vec<(u32, &'a str)>> {
    let mut raw = Vec::with_capacity(lower.len() / 4);
    for w in lower.split(|c: char| !obligraph_vn::normalize::is_alphanumeric(c)) {
        if w.is_empty() {
            continue;
        }
        let start = offset_in(lower, w);
        match obligraph_vn::lexicon::expand_in_text(w) {
            Some(full) => {
                for x in full.split(' ') {
                    raw.push((id(x)?, x));
                    at(start);
                }
            }
            None => {
                raw.push((id(w)?, w));
                at(start);
            }
        }
    }
    Some(raw)
}

/// The byte offset of `part` (a slice of `whole`) in `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize)
}

/// The process's tokenizer, shared by all threads (a fleet's threads
/// meet the same words).
fn shared() -> &'static std::sync::RwLock<Tokenizer> {
    static T: std::sync::OnceLock<std::sync::RwLock<Tokenizer>> = std::sync::OnceLock::new();
    T.get_or_init(|| std::sync::RwLock::new(Tokenizer::new()))
}

/// The tokens of `lower` (lower case, NFC), each made a string by `f`.
fn with_tokens<R>(lower: &str, f: impl Fn(&Tokenizer, &[Tok<'_>]) -> R) -> R {
    with_raw_words(lower, |t, raw| f(t, &t.tokens(raw)))
}

/// One word of a text as written, for telling slips of the keyboard
/// apart: its surface, the hash of its canonical form ([`form_hash`], as in
/// [`term_hashes`]) and the hash of its form without marks
/// ([`obligraph_vn::normalize::without_marks`]).
pub(crate) type MarkedWord<'a> = (&'a str, u64, u64);

/// The words of `lower` (lower case, NFC) as written, stop words, digits
/// and level words kept, abbreviations expanded, as [`MarkedWord`]s.
pub(crate) fn marked_words_of_lower(lower: &str) -> Vec<MarkedWord<'_>> {
    with_raw_words(lower, |t, raw| marked(t, raw))
}

/// [`term_hashes_of_lower`] and [`marked_words_of_lower`] of `lower`, its
/// words read once.
pub(crate) fn term_hashes_and_marked_words_of_lower(
    lower: &str,
) -> (Vec<u64>, Vec<MarkedWord<'_>>) {
    with_raw_words(lower, |t, raw| {
        (hashes_of(t, &t.tokens(raw)), marked(t, raw))
    })
}

/// `raw` (words with their ids) as [`MarkedWord`]s.
fn marked<'a>(t: &Tokenizer, raw: &[(u32, &'a str)]) -> Vec<MarkedWord<'a>> {
    raw.iter()
        .map(|(id, s)| {
            let (h, u) = t.marks_of(*id);
            (*s, h, u)
        })
        .collect()
}

/// The hashes of [`marked`] (without the surfaces).
fn marks(t: &Tokenizer, raw: &[(u32, &str)]) -> Vec<(u64, u64)> {
    raw.iter().map(|(id, _)| t.marks_of(*id)).collect()
}

/// Calls `f` with the words of `lower` and their ids (abbreviations
/// expanded, nothing left out), read against the shared tokenizer.
fn with_raw_words<'a, R>(lower: &'a str, f: impl Fn(&Tokenizer, &[(u32, &'a str)]) -> R) -> R {
    if let Ok(t) = shared().read() {
        if let Some(raw) = split_words(lower, |w| t.surface.get(w).copied()) {
            return f(&t, &raw);
        }
    }
    match shared().write() {
        Ok(mut t) => {
            if t.surface.len() >= TOKENIZER_CAP {
                *t = Tokenizer::new();
            }
            let raw = split_words(lower, |w| Some(t.intern(w))).unwrap_or_default();
            f(&t, &raw)
        }
        Err(_) => {
            let mut t = Tokenizer::new();
            let raw = split_words(lower, |w| Some(t.intern(w))).unwrap_or_default();
            f(&t, &raw)
        }
    }
}

/// [`with_raw_words`], `f` given as well the byte offset in `lower` of
/// the word each entry comes from.
fn with_raw_words_at<'a, R>(
    lower: &'a str,
    f: impl Fn(&Tokenizer, &[(u32, &'a str)], &[usize]) -> R,
) -> R {
    let mut at = Vec::with_capacity(lower.len() / 4);
    if let Ok(t) = shared().read() {
        if let Some(raw) = split_words_at(lower, |w| t.surface.get(w).copied(), |o| at.push(o)) {
            return f(&t, &raw, &at);
        }
    }
    at.clear();
    match shared().write() {
        Ok(mut t) => {
            if t.surface.len() >= TOKENIZER_CAP {
                *t = Tokenizer::new();
            }
            let raw =
                split_words_at(lower, |w| Some(t.intern(w)), |o| at.push(o)).unwrap_or_default();
            f(&t, &raw, &at)
        }
        Err(_) => {
            let mut t = Tokenizer::new();
            let raw =
                split_words_at(lower, |w| Some(t.intern(w)), |o| at.push(o)).unwrap_or_default();
            f(&t, &raw, &at)
        }
    }
}

/// `text` in NFC and lower case (char by char).
fn lower_nfc(text: &str) -> String {
    obligraph_vn::normalize::lower_nfc(text)
}

/// Canonical form of one lower-case syllable: base letters (NFC, keeping
/// the vowel marks â ă ê ô ơ ư) followed by a tone digit when it has a tone.
fn canonical_syllable(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    decompose_syllable(word)
}

fn decompose_syllable(word: &str) -> String {
    let mut base = String::with_capacity(word.len());
    let mut tone = None;
    for c in word.nfd() {
        match c {
            '\u{300}' => tone = Some('2'),
            '\u{301}' => tone = Some('1'),
            '\u{303}' => tone = Some('4'),
            '\u{309}' => tone = Some('3'),
            '\u{323}' => tone = Some('5'),
            _ => base.push(c),
        }
    }
    let mut out: String = base.nfc().collect();
    if let Some(t) = tone {
        out.push(t);
    }
    out
}

/// The hash of a canonical form in [`term_hashes`]: FxHash of its bytes.
fn form_hash(form: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(form.as_bytes());
    h.finish()
}

/// The hash a map keyed by strings ([`HashMap`]) gives `s`: a
/// [`GramSet`] is laid out, hence iterates, as such a map would.
fn str_hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// The terms of `text` as hashes, sorted, without repeats: each canonical
/// syllable (level words left out) and each pair of adjacent syllables.
/// Hashes of the canonical forms, not of the tokenizer's ids, so that they
/// stay the same when the tokenizer's tables start afresh.
pub(crate) fn term_hashes(text: &str) -> Vec<u64> {
    term_hashes_of_lower(&lower_nfc(text))
}

/// [`term_hashes`] of a text already in lower case and NFC
/// ([`obligraph_vn::normalize::lower_nfc`]).
pub(crate) fn term_hashes_of_lower(lower: &str) -> Vec<u64> {
    with_tokens(lower, hashes_of)
}

/// [`term_hashes`] of a text read into `toks`.
fn hashes_of(tk: &Tokenizer, toks: &[Tok<'_>]) -> Vec<u64> {
    // The hash of each word's canonical form, kept by the tokenizer (the
    // same as hashing the form here).
    let words: Vec<u64> = toks
        .iter()
        .filter_map(|t| match t {
            Tok::Word(id, _) => Some(tk.hash_of(*id)),
            Tok::Level(_) => None,
        })
        .collect();
    let mut out = words.clone();
    out.extend(words.windows(2).filter_map(|w| match w {
        [a, b] => Some(pair_hash(*a, *b)),
        _ => None,
    }));
    out.sort_unstable();
    out.dedup();
    out
}

/// The words of `lower` (lower case, NFC) that make its terms, in order,
/// as [`term_hashes_of_lower`] reads them (stop words, digits and level
/// words left out; two adjacent entries make a pair term): each word's
/// hash and its byte range in `lower` (none for a word an abbreviation
/// expands to, which `lower` does not write).
pub(crate) fn term_words_of_lower(lower: &str) -> Vec<(u64, Option<std::ops::Range<usize>>)> {
    with_tokens(lower, |tk, toks| {
        toks.iter()
            .filter_map(|t| match t {
                Tok::Word(id, s) => {
                    // (An expansion's words lie outside `lower`: their
                    // offset, wrapped, runs past its end.)
                    let at = offset_in(lower, s);
                    let end = at.checked_add(s.len()).filter(|&e| e <= lower.len());
                    Some((tk.hash_of(*id), end.map(|e| at..e)))
                }
                Tok::Level(_) => None,
            })
            .collect()
    })
}

/// The hash of a pair of adjacent words by their hashes: the term of a
/// pair of syllables in [`term_hashes`].
pub(crate) fn pair_hash(a: u64, b: u64) -> u64 {
    a.rotate_left(29) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Splits `text` into canonical syllable tokens (see the module docs).
pub fn tokens(text: &str) -> Vec<String> {
    with_tokens(&lower_nfc(text), |tk, toks| {
        toks.iter().map(|t| tk.token_string(*t)).collect()
    })
}

/// How many tokens [`tokens`] gives `text`, without making them strings.
pub(crate) fn token_count(text: &str) -> usize {
    with_tokens(&lower_nfc(text), |_, toks| toks.len())
}

/// How many tokens of `text` are words, not the level placeholder
/// (`tokens(text)` less its [`LEVEL`]s), without making them strings.
pub(crate) fn word_count(text: &str) -> usize {
    word_count_of_lower(&lower_nfc(text))
}

/// [`word_count`] of a text already in lower case and NFC
/// ([`obligraph_vn::normalize::lower_nfc`]).
pub(crate) fn word_count_of_lower(lower: &str) -> usize {
    with_tokens(lower, |_, toks| {
        toks.iter().filter(|t| !t.is_level()).count()
    })
}

/// [`word_count_of_lower`] and [`term_hashes`] of a text already in lower
/// case and NFC, its words read once.
pub(crate) fn word_count_and_terms_of_lower(lower: &str) -> (usize, Vec<u64>) {
    with_tokens(lower, |tk, toks| {
        (
            toks.iter().filter(|t| !t.is_level()).count(),
            hashes_of(tk, toks),
        )
    })
}

/// The clauses of a text: pieces between ";", ".", ":" or a "- " bullet,
/// with at least `min_tokens` tokens.
pub(crate) fn clauses(text: &str, min_tokens: usize) -> Vec<String> {
    clauses_of(text, min_tokens).map(str::to_string).collect()
}

/// Whether NFC leaves `text` and every slice of it cut at a clause
/// break ([`clauses`]) as they are, and lower case maps them char by char
/// (so that a clause of its [`lower_nfc`] is the [`lower_nfc`] of the
/// clause): every char is below the combining marks (U+0300) or a
/// precomposed letter of U+1E00..U+1EFF, none of which composes with
/// another (Vietnamese text as the importer gives it).
fn plain_starters(text: &str) -> bool {
    text.chars()
        .all(|c| (c as u32) < 0x300 || ('\u{1e00}'..='\u{1eff}').contains(&c))
}

/// The grams of each clause of the text read into `raw` (its words, each
/// from the byte of `lower` that `at` gives), `lower` the [`lower_nfc`]
/// of a text of [`plain_starters`]: [`clauses`] of it with at least
/// `min_tokens` words, each as [`gram_set`] gives it, without reading the
/// words again.
fn clause_grams(
    tk: &Tokenizer,
    lower: &str,
    raw: &[(u32, &str)],
    at: &[usize],
    min_tokens: usize,
) -> Vec<GramSet> {
    clauses_of(lower, min_tokens)
        .map(|c| {
            let start = offset_in(lower, c);
            let from = at.partition_point(|o| *o < start);
            let to = at.partition_point(|o| *o < start + c.len());
            grams_of(tk, &tk.tokens(raw.get(from..to).unwrap_or(&[])))
        })
        .collect()
}

/// What the parent index reads of a text: its [`gram_set`], with the
/// grams of its clauses of at least `clauses` words (as [`clause_grams`]
/// gives them) when asked and the text is of [`plain_starters`] (`None`
/// otherwise: read them with [`gram_set`]), and its [`term_hashes`] and the hashes of
/// its words (as [`term_hashes_and_marks_of_lower`] gives them) when
/// `terms` is set: its words read once. `lower` is the text's
/// [`lower_nfc`].
pub(crate) fn read_for_index(
    text: &str,
    lower: &str,
    clauses: Option<usize>,
    terms: bool,
) -> (GramSet, Option<Vec<GramSet>>, Option<TermsAndMarks>) {
    let clauses = clauses.filter(|_| plain_starters(text));
    with_raw_words_at(lower, |t, raw, at| {
        let toks = t.tokens(raw);
        (
            grams_of(t, &toks),
            clauses.map(|min| clause_grams(t, lower, raw, at, min)),
            terms.then(|| (hashes_of(t, &toks), marks(t, raw))),
        )
    })
}

/// A text's [`term_hashes`] and the hashes of its words (see
/// [`read_for_index`]).
pub(crate) type TermsAndMarks = (Vec<u64>, Vec<(u64, u64)>);

/// The clauses of `text` as [`clauses`] keeps them, as slices of it.
fn clauses_of(text: &str, min_tokens: usize) -> impl Iterator<Item = &str> {
    clause_pieces(text)
        .map(str::trim)
        .filter(move |p| p.split_whitespace().count() >= min_tokens)
}

/// The clause pieces of `text`, split as [`clauses`] does (short pieces
/// included, not trimmed): tokenised, their concatenation is the text's
/// tokens, less the bigrams across pieces.
pub(crate) fn clause_pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '.', ':', '\n'])
        .flat_map(|p| p.split(" - "))
}

/// The 1- and 2-grams of `text`'s tokens with their counts, a surface
/// form (lower case, NFC) and their key by ids ([`gram_key`]) in the
/// tokenizer generation returned. Each gram is made a string once, when
/// first met: the map is filled in the order of the grams (1-grams, then
/// 2-grams), so that it iterates in the same order whatever the way its
/// keys are made.
pub(crate) fn gram_set(text: &str) -> GramSet {
    with_tokens(&lower_nfc(text), grams_of)
}

/// [`term_hashes_of_lower`] of `lower` (lower case, NFC), with the hashes
/// of its words as [`marked_words_of_lower`] gives them (without their
/// surfaces): its words read once.
pub(crate) fn term_hashes_and_marks_of_lower(lower: &str) -> (Vec<u64>, Vec<(u64, u64)>) {
    with_raw_words(lower, |t, raw| {
        (hashes_of(t, &t.tokens(raw)), marks(t, raw))
    })
}

/// [`gram_set`] of a text read into `toks`.
fn grams_of(tk: &Tokenizer, toks: &[Tok<'_>]) -> GramSet {
    fn surface<'s>(t: &Tok<'s>) -> &'s str {
        match t {
            Tok::Word(_, s) | Tok::Level(s) => s,
        }
    }
    let mut set = GramSet {
        generation: tk.generation,
        strings: String::new(),
        grams: std::collections::HashMap::default(),
    };
    for t in toks {
        if t.is_level() {
            continue;
        }
        let k = GramKey {
            hash: tk.str_hash_of(*t),
            key: gram_key(t.key(), None),
        };
        match set.grams.get_mut(&k) {
            Some(g) => g.tf += 1,
            None => {
                let g = set.push(tk.token_str(*t), surface(t), None);
                set.grams.insert(k, g);
            }
        }
    }
    let mut key = String::new();
    for w in toks.windows(2) {
        if let [a, b] = w {
            if a.is_level() && b.is_level() {
                continue;
            }
            key.clear();
            key.push_str(tk.token_str(*a));
            key.push(' ');
            key.push_str(tk.token_str(*b));
            let k = GramKey {
                hash: str_hash(&key),
                key: gram_key(a.key(), Some(b.key())),
            };
            match set.grams.get_mut(&k) {
                Some(g) => g.tf += 1,
                None => {
                    let g = set.push(&key, surface(a), Some(surface(b)));
                    set.grams.insert(k, g);
                }
            }
        }
    }
    set
}

/// Results computed from a text, kept for the next time the same text
/// comes by: derived plans copy many texts of their parent verbatim, and
/// the plans of one fleet share most of theirs. Shared between threads;
/// at most `cap` entries (later texts are computed, not kept). A clone
/// starts empty.
pub(crate) struct Memo<V> {
    map: std::sync::RwLock<HashMap<Box<str>, std::sync::Arc<V>>>,
    cap: usize,
}

impl<V> Memo<V> {
    /// An empty memo keeping at most `cap` entries.
    pub(crate) fn new(cap: usize) -> Memo<V> {
        Memo {
            map: std::sync::RwLock::new(HashMap::default()),
            cap,
        }
    }

    /// The value kept for `key`, or `f()` (kept when there is room).
    pub(crate) fn get_or_insert_with(&self, key: &str, f: impl FnOnce() -> V) -> std::sync::Arc<V> {
        if let Ok(m) = self.map.read() {
            if let Some(v) = m.get(key) {
                return std::sync::Arc::clone(v);
            }
        }
        let v = std::sync::Arc::new(f());
        if let Ok(mut m) = self.map.write() {
            if m.len() < self.cap {
                m.entry(key.into())
                    .or_insert_with(|| std::sync::Arc::clone(&v));
            }
        }
        v
    }

    /// Number of kept entries.
    pub(crate) fn len(&self) -> usize {
        self.map.read().map_or(0, |m| m.len())
    }
}

impl<V> Clone for Memo<V> {
    fn clone(&self) -> Self {
        Memo::new(self.cap)
    }
}

impl<V> std::fmt::Debug for Memo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("len", &self.len())
            .field("cap", &self.cap)
            .finish()
    }
}

/// `m` locked; a lock poisoned by a panic elsewhere is taken as it is (the
/// memos only ever hold finished values).
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(e) => e.into_inner(),
    }
}

/// Values computed from a key, kept by the key's hash (the caller's, which
/// may read only part of the key) and found by comparing the whole key: at
/// most `CAP` of them (later ones are computed, not kept). Shared between
/// threads; a clone starts empty.
pub(crate) struct HashedMemo<K, V, const CAP: usize> {
    /// How many are kept, and the keys with their values by hash.
    kept: std::sync::Mutex<(usize, Buckets<K, V>)>,
}

/// The keys and values of a [`HashedMemo`], by hash.
type Buckets<K, V> = HashMap<u64, Vec<(K, std::sync::Arc<V>)>>;

impl<K, V, const CAP: usize> Default for HashedMemo<K, V, CAP> {
    fn default() -> Self {
        HashedMemo {
            kept: std::sync::Mutex::new((0, HashMap::default())),
        }
    }
}

impl<K, V, const CAP: usize> Clone for HashedMemo<K, V, CAP> {
    fn clone(&self) -> Self {
        HashedMemo::default()
    }
}

impl<K, V, const CAP: usize> std::fmt::Debug for HashedMemo<K, V, CAP> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HashedMemo")
            .field("len", &lock(&self.kept).0)
            .field("cap", &CAP)
            .finish()
    }
}

impl<K, V, const CAP: usize> HashedMemo<K, V, CAP> {
    /// The value kept for the key hashed to `hash` that `is` recognises,
    /// or `f()`, kept (with `key()`) while there is room.
    pub(crate) fn get_or_insert_with(
        &self,
        hash: u64,
        is: impl Fn(&K) -> bool,
        key: impl FnOnce() -> K,
        f: impl FnOnce() -> V,
    ) -> std::sync::Arc<V> {
        if let Some((_, v)) = lock(&self.kept)
            .1
            .get(&hash)
            .and_then(|v| v.iter().find(|(k, _)| is(k)))
        {
            return std::sync::Arc::clone(v);
        }
        let v = std::sync::Arc::new(f());
        let mut kept = lock(&self.kept);
        if kept.0 < CAP {
            kept.0 += 1;
            kept.1
                .entry(hash)
                .or_default()
                .push((key(), std::sync::Arc::clone(&v)));
        }
        v
    }
}

/// The grams of one text ([`gram_set`]), with the tokenizer generation
/// of their ids. The map is laid out as one keyed by the grams' strings
/// (each key hashed as its string, [`str_hash`], and the grams inserted in
/// the same order), so that it iterates in that map's order: the order
/// the terms get their ids in and the vectors' norms are summed in.
pub(crate) struct GramSet {
    generation: u64,
    /// The string and surface of each gram, one after the other.
    strings: String,
    grams: std::collections::HashMap<GramKey, Gram, std::hash::BuildHasherDefault<Prehashed>>,
}

/// A gram of a [`GramSet`]: its key by ids ([`gram_key`]), hashed as its
/// string ([`str_hash`]); within one tokenizer generation the key names
/// the string.
#[derive(Clone, Copy, PartialEq, Eq)]
struct GramKey {
    hash: u64,
    key: u64,
}

impl std::hash::Hash for GramKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// The hasher of a [`GramSet`]: a [`GramKey`]'s hash as it is.
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A gram's count, and where its string and surface (lower case, NFC)
/// are in [`GramSet::strings`]: `start..mid` and `mid..end`.
struct Gram {
    tf: u32,
    start: u32,
    mid: u32,
    end: u32,
}

impl GramSet {
    /// Keeps the string `term` of a new gram and its surface (`a`, or `a`
    /// and `b` with a space between), counted once.
    fn push(&mut self, term: &str, a: &str, b: Option<&str>) -> Gram {
        let at = |s: &String| u32::try_from(s.len()).unwrap_or(u32::MAX);
        let start = at(&self.strings);
        self.strings.push_str(term);
        let mid = at(&self.strings);
        self.strings.push_str(a);
        if let Some(b) = b {
            self.strings.push(' ');
            self.strings.push_str(b);
        }
        Gram {
            tf: 1,
            start,
            mid,
            end: at(&self.strings),
        }
    }

    /// The grams in the map's order: key, string, surface and count.
    fn iter(&self) -> impl Iterator<Item = (u64, &str, &str, u32)> + '_ {
        self.grams.iter().map(|(k, g)| {
            let part = |a: u32, b: u32| self.strings.get(a as usize..b as usize).unwrap_or("");
            (k.key, part(g.start, g.mid), part(g.mid, g.end), g.tf)
        })
    }
}

/// The grams of several texts, to build indexes from
/// ([`Index::from_grams`]).
pub(crate) struct Grams {
    /// One set per text.
    pub(crate) sets: Vec<GramSet>,
}

impl Grams {
    /// The grams of each of `texts`.
    pub(crate) fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Grams {
        Grams {
            sets: texts.into_iter().map(gram_set).collect(),
        }
    }
}

/// A sparse TF-IDF vector: (term id, weight), unit length over all its
/// terms (including those unknown to the index).
#[derive(Debug, Clone, Default)]
pub(crate) struct Vector {
    pub(crate) terms: Vec<(u32, f32)>,
}

/// Similarities of a text against one indexed document.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Sim {
    /// Cosine.
    pub(crate) cosine: f32,
    /// Share of the document's (squared) weight found in the text.
    pub(crate) in_child: f32,
    /// Share of the text's (squared) weight found in the document.
    pub(crate) in_parent: f32,
}

/// TF-IDF index over the texts of one plan (the parent).
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    /// Term id by string, made from `terms` when first needed (texts read
    /// in another tokenizer generation than the index).
    vocab: std::sync::OnceLock<HashMap<String, u32>>,
    /// The string of each term, one after the other, ending at
    /// `term_ends`.
    terms: String,
    term_ends: Vec<u32>,
    words: Vec<std::sync::Arc<str>>,
    idf: Vec<f32>,
    idf_unknown: f32,
    /// One vector per indexed document.
    pub(crate) docs: Vec<Vector>,
    /// Inverted index: term id → (doc, weight).
    postings: Vec<Vec<(u32, f32)>>,
    /// Term ids by [`gram_key`], valid in tokenizer generation
    /// `ids_generation` (`None`: the texts were read in several).
    ids: HashMap<u64, u32>,
    ids_generation: Option<u64>,
}

fn sublinear(tf: u32) -> f32 {
    // tf >= 1; ln of a small count.
    1.0 + (tf.max(1) as f32).ln()
}

impl Index {
    /// Builds an index over `texts`.
    pub(crate) fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        Index::from_grams(&Grams::of(texts).sets.iter().collect::<Vec<_>>())
    }

    /// Builds an index over texts whose grams ([`Grams`]) are given.
    pub(crate) fn from_grams(gram_sets: &[&GramSet]) -> Index {
        let mut generation: Option<Option<u64>> = None;
        for g in gram_sets {
            generation = match generation {
                None => Some(Some(g.generation)),
                Some(x) if x == Some(g.generation) => Some(x),
                Some(_) => Some(None),
            };
        }
        let mut ix = Index {
            // No text: no term, any generation.
            ids_generation: generation.unwrap_or(Some(u64::MAX)),
            ..Index::default()
        };
        let mut df: Vec<u32> = Vec::new();
        // Term ids by string, when the texts were read in several
        // generations.
        let mut by_term: HashMap<&str, u32> = HashMap::default();
        // The id of each gram of each set, in the set's order: the second
        // pass weighs them without looking their strings up again.
        let mut set_ids: Vec<Vec<u32>> = Vec::with_capacity(gram_sets.len());
        for g in gram_sets {
            let mut ids = Vec::with_capacity(g.grams.len());
            for (key, term, surface, _) in g.iter() {
                // Within one generation a gram's key names its string: the
                // key is looked up, cheaper than the string.
                let known = if ix.ids_generation.is_some() {
                    ix.ids.get(&key)
                } else {
                    by_term.get(term)
                };
                let id = match known {
                    Some(id) => *id,
                    None => {
                        let id = u32::try_from(ix.words.len()).unwrap_or(u32::MAX);
                        if ix.ids_generation.is_none() {
                            by_term.insert(term, id);
                        }
                        ix.ids.insert(key, id);
                        ix.words.push(surface.into());
                        ix.terms.push_str(term);
                        ix.term_ends
                            .push(u32::try_from(ix.terms.len()).unwrap_or(u32::MAX));
                        df.push(0);
                        id
                    }
                };
                if let Some(d) = df.get_mut(id as usize) {
                    *d += 1;
                }
                ids.push(id);
            }
            set_ids.push(ids);
        }
        let n = gram_sets.len() as f32;
        ix.idf = df
            .iter()
            .map(|d| ((n + 1.0) / (*d as f32 + 1.0)).ln() + 1.0)
            .collect();
        ix.idf_unknown = (n + 1.0).ln() + 1.0;
        // A term's postings are one per text holding it: its df, known
        // now, so each list is allocated once at its size.
        ix.postings = df.iter().map(|d| Vec::with_capacity(*d as usize)).collect();
        for (doc, (g, ids)) in gram_sets.iter().zip(&set_ids).enumerate() {
            let v = ix.vectorize_indexed(g, ids);
            for (t, w) in &v.terms {
                if let Some(p) = ix.postings.get_mut(*t as usize) {
                    p.push((u32::try_from(doc).unwrap_or(u32::MAX), *w));
                }
            }
            ix.docs.push(v);
        }
        ix
    }

    /// Term ids by string.
    fn vocab(&self) -> &HashMap<String, u32> {
        self.vocab.get_or_init(|| {
            let mut start = 0;
            let mut vocab = HashMap::default();
            for (id, end) in self.term_ends.iter().enumerate() {
                let term = self.terms.get(start..*end as usize).unwrap_or("");
                vocab.insert(term.to_string(), u32::try_from(id).unwrap_or(u32::MAX));
                start = *end as usize;
            }
            vocab
        })
    }

    /// The vector of an indexed set of grams, `ids` the id of each of its
    /// grams in its order (every one is in the vocabulary).
    fn vectorize_indexed(&self, g: &GramSet, ids: &[u32]) -> Vector {
        let mut terms = Vec::with_capacity(g.grams.len());
        let mut norm = 0.0f32;
        for (gram, id) in g.grams.values().zip(ids) {
            let w = sublinear(gram.tf) * self.idf.get(*id as usize).copied().unwrap_or(1.0);
            norm += w * w;
            terms.push((*id, w));
        }
        let norm = norm.sqrt();
        if norm > 0.0 {
            for t in &mut terms {
                t.1 /= norm;
            }
        }
        terms.sort_unstable_by_key(|t| t.0);
        Vector { terms }
    }

    /// The vector of a text not in the index (terms unknown to the index
    /// count in its length, not in any dot product): its grams looked up
    /// by id ([`Index::vectorize_toks`]), as [`Index::vectorize_tokens`]
    /// would give it.
    pub(crate) fn vectorize(&self, text: &str) -> Vector {
        with_token_lists(&[text], |tl| {
            let toks = tl.lists.first().map_or(&[][..], Vec::as_slice);
            self.vectorize_toks(tl, toks)
        })
    }

    /// The vector of an already tokenised text.
    pub(crate) fn vectorize_tokens(&self, toks: &[String]) -> Vector {
        let mut known: HashMap<u32, u32> = HashMap::default();
        let mut unknown: HashMap<(&str, &str), u32> = HashMap::default();
        let mut keys: Vec<(&str, &str)> = Vec::with_capacity(toks.len() * 2);
        for t in toks {
            if t != LEVEL {
                keys.push((t.as_str(), ""));
            }
        }
        for w in toks.windows(2) {
            if let [a, b] = w {
                if !(a == LEVEL && b == LEVEL) {
                    keys.push((a.as_str(), b.as_str()));
                }
            }
        }
        let mut buf = String::new();
        for key in keys {
            buf.clear();
            buf.push_str(key.0);
            if !key.1.is_empty() {
                buf.push(' ');
                buf.push_str(key.1);
            }
            match self.vocab().get(buf.as_str()) {
                Some(id) => *known.entry(*id).or_default() += 1,
                None => *unknown.entry(key).or_default() += 1,
            }
        }
        self.weigh(known, unknown.values())
    }

    /// [`Index::vectorize_tokens`] of tokens read by [`with_token_lists`]
    /// (`toks` is one of `tl`'s lists, or a concatenation of them): the
    /// same vector, looking the grams up by id rather than by string.
    pub(crate) fn vectorize_toks(&self, tl: &TokenLists<'_, '_>, toks: &[Tok<'_>]) -> Vector {
        let tk = tl.tk;
        if self.ids_generation != Some(tk.generation) && !self.docs.is_empty() {
            let strings: Vec<String> = toks.iter().map(|t| tk.token_string(*t)).collect();
            return self.vectorize_tokens(&strings);
        }
        // The grams in the order of `vectorize_tokens`: the known ones
        // counted in a map filled in the same order (its iteration order,
        // hence the sum of the norm, is the same); the unknown ones by id.
        let grams = || {
            let uni = toks.iter().filter(|t| !t.is_level()).map(|t| (*t, None));
            let bi = toks.windows(2).filter_map(|w| match w {
                [a, b] if !(a.is_level() && b.is_level()) => Some((*a, Some(*b))),
                _ => None,
            });
            uni.chain(bi)
        };
        let key = |(a, b): (Tok<'_>, Option<Tok<'_>>)| gram_key(a.key(), b.map(Tok::key));
        let mut known: HashMap<u32, u32> = HashMap::default();
        let mut unknown: HashMap<u64, u32> = HashMap::default();
        for g in grams() {
            let k = key(g);
            match self.ids.get(&k) {
                Some(id) => *known.entry(*id).or_default() += 1,
                None => *unknown.entry(k).or_default() += 1,
            }
        }
        // The unknown grams add to the norm in the order of the string map
        // `vectorize_tokens` fills; when they all have the same count, the
        // order makes no difference.
        let mut counts = unknown.values();
        match counts.next() {
            None => self.weigh(known, std::iter::empty()),
            Some(t) if counts.all(|x| x == t) => {
                self.weigh(known, std::iter::repeat_n(t, unknown.len()))
            }
            Some(_) => {
                let mut by_str: HashMap<(&str, &str), u32> = HashMap::default();
                for g in grams() {
                    if !self.ids.contains_key(&key(g)) {
                        let (a, b) = g;
                        let k = (tk.token_str(a), b.map_or("", |b| tk.token_str(b)));
                        *by_str.entry(k).or_default() += 1;
                    }
                }
                self.weigh(known, by_str.values())
            }
        }
    }

    /// The unit vector of grams counted by term id (`known`) and of grams
    /// unknown to the index (their counts).
    fn weigh<'u>(
        &self,
        known: HashMap<u32, u32>,
        unknown: impl Iterator<Item = &'u u32>,
    ) -> Vector {
        let mut terms = Vec::with_capacity(known.len());
        let mut norm = 0.0f32;
        for (id, tf) in known {
            let w = sublinear(tf) * self.idf.get(id as usize).copied().unwrap_or(1.0);
            norm += w * w;
            terms.push((id, w));
        }
        for tf in unknown {
            let w = sublinear(*tf) * self.idf_unknown;
            norm += w * w;
        }
        let norm = norm.sqrt();
        if norm > 0.0 {
            for t in &mut terms {
                t.1 /= norm;
            }
        }
        terms.sort_unstable_by_key(|t| t.0);
        Vector { terms }
    }

    /// Cosine of `v` against every indexed document, with the two
    /// containments: the share of each document's weight (squared) that
    /// `v` shares, and the share of `v`'s weight that the document shares.
    pub(crate) fn scores_full(&self, v: &Vector) -> Vec<Sim> {
        let mut s = vec![Sim::default(); self.docs.len()];
        for (t, w) in &v.terms {
            if let Some(p) = self.postings.get(*t as usize) {
                for (doc, dw) in p {
                    if let Some(x) = s.get_mut(*doc as usize) {
                        x.cosine += w * dw;
                        x.in_child += dw * dw;
                        x.in_parent += w * w;
                    }
                }
            }
        }
        s
    }

    /// Number of terms of document `doc`.
    pub(crate) fn doc_terms(&self, doc: usize) -> usize {
        self.docs.get(doc).map_or(0, |d| d.terms.len())
    }

    /// Cosine of `v` against every indexed document.
    pub(crate) fn scores(&self, v: &Vector) -> Vec<f32> {
        let mut s = vec![0.0f32; self.docs.len()];
        for (t, w) in &v.terms {
            if let Some(p) = self.postings.get(*t as usize) {
                for (doc, dw) in p {
                    if let Some(x) = s.get_mut(*doc as usize) {
                        *x += w * dw;
                    }
                }
            }
        }
        s
    }

    /// The heaviest terms `v` shares with document `doc`, at most `n`.
    #[cfg(test)]
    pub(crate) fn shared_terms(
        &self,
        v: &Vector,
        doc: usize,
        n: usize,
    ) -> Vec<std::sync::Arc<str>> {
        self.words_of(&self.shared_term_ids(v, doc, n))
    }

    /// The (surface) words of terms.
    pub(crate) fn words_of(&self, ids: &[u32]) -> Vec<std::sync::Arc<str>> {
        ids.iter()
            .filter_map(|t| self.words.get(*t as usize).cloned())
            .collect()
    }

    /// The ids of the heaviest terms `v` shares with document `doc`, at
    /// most `n`: heaviest first, equal weights (to 13 bits) in the order of
    /// their words (not of their ids: ids follow a hash map's order, which
    /// differs between platforms, so WebAssembly listed other terms).
    pub(crate) fn shared_term_ids(&self, v: &Vector, doc: usize, n: usize) -> Vec<u32> {
        let Some(d) = self.docs.get(doc) else {
            return Vec::new();
        };
        let mut shared: Vec<(f32, u32)> = Vec::with_capacity(v.terms.len().min(d.terms.len()));
        let (mut i, mut j) = (0, 0);
        while let (Some(a), Some(b)) = (v.terms.get(i), d.terms.get(j)) {
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared.push((a.1 * b.1, a.0));
                    i += 1;
                    j += 1;
                }
            }
        }
        // Heaviest first; equal weights by word, then id (two terms with
        // one surface word). Weights count as equal when they agree to 13
        // bits (1 part in 8,192): a product of weights equal on paper can
        // differ in its last bits with the order the vector's norm was
        // summed in, which is a hash map's, so differs between platforms.
        // Only the first `n` are sorted.
        let word = |t: u32| self.words.get(t as usize).map(|w| &**w);
        let coarse = |w: f32| f32::from_bits(w.to_bits() & !0x3ff);
        let order = |a: &(f32, u32), b: &(f32, u32)| {
            coarse(b.0)
                .total_cmp(&coarse(a.0))
                .then_with(|| word(a.1).cmp(&word(b.1)))
                .then(a.1.cmp(&b.1))
        };
        if n == 0 {
            return Vec::new();
        }
        if shared.len() > n {
            shared.select_nth_unstable_by(n - 1, order);
            shared.truncate(n);
        }
        shared.sort_unstable_by(order);
        shared.into_iter().map(|(_, t)| t).collect()
    }

    /// The ids of the terms of `toks` (see [`Index::vectorize_toks`])
    /// known to the index, in order: the terms of their vector.
    pub(crate) fn known_terms(&self, tl: &TokenLists<'_, '_>, toks: &[Tok<'_>]) -> Vec<u32> {
        if self.ids_generation != Some(tl.tk.generation) && !self.docs.is_empty() {
            return self
                .vectorize_toks(tl, toks)
                .terms
                .iter()
                .map(|t| t.0)
                .collect();
        }
        let mut ids: Vec<u32> = Vec::with_capacity(toks.len() * 2);
        let mut look = |key: u64| {
            if let Some(id) = self.ids.get(&key) {
                ids.push(*id);
            }
        };
        for t in toks {
            if !t.is_level() {
                look(gram_key(t.key(), None));
            }
        }
        for w in toks.windows(2) {
            if let [a, b] = w {
                if !(a.is_level() && b.is_level()) {
                    look(gram_key(a.key(), Some(b.key())));
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// For every indexed document, the share of its (squared) weight
    /// found among `terms` (ids in order): the `in_child` of
    /// [`Index::scores_full`] for a vector with these terms, summed in the
    /// same order.
    pub(crate) fn in_child(&self, terms: &[u32]) -> Vec<f32> {
        let mut s = vec![0.0f32; self.docs.len()];
        for t in terms {
            if let Some(p) = self.postings.get(*t as usize) {
                for (doc, dw) in p {
                    if let Some(x) = s.get_mut(*doc as usize) {
                        *x += dw * dw;
                    }
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gram set as the index reads it: its grams in its order.
    fn grams_in_order(g: &GramSet) -> Vec<(String, String, u32)> {
        g.iter()
            .map(|(_, term, surface, tf)| (term.to_string(), surface.to_string(), tf))
            .collect()
    }

    #[test]
    fn clauses_read_with_their_text_are_those_read_alone() {
        // The seeds' lines and paragraphs, with texts whose phrases run
        // across a clause break ("thành. Phố", "kinh; phí", "phổ biến -
        // tuyên truyền"), abbreviations, capitals and a text NFC changes:
        // the grams of each clause read with the text are those of the
        // clause read alone, in the same order, and the text's grams
        // those of [`gram_set`].
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/seeds");
        let mut texts: Vec<String> = vec![
            "Ủy ban nhân dân thành. Phố Hải Phòng chỉ đạo UBND các quận, huyện thực hiện kế hoạch; rà soát kinh; phí bảo đảm cho công tác phổ biến - tuyên truyền pháp luật về quyền con người năm 2024".into(),
            "TỔ CHỨC HỘI NGHỊ TẬP HUẤN CHO CÁN BỘ, CÔNG CHỨC CẤP XÃ: đôn đốc kiểm tra việc thực hiện các nội dung của Công ước tại địa phương trong năm".into(),
            "Khánh Hoa\u{300} triển khai; tuyên truyền phổ biến pháp luật cho người dân ở vùng sâu, vùng xa và đồng bào dân tộc thiểu số".into(),
        ];
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            texts.extend(text.lines().map(str::to_string));
            texts.extend(text.split("\n\n").map(str::to_string));
        }
        let (mut read_with, mut clauses_seen) = (0, 0);
        for t in &texts {
            let lower = lower_nfc(t);
            let (g, c, terms) = read_for_index(t, &lower, Some(4), true);
            assert_eq!(grams_in_order(&g), grams_in_order(&gram_set(t)), "{t}");
            assert_eq!(terms, Some(term_hashes_and_marks_of_lower(&lower)), "{t}");
            let Some(c) = c else {
                assert!(!plain_starters(t), "{t}");
                continue;
            };
            read_with += 1;
            let alone: Vec<_> = clauses(t, 4)
                .iter()
                .map(|c| grams_in_order(&gram_set(c)))
                .collect();
            let with: Vec<_> = c.iter().map(grams_in_order).collect();
            assert_eq!(with, alone, "{t}");
            clauses_seen += alone.len();
        }
        assert!(
            read_with > 1000 && clauses_seen > 1000,
            "{read_with} {clauses_seen}"
        );
        assert!(
            read_for_index(&texts[2], &lower_nfc(&texts[2]), Some(4), false)
                .1
                .is_none()
        );
    }

    #[test]
    fn counts_are_those_of_the_token_strings() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/seeds");
        let mut lines = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            for line in text.lines().chain(["Sở Tư pháp, UBND thành phố", ""]) {
                let t = tokens(line);
                assert_eq!(token_count(line), t.len(), "{line}");
                let words = t.iter().filter(|w| *w != LEVEL).count();
                assert_eq!(word_count(line), words, "{line}");
                lines += 1;
            }
        }
        assert!(lines > 1000, "{lines} seed lines");
    }

    #[test]
    fn vectorize_by_ids_is_vectorize_by_strings() {
        let ix = Index::new([
            "Triển khai hiệu quả Đề án truyền thông về quyền con người",
            "Pháp luật về phòng, chống bạo lực gia đình; Sở Tư pháp chủ trì",
            "UBND các xã, phường tổ chức tuyên truyền pháp luật",
        ]);
        for t in [
            "Tuyên truyền, phổ biến Đề án truyền thông về quyền con người ở Việt Nam",
            "zeta zeta zeta omega omega kappa: phòng, chống bạo lực gia đình gia đình",
            "hoàn toàn mới lạ",
            "tỉnh xã phường",
            "",
        ] {
            let a = ix.vectorize_tokens(&tokens(t));
            let (b, known) = with_token_lists(&[t], |tl| {
                let toks = tl.lists.first().cloned().unwrap_or_default();
                (ix.vectorize_toks(tl, &toks), ix.known_terms(tl, &toks))
            });
            let bits = |v: &Vector| -> Vec<(u32, u32)> {
                v.terms.iter().map(|(t, w)| (*t, w.to_bits())).collect()
            };
            assert_eq!(bits(&a), bits(&b), "{t}");
            let ids: Vec<u32> = a.terms.iter().map(|x| x.0).collect();
            assert_eq!(ids, known, "{t}");
        }
    }

    #[test]
    fn lower_case_is_char_by_char() {
        for t in ["Ủy Ban NHÂN DÂN", "ΟΔΟΣ Σ", "ΣΑΣ.", "Đà Nẵng; ƠƯ"] {
            let by_char: String = t.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lower_nfc(t), by_char);
        }
    }

    #[test]
    fn tone_placement_and_nfd_fold_together() {
        assert_eq!(tokens("hoà"), tokens("hòa"));
        let nfd: String = "Hòa bình".nfd().collect();
        assert_eq!(tokens(&nfd), tokens("hòa bình"));
        assert_ne!(tokens("tra"), tokens("trà"));
    }

    #[test]
    fn abbreviations_and_levels() {
        assert_eq!(tokens("UBND tỉnh"), tokens("Ủy ban nhân dân quận"));
        assert_eq!(tokens("Sở Tư pháp"), tokens("Bộ Tư pháp"));
        assert_eq!(tokens("thành phố Huế"), tokens("tỉnh Huế"));
    }

    #[test]
    fn phrases_of_one_meaning_fold_to_one_form() {
        assert_eq!(
            tokens("Đảm bảo kinh phí hằng năm"),
            tokens("bảo đảm tài chính hàng năm")
        );
        // Word for word, only where the whole phrase is written.
        assert_eq!(
            tokens("bảo đảm"),
            ["bảo", "đảm"].map(|w| tokens(w)[0].clone())
        );
        assert_ne!(tokens("kinh tế"), tokens("tài tế"));
        // Conventions by acronym and in words.
        let cat = tokens("Công ước CAT");
        assert!(cat.ends_with(&tokens("chống tra tấn")), "{cat:?}");
        assert_eq!(tokens("Công ước CAT"), tokens("Công ước chống tra tấn"));
    }

    #[test]
    fn cosine_prefers_the_close_text() {
        let ix = Index::new([
            "Triển khai hiệu quả Đề án truyền thông về quyền con người",
            "Pháp luật về phòng, chống bạo lực gia đình",
        ]);
        let v =
            ix.vectorize("Tuyên truyền, phổ biến Đề án truyền thông về quyền con người ở Việt Nam");
        let s = ix.scores(&v);
        assert!(s[0] > 0.3 && s[1] < 0.05, "{s:?}");
        assert!(ix
            .shared_terms(&v, 0, 8)
            .iter()
            .any(|t| t.contains("truyền")));
    }

    #[test]
    fn shared_terms_of_equal_weight_come_in_word_order() {
        // Terms of one weight (each once, in the one document): their
        // order must not depend on the ids a hash map handed out.
        let ix = Index::new(["tuyên truyền pháp luật", "ma túy"]);
        let v = ix.vectorize("tuyên truyền pháp luật");
        let words: Vec<String> = ix
            .shared_terms(&v, 0, 8)
            .iter()
            .map(|t| t.to_string())
            .collect();
        let mut sorted = words.clone();
        sorted.sort();
        assert!(words.len() >= 3, "{words:?}");
        assert_eq!(words, sorted);
    }
}
