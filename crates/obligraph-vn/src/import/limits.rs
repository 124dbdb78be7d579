//! The limits of [`ImportOptions`](super::ImportOptions) on the text
//! importer: line length, table cells, section depth, obligations.

use obligraph_core::Plan;
use rustc_hash::FxHashMap;

use super::lines::Piece;
use super::ImportOptions;
use crate::error::ImportError;

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The source line `line` (1-based) of `text`, without its `\r`.
fn source_line(text: &str, line: u32) -> &str {
    let i = usize::try_from(line).ok().and_then(|l| l.checked_sub(1));
    i.and_then(|i| text.split('\n').nth(i))
        .map_or("", |l| l.strip_suffix('\r').unwrap_or(l))
}

/// Column (1-based, in characters) of the first non-blank character of a
/// line; 1 for a blank line.
fn first_column(line: &str) -> u32 {
    let lead = line.len() - line.trim_start().len();
    to_u32(line.get(..lead).map_or(0, |s| s.chars().count()) + 1)
}

/// Refuses a source line longer than `max_line_bytes` (checked before any
/// parsing). The column is that of the character holding the first byte
/// over the limit.
pub(super) fn check_lines(
    text: &str,
    file: &str,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let max = options.max_line_bytes;
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.len() > max {
            let column = line
                .char_indices()
                .take_while(|(b, _)| *b <= max)
                .count()
                .max(1);
            return Err(ImportError::LineTooLong {
                file: file.to_string(),
                line: to_u32(i + 1),
                column: to_u32(column),
                bytes: line.len(),
                max,
            });
        }
    }
    Ok(())
}

/// Start (1-based character column) of cell `k` (0-based) of a table row
/// line: after the `k`-th tab, or after the `k + 1`-th pipe of a markdown
/// row; the row's first character when neither is found.
fn cell_column(line: &str, k: usize) -> u32 {
    let sep = if line.contains('\t') { '\t' } else { '|' };
    let skip = if sep == '|' { k + 1 } else { k };
    if skip == 0 {
        return first_column(line);
    }
    let mut seen = 0usize;
    for (col, c) in line.chars().enumerate() {
        if c == sep {
            seen += 1;
            if seen == skip {
                return to_u32(col + 2);
            }
        }
    }
    first_column(line)
}

/// Refuses documents whose tables hold more than `max_table_cells` cells
/// in all (header cells included), at the cell that crosses the limit.
pub(super) fn check_cells(
    pieces: &[Piece],
    text: &str,
    file: &str,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let max = options.max_table_cells;
    let mut total = 0usize;
    for piece in pieces {
        let Piece::Table(t) = piece else { continue };
        let rows = std::iter::once((t.header_line, t.header.len()))
            .chain(t.rows.iter().map(|r| (r.line, r.cells.len())));
        for (line, n) in rows {
            let before = total;
            total = total.saturating_add(n);
            if total > max {
                let k = max.saturating_sub(before);
                return Err(ImportError::TooManyCells {
                    file: file.to_string(),
                    line,
                    column: cell_column(source_line(text, line), k),
                    cells: total,
                    max,
                });
            }
        }
    }
    Ok(())
}

/// Refuses a plan with a section nested deeper than `max_depth` (a
/// top-level section has depth 1), at the first such heading in the text.
pub(super) fn check_depth(
    plan: &Plan,
    text: &str,
    file: &str,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let max = options.max_depth;
    let parents: FxHashMap<&str, Option<&str>> = plan
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.parent.as_deref()))
        .collect();
    let mut depths: FxHashMap<&str, usize> = FxHashMap::default();
    let mut worst: Option<(u32, usize)> = None; // (line, depth)
    for s in &plan.sections {
        // Walk up to a section whose depth is known, at most one step per
        // section (a cycle cannot loop).
        let mut chain: Vec<&str> = vec![s.id.as_str()];
        let mut base = 0usize;
        let mut cur = s.parent.as_deref();
        while let Some(p) = cur {
            if let Some(&d) = depths.get(p) {
                base = d;
                break;
            }
            if chain.len() > plan.sections.len() {
                break;
            }
            chain.push(p);
            cur = parents.get(p).copied().flatten();
        }
        for (i, id) in chain.iter().rev().enumerate() {
            depths.entry(id).or_insert(base + i + 1);
        }
        let depth = depths
            .get(s.id.as_str())
            .copied()
            .unwrap_or(base + chain.len());
        if depth > max && worst.is_none_or(|(l, _)| s.line < l) {
            worst = Some((s.line, depth));
        }
    }
    match worst {
        Some((line, depth)) => Err(ImportError::TooDeep {
            file: file.to_string(),
            line,
            column: first_column(source_line(text, line)),
            depth,
            max,
        }),
        None => Ok(()),
    }
}

/// Refuses a plan with more than `max_obligations` obligations, at the
/// first obligation over the limit in source order.
pub(super) fn check_obligations(
    plan: &Plan,
    text: &str,
    file: &str,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let max = options.max_obligations;
    let count = plan.obligations.len();
    if count <= max {
        return Ok(());
    }
    let mut starts: Vec<u32> = plan
        .obligations
        .iter()
        .map(|o| o.source.line_start)
        .collect();
    starts.sort_unstable();
    let line = starts.get(max).copied().unwrap_or(0);
    Err(ImportError::TooManyObligations {
        file: file.to_string(),
        line,
        column: first_column(source_line(text, line)),
        obligations: count,
        max,
    })
}
