//! Read Word (`.docx`) plans directly, as the same line-oriented text the
//! corpus extractions give.
//!
//! A `.docx` file is a zip archive; the body of the document is the
//! WordprocessingML part `word/document.xml` (or the part the package
//! relationships `_rels/.rels` name as the office document).
//! [`docx_to_text`] streams that part with `quick-xml` and writes:
//!
//! - one line per body paragraph (`w:p`), empty paragraphs as empty lines;
//! - one line per table row (`w:tr`), its cells separated by a tab, like the
//!   appendix rows of the text extractions;
//! - inside a cell, its paragraphs joined with a space; a list paragraph
//!   (a bullet, in a cell or in the body) starts with `- `, a numbered one
//!   with its number as Word renders it (`1.`, `a)`, `II.`), computed from
//!   `word/numbering.xml` and the paragraph styles of `word/styles.xml`.
//!
//! The text is returned in Unicode NFC: Word and other writers can store
//! Vietnamese decomposed (NFD), and the importer expects composed text.
//!
//! # Tables
//!
//! - **Merged cells.** A cell spanning several grid columns (`w:gridSpan`)
//!   is followed by empty cells so that every row has as many cells as the
//!   table grid and columns line up with the header. A cell continuing a
//!   vertical merge (`w:vMerge` without `restart`) is an empty cell. Rows
//!   that skip grid columns (`w:gridBefore`, `w:gridAfter`) get empty cells
//!   there too.
//! - **Rows split across pages.** Word keeps a row that breaks across a page
//!   as one `w:tr`, so it comes out as one line; nothing is glued back.
//! - **Repeated header rows.** A header row (`w:tblHeader`) is stored once
//!   and repeated by Word on every page only when rendering, so it is written
//!   once. Should a file store the same row marked as header several times
//!   (converted from PDF, say), the repetitions are dropped; unmarked
//!   repetitions are kept for the importer, as in the text extractions.
//! - **Nested tables** are flattened into the text of the enclosing cell: one
//!   paragraph per nested row, its non-empty cells joined with a space.
//!
//! Inside a paragraph, a tab (`w:tab`) and a line break (`w:br`, `w:cr`)
//! become a space, since a tab separates cells and a line ends a paragraph.
//! Leading and trailing spaces of a `w:t` are kept only when it says
//! `xml:space="preserve"`, as Word does; lines are trimmed at both ends.
//!
//! # Not read
//!
//! Footnotes, endnotes, comments, page headers and footers live in other
//! parts of the archive and are ignored, as are deleted text of tracked
//! changes (`w:delText`), field codes (`w:instrText`; the field's displayed
//! result is read), the fallback copy of alternate content (`mc:Fallback`),
//! and DrawingML text (charts, SmartArt). Text boxes in the body are read,
//! joined to the paragraph that anchors them. Numbering counts each list
//! instance (`w:num`) on its own from its level's start; overrides
//! (`w:lvlOverride`) and legal-style numbering (`w:isLgl`) are not read.
//!
//! # Hostile input
//!
//! Any byte string gives text or a [`DocxError`], never a panic. The reader
//! expands only the five XML built-in entities and character references (no
//! DTD, no external entities) and enforces [`DocxLimits`]: the declared and
//! the actual decompressed size of the parts read, their compression ratio
//! (zip bombs), the depth of XML nesting and the number of table cells.
//!
//! # Example
//!
//! ```
//! use obligraph_vn::docx::{docx_to_text, DocxError};
//!
//! // Not a zip archive at all.
//! let err = docx_to_text("Kế hoạch số 74/KH-UBND".as_bytes()).unwrap_err();
//! assert!(matches!(err, DocxError::NotZip { .. }));
//! ```

use std::collections::HashMap;
use std::fmt;
use std::io::{Cursor, Read};

use crate::import::text::roman_numeral;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The main document part of a WordprocessingML package as Word names it;
/// the package relationships (`_rels/.rels`) may name another, which is
/// then read instead.
pub const DOCUMENT_PART: &str = "word/document.xml";
const STYLES_PART: &str = "word/styles.xml";
const NUMBERING_PART: &str = "word/numbering.xml";

/// WordprocessingML namespace (transitional, as Word writes it).
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// WordprocessingML namespace of ISO/IEC 29500 strict documents.
const W_NS_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility namespace (`mc:AlternateContent`).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Below this many decompressed bytes a part is never refused for its
/// compression ratio: a small, very repetitive part is harmless.
pub const RATIO_GRACE_BYTES: u64 = 1 << 20;

/// Resource limits applied while reading a `.docx` file.
///
/// The defaults accept any real plan with a wide margin (the Đồng Nai plan,
/// 57 KB of text, makes a `.docx` whose three parts read total 0.46 MB,
/// compressed 8× for `document.xml` and 29× for python-docx's `styles.xml`)
/// and refuse zip bombs and pathological XML quickly.
///
/// # Example
///
/// ```
/// use obligraph_vn::docx::DocxLimits;
///
/// let strict = DocxLimits { max_decompressed_bytes: 8 << 20, ..DocxLimits::default() };
/// assert_eq!(strict.max_ratio, DocxLimits::default().max_ratio);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxLimits {
    /// Most bytes decompressed from the archive, all parts read together
    /// (declared sizes are checked before reading, actual sizes while
    /// reading). Default 256 MiB.
    pub max_decompressed_bytes: u64,
    /// Highest decompressed / compressed size ratio of a part larger than
    /// [`RATIO_GRACE_BYTES`]. Default 200 (WordprocessingML usually
    /// compresses 5–30×; zip bombs reach 1,000× and more).
    pub max_ratio: u64,
    /// Deepest XML element nesting. Default 256 (a body paragraph sits at
    /// depth 3, a paragraph in a table cell at depth 6, each nested table
    /// adds 3 or 4).
    pub max_xml_depth: usize,
    /// Most table cells in the document, merged cells counted per grid
    /// column. Default 1,000,000.
    pub max_cells: usize,
}

