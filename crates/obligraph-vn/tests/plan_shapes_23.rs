//! Plan shapes the importer met reading the written plans again in
//! session 23 (Tây Ninh's plan set out by body, La Gi, Sở Tư pháp Bình
//! Thuận), each written here the way another province would write it.
//! Each test fails without the change it is named for.

mod common;
use common::{ids, import, requested, task};

use obligraph_core::{Deadline, Role};

/// Tỉnh Kiên Giang, 2026: a tasks part set out by body ("1. Sở Tư pháp"
/// / "a) …"), whose items name other bodies for a part of the work.
const SET_OUT_BY_BODY: &str = "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 41/KH-UBND
Kiên Giang, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ nhiệm vụ của các cơ quan, đơn vị.
II. NHIỆM VỤ CỤ THỂ
1. Sở Tư pháp
a) Tổ chức tập huấn nội dung Công ước cho cán bộ làm công tác thi hành án và cán bộ quản lý nhà tạm giữ (Công an tỉnh chủ trì đối với cán bộ quản lý nhà tạm giữ; Ủy ban nhân dân các xã, phường phối hợp); hoàn thành trong năm 2026.
b) Làm đầu mối tổng hợp báo cáo việc thi hành Công ước gửi Bộ Tư pháp; đề nghị Tòa án nhân dân tỉnh cung cấp số liệu xét xử thuộc thẩm quyền.
c) Rà soát văn bản quy phạm pháp luật của tỉnh có liên quan đến quyền con người; triển khai theo hướng dẫn của Bộ Tư pháp.
d) Hướng dẫn nghiệp vụ theo chỉ đạo của Bộ Tư pháp cho công chức tư pháp cấp xã, đề xuất giải pháp nâng cao năng lực; thực hiện hằng năm.
đ) Phối hợp với Đoàn Luật sư tỉnh bảo vệ quyền hành nghề hợp pháp của luật sư; thực hiện thường xuyên.
e) Tổng hợp tình hình thi hành Công ước theo yêu cầu của Bộ Tư pháp, trên cơ sở số liệu do các sở, ngành cung cấp.
2. Công an tỉnh
a) Nghiên cứu, đề xuất sửa đổi quy định về tạm giữ, tạm giam (đề nghị Viện kiểm sát nhân dân tỉnh chủ trì đối với công tác kiểm sát tạm giữ); phối hợp với Sở Tư pháp; thực hiện hằng năm.
III. TỔ CHỨC THỰC HIỆN
Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn a_body_naming_a_lead_for_a_part_in_a_parenthesis_still_leads_its_item() {
    let i = import(SET_OUT_BY_BODY);
    let o = task(&i, "Tổ chức tập huấn nội dung Công ước");
    assert_eq!(
        ids(o, Role::Lead),
        ["province:justice", "province:police"],
        "{o:#?}"
    );
    assert_eq!(
        ids(o, Role::Support),
        ["collective:commune_committees"],
        "{o:#?}"
    );
}

#[test]
fn partners_named_after_a_parenthesis_for_a_part_take_part() {
    let i = import(SET_OUT_BY_BODY);
    let o = task(&i, "sửa đổi quy định về tạm giữ");
    assert_eq!(
        ids(o, Role::Lead),
        ["province:police", "province:procuracy"],
        "{o:#?}"
    );
    assert_eq!(requested(o), ["province:procuracy"], "{o:#?}");
    assert_eq!(ids(o, Role::Support), ["province:justice"], "{o:#?}");
}

#[test]
fn the_focal_body_of_a_heading_leads_and_bodies_asked_for_figures_help() {
    let i = import(SET_OUT_BY_BODY);
    let o = task(&i, "Làm đầu mối tổng hợp báo cáo");
    assert_eq!(ids(o, Role::Lead), ["province:justice"], "{o:#?}");
    assert_eq!(ids(o, Role::Support), ["province:court"], "{o:#?}");
    assert_eq!(requested(o), ["province:court"], "{o:#?}");
}

#[test]
fn guidance_alone_in_its_clause_is_the_items_time() {
    let i = import(SET_OUT_BY_BODY);
    let o = task(&i, "Rà soát văn bản quy phạm pháp luật của tỉnh");
    assert_eq!(
        o.deadline_text.as_deref(),
        Some("theo hướng dẫn của Bộ Tư pháp"),
        "{o:#?}"
    );
    assert!(matches!(o.deadline, Some(Deadline::Event { .. })), "{o:#?}");
}

