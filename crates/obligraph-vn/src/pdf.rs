//! Read PDF plans: the text layer laid out as the line-oriented text the
//! importer reads, or, for a scan with no text layer, the text Tesseract
//! reads from the page images ([`crate::ocr`]).
//!
//! # Text layer
//!
//! The glyphs of each page and the ruling lines drawn on it come from the
//! `pdf-extract` crate (which parses the file with `lopdf`). They are laid
//! out again here, page by page, top to bottom:
//!
//! - **Lines.** Glyphs whose baselines lie within a third of the font size
//!   make one visual line, read left to right; a gap wider than
//!   [`WORD_GAP`] of the font size between two glyphs is a space. A
//!   paragraph wrapped over several lines stays several lines, as in the
//!   text extractions the importer already joins; space between
//!   paragraphs (a pitch 1.3 times the page's usual one) is
//!   an empty line.
//! - **Tables.** A table is found by its ruling: horizontal rules cut the
//!   page into row bands, and the vertical rules that cross a band cut it
//!   into cells. A row is written as one line, its cells separated by a
//!   tab, the wrapped lines of a cell joined with a space, exactly as the
//!   appendix rows of the text extractions. A row split across a page
//!   break becomes two rows, the second with an empty first cell, and the
//!   header row a writer repeats on each page is repeated (the importer
//!   drops repeated headers as it does for text). A row split by a page
//!   break is glued back when the page ends with the row and the next
//!   page's first row (after the repeated header) has no number.
//! - **Page numbers and running headers** stay lines of their own, which
//!   the importer sets aside as for text.
//!
//! [`PdfText::page_of_line`] says on which page each line of the text
//! lies, so that a location can read `p.3 line 12`.
//!
//! # Hostile input
//!
//! Any byte string gives text or a [`PdfError`], never a panic: the
//! `pdf-extract` reader panics on some malformed files, and such a panic
//! is caught and returned as [`PdfError::Malformed`]. An encrypted file is
//! read when its user password is empty (a file that only restricts
//! printing or copying), else it is [`PdfError::Encrypted`].
//!
//! # Example
//!
//! ```
//! use obligraph_vn::pdf::{pdf_to_text, PdfError};
//!
//! let err = pdf_to_text("Kế hoạch số 74/KH-UBND".as_bytes()).unwrap_err();
//! assert!(matches!(err, PdfError::Malformed { .. }));
//! ```

use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};
use unicode_normalization::UnicodeNormalization;

/// A gap between two glyphs wider than this fraction of the font size is
/// a space (the writer's own space glyphs are kept as well). LibreOffice
/// and Word set a space at about a quarter of the font size; letters sit
/// closer than a tenth.
pub const WORD_GAP: f64 = 0.15;

/// Glyphs whose baselines differ by less than this fraction of the font
/// size are on one visual line (subscripts and Vietnamese stacked marks
/// move a glyph by less).
const SAME_LINE: f64 = 0.35;

/// A rule is a drawn segment or filled rectangle thinner than this, in
/// points (cell borders are 0.05–1.5 pt).
const RULE_THICKNESS: f64 = 2.5;

/// Rules closer than this, in points, are one (a border drawn twice, by
/// the two cells it separates).
const RULE_MERGE: f64 = 1.5;

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The bytes are not a PDF the reader can parse.
    #[error("not a readable PDF: {message}")]
    Malformed {
        /// What the reader said.
        message: String,
    },
    /// The file is encrypted with a user password.
    #[error("the PDF is encrypted with a password (expected an unprotected file, or one that only restricts printing or copying)")]
    Encrypted,
    /// The file has no pages.
    #[error("the PDF has no pages")]
    NoPages,
    /// The file has more pages than the importer reads
    /// ([`ImportOptions::max_pdf_pages`](crate::ImportOptions::max_pdf_pages)).
    #[error("the PDF has {pages} pages, more than the {max} read (expected at most {max}: split the file, or raise the limit)")]
    TooManyPages {
        /// Pages in the file.
        pages: u32,
        /// The limit.
        max: u32,
    },
}

/// The text of a PDF, with the page of each line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PdfText {
    /// The text, one visual line or table row per line (NFC).
    pub text: String,
    /// The page (1-based) of each line of [`text`](Self::text).
    line_pages: Vec<u32>,
    /// Pages in the document.
    pub pages: u32,
}

impl PdfText {
    /// Builds the text of pages given in order (OCR output, say).
    pub fn from_pages<S: AsRef<str>>(pages: &[S]) -> PdfText {
        let mut out = PdfText::default();
        for (i, page) in pages.iter().enumerate() {
            let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
            for line in page.as_ref().lines() {
                out.push_line(no, line);
            }
            out.pages = no;
        }
        out
    }

