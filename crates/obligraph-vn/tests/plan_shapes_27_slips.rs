//! Plan shapes the importer misread in the two plans written blind in
//! session 27 (Công an quận Ngô Quyền, Khánh Hòa), each written here the
//! way another province would write it. Each test fails without the
//! change it is named for.

mod common;
use common::{ids, import, task};

use obligraph_core::{Level, Obligation, Role};

/// The names `o` gives `role`, as written, in order.
fn written(o: &Obligation, role: Role) -> Vec<&str> {
    o.assignments
        .iter()
        .filter(|a| a.role == role)
        .map(|a| a.as_written.as_str())
        .collect()
}

/// Công an huyện Tuy Phong (Bình Thuận), 2023: a district police plan
/// under the provincial police, its teams named as leads and partners
/// in every way the Ngô Quyền police plan names them (L41–L140).
const DISTRICT_POLICE: &str = "CÔNG AN TỈNH BÌNH THUẬN
CÔNG AN HUYỆN TUY PHONG

Số: 512/KH-CAH

Tuy Phong, ngày 21 tháng 4 năm 2023

KẾ HOẠCH
Thực hiện Kế hoạch số 96/KH-UBND ngày 17/4/2023 của Ủy ban nhân dân huyện Tuy Phong về thực thi Công ước chống tra tấn

II. NHIỆM VỤ

1. Rà soát, thống kê

1.1. Đội Tổng hợp chủ trì, phối hợp với các Đội nghiệp vụ tham mưu Lãnh đạo Công an huyện góp ý dự thảo báo cáo khi có yêu cầu.

1.2. Giao Đội Tổng hợp chủ trì, phối hợp với Phòng Tư pháp huyện xây dựng quy chế phối hợp về bảo đảm quyền của người bị tạm giữ; hoàn thành trong Quý IV/2023.

1.3. Thống kê số liệu về các vụ án liên quan đến tra tấn. Nhiệm vụ này giao Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy chủ trì, phối hợp với Đội Tổng hợp thực hiện trong năm 2023.

1.4. Đội Tổng hợp phối hợp với Phòng Văn hóa và Thông tin huyện cung cấp tài liệu tuyên truyền (thời gian: thường xuyên).

1.5. Kiểm tra việc tạm giữ, tạm giam; giao Đội Tổng hợp chủ trì, phối hợp với Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp tham mưu kế hoạch kiểm tra hằng năm.

2. Quản lý tạm giữ

2.1. Bảo đảm quyền của người bị tạm giữ, người chấp hành án.
- Đơn vị chủ trì: Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp.
- Đơn vị phối hợp: Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy, Nhà tạm giữ.
- Thời gian: hằng năm.

III. TỔ CHỨC THỰC HIỆN

1. Đội Tổng hợp là đơn vị thường trực, giúp Lãnh đạo Công an huyện theo dõi, đôn đốc việc thực hiện Kế hoạch.

2. Công an các xã, thị trấn phối hợp với Đội Xây dựng phong trào bảo vệ an ninh Tổ quốc thực hiện nhiệm vụ tại mục 1.4.

3. Đội Tổng hợp tổng hợp, báo cáo kết quả gửi Phòng Tư pháp huyện trước ngày 10/11 hằng năm.
";

/// A police body under its superior ("CÔNG AN TỈNH … / CÔNG AN HUYỆN
/// …") issues the plan: the lower line, an agency's plan.
#[test]
fn a_police_body_under_its_superior_issues_the_plan() {
    let plan = import(DISTRICT_POLICE).plan;
    assert_eq!(plan.issuer.as_deref(), Some("Công an huyện Tuy Phong"));
    assert_eq!(plan.level, Some(Level::Unit));
}

/// A police team's name the table does not know leads as a subject
/// ("Đội Tổng hợp chủ trì", "Giao Đội …", "… phối hợp với …").
#[test]
fn a_police_team_leads_as_a_subject() {
    let i = import(DISTRICT_POLICE);
    for snippet in [
        "tham mưu Lãnh đạo Công an huyện góp ý",
        "xây dựng quy chế phối hợp về",
    ] {
        assert_eq!(
            written(task(&i, snippet), Role::Lead),
            ["Đội Tổng hợp"],
            "{snippet}"
        );
    }
    let materials = task(&i, "cung cấp tài liệu tuyên truyền");
    assert_eq!(written(materials, Role::Lead), ["Đội Tổng hợp"]);
    assert_eq!(
        ids(materials, Role::Support),
        ["district:culture_sports_tourism"]
    );
}

/// "Đội Tổng hợp là …", "Đội Tổng hợp tổng hợp …": the capital "Tổng
/// hợp" after the head "Đội" is the name's, not the verb.
#[test]
fn a_capital_verb_after_a_head_goes_on_with_the_name() {
    let i = import(DISTRICT_POLICE);
    for snippet in ["là đơn vị thường trực", "tổng hợp, báo cáo kết quả"] {
        let o = task(&i, snippet);
        assert_eq!(written(o, Role::Lead), ["Đội Tổng hợp"], "{snippet}");
    }
}

