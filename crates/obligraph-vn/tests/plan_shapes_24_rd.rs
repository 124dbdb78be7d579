//! Plan shapes the importer met reading two plans written blind in
//! session 24 (xã A Lưới 2 under thành phố Huế, items followed by "+ Chủ
//! trì / + Phối hợp / + Thời hạn" blocks; Sở Lao động - Thương binh và Xã
//! hội Bình Thuận, roles in each item's closing sentence), each written
//! here the way another province would write it. Each test fails without
//! the change it is named for.

mod common;
use common::{ids, import, task};

use chrono::NaiveDate;
use obligraph_core::{Assignment, Level, Obligation, Role};

/// The assignment of `o` to the agency `id`.
fn assigned<'a>(o: &'a Obligation, id: &str) -> &'a Assignment {
    o.assignments
        .iter()
        .find(|a| a.agency.id == id)
        .unwrap_or_else(|| panic!("{id}: {:#?}", o.assignments))
}

/// Xã Đam Rông 3 (Lâm Đồng), 2026: a commune named with a number after
/// the 2025 mergers; its dateline's place ends in that number, and a task
/// cites a scheme "ban hành kèm theo Quyết định số 1079/QĐ-TTg".
const NUMBERED_PLACE: &str = "TỈNH LÂM ĐỒNG
ỦY BAN NHÂN DÂN XÃ ĐAM RÔNG 3
Số: 18/KH-UBND
Đam Rông 3, ngày 9 tháng 4 năm 2026
KẾ HOẠCH
Tuyên truyền về quyền con người trên địa bàn xã
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của người dân.
II. NHIỆM VỤ
1. Phổ biến Đề án truyền thông về quyền con người ở Việt Nam ban hành kèm theo Quyết định số 1079/QĐ-TTg ngày 14/9/2022 của Thủ tướng Chính phủ đến các thôn.
+ Chủ trì: Phòng Văn hóa - Xã hội.
+ Phối hợp: Phòng Kinh tế, Công an xã.
+ Thời hạn: hằng năm.
";

#[test]
fn a_dateline_whose_place_ends_in_a_number_dates_the_plan() {
    let i = import(NUMBERED_PLACE);
    assert_eq!(i.plan.date, NaiveDate::from_ymd_opt(2026, 4, 9));
    assert_eq!(i.plan.place.as_deref(), Some("Đam Rông 3"));
    assert_eq!(i.plan.level, Some(Level::Commune));
    // Dated after 1 July 2025, the bare "Phòng Kinh tế" is the commune's.
    let t = task(&i, "Phổ biến Đề án");
    assert_eq!(ids(t, Role::Support), ["commune:economy", "commune:police"]);
}

#[test]
fn a_scheme_issued_with_another_decision_does_not_date_the_plan() {
    // The dateline lost its day: nothing in the plan dates it, and the
    // scheme's decision (another number) is not the plan's appendix.
    let lost = NUMBERED_PLACE.replace("Đam Rông 3, ngày 9 tháng", "Đam Rông 3, ngày    tháng");
    let i = import(&lost);
    assert_eq!(i.plan.date, None);
    // The plan's own appendix heading still dates it.
    let own = format!(
        "{lost}\nPHỤ LỤC\n(Kèm theo Kế hoạch số 18/KH-UBND ngày 09/4/2026 của Ủy ban nhân dân xã)\n"
    );
    assert_eq!(import(&own).plan.date, NaiveDate::from_ymd_opt(2026, 4, 9));
}

/// Sở Lao động - Thương binh và Xã hội Kon Tum, 2024: the department's
/// units named in each item's closing sentence, one of them with a comma
/// in its name ("Chi cục Phòng, chống tệ nạn xã hội").
const DEPARTMENT_UNITS: &str = "UBND TỈNH KON TUM
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 702/KH-SLĐTBXH
Kon Tum, ngày 3 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trong ngành Lao động - Thương binh và Xã hội
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ đơn vị chủ trì.
II. NHIỆM VỤ
1. Bảo đảm chế độ ăn, mặc, khám chữa bệnh của học viên. Giao Chi cục Phòng, chống tệ nạn xã hội chủ trì, chỉ đạo Cơ sở cai nghiện ma túy tỉnh thực hiện hằng năm; Phòng Bảo trợ xã hội, Trung tâm Dịch vụ việc làm tỉnh phối hợp.
2. Thanh tra việc quản lý học viên. Thanh tra Sở chủ trì, phối hợp với Chi cục Phòng, chống tệ nạn xã hội thực hiện hằng năm.
III. TỔ CHỨC THỰC HIỆN
Trung tâm Công tác xã hội tỉnh xây dựng kế hoạch của đơn vị trong Quý II/2024.
";

#[test]
fn a_department_s_units_are_known_and_a_comma_inside_a_unit_s_name_holds() {
    let i = import(DEPARTMENT_UNITS);
    assert_eq!(
        i.plan.issuer.as_deref(),
        Some("Sở Lao động - Thương binh và Xã hội")
    );
    let t = task(&i, "Bảo đảm chế độ ăn");
    assert_eq!(ids(t, Role::Lead), ["unit:social_evils_prevention"]);
    // The rehab centre the Chi cục directs does the work under it (the
    // slip session 25 fixed: it had no role).
    assert_eq!(
        ids(t, Role::Support),
        [
            "unit:drug_rehab_facility",
            "unit:employment_service_centre",
            "unit:social_protection"
        ]
    );
    // The name's comma cut nothing: the time is the clause's, not the rest
    // of the name run on.
    let t = task(&i, "Thanh tra việc quản lý");
    assert_eq!(ids(t, Role::Lead), ["unit:inspection"]);
    assert_eq!(ids(t, Role::Support), ["unit:social_evils_prevention"]);
    assert_eq!(t.deadline_text.as_deref(), Some("hằng năm"));
    let t = task(&i, "xây dựng kế hoạch của đơn vị");
    assert_eq!(ids(t, Role::Lead), ["unit:social_work_centre"]);
}