    /// The text of pages read by OCR ([`crate::ocr::read_pages`]), laid
    /// out as a text layer is: a ruled table row is one tab-separated
    /// line, a row a page break split is glued back.
    pub fn from_scanned(pages: Vec<crate::ocr::ScannedPage>) -> PdfText {
        assemble(pages.into_iter().map(|s| (s.page, true)).collect())
    }

    fn push_line(&mut self, page: u32, line: &str) {
        self.text.extend(line.trim_end().nfc());
        self.text.push('\n');
        self.line_pages.push(page);
    }

    /// The page (1-based) of a line (1-based) of [`text`](Self::text).
    ///
    /// ```
    /// let t = obligraph_vn::pdf::PdfText::from_pages(&["Số: 1\nKẾ HOẠCH", "2"]);
    /// assert_eq!(t.page_of_line(2), Some(1));
    /// assert_eq!(t.page_of_line(3), Some(2));
    /// assert_eq!(t.page_of_line(4), None);
    /// ```
    pub fn page_of_line(&self, line: u32) -> Option<u32> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        self.line_pages.get(i).copied()
    }

    /// For each page, the line (1-based) it starts on; a page with no line
    /// starts where the next one does.
    ///
    /// ```
    /// let t = obligraph_vn::pdf::PdfText::from_pages(&["a\nb", "", "c"]);
    /// assert_eq!(t.page_starts(), vec![1, 3, 3]);
    /// ```
    pub fn page_starts(&self) -> Vec<u32> {
        (1..=self.pages)
            .map(|p| {
                let before = self.line_pages.partition_point(|&q| q < p);
                u32::try_from(before + 1).unwrap_or(u32::MAX)
            })
            .collect()
    }

    /// Non-space characters of the text.
    pub fn visible_chars(&self) -> usize {
        self.text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// Number of pages of a PDF, without reading its text.
pub fn page_count(bytes: &[u8]) -> Result<u32, PdfError> {
    let doc = load(bytes)?;
    u32::try_from(doc.get_pages().len()).map_err(|_| PdfError::Malformed {
        message: "too many pages".to_string(),
    })
}

fn load(bytes: &[u8]) -> Result<pdf_extract::Document, PdfError> {
    let loaded = catch_unwind(|| pdf_extract::Document::load_mem(bytes));
    let mut doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => {
            return Err(match e {
                pdf_extract::Error::Decryption(_) => PdfError::Encrypted,
                e => PdfError::Malformed {
                    message: e.to_string(),
                },
            })
        }
        Err(_) => {
            return Err(PdfError::Malformed {
                message: "the PDF reader failed on this file".to_string(),
            })
        }
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

/// The text layer of a PDF, laid out as lines (see the module docs).
///
/// A PDF with no text layer (a scan) gives lines with no text, or none:
/// see [`PdfText::visible_chars`]. The importer OCRs such pages
/// ([`crate::ocr`]).
pub fn pdf_to_text(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let pages = read_layers(bytes, u32::MAX)?;
    Ok(assemble(
        pages.into_iter().map(|p| (p.page, false)).collect(),
    ))
}

/// One page of a PDF as its text layer holds it.
#[derive(Debug)]
pub(crate) struct LayerPage {
    /// Glyphs and rules of the text layer.
    pub(crate) page: Page,
    /// Whether the page draws an image (a scan does).
    pub(crate) image: bool,
}

impl LayerPage {
    /// Whether the page is a scan: it draws an image and its text layer
    /// has fewer than [`MIN_CHARS_PER_PAGE`](crate::ocr::MIN_CHARS_PER_PAGE)
    /// visible characters.
    pub(crate) fn scanned(&self) -> bool {
        self.image && self.page.visible_chars() < crate::ocr::MIN_CHARS_PER_PAGE
    }
}

/// The text layer of each page of a PDF of at most `max_pages` pages.
pub(crate) fn read_layers(bytes: &[u8], max_pages: u32) -> Result<Vec<LayerPage>, PdfError> {
    let doc = load(bytes)?;
    let ids = doc.get_pages();
    if ids.is_empty() {
        return Err(PdfError::NoPages);
    }
    let count = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    if count > max_pages {
        return Err(PdfError::TooManyPages {
            pages: count,
            max: max_pages,
        });
    }
    let images: Vec<bool> = ids
        .values()
        .map(|&id| {
            catch_unwind(AssertUnwindSafe(|| {
                doc.get_page_images(id).is_ok_and(|i| !i.is_empty())
            }))
            .unwrap_or(false)
        })
        .collect();
    let mut dev = Collect::default();
    let run = catch_unwind(AssertUnwindSafe(|| pdf_extract::output_doc(&doc, &mut dev)));
    match run {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            return Err(PdfError::Malformed {
                message: e.to_string(),
            })
        }
        Err(_) => {
            return Err(PdfError::Malformed {
                message: "the PDF reader failed on this file".to_string(),
            })
        }
    }
    let mut pages = dev.pages;
    pages.resize_with(images.len().max(pages.len()), Page::default);
    Ok(pages
        .into_iter()
        .zip(images.into_iter().chain(std::iter::repeat(false)))
        .map(|(page, image)| LayerPage { page, image })
        .collect())
}

/// Pages laid out and written as text: each page by [`layout`], rows a
/// page break split glued back ([`glue_split_rows`]). A page read by OCR
/// (`true` beside it) has its lines mended as [`crate::ocr::mend_line`]
/// says, its table rows' numbers and its lettered items' letters mended
/// from their sequence ([`crate::ocr::renumber_rows`],
/// [`crate::ocr::mend_item_letters`]), and headings repeated across OCR
/// pages renumbered ([`crate::ocr::renumber_headings`]), their
/// acronyms and clause numbers mended ([`crate::ocr::mend_acronyms`],
/// [`crate::ocr::mend_enumerators`]).
pub(crate) fn assemble(pages: Vec<(Page, bool)>) -> PdfText {
    let ocr: Vec<bool> = pages.iter().map(|(_, o)| *o).collect();
    let mut items: Vec<Vec<Item>> = pages.iter().map(|(p, _)| layout(p)).collect();
    for (page, _) in items.iter_mut().zip(&ocr).filter(|(_, o)| **o) {
        for item in page {
            if let Item::Row(cells) = item {
                mend_header(cells);
            }
        }
    }
    glue_split_rows(&mut items);
    let mut firsts: Vec<&mut String> = items
        .iter_mut()
        .zip(&ocr)
        .filter(|(_, o)| **o)
        .flat_map(|(page, _)| page.iter_mut())
        .filter_map(|item| match item {
            Item::Row(cells) => cells.first_mut(),
            Item::Line(_) => None,
        })
        .collect();
    crate::ocr::renumber_rows(&mut firsts);
    let mut lines: Vec<&mut String> = items
        .iter_mut()
        .zip(&ocr)
        .filter(|(_, o)| **o)
        .flat_map(|(page, _)| page.iter_mut())
        .filter_map(|item| match item {
            Item::Line(l) => Some(l),
            Item::Row(_) => None,
        })
        .collect();
    crate::ocr::mend_item_letters(&mut lines);
    let mut texts: Vec<String> = items
        .iter()
        .zip(&ocr)
        .map(|(items, &ocr)| {
            let mut page = String::new();
            for item in items {
                match item {
                    Item::Line(l) if ocr => page.push_str(&crate::ocr::mend_line(l)),
                    Item::Line(l) => page.push_str(l),
                    Item::Row(cells) if ocr => {
                        page.push_str(&crate::ocr::mend_line(&cells.join("\t")));
                    }
                    Item::Row(cells) => page.push_str(&cells.join("\t")),
                }
                page.push('\n');
            }
            page
        })
        .collect();
    let mut scanned: Vec<String> = texts
        .iter()
        .zip(&ocr)
        .filter(|(_, o)| **o)
        .map(|(t, _)| t.clone())
        .collect();
    crate::ocr::renumber_headings(&mut scanned);
    crate::ocr::mend_acronyms(&mut scanned);
    crate::ocr::mend_enumerators(&mut scanned);
    let mut renumbered = scanned.into_iter();
    for (t, o) in texts.iter_mut().zip(&ocr) {
        if *o {
            if let Some(r) = renumbered.next() {
                *t = r;
            }
        }
    }
    PdfText::from_pages(&texts)
}

/// What a page is laid out as: lines outside tables, and table rows.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Line(String),
    Row(Vec<String>),
}

