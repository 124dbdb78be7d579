//! Importer slips left on the plans written blind in sessions 22–23
//! (phường Máy Chai, Tây Ninh, Sở Văn hóa và Thể thao Huế), each written
//! here the way another province would write it. Each test fails without
//! the change it is named for.

mod common;
use common::{ids, import, no_task, requested, task};

use obligraph_core::{Deadline, Role, Trigger};

/// Phường Hòa Cường Bắc (Đà Nẵng), 2023: the tasks in one table inside
/// the body, a note on two of its rows under it; the reporting regime
/// giving the draft to a civil servant in a sentence of its own; the
/// difficulties qualified before the bodies that report them. (Máy Chai
/// L68, L112, L114.)
const WARD: &str = "ỦY BAN NHÂN DÂN QUẬN HẢI CHÂU
ỦY BAN NHÂN DÂN PHƯỜNG HÒA CƯỜNG BẮC
Số: 41/KH-UBND
Hòa Cường Bắc, ngày 12 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn phường
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ trách nhiệm.

II. NHIỆM VỤ CỤ THỂ

STT	Nội dung công việc	Đơn vị chủ trì	Đơn vị phối hợp	Thời gian hoàn thành
1	Tiếp nhận, phân loại tin báo, tố giác tội phạm liên quan đến tra tấn	Công an phường	Văn phòng - Thống kê	Thường xuyên
2	Tiếp nhận, xử lý đơn khiếu nại liên quan đến tra tấn	Văn phòng - Thống kê	Công an phường	Thường xuyên

(Nội dung tại mục 1, mục 2 thực hiện đúng quy định của Bộ luật Tố tụng hình sự và Luật Khiếu nại.)

III. TỔ CHỨC THỰC HIỆN

1. Chế độ báo cáo

- Ủy ban nhân dân phường báo cáo kết quả thực hiện về Phòng Tư pháp quận trước ngày 10/11 hằng năm; báo cáo đột xuất khi có yêu cầu. Giao công chức Văn hóa - Xã hội chủ trì, phối hợp với Công an phường dự thảo báo cáo.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc ngoài thẩm quyền, các bộ phận kịp thời báo cáo về Ủy ban nhân dân phường để xem xét, giải quyết./.
";

/// Tỉnh Gia Lai, 2026, organised by body: bodies carrying their share
/// within their remit; a partner's name followed by "trong quản lý";
/// data supplied by bodies; the Front asked to take part; and the same
/// reporting regime and difficulties at province level. (Tây Ninh L52,
/// L136, L148, L152, L182.)
const PROVINCE: &str = "ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 71/KH-UBND
Gia Lai, ngày 16 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ trách nhiệm của các cơ quan.

II. NHIỆM VỤ CỤ THỂ

1. Sở Tư pháp

a) Bồi dưỡng kỹ năng cho trợ giúp viên pháp lý và luật sư; hướng dẫn Ủy ban nhân dân các xã, phường thực hiện theo thẩm quyền; thực hiện hằng năm.

2. Thanh tra tỉnh

a) Tăng cường thanh tra, kiểm tra việc giải quyết khiếu nại, tố cáo liên quan đến quyền dân sự; các sở, ban, ngành thực hiện theo chức năng, nhiệm vụ, Ủy ban nhân dân các xã, phường thực hiện theo thẩm quyền; thực hiện hằng năm.

3. Sở Ngoại vụ

Phối hợp với Sở Tư pháp trong rà soát văn bản; phối hợp với Sở Nội vụ trong quản lý hoạt động của các tổ chức phi chính phủ nước ngoài; thực hiện thường xuyên.

4. Sở Tài chính

Chủ trì điều tra, khảo sát thống kê về tình hình thi hành các quyền dân sự và chính trị; tổng hợp số liệu do Sở Nội vụ, Sở Y tế và các sở, ban, ngành cung cấp; thực hiện hằng năm.

5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội

Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành viên tham gia thực hiện Kế hoạch theo chức năng, nhiệm vụ; đề nghị Hội Luật gia tỉnh thực hiện tư vấn pháp luật miễn phí theo thẩm quyền.

