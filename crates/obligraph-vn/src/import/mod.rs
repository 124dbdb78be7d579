//! The document importer: text of a Vietnamese plan or decision → [`Plan`],
//! losing nothing.
//!
//! # What it reads
//!
//! - **Header**: number ("Số: 74 /KH-UBND" → `74/KH-UBND`; a lost number
//!   stays `None`), place and date, issuer (from the header, else from the
//!   body "Ủy ban nhân dân tỉnh X ban hành…", else from the signature
//!   block; never invented), level, jurisdiction, title, the documents it
//!   implements ("Thực hiện / Triển khai …") and its legal bases ("Căn cứ
//!   …", "Xét đề nghị …"), exactly as cited. The validity window comes
//!   from the title ("giai đoạn 2023-2028", "năm 2026") when stated.
//! - **Structure**: I/II → 1/2 (or 2.1) → a)/b) → bullets and plain
//!   paragraphs in the body; A/B/C → I/II → 1 → 1.1 → a in appendix
//!   tables.
//! - **Obligations** in the three styles of the corpus: inline
//!   parentheses, labelled lines ("Đơn vị chủ trì: …") after a group of
//!   bullets, role lines under an item ("Phòng X chủ trì, phối hợp với Y;
//!   thời gian: …", "Đơn vị chủ trì (điểm b, c): …": the item takes
//!   them, see `body::role_lines`), and appendix table rows (continued across pages, header
//!   repeated per page, cells as TSV, markdown or HTML fragments). Duties
//!   of the "Tổ chức thực hiện" section are obligations too, of kind
//!   report, draft-a-plan or monitor, linked by `feeds` where a report
//!   goes through the agency that compiles it.
//!
//! # Ids
//!
//! Section and obligation ids follow the document's numbering, joined by
//! dots: `II`, `II.1`, `II.1.a`. Bullets and plain paragraphs under a
//! numbered item are numbered in order after a dash: `II.1-1`, `II.1-2`.
//! Appendix rows are prefixed `PL` (`PL2`, `PL3` for later appendices):
//! `PL.A.II.1.1`, `PL.B.1`, `PL.2.6.a`; a row without a number (STT
//! empty, not a continuation) is `<parent>.n1`, `n2`, …. A duty of "Tổ
//! chức thực hiện" that holds several kinds of duty is split into
//! `<id>:task`, `<id>:draft`, `<id>:report`, `<id>:monitor`. Articles of a
//! decision are `D1`, `D2`. A duplicate id gets `_2`, `_3`, … . Missing
//! headings do not stop the import: an item attaches to the nearest known
//! parent.
//!
//! # Normalisation
//!
//! Text is stored as written: NFC, whitespace collapsed, markup (HTML tags,
//! markdown emphasis and heading marks) removed. Keyword tests fold case
//! and diacritics, so tone placement and OCR'd capitals do not matter; the
//! lexicon calls ([`crate::agency`], [`crate::deadline_phrase`]) apply
//! [`crate::normalize::normalize`] to what they are given.
//!
//! # Nothing lost
//!
//! Every non-empty source line is either attributed to a plan element or
//! returned in [`Import::unattributed`] with its reason, and
//! `stats.attributed + stats.unattributed == stats.nonempty_lines`.

mod body;
mod header;
mod limits;
mod lines;
mod restate;
mod table;
pub(crate) mod text;

pub use restate::carry_rows;

use std::path::Path;

use obligraph_core::Plan;
use serde::{Deserialize, Serialize};

use crate::docx::DocxLimits;
use crate::error::ImportError;

/// The result of an import: the plan, and the source lines not attributed
/// to any of its elements.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Import {
    /// The plan.
    pub plan: Plan,
    /// Non-empty source lines not attributed to a plan element, in order.
    #[serde(default)]
    pub unattributed: Vec<UnattributedLine>,
    /// Line counts.
    #[serde(default)]
    pub stats: ImportStats,
    /// For a PDF, the line (1-based) each page starts on, page 1 first;
    /// empty for other inputs. See [`Import::place`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_starts: Vec<u32>,
    /// What was left out of the plan on purpose, to tell the user (a
    /// spreadsheet's sheet without a task table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ImportWarning>,
}

