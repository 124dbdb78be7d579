//! The limits of `ImportOptions` on the text importer: each one refuses a
//! constructed input just over it with its own error naming the file, line
//! and column, accepts the same input just under it, and leaves the real
//! corpus untouched at the defaults.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use obligraph_vn::{import_text, import_text_with, Import, ImportError, ImportOptions};

const CORPUS: [&str; 8] = [
    "seeds/binh-thuan-qd87-2023.txt",
    "seeds/dong-nai-74-2026.txt",
    "seeds/hue-qd2715-2026.txt",
    "seeds/hue-sokhcn-de-an-65-2026.txt",
    "seeds/ngo-quyen-102-2023.txt",
    "decisions/qd-2715-2025.txt",
    "decisions/qd-364-2015.txt",
    "decisions/qd-87-2023.txt",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data")
}

fn source(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

/// Deepest section of an import (a top-level section has depth 1).
fn max_depth(import: &Import) -> usize {
    let parents: HashMap<&str, Option<&str>> = import
        .plan
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.parent.as_deref()))
        .collect();
    import
        .plan
        .sections
        .iter()
        .map(|s| {
            let mut d = 1;
            let mut cur = s.parent.as_deref();
            while let Some(p) = cur {
                d += 1;
                cur = parents.get(p).copied().flatten();
            }
            d
        })
        .max()
        .unwrap_or(0)
}

fn with(f: impl FnOnce(&mut ImportOptions)) -> ImportOptions {
    let mut o = ImportOptions::default();
    f(&mut o);
    o
}

/// Asserts the message names the file, the line and the column, and says
/// what was expected.
fn assert_placed(err: &ImportError, file: &str, line: u32, column: u32) {
    let msg = err.to_string();
    assert!(msg.contains(&format!("`{file}`")), "{msg}");
    assert!(msg.contains(&format!("line {line}")), "{msg}");
    assert!(msg.contains(&format!("column {column}")), "{msg}");
    assert!(msg.contains("expected"), "{msg}");
    assert!(msg.contains("limit"), "{msg}");
}

/// A small plan whose task section holds `bullets` tasks, each with its
/// lead in parentheses. Line 1 is the number, the tasks start at line 6.
fn plan_with_tasks(bullets: usize) -> String {
    let mut s = String::from(
        "Số: 102/KH-UBND\nQuận Ngô Quyền, ngày 14 tháng 4 năm 2023\nKẾ HOẠCH\n\
         II. NHIỆM VỤ, GIẢI PHÁP\n1. Tiếp tục hoàn thiện pháp luật\n",
    );
    for i in 1..=bullets {
        s.push_str(&format!(
            "- Rà soát văn bản số {i} (Phòng Tư pháp chủ trì; Công an quận phối hợp).\n"
        ));
    }
    s
}

/// A plan with an appendix table whose rows are numbered 1, 1.1, 1.1.1 …
/// down to `levels` numbers, then a leaf row. The header is line 3, row
/// `k` (1-based) is line 3 + k.
fn plan_with_nested_table(levels: usize) -> String {
    let mut s =
        String::from("Số: 74/KH-UBND\nPHỤ LỤC\nSTT\tNội dung\tCơ quan chủ trì\tThời gian\n");
    for k in 1..=levels + 1 {
        let stt = vec!["1"; k].join(".");
        s.push_str(&format!("{stt}\tNhiệm vụ mức {k}\tSở Tư pháp\tNăm 2026\n"));
    }
    s
}

#[test]
fn line_length_limit() {
    // "Rà soát" is 9 bytes (à and á take two each).
    let text = "Số: 1\n\n  Rà soát\n";
    let ok = with(|o| o.max_line_bytes = 11);
    import_text_with(text, "kh.txt", &ok).unwrap();
    let over = with(|o| o.max_line_bytes = 10);
    let err = import_text_with(text, "kh.txt", &over).unwrap_err();
    // The 11th byte is the "t", the 9th character.
    assert!(
        matches!(
            err,
            ImportError::LineTooLong {
                line: 3,
                column: 9,
                bytes: 11,
                max: 10,
                ..
            }
        ),
        "{err:?}"
    );
    assert_placed(&err, "kh.txt", 3, 9);
    // A CRLF line break does not count.
    import_text_with("Số: 1\r\n\r\n  Rà soát\r\n", "kh.txt", &ok).unwrap();
}

#[test]
fn table_cell_limit() {
    let text = plan_with_nested_table(1);
    // Header and two rows of four cells.
    let ok = with(|o| o.max_table_cells = 12);
    let import = import_text_with(&text, "pl.txt", &ok).unwrap();
    assert!(!import.plan.obligations.is_empty());
    let over = with(|o| o.max_table_cells = 11);
    let err = import_text_with(&text, "pl.txt", &over).unwrap_err();
    // The twelfth cell is the last of the row on line 5: "1.1\tNhiệm vụ
    // mức 2\tSở Tư pháp\t" puts it at column 31.
    assert!(
        matches!(
            err,
            ImportError::TooManyCells {
                line: 5,
                column: 31,
                cells: 12,
                max: 11,
                ..
            }
        ),
        "{err:?}"
    );
    assert_placed(&err, "pl.txt", 5, 31);
    // Crossing at the first cell of a row points at the row's start.
    let at_row = with(|o| o.max_table_cells = 8);
    let err = import_text_with(&text, "pl.txt", &at_row).unwrap_err();
    assert_placed(&err, "pl.txt", 5, 1);
}