III. TỔ CHỨC THỰC HIỆN

1. Chế độ báo cáo

- Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Tư pháp trước ngày 30/10 hằng năm.

- Ủy ban nhân dân tỉnh báo cáo Bộ Tư pháp trước ngày 15/11 hằng năm; báo cáo đột xuất khi Bộ Tư pháp yêu cầu. Giao Sở Tư pháp chủ trì, phối hợp với Công an tỉnh dự thảo báo cáo.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc vượt quá thẩm quyền, các cơ quan, đơn vị kịp thời báo cáo về Ủy ban nhân dân tỉnh (qua Sở Tư pháp) để xem xét, chỉ đạo./.
";

/// Sở Văn hóa, Thể thao và Du lịch Quảng Nam, 2026: data supplied on the
/// request of named bodies; work folded into a unit's yearly work plan;
/// work done by the units' yearly programme; the broadcaster the
/// department asks to help with an item its role line gives to a unit.
/// (Sở VH&TT Huế L94-95, L158-160, L172; Tây Ninh L94.)
const DEPARTMENT: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 88/KH-SVHTTDL
Quảng Nam, ngày 20 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị trong ngành
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ đơn vị thực hiện.

II. NHIỆM VỤ CỤ THỂ
1. Tuyên truyền trên báo chí
Hướng dẫn các cơ quan báo chí trên địa bàn tăng cường thông tin về quyền dân sự và chính trị. Đối với Đài Phát thanh và Truyền hình Quảng Nam, Sở đề nghị phối hợp mở chuyên mục, đăng tải tin, bài.
Giao Phòng Quản lý Báo chí chủ trì, phối hợp với Văn phòng Sở.

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở
- Chủ trì, phối hợp với các phòng, đơn vị cung cấp số liệu của ngành phục vụ báo cáo của tỉnh khi Sở Tư pháp, Ủy ban nhân dân tỉnh có yêu cầu.
2. Trung tâm Văn hóa tỉnh
Căn cứ nhiệm vụ được giao tại Mục II, chủ động xây dựng nội dung, lồng ghép vào kế hoạch công tác hằng năm của đơn vị.
3. Thư viện tỉnh
Tổ chức trưng bày sách về quyền con người; thực hiện theo chương trình công tác hằng năm của các đơn vị.
";

#[test]
fn a_clause_giving_the_work_to_a_body_is_that_body_s() {
    for (plan, snippet, lead, support) in [
        (
            WARD,
            "Giao công chức Văn hóa",
            "commune:post_culture_society",
            "commune:police",
        ),
        (
            PROVINCE,
            "Giao Sở Tư pháp chủ trì",
            "province:justice",
            "province:police",
        ),
    ] {
        let i = import(plan);
        let o = task(&i, snippet);
        // Not the committee that is the subject of the sentences before.
        assert_eq!(ids(o, Role::Lead), [lead], "{o:#?}");
        assert_eq!(ids(o, Role::Support), [support], "{o:#?}");
    }
}

#[test]
fn a_qualifier_of_the_difficulties_names_no_body() {
    for (plan, lead) in [
        (WARD, "collective:related"),
        (PROVINCE, "collective:related"),
    ] {
        let i = import(plan);
        let o = task(&i, "Trong quá trình thực hiện");
        assert_eq!(ids(o, Role::Lead), [lead], "{o:#?}");
        assert!(
            o.assignments
                .iter()
                .all(|a| !a.as_written.contains("thẩm quyền")),
            "{o:#?}"
        );
    }
}

#[test]
fn a_note_on_rows_under_the_table_is_no_task() {
    let i = import(WARD);
    no_task(&i, |t| t.contains("Nội dung tại mục 1"));
    // The rows it speaks of are read as before.
    let row = task(&i, "Tiếp nhận, phân loại tin báo");
    assert_eq!(ids(row, Role::Lead), ["commune:police"]);
    // Its line is set aside, not lost.
    assert!(
        i.unattributed.iter().any(|u| u.line == 16),
        "{:#?}",
        i.unattributed
    );
}

