//! Excel task tables: export of the seeds and reading them back, the
//! fixtures under `tests/fixtures/xlsx/`, and bad cells.

mod common;
use common::{root, SEEDS};

use std::collections::BTreeSet;
use std::path::PathBuf;

use obligraph_core::{Obligation, Place, Plan, Role};
use obligraph_vn::xlsx::assignment_table;
use obligraph_vn::{import_path, import_xlsx_bytes, ImportError, ImportOptions, ImportWarning};

fn seed(name: &str) -> Plan {
    import_path(&root().join(format!("examples/data/seeds/{name}.txt")))
        .unwrap()
        .plan
}

/// What a round trip keeps of an obligation: text, leads, supports,
/// requested bodies, deadline as written. Roles and deadlines a body item
/// carries from the rows under its heading (`Obligation::roles_from`) are
/// written at those rows, not again at the body item: its own are kept.
type Kept = (
    String,
    BTreeSet<String>,
    BTreeSet<String>,
    BTreeSet<String>,
    String,
);

fn kept(o: &Obligation) -> Kept {
    let ids = |f: &dyn Fn(&obligraph_core::Assignment) -> bool| {
        o.own_assignments()
            .iter()
            .filter(|a| f(a))
            .map(|a| a.agency.id.clone())
            .collect()
    };
    (
        o.text.clone(),
        ids(&|a| a.role == Role::Lead),
        ids(&|a| a.role == Role::Support),
        ids(&|a| a.requested),
        o.own_deadline_text().unwrap_or_default().to_string(),
    )
}

#[test]
fn seeds_round_trip_through_xlsx() {
    let mut failures = Vec::new();
    for name in SEEDS {
        let plan = seed(name);
        let bytes = assignment_table(&plan).unwrap();
        let back = import_xlsx_bytes(&bytes, &format!("{name}.xlsx"), &ImportOptions::default())
            .unwrap()
            .plan;
        // The same obligations, in any order (the table lists them in
        // section order, the plan in line order).
        let mut want: Vec<Kept> = plan.obligations.iter().map(kept).collect();
        let mut got: Vec<Kept> = back.obligations.iter().map(kept).collect();
        want.sort();
        got.sort();
        if want != got {
            let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
            let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
            failures.push(format!(
                "{name}: {} obligations exported, {} read back\n  lost: {missing:#?}\n  new: {extra:#?}",
                want.len(),
                got.len()
            ));
        }
        // Every obligation read back says where it is on the sheet.
        assert!(back.obligations.iter().all(|o| matches!(
            &o.source.place,
            Some(Place::SheetRows { sheet, column: 2, .. }) if sheet == obligraph_vn::xlsx::SHEET_NAME
        )));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/xlsx").join(name)
}

fn sorted(plan: &Plan, keep: impl Fn(&Obligation) -> bool) -> Vec<Kept> {
    let mut v: Vec<Kept> = plan
        .obligations
        .iter()
        .filter(|o| keep(o))
        .map(kept)
        .collect();
    v.sort();
    v
}

/// The committed exports of two seeds (made by `make_fixtures.py` with
/// `obligraph import --format xlsx`) read back as the seeds' obligations.
#[test]
fn committed_exports_read_back_as_the_seeds() {
    for name in ["ngo-quyen-102-2023", "dong-nai-74-2026"] {
        let back = import_path(&fixture(&format!("{name}.xlsx"))).unwrap();
        assert!(back.warnings.is_empty(), "{name}: {:?}", back.warnings);
        assert_eq!(
            sorted(&back.plan, |_| true),
            sorted(&seed(name), |_| true),
            "{name}"
        );
    }
}

/// The hand-shaped appendix (title rows, merged section rows, merged lead
/// and deadline cells, a second sheet, a sheet of notes) gives the same
/// obligations as the seed's appendix read from the text, and as the same
/// table written as text.
#[test]
fn hand_shaped_appendix_is_the_seed_appendix() {
    let import = import_path(&fixture("ngo-quyen-appendix.xlsx")).unwrap();
    assert_eq!(
        import.warnings,
        vec![ImportWarning::SheetSkipped {
            sheet: "Hướng dẫn".into()
        }]
    );
    let plan = &import.plan;
    assert_eq!(plan.number.as_deref(), Some("102/KH-UBND"));
    let appendix = |o: &Obligation| o.id.starts_with("PL");
    let from_seed = sorted(&seed("ngo-quyen-102-2023"), appendix);
    assert_eq!(from_seed.len(), 22);
    assert_eq!(sorted(plan, |_| true), from_seed);

    // The same table as text: the same obligations but one. The text path
    // cannot know its rows are whole, and its repair of rows cut by a page
    // break moves row 5's lowercase deadline "theo yêu cầu" to row 4's
    // open "Hàng năm" (a slip of the text path on a clean table; the
    // spreadsheet reader, whose rows are whole, does not try it).
    let twin = import_path(&fixture("ngo-quyen-appendix.txt")).unwrap();
    let twin = sorted(&twin.plan, |_| true);
    let sheet = sorted(plan, |_| true);
    let differ: Vec<(&Kept, &Kept)> = twin.iter().zip(&sheet).filter(|(a, b)| a != b).collect();
    assert_eq!(twin.len(), sheet.len());
    assert_eq!(differ.len(), 1, "{differ:#?}");
    let (text_row, sheet_row) = differ[0];
    // (Row 4 is a heading over its task "Đẩy mạnh các hoạt động hợp tác
    // quốc tế …", as the seed's text is read since session 14.)
    assert!(sheet_row
        .0
        .starts_with("Đẩy mạnh các hoạt động hợp tác quốc tế"));
    assert_eq!(
        (text_row.4.as_str(), sheet_row.4.as_str()),
        ("Hàng năm theo yêu cầu", "Hàng năm")
    );
    assert_eq!(
        (&text_row.0, &text_row.1, &text_row.2, &text_row.3),
        (&sheet_row.0, &sheet_row.1, &sheet_row.2, &sheet_row.3)
    );

    // The tree is the seed's: section rows merged across the table are
    // sections, the second sheet opens an appendix of its own.
    let ids: Vec<&str> = plan.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["PL", "PL.2", "PL.2.2", "PL.2.6", "PL.2.7", "PL.3", "PL.3.2", "PL.3.3", "PL2", "PL2.4"]
    );
}

