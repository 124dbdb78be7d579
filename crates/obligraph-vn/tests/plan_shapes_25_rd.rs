//! Plan shapes the importer met on the plans written for the tests
//! (session 25, second list), each written here the way another province
//! would write it. Each test fails without the change it is named for.

mod common;
use common::{ids, import, task};

use obligraph_core::Role;

/// Sở Lao động - Thương binh và Xã hội Đắk Lắk, 2024: a unit that joins
/// the inspectorate's inspection in a clause of its own, a lead that
/// directs the rehab centre to do the work, and difficulties reported by
/// the units to the department and by the department to the province.
const DEPARTMENT_DUTIES: &str = "UBND TỈNH ĐẮK LẮK
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 415/KH-SLĐTBXH
Đắk Lắk, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trong ngành Lao động - Thương binh và Xã hội
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ đơn vị chủ trì.
II. NHIỆM VỤ
1. Tổ chức dạy tiếng phổ thông và tuyên truyền pháp luật cho học viên là người dân tộc thiểu số. Giao Chi cục Phòng, chống tệ nạn xã hội chủ trì, chỉ đạo, hướng dẫn Cơ sở cai nghiện ma túy tỉnh tổ chức thực hiện hằng năm; Phòng Bảo trợ xã hội phối hợp.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này.
2. Chi cục Phòng, chống tệ nạn xã hội hướng dẫn các cơ sở cai nghiện lồng ghép nội dung Kế hoạch trong hoạt động chuyên môn; phối hợp với Thanh tra Sở trong việc thanh tra, kiểm tra công tác quản lý học viên.
IV. CHẾ ĐỘ BÁO CÁO
1. Quá trình thực hiện, nếu phát sinh khó khăn, vướng mắc, các phòng, đơn vị kịp thời báo cáo về Sở (qua Văn phòng Sở) để được hướng dẫn; trường hợp vượt thẩm quyền, Sở tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo.
";

#[test]
fn a_unit_joining_the_inspectorate_s_inspection_supports_it() {
    let i = import(DEPARTMENT_DUTIES);
    let t = task(&i, "phối hợp với Thanh tra Sở trong việc thanh tra");
    assert_eq!(ids(t, Role::Lead), ["unit:inspection"]);
    assert_eq!(ids(t, Role::Support), ["unit:social_evils_prevention"]);
    // The clause before it stays the unit's own.
    let t = task(&i, "hướng dẫn các cơ sở cai nghiện");
    assert_eq!(ids(t, Role::Lead), ["unit:social_evils_prevention"]);
}

#[test]
fn the_body_a_lead_directs_to_do_the_work_supports_it() {
    let i = import(DEPARTMENT_DUTIES);
    let t = task(&i, "Tổ chức dạy tiếng phổ thông");
    assert_eq!(ids(t, Role::Lead), ["unit:social_evils_prevention"]);
    assert_eq!(
        ids(t, Role::Support),
        ["unit:drug_rehab_facility", "unit:social_protection"]
    );
    assert_eq!(t.deadline_text.as_deref(), Some("hằng năm"));
}

#[test]
fn the_units_difficulties_and_the_department_s_own_are_two_duties() {
    let i = import(DEPARTMENT_DUTIES);
    let units = task(&i, "các phòng, đơn vị kịp thời báo cáo về Sở");
    assert_eq!(ids(units, Role::Lead), ["collective:units"]);
    assert!(!units.text.contains("vượt thẩm quyền"), "{units:?}");
    // "Sở", in the department's own plan, is the department.
    let own = task(&i, "trường hợp vượt thẩm quyền");
    assert_eq!(ids(own, Role::Lead), ["province:labour_invalids_social"]);
    assert_ne!(units.id, own.id);
}

/// Huyện Tuy Phước (Bình Định), 2023: a task opening with the occasion it
/// is done on, "theo yêu cầu của <body>", and then, after a comma, the
/// work.
const ON_REQUEST_THEN_WORK: &str = "ỦY BAN NHÂN DÂN
HUYỆN TUY PHƯỚC
Số: 97/KH-UBND
Tuy Phước, ngày 30 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Phân công cụ thể.
II. NHIỆM VỤ
1. Khi tham gia ý kiến vào các dự thảo văn bản quy phạm pháp luật theo yêu cầu của Sở Tư pháp, tiến hành đối chiếu các quy định của dự thảo với Công ước CAT và gửi ý kiến đúng thời hạn. Phòng Tư pháp chủ trì, phối hợp với Công an huyện thực hiện.
";

#[test]
fn the_one_who_asks_ends_where_the_work_begins() {
    let i = import(ON_REQUEST_THEN_WORK);
    let t = task(&i, "Khi tham gia ý kiến");
    assert_eq!(
        t.deadline_text.as_deref(),
        Some("theo yêu cầu của Sở Tư pháp")
    );
    assert_eq!(ids(t, Role::Lead), ["district:justice"]);
}
