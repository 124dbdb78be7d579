//! A report of one kind is not a report of another: a derived plan that
//! writes the yearly preliminary review and leaves out the five-year final
//! review carries its parent's "báo cáo sơ kết hằng năm và báo cáo tổng kết
//! 05 năm" in part, naming the final review (session 22: thị xã La Gi
//! against Bình Thuận III.2, called covered because the final review's
//! other words — "báo cáo … đánh giá … thực hiện Kế hoạch" — were all
//! there). In Nghệ An's and Quỳnh Lưu's wording.

use obligraph_rules::Status;

const NGHE_AN: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN	Độc lập - Tự do - Hạnh phúc
Số: 211/KH-UBND	Nghệ An, ngày 20 tháng 4 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ, tạm giam (Công an tỉnh chủ trì; hằng năm).
II. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì theo dõi, tổng hợp, xây dựng báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm đánh giá kết quả thực hiện Kế hoạch này, trình Ủy ban nhân dân tỉnh.
";

fn quynh_luu(report: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN QUỲNH LƯU	Độc lập - Tự do - Hạnh phúc
Số: 73/KH-UBND	Quỳnh Lưu, ngày 12 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 211/KH-UBND của Ủy ban nhân dân tỉnh về Công ước chống tra tấn
I. NHIỆM VỤ
1. Tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ (Công an huyện chủ trì; hằng năm).
II. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp huyện chủ trì theo dõi, tổng hợp, {report} đánh giá kết quả thực hiện Kế hoạch này, trình Ủy ban nhân dân huyện.
"
    )
}

#[test]
fn the_yearly_review_does_not_give_the_final_review() {
    let child = quynh_luu("xây dựng báo cáo sơ kết hằng năm");
    let p = crate::common::audited(NGHE_AN, &child, "tổng kết 05 năm");
    assert_eq!(p.status, Status::Partial, "{:?}", p.elements);
    let dropped: Vec<&str> = p
        .elements
        .iter()
        .filter(|e| e.carried_by.is_empty())
        .map(|e| e.text.as_ref())
        .collect();
    assert!(
        dropped.iter().any(|e| e.contains("tổng kết")),
        "{dropped:?}"
    );
}

#[test]
fn both_reviews_carry_it_whole() {
    let child = quynh_luu("xây dựng báo cáo sơ kết hằng năm và báo cáo tổng kết 05 năm");
    let p = crate::common::audited(NGHE_AN, &child, "tổng kết 05 năm");
    assert_eq!(p.status, Status::Covered, "{:?}", p.elements);
}

/// "Định kỳ 6 tháng và hằng năm báo cáo …" asks two reports, named before
/// the verb. A derived report that names no kind carries the one of when
/// it is due: due every year, the annual one, so the six-monthly one is
/// dropped (session 26: Sở Xây dựng Huế's one report "trước ngày
/// 05/11/2026", called covered). Flagged: read from the date, not the
/// words. In Hà Tĩnh's and Can Lộc's wording.
const HA_TINH: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ TĨNH	Độc lập - Tự do - Hạnh phúc
Số: 95/KH-UBND	Hà Tĩnh, ngày 02 tháng 3 năm 2024
KẾ HOẠCH
Phổ biến Công ước chống tra tấn năm 2024
I. NHIỆM VỤ
1. Tuyên truyền Công ước chống tra tấn cho cán bộ, công chức (Sở Tư pháp chủ trì; năm 2024).
II. TỔ CHỨC THỰC HIỆN
Ủy ban nhân dân các huyện, thị xã, thành phố định kỳ 6 tháng và hằng năm báo cáo kết quả thực hiện về Sở Tư pháp để tổng hợp.
";

fn can_loc(report: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN CAN LỘC	Độc lập - Tự do - Hạnh phúc
Số: 40/KH-UBND	Can Lộc, ngày 20 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Kế hoạch số 95/KH-UBND của Ủy ban nhân dân tỉnh
I. NHIỆM VỤ
1. Tuyên truyền Công ước chống tra tấn cho cán bộ, công chức trên địa bàn huyện (Phòng Tư pháp chủ trì; năm 2024).
II. TỔ CHỨC THỰC HIỆN
{report}
"
    )
}

#[test]
fn a_report_due_once_a_year_is_the_annual_one() {
    let r = crate::common::audited(
        HA_TINH,
        &can_loc(
            "Phòng Tư pháp tham mưu Ủy ban nhân dân huyện báo cáo kết quả thực hiện về Sở Tư pháp trước ngày 10/11/2024.",
        ),
        "báo cáo kết quả",
    );
    assert_eq!(r.status, Status::Partial, "{:?}", r.elements);
    assert!(r.review);
    let dropped: Vec<&str> = r
        .elements
        .iter()
        .filter(|e| e.carried_by.is_empty())
        .map(|e| e.text.as_ref())
        .collect();
    assert_eq!(dropped, ["báo cáo 6 tháng"]);
}

#[test]
fn both_reports_named_carry_it_whole() {
    let r = crate::common::audited(
        HA_TINH,
        &can_loc(
            "Phòng Tư pháp tham mưu Ủy ban nhân dân huyện định kỳ 6 tháng và hằng năm báo cáo kết quả thực hiện về Sở Tư pháp.",
        ),
        "báo cáo kết quả",
    );
    assert_eq!(r.status, Status::Covered, "{:?}", r.elements);
}