/// Whether a line is a page number (`3`, `- 3 -`, `Trang 3`).
fn page_number(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t.strip_prefix("Trang").map_or(t, str::trim);
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// The blocks of a cell as [`cell_text`] writes it.
fn blocks(cell: &str) -> Vec<String> {
    if !cell.starts_with("<p>") {
        return if cell.is_empty() {
            Vec::new()
        } else {
            vec![cell.to_string()]
        };
    }
    cell.split("</p>")
        .map(|b| b.trim_start_matches("<p>").to_string())
        .filter(|b| !b.is_empty())
        .collect()
}

/// A cell and the rest of it from the next page as one cell: a rest that
/// opens in lowercase ends the cell's last paragraph, else it is a
/// paragraph of its own.
fn join_cell(head: &str, rest: &str) -> String {
    let mut out = blocks(head);
    let mut more = blocks(rest).into_iter();
    if let (Some(last), Some(first)) = (out.last_mut(), more.next()) {
        if first
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase)
        {
            last.push(' ');
            last.push_str(&first);
        } else {
            out.push(first);
        }
    }
    out.extend(more);
    match out.as_slice() {
        [] => String::new(),
        [one] if !one.contains("&lt;") => one.clone(),
        _ => out.iter().map(|b| format!("<p>{b}</p>")).collect(),
    }
}

