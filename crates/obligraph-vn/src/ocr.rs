//! OCR of scanned PDFs (pages with no text layer) through Tesseract with
//! its Vietnamese trained data.
//!
//! Each scanned page is rendered by Poppler's `pdftoppm` ([`DPI`] dots per
//! inch, grey) and read by `tesseract -l vie`, both run as processes, so
//! nothing is linked: on Debian, `apt-get install tesseract-ocr
//! tesseract-ocr-vie poppler-utils`. The importer turns to OCR for the
//! pages whose text layer is (almost) empty and that draw an image, or for
//! every page when the whole text layer is (almost) empty ([`needs_ocr`]),
//! so a PDF whose pages are partly typed and partly scanned is read page by
//! page.
//!
//! # Tables
//!
//! A scanned page goes through the same layout as a text layer
//! ([`crate::pdf`]): Tesseract gives each word with its box and its
//! line's baseline (hOCR output), and the ruling lines of tables are found
//! in the page's pixels, as runs of ink at least [`MIN_HRULE`] long
//! across or [`MIN_VRULE`] down. The rules are rubbed out of the image
//! before Tesseract reads it (a border read as `|` or `~` would land in a
//! cell). Tesseract then reads one image made of the page with its table
//! cells blanked and, below it, each cell's ink at its own columns, one
//! cell under another ([`STACK_GAP`] apart): a line is never run across
//! a row's cells, and a lone "1." in the STT column is kept. The number
//! cells (a row's first cell, when narrow) are stacked and read by a
//! second run of their own, where a lone "3" is not read "K)", and a
//! one-letter number takes the case its height says ("c", not "C"). The
//! words,
//! moved back to their place on the page, and the rules are laid out as
//! the glyphs and rules of a text layer are: each ruled row one
//! tab-separated line, a row a page break split glued back, a header row
//! whose "STT" OCR misread ("SLT") mended.
//!
//! # Mending
//!
//! What Tesseract misreads is mended where the importer's own vocabulary
//! or the document's own sequence says what was written, on OCR'd pages
//! only: each line ([`mend_heading`], [`mend_rhymes`], [`mend_joined`]:
//! "Sởy tế"; [`mend_pairs`]: "chữ trì", "phạm vì", "nhân dần"), and the
//! document as a whole ([`renumber_headings`]; the rows' numbers,
//! "lÍÌ" for "II", "27." for "2.7."; lettered items, "ø)" for "g)";
//! [`mend_acronyms`]: "CATT" for "CAT"; [`mend_enumerators`]: "(1) …
//! (1ï)" for "(i) … (ii)").
//!
//! # Limits
//!
//! [`read_pages`] stops with [`OcrError::TimedOut`], naming the page, when
//! a document's OCR takes longer than its time limit
//! ([`ImportOptions::ocr_time_limit`](crate::ImportOptions::ocr_time_limit),
//! 10 minutes by default): a program still running then is killed.
//!
//! # Errors
//!
//! A missing program or a missing `vie` language is an [`OcrError`] that
//! says what to install; a program that fails names the page.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use image::GrayImage;

use crate::pdf::{Glyph, Page, Rule};

/// Resolution the pages are rendered at for OCR: Tesseract reads body text
/// best at 300 dpi.
pub const DPI: u32 = 300;

/// Points (1/72 inch) per pixel at [`DPI`].
const PT_PER_PX: f64 = 72.0 / DPI as f64;

/// Tesseract's language: Vietnamese.
pub const LANGUAGE: &str = "vie";

/// A text layer with fewer visible characters than this per page is taken
/// for a scan (a scanned page may carry a stamp or a page number as text;
/// a typed page of a plan holds 1,500–3,000).
pub const MIN_CHARS_PER_PAGE: usize = 80;

/// A pixel darker than this (0 black, 255 white) is ink. The scans are
/// black and white; rendered grey at 300 dpi a 1-pixel border of a 200 dpi
/// scan is mid grey.
const INK: u8 = 170;

/// A horizontal run of ink at least this long, in points, is a rule: a
/// table's narrowest column (STT) is about 30 pt wide, a dash of text is
/// under an em (13 pt).
pub const MIN_HRULE: f64 = 24.0;

/// A vertical run of ink at least this long, in points, is a rule: a row
/// of one line is about 20 pt high, the tallest letter stroke of 13 pt
/// text with its marks about 12 pt.
pub const MIN_VRULE: f64 = 16.0;

/// Gaps in a run of ink up to this many pixels are bridged (a thin border
/// of a scan breaks here and there).
const RUN_GAP: usize = 2;

/// Why OCR could not read a PDF.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OcrError {
    /// A program OCR needs is not installed.
    #[error("the PDF has no text layer and `{program}` is not installed (expected `{program}` on PATH: apt-get install {package})")]
    EngineMissing {
        /// The program (`tesseract`, `pdftoppm`).
        program: String,
        /// The Debian package that has it.
        package: String,
    },
    /// Tesseract is installed without Vietnamese trained data.
    #[error("the PDF has no text layer and tesseract has no `vie` trained data (expected it among `tesseract --list-langs`: apt-get install tesseract-ocr-vie)")]
    LanguageMissing,
    /// A program failed on a page.
    #[error("`{program}` failed on page {page}: {message}")]
    Failed {
        /// The program.
        program: String,
        /// The page (1-based).
        page: u32,
        /// Its exit status and what it said on stderr.
        message: String,
    },
    /// OCR of the document took longer than its time limit.
    #[error("OCR took longer than {seconds} s, reached on page {page} (expected a document read within the OCR time limit: split the file, or raise the limit)")]
    TimedOut {
        /// The page being read when the time ran out (1-based).
        page: u32,
        /// The limit, in whole seconds.
        seconds: u64,
    },
}

/// Whether a text layer of `visible` characters over `pages` pages is a
/// scan's (see [`MIN_CHARS_PER_PAGE`]).
pub fn needs_ocr(visible: usize, pages: u32) -> bool {
    let pages = usize::try_from(pages).unwrap_or(usize::MAX).max(1);
    visible < MIN_CHARS_PER_PAGE.saturating_mul(pages)
}

fn missing(program: &str) -> OcrError {
    let package = if program.contains("pdftoppm") {
        "poppler-utils"
    } else {
        "tesseract-ocr"
    };
    OcrError::EngineMissing {
        program: program.to_string(),
        package: package.to_string(),
    }
}

/// Checks that `tesseract` with `vie` data and `pdftoppm` are installed.
pub fn check_engine() -> Result<(), OcrError> {
    check_programs("tesseract", "pdftoppm")
}

/// [`check_engine`] with the programs named (tests name missing ones).
fn check_programs(tesseract: &str, pdftoppm: &str) -> Result<(), OcrError> {
    let langs = Command::new(tesseract)
        .arg("--list-langs")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| missing(tesseract))?;
    // Tesseract 4 lists the languages on stdout, some builds on stderr.
    let listed = [langs.stdout, langs.stderr].iter().any(|o| {
        String::from_utf8_lossy(o)
            .lines()
            .any(|l| l.trim() == LANGUAGE)
    });
    if !listed {
        return Err(OcrError::LanguageMissing);
    }
    Command::new(pdftoppm)
        .arg("-v")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| missing(pdftoppm))?;
    Ok(())
}

fn failed(program: &str, page: u32, message: impl Into<String>) -> OcrError {
    OcrError::Failed {
        program: program.to_string(),
        page,
        message: message.into(),
    }
}

/// When a document's OCR must end, and its limit (for the error).
#[derive(Debug, Clone, Copy)]
struct Deadline {
    at: Option<Instant>,
    limit: Duration,
}

impl Deadline {
    fn new(limit: Duration) -> Deadline {
        Deadline {
            at: Instant::now().checked_add(limit),
            limit,
        }
    }

    fn passed(&self) -> bool {
        self.at.is_some_and(|at| Instant::now() >= at)
    }

    fn error(&self, page: u32) -> OcrError {
        OcrError::TimedOut {
            page,
            seconds: self.limit.as_secs(),
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> Option<std::thread::JoinHandle<Vec<u8>>> {
    let mut pipe = pipe?;
    std::thread::Builder::new()
        .spawn(move || {
            let mut out = Vec::new();
            // A pipe that breaks leaves what was read: the exit status
            // says whether the program succeeded.
            pipe.read_to_end(&mut out).ok();
            out
        })
        .ok()
}

/// Runs `program` on page `page`, feeding it `input`, and returns its
/// stdout; killed when the deadline passes.
fn run(
    program: &str,
    args: &[&str],
    input: Option<Vec<u8>>,
    page: u32,
    deadline: Deadline,
) -> Result<Vec<u8>, OcrError> {
    if deadline.passed() {
        return Err(deadline.error(page));
    }
    let mut child = Command::new(program)
        .args(args)
        // Tesseract's OpenMP threads fight over a busy machine: one
        // thread reads a page in 3 s where four take 12 s on two cores.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| missing(program))?;
    let writer = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut stdin)) => std::thread::Builder::new()
            .spawn(move || stdin.write_all(&bytes))
            .ok(),
        _ => None,
    };
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if deadline.passed() => {
                // Already ended, or killed now: either way it is waited
                // for below and its output dropped.
                child.kill().ok();
                child.wait().ok();
                return Err(deadline.error(page));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(failed(program, page, e.to_string())),
        }
    };
    let written = writer.map(|w| w.join());
    let stdout = out.and_then(|h| h.join().ok()).unwrap_or_default();
    let stderr = err.and_then(|h| h.join().ok()).unwrap_or_default();
    if !status.success() {
        return Err(failed(
            program,
            page,
            format!("{status}: {}", String::from_utf8_lossy(&stderr).trim()),
        ));
    }
    match written {
        Some(Ok(Err(e))) => Err(failed(program, page, format!("its input: {e}"))),
        Some(Err(_)) => Err(failed(program, page, "its input could not be written")),
        _ => Ok(stdout),
    }
}
/// Roman numerals of top-level headings.
const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// The Roman numeral of a heading as OCR reads it: `II`, `II.`, or the
/// dot read as an `L` (`IL` for `I.`, `IIL` for `II.`).
fn roman_heading(head: &str) -> Option<&str> {
    let head = head.trim_end_matches(['.', ',', ':', ';']);
    let numeral = head.strip_suffix('L').unwrap_or(head);
    ROMAN.iter().copied().find(|r| *r == numeral)
}

