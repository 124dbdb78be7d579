//! The importer's readings shown general: each fix of the fields-right
//! work (issue 12) on a plan written the way another province would write
//! it — other agencies, other numbering, other line breaks — none of it
//! taken from the seeds.

mod common;
use common::{ids, import, task};

use obligraph_core::{ObligationKind, Role};
use obligraph_vn::agency::{parse_agency_list, AgencyContext};

/// A district plan of another province (Tân Phú, Đồng Nai, before the
/// 2025 reorganisation), its "Tổ chức thực hiện" written in the usual
/// ways: clauses after ";", a second sentence, a report after a comma, and
/// a closing paragraph whose difficulty sentence has no subject of its own.
const DISTRICT: &str = "ỦY BAN NHÂN DÂN HUYỆN TÂN PHÚ
Số: 45/KH-UBND
Tân Phú, ngày 10 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, công chức về Công ước.
II. NHIỆM VỤ
1. Tuyên truyền Công ước cho cán bộ, công chức (Phòng Tư pháp chủ trì; Công an huyện phối hợp).
III. TỔ CHỨC THỰC HIỆN
1. Phòng Lao động - Thương binh và Xã hội
a) Chủ trì, phối hợp với Công an huyện hướng dẫn, kiểm tra việc thực hiện Kế hoạch; tổ chức tập huấn
cho cán bộ làm công tác xã hội; tham mưu Ủy ban nhân dân huyện sơ kết 03 năm (khi có yêu cầu).
b) Rà soát số liệu người khuyết tật; hoàn thành trước ngày 30/6/2024.
2. Phòng Văn hóa và Thông tin: Chỉ đạo Đài Truyền thanh huyện đưa tin về Công ước. Phối hợp với
Phòng Tư pháp biên soạn tài liệu hỏi đáp.
3. Các cơ quan, ban, ngành, đoàn thể huyện, Ủy ban nhân dân các xã, thị trấn: Xây dựng kế hoạch
thực hiện Kế hoạch này, định kỳ hằng năm báo cáo kết quả về Ủy ban nhân dân huyện (qua Phòng Lao
động - Thương binh và Xã hội).
Trên đây là Kế hoạch thực hiện Công ước trên địa bàn huyện, Ủy ban nhân dân huyện đề nghị các cơ
quan, đơn vị, địa phương nghiêm túc triển khai thực hiện. Trong quá trình thực hiện, nếu có khó
khăn, vướng mắc, kịp thời phản ánh về Phòng Lao động - Thương binh và Xã hội để tổng hợp.
";

/// The agency context of a plan issued on `(y, m, d)` at `level`.
fn ctx((y, m, d): (i32, u32, u32), level: obligraph_core::Level) -> AgencyContext {
    AgencyContext {
        date: chrono::NaiveDate::from_ymd_opt(y, m, d),
        issuer_level: Some(level),
        city_issuer: false,
    }
}
#[test]
fn one_clause_one_duty() {
    let i = import(DISTRICT);
    // Three clauses after ";", three duties: only the last is dated, and
    // only the first has the partner it names.
    let guide = task(&i, "hướng dẫn, kiểm tra việc thực hiện");
    let train = task(&i, "tổ chức tập huấn");
    let review = task(&i, "sơ kết 03 năm");
    assert_eq!(ids(guide, Role::Support), ["district:police"]);
    assert!(ids(train, Role::Support).is_empty());
    assert!(guide.deadline.is_none() && train.deadline.is_none());
    assert!(review
        .deadline_text
        .as_deref()
        .is_some_and(|t| t.contains("khi có yêu cầu")));
    for o in [guide, train, review] {
        assert_eq!(ids(o, Role::Lead), ["district:labour_invalids_social"]);
    }
    // A clause that only dates the one before stays with it.
    let count = task(&i, "Rà soát số liệu người khuyết tật");
    assert!(count.text.contains("hoàn thành trước ngày 30/6/2024"));
    assert!(count.deadline.is_some());
    // Two sentences, two duties: the partner is the second one's.
    let direct = task(&i, "Chỉ đạo Đài Truyền thanh huyện");
    let compile = task(&i, "biên soạn tài liệu hỏi đáp");
    assert!(ids(direct, Role::Support).is_empty());
    assert_eq!(ids(compile, Role::Support), ["district:justice"]);
    assert_eq!(
        ids(compile, Role::Lead),
        ["district:culture_sports_tourism"]
    );
}

/// A province's plan (Quảng Ngãi style, not a seed): the standing body
/// monitors and reports in one clause, joined by "và" or by a comma, as
/// Huế III.10-5 does; a compiling body whose report goes up for approval,
/// and a report with no monitoring before it, stay one duty.
const MONITOR_AND_REPORT: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 118/KH-UBND
Quảng Ngãi, ngày 05 tháng 8 năm 2024
KẾ HOẠCH
Triển khai thực hiện Công ước về quyền của người khuyết tật trên địa bàn tỉnh
III. TỔ CHỨC THỰC HIỆN
1. Sở Lao động - Thương binh và Xã hội có trách nhiệm theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này và báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
2. Sở Tư pháp
- Theo dõi, kiểm tra tình hình thực hiện Kế hoạch của các sở, ngành, địa phương, tổng hợp, báo cáo Ủy ban nhân dân tỉnh;
- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh phê duyệt danh mục văn bản cần sửa đổi.
3. Các sở, ban, ngành tổng hợp, báo cáo kết quả thực hiện về Sở Lao động - Thương binh và Xã hội.
";

#[test]
fn a_monitoring_duty_and_its_report_in_one_clause_are_two_duties() {
    let i = import(MONITOR_AND_REPORT);
    let by_id = |id: &str| {
        i.plan
            .obligation(id)
            .unwrap_or_else(|| panic!("{id}: {:#?}", i.plan.obligations))
    };
    let watch = by_id("III.1:monitor");
    let report = by_id("III.1:report");
    assert_eq!(watch.kind, ObligationKind::Monitor);
    assert_eq!(report.kind, ObligationKind::Report);
    assert!(!watch.text.contains("báo cáo"), "{}", watch.text);
    assert!(
        report.text.starts_with("báo cáo kết quả"),
        "{}",
        report.text
    );
    // The date is the report's.
    assert!(watch.deadline.is_none());
    assert!(report.deadline.is_some());
    for o in [watch, report] {
        assert_eq!(ids(o, Role::Lead), ["province:labour_invalids_social"]);
    }
    let watch = task(&i, "Theo dõi, kiểm tra tình hình");
    let report = task(&i, "tổng hợp, báo cáo Ủy ban nhân dân tỉnh;");
    assert_eq!(watch.kind, ObligationKind::Monitor);
    assert_eq!(report.kind, ObligationKind::Report);
    assert_eq!(ids(report, Role::Lead), ["province:justice"]);
    // Submitting for approval is a task, not a report: no split.
    let approve = task(&i, "phê duyệt danh mục");
    assert!(approve.text.starts_with("Tổng hợp, báo cáo"));
    assert_eq!(approve.kind, ObligationKind::Task);
    // A report with nothing monitored before it stays whole.
    let only = task(&i, "Các sở, ban, ngành tổng hợp");
    assert_eq!(only.kind, ObligationKind::Report);
    assert!(!only.id.contains(':'), "{}", only.id);
}

#[test]
fn a_periodic_report_after_a_comma_is_a_duty_of_its_own() {
    let i = import(DISTRICT);
    let plan = task(&i, "Xây dựng kế hoạch");
    let report = task(&i, "định kỳ hằng năm báo cáo kết quả");
    assert_eq!(plan.kind, ObligationKind::DraftPlan);
    assert_eq!(report.kind, ObligationKind::Report);
    assert!(!plan.text.contains("báo cáo"));
    assert!(report
        .deadline_text
        .as_deref()
        .is_some_and(|t| t.contains("hằng năm")));
}

#[test]
fn mass_organisations_beside_other_bodies() {
    let i = import(DISTRICT);
    // "Các cơ quan, ban, ngành, đoàn thể huyện": the district's bodies
    // and its mass organisations.
    let report = task(&i, "định kỳ hằng năm báo cáo kết quả");
    let leads = ids(report, Role::Lead);
    assert!(
        leads.contains(&"collective:mass_organisations".to_string()),
        "{leads:?}"
    );
    assert!(
        leads.contains(&"collective:commune_committees".to_string()),
        "{leads:?}"
    );
    assert!(leads.len() >= 3, "{leads:?}");
    // In lists read alone, whatever the order and the qualifier.
    let ctx = AgencyContext::default();
    for (list, want) in [
        (
            "các ban, ngành, đoàn thể tỉnh",
            vec!["collective:departments", "collective:mass_organisations"],
        ),
        (
            "Các sở, ngành, tổ chức chính trị - xã hội có liên quan",
            vec!["collective:departments", "collective:mass_organisations"],
        ),
        (
            "các cơ quan, đơn vị, đoàn thể liên quan",
            vec!["collective:mass_organisations", "collective:related"],
        ),
        (
            "các đoàn thể chính trị - xã hội",
            vec!["collective:mass_organisations"],
        ),
        ("các sở, ban, ngành", vec!["collective:departments"]),
        // The localities beside the departments: the committees below.
        (
            "các sở, ban, ngành, địa phương",
            vec!["collective:commune_committees", "collective:departments"],
        ),
        (
            "Các phòng, ban, ngành, địa phương liên quan",
            vec![
                "collective:commune_committees",
                "collective:district_offices",
            ],
        ),
        (
            "các cơ quan, đơn vị, địa phương",
            vec!["collective:related"],
        ),
    ] {
        let mut got: Vec<String> = parse_agency_list(list, Role::Support, &ctx)
            .into_iter()
            .map(|a| a.agency.id)
            .collect();
        got.sort();
        assert_eq!(got, want, "{list}");
    }
}

#[test]
fn the_closing_duty_takes_the_bodies_asked_to_act() {
    let i = import(DISTRICT);
    let closing = task(&i, "kịp thời phản ánh");
    let leads: Vec<(String, bool)> = closing
        .leads()
        .map(|a| (a.agency.id.clone(), a.requested))
        .collect();
    assert_eq!(leads, [("collective:related".to_string(), true)]);
}

/// A department's own plan: "các đơn vị" are its units.
const DEPARTMENT: &str = "SỞ Y TẾ TỈNH BẮC GIANG
Số: 12/KH-SYT
Bắc Giang, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Tuyên truyền pháp luật về phòng, chống tra tấn năm 2026 của Sở Y tế
I. NHIỆM VỤ
1. Phổ biến Kế hoạch cho công chức, viên chức (Văn phòng Sở chủ trì; các phòng chức năng phối hợp).
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở
- Theo dõi, đôn đốc việc thực hiện Kế hoạch, định kỳ báo cáo kết quả về Giám đốc Sở.
2. Các đơn vị trực thuộc
- Chủ động triển khai các nội dung có liên quan.
Trên đây là Kế hoạch của Sở Y tế. Trong quá trình triển khai, nếu phát sinh vướng mắc, các đơn vị
báo cáo về Văn phòng Sở để tổng hợp.
";

#[test]
fn a_departments_units() {
    let i = import(DEPARTMENT);
    assert_eq!(i.plan.level, Some(obligraph_core::Level::Unit));
    let closing = task(&i, "nếu phát sinh vướng mắc");
    assert_eq!(ids(closing, Role::Lead), ["collective:units"]);
    // "…, định kỳ báo cáo kết quả …" with no period: a report of its own,
    // its deadline as written "định kỳ", no period invented.
    let report = task(&i, "định kỳ báo cáo kết quả về Giám đốc Sở");
    assert_eq!(report.kind, ObligationKind::Report);
    assert_eq!(report.deadline_text.as_deref(), Some("định kỳ"));
    assert!(report.deadline.is_none());
    assert!(!task(&i, "Theo dõi, đôn đốc").text.contains("báo cáo"));
    // A committee's plan keeps "các đơn vị" as the bodies concerned.
    let i = import(DISTRICT);
    let ctx = AgencyContext {
        date: i.plan.date,
        issuer_level: i.plan.level,
        city_issuer: false,
    };
    let a = parse_agency_list("các đơn vị", Role::Lead, &ctx);
    assert_eq!(a[0].agency.id, "collective:related");
}

/// A body bullet that words both rows of an appendix group (each with its
/// lead) carries them both; one that only restates a group heading whose
/// rows say other things carries none.
const RESTATED: &str = "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH
Số: 88/KH-UBND
Châu Thành, ngày 15 tháng 5 năm 2024
KẾ HOẠCH
Phòng, chống bạo lực gia đình trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm số liệu đầy đủ.
II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao chất lượng số liệu thống kê
- Rà soát, cập nhật số liệu thống kê về các vụ việc bạo lực gia đình được phát hiện, xử lý; về các hoạt động hòa giải ở cơ sở liên quan đến bạo lực gia đình (phân theo giới tính, độ tuổi).
2. Hoàn thiện các mô hình hỗ trợ
- Hoàn thiện, nhân rộng các mô hình hỗ trợ nạn nhân bạo lực gia đình trên địa bàn huyện.
PHỤ LỤC
STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành
1.\tNâng cao chất lượng số liệu thống kê\t\t\t
1.1.\tRà soát, cập nhật số liệu thống kê (phân theo giới tính, độ tuổi)\t\t\t
a.\tRà soát, cập nhật số liệu thống kê về các vụ việc bạo lực gia đình được phát hiện, xử lý (tại gia đình, nơi làm việc)\tCông an huyện\tỦy ban nhân dân các xã, thị trấn\tHằng năm
b.\tRà soát, cập nhật số liệu thống kê về các hoạt động hòa giải ở cơ sở liên quan đến bạo lực gia đình\tPhòng Tư pháp\tPhòng Văn hóa và Thông tin\tQuý IV/2024
2.\tHoàn thiện các mô hình hỗ trợ\t\t\t
2.1.\tXây dựng địa chỉ tin cậy tại các xã, thị trấn\tPhòng Văn hóa và Thông tin\tHội Liên hiệp Phụ nữ huyện\tNăm 2024
2.2.\tDuy trì đường dây nóng tiếp nhận tin báo\tCông an huyện\t\tHằng năm
";