/// Whether a row is a table's header: at least three of its cells name a
/// column the importer reads ([`crate::lexicon::table_column`]). OCR may
/// read the header a writer repeats on each page a little differently
/// each time ("SLT" for "STT").
fn header_row(cells: &[String]) -> bool {
    cells
        .iter()
        .filter(|c| crate::lexicon::table_column(c).is_some())
        .count()
        >= 3
}

/// A header row whose number cell OCR misread ("SLT", "SIT" for "STT": a
/// short word in capitals) has it as "STT" again.
fn mend_header(cells: &mut [String]) {
    if !header_row(cells) {
        return;
    }
    if let Some(first) = cells.first_mut() {
        let t = first.trim();
        let short_caps =
            (2..=4).contains(&t.chars().count()) && t.chars().all(|c| c.is_ascii_uppercase());
        if short_caps && crate::lexicon::table_column(t).is_none() {
            *first = "STT".to_string();
        }
    }
}

/// A table row a page break splits is one row again.
///
/// A page that ends with a table row (nothing after it but a page
/// number), and a next page whose first row after the repeated header has
/// an empty first cell (no STT) hold the two halves of one row: a writer
/// breaks a row across pages, it never starts a row without its number
/// at the top of a page. The rest is glued to the row, cell by cell
/// ([`join_cell`]), where the row ends; the repeated header stays (the
/// importer sets it aside).
fn glue_split_rows(pages: &mut [Vec<Item>]) {
    let mut header: Option<Vec<String>> = None;
    for i in 1..pages.len() {
        let (before, after) = pages.split_at_mut(i);
        let (Some(prev), Some(next)) = (before.last_mut(), after.first_mut()) else {
            continue;
        };
        if header.is_none() {
            header = prev.iter().find_map(|it| match it {
                Item::Row(c) => Some(c.clone()),
                Item::Line(_) => None,
            });
        }
        let tail = prev
            .iter()
            .rposition(|it| !matches!(it, Item::Line(l) if l.is_empty() || page_number(l)));
        let Some(tail) = tail else { continue };
        let Some(Item::Row(_)) = prev.get(tail) else {
            continue;
        };
        // The first row of the next page that is not the header repeated,
        // with nothing but empty lines and headers before it.
        let mut first = None;
        for (j, it) in next.iter().enumerate() {
            match it {
                Item::Line(l) if l.is_empty() => continue,
                Item::Row(c) if Some(c) == header.as_ref() || header_row(c) => continue,
                Item::Row(c) if c.first().is_some_and(String::is_empty) => {
                    first = Some(j);
                    break;
                }
                _ => break,
            }
        }
        let Some(j) = first else { continue };
        let Item::Row(rest) = next.remove(j) else {
            continue;
        };
        if let Some(Item::Row(cells)) = prev.get_mut(tail) {
            for (k, r) in rest.iter().enumerate() {
                match cells.get_mut(k) {
                    Some(c) => *c = join_cell(c, r),
                    None => cells.push(r.clone()),
                }
            }
        }
    }
}

/// A glyph (or a word OCR read): top-left origin, y growing downwards,
/// in points.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub(crate) x: f64,
    /// Baseline.
    pub(crate) y: f64,
    pub(crate) end: f64,
    /// Font size (an em).
    pub(crate) size: f64,
    pub(crate) text: String,
}

/// A horizontal or vertical rule.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    /// For a horizontal rule its y, for a vertical one its x.
    pub(crate) at: f64,
    /// Extent along the rule.
    pub(crate) from: f64,
    pub(crate) to: f64,
}

/// What a page holds for layout: positioned glyphs (or words) and rules,
/// from a text layer or from OCR of the page's image.
#[derive(Debug, Default, Clone)]
pub(crate) struct Page {
    pub(crate) glyphs: Vec<Glyph>,
    pub(crate) hrules: Vec<Rule>,
    pub(crate) vrules: Vec<Rule>,
}

