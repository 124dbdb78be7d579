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