/// A heading whose Roman numeral lost its dot ("II NHIỆM VỤ" for "II.
/// NHIỆM VỤ", a small dot lost in the scan) or had it read as an `L`
/// ("IL MỤC ĐÍCH" for "I. MỤC ĐÍCH") gets it back, when the rest of the
/// line is in capitals; any other line is as it was.
///
/// ```
/// use obligraph_vn::ocr::mend_heading;
/// assert_eq!(mend_heading("II NHIỆM VỤ"), "II. NHIỆM VỤ");
/// assert_eq!(mend_heading("IL MỤC ĐÍCH, YÊU CẦU"), "I. MỤC ĐÍCH, YÊU CẦU");
/// assert_eq!(mend_heading("I Mục đích"), "I Mục đích");
/// ```
pub fn mend_heading(line: &str) -> std::borrow::Cow<'_, str> {
    let fixed = line.split_once(' ').and_then(|(head, rest)| {
        let caps = rest.chars().any(char::is_alphabetic) && !rest.chars().any(char::is_lowercase);
        let numeral = roman_heading(head)?;
        caps.then(|| format!("{numeral}. {rest}"))
    });
    match fixed {
        Some(f) => std::borrow::Cow::Owned(f),
        None => std::borrow::Cow::Borrowed(line),
    }
}

/// A line of an OCR'd page mended: its heading ([`mend_heading`]), the
/// rhymes Tesseract drops a letter of ([`mend_rhymes`]), its words run
/// together ([`mend_joined`]) and its pairs of words that misread the
/// importer's own names and phrases ([`mend_pairs`]).
pub(crate) fn mend_line(line: &str) -> String {
    mend_pairs(&mend_joined(&mend_rhymes(&mend_heading(line))))
}

/// Small Roman numerals a text enumerates its clauses with, in order.
const CLAUSE_NUMERALS: [&str; 3] = ["i", "ii", "iii"];

/// Most characters between two clause numbers of one enumeration: the
/// rest of a table row and the header a page break repeats may stand
/// between the two halves of a cell (330 in Đồng Nai's row B.V.2; a
/// repeated header of six columns is under 200), a sentence's clauses
/// are closer.
const MAX_CLAUSE_GAP: usize = 600;

/// A clause number found: its page, its range there, its glyphs and its
/// offset in the document.
type ClauseNumber = (usize, std::ops::Range<usize>, String, usize);

/// Clause numbers "(i)", "(ii)", "(iii)" that OCR read with a "1" for an
/// "i" ("(1) … (1ï)" for "(i) … (ii)") are written as Roman numerals
/// again, when two or more stand within [`MAX_CLAUSE_GAP`] characters of
/// each other across a document's OCR'd pages, in order (one, two, three
/// bars), and one of them holds a letter and one a "1": an Arabic "(1) …
/// (2)" stays, and so does "(I) … (II)".
///
/// ```
/// let mut pages = vec!["cho (1) đội ngũ\n".to_string(), "và (1ï) Luật sư; (1) và (2)\n".to_string()];
/// obligraph_vn::ocr::mend_enumerators(&mut pages);
/// assert_eq!(pages, ["cho (i) đội ngũ\n", "và (ii) Luật sư; (1) và (2)\n"]);
/// let mut pages = vec!["(I) một, (II) hai\n".to_string()];
/// obligraph_vn::ocr::mend_enumerators(&mut pages);
/// assert_eq!(pages, ["(I) một, (II) hai\n"]);
/// ```
pub fn mend_enumerators(pages: &mut [String]) {
    use unicode_normalization::UnicodeNormalization;
    static CLAUSE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(re) = CLAUSE
        .get_or_init(|| regex::Regex::new(r"\(([1iIlïíìîĩỉị]{1,3})\)").ok())
        .as_ref()
    else {
        return;
    };
    let mut found: Vec<ClauseNumber> = Vec::new();
    let mut offset = 0;
    for (p, page) in pages.iter().enumerate() {
        for c in re.captures_iter(page) {
            if let Some(m) = c.get(1) {
                found.push((p, m.range(), m.as_str().nfc().collect(), offset + m.start()));
            }
        }
        offset += page.len();
    }
    // Runs of numbers each near the one before and one bar longer: each
    // stands for as many bars as it has glyphs.
    let bars = |n: &ClauseNumber| n.2.chars().count();
    let mut runs: Vec<Vec<&ClauseNumber>> = Vec::new();
    for n in &found {
        let continues = runs.last().and_then(|r| r.last().map(|l| (r.len(), l)));
        match continues {
            Some((len, last)) if n.3 - last.3 <= MAX_CLAUSE_GAP && bars(n) == len + 1 => {
                if let Some(run) = runs.last_mut() {
                    run.push(n);
                }
            }
            _ => runs.push(vec![n]),
        }
    }
    let mut edits: Vec<(usize, std::ops::Range<usize>, &str)> = Vec::new();
    for run in runs {
        let lettered = run.iter().any(|n| n.2.chars().any(char::is_alphabetic));
        // A "1" read for an "i" somewhere: numerals written in letters
        // only ("(I) … (II)") are as their writer cased them.
        let misread = run.iter().any(|n| n.2.contains('1'));
        let first_one = run.first().is_some_and(|n| bars(n) == 1);
        if run.len() >= 2 && lettered && misread && first_one {
            edits.extend(
                run.iter()
                    .zip(CLAUSE_NUMERALS)
                    .map(|(n, r)| (n.0, n.1.clone(), r)),
            );
        }
    }
    for (p, range, numeral) in edits.into_iter().rev() {
        if let Some(page) = pages.get_mut(p) {
            if page.is_char_boundary(range.start) && page.is_char_boundary(range.end) {
                page.replace_range(range, numeral);
            }
        }
    }
}

/// A word whose rhyme is "ơng" (with any tone: "ờng", "ởng" …), which
/// Vietnamese does not have, gets the "ư" Tesseract dropped before it:
/// "trung ơng" is "trung ương", "trờng" is "trường".
///
/// ```
/// use obligraph_vn::ocr::mend_rhymes;
/// assert_eq!(mend_rhymes("Bộ, ngành trung ơng"), "Bộ, ngành trung ương");
/// assert_eq!(mend_rhymes("Sở Tài nguyên và Môi trờng"), "Sở Tài nguyên và Môi trường");
/// assert_eq!(mend_rhymes("tương ứng, phương án"), "tương ứng, phương án");
/// ```
pub fn mend_rhymes(line: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    const RHYMES: [&str; 6] = ["ơng", "ờng", "ởng", "ỡng", "ớng", "ợng"];
    let line: String = line.nfc().collect();
    let mut out = String::with_capacity(line.len() + 4);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let lower = word.to_lowercase();
        let mended = RHYMES.iter().find_map(|r| {
            let head = lower.strip_suffix(r)?;
            // No onset ("ương"), or one of consonants only: not one
            // with the "ư" already.
            let onset = head
                .chars()
                .all(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(c) || c == 'đ');
            onset.then(|| word.len() - r.len())
        });
        match mended {
            Some(at) => {
                out.push_str(word.get(..at).unwrap_or(""));
                out.push('ư');
                out.push_str(word.get(at..).unwrap_or(""));
            }
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in line.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Lower case, without diacritics, đ as d.
fn bare(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.to_lowercase()
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The spelling of a known pair the names use most (none when none is
/// used by more than half of them), and all its spellings.
type KnownPair = (Option<String>, Vec<String>);

/// The pairs of words of the importer's own names (agencies, their
/// aliases, collective nouns and qualifiers, the table headers), lower
/// case, by their [`bare`] form.
fn known_pairs() -> &'static rustc_hash::FxHashMap<String, KnownPair> {
    use unicode_normalization::UnicodeNormalization;
    static PAIRS: std::sync::OnceLock<rustc_hash::FxHashMap<String, KnownPair>> =
        std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut names: Vec<String> = Vec::new();
        for line in crate::agency::AGENCY_TSV.lines().skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            if let (Some(name), Some(aliases)) = (cells.get(4), cells.get(5)) {
                names.push((*name).to_string());
                names.extend(aliases.split('|').map(str::to_string));
            }
        }
        for (_, words) in crate::lexicon::TABLE_HEADER_WORDS {
            names.extend(words.iter().map(|w| (*w).to_string()));
        }
        names.extend(
            crate::agency::COLLECTIVE_NOUNS
                .iter()
                .chain(crate::agency::COLLECTIVE_QUALIFIERS)
                .chain(crate::agency::FILLERS)
                .chain(crate::agency::TASK_VERBS)
                .chain(OCR_PHRASES)
                .map(|w| (*w).to_string()),
        );
        // Bare form → each spelling and how often the names use it.
        let mut counts: rustc_hash::FxHashMap<String, rustc_hash::FxHashMap<String, usize>> =
            Default::default();
        for name in names {
            let name: String = name.nfc().collect::<String>().to_lowercase();
            let words: Vec<&str> = name
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            for w in words.windows(2) {
                let [a, b] = w else { continue };
                let pair = format!("{a} {b}");
                *counts
                    .entry(bare(&pair))
                    .or_default()
                    .entry(pair)
                    .or_default() += 1;
            }
        }
        // Other words spelt as a known pair but for their marks are kept
        // as read: known spellings that are never the mended one.
        for pair in LOOK_ALIKE_PAIRS {
            counts
                .entry(bare(pair))
                .or_default()
                .entry((*pair).to_string())
                .or_default();
        }
        // A spelling used more than all the others together wins (the
        // table's aliases keep a few misspellings, "Quận sự").
        counts
            .into_iter()
            .map(|(key, spellings)| {
                let total: usize = spellings.values().sum();
                let best = spellings
                    .iter()
                    .find(|(_, n)| 2 * **n > total)
                    .map(|(s, _)| s.clone());
                (key, (best, spellings.into_keys().collect()))
            })
            .collect()
    })
}

