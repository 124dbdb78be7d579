//! Misreadings found in the plans written for the coverage tests (issue
//! #12), each written here in another province's wording. Each test fails
//! without the change it is named for.

mod common;
use common::{ids, import, requested, task};

use obligraph_core::{ObligationKind, Role};

/// Quảng Ngãi, 2023: the tasks part set out by body, the plan's own
/// duties (drafting one's plan, reporting results) written as lettered
/// items under the bodies, not in "Tổ chức thực hiện".
const BY_BODY_DUTIES: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 305/KH-UBND
Quảng Ngãi, ngày 20 tháng 6 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn tỉnh Quảng Ngãi
I. MỤC ĐÍCH, YÊU CẦU
- Xác định trách nhiệm của các cơ quan, đơn vị.
II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
1. Công an tỉnh
a) Chủ trì xây dựng dự thảo báo cáo định kỳ của tỉnh về thực hiện Công ước, lấy ý kiến các sở, ngành. Thời gian: theo chỉ đạo của Bộ Công an.
b) Giúp Ủy ban nhân dân tỉnh theo dõi, kiểm tra việc thực hiện Kế hoạch này; tổng hợp kết quả, tham mưu Ủy ban nhân dân tỉnh báo cáo tổng kết hằng năm với Bộ Công an. Thời gian: trước ngày 25/11 hằng năm.
2. Ủy ban nhân dân các huyện, thị xã, thành phố
a) Tổ chức tuyên truyền Công ước cho Nhân dân trên địa bàn. Thời gian: hằng năm.
b) Căn cứ Kế hoạch này, ban hành kế hoạch thực hiện tại địa phương; định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh) trước ngày 10/11 hằng năm.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Luật gia tỉnh
a) Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia tuyên truyền Công ước trong Nhân dân; gửi kết quả thực hiện về Công an tỉnh trước ngày 10/11 hằng năm.
III. TỔ CHỨC THỰC HIỆN
Giao Công an tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn plan_duties_inside_a_part_set_out_by_body_are_drafts_and_reports() {
    let i = import(BY_BODY_DUTIES);
    let draft = task(&i, "ban hành kế hoạch thực hiện tại địa phương");
    assert_eq!(draft.kind, ObligationKind::DraftPlan, "{draft:#?}");
    assert_eq!(ids(draft, Role::Lead), ["collective:district_committees"]);
    let report = task(&i, "định kỳ báo cáo kết quả thực hiện");
    assert_eq!(report.kind, ObligationKind::Report, "{report:#?}");
    assert_eq!(ids(report, Role::Lead), ["collective:district_committees"]);
    assert!(report.deadline.is_some(), "{report:#?}");
    // The standing body's monitoring and its report, the latter dated by
    // the item's "Thời gian:" sentence.
    let monitor = task(&i, "theo dõi, kiểm tra việc thực hiện");
    assert_eq!(monitor.kind, ObligationKind::Monitor, "{monitor:#?}");
    let sent = task(&i, "báo cáo tổng kết hằng năm với Bộ Công an");
    assert_eq!(sent.kind, ObligationKind::Report, "{sent:#?}");
    assert_eq!(
        sent.deadline_text.as_deref(),
        Some("trước ngày 25/11 hằng năm")
    );
    // A request naming its own subject: that body's, not the heading's.
    let front = task(&i, "gửi kết quả thực hiện về Công an tỉnh");
    assert_eq!(front.kind, ObligationKind::Report, "{front:#?}");
    assert_eq!(ids(front, Role::Lead), ["province:fatherland_front"]);
    assert!(front.assignments.iter().all(|a| a.requested), "{front:#?}");
    // Writing the province's report is work on a document, a task; so is
    // an ordinary item.
    let drafting = task(&i, "xây dựng dự thảo báo cáo định kỳ");
    assert_eq!(drafting.kind, ObligationKind::Task, "{drafting:#?}");
    let plain = task(&i, "Tổ chức tuyên truyền Công ước cho Nhân dân");
    assert_eq!(plain.kind, ObligationKind::Task, "{plain:#?}");
}

