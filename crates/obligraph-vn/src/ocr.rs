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
    let langs = Command::new("tesseract")
        .arg("--list-langs")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| missing("tesseract", "tesseract-ocr"))?;
    // Tesseract 4 lists the languages on stdout, some builds on stderr.
    let listed = [langs.stdout, langs.stderr].iter().any(|o| {
        String::from_utf8_lossy(o)
            .lines()
            .any(|l| l.trim() == LANGUAGE)
    });
    if !listed {
        return Err(OcrError::LanguageMissing);
    }
    Command::new("pdftoppm")
        .arg("-v")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| missing("pdftoppm", "poppler-utils"))?;
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
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The text of every page of the PDF at `path`, read by OCR.
pub fn ocr_pdf(path: &Path, pages: u32) -> Result<Vec<String>, OcrError> {
    check_engine()?;
    (1..=pages).map(|p| ocr_page(path, p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_text_layer_needs_ocr() {
        assert!(needs_ocr(0, 3));
        assert!(needs_ocr(12, 1));
        assert!(!needs_ocr(2_000, 1));
        assert!(needs_ocr(0, 0));
    }
}
