//! A commune's plan audited against the province plan two levels up: what
//! the province gives "Ủy ban nhân dân cấp huyện" reaches the commune as
//! its district's plan relays it (session 26: the commune plan written
//! blind against Bình Thuận carried the districts' plan-making, reporting
//! and custody-rights duties, which the audit had called not applicable,
//! "no counterpart at cấp xã"). What the province gives its own
//! departments alone stays theirs. In Nghệ An's and Diễn Kỷ's wording.

use obligraph_rules::Status;

fn nghe_an() -> String {
    "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN	Độc lập - Tự do - Hạnh phúc
Số: 214/KH-UBND	Nghệ An, ngày 14 tháng 4 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Bảo đảm quyền, chế độ của người bị tạm giữ tại nhà tạm giữ và người bị xử lý vi phạm hành chính (Ủy ban nhân dân cấp huyện, Công an tỉnh chủ trì thực hiện hằng năm theo thẩm quyền).
2. Thẩm định hồ sơ bồi thường nhà nước trong hoạt động tố tụng hình sự (Sở Tư pháp chủ trì; hằng năm).
II. TỔ CHỨC THỰC HIỆN
Ủy ban nhân dân các huyện, thành phố, thị xã xây dựng kế hoạch thực hiện trong tháng 6 năm 2023; định kỳ hằng năm (trước ngày 05/11) báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh).
"
    .to_string()
}

fn dien_ky(extra: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ DIỄN KỶ	Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND	Diễn Kỷ, ngày 20 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 214/KH-UBND của Ủy ban nhân dân tỉnh Nghệ An
I. NHIỆM VỤ
1. Tuyên truyền Công ước chống tra tấn tới cán bộ và Nhân dân trên địa bàn xã (công chức Tư pháp - Hộ tịch chủ trì; hằng năm).
{extra}"
    )
}

fn status(child: &str, words: &str) -> obligraph_rules::ParentObligationReport {
    crate::common::audited(&nghe_an(), child, words)
}

#[test]
fn the_districts_duties_reach_a_commune_two_levels_down() {
    let kept = dien_ky(
        "2. Công an xã chủ trì bảo đảm quyền, chế độ của người bị tạm giữ, người bị xử lý vi phạm hành chính trên địa bàn xã; thực hiện hằng năm.
II. TỔ CHỨC THỰC HIỆN
Công an xã tổng hợp, tham mưu Ủy ban nhân dân xã báo cáo kết quả thực hiện về Ủy ban nhân dân huyện (qua Công an huyện) trước ngày 20/10 hằng năm để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
",
    );
    let r = status(&kept, "người bị tạm giữ");
    assert_ne!(r.status, Status::NotApplicable, "{:?}", r.reason);
    let r = status(&kept, "báo cáo kết quả");
    assert_eq!(r.status, Status::Covered, "{:?}", r.reason);
    // Dropped: asked, so missing, not "no counterpart at cấp xã".
    let r = status(&dien_ky(""), "báo cáo kết quả");
    assert_eq!(r.status, Status::Missing, "{:?}", r.reason);
}

#[test]
fn a_departments_own_task_stays_the_departments() {
    let r = status(&dien_ky(""), "bồi thường nhà nước");
    assert_eq!(r.status, Status::NotApplicable);
}
