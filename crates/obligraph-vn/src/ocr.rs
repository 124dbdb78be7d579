//! OCR of scanned PDFs (no text layer) through Tesseract with its
//! Vietnamese trained data.
//!
//! Each page is rendered by Poppler's `pdftoppm` ([`DPI`] dots per inch,
//! grey) and read by `tesseract -l vie`, both run as processes, so
//! nothing is linked: on Debian, `apt-get install tesseract-ocr
//! tesseract-ocr-vie poppler-utils`. The importer turns to OCR only when
//! a PDF's text layer is (almost) empty ([`needs_ocr`]).
//!
//! What OCR gives is plain lines: a table comes out row by row only where
//! its cells happen to share a line, so tables read less well than from a
//! text layer (figures in README.md, measured by `cargo run -p
//! obligraph-vn --example fields_right`).
//!
//! # Errors
//!
//! A missing program or a missing `vie` language is an [`OcrError`] that
//! says what to install; a program that fails names the page.

use std::path::Path;
use std::process::{Command, Stdio};

/// Resolution the pages are rendered at for OCR: Tesseract reads body text
/// best at 300 dpi.
pub const DPI: u32 = 300;

/// Tesseract's language: Vietnamese.
pub const LANGUAGE: &str = "vie";

/// A text layer with fewer visible characters than this per page is taken
/// for a scan (a scanned page may carry a stamp or a page number as text;
/// a typed page of a plan holds 1,500–3,000).
pub const MIN_CHARS_PER_PAGE: usize = 80;

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
}

/// Whether a text layer of `visible` characters over `pages` pages is a
/// scan's (see [`MIN_CHARS_PER_PAGE`]).
pub fn needs_ocr(visible: usize, pages: u32) -> bool {
    let pages = usize::try_from(pages).unwrap_or(usize::MAX).max(1);
    visible < MIN_CHARS_PER_PAGE.saturating_mul(pages)
}

fn missing(program: &str, package: &str) -> OcrError {
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
        .map_err(|_| missing(tesseract, "tesseract-ocr"))?;
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
        .map_err(|_| missing(pdftoppm, "poppler-utils"))?;
    Ok(())
}

fn failed(program: &str, page: u32, message: impl Into<String>) -> OcrError {
    OcrError::Failed {
        program: program.to_string(),
        page,
        message: message.into(),
    }
}

/// The text Tesseract reads on page `page` (1-based) of the PDF at `path`.
pub fn ocr_page(path: &Path, page: u32) -> Result<String, OcrError> {
    let no = page.to_string();
    let render = Command::new("pdftoppm")
        .args([
            "-r",
            &DPI.to_string(),
            "-gray",
            "-png",
            "-f",
            &no,
            "-l",
            &no,
        ])
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .map_err(|_| missing("pdftoppm", "poppler-utils"))?;
    if !render.status.success() || render.stdout.is_empty() {
        return Err(failed(
            "pdftoppm",
            page,
            format!(
                "{}: {}",
                render.status,
                String::from_utf8_lossy(&render.stderr).trim()
            ),
        ));
    }
    let image = render.stdout;
    let mut ocr = Command::new("tesseract")
        .args(["stdin", "stdout", "-l", LANGUAGE, "--psm", "4"])
        // Tesseract's OpenMP threads fight over a busy machine: one
        // thread reads a page in 3 s where four take 12 s on two cores.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| missing("tesseract", "tesseract-ocr"))?;
    {
        use std::io::Write;
        let mut stdin = ocr
            .stdin
            .take()
            .ok_or_else(|| failed("tesseract", page, "no input"))?;
        stdin
            .write_all(&image)
            .map_err(|e| failed("tesseract", page, e.to_string()))?;
    }
    let out = ocr
        .wait_with_output()
        .map_err(|e| failed("tesseract", page, e.to_string()))?;
    if !out.status.success() {
        return Err(failed(
            "tesseract",
            page,
            format!(
                "{}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    Ok(tidy(&String::from_utf8_lossy(&out.stdout)))
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

/// Tesseract's text made like a text layer's:
///
/// - the empty lines it puts between what it takes for paragraphs (after
///   the first line of an indented paragraph, too) are dropped, since a
///   line of the importer's text only ends a paragraph by its content;
/// - a heading whose Roman numeral lost its dot ("II NHIỆM VỤ" for "II.
///   NHIỆM VỤ", a small dot lost in the scan) or had it read as an `L`
///   ("IL MỤC ĐÍCH" for "I. MỤC ĐÍCH") gets it back, when the rest of the
///   line is in capitals.
///
/// ```
/// use obligraph_vn::ocr::tidy;
/// assert_eq!(tidy("II NHIỆM VỤ\n\n1. Rà soát\n\nvăn bản\n"), "II. NHIỆM VỤ\n1. Rà soát\nvăn bản\n");
/// assert_eq!(tidy("IL MỤC ĐÍCH, YÊU CẦU\n"), "I. MỤC ĐÍCH, YÊU CẦU\n");
/// assert_eq!(tidy("I Mục đích\n"), "I Mục đích\n");
/// ```
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let fixed = line.split_once(' ').and_then(|(head, rest)| {
            let caps =
                rest.chars().any(char::is_alphabetic) && !rest.chars().any(char::is_lowercase);
            let numeral = roman_heading(head)?;
            caps.then(|| format!("{numeral}. {rest}"))
        });
        out.push_str(fixed.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The text of every page of the PDF at `path`, read by OCR, its
/// headings renumbered ([`renumber_headings`]).
pub fn ocr_pdf(path: &Path, pages: u32) -> Result<Vec<String>, OcrError> {
    check_engine()?;
    let mut texts = (1..=pages)
        .map(|p| ocr_page(path, p))
        .collect::<Result<Vec<_>, _>>()?;
    renumber_headings(&mut texts);
    Ok(texts)
}

/// A top-level heading whose Roman numeral repeats the one before it
/// ("II. NỘI DUNG HOẠT ĐỘNG" after "II. NỘI DUNG TUYÊN TRUYỀN", an `I` of
/// "III" lost in the scan) takes the next numeral: a plan never numbers
/// two sections alike, and an appendix that starts again starts at `I`,
/// which only repeats `I`. Headings as [`tidy`] writes them, on pages in
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
    fn an_empty_text_layer_needs_ocr() {
        assert!(needs_ocr(0, 3));
        assert!(needs_ocr(12, 1));
        assert!(!needs_ocr(2_000, 1));
        assert!(needs_ocr(0, 0));
    }
}
