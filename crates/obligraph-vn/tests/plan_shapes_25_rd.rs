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

/// Tỉnh Gia Lai, 2023: the plan's head, up to its tasks.
const GIA_LAI_HEAD: &str = "ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 1502/KH-UBND
Gia Lai, ngày 2 tháng 6 năm 2023
KẾ HOẠCH
Triển khai thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. MỤC ĐÍCH, YÊU CẦU
- Phân công cụ thể.
II. NHIỆM VỤ, GIẢI PHÁP
";

/// [`GIA_LAI_HEAD`] and bullets each closing with one parenthesis of
/// labels, the time first ("(Thời gian: …; Cơ quan chủ trì: …; Cơ quan
/// phối hợp: …)"), its lines broken anywhere.
fn closing_label_parens() -> String {
    GIA_LAI_HEAD.to_string()
        + "1. Hoàn thiện pháp luật về phòng, chống tra tấn
- Góp ý các dự thảo văn bản quy phạm pháp luật có liên quan đến Công ước CAT
(Thời gian: hằng năm; Cơ quan chủ trì: Sở Tư pháp; Cơ quan phối hợp: Công an
tỉnh, Viện kiểm sát nhân dân tỉnh).
- Xây dựng báo cáo đánh giá việc nội luật hóa Công ước CAT (Thời gian: theo
yêu cầu của Bộ Công an; Cơ quan chủ trì: Công an tỉnh; Cơ quan phối hợp: Sở Tư
pháp, Bộ Chỉ huy Quân sự tỉnh).
"
}

#[test]
fn a_closing_parenthesis_of_labels_is_read_whole() {
    let i = import(&closing_label_parens());
    let t = task(&i, "Góp ý các dự thảo");
    assert_eq!(t.deadline_text.as_deref(), Some("hằng năm"));
    assert_eq!(ids(t, Role::Lead), ["province:justice"]);
    assert_eq!(
        ids(t, Role::Support),
        ["province:police", "province:procuracy"]
    );
    // The text keeps its parenthesis whole, not cut at its first ";".
    assert!(!t.text.ends_with("hằng năm;"), "{}", t.text);
    let t = task(&i, "nội luật hóa");
    assert_eq!(
        t.deadline_text.as_deref(),
        Some("theo yêu cầu của Bộ Công an")
    );
    assert_eq!(ids(t, Role::Lead), ["province:police"]);
    assert_eq!(
        ids(t, Role::Support),
        ["province:justice", "province:military"]
    );
}

#[test]
fn a_label_line_inside_an_open_parenthesis_goes_on_with_it() {
    // The line breaks after the time label's ";": the next line opens with
    // "Cơ quan chủ trì:", still inside the parenthesis.
    let whole = closing_label_parens();
    let broken = whole.replace(
        "theo\nyêu cầu của Bộ Công an; Cơ quan chủ trì:",
        "theo yêu cầu của Bộ Công an;\nCơ quan chủ trì:",
    );
    assert_ne!(broken, whole);
    let i = import(&broken);
    let t = task(&i, "nội luật hóa");
    assert!(t.text.ends_with("Bộ Chỉ huy Quân sự tỉnh)."), "{}", t.text);
    assert_eq!(
        t.deadline_text.as_deref(),
        Some("theo yêu cầu của Bộ Công an")
    );
    assert_eq!(ids(t, Role::Lead), ["province:police"]);
}

/// The Gia Lai plan with an appendix whose rows are shorter than the
/// body's bullets, one row sharing a bullet's acts ("điều tra, truy tố,
/// xét xử") and the bodies its parenthesis names.
fn labels_and_appendix() -> String {
    GIA_LAI_HEAD.to_string()
        + "2. Nâng cao hiệu quả thực thi pháp luật
- Xử lý nghiêm minh, công khai các vụ án có hành vi bức cung, dùng nhục hình trong điều tra, truy tố, xét xử (Thời gian: hằng năm; Cơ quan chủ trì: Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh theo thẩm quyền; Cơ quan phối hợp: Công an tỉnh, các sở, ngành, Ủy ban nhân dân các huyện, thành phố).
PHỤ LỤC
STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian
1\tGóp ý dự thảo luật với Công ước CAT\tSở Tư pháp\tCông an tỉnh\tHằng năm
2\tĐầu tư, hoàn thiện cơ sở vật chất ghi âm, ghi hình có âm thanh trong điều tra, truy tố, xét xử\tCông an tỉnh\tBộ Chỉ huy Quân sự tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh\tHằng năm
"
}

#[test]
fn the_bodies_a_bullet_s_labels_name_do_not_link_it_to_a_row() {
    let i = import(&labels_and_appendix());
    let t = task(&i, "Xử lý nghiêm minh");
    assert_eq!(t.restates, None, "{t:#?}");
    assert_eq!(ids(t, Role::Lead), ["province:court", "province:procuracy"]);
}
