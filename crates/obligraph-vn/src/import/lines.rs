//! From source lines to pieces: paragraphs (hard line breaks joined),
//! tables (rows of cells), and the lines set aside on the way (page
//! numbers, URLs, repeated table headers, distribution list, signature).

use std::sync::LazyLock;

use regex::Regex;

use super::text::{
    all_caps, body_marker, chars, clean, ends_terminal, key, key_prefix, looks_cut,
    place_before_comma, re, starts_lowercase,
};
use super::{Ledger, UnattributedReason};

/// A paragraph: one or more source lines joined.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    /// The joined, cleaned text.
    pub text: String,
    /// Source lines (1-based).
    pub lines: Vec<u32>,
}

impl Para {
    pub fn first(&self) -> u32 {
        self.lines.first().copied().unwrap_or(0)
    }
}

/// One row line of a table: its source line and raw cells.
#[derive(Debug, Clone)]
pub(crate) struct RowLine {
    pub line: u32,
    pub cells: Vec<String>,
    /// The first row line after a repeated table header: a page break
    /// lies just above it, and a row cut there continues in it.
    pub after_break: bool,
}

/// A table: its header cells and row lines (repeated headers removed).
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub header: Vec<String>,
    pub header_line: u32,
    pub rows: Vec<RowLine>,
    /// Each row line is a whole row (a spreadsheet's): no page break cut
    /// a row's cells into the next row's.
    pub whole_rows: bool,
}

/// A piece of the document in order.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Para(Para),
    Table(Table),
}

struct Src<'a> {
    no: u32,
    raw: &'a str,
    text: String,
    /// The raw cells of a table line (`None` for other lines and blank
    /// ones).
    cells: Option<Vec<String>>,
    /// Opens a paragraph of its own (a right-hand cell of a two-column
    /// header, see [`unfold_header_columns`]).
    alone: bool,
}

static PAGE_NO: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?$"));
static URL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:https?://|www\.)\S*$"));
static NEW_PARA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:-\s*)?(?:Đơn vị|Cơ quan) (?:chủ trì|phối hợp)|(?:-\s*)?(?:Đơn vị|Cơ quan) thực hiện\s*[(:]|(?:Chủ trì|Phối hợp)\s*:|(?:-\s*)?Thời (?:gian|hạn)(?: thực hiện| hoàn thành)?\s*:|(?:-\s*)?(?:Kết quả|Sản phẩm)(?: dự kiến)?\s*:|Nơi nhận|Căn cứ|Xét đề nghị|(?:Thực hiện|Triển khai)(?: thực hiện)? (?:Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Đề án|Công văn|Thông báo|Văn bản|Luật)|Số\s*:|Điều \d+\.|Trên đây|(?:Trong )?[Qq]uá trình (?:triển khai )?thực hiện|PHỤ LỤC|Phụ lục|\((?:Ban hành )?[Kk]èm theo|QUYẾT ĐỊNH|KẾ HOẠCH|THỦ TƯỚNG|CHÍNH PHỦ$|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|TM\.|KT\.|Q\. |TL\.)",
    )
});
/// A dateline after its place (see [`place_before_comma`]): the line
/// matches `^[\p{L} .]{2,40}, ngày\s+\d{1,2}\s+tháng`.
static PLACE_DATE_REST: LazyLock<Regex> = LazyLock::new(|| re(r"^, ngày\s+\d{1,2}\s+tháng"));

/// Whether a tab line's cells open the distribution list ("Nơi nhận:")
/// and whether they open the signature block ("TM. ỦY BAN NHÂN DÂN"): the
/// foot of a document laid out as a two-column table.
fn opens_foot(cells: &[String]) -> (bool, bool) {
    let cells: Vec<String> = cells.iter().map(|c| clean(c)).collect();
    (
        cells.iter().any(|c| is_distribution_start(c)),
        cells.iter().any(|c| is_signature_start(c)),
    )
}

/// Whether a cleaned line opens a signature block.
pub(crate) fn is_signature_start(t: &str) -> bool {
    let k = key_prefix(t, 8);
    ["tm. ", "kt. ", "q. ", "tl. ", "tuq. "]
        .iter()
        .any(|p| k.starts_with(p))
        && t.chars().skip(3).any(char::is_uppercase)
}

