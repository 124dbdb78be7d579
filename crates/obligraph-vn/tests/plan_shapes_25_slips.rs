//! Plan shapes the importer misread in the two plans written blind in
//! session 25 (Sở Y tế Đồng Nai, Công an thành phố Huế), each written
//! here the way another province would write it. Each test fails
//! without the change it is named for.

mod common;
use common::{ids, import, no_task, requested, task};

use obligraph_core::Role;

/// Sở Y tế Gia Lai, 2026: Part II by group concerned, dash items, each
/// group closed by "Phân công: X chủ trì; Y phối hợp." and most by a
/// "Thời gian:" line; one item names its own lead, one works with an
/// outside body ("Phối hợp với Công an tỉnh …"), one dates itself; a
/// request to associations after a group's roles; a remark after the
/// roles of a group. (Sở Y tế Đồng Nai L32–L89.)
const GROUP_ROLE_LINES: &str = "UBND TỈNH GIA LAI
SỞ Y TẾ

Số: 88/KH-SYT

Gia Lai, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị trong ngành Y tế

II. NHIỆM VỤ CỤ THỂ

1. Bảo vệ trẻ em
- Rà soát quy định về độ tuổi trẻ em; phối hợp với Sở Tư pháp trong quá trình rà soát. Thời gian: theo yêu cầu của Bộ Y tế.
- Tổ chức tiếp nhận thông tin về trẻ em bị xâm hại do Tổng đài 111 chuyển đến.
- Khám bệnh, chữa bệnh cho trẻ em dưới 6 tuổi tại các cơ sở y tế công lập (Bệnh viện Đa khoa tỉnh chủ trì).
- Tuyên truyền phòng, chống xâm hại trẻ em trong các cơ sở y tế.
Phân công: Phòng Bảo trợ xã hội chủ trì; Trung tâm Công tác xã hội tỉnh, các Trung tâm Y tế khu vực phối hợp.
Đề nghị Hội Chữ thập đỏ tỉnh, Hội Liên hiệp Phụ nữ tỉnh phối hợp theo chức năng.
Thời gian: hằng năm.

2. Phòng, chống ma túy
- Phối hợp với Công an tỉnh điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế.
- Xác định tình trạng nghiện ma túy theo quy định.
Phân công: Phòng Nghiệp vụ Y chủ trì; Trung tâm Kiểm soát bệnh tật tỉnh phối hợp. Việc cai nghiện ma túy do Công an tỉnh chủ trì theo quy định; các đơn vị của ngành không tổ chức riêng.
";

#[test]
fn a_group_role_line_assigns_the_items_of_its_group() {
    let i = import(GROUP_ROLE_LINES);
    // The roles are no task of their own.
    no_task(&i, |t| t.starts_with("Phân công"));
    no_task(&i, |t| t.starts_with("Đề nghị Hội"));
    for snippet in [
        "Rà soát quy định",
        "Tổ chức tiếp nhận",
        "Tuyên truyền phòng",
    ] {
        let o = task(&i, snippet);
        assert_eq!(ids(o, Role::Lead), ["unit:social_protection"], "{snippet}");
        let s = ids(o, Role::Support);
        assert!(
            s.contains(&"unit:social_work_centre".to_string()),
            "{snippet}: {s:?}"
        );
        assert!(
            s.contains(&"province:red_cross".to_string()),
            "{snippet}: {s:?}"
        );
        assert!(requested(o).contains(&"province:red_cross"), "{snippet}");
    }
    // The item naming its own lead keeps it.
    let own = task(&i, "Khám bệnh, chữa bệnh");
    assert_eq!(ids(own, Role::Lead), ["unit:general_hospital"]);
    // The item's own partner still supports; its own deadline stays.
    let review = task(&i, "Rà soát quy định");
    assert!(ids(review, Role::Support).contains(&"province:justice".to_string()));
    assert_eq!(
        review.deadline_text.as_deref(),
        Some("theo yêu cầu của Bộ Y tế")
    );
    assert_eq!(
        task(&i, "Tổ chức tiếp nhận").deadline_text.as_deref(),
        Some("hằng năm")
    );
    // Group 2: the department's unit leads the work done with the police;
    // the police support; the remark after the roles is no task.
    let drugs = task(&i, "Phối hợp với Công an tỉnh");
    assert_eq!(ids(drugs, Role::Lead), ["unit:medical_affairs"]);
    assert!(ids(drugs, Role::Support).contains(&"province:police".to_string()));
    assert_eq!(
        ids(task(&i, "Xác định tình trạng"), Role::Lead),
        ["unit:medical_affairs"]
    );
    no_task(&i, |t| t.contains("cai nghiện ma túy do Công an"));
}

