//! Appendix tables (STT · Nhiệm vụ · Cơ quan chủ trì · Cơ quan phối hợp ·
//! Kết quả dự kiến · Thời hạn) to sections and obligations.
//!
//! Rows continue across pages: a row with an empty STT whose task cell is
//! empty or starts in lowercase continues the row above; at a page break
//! the tail of a row can also land in the first paragraph of each cell of
//! the next numbered row (a lowercase fragment, or the end of a cell cut
//! after "và"), which is moved back. A task cell that opens with a
//! lowercase parenthesis ("(hoàn thiện …") continues too. A row with an empty STT that starts
//! in uppercase and fills more than the task cell is a row of its own
//! without a number; with only a task cell it is a further paragraph of
//! the row above.

use std::sync::LazyLock;

use obligraph_core::{Obligation, Role, Section, SourceSpan};
use regex::Regex;

use super::body::Ctx;
use super::lines::Table;
use super::text::{
    cell_blocks, clean, key, looks_cut, re, split_bullets, starts_lowercase, stt_marker, Marker,
};
use super::Ledger;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Task,
    Lead,
    Support,
    Output,
    Deadline,
    Other,
}

fn column(header: &str) -> Col {
    use crate::lexicon::TableColumn;
    match crate::lexicon::table_column(header) {
        Some(TableColumn::Number) => Col::Stt,
        Some(TableColumn::Task) => Col::Task,
        Some(TableColumn::Lead) => Col::Lead,
        Some(TableColumn::Support) => Col::Support,
        Some(TableColumn::Deadline) => Col::Deadline,
        Some(TableColumn::Output) => Col::Output,
        _ => Col::Other,
    }
}

/// A logical row: one or more row lines.
#[derive(Debug, Clone)]
struct Row {
    marker: Option<Marker>,
    cells: Vec<Vec<String>>,
    lines: Vec<u32>,
    /// The row opens the page after a break (its first line follows a
    /// repeated header).
    after_break: bool,
}

impl Row {
    fn text(&self, i: usize) -> String {
        self.cells.get(i).map(|b| b.join(" ")).unwrap_or_default()
    }

    /// The task cell's paragraphs as one text. A paragraph opening a duty
    /// of its own (a capital task verb: "Tăng tỷ lệ …", "Nâng cao …")
    /// after one that ends without a stop ("… giam người trái pháp luật")
    /// is parted from it by "; ", so the two duties stay two clauses (a
    /// Word cell of two paragraphs, or a row continued under a page
    /// break); other paragraphs join with a space.
    fn task_text(&self, i: usize) -> String {
        let Some(blocks) = self.cells.get(i) else {
            return String::new();
        };
        let mut out = String::new();
        for b in blocks {
            if !out.is_empty() {
                let open = out.chars().last().is_some_and(char::is_alphanumeric);
                let duty = b.chars().next().is_some_and(char::is_uppercase)
                    && crate::lexicon::opens_paragraph_duty(&b.to_lowercase());
                out.push_str(if open && duty { "; " } else { " " });
            }
            out.push_str(b);
        }
        out
    }
}

static TASK_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s(?:Xây dựng|Triển khai|Tổ chức|Tăng cường|Nâng cao|Thực hiện|Rà soát|Nghiên cứu|Tiếp tục|Tuyên truyền|Phối hợp|Đẩy mạnh|Giải quyết|Phát triển|Bố trí|Bổ trí|Hoàn thiện|Đề xuất|Kiểm tra|Theo dõi|Tham gia|Báo cáo)\s",
    )
});

/// Splits a merged task cell "tail of the row above Xây dựng …" at the
/// first task verb written with a capital.
fn split_merged(text: &str) -> Option<(String, String)> {
    let m = TASK_VERB.find(text)?;
    let head = text.get(..m.start())?.trim();
    let tail = text.get(m.start()..)?.trim();
    (!head.is_empty() && !tail.is_empty()).then(|| (head.to_string(), tail.to_string()))
}