/// Phrases of the importer's own reading, besides the agency names, the
/// role and scope words ([`crate::agency`]'s fillers) and the task verbs,
/// whose pairs of words OCR text is mended to ([`mend_pairs`]): the words
/// that state a deadline.
const OCR_PHRASES: &[&str] = &[
    "hàng năm",
    "hằng năm",
    "theo yêu cầu",
    "theo chức năng, nhiệm vụ",
];

/// Pairs of common words spelt as a pair of [`known_pairs`] but for their
/// marks: read so, they are right and stay ("Viện kiểm sát cùng cấp" is
/// not "cung cấp", "truyền thống" not "truyền thông", "dùng thuốc" not
/// the "dung thuộc" of "nội dung thuộc", "để xuất khẩu" not "đề xuất").
/// Found by listing the bare forms
/// of the role words and task verbs and asking, for each, whether another
/// spelling is a Vietnamese phrase a plan may write.
const LOOK_ALIKE_PAIRS: &[&str] = &[
    "cùng cấp",
    "truyền thống",
    "dùng thuốc",
    "cần cù",
    "để xuất",
];

/// The words of the importer's own names and phrases ([`known_pairs`]),
/// lower case.
fn known_words() -> &'static rustc_hash::FxHashSet<String> {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        known_pairs()
            .values()
            .flat_map(|(_, all)| all.iter())
            .flat_map(|pair| pair.split(' '))
            .map(str::to_string)
            .collect()
    })
}

/// Whether `pair` ("sở y", lower case) is a pair of words of the
/// importer's own names and phrases, spelt so.
fn known_pair(pair: &str) -> bool {
    known_pairs()
        .get(&bare(pair))
        .is_some_and(|(_, all)| all.iter().any(|p| p == pair))
}

/// `s` with its tone marks removed and its vowel marks kept ("ở" is
/// "ơ", "ấ" is "â").
fn toneless(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // Grave, acute, tilde, hook above, dot below.
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    s.nfd().filter(|c| !TONES.contains(c)).nfc().collect()
}

/// Whether a final "y" may follow `before` in one Vietnamese syllable:
/// "y" ends a syllable only after "a", "â" and "u" ("ay", "ây", "uy"),
/// with any tone.
fn y_may_follow(before: char) -> bool {
    let t = toneless(&before.to_lowercase().to_string());
    matches!(t.as_str(), "a" | "â" | "u")
}

/// A word that is two words Tesseract ran together, where the space
/// between them is narrow before a one-letter word ("Sởy tế" for "Sở Y
/// tế", "Bộ Ytế" for "Bộ Y tế", "Lĩnh vựcy tế" for "Lĩnh vực y tế"), is
/// split again. A word that is no word of the importer's own names and
/// phrases is split:
///
/// - into a pair of its names ("sở y", "y tế") when the word before
///   or after it makes a pair of the names with its near half too, or
/// - before a final "y" that no Vietnamese syllable may end in (after
///   anything but "a", "â", "u": "vựcy", "sởy") when that "y" and the next
///   word are a pair of the names ("y tế").
///
/// ```
/// use obligraph_vn::ocr::mend_joined;
/// assert_eq!(mend_joined("Sởy tế, Sở Nội vụ"), "Sở y tế, Sở Nội vụ");
/// assert_eq!(mend_joined("Theo yêu cầu của Bộ Ytế"), "Theo yêu cầu của Bộ Y tế");
/// assert_eq!(mend_joined("Lĩnh vựcy tế (trong đó"), "Lĩnh vực y tế (trong đó");
/// assert_eq!(mend_joined("Quy định này tế nhị"), "Quy định này tế nhị");
/// assert_eq!(mend_joined("kinh tế - xã hội"), "kinh tế - xã hội");
/// ```
pub fn mend_joined(line: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let line: String = line.nfc().collect();
    let words = word_spans(&line);
    let lower = |i: usize| -> Option<String> {
        let (a, b) = *words.get(i)?;
        line.get(a..b).map(str::to_lowercase)
    };
    let known = known_words();
    let mut out = String::with_capacity(line.len() + 4);
    let mut done = 0;
    for (i, &(start, end)) in words.iter().enumerate() {
        let Some(word) = line.get(start..end) else {
            continue;
        };
        let w = word.to_lowercase();
        if known.contains(&w) || word.chars().count() < 2 {
            continue;
        }
        let prev = i.checked_sub(1).and_then(lower);
        let next = lower(i + 1);
        let with_prev = |a: &str| {
            prev.as_ref()
                .is_some_and(|p| known_pair(&format!("{p} {a}")))
        };
        let with_next = |b: &str| {
            next.as_ref()
                .is_some_and(|n| known_pair(&format!("{b} {n}")))
        };
        // Byte offsets of the splits, in `word` and in `w` alike (lower
        // case keeps the lengths of Vietnamese letters).
        let splits = word.char_indices().skip(1).map(|(k, _)| k).filter(|k| {
            let (Some(a), Some(b)) = (w.get(..*k), w.get(*k..)) else {
                return false;
            };
            let pair = known_pair(&format!("{a} {b}")) && (with_prev(a) || with_next(b));
            let final_y =
                b == "y" && a.chars().last().is_some_and(|c| !y_may_follow(c)) && with_next(b);
            pair || final_y
        });
        let Some(k) = splits.last() else {
            continue;
        };
        out.push_str(line.get(done..start + k).unwrap_or(""));
        out.push(' ');
        done = start + k;
    }
    out.push_str(line.get(done..).unwrap_or(""));
    out
}

/// The words of a line (runs of letters), as byte ranges.
fn word_spans(line: &str) -> Vec<(usize, usize)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, line.len()));
    }
    words
}

/// `word` written as `like` is: capitalised when `like` is.
fn same_case(word: &str, like: &str) -> String {
    let mut chars = word.chars();
    match (like.chars().next(), chars.next()) {
        (Some(l), Some(first)) if l.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => word.to_string(),
    }
}