/// Something the importer left out of the plan on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ImportWarning {
    /// A sheet of a workbook without a header row naming the task columns.
    SheetSkipped {
        /// The sheet's name.
        sheet: String,
    },
    /// A hidden sheet of a workbook, not read: what a reader of the
    /// workbook does not see is not the plan.
    HiddenSheetSkipped {
        /// The sheet's name.
        sheet: String,
    },
    /// A clause pointing at an item ("Chủ trì thực hiện các nhiệm vụ tại
    /// điểm a mục 1 Phần II") names a body to lead an item another body
    /// already leads: the item keeps its lead, the body named is not added.
    PointerConflict {
        /// The line of the pointing clause (1-based).
        line: u32,
        /// The id of the item pointed at.
        item: String,
        /// The body the pointer names, as written.
        named: String,
        /// The item's own leads, as written.
        lead: String,
    },
}

impl std::fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SheetSkipped { sheet } => write!(
                f,
                "sheet `{sheet}` skipped: no header row naming the task columns (expected STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp …)"
            ),
            Self::HiddenSheetSkipped { sheet } => {
                write!(f, "sheet `{sheet}` skipped: it is hidden")
            }
            Self::PointerConflict {
                line,
                item,
                named,
                lead,
            } => write!(
                f,
                "line {line}: the clause names {named} to lead {item}, which {lead} already leads; {item} keeps its lead"
            ),
        }
    }
}

impl Import {
    /// Where a line (1-based, as in [`SourceSpan`](obligraph_core::SourceSpan)
    /// and [`UnattributedLine::line`]) is for a reader: `line 12` for text
    /// and Word files, `p.3 line 12` for a PDF, the line counted from the
    /// top of its page (the lines of the PDF's text as
    /// [`pdf_to_text`](crate::pdf::pdf_to_text) lays them out: visual lines
    /// and table rows, page numbers included).
    ///
    /// ```
    /// let mut import = obligraph_vn::import_text("Số: 1\nKẾ HOẠCH\n2\nI. NHIỆM VỤ\n", "kh.txt").unwrap();
    /// assert_eq!(import.place(4), "line 4");
    /// import.page_starts = vec![1, 4];
    /// assert_eq!(import.place(4), "p.2 line 1");
    /// assert_eq!(import.place(2), "p.1 line 2");
    /// ```
    pub fn place(&self, line: u32) -> String {
        match self.page_line(line) {
            Some((page, on_page)) => format!("p.{page} line {on_page}"),
            None => format!("line {line}"),
        }
    }

    /// The page (1-based) of a line of a PDF and the line counted from the
    /// top of that page; `None` for other inputs.
    pub fn page_line(&self, line: u32) -> Option<(u32, u32)> {
        let i = self.page_starts.partition_point(|&s| s <= line);
        let start = *self.page_starts.get(i.checked_sub(1)?)?;
        let page = u32::try_from(i).ok()?;
        Some((page, line - start + 1))
    }

    /// Whether the input holds a plan at all: a header (a number "Số: …",
    /// a date, an issuer or a title), or at least one obligation that
    /// names a known agency. An empty file, or a README whose bullets read
    /// as tasks naming nobody known, holds none: the command line then
    /// warns and exits with its own code.
    ///
    /// ```
    /// let empty = obligraph_vn::import_text("", "empty.txt").unwrap();
    /// assert!(!empty.plan_found());
    /// let readme = obligraph_vn::import_text(
    ///     "# Tool\n\n## Usage\n\n- Run it on a file.\n- Read the output.\n", "README.md").unwrap();
    /// assert!(!readme.plan_found());
    /// let plan = obligraph_vn::import_text(
    ///     "II. NHIỆM VỤ\n1. Rà soát văn bản (Sở Tư pháp chủ trì).\n", "kh.txt").unwrap();
    /// assert!(plan.plan_found());
    /// ```
    pub fn plan_found(&self) -> bool {
        let p = &self.plan;
        let header =
            p.number.is_some() || p.date.is_some() || p.issuer.is_some() || p.title.is_some();
        header
            || p.obligations.iter().any(|o| {
                o.assignments
                    .iter()
                    .any(|a| !a.agency.id.starts_with("unresolved:"))
            })
    }
}

/// A non-empty source line the importer did not attribute, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnattributedLine {
    /// Line number (1-based).
    pub line: u32,
    /// The line as written (trimmed).
    pub text: String,
    /// Why it was set aside.
    pub reason: UnattributedReason,
    /// Where a reader finds it, for a `.docx` or `.xlsx` input (whose
    /// `line` is a line of the text the importer made of the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<obligraph_core::Place>,
}