#[test]
fn bodies_carrying_their_share_within_their_remit_lead_beside_the_heading_s_body() {
    let i = import(PROVINCE);
    let o = task(&i, "Tăng cường thanh tra, kiểm tra");
    assert_eq!(
        ids(o, Role::Lead),
        [
            "collective:commune_committees",
            "collective:departments",
            "province:inspection"
        ],
        "{o:#?}"
    );
    // "hướng dẫn X thực hiện theo thẩm quyền": X carries its share.
    let o = task(&i, "Bồi dưỡng kỹ năng");
    assert_eq!(
        ids(o, Role::Lead),
        ["collective:commune_committees", "province:justice"],
        "{o:#?}"
    );
}

#[test]
fn prose_after_a_partner_s_name_is_no_part_of_it() {
    let i = import(PROVINCE);
    let o = task(&i, "Phối hợp với Sở Tư pháp trong rà soát");
    let home = o
        .assignments
        .iter()
        .find(|a| a.agency.id == "province:home_affairs")
        .unwrap_or_else(|| panic!("{o:#?}"));
    assert_eq!(home.as_written, "Sở Nội vụ");
}

#[test]
fn bodies_supplying_the_data_support() {
    let i = import(PROVINCE);
    let o = task(&i, "Chủ trì điều tra, khảo sát thống kê");
    assert_eq!(ids(o, Role::Lead), ["province:finance"], "{o:#?}");
    assert_eq!(
        ids(o, Role::Support),
        [
            "collective:departments",
            "province:health",
            "province:home_affairs"
        ],
        "{o:#?}"
    );
}

#[test]
fn the_front_asked_to_take_part_is_asked() {
    let i = import(PROVINCE);
    let o = task(&i, "Đề nghị Ủy ban Mặt trận Tổ quốc");
    let asked = requested(o);
    for id in [
        "province:fatherland_front",
        "collective:mass_organisations",
        "province:lawyers_association",
    ] {
        assert!(asked.contains(&id), "{id}: {o:#?}");
    }
}

#[test]
fn work_on_the_request_of_named_bodies_is_dated_by_it() {
    let i = import(DEPARTMENT);
    let o = task(&i, "cung cấp số liệu của ngành");
    assert_eq!(
        o.deadline_text.as_deref(),
        Some("khi Sở Tư pháp, Ủy ban nhân dân tỉnh có yêu cầu"),
        "{o:#?}"
    );
    assert!(
        matches!(
            &o.deadline,
            Some(Deadline::Event { trigger: Trigger::OnRequest { by: Some(by) }, .. })
                if by == "Sở Tư pháp, Ủy ban nhân dân tỉnh"
        ),
        "{o:#?}"
    );
}

#[test]
fn a_yearly_work_plan_named_dates_nothing() {
    let i = import(DEPARTMENT);
    let o = task(&i, "lồng ghép vào kế hoạch công tác hằng năm");
    assert_eq!(o.deadline_text, None, "{o:#?}");
    // Work done by the units' yearly programme is dated by it, whole.
    let o = task(&i, "Tổ chức trưng bày sách");
    assert_eq!(
        o.deadline_text.as_deref(),
        Some("theo chương trình công tác hằng năm của các đơn vị"),
        "{o:#?}"
    );
}

#[test]
fn a_body_the_department_asks_in_an_item_is_asked_beside_its_role_line() {
    let i = import(DEPARTMENT);
    let o = task(&i, "Hướng dẫn các cơ quan báo chí");
    // The role line's lead stands; the department (the issuer, "Sở")
    // asks; the broadcaster is asked to help.
    assert_eq!(ids(o, Role::Lead).len(), 1, "{o:#?}");
    assert!(o
        .assignments
        .iter()
        .any(|a| a.role == Role::Lead && a.as_written == "Phòng Quản lý Báo chí"));
    assert_eq!(requested(o), ["province:radio_television"], "{o:#?}");
    assert!(
        o.assignments
            .iter()
            .any(|a| a.agency.id == "province:radio_television" && a.role == Role::Support),
        "{o:#?}"
    );
}