/// Two words in a row that are no pair of the importer's own names but
/// are one but for their marks ("nhân dần" for "nhân dân", "quần sự" for
/// "quân sự", "Tố quốc" for "Tổ quốc": tone marks Tesseract misreads)
/// become that pair, each word keeping its capital. A bare form two known
/// pairs share about as often is not mended.
///
/// ```
/// use obligraph_vn::ocr::mend_pairs;
/// assert_eq!(mend_pairs("Ủy ban nhân dần các xã"), "Ủy ban nhân dân các xã");
/// assert_eq!(mend_pairs("Bộ Chỉ huy Quần sự tỉnh"), "Bộ Chỉ huy Quân sự tỉnh");
/// assert_eq!(mend_pairs("các tố chức thành viên"), "các tổ chức thành viên");
/// assert_eq!(mend_pairs("tăng dần theo từng năm"), "tăng dần theo từng năm");
/// assert_eq!(mend_pairs("Công an quận"), "Công an quận");
/// assert_eq!(mend_pairs("Xã hội chủ trì thực hiện"), "Xã hội chủ trì thực hiện");
/// assert_eq!(mend_pairs("Hội chủ thập đỏ tỉnh"), "Hội chữ thập đỏ tỉnh");
/// assert_eq!(mend_pairs("trong phạm vì chức năng"), "trong phạm vi chức năng");
/// ```
pub fn mend_pairs(line: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let line: String = line.nfc().collect();
    let pairs = known_pairs();
    let words = word_spans(&line);
    let mut out = String::with_capacity(line.len());
    let mut done = 0;
    let mut i = 0;
    while i + 1 < words.len() {
        let (Some(&(a0, a1)), Some(&(b0, b1))) = (words.get(i), words.get(i + 1)) else {
            break;
        };
        let (Some(a), Some(gap), Some(b)) = (line.get(a0..a1), line.get(a1..b0), line.get(b0..b1))
        else {
            break;
        };
        let pair = format!("{} {}", a.to_lowercase(), b.to_lowercase());
        // A pair the names spell so ("an quận" of "Công an quận") stays,
        // though another spelling is more common ("án quân" of "Tòa án
        // quân sự").
        let mended = (gap == " ")
            .then(|| pairs.get(&bare(&pair)))
            .flatten()
            .filter(|(_, all)| !all.contains(&pair))
            .and_then(|(best, _)| best.as_deref())
            .and_then(|known| known.split_once(' '))
            .filter(|(ka, kb)| {
                // A word that makes a known pair, as read, with its other
                // neighbour stays: "Xã hội chủ trì" is not mended to the
                // "hội chữ" of "Hội Chữ thập đỏ".
                let (la, lb) = (a.to_lowercase(), b.to_lowercase());
                let word = |j: Option<usize>| {
                    j.and_then(|j| words.get(j))
                        .and_then(|&(x, y)| line.get(x..y))
                        .map(str::to_lowercase)
                };
                let keeps_a = *ka != la
                    && word(i.checked_sub(1)).is_some_and(|p| known_pair(&format!("{p} {la}")));
                let keeps_b = *kb != lb
                    && word(Some(i + 2)).is_some_and(|n| known_pair(&format!("{lb} {n}")));
                !keeps_a && !keeps_b
            });
        match mended {
            Some((ka, kb)) => {
                out.push_str(line.get(done..a0).unwrap_or(""));
                out.push_str(&same_case(ka, a));
                out.push(' ');
                out.push_str(&same_case(kb, b));
                done = b1;
                i += 2;
            }
            None => i += 1,
        }
    }
    out.push_str(line.get(done..).unwrap_or(""));
    out
}

/// One page read by OCR: the words Tesseract read, with their places, and
/// the ruling lines found in the image, ready to be laid out as a text
/// layer is ([`PdfText::from_scanned`](crate::pdf::PdfText::from_scanned)).
#[derive(Debug, Clone)]
pub struct ScannedPage {
    pub(crate) page: Page,
}

impl ScannedPage {
    /// The page laid out alone: lines, and a tab-separated line per ruled
    /// table row, headings mended ([`mend_heading`]).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in self.page.text().lines() {
            out.push_str(&mend_line(line));
            out.push('\n');
        }
        out
    }

    /// Horizontal and vertical rules found in the image.
    pub fn rules(&self) -> (usize, usize) {
        (self.page.hrules.len(), self.page.vrules.len())
    }
}

/// Reads page `page` (1-based) of the PDF at `path` by OCR, with no time
/// limit.
pub fn read_page(path: &Path, page: u32) -> Result<ScannedPage, OcrError> {
    read_page_by(
        path,
        page,
        Deadline {
            at: None,
            limit: Duration::MAX,
        },
    )
}

/// Reads the pages `pages` (1-based) of the PDF at `path` by OCR, all
/// within `limit`: past it, [`OcrError::TimedOut`] names the page being
/// read.
pub fn read_pages(
    path: &Path,
    pages: &[u32],
    limit: Duration,
) -> Result<Vec<ScannedPage>, OcrError> {
    check_engine()?;
    let deadline = Deadline::new(limit);
    pages
        .iter()
        .map(|&p| read_page_by(path, p, deadline))
        .collect()
}

fn read_page_by(path: &Path, page: u32, deadline: Deadline) -> Result<ScannedPage, OcrError> {
    let no = page.to_string();
    let dpi = DPI.to_string();
    let file = path.to_string_lossy();
    // PGM on stdout: grey, no compression to undo.
    let rendered = run(
        "pdftoppm",
        &["-r", &dpi, "-gray", "-f", &no, "-l", &no, &file],
        None,
        page,
        deadline,
    )?;
    let mut image = image::load_from_memory_with_format(&rendered, image::ImageFormat::Pnm)
        .map_err(|e| failed("pdftoppm", page, format!("its image is unreadable: {e}")))?
        .into_luma8();
    let (hrules, vrules) = rules(&mut image);
    let ruled = Page {
        glyphs: Vec::new(),
        hrules,
        vrules,
    };
    let cells = crate::pdf::cells(&ruled);
    // The number (STT) cells: the first of a row, narrow.
    let (numbers, others): (Vec<_>, Vec<_>) = cells
        .iter()
        .partition(|c| c.first && c.right - c.left < NUMBER_CELL_WIDTH);
    let boxes = |cells: &[&crate::pdf::Cell]| -> Vec<(f64, f64, f64, f64)> {
        cells
            .iter()
            .map(|c| (c.left, c.top, c.right, c.bottom))
            .collect()
    };
    let all = boxes(&cells.iter().collect::<Vec<_>>());
    let mut words = read_stack(
        stack_cells(&image, &all, &boxes(&others), true),
        page,
        deadline,
    )?;
    let em = page_em(&words);
    if !numbers.is_empty() {
        let mut more = read_stack(
            stack_cells(&image, &[], &boxes(&numbers), false),
            page,
            deadline,
        )?;
        for w in &mut more {
            letter_case(w, em);
        }
        words.extend(more);
    }
    let glyphs = words
        .into_iter()
        .map(|(mut g, _, _)| {
            g.size = em;
            g
        })
        .collect();
    let (hrules, vrules) = (ruled.hrules, ruled.vrules);
    Ok(ScannedPage {
        page: Page {
            glyphs,
            hrules,
            vrules,
        },
    })
}

/// Blank pixels between two blocks of the stack Tesseract reads.
pub const STACK_GAP: u32 = 60;

/// Pixels (2.6 pt) a cell is read inside its borders: the grey edge a
/// rubbed-out border leaves is read as a stroke ("K)" for "3", "TTheo"
/// for "Theo") at 7 pixels and not at 11; cell text keeps 4 pt or more
/// from its borders.
const CELL_INSET: u32 = 11;

/// A box of pixels: left, top, right, bottom (past the last).
type PixelBox = (u32, u32, u32, u32);

/// Where a block of the stack comes from: its rows `top..` of the page
/// are rows `stack_top..` of the stack (columns are the same).
#[derive(Debug, Clone, Copy)]
struct Block {
    top: u32,
    stack_top: u32,
}

/// The page with its table cells blanked, then each cell's ink (cropped
/// to its rows with ink) below it at the same columns, one under another:
/// Tesseract reads each cell as a block of its own instead of running a
/// line across a row's cells, and does not lose a lone "1." in the STT
/// column.
fn stack_cells(
    image: &GrayImage,
    blank: &[(f64, f64, f64, f64)],
    cells: &[(f64, f64, f64, f64)],
    with_page: bool,
) -> (GrayImage, Vec<Block>) {
    let (w, h) = image.dimensions();
    let px = |pt: f64| (pt / PT_PER_PX).max(0.0) as u32;
    // Cells in pixels, a little inside their borders.
    let inside = |cells: &[(f64, f64, f64, f64)]| -> Vec<PixelBox> {
        cells
            .iter()
            .map(|&(l, t, r, b)| {
                (
                    px(l).saturating_add(CELL_INSET).min(w),
                    px(t).saturating_add(CELL_INSET).min(h),
                    px(r).saturating_sub(CELL_INSET).min(w),
                    px(b).saturating_sub(CELL_INSET).min(h),
                )
            })
            .filter(|(l, t, r, b)| l < r && t < b)
            .collect()
    };
    let boxes = inside(cells);
    let blanks = inside(blank);
    let ink_rows = |&(l, t, r, b): &PixelBox| -> Option<(u32, u32)> {
        let has_ink =
            |y: u32| (l..r).any(|x| image.get_pixel_checked(x, y).is_some_and(|p| p.0[0] < INK));
        let first = (t..b).find(|&y| has_ink(y))?;
        let last = (t..b).rev().find(|&y| has_ink(y))?;
        Some((first.saturating_sub(8).max(t), (last + 9).min(b)))
    };
    let crops: Vec<(PixelBox, (u32, u32))> = boxes
        .iter()
        .filter_map(|bx| Some((*bx, ink_rows(bx)?)))
        .collect();
    let extra: u32 = crops.iter().map(|(_, (t, b))| b - t + STACK_GAP).sum();
    let page_rows = if with_page { h + STACK_GAP } else { 0 };
    let mut stack = GrayImage::from_pixel(w, page_rows + extra, image::Luma([255]));
    let mut blocks = Vec::new();
    if with_page {
        for y in 0..h {
            for x in 0..w {
                if let Some(p) = image.get_pixel_checked(x, y) {
                    stack.put_pixel(x, y, *p);
                }
            }
        }
        let white = image::Luma([255u8]);
        for &(l, t, r, b) in &blanks {
            for y in t..b {
                for x in l..r {
                    stack.put_pixel(x, y, white);
                }
            }
        }
        blocks.push(Block {
            top: 0,
            stack_top: 0,
        });
    }
    let mut at = page_rows;
    for ((l, _, r, _), (t, b)) in crops {
        blocks.push(Block {
            top: t,
            stack_top: at,
        });
        for y in t..b {
            for x in l..r {
                if let Some(p) = image.get_pixel_checked(x, y) {
                    stack.put_pixel(x, at + (y - t), *p);
                }
            }
        }
        at += b - t + STACK_GAP;
    }
    (stack, blocks)
}