/// Why a line was not attributed to a plan element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnattributedReason {
    /// A page number left by the extraction.
    PageNumber,
    /// A table header row repeated at the top of a page.
    PageHeader,
    /// The signature block (TM. / KT. …, title, name).
    Signature,
    /// The distribution list (Nơi nhận).
    DistributionList,
    /// A stray URL.
    Url,
    /// Header text the plan does not model (national motto …).
    Preamble,
    /// Purpose and requirements prose (Mục đích, yêu cầu): no tasks.
    Purpose,
    /// Topics to disseminate (Nội dung tuyên truyền): no tasks.
    Content,
    /// Funding prose (Kinh phí).
    Funding,
    /// A sentence that only says where the tasks are ("Các nhiệm vụ cụ
    /// thể tại Phụ lục kèm theo").
    AppendixPointer,
    /// Closing prose ("Trên đây là …", "Trong quá trình thực hiện, nếu có
    /// vướng mắc …").
    Closing,
    /// Nothing recognised.
    Unrecognised,
}

/// Counts of non-empty source lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportStats {
    /// Non-empty source lines.
    pub nonempty_lines: u32,
    /// Lines attributed to a plan element.
    pub attributed: u32,
    /// Lines returned in [`Import::unattributed`].
    pub unattributed: u32,
}

/// Options of an import: the limits that keep hostile input from
/// exhausting memory or time. Each limit crossed ends the import with its
/// own [`ImportError`] naming the file, line and column.
///
/// | limit | default | error |
/// |---|---|---|
/// | [`max_bytes`](Self::max_bytes) | 16 MiB | [`ImportError::TooLarge`] |
/// | [`max_line_bytes`](Self::max_line_bytes) | 1 MiB | [`ImportError::LineTooLong`] |
/// | [`max_table_cells`](Self::max_table_cells) | 1,000,000 | [`ImportError::TooManyCells`] |
/// | [`max_depth`](Self::max_depth) | 32 | [`ImportError::TooDeep`] |
/// | [`max_obligations`](Self::max_obligations) | 100,000 | [`ImportError::TooManyObligations`] |
/// | [`docx`](Self::docx) | [`DocxLimits::default`] | [`ImportError::Docx`] |
///
/// ```
/// use obligraph_vn::{import_text_with, ImportError, ImportOptions};
/// let opts = ImportOptions::with_max_bytes(10);
/// assert!(import_text_with("Số: 74/KH-UBND, a long text", "x.txt", &opts).is_err());
///
/// let mut opts = ImportOptions::default();
/// opts.max_line_bytes = 8;
/// // "Triển khai" is 12 bytes; its 9th byte is the "k", the 7th character.
/// let err = import_text_with("Số: 1\nTriển khai", "kh.txt", &opts).unwrap_err();
/// assert!(matches!(err, ImportError::LineTooLong { line: 2, column: 7, .. }));
/// assert!(err.to_string().contains("`kh.txt` line 2, column 7"), "{err}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// Largest input accepted, in bytes (default 16 MiB).
    pub max_bytes: usize,
    /// Longest source line accepted, in bytes, without its line break
    /// (default 1 MiB; the longest line of the corpus is a few KiB).
    pub max_line_bytes: usize,
    /// Most table cells in a document, all tables together, header rows
    /// included (default 1,000,000).
    pub max_table_cells: usize,
    /// Deepest section nesting, a top-level section being at depth 1
    /// (default 32). Body numbering reaches at most 6 levels (I → 1 → 1.1
    /// → 1.1.1 → 1.1.1.1 → a); appendix tables can nest deeper only through
    /// long dotted STT numbers (1.2.3.4.5…).
    pub max_depth: usize,
    /// Most obligations in a document (default 100,000).
    pub max_obligations: usize,
    /// Most pages of a `.pdf` input (default 2,000): a longer file is
    /// refused with [`PdfError::TooManyPages`](crate::pdf::PdfError::TooManyPages)
    /// before its pages are read.
    pub max_pdf_pages: u32,
    /// Longest time OCR may take on one document, all its scanned pages
    /// together (default 10 minutes: about 100 pages at the 5–6 s a page
    /// measured on a loaded two-core machine). Past it the running program
    /// is killed and the import fails with
    /// [`OcrError::TimedOut`](crate::ocr::OcrError::TimedOut), naming the
    /// page.
    pub ocr_time_limit: std::time::Duration,
    /// Limits of the `.docx` reader, used by [`import_path_with`]; the
    /// size and ratio limits also check an `.xlsx` archive.
    pub docx: DocxLimits,
    /// Table rows are whole rows (set when reading a spreadsheet): the
    /// repairs of rows cut by a page break are not tried on them.
    pub(crate) whole_rows: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            max_bytes: 16 * 1024 * 1024,
            max_line_bytes: 1024 * 1024,
            max_table_cells: 1_000_000,
            max_depth: 32,
            max_obligations: 100_000,
            max_pdf_pages: 2_000,
            ocr_time_limit: std::time::Duration::from_secs(600),
            docx: DocxLimits::default(),
            whole_rows: false,
        }
    }
}

