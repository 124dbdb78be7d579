//! Plan shapes the importer slipped on in the written plans after session
//! 25 (issue #12), each written here the way another province would
//! write it. Each test fails without the change it is named for.

mod common;
use common::{ids, import, no_task, requested, task};

use obligraph_core::Role;

/// Công an tỉnh Nghệ An, 2026: an item's deadline written as a sentence of
/// its own on the next line ("Hoàn thành …"), the item's sentence ending
/// at the line break; a group of dash items closed the same way; a topic
/// heading followed by a "Hoàn thành …" task of its own. (Công an thành
/// phố Huế L51–56, item 1.2.)
const DEADLINE_SENTENCE: &str = "BỘ CÔNG AN
CÔNG AN TỈNH NGHỆ AN

Số: 77/KH-CAT-PV01

Nghệ An, ngày 16 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Công ước quốc tế về các quyền dân sự và chính trị trong Công an tỉnh

II. NHIỆM VỤ CỤ THỂ
1. Công tác tham mưu, xây dựng pháp luật
1.1. Phòng Tham mưu (PV01) chủ trì tham mưu Ban Giám đốc chỉ đạo thực hiện nghiêm các quy định của Công ước. Thời gian: thường xuyên.
1.2. PV01 chủ trì, phối hợp với Phòng Hồ sơ (PV06) rà soát các văn bản hướng dẫn về bảo vệ quyền con người trong lực lượng Công an tỉnh.
Hoàn thành trước ngày 30/6/2026.
2. Công tác bồi dưỡng
- Phòng Tổ chức cán bộ (PX01) biên soạn tài liệu bồi dưỡng về quyền dân sự và chính trị;
- PX01 tổ chức tập huấn cho điều tra viên, cán bộ quản lý giam giữ.
Hoàn thành trong quý IV/2026.
3. Công tác tuyên truyền
Hoàn thành việc xây dựng chuyên mục tuyên truyền trên Trang thông tin điện tử Công an tỉnh trong quý III/2026.
";

#[test]
fn a_deadline_sentence_on_its_own_line_dates_the_item_above() {
    let i = import(DEADLINE_SENTENCE);
    // The item is a task with its own lead, dated by the sentence after it.
    let review = task(&i, "rà soát các văn bản hướng dẫn");
    assert_eq!(ids(review, Role::Lead).len(), 1, "{review:#?}");
    assert!(
        review
            .deadline_text
            .as_deref()
            .is_some_and(|d| d.contains("30/6/2026")),
        "{review:#?}"
    );
    // Not a lead-less task of its own.
    assert!(!i
        .plan
        .obligations
        .iter()
        .any(|o| o.text.starts_with("Hoàn thành trước")));
    // A group of dash items closed by it: each dated.
    for snippet in ["biên soạn tài liệu", "tổ chức tập huấn"] {
        let o = task(&i, snippet);
        assert!(
            o.deadline_text
                .as_deref()
                .is_some_and(|d| d.contains("quý IV/2026")),
            "{snippet}: {o:#?}"
        );
    }
    no_task(&i, |t| t.starts_with("Hoàn thành trong quý IV"));
    // Under a heading (no stop), the sentence is a task of its own.
    task(&i, "Hoàn thành việc xây dựng chuyên mục");
}

/// Khánh Hòa, 2023: two dash items of one theme, each closing with its
/// labelled parenthesis of roles, and an appendix row restating the
/// first only; the second shares most of the row's words but names as
/// its lead a body the row gives only a support. (Lâm Đồng II.1-2 took
/// row PL.1 and its lead Sở Tư pháp over its own Công an tỉnh.)
const ROW_LEAD_ELSEWHERE: &str = "ỦY BAN NHÂN DÂN
TỈNH KHÁNH HÒA

Số: 2210/KH-UBND

Khánh Hòa, ngày 02 tháng 6 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh

II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện pháp luật về phòng, chống tra tấn
- Rà soát, đánh giá sự tương thích của các dự thảo văn bản quy phạm pháp luật với Công ước CAT (Thời gian: hằng năm; Cơ quan chủ trì: Sở Tư pháp; Cơ quan phối hợp: Công an tỉnh, Viện kiểm sát nhân dân tỉnh).
- Xây dựng báo cáo đánh giá sự tương thích của pháp luật hiện hành về tố tụng với Công ước CAT (Thời gian: năm 2024; Cơ quan chủ trì: Công an tỉnh; Cơ quan phối hợp: Sở Tư pháp, Viện kiểm sát nhân dân tỉnh).

PHỤ LỤC
STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian
1\tRà soát, đánh giá sự tương thích của dự thảo văn bản pháp luật với Công ước CAT\tSở Tư pháp\tCông an tỉnh, Viện kiểm sát nhân dân tỉnh\tHằng năm
";

#[test]
fn a_row_whose_lead_the_item_makes_a_support_restates_another_item() {
    let i = import(ROW_LEAD_ELSEWHERE);
    let review = task(&i, "Rà soát, đánh giá sự tương thích của các dự thảo");
    assert_eq!(review.restates.as_deref(), Some("PL.1"));
    let report = task(&i, "Xây dựng báo cáo đánh giá");
    assert_eq!(report.restates, None, "{report:#?}");
    assert_eq!(ids(report, Role::Lead), ["province:police"]);
    assert!(ids(report, Role::Support).contains(&"province:justice".to_string()));
}