/// A first cell of a row narrower than this, in points, is a number
/// (STT) cell: such cells are read apart, as Tesseract misreads a lone
/// "3" among a page of text ("K)") and reads it right among numbers.
const NUMBER_CELL_WIDTH: f64 = 60.0;

/// The words Tesseract reads in a stack, put back in their places on the
/// page.
fn read_stack(
    (stack, blocks): (GrayImage, Vec<Block>),
    page: u32,
    deadline: Deadline,
) -> Result<Vec<Word>, OcrError> {
    let mut pnm = std::io::Cursor::new(Vec::new());
    stack
        .write_to(&mut pnm, image::ImageFormat::Pnm)
        .map_err(|e| failed("tesseract", page, format!("its input: {e}")))?;
    let hocr = run(
        "tesseract",
        // One uniform block: the stack's blocks are one under another,
        // and this mode keeps a lone "1." that the others drop as noise.
        &["stdin", "stdout", "-l", LANGUAGE, "--psm", "6", "hocr"],
        Some(pnm.into_inner()),
        page,
        deadline,
    )?;
    let mut words = words(&String::from_utf8_lossy(&hocr))
        .map_err(|e| failed("tesseract", page, format!("its hOCR output: {e}")))?;
    for (g, _, _) in &mut words {
        let at = g.y / PT_PER_PX;
        if let Some(b) = blocks
            .iter()
            .rev()
            .find(|b| at >= f64::from(b.stack_top) - 1.0)
        {
            g.y = (at - f64::from(b.stack_top) + f64::from(b.top)) * PT_PER_PX;
        }
    }
    Ok(words)
}

/// The runs of ink along one line of pixels at least `min` long, gaps of
/// up to [`RUN_GAP`] bridged, as (first, past the last) pixel.
fn runs(ink: impl Iterator<Item = bool>, min: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, dark) in ink.enumerate() {
        match (dark, open) {
            (true, Some((start, end))) if i <= end + RUN_GAP => open = Some((start, i + 1)),
            (true, _) => {
                if let Some((start, end)) = open {
                    if end - start >= min {
                        out.push((start, end));
                    }
                }
                open = Some((i, i + 1));
            }
            (false, _) => {}
        }
    }
    if let Some((start, end)) = open {
        if end - start >= min {
            out.push((start, end));
        }
    }
    out
}

fn px_to_pt(px: usize) -> f64 {
    f64::from(u32::try_from(px).unwrap_or(u32::MAX)) * PT_PER_PX
}

/// The horizontal and vertical rules of a page image, in points; their
/// pixels are made white (see the module docs).
fn rules(image: &mut GrayImage) -> (Vec<Rule>, Vec<Rule>) {
    let w = usize::try_from(image.width()).unwrap_or(0);
    let min_h = (MIN_HRULE / PT_PER_PX) as usize;
    let min_v = (MIN_VRULE / PT_PER_PX) as usize;
    let mut erase: Vec<(usize, usize, usize, bool)> = Vec::new();
    let (mut hrules, mut vrules) = (Vec::new(), Vec::new());
    {
        let raw: &[u8] = image.as_raw();
        if w == 0 {
            return (hrules, vrules);
        }
        for (y, row) in raw.chunks_exact(w).enumerate() {
            for (from, to) in runs(row.iter().map(|&p| p < INK), min_h) {
                erase.push((y, from, to, true));
                hrules.push(Rule {
                    at: px_to_pt(y) + PT_PER_PX / 2.0,
                    from: px_to_pt(from),
                    to: px_to_pt(to),
                });
            }
        }
        for x in 0..w {
            let column = raw.iter().skip(x).step_by(w).map(|&p| p < INK);
            for (from, to) in runs(column, min_v) {
                erase.push((x, from, to, false));
                vrules.push(Rule {
                    at: px_to_pt(x) + PT_PER_PX / 2.0,
                    from: px_to_pt(from),
                    to: px_to_pt(to),
                });
            }
        }
    }
    let white = image::Luma([255u8]);
    for (at, from, to, across) in erase {
        for i in from..to {
            let (x, y) = if across { (i, at) } else { (at, i) };
            if let (Ok(x), Ok(y)) = (u32::try_from(x), u32::try_from(y)) {
                if let Some(p) = image.get_pixel_mut_checked(x, y) {
                    *p = white;
                }
            }
        }
    }
    (hrules, vrules)
}

