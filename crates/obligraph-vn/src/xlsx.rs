//! Excel (`.xlsx`) task tables: read with [`calamine`], written with
//! [`rust_xlsxwriter`].
//!
//! # Reading
//!
//! Officials keep a plan's appendix as a workbook: on each sheet a few
//! title rows, then a header row (STT · Nội dung nhiệm vụ · Cơ quan chủ
//! trì · Cơ quan phối hợp · Thời gian hoàn thành · Kết quả/Sản phẩm, in any
//! order, with any others beside), then one row per task, sections as
//! rows of their own. The reader turns the workbook into the same text a
//! Word table gives (one line per row, cells separated by tabs), which the
//! importer then reads as it reads a `.docx` or `.txt` plan: the roles in
//! the cells go through the same agency and role readers, so the same
//! table gives the same plan.
//!
//! - **Header.** The header row is the first row that names the task
//!   column and at least two other columns, by the words of
//!   [`TABLE_HEADER_WORDS`](crate::lexicon::TABLE_HEADER_WORDS) (not by
//!   its position). Rows above it are title rows, read as paragraphs. A
//!   row right under it that only numbers the columns ("(1) (2) (3)") is
//!   skipped.
//! - **Sheets.** Each sheet with a header is a part of the plan: every
//!   sheet after the first opens an appendix of its own ("PHỤ LỤC 2")
//!   unless its title rows already do. A sheet without a header is
//!   skipped with an [`ImportWarning`](crate::ImportWarning).
//! - **Merged cells.** A region spanning several rows fills each row's
//!   cell in the lead, support, deadline and output columns (one lead cell
//!   for a group of tasks); in the number and task columns it stays in its
//!   first row (one task written over several rows). A region spanning
//!   several columns keeps its text in its first column. A row whose only
//!   text is in its first column (a merged section row, "I. CÔNG TÁC
//!   TUYÊN TRUYỀN") puts that text in the task column, its number in STT.
//! - **Values.** Numbers are written as Excel shows them without a format
//!   (`1`, `1.2`), dates as `dd/mm/yyyy`, line breaks inside a cell as
//!   spaces.
//! - **Whole rows.** A spreadsheet's rows are never cut by a page break,
//!   so the repairs the text path tries on a table (moving a lowercase
//!   fragment that opens a numbered row's cell to the row above) are not
//!   tried; a row with an empty STT still continues the row above, as on
//!   the text path.
//! - **Sparse.** Cells are read one by one and only the non-empty ones
//!   kept, counted against
//!   [`ImportOptions::max_table_cells`](crate::ImportOptions::max_table_cells)
//!   with the merged cells they fill; a cell far down a sheet costs one
//!   cell, not the grid up to it.
//!
//! # Bad cells
//!
//! A cell holding an error value (`#REF!`, `#N/A`), a true/false value or
//! a date outside the deadline column, a number in an agency column, or
//! more text than the importer's line limit gives
//! [`ImportError::XlsxCell`](crate::ImportError::XlsxCell) with the file,
//! sheet, row and column.
//!
//! # Locations
//!
//! Each obligation's [`SourceSpan::place`](obligraph_core::SourceSpan) is
//! a [`Place::SheetRows`]: the sheet, the rows, and the task column, shown
//! `Sheet1!B7`.
//!
//! # Writing
//!
//! [`assignment_table`] writes the assignment table of any plan: the six
//! columns above, one row per obligation, sections as rows, numbered so
//! that reading the file back gives the same tree.

use crate::import::text::roman_numeral;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use obligraph_core::{column_letters, Place, Plan, Role};

use crate::lexicon::{table_column, TableColumn};

/// Where a cell is, for errors: sheet name, row and column as Excel shows
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    pub sheet: String,
    pub row: u32,
    pub column: String,
    pub message: String,
}

/// Why a workbook could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadError {
    Workbook(String),
    Cell(CellError),
}

/// Where a line of the text made of a workbook came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineCell {
    /// Index into [`SheetText::sheets`].
    pub sheet: usize,
    /// Row, 1-based.
    pub row: u32,
    /// Column shown for it (the task column of a task row), 1-based.
    pub column: u32,
}

