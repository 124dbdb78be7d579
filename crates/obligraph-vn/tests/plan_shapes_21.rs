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

/// Sở Nội vụ tỉnh Quảng Ngãi, 2026: the department's offices have names
/// with commas and "và" the table does not know; a lettered item opening
/// a block of labels with its colon; a deadline line on its own under a
/// lead-in and its bullets.
const OFFICES: &str = "UBND TỈNH QUẢNG NGÃI
SỞ NỘI VỤ
Số: 233/KH-SNV
Quảng Ngãi, ngày 20 tháng 02 năm 2026
KẾ HOẠCH
Triển khai Kế hoạch của Ủy ban nhân dân tỉnh tại Sở Nội vụ
I. MỤC ĐÍCH, YÊU CẦU
1. Phân công rõ đơn vị chủ trì, phối hợp.
II. NHIỆM VỤ CỤ THỂ
1. Hoàn thiện thể chế
a) Rà soát quy định về quản lý hội, quỹ xã hội trên địa bàn tỉnh. Thời gian thực hiện: năm 2026.
b) Về lĩnh vực việc làm và an sinh:
- Đơn vị chủ trì: Phòng Việc làm, An toàn lao động và Bảo hiểm xã hội.
- Đơn vị phối hợp: Phòng Cải cách hành chính, Văn thư và Lưu trữ, Thanh tra Sở, Bảo hiểm xã hội tỉnh.
- Thời gian thực hiện: Hằng năm.
c) Phòng Công chức, viên chức chủ trì tham mưu lồng ghép nội dung Công ước vào chương trình bồi dưỡng công chức.
2. Thúc đẩy bình đẳng giới
Giao Phòng Tổ chức, biên chế và Tổ chức phi chính phủ chủ trì, phối hợp với các phòng, đơn vị thuộc Sở triển khai các chương trình về bình đẳng giới; trong đó tập trung:
- Tăng tỷ lệ nữ trong quy hoạch cán bộ lãnh đạo, quản lý.
- Nhân rộng các mô hình phòng, chống bạo lực gia đình.
Thời gian thực hiện: theo chương trình công tác năm của Sở.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn an_office_name_runs_over_its_commas_and_va() {
    let i = import(OFFICES);
    let b = task(&i, "Về lĩnh vực việc làm");
    let written = |o: &obligraph_core::Obligation, role: Role| -> Vec<String> {
        o.assignments
            .iter()
            .filter(|a| a.role == role)
            .map(|a| a.as_written.clone())
            .collect()
    };
    assert_eq!(
        written(b, Role::Lead),
        ["Phòng Việc làm, An toàn lao động và Bảo hiểm xã hội"],
        "{b:#?}"
    );
    // A known body of a level, after a comma, is a body of its own.
    assert_eq!(
        written(b, Role::Support),
        [
            "Phòng Cải cách hành chính, Văn thư và Lưu trữ",
            "Thanh tra Sở",
            "Bảo hiểm xã hội tỉnh"
        ],
        "{b:#?}"
    );
    let c = task(&i, "lồng ghép nội dung Công ước");
    assert_eq!(
        written(c, Role::Lead),
        ["Phòng Công chức, viên chức"],
        "{c:#?}"
    );
    // "Phòng Tổ chức" is no collective "phòng, tổ chức".
    let g = task(&i, "Giao Phòng Tổ chức");
    assert_eq!(
        written(g, Role::Lead),
        ["Phòng Tổ chức, biên chế và Tổ chức phi chính phủ"],
        "{g:#?}"
    );
}

#[test]
fn a_block_opened_by_an_item_s_colon_is_that_item_s_only() {
    let i = import(OFFICES);
    let a = task(&i, "Rà soát quy định về quản lý hội");
    assert!(ids(a, Role::Lead).is_empty(), "{a:#?}");
    assert_eq!(a.deadline_text.as_deref(), Some("năm 2026"));
}

#[test]
fn a_deadline_line_on_its_own_dates_the_lead_in_and_its_bullets() {
    let i = import(OFFICES);
    for snippet in [
        "Giao Phòng Tổ chức",
        "Tăng tỷ lệ nữ",
        "Nhân rộng các mô hình",
    ] {
        let o = task(&i, snippet);
        assert_eq!(
            o.deadline_text.as_deref(),
            Some("theo chương trình công tác năm của Sở"),
            "{o:#?}"
        );
    }
}