#[test]
fn a_body_item_that_words_every_row_of_a_group() {
    let i = import(RESTATED);
    let body = task(
        &i,
        "về các hoạt động hòa giải ở cơ sở liên quan đến bạo lực gia đình (phân",
    );
    assert_eq!(
        ids(body, Role::Lead),
        ["district:justice", "district:police"]
    );
    assert_eq!(
        ids(body, Role::Support),
        [
            "collective:commune_committees",
            "district:culture_sports_tourism"
        ]
    );
    assert!(body.deadline.is_some());
    let text = body.deadline_text.as_deref().unwrap_or("");
    assert!(
        text.contains("Hằng năm") && text.contains("Quý IV/2024"),
        "{text}"
    );
    // The rows keep their own roles.
    let a = task(&i, "được phát hiện, xử lý (tại gia đình");
    assert_eq!(ids(a, Role::Lead), ["district:police"]);
    // "Hoàn thiện, nhân rộng các mô hình hỗ trợ …" restates the heading of
    // group 2, whose rows are other tasks: no lead of its own.
    let broad = task(&i, "nhân rộng các mô hình");
    assert!(broad.assignments.is_empty(), "{:?}", broad.assignments);
}

/// A ward plan after the 2025 reorganisation (Tân Định-style, not a seed
/// nor a test commune): duties whose subject is a head of bodies, an
/// "đầu mối", a collective of the ward's own bodies followed by a verb
/// the importer did not know, and a support cell naming the ward's
/// culture-society office beside its residential boards.
const WARD: &str = "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH
Số: 33/KH-UBND
KẾ HOẠCH
Thực hiện Công ước về quyền trẻ em trên địa bàn phường
II. NHIỆM VỤ
1. Tổ chức tuyên truyền Luật Trẻ em tại các khu phố (Công an phường chủ trì; Phòng Văn hóa - Xã hội, Ban điều hành các khu phố phối hợp).
III. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các cơ quan, đơn vị thuộc phường căn cứ nhiệm vụ được giao tổ chức thực hiện; báo cáo kết quả về Ủy ban nhân dân phường trước ngày 10/11 hằng năm.
2. Văn phòng HĐND và UBND phường là đầu mối theo dõi, đôn đốc việc thực hiện Kế hoạch.
3. Các cơ quan, đơn vị thuộc phường tăng cường tuyên truyền về quyền trẻ em tới cán bộ, công chức và Nhân dân; chủ động phối hợp với nhà trường bảo vệ trẻ em.
4. Công an phường tập trung giải quyết dứt điểm các vụ việc xâm hại trẻ em.
";

#[test]
fn ward_subjects_end_at_their_verb() {
    let i = import(WARD);
    let t = task(&i, "Tổ chức tuyên truyền Luật Trẻ em");
    assert_eq!(
        ids(t, Role::Support),
        ["commune:culture_society", "commune:residential_boards"]
    );
    let heads = task(&i, "căn cứ nhiệm vụ được giao");
    assert_eq!(ids(heads, Role::Lead), ["collective:related"]);
    let office = task(&i, "là đầu mối theo dõi");
    assert_eq!(ids(office, Role::Lead), ["commune:government_office"]);
    let bodies = task(&i, "tăng cường tuyên truyền về quyền trẻ em");
    assert_eq!(ids(bodies, Role::Lead), ["collective:related"]);
    let police = task(&i, "tập trung giải quyết dứt điểm");
    assert_eq!(ids(police, Role::Lead), ["commune:police"]);
    for o in &i.plan.obligations {
        assert!(
            o.assignments
                .iter()
                .all(|a| !a.agency.id.starts_with("unresolved:")),
            "{}: {:?}",
            o.id,
            o.assignments
        );
    }
}

/// A province plan whose body only points to its appendix (Quảng Ngãi
/// style, not a seed): the pointer is no task, and its line is accounted
/// for with its reason; the appendix columns come in another order.
const POINTER: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 45/KH-UBND
Quảng Ngãi, ngày 10 tháng 3 năm 2024
KẾ HOẠCH
Triển khai thực hiện Công ước chống tra tấn trên địa bàn tỉnh
II. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.
PHỤ LỤC
STT\tNội dung công việc\tThời gian hoàn thành\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm
1\tRà soát văn bản quy phạm pháp luật của tỉnh có liên quan đến Công ước CAT\tQuý IV/2024\tSở Tư pháp\tCông an tỉnh\tBáo cáo rà soát
2\tTập huấn về Công ước CAT cho cán bộ làm công tác điều tra, giam giữ\tHằng năm\tCông an tỉnh\tSở Tư pháp\tLớp tập huấn
";

#[test]
fn a_pointer_to_the_appendix_is_no_task() {
    let i = import(POINTER);
    assert_eq!(i.plan.obligations.len(), 2, "{:#?}", i.plan.obligations);
    assert!(i
        .plan
        .obligations
        .iter()
        .all(|o| !o.text.contains("Phụ lục kèm theo")));
    let row = task(&i, "Rà soát văn bản quy phạm pháp luật");
    assert_eq!(ids(row, Role::Lead), ["province:justice"]);
    assert_eq!(row.deadline_text.as_deref(), Some("Quý IV/2024"));
    let pointer = i.unattributed.iter().find(|u| u.line == 7);
    assert_eq!(
        pointer.map(|u| u.reason),
        Some(obligraph_vn::UnattributedReason::AppendixPointer),
        "{:?}",
        i.unattributed
    );
}

/// A district plan (Đức Phổ style, not a seed) whose item is followed by a
/// paragraph that only assigns it: the item is the task, with that
/// paragraph's roles and deadline.
const ROLE_LINE: &str = "ỦY BAN NHÂN DÂN HUYỆN ĐỨC PHỔ
Số: 12/KH-UBND
Đức Phổ, ngày 05 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật năm 2024
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Rà soát, cập nhật số liệu người khuyết tật trên địa bàn huyện.
Phòng Lao động - Thương binh và Xã hội chủ trì; Ủy ban nhân dân các xã phối hợp; hoàn thành trước ngày 30/9/2024.
2. Hỗ trợ người khuyết tật tiếp cận dịch vụ trợ giúp pháp lý.
Tổ chức các đợt trợ giúp pháp lý lưu động tại các xã miền núi.
";

#[test]
fn a_paragraph_that_only_assigns_the_item_above_it() {
    let i = import(ROLE_LINE);
    let t = task(&i, "Rà soát, cập nhật số liệu người khuyết tật");
    assert_eq!(ids(t, Role::Lead), ["district:labour_invalids_social"]);
    assert_eq!(ids(t, Role::Support), ["collective:commune_committees"]);
    assert!(t.deadline.is_some(), "{t:?}");
    assert!(i
        .plan
        .obligations
        .iter()
        .all(|o| !o.text.starts_with("Phòng Lao động")));
    // A paragraph that does work of its own stays a task.
    task(&i, "Tổ chức các đợt trợ giúp pháp lý lưu động");
}

/// A district plan (Sơn Tịnh style, not a seed) whose lettered and dashed
/// items are each followed by the line(s) that assign them, written in
/// every usual way: the item stays the task, with its own text, and takes
/// the roles and deadline of the line(s) under it.
const LETTERED_ROLE_LINES: &str = "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH
Số: 33/KH-UBND
Sơn Tịnh, ngày 10 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện năm 2024
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Công tác tuyên truyền
a) Biên soạn tài liệu hỏi đáp về Công ước chống tra tấn cho cán bộ cấp xã.
Phòng Tư pháp chủ trì, phối hợp với Công an huyện thực hiện; thời gian: hoàn thành trước ngày 30/6/2024.
b) Phát sóng chuyên mục pháp luật trên Đài Truyền thanh huyện.
c) Treo băng rôn, khẩu hiệu tại trụ sở các xã, thị trấn.
Đơn vị chủ trì (điểm b, c): Phòng Văn hóa và Thông tin.
Đơn vị phối hợp: Ủy ban nhân dân các xã, thị trấn.
Thời gian: Quý III/2024.
d) Tổ chức hội thi tìm hiểu pháp luật cho hòa giải viên.
Phòng Tư pháp: chủ trì; Hội Liên hiệp Phụ nữ huyện: phối hợp. Thời gian: Quý IV/2024.
đ) Tập huấn kỹ năng tiếp công dân cho công chức cấp xã.
Giao Phòng Nội vụ chủ trì; Thanh tra huyện, Phòng Tư pháp phối hợp; thời gian: năm 2024.
e) Cập nhật tủ sách pháp luật tại các xã.
Chủ trì: Phòng Văn hóa và Thông tin. Phối hợp: Phòng Tư pháp. Thời gian: hằng năm.
2. Hỗ trợ nạn nhân
a) Hỗ trợ y tế, tâm lý cho nạn nhân của hành vi tra tấn.
b) Trợ giúp xã hội cho nạn nhân là trẻ em, người khuyết tật.
c) Thống kê số nạn nhân được hỗ trợ.
Phòng Y tế: chủ trì thực hiện điểm a, b; Phòng Lao động - Thương binh và Xã hội: phối hợp. Thời gian: khi phát sinh.
3. Thi hành pháp luật
- Kiểm tra việc tạm giữ hành chính tại trụ sở Công an các xã.
Chủ trì: Công an huyện. Phối hợp: Viện kiểm sát nhân dân huyện. Thời gian: hằng quý.
- Rà soát hồ sơ yêu cầu bồi thường nhà nước.
Phòng Tư pháp thực hiện; thời gian: hằng năm.
";

#[test]
fn lettered_and_dashed_items_take_the_role_lines_under_them() {
    let i = import(LETTERED_ROLE_LINES);
    // No role line is a task of its own.
    for o in &i.plan.obligations {
        for opening in [
            "Phòng Tư pháp",
            "Đơn vị",
            "Giao",
            "Chủ trì",
            "Phòng Y tế",
            "Thời gian",
        ] {
            assert!(!o.text.starts_with(opening), "{}: {}", o.id, o.text);
        }
    }
    let t = task(&i, "Biên soạn tài liệu hỏi đáp");
    assert!(t.text.ends_with("cho cán bộ cấp xã."), "{}", t.text);
    assert_eq!(ids(t, Role::Lead), ["district:justice"]);
    assert_eq!(ids(t, Role::Support), ["district:police"]);
    assert_eq!(
        t.deadline_text.as_deref(),
        Some("hoàn thành trước ngày 30/6/2024")
    );
    assert!(t.deadline.is_some());
    // "(điểm b, c)": the two items named, and not a) above them.
    for snippet in ["Phát sóng chuyên mục", "Treo băng rôn"] {
        let t = task(&i, snippet);
        assert_eq!(ids(t, Role::Lead), ["district:culture_sports_tourism"]);
        assert_eq!(ids(t, Role::Support), ["collective:commune_committees"]);
        assert_eq!(t.deadline_text.as_deref(), Some("Quý III/2024"));
    }
    let t = task(&i, "hội thi tìm hiểu");
    assert_eq!(ids(t, Role::Lead), ["district:justice"]);
    assert_eq!(ids(t, Role::Support), ["district:women_union"]);
    assert_eq!(t.deadline_text.as_deref(), Some("Quý IV/2024"));
    let t = task(&i, "kỹ năng tiếp công dân");
    assert_eq!(ids(t, Role::Lead), ["district:home_affairs"]);
    assert_eq!(
        ids(t, Role::Support),
        ["district:inspection", "district:justice"]
    );
    let t = task(&i, "tủ sách pháp luật");
    assert_eq!(ids(t, Role::Lead), ["district:culture_sports_tourism"]);
    assert_eq!(t.deadline_text.as_deref(), Some("hằng năm"));
    // "chủ trì thực hiện điểm a, b": a) and b) of that group; c) names
    // nobody and is left so.
    for snippet in ["Hỗ trợ y tế, tâm lý", "Trợ giúp xã hội"] {
        let t = task(&i, snippet);
        assert_eq!(ids(t, Role::Lead), ["district:health"]);
        assert_eq!(ids(t, Role::Support), ["district:labour_invalids_social"]);
    }
    assert!(task(&i, "Thống kê số nạn nhân").assignments.is_empty());
    // Dashed items.
    let t = task(&i, "tạm giữ hành chính");
    assert_eq!(ids(t, Role::Lead), ["district:police"]);
    assert_eq!(ids(t, Role::Support), ["district:procuracy"]);
    assert_eq!(t.deadline_text.as_deref(), Some("hằng quý"));
    let t = task(&i, "bồi thường nhà nước");
    assert_eq!(ids(t, Role::Lead), ["district:justice"]);
    assert_eq!(t.deadline_text.as_deref(), Some("hằng năm"));
}

/// A department's plan (Sở Tư pháp tỉnh Quảng Nam style, not a seed): the
/// Sở's own units, named with commas and "và" inside their names, are its
/// units, whole; the signer's title and name after "Nơi nhận" are no
/// tasks.
const DEPARTMENT_UNITS: &str = "UBND TỈNH QUẢNG NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc
Số: 41/KH-STP\tQuảng Nam, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Công ước về các quyền dân sự và chính trị năm 2024
II. NHIỆM VỤ
1. Rà soát văn bản quy phạm pháp luật của tỉnh về quyền dân sự (Phòng Xây dựng và kiểm tra văn bản quy phạm pháp luật chủ trì; Phòng Hành chính tư pháp, Phòng Bổ trợ tư pháp phối hợp).
2. Tuyên truyền pháp luật về xử lý vi phạm hành chính (Phòng Phổ biến, giáo dục pháp luật, Phòng Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật chủ trì; các phòng chuyên môn thuộc Sở phối hợp).
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Giám đốc Sở trước ngày 15/11/2024.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

GIÁM ĐỐC


Trần Văn Minh
";

#[test]
fn a_departments_own_units_stay_whole_and_the_signer_is_no_task() {
    let i = import(DEPARTMENT_UNITS);
    assert_eq!(i.plan.level, Some(obligraph_core::Level::Unit));
    let t = task(&i, "Rà soát văn bản quy phạm pháp luật");
    assert_eq!(ids(t, Role::Lead), ["unit:legislation"]);
    assert_eq!(
        ids(t, Role::Support),
        ["unit:judicial_administration", "unit:judicial_support"]
    );
    let t = task(&i, "xử lý vi phạm hành chính (");
    assert_eq!(
        ids(t, Role::Lead),
        ["unit:administrative_violations", "unit:legal_dissemination"]
    );
    assert_eq!(ids(t, Role::Support), ["collective:units"]);
    assert!(t
        .assignments
        .iter()
        .all(|a| a.agency.level == Some(obligraph_core::Level::Unit)));
    assert!(i
        .plan
        .obligations
        .iter()
        .all(|o| !o.text.contains("GIÁM ĐỐC") && !o.text.contains("Trần Văn Minh")));
    for line in [16, 19] {
        assert_eq!(
            i.unattributed
                .iter()
                .find(|u| u.line == line)
                .map(|u| u.reason),
            Some(obligraph_vn::UnattributedReason::Signature),
            "line {line}: {:?}",
            i.unattributed
        );
    }
}