/// A ward of Hà Nội, 2026, after the reorganisation: its chairman directs
/// (the ward's own committee, not the city's); a district's chairman in a
/// district's plan, and the province's chairman named in full.
#[test]
fn a_chairman_answers_for_the_committee_of_the_level_written() {
    use obligraph_core::Level;
    use obligraph_vn::agency::{resolve_agency, AgencyContext};
    let at = |l: Level| AgencyContext {
        issuer_level: Some(l),
        ..Default::default()
    };
    let ward = resolve_agency("Chủ tịch UBND phường", &at(Level::Commune));
    assert_eq!(ward.id, "commune:peoples_committee");
    let district = resolve_agency("Chủ tịch Ủy ban nhân dân huyện", &at(Level::District));
    assert_eq!(district.id, "district:peoples_committee");
    let province = resolve_agency("Chủ tịch Ủy ban nhân dân tỉnh", &at(Level::Commune));
    assert_eq!(province.id, "province:peoples_committee");
    let i = import(
        "ỦY BAN NHÂN DÂN PHƯỜNG CỬA NAM
Số: 12/KH-UBND
Hà Nội, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Triển khai Công ước trên địa bàn phường
I. NHIỆM VỤ
1. Chủ tịch Ủy ban nhân dân phường trực tiếp chỉ đạo, kiểm tra việc triển khai các nhiệm vụ của Kế hoạch này.
2. Công an phường tuyên truyền Công ước cho Nhân dân.
",
    );
    let chair = task(&i, "trực tiếp chỉ đạo");
    assert_eq!(
        ids(chair, Role::Lead),
        ["commune:peoples_committee"],
        "{chair:#?}"
    );
}

/// Khánh Hòa, 2023: a body's item opens "Chủ trì, phối hợp với …" (the
/// heading's body leads) and ends asking the procuracy and the court to
/// act within their competence: they help, as requested supports.
#[test]
fn bodies_asked_after_an_unnamed_lead_are_requested_supports() {
    let i = import(
        "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA
Số: 5120/KH-UBND
Khánh Hòa, ngày 02 tháng 6 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
1. Thanh tra tỉnh
a) Chủ trì, phối hợp với các sở, ngành kiểm tra việc giải quyết khiếu nại, tố cáo liên quan đến tra tấn; đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh giải quyết kịp thời theo thẩm quyền. Thời gian: hằng năm.
2. Sở Tư pháp
a) Chủ trì tập huấn Công ước cho cán bộ, công chức; đề nghị Đoàn Luật sư tỉnh cử luật sư tham gia. Thời gian: hằng năm.
",
    );
    let a = task(&i, "kiểm tra việc giải quyết khiếu nại");
    assert_eq!(ids(a, Role::Lead), ["province:inspection"], "{a:#?}");
    let asked = requested(a);
    assert_eq!(asked, ["province:court", "province:procuracy"], "{a:#?}");
    assert!(a
        .assignments
        .iter()
        .filter(|x| x.requested)
        .all(|x| x.role == Role::Support));
    let b = task(&i, "tập huấn Công ước");
    assert_eq!(ids(b, Role::Lead), ["province:justice"], "{b:#?}");
}

/// Phú Yên, 2023: a body's item restates its part in another body's
/// items ("Phối hợp với Sở Tư pháp … quy định tại điểm b khoản 1 Mục
/// này"): the items pointed at get it as a support; an item pointing at
/// no item of the part stays a task.
#[test]
fn an_item_restating_a_part_in_other_items_supports_them() {
    let i = import(
        "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN
Số: 188/KH-UBND
Phú Yên, ngày 15 tháng 6 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
1. Sở Tư pháp
a) Chủ trì rà soát văn bản quy phạm pháp luật của tỉnh liên quan đến Công ước. Thời gian: năm 2024.
b) Chủ trì biên soạn tài liệu tuyên truyền Công ước cho cán bộ, công chức. Thời gian: hằng năm.
2. Sở Thông tin và Truyền thông
a) Phối hợp với Sở Tư pháp trong biên soạn, đăng tải tài liệu tuyên truyền quy định tại điểm b khoản 1 Mục này. Thời gian: hằng năm.
b) Phối hợp với Sở Tư pháp thực hiện các nội dung theo điểm e khoản 1 Mục này.
",
    );
    let b = task(&i, "biên soạn tài liệu tuyên truyền Công ước");
    assert_eq!(
        ids(b, Role::Support),
        ["province:information_communications"],
        "{b:#?}"
    );
    assert!(
        !i.plan
            .obligations
            .iter()
            .any(|o| o.text.contains("đăng tải tài liệu")),
        "{:#?}",
        i.plan.obligations
    );
    let a = task(&i, "rà soát văn bản");
    assert!(ids(a, Role::Support).is_empty(), "{a:#?}");
    // No item e: the item stays, as written.
    let e = task(&i, "theo điểm e khoản 1");
    assert_eq!(ids(e, Role::Lead), ["province:justice"], "{e:#?}");
}