/// A signer's title written alone in capitals ("GIÁM ĐỐC", "PHÓ CHỦ
/// TỊCH"): a short line of letters only, every one upper case, that is
/// neither an appendix heading nor a numbered one.
fn is_signer_title(t: &str) -> bool {
    const MOST_WORDS: usize = 5;
    t.split_whitespace().count() <= MOST_WORDS
        && t.chars().all(|c| c.is_alphabetic() || c == ' ')
        && t.chars().any(char::is_alphabetic)
        && !t.chars().any(char::is_lowercase)
        && !is_appendix_start(t)
}

fn is_distribution_start(t: &str) -> bool {
    key_prefix(t, 8).starts_with("noi nhan")
}

fn is_bullet_line(t: &str) -> bool {
    t.starts_with(['-', '–', '+', '•'])
}

fn is_appendix_start(t: &str) -> bool {
    let k = key_prefix(t, 8);
    k.starts_with("phu luc") && chars(t) < 40 && !closes_a_pointer(t)
}

/// Whether a line opening with "Phụ lục" is the tail of a sentence
/// pointing at the appendix, cut by a hard line break ("… (mục III" /
/// "Phụ lục)."): the words are followed by a closing bracket or by a
/// comma or semicolon, which no appendix heading is.
pub(crate) fn closes_a_pointer(t: &str) -> bool {
    if !key_prefix(t, 8).starts_with("phu luc") {
        return false;
    }
    let mut words = t.split_whitespace();
    let (Some(_), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let tail = second.trim_start_matches(char::is_alphabetic);
    let next = if tail.is_empty() {
        words.next().unwrap_or("")
    } else {
        tail
    };
    next.starts_with([')', ']', ',', ';'])
}

/// Whether a line opening with "Phụ lục", not in capitals, ends a
/// sentence that the line above leaves open on a connecting word ("… thời
/// gian hoàn thành cụ thể theo" / "Phụ lục kèm theo Kế hoạch này."): an
/// appendix heading follows a finished line (a signer's name, the end of
/// the distribution list), never a "theo" or "tại".
fn ends_a_pointer(prev: &str, next: &str) -> bool {
    key_prefix(next, 8).starts_with("phu luc")
        && !all_caps(next)
        && !ends_terminal(prev)
        && looks_cut(prev)
}

/// Whether a tab line goes on with the row line above, whose last cell a
/// hard line break cut ("6\tThực hiện … giai đoạn 2021 -" / "2030 trên
/// địa bàn …\tSở …\tSở …\t2026 - 2030\tBáo cáo hằng năm"): the row above
/// is short of the header's cells, and the two together, the cut cell
/// counted once, fill the header exactly. The line's first cell holds
/// words, not a row number alone.
fn continues_short_row(prev: Option<&RowLine>, cells: &[String], width: usize) -> bool {
    let Some(prev) = prev.map(|p| &p.cells) else {
        return false;
    };
    let first = cells.first().map(|c| clean(c)).unwrap_or_default();
    prev.len() < width
        && !cells.is_empty()
        && prev.len() + cells.len() - 1 == width
        && first.split_whitespace().nth(1).is_some()
        && prev.last().is_some_and(|c| !c.trim().is_empty())
}

/// Splits raw cells of a markdown table line (`| a | b |`).
fn markdown_cells(raw: &str) -> Option<Vec<String>> {
    let t = raw.trim();
    if t.len() < 3 || !t.starts_with('|') || !t.ends_with('|') {
        return None;
    }
    let inner = t.get(1..t.len() - 1)?;
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

fn is_markdown_separator(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

fn raw_cells(raw: &str) -> Option<Vec<String>> {
    if raw.contains('\t') {
        return Some(raw.split('\t').map(str::to_string).collect());
    }
    markdown_cells(raw)
}

fn is_table_header(cells: &[String]) -> bool {
    cells.len() >= 3
        && cells.first().is_some_and(|c| {
            crate::lexicon::table_column(&clean(c)) == Some(crate::lexicon::TableColumn::Number)
        })
}

/// Whether a cell of the opening lines belongs to the right-hand column
/// of a Vietnamese document's header: the national motto, the motto's
/// second line, or a dateline ("Quảng Trị, ngày 10 tháng 02 năm 2026").
fn is_header_right_cell(cell: &str) -> bool {
    let t = clean(cell);
    let k = super::text::key(&t);
    k.starts_with("cong hoa xa hoi chu nghia")
        || k.starts_with("doc lap")
        || place_before_comma(&t).is_some_and(|(_, rest)| PLACE_DATE_REST.is_match(rest))
}

/// The gap that parts two header columns when a PDF's text layer lays them
/// out side by side (`pdftotext -layout`): a run of spaces no header
/// text holds inside it ("Độc lập - Tự do" keeps single spaces).
const HEADER_COLUMN_GAP: &str = "   ";

/// The non-empty cells of an opening line: parted by a TAB (a Word
/// table's cells) or by [`HEADER_COLUMN_GAP`] or more spaces (columns
/// laid out by a PDF's text layer: "BỘ CÔNG AN      CỘNG HÒA XÃ HỘI CHỦ
/// NGHĨA VIỆT NAM").
pub(crate) fn header_cells(raw: &str) -> impl Iterator<Item = &str> {
    raw.split('\t')
        .flat_map(|c| c.split(HEADER_COLUMN_GAP))
        .filter(|c| !c.trim().is_empty())
}

/// The opening lines of a document whose header was a two-column table
/// (issuer and number on the left; motto and dateline on the right), as
/// text pulled from a Word file writes it: one line per table row, the
/// cells joined by a TAB ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA
/// VIỆT NAM" / "TỈNH QUẢNG TRỊ\tĐộc lập - Tự do - Hạnh phúc" / "Số:
/// 31/KH-UBND\tQuảng Trị, ngày …"). Each column is read down, left then
/// right, each cell keeping its line number, so the issuer's two lines
/// join as they do when the columns are written one under the other.
/// Only a run of such two-cell lines at the very start is unfolded, and
/// only when a right-hand cell is the motto or a dateline.
fn unfold_header_columns<'a>(src: Vec<Src<'a>>) -> Vec<Src<'a>> {
    let two = |s: &Src| {
        let mut it = header_cells(s.raw);
        matches!((it.next(), it.next(), it.next()), (Some(_), Some(_), None))
    };
    let run = src
        .iter()
        .take_while(|s| s.raw.trim().is_empty() || two(s))
        .count();
    let header = src.get(..run).unwrap_or(&[]);
    let right_cells = header
        .iter()
        .filter(|s| two(s))
        .filter_map(|s| header_cells(s.raw).nth(1));
    if run == 0 || !right_cells.clone().any(is_header_right_cell) {
        return src;
    }
    fn cell<'a>(s: &Src<'a>, k: usize) -> Option<(u32, &'a str)> {
        header_cells(s.raw).nth(k).map(|c| (s.no, c))
    }
    let line = |(no, raw): (u32, &'a str), alone: bool| Src {
        no,
        raw,
        text: clean(raw),
        cells: None,
        alone,
    };
    // The left column as one block (the issuer's lines join), then each
    // right-hand cell on its own (motto, its second line, the dateline).
    let mut out: Vec<Src<'a>> = header
        .iter()
        .filter_map(|s| cell(s, 0))
        .map(|c| line(c, false))
        .collect();
    out.extend(
        header
            .iter()
            .filter_map(|s| cell(s, 1))
            .map(|c| line(c, true)),
    );
    out.extend(src.into_iter().skip(run));
    out
}