/// A commune's plan (xã Tân Phước style, before 2025, not a seed): its
/// civil servants by field are the commune's bodies of that field, "Trạm Y
/// tế xã" its health station, "các bộ phận (chuyên môn), đơn vị" its own
/// parts (never the ministries); "Giao X chủ trì …" ending an item's text
/// and "Công chức X chủ trì" give the lead.
const COMMUNE_BODIES: &str = "UBND HUYỆN TÂN PHƯỚC
ỦY BAN NHÂN DÂN
XÃ TÂN HÒA ĐÔNG
Số: 19/KH-UBND
Tân Hòa Đông, ngày 06 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn xã
II. NHIỆM VỤ
1. Tuyên truyền
a) Lồng ghép nội dung Công ước vào các buổi sinh hoạt ấp, họp dân. Giao công chức Văn hóa - Xã hội chủ trì, phối hợp với Trạm Y tế xã, công chức Tư pháp - Hộ tịch thực hiện; thời gian: hằng quý.
b) Công chức Tài chính - Kế toán chủ trì, phối hợp với công chức Địa chính - Xây dựng rà soát kinh phí tuyên truyền; thời gian: hằng năm.
III. TỔ CHỨC THỰC HIỆN
1. Công an xã chủ trì, phối hợp với các bộ phận, đơn vị có liên quan theo dõi việc thực hiện Kế hoạch.
2. Các bộ phận chuyên môn, Trạm Y tế xã báo cáo kết quả về Ủy ban nhân dân xã trước ngày 30/11 hằng năm.
";

#[test]
fn a_communes_civil_servants_and_parts() {
    let i = import(COMMUNE_BODIES);
    assert_eq!(i.plan.level, Some(obligraph_core::Level::Commune));
    let t = task(&i, "Lồng ghép nội dung Công ước");
    assert_eq!(ids(t, Role::Lead), ["commune:post_culture_society"]);
    assert_eq!(
        ids(t, Role::Support),
        [
            "commune:health_station",
            "commune:post_justice_civil_status"
        ]
    );
    assert_eq!(t.deadline_text.as_deref(), Some("hằng quý"));
    // Two posts filed under the same office of 2025 are two bodies: the
    // support is not folded into the lead.
    let t = task(&i, "rà soát kinh phí");
    assert_eq!(ids(t, Role::Lead), ["commune:post_finance_accounting"]);
    assert_eq!(ids(t, Role::Support), ["commune:post_land_construction"]);
    let all: Vec<&str> = i
        .plan
        .obligations
        .iter()
        .flat_map(|o| o.assignments.iter().map(|a| a.agency.id.as_str()))
        .collect();
    assert!(!all.contains(&"collective:ministries"), "{all:?}");
    assert!(
        all.iter().all(|id| !id.starts_with("unresolved")),
        "{all:?}"
    );
    let report = task(&i, "báo cáo kết quả về Ủy ban nhân dân xã");
    assert_eq!(
        ids(report, Role::Lead),
        ["collective:related", "commune:health_station"]
    );
}

/// A commune's plan (Nghệ An style, before 2025, not a seed nor the Lạch
/// Tray ward's): each civil servant's post is a body of its own, even two
/// posts whose work one office took in on 1 July 2025 (Văn phòng - thống
/// kê and Tư pháp - hộ tịch, both under the Văn phòng HĐND và UBND), and
/// whatever case the title is written in.
const COMMUNE_POSTS: &str = "UBND HUYỆN NGHI LỘC
ỦY BAN NHÂN DÂN
XÃ NGHI TRUNG
Số: 41/KH-UBND
Nghi Trung, ngày 12 tháng 5 năm 2023
KẾ HOẠCH
Triển khai thực hiện Công ước chống tra tấn trên địa bàn xã
II. NHIỆM VỤ
1. Tiếp công dân, xử lý đơn thư liên quan đến tra tấn. Giao công chức Văn phòng - thống kê chủ trì, phối hợp với công chức Tư pháp - hộ tịch, Công an xã thực hiện; thời gian: thường xuyên.
2. Tuyên truyền trên hệ thống loa truyền thanh các xóm.
Chủ trì: công chức Văn hóa - xã hội. Phối hợp: Tư pháp - hộ tịch, Văn phòng - thống kê, Địa chính - Nông nghiệp - Xây dựng và Môi trường. Thời gian: hằng quý.
";

#[test]
fn a_communes_posts_under_one_office_stay_apart() {
    let i = import(COMMUNE_POSTS);
    let t = task(&i, "Tiếp công dân, xử lý đơn thư");
    assert_eq!(ids(t, Role::Lead), ["commune:post_office_statistics"]);
    assert_eq!(
        ids(t, Role::Support),
        ["commune:police", "commune:post_justice_civil_status"]
    );
    let t = task(&i, "loa truyền thanh");
    assert_eq!(ids(t, Role::Lead), ["commune:post_culture_society"]);
    assert_eq!(
        ids(t, Role::Support),
        [
            "commune:post_justice_civil_status",
            "commune:post_land_construction",
            "commune:post_office_statistics"
        ]
    );
    // The posts answer for the fields of the office that took them in
    // (Sở Tư pháp's work → the Văn phòng's posts), and the office itself
    // stays the counterpart of the field.
    use obligraph_core::Level;
    use obligraph_vn::agency::{agency_by_id, commune_field, counterpart, resolve_agency};
    let ctx = AgencyContext::default();
    let stp = resolve_agency("Sở Tư pháp", &ctx);
    assert_eq!(
        counterpart(&stp, Level::Commune).unwrap().id,
        "commune:government_office"
    );
    let post = agency_by_id("commune:post_justice_civil_status").unwrap();
    assert_eq!(commune_field("justice"), post.field.as_deref());
}

/// A city plan (Đà Nẵng style, not a seed): a task whose sentence opens
/// with the body that does it, and a duty opened by "Giao".
const SUBJECT_FIRST: &str = "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG
Số: 150/KH-UBND
Đà Nẵng, ngày 20 tháng 5 năm 2025
KẾ HOẠCH
Triển khai thực hiện Quyết định số 87/QĐ-TTg ngày 14/02/2023 của Thủ tướng Chính phủ
II. NHIỆM VỤ CỤ THỂ
1. Công an thành phố tổ chức tập huấn chuyên sâu cho cán bộ làm công tác điều tra, tạm giữ, tạm giam.
2. Tăng cường tuyên truyền về Công ước CAT trên các phương tiện thông tin đại chúng.
III. TỔ CHỨC THỰC HIỆN
1. Giao Công an thành phố là cơ quan thường trực, giúp Ủy ban nhân dân thành phố theo dõi, đôn đốc các sở, ngành, địa phương triển khai Kế hoạch; tổng hợp, báo cáo Bộ Công an trước ngày 15/11 hằng năm.
";

#[test]
fn a_task_that_opens_with_its_body_and_a_duty_opened_by_giao() {
    let i = import(SUBJECT_FIRST);
    let t = task(&i, "tổ chức tập huấn chuyên sâu");
    assert_eq!(ids(t, Role::Lead), ["province:police"]);
    // A task naming nobody stays without a lead.
    let t = task(&i, "Tăng cường tuyên truyền về Công ước CAT");
    assert!(t.assignments.is_empty(), "{:?}", t.assignments);
    let report = task(&i, "báo cáo Bộ Công an");
    assert_eq!(ids(report, Role::Lead), ["province:police"]);
}

/// Appendix rows that name no agency but carry a deadline ("(khi có yêu
/// cầu)": the district takes part when asked) still restate the body items
/// that word them: the two are one task, linked, and the body item keeps
/// what it says itself (written for this test, Kiến An style).
const UNASSIGNED_ROWS: &str = "ỦY BAN NHÂN DÂN QUẬN KIẾN AN
Số: 57/KH-UBND
Kiến An, ngày 20 tháng 4 năm 2023
KẾ HOẠCH
Triển khai thực hiện Công ước chống tra tấn trên địa bàn quận
II. NHIỆM VỤ
1. Tuyên truyền về Công ước
Tổ chức tuyên truyền nội dung Công ước chống tra tấn cho cán bộ, công chức (Phòng Tư pháp chủ trì; Công an quận phối hợp; thời gian: hằng năm).
2. Báo cáo quốc gia
Tham gia ý kiến vào dự thảo Báo cáo quốc gia định kỳ về thực hiện Công ước chống tra tấn (khi có yêu cầu).
PHỤ LỤC
STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành
1.\tTổ chức tuyên truyền nội dung Công ước chống tra tấn cho cán bộ, công chức\tPhòng Tư pháp\tCông an quận\tHằng năm
2.\tTham gia ý kiến dự thảo Báo cáo quốc gia định kỳ thực hiện Công ước chống tra tấn (theo yêu cầu)\t\t\t
";

#[test]
fn a_body_item_and_an_unassigned_row_with_a_deadline_are_one_task() {
    let i = import(UNASSIGNED_ROWS);
    let body = i
        .plan
        .obligations
        .iter()
        .find(|o| !o.id.starts_with("PL") && o.text.starts_with("Tham gia ý kiến"))
        .expect("body item 2");
    let row = i
        .plan
        .obligations
        .iter()
        .find(|o| o.id.starts_with("PL") && o.text.starts_with("Tham gia ý kiến"))
        .expect("row 2");
    assert!(
        row.assignments.is_empty() && row.deadline.is_some(),
        "{row:?}"
    );
    assert_eq!(body.restates.as_deref(), Some(row.id.as_str()), "{body:?}");
    assert_eq!(body.deadline_text.as_deref(), Some("khi có yêu cầu"));
    // The assigned task is linked as before.
    let first = i
        .plan
        .obligations
        .iter()
        .find(|o| !o.id.starts_with("PL") && o.text.starts_with("Tổ chức tuyên truyền"))
        .expect("body item 1");
    assert!(first
        .restates
        .as_deref()
        .is_some_and(|r| r.starts_with("PL")));
    assert_eq!(ids(first, Role::Lead), ["district:justice"]);
}

/// Labelled lines after a group of items assign the items just above them
/// that name no lead in their own words: an item saying "Giao X chủ trì"
/// or "X chủ trì; Y phối hợp" keeps its own roles (a Tuy Phong-style
/// district plan mixing styles). A group whose items name none takes the
/// lines together.
#[test]
fn labelled_lines_leave_items_that_name_their_own_lead() {
    let plan = "ỦY BAN NHÂN DÂN HUYỆN TUY PHONG\nSố: 77/KH-UBND\nTuy Phong, ngày 05 tháng 6 năm 2023\nKẾ HOẠCH\nTriển khai Công ước chống tra tấn trên địa bàn huyện\nII. NHIỆM VỤ\n1. Tuyên truyền, phổ biến\na) Tổ chức tập huấn về Công ước chống tra tấn cho công chức cấp xã. Giao Phòng Tư pháp chủ trì, phối hợp với Công an huyện thực hiện hằng năm.\nb) Lồng ghép nội dung Công ước vào sinh hoạt tổ hòa giải. Phòng Nội vụ chủ trì; Ủy ban nhân dân các xã, thị trấn phối hợp; thực hiện thường xuyên.\nc) Phát thanh nội dung Công ước trên hệ thống truyền thanh cơ sở bằng tiếng dân tộc.\nĐơn vị chủ trì: Phòng Văn hóa và Thông tin.\nĐơn vị phối hợp: Ủy ban nhân dân các xã, thị trấn.\nThời gian thực hiện: hằng quý.\n2. Thi hành pháp luật\na) Rà soát cơ sở vật chất nhà tạm giữ.\nb) Kiểm tra việc tiếp nhận tin báo, tố giác tội phạm.\nĐơn vị chủ trì: Công an huyện.\nThời gian thực hiện: hằng năm.\nIII. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị báo cáo kết quả về Ủy ban nhân dân huyện trước ngày 25/10 hằng năm.\n";
    let i = import(plan);
    let leads = |snippet: &str| -> Vec<String> {
        task(&i, snippet)
            .leads()
            .map(|a| a.as_written.clone())
            .collect()
    };
    assert_eq!(leads("Tổ chức tập huấn"), ["Phòng Tư pháp"]);
    assert_eq!(leads("Lồng ghép nội dung"), ["Phòng Nội vụ"]);
    assert_eq!(leads("Phát thanh nội dung"), ["Phòng Văn hóa và Thông tin"]);
    assert_eq!(
        task(&i, "Phát thanh nội dung").deadline_text.as_deref(),
        Some("hằng quý")
    );
    assert_ne!(
        task(&i, "Tổ chức tập huấn").deadline_text.as_deref(),
        Some("hằng quý")
    );
    // A group naming no lead takes the lines together.
    assert_eq!(leads("Rà soát cơ sở vật chất"), ["Công an huyện"]);
    assert_eq!(leads("Kiểm tra việc tiếp nhận"), ["Công an huyện"]);
}

/// A header written as a two-column table and pulled out as text, one line
/// per row with the cells joined by a TAB (issuer and number left, motto
/// and dateline right): the issuer's two lines are one issuer, and the
/// plan has its level (a Phan Thiết-style city plan).
#[test]
fn a_two_column_header_with_tabs_gives_the_issuer_and_its_level() {
    let plan = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ PHAN THIẾT\tĐộc lập - Tự do - Hạnh phúc\nSố: 64/KH-UBND\tPhan Thiết, ngày 08 tháng 5 năm 2023\n\nKẾ HOẠCH\nTriển khai Công ước chống tra tấn trên địa bàn thành phố\nII. NHIỆM VỤ\n1. Tổ chức tập huấn về Công ước chống tra tấn cho công chức cấp xã (Phòng Tư pháp chủ trì; Công an thành phố phối hợp; thực hiện hằng năm).\n";
    let i = import(plan);
    assert_eq!(
        i.plan.issuer.as_deref(),
        Some("Ủy ban nhân dân thành phố Phan Thiết")
    );
    assert_eq!(i.plan.level, Some(obligraph_core::Level::District));
    assert_eq!(i.plan.number.as_deref(), Some("64/KH-UBND"));
    assert_eq!(i.plan.place.as_deref(), Some("Phan Thiết"));
    assert!(i.plan.date.is_some());
}