/// A workbook as the importer's text, with the cell of each line.
#[derive(Debug, Clone, Default)]
pub(crate) struct SheetText {
    pub text: String,
    /// The cell of line `i + 1` (`None` for a line the reader added).
    pub lines: Vec<Option<LineCell>>,
    pub sheets: Vec<String>,
    pub warnings: Vec<crate::ImportWarning>,
}

impl SheetText {
    fn push(&mut self, line: &str, cell: Option<LineCell>) {
        self.text.push_str(line);
        self.text.push('\n');
        self.lines.push(cell);
    }

    /// The place of lines `start..=end` (1-based): the rows of the sheet
    /// of the first line, in its column.
    pub(crate) fn place(&self, start: u32, end: u32) -> Option<Place> {
        let at = |l: u32| {
            self.lines
                .get(usize::try_from(l).ok()?.checked_sub(1)?)
                .copied()
                .flatten()
        };
        let first = (start..=end).find_map(at)?;
        let last = (start..=end)
            .rev()
            .filter_map(at)
            .find(|c| c.sheet == first.sheet)
            .unwrap_or(first);
        Some(Place::SheetRows {
            sheet: self.sheets.get(first.sheet)?.clone(),
            first: first.row,
            last: last.row.max(first.row),
            column: first.column,
        })
    }
}

/// Checks the archive before the workbook reader decompresses it: the
/// declared sizes of its parts against `limits.max_decompressed_bytes` and
/// their compression ratio against `limits.max_ratio` (zip bombs), as the
/// `.docx` reader does while it reads.
pub(crate) fn check_archive(bytes: &[u8], limits: &crate::docx::DocxLimits) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a zip archive, so not an .xlsx file: {e}"))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let part = archive
            .by_index_raw(i)
            .map_err(|e| format!("cannot read the archive's directory: {e}"))?;
        let size = part.size();
        total = total.saturating_add(size);
        if total > limits.max_decompressed_bytes {
            return Err(format!(
                "the parts declare {total} bytes decompressed, more than the limit of {}",
                limits.max_decompressed_bytes
            ));
        }
        let ratio = size / part.compressed_size().max(1);
        if size > crate::docx::RATIO_GRACE_BYTES && ratio > limits.max_ratio {
            return Err(format!(
                "`{}` is compressed {ratio}×, more than the limit of {}×",
                part.name().unwrap_or_default(),
                limits.max_ratio
            ));
        }
    }
    Ok(())
}

/// Limits checked while reading cells.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellLimits {
    pub max_cell_bytes: usize,
    pub max_cells: usize,
}

const COLUMNS: [TableColumn; 6] = [
    TableColumn::Number,
    TableColumn::Task,
    TableColumn::Lead,
    TableColumn::Support,
    TableColumn::Deadline,
    TableColumn::Output,
];

/// The header this module writes for each column, and the one it puts in
/// the text when a sheet has no number column.
fn header_word(c: TableColumn) -> &'static str {
    match c {
        TableColumn::Number => "STT",
        TableColumn::Task => "Nội dung nhiệm vụ",
        TableColumn::Lead => "Cơ quan chủ trì",
        TableColumn::Support => "Cơ quan phối hợp",
        TableColumn::Deadline => "Thời gian hoàn thành",
        _ => "Kết quả/Sản phẩm",
    }
}

/// Reads a workbook's sheets as the importer's text.
///
/// Cells are read one by one and kept sparse (a sheet with one cell at
/// A1 and one at XFD1048576 holds two), counted against
/// `limits.max_cells` as they come, merged regions too.
pub(crate) fn workbook_text(bytes: &[u8], limits: CellLimits) -> Result<SheetText, ReadError> {
    // The workbook reader can panic on damaged cell data (calamine 0.38
    // multiplies a cell reference's digits without a check): a damaged
    // file is an error, never a panic.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook(bytes, limits)
    }))
    .unwrap_or_else(|_| {
        Err(ReadError::Workbook(
            "damaged workbook: the Excel reader failed on its cell data".to_string(),
        ))
    })
}

