//! Plan shapes the importer first met in session 21's written plans (Đà
//! Nẵng for QĐ 2715, Sở Tư pháp Bình Thuận), each written here the way
//! another province would write it. Each test fails without the change it
//! is named for.

mod common;
use common::{ids, import, task};

use obligraph_core::Role;

/// Tỉnh Quảng Ngãi wording: part II only points at the appendix, and a
/// hard line break leaves "Phụ lục)." at the head of a line; the duties
/// of "Tổ chức thực hiện" and the funding sentence follow it.
const POINTER_THEN_DUTIES: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 77/KH-UBND
Quảng Ngãi, ngày 20 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm quyền của người khuyết tật.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tuyên truyền, phổ biến nội dung Công ước (mục I
Phụ lục).
2. Hỗ trợ người khuyết tật tiếp cận dịch vụ (mục II Phụ lục).
III. KINH PHÍ
Kinh phí thực hiện do ngân sách nhà nước bảo đảm theo phân cấp
hiện hành. Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế tham mưu
Ủy ban nhân dân tỉnh bố trí kinh phí.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Y tế là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế
hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
2. Ủy ban nhân dân các xã, phường xây dựng kế hoạch của địa phương
mình, hoàn thành trong tháng 6/2026.
";

#[test]
fn a_line_opening_with_phu_luc_in_a_sentence_opens_no_appendix() {
    let i = import(POINTER_THEN_DUTIES);
    let report = task(&i, "trước ngày 15/12");
    assert_eq!(ids(report, Role::Lead), ["province:health"], "{report:#?}");
    let own = task(&i, "xây dựng kế hoạch của địa phương");
    assert_eq!(
        ids(own, Role::Lead),
        ["collective:commune_committees"],
        "{own:#?}"
    );
    assert!(
        !i.plan
            .sections
            .iter()
            .any(|s| s.title.starts_with("Phụ lục)")),
        "{:#?}",
        i.plan.sections
    );
}

/// Tỉnh Kon Tum wording: a table from a Word file, cells joined by TABs,
/// whose task cell a hard line break cut: the line after holds the rest
/// of that cell and the row's other cells.
const CUT_CELL: &str = "ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 58/KH-UBND
Kon Tum, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Chiến lược quốc gia về bình đẳng giới
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm bình đẳng giới.
II. NHIỆM VỤ
Nhiệm vụ cụ thể tại Phụ lục kèm theo.

PHỤ LỤC
STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tSản phẩm
1\tHỗ trợ phụ nữ vùng đồng bào dân tộc thiểu số giai đoạn 2026 -
2030 tiếp cận vốn vay ưu đãi\tSở Nội vụ\tSở Tài chính, UBND các xã\t2026 - 2030\tBáo cáo hằng năm
2\tTuyên truyền về bình đẳng giới\tSở Văn hóa, Thể thao và Du lịch\tSở Nội vụ\tHằng năm\tTin, bài
";

#[test]
fn a_cut_task_cell_keeps_the_row_in_its_columns() {
    let i = import(CUT_CELL);
    let a = task(&i, "tiếp cận vốn vay ưu đãi");
    assert!(a.text.contains("2026 - 2030 tiếp cận"), "{}", a.text);
    assert_eq!(ids(a, Role::Lead), ["province:home_affairs"], "{a:#?}");
    assert_eq!(
        ids(a, Role::Support),
        ["collective:commune_committees", "province:finance"],
        "{a:#?}"
    );
    assert_eq!(a.deadline_text.as_deref(), Some("2026 - 2030"));
    assert_eq!(a.output.as_deref(), Some("Báo cáo hằng năm"));
    assert_eq!((a.source.line_start, a.source.line_end), (13, 14));
}

/// Tỉnh Lào Cai wording, 2023 (districts still in place): bodies named
/// for each commune or district, their kinds listed after "các", and a
/// request closing a list of bodies outside the committee's command.
const EACH_LEVEL: &str = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 140/KH-UBND
Lào Cai, ngày 18 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức.
II. NHIỆM VỤ
Nhiệm vụ cụ thể tại Phụ lục kèm theo.