#[test]
fn merged_lead_cells_fill_every_task_they_span() {
    let plan = import_path(&fixture("ngo-quyen-appendix.xlsx"))
        .unwrap()
        .plan;
    // 3.3.a and 3.3.b: one deadline cell merged over both rows.
    for id in ["PL.3.3.a", "PL.3.3.b"] {
        let o = plan.obligation(id).unwrap();
        assert_eq!(o.deadline_text.as_deref(), Some("Hàng năm"), "{id}");
    }
    // 2.6.a and 2.7.a share the lead Phòng Tư pháp with rows around them.
    for id in ["PL.2.6.a", "PL.2.7", "PL.2.7.a"] {
        let o = plan.obligation(id).unwrap();
        let leads: Vec<&str> = o.leads().map(|a| a.agency.id.as_str()).collect();
        assert_eq!(leads, ["district:justice"], "{id}");
    }
}

#[test]
fn obligations_say_their_sheet_row_and_column() {
    let plan = import_path(&fixture("ngo-quyen-appendix.xlsx"))
        .unwrap()
        .plan;
    let at = |id: &str| {
        plan.obligation(id)
            .and_then(|o| o.source.place.as_ref())
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    // Four title rows, an empty row, the header (row 6), the column
    // numbers (row 7): 1 on row 8, section 2 on row 9, the heading 2.2 on
    // row 11 over its task on row 12, 2.3 on row 13; on the second sheet
    // the heading 4 on row 3 over its task on row 4.
    assert_eq!(at("PL.1"), "'Phụ lục I'!B8");
    assert_eq!(at("PL.2.2.n1"), "'Phụ lục I'!B12");
    assert_eq!(at("PL.2.3"), "'Phụ lục I'!B13");
    assert_eq!(at("PL2.4.n1"), "'Hợp tác quốc tế'!B4");
}

// ---------------------------------------------------------------------------
// Bad cells

/// A workbook with the usual header on row 2 under a title, and `f`
/// writing the task rows from row 3 (0-based 2).
fn workbook(f: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Nhiệm vụ").unwrap();
    sheet.write_string(0, 0, "DANH MỤC NHIỆM VỤ").unwrap();
    for (c, h) in [
        "STT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, h).unwrap();
    }
    sheet.write_number(2, 0, 1).unwrap();
    sheet.write_string(2, 1, "Rà soát văn bản").unwrap();
    sheet.write_string(2, 2, "Sở Tư pháp").unwrap();
    f(sheet);
    book.save_to_buffer().unwrap()
}

fn cell_error(bytes: &[u8]) -> (String, u32, String, String) {
    match import_xlsx_bytes(bytes, "kh.xlsx", &ImportOptions::default()) {
        Err(ImportError::XlsxCell {
            file,
            sheet,
            row,
            column,
            message,
        }) => {
            assert_eq!(file, "kh.xlsx");
            (sheet, row, column, message)
        }
        other => panic!("expected a cell error, got {other:?}"),
    }
}

#[test]
fn an_error_value_is_a_bad_cell() {
    let bytes = workbook(|s| {
        s.write_formula(
            2,
            3,
            rust_xlsxwriter::Formula::new("=NA()").set_result("#N/A"),
        )
        .unwrap();
    });
    let (sheet, row, column, message) = cell_error(&bytes);
    assert_eq!((sheet.as_str(), row, column.as_str()), ("Nhiệm vụ", 3, "D"));
    assert!(message.contains("#N/A"), "{message}");
    let err = import_xlsx_bytes(&bytes, "kh.xlsx", &ImportOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`kh.xlsx` sheet `Nhiệm vụ`, cell D3: the cell holds the error value #N/A, expected text"
    );
}

#[test]
fn a_number_where_agencies_are_named_is_a_bad_cell() {
    let bytes = workbook(|s| {
        s.write_number(2, 3, 5).unwrap();
    });
    let (_, row, column, message) = cell_error(&bytes);
    assert_eq!((row, column.as_str()), (3, "D"));
    assert!(message.contains("expected agency names"), "{message}");
}

#[test]
fn a_boolean_or_a_misplaced_date_is_a_bad_cell() {
    let bytes = workbook(|s| {
        s.write_boolean(2, 1, true).unwrap();
    });
    assert_eq!(cell_error(&bytes).2, "B");
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 12, 31).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let bytes = workbook(|s| {
        s.write_datetime_with_format(2, 2, &date, &format).unwrap();
    });
    let (_, _, column, message) = cell_error(&bytes);
    assert_eq!(column, "C");
    assert!(message.contains("deadline column"), "{message}");
}