impl Default for DocxLimits {
    fn default() -> Self {
        Self {
            max_decompressed_bytes: 256 << 20,
            max_ratio: 200,
            max_xml_depth: 256,
            max_cells: 1_000_000,
        }
    }
}

/// Which of the [`DocxLimits`] a file exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocxLimit {
    /// The size a part declares in the zip directory.
    DeclaredSize,
    /// The bytes actually decompressed.
    DecompressedSize,
    /// Decompressed size over compressed size.
    CompressionRatio,
    /// XML element nesting.
    XmlDepth,
    /// Number of table cells.
    Cells,
}

impl fmt::Display for DocxLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::DeclaredSize => "declared decompressed size",
            Self::DecompressedSize => "decompressed size",
            Self::CompressionRatio => "compression ratio",
            Self::XmlDepth => "XML nesting depth",
            Self::Cells => "table cell count",
        })
    }
}

/// Why a `.docx` file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocxError {
    /// The bytes are not a zip archive (a `.docx` file is one).
    #[error("not a zip archive, so not a .docx file: {reason}")]
    NotZip {
        /// What the zip reader said.
        reason: String,
    },
    /// The archive has no `word/document.xml`.
    #[error("the archive has no `word/document.xml`: not a Word document")]
    MissingDocument,
    /// A part could not be decompressed (corrupt data, unsupported method,
    /// encryption).
    #[error("cannot decompress `{part}`: {reason}")]
    Zip {
        /// The part, e.g. `word/document.xml`.
        part: String,
        /// What the zip reader said.
        reason: String,
    },
    /// A part is not UTF-8.
    #[error("`{part}` is not UTF-8 at line {line}, column {column}")]
    NotUtf8 {
        /// The part.
        part: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
    },
    /// A part is not well-formed XML.
    #[error("malformed XML in `{part}` at line {line}, column {column}: {message}")]
    Xml {
        /// The part.
        part: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The zip or XML reader failed on damaged data of a part (a panic in
    /// the dependency, caught): the file is damaged, never the program.
    #[error("damaged `{part}`: the {reader} reader failed on its data ({reason})")]
    Damaged {
        /// The part, or `zip directory` for the archive's own directory.
        part: String,
        /// Which reader failed: `zip` or `XML`.
        reader: &'static str,
        /// What the reader said when it failed.
        reason: String,
    },
    /// A part exceeded one of the [`DocxLimits`].
    #[error("`{part}` exceeds the {limit} limit: {value} > {max}")]
    LimitExceeded {
        /// The part.
        part: String,
        /// Which limit.
        limit: DocxLimit,
        /// The value reached (for the actual decompressed size: the first
        /// value found over the limit, not the whole size).
        value: u64,
        /// The limit.
        max: u64,
    },
}

/// Converts a `.docx` file to text with the default [`DocxLimits`].
///
/// See the [module documentation](self) for the shape of the text.
///
/// # Errors
///
/// [`DocxError`] when the bytes are not a zip archive, have no
/// `word/document.xml`, hold malformed XML, or exceed a limit.
///
/// # Example
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let bytes = std::fs::read(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../../tests/fixtures/docx/merged-cells.docx"
/// ))?;
/// let text = obligraph_vn::docx::docx_to_text(&bytes)?;
/// // Every table row has as many tab-separated cells as the header.
/// let rows: Vec<&str> = text.lines().filter(|l| l.contains('\t')).collect();
/// assert!(rows.iter().all(|r| r.split('\t').count() == 6));
/// # Ok(())
/// # }
/// ```
pub fn docx_to_text(bytes: &[u8]) -> Result<String, DocxError> {
    docx_to_text_with(bytes, &DocxLimits::default())
}

/// Converts a `.docx` file to text under the given limits.
///
/// # Errors
///
/// As [`docx_to_text`]; [`DocxError::LimitExceeded`] names the limit.
///
/// # Example
///
/// ```
/// use obligraph_vn::docx::{docx_to_text_with, DocxLimits};
///
/// let limits = DocxLimits { max_xml_depth: 64, ..DocxLimits::default() };
/// assert!(docx_to_text_with(&[], &limits).is_err());
/// ```
pub fn docx_to_text_with(bytes: &[u8], limits: &DocxLimits) -> Result<String, DocxError> {
    docx_to_lines(bytes, limits).map(|(text, _)| text)
}

/// Where a line of the text made of a Word document comes from, in the
/// terms a Word user sees (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocxLine {
    /// A body paragraph, counted over the body (empty ones too, those in
    /// tables not).
    Paragraph(u32),
    /// A row of a body table (tables nested in cells are not counted; rows
    /// counted in their table, header rows included).
    Row {
        /// The table.
        table: u32,
        /// The row.
        row: u32,
    },
}

/// [`docx_to_text_with`], and the place of each line of the text.
pub(crate) fn docx_to_lines(
    bytes: &[u8],
    limits: &DocxLimits,
) -> Result<(String, Vec<DocxLine>), DocxError> {
    let mut archive = guarded(ZIP_DIRECTORY, "zip", || {
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip {
            reason: e.to_string(),
        })
    })?;
    let mut budget = limits.max_decompressed_bytes;
    let main = guarded(RELS, "XML", || main_part(&mut archive, limits, &mut budget))?;
    let document =
        read_part(&mut archive, &main, limits, &mut budget)?.ok_or(DocxError::MissingDocument)?;
    let styles = read_part(&mut archive, STYLES_PART, limits, &mut budget)?;
    let numbering = read_part(&mut archive, NUMBERING_PART, limits, &mut budget)?;

    let mut lists = ListDefinitions::default();
    if let Some(raw) = &styles {
        let text = part_text(STYLES_PART, raw)?;
        guarded(STYLES_PART, "XML", || lists.read_styles(text, limits))?;
    }
    if let Some(raw) = &numbering {
        let text = part_text(NUMBERING_PART, raw)?;
        guarded(NUMBERING_PART, "XML", || lists.read_numbering(text, limits))?;
    }
    let text = part_text(&main, &document)?;
    let (out, places) = guarded(&main, "XML", || {
        Converter::new(&main, &lists, limits).run(text)
    })?;
    let out = match is_nfc_quick(out.chars()) {
        IsNormalized::Yes => out,
        _ => out.nfc().collect(),
    };
    Ok((out, places))
}