/// Xã Trà Bồng (Quảng Ngãi), 2026: "- Phối hợp:" lines after each item,
/// one body qualified by where it acts, one request closing with the work
/// asked.
const QUALIFIED_PARTNERS: &str = "TỈNH QUẢNG NGÃI
ỦY BAN NHÂN DÂN XÃ TRÀ BỒNG
Số: 33/KH-UBND
Trà Bồng, ngày 20 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về các quyền dân sự và chính trị trên địa bàn xã
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm quyền của người dân.
II. NHIỆM VỤ
1. Hòa giải các mâu thuẫn, tranh chấp trong cộng đồng dân cư.
- Chủ trì: Văn phòng HĐND và UBND xã.
- Phối hợp: Tổ hòa giải thôn, Công an xã, Ban nhân dân thôn nơi xảy ra tranh chấp; đề nghị Ủy ban MTTQ Việt Nam xã giám sát.
- Thời hạn: thường xuyên.
";

#[test]
fn a_qualifier_of_place_and_the_work_a_request_asks_are_no_part_of_the_names() {
    let i = import(QUALIFIED_PARTNERS);
    let t = task(&i, "Hòa giải các mâu thuẫn");
    assert_eq!(
        ids(t, Role::Support),
        [
            "commune:fatherland_front",
            "commune:mediation_teams",
            "commune:police",
            "commune:residential_boards"
        ]
    );
    let scope = |id: &str| assigned(t, id).scope.as_deref();
    // The place is the board's, not the police's.
    assert_eq!(
        scope("commune:residential_boards"),
        Some("nơi xảy ra tranh chấp")
    );
    assert_eq!(scope("commune:police"), None);
    let front = assigned(t, "commune:fatherland_front");
    assert!(front.requested);
    assert_eq!(front.scope.as_deref(), Some("giám sát"));
    assert!(!front.as_written.contains("giám sát"), "{front:?}");
}

/// Huyện Tiên Phước (Quảng Nam), 2023: roles in each item's closing
/// sentence, with a time after the lead's "thực hiện", a note on a
/// supporting body, and bodies that feed the lead's work.
const CLOSING_ROLE_SENTENCES: &str = "ỦY BAN NHÂN DÂN
HUYỆN TIÊN PHƯỚC
Số: 140/KH-UBND
Tiên Phước, ngày 8 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Phân công cụ thể.
II. NHIỆM VỤ
1. Tiếp nhận, giải quyết đơn thư liên quan đến tra tấn. Thanh tra huyện chủ trì thực hiện thường xuyên; Văn phòng HĐND và UBND huyện (bộ phận tiếp công dân), Công an huyện phối hợp.
2. Tuyên truyền Công ước trên hệ thống truyền thanh. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Phòng Tư pháp thực hiện theo hướng dẫn của Sở Thông tin và Truyền thông.
3. Thống kê số vụ việc liên quan đến tra tấn. Phòng Tư pháp chủ trì tổng hợp hằng năm; Thanh tra huyện và Công an huyện cung cấp số liệu.
4. Tập huấn cho cán bộ, công chức. Phòng Nội vụ chủ trì thực hiện hằng năm; các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ triển khai thực hiện.
5. Công an huyện chủ trì thực hiện thường xuyên công tác tuyên truyền trong lực lượng.
";

#[test]
fn a_time_after_the_lead_s_verb_closing_its_clause_is_the_task_s() {
    let i = import(CLOSING_ROLE_SENTENCES);
    let t = task(&i, "Tiếp nhận, giải quyết đơn thư");
    assert_eq!(t.deadline_text.as_deref(), Some("thường xuyên"));
    let t = task(&i, "Tuyên truyền Công ước trên hệ thống");
    assert_eq!(
        t.deadline_text.as_deref(),
        Some("theo hướng dẫn của Sở Thông tin và Truyền thông")
    );
    // Work after the time is no time of the clause.
    let t = task(&i, "công tác tuyên truyền trong lực lượng");
    assert_eq!(t.deadline_text, None);
}

#[test]
fn a_note_on_a_supporting_body_keeps_the_bodies_after_it() {
    let i = import(CLOSING_ROLE_SENTENCES);
    let t = task(&i, "Tiếp nhận, giải quyết đơn thư");
    assert_eq!(ids(t, Role::Lead), ["district:inspection"]);
    assert_eq!(
        ids(t, Role::Support),
        ["district:government_office", "district:police"]
    );
    let office = assigned(t, "district:government_office");
    assert_eq!(office.scope.as_deref(), Some("bộ phận tiếp công dân"));
}

#[test]
fn bodies_that_feed_the_lead_s_work_in_a_clause_of_their_own_support_it() {
    let i = import(CLOSING_ROLE_SENTENCES);
    let t = task(&i, "Thống kê số vụ việc");
    assert_eq!(ids(t, Role::Lead), ["district:justice"]);
    assert_eq!(
        ids(t, Role::Support),
        ["district:inspection", "district:police"]
    );
    let t = task(&i, "Tập huấn cho cán bộ");
    assert_eq!(ids(t, Role::Support), ["collective:related"]);
}