#[test]
fn a_date_in_the_deadline_column_is_read_as_written() {
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 12, 31).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let bytes = workbook(|s| {
        s.write_datetime_with_format(2, 4, &date, &format).unwrap();
    });
    let plan = import_xlsx_bytes(&bytes, "kh.xlsx", &ImportOptions::default())
        .unwrap()
        .plan;
    let o = &plan.obligations[0];
    // As written, and read: a date alone in the deadline column is the
    // day the task is due at the latest.
    assert_eq!(o.deadline_text.as_deref(), Some("31/12/2023"));
    assert_eq!(
        o.deadline,
        Some(obligraph_core::Deadline::Once {
            date: chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap(),
            bound: obligraph_core::DayBound::AtLatest,
        })
    );
    assert_eq!(
        o.source.place.as_ref().map(ToString::to_string).as_deref(),
        Some("'Nhiệm vụ'!B3")
    );
}

/// A Bắc Ninh-style task table (not a seed): the department's rows on a
/// visible sheet, an older draft of them on a hidden one, and STT typed as
/// numbers, so that row 3.10 is the number 3.1.
#[test]
fn a_hidden_sheet_is_skipped_and_a_decimal_stt_counts_on() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let header = [
        "STT",
        "Nội dung công việc",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời hạn",
    ];
    {
        let sheet = book.add_worksheet();
        sheet.set_name("Kế hoạch").unwrap();
        for (c, h) in header.into_iter().enumerate() {
            sheet.write_string(0, c as u16, h).unwrap();
        }
        let rows: [(f64, &str); 3] = [
            (
                3.9,
                "Kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính",
            ),
            (3.1, "Tổng hợp số liệu xử lý vi phạm hành chính năm 2024"),
            (3.11, "Báo cáo kết quả thực hiện về Sở Tư pháp"),
        ];
        for (i, (n, task)) in rows.into_iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_number(r, 0, n).unwrap();
            sheet.write_string(r, 1, task).unwrap();
            sheet.write_string(r, 2, "Sở Tư pháp").unwrap();
        }
    }
    {
        let draft = book.add_worksheet();
        draft.set_name("Bản nháp").unwrap();
        for (c, h) in header.into_iter().enumerate() {
            draft.write_string(0, c as u16, h).unwrap();
        }
        draft.write_number(1, 0, 1).unwrap();
        draft
            .write_string(1, 1, "Nhiệm vụ đã bỏ khỏi kế hoạch")
            .unwrap();
        draft.write_string(1, 2, "Sở Nội vụ").unwrap();
        draft.set_hidden(true);
    }
    let bytes = book.save_to_buffer().unwrap();
    let import = import_xlsx_bytes(&bytes, "kh.xlsx", &ImportOptions::default()).unwrap();
    assert_eq!(
        import.warnings,
        vec![ImportWarning::HiddenSheetSkipped {
            sheet: "Bản nháp".into()
        }]
    );
    let texts: Vec<&str> = import
        .plan
        .obligations
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert!(!texts.iter().any(|t| t.contains("đã bỏ")), "{texts:?}");
    let ids: Vec<&str> = import
        .plan
        .obligations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    // 3.1 after 3.9 is row 3.10; 3.11 stays 3.11.
    assert!(ids.iter().any(|i| i.ends_with("3.10")), "{ids:?}");
    assert!(ids.iter().any(|i| i.ends_with("3.11")), "{ids:?}");
    assert!(!ids.iter().any(|i| i.ends_with("3.1")), "{ids:?}");
}