/// "Y: phối hợp, cung cấp thông tin" and "…, Y phối hợp, cung cấp số liệu"
/// make Y a support ("cung cấp" is no "cùng"), and labels written on the
/// task's own line after its text are read (a Bắc Bình-style plan).
#[test]
fn support_before_cung_cap_and_labels_on_the_task_line() {
    let plan = "ỦY BAN NHÂN DÂN\nHUYỆN BẮC BÌNH\nSố: 91/KH-UBND\nBắc Bình, ngày 02 tháng 6 năm 2023\nKẾ HOẠCH\nTriển khai Công ước chống tra tấn trên địa bàn huyện\nII. NHIỆM VỤ\n1. Tuyên truyền\na) Phòng Văn hóa và Thông tin: chủ trì, hướng dẫn Đài truyền thanh các xã đẩy mạnh tuyên truyền về Công ước; Công an huyện: phối hợp, cung cấp thông tin; thực hiện hằng năm.\nb) Phòng Tư pháp chủ trì thống kê kết quả tuyên truyền; Ủy ban nhân dân các xã, thị trấn phối hợp, cung cấp số liệu; thực hiện hằng năm.\nc) Tổ chức hội thi tìm hiểu pháp luật về phòng, chống tra tấn cho hòa giải viên. Đơn vị chủ trì: Phòng Tư pháp. Đơn vị phối hợp: Công an huyện. Thời gian thực hiện: Quý IV/2023.\n";
    let i = import(plan);
    let roles = |snippet: &str| -> Vec<(Role, String)> {
        task(&i, snippet)
            .assignments
            .iter()
            .map(|a| (a.role, a.as_written.clone()))
            .collect()
    };
    assert_eq!(
        roles("Đài truyền thanh"),
        // The stations the office guides do the work under it (session 25).
        [
            (Role::Lead, "Phòng Văn hóa và Thông tin".to_string()),
            (Role::Support, "Đài truyền thanh các xã".to_string()),
            (Role::Support, "Công an huyện".to_string())
        ]
    );
    assert!(roles("thống kê kết quả")
        .iter()
        .all(|(r, w)| *r == Role::Lead && w == "Phòng Tư pháp" || *r == Role::Support));
    let t = task(&i, "hội thi tìm hiểu");
    assert!(t.text.ends_with("cho hòa giải viên."), "{}", t.text);
    assert_eq!(
        roles("hội thi tìm hiểu"),
        [
            (Role::Lead, "Phòng Tư pháp".to_string()),
            (Role::Support, "Công an huyện".to_string())
        ]
    );
    assert_eq!(t.deadline_text.as_deref(), Some("Quý IV/2023"));
}

/// A clause of a duty that only dates it ("…; thực hiện hằng năm.") is the
/// duty's deadline, not a duty of its own (a Hàm Tân-style plan).
#[test]
fn a_clause_that_only_dates_a_duty_is_its_deadline() {
    let plan = "ỦY BAN NHÂN DÂN\nHUYỆN HÀM TÂN\nSố: 55/KH-UBND\nHàm Tân, ngày 12 tháng 5 năm 2023\nKẾ HOẠCH\nTriển khai Công ước chống tra tấn trên địa bàn huyện\nIII. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Viện kiểm sát nhân dân huyện, Tòa án nhân dân huyện theo thẩm quyền đẩy mạnh công tác truy tố, xét xử nghiêm minh các hành vi liên quan đến tra tấn; thực hiện hằng năm.\n2. Công an huyện theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày 01/11 hằng năm.\n";
    let i = import(plan);
    let t = task(&i, "truy tố, xét xử");
    assert!(t.text.ends_with("thực hiện hằng năm."), "{}", t.text);
    assert_eq!(t.deadline_text.as_deref(), Some("hằng năm"));
    assert!(i
        .plan
        .obligations
        .iter()
        .all(|o| o.text.trim() != "thực hiện hằng năm."));
    // A clause with work of its own stays a duty.
    assert!(i.plan.obligations.len() >= 3, "{:#?}", i.plan.obligations);
}

/// A province plan written like Đồng Nai's (not a seed): lettered body
/// items whose roles and deadlines are in the appendix, under the heading
/// that restates them (body "II.N.x" is heading x, in Roman numerals, of
/// appendix part N), and one body item the appendix does not restate.
const HEADINGS: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
Số: 27/KH-UBND
Quảng Nam, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Phòng, chống bạo lực gia đình trên địa bàn tỉnh
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan.
II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế về phòng, chống bạo lực gia đình
a) Rà soát các văn bản quy phạm pháp luật của tỉnh về phòng, chống bạo lực gia đình (Sở Tư pháp chủ trì; Công an tỉnh phối hợp; hoàn thành trong năm 2026).
b) Nghiên cứu đề xuất sửa đổi quy định về hỗ trợ nạn nhân bạo lực gia đình trong một số lĩnh vực.
2. Nâng cao hiệu quả truyền thông
a) Đẩy mạnh truyền thông về bình đẳng giới và phòng, chống bạo lực gia đình tại cộng đồng.
b) Tổ chức tìm hiểu mô hình quốc tế về tư vấn tâm lý cho người bị bạo lực.
PHỤ LỤC
STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn
A\tHoàn thiện thể chế về phòng, chống bạo lực gia đình\t\t\t
I\tRà soát các văn bản quy phạm pháp luật của tỉnh về phòng, chống bạo lực gia đình\tSở Tư pháp\tCông an tỉnh\tNăm 2026
II\tNghiên cứu đề xuất sửa đổi quy định về hỗ trợ nạn nhân bạo lực gia đình trong các lĩnh vực sau:\t\t\t
1\tLĩnh vực y tế (hỗ trợ khám, chữa bệnh cho nạn nhân)\tSở Y tế\tSở Tư pháp\tHằng năm
2\tLĩnh vực giáo dục (hỗ trợ học sinh là nạn nhân)\tSở Giáo dục và Đào tạo\tSở Tư pháp, Sở Y tế\tNăm 2027
B\tNâng cao hiệu quả truyền thông\t\t\t
I\tĐẩy mạnh truyền thông về bình đẳng giới và phòng, chống bạo lực gia đình tại cộng đồng, gồm:\t\t\t
1\tTruyền thông trên báo, đài của tỉnh\tSở Văn hóa, Thể thao và Du lịch\tSở Nội vụ\tHằng năm
2\tTruyền thông tại các xã, phường\tỦy ban nhân dân các xã, phường\tSở Nội vụ\tHằng năm
II\tTổng kết, đánh giá kết quả thực hiện Kế hoạch\tSở Nội vụ\tCác sở, ban, ngành\tNăm 2030
";

#[test]
fn a_body_item_over_an_appendix_heading_carries_its_rows() {
    let i = import(HEADINGS);
    let fields = task(&i, "trong một số lĩnh vực.");
    assert_eq!(
        ids(fields, Role::Lead),
        ["province:education", "province:health"]
    );
    assert_eq!(
        ids(fields, Role::Support),
        ["province:health", "province:justice"]
    );
    // Union in row order, each agency and role once.
    assert_eq!(fields.assignments.len(), 4, "{:?}", fields.assignments);
    assert_eq!(fields.roles_from, ["PL.A.II.1", "PL.A.II.2"]);
    assert_eq!(fields.deadline_from, ["PL.A.II.1", "PL.A.II.2"]);
    assert_eq!(fields.deadline_text.as_deref(), Some("Hằng năm; Năm 2027"));
    // Derived, not its own: the audit reads none at it.
    assert!(fields.own_assignments().is_empty() && fields.own_deadline().is_none());
    // The heading is no obligation: the body item is the one task worded so.
    let media = task(&i, "Đẩy mạnh truyền thông về bình đẳng giới");
    assert_eq!(
        ids(media, Role::Lead),
        [
            "collective:commune_committees",
            "province:culture_sports_tourism"
        ]
    );
    assert_eq!(ids(media, Role::Support), ["province:home_affairs"]);
    assert_eq!(media.roles_from, ["PL.B.I.1", "PL.B.I.2"]);
    // Roles of its own stay its own.
    let review = task(
        &i,
        "quy phạm pháp luật của tỉnh về phòng, chống bạo lực gia đình (Sở",
    );
    assert_eq!(ids(review, Role::Lead), ["province:justice"]);
    assert!(review.roles_from.is_empty());
    // Heading II of part B is other work: the body item has no roles.
    let abroad = task(&i, "mô hình quốc tế về tư vấn tâm lý");
    assert!(abroad.assignments.is_empty(), "{:?}", abroad.assignments);
    assert!(abroad.roles_from.is_empty());
}

/// A pointer to the appendix that names its columns ("Nhiệm vụ cụ thể, cơ
/// quan chủ trì, cơ quan phối hợp, thời gian thực hiện … được xác định tại
/// Phụ lục") is no task, even after a numbered item, which stays a task
/// of its own (a Quảng Bình-style plan).
#[test]
fn a_pointer_naming_the_appendix_columns_is_no_task() {
    let plan = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 19/KH-UBND\nQuảng Bình, ngày 20 tháng 01 năm 2025\nKẾ HOẠCH\nThực hiện Công ước về các quyền dân sự và chính trị\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Hoàn thiện thể chế, chính sách của tỉnh phù hợp với Công ước.\n2. Thực hiện nghĩa vụ báo cáo định kỳ về việc thực hiện Công ước.\nNhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện và sản phẩm được xác định tại Phụ lục kèm theo Kế hoạch này.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n";
    let i = import(plan);
    assert!(
        i.plan
            .obligations
            .iter()
            .all(|o| !o.text.contains("Phụ lục kèm theo")),
        "{:#?}",
        i.plan.obligations
    );
    assert_eq!(task(&i, "nghĩa vụ báo cáo định kỳ").id, "II.2");
    assert!(i
        .unattributed
        .iter()
        .any(|u| u.line == 10 && u.reason == obligraph_vn::UnattributedReason::AppendixPointer));
}

/// District bodies the reference tables list and the seeds never named: the
/// district's culture, information and sports centre (a name with a comma)
/// and the district Party committee's propaganda board.
#[test]
fn district_centre_and_propaganda_board_resolve() {
    let ctx = ctx((2023, 5, 15), obligraph_core::Level::District);
    let ids: Vec<String> = parse_agency_list(
        "Trung tâm Văn hóa, Thông tin và Thể thao huyện, Ban Tuyên giáo Huyện ủy, Công an huyện",
        Role::Support,
        &ctx,
    )
    .into_iter()
    .map(|a| a.agency.id)
    .collect();
    assert_eq!(
        ids,
        [
            "district:culture_information_sports_centre",
            "district:propaganda",
            "district:police"
        ]
    );
}

/// The issuer written under its superior body in the header's left column
/// (Nghị định 30/2020/NĐ-CP): a department of a province, a commune under
/// its district, a provincial police under its ministry — each in the two
/// header layouts (columns side by side with a tab, or one under the
/// other). A committee's name over two lines stays one name.
#[test]
fn the_issuer_under_its_superior_body() {
    let body = "KẾ HOẠCH\nThực hiện Công ước\nI. NHIỆM VỤ\n1. Tuyên truyền Công ước.\n";
    let cases = [
        (
            "UBND TỈNH ĐỒNG THÁP\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-SYT\tĐồng Tháp, ngày 03 tháng 3 năm 2026\n",
            "Sở Y tế",
            obligraph_core::Level::Unit,
        ),
        (
            "UBND HUYỆN CHÂU THÀNH\nỦY BAN NHÂN DÂN\nXÃ AN HIỆP\nSố: 30/KH-UBND\nAn Hiệp, ngày 02 tháng 6 năm 2023\n",
            "Ủy ban nhân dân xã An Hiệp",
            obligraph_core::Level::Commune,
        ),
        (
            "BỘ CÔNG AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG AN TỈNH LONG AN\tĐộc lập - Tự do - Hạnh phúc\nSố: 88/KH-CAT\tLong An, ngày 05 tháng 5 năm 2023\n",
            "Công an tỉnh Long An",
            obligraph_core::Level::Unit,
        ),
        (
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KIÊN GIANG\tĐộc lập - Tự do - Hạnh phúc\nSố: 7/KH-UBND\tKiên Giang, ngày 05 tháng 5 năm 2023\n",
            "Ủy ban nhân dân tỉnh Kiên Giang",
            obligraph_core::Level::Province,
        ),
    ];
    for (head, issuer, level) in cases {
        let plan = import(&format!("{head}\n{body}")).plan;
        assert_eq!(plan.issuer.as_deref(), Some(issuer), "{head}");
        assert_eq!(plan.level, Some(level), "{head}");
    }
}

/// Work done by school year ("theo năm học", "đầu năm học", "mỗi năm học")
/// recurs yearly, from the school year named after it, in prose and in a
/// cell (a Phù Cát-style district plan, not a seed).
#[test]
fn work_by_school_year_recurs_yearly() {
    use obligraph_core::{Deadline, Period};
    let plan = "ỦY BAN NHÂN DÂN\nHUYỆN PHÙ CÁT\nSố: 61/KH-UBND\nPhù Cát, ngày 08 tháng 8 năm 2024\nKẾ HOẠCH\nPhòng, chống xâm hại trẻ em trên địa bàn huyện\nII. NHIỆM VỤ\n1. Phòng Giáo dục và Đào tạo chỉ đạo các trường mầm non, tiểu học tổ chức sinh hoạt chuyên đề về kỹ năng tự bảo vệ cho học sinh vào đầu năm học.\n2. Trung tâm Y tế huyện phối hợp với các trường khám sức khỏe cho học sinh mỗi năm học, bắt đầu từ năm học 2024 - 2025.\n3. Phòng Tư pháp tổ chức hội nghị phổ biến pháp luật về trẻ em trong Quý IV/2024.\n";
    let i = import(plan);
    for (snippet, from) in [("sinh hoạt chuyên đề", None), ("khám sức khỏe", Some(2024))]
    {
        let o = task(&i, snippet);
        match &o.deadline {
            Some(Deadline::Recurring(r)) => {
                assert_eq!((r.period, r.from_year), (Period::Year, from), "{snippet}")
            }
            other => panic!("{snippet}: {other:?}"),
        }
        assert!(o
            .deadline_text
            .as_deref()
            .is_some_and(|t| t.contains("năm học")));
    }
    assert!(matches!(
        task(&i, "hội nghị phổ biến").deadline,
        Some(Deadline::WithinQuarter { .. })
    ));
}

/// A qualifier after "các xã" ("biên giới", "vùng sâu, vùng xa", "ven
/// biển", "có đồng bào dân tộc thiểu số") narrows the commune committees
/// to some of them: still the collective, with the part named in the
/// assignment's scope (a Kon Tum-style appendix, not a seed).
#[test]
fn communes_of_a_kind_are_the_commune_committees() {
    let ctx = ctx((2026, 3, 2), obligraph_core::Level::Province);
    let list = parse_agency_list(
        "Sở Dân tộc và Tôn giáo; UBND các xã vùng sâu, vùng xa, biên giới; Ủy ban nhân dân các xã, phường có đồng bào dân tộc thiểu số; UBND các xã ven biển",
        Role::Support,
        &ctx,
    );
    let got: Vec<(&str, Option<&str>)> = list
        .iter()
        .map(|a| (a.agency.id.as_str(), a.scope.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("province:ethnic_religious", None),
            (
                "collective:commune_committees",
                Some("các xã vùng sâu, vùng xa, biên giới")
            ),
            (
                "collective:commune_committees",
                Some("các xã, phường có đồng bào dân tộc thiểu số")
            ),
            ("collective:commune_committees", Some("các xã ven biển")),
        ],
        "{list:#?}"
    );
    // All the communes: no scope.
    let all = parse_agency_list("Ủy ban nhân dân các xã, phường", Role::Support, &ctx);
    assert_eq!(all.first().and_then(|a| a.scope.as_deref()), None);
    // In a plan's appendix, the cell reads the same way.
    let plan = "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 40/KH-UBND\nKon Tum, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện Công ước về quyền dân sự và chính trị\nPHỤ LỤC\nSTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n1\tKhảo sát việc tiếp cận pháp luật của người dân tại các xã biên giới\tSở Tư pháp\tỦy ban nhân dân các xã biên giới\tNăm 2027\n";
    let i = import(plan);
    let o = task(&i, "Khảo sát việc tiếp cận");
    assert_eq!(ids(o, Role::Support), ["collective:commune_committees"]);
}