/// The name of the main document part: the target of the package's
/// `officeDocument` relationship (`_rels/.rels`) when it names a part of the
/// archive, else [`DOCUMENT_PART`].
fn main_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    limits: &DocxLimits,
    budget: &mut u64,
) -> Result<String, DocxError> {
    let Some(raw) = read_part(archive, RELS, limits, budget)? else {
        return Ok(DOCUMENT_PART.to_owned());
    };
    let text = part_text(RELS, &raw)?;
    let mut reader = NsReader::from_str(text);
    let mut depth = 0usize;
    let mut target = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(RELS, text, reader.error_position(), e))?;
        let e = match event {
            Event::Start(e) => {
                depth = depth.saturating_add(1);
                if depth > limits.max_xml_depth {
                    return Err(depth_error(RELS, depth, limits));
                }
                e
            }
            Event::Empty(e) => e,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if e.local_name().as_ref() == "Relationship"
            && attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"))
            && attr(&e, "TargetMode").is_none_or(|m| m != "External")
        {
            target = attr(&e, "Target");
            break;
        }
    }
    Ok(target
        .map(|t| t.trim_start_matches('/').to_owned())
        .filter(|t| archive.index_for_name(t).is_some())
        .unwrap_or_else(|| DOCUMENT_PART.to_owned()))
}

/// The package relationships part, which names the main document part.
const RELS: &str = "_rels/.rels";

/// The name [`DocxError::Damaged`] gives the archive's own directory.
const ZIP_DIRECTORY: &str = "zip directory";

/// Runs a dependency's reader over one part, a panic in it caught and
/// made [`DocxError::Damaged`] naming the part (as the Excel reader's are:
/// a damaged file is an error, never a panic).
fn guarded<T>(
    part: &str,
    reader: &'static str,
    read: impl FnOnce() -> Result<T, DocxError>,
) -> Result<T, DocxError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|payload| {
        let reason = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        Err(DocxError::Damaged {
            part: part.to_owned(),
            reader,
            reason,
        })
    })
}

/// Reads one part of the archive, `None` when it is absent; a panic of the
/// zip reader on it is [`DocxError::Damaged`].
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &DocxLimits,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, DocxError> {
    guarded(name, "zip", || {
        read_part_unguarded(archive, name, limits, budget)
    })
}

/// [`read_part`], the zip reader's panics not caught.
fn read_part_unguarded(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &DocxLimits,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, DocxError> {
    let zip_error = |e: &dyn fmt::Display| DocxError::Zip {
        part: name.to_owned(),
        reason: e.to_string(),
    };
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(&e)),
    };
    let limit = |limit, value, max| DocxError::LimitExceeded {
        part: name.to_owned(),
        limit,
        value,
        max,
    };
    let declared = file.size();
    let compressed = file.compressed_size().max(1);
    if declared > *budget {
        return Err(limit(
            DocxLimit::DeclaredSize,
            declared,
            limits.max_decompressed_bytes,
        ));
    }
    let ratio_of = |size: u64| size / compressed;
    if declared > RATIO_GRACE_BYTES && ratio_of(declared) > limits.max_ratio {
        return Err(limit(
            DocxLimit::CompressionRatio,
            ratio_of(declared),
            limits.max_ratio,
        ));
    }
    // The declared size may lie: read at most one byte past what is allowed,
    // in chunks, checking the ratio as the data comes.
    let allowed = *budget;
    let mut taken = file.take(allowed.saturating_add(1));
    let capacity = usize::try_from(declared.min(allowed).min(64 << 20)).unwrap_or(0);
    let mut data = Vec::with_capacity(capacity);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = taken.read(&mut chunk).map_err(|e| zip_error(&e))?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(chunk.get(..n).unwrap_or_default());
        let size = data.len() as u64;
        if size > allowed {
            return Err(limit(
                DocxLimit::DecompressedSize,
                size,
                limits.max_decompressed_bytes,
            ));
        }
        if size > RATIO_GRACE_BYTES && ratio_of(size) > limits.max_ratio {
            return Err(limit(
                DocxLimit::CompressionRatio,
                ratio_of(size),
                limits.max_ratio,
            ));
        }
    }
    *budget = budget.saturating_sub(data.len() as u64);
    Ok(Some(data))
}

