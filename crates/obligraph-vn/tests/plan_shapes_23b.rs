//! Plan shapes the importer met reading two plans written blind in
//! session 23 (phường Máy Chai, a ward's tasks in one table inside part
//! II; Sở Văn hóa và Thể thao Huế, a department handing tasks to its
//! units), each written here the way another province would write it.
//! Each test fails without the change it is named for.

mod common;
use common::{ids, import, task};

use obligraph_core::{ObligationKind, Role};
use obligraph_vn::UnattributedReason;

/// Xã Tam Hòa (huyện Núi Thành, Quảng Nam), 2024: the tasks part opens with a sentence
/// leading into the table ("… giao nhiệm vụ cụ thể như sau:"), the table's
/// groups numbered I, II, and part III follows the table.
const LEAD_IN_BEFORE_THE_TABLE: &str = "ỦY BAN NHÂN DÂN HUYỆN NÚI THÀNH
ỦY BAN NHÂN DÂN XÃ TAM HÒA
Số: 41/KH-UBND
Tam Hòa, ngày 12 tháng 5 năm 2024
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn xã
I. MỤC ĐÍCH, YÊU CẦU
- Phân công rõ bộ phận chủ trì, phối hợp.

II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN

Ủy ban nhân dân xã giao nhiệm vụ cụ thể như sau:

TT\tNội dung\tBộ phận chủ trì\tBộ phận phối hợp\tThời hạn
I\tThực thi pháp luật\t\t\t
1\tTiếp nhận tin báo, tố giác tội phạm liên quan đến tra tấn\tCông an xã\tCông chức Tư pháp - Hộ tịch\tThường xuyên
II\tTuyên truyền\t\t\t
2\tTuyên truyền Công ước trên loa truyền thanh của xã\tCông chức Văn hóa - Xã hội\tCông an xã\tHằng năm

III. TỔ CHỨC THỰC HIỆN

1. Công an xã

- Theo dõi, đôn đốc các bộ phận thực hiện các nhiệm vụ được giao tại Mục II.

2. Công chức Tư pháp - Hộ tịch

- Tổng hợp kết quả thực hiện, tham mưu Ủy ban nhân dân xã báo cáo Ủy ban nhân dân huyện trước ngày 15/11 hằng năm.
";

#[test]
fn a_sentence_leading_into_the_body_s_table_is_no_task_and_part_iii_is_read() {
    let i = import(LEAD_IN_BEFORE_THE_TABLE);
    assert!(
        !i.plan
            .obligations
            .iter()
            .any(|o| o.text.contains("giao nhiệm vụ cụ thể")),
        "{:#?}",
        i.plan.obligations
    );
    // The rows are part II's items, not an appendix's.
    let row = task(&i, "Tiếp nhận tin báo");
    assert_eq!(row.id, "II.I.1");
    assert!(
        !i.plan.sections.iter().any(|s| s.id.starts_with("PL")),
        "{:#?}",
        i.plan.sections
    );
    // Part III after the table is read.
    let monitor = task(&i, "Theo dõi, đôn đốc các bộ phận");
    assert_eq!(monitor.kind, ObligationKind::Monitor);
    assert_eq!(ids(monitor, Role::Lead), ["commune:police"]);
    let report = task(&i, "Tổng hợp kết quả thực hiện");
    assert_eq!(
        report.deadline_text.as_deref(),
        Some("trước ngày 15/11 hằng năm")
    );
    assert!(
        !i.unattributed
            .iter()
            .any(|u| u.reason == UnattributedReason::Unrecognised),
        "{:#?}",
        i.unattributed
    );
}

/// The same ward plan whose sentence before the table closes with a
/// full stop, not a colon ("… theo bảng sau."): the table stays an
/// appendix of its own, but part III under it is read, not set aside.
#[test]
fn the_body_goes_on_after_a_table_with_no_heading() {
    let text = LEAD_IN_BEFORE_THE_TABLE.replace(
        "giao nhiệm vụ cụ thể như sau:",
        "giao nhiệm vụ cụ thể theo bảng sau.",
    );
    let i = import(&text);
    let monitor = task(&i, "Theo dõi, đôn đốc các bộ phận");
    assert_eq!(monitor.kind, ObligationKind::Monitor);
    assert_eq!(ids(monitor, Role::Lead), ["commune:police"]);
    task(&i, "Tổng hợp kết quả thực hiện");
    assert!(
        !i.unattributed.iter().any(|u| u.line > 20),
        "{:#?}",
        i.unattributed
    );
}