impl ImportOptions {
    /// Default options with the given size limit.
    pub fn with_max_bytes(max_bytes: usize) -> Self {
        ImportOptions {
            max_bytes,
            ..ImportOptions::default()
        }
    }
}

/// What each source line became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Empty,
    Pending,
    Attributed,
    Aside(UnattributedReason),
}

/// The bookkeeping of source lines: attributed or set aside with a reason.
#[derive(Debug)]
pub(crate) struct Ledger {
    marks: Vec<Mark>,
}

impl Ledger {
    pub(crate) fn new(text: &str) -> Self {
        Ledger {
            marks: text
                .split('\n')
                .map(|l| {
                    if l.trim().is_empty() {
                        Mark::Empty
                    } else {
                        Mark::Pending
                    }
                })
                .collect(),
        }
    }

    fn slot(&mut self, line: u32) -> Option<&mut Mark> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        self.marks.get_mut(i)
    }

    /// Attributes a line to a plan element (wins over any reason).
    pub(crate) fn attribute(&mut self, line: u32) {
        if let Some(m) = self.slot(line) {
            if *m != Mark::Empty {
                *m = Mark::Attributed;
            }
        }
    }

    /// Attributes lines.
    pub(crate) fn attribute_all(&mut self, lines: &[u32]) {
        for &l in lines {
            self.attribute(l);
        }
    }

    /// Sets a line aside, unless it is already attributed.
    pub(crate) fn set_aside(&mut self, line: u32, reason: UnattributedReason) {
        if let Some(m) = self.slot(line) {
            if *m == Mark::Pending {
                *m = Mark::Aside(reason);
            }
        }
    }

    /// Sets lines aside.
    pub(crate) fn set_aside_all(&mut self, lines: &[u32], reason: UnattributedReason) {
        for &l in lines {
            self.set_aside(l, reason);
        }
    }

    /// Whether every line strictly between `after` and `before` is blank.
    pub(crate) fn blank_between(&self, after: u32, before: u32) -> bool {
        let from = usize::try_from(after).unwrap_or(usize::MAX);
        let to = usize::try_from(before).unwrap_or(0).saturating_sub(1);
        from <= to
            && self
                .marks
                .get(from..to)
                .is_some_and(|m| m.iter().all(|x| *x == Mark::Empty))
    }

    /// The reason a line was set aside, if it was.
    #[cfg(test)]
    pub(crate) fn reason(&self, line: u32) -> Option<UnattributedReason> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        match self.marks.get(i)? {
            Mark::Aside(r) => Some(*r),
            _ => None,
        }
    }

    fn finish(self, text: &str) -> (Vec<UnattributedLine>, ImportStats) {
        let mut stats = ImportStats::default();
        let mut out = Vec::new();
        for (i, (raw, mark)) in text.split('\n').zip(self.marks).enumerate() {
            let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let reason = match mark {
                Mark::Empty => continue,
                Mark::Attributed => {
                    stats.attributed = stats.attributed.saturating_add(1);
                    stats.nonempty_lines = stats.nonempty_lines.saturating_add(1);
                    continue;
                }
                Mark::Pending => UnattributedReason::Unrecognised,
                Mark::Aside(r) => r,
            };
            stats.nonempty_lines = stats.nonempty_lines.saturating_add(1);
            stats.unattributed = stats.unattributed.saturating_add(1);
            out.push(UnattributedLine {
                line,
                text: raw.trim().to_string(),
                reason,
                place: None,
            });
        }
        (out, stats)
    }
}

/// Whether a plan's top-level section title assigns its duties by body
/// ("III. TỔ CHỨC THỰC HIỆN", "Trách nhiệm thực hiện"): the duties under
/// it are each body's general duties, where the other sections hold the
/// plan's tasks by theme.
///
/// ```
/// assert!(obligraph_vn::import::is_organisation_section("TỔ CHỨC THỰC HIỆN"));
/// assert!(!obligraph_vn::import::is_organisation_section("NHIỆM VỤ VÀ GIẢI PHÁP"));
/// ```
pub fn is_organisation_section(title: &str) -> bool {
    body::is_organisation_section(title)
}