/// Phòng Tư pháp huyện Điện Bàn, 2023: the office's people named inside
/// their items (after an opening phrase, after a topic and colon, in a
/// second sentence, as the one a head assigns), and a person named by a
/// portfolio that is also a verb ("phụ trách tổng hợp").
#[test]
fn the_issuer_s_people_named_inside_an_item_lead_it() {
    let i = import(
        "ỦY BAN NHÂN DÂN HUYỆN ĐIỆN BÀN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHÒNG TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc
Số: 14/KH-PTP\tĐiện Bàn, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Kế hoạch của Ủy ban nhân dân huyện về Công ước chống tra tấn
I. NHIỆM VỤ CỤ THỂ
1. Rà soát văn bản
a) Khi rà soát văn bản định kỳ hằng năm, công chức phụ trách kiểm tra văn bản rà soát, đối chiếu các văn bản của Ủy ban nhân dân huyện với Công ước (thường xuyên).
b) Về hòa giải ở cơ sở: công chức phụ trách phổ biến, giáo dục pháp luật hướng dẫn các tổ hòa giải lồng ghép nội dung Công ước (hằng năm).
c) Cập nhật số liệu tuyên truyền về Công ước vào phần mềm quản lý của Phòng. Công chức phụ trách phổ biến, giáo dục pháp luật thực hiện theo hướng dẫn của Sở Tư pháp (hằng năm).
d) Khi có yêu cầu của Ủy ban nhân dân huyện, Trưởng phòng phân công công chức phụ trách kiểm tra văn bản nghiên cứu, góp ý dự thảo báo cáo.
đ) Công chức phụ trách tổng hợp tăng cường ứng dụng công nghệ thông tin trong quản lý hồ sơ (thường xuyên).
",
    );
    let staff = |snippet: &str| {
        let o = task(&i, snippet);
        o.assignments
            .iter()
            .filter(|a| a.role == Role::Lead)
            .map(|a| (a.agency.id.clone(), a.as_written.clone()))
            .collect::<Vec<_>>()
    };
    let own = |name: &str| vec![("unit:own_staff".to_string(), name.to_string())];
    assert_eq!(
        staff("đối chiếu các văn bản"),
        own("công chức phụ trách kiểm tra văn bản")
    );
    assert_eq!(
        staff("hướng dẫn các tổ hòa giải"),
        own("công chức phụ trách phổ biến, giáo dục pháp luật")
    );
    assert_eq!(
        staff("Cập nhật số liệu tuyên truyền"),
        own("Công chức phụ trách phổ biến, giáo dục pháp luật")
    );
    assert_eq!(
        staff("góp ý dự thảo báo cáo"),
        own("công chức phụ trách kiểm tra văn bản")
    );
    assert_eq!(
        staff("ứng dụng công nghệ thông tin"),
        own("Công chức phụ trách tổng hợp")
    );
}