/// [`workbook_text`], the reader's panics not caught; a sheet whose
/// reading panics is named in the error.
fn read_workbook(bytes: &[u8], limits: CellLimits) -> Result<SheetText, ReadError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ReadError::Workbook(format!("not an Excel workbook: {e}")))?;
    let names = book.sheet_names();
    let mut out = SheetText {
        sheets: names.clone(),
        ..SheetText::default()
    };
    let mut budget = Budget {
        seen: 0,
        max: limits.max_cells,
    };
    let mut parts = 0u32;
    // Hidden sheets (scratch work, old versions, lookup lists) are not the
    // plan a reader sees: skipped, and said so.
    let hidden: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|m| m.visible != calamine::SheetVisible::Visible)
        .map(|m| m.name.clone())
        .collect();
    for (si, name) in names.iter().enumerate() {
        if hidden.contains(name) {
            out.warnings.push(crate::ImportWarning::HiddenSheetSkipped {
                sheet: name.clone(),
            });
            continue;
        }
        let sheet = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Sheet::read(&mut book, name, si, &mut budget)
        }))
        .unwrap_or_else(|_| {
            Err(ReadError::Workbook(format!(
                "damaged workbook: the Excel reader failed on the cell data of sheet '{name}'"
            )))
        })?;
        let Some(header) = sheet.header_row() else {
            out.warnings.push(crate::ImportWarning::SheetSkipped {
                sheet: name.clone(),
            });
            continue;
        };
        parts += 1;
        sheet.write(&mut out, header, parts, limits)?;
    }
    Ok(out)
}

/// Cells read so far, merged cells included, and the most allowed.
struct Budget {
    seen: usize,
    max: usize,
}

impl Budget {
    fn take(&mut self, sheet: &str, (row, col): (u32, u32)) -> Result<(), ReadError> {
        self.seen = self.seen.saturating_add(1);
        if self.seen > self.max {
            return Err(ReadError::Cell(CellError {
                sheet: sheet.to_string(),
                row: row.saturating_add(1),
                column: column_letters(col.saturating_add(1)),
                message: format!(
                    "the workbook reaches {} cells here, merged cells counted, more than the limit of {} (expected at most {} table cells)",
                    self.seen, self.max, self.max
                ),
            }));
        }
        Ok(())
    }
}

/// One sheet's non-empty cells, merged regions resolved. Rows and columns
/// are the sheet's (0-based).
struct Sheet<'a> {
    name: &'a str,
    index: usize,
    cells: BTreeMap<(u32, u32), Data>,
    /// Rows holding a cell, in order.
    rows: Vec<u32>,
    /// The leftmost column holding a cell.
    left: u32,
    /// Cell → the first cell of the merged region it belongs to, and
    /// whether the region spans rows.
    merged: HashMap<(u32, u32), ((u32, u32), bool)>,
}

