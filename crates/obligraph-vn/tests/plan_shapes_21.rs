//! Plan shapes the importer first met reading the written plans again in
//! session 21 (quận Lê Chân, Sở Nội vụ Đồng Nai, Lâm Đồng, Sở Y tế Bình
//! Thuận, huyện Tuy Phong), each written here the way another province
//! would write it. Each test fails without the change it is named for.

mod common;
use common::{ids, import, requested, task};

use obligraph_core::Role;

/// Quận Hải Châu (Đà Nẵng), 2023: an item's "Giao …" line right under
/// it, closing its partners with "thực hiện hằng năm"; and a funding
/// paragraph whose second sentence gives a body work.
const GIAO_LINE_AND_FUNDING: &str = "ỦY BAN NHÂN DÂN QUẬN HẢI CHÂU
Số: 77/KH-UBND
Hải Châu, ngày 08 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn quận
I. MỤC ĐÍCH, YÊU CẦU
- Xác định trách nhiệm của các cơ quan, đơn vị.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tuyên truyền, phổ biến về Công ước
1.1. Đa dạng hóa các hình thức tuyên truyền về Công ước cho cán bộ, công chức và Nhân dân trên địa bàn quận.
Giao Phòng Văn hóa và Thông tin quận chủ trì, phối hợp với Công an quận và Ủy ban nhân dân các phường triển khai thực hiện hằng năm; đề nghị Tòa án nhân dân quận phối hợp.
1.2. Biên soạn tài liệu hỏi đáp về Công ước (Cơ quan chủ trì: Phòng Tư pháp quận; thời gian: năm 2024).
III. KINH PHÍ
Kinh phí thực hiện do ngân sách quận bảo đảm theo phân cấp hiện hành. Phòng Tài chính - Kế hoạch quận tham mưu Ủy ban nhân dân quận bố trí kinh phí theo quy định. Việc thanh toán, quyết toán theo quy định hiện hành.
IV. TỔ CHỨC THỰC HIỆN
Giao Công an quận theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn a_giao_line_closing_with_its_deadline_assigns_the_item_above() {
    let i = import(GIAO_LINE_AND_FUNDING);
    let a = task(&i, "Đa dạng hóa các hình thức");
    assert_eq!(
        ids(a, Role::Lead),
        ["district:culture_sports_tourism"],
        "{a:#?}"
    );
    assert_eq!(
        ids(a, Role::Support),
        [
            "collective:commune_committees",
            "district:court",
            "district:police"
        ],
        "{a:#?}"
    );
    assert_eq!(requested(a), ["district:court"]);
    assert_eq!(a.deadline_text.as_deref(), Some("hằng năm"));
    // The "Giao" line is the item's, not a task of its own.
    assert!(
        i.plan
            .obligations
            .iter()
            .all(|o| !o.text.starts_with("Giao Phòng Văn hóa")),
        "{:#?}",
        i.plan.obligations
    );
}

#[test]
fn a_funding_paragraph_gives_its_later_sentence_as_a_duty() {
    let i = import(GIAO_LINE_AND_FUNDING);
    let d = task(&i, "tham mưu Ủy ban nhân dân quận bố trí kinh phí");
    assert!(
        d.text.starts_with("Phòng Tài chính - Kế hoạch quận"),
        "{d:#?}"
    );
    assert_eq!(ids(d, Role::Lead), ["district:finance"], "{d:#?}");
}

/// Quận Thanh Khê wording: the funding duty's verb is "lập dự toán", the
/// lead's name stops before it.
#[test]
fn lap_du_toan_opens_a_funding_duty() {
    let i = import(&GIAO_LINE_AND_FUNDING.replace(
        "Phòng Tài chính - Kế hoạch quận tham mưu Ủy ban nhân dân quận bố trí kinh phí theo quy định.",
        "Phòng Tư pháp quận lập dự toán kinh phí gửi Phòng Tài chính - Kế hoạch quận tổng hợp.",
    ));
    let d = task(&i, "lập dự toán kinh phí");
    assert_eq!(ids(d, Role::Lead), ["district:justice"], "{d:#?}");
    let lead = d.assignments.iter().find(|a| a.role == Role::Lead);
    assert_eq!(
        lead.map(|a| a.as_written.as_str()),
        Some("Phòng Tư pháp quận")
    );
}