/// A number after `key` in an hOCR `title` (`bbox 1 2 3 4; x_size 40`).
fn title_numbers(title: &str, key: &str) -> Vec<f64> {
    title
        .split(';')
        .map(str::trim)
        .find_map(|part| part.strip_prefix(key))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The line a word of hOCR lies on: its box, baseline and size.
#[derive(Debug, Clone, Copy)]
struct OcrLine {
    left: f64,
    bottom: f64,
    slope: f64,
    offset: f64,
    /// An em, in pixels: Tesseract's x_size (ascender to baseline) and
    /// its descenders.
    em: f64,
}

/// The words of Tesseract's hOCR output as glyphs in points, each at its
/// line's baseline ([`page_em`] gives them their size).
fn words(hocr: &str) -> Result<Vec<Word>, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(hocr);
    let mut line: Option<OcrLine> = None;
    // The word being read: its box, and text; the depth it opened at.
    let mut word: Option<(Vec<f64>, String, usize)> = None;
    let mut depth = 0usize;
    let mut out: Vec<Word> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                let attr = |name: &str| {
                    e.attributes()
                        .with_checks(false)
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| a.value.into_owned())
                };
                let (Some(class), Some(title)) = (attr("class"), attr("title")) else {
                    continue;
                };
                let bbox = title_numbers(&title, "bbox");
                if class == "ocrx_word" {
                    word = Some((bbox, String::new(), depth));
                } else if class.starts_with("ocr_") && title.contains("baseline") {
                    let base = title_numbers(&title, "baseline");
                    let size = title_numbers(&title, "x_size");
                    let desc = title_numbers(&title, "x_descenders");
                    if let ([left, _, _, bottom], [slope, offset]) =
                        (bbox.as_slice(), base.as_slice())
                    {
                        line = Some(OcrLine {
                            left: *left,
                            bottom: *bottom,
                            slope: *slope,
                            offset: *offset,
                            em: size.first().copied().unwrap_or(0.0)
                                + desc.first().copied().unwrap_or(0.0),
                        });
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, text, _)) = word.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, text, _)) = word.as_mut() {
                    let c = crate::docx::resolve_reference(&r)
                        .ok_or_else(|| format!("unknown entity `&{};`", &*r))?;
                    text.push(c);
                }
            }
            Event::End(_) => {
                if let Some((bbox, text, _)) = word.take_if(|w| w.2 == depth) {
                    // A speck read as a quote before a name ("'VKSND").
                    let text = text.trim();
                    let text = match text.strip_prefix(['\'', '`', '‘', '’']) {
                        Some(rest) if rest.starts_with(char::is_uppercase) => rest,
                        _ => text,
                    };
                    if let ([left, top, right, bottom], false) = (bbox.as_slice(), text.is_empty())
                    {
                        let (base, em) = match line {
                            Some(l) => {
                                let mid = (left + right) / 2.0;
                                (l.bottom + l.offset + l.slope * (mid - l.left), l.em)
                            }
                            None => (*bottom, bottom - top),
                        };
                        out.push((
                            Glyph {
                                x: left * PT_PER_PX,
                                y: base * PT_PER_PX,
                                end: right * PT_PER_PX,
                                size: 0.0,
                                text: text.to_string(),
                            },
                            em,
                            bottom - top,
                        ));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A word Tesseract read: as a glyph with no size yet, its line's em and
/// its box's height, in pixels.
type Word = (Glyph, f64, f64);

/// The usual em of a page's words, in points: the median of their lines'
/// (50 px, 12 pt, when no line says).
fn page_em(words: &[Word]) -> f64 {
    let mut ems: Vec<f64> = words.iter().map(|w| w.1).filter(|e| *e > 0.0).collect();
    ems.sort_by(f64::total_cmp);
    ems.get(ems.len() / 2).copied().unwrap_or(50.0) * PT_PER_PX
}

/// A one-letter word (or "c." or "c)") whose capital looks like its small
/// letter ("c" and "C") takes the case its height says: a small letter is under 0.55 of
/// an em high, a capital about 0.7. Lettered rows (a, b, c) and sections
/// (A, B, C) number tables alike.
fn letter_case(word: &mut Word, em: f64) {
    const LOOK_ALIKE: &str = "cosvwxzCOSVWXZ";
    let mut chars = word.0.text.chars();
    let (Some(c), rest) = (chars.next(), chars.as_str()) else {
        return;
    };
    if !LOOK_ALIKE.contains(c) || !matches!(rest, "" | "." | ")") || em <= 0.0 {
        return;
    }
    let small = word.2 * PT_PER_PX < 0.55 * em;
    let letter: String = if small {
        c.to_lowercase().collect()
    } else {
        c.to_uppercase().collect()
    };
    word.0.text = format!("{letter}{rest}");
}

/// A top-level heading whose Roman numeral repeats the one before it
/// ("II. NỘI DUNG HOẠT ĐỘNG" after "II. NỘI DUNG TUYÊN TRUYỀN", an `I` of
/// "III" lost in the scan) takes the next numeral: a plan never numbers
/// two sections alike, and an appendix that starts again starts at `I`,
/// which only repeats `I`. Headings as [`mend_heading`] writes them, on pages in
/// order.
///
/// ```
/// let mut pages = vec!["I. MỤC ĐÍCH\nII. NỘI DUNG\n".to_string(), "II. HOẠT ĐỘNG\nIV. TỔ CHỨC\n".to_string()];
/// obligraph_vn::ocr::renumber_headings(&mut pages);
/// assert_eq!(pages[1], "III. HOẠT ĐỘNG\nIV. TỔ CHỨC\n");
/// ```
pub fn renumber_headings(pages: &mut [String]) {
    let mut last: Option<usize> = None;
    for page in pages.iter_mut() {
        let mut out = String::with_capacity(page.len());
        for line in page.lines() {
            let heading = line.split_once(". ").and_then(|(head, rest)| {
                let caps =
                    rest.chars().any(char::is_alphabetic) && !rest.chars().any(char::is_lowercase);
                let i = ROMAN.iter().position(|r| *r == head)?;
                caps.then_some((i, rest))
            });
            match heading {
                Some((i, rest)) => {
                    let i = match last {
                        Some(l) if l == i && i > 0 && i + 1 < ROMAN.len() => i + 1,
                        _ => i,
                    };
                    last = Some(i);
                    let numeral = ROMAN.get(i).copied().unwrap_or("I");
                    out.push_str(&format!("{numeral}. {rest}"));
                }
                None => out.push_str(line),
            }
            out.push('\n');
        }
        *page = out;
    }
}

/// Letters of the shortest acronym [`mend_acronyms`] mends to: a
/// two-letter one may be a doubled letter itself ("TT", "TTg" of
/// "QĐ-TTg").
const MIN_ACRONYM: usize = 3;

/// Apostrophes and quotes a speck between two capitals is read as.
const SPECKS: &[char] = &['\'', '’', '‘', '`'];

/// Acronyms misread in a document's OCR'd pages mended to the spelling
/// the document uses most: a letter doubled ("CATT" for "CAT": the
/// serif of a "T" read as a second one), a speck read inside ("CA'T"),
/// or the acronym run into the next word ("CATvà" for "CAT và"). A
/// spelling is mended to another only when the pages write the other
/// more often, at least [`MIN_ACRONYM`] letters long; a word run on is
/// split only after an acronym the pages write on its own.
///
/// ```
/// let mut pages = vec!["Công ước CAT, CATT và CA'T\n".to_string(), "Công ước CATvà CAT\n".to_string()];
/// obligraph_vn::ocr::mend_acronyms(&mut pages);
/// assert_eq!(pages, ["Công ước CAT, CAT và CAT\n", "Công ước CAT và CAT\n"]);
/// ```
pub fn mend_acronyms(pages: &mut [String]) {
    let is_word = |c: char| c.is_alphanumeric() || SPECKS.contains(&c);
    let tokens = |text: &str| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (is_word(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, text.len()));
        }
        out
    };
    let caps = |t: &str| t.chars().count() >= 2 && t.chars().all(char::is_uppercase);
    let mut counts: rustc_hash::FxHashMap<String, usize> = Default::default();
    for page in pages.iter() {
        for (a, b) in tokens(page) {
            if let Some(t) = page.get(a..b).filter(|t| caps(t)) {
                *counts.entry(t.to_string()).or_default() += 1;
            }
        }
    }
    let count = |t: &str| counts.get(t).copied().unwrap_or(0);
    let known = |u: &str| u.chars().count() >= MIN_ACRONYM && count(u) > 0;
    // Roman numerals double their letters on purpose ("VIII", "XIII").
    let roman = |t: &str| t.chars().all(|c| "IVXLC".contains(c));
    let mended = |t: &str| -> Option<String> {
        if roman(t) {
            return None;
        }
        // A speck inside capitals.
        let unspecked: String = t.chars().filter(|c| !SPECKS.contains(c)).collect();
        if unspecked != t && caps(&unspecked) && known(&unspecked) && count(&unspecked) > count(t) {
            return Some(unspecked);
        }
        if caps(t) {
            // A letter doubled: the other spelling written more often.
            let chars: Vec<char> = t.chars().collect();
            return chars
                .windows(2)
                .enumerate()
                .filter(|(_, w)| w.first() == w.get(1))
                .map(|(i, _)| {
                    let mut c = chars.clone();
                    c.remove(i);
                    c.into_iter().collect::<String>()
                })
                .filter(|u| known(u) && count(u) > count(t) && !roman(u))
                .max_by_key(|u| count(u));
        }
        // An acronym run into the word after it.
        let cut = t.char_indices().find(|(_, c)| !c.is_uppercase())?.0;
        let (head, rest) = t.split_at(cut);
        (known(head) && !roman(head) && rest.chars().all(char::is_lowercase))
            .then(|| format!("{head} {rest}"))
    };
    for page in pages.iter_mut() {
        let mut out = String::with_capacity(page.len());
        let mut done = 0;
        for (a, b) in tokens(page) {
            if let Some(m) = page.get(a..b).and_then(&mended) {
                out.push_str(page.get(done..a).unwrap_or(""));
                out.push_str(&m);
                done = b;
            }
        }
        out.push_str(page.get(done..).unwrap_or(""));
        *page = out;
    }
}

/// Lines of a document's OCR'd pages that open a lettered item with a
/// small letter no list is lettered with and no plan writes ("ø) Tăng
/// cường …" for "g)", not an ASCII letter) take the
/// letter after the item before (the list letters are
/// [`LIST_LETTERS`]), when the next lettered item, if any, is the letter
/// after that one or opens a new list ("a)").
///
/// ```
/// let mut lines = vec!["e) Một".to_string(), "văn bản".to_string(), "ø) Hai".to_string(), "h) Ba".to_string()];
/// let mut refs: Vec<&mut String> = lines.iter_mut().collect();
/// obligraph_vn::ocr::mend_item_letters(&mut refs);
/// assert_eq!(lines, ["e) Một", "văn bản", "g) Hai", "h) Ba"]);
/// ```
pub fn mend_item_letters(lines: &mut [&mut String]) {
    let marker = |line: &str| -> Option<char> {
        let mut chars = line.chars();
        let (c, close) = (chars.next()?, chars.next()?);
        (close == ')' && chars.next() == Some(' ')).then_some(c)
    };
    let markers: Vec<Option<char>> = lines.iter().map(|l| marker(l)).collect();
    let mut last: Option<char> = None;
    for i in 0..lines.len() {
        let Some(Some(m)) = markers.get(i).copied() else {
            continue;
        };
        let lettered = LIST_LETTERS.contains(m) || m.is_ascii_digit();
        if lettered {
            last = Some(m);
            continue;
        }
        // Punctuation opens no item; a capital opens a list of its own
        // ("A)"), an ASCII letter a list lettered otherwise ("f)" after
        // "e)").
        if !m.is_alphabetic() || m.is_uppercase() || m.is_ascii() {
            continue;
        }
        let Some(want) = last.and_then(next_list_letter) else {
            continue;
        };
        let next = markers
            .iter()
            .skip(i + 1)
            .flatten()
            .copied()
            .find(|c| LIST_LETTERS.contains(*c));
        if next.is_none_or(|n| n == 'a' || Some(n) == next_list_letter(want)) {
            if let Some(line) = lines.get_mut(i) {
                let rest: String = line.chars().skip(1).collect();
                **line = format!("{want}{rest}");
            }
            last = Some(want);
        }
    }
}

/// Glyphs Tesseract reads for the bar of a Roman "I" in a number cell
/// (after their marks are stripped: "Í", "Ì", "Ị" are "I"): a small "l",
/// a pipe, an exclamation mark, a "1".
const ROMAN_I_LOOK_ALIKES: &[char] = &['l', '|', '!', '1', 'i', 'I'];

/// A row number cell read as a Roman numeral: its index in [`ROMAN`]
/// when it is written cleanly ("II", "VI"), and whether OCR's look-alikes
/// had to be read through ("lÍÌ", "||", "VỊ", "H" for the two bars of
/// "II" run together). `None` for anything else.
fn roman_cell(cell: &str) -> Option<(Option<usize>, bool)> {
    use unicode_normalization::UnicodeNormalization;
    let t = cell.trim().trim_end_matches(['.', ')']);
    // Digits are an Arabic number, a lone small letter a lettered row
    // ("i)" after "h)").
    let lone_small = t.chars().count() == 1 && t.chars().all(char::is_lowercase);
    if t.is_empty() || t.chars().all(|c| c.is_ascii_digit()) || lone_small {
        return None;
    }
    let clean = t.chars().all(|c| "IVX".contains(c));
    if t == "H" {
        return Some((ROMAN.iter().position(|r| *r == "II"), false));
    }
    let mapped: Option<String> = t
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'V' | 'X' => Some(c),
            c if ROMAN_I_LOOK_ALIKES.contains(&c) => Some('I'),
            _ => None,
        })
        .collect();
    let mapped = mapped?;
    Some((ROMAN.iter().position(|r| *r == mapped), clean))
}