/// A role word inside a noun phrase of a cell ("cơ quan chủ trì soạn
/// thảo": the body drafting the text; "đơn vị chủ trì tổ chức"; "cơ quan
/// được giao chủ trì") describes bodies: the column decides the role (a
/// Hà Tĩnh-style appendix, not a seed). A role word that is the list's
/// verb still gives the role.
#[test]
fn role_words_describing_a_body_leave_the_column_its_role() {
    let ctx = ctx((2025, 4, 1), obligraph_core::Level::Province);
    for cell in [
        "Các cơ quan chủ trì soạn thảo văn bản quy phạm pháp luật",
        "Cơ quan được giao chủ trì xây dựng đề án",
        "Các đơn vị chủ trì tổ chức hội nghị",
    ] {
        let a = parse_agency_list(cell, Role::Support, &ctx);
        assert_eq!(a.len(), 1, "{cell}: {a:#?}");
        assert_eq!(a[0].role, Role::Support, "{cell}");
        assert_eq!(a[0].as_written, cell);
        let lead = parse_agency_list(cell, Role::Lead, &ctx);
        assert_eq!(lead[0].role, Role::Lead, "{cell}");
    }
    let a = parse_agency_list("Các cơ quan chủ trì soạn thảo", Role::Support, &ctx);
    assert_eq!(a[0].agency.id, "collective:related");
    assert_eq!(a[0].scope.as_deref(), Some("chủ trì soạn thảo"));
    // The verb of the list.
    let verb = parse_agency_list(
        "Sở Tư pháp chủ trì; Công an tỉnh phối hợp",
        Role::Support,
        &ctx,
    );
    assert_eq!(
        verb.iter().map(|a| a.role).collect::<Vec<_>>(),
        [Role::Lead, Role::Support]
    );
    let verb = parse_agency_list("Các cơ quan, đơn vị phối hợp thực hiện", Role::Lead, &ctx);
    assert_eq!(verb[0].role, Role::Support);
    // In a plan's appendix.
    let plan = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 88/KH-UBND\nHà Tĩnh, ngày 01 tháng 4 năm 2025\nKẾ HOẠCH\nThực hiện Luật Ban hành văn bản quy phạm pháp luật\nPHỤ LỤC\nSTT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n1\tThẩm định dự thảo nghị quyết, quyết định quy phạm pháp luật của tỉnh\tSở Tư pháp\tCác cơ quan chủ trì soạn thảo\tThường xuyên\n";
    let i = import(plan);
    let o = task(&i, "Thẩm định dự thảo");
    assert_eq!(ids(o, Role::Lead), ["province:justice"]);
    assert_eq!(ids(o, Role::Support), ["collective:related"]);
}

/// A council, board or team whose name holds a role word ("Hội đồng phối
/// hợp phổ biến, giáo dục pháp luật", "Ban Chỉ đạo phòng, chống tội phạm")
/// stays one name, commas and all, up to the next known body; "các sở, ban
/// phối hợp" still writes a role (a Nghệ An-style list, not a seed).
#[test]
fn council_names_with_role_words_stay_whole() {
    let ctx = ctx((2024, 6, 3), obligraph_core::Level::District);
    let list = parse_agency_list(
        "Các thành viên Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện; Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội huyện, Công an huyện",
        Role::Support,
        &ctx,
    );
    let got: Vec<(&str, Role)> = list
        .iter()
        .map(|a| (a.as_written.as_str(), a.role))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Các thành viên Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện",
                Role::Support
            ),
            (
                "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội huyện",
                Role::Support
            ),
            ("Công an huyện", Role::Support),
        ],
        "{list:#?}"
    );
    assert_eq!(list[2].agency.id, "district:police");
    // In a lead cell the council keeps the column's role too.
    let lead = parse_agency_list(
        "Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện",
        Role::Lead,
        &ctx,
    );
    assert_eq!(lead.len(), 1);
    assert_eq!(lead[0].role, Role::Lead);
    // A role word after a collective's "ban" is the list's verb.
    let verb = parse_agency_list("Các phòng, ban phối hợp thực hiện", Role::Lead, &ctx);
    assert_eq!(verb.len(), 1, "{verb:#?}");
    assert_eq!(verb[0].role, Role::Support);
    assert!(verb[0].agency.is_collective());
    // In prose, as a duty's subject and as a partner.
    let plan = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nNghệ An, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nPhổ biến pháp luật năm 2024\nIII. TỔ CHỨC THỰC HIỆN\n1. Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh chỉ đạo các thành viên triển khai Kế hoạch này.\n2. Sở Tư pháp chủ trì, phối hợp với Ban Chỉ đạo 138 tỉnh tổ chức hội nghị trong Quý II/2024.\n";
    let i = import(plan);
    let council = task(&i, "chỉ đạo các thành viên");
    let names: Vec<&str> = council
        .assignments
        .iter()
        .map(|a| a.as_written.as_str())
        .collect();
    assert_eq!(
        names,
        ["Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh"]
    );
    assert_eq!(council.assignments[0].role, Role::Lead);
    let board = task(&i, "tổ chức hội nghị");
    assert_eq!(ids(board, Role::Lead), ["province:justice"]);
    assert!(board
        .assignments
        .iter()
        .any(|a| a.role == Role::Support && a.as_written == "Ban Chỉ đạo 138 tỉnh"));
}

/// A duty whose verb is not among the ones a subject ends at ("đưa",
/// "ưu tiên", "huy động") keeps its names whole and nothing else: the
/// subject ends before that verb (a Gia Lai-style plan, not a seed).
#[test]
fn a_subject_ends_before_a_verb_of_its_own() {
    let plan = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 70/KH-UBND\nGia Lai, ngày 14 tháng 4 năm 2024\nKẾ HOẠCH\nThực hiện Chiến lược quốc gia về bình đẳng giới\nIII. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các huyện, thị xã, thành phố ưu tiên nguồn lực cho các xã vùng sâu, vùng xa, bảo đảm thực hiện các mục tiêu của Kế hoạch.\n2. Sở Giáo dục và Đào tạo đưa nội dung bình đẳng giới vào hoạt động ngoại khóa, bảo đảm phù hợp với từng cấp học.\n3. Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh huy động lực lượng, phương tiện hỗ trợ nạn nhân, bảo đảm an toàn cho người dân.\n4. Đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh theo thẩm quyền đẩy mạnh xét xử nghiêm các vụ bạo lực gia đình.\n";
    let i = import(plan);
    let cases: [(&str, &[&str]); 4] = [
        ("ưu tiên nguồn lực", &["collective:district_committees"]),
        ("đưa nội dung bình đẳng giới", &["province:education"]),
        (
            "huy động lực lượng",
            &["province:border_guard", "province:police"],
        ),
        ("xét xử nghiêm", &["province:court", "province:procuracy"]),
    ];
    for (snippet, leads) in cases {
        let o = task(&i, snippet);
        assert_eq!(ids(o, Role::Lead), leads, "{snippet}: {:?}", o.assignments);
        assert!(
            o.assignments
                .iter()
                .all(|a| !a.agency.id.starts_with("unresolved:")),
            "{snippet}: {:?}",
            o.assignments
        );
    }
}

/// A plan whose title names no parent carries out the last decision or
/// plan of a level above its "Căn cứ" lines cite; a law or a decision of
/// its own level is no parent (a Cà Mau district plan and a Bến Tre
/// province plan, not seeds).
#[test]
fn a_parent_cited_only_as_a_legal_basis_is_implemented() {
    let district = "ỦY BAN NHÂN DÂN\nHUYỆN CÁI NƯỚC\nSố: 95/KH-UBND\nCái Nước, ngày 20 tháng 6 năm 2024\nKẾ HOẠCH\nTuyên truyền, phổ biến pháp luật về phòng, chống mua bán người năm 2024\nCăn cứ Luật Phòng, chống mua bán người ngày 29 tháng 3 năm 2011;\nCăn cứ Quyết định số 193/QĐ-TTg ngày 14/02/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng, chống mua bán người giai đoạn 2021 - 2025;\nCăn cứ Kế hoạch số 120/KH-UBND ngày 02/5/2024 của Ủy ban nhân dân tỉnh Cà Mau về phòng, chống mua bán người năm 2024;\nCăn cứ Quyết định số 45/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân huyện Cái Nước về kiện toàn Ban Chỉ đạo;\nỦy ban nhân dân huyện Cái Nước ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của Nhân dân.\nII. NHIỆM VỤ\n1. Công an huyện chủ trì tổ chức tuyên truyền tại các xã trong Quý III/2024.\n";
    let i = import(district);
    let parent: Vec<_> = i
        .plan
        .implements
        .iter()
        .map(|r| r.number.as_deref())
        .collect();
    assert_eq!(parent, [Some("120/KH-UBND")]);
    assert!(i
        .plan
        .legal_bases
        .iter()
        .all(|r| r.number.as_deref() != Some("120/KH-UBND")));
    assert!(i
        .plan
        .legal_bases
        .iter()
        .any(|r| r.number.as_deref() == Some("45/QĐ-UBND")));
    // A province plan: the national decision.
    let province = "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\nSố: 33/KH-UBND\nBến Tre, ngày 06 tháng 3 năm 2024\nKẾ HOẠCH\nPhòng, chống mua bán người năm 2024\nCăn cứ Quyết định số 193/QĐ-TTg ngày 14/02/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng, chống mua bán người giai đoạn 2021 - 2025;\nCăn cứ Nghị quyết số 12/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh Bến Tre;\nII. NHIỆM VỤ\n1. Công an tỉnh chủ trì tổ chức tuyên truyền trong Quý III/2024.\n";
    let i = import(province);
    let parent: Vec<_> = i
        .plan
        .implements
        .iter()
        .map(|r| r.number.as_deref())
        .collect();
    assert_eq!(parent, [Some("193/QĐ-TTg")]);
    // A title that names its parent keeps it, and the bases stay bases.
    let titled = "ỦY BAN NHÂN DÂN\nHUYỆN CÁI NƯỚC\nSố: 96/KH-UBND\nCái Nước, ngày 21 tháng 6 năm 2024\nKẾ HOẠCH\nThực hiện Kế hoạch số 120/KH-UBND ngày 02/5/2024 của Ủy ban nhân dân tỉnh Cà Mau\nCăn cứ Quyết định số 193/QĐ-TTg ngày 14/02/2021 của Thủ tướng Chính phủ;\nII. NHIỆM VỤ\n1. Công an huyện chủ trì tổ chức tuyên truyền trong Quý III/2024.\n";
    let i = import(titled);
    let parent: Vec<_> = i
        .plan
        .implements
        .iter()
        .map(|r| r.number.as_deref())
        .collect();
    assert_eq!(parent, [Some("120/KH-UBND")]);
    assert_eq!(i.plan.legal_bases.len(), 1);
}

/// A commune plan of another province after the 2025 reorganisation (xã
/// Bình Sơn, Quảng Ngãi): role lines under the items written as a lead's
/// scope before its verb, as the duty to advise the committee, as one line
/// for two items naming them "điểm c, điểm d" with a requested body that
/// directs others, and a deadline after a parenthesis of roles.
const COMMUNE_ROLE_LINES: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
ỦY BAN NHÂN DÂN XÃ BÌNH SƠN
Số: 21/KH-UBND
Bình Sơn, ngày 16 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn xã
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm quyền của người khuyết tật trên địa bàn xã.
II. NHIỆM VỤ
1. Chăm lo đời sống người khuyết tật
a) Rà soát, cập nhật danh sách người khuyết tật và hộ gia đình có người khuyết tật trên địa bàn xã.
Phòng Văn hóa - Xã hội, Trạm Y tế xã theo chức năng, nhiệm vụ được giao chủ trì; các đoàn thể xã phối hợp. Thời gian: Hằng năm.
b) Giải quyết kịp thời kiến nghị của người khuyết tật về chế độ trợ cấp xã hội hằng tháng.
Văn phòng HĐND và UBND xã có trách nhiệm tham mưu Chủ tịch UBND xã thực hiện; Công an xã phối hợp. Thời gian: Thường xuyên.
c) Thăm hỏi, tặng quà người khuyết tật nặng vào dịp Tết Nguyên đán.
d) Vận động doanh nghiệp trên địa bàn tuyển dụng lao động là người khuyết tật.
Phòng Văn hóa - Xã hội có trách nhiệm tham mưu UBND xã thực hiện nội dung tại điểm c, điểm d; đề nghị Ủy ban MTTQ Việt Nam xã chỉ đạo các đoàn thể xã phối hợp. Thời gian: Năm 2026.
đ) Tổ chức tư vấn pháp luật miễn phí cho người khuyết tật tại các thôn.
(Công an xã chủ trì; Văn phòng HĐND và UBND xã phối hợp). Thời gian: Quý III/2026.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị thuộc xã báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 15/11 hằng năm.
";

#[test]
fn role_lines_in_a_commune_s_words_keep_their_items() {
    let i = import(COMMUNE_ROLE_LINES);
    let list = task(&i, "Rà soát, cập nhật danh sách");
    assert_eq!(
        ids(list, Role::Lead),
        ["commune:culture_society", "commune:health_station"]
    );
    assert!(list.deadline.is_some());
    let claims = task(&i, "Giải quyết kịp thời kiến nghị");
    assert_eq!(ids(claims, Role::Lead), ["commune:government_office"]);
    assert_eq!(ids(claims, Role::Support), ["commune:police"]);
    for snippet in ["Thăm hỏi, tặng quà", "Vận động doanh nghiệp"] {
        let o = task(&i, snippet);
        assert_eq!(ids(o, Role::Lead), ["commune:culture_society"], "{snippet}");
        let front: Vec<(String, bool)> = o
            .assignments
            .iter()
            .filter(|a| a.role == Role::Support)
            .map(|a| (a.agency.id.clone(), a.requested))
            .collect();
        assert_eq!(front, [("commune:fatherland_front".to_string(), true)]);
        assert_eq!(o.deadline_text.as_deref(), Some("Năm 2026"), "{snippet}");
    }
    // No role line became a task of its own.
    assert!(i
        .plan
        .obligations
        .iter()
        .all(|o| !o.text.contains("có trách nhiệm tham mưu")
            && !o
                .text
                .contains("theo chức năng, nhiệm vụ được giao chủ trì")));
    let advice = task(&i, "Tổ chức tư vấn pháp luật");
    assert_eq!(ids(advice, Role::Lead), ["commune:police"]);
    assert_eq!(advice.deadline_text.as_deref(), Some("Quý III/2026"));
}