/// Huyện Đức Phổ, 2023: a parenthesis of roles naming, beside the lead,
/// bodies that carry out their own share ("… thực hiện theo chức năng,
/// nhiệm vụ được giao", "… thực hiện theo thẩm quyền"), one of them
/// asked. The sentence form ("Thanh tra tỉnh chủ trì; Ủy ban nhân dân
/// các xã, phường thực hiện theo thẩm quyền") already made them doers.
const REMIT_IN_PARENTHESIS: &str = "ỦY BAN NHÂN DÂN
HUYỆN ĐỨC PHỔ

Số: 45/KH-UBND

Đức Phổ, ngày 12 tháng 6 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn

II. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường kiểm tra việc tiếp nhận, giải quyết đơn thư, tin báo liên quan đến tra tấn (Thanh tra huyện chủ trì; các phòng, ban, ngành thực hiện theo chức năng, nhiệm vụ được giao; Ủy ban nhân dân các xã, thị trấn thực hiện theo thẩm quyền; đề nghị Viện kiểm sát nhân dân huyện thực hiện theo thẩm quyền; thời gian: hằng năm).
";

#[test]
fn bodies_carrying_their_share_in_a_parenthesis_are_doers() {
    let i = import(REMIT_IN_PARENTHESIS);
    let o = task(&i, "Tăng cường kiểm tra");
    let leads = ids(o, Role::Lead);
    for id in [
        "district:inspection",
        "collective:district_offices",
        "collective:commune_committees",
        "district:procuracy",
    ] {
        assert!(leads.contains(&id.to_string()), "{id}: {leads:?}");
    }
    assert_eq!(requested(o), ["district:procuracy"]);
    assert_eq!(o.deadline_text.as_deref(), Some("hằng năm"));
}

/// Công an tỉnh Hà Tĩnh, 2026: a lead-in item whose dash lines each name
/// their lead, closed by a line monitoring them that carries the shared
/// deadline ("Phòng Tham mưu theo dõi, đôn đốc chung. Thời gian: …").
/// (Công an thành phố Huế L72–83, item 1.5.)
const MONITOR_LINE_DATES_ITS_RUN: &str = "BỘ CÔNG AN
CÔNG AN TỈNH HÀ TĨNH

Số: 310/KH-CAT-PV01

Hà Tĩnh, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Công ước quốc tế về các quyền dân sự và chính trị trong Công an tỉnh

II. NHIỆM VỤ CỤ THỂ
2. Thực hiện chương trình quốc gia
2.3. Thực hiện các chương trình quốc gia thuộc trách nhiệm của lực lượng Công an, trong đó:
- Phòng Cảnh sát hình sự (PC02) chủ trì tổng kết Chương trình phòng, chống mua bán người trước ngày 30/6/2026;
- Phòng Cảnh sát điều tra tội phạm về ma túy (PC04) chủ trì thực hiện Chương trình phòng, chống ma túy trên địa bàn tỉnh;
- Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06) chủ trì thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư.
Phòng Tham mưu (PV01) theo dõi, đôn đốc chung. Thời gian: năm 2026.
";

#[test]
fn a_monitoring_line_closing_a_run_dates_the_items_that_give_none() {
    let i = import(MONITOR_LINE_DATES_ITS_RUN);
    for snippet in ["Chương trình phòng, chống ma túy", "Đề án phát triển"] {
        let o = task(&i, snippet);
        assert_eq!(o.deadline_text.as_deref(), Some("năm 2026"), "{snippet}");
    }
    // The item dating itself keeps its own.
    let own = task(&i, "mua bán người");
    assert!(
        own.deadline_text
            .as_deref()
            .is_some_and(|d| d.contains("30/6/2026")),
        "{own:#?}"
    );
    assert_eq!(
        task(&i, "theo dõi, đôn đốc chung").deadline_text.as_deref(),
        Some("năm 2026")
    );
}

/// Sở Tư pháp Bắc Ninh, 2026: "3. Chế độ thông tin, báo cáo" over dash
/// lines, the last naming no subject ("Báo cáo đột xuất thực hiện theo
/// yêu cầu …"). (Công an thành phố Huế L186: lead "Chế độ".)
const TOPIC_HEADING_NAMES_NOBODY: &str = "UBND TỈNH BẮC NINH
SỞ TƯ PHÁP

Số: 52/KH-STP

Bắc Ninh, ngày 20 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Công ước quốc tế về các quyền dân sự và chính trị

IV. TỔ CHỨC THỰC HIỆN
1. Phòng Phổ biến, giáo dục pháp luật theo dõi, đôn đốc việc thực hiện Kế hoạch.
3. Chế độ thông tin, báo cáo
- Các phòng, đơn vị thuộc Sở báo cáo kết quả thực hiện về Sở trước ngày 10/10 hằng năm.
- Báo cáo đột xuất thực hiện theo yêu cầu của Bộ Tư pháp, Ủy ban nhân dân tỉnh.
";

#[test]
fn a_topic_heading_gives_its_duties_no_lead() {
    let i = import(TOPIC_HEADING_NAMES_NOBODY);
    let o = task(&i, "Báo cáo đột xuất");
    assert!(
        o.assignments
            .iter()
            .all(|a| !a.agency.id.starts_with("unresolved:")),
        "{o:#?}"
    );
}