/// Checks that a part is UTF-8 and drops a byte order mark.
fn part_text<'a>(part: &str, raw: &'a [u8]) -> Result<&'a str, DocxError> {
    let text = std::str::from_utf8(raw).map_err(|e| {
        let (line, column) = line_column(raw, e.valid_up_to());
        DocxError::NotUtf8 {
            part: part.to_owned(),
            line,
            column,
        }
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(raw: &[u8], offset: usize) -> (usize, usize) {
    let before = raw.get(..offset).unwrap_or(raw);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before
        .get(line_start..)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

fn xml_error(part: &str, text: &str, offset: u64, message: impl fmt::Display) -> DocxError {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    let (line, column) = line_column(text.as_bytes(), offset);
    DocxError::Xml {
        part: part.to_owned(),
        line,
        column,
        message: message.to_string(),
    }
}

fn depth_error(part: &str, depth: usize, limits: &DocxLimits) -> DocxError {
    DocxError::LimitExceeded {
        part: part.to_owned(),
        limit: DocxLimit::XmlDepth,
        value: depth as u64,
        max: limits.max_xml_depth as u64,
    }
}

/// Where an element name belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

fn namespace(resolved: &ResolveResult<'_>) -> Ns {
    match resolved {
        ResolveResult::Bound(ns) if ns.0 == W_NS || ns.0 == W_NS_STRICT => Ns::W,
        ResolveResult::Bound(ns) if ns.0 == MC_NS => Ns::Mc,
        _ => Ns::Other,
    }
}

/// The value of the attribute with this local name (`w:val`, `xml:space`).
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// `w:val` of an on/off property: absent, `1`, `true` or `on` mean on.
fn on_off(e: &BytesStart<'_>) -> bool {
    attr(e, "val").is_none_or(|v| matches!(v.as_str(), "1" | "true" | "on"))
}

/// A numeric `w:val`, `None` when absent or not a number.
fn num_val(e: &BytesStart<'_>) -> Option<u32> {
    attr(e, "val").and_then(|v| v.trim().parse().ok())
}

/// Text of a built-in entity or character reference.
pub(crate) fn resolve_reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

// ---------------------------------------------------------------------------
// List numbering (numbering.xml, styles.xml)

/// How a list level shows its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumFormat {
    Bullet,
    None,
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
}

impl NumFormat {
    fn parse(value: &str) -> Self {
        match value {
            "bullet" => Self::Bullet,
            "none" => Self::None,
            "decimalZero" => Self::DecimalZero,
            "lowerLetter" => Self::LowerLetter,
            "upperLetter" => Self::UpperLetter,
            "lowerRoman" => Self::LowerRoman,
            "upperRoman" => Self::UpperRoman,
            _ => Self::Decimal,
        }
    }

    fn render(self, n: u32, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            Self::Bullet | Self::None => {}
            Self::Decimal => {
                let _ = write!(out, "{n}");
            }
            Self::DecimalZero => {
                let _ = write!(out, "{n:02}");
            }
            Self::LowerLetter | Self::UpperLetter => {
                // Word: a … z, aa … zz, aaa …
                if n > 0 {
                    let base = if self == Self::LowerLetter {
                        b'a'
                    } else {
                        b'A'
                    };
                    let letter = char::from(base + ((n - 1) % 26) as u8);
                    let times = ((n - 1) / 26 + 1).min(16);
                    for _ in 0..times {
                        out.push(letter);
                    }
                }
            }
            Self::LowerRoman | Self::UpperRoman => {
                let roman = if n == 0 || n > 3999 {
                    n.to_string()
                } else {
                    roman_numeral(n)
                };
                if self == Self::LowerRoman {
                    out.push_str(&roman.to_lowercase());
                } else {
                    out.push_str(&roman);
                }
            }
        }
    }
}

const LEVELS: usize = 9;

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: NumFormat,
    text: String,
}

