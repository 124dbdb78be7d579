//! Plan shapes the importer first met in session 19's three written plans
//! (a province plan set out by body, a department's own plan with
//! labelled lines and an appendix numbered on its own, a commune's plan
//! with a parenthesis under each lettered item), each written here the
//! way another province would write it. Each test fails without the
//! change it is named for.

mod common;
use common::{ids, import, task};

use obligraph_core::{Obligation, Role};
use obligraph_vn::agency::{parse_agency_list, resolve_agency, AgencyContext};

/// Quảng Bình, 2023: the tasks part set out by body ("1. Sở Tư pháp", "2.
/// Đề nghị Tòa án nhân dân tỉnh, …"), then a topic heading.
const BY_BODY: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH
Số: 918/KH-UBND
Quảng Bình, ngày 12 tháng 6 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn tỉnh Quảng Bình
I. MỤC ĐÍCH, YÊU CẦU
- Xác định trách nhiệm của các cơ quan, đơn vị.
II. NHIỆM VỤ VÀ GIẢI PHÁP CỤ THỂ
1. Sở Tư pháp
a) Chủ trì, phối hợp với Công an tỉnh rà soát các văn bản quy phạm pháp luật của tỉnh có liên quan đến Công ước. Thời gian: năm 2024.
b) Tổ chức tập huấn chuyên sâu về Công ước cho đội ngũ báo cáo viên pháp luật của tỉnh. Thời gian: hằng năm.
2. Đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh
a) Tăng cường kiểm sát việc tạm giữ, tạm giam và xét xử các vụ án có dấu hiệu bức cung, dùng nhục hình. Thời gian: hằng năm.
3. Tuyên truyền, phổ biến
a) Đăng tải nội dung Công ước trên Cổng thông tin điện tử của tỉnh. Thời gian: hằng năm.
III. TỔ CHỨC THỰC HIỆN
Giao Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

/// The lead ids of `o`, then its support ids, each sorted: "lead | a, b".
fn roles(o: &Obligation) -> String {
    let leads = ids(o, Role::Lead).join(", ");
    format!("{leads} | {}", ids(o, Role::Support).join(", "))
}

#[test]
fn a_heading_that_names_a_body_leads_its_items() {
    let i = import(BY_BODY);
    let a = task(&i, "rà soát các văn bản");
    assert_eq!(roles(a), "province:justice | province:police");
    let b = task(&i, "Tổ chức tập huấn chuyên sâu");
    assert_eq!(ids(b, Role::Lead), ["province:justice"]);
    // "Đề nghị X, Y": both lead, as requested.
    let c = task(&i, "Tăng cường kiểm sát");
    assert_eq!(ids(c, Role::Lead), ["province:court", "province:procuracy"]);
    assert!(c.assignments.iter().all(|a| a.requested), "{c:#?}");
    // A topic heading names nobody.
    let d = task(&i, "Đăng tải nội dung");
    assert!(d.assignments.is_empty(), "{d:#?}");
}

/// Kon Tum, 2024: the foot of a Word file as a two-column table joined by
/// TABs, the distribution list on the left, the signature on the right.
const TAB_FOOT: &str = "ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 77/KH-UBND
Kon Tum, ngày 03 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền trẻ em trên địa bàn tỉnh
I. NHIỆM VỤ
1. Sở Lao động - Thương binh và Xã hội chủ trì tổ chức tập huấn cho cán bộ làm công tác trẻ em; thời gian: hằng năm.
II. TỔ CHỨC THỰC HIỆN
Giao Sở Lao động - Thương binh và Xã hội theo dõi, đôn đốc việc thực hiện Kế hoạch này./.

Nơi nhận:	TM. ỦY BAN NHÂN DÂN
- Bộ Lao động - Thương binh và Xã hội (b/c);	KT. CHỦ TỊCH
- TT. Tỉnh ủy, TT. HĐND tỉnh;	PHÓ CHỦ TỊCH
- Các sở, ban, ngành;
- UBND các huyện, thành phố;	
- Lưu: VT, KGVX.	Y Ngọc
";

#[test]
fn a_tab_joined_distribution_list_and_signature_are_no_tasks() {
    let i = import(TAB_FOOT);
    let texts: Vec<&str> = i.plan.obligations.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:#?}");
    for o in &i.plan.obligations {
        for junk in ["Nơi nhận", "CHỦ TỊCH", "Lưu", "Y Ngọc", "b/c"] {
            assert!(!o.text.contains(junk), "{o:#?}");
        }
    }
}

/// Sở Y tế Khánh Hòa, 2023: labels written on one line after ";", naming
/// the department's units.
const ONE_LINE_LABELS: &str = "UBND TỈNH KHÁNH HÒA
SỞ Y TẾ
Số: 2210/KH-SYT
Khánh Hòa, ngày 20 tháng 7 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trong ngành Y tế
I. NHIỆM VỤ CỤ THỂ
1. Khám bệnh, chữa bệnh cho người bị tạm giữ, tạm giam
Tiếp nhận, khám bệnh, chữa bệnh kịp thời cho người bị tạm giữ, tạm giam, phạm nhân được chuyển đến cơ sở y tế.
Đơn vị thực hiện: Phòng Nghiệp vụ Y - Dược; Đơn vị phối hợp: Bệnh viện Đa khoa tỉnh, Trung tâm Y tế các huyện, thị xã, thành phố; Thời gian: thường xuyên.
2. Giám định pháp y
Thực hiện giám định pháp y khách quan, đúng quy trình khi có trưng cầu của cơ quan tiến hành tố tụng.
Đơn vị thực hiện: Trung tâm Pháp y; Đơn vị phối hợp: Văn phòng Sở; Thời gian: hằng năm.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này.
";