impl Page {
    /// Visible (non-space) characters.
    pub(crate) fn visible_chars(&self) -> usize {
        self.glyphs
            .iter()
            .map(|g| g.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    }

    /// The page laid out alone, as lines.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for item in layout(self) {
            match item {
                Item::Line(l) => out.push_str(&l),
                Item::Row(cells) => out.push_str(&cells.join("\t")),
            }
            out.push('\n');
        }
        out
    }
}

/// The output device that collects glyphs and rules.
#[derive(Default)]
struct Collect {
    pages: Vec<Page>,
    height: f64,
}

impl Collect {
    fn page(&mut self) -> Option<&mut Page> {
        self.pages.last_mut()
    }

    /// A point in user space → top-left page coordinates.
    fn point(&self, ctm: &Transform, x: f64, y: f64) -> (f64, f64) {
        let px = x * ctm.m11 + y * ctm.m21 + ctm.m31;
        let py = x * ctm.m12 + y * ctm.m22 + ctm.m32;
        (px, self.height - py)
    }

    fn segment(&mut self, a: (f64, f64), b: (f64, f64), thickness: f64) {
        let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        let Some(page) = self.page() else {
            return;
        };
        if dy <= thickness.max(0.5) && dx > dy {
            page.hrules.push(Rule {
                at: (a.1 + b.1) / 2.0,
                from: a.0.min(b.0),
                to: a.0.max(b.0),
            });
        } else if dx <= thickness.max(0.5) && dy > dx {
            page.vrules.push(Rule {
                at: (a.0 + b.0) / 2.0,
                from: a.1.min(b.1),
                to: a.1.max(b.1),
            });
        }
    }

    /// The rules a path draws: its straight segments, and its thin
    /// rectangles as one segment along their length.
    fn rules(&mut self, ctm: &Transform, path: &Path, filled: bool) {
        let mut start = None;
        let mut current = None;
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    let p = self.point(ctm, x, y);
                    start = Some(p);
                    current = Some(p);
                }
                PathOp::LineTo(x, y) => {
                    let p = self.point(ctm, x, y);
                    if let Some(c) = current {
                        if !filled {
                            self.segment(c, p, 0.5);
                        }
                    }
                    current = Some(p);
                }
                PathOp::CurveTo(.., x, y) => current = Some(self.point(ctm, x, y)),
                PathOp::Rect(x, y, w, h) => {
                    let a = self.point(ctm, x, y);
                    let b = self.point(ctm, x + w, y + h);
                    self.thin_box(a, b);
                }
                PathOp::Close => {
                    if let (Some(s), Some(c)) = (start, current) {
                        if !filled {
                            self.segment(c, s, 0.5);
                        }
                    }
                    current = start;
                }
            }
        }
        if filled {
            // A filled polygon drawn as a rule: its bounding box.
            let pts: Vec<(f64, f64)> = path
                .ops
                .iter()
                .filter_map(|op| match *op {
                    PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => Some(self.point(ctm, x, y)),
                    _ => None,
                })
                .collect();
            if pts.len() >= 3 {
                let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
                for (x, y) in pts {
                    lo = (lo.0.min(x), lo.1.min(y));
                    hi = (hi.0.max(x), hi.1.max(y));
                }
                self.thin_box(lo, hi);
            }
        }
    }

    fn thin_box(&mut self, a: (f64, f64), b: (f64, f64)) {
        let (w, h) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        if h <= RULE_THICKNESS && w > h {
            let y = (a.1 + b.1) / 2.0;
            self.segment((a.0, y), (b.0, y), h);
        } else if w <= RULE_THICKNESS && h > w {
            let x = (a.0 + b.0) / 2.0;
            self.segment((x, a.1), (x, b.1), w);
        } else if w > RULE_THICKNESS && h > RULE_THICKNESS {
            // A cell drawn as a rectangle: its four sides.
            let (l, r, t, btm) = (a.0.min(b.0), a.0.max(b.0), a.1.min(b.1), a.1.max(b.1));
            self.segment((l, t), (r, t), 0.5);
            self.segment((l, btm), (r, btm), 0.5);
            self.segment((l, t), (l, btm), 0.5);
            self.segment((r, t), (r, btm), 0.5);
        }
    }
}

impl OutputDev for Collect {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Page::default());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, self.height - trm.m32);
        let sx = font_size * trm.m11;
        let sy = font_size * trm.m22;
        let size = (sx * sy).abs().sqrt();
        if !size.is_finite() || !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        let glyph = Glyph {
            x,
            y,
            end: x + width * size,
            size,
            text: char.to_string(),
        };
        if let Some(page) = self.page() {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.rules(ctm, path, false);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.rules(ctm, path, true);
        Ok(())
    }
}