/// Splits a cell's first paragraph into the lowercase fragment that ends
/// a cell of an earlier row and the rest: "quận, TAND quận phối hợp theo
/// thẩm quyền - Đề nghị Ủy ban Mặt trận …" → ("quận, TAND quận phối hợp
/// theo thẩm quyền", "- Đề nghị Ủy ban Mặt trận …"). `None` when the
/// paragraph does not open with such a fragment (an agency name written
/// in lower case, "các sở, ngành …", is not one).
fn leading_tail(block: &str) -> Option<(String, String)> {
    if !starts_lowercase(block) || crate::agency::starts_agency(block) {
        return None;
    }
    let cut = BULLET_AFTER_TAIL
        .find(block)
        .map_or(block.len(), |m| m.start());
    let head = block.get(..cut)?.trim();
    let rest = block.get(cut..)?.trim();
    (!head.is_empty()).then(|| (head.to_string(), rest.to_string()))
}

static BULLET_AFTER_TAIL: LazyLock<Regex> = LazyLock::new(|| re(r"\s[-–•+]\s+\p{Lu}"));

/// The last row with text in column `i`: where a fragment cut from that
/// column at a page break belongs.
fn last_with(rows: &[Row], i: usize) -> Option<usize> {
    rows.iter()
        .rposition(|r| r.cells.get(i).is_some_and(|b| !b.is_empty()))
}

/// Moves the leading tail fragment of each of `cells`' agency and output
/// columns to the earlier row whose column it ends.
fn move_tails(rows: &mut [Row], cells: &mut [Vec<String>], tail_cols: &[usize]) {
    for &i in tail_cols {
        let Some(blocks) = cells.get_mut(i) else {
            continue;
        };
        let Some((head, rest)) = blocks.first().and_then(|b| leading_tail(b)) else {
            continue;
        };
        let Some(target) = last_with(rows, i) else {
            continue;
        };
        // Only a cell left open takes a tail ("… có liên" / "quan").
        let open = rows
            .get(target)
            .and_then(|r| r.cells.get(i))
            .and_then(|b| b.last())
            .is_some_and(|t| !t.trim_end().ends_with(['.', ';']));
        if !open {
            continue;
        }
        if let Some(last) = rows
            .get_mut(target)
            .and_then(|r| r.cells.get_mut(i))
            .and_then(|b| b.last_mut())
        {
            super::text::join(last, &head);
        }
        if rest.is_empty() {
            blocks.remove(0);
        } else if let Some(first) = blocks.first_mut() {
            *first = rest;
        }
    }
}