PHỤ LỤC
STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian
1\tTuyên truyền Công ước tại cơ sở\tSở Tư pháp\tPhòng Tư pháp các huyện, thị xã; đề nghị Ủy ban MTTQ Việt Nam các xã, thị trấn\tHằng năm
2\tTập huấn kỹ năng cho cán bộ tư pháp\tSở Tư pháp\tCông an tỉnh; Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh (đề nghị phối hợp)\tNăm 2024
";

#[test]
fn a_body_of_each_listed_level_is_one_body() {
    let i = import(EACH_LEVEL);
    let a = task(&i, "Tuyên truyền Công ước tại cơ sở");
    assert_eq!(
        ids(a, Role::Support),
        ["commune:fatherland_front", "district:justice"],
        "{a:#?}"
    );
    assert_eq!(common::requested(a), ["commune:fatherland_front"]);
}

#[test]
fn a_request_closing_a_list_asks_every_body_of_it() {
    let i = import(EACH_LEVEL);
    let a = task(&i, "Tập huấn kỹ năng");
    assert_eq!(
        ids(a, Role::Support),
        ["province:court", "province:police", "province:procuracy"],
        "{a:#?}"
    );
    assert_eq!(
        common::requested(a),
        ["province:court", "province:procuracy"],
        "{a:#?}"
    );
}

/// Sở Tư pháp Gia Lai wording: a group's items each name their lead, and
/// one line after them dates the whole group, naming it in words.
const GROUP_TIME: &str = "SỞ TƯ PHÁP TỈNH GIA LAI
Số: 512/KH-STP
Gia Lai, ngày 06 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn năm 2023
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao trách nhiệm của các phòng, đơn vị.
II. NHIỆM VỤ
3. Tham gia xây dựng báo cáo quốc gia

3.1. Giao Văn phòng Sở chủ trì cung cấp số liệu cho Công an tỉnh xây
dựng báo cáo định kỳ.

3.2. Giao Phòng Hành chính tư pháp chủ trì nghiên cứu các khuyến nghị
của Ủy ban chống tra tấn.

Thời hạn hoàn thành các nội dung tại mục 3: trong năm 2024.
";

#[test]
fn a_time_line_naming_its_group_dates_every_item() {
    let i = import(GROUP_TIME);
    for snippet in ["cung cấp số liệu", "nghiên cứu các khuyến nghị"] {
        let o = task(&i, snippet);
        assert_eq!(o.deadline_text.as_deref(), Some("trong năm 2024"), "{o:#?}");
    }
    assert!(
        !i.plan
            .obligations
            .iter()
            .any(|o| o.text.starts_with("Thời hạn")),
        "{:#?}",
        i.plan.obligations
    );
}

/// Sở Tư pháp Ninh Thuận wording: the bullets of an item each close with
/// the office that does them, "(… thực hiện)", no "chủ trì" written.
const DOER_PAREN: &str = "SỞ TƯ PHÁP TỈNH NINH THUẬN
Số: 730/KH-STP
Ninh Thuận, ngày 30 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn năm 2023
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao trách nhiệm của các phòng, đơn vị.
II. NHIỆM VỤ
1. Thống kê số liệu phục vụ báo cáo định kỳ, gồm:
- Số vụ việc trợ giúp pháp lý cho người bị buộc tội (Trung tâm Trợ giúp
pháp lý nhà nước tỉnh thực hiện);
- Số yêu cầu bồi thường trong hoạt động tố tụng (Phòng Hành chính tư pháp
thực hiện).
";

#[test]
fn a_parenthesis_naming_the_body_that_does_it_gives_the_lead() {
    let i = import(DOER_PAREN);
    let a = task(&i, "Số vụ việc trợ giúp pháp lý");
    assert_eq!(ids(a, Role::Lead), ["unit:legal_aid_centre"], "{a:#?}");
    let b = task(&i, "Số yêu cầu bồi thường");
    assert_eq!(
        ids(b, Role::Lead),
        ["unit:judicial_administration"],
        "{b:#?}"
    );
}