/// Turns the text into pieces, marking in `ledger` the lines set aside.
pub(crate) fn pieces(text: &str, ledger: &mut Ledger) -> Vec<Piece> {
    let src: Vec<Src> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            Src {
                no: u32::try_from(i + 1).unwrap_or(u32::MAX),
                raw,
                text: String::new(),
                cells: None,
                alone: false,
            }
        })
        .collect();
    let mut src = unfold_header_columns(src);
    for s in &mut src {
        if !s.raw.trim().is_empty() && s.cells.is_none() && s.text.is_empty() {
            s.cells = raw_cells(s.raw);
            if s.cells.is_none() {
                s.text = clean(s.raw);
            }
        }
    }

    // Pass 1: tables, page numbers, URLs, distribution list, signature.
    let mut out: Vec<Piece> = Vec::new();
    // Body lines waiting to be joined into paragraphs: (line, text, blank before).
    let mut body: Vec<(u32, String, bool, bool)> = Vec::new();
    let mut blank_before = false;
    let mut table: Option<Table> = None;
    // A repeated header was just set aside: the next row line follows a
    // page break.
    let mut after_break = false;
    let mut in_distribution = false;
    let mut in_signature = false;
    let flush_body = |body: &mut Vec<(u32, String, bool, bool)>, out: &mut Vec<Piece>| {
        if !body.is_empty() {
            for p in join_paragraphs(std::mem::take(body)) {
                out.push(Piece::Para(p));
            }
        }
    };

    // Each line is read once: a table row's cells move into the row.
    for s in &mut src {
        if s.raw.trim().is_empty() {
            blank_before = true;
            continue;
        }
        // Inside a table: rows continue until a non-row line.
        if let Some(cells) = &mut s.cells {
            if is_markdown_separator(cells) {
                ledger.attribute(s.no);
                continue;
            }
            if is_table_header(cells) {
                in_distribution = false;
                in_signature = false;
                if let Some(t) = &table {
                    if t.header.len() == cells.len() || !t.rows.is_empty() {
                        ledger.set_aside(s.no, UnattributedReason::PageHeader);
                        // Only a break inside the rows cuts one of them.
                        after_break = !t.rows.is_empty();
                        continue;
                    }
                }
                flush_body(&mut body, &mut out);
                if let Some(t) = table.take() {
                    out.push(Piece::Table(t));
                }
                ledger.attribute(s.no);
                after_break = false;
                table = Some(Table {
                    header: cells.iter().map(|c| clean(c)).collect(),
                    header_line: s.no,
                    whole_rows: false,
                    rows: Vec::new(),
                });
                blank_before = false;
                continue;
            }
            // The foot of the document right under the last table, as a
            // two-column table of its own ("Nơi nhận:\tTM. ỦY BAN NHÂN
            // DÂN" after the appendix's last row): it ends the table and is
            // read as the foot below, not as a row.
            let foot = table.is_some() && {
                let (list, signature) = opens_foot(cells);
                list || signature
            };
            if foot {
                if let Some(t) = table.take() {
                    out.push(Piece::Table(t));
                }
            }
            if let Some(t) = &mut table {
                // A line going on with a row cut short: its cells moved
                // under the ones they continue, as a continuation row.
                let cut = t.rows.last().map_or(0, |p| p.cells.len());
                if !after_break && continues_short_row(t.rows.last(), cells, t.header.len()) {
                    let mut moved = vec![String::new(); cut - 1];
                    moved.append(cells);
                    *cells = moved;
                }
                t.rows.push(RowLine {
                    line: s.no,
                    cells: std::mem::take(cells),
                    after_break: std::mem::take(&mut after_break),
                });
                blank_before = false;
                continue;
            }
            // A line indented by tabs, with one cell ("\tKT. GIÁM ĐỐC"
            // under the distribution list): a line of its own, read like
            // any other (the signature block, the distribution list).
            let mut filled = cells.iter().filter(|c| !c.trim().is_empty());
            if let (Some(only), None) = (filled.next(), filled.next()) {
                s.text = clean(only);
                s.alone = true;
            }
        }
        if s.cells.is_some() && s.text.is_empty() {
            let Some(cells) = &mut s.cells else { continue };
            // The foot of a Word document as a two-column table, its cells
            // joined by a TAB: the distribution list on the left, the
            // signature block on the right ("Nơi nhận:\tTM. ỦY BAN NHÂN
            // DÂN" / "- Bộ Công an (b/c);\tKT. CHỦ TỊCH" / "- VPUB: …;\tLê
            // Văn Bình"). A tab line that opens either, or comes while
            // either is open, is set aside whole, as its lines would be
            // written one under the other.
            let (opens_list, opens_signature) = opens_foot(cells);
            if opens_list || opens_signature || in_distribution || in_signature {
                flush_body(&mut body, &mut out);
                let reason = if opens_list || in_distribution {
                    UnattributedReason::DistributionList
                } else {
                    UnattributedReason::Signature
                };
                in_distribution |= opens_list;
                in_signature = !in_distribution;
                ledger.set_aside(s.no, reason);
                blank_before = false;
                continue;
            }
            // A tab line outside a table (header blocks): one paragraph per cell.
            flush_body(&mut body, &mut out);
            let mut any = false;
            for c in cells {
                let t = clean(c);
                if !t.is_empty() {
                    any = true;
                    out.push(Piece::Para(Para {
                        text: t,
                        lines: vec![s.no],
                    }));
                }
            }
            if !any {
                ledger.set_aside(s.no, UnattributedReason::Unrecognised);
            }
            blank_before = false;
            continue;
        }
        let t = s.text.as_str();
        if t.is_empty() {
            // Only markup or control characters.
            ledger.set_aside(s.no, UnattributedReason::Unrecognised);
            continue;
        }
        if PAGE_NO.is_match(t) {
            ledger.set_aside(s.no, UnattributedReason::PageNumber);
            continue;
        }
        if URL.is_match(t) {
            ledger.set_aside(s.no, UnattributedReason::Url);
            continue;
        }
        if let Some(tb) = table.take() {
            out.push(Piece::Table(tb));
        }
        if is_distribution_start(t) {
            flush_body(&mut body, &mut out);
            in_distribution = true;
            in_signature = false;
            ledger.set_aside(s.no, UnattributedReason::DistributionList);
            continue;
        }
        if in_distribution {
            if is_bullet_line(t)
                || (!blank_before && !is_signature_start(t) && !is_appendix_start(t))
            {
                ledger.set_aside(s.no, UnattributedReason::DistributionList);
                blank_before = false;
                continue;
            }
            in_distribution = false;
            // The signer's title after the list, written alone in capitals
            // ("GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ TRƯỞNG BAN") with no "TM."/"KT."
            // before it: the signature block opens.
            if is_signer_title(t) {
                flush_body(&mut body, &mut out);
                in_signature = true;
                ledger.set_aside(s.no, UnattributedReason::Signature);
                blank_before = false;
                continue;
            }
        }
        if is_signature_start(t) {
            flush_body(&mut body, &mut out);
            in_signature = true;
            ledger.set_aside(s.no, UnattributedReason::Signature);
            blank_before = false;
            continue;
        }
        if in_signature {
            let words = t.split_whitespace().count();
            if words <= 6 && !is_appendix_start(t) && !ends_terminal(t) && body_marker(t).is_none()
            {
                ledger.set_aside(s.no, UnattributedReason::Signature);
                continue;
            }
            in_signature = false;
        }
        let indented = s.alone
            || s.raw.starts_with([' ', '\u{a0}'])
                && s.raw.trim_start().starts_with(char::is_uppercase);
        body.push((s.no, t.to_string(), blank_before, indented));
        blank_before = false;
    }
    flush_body(&mut body, &mut out);
    if let Some(t) = table.take() {
        out.push(Piece::Table(t));
    }
    out
}