impl<'a> Sheet<'a> {
    fn read(
        book: &mut Xlsx<Cursor<&[u8]>>,
        name: &'a str,
        index: usize,
        budget: &mut Budget,
    ) -> Result<Self, ReadError> {
        let sheet_error =
            |e: &dyn fmt::Display| ReadError::Workbook(format!("cannot read sheet `{name}`: {e}"));
        let mut cells = BTreeMap::new();
        {
            let mut reader = book
                .worksheet_cells_reader(name)
                .map_err(|e| sheet_error(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| sheet_error(&e))? {
                let value: Data = cell.get_value().clone().into();
                if value == Data::Empty {
                    continue;
                }
                budget.take(name, cell.get_position())?;
                cells.insert(cell.get_position(), value);
            }
        }
        let regions = book.merge_cells_by_sheet_name(name).map_err(|e| {
            ReadError::Workbook(format!(
                "cannot read the merged cells of sheet `{name}`: {e}"
            ))
        })?;
        let rows: Vec<u32> = {
            let mut r: Vec<u32> = cells.keys().map(|(r, _)| *r).collect();
            r.dedup();
            r
        };
        let left = cells.keys().map(|(_, c)| *c).min().unwrap_or(0);
        let right = cells.keys().map(|(_, c)| *c).max().unwrap_or(0);
        // Regions are expanded over the rows that hold cells and the
        // columns up to the rightmost cell: nothing else is read.
        let mut merged = HashMap::new();
        for d in &regions {
            let vertical = d.end.0 > d.start.0;
            let from = rows.partition_point(|&r| r < d.start.0);
            for &r in rows.get(from..).unwrap_or_default() {
                if r > d.end.0 {
                    break;
                }
                for c in d.start.1..=d.end.1.min(right) {
                    if (r, c) != d.start {
                        budget.take(name, (r, c))?;
                        merged.insert((r, c), (d.start, vertical));
                    }
                }
            }
        }
        Ok(Sheet {
            name,
            index,
            cells,
            rows,
            left,
            merged,
        })
    }

    /// The cells of row `r`, left to right.
    fn row(&self, r: u32) -> impl Iterator<Item = (u32, &Data)> {
        self.cells
            .range((r, 0)..=(r, u32::MAX))
            .map(|((_, c), v)| (*c, v))
    }

    fn raw(&self, row: u32, col: u32) -> Option<&Data> {
        self.cells.get(&(row, col))
    }

    fn bad(&self, row: u32, col: u32, message: impl Into<String>) -> ReadError {
        ReadError::Cell(CellError {
            sheet: self.name.to_string(),
            row: row.saturating_add(1),
            column: column_letters(col.saturating_add(1)),
            message: message.into(),
        })
    }

    /// The text of a cell as Excel shows it; `kind` is the column it is
    /// read as (`None` for title rows and columns the importer ignores).
    fn text(&self, row: u32, col: u32, kind: Option<TableColumn>) -> Result<String, ReadError> {
        let Some(v) = self.raw(row, col) else {
            return Ok(String::new());
        };
        let agencies = matches!(kind, Some(TableColumn::Lead | TableColumn::Support));
        Ok(match v {
            Data::Empty => String::new(),
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s
                .split(['\n', '\r', '\t'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            Data::Int(n) if agencies => {
                return Err(self.bad(
                    row,
                    col,
                    format!("expected agency names, found the number {n}"),
                ))
            }
            Data::Float(x) if agencies => {
                return Err(self.bad(
                    row,
                    col,
                    format!("expected agency names, found the number {x}"),
                ))
            }
            Data::Int(n) => n.to_string(),
            Data::Float(x) => x.to_string(),
            Data::Bool(b) => {
                return Err(self.bad(
                    row,
                    col,
                    format!(
                        "expected text, found the value {}",
                        if *b { "TRUE" } else { "FALSE" }
                    ),
                ))
            }
            Data::DateTime(d) => {
                if kind.is_some() && kind != Some(TableColumn::Deadline) {
                    return Err(self.bad(
                        row,
                        col,
                        "expected text, found a date (a date belongs in the deadline column)",
                    ));
                }
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                format!("{day:02}/{m:02}/{y}")
            }
            Data::Error(e) => {
                return Err(self.bad(
                    row,
                    col,
                    format!("the cell holds the error value {e}, expected text"),
                ))
            }
        })
    }

    /// The first row naming the task column and two others.
    fn header_row(&self) -> Option<u32> {
        self.rows.iter().copied().find(|&r| {
            let found: Vec<TableColumn> = self
                .row(r)
                .filter_map(|(_, v)| match v {
                    Data::String(s) => table_column(s),
                    _ => None,
                })
                .collect();
            found.contains(&TableColumn::Task) && found.len() >= 3
        })
    }

    fn write(
        &self,
        out: &mut SheetText,
        header: u32,
        part: u32,
        limits: CellLimits,
    ) -> Result<(), ReadError> {
        let line_cell = |row: u32, col: u32| LineCell {
            sheet: self.index,
            row: row.saturating_add(1),
            column: col.saturating_add(1),
        };
        // Title rows: one paragraph per non-empty cell.
        let mut titles: Vec<(String, LineCell)> = Vec::new();
        for &r in self.rows.iter().take_while(|&&r| r < header) {
            for (c, _) in self.row(r) {
                let t = self.checked(r, c, None, limits)?;
                if !t.is_empty() && !self.merged.contains_key(&(r, c)) {
                    titles.push((t, line_cell(r, c)));
                }
            }
        }
        let opens_appendix = titles
            .first()
            .is_some_and(|(t, _)| crate::import::text::key(t).starts_with("phu luc"));
        if part > 1 && !opens_appendix {
            out.push(&format!("PHỤ LỤC {part}"), None);
        }
        for (t, at) in titles {
            out.push(&t, Some(at));
        }

        // Columns of the header row, each read once (a column named twice,
        // two "Thời gian" columns, is read in the first).
        let mut columns: Vec<(u32, TableColumn)> = Vec::new();
        for (c, v) in self.row(header) {
            if let Some(k) = match v {
                Data::String(s) => table_column(s),
                _ => None,
            } {
                if !columns.iter().any(|(_, x)| *x == k) {
                    columns.push((c, k));
                }
            }
        }
        let kind_of = |c: u32| columns.iter().find(|(x, _)| *x == c).map(|(_, k)| *k);
        let column_of = |k: TableColumn| columns.iter().find(|(_, x)| *x == k).map(|(c, _)| *c);
        let number = column_of(TableColumn::Number);
        let task_col = column_of(TableColumn::Task).unwrap_or(self.left);
        // The number column first (as the importer expects), then the
        // others in the sheet's order; `None`: no number column.
        let order: Vec<Option<u32>> = std::iter::once(number)
            .chain(
                columns
                    .iter()
                    .filter(|(_, k)| *k != TableColumn::Number)
                    .map(|(c, _)| Some(*c)),
            )
            .collect();
        let header_cells: Vec<&str> = order
            .iter()
            .map(|c| header_word(c.and_then(kind_of).unwrap_or(TableColumn::Number)))
            .collect();
        out.push(&header_cells.join("\t"), Some(line_cell(header, task_col)));

        let mut data_rows = self.rows.iter().copied().filter(|&r| r > header).peekable();
        if data_rows.peek().is_some_and(|&r| self.numbers_columns(r)) {
            data_rows.next();
        }
        // The last number read in the STT column, to read a number typed
        // as a decimal the way the rows count (see `decimal_stt`).
        let mut prev_stt = String::new();
        for r in data_rows {
            let mut cells = Vec::with_capacity(order.len());
            for c in &order {
                cells.push(match c {
                    Some(c) => self.cell(r, *c, kind_of(*c), limits)?,
                    None => String::new(),
                });
            }
            if let Some(n) = number {
                if let (Some(Data::Float(_)), Some(first)) = (self.raw(r, n), cells.first_mut()) {
                    if let Some(fixed) = decimal_stt(&prev_stt, first) {
                        *first = fixed;
                    }
                }
                if let Some(first) = cells.first().filter(|t| !t.is_empty()) {
                    prev_stt.clone_from(first);
                }
            }
            // Text only in the sheet's first column (a merged section
            // row, a note): its number in STT, the rest in the task column.
            let first_text = self.checked(r, self.left, None, limits)?;
            let others_empty = order
                .iter()
                .zip(&cells)
                .all(|(c, t)| *c == Some(self.left) || t.is_empty());
            let numbered =
                number == Some(self.left) && crate::import::text::stt_marker(&first_text).is_some();
            if others_empty && !first_text.is_empty() && !numbered {
                let (num, rest) = split_number(&first_text);
                cells = vec![String::new(); order.len()];
                if let Some(c) = cells.get_mut(0) {
                    *c = num.to_string();
                }
                if let Some(c) = order
                    .iter()
                    .position(|c| *c == Some(task_col))
                    .and_then(|i| cells.get_mut(i))
                {
                    *c = rest.to_string();
                }
            }
            if cells.iter().all(String::is_empty) {
                continue;
            }
            out.push(&cells.join("\t"), Some(line_cell(r, task_col)));
        }
        Ok(())
    }

    /// A cell's text with the merged regions filled as the module doc
    /// says.
    fn cell(
        &self,
        r: u32,
        c: u32,
        kind: Option<TableColumn>,
        limits: CellLimits,
    ) -> Result<String, ReadError> {
        if let Some(&((sr, sc), vertical)) = self.merged.get(&(r, c)) {
            let fills = vertical
                && sc == c
                && matches!(
                    kind,
                    Some(
                        TableColumn::Lead
                            | TableColumn::Support
                            | TableColumn::Deadline
                            | TableColumn::Output
                    )
                );
            if !fills {
                return Ok(String::new());
            }
            return self.checked(sr, sc, kind, limits);
        }
        self.checked(r, c, kind, limits)
    }

    fn checked(
        &self,
        r: u32,
        c: u32,
        kind: Option<TableColumn>,
        limits: CellLimits,
    ) -> Result<String, ReadError> {
        let t = self.text(r, c, kind)?;
        if t.len() > limits.max_cell_bytes {
            return Err(self.bad(
                r,
                c,
                format!(
                    "the cell holds {} bytes of text, more than the limit of {} (expected at most {} bytes in a cell)",
                    t.len(),
                    limits.max_cell_bytes,
                    limits.max_cell_bytes
                ),
            ));
        }
        Ok(t)
    }

    /// Whether row `r` only numbers the columns: "1 2 3 4 5 6" or
    /// "(1) (2) (3) …".
    fn numbers_columns(&self, r: u32) -> bool {
        let mut n = 0;
        for (_, v) in self.row(r) {
            match v {
                Data::Int(_) | Data::Float(_) => n += 1,
                Data::String(s) => {
                    let t = s.trim().trim_start_matches('(').trim_end_matches(')');
                    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
                        return false;
                    }
                    n += 1;
                }
                _ => return false,
            }
        }
        n >= 3
    }
}

/// An STT typed as a number: Excel keeps 2.10 as the number 2.1 (and
/// shows "2.1" unless the cell's format gives two decimals, which calamine
/// does not report). The rows count on, so "2.1" right after "2.9" is row
/// 2.10, and "2.2" after "2.19" row 2.20: `read` is taken as the next
/// number after `prev` when its decimals, with a zero added, are. Any other
/// number is kept as read, a limit: row 2.10 whose row above is not 2.9
/// (a gap, a row above typed as text) still reads "2.1".
fn decimal_stt(prev: &str, read: &str) -> Option<String> {
    let (p_int, p_dec) = prev.trim_end_matches('.').split_once('.')?;
    let (r_int, r_dec) = read.split_once('.')?;
    if p_int != r_int || p_dec.is_empty() || r_dec.is_empty() {
        return None;
    }
    let p: u32 = p_dec.parse().ok()?;
    let widened = format!("{r_dec}0");
    let q: u32 = widened.parse().ok()?;
    (q == p.checked_add(1)?).then(|| format!("{r_int}.{widened}"))
}

/// "I. CÔNG TÁC TUYÊN TRUYỀN" → ("I", "CÔNG TÁC TUYÊN TRUYỀN"); a text
/// without a leading number → ("", text).
fn split_number(text: &str) -> (&str, &str) {
    let t = text.trim();
    let token = t.split_whitespace().next().unwrap_or_default();
    let head = token.trim_end_matches(['.', ')']);
    let rest = t.get(token.len()..).unwrap_or_default().trim();
    if !head.is_empty() && crate::import::text::stt_marker(head).is_some() && !rest.is_empty() {
        (head, rest)
    } else {
        ("", t)
    }
}

// ---------------------------------------------------------------------------
// Writing

/// Why the assignment table could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the Excel workbook: {message}")]
#[non_exhaustive]
pub struct XlsxWriteError {
    /// What the writer said.
    pub message: String,
}

fn write_error(e: impl fmt::Display) -> XlsxWriteError {
    XlsxWriteError {
        message: e.to_string(),
    }
}

/// One row of the table: its number, a heading or an obligation.
struct OutRow<'p> {
    number: String,
    heading: Option<&'p str>,
    obligation: Option<&'p obligraph_core::Obligation>,
}

/// The rows of `plan` in document order: each section that holds an
/// obligation (its own or a subsection's), then its obligations and
/// subsections, numbered I, II … at the top and 1, 1.1, 1.1.1 … below, so
/// that the importer reads the same tree back. An obligation with a
/// section's id (an appendix row that is both a heading and a task) is
/// written on the section's row.
fn table_rows(plan: &Plan) -> Vec<OutRow<'_>> {
    use obligraph_core::{Obligation, Section};
    #[derive(Clone, Copy)]
    enum Node<'p> {
        Section(&'p Section),
        Obligation(&'p Obligation),
    }
    struct Tree<'p> {
        children: HashMap<Option<&'p str>, Vec<Node<'p>>>,
        on_row: HashMap<&'p str, &'p Obligation>,
    }
    impl<'p> Tree<'p> {
        /// Whether section `id` holds an obligation somewhere below.
        fn holds(&self, id: &str, depth: u32) -> bool {
            self.on_row.contains_key(id)
                || depth < 64
                    && self.children.get(&Some(id)).is_some_and(|v| {
                        v.iter().any(|n| match n {
                            Node::Obligation(_) => true,
                            Node::Section(s) => self.holds(&s.id, depth + 1),
                        })
                    })
        }