/// The plan of a provincial police force for its own units (Công an tỉnh
/// Quảng Nam, another convention): the units lead and support by their
/// whole names, the district police are one body of the districts, and a
/// partner's name never takes the first words of the task after it.
const POLICE_UNITS: &str = "BỘ CÔNG AN
CÔNG AN TỈNH QUẢNG NAM
Số: 1502/KH-CAT-PV01
Quảng Nam, ngày 05 tháng 6 năm 2024
KẾ HOẠCH
Thực hiện Công ước của Liên hợp quốc về chống tham nhũng trong Công an tỉnh
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao trách nhiệm của cán bộ, chiến sĩ trong phòng, chống tham nhũng.
II. NHIỆM VỤ
1. Rà soát, hoàn thiện quy trình công tác
a) Phòng Cảnh sát thi hành án hình sự và hỗ trợ tư pháp chủ trì, phối hợp với Phòng Cảnh sát hình sự, Trại tạm giam Công an tỉnh rà soát nội quy cơ sở giam giữ (Thời gian: quý III/2024).
b) Cơ quan An ninh điều tra Công an tỉnh chủ trì, phối hợp với Sở Nội vụ xây dựng quy chế tiếp nhận tố giác (Thời gian: năm 2024).
c) Phòng Công tác đảng và công tác chính trị chủ trì, phối hợp với Thanh tra Công an tỉnh, Công an các huyện, thị xã, thành phố tổ chức tập huấn cho cán bộ, chiến sĩ (Thời gian: hằng năm).
d) Phòng Tổ chức cán bộ chủ trì, phối hợp với Sở Tư pháp tham mưu xử lý cán bộ vi phạm (Thời gian: thường xuyên).
2. Công tác tuyên truyền
Phòng Tham mưu chủ trì, phối hợp với Báo Quảng Nam, Sở Văn hóa, Thể thao và Du lịch tăng cường tuyên truyền về Công ước (Thời gian: hằng năm).
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Phòng Tham mưu trước ngày 15/11 hằng năm.
";

#[test]
fn a_police_force_s_own_units_by_their_whole_names() {
    let i = import(POLICE_UNITS);
    let prison = task(&i, "rà soát nội quy cơ sở giam giữ");
    assert_eq!(
        ids(prison, Role::Lead),
        ["unit:sentence_enforcement_police"]
    );
    assert_eq!(
        ids(prison, Role::Support),
        ["unit:criminal_police", "unit:detention_centre"]
    );
    let report = task(&i, "xây dựng quy chế tiếp nhận tố giác");
    assert_eq!(ids(report, Role::Lead), ["unit:security_investigation"]);
    let training = task(&i, "tổ chức tập huấn cho cán bộ");
    assert_eq!(ids(training, Role::Lead), ["unit:party_political_work"]);
    assert_eq!(
        ids(training, Role::Support),
        ["district:police", "unit:police_inspection"]
    );
    let district: Vec<&str> = training
        .assignments
        .iter()
        .filter(|a| a.agency.id == "district:police")
        .map(|a| a.as_written.as_str())
        .collect();
    assert_eq!(district, ["Công an các huyện, thị xã, thành phố"]);
    let discipline = task(&i, "xử lý cán bộ vi phạm");
    assert_eq!(ids(discipline, Role::Lead), ["unit:personnel"]);
    // "Sở Tư pháp tham[ mưu …]": the partner's name ends at "pháp".
    let written: Vec<&str> = discipline
        .assignments
        .iter()
        .filter(|a| a.role == Role::Support)
        .map(|a| a.as_written.as_str())
        .collect();
    assert_eq!(written, ["Sở Tư pháp"]);
    let press = task(&i, "tăng cường tuyên truyền về Công ước");
    assert_eq!(ids(press, Role::Lead), ["unit:staff"]);
    assert!(press
        .assignments
        .iter()
        .all(|a| !a.as_written.ends_with("tăng")));
}

#[test]
fn a_bare_office_noun_is_no_justice_office() {
    let ctx = AgencyContext::default();
    // "Phòng TP", "Sở TP" are aliases of the justice offices; "Phòng" or
    // "Sở" with any words after it is not.
    for name in ["Phòng Kế hoạch - Tài chính", "Sở Kế hoạch"] {
        let got = parse_agency_list(name, Role::Lead, &ctx);
        assert!(
            got.iter().all(|a| !a.agency.id.ends_with(":justice")),
            "{name}: {got:?}"
        );
    }
}

/// A ward of Đà Nẵng after the 2025 reorganisation names its own bodies
/// bare: the office of economy, infrastructure and urban affairs is the
/// ward's, the Youth Union of the ward is the ward's.
#[test]
fn a_ward_after_2025_names_its_own_bodies() {
    let text = "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG
ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU
Số: 07/KH-UBND
Hải Châu, ngày 20 tháng 01 năm 2026
KẾ HOẠCH
Phòng, chống bạo lực gia đình trên địa bàn phường năm 2026
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của Nhân dân về phòng, chống bạo lực gia đình.
II. NHIỆM VỤ
1. Rà soát các điểm vui chơi công cộng, bố trí hòm thư góp ý tại các khu dân cư (Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; Đoàn Thanh niên Cộng sản Hồ Chí Minh phường Hải Châu phối hợp).
2. Tổ chức diễn đàn thanh niên về bình đẳng giới (Công an phường chủ trì; Đoàn TNCS Hồ Chí Minh phường phối hợp).
";
    let i = import(text);
    let parks = task(&i, "Rà soát các điểm vui chơi");
    assert_eq!(ids(parks, Role::Lead), ["commune:economy"]);
    assert_eq!(ids(parks, Role::Support), ["commune:youth_union"]);
    let forum = task(&i, "Tổ chức diễn đàn thanh niên");
    assert_eq!(ids(forum, Role::Support), ["commune:youth_union"]);
}

/// The "Tổ chức thực hiện" of a commune of Tây Ninh: bodies that are
/// pointed at the items they lead, a topic heading over the report duty,
/// and a closing call to carry out the plan.
const POINTERS_AND_TOPICS: &str = "ỦY BAN NHÂN DÂN TỈNH TÂY NINH
ỦY BAN NHÂN DÂN XÃ HÒA THÀNH
Số: 30/KH-UBND
Hòa Thành, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện công tác phòng, chống mua bán người trên địa bàn xã năm 2026
I. MỤC ĐÍCH, YÊU CẦU
- Ngăn chặn, giảm tội phạm mua bán người trên địa bàn xã.
II. NHIỆM VỤ
1. Tuyên truyền
a) Tuyên truyền phòng, chống mua bán người trên hệ thống truyền thanh xã (Phòng Văn hóa - Xã hội chủ trì).
b) Tổ chức nói chuyện chuyên đề tại các ấp (Công an xã chủ trì).
2. Hỗ trợ nạn nhân
a) Tiếp nhận, hỗ trợ nạn nhân trở về (Phòng Văn hóa - Xã hội chủ trì; Công an xã phối hợp).
III. TỔ CHỨC THỰC HIỆN
1. Công an xã
Chủ trì tổ chức thực hiện các nội dung tại điểm b khoản 1 Mục II; phối hợp kiểm tra các cơ sở kinh doanh dịch vụ lưu trú.
2. Phòng Văn hóa - Xã hội
Thực hiện nhiệm vụ tại điểm a khoản 1, điểm a khoản 2 Mục II.
3. Chế độ thông tin, báo cáo
Các cơ quan, đơn vị báo cáo kết quả thực hiện về Công an xã trước ngày 20/11/2026.
Đề nghị Thủ trưởng các cơ quan, đơn vị nghiêm túc tổ chức thực hiện Kế hoạch này./.
";

#[test]
fn pointers_topic_headings_and_closing_calls_are_no_tasks() {
    let i = import(POINTERS_AND_TOPICS);
    let texts: Vec<&str> = i.plan.obligations.iter().map(|o| o.text.as_str()).collect();
    for not_a_task in [
        "các nội dung tại điểm b",
        "nhiệm vụ tại điểm a khoản 1",
        "Chế độ thông tin, báo cáo",
        "nghiêm túc tổ chức thực hiện",
    ] {
        assert!(
            texts.iter().all(|t| !t.contains(not_a_task)),
            "{not_a_task}: {texts:#?}"
        );
    }
    // The work written beside a pointer stays a task of the body.
    let check = task(&i, "kiểm tra các cơ sở kinh doanh");
    assert_eq!(ids(check, Role::Lead), ["commune:police"]);
    let report = task(&i, "báo cáo kết quả thực hiện");
    assert_eq!(report.kind, ObligationKind::Report);
    // The items pointed at are still there, once each.
    task(&i, "Tổ chức nói chuyện chuyên đề");
    task(&i, "Tiếp nhận, hỗ trợ nạn nhân");
}

/// A district plan of Nghệ An (2024) dating its items by a labelled
/// parenthesis after prose that holds a time word of its own.
#[test]
fn a_labelled_time_parenthesis_dates_the_item() {
    let text = "ỦY BAN NHÂN DÂN HUYỆN NGHI LỘC
Số: 118/KH-UBND
Nghi Lộc, ngày 02 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về Công ước.
II. NHIỆM VỤ
1. Phòng Nội vụ chủ trì đưa kết quả thực hiện vào tiêu chí bình xét thi đua hằng năm của các cơ quan, đơn vị (Thời gian: thường xuyên).
2. Phòng Tư pháp chủ trì chuẩn bị tài liệu theo hướng dẫn của Sở Tư pháp (thời hạn: quý III/2024).
";
    let i = import(text);
    let emulation = task(&i, "tiêu chí bình xét thi đua");
    assert_eq!(emulation.deadline_text.as_deref(), Some("thường xuyên"));
    let papers = task(&i, "chuẩn bị tài liệu");
    assert_eq!(papers.deadline_text.as_deref(), Some("quý III/2024"));
    assert!(papers.deadline.is_some());
}

/// A unit whose name holds a duty verb ("Phòng Tham mưu") keeps its name
/// as the subject of its organisation duty (a Công an tỉnh Gia Lai
/// wording).
#[test]
fn a_unit_named_with_a_duty_verb_is_the_subject() {
    let text = "CÔNG AN TỈNH GIA LAI
Số: 2207/KH-CAT-PV01
Gia Lai, ngày 11 tháng 7 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền trẻ em trong Công an tỉnh
I. MỤC ĐÍCH, YÊU CẦU
- Bảo vệ trẻ em trong hoạt động tố tụng.
II. NHIỆM VỤ
1. Phòng Cảnh sát hình sự chủ trì rà soát quy trình lấy lời khai người dưới 18 tuổi (Thời gian: năm 2024).
III. TỔ CHỨC THỰC HIỆN
1. Phòng Tham mưu là đơn vị thường trực, giúp Giám đốc Công an tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.
";
    let i = import(text);
    let watch = task(&i, "theo dõi, đôn đốc việc thực hiện");
    assert_eq!(ids(watch, Role::Lead), ["unit:staff"]);
    let written: Vec<&str> = watch
        .assignments
        .iter()
        .map(|a| a.as_written.as_str())
        .collect();
    assert_eq!(written, ["Phòng Tham mưu"]);
}

/// "Ủy ban nhân dân cùng cấp" is the committee of the lead's level (a
/// Công an tỉnh Bình Định wording: the district police with the district
/// committees, the commune police with the commune committees).
#[test]
fn the_committee_of_the_same_level_is_the_lead_s() {
    let text = "CÔNG AN TỈNH BÌNH ĐỊNH
Số: 905/KH-CAT-PV01
Bình Định, ngày 03 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Luật Phòng, chống ma túy trong Công an tỉnh
I. MỤC ĐÍCH, YÊU CẦU
- Kiềm chế tội phạm ma túy.
II. NHIỆM VỤ
1. Công an các huyện, thị xã, thành phố chủ trì, phối hợp với Ủy ban nhân dân cùng cấp rà soát người sử dụng trái phép chất ma túy (Thời gian: hằng quý).
2. Công an các xã, phường, thị trấn phối hợp với Ủy ban nhân dân cùng cấp tổ chức tuyên truyền tại khu dân cư (Thời gian: thường xuyên).
";
    let i = import(text);
    let review = task(&i, "rà soát người sử dụng");
    assert_eq!(ids(review, Role::Support), ["district:peoples_committee"]);
    let talk = task(&i, "tổ chức tuyên truyền tại khu dân cư");
    assert_eq!(ids(talk, Role::Lead), ["commune:police"]);
    assert_eq!(ids(talk, Role::Support), ["commune:peoples_committee"]);
}

/// The heads of the residential groups of a ward (Cần Thơ, 2026) are the
/// residential boards, like the heads of hamlets.
#[test]
fn heads_of_residential_groups_are_the_residential_boards() {
    let ctx = AgencyContext::default();
    for name in ["Trưởng các tổ dân phố", "Trưởng tổ dân phố"] {
        let got = parse_agency_list(name, Role::Lead, &ctx);
        let ids: Vec<&str> = got.iter().map(|a| a.agency.id.as_str()).collect();
        assert_eq!(ids, ["commune:residential_boards"], "{name}");
    }
}

/// The schools of an area are one body, however their kinds are listed (a
/// commune of Quảng Ngãi, 2026): "các trường mầm non, tiểu học và THCS
/// trên địa bàn xã", "Hiệu trưởng các trường tiểu học, trung học cơ sở",
/// "các cơ sở giáo dục trên địa bàn" are the commune's schools, never a
/// body called "tiểu học".
const COMMUNE_SCHOOLS: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
ỦY BAN NHÂN DÂN XÃ TƯ NGHĨA
Số: 22/KH-UBND
Tư Nghĩa, ngày 16 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước của Liên hợp quốc về quyền trẻ em trên địa bàn xã năm 2026
I. MỤC ĐÍCH, YÊU CẦU
- Bảo vệ trẻ em trên địa bàn xã.
II. NHIỆM VỤ
1. Tổ chức truyền thông về quyền trẻ em tại các thôn (Phòng Văn hóa - Xã hội chủ trì; Trạm Y tế xã, các trường mầm non, tiểu học và THCS trên địa bàn xã phối hợp). Thời gian: hằng năm.
2. Đề nghị Hiệu trưởng các trường tiểu học, trung học cơ sở lồng ghép kỹ năng phòng, chống xâm hại trẻ em vào giờ sinh hoạt lớp; thời gian: theo năm học.
3. Các cơ sở giáo dục trên địa bàn chủ trì, phối hợp với Công an xã rà soát an ninh, an toàn trường học; thời gian: Quý III/2026.
";

