//! Errors of the document importer.

use std::path::PathBuf;

/// Why a document could not be imported.
///
/// Every variant that concerns the input names the file, and, where the
/// problem sits at a place in the text, its line and column (1-based).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The input is larger than [`ImportOptions::max_bytes`](crate::ImportOptions::max_bytes).
    #[error("`{file}` is {size} bytes, more than the limit of {max} bytes")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size in bytes.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// A source line is longer than
    /// [`ImportOptions::max_line_bytes`](crate::ImportOptions::max_line_bytes).
    #[error(
        "`{file}` line {line}, column {column}: the line is {bytes} bytes long, more than the limit of {max} bytes (expected lines of at most {max} bytes)"
    )]
    LineTooLong {
        /// The file.
        file: String,
        /// The line (1-based).
        line: u32,
        /// Column (1-based, in characters) of the first byte over the limit.
        column: u32,
        /// The line's length in bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// The document's tables hold more cells than
    /// [`ImportOptions::max_table_cells`](crate::ImportOptions::max_table_cells).
    #[error(
        "`{file}` line {line}, column {column}: the tables reach {cells} cells here, more than the limit of {max} (expected at most {max} table cells in the document)"
    )]
    TooManyCells {
        /// The file.
        file: String,
        /// Line of the table row that crosses the limit.
        line: u32,
        /// Column (1-based, in characters) of the first cell over the limit.
        column: u32,
        /// Cells counted up to the end of that row.
        cells: usize,
        /// The limit.
        max: usize,
    },
    /// A section is nested deeper than
    /// [`ImportOptions::max_depth`](crate::ImportOptions::max_depth).
    #[error(
        "`{file}` line {line}, column {column}: the section heading is nested {depth} levels deep, more than the limit of {max} (expected sections at most {max} levels deep)"
    )]
    TooDeep {
        /// The file.
        file: String,
        /// Line of the first heading too deep.
        line: u32,
        /// Column (1-based, in characters) of the heading.
        column: u32,
        /// Its depth (a top-level section is at depth 1).
        depth: usize,
        /// The limit.
        max: usize,
    },
    /// The document holds more obligations than
    /// [`ImportOptions::max_obligations`](crate::ImportOptions::max_obligations).
    #[error(
        "`{file}` line {line}, column {column}: the document has {obligations} obligations, more than the limit of {max} (expected at most {max} obligations; this line starts the first one over it)"
    )]
    TooManyObligations {
        /// The file.
        file: String,
        /// Line where the first obligation over the limit starts.
        line: u32,
        /// Column (1-based, in characters) where that line's text starts.
        column: u32,
        /// Obligations in the document.
        obligations: usize,
        /// The limit.
        max: usize,
    },
    /// The file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("`{file}` is not valid UTF-8 at line {line}, column {column}")]
    InvalidUtf8 {
        /// The file.
        file: String,
        /// Line of the first invalid byte.
        line: u32,
        /// Column (in characters) of the first invalid byte.
        column: u32,
    },
    /// A `.json` input is not a serialized plan or import.
    ///
    /// The message says what the reader expected there ("expected `,` or
    /// `}`", "invalid type: string \"x\", expected a date", "missing field
    /// `title`").
    #[error("`{file}` is not a plan in JSON at line {line}, column {column}: {message}")]
    Json {
        /// The file.
        file: String,
        /// Line of the error (1-based).
        line: u32,
        /// Column of the error (1-based, in bytes as serde_json counts).
        column: u32,
        /// What went wrong and what was expected, without the position.
        message: String,
    },
    /// A `.docx` input could not be read.
    ///
    /// The typed [`DocxError`](crate::docx::DocxError) is kept (and is the
    /// [`source`](std::error::Error::source)), so that the limit exceeded
    /// or the line and column of malformed XML can be matched on.
    #[error("cannot read the Word document `{file}`: {source}")]
    Docx {
        /// The file.
        file: String,
        /// What went wrong.
        #[source]
        source: crate::docx::DocxError,
    },
    /// A `.pdf` input could not be read.
    ///
    /// The typed [`PdfError`](crate::pdf::PdfError) is kept (and is the
    /// [`source`](std::error::Error::source)): a malformed file, an
    /// encrypted one, one with no pages.
    #[error("cannot read the PDF `{file}`: {source}")]
    Pdf {
        /// The file.
        file: String,
        /// What went wrong.
        #[source]
        source: crate::pdf::PdfError,
    },
    /// A `.pdf` input has no text layer and OCR could not read it.
    ///
    /// The typed [`OcrError`](crate::ocr::OcrError) says which program or
    /// language data is missing, or on which page a program failed.
    #[error("cannot read the scanned PDF `{file}`: {source}")]
    Ocr {
        /// The file.
        file: String,
        /// What went wrong.
        #[source]
        source: crate::ocr::OcrError,
    },
    /// An `.xlsx` input is not a workbook the reader can open.
    #[error("cannot read the Excel workbook `{file}`: {message}")]
    Xlsx {
        /// The file.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// A cell of an `.xlsx` input holds what its column cannot (an error
    /// value, a date outside the deadline column, a number where agencies
    /// are named, too much text).
    #[error("`{file}` sheet `{sheet}`, cell {column}{row}: {message}")]
    XlsxCell {
        /// The file.
        file: String,
        /// The sheet's name.
        sheet: String,
        /// The row, as the spreadsheet numbers it (1-based).
        row: u32,
        /// The column's letters (`A`, `AB`).
        column: String,
        /// What is wrong, and what was expected.
        message: String,
    },
    /// The file's extension is not one the importer reads.
    #[error(
        "`{file}` has an unsupported extension `{extension}` (expected .txt, .md, .docx, .xlsx, .pdf or .json)"
    )]
    UnsupportedFormat {
        /// The file.
        file: String,
        /// The extension found.
        extension: String,
    },
}