        fn walk(&self, parent: Option<&'p str>, prefix: &[u32], out: &mut Vec<OutRow<'p>>) {
            let Some(nodes) = self.children.get(&parent) else {
                return;
            };
            let mut k = 0u32;
            for n in nodes {
                let (heading, obligation, section_id) = match *n {
                    Node::Section(s) => {
                        if !self.holds(&s.id, 0) || prefix.len() > 30 {
                            continue;
                        }
                        let o = self.on_row.get(s.id.as_str()).copied();
                        (Some(s.title.as_str()), o, Some(s.id.as_str()))
                    }
                    Node::Obligation(o) => {
                        if self.on_row.contains_key(o.id.as_str()) {
                            continue;
                        }
                        (None, Some(o), None)
                    }
                };
                k += 1;
                let mut path = prefix.to_vec();
                path.push(k);
                let number = match path.as_slice() {
                    [top] => roman_numeral(*top),
                    [_, rest @ ..] => rest
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join("."),
                    [] => String::new(),
                };
                out.push(OutRow {
                    number,
                    heading,
                    obligation,
                });
                if let Some(id) = section_id {
                    self.walk(Some(id), &path, out);
                }
            }
        }
    }
    let known: std::collections::HashSet<&str> =
        plan.sections.iter().map(|s| s.id.as_str()).collect();
    let mut children: HashMap<Option<&str>, Vec<Node<'_>>> = HashMap::new();
    let mut on_row = HashMap::new();
    for s in &plan.sections {
        let parent = s
            .parent
            .as_deref()
            .filter(|p| known.contains(p) && *p != s.id);
        children.entry(parent).or_default().push(Node::Section(s));
    }
    for o in &plan.obligations {
        if known.contains(o.id.as_str()) {
            on_row.entry(o.id.as_str()).or_insert(o);
            continue;
        }
        let parent = o.section.as_deref().filter(|p| known.contains(p));
        children
            .entry(parent)
            .or_default()
            .push(Node::Obligation(o));
    }
    let line_of = |n: &Node<'_>| match n {
        Node::Section(s) => (s.line, 0u8),
        Node::Obligation(o) => (o.source.line_start, 1),
    };
    for v in children.values_mut() {
        v.sort_by_key(line_of);
    }
    let tree = Tree { children, on_row };
    let mut out = Vec::new();
    tree.walk(None, &[], &mut out);
    out
}