#[test]
fn a_cell_over_the_line_limit_is_a_bad_cell() {
    let bytes = workbook(|s| {
        s.write_string(2, 1, "Rà soát văn bản ".repeat(10)).unwrap();
    });
    let mut options = ImportOptions::default();
    options.max_line_bytes = 64;
    match import_xlsx_bytes(&bytes, "kh.xlsx", &options) {
        Err(ImportError::XlsxCell { row, column, .. }) => {
            assert_eq!((row, column.as_str()), (3, "B"))
        }
        other => panic!("expected a cell error, got {other:?}"),
    }
}

#[test]
fn not_a_workbook_is_an_error_naming_the_file() {
    let err =
        import_xlsx_bytes(b"STT\tNhiem vu", "kh.xlsx", &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(err, ImportError::Xlsx { ref file, .. } if file == "kh.xlsx"),
        "{err}"
    );
    // A workbook without any task header: no plan, one warning per sheet.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "Ghi chú").unwrap();
    let import = import_xlsx_bytes(
        &book.save_to_buffer().unwrap(),
        "x.xlsx",
        &ImportOptions::default(),
    )
    .unwrap();
    assert!(!import.plan_found());
    assert_eq!(import.warnings.len(), 1);
}

// ---------------------------------------------------------------------------
// Hostile input

mod hostile {
    use super::*;
    use proptest::prelude::*;

    fn exported() -> &'static [u8] {
        static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BYTES.get_or_init(|| std::fs::read(fixture("ngo-quyen-appendix.xlsx")).unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any bytes: a plan or a typed error, never a panic.
        #[test]
        fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = import_xlsx_bytes(&bytes, "x.xlsx", &ImportOptions::default());
        }