/// Merges rules at (about) the same position whose extents touch, until
/// no two touch (a rule that grows may come to touch one it passed: the
/// pixel rows of a scanned border, broken at different places).
fn merge(rules: Vec<Rule>) -> Vec<Rule> {
    let mut rules = rules;
    loop {
        let before = rules.len();
        rules = merge_once(rules);
        if rules.len() == before {
            return rules;
        }
    }
}

/// One pass of [`merge`].
fn merge_once(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut out: Vec<Rule> = Vec::new();
    for r in rules {
        if let Some(m) = out
            .iter_mut()
            .rev()
            .take_while(|m| (r.at - m.at).abs() <= RULE_MERGE)
            .find(|m| r.from <= m.to + RULE_MERGE && r.to >= m.from - RULE_MERGE)
        {
            m.from = m.from.min(r.from);
            m.to = m.to.max(r.to);
            continue;
        }
        out.push(r);
    }
    out
}

/// A row band of a ruled table: between two horizontal rules, cut into
/// cells by the vertical rules that cross it.
#[derive(Debug)]
struct Band {
    top: f64,
    bottom: f64,
    /// Cell edges, left to right (at least three: two cells).
    edges: Vec<f64>,
}

/// A cell of a ruled table, in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell {
    pub(crate) left: f64,
    pub(crate) top: f64,
    pub(crate) right: f64,
    pub(crate) bottom: f64,
    /// The first (leftmost) cell of its row.
    pub(crate) first: bool,
}