/// A name whose part after "và" stands as no body alone is one name:
/// "… về kinh tế và ma túy", "… hình sự và hỗ trợ tư pháp".
#[test]
fn a_name_runs_on_over_va_to_words_that_name_no_body() {
    let i = import(DISTRICT_POLICE);
    let detention = task(&i, "người chấp hành án");
    assert_eq!(
        written(detention, Role::Lead),
        ["Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp"]
    );
    assert_eq!(
        written(detention, Role::Support),
        [
            "Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy",
            "Nhà tạm giữ"
        ]
    );
}

/// "Nhiệm vụ này giao X chủ trì" with X a long team name (13 words).
#[test]
fn a_long_team_name_is_given_the_task() {
    let i = import(DISTRICT_POLICE);
    let stats = task(&i, "Thống kê số liệu về các vụ án");
    assert_eq!(
        written(stats, Role::Lead),
        ["Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy"]
    );
    assert_eq!(written(stats, Role::Support), ["Đội Tổng hợp"]);
}

/// Partners ending at the task's verb keep an unknown name longer than a
/// guessed end allows; a verb after "và" is the name's ("… và hỗ trợ tư
/// pháp tham mưu …").
#[test]
fn partners_up_to_the_verb_keep_a_long_name() {
    let i = import(DISTRICT_POLICE);
    let front = task(&i, "phối hợp với Đội Xây dựng phong trào");
    assert_eq!(
        written(front, Role::Support),
        ["Đội Xây dựng phong trào bảo vệ an ninh Tổ quốc"]
    );
    let inspection = task(&i, "Kiểm tra việc tạm giữ, tạm giam");
    assert_eq!(
        written(inspection, Role::Support),
        ["Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp"]
    );
}

/// Gia Lai, 2026: the communes with the special zones ("đặc khu") after
/// the departments, as the subject of a report (Khánh Hòa L97): the
/// communes report, not the province's committee.
const SPECIAL_ZONES: &str = "ỦY BAN NHÂN DÂN TỈNH GIA LAI

Số: 77/KH-UBND

Gia Lai, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị

IV. CHẾ ĐỘ BÁO CÁO

1. Các Sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã, phường, đặc khu định kỳ báo cáo kết quả thực hiện trước ngày 01/11 hằng năm về Ủy ban nhân dân tỉnh (qua Sở Tư pháp).
";

#[test]
fn a_long_list_of_reporters_keeps_the_communes() {
    let i = import(SPECIAL_ZONES);
    let report = task(&i, "định kỳ báo cáo kết quả");
    let leads = ids(report, Role::Lead);
    assert!(
        leads.contains(&"collective:commune_committees".to_string()),
        "{leads:?}"
    );
    assert!(
        !leads.contains(&"province:peoples_committee".to_string()),
        "{leads:?}"
    );
}

/// "Trưởng Công an các xã, phường" are the commune police's chiefs (as
/// "Trưởng Công an các huyện" are the district police's).
#[test]
fn chiefs_of_the_commune_police_are_the_commune_police() {
    let i = import(&SPECIAL_ZONES.replace(
        "1. Các Sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã, phường, đặc khu định kỳ",
        "1. Trưởng Công an các xã, phường định kỳ",
    ));
    let report = task(&i, "định kỳ báo cáo kết quả");
    assert_eq!(ids(report, Role::Lead), ["commune:police"]);
}

/// Phú Yên-style body item closing a theme, then a parenthesis on its own
/// line pointing to the appendix's columns (Khánh Hòa L71–L73): the note
/// is no roles of the item, whose leads are not "Nhiệm vụ cụ thể" and
/// "cơ quan".
const POINTER_NOTE: &str = "ỦY BAN NHÂN DÂN TỈNH GIA LAI

Số: 78/KH-UBND

Gia Lai, ngày 03 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị

II. NHIỆM VỤ

1. Báo cáo và hợp tác quốc tế

a) Thực hiện báo cáo định kỳ về tình hình thực hiện Công ước theo yêu cầu của các bộ, ngành trung ương.

b) Mở rộng hợp tác quốc tế trong thực thi Công ước theo nội dung tại Phụ lục kèm theo.

(Nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp, thời gian thực hiện và sản phẩm tại Phụ lục kèm theo Kế hoạch này)

III. KINH PHÍ
";

#[test]
fn a_parenthesis_pointing_to_the_appendix_gives_no_roles() {
    let i = import(POINTER_NOTE);
    let cooperation = task(&i, "Mở rộng hợp tác quốc tế");
    assert!(cooperation.assignments.is_empty(), "{cooperation:#?}");
    assert!(!cooperation.text.contains("Nhiệm vụ cụ thể"));
}

/// A role line whose partners go on after ";" with the verb again
/// ("Đơn vị phối hợp: Công an các xã; phối hợp với Ủy ban Mặt trận Tổ
/// quốc Việt Nam huyện"): the Front is a partner too (Ngô Quyền L97).
#[test]
fn partners_after_the_verb_again_in_a_role_line() {
    let text = DISTRICT_POLICE.replace(
        "- Đơn vị phối hợp: Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy, Nhà tạm giữ.",
        "- Đơn vị phối hợp: Nhà tạm giữ; phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam huyện.",
    );
    let i = import(&text);
    let detention = task(&i, "người chấp hành án");
    assert_eq!(
        ids(detention, Role::Support),
        ["district:fatherland_front", "unit:holding_house"]
    );
}