/// A district's plan that lists its tasks bare in part II and assigns
/// them in the appendix by number, rows pointing back ("Thực hiện nội
/// dung tại điểm 2, 3 Mục II") rather than restating (La Gi's rows
/// "Nhiệm vụ tại mục 4 và mục 7 phần II", here in another wording). Each
/// item a row names carries the row's roles and deadline, its bullets
/// too; a row names its items whatever its words share with another item
/// (row 3 words item 4's "tiếp nhận tố giác" but points at item 3).
///
/// Representation chosen: the row stays an obligation at its own place
/// (it holds the cells a reader looks up), and each item it names is
/// linked to it (`restates`), as a restated item is: the row's pointer
/// text is no task of its own, the audit reads the linked items' text for
/// it. Dropping the row instead would lose its place and break the link a
/// row shared by two items (2 and 3 here) needs to say they are one
/// assignment.
const POINTING_ROWS: &str = "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH
Số: 245/KH-UBND
Sơn Tịnh, ngày 14 tháng 6 năm 2023
KẾ HOẠCH
Triển khai thực hiện Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ.
II. NHIỆM VỤ CỤ THỂ
1. Rà soát, đánh giá các văn bản của huyện có liên quan đến Công ước chống tra tấn.
2. Đầu tư trang thiết bị cho các cơ quan tiến hành tố tụng:
- Sửa chữa trụ sở, buồng tạm giữ;
- Trang bị thiết bị ghi âm, ghi hình trong hỏi cung.
3. Kiểm tra việc chấp hành pháp luật trong thi hành tạm giữ, tạm giam trên địa bàn.
4. Nâng cao tỷ lệ tiếp nhận, giải quyết tin báo, tố giác tội phạm liên quan đến tra tấn.
PHỤ LỤC
STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn
1\tThực hiện nội dung tại điểm 1 Mục II\tPhòng Tư pháp\tCông an huyện\tQuý IV/2023
2\tThực hiện nội dung tại điểm 2, 3 Mục II (tiếp nhận tố giác, tin báo trong hỏi cung)\tCông an huyện\tPhòng Tài chính - Kế hoạch\tNăm 2024
3\tThực hiện nội dung tại điểm 4 Mục II\tThanh tra huyện\tCông an huyện\tHằng năm
";

#[test]
fn rows_that_point_at_body_items_by_number_assign_them() {
    let i = import(POINTING_ROWS);
    let body = |snippet: &str| {
        i.plan
            .obligations
            .iter()
            .find(|o| o.text.contains(snippet) && !o.id.starts_with("PL"))
            .unwrap_or_else(|| panic!("{snippet}: {:#?}", i.plan.obligations))
    };
    for (snippet, lead, row) in [
        ("Rà soát, đánh giá các văn bản", "district:justice", "PL.1"),
        ("Sửa chữa trụ sở", "district:police", "PL.2"),
        ("Trang bị thiết bị ghi âm", "district:police", "PL.2"),
        ("Kiểm tra việc chấp hành", "district:police", "PL.2"),
        ("Nâng cao tỷ lệ tiếp nhận", "district:inspection", "PL.3"),
    ] {
        let o = body(snippet);
        assert_eq!(ids(o, Role::Lead), [lead], "{o:#?}");
        assert_eq!(o.restates.as_deref(), Some(row), "{o:#?}");
        assert!(o.deadline.is_some(), "{o:#?}");
    }
}

/// A plan set out by body (Tây Ninh's "1. Sở Tư pháp … h) Chủ trì, cùng
/// Công an tỉnh tuyên truyền …", here in another wording): a lettered
/// item that opens "Chủ trì, cùng X" has the section's body lead and X
/// lead beside it; "cùng cấp" names no co-lead.
#[test]
fn bodies_a_section_s_body_leads_with_are_co_leads() {
    let i = import(
        "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
Số: 77/KH-UBND
Phú Thọ, ngày 03 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Công ước về các quyền dân sự và chính trị
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ.
II. NHIỆM VỤ VÀ PHÂN CÔNG
1. Sở Giáo dục và Đào tạo
a) Chủ trì, cùng Sở Lao động - Thương binh và Xã hội tổ chức giáo dục quyền con người trong các trường học và cơ sở giáo dục nghề nghiệp; thực hiện hằng năm.
b) Chủ trì, phối hợp với Ủy ban nhân dân cùng cấp hướng dẫn các trường tổ chức ngoại khóa về quyền trẻ em; thực hiện hằng năm.
",
    );
    let a = task(&i, "giáo dục quyền con người");
    assert_eq!(
        ids(a, Role::Lead),
        ["province:education", "province:labour_invalids_social"],
        "{a:#?}"
    );
    let b = task(&i, "ngoại khóa");
    assert_eq!(ids(b, Role::Lead), ["province:education"], "{b:#?}");
}