#[test]
fn table_cell_limit_markdown_column() {
    let text =
        "Số: 74/KH-UBND\n| STT | Nội dung | Cơ quan chủ trì |\n| 1 | Rà soát | Sở Tư pháp |\n";
    import_text_with(text, "pl.md", &with(|o| o.max_table_cells = 6)).unwrap();
    let err = import_text_with(text, "pl.md", &with(|o| o.max_table_cells = 5)).unwrap_err();
    // The sixth cell, just after the third pipe of line 3.
    assert!(
        matches!(err, ImportError::TooManyCells { line: 3, .. }),
        "{err:?}"
    );
    assert_placed(&err, "pl.md", 3, 16);
}

#[test]
fn depth_limit() {
    let levels = 40;
    let text = plan_with_nested_table(levels);
    let unlimited = with(|o| o.max_depth = usize::MAX);
    let import = import_text_with(&text, "deep.txt", &unlimited).unwrap();
    // The appendix root, then one section per numbered row with a child.
    assert_eq!(max_depth(&import), levels + 1);
    import_text_with(&text, "deep.txt", &with(|o| o.max_depth = levels + 1)).unwrap();
    let err = import_text_with(&text, "deep.txt", &with(|o| o.max_depth = levels)).unwrap_err();
    // The last section row (numbered with `levels` numbers) is line 3 + levels.
    let line = u32::try_from(3 + levels).unwrap();
    assert!(
        matches!(
            err,
            ImportError::TooDeep {
                depth: 41,
                max: 40,
                ..
            }
        ),
        "{err:?}"
    );
    assert_placed(&err, "deep.txt", line, 1);
    // The default refuses it.
    let err = import_text(&text, "deep.txt").unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::TooDeep {
                depth: 33,
                max: 32,
                line: 35,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn body_numbering_stays_shallow() {
    // The deepest body numbering: I → 1 → 1.1 → 1.1.1 → 1.1.1.1 → a).
    let text = "Số: 1/KH-UBND\nKẾ HOẠCH\nII. NHIỆM VỤ\n1. Nhóm một\n1.1. Nhóm hai\n\
                1.1.1. Nhóm ba\n1.1.1.1. Nhóm bốn\na) Nhóm năm\n\
                - Rà soát văn bản (Phòng Tư pháp chủ trì).\n";
    let import = import_text(text, "kh.txt").unwrap();
    assert_eq!(max_depth(&import), 6);
}

#[test]
fn obligation_limit() {
    let n = 50;
    let text = plan_with_tasks(n);
    let import = import_text(&text, "kh.txt").unwrap();
    assert_eq!(import.plan.obligations.len(), n);
    import_text_with(&text, "kh.txt", &with(|o| o.max_obligations = n)).unwrap();
    let err = import_text_with(&text, "kh.txt", &with(|o| o.max_obligations = n - 1)).unwrap_err();
    // The n-th task is on line 5 + n.
    let line = u32::try_from(5 + n).unwrap();
    assert!(
        matches!(
            err,
            ImportError::TooManyObligations {
                obligations: 50,
                max: 49,
                ..
            }
        ),
        "{err:?}"
    );
    assert_placed(&err, "kh.txt", line, 1);
}

#[test]
fn corpus_is_far_below_the_defaults() {
    let d = ImportOptions::default();
    for rel in CORPUS {
        let text = source(rel);
        let import = import_text(&text, rel).unwrap();
        let longest = text.split('\n').map(str::len).max().unwrap_or(0);
        // The fewest cells accepted: the document's table cells.
        let (mut lo, mut hi) = (0usize, d.max_table_cells);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if import_text_with(&text, rel, &with(|o| o.max_table_cells = mid)).is_ok() {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let depth = max_depth(&import);
        let obligations = import.plan.obligations.len();
        eprintln!(
            "{rel}: longest line {longest} B, {lo} cells, depth {depth}, {obligations} obligations"
        );
        assert!(longest * 100 < d.max_line_bytes, "{rel}");
        assert!(lo * 100 < d.max_table_cells, "{rel}");
        assert!(depth * 4 < d.max_depth, "{rel}");
        assert!(obligations * 100 < d.max_obligations, "{rel}");
    }
}

#[test]
fn import_path_with_passes_the_docx_limits() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/docx/dong-nai-74-2026.docx");
    let import = obligraph_vn::import_path_with(&path, &ImportOptions::default()).unwrap();
    assert!(!import.plan.obligations.is_empty());
    let strict = with(|o| o.docx.max_cells = 10);
    let err = obligraph_vn::import_path_with(&path, &strict).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Docx {
                source: obligraph_vn::docx::DocxError::LimitExceeded {
                    limit: obligraph_vn::docx::DocxLimit::Cells,
                    ..
                },
                ..
            }
        ),
        "{err:?}"
    );
}