/// Phường Hòa Thuận (Tam Kỳ, Quảng Nam), 2023: the heads of the
/// residential groups ("Tổ trưởng các tổ dân phố") support a row, and the
/// ward's finance official funds the plan "từ dự toán ngân sách phường
/// hằng năm".
const WARD_ROWS_AND_FUNDING: &str = "ỦY BAN NHÂN DÂN THÀNH PHỐ TAM KỲ
ỦY BAN NHÂN DÂN PHƯỜNG HÒA THUẬN
Số: 27/KH-UBND
Hòa Thuận, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn phường
II. NHIỆM VỤ
1. Tuyên truyền Công ước trong các buổi sinh hoạt tổ dân phố (Công chức Văn hóa - Xã hội chủ trì; Tổ trưởng tổ dân phố phối hợp).
2. Niêm yết địa chỉ trợ giúp pháp lý tại nhà văn hóa (Công chức Tư pháp - Hộ tịch chủ trì; Tổ trưởng các tổ dân phố phối hợp).
III. TỔ CHỨC THỰC HIỆN
1. Công chức Tài chính - Kế toán
Tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách phường hằng năm; hướng dẫn thanh toán theo quy định.
";

#[test]
fn the_heads_of_residential_groups_are_the_ward_s_own() {
    let i = import(WARD_ROWS_AND_FUNDING);
    for snippet in ["sinh hoạt tổ dân phố", "Niêm yết địa chỉ"] {
        let row = task(&i, snippet);
        assert_eq!(
            ids(row, Role::Support),
            ["commune:residential_boards"],
            "{row:#?}"
        );
    }
}

#[test]
fn a_yearly_budget_dates_no_task() {
    let i = import(WARD_ROWS_AND_FUNDING);
    let funds = task(&i, "bố trí kinh phí");
    assert_eq!(funds.deadline_text, None, "{funds:#?}");
    assert_eq!(funds.deadline, None);
}

/// Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An, 2026: items handed to
/// the department's own offices and public service units, each followed
/// by its role line ("Giao Trung tâm Văn hóa - Điện ảnh tỉnh chủ trì, phối
/// hợp với Thư viện tỉnh."): the units are the department's, their names
/// kept whole, and each item keeps its text and takes the roles.
const UNITS_OF_A_CULTURE_DEPARTMENT: &str = "UBND TỈNH NGHỆ AN
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 312/KH-SVHTTDL
Nghệ An, ngày 16 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị trong ngành
II. NHIỆM VỤ
1. Truyền thông về quyền dân sự và chính trị
a) Tổ chức chiếu phim, thông tin lưu động về quyền dân sự và chính trị tại các xã miền núi
của tỉnh.
Giao Trung tâm Văn hóa - Điện ảnh tỉnh chủ trì, phối hợp với Thư viện tỉnh.
b) Luân chuyển sách, tài liệu về quyền dân sự và chính trị tới các cơ sở cai nghiện.
Giao Thư viện tỉnh chủ trì, phối hợp với Trung tâm Văn hóa - Điện ảnh tỉnh.
c) Lồng ghép nội dung Công ước trong các giải thể thao quần chúng.
Phòng Quản lý Thể dục thể thao chủ trì; Trung tâm Huấn luyện và Thi đấu thể thao tỉnh phối hợp.
";

#[test]
fn a_culture_department_s_units_take_its_items() {
    let i = import(UNITS_OF_A_CULTURE_DEPARTMENT);
    let films = task(&i, "chiếu phim, thông tin lưu động");
    assert_eq!(ids(films, Role::Lead), ["unit:culture_cinema_centre"]);
    assert_eq!(ids(films, Role::Support), ["unit:general_library"]);
    let books = task(&i, "Luân chuyển sách");
    assert_eq!(ids(books, Role::Lead), ["unit:general_library"]);
    assert_eq!(ids(books, Role::Support), ["unit:culture_cinema_centre"]);
    let sports = task(&i, "giải thể thao quần chúng");
    assert_eq!(ids(sports, Role::Lead), ["unit:sports_management"]);
    assert_eq!(ids(sports, Role::Support), ["unit:sports_training_centre"]);
    // No role line is left as a task of its own.
    assert!(
        !i.plan
            .obligations
            .iter()
            .any(|o| o.text.starts_with("Giao ")),
        "{:#?}",
        i.plan.obligations
    );
}
