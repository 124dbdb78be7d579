//! Appendix tables (STT · Nhiệm vụ · Cơ quan chủ trì · Cơ quan phối hợp ·
//! Kết quả dự kiến · Thời hạn) to sections and obligations.
//!
//! Rows continue across pages: a row with an empty STT whose task cell is
//! empty or starts in lowercase continues the row above; at a page break
//! the tail of a row can also land in the first paragraph of each cell of
//! the next numbered row (a lowercase fragment, or the end of a cell cut
//! after "và"), which is moved back. A row with an empty STT that starts
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
    let k = key(header);
    if k == "stt" || k == "tt" || k == "so tt" {
        Col::Stt
    } else if k.contains("chu tri") {
        Col::Lead
    } else if k.contains("phoi hop") {
        Col::Support
    } else if k.contains("thoi han") || k.contains("thoi gian") || k.contains("tien do") {
        Col::Deadline
    } else if k.contains("ket qua") || k.contains("san pham") || k.contains("du kien") {
        Col::Output
    } else if k.contains("nhiem vu") || k.contains("noi dung") || k.contains("giai phap") {
        Col::Task
    } else {
        Col::Other
    }
}

/// A logical row: one or more row lines.
#[derive(Debug, Clone)]
struct Row {
    marker: Option<Marker>,
    cells: Vec<Vec<String>>,
    lines: Vec<u32>,
}

impl Row {
    fn text(&self, i: usize) -> String {
        self.cells.get(i).map(|b| b.join(" ")).unwrap_or_default()
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

fn assemble(table: &Table, cols: &[Col]) -> Vec<Row> {
    let task_col = cols.iter().position(|c| *c == Col::Task).unwrap_or(1);
    let lead_col = cols.iter().position(|c| *c == Col::Lead);
    let stt_col = cols.iter().position(|c| *c == Col::Stt).unwrap_or(0);
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
                if (first_task.is_empty() || starts_lowercase(&first_task) || task_only)
                    && stt.is_empty()
                {
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
            });
            continue;
        }
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
        });
    }
    rows
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
    let mut unnumbered: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
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

    let parents: std::collections::HashSet<&str> =
        nodes.iter().filter_map(|(_, p, _)| p.as_deref()).collect();
    let has_children: Vec<bool> = nodes
        .iter()
        .map(|(id, _, _)| parents.contains(id.as_str()))
        .collect();
    let text_of = |row: &Row, c: Col| idx(c).map(|i| row.text(i)).unwrap_or_default();
    let mut parsed_deadlines: rustc_hash::FxHashMap<String, Option<obligraph_core::Deadline>> =
        rustc_hash::FxHashMap::default();
    for (ni, (id, parent, ri)) in nodes.iter().enumerate() {
        let Some(row) = rows.get(*ri) else { continue };
        ledger.attribute_all(&row.lines);
        let task = text_of(row, Col::Task);
        let lead = text_of(row, Col::Lead);
        let support = text_of(row, Col::Support);
        let output = text_of(row, Col::Output);
        let deadline = text_of(row, Col::Deadline);
        let children = has_children.get(ni).copied().unwrap_or(false);
        let has_data =
            !(lead.is_empty() && support.is_empty() && output.is_empty() && deadline.is_empty());
        if children {
            sections.push(Section {
                id: id.clone(),
                title: task.clone(),
                parent: parent.clone(),
                line: row.lines.first().copied().unwrap_or(0),
            });
        }
        if has_data || !children {
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
            o.output = (!output.is_empty()).then_some(output);
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
                o.deadline = parsed.or_else(|| ctx.find_deadline(&deadline).map(|m| m.deadline));
                o.deadline_text = Some(deadline);
            }
            o.section = parent.clone();
            o.source = SourceSpan {
                line_start: row.lines.iter().copied().min().unwrap_or(0),
                line_end: row.lines.iter().copied().max().unwrap_or(0),
            };
            obligations.push(o);
        }
    }
}