/// Joins body lines into paragraphs. See the module docs of `import` for
/// the rules.
fn join_paragraphs(lines: Vec<(u32, String, bool, bool)>) -> Vec<Para> {
    // The typical length of a wrapped line: lines followed by a lowercase one.
    let mut wrapped: Vec<usize> = lines
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if starts_lowercase(&b.1) && body_marker(&b.1).is_none() => Some(chars(&a.1)),
            _ => None,
        })
        .collect();
    wrapped.sort_unstable();
    let typical = if wrapped.len() >= 3 {
        wrapped
            .get(wrapped.len() / 2)
            .copied()
            .unwrap_or(usize::MAX)
    } else {
        usize::MAX
    };
    let doubled = lines.iter().skip(1).filter(|l| l.2).count();
    let double_spaced = lines.len() > 4 && doubled * 10 >= (lines.len() - 1) * 7;

    let mut paras: Vec<Para> = Vec::new();
    let mut last_line_text = String::new();
    for (no, text, blank, indented) in lines {
        let continues = match paras.last() {
            None => false,
            Some(_) if indented => false,
            Some(p) => continues(
                &p.text,
                &last_line_text,
                &text,
                blank,
                double_spaced,
                typical,
            ),
        };
        match paras.last_mut() {
            Some(p) if continues => {
                if p.text.ends_with('-')
                    && p.text
                        .chars()
                        .rev()
                        .nth(1)
                        .is_some_and(char::is_alphanumeric)
                {
                    p.text.push_str(text.trim());
                } else {
                    super::text::join(&mut p.text, &text);
                }
                p.lines.push(no);
            }
            _ => paras.push(Para {
                text: text.clone(),
                lines: vec![no],
            }),
        }
        last_line_text = text;
    }
    paras
}