/// The letters Vietnamese lists are lettered with, in order.
pub(crate) const LIST_LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

/// The list letter after `c`.
fn next_list_letter(c: char) -> Option<char> {
    LIST_LETTERS.chars().skip_while(|l| *l != c).nth(1)
}

/// The letter of a lettered row's number cell ("b", "b)", "b."), `None`
/// for anything else.
fn small_letter(cell: &str) -> Option<char> {
    let t = cell.trim().trim_end_matches(['.', ')']);
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_lowercase() => Some(c),
        _ => None,
    }
}

/// The parts of an Arabic row number ("2.7." is `[2, 7]`), `None` for
/// anything else.
fn arabic_cell(cell: &str) -> Option<Vec<u32>> {
    let t = cell.trim().trim_end_matches('.');
    if t.is_empty() {
        return None;
    }
    t.split('.').map(|p| p.parse().ok()).collect()
}

/// Whether row number `b` may follow row number `a` in one table: the
/// next at some depth of `a` ("2.6" → "2.7", "2.6" → "3") or its first
/// child ("2" → "2.1").
fn follows(a: &[u32], b: &[u32]) -> bool {
    let child = b.len() == a.len() + 1 && b.starts_with(a) && b.last() == Some(&1);
    let next = (1..=a.len()).any(|d| {
        b.len() == d
            && a.get(..d - 1) == b.get(..d - 1)
            && a.get(d - 1)
                .zip(b.get(d - 1))
                .is_some_and(|(x, y)| x + 1 == *y)
    });
    child || next
}

/// The row numbers a run of digits may be with its dots put back ("27"
/// may be "2.7"; "111" "1.11", "11.1" or "1.1.1").
fn with_dots(digits: &str) -> Vec<Vec<u32>> {
    let chars: Vec<char> = digits.chars().collect();
    let n = chars.len();
    if !(2..=4).contains(&n) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for mask in 1u32..(1 << (n - 1)) {
        let mut parts = Vec::new();
        let mut part = String::new();
        for (i, c) in chars.iter().enumerate() {
            part.push(*c);
            if i + 1 < n && mask & (1 << i) != 0 {
                parts.push(std::mem::take(&mut part));
            }
        }
        parts.push(part);
        // A part never starts with 0 ("2.07").
        if parts.iter().all(|p| !p.starts_with('0')) {
            out.extend(
                parts
                    .iter()
                    .map(|p| p.parse().ok())
                    .collect::<Option<Vec<u32>>>(),
            );
        }
    }
    out
}