/// Imports the text of a plan or decision with default options.
///
/// `source` names the input in errors (a file name).
///
/// ```
/// let text = "Số: 102/KH-UBND\nQuận Ngô Quyền, ngày 14 tháng 4 năm 2023\n\nKẾ HOẠCH\n\
///             Tăng cường thực thi hiệu quả Công ước chống tra tấn\n\n\
///             II. NHIỆM VỤ, GIẢI PHÁP\n\
///             1. Tiếp tục hoàn thiện pháp luật\n\
///             - Rà soát văn bản (Phòng Tư pháp chủ trì; Công an quận phối hợp thực hiện hàng năm).\n\
///             Nơi nhận:\n- Như trên;\n";
/// let import = obligraph_vn::import_text(text, "kh.txt").unwrap();
/// assert_eq!(import.plan.number.as_deref(), Some("102/KH-UBND"));
/// assert_eq!(import.plan.obligations[0].id, "II.1-1");
/// assert_eq!(import.unattributed.len(), 2); // the distribution list
/// ```
pub fn import_text(text: &str, source: &str) -> Result<Import, ImportError> {
    import_text_with(text, source, &ImportOptions::default())
}

/// Imports the text of a plan or decision with `options`.
pub fn import_text_with(
    text: &str,
    source: &str,
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    if text.len() > options.max_bytes {
        return Err(ImportError::TooLarge {
            file: source.to_string(),
            size: text.len(),
            max: options.max_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    limits::check_lines(text, source, options)?;
    let mut ledger = Ledger::new(text);
    let mut pieces = lines::pieces(text, &mut ledger);
    if options.whole_rows {
        for p in &mut pieces {
            if let lines::Piece::Table(t) = p {
                t.whole_rows = true;
            }
        }
    }
    limits::check_cells(&pieces, text, source, options)?;
    let mut plan = Plan::default();
    let rest = header::read_header(&pieces, text, &mut plan, &mut ledger);
    let warnings = body::read_body(pieces.get(rest..).unwrap_or(&[]), &mut plan, &mut ledger);
    header::fill_from_appendix(&pieces, &mut plan);
    restate::link(&mut plan);
    limits::check_depth(&plan, text, source, options)?;
    limits::check_obligations(&plan, text, source, options)?;
    let (unattributed, stats) = ledger.finish(text);
    Ok(Import {
        plan,
        unattributed,
        stats,
        warnings,
        page_starts: Vec::new(),
    })
}

/// Imports a file with default options: `.txt` and `.md` as text, `.docx`
/// through [`docx`](crate::docx) then as text, `.xlsx` through
/// [`xlsx`](crate::xlsx) then as text, `.pdf` (or any file that starts as
/// a PDF does, `%PDF-`) through [`pdf`](crate::pdf) then as text, with OCR
/// ([`ocr`](crate::ocr)) when it has no text layer, `.json` as a
/// serialized [`Plan`] or [`Import`].
///
/// The obligations of a `.docx` or `.xlsx` input carry their
/// [`place`](obligraph_core::SourceSpan::place): paragraph, table row and
/// cell, or sheet cell; those of a PDF their page ([`Import::place`]).
pub fn import_path(path: &Path) -> Result<Import, ImportError> {
    import_path_with(path, &ImportOptions::default())
}

/// Imports a file with `options`. See [`import_path`].
pub fn import_path_with(path: &Path, options: &ImportOptions) -> Result<Import, ImportError> {
    let file = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    if size > options.max_bytes {
        return Err(ImportError::TooLarge {
            file,
            size,
            max: options.max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    import_bytes_as(&bytes, None, Some(path), &file, &ext, options)
}

/// Imports a document held in memory, read by the extension of `name`
/// as [`import_path`] reads a file (`.txt`, `.md` or none: text; `.docx`;
/// `.xlsx`; `.pdf`; `.json`). `name` names the input in errors; no file is opened.
///
/// ```
/// let bytes = "Số: 74/KH-UBND\nKẾ HOẠCH\nTriển khai\n".as_bytes();
/// let import = obligraph_vn::import_bytes(bytes, "dong-nai.txt", &Default::default()).unwrap();
/// assert_eq!(import.plan.number.as_deref(), Some("74/KH-UBND"));
/// let err = obligraph_vn::import_bytes(b"x", "plan.pdf", &Default::default()).unwrap_err();
/// assert!(err.to_string().contains("plan.pdf"));
/// ```
pub fn import_bytes(
    bytes: &[u8],
    name: &str,
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if bytes.len() > options.max_bytes {
        return Err(ImportError::TooLarge {
            file: name.to_string(),
            size: bytes.len(),
            max: options.max_bytes,
        });
    }
    import_bytes_as(bytes, None, None, name, &ext, options)
}

/// Imports a document held as text: what [`import_bytes`] gives for its
/// UTF-8 bytes, without checking them again (a service that received the
/// text in a JSON request has them checked already).
///
/// ```
/// let text = "Số: 74/KH-UBND\nKẾ HOẠCH\nTriển khai\n";
/// let o = Default::default();
/// let import = obligraph_vn::import_str(text, "dong-nai.txt", &o).unwrap();
/// assert_eq!(import, obligraph_vn::import_bytes(text.as_bytes(), "dong-nai.txt", &o).unwrap());
/// ```
pub fn import_str(text: &str, name: &str, options: &ImportOptions) -> Result<Import, ImportError> {
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if text.len() > options.max_bytes {
        return Err(ImportError::TooLarge {
            file: name.to_string(),
            size: text.len(),
            max: options.max_bytes,
        });
    }
    import_bytes_as(text.as_bytes(), Some(text), None, name, &ext, options)
}

/// `bytes` read by `ext`; `known` is `bytes` as text when the caller
/// holds it so (then not checked again).
fn import_bytes_as(
    bytes: &[u8],
    known: Option<&str>,
    path: Option<&Path>,
    file: &str,
    ext: &str,
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    if ext == "pdf" || bytes.starts_with(b"%PDF-") {
        return import_pdf(path, bytes, file, options);
    }
    let file = file.to_string();
    match ext {
        "txt" | "md" | "text" | "" => {
            let text = match known {
                Some(t) => t,
                None => utf8(bytes, &file)?,
            };
            import_text_with(text, &file, options)
        }
        "docx" => {
            let (text, places) =
                crate::docx::docx_to_lines(bytes, &options.docx).map_err(|source| {
                    ImportError::Docx {
                        file: file.clone(),
                        source,
                    }
                })?;
            let mut import = import_text_with(&text, &file, options)?;
            docx_places(&mut import.plan, &text, &places);
            for u in &mut import.unattributed {
                u.place = docx_place(u.line, &places);
            }
            Ok(import)
        }
        "xlsx" | "xlsm" => import_xlsx_bytes(bytes, &file, options),
        "json" => {
            let text = match known {
                Some(t) => t,
                None => utf8(bytes, &file)?,
            };
            import_json(text, &file)
        }
        _ => Err(ImportError::UnsupportedFormat {
            file,
            extension: ext.to_string(),
        }),
    }
}

/// A PDF: its text layer, and the pages that are scans read by OCR,
/// imported as text with the page of each line kept.
///
/// A page is read by OCR when its text layer has fewer than
/// [`MIN_CHARS_PER_PAGE`](crate::ocr::MIN_CHARS_PER_PAGE) visible
/// characters and it draws an image, or when the whole document's text
/// layer is that thin ([`needs_ocr`](crate::ocr::needs_ocr)). OCR reads a
/// file: a document held in memory (`path` none) is written to a temporary
/// file first, removed after.
fn import_pdf(
    path: Option<&Path>,
    bytes: &[u8],
    file: &str,
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let pdf_error = |source| ImportError::Pdf {
        file: file.to_string(),
        source,
    };
    let layers = crate::pdf::read_layers(bytes, options.max_pdf_pages).map_err(pdf_error)?;
    let visible: usize = layers.iter().map(|l| l.page.visible_chars()).sum();
    let count = u32::try_from(layers.len()).unwrap_or(u32::MAX);
    let all = crate::ocr::needs_ocr(visible, count);
    let scanned: Vec<u32> = layers
        .iter()
        .zip(1u32..)
        .filter(|(l, _)| {
            l.scanned() || (all && l.page.visible_chars() < crate::ocr::MIN_CHARS_PER_PAGE)
        })
        .map(|(_, no)| no)
        .collect();
    let mut pages: Vec<(crate::pdf::Page, bool)> =
        layers.into_iter().map(|l| (l.page, false)).collect();
    if !scanned.is_empty() {
        let limit = options.ocr_time_limit;
        let read = match path {
            Some(p) => crate::ocr::read_pages(p, &scanned, limit),
            None => ocr_bytes(bytes, &scanned, limit)?,
        }
        .map_err(|source| ImportError::Ocr {
            file: file.to_string(),
            source,
        })?;
        for (no, page) in scanned.iter().zip(read) {
            let slot = usize::try_from(*no)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| pages.get_mut(i));
            if let Some(slot) = slot {
                *slot = (page.page, true);
            }
        }
    }
    let text = crate::pdf::assemble(pages);
    let mut import = import_text_with(&text.text, file, options)?;
    import.page_starts = text.page_starts();
    Ok(import)
}

/// OCR of pages of a PDF held in memory: written to a temporary file,
/// read, removed.
#[cfg(not(target_os = "wasi"))]
fn ocr_bytes(
    bytes: &[u8],
    pages: &[u32],
    limit: std::time::Duration,
) -> Result<Result<Vec<crate::ocr::ScannedPage>, crate::ocr::OcrError>, ImportError> {
    let tmp = std::env::temp_dir().join(format!(
        "obligraph-ocr-{}-{:x}.pdf",
        std::process::id(),
        bytes.len()
    ));
    std::fs::write(&tmp, bytes).map_err(|source| ImportError::Io {
        path: tmp.clone(),
        source,
    })?;
    let read = crate::ocr::read_pages(&tmp, pages, limit);
    // A file left behind in the temporary directory is harmless.
    std::fs::remove_file(&tmp).ok();
    Ok(read)
}

/// A WebAssembly module has no programs to run and no filesystem: a scan
/// is refused, OCR is the host's.
#[cfg(target_os = "wasi")]
fn ocr_bytes(
    _bytes: &[u8],
    _pages: &[u32],
    _limit: std::time::Duration,
) -> Result<Result<Vec<crate::ocr::ScannedPage>, crate::ocr::OcrError>, ImportError> {
    Ok(Err(crate::ocr::OcrError::EngineMissing {
        program: "tesseract".into(),
        package: "tesseract-ocr-vie on the host (a WebAssembly module cannot run OCR)".into(),
    }))
}

/// Imports an Excel workbook's task tables (see [`xlsx`](crate::xlsx)):
/// the sheets as text, then the text as a plan; each obligation's place is
/// its sheet, rows and task column.
///
/// # Errors
///
/// [`ImportError::Xlsx`] when the bytes are not a workbook (or exceed the
/// archive limits of [`ImportOptions::docx`]), [`ImportError::XlsxCell`]
/// for a bad cell, with its sheet, row and column; then as
/// [`import_text_with`].
pub fn import_xlsx_bytes(
    bytes: &[u8],
    source: &str,
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    if bytes.len() > options.max_bytes {
        return Err(ImportError::TooLarge {
            file: source.to_string(),
            size: bytes.len(),
            max: options.max_bytes,
        });
    }
    let workbook_error = |message: String| ImportError::Xlsx {
        file: source.to_string(),
        message,
    };
    crate::xlsx::check_archive(bytes, &options.docx).map_err(workbook_error)?;
    let limits = crate::xlsx::CellLimits {
        max_cell_bytes: options.max_line_bytes,
        max_cells: options.max_table_cells,
    };
    let sheets = crate::xlsx::workbook_text(bytes, limits).map_err(|e| match e {
        crate::xlsx::ReadError::Workbook(m) => workbook_error(m),
        crate::xlsx::ReadError::Cell(c) => ImportError::XlsxCell {
            file: source.to_string(),
            sheet: c.sheet,
            row: c.row,
            column: c.column,
            message: c.message,
        },
    })?;
    let options = ImportOptions {
        whole_rows: true,
        ..options.clone()
    };
    let mut import = import_text_with(&sheets.text, source, &options)?;
    for o in &mut import.plan.obligations {
        o.source.place = sheets.place(o.source.line_start, o.source.line_end);
    }
    for u in &mut import.unattributed {
        u.place = sheets.place(u.line, u.line);
    }
    import.warnings.extend(sheets.warnings);
    Ok(import)
}

/// Sets the place of each obligation read from a Word document: its body
/// paragraphs, or its table rows and the cell holding its text.
fn docx_places(plan: &mut Plan, text: &str, places: &[crate::docx::DocxLine]) {
    use crate::docx::DocxLine;
    use obligraph_core::Place;
    let lines: Vec<&str> = text.split('\n').collect();
    let at = |l: u32| {
        usize::try_from(l)
            .ok()
            .and_then(|l| l.checked_sub(1))
            .and_then(|i| places.get(i).copied())
    };
    for o in &mut plan.obligations {
        let (start, end) = (
            o.source.line_start,
            o.source.line_end.max(o.source.line_start),
        );
        let Some(first) = (start..=end).find_map(at) else {
            continue;
        };
        o.source.place = Some(match first {
            DocxLine::Paragraph(p) => {
                let last = (start..=end)
                    .rev()
                    .find_map(|l| match at(l) {
                        Some(DocxLine::Paragraph(q)) => Some(q),
                        _ => None,
                    })
                    .unwrap_or(p);
                Place::Paragraphs {
                    first: p,
                    last: last.max(p),
                }
            }
            DocxLine::Row { table, row } => {
                let last = (start..=end)
                    .rev()
                    .find_map(|l| match at(l) {
                        Some(DocxLine::Row { table: t, row: r }) if t == table => Some(r),
                        _ => None,
                    })
                    .unwrap_or(row);
                let first_line = (start..=end)
                    .find(|&l| matches!(at(l), Some(DocxLine::Row { .. })))
                    .and_then(|l| usize::try_from(l).ok())
                    .and_then(|l| l.checked_sub(1))
                    .and_then(|i| lines.get(i).copied())
                    .unwrap_or_default();
                Place::TableRows {
                    table,
                    first: row,
                    last: last.max(row),
                    cell: text_cell(first_line, &o.text),
                }
            }
        });
    }
}

/// The place of one line of the text made of a Word document.
fn docx_place(line: u32, places: &[crate::docx::DocxLine]) -> Option<obligraph_core::Place> {
    use crate::docx::DocxLine;
    use obligraph_core::Place;
    let i = usize::try_from(line).ok()?.checked_sub(1)?;
    Some(match places.get(i)? {
        DocxLine::Paragraph(p) => Place::Paragraphs {
            first: *p,
            last: *p,
        },
        DocxLine::Row { table, row } => Place::TableRows {
            table: *table,
            first: *row,
            last: *row,
            cell: None,
        },
    })
}

/// The cell (1-based) of a tab-separated row line whose text opens the
/// obligation's text: the cell a reader looks at.
fn text_cell(line: &str, text: &str) -> Option<u32> {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = flat(text);
    let opening: String = text.chars().take(24).collect();
    if opening.chars().count() < 4 {
        return None;
    }
    line.split('\t')
        .position(|c| flat(c).contains(&opening))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or(&[]);
        let valid = std::str::from_utf8(valid).unwrap_or("");
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ImportError::InvalidUtf8 {
            file: file.to_string(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    })
}

/// Loads a plan saved as JSON: a serialized [`Plan`], or an [`Import`]
/// (an object with a `"plan"` member, as `obligraph import --json`
/// writes). A bare plan comes back with no unattributed lines and zero
/// stats.
///
/// `source` names the input in errors. Errors ([`ImportError::Json`])
/// carry the line and column and say what was expected there.
///
/// ```
/// use obligraph_vn::{import_json, ImportError};
/// let import = import_json(r#"{"number": "74/KH-UBND", "title": "Kế hoạch"}"#, "plan.json").unwrap();
/// assert_eq!(import.plan.number.as_deref(), Some("74/KH-UBND"));
/// let again = import_json(&serde_json::to_string(&import).unwrap(), "import.json").unwrap();
/// assert_eq!(again, import);
///
/// let err = import_json("{\n  \"plan\": [1]\n}", "bad.json").unwrap_err();
/// assert!(matches!(err, ImportError::Json { line: 2, .. }));
/// assert!(err.to_string().contains("`bad.json`"));
/// assert!(err.to_string().contains("expected"), "{err}");
/// ```
pub fn import_json(text: &str, source: &str) -> Result<Import, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| json_error(&e, source))?;
    // Parse the text again (not the value) so that errors carry positions.
    if value.get("plan").is_some() {
        let import: Import = serde_json::from_str(text).map_err(|e| json_error(&e, source))?;
        return Ok(import);
    }
    let plan: Plan = serde_json::from_str(text).map_err(|e| json_error(&e, source))?;
    Ok(Import {
        plan,
        ..Import::default()
    })
}

fn json_error(e: &serde_json::Error, file: &str) -> ImportError {
    let full = e.to_string();
    // serde_json appends " at line L column C": the variant has its own.
    let position = format!(" at line {} column {}", e.line(), e.column());
    let mut message = full.strip_suffix(&position).unwrap_or(&full).to_string();
    if e.is_eof() {
        message.push_str(" (the text ends before the JSON value is complete)");
    }
    ImportError::Json {
        file: file.to_string(),
        line: u32::try_from(e.line()).unwrap_or(u32::MAX),
        column: u32::try_from(e.column()).unwrap_or(u32::MAX),
        message,
    }
}