/// Công an tỉnh Quảng Trị, 2026: units named "Tên (MÃ)" at first use and
/// by code afterwards, a name holding a comma and one ending in "bộ".
/// (Công an thành phố Huế L41–L165: PA05, PC02, PC10, PA01 by code.)
const UNITS_BY_CODE: &str = "BỘ CÔNG AN
CÔNG AN TỈNH QUẢNG TRỊ

Số: 145/KH-CAT-PV01

Quảng Trị, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Công ước quốc tế về các quyền dân sự và chính trị trong Công an tỉnh

II. NHIỆM VỤ CỤ THỂ
1. Công tác tham mưu
1.1. Phòng Tham mưu (PV01) chủ trì, phối hợp với Phòng Quản lý xuất nhập cảnh (PA08), Phòng An ninh chính trị nội bộ (PA03) tham mưu Ban Giám đốc chỉ đạo thực hiện nghiêm các quy định của Công ước. Thời gian: thường xuyên.
1.2. Phòng Cảnh sát quản lý tạm giữ, tạm giam và thi hành án hình sự tại cộng đồng (PC10) chủ trì kiểm tra chế độ của người bị tạm giữ, tạm giam. Thời gian: hằng quý.
2. Công tác đấu tranh phòng, chống tội phạm
2.1. PA08 chủ trì, phối hợp với PC10 rà soát thủ tục xuất cảnh của người nước ngoài. Thời gian: hằng năm.
2.2. PA03 chủ trì, phối hợp với PV01 bảo vệ an ninh nội bộ. Thời gian: thường xuyên.
";

#[test]
fn a_unit_named_by_its_code_is_the_unit_named_with_it() {
    let i = import(UNITS_BY_CODE);
    let exit = task(&i, "rà soát thủ tục xuất cảnh");
    let lead = ids(exit, Role::Lead);
    assert_eq!(lead.len(), 1, "{lead:?}");
    // The code leads as the body its name is, the one the first item
    // names with the code.
    let first = task(&i, "tham mưu Ban Giám đốc chỉ đạo");
    let supports = ids(first, Role::Support);
    assert!(supports.contains(&lead[0]), "{supports:?} / {lead:?}");
    // A name holding a comma is one body, the one its code names later.
    let detention = ids(task(&i, "kiểm tra chế độ"), Role::Lead);
    assert_eq!(ids(exit, Role::Support), detention);
    assert!(detention[0].contains("tạm giữ, tạm giam"), "{detention:?}");
    // A name ending in "bộ" is not cut before it.
    let internal = ids(task(&i, "bảo vệ an ninh nội bộ"), Role::Lead);
    assert_eq!(internal.len(), 1);
    assert!(internal[0].ends_with("nội bộ"), "{internal:?}");
    assert!(supports.contains(&internal[0]), "{supports:?}");
    assert_eq!(
        ids(task(&i, "bảo vệ an ninh nội bộ"), Role::Support),
        ["unit:staff"]
    );
}

/// Sở Tư pháp Quảng Trị, 2026: a centre given a short code of its own
/// ("Trung tâm Trợ giúp pháp lý nhà nước (TTTGPL)"), named by it after.
const CENTRE_BY_CODE: &str = "UBND TỈNH QUẢNG TRỊ
SỞ TƯ PHÁP

Số: 30/KH-STP

Quảng Trị, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Công ước quốc tế về các quyền dân sự và chính trị

II. NHIỆM VỤ CỤ THỂ
1. Trung tâm Trợ giúp pháp lý nhà nước (TTTGPL) chủ trì tổ chức trợ giúp pháp lý cho người bị tạm giữ. Thời gian: thường xuyên.
2. Phòng Phổ biến, giáo dục pháp luật chủ trì, phối hợp với TTTGPL biên soạn tài liệu về quyền của người bị tạm giữ. Thời gian: năm 2026.
";

#[test]
fn a_centre_named_by_its_own_code_is_that_centre() {
    let i = import(CENTRE_BY_CODE);
    let centre = ids(task(&i, "tổ chức trợ giúp pháp lý"), Role::Lead);
    assert_eq!(centre, ["unit:legal_aid_centre"]);
    assert_eq!(ids(task(&i, "biên soạn tài liệu"), Role::Support), centre);
}