/// The names of the agencies given `role`, one per line: "Đề nghị " before
/// a requested one, the scope note after in parentheses. Roles a body item
/// carries from the appendix rows under its heading
/// ([`obligraph_core::Obligation::roles_from`]) are left to those rows,
/// which the table lists with them: written at the body item too, they
/// would be read back as its own.
fn agencies(o: &obligraph_core::Obligation, role: Role) -> String {
    o.own_assignments()
        .iter()
        .filter(|a| a.role == role)
        .map(|a| {
            let mut s = String::new();
            if a.requested {
                s.push_str("Đề nghị ");
            }
            s.push_str(&a.agency.name);
            if let Some(scope) = &a.scope {
                s.push_str(&format!(" ({scope})"));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(";\n")
}

/// Writes the assignment table of `plan` as an `.xlsx` workbook: a title
/// row, the header (STT · Nội dung nhiệm vụ · Cơ quan chủ trì · Cơ quan
/// phối hợp · Thời gian hoàn thành · Kết quả/Sản phẩm), then one row per
/// obligation and one per section that holds obligations, in bold.
///
/// # Errors
///
/// [`XlsxWriteError`] when the writer refuses the workbook (a cell over
/// Excel's 32,767 characters).
///
/// # Example
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let text = "II. NHIỆM VỤ\n1. Rà soát văn bản (Sở Tư pháp chủ trì; Công an tỉnh phối hợp; hằng năm).\n";
/// let import = obligraph_vn::import_text(text, "kh.txt")?;
/// let bytes = obligraph_vn::xlsx::assignment_table(&import.plan)?;
/// let back = obligraph_vn::import_xlsx_bytes(&bytes, "kh.xlsx", &Default::default())?;
/// let o = &back.plan.obligations[0];
/// assert!(o.text.starts_with("Rà soát văn bản"));
/// assert_eq!(o.leads().next().map(|a| a.agency.name.as_str()), Some("Sở Tư pháp"));
/// assert_eq!(o.source.place.as_ref().map(ToString::to_string).as_deref(), Some("'Phân công'!B7")); // under the titles, the header and the section row
/// # Ok(())
/// # }
/// ```
pub fn assignment_table(plan: &Plan) -> Result<Vec<u8>, XlsxWriteError> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET_NAME).map_err(write_error)?;
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let bold = wrap.clone().set_bold();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let widths = [6.0, 60.0, 28.0, 36.0, 20.0, 30.0];
    for (c, w) in (0u16..).zip(widths) {
        sheet.set_column_width(c, w).map_err(write_error)?;
    }
    for (r, line) in (0u32..).zip(title_rows(plan)) {
        sheet
            .merge_range(r, 0, r, 5, &line, &title)
            .map_err(write_error)?;
    }
    let header_row = 4u32;
    for (c, k) in (0u16..).zip(COLUMNS) {
        sheet
            .write_string_with_format(header_row, c, header_word(k), &bold)
            .map_err(write_error)?;
    }
    sheet
        .set_freeze_panes(header_row + 1, 0)
        .map_err(write_error)?;
    let mut r = header_row;
    for row in table_rows(plan) {
        r += 1;
        let o = row.obligation;
        let task = o.map_or(row.heading.unwrap_or_default(), |o| o.text.as_str());
        let cells = [
            row.number.clone(),
            task.to_string(),
            o.map(|o| agencies(o, Role::Lead)).unwrap_or_default(),
            o.map(|o| agencies(o, Role::Support)).unwrap_or_default(),
            o.and_then(|o| o.own_deadline_text())
                .unwrap_or_default()
                .to_string(),
            o.and_then(|o| o.output.clone()).unwrap_or_default(),
        ];
        let format = if row.heading.is_some() { &bold } else { &wrap };
        for (c, text) in (0u16..).zip(cells) {
            sheet
                .write_string_with_format(r, c, &text, format)
                .map_err(write_error)?;
        }
    }
    book.save_to_buffer().map_err(write_error)
}

/// The rows above the table: "PHỤ LỤC", "BẢNG PHÂN CÔNG NHIỆM VỤ" and the
/// plan it comes with, "(Kèm theo Kế hoạch số 74/KH-UBND ngày 05/02/2026
/// của Ủy ban nhân dân tỉnh Đồng Nai)", which the importer reads back as
/// the plan's number, date and issuer.
fn title_rows(plan: &Plan) -> [String; 3] {
    let mut with = String::from("(Kèm theo ");
    match &plan.number {
        Some(n) => {
            let kind = if n.contains("/QĐ") {
                "Quyết định"
            } else {
                "Kế hoạch"
            };
            with.push_str(&format!("{kind} số {n}"));
        }
        None => with.push_str(&plan.label()),
    }
    if let Some(d) = plan.date {
        with.push_str(&d.format(" ngày %d/%m/%Y").to_string());
    }
    if let Some(i) = &plan.issuer {
        with.push_str(&format!(" của {i}"));
    }
    with.push(')');
    [
        "PHỤ LỤC".to_string(),
        "BẢNG PHÂN CÔNG NHIỆM VỤ".to_string(),
        with,
    ]
}

/// The name of the sheet [`assignment_table`] writes.
pub const SHEET_NAME: &str = "Phân công";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_rows_split_their_number() {
        assert_eq!(split_number("I. CÔNG TÁC"), ("I", "CÔNG TÁC"));
        assert_eq!(split_number("2.1 Rà soát"), ("2.1", "Rà soát"));
        assert_eq!(split_number("2.6. Thống kê"), ("2.6", "Thống kê"));
        assert_eq!(split_number("Ghi chú: x"), ("", "Ghi chú: x"));
    }
}