        /// A real workbook with bytes changed: a plan or a typed error.
        #[test]
        fn damaged_workbook(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
            let mut bytes = exported().to_vec();
            for (i, b) in edits {
                let at = i.index(bytes.len());
                bytes[at] = b;
            }
            let _ = import_xlsx_bytes(&bytes, "x.xlsx", &ImportOptions::default());
        }
    }
}

/// A part that inflates over the ratio limit is refused before the
/// workbook reader decompresses it.
#[test]
fn zip_bomb_is_refused() {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer
        .start_file("xl/worksheets/sheet1.xml", options)
        .unwrap();
    writer.write_all(&vec![b' '; 8 << 20]).unwrap();
    let bytes = writer.finish().unwrap().into_inner();
    let err = import_xlsx_bytes(&bytes, "bomb.xlsx", &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(&err, ImportError::Xlsx { message, .. } if message.contains("compressed")),
        "{err}"
    );
}

/// A table that does not start at A1 (title in B2, header on row 4 from
/// column B, the lead merged down): rows and columns are the sheet's.
#[test]
fn a_table_away_from_the_corner() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.write_string(1, 1, "KẾ HOẠCH THỰC HIỆN").unwrap();
    for (c, h) in [
        "TT",
        "Nội dung công việc",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian thực hiện",
    ]
    .into_iter()
    .enumerate()
    {
        s.write_string(3, 1 + c as u16, h).unwrap();
    }
    s.write_string(4, 1, "1").unwrap();
    s.write_string(4, 2, "Rà soát văn bản").unwrap();
    s.merge_range(4, 3, 5, 3, "Sở Tư pháp", &rust_xlsxwriter::Format::new())
        .unwrap();
    s.write_string(4, 5, "Năm 2026").unwrap();
    s.write_string(5, 1, "2").unwrap();
    s.write_string(5, 2, "Tuyên truyền pháp luật").unwrap();
    s.write_string(5, 4, "Công an tỉnh").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let plan = import_xlsx_bytes(&bytes, "kh.xlsx", &ImportOptions::default())
        .unwrap()
        .plan;
    let rows: Vec<(String, Vec<&str>, String)> = plan
        .obligations
        .iter()
        .map(|o| {
            (
                o.text.clone(),
                o.leads().map(|a| a.agency.id.as_str()).collect(),
                o.source
                    .place
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Rà soát văn bản".to_string(),
                vec!["province:justice"],
                "Sheet1!C5".to_string()
            ),
            (
                "Tuyên truyền pháp luật".to_string(),
                vec!["province:justice"],
                "Sheet1!C6".to_string()
            ),
        ]
    );
}

/// Cells far apart (A1 and XFD1048576: a dense grid would be 17 billion
/// cells) and a merged region over many rows: read sparse.
#[test]
fn far_cells_and_huge_merges_are_read_sparse() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    for (c, h) in [
        "STT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
    ]
    .into_iter()
    .enumerate()
    {
        s.write_string(0, c as u16, h).unwrap();
    }
    s.write_string(1, 0, "1").unwrap();
    s.write_string(1, 1, "Rà soát văn bản").unwrap();
    s.merge_range(
        1,
        2,
        20_000,
        2,
        "Sở Tư pháp",
        &rust_xlsxwriter::Format::new(),
    )
    .unwrap();
    s.write_string(1_048_575, 16_383, "ghi chú").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let import = import_xlsx_bytes(&bytes, "far.xlsx", &ImportOptions::default()).unwrap();
    let o = import.plan.obligation("PL.1").unwrap();
    assert_eq!(o.leads().count(), 1);
    // Over a small cell limit: a typed error naming the cell.
    let mut options = ImportOptions::default();
    options.max_table_cells = 4;
    assert!(matches!(
        import_xlsx_bytes(&bytes, "far.xlsx", &options),
        Err(ImportError::XlsxCell { .. })
    ));
}