/// The first cells of a document's OCR'd table rows, in order, mended
/// from the sequence they stand in, as a plan numbers its rows:
///
/// - A Roman numeral that repeats the one before it ("II" after "II",
///   "VI" after "VI": an "I" lost), or that OCR's look-alikes stand for
///   ("lÍÌ", "||", "VỊ", "H"), is the numeral after the one before it. A
///   capital letter row ("A", "B": a part of the table) starts the
///   numerals again at "I".
/// - A row number whose dots were lost ("27." between "2.6." and "2.8.",
///   "11" after "1") gets them back, when the number as read follows
///   neither its neighbour before nor after and exactly one way of
///   putting the dots back does; the trailing dot is kept as read.
/// - A lettered row out of its letters' order ("b)" with no "a" before
///   it) that stands where one number is missing between two ("4", "b)",
///   "6") is that number.
///
/// Anything else (lettered rows, continuation rows, the header) is left
/// as read.
pub(crate) fn renumber_rows(cells: &mut [&mut String]) {
    let mut last_roman: Option<usize> = None;
    let mut last_arabic: Option<Vec<u32>> = None;
    let mut last_letter: Option<char> = None;
    let mut last_dot = "";
    for i in 0..cells.len() {
        let Some(cell) = cells.get(i).map(|c| c.trim().to_string()) else {
            continue;
        };
        let letter = cell.trim_end_matches(['.', ')']);
        let section = letter.chars().count() == 1
            && letter.chars().all(|c| c.is_uppercase())
            && !"IVX".contains(letter)
            // "H" is the two bars of "II" run together among numerals,
            // the eighth part of a table elsewhere.
            && !(letter == "H" && last_roman.is_some());
        if section {
            last_roman = None;
            last_arabic = None;
            continue;
        }
        if let Some((value, clean)) = roman_cell(&cell) {
            let expected = last_roman.map_or(0, |r| r + 1);
            let repeats = value.is_some() && value == last_roman;
            let mended = if (clean && !repeats) || value.is_none() && last_roman.is_none() && !clean
            {
                value
            } else {
                Some(expected)
            };
            if let Some(v) = mended {
                if mended != value || !clean {
                    if let (Some(c), Some(r)) = (cells.get_mut(i), ROMAN.get(v)) {
                        let dot = if cell.ends_with('.') { "." } else { "" };
                        **c = format!("{r}{dot}");
                    }
                }
                last_roman = Some(v);
                last_arabic = None;
            }
            continue;
        }
        if let Some(letter) = small_letter(&cell) {
            let in_order = letter == 'a' || last_letter.and_then(next_list_letter) == Some(letter);
            let gap = last_arabic.as_ref().and_then(|p| {
                let mut x = p.clone();
                *x.last_mut()? += 1;
                let mut n = x.clone();
                *n.last_mut()? += 1;
                let next = cells.iter().skip(i + 1).find_map(|c| arabic_cell(c.trim()));
                (next.as_ref() == Some(&n)).then_some(x)
            });
            match gap.filter(|_| !in_order) {
                // "b)" where "5" stands between rows "4" and "6".
                Some(x) => {
                    if let Some(c) = cells.get_mut(i) {
                        let joined: Vec<String> = x.iter().map(u32::to_string).collect();
                        **c = format!("{}{}", joined.join("."), last_dot);
                    }
                    last_arabic = Some(x);
                    last_letter = None;
                }
                None => last_letter = Some(letter),
            }
            continue;
        }
        let Some(parts) = arabic_cell(&cell) else {
            continue;
        };
        last_dot = if cell.ends_with('.') { "." } else { "" };
        last_letter = None;
        let next = cells
            .iter()
            .skip(i + 1)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .find_map(arabic_cell);
        let fits = |p: &[u32]| {
            last_arabic.as_deref().is_some_and(|a| follows(a, p))
                || next.as_deref().is_some_and(|n| follows(p, n))
        };
        let digits = cell.trim_end_matches('.');
        let mut mended = parts.clone();
        if parts.len() == 1 && !fits(&parts) {
            let ways: Vec<Vec<u32>> = with_dots(digits).into_iter().filter(|w| fits(w)).collect();
            if let [only] = ways.as_slice() {
                mended = only.clone();
                if let Some(c) = cells.get_mut(i) {
                    let dot = if cell.ends_with('.') { "." } else { "" };
                    let joined: Vec<String> = only.iter().map(u32::to_string).collect();
                    **c = format!("{}{dot}", joined.join("."));
                }
            }
        }
        last_arabic = Some(mended);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_engine_says_what_to_install() {
        let err = check_programs("obligraph-no-such-tesseract", "pdftoppm").unwrap_err();
        assert!(
            matches!(err, OcrError::EngineMissing { ref program, .. } if program == "obligraph-no-such-tesseract"),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("apt-get install tesseract-ocr"),
            "{err}"
        );
        // A program that answers without `vie` among its languages.
        let err = check_programs("true", "pdftoppm").unwrap_err();
        assert!(matches!(err, OcrError::LanguageMissing), "{err:?}");
        assert!(err.to_string().contains("tesseract-ocr-vie"), "{err}");
    }

    #[test]
    fn runs_of_ink_bridge_small_gaps_and_keep_long_ones() {
        let ink = |s: &str| s.chars().map(|c| c == '#').collect::<Vec<_>>().into_iter();
        assert_eq!(runs(ink("..####..##.#####"), 4), vec![(2, 16)]);
        assert_eq!(runs(ink("###....###"), 3), vec![(0, 3), (7, 10)]);
        assert_eq!(runs(ink("##...##"), 3), Vec::<(usize, usize)>::new());
    }

    #[test]
    fn the_rules_of_a_drawn_grid_are_found_and_rubbed_out() {
        // A 2×1 grid 600 px wide and 300 high, 3 px borders, at 300 dpi.
        let mut image = GrayImage::from_pixel(800, 500, image::Luma([255]));
        for t in 0..3 {
            for x in 100..700 {
                image.put_pixel(x, 100 + t, image::Luma([0]));
                image.put_pixel(x, 400 + t, image::Luma([0]));
            }
            for y in 100..403 {
                for x in [100, 300, 697] {
                    image.put_pixel(x + t, y, image::Luma([0]));
                }
            }
        }
        // A letter-sized blot is no rule and stays.
        for y in 200..240 {
            for x in 150..160 {
                image.put_pixel(x, y, image::Luma([0]));
            }
        }
        let (h, v) = rules(&mut image);
        let page = Page {
            glyphs: Vec::new(),
            hrules: h,
            vrules: v,
        };
        let cells = crate::pdf::cells(&page);
        assert_eq!(cells.len(), 2, "{cells:?}");
        assert!(cells.first().is_some_and(|c| c.first));
        assert_eq!(image.get_pixel(400, 101).0, [255]);
        assert_eq!(image.get_pixel(155, 220).0, [0]);
    }

    #[test]
    fn hocr_words_sit_on_their_lines_baseline() {
        let hocr = "<div class='ocr_page' title='bbox 0 0 100 100'>\
            <span class='ocr_line' title=\"bbox 100 200 500 250; baseline 0 -10; x_size 40; x_descenders 10\">\
            <span class='ocrx_word' title='bbox 100 205 200 240; x_wconf 90'>S&#7903;</span> \
            <span class='ocrx_word' title='bbox 220 200 300 250; x_wconf 90'>'VKSND</span>\
            </span></div>";
        let words = words(hocr).unwrap_or_default();
        let texts: Vec<&str> = words.iter().map(|w| w.0.text.as_str()).collect();
        assert_eq!(texts, ["Sở", "VKSND"]);
        // Baseline 250 - 10 = 240 px = 57.6 pt; an em of 50 px = 12 pt.
        assert!(words.iter().all(|w| (w.0.y - 57.6).abs() < 0.01));
        assert!((page_em(&words) - 12.0).abs() < 0.01);
    }

    #[test]
    fn a_one_letter_number_takes_the_case_of_its_height() {
        let word = |text: &str, height: f64| -> Word {
            (
                Glyph {
                    x: 0.0,
                    y: 0.0,
                    end: 1.0,
                    size: 0.0,
                    text: text.to_string(),
                },
                50.0,
                height,
            )
        };
        // An em of 12 pt is 50 px: a small c is about 22 px high.
        let mut small = word("C.", 22.0);
        letter_case(&mut small, 12.0);
        assert_eq!(small.0.text, "c.");
        let mut capital = word("c", 34.0);
        letter_case(&mut capital, 12.0);
        assert_eq!(capital.0.text, "C");
        let mut other = word("a", 34.0);
        letter_case(&mut other, 12.0);
        assert_eq!(other.0.text, "a");
    }

    #[test]
    fn words_run_together_are_split_only_where_the_names_say() {
        // Another province's lines: the same slips, other names around.
        assert_eq!(
            mend_joined("Sởy tế thành phố, Trung tâm Kiểm soát bệnh tật"),
            "Sở y tế thành phố, Trung tâm Kiểm soát bệnh tật"
        );
        assert_eq!(mend_joined("báo cáo Bộ Ytế"), "báo cáo Bộ Y tế");
        // Syllables that may end in "y", and words of no name, stay.
        for line in [
            "Huy động nguồn lực, quy định tây y",
            "Quy định này tế nhị",
            "Sở Tư pháp, Sở Xây dựng",
        ] {
            assert_eq!(mend_joined(line), line);
        }
    }

    #[test]
    fn role_words_are_mended_and_their_look_alikes_stay() {
        assert_eq!(
            mend_pairs("Sở Nội vụ chữ trì, phối hớp với Sở Tư pháp"),
            "Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp"
        );
        assert_eq!(
            mend_pairs("các sở, ngành nghiền cứu các khuyến nghị"),
            "các sở, ngành nghiên cứu các khuyến nghị"
        );
        for line in [
            "Viện kiểm sát nhân dân cùng cấp",
            "giữ gìn bản sắc truyền thống",
            "Xã hội chủ trì",
            "để xuất khẩu nông sản",
        ] {
            assert_eq!(mend_pairs(line), line);
        }
    }

    fn renumbered(cells: &[&str]) -> Vec<String> {
        let mut owned: Vec<String> = cells.iter().map(|c| (*c).to_string()).collect();
        let mut refs: Vec<&mut String> = owned.iter_mut().collect();
        renumber_rows(&mut refs);
        owned
    }

    #[test]
    fn row_numbers_whose_dots_were_lost_get_them_back_from_their_neighbours() {
        // Ngô Quyền's style (a dot after each number), and Đồng Nai's (none).
        assert_eq!(
            renumbered(&["2.", "2.5.", "2.6.", "27.", "2.8.", "3."]),
            ["2.", "2.5.", "2.6.", "2.7.", "2.8.", "3."]
        );
        assert_eq!(
            renumbered(&["STT", "1", "11", "1.2", "", "15", "1.6", "2", "21"]),
            ["STT", "1", "1.1", "1.2", "", "1.5", "1.6", "2", "2.1"]
        );
        // A flat list past 10 stays: "11" follows "10".
        let flat = ["9", "10", "11", "12"];
        assert_eq!(renumbered(&flat), flat);
        // A child's dots too; a number no way of putting dots back fits
        // is left as read.
        assert_eq!(renumbered(&["1.1", "111"]), ["1.1", "1.1.1"]);
        assert_eq!(renumbered(&["3", "57"]), ["3", "57"]);
    }

    #[test]
    fn roman_row_numbers_are_mended_from_their_sequence() {
        // Đồng Nai's appendix as OCR read it: "II" as "lÍÌ", "III" as a
        // repeated "II", "VI" as "VỊ", "VII" as "VI", and in part B "I"
        // as "||" and "II" as "H".
        assert_eq!(
            renumbered(&[
                "A", "I", "1", "lÍÌ", "1", "II", "1", "V", "VỊ", "VI", "B", "||", "1", "H", "1",
            ]),
            ["A", "I", "1", "II", "1", "III", "1", "V", "VI", "VII", "B", "I", "1", "II", "1"]
        );
        // A part lettered "H" after "G", no numeral before it, is no
        // numeral.
        let parts = ["G", "1", "2", "H", "1"];
        assert_eq!(renumbered(&parts), parts);
        // A section repeated ("I" for "II") in another province's table.
        assert_eq!(renumbered(&["I", "1", "I", "1"]), ["I", "1", "II", "1"]);
        // Lettered rows, a lone small "i" among them, and the header stay.
        let letters = ["STT", "1", "a", "b", "h", "i", "2"];
        assert_eq!(renumbered(&letters), letters);
    }

    #[test]
    fn a_lettered_row_where_a_number_is_missing_is_that_number() {
        // Đồng Nai's "5" read "b)" between "4" and "6".
        assert_eq!(
            renumbered(&["IV", "1", "2", "3", "4", "b)", "6", "7"]),
            ["IV", "1", "2", "3", "4", "5", "6", "7"]
        );
        // Lettered rows in order stay, "b" after "a" too.
        let rows = ["1", "a", "b", "2", "3"];
        assert_eq!(renumbered(&rows), rows);
        // A "b" with no gap it could fill stays.
        let rows = ["4", "b)", "5"];
        assert_eq!(renumbered(&rows), rows);
    }

    #[test]
    fn item_letters_mend_only_glyphs_no_list_uses() {
        let mend = |lines: &[&str]| -> Vec<String> {
            let mut owned: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
            let mut refs: Vec<&mut String> = owned.iter_mut().collect();
            mend_item_letters(&mut refs);
            owned
        };
        // Another province's list: "đ)" read "ð)" after "d)".
        assert_eq!(
            mend(&["c) Một", "d) Hai", "ð) Ba", "e) Bốn"]),
            ["c) Một", "d) Hai", "đ) Ba", "e) Bốn"]
        );
        // A list lettered the English way, capitals, and a glyph whose
        // next item disagrees stay.
        for lines in [
            &["e) Một", "f) Hai"][..],
            &["A) Một", "B) Hai"],
            &["e) Một", "ø) Hai", "k) Ba"],
        ] {
            assert_eq!(mend(lines), lines);
        }
    }

    #[test]
    fn acronyms_are_mended_to_the_documents_own_spelling() {
        let mut pages = vec![
            "Công ước ICCPR và Công ước ICCPR\nQĐ-TTg, CATT\n".to_string(),
            "ICCCPR, ICCPRvà; TT, TTT\n".to_string(),
            "VII. VII. VIII. IIIa\n".to_string(),
        ];
        mend_acronyms(&mut pages);
        // CATT is the only spelling: kept. TT and TTT are too short to
        // be told apart from a doubled letter; Roman numerals double
        // theirs.
        assert_eq!(
            pages,
            [
                "Công ước ICCPR và Công ước ICCPR\nQĐ-TTg, CATT\n",
                "ICCPR, ICCPR và; TT, TTT\n",
                "VII. VII. VIII. IIIa\n"
            ]
        );
    }

    #[test]
    fn an_empty_text_layer_needs_ocr() {
        assert!(needs_ocr(0, 3));
        assert!(needs_ocr(12, 1));
        assert!(!needs_ocr(2_000, 1));
        assert!(needs_ocr(0, 0));
    }
}