fn assemble(table: &Table, cols: &[Col]) -> Vec<Row> {
    let task_col = cols.iter().position(|c| *c == Col::Task).unwrap_or(1);
    let lead_col = cols.iter().position(|c| *c == Col::Lead);
    let stt_col = cols.iter().position(|c| *c == Col::Stt).unwrap_or(0);
    // Columns whose text a page break can cut mid-phrase.
    let tail_cols: Vec<usize> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Col::Lead | Col::Support | Col::Output))
        .map(|(i, _)| i)
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    for rl in &table.rows {
        let mut cells: Vec<Vec<String>> = rl.cells.iter().map(|c| cell_blocks(c)).collect();
        cells.resize(cols.len().max(cells.len()), Vec::new());
        let stt = rl.cells.get(stt_col).map(|c| clean(c)).unwrap_or_default();
        let first_task = cells
            .get(task_col)
            .and_then(|b| b.first())
            .cloned()
            .unwrap_or_default();
        let marker = stt_marker(&stt);
        if stt.is_empty() || marker.is_none() {
            let only_data = cells
                .iter()
                .enumerate()
                .all(|(i, b)| i == stt_col || b.is_empty());
            if let Some(prev) = rows.last_mut() {
                let task_only = cells
                    .iter()
                    .enumerate()
                    .all(|(i, b)| i == stt_col || i == task_col || b.is_empty());
                if (first_task.is_empty()
                    || starts_lowercase(&first_task)
                    || opens_lowercase_parenthesis(&first_task)
                    || task_only)
                    && stt.is_empty()
                {
                    // A fragment of a column the row above leaves empty
                    // ends an earlier row's column.
                    let empty_above: Vec<usize> = tail_cols
                        .iter()
                        .copied()
                        .filter(|&i| prev.cells.get(i).is_none_or(Vec::is_empty))
                        .collect();
                    move_tails(&mut rows, &mut cells, &empty_above);
                    let Some(prev) = rows.last_mut() else {
                        continue;
                    };
                    for (i, blocks) in cells.into_iter().enumerate() {
                        if i == stt_col {
                            continue;
                        }
                        if let Some(pc) = prev.cells.get_mut(i) {
                            pc.extend(blocks);
                        }
                    }
                    prev.lines.push(rl.line);
                    continue;
                }
            }
            if only_data && stt.is_empty() {
                // An empty row: belongs to the row above when there is one.
                if let Some(prev) = rows.last_mut() {
                    prev.lines.push(rl.line);
                    continue;
                }
            }
            if let Some(c) = cells.get_mut(stt_col) {
                c.clear();
            }
            rows.push(Row {
                marker: None,
                cells,
                lines: vec![rl.line],
                after_break: rl.after_break,
            });
            continue;
        }
        if table.whole_rows {
            // A spreadsheet's row: nothing of it belongs to the row above.
            rows.push(Row {
                marker,
                cells,
                lines: vec![rl.line],
                after_break: rl.after_break,
            });
            continue;
        }
        // A numbered row whose cells open with the end of an earlier row's.
        move_tails(&mut rows, &mut cells, &tail_cols);
        // A numbered row whose first paragraphs may end the row above.
        if let Some(prev) = rows.last_mut() {
            let merged = starts_lowercase(&first_task);
            // A heading row (no lead) has no support or output of its own.
            let heading = lead_col
                .and_then(|l| cells.get(l))
                .is_none_or(Vec::is_empty);
            for (i, blocks) in cells.iter_mut().enumerate() {
                if i == stt_col || blocks.is_empty() {
                    continue;
                }
                let prev_text = prev.cells.get(i).map(|b| b.join(" ")).unwrap_or_default();
                let first = blocks.first().cloned().unwrap_or_default();
                // Without a lowercase task tail, only an unmistakable tail
                // moves: a lowercase first paragraph followed by others, or
                // a lowercase fragment in a heading row.
                let move_first = if !merged {
                    i != task_col
                        && !prev_text.is_empty()
                        && starts_lowercase(&first)
                        && (blocks.len() >= 2 || heading)
                } else if i == task_col {
                    blocks.len() >= 2
                } else {
                    !prev_text.is_empty()
                        && (starts_lowercase(&first) && blocks.len() >= 2 || looks_cut(&prev_text))
                };
                {
                    if move_first {
                        blocks.remove(0);
                        if let Some(pc) = prev.cells.get_mut(i) {
                            pc.push(first);
                        }
                    } else if merged && i == task_col && blocks.len() == 1 {
                        if let Some((head, tail)) = split_merged(&first) {
                            if let Some(pc) = prev.cells.get_mut(i) {
                                pc.push(head);
                            }
                            *blocks = vec![tail];
                        }
                    }
                }
            }
        }
        rows.push(Row {
            marker,
            cells,
            lines: vec![rl.line],
            after_break: rl.after_break,
        });
    }
    rows
}

/// Whether a task cell opens with a parenthesis whose text starts in
/// lowercase ("(hoàn thiện các quy định …"): the rest of a task cut by a
/// page break before its parenthesised note, as a PDF's table lays it out.
fn opens_lowercase_parenthesis(text: &str) -> bool {
    text.trim_start()
        .strip_prefix('(')
        .and_then(|rest| rest.chars().find(|&c| crate::normalize::is_letter(c)))
        .is_some_and(char::is_lowercase)
}

