//! A header whose two columns a PDF's text layer lays out side by side,
//! parted by runs of spaces rather than a TAB (session 25: the Huế city
//! police's plan was read as the Ministry's, a national plan, and lost its
//! date). Written here in another province's wording.

use obligraph_core::Level;

const PLAN: &str = "UBND TỈNH QUẢNG NAM                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TƯ PHÁP                                    Độc lập - Tự do - Hạnh phúc

Số: 58/KH-STP                              Quảng Nam, ngày 03 tháng 4 năm 2026

KẾ HOẠCH
Triển khai thực hiện Công ước chống tra tấn năm 2026

Căn cứ Kế hoạch số 71/KH-UBND ngày 12/3/2026 của UBND tỉnh Quảng Nam;

I. NHIỆM VỤ
1. Phòng Phổ biến, giáo dục pháp luật chủ trì tổ chức tuyên truyền Công ước chống tra tấn cho cán bộ, công chức; thời gian: Quý II/2026.
";

#[test]
fn columns_parted_by_spaces_give_issuer_and_date() {
    let plan = obligraph_vn::import_text(PLAN, "kh.txt").unwrap().plan;
    assert_eq!(plan.issuer.as_deref(), Some("Sở Tư pháp"));
    assert_eq!(
        plan.date,
        chrono::NaiveDate::from_ymd_opt(2026, 4, 3),
        "the dateline in the right-hand column"
    );
    assert_eq!(plan.number.as_deref(), Some("58/KH-STP"));
    assert_ne!(plan.level, Some(Level::National));
}

/// A single space, or two, inside a header line is no column gap: the
/// motto on a line of its own keeps its words.
#[test]
fn single_spaces_are_no_column_gap() {
    let text = PLAN.replace(
        "SỞ TƯ PHÁP                                    Độc lập - Tự do - Hạnh phúc",
        "SỞ TƯ PHÁP\tĐộc lập  -  Tự do  -  Hạnh phúc",
    );
    let plan = obligraph_vn::import_text(&text, "kh.txt").unwrap().plan;
    assert_eq!(plan.issuer.as_deref(), Some("Sở Tư pháp"));
}