#[test]
fn labels_on_one_line_each_read_their_own_list() {
    let i = import(ONE_LINE_LABELS);
    let a = task(&i, "Tiếp nhận, khám bệnh");
    assert_eq!(
        roles(a),
        "unit:medical_affairs | unit:district_health_centres, unit:general_hospital"
    );
    assert_eq!(a.deadline_text.as_deref(), Some("thường xuyên"));
    let b = task(&i, "giám định pháp y khách quan");
    assert_eq!(roles(b), "unit:forensic_centre | unit:office");
}

#[test]
fn a_health_departments_units_resolve() {
    let ctx = AgencyContext::default();
    for (name, id) in [
        ("Phòng Nghiệp vụ Y", "unit:medical_affairs"),
        ("Trung tâm Pháp y tỉnh", "unit:forensic_centre"),
        ("Bệnh viện Đa khoa tỉnh", "unit:general_hospital"),
    ] {
        assert_eq!(resolve_agency(name, &ctx).id, id, "{name}");
    }
    // One collective of units, not split at its commas.
    let list = parse_agency_list(
        "Trung tâm Y tế các huyện, thị xã, thành phố",
        Role::Support,
        &ctx,
    );
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(list[0].agency.id, "unit:district_health_centres");
}

/// Sở Y tế Hà Tĩnh, 2023: an appendix numbered 1–2 on its own; row 2
/// shares words with body item 2 but is another task, led by another unit.
const OWN_NUMBERING: &str = "UBND TỈNH HÀ TĨNH
SỞ Y TẾ
Số: 1502/KH-SYT
Hà Tĩnh, ngày 11 tháng 8 năm 2023
KẾ HOẠCH
Kế hoạch thực hiện Công ước chống tra tấn của ngành Y tế Hà Tĩnh năm 2023
I. NHIỆM VỤ
1. Tập huấn chuyên môn
Văn phòng Sở chủ trì tổ chức tập huấn cho viên chức làm công tác giám định pháp y về Công ước chống tra tấn.
2. Mua sắm trang thiết bị
Giao Phòng Kế hoạch - Tài chính chủ trì, phối hợp với Văn phòng Sở mua sắm trang thiết bị phục vụ khám bệnh, chữa bệnh cho người bị tạm giữ, tạm giam được chuyển đến bệnh viện.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này.
PHỤ LỤC
STT	Nhiệm vụ	Đơn vị chủ trì	Đơn vị phối hợp	Thời hạn
1	Tập huấn cho viên chức làm công tác giám định pháp y về Công ước chống tra tấn	Văn phòng Sở	Thanh tra Sở	Hằng năm
2	Khám bệnh, chữa bệnh cho người bị tạm giữ, tạm giam được chuyển đến bệnh viện	Phòng Nghiệp vụ Y	Thanh tra Sở	Thường xuyên
";

#[test]
fn a_row_that_names_none_of_a_body_items_leads_does_not_restate_it() {
    let i = import(OWN_NUMBERING);
    let body = task(&i, "Giao Phòng Kế hoạch - Tài chính");
    assert_eq!(roles(body), "unit:planning_finance | unit:office");
    assert_eq!(body.restates, None);
    // A row that names the body item's lead still restates it.
    let first = task(&i, "Văn phòng Sở chủ trì tổ chức tập huấn");
    assert_eq!(first.restates.as_deref(), Some("PL.1"));
}

/// Phường Cái Khế (Cần Thơ), 2026: a parenthesis on its own under lettered
/// items, "X chủ trì, phối hợp Y; thực hiện …"; item b) has none; item
/// d) ends with its own.
const LETTERED_PARENS: &str = "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ
ỦY BAN NHÂN DÂN PHƯỜNG CÁI KHẾ
Số: 21/KH-UBND
Cái Khế, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn phường năm 2026
I. MỤC ĐÍCH, YÊU CẦU
a) Nâng cao nhận thức của Nhân dân về Công ước.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tuyên truyền, hỗ trợ người khuyết tật

a) Tổ chức tuyên truyền về quyền của người khuyết tật trên hệ thống loa truyền thanh của phường và các khu vực.

(Văn phòng HĐND và UBND phường chủ trì, phối hợp Công an phường; thực hiện hằng năm).

b) Cử công chức tham dự các lớp tập huấn do thành phố tổ chức trong Quý III/2026.

c) Tiếp nhận, hỗ trợ người khuyết tật bị xâm hại; giới thiệu đến cơ sở y tế và các dịch vụ hỗ trợ phù hợp.

(Phòng Văn hóa - Xã hội chủ trì, phối hợp Trạm Y tế phường; thực hiện thường xuyên).

d) Bảo đảm an ninh, trật tự tại các buổi tuyên truyền (Công an phường chủ trì; phối hợp với Ban Chỉ huy Quân sự phường; hằng năm).
III. TỔ CHỨC THỰC HIỆN
Văn phòng HĐND và UBND phường theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn a_parenthesis_under_lettered_items_is_the_last_ones() {
    let i = import(LETTERED_PARENS);
    let a = task(&i, "Tổ chức tuyên truyền");
    assert_eq!(roles(a), "commune:government_office | commune:police");
    assert_eq!(a.deadline_text.as_deref(), Some("hằng năm"));
    let b = task(&i, "Cử công chức");
    assert!(ids(b, Role::Lead).is_empty(), "{b:#?}");
    let c = task(&i, "Tiếp nhận, hỗ trợ");
    assert_eq!(roles(c), "commune:culture_society | commune:health_station");
    assert_eq!(c.deadline_text.as_deref(), Some("thường xuyên"));
    // "X chủ trì; phối hợp với Y": Y, written after the verb, supports.
    let d = task(&i, "Bảo đảm an ninh");
    assert_eq!(roles(d), "commune:police | commune:military");
}