/// The cells of the ruled tables of a page.
pub(crate) fn cells(page: &Page) -> Vec<Cell> {
    bands(page)
        .iter()
        .flat_map(|b| {
            b.edges
                .windows(2)
                .enumerate()
                .filter_map(|(i, w)| match w {
                    [l, r] => Some(Cell {
                        left: *l,
                        top: b.top,
                        right: *r,
                        bottom: b.bottom,
                        first: i == 0,
                    }),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn bands(page: &Page) -> Vec<Band> {
    let h = merge(page.hrules.clone());
    let v = merge(page.vrules.clone());
    let mut ys: Vec<&Rule> = h.iter().collect();
    ys.sort_by(|a, b| a.at.total_cmp(&b.at));
    let mut out = Vec::new();
    for pair in ys.windows(2) {
        let [a, b] = pair else { continue };
        if b.at - a.at < 2.0 {
            continue;
        }
        let mid = (a.at + b.at) / 2.0;
        let (left, right) = (a.from.max(b.from), a.to.min(b.to));
        let mut edges: Vec<f64> = v
            .iter()
            .filter(|r| r.from <= mid && r.to >= mid)
            .filter(|r| r.at >= left - RULE_MERGE && r.at <= right + RULE_MERGE)
            .map(|r| r.at)
            .collect();
        edges.sort_by(f64::total_cmp);
        edges.dedup_by(|x, y| (*x - *y).abs() <= RULE_MERGE);
        if edges.len() >= 3 {
            out.push(Band {
                top: a.at,
                bottom: b.at,
                edges,
            });
        }
    }
    out
}

/// A visual line: its baseline, font size and text.
#[derive(Debug, Clone)]
struct Line {
    y: f64,
    size: f64,
    text: String,
}

/// Bullet glyphs writers draw for list items: `•`, `◦`, `▪`, `●`, and the
/// Symbol-font bullets of Word (private use `U+F0B7`, `U+F0A7`).
const BULLETS: [char; 6] = ['•', '◦', '▪', '●', '\u{f0b7}', '\u{f0a7}'];

/// A line that opens with a bullet glyph opens with `- ` instead, the
/// list marker the importer reads (once: "• - X" is "- X").
fn dash_bullet(text: String) -> String {
    match text.strip_prefix(BULLETS).map(str::trim_start) {
        Some(rest) if rest.starts_with(['-', '–']) => rest.to_string(),
        Some(rest) => format!("- {rest}"),
        None => text,
    }
}

/// Glyphs grouped into visual lines, top to bottom, each left to right,
/// written out with spaces where the gaps are.
fn lines_of(mut glyphs: Vec<&Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        let joins = rows.last().and_then(|r| r.first()).is_some_and(|first| {
            (g.y - first.y).abs() <= SAME_LINE * first.size.max(g.size).max(1.0)
        });
        match rows.last_mut() {
            Some(r) if joins => r.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .map(|mut r| {
            r.sort_by(|a, b| a.x.total_cmp(&b.x));
            let y = r.first().map_or(0.0, |g| g.y);
            let size = r.iter().map(|g| g.size).fold(0.0, f64::max);
            let mut s = String::new();
            let mut last_end: Option<f64> = None;
            for g in r {
                if let Some(end) = last_end {
                    let gap = g.x - end;
                    if gap > WORD_GAP * g.size && !s.ends_with(' ') && g.text != " " {
                        s.push(' ');
                    }
                }
                if g.text.trim().is_empty() {
                    if !s.is_empty() && !s.ends_with(' ') {
                        s.push(' ');
                    }
                } else {
                    s.push_str(&g.text);
                }
                last_end = Some(g.end.max(g.x));
            }
            Line {
                y,
                size,
                text: dash_bullet(s.trim().to_string()),
            }
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// A line pitch wider than this many font sizes is a paragraph break
/// (single spacing is 1.15; LibreOffice's and Word's space after a
/// paragraph adds 0.3 or more).
const PARAGRAPH_PITCH: f64 = 1.35;

/// The text of a cell: its lines joined with a space; when the cell holds
/// several paragraphs (a wider pitch, or a list item), each is written as
/// an HTML `<p>` block, the cell markup the importer reads.
fn cell_text(lines: &[Line]) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut last: Option<&Line> = None;
    for l in lines {
        let breaks = last.is_some_and(|p| {
            l.y - p.y > PARAGRAPH_PITCH * p.size.max(l.size) || l.text.starts_with("- ")
        });
        match paras.last_mut() {
            Some(para) if !breaks => {
                para.push(' ');
                para.push_str(&l.text);
            }
            _ => paras.push(l.text.clone()),
        }
        last = Some(l);
    }
    if paras.len() < 2 {
        return paras.pop().unwrap_or_default();
    }
    paras
        .iter()
        .map(|p| {
            let escaped = p
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<p>{escaped}</p>")
        })
        .collect()
}

/// One page as items: visual lines outside tables, one item per table row.
fn layout(page: &Page) -> Vec<Item> {
    let bands = bands(page);
    let mut loose: Vec<&Glyph> = Vec::new();
    let mut cells: Vec<Vec<Vec<&Glyph>>> = bands
        .iter()
        .map(|b| vec![Vec::new(); b.edges.len().saturating_sub(1)])
        .collect();
    for g in &page.glyphs {
        let cx = (g.x + g.end) / 2.0;
        // The middle of the glyph's body, above the baseline.
        let cy = g.y - g.size * 0.3;
        let band = bands.iter().position(|b| {
            cy > b.top
                && cy < b.bottom
                && b.edges.first().is_some_and(|&l| cx > l)
                && b.edges.last().is_some_and(|&r| cx < r)
        });
        let slot = band.and_then(|i| {
            let b = bands.get(i)?;
            let c = b.edges.windows(2).position(|w| cx >= w[0] && cx < w[1])?;
            cells.get_mut(i)?.get_mut(c)
        });
        match slot {
            Some(cell) => cell.push(g),
            None => loose.push(g),
        }
    }
    let mut items: Vec<(f64, Item)> = Vec::new();
    let lines = lines_of(loose);
    let normal = normal_pitch(&lines);
    let mut last: Option<&Line> = None;
    for l in &lines {
        // Space between paragraphs is kept as an empty line, as text
        // extractions keep it.
        if let (Some(p), Some(normal)) = (last, normal) {
            let pitch = l.y - p.y;
            if pitch > normal * PARAGRAPH_GAP && pitch > normal + 0.25 * p.size {
                items.push(((p.y + l.y) / 2.0, Item::Line(String::new())));
            }
        }
        items.push((l.y, Item::Line(l.text.clone())));
        last = Some(l);
    }
    for (b, row) in bands.iter().zip(cells) {
        if row.iter().all(Vec::is_empty) {
            continue;
        }
        let texts: Vec<String> = row.into_iter().map(|c| cell_text(&lines_of(c))).collect();
        items.push((b.top, Item::Row(texts)));
    }
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    items.into_iter().map(|(_, it)| it).collect()
}

/// A line pitch this many times the page's usual one (and a quarter of
/// the font size more) is space between paragraphs.
const PARAGRAPH_GAP: f64 = 1.3;

/// The usual line pitch of a page: the most common distance between two
/// consecutive lines (to the half point), among those under three font
/// sizes; `None` with fewer than three lines.
fn normal_pitch(lines: &[Line]) -> Option<f64> {
    let mut counts: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    for w in lines.windows(2) {
        let [a, b] = w else { continue };
        let pitch = b.y - a.y;
        if pitch > 0.0 && pitch < 3.0 * a.size {
            // Half points: small integers, exact.
            *counts.entry((pitch * 2.0).round() as i64).or_default() += 1;
        }
    }
    let (&half_points, _) = counts
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))?;
    (lines.len() >= 3).then_some(half_points as f64 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = x;
        for c in text.chars() {
            out.push(Glyph {
                x: at,
                y,
                end: at + 6.0,
                size: 12.0,
                text: c.to_string(),
            });
            at += if c == ' ' { 3.0 } else { 6.0 };
        }
        out
    }

    #[test]
    fn a_ruled_table_row_is_one_line_of_cells() {
        let mut page = Page::default();
        page.glyphs.extend(glyphs("Số: 74", 50.0, 40.0));
        page.glyphs.extend(glyphs("1.", 52.0, 112.0));
        page.glyphs.extend(glyphs("Rà soát", 102.0, 112.0));
        page.glyphs.extend(glyphs("văn bản", 102.0, 126.0));
        page.glyphs.extend(glyphs("Sở Tư pháp", 202.0, 112.0));
        page.glyphs.extend(glyphs("3", 150.0, 800.0));
        for y in [100.0, 140.0] {
            page.hrules.push(Rule {
                at: y,
                from: 50.0,
                to: 300.0,
            });
        }
        for x in [50.0, 100.0, 200.0, 300.0] {
            page.vrules.push(Rule {
                at: x,
                from: 100.0,
                to: 140.0,
            });
        }
        let row = |c: &[&str]| Item::Row(c.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            layout(&page),
            vec![
                Item::Line("Số: 74".into()),
                row(&["1.", "Rà soát văn bản", "Sở Tư pháp"]),
                Item::Line("3".into())
            ]
        );
    }

    #[test]
    fn a_gap_is_a_space_and_lines_keep_their_order() {
        let mut page = Page::default();
        page.glyphs.extend(glyphs("KẾ", 60.0, 50.0));
        page.glyphs.extend(glyphs("HOẠCH", 80.0, 50.4));
        page.glyphs.extend(glyphs("Thực hiện", 20.0, 70.0));
        assert_eq!(
            layout(&page),
            vec![
                Item::Line("KẾ HOẠCH".into()),
                Item::Line("Thực hiện".into())
            ]
        );
    }

    #[test]
    fn a_row_split_by_a_page_break_is_glued_back() {
        let row = |c: &[&str]| Item::Row(c.iter().map(|s| s.to_string()).collect());
        let header = row(&["STT", "Nhiệm vụ", "Chủ trì"]);
        let mut pages = vec![
            vec![
                header.clone(),
                row(&["1.", "Rà soát", "Sở Tư"]),
                Item::Line("4".into()),
            ],
            vec![
                header.clone(),
                row(&["", "văn bản", "pháp"]),
                row(&["2.", "Báo cáo", "Sở Nội vụ"]),
            ],
            vec![header.clone(), row(&["", "Tổng kết", "Sở Tư pháp"])],
        ];
        glue_split_rows(&mut pages);
        assert_eq!(pages[0][1], row(&["1.", "Rà soát văn bản", "Sở Tư pháp"]));
        assert_eq!(pages[1].len(), 2);
        // An uppercase rest is a paragraph of its own.
        assert_eq!(
            pages[1][1],
            row(&[
                "2.",
                "<p>Báo cáo</p><p>Tổng kết</p>",
                "<p>Sở Nội vụ</p><p>Sở Tư pháp</p>"
            ])
        );
    }

    #[test]
    fn rules_that_come_to_touch_when_merged_are_one() {
        // Pixel rows of one scanned border, broken at different places:
        // the whole row only joins the second piece after the first.
        let r = |at: f64, from: f64, to: f64| Rule { at, from, to };
        let merged = merge(vec![
            r(669.2, 56.2, 154.3),
            r(669.2, 441.6, 567.8),
            r(669.5, 56.2, 567.8),
        ]);
        assert_eq!(merged.len(), 1, "{merged:?}");
    }

    #[test]
    fn a_header_ocr_misread_is_the_header() {
        let mut cells: Vec<String> = ["SLT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(header_row(&cells));
        mend_header(&mut cells);
        assert_eq!(cells.first().map(String::as_str), Some("STT"));
        let row: Vec<String> = ["2.", "Rà soát", "Sở Tư pháp", "Công an tỉnh"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(!header_row(&row));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b""[..],
            b"%PDF-1.4\n",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n",
        ] {
            assert!(pdf_to_text(bytes).is_err());
        }
    }
}
