//! Plan shapes the importer misread in the plans written blind in
//! sessions 22–23 (left by session 23), each written here the way another
//! province would write it. Each test fails without the change it is
//! named for.

mod common;
use common::{ids, import, task};

use obligraph_core::Role;

/// Sở Tư pháp Quảng Ngãi, 2024: a deadline line naming the items it dates
/// in words ("Thời hạn hoàn thành các nhiệm vụ tại điểm b, c:"), after
/// item d; item a dates itself. (Sở VH&TT Huế, L127: "Thời gian thực hiện
/// các điểm a, b, c, d, đ, e: …".)
const DEADLINE_NAMING_ITS_ITEMS: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
SỞ TƯ PHÁP
Số: 52/KH-STP
Quảng Ngãi, ngày 10 tháng 4 năm 2024
KẾ HOẠCH
Triển khai Công ước chống tra tấn năm 2024
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ đơn vị chủ trì, phối hợp.

II. NHIỆM VỤ CỤ THỂ

1. Phổ biến, tuyên truyền

a) Biên soạn tài liệu hỏi đáp về Công ước cho báo cáo viên pháp luật. Phòng Phổ biến, giáo dục pháp luật chủ trì. Thời gian: Hằng năm.

b) Tổ chức hội nghị tập huấn về Công ước cho công chức tư pháp - hộ tịch các xã.

c) Đăng tải tin, bài về Công ước trên Cổng thông tin điện tử của Sở.

d) Tổ chức cuộc thi tìm hiểu pháp luật về phòng, chống tra tấn trên mạng.

Thời hạn hoàn thành các nhiệm vụ tại điểm b, c: trong Quý III/2024.

2. Trợ giúp pháp lý

Trung tâm Trợ giúp pháp lý nhà nước chủ trì thực hiện trợ giúp pháp lý cho người bị tạm giữ, tạm giam; thực hiện thường xuyên.
";

#[test]
fn a_deadline_line_naming_items_in_words_dates_those_items() {
    let i = import(DEADLINE_NAMING_ITS_ITEMS);
    for snippet in ["Tổ chức hội nghị tập huấn", "Đăng tải tin, bài"] {
        assert_eq!(
            task(&i, snippet).deadline_text.as_deref(),
            Some("trong Quý III/2024"),
            "{snippet}"
        );
    }
    // Not the item it does not name, nor the one that dates itself.
    assert_eq!(task(&i, "Tổ chức cuộc thi").deadline_text, None);
    assert_eq!(
        task(&i, "Biên soạn tài liệu").deadline_text.as_deref(),
        Some("Hằng năm")
    );
    // The line is no task of its own.
    assert!(
        !i.plan
            .obligations
            .iter()
            .any(|o| o.text.starts_with("Thời hạn")),
        "{:#?}",
        i.plan.obligations
    );
    assert_eq!(
        ids(task(&i, "Biên soạn tài liệu"), Role::Lead),
        ["unit:legal_dissemination"]
    );
}