#[test]
fn the_schools_of_an_area_are_one_body() {
    let i = import(COMMUNE_SCHOOLS);
    let media = task(&i, "truyền thông về quyền trẻ em");
    assert_eq!(
        ids(media, Role::Support),
        ["commune:health_station", "commune:schools"]
    );
    let skills = task(&i, "kỹ năng phòng, chống xâm hại");
    assert_eq!(ids(skills, Role::Lead), ["commune:schools"]);
    assert!(skills.assignments.iter().all(|a| a.requested));
    let safety = task(&i, "rà soát an ninh, an toàn trường học");
    assert_eq!(ids(safety, Role::Lead), ["commune:schools"]);
    assert_eq!(ids(safety, Role::Support), ["commune:police"]);
    // A province's: the upper-secondary schools of its territory, beside
    // their department; one named school is a body of its own, no group.
    let ctx = AgencyContext {
        issuer_level: Some(obligraph_core::Level::Province),
        ..Default::default()
    };
    let got = parse_agency_list(
        "Sở Giáo dục và Đào tạo, Ban Giám hiệu các trường trung học phổ thông trên địa bàn tỉnh, Trường Đại học Phạm Văn Đồng",
        Role::Support,
        &ctx,
    );
    let got: Vec<&str> = got.iter().map(|a| a.agency.id.as_str()).collect();
    assert_eq!(
        got.get(..2),
        Some(&["province:education", "province:schools"][..])
    );
    assert!(
        got.get(2).is_some_and(|id| id.starts_with("unresolved:")),
        "{got:?}"
    );
}

/// The heads of a body's units answer for them: in one agency's plan (Sở
/// Y tế Nghệ An, 2024) "Thủ trưởng các đơn vị thuộc Sở", "Thủ trưởng các
/// đơn vị trực thuộc Sở Y tế" are its own units; in a province's plan
/// "các đơn vị thuộc Bộ Chỉ huy Quân sự tỉnh" are that body's, which is
/// assigned; "Thủ trưởng các cơ quan, đơn vị" stay the bodies concerned.
const HEADS_OF_UNITS: &str = "UBND TỈNH NGHỆ AN
SỞ Y TẾ
Số: 1187/KH-SYT
Nghệ An, ngày 22 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trong ngành Y tế năm 2024
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm quyền được chăm sóc sức khỏe của người khuyết tật.
II. NHIỆM VỤ
1. Thủ trưởng các đơn vị trực thuộc Sở Y tế chủ trì rà soát điều kiện tiếp cận tại cơ sở khám bệnh, chữa bệnh; thời gian: Quý III/2024.
III. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các đơn vị thuộc Sở căn cứ Kế hoạch này tổ chức triển khai thực hiện; báo cáo kết quả về Sở Y tế trước ngày 15/11/2024.
";

#[test]
fn the_heads_of_a_body_s_units_answer_for_them() {
    let i = import(HEADS_OF_UNITS);
    let review = task(&i, "rà soát điều kiện tiếp cận");
    assert_eq!(ids(review, Role::Lead), ["collective:units"]);
    let all: Vec<&str> = i
        .plan
        .obligations
        .iter()
        .flat_map(|o| o.assignments.iter().map(|a| a.agency.id.as_str()))
        .collect();
    assert!(all.iter().all(|id| *id == "collective:units"), "{all:?}");
    let province = AgencyContext {
        issuer_level: Some(obligraph_core::Level::Province),
        ..Default::default()
    };
    for (name, want) in [
        (
            "Thủ trưởng các đơn vị thuộc Bộ Chỉ huy Quân sự tỉnh",
            vec!["province:military"],
        ),
        ("Thủ trưởng các đơn vị thuộc Sở", vec!["collective:units"]),
        ("Thủ trưởng các cơ quan, đơn vị", vec!["collective:related"]),
        // A list goes on after a comma: two names, not the units of the
        // second.
        (
            "các bộ phận chuyên môn, Trạm Y tế xã",
            vec!["collective:related", "commune:health_station"],
        ),
    ] {
        let got = parse_agency_list(name, Role::Lead, &province);
        let got: Vec<&str> = got.iter().map(|a| a.agency.id.as_str()).collect();
        assert_eq!(got, want, "{name}");
    }
}

/// A ward of Cần Thơ (2026) gives its items no roles in Part II and says
/// who does them in Part III by pointing back: "chủ trì thực hiện các
/// nhiệm vụ tại điểm a, b khoản 1 Mục II", "X chủ trì các nội dung tại
/// điểm c, d mục 2" (no part written: the items part), "Phối hợp thực
/// hiện …". The items get those roles; an item that names its own lead
/// keeps it and gets no second one; a pointer at no item stays a task.
const POINTED_ITEMS: &str = "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ
ỦY BAN NHÂN DÂN PHƯỜNG CÁI KHẾ
Số: 41/KH-UBND
Cái Khế, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước của Liên hợp quốc về quyền của người khuyết tật trên địa bàn phường năm 2026
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm quyền của người khuyết tật trên địa bàn phường.
II. NHIỆM VỤ CỤ THỂ
1. Tuyên truyền
a) Tuyên truyền Công ước trên hệ thống loa truyền thanh của các khu vực; thời gian: Quý II/2026.
b) Tổ chức hội nghị đối thoại với người khuyết tật; thời gian: Quý III/2026.
2. Hỗ trợ người khuyết tật
a) Rà soát, cập nhật danh sách người khuyết tật trên địa bàn phường (Công an phường chủ trì); thời gian: Quý II/2026.
b) Kiểm tra điều kiện tiếp cận tại trụ sở Ủy ban nhân dân phường; thời gian: năm 2026.
c) Vận động hỗ trợ sinh kế cho hộ gia đình có người khuyết tật; thời gian: thường xuyên.
d) Giới thiệu người khuyết tật đến Trung tâm Trợ giúp pháp lý nhà nước; thời gian: thường xuyên.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND phường
Chủ trì thực hiện các nhiệm vụ tại điểm a, b khoản 1 Mục II; chủ trì thực hiện nhiệm vụ tại điểm a, b khoản 2 Mục II; theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Phòng Văn hóa - Xã hội chủ trì các nội dung tại điểm c, d mục 2. Phối hợp thực hiện các nhiệm vụ tại điểm a, b khoản 1 Mục II.
3. Công an phường
Chủ trì thực hiện nhiệm vụ tại điểm e khoản 4 Mục II.
";

#[test]
fn items_pointed_at_get_their_roles() {
    let i = import(POINTED_ITEMS);
    let office = "commune:government_office";
    let culture = "commune:culture_society";
    for snippet in [
        "Tuyên truyền Công ước trên hệ thống loa",
        "Tổ chức hội nghị đối thoại",
    ] {
        let o = task(&i, snippet);
        assert_eq!(ids(o, Role::Lead), [office], "{snippet}");
        assert_eq!(ids(o, Role::Support), [culture], "{snippet}");
        assert!(o.deadline_text.is_some(), "{snippet}");
    }
    // II.2.a names its lead: it keeps it, and the pointer's lead is not
    // added beside it (nor as a support: the plan says nothing of that).
    let list = task(&i, "Rà soát, cập nhật danh sách");
    assert_eq!(ids(list, Role::Lead), ["commune:police"]);
    assert!(ids(list, Role::Support).is_empty());
    let access = task(&i, "Kiểm tra điều kiện tiếp cận");
    assert_eq!(ids(access, Role::Lead), [office]);
    for snippet in ["Vận động hỗ trợ sinh kế", "Giới thiệu người khuyết tật"]
    {
        assert_eq!(ids(task(&i, snippet), Role::Lead), [culture], "{snippet}");
    }
    // The pointers are no tasks of their own; the monitoring beside them
    // is.
    assert!(i
        .plan
        .obligations
        .iter()
        .all(|o| !o.text.contains("tại điểm a, b khoản")));
    assert_eq!(
        task(&i, "theo dõi, đôn đốc việc thực hiện").kind,
        ObligationKind::Monitor
    );
    // Item 4 does not exist: the pointer is kept, as the police's task.
    let lost = task(&i, "điểm e khoản 4 Mục II");
    assert_eq!(ids(lost, Role::Lead), ["commune:police"]);
}

/// Bodies asked in a later clause of a led duty, with no role verb, only
/// the work they are asked for (a Sở Tư pháp Gia Lai wording, 2024):
/// "…; đồng thời đề nghị Công an tỉnh, Tòa án nhân dân tỉnh cung cấp số
/// liệu" makes them requested supports of the lead, not lost.
#[test]
fn bodies_asked_in_a_later_clause_are_requested_supports() {
    let text = "UBND TỈNH GIA LAI
SỞ TƯ PHÁP
Số: 88/KH-STP
Gia Lai, ngày 02 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn năm 2024
I. MỤC ĐÍCH, YÊU CẦU
- Thực hiện nghiêm Công ước.
II. NHIỆM VỤ
1. Phòng Bổ trợ tư pháp chủ trì, phối hợp với Văn phòng Sở thống kê số vụ việc trợ giúp pháp lý cho người bị buộc tội; đồng thời đề nghị Công an tỉnh, Tòa án nhân dân tỉnh cung cấp số liệu có liên quan. Thời gian: Quý IV/2024.
";
    let i = import(text);
    let o = task(&i, "thống kê số vụ việc");
    assert_eq!(ids(o, Role::Lead), ["unit:judicial_support"]);
    let asked: Vec<(&str, bool)> = o
        .assignments
        .iter()
        .filter(|a| a.role == Role::Support)
        .map(|a| (a.agency.id.as_str(), a.requested))
        .collect();
    assert_eq!(
        asked,
        [
            ("unit:office", false),
            ("province:police", true),
            ("province:court", true)
        ]
    );
}

/// A year that names a budget is no deadline (a Lào Cai district's
/// wording, 2024): "bố trí kinh phí trong dự toán ngân sách huyện năm 2024
/// và các năm tiếp theo" gives the duty no deadline, while a year written
/// as one ("hoàn thành trong năm 2024") and a deadline after the budget's
/// year still date theirs.
#[test]
fn a_budget_s_year_is_no_deadline() {
    let text = "ỦY BAN NHÂN DÂN HUYỆN BẢO THẮNG
Số: 61/KH-UBND
Bảo Thắng, ngày 15 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Thực hiện nghiêm Công ước.
II. NHIỆM VỤ
1. Tuyên truyền Công ước cho cán bộ, công chức (Phòng Tư pháp chủ trì; Công an huyện phối hợp); hoàn thành trong năm 2024.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Tư pháp tham mưu Ủy ban nhân dân huyện bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách huyện năm 2024 và các năm tiếp theo.
2. Văn phòng HĐND và UBND huyện tổng hợp nhu cầu kinh phí năm 2025 của các cơ quan, gửi Phòng Tài chính - Kế hoạch trước ngày 30/6/2024.
";
    let i = import(text);
    let funds = task(&i, "bố trí kinh phí thực hiện Kế hoạch");
    assert_eq!(funds.deadline_text, None);
    assert_eq!(funds.deadline, None);
    let training = task(&i, "Tuyên truyền Công ước cho cán bộ");
    assert_eq!(training.deadline_text.as_deref(), Some("trong năm 2024"));
    let needs = task(&i, "tổng hợp nhu cầu kinh phí");
    assert_eq!(needs.deadline_text.as_deref(), Some("trước ngày 30/6/2024"));
}

/// A sector department's plan (Sở Y tế tỉnh Gia Lai, 2026) whose tasks
/// part is itself a table, right under its heading: the rows are that
/// part's items (`II.1.1`, not appendix rows), no empty task is made of
/// the heading, the parts after the table are read, and the signature
/// indented by tabs is no duty.
#[test]
fn a_task_table_inside_the_body_is_the_part_s_items() {
    let text = "UBND TỈNH GIA LAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc
Số: 88/KH-SYT\tGia Lai, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trong ngành Y tế
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của công chức, viên chức ngành Y tế.

II. NHIỆM VỤ VÀ GIẢI PHÁP
TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn hoàn thành
1\tTruyền thông\t\t\t
1.1\tTuyên truyền Công ước cho viên chức các bệnh viện\tVăn phòng Sở\tCác bệnh viện trực thuộc\tHằng năm
1.2\tXây dựng tài liệu hỏi đáp về phục hồi chức năng\tPhòng Nghiệp vụ Y\tVăn phòng Sở\tQuý III năm 2026

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở có trách nhiệm theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 10/11 hằng năm.
2. Đề nghị Ủy ban nhân dân các xã, phường chỉ đạo trạm y tế triển khai các nội dung tại điểm 1.1 Mục II; gửi kết quả về Sở Y tế trước ngày 25/10 hằng năm.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, VP.
\tKT. GIÁM ĐỐC
\tPHÓ GIÁM ĐỐC
\tNguyễn Văn Minh
";
    let i = import(text);
    let got: Vec<&str> = i.plan.obligations.iter().map(|o| o.id.as_str()).collect();
    assert!(
        got.contains(&"II.1.1") && got.contains(&"II.1.2"),
        "{got:?}"
    );
    assert!(!got.contains(&"II"), "{got:?}");
    assert!(!got.iter().any(|id| id.starts_with("PL")), "{got:?}");
    let monitor = task(&i, "theo dõi, đôn đốc");
    assert_eq!(monitor.kind, ObligationKind::Monitor);
    let report = task(&i, "báo cáo Ủy ban nhân dân tỉnh");
    assert_eq!(report.kind, ObligationKind::Report);
    // The communes' results sent up to the department: a report, asked.
    let sent = task(&i, "gửi kết quả về Sở Y tế");
    assert_eq!(sent.kind, ObligationKind::Report);
    assert!(
        sent.assignments.iter().all(|a| a.requested),
        "{:?}",
        sent.assignments
    );
    assert!(
        !i.plan
            .obligations
            .iter()
            .any(|o| o.text.contains("GIÁM ĐỐC") || o.text.contains("Nguyễn Văn Minh")),
        "{:#?}",
        i.plan.obligations
    );
}

