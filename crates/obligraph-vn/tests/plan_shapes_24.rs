//! Plan shapes the importer misread in the plans written blind in
//! sessions 22–23 (left by session 23), each written here the way another
//! province would write it. Each test fails without the change it is
//! named for.

mod common;
use common::{ids, import, no_task, task};

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
    no_task(&i, |t| t.starts_with("Thời hạn"));
    assert_eq!(
        ids(task(&i, "Biên soạn tài liệu"), Role::Lead),
        ["unit:legal_dissemination"]
    );
}

/// Sở Văn hóa, Thể thao và Du lịch Quảng Bình, 2024: part III one
/// paragraph per unit; a heading naming a unit whose name holds a verb
/// ("Thư viện Tổng hợp tỉnh": "tổng hợp", compile); units given items by
/// their marks alone ("Chủ trì thực hiện điểm a khoản 1, khoản 2 Mục
/// II"), and two units their letters with the item written once ("X chủ
/// trì điểm b, Y chủ trì điểm c khoản 1 Mục II"). (Sở VH&TT Huế L164-174.)
const UNITS_GIVEN_ITEMS_BY_MARKS: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 77/KH-SVHTTDL
Quảng Bình, ngày 02 tháng 5 năm 2024
KẾ HOẠCH
Triển khai Công ước chống tra tấn trong ngành năm 2024
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ đơn vị chủ trì, phối hợp.

II. NHIỆM VỤ CỤ THỂ

1. Tuyên truyền, phổ biến

a) Lồng ghép nội dung Công ước vào các hoạt động văn hóa, gia đình tại cơ sở.

b) Trưng bày sách, tài liệu về Công ước tại phòng đọc.

c) Chiếu phim tài liệu về quyền con người tại các xã vùng sâu.

2. Hướng dẫn công tác gia đình

Hướng dẫn lồng ghép nội dung phòng, chống bạo lực gia đình vào hoạt động của các câu lạc bộ gia đình.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Quản lý Văn hóa và Gia đình

Chủ trì thực hiện điểm a khoản 1, khoản 2 Mục II.

2. Thư viện Tổng hợp tỉnh, Trung tâm Văn hóa - Điện ảnh tỉnh

Căn cứ nhiệm vụ được giao, xây dựng kế hoạch thực hiện của đơn vị trước ngày 30/5/2024; Thư viện Tổng hợp tỉnh chủ trì điểm b, Trung tâm Văn hóa - Điện ảnh tỉnh chủ trì điểm c khoản 1 Mục II.
";

#[test]
fn units_given_items_by_their_marks_lead_them() {
    let i = import(UNITS_GIVEN_ITEMS_BY_MARKS);
    let lead = |snippet: &str| ids(task(&i, snippet), Role::Lead);
    assert_eq!(lead("Lồng ghép nội dung Công ước"), ["unit:culture_family"]);
    assert_eq!(lead("Hướng dẫn lồng ghép"), ["unit:culture_family"]);
    assert_eq!(lead("Trưng bày sách"), ["unit:general_library"]);
    assert_eq!(lead("Chiếu phim tài liệu"), ["unit:culture_cinema_centre"]);
    // The pointing clauses are no tasks.
    no_task(&i, |t| {
        t.contains("chủ trì điểm") || t.contains("thực hiện điểm")
    });
    // The heading naming the two units is no task; they draft their plans.
    no_task(&i, |t| t.starts_with("Thư viện Tổng hợp tỉnh, Trung tâm"));
    assert_eq!(
        lead("xây dựng kế hoạch thực hiện của đơn vị"),
        ["unit:culture_cinema_centre", "unit:general_library"]
    );
}

/// Ninh Bình, 2026: by body, with a request to the procuracy whose item
/// opens "Cùng với Công an tỉnh …" (no "Chủ trì"): the police lead beside
/// the procuracy. (Tây Ninh L176: "Cùng Công an tỉnh thực hiện …".)
const TOGETHER_WITH_OPENING_AN_ITEM: &str = "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 31/KH-UBND
Ninh Bình, ngày 20 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về các quyền dân sự và chính trị
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ trách nhiệm.

II. NHIỆM VỤ CỤ THỂ

1. Công an tỉnh

a) Chủ trì rà soát quy định về tạm giữ, tạm giam; thực hiện hằng năm.

2. Đề nghị Viện kiểm sát nhân dân tỉnh

a) Cùng với Công an tỉnh tổ chức tập huấn về Công ước cho kiểm sát viên, điều tra viên; thực hiện hằng năm.

b) Kiểm sát việc tạm giữ, tạm giam theo thẩm quyền; thực hiện thường xuyên.
";

#[test]
fn together_with_opening_an_item_makes_a_co_lead() {
    let i = import(TOGETHER_WITH_OPENING_AN_ITEM);
    let trained = task(&i, "tổ chức tập huấn");
    assert_eq!(
        ids(trained, Role::Lead),
        ["province:police", "province:procuracy"]
    );
    assert!(trained
        .assignments
        .iter()
        .any(|a| a.agency.id == "province:procuracy" && a.requested));
    // An item without "cùng" keeps the heading's body alone.
    assert_eq!(
        ids(task(&i, "Kiểm sát việc tạm giữ"), Role::Lead),
        ["province:procuracy"]
    );
}