/// Whether a line opens a parenthesis it does not close.
fn leaves_paren_open(line: &str) -> bool {
    line.rfind('(')
        .is_some_and(|at| !line.get(at..).unwrap_or("").contains(')'))
}

fn is_doc_type(t: &str) -> bool {
    let t = t.trim_end_matches(':');
    // The key of a text starts with the key of its first chars: one
    // longer than "quyet dinh" already is neither.
    if key_prefix(t, 11).len() > "quyet dinh".len() {
        return false;
    }
    let k = key(t);
    k == "ke hoach" || k == "quyet dinh"
}

fn continues(
    para: &str,
    prev: &str,
    next: &str,
    blank: bool,
    double_spaced: bool,
    typical: usize,
) -> bool {
    // "… hiện hành (Thời gian: theo yêu cầu của Bộ Công an;" / "Cơ quan chủ
    // trì: Công an tỉnh; …)": a line after one that leaves a parenthesis
    // open goes on inside it, even when it opens with a label.
    if leaves_paren_open(prev) && body_marker(next).is_none() {
        return true;
    }
    if NEW_PARA.is_match(next) && !closes_a_pointer(next) && !ends_a_pointer(prev, next)
        || is_doc_type(para)
        || is_appendix_start(para)
        || (next.contains(", ngày")
            && place_before_comma(next).is_some_and(|(_, rest)| PLACE_DATE_REST.is_match(rest)))
    {
        return false;
    }
    if body_marker(next).is_some() {
        return false;
    }
    if all_caps(para) {
        return all_caps(next) && !ends_terminal(prev);
    }
    if starts_lowercase(next) {
        return true;
    }
    let p = prev.trim_end();
    if p.ends_with(['.', ':', '!', '?']) || (p.ends_with(';') && blank && !double_spaced) {
        return false;
    }
    // A line starting with a digit or a quote continues an open sentence
    // ("… ngày / 14/9/2022 của …").
    if !p.ends_with(';')
        && next
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphabetic() && c != '(' && c != '-')
    {
        return true;
    }
    if p.ends_with(',') || looks_cut(p) && !p.ends_with(';') {
        return true;
    }
    if typical == usize::MAX {
        return false;
    }
    let full_width = chars(prev) * 10 >= typical * 9;
    // "5. Quản lý thông tin, bảo đảm an ninh mạng trong hoạt động báo chí"
    // / "Phối hợp với Công an …": an item's first line that stops short of
    // the width before a capital is its heading; the item's text starts
    // on the next line (in the written plans and seeds, no item's first
    // line between 7 and 9 tenths of the width goes on before a capital
    // but these headings, Sở VH&TT Huế L130 and Sở Y tế Bình Thuận L153).
    if !full_width && para.trim() == prev.trim() && body_marker(para).is_some() {
        return false;
    }
    let blank_ok = !blank || double_spaced || full_width;
    blank_ok && chars(prev) * 10 >= typical * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        let mut ledger = Ledger::new(text);
        pieces(text, &mut ledger)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Para(p) => Some(p.text),
                Piece::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn wrapped_lines_join_and_headings_do_not() {
        let text = "1. Sở Tài chính\nChủ trì, phối hợp với các Sở, ngành, đơn vị liên quan tổng hợp, tham mưu \nỦy ban nhân dân thành phố bố trí kinh phí thực hiện Kế hoạch triển khai theo \nphân cấp ngân sách nhà nước hiện hành; hướng dẫn các địa phương phát triển \nmạng lưới cơ sở có cung cấp dịch vụ công tác xã hội theo văn bản hướng dẫn \ncủa Bộ, ngành Trung ương.\n2. Sở Nội vụ\n";
        let p = paras(text);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[1].contains("tham mưu Ủy ban nhân dân thành phố bố trí"));
    }

    #[test]
    fn a_short_numbered_first_line_before_a_capital_is_a_heading() {
        // Wrapped at about 80 chars; "3." stops at 60 (under 9 tenths).
        let wrapped = "tiếp tục thực hiện các nội dung của kế hoạch năm trước, bảo đảm\n\
                       đúng tiến độ đã đề ra và báo cáo kết quả theo quy định hiện hành";
        let text = format!(
            "{wrapped}\n{wrapped}\n{wrapped}\n3. Phòng, chống bạo lực gia đình tại cộng đồng dân cư\n\
             Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an xã tổ chức\n\
             tuyên truyền tại các thôn.\n"
        );
        let p = paras(&text);
        assert!(
            p.iter()
                .any(|t| t == "3. Phòng, chống bạo lực gia đình tại cộng đồng dân cư"),
            "{p:?}"
        );
        // The same item with a first line of the full width goes on.
        let full = text.replace(
            "tại cộng đồng dân cư",
            "tại cộng đồng dân cư và trong trường học",
        );
        let p = paras(&full);
        assert!(
            p.iter()
                .any(|t| t.starts_with("3. ") && t.contains("Công an xã")),
            "{p:?}"
        );
    }

    #[test]
    fn page_numbers_are_set_aside_and_sentences_continue() {
        let text = "- Triển khai các tài liệu cho cán bộ, chiến sĩ;\n\n\n6 \n\nthi hành tạm giữ, tạm giam.\n";
        let mut ledger = Ledger::new(text);
        let p = pieces(text, &mut ledger);
        assert_eq!(p.len(), 1);
        assert_eq!(ledger.reason(4), Some(UnattributedReason::PageNumber));
    }
}