impl Default for Level {
    fn default() -> Self {
        Self {
            start: 1,
            format: NumFormat::Decimal,
            text: String::new(),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct StyleNumbering {
    num_id: Option<u32>,
    level: Option<u32>,
    based_on: Option<String>,
}

/// List definitions of a document: numbering instances, abstract
/// definitions, and the numbering paragraph styles carry.
#[derive(Debug, Default)]
struct ListDefinitions {
    /// numId → abstractNumId.
    nums: HashMap<u32, u32>,
    /// abstractNumId → levels.
    abstracts: HashMap<u32, Vec<Level>>,
    /// styleId → numbering of the style.
    styles: HashMap<String, StyleNumbering>,
}

/// Walks the elements of a small XML part (styles, numbering), calling
/// `f(path, element)` at each element start with the local names of the
/// open WordprocessingML elements down to it (other namespaces appear as
/// empty names).
fn walk_w_elements(
    part: &str,
    text: &str,
    limits: &DocxLimits,
    mut f: impl FnMut(&[String], &BytesStart<'_>),
) -> Result<(), DocxError> {
    let mut reader = NsReader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    loop {
        let event = reader.read_resolved_event();
        let (ns, event) = match event {
            Ok((resolved, event)) => (namespace(&resolved), event),
            Err(e) => return Err(xml_error(part, text, reader.error_position(), e)),
        };
        let (e, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                path.pop();
                continue;
            }
            Event::Eof => return Ok(()),
            _ => continue,
        };
        if path.len() + 1 > limits.max_xml_depth {
            return Err(depth_error(part, path.len() + 1, limits));
        }
        let name = if ns == Ns::W {
            e.local_name().as_ref().to_owned()
        } else {
            String::new()
        };
        path.push(name);
        f(&path, &e);
        if empty {
            path.pop();
        }
    }
}

impl ListDefinitions {
    fn read_styles(&mut self, text: &str, limits: &DocxLimits) -> Result<(), DocxError> {
        let mut current: Option<String> = None;
        let styles = &mut self.styles;
        walk_w_elements(STYLES_PART, text, limits, |path, e| {
            let names: Vec<&str> = path.iter().map(String::as_str).collect();
            match names.as_slice() {
                [.., "styles", "style"] => {
                    current = attr(e, "styleId");
                }
                [.., "style", "basedOn"] => {
                    if let Some(id) = &current {
                        styles.entry(id.clone()).or_default().based_on = attr(e, "val");
                    }
                }
                [.., "style", "pPr", "numPr", "numId"] => {
                    if let Some(id) = &current {
                        styles.entry(id.clone()).or_default().num_id = num_val(e);
                    }
                }
                [.., "style", "pPr", "numPr", "ilvl"] => {
                    if let Some(id) = &current {
                        styles.entry(id.clone()).or_default().level = num_val(e);
                    }
                }
                _ => {}
            }
        })
    }

    fn level_mut(
        abstracts: &mut HashMap<u32, Vec<Level>>,
        abstract_id: Option<u32>,
        level: usize,
    ) -> Option<&mut Level> {
        abstracts.get_mut(&abstract_id?)?.get_mut(level)
    }

    fn read_numbering(&mut self, text: &str, limits: &DocxLimits) -> Result<(), DocxError> {
        let mut abstract_id: Option<u32> = None;
        let mut level: usize = 0;
        let mut num_id: Option<u32> = None;
        let abstracts = &mut self.abstracts;
        let nums = &mut self.nums;
        walk_w_elements(NUMBERING_PART, text, limits, |path, e| {
            let names: Vec<&str> = path.iter().map(String::as_str).collect();
            match names.as_slice() {
                [.., "numbering", "abstractNum"] => {
                    abstract_id = attr(e, "abstractNumId").and_then(|v| v.parse().ok());
                    if let Some(id) = abstract_id {
                        abstracts.insert(id, vec![Level::default(); LEVELS]);
                    }
                }
                [.., "abstractNum", "lvl"] => {
                    level = attr(e, "ilvl")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(LEVELS);
                }
                [.., "abstractNum", "lvl", "start"] => {
                    if let (Some(l), Some(v)) =
                        (Self::level_mut(abstracts, abstract_id, level), num_val(e))
                    {
                        l.start = v;
                    }
                }
                [.., "abstractNum", "lvl", "numFmt"] => {
                    if let (Some(l), Some(v)) = (
                        Self::level_mut(abstracts, abstract_id, level),
                        attr(e, "val"),
                    ) {
                        l.format = NumFormat::parse(&v);
                    }
                }
                [.., "abstractNum", "lvl", "lvlText"] => {
                    if let (Some(l), Some(v)) = (
                        Self::level_mut(abstracts, abstract_id, level),
                        attr(e, "val"),
                    ) {
                        l.text = v;
                    }
                }
                [.., "numbering", "num"] => {
                    num_id = attr(e, "numId").and_then(|v| v.parse().ok());
                }
                [.., "numbering", "num", "abstractNumId"] => {
                    if let (Some(n), Some(a)) = (num_id, num_val(e)) {
                        nums.insert(n, a);
                    }
                }
                _ => {}
            }
        })
    }

    /// The numbering instance and level of a paragraph, following its style.
    fn numbering_of(&self, para: &Para) -> Option<(u32, usize)> {
        let mut num_id = para.num_id;
        let mut level = para.level;
        let mut style = para.style.as_deref();
        // Styles inherit through `basedOn`; a cycle or a long chain stops.
        for _ in 0..16 {
            if num_id.is_some() && level.is_some() {
                break;
            }
            let Some(s) = style.and_then(|id| self.styles.get(id)) else {
                break;
            };
            num_id = num_id.or(s.num_id);
            level = level.or(s.level);
            style = s.based_on.as_deref();
        }
        let num_id = num_id.filter(|&n| n != 0)?;
        let level = usize::try_from(level.unwrap_or(0))
            .unwrap_or(0)
            .min(LEVELS - 1);
        Some((num_id, level))
    }
}

/// Counters of the numbered lists met so far.
#[derive(Debug, Default)]
struct ListCounters {
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
}

impl ListCounters {
    /// The label of the next item of list `num_id` at `level`: `-` for a
    /// bullet, `1.`, `a)` … for numbers, empty for none.
    fn next_label(&mut self, lists: &ListDefinitions, num_id: u32, level: usize) -> String {
        let levels = lists.nums.get(&num_id).and_then(|a| lists.abstracts.get(a));
        let Some(levels) = levels else {
            // A list paragraph whose definition is missing: show it as a bullet.
            return "-".to_owned();
        };
        let def = levels.get(level).cloned().unwrap_or_default();
        if def.format == NumFormat::Bullet {
            return "-".to_owned();
        }
        let counters = self.counters.entry(num_id).or_insert([None; LEVELS]);
        if let Some(slot) = counters.get_mut(level) {
            *slot = Some(slot.map_or(def.start, |n| n.saturating_add(1)));
        }
        for slot in counters.iter_mut().skip(level + 1) {
            *slot = None;
        }
        let mut label = String::new();
        let mut chars = def.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = (d - 1) as usize;
                    let l = levels.get(i).cloned().unwrap_or_default();
                    let n = counters.get(i).copied().flatten().unwrap_or(l.start);
                    l.format.render(n, &mut label);
                }
                _ => label.push(c),
            }
        }
        label.trim().to_owned()
    }
}