/// A department's own offices (Sở Giáo dục và Đào tạo tỉnh Cà Mau, 2026):
/// each office is one of its units, its name kept whole ("và" and the
/// comma inside "Phòng Chính trị tư tưởng và Công tác học sinh, sinh
/// viên" split nothing), and bare "các phòng chuyên môn" are its own
/// offices, not a district's (there are none in 2026).
#[test]
fn a_department_s_offices_are_its_units() {
    let text = "UBND TỈNH CÀ MAU
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 95/KH-SGDĐT
Cà Mau, ngày 20 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền trẻ em trong ngành Giáo dục
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm quyền học tập của trẻ em.
II. NHIỆM VỤ
1. Tổ chức tuyên truyền về quyền trẻ em cho học sinh (Phòng Chính trị tư tưởng và Công tác học sinh, sinh viên chủ trì; Phòng Giáo dục mầm non, Phòng Giáo dục nghề nghiệp - Giáo dục thường xuyên phối hợp).
2. Bố trí kinh phí hỗ trợ học sinh khó khăn (Phòng Kế hoạch - Tài chính chủ trì; các phòng chuyên môn phối hợp).
3. Rà soát chương trình giáo dục kỹ năng sống (Phòng Giáo dục phổ thông chủ trì).
";
    let i = import(text);
    let talk = task(&i, "tuyên truyền về quyền trẻ em");
    assert_eq!(ids(talk, Role::Lead), ["unit:political_student_affairs"]);
    assert_eq!(
        ids(talk, Role::Support),
        [
            "unit:preschool_education",
            "unit:vocational_continuing_education"
        ]
    );
    let money = task(&i, "Bố trí kinh phí");
    assert_eq!(ids(money, Role::Lead), ["unit:planning_finance"]);
    assert_eq!(ids(money, Role::Support), ["collective:units"]);
    let review = task(&i, "Rà soát chương trình");
    assert_eq!(ids(review, Role::Lead), ["unit:general_education"]);
    // A district's plan of 2024 keeps "các phòng chuyên môn" as its offices.
    let ctx = AgencyContext {
        issuer_level: Some(obligraph_core::Level::District),
        ..AgencyContext::default()
    };
    let got = parse_agency_list("các phòng chuyên môn", Role::Support, &ctx);
    assert_eq!(got[0].agency.id, "collective:district_offices");
}

/// A part titled for reporting ("CHẾ ĐỘ THÔNG TIN, BÁO CÁO", Phòng Tư pháp
/// thị xã Ninh Hòa, Khánh Hòa, 2024) holds duties like "Tổ chức thực
/// hiện": who reports, by when. Guiding the communes' officials, who then
/// report, is a task, not a report.
#[test]
fn a_reporting_part_holds_reports() {
    let text = "ỦY BAN NHÂN DÂN THỊ XÃ NINH HÒA
PHÒNG TƯ PHÁP
Số: 12/KH-PTP
Ninh Hòa, ngày 05 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trong lĩnh vực tư pháp
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về Công ước.
II. NHIỆM VỤ
1. Tổ chức tuyên truyền Công ước cho Nhân dân (hằng năm).
III. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp hướng dẫn công chức Tư pháp - Hộ tịch các xã, phường tham mưu Ủy ban nhân dân xã, phường tuyên truyền Công ước và báo cáo kết quả theo mục IV Kế hoạch này.
IV. CHẾ ĐỘ THÔNG TIN, BÁO CÁO
1. Công chức Tư pháp - Hộ tịch các xã, phường tổng hợp kết quả thực hiện, gửi về Phòng Tư pháp trước ngày 10/11 hằng năm.
2. Phòng Tư pháp báo cáo kết quả thực hiện Kế hoạch gửi Ủy ban nhân dân thị xã trước ngày 20/11 hằng năm.
";
    let i = import(text);
    let guide = task(&i, "hướng dẫn công chức");
    assert_eq!(guide.kind, ObligationKind::Task);
    for snippet in [
        "gửi về Phòng Tư pháp trước ngày 10/11",
        "gửi Ủy ban nhân dân thị xã",
    ] {
        assert_eq!(task(&i, snippet).kind, ObligationKind::Report, "{snippet}");
    }
}

/// Years written as a span after "trong" are the deadline in prose too
/// ("hoàn thành trong năm 2024 - 2025", "trong giai đoạn 2024 - 2026"; a
/// Phòng Tư pháp huyện Châu Thành, Tiền Giang wording), and the span
/// after a partner ends the partner's name.
#[test]
fn a_span_of_years_after_trong_is_a_deadline() {
    let text = "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH
PHÒNG TƯ PHÁP
Số: 30/KH-PTP
Châu Thành, ngày 02 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trong lĩnh vực tư pháp
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về Công ước.
II. NHIỆM VỤ
1. Biên soạn tài liệu hỏi đáp về Công ước; sản phẩm là bộ tài liệu, hoàn thành trong năm 2024 - 2025.
2. Cập nhật tài liệu tuyên truyền về phòng, chống tra tấn. Phòng Tư pháp chủ trì, phối hợp với Công an huyện, Ban Chỉ huy Quân sự huyện trong giai đoạn 2024 - 2026.
";
    let i = import(text);
    let book = task(&i, "Biên soạn tài liệu");
    assert_eq!(book.deadline_text.as_deref(), Some("trong năm 2024 - 2025"));
    let update = task(&i, "Cập nhật tài liệu");
    assert_eq!(
        update.deadline_text.as_deref(),
        Some("trong giai đoạn 2024 - 2026")
    );
    let written: Vec<&str> = update
        .assignments
        .iter()
        .filter(|a| a.role == Role::Support)
        .map(|a| a.as_written.as_str())
        .collect();
    assert_eq!(written, ["Công an huyện", "Ban Chỉ huy Quân sự huyện"]);
}

/// "(thường xuyên)" alone in a parenthesis closing a task is its time,
/// as "(hằng năm)" is; the adverb in prose is none (a Phòng Tư pháp thành
/// phố Bà Rịa wording, 2024).
#[test]
fn continuous_alone_in_a_parenthesis_is_the_time() {
    let text = "ỦY BAN NHÂN DÂN THÀNH PHỐ BÀ RỊA
PHÒNG TƯ PHÁP
Số: 41/KH-PTP
Bà Rịa, ngày 06 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trong lĩnh vực tư pháp
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về Công ước.
II. NHIỆM VỤ
1. Bộ phận hộ tịch đối chiếu các văn bản của Ủy ban nhân dân thành phố với Công ước (thường xuyên).
2. Thường xuyên tuyên truyền Công ước tại các buổi hòa giải ở cơ sở.
";
    let i = import(text);
    let check = task(&i, "đối chiếu các văn bản");
    assert_eq!(check.deadline_text.as_deref(), Some("thường xuyên"));
    let talk = task(&i, "tuyên truyền Công ước tại");
    assert_eq!(talk.deadline_text, None);
}

/// A duty of "Tổ chức thực hiện" split in two, the second with its own
/// person of the office as subject (Phòng Tư pháp huyện Long Thành, Đồng
/// Nai, 2024): each part is its subject's.
#[test]
fn each_of_the_office_s_people_leads_their_own_sentence() {
    let text = "ỦY BAN NHÂN DÂN HUYỆN LONG THÀNH
PHÒNG TƯ PHÁP
Số: 18/KH-PTP
Long Thành, ngày 08 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trong lĩnh vực tư pháp
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về Công ước.
II. NHIỆM VỤ
1. Tổ chức tuyên truyền Công ước cho Nhân dân (hằng năm).
III. TỔ CHỨC THỰC HIỆN
1. Trưởng phòng chịu trách nhiệm chung, trực tiếp chỉ đạo công tác tuyên truyền; Phó Trưởng phòng phụ trách công tác hộ tịch, chứng thực chỉ đạo thực hiện điểm 1 Phần II.
";
    let i = import(text);
    let written = |snippet: &str| -> Vec<String> {
        task(&i, snippet)
            .assignments
            .iter()
            .filter(|a| a.role == Role::Lead)
            .map(|a| a.as_written.clone())
            .collect()
    };
    assert_eq!(written("chịu trách nhiệm chung"), ["Trưởng phòng"]);
    assert_eq!(
        written("chứng thực chỉ đạo"),
        ["Phó Trưởng phòng phụ trách công tác hộ tịch, chứng thực"]
    );
}

/// A department's own committee for the advancement of women, named by
/// its owner word, in a plan of another province's health department:
/// the department's own unit, not an unknown body; a place word instead
/// ("… tỉnh") is the People's Committee's committee and is not read so.
#[test]
fn a_departments_committee_for_the_advancement_of_women() {
    let ctx = ctx((2026, 3, 2), obligraph_core::Level::Unit);
    for name in [
        "Ban Vì sự tiến bộ của phụ nữ ngành",
        "Ban vì sự tiến bộ của phụ nữ cơ quan",
        "Ban VSTBPN Sở",
    ] {
        let a = parse_agency_list(name, Role::Support, &ctx);
        assert_eq!(a.len(), 1, "{name}: {a:?}");
        assert_eq!(a[0].agency.id, "unit:women_advancement_board", "{name}");
    }
    let a = parse_agency_list("Ban Vì sự tiến bộ của phụ nữ tỉnh", Role::Support, &ctx);
    assert!(
        a.iter()
            .all(|x| x.agency.id != "unit:women_advancement_board"),
        "{a:?}"
    );
    let i = import(
        "SỞ Y TẾ TỈNH NGHỆ AN
Số: 31/KH-SYT
Nghệ An, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện bình đẳng giới trong ngành y tế năm 2026
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về bình đẳng giới.
II. NHIỆM VỤ
1. Lồng ghép nội dung bình đẳng giới trong đào tạo, bồi dưỡng cán bộ y tế (Phòng Tổ chức cán bộ chủ trì; Ban Vì sự tiến bộ của phụ nữ ngành phối hợp; thực hiện hằng năm).
",
    );
    let t = task(&i, "Lồng ghép nội dung bình đẳng giới");
    assert_eq!(
        ids(t, Role::Support),
        ["unit:women_advancement_board"],
        "{:#?}",
        t.assignments
    );
}

/// A district office's own plan (Phòng Giáo dục và Đào tạo of a Quảng Nam
/// district, 2024) whose item opens "Phối hợp với X …" and names no one
/// to lead: the office takes part in X's work, so X leads and the office
/// (the issuer) supports. An item of the same opening that a labelled line
/// gives a lead keeps that lead.
#[test]
fn an_item_opening_with_its_partners_and_no_lead() {
    let i = import(
        "ỦY BAN NHÂN DÂN HUYỆN DUY XUYÊN
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 18/KH-PGDĐT
Duy Xuyên, ngày 06 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Kế hoạch phòng, chống bạo lực gia đình trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm trách nhiệm của ngành giáo dục.
II. NHIỆM VỤ
1. Truyền thông
a) Phối hợp với Phòng Văn hóa và Thông tin tổ chức truyền thông về phòng, chống bạo lực gia đình trong các trường học trên địa bàn huyện (hằng năm).
2. Phòng, chống bạo lực học đường
a) Phối hợp với Công an huyện tuyên truyền phòng, chống bạo lực học đường cho học sinh.
Đơn vị chủ trì: Phòng Giáo dục và Đào tạo. Thời gian: Quý III/2024.
",
    );
    let a = task(&i, "tổ chức truyền thông về phòng, chống bạo lực gia đình");
    assert_eq!(
        ids(a, Role::Lead),
        ["district:culture_sports_tourism"],
        "{:#?}",
        a.assignments
    );
    assert_eq!(
        ids(a, Role::Support),
        ["district:education"],
        "{:#?}",
        a.assignments
    );
    let b = task(&i, "bạo lực học đường");
    assert_eq!(
        ids(b, Role::Lead),
        ["district:education"],
        "{:#?}",
        b.assignments
    );
}

/// A reporting chain in one sentence (a Tiền Giang district plan, 2024):
/// "…trước ngày 10/11 hằng năm, để Phòng Tư pháp tổng hợp, … trước ngày
/// 20/11 hằng năm" is two duties, each with its own deadline, the second
/// led by the body the purpose names. A purpose with no subject and no
/// date of its own stays in the duty.
#[test]
fn a_dated_purpose_of_another_body_is_a_duty_of_its_own() {
    let i = import(
        "ỦY BAN NHÂN DÂN HUYỆN CHỢ GẠO
Số: 61/KH-UBND
Chợ Gạo, ngày 12 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền dân sự và chính trị trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm thực hiện đầy đủ.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin tuyên truyền Công ước trên hệ thống truyền thanh, để kịp thời phổ biến đến người dân (hằng năm).
2. Các cơ quan, đơn vị gửi báo cáo kết quả thực hiện về Phòng Tư pháp trước ngày 10/11 hằng năm, để Phòng Tư pháp tổng hợp, tham mưu Ủy ban nhân dân huyện báo cáo Sở Tư pháp trước ngày 20/11 hằng năm.
",
    );
    let first = task(&i, "gửi báo cáo kết quả thực hiện về Phòng Tư pháp");
    assert_eq!(
        first.deadline_text.as_deref(),
        Some("trước ngày 10/11 hằng năm")
    );
    assert!(!first.text.contains("20/11"), "{}", first.text);
    let second = task(&i, "tham mưu Ủy ban nhân dân huyện báo cáo Sở Tư pháp");
    assert_eq!(
        second.deadline_text.as_deref(),
        Some("trước ngày 20/11 hằng năm")
    );
    assert_eq!(
        ids(second, Role::Lead),
        ["district:justice"],
        "{:#?}",
        second.assignments
    );
    let kept = task(&i, "để kịp thời phổ biến");
    assert_eq!(ids(kept, Role::Lead), ["district:culture_sports_tourism"]);
}

/// A pointer to an item that another body already leads (a Kon Tum
/// province plan, 2024): the item keeps its lead and the import says so
/// in its warnings, naming the line, the item and both bodies; a pointer
/// to an item with no lead gives it one, with no warning.
#[test]
fn a_pointer_naming_a_lead_for_an_item_led_by_another_is_told() {
    let i = import(
        "ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 140/KH-UBND
Kon Tum, ngày 20 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn tỉnh
I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm quyền của người khuyết tật.
II. NHIỆM VỤ
1. Truyền thông
a) Tuyên truyền Công ước trên báo chí (Sở Thông tin và Truyền thông chủ trì; Sở Y tế phối hợp; hằng năm).
b) Biên soạn tài liệu hỏi đáp về Công ước.
III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế: Chủ trì thực hiện các nhiệm vụ tại điểm a, b mục 1 Phần II.
",
    );
    let a = task(&i, "Tuyên truyền Công ước trên báo chí");
    assert_eq!(
        ids(a, Role::Lead),
        ["province:information_communications"],
        "{:#?}",
        a.assignments
    );
    let b = task(&i, "Biên soạn tài liệu hỏi đáp");
    assert_eq!(
        ids(b, Role::Lead),
        ["province:health"],
        "{:#?}",
        b.assignments
    );
    assert_eq!(
        i.warnings,
        [obligraph_vn::ImportWarning::PointerConflict {
            line: 13,
            item: a.id.clone(),
            named: "Sở Y tế".to_string(),
            lead: "Sở Thông tin và Truyền thông".to_string(),
        }]
    );
}