/// The inside of a parenthesis that closes `text` ("… (khi có yêu
/// cầu)").
fn last_parenthesis(text: &str) -> Option<&str> {
    let t = text.trim_end().trim_end_matches(['.', ';']);
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    inner.get(open + 1..).map(str::trim)
}

/// The cells of a heading row without a lead that span the rows under it.
#[derive(Debug, Clone, Default)]
struct HeadingCells {
    support: String,
    output: String,
    deadline: String,
}

impl HeadingCells {
    /// Fills what a row under the heading leaves empty from the heading's
    /// cells; the heading's supports join the row's own, as one more item.
    fn take_from(&mut self, up: &Self) {
        if self.support.is_empty() {
            self.support.clone_from(&up.support);
        } else if !up.support.is_empty() {
            let bullet = if up.support.starts_with(['-', '–', '•', '+']) {
                ""
            } else {
                "- "
            };
            self.support = format!("{} {bullet}{}", self.support, up.support);
        }
        if self.output.is_empty() {
            self.output.clone_from(&up.output);
        }
        if self.deadline.is_empty() {
            self.deadline.clone_from(&up.deadline);
        }
    }
}

/// Reads one appendix table into `sections` and `obligations`, under the
/// appendix section `root`.
pub(crate) fn read_table(
    table: &Table,
    root: &str,
    ctx: &Ctx,
    sections: &mut Vec<Section>,
    obligations: &mut Vec<Obligation>,
    ids: &mut super::body::Ids,
    ledger: &mut Ledger,
) {
    let cols: Vec<Col> = table.header.iter().map(|h| column(h)).collect();
    let rows = assemble(table, &cols);
    let idx = |c: Col| cols.iter().position(|x| *x == c);

    // Tree: (level, id, arabic numbers, row index).
    let mut stack: Vec<(u32, String, Vec<u32>)> = Vec::new();
    let mut last_roman: u32 = 0;
    let mut unnumbered: rustc_hash::FxHashMap<String, u32> = rustc_hash::FxHashMap::default();
    let mut nodes: Vec<(String, Option<String>, usize)> = Vec::new(); // id, parent, row
    for (ri, row) in rows.iter().enumerate() {
        let mut marker = row.marker.clone();
        if let Some(Marker::Roman(r)) = &marker {
            let v = super::text::roman(r).unwrap_or(0);
            if v <= last_roman && r == "I" {
                marker = Some(Marker::Arabic(vec![1]));
            } else {
                last_roman = v;
            }
        }
        if let Some(Marker::Upper(_)) = &marker {
            last_roman = 0;
        }
        let (level, label_nums) = match &marker {
            Some(Marker::Upper(_)) => (1, Vec::new()),
            Some(Marker::Roman(_)) => (2, Vec::new()),
            Some(Marker::Arabic(n)) => (2 + u32::try_from(n.len()).unwrap_or(1), n.clone()),
            Some(Marker::Letter(_)) => (9, Vec::new()),
            Some(Marker::Bullet) | None => (u32::MAX, Vec::new()),
        };
        if level != u32::MAX {
            while stack.last().is_some_and(|(l, _, _)| *l >= level) {
                stack.pop();
            }
        }
        // "11" then "12.1", "12.2" (body item 12 split in two rows, no row
        // "12"): a row whose numbers do not go on from the open row's is
        // not under it.
        if let Some(Marker::Arabic(n)) = &marker {
            while stack
                .last()
                .is_some_and(|(_, _, p)| !p.is_empty() && !n.starts_with(p))
            {
                stack.pop();
            }
        }
        let parent = stack.last().map(|(_, id, _)| id.clone());
        let base = parent.clone().unwrap_or_else(|| root.to_string());
        let label = match &marker {
            Some(Marker::Upper(s)) | Some(Marker::Roman(s)) | Some(Marker::Letter(s)) => s.clone(),
            Some(Marker::Arabic(n)) => {
                let pnums = stack.last().map(|(_, _, p)| p.clone()).unwrap_or_default();
                let rest: &[u32] =
                    if !pnums.is_empty() && n.starts_with(&pnums) && n.len() > pnums.len() {
                        n.get(pnums.len()..).unwrap_or(n)
                    } else {
                        n
                    };
                rest.iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(".")
            }
            Some(Marker::Bullet) | None => {
                let k = unnumbered.entry(base.clone()).or_insert(0);
                *k += 1;
                format!("n{k}")
            }
        };
        let id = ids.unique(format!("{base}.{label}"));
        if level != u32::MAX {
            stack.push((level, id.clone(), label_nums));
        }
        nodes.push((id, Some(parent.unwrap_or_else(|| root.to_string())), ri));
    }

    // A numbered row without a lead whose one child is a row without a
    // number that opens the next page is one task cut by the page break
    // (the heading's text, then the row that carries it on): they become
    // one obligation with the heading's id, text and cells of both. On
    // one page the child is a row of its own, the heading's task.
    // A heading whose text alone runs over the break (its continuation
    // already joined) is not cut before its child either.
    let mut rows = rows;
    let lead_i = idx(Col::Lead);
    let mut absorbed = vec![false; nodes.len()];
    let mut merged: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for (id, _, ri) in &nodes {
        let kids: Vec<usize> = nodes
            .iter()
            .enumerate()
            .filter(|(_, (_, p, _))| p.as_deref() == Some(id.as_str()))
            .map(|(k, _)| k)
            .collect();
        let [only] = kids.as_slice() else { continue };
        let Some(cri) = nodes.get(*only).map(|(_, _, c)| *c) else {
            continue;
        };
        let numbered_parent = rows.get(*ri).is_some_and(|r| r.marker.is_some());
        let unnumbered_child = rows
            .get(cri)
            .is_some_and(|r| r.marker.is_none() && r.after_break);
        let no_lead = lead_i
            .and_then(|l| rows.get(*ri).and_then(|r| r.cells.get(l)))
            .is_none_or(Vec::is_empty);
        if !(numbered_parent && unnumbered_child && no_lead) {
            continue;
        }
        let Some(child) = rows.get(cri).cloned() else {
            continue;
        };
        if let Some(parent_row) = rows.get_mut(*ri) {
            let task_i = idx(Col::Task);
            for (i, mut blocks) in child.cells.into_iter().enumerate() {
                let Some(pc) = parent_row.cells.get_mut(i) else {
                    continue;
                };
                // A list cell's items stay items: the child's first one
                // opens a new bullet after the heading row's last.
                if Some(i) != task_i && !pc.is_empty() {
                    if let Some(first) = blocks.first_mut() {
                        if !first.starts_with(['-', '–', '•', '+']) {
                            first.insert_str(0, "- ");
                        }
                    }
                }
                pc.extend(blocks);
            }
            parent_row.lines.extend(child.lines);
        }
        if let Some(a) = absorbed.get_mut(*only) {
            *a = true;
        }
        merged.insert(id.clone());
    }
    let parents: rustc_hash::FxHashSet<&str> = nodes
        .iter()
        .zip(&absorbed)
        .filter(|(_, a)| !**a)
        .filter_map(|((_, p, _), _)| p.as_deref())
        .collect();
    let has_children: Vec<bool> = nodes
        .iter()
        .map(|(id, _, _)| parents.contains(id.as_str()))
        .collect();
    let text_of = |row: &Row, c: Col| idx(c).map(|i| row.text(i)).unwrap_or_default();
    // The leads of each emitted row, for children that leave the lead
    // column empty under a row whose lead cell spans them.
    let mut leads_of: rustc_hash::FxHashMap<String, Vec<obligraph_core::Assignment>> =
        rustc_hash::FxHashMap::default();
    let mut parsed_deadlines: rustc_hash::FxHashMap<String, Option<obligraph_core::Deadline>> =
        rustc_hash::FxHashMap::default();
    // The cells of each heading that spans the rows under it.
    let mut spans: rustc_hash::FxHashMap<String, HeadingCells> = rustc_hash::FxHashMap::default();
    for (ni, (id, parent, ri)) in nodes.iter().enumerate() {
        let Some(row) = rows.get(*ri) else { continue };
        ledger.attribute_all(&row.lines);
        if absorbed.get(ni).copied().unwrap_or(false) {
            continue;
        }
        let task = idx(Col::Task).map(|i| row.task_text(i)).unwrap_or_default();
        let lead = text_of(row, Col::Lead);
        let mut cells = HeadingCells {
            support: text_of(row, Col::Support),
            output: text_of(row, Col::Output),
            deadline: text_of(row, Col::Deadline),
        };
        let inherits = parent.as_deref().and_then(|p| spans.get(p));
        if let Some(up) = inherits {
            cells.take_from(up);
        }
        let from_heading = inherits.is_some_and(|up| !up.support.is_empty());
        let HeadingCells {
            support,
            output,
            deadline,
        } = cells.clone();
        let children = has_children.get(ni).copied().unwrap_or(false);
        let has_data =
            !(lead.is_empty() && support.is_empty() && output.is_empty() && deadline.is_empty());
        // A heading that names no lead over rows of its own is no task:
        // its other cells, printed on its line, span the rows under it
        // (which name their leads).
        let spans_rows = children && has_data && lead.is_empty() && lead_i.is_some();
        if spans_rows {
            spans.insert(id.clone(), cells);
        }
        if children {
            sections.push(Section {
                id: id.clone(),
                title: task.clone(),
                parent: parent.clone(),
                line: row.lines.first().copied().unwrap_or(0),
            });
        }
        if has_data && !spans_rows || !children {
            let mut o = Obligation::new(id.clone(), task);
            for item in split_bullets(&lead) {
                // "- Đề nghị VKSND quận, TAND quận phối hợp …" inside the lead
                // column: the item says its own role.
                let k = key(&item);
                let role = if k.contains("phoi hop") && !k.contains("chu tri") {
                    Role::Support
                } else {
                    Role::Lead
                };
                o.assignments.extend(ctx.agency_list(&item, role));
            }
            for item in split_bullets(&support) {
                o.assignments.extend(ctx.agency_list(&item, Role::Support));
            }
            if merged.contains(id) || from_heading {
                // Both rows name the same bodies: once each, a lead first.
                let mut seen = rustc_hash::FxHashSet::default();
                o.assignments.sort_by_key(|a| a.role != Role::Lead);
                o.assignments.retain(|a| seen.insert(a.agency.id.clone()));
            }
            let spanned = o.leads().next().is_none()
                && !o.text.is_empty()
                && parent.as_deref().is_some_and(|p| leads_of.contains_key(p));
            if spanned {
                // The cells of the row above span this one (merged
                // vertically): its lead, and one list of supports that a
                // page break has split between the two rows.
                let p = parent.as_deref().unwrap_or_default();
                let own: Vec<_> = std::mem::take(&mut o.assignments);
                if let Some(up) = obligations.iter_mut().rev().find(|x| x.id == p) {
                    for a in &own {
                        if !up.assignments.iter().any(|b| b.agency.id == a.agency.id) {
                            up.assignments.push(a.clone());
                        }
                    }
                    o.assignments = up.assignments.clone();
                    if deadline.is_empty() && up.deadline_text.is_some() {
                        o.deadline = up.deadline.clone();
                        o.deadline_text = up.deadline_text.clone();
                    }
                } else {
                    o.assignments = own;
                }
            }
            if o.leads().next().is_some() {
                leads_of.insert(id.clone(), o.leads().cloned().collect());
            }
            o.output = (!output.is_empty()).then_some(output);
            if deadline.is_empty() {
                // "(theo yêu cầu)", "(khi có yêu cầu)" closing the task
                // text: the row's deadline, written in its task cell.
                if let Some(inner) = last_parenthesis(&o.text) {
                    if let Some(d) = crate::deadline_phrase::parse_deadline(inner, &ctx.deadline) {
                        o.deadline = Some(d);
                        o.deadline_text = Some(inner.to_string());
                    }
                }
            }
            if !deadline.is_empty() {
                // Rows repeat the same deadline cells ("Hàng năm").
                let parsed = match parsed_deadlines.get(&deadline) {
                    Some(d) => d.clone(),
                    None => {
                        let d = crate::deadline_phrase::parse_deadline(&deadline, &ctx.deadline);
                        parsed_deadlines.insert(deadline.clone(), d.clone());
                        d
                    }
                };
                // A date alone in the deadline column (a spreadsheet's
                // date cell) is the day the task is due.
                o.deadline = parsed
                    .or_else(|| ctx.find_deadline(&deadline).map(|m| m.deadline))
                    .or_else(|| crate::deadline_phrase::bare_date(&deadline));
                o.deadline_text = Some(deadline);
            }
            o.section = parent.clone();
            o.source = SourceSpan {
                line_start: row.lines.iter().copied().min().unwrap_or(0),
                line_end: row.lines.iter().copied().max().unwrap_or(0),
                place: None,
            };
            obligations.push(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{import_text, Import};

    /// A province plan (another province, other agencies and wording than
    /// the seeds) whose appendix is `rows`, tab-separated, under one
    /// header; "PAGE" stands for a page break (the header printed again).
    fn plan_with(rows: &[&str]) -> Import {
        const HEADER: &str = "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tSản phẩm\tThời gian thực hiện";
        let mut text = String::from(
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSố: 12/KH-UBND\nQuảng Trị, ngày 5 tháng 2 năm 2024\nKẾ HOẠCH\nThực hiện Công ước về quyền của người khuyết tật\nI. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức về Công ước.\nII. NHIỆM VỤ\nCác nhiệm vụ tại Phụ lục kèm theo.\n\nPHỤ LỤC\n\n",
        );
        text.push_str(HEADER);
        text.push('\n');
        for r in rows {
            if *r == "PAGE" {
                text.push_str("\n\n");
                text.push_str(HEADER);
            } else {
                text.push_str(r);
            }
            text.push('\n');
        }
        import_text(&text, "variant.txt").unwrap()
    }

    fn ids(i: &Import) -> Vec<&str> {
        i.plan
            .obligations
            .iter()
            .filter(|o| o.id.starts_with("PL"))
            .map(|o| o.id.as_str())
            .collect()
    }

    /// The title of section `id`.
    fn section<'a>(i: &'a Import, id: &str) -> &'a str {
        i.plan
            .sections
            .iter()
            .find(|s| s.id == id)
            .map_or("", |s| s.title.as_str())
    }

    fn leads(i: &Import, id: &str) -> Vec<String> {
        i.plan
            .obligation(id)
            .unwrap_or_else(|| panic!("no {id}: {:?}", ids(i)))
            .leads()
            .map(|a| a.agency.name.clone())
            .collect()
    }

    const ROW_1: &str = "1.\tRà soát các văn bản quy phạm pháp luật về người khuyết tật\tSở Tư pháp\tCác sở, ngành liên quan\tBáo cáo rà soát\tNăm 2024";
    const HEADING: &str = "2.\tNâng cao chất lượng chăm sóc sức khỏe cho người khuyết tật\t\t\t\t";
    const ITS_ROW: &str = "\tTổ chức khám sàng lọc, phát hiện sớm khuyết tật ở trẻ em tại các trạm y tế xã\tSở Y tế\tỦy ban nhân dân cấp huyện\tSố trẻ em được khám\tHằng năm";
    const ROW_3: &str = "3.\tTuyên truyền Công ước trên Báo Quảng Trị\tSở Thông tin và Truyền thông\tĐài Phát thanh - Truyền hình tỉnh\tTin, bài\tHằng năm";

    #[test]
    fn a_heading_over_its_own_row_on_one_page_is_a_section_and_a_task() {
        let i = plan_with(&[ROW_1, HEADING, ITS_ROW, ROW_3]);
        assert_eq!(ids(&i), ["PL.1", "PL.2.n1", "PL.3"]);
        assert!(section(&i, "PL.2").starts_with("Nâng cao chất lượng chăm sóc"));
        assert_eq!(leads(&i, "PL.2.n1"), ["Sở Y tế"]);
    }

    #[test]
    fn a_heading_cut_by_a_page_break_is_one_task_with_the_row_that_carries_it() {
        // The row's cells land on the next page, its task cell going on
        // with a name written in capitals.
        let cut =
            "2.\tPhối hợp tổ chức các hoạt động hưởng ứng Ngày Quốc tế người khuyết tật do\t\t\t\t";
        let rest = "\tỦy ban nhân dân tỉnh phát động, lồng ghép với tháng hành động\tSở Lao động - Thương binh và Xã hội\tHội Người khuyết tật tỉnh\tBáo cáo kết quả\tHằng năm";
        let i = plan_with(&[ROW_1, cut, "PAGE", rest, ROW_3]);
        assert_eq!(ids(&i), ["PL.1", "PL.2", "PL.3"]);
        let o = i.plan.obligation("PL.2").unwrap();
        assert!(o
            .text
            .contains("Ngày Quốc tế người khuyết tật do Ủy ban nhân dân tỉnh"));
        assert_eq!(leads(&i, "PL.2"), ["Sở Lao động - Thương binh và Xã hội"]);
    }

    #[test]
    fn a_heading_without_cells_that_ends_a_page_goes_on_in_the_row_after_it() {
        // The heading's text is whole, but none of its cells are on its
        // page: a row cut between two paragraphs of its task cell prints
        // the same as a heading and a row of its own, and the page break
        // is what the text shows of the difference (on one page, the
        // first test, the row is the heading's own).
        let i = plan_with(&[ROW_1, HEADING, "PAGE", ITS_ROW, ROW_3]);
        assert_eq!(ids(&i), ["PL.1", "PL.2", "PL.3"]);
        assert_eq!(leads(&i, "PL.2"), ["Sở Y tế"]);
    }

    #[test]
    fn a_heading_whose_text_runs_over_the_break_keeps_its_own_row() {
        let long =
            "2.\tNâng cao chất lượng chăm sóc sức khỏe, phục hồi chức năng cho người\t\t\t\t";
        let i = plan_with(&[
            ROW_1,
            long,
            "PAGE",
            "\tkhuyết tật tại cộng đồng\t\t\t\t",
            ITS_ROW,
            ROW_3,
        ]);
        assert_eq!(ids(&i), ["PL.1", "PL.2.n1", "PL.3"]);
        assert!(section(&i, "PL.2").ends_with("cho người khuyết tật tại cộng đồng"));
    }

    #[test]
    fn a_headings_supports_span_the_rows_under_it() {
        // A heading that names bodies to cooperate but no lead is no task
        // of its own (nobody would lead it): its cells go to its rows.
        let heading = "2.\tNâng cao chất lượng chăm sóc sức khỏe cho người khuyết tật\t\tHội Chữ thập đỏ tỉnh\t\tHằng năm";
        let own = "\tTổ chức khám sàng lọc, phát hiện sớm khuyết tật ở trẻ em tại các trạm y tế xã\tSở Y tế\tỦy ban nhân dân cấp huyện\tSố trẻ em được khám\t";
        let i = plan_with(&[ROW_1, heading, own, ROW_3]);
        assert_eq!(ids(&i), ["PL.1", "PL.2.n1", "PL.3"]);
        let o = i.plan.obligation("PL.2.n1").unwrap();
        let supports: Vec<&str> = o.supports().map(|a| a.agency.name.as_str()).collect();
        assert_eq!(supports.len(), 2, "{supports:?}");
        assert!(
            supports.iter().any(|s| s.contains("Chữ thập đỏ")),
            "{supports:?}"
        );
        assert_eq!(o.deadline_text.as_deref(), Some("Hằng năm"));
    }
}