// ---------------------------------------------------------------------------
// document.xml

/// An element of document.xml that matters, by its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Elem {
    P,
    PPr,
    NumPr,
    R,
    T,
    Tbl,
    Tr,
    TrPr,
    Tc,
    TcPr,
    Other,
}

#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<u32>,
    level: Option<u32>,
}

#[derive(Debug, Default)]
struct Table {
    /// Inside a cell or a text box: rows become paragraphs of the container.
    nested: bool,
    /// The table's number among the body's tables (0 when nested).
    index: u32,
    /// Rows met so far.
    rows: u32,
    nested_rows: Vec<String>,
    header_rows: Vec<Vec<String>>,
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
    header: bool,
    grid_before: u32,
    grid_after: u32,
}

/// A table cell. A cell continuing a vertical merge (`w:vMerge` without
/// `restart`) needs no flag: Word leaves its paragraph empty, so it comes
/// out as an empty cell; stray text in it is kept rather than lost.
#[derive(Debug)]
struct Cell {
    paragraphs: Vec<String>,
    span: u32,
}

#[derive(Debug)]
enum Frame {
    Para(Para),
    Table(Table),
    Row(Row),
    Cell(Cell),
}

struct Converter<'a> {
    /// Name of the part read, for errors.
    part: &'a str,
    lists: &'a ListDefinitions,
    counters: ListCounters,
    limits: &'a DocxLimits,
    out: String,
    frames: Vec<Frame>,
    elems: Vec<Elem>,
    /// Depth of the `mc:Fallback` being skipped.
    skip_from: Option<usize>,
    run_text: String,
    preserve: bool,
    cells: usize,
    /// The place of each line written to `out`.
    places: Vec<DocxLine>,
    paragraphs: u32,
    tables: u32,
}

impl<'a> Converter<'a> {
    fn new(part: &'a str, lists: &'a ListDefinitions, limits: &'a DocxLimits) -> Self {
        Self {
            part,
            lists,
            counters: ListCounters::default(),
            limits,
            out: String::new(),
            frames: Vec::new(),
            elems: Vec::new(),
            skip_from: None,
            run_text: String::new(),
            preserve: false,
            cells: 0,
            places: Vec::new(),
            paragraphs: 0,
            tables: 0,
        }
    }