#[test]
fn guidance_steering_the_work_in_another_clause_is_not_its_time() {
    let i = import(SET_OUT_BY_BODY);
    let o = task(&i, "Hướng dẫn nghiệp vụ theo chỉ đạo");
    assert_eq!(o.deadline_text.as_deref(), Some("hằng năm"), "{o:#?}");
}

#[test]
fn continuous_closing_a_clause_of_its_own_is_the_items_time() {
    let i = import(SET_OUT_BY_BODY);
    let o = task(&i, "bảo vệ quyền hành nghề hợp pháp");
    assert_eq!(o.deadline, Some(Deadline::Continuous), "{o:#?}");
}

#[test]
fn a_request_deadline_ends_before_the_basis_it_is_given_on() {
    let i = import(SET_OUT_BY_BODY);
    let o = task(&i, "Tổng hợp tình hình thi hành Công ước");
    assert_eq!(
        o.deadline_text.as_deref(),
        Some("theo yêu cầu của Bộ Tư pháp"),
        "{o:#?}"
    );
}

/// Huyện Đức Linh, 2023: a district plan naming its offices as a whole
/// and its culture centre by the name it took with the radio station.
const DISTRICT_OFFICES_AND_CENTRE: &str = "ỦY BAN NHÂN DÂN HUYỆN ĐỨC LINH
Số: 95/KH-UBND
Đức Linh, ngày 05 tháng 6 năm 2023
KẾ HOẠCH
Triển khai thực hiện Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ nhiệm vụ của các cơ quan, đơn vị.
II. NHIỆM VỤ CỤ THỂ
1. Cấp phát tài liệu tuyên truyền về phòng, chống tra tấn cho các xã, thị trấn. Phòng Tư pháp chủ trì, phối hợp với Trung tâm Văn hóa, Thể thao và Truyền thanh huyện thực hiện; thời gian: hằng năm.
III. TỔ CHỨC THỰC HIỆN
1. Các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện, Ủy ban nhân dân các xã, thị trấn căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.
";

#[test]
fn a_district_culture_centre_named_with_its_radio_station_is_known() {
    let i = import(DISTRICT_OFFICES_AND_CENTRE);
    let o = task(&i, "Cấp phát tài liệu tuyên truyền");
    assert_eq!(
        ids(o, Role::Support),
        ["district:culture_information_sports_centre"],
        "{o:#?}"
    );
}

#[test]
fn the_offices_under_a_district_committee_are_the_district_offices() {
    let i = import(DISTRICT_OFFICES_AND_CENTRE);
    let o = i
        .plan
        .obligations
        .iter()
        .find(|o| o.text.starts_with("Các cơ quan chuyên môn thuộc"))
        .unwrap_or_else(|| panic!("{:#?}", i.plan.obligations));
    assert_eq!(
        ids(o, Role::Lead),
        [
            "collective:commune_committees",
            "collective:district_offices"
        ],
        "{o:#?}"
    );
}

/// Tỉnh An Giang, 2026: bodies asked to send their report, the verb
/// right after their names.
const ASKED_TO_SEND: &str = "ỦY BAN NHÂN DÂN TỈNH AN GIANG
Số: 77/KH-UBND
An Giang, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ nhiệm vụ của các cơ quan, đơn vị.
II. NHIỆM VỤ CỤ THỂ
1. Tuyên truyền Công ước trên báo chí của tỉnh. Sở Văn hóa, Thể thao và Du lịch chủ trì; thời gian: hằng năm.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Tư pháp trước ngày 10/11 hằng năm; đề nghị Viện kiểm sát nhân dân tỉnh gửi kết quả thực hiện cùng thời hạn.
";

#[test]
fn a_body_asked_to_send_is_named_without_the_verb() {
    let i = import(ASKED_TO_SEND);
    let asked: Vec<&str> = i
        .plan
        .obligations
        .iter()
        .flat_map(|o| &o.assignments)
        .filter(|a| a.agency.id == "province:procuracy")
        .map(|a| a.as_written.as_str())
        .collect();
    assert!(!asked.is_empty(), "{:#?}", i.plan.obligations);
    assert!(
        asked.iter().all(|w| *w == "Viện kiểm sát nhân dân tỉnh"),
        "{asked:?}"
    );
}