    fn run(mut self, text: &str) -> Result<(String, Vec<DocxLine>), DocxError> {
        let mut reader = NsReader::from_str(text);
        loop {
            let (ns, event) = match reader.read_resolved_event() {
                Ok((resolved, event)) => (namespace(&resolved), event),
                Err(e) => return Err(xml_error(self.part, text, reader.error_position(), e)),
            };
            match event {
                Event::Start(e) => self.start(ns, &e, false)?,
                Event::Empty(e) => self.start(ns, &e, true)?,
                Event::End(_) => self.end()?,
                Event::Text(t) => self.text(&t),
                Event::CData(t) => self.text(&t),
                Event::GeneralRef(r)
                    if self.elems.last() == Some(&Elem::T) && self.skip_from.is_none() =>
                {
                    match resolve_reference(&r) {
                        Some(c) => self.run_text.push(c),
                        None => {
                            return Err(xml_error(
                                self.part,
                                text,
                                reader.buffer_position(),
                                format_args!("unknown entity `&{};`", &*r),
                            ))
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // Unclosed elements at the end of input are reported by quick-xml;
        // anything left here comes from a truncated but well-nested file.
        while !self.elems.is_empty() {
            self.end()?;
        }
        Ok((self.out, self.places))
    }

    fn parent(&self) -> Option<Elem> {
        self.elems.last().copied()
    }

    fn start(&mut self, ns: Ns, e: &BytesStart<'_>, empty: bool) -> Result<(), DocxError> {
        let depth = self.elems.len() + 1;
        if depth > self.limits.max_xml_depth {
            return Err(depth_error(self.part, depth, self.limits));
        }
        if self.skip_from.is_some() {
            if !empty {
                self.elems.push(Elem::Other);
            }
            return Ok(());
        }
        let parent = self.parent();
        let local = e.local_name();
        let elem = match (ns, local.as_ref()) {
            (Ns::W, "p") => {
                self.frames.push(Frame::Para(Para::default()));
                Elem::P
            }
            (Ns::W, "pPr") if parent == Some(Elem::P) => Elem::PPr,
            (Ns::W, "numPr") if parent == Some(Elem::PPr) => Elem::NumPr,
            (Ns::W, "pStyle") if parent == Some(Elem::PPr) => {
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    p.style = attr(e, "val");
                }
                Elem::Other
            }
            (Ns::W, "numId") if parent == Some(Elem::NumPr) => {
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    p.num_id = num_val(e);
                }
                Elem::Other
            }
            (Ns::W, "ilvl") if parent == Some(Elem::NumPr) => {
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    p.level = num_val(e);
                }
                Elem::Other
            }
            (Ns::W, "r") => Elem::R,
            (Ns::W, "t") if parent == Some(Elem::R) => {
                self.run_text.clear();
                self.preserve = attr(e, "space").as_deref() == Some("preserve");
                Elem::T
            }
            (Ns::W, "tab" | "br" | "cr") if parent == Some(Elem::R) => {
                self.push_run_text(" ");
                Elem::Other
            }
            (Ns::W, "noBreakHyphen") if parent == Some(Elem::R) => {
                self.push_run_text("-");
                Elem::Other
            }
            (Ns::W, "tbl") => {
                let nested = self
                    .frames
                    .iter()
                    .any(|f| matches!(f, Frame::Para(_) | Frame::Cell(_)));
                let index = if nested {
                    0
                } else {
                    self.tables = self.tables.saturating_add(1);
                    self.tables
                };
                self.frames.push(Frame::Table(Table {
                    nested,
                    index,
                    ..Table::default()
                }));
                Elem::Tbl
            }
            (Ns::W, "tr") => {
                self.frames.push(Frame::Row(Row::default()));
                Elem::Tr
            }
            (Ns::W, "trPr") if parent == Some(Elem::Tr) => Elem::TrPr,
            (Ns::W, "tblHeader") if parent == Some(Elem::TrPr) => {
                if let Some(Frame::Row(r)) = self.frames.last_mut() {
                    r.header = on_off(e);
                }
                Elem::Other
            }
            (Ns::W, "gridBefore" | "gridAfter") if parent == Some(Elem::TrPr) => {
                let before = local.as_ref() == "gridBefore";
                if let (Some(Frame::Row(r)), Some(n)) = (self.frames.last_mut(), num_val(e)) {
                    if before {
                        r.grid_before = n;
                    } else {
                        r.grid_after = n;
                    }
                }
                Elem::Other
            }
            (Ns::W, "tc") => {
                self.frames.push(Frame::Cell(Cell {
                    paragraphs: Vec::new(),
                    span: 1,
                }));
                Elem::Tc
            }
            (Ns::W, "tcPr") if parent == Some(Elem::Tc) => Elem::TcPr,
            (Ns::W, "gridSpan") if parent == Some(Elem::TcPr) => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    c.span = num_val(e).unwrap_or(1).max(1);
                }
                Elem::Other
            }
            (Ns::Mc, "Fallback") => {
                if !empty {
                    self.skip_from = Some(depth);
                }
                Elem::Other
            }
            _ => Elem::Other,
        };
        if empty {
            // `<w:p/>`, `<w:tc/>` …: open and close at once.
            if matches!(elem, Elem::P | Elem::Tbl | Elem::Tr | Elem::Tc | Elem::T) {
                self.elems.push(elem);
                self.end()?;
            }
        } else {
            self.elems.push(elem);
        }
        Ok(())
    }

    fn text(&mut self, t: &str) {
        if self.elems.last() == Some(&Elem::T) && self.skip_from.is_none() {
            self.run_text.push_str(t);
        }
    }

    fn push_run_text(&mut self, s: &str) {
        if let Some(Frame::Para(p)) = self.frames.last_mut() {
            p.text.push_str(s);
        }
    }

    fn end(&mut self) -> Result<(), DocxError> {
        let depth = self.elems.len();
        let Some(elem) = self.elems.pop() else {
            return Ok(());
        };
        if let Some(from) = self.skip_from {
            if depth == from {
                self.skip_from = None;
            }
            return Ok(());
        }
        match elem {
            Elem::T => {
                let mut t = std::mem::take(&mut self.run_text);
                if !self.preserve {
                    t = t.trim_matches([' ', '\t', '\n', '\r']).to_owned();
                }
                let t = t.replace(['\t', '\n', '\r'], " ");
                self.push_run_text(&t);
            }
            Elem::P => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    let line = self.paragraph_line(&p);
                    self.deliver_paragraph(line);
                }
            }
            Elem::Tc => {
                if let Some(Frame::Cell(c)) = self.frames.pop() {
                    self.end_cell(c)?;
                }
            }
            Elem::Tr => {
                if let Some(Frame::Row(r)) = self.frames.pop() {
                    self.end_row(r)?;
                }
            }
            Elem::Tbl => {
                if let Some(Frame::Table(t)) = self.frames.pop() {
                    for row in t.nested_rows {
                        self.deliver_paragraph(row);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn paragraph_line(&mut self, p: &Para) -> String {
        let text = p.text.trim();
        let label = match self.lists.numbering_of(p) {
            Some((num_id, level)) => self.counters.next_label(self.lists, num_id, level),
            None => String::new(),
        };
        if label.is_empty() || text.is_empty() {
            text.to_owned()
        } else {
            format!("{label} {text}")
        }
    }

    /// Gives a finished paragraph to its container: the enclosing cell or
    /// text-box paragraph, else the body.
    fn deliver_paragraph(&mut self, line: String) {
        for frame in self.frames.iter_mut().rev() {
            match frame {
                Frame::Cell(c) => {
                    c.paragraphs.push(line);
                    return;
                }
                Frame::Para(p) => {
                    if !line.is_empty() {
                        if !p.text.is_empty() && !p.text.ends_with(' ') {
                            p.text.push(' ');
                        }
                        p.text.push_str(&line);
                    }
                    return;
                }
                Frame::Table(_) | Frame::Row(_) => {}
            }
        }
        self.out.push_str(&line);
        self.out.push('\n');
        self.paragraphs = self.paragraphs.saturating_add(1);
        self.places.push(DocxLine::Paragraph(self.paragraphs));
    }

    fn count_cells(&mut self, n: u64) -> Result<(), DocxError> {
        let total = (self.cells as u64).saturating_add(n);
        if total > self.limits.max_cells as u64 {
            return Err(DocxError::LimitExceeded {
                part: self.part.to_owned(),
                limit: DocxLimit::Cells,
                value: total,
                max: self.limits.max_cells as u64,
            });
        }
        self.cells = usize::try_from(total).unwrap_or(usize::MAX);
        Ok(())
    }

    fn end_cell(&mut self, c: Cell) -> Result<(), DocxError> {
        self.count_cells(u64::from(c.span))?;
        let mut text = String::new();
        for p in c.paragraphs.iter().filter(|p| !p.is_empty()) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(p);
        }
        if let Some(Frame::Row(r)) = self.frames.last_mut() {
            r.cells.push(text);
            for _ in 1..c.span {
                r.cells.push(String::new());
            }
        } else {
            // A cell outside a row is malformed; keep its text.
            self.deliver_paragraph(text);
        }
        Ok(())
    }

    fn end_row(&mut self, r: Row) -> Result<(), DocxError> {
        self.count_cells(u64::from(r.grid_before) + u64::from(r.grid_after))?;
        let mut cells = Vec::with_capacity(r.cells.len());
        cells.extend((0..r.grid_before).map(|_| String::new()));
        cells.extend(r.cells);
        cells.extend((0..r.grid_after).map(|_| String::new()));
        let Some(Frame::Table(t)) = self.frames.last_mut() else {
            // A row outside a table is malformed; keep its text.
            let line = join_nonempty(&cells);
            self.deliver_paragraph(line);
            return Ok(());
        };
        t.rows = t.rows.saturating_add(1);
        if r.header {
            if t.header_rows.contains(&cells) {
                return Ok(());
            }
            t.header_rows.push(cells.clone());
        }
        if t.nested {
            t.nested_rows.push(join_nonempty(&cells));
        } else {
            self.out.push_str(&cells.join("\t"));
            self.out.push('\n');
            self.places.push(DocxLine::Row {
                table: t.index,
                row: t.rows,
            });
        }
        Ok(())
    }
}

fn join_nonempty(cells: &[String]) -> String {
    let mut s = String::new();
    for c in cells.iter().filter(|c| !c.is_empty()) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(c);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_reader_is_a_typed_error_naming_the_part() {
        let err =
            guarded::<()>(NUMBERING_PART, "XML", || panic!("index out of bounds")).unwrap_err();
        assert_eq!(
            err,
            DocxError::Damaged {
                part: NUMBERING_PART.to_owned(),
                reader: "XML",
                reason: "index out of bounds".to_owned(),
            }
        );
        assert!(err.to_string().contains("word/numbering.xml"), "{err}");
        let n = 3;
        let err = guarded::<()>(ZIP_DIRECTORY, "zip", || panic!("overflow at {n}")).unwrap_err();
        assert!(err.to_string().contains("overflow at 3"), "{err}");
        assert_eq!(guarded(RELS, "XML", || Ok(7)), Ok(7));
    }

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\nđồng x";
        let offset = text.find('x').unwrap_or(0);
        assert_eq!(line_column(text.as_bytes(), offset), (2, 6));
        assert_eq!(line_column(b"", 0), (1, 1));
    }

    #[test]
    fn references() {
        assert_eq!(resolve_reference("amp"), Some('&'));
        assert_eq!(resolve_reference("#x1EA1"), Some('ạ'));
        assert_eq!(resolve_reference("#273"), Some('đ'));
        assert_eq!(resolve_reference("#0"), None);
        assert_eq!(resolve_reference("nbsp"), None);
    }

    #[test]
    fn number_formats() {
        let render = |f: NumFormat, n| {
            let mut s = String::new();
            f.render(n, &mut s);
            s
        };
        assert_eq!(render(NumFormat::UpperRoman, 14), "XIV");
        assert_eq!(render(NumFormat::LowerLetter, 28), "bb");
        assert_eq!(render(NumFormat::DecimalZero, 6), "06");
    }
}
