//! Plan shapes the importer met reading the written plans again in
//! session 22 (Sở Tư pháp Bình Thuận, Đà Nẵng, quận Lê Chân, Sở Nội vụ
//! Đồng Nai), each written here the way another province would write it.
//! Each test fails without the change it is named for.

mod common;
use common::{ids, import, requested, task};

use obligraph_core::Role;
use obligraph_vn::Import;

/// Asserts that no obligation of `i` opens with `prefix` (a line read as
/// what it is not: a heading, a role line, a label).
fn no_task_opens(i: &Import, prefix: &str) {
    assert!(
        i.plan
            .obligations
            .iter()
            .all(|o| !o.text.starts_with(prefix)),
        "{prefix}: {:#?}",
        i.plan.obligations
    );
}

/// Tỉnh Quảng Nam, 2026: the tasks part only names the appendix's groups,
/// each pointing at its part ("… (chi tiết tại mục II Phụ lục)").
const GROUPS_POINTING_AT_THE_APPENDIX: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
Số: 58/KH-UBND
Quảng Nam, ngày 20 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ nhiệm vụ của các cơ quan, đơn vị.
II. NHIỆM VỤ CỤ THỂ
Các nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp và thời gian thực hiện được nêu tại Phụ lục kèm theo, gồm hai nhóm:
1. Hoàn thiện thể chế về quyền dân sự và chính trị (chi tiết tại mục I Phụ lục).
2. Tuyên truyền, phổ biến về quyền dân sự và chính trị (chi tiết tại mục II Phụ lục kèm theo).
III. TỔ CHỨC THỰC HIỆN
Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch này.

PHỤ LỤC
STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện
I\tHOÀN THIỆN THỂ CHẾ\t\t\t
1\tRà soát các văn bản quy phạm pháp luật của tỉnh về quyền dân sự\tSở Tư pháp\tCác sở, ngành\tNăm 2026
II\tTUYÊN TRUYỀN, PHỔ BIẾN\t\t\t
2\tTuyên truyền Công ước trên báo chí của tỉnh\tSở Văn hóa, Thể thao và Du lịch\tSở Tư pháp\tHằng năm
";

#[test]
fn a_group_heading_pointing_at_its_part_of_the_appendix_is_no_task() {
    let i = import(GROUPS_POINTING_AT_THE_APPENDIX);
    no_task_opens(&i, "Hoàn thiện thể chế");
    no_task_opens(&i, "Tuyên truyền, phổ biến về quyền");
    // The appendix's rows are still read.
    let row = task(&i, "Tuyên truyền Công ước trên báo chí");
    assert_eq!(
        ids(row, Role::Lead),
        ["province:culture_sports_tourism"],
        "{row:#?}"
    );
}

/// Thị xã Điện Bàn (Quảng Nam), 2023: dashed items, then a "Giao …" line
/// that assigns them all, closing with the output ("sản phẩm là …,
/// hoàn thành …") or with the partners' scope written inside their list
/// ("các phòng, ban, ngành trong phạm vi chức năng, nhiệm vụ được giao và
/// …").
const GIAO_LINE_UNDER_DASHES: &str = "ỦY BAN NHÂN DÂN THỊ XÃ ĐIỆN BÀN
Số: 45/KH-UBND
Điện Bàn, ngày 10 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn thị xã
I. MỤC ĐÍCH, YÊU CẦU
- Xác định trách nhiệm của các cơ quan, đơn vị.
II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát, hoàn thiện pháp luật về phòng, chống tra tấn

- Rà soát, đánh giá việc thực hiện các quy định pháp luật về phòng, chống tra tấn trên địa bàn thị xã.

- Kịp thời kiến nghị cấp có thẩm quyền sửa đổi, bổ sung các văn bản chưa phù hợp.

Giao Phòng Tư pháp thị xã chủ trì, phối hợp với Công an thị xã và các phòng, ban, ngành có liên quan thực hiện; sản phẩm là báo cáo kết quả rà soát, hoàn thành trong Quý IV/2023.

2. Bồi thường, hỗ trợ nạn nhân của hành vi tra tấn

- Nâng cao chất lượng giải quyết yêu cầu bồi thường nhà nước trong hoạt động tố tụng hình sự.

- Hỗ trợ kịp thời cho nạn nhân của hành vi tra tấn và gia đình họ.

Giao Phòng Tư pháp thị xã chủ trì, phối hợp với Công an thị xã, các phòng, ban, ngành trong phạm vi chức năng, nhiệm vụ được giao và Ủy ban nhân dân các xã, phường thực hiện hằng năm; đề nghị Tòa án nhân dân thị xã phối hợp theo thẩm quyền.

III. TỔ CHỨC THỰC HIỆN
Phòng Tư pháp thị xã theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn a_giao_line_with_its_output_assigns_the_dashes_above() {
    let i = import(GIAO_LINE_UNDER_DASHES);
    for snippet in ["Rà soát, đánh giá việc thực hiện", "Kịp thời kiến nghị"] {
        let t = task(&i, snippet);
        assert_eq!(ids(t, Role::Lead), ["district:justice"], "{t:#?}");
        assert_eq!(
            ids(t, Role::Support),
            ["collective:district_offices", "district:police"],
            "{t:#?}"
        );
        assert_eq!(
            t.deadline_text.as_deref(),
            Some("hoàn thành trong Quý IV/2023")
        );
        assert_eq!(t.output.as_deref(), Some("báo cáo kết quả rà soát"));
    }
}

#[test]
fn a_scope_inside_the_partners_list_keeps_the_giao_line_a_role_line() {
    let i = import(GIAO_LINE_UNDER_DASHES);
    for snippet in [
        "Nâng cao chất lượng giải quyết",
        "Hỗ trợ kịp thời cho nạn nhân",
    ] {
        let t = task(&i, snippet);
        assert_eq!(ids(t, Role::Lead), ["district:justice"], "{t:#?}");
        assert_eq!(
            ids(t, Role::Support),
            [
                "collective:commune_committees",
                "collective:district_offices",
                "district:court",
                "district:police"
            ],
            "{t:#?}"
        );
        assert_eq!(t.deadline_text.as_deref(), Some("hằng năm"));
    }
    no_task_opens(&i, "Giao Phòng Tư pháp");
}

/// Sở Nội vụ Khánh Hòa, 2024: each item's roles, text and deadline in a
/// block of labelled lines ("Đơn vị chủ trì" / "Nội dung" / "Thời gian
/// thực hiện"), the text not first.
const CONTENT_IN_A_LABEL_BLOCK: &str = "SỞ NỘI VỤ TỈNH KHÁNH HÒA
Số: 512/KH-SNV
Khánh Hòa, ngày 15 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ trách nhiệm của các phòng, đơn vị.
II. NHIỆM VỤ CỤ THỂ
1. Rà soát chính sách đối với người khuyết tật

a) Về chính sách trợ giúp xã hội:

- Đơn vị chủ trì: Phòng Bảo trợ xã hội.

- Nội dung: Rà soát, đánh giá việc thực hiện chính sách trợ giúp xã hội đối với người khuyết tật; đề xuất sửa đổi các quy định chưa phù hợp.

- Đơn vị phối hợp: Văn phòng Sở và các phòng, đơn vị thuộc Sở.

- Thời gian thực hiện: Quý III/2024.

2. Bảo đảm quyền tiếp cận việc làm

- Đơn vị chủ trì: Văn phòng Sở.

- Nội dung: Hỗ trợ người khuyết tật tiếp cận các dịch vụ việc làm trên địa bàn tỉnh.

- Thời gian thực hiện: Hằng năm.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn a_content_label_is_the_text_of_the_item_its_block_is_of() {
    let i = import(CONTENT_IN_A_LABEL_BLOCK);
    let a = task(&i, "Rà soát, đánh giá việc thực hiện chính sách");
    assert!(
        a.text.starts_with("Về chính sách trợ giúp xã hội: Rà soát"),
        "{a:#?}"
    );
    assert_eq!(
        ids(a, Role::Support),
        ["collective:units", "unit:office"],
        "{a:#?}"
    );
    assert_eq!(a.deadline_text.as_deref(), Some("Quý III/2024"));
    let b = task(&i, "Hỗ trợ người khuyết tật tiếp cận");
    assert_eq!(ids(b, Role::Lead), ["unit:office"], "{b:#?}");
    assert_eq!(b.deadline_text.as_deref(), Some("Hằng năm"));
    // No item is the label line itself.
    no_task_opens(&i, "Nội dung");
}

/// Tỉnh Ninh Thuận, 2023: two bodies leading together ("X và Y cùng chủ
/// trì"), and bodies asked to join the work ("đề nghị X, Y cùng thực
/// hiện, Z phối hợp").
const TOGETHER: &str = "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN
Số: 2034/KH-UBND
Ninh Thuận, ngày 12 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ trách nhiệm của các cơ quan, đơn vị.
II. NHIỆM VỤ
1. Sở Tư pháp và Sở Y tế cùng chủ trì nâng cao chất lượng giám định pháp y phục vụ giải quyết các vụ việc liên quan đến tra tấn; thời gian: hằng năm.
2. Xây dựng cơ sở dữ liệu về bồi thường thiệt hại cho nạn nhân bị tra tấn. Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ; đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh cùng thực hiện, các sở, ngành, Ủy ban nhân dân cấp huyện phối hợp. Thời gian: năm 2024.
III. TỔ CHỨC THỰC HIỆN
Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn bodies_leading_or_asked_together() {
    let i = import(TOGETHER);
    let a = task(&i, "giám định pháp y");
    assert_eq!(
        ids(a, Role::Lead),
        ["province:health", "province:justice"],
        "{a:#?}"
    );
    let b = task(&i, "Xây dựng cơ sở dữ liệu");
    assert_eq!(
        ids(b, Role::Lead),
        ["province:court", "province:justice", "province:procuracy"],
        "{b:#?}"
    );
    assert_eq!(
        requested(b),
        [
            "province:procuracy",
            "province:court",
            "collective:departments",
            "collective:district_committees"
        ],
        "{b:#?}"
    );
}

/// Sở Tư pháp Quảng Ngãi, 2023: the department's office that drafts and
/// reviews legal documents and monitors law enforcement, its name holding
/// a comma, broken across two lines.
const MERGED_LEGISLATION_OFFICE: &str = "SỞ TƯ PHÁP TỈNH QUẢNG NGÃI
Số: 640/KH-STP
Quảng Ngãi, ngày 05 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn của Sở Tư pháp
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ trách nhiệm của các phòng, đơn vị thuộc Sở.
II. NHIỆM VỤ
1. Góp ý các dự thảo văn bản quy phạm pháp luật có liên quan đến phòng, chống tra tấn, bảo đảm tính tương thích với Công ước. Giao Phòng Xây dựng, kiểm tra văn bản và theo dõi
thi hành pháp luật chủ trì, phối hợp với Thanh tra Sở thực hiện; thời gian: hằng năm.
2. Giao Thanh tra Sở chủ trì, phối hợp với Phòng Xây dựng, kiểm tra văn bản và theo dõi thi hành pháp luật kiểm tra việc giải quyết khiếu nại, tố cáo liên quan đến tra tấn; thời gian: hằng năm.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn the_merged_legislation_office_is_one_name() {
    let i = import(MERGED_LEGISLATION_OFFICE);
    let a = task(&i, "Góp ý các dự thảo");
    assert_eq!(ids(a, Role::Lead), ["unit:legislation"], "{a:#?}");
    assert_eq!(ids(a, Role::Support), ["unit:inspection"], "{a:#?}");
    let b = task(&i, "kiểm tra việc giải quyết khiếu nại");
    assert_eq!(ids(b, Role::Lead), ["unit:inspection"], "{b:#?}");
    assert_eq!(ids(b, Role::Support), ["unit:legislation"], "{b:#?}");
}

/// Huyện Ba Tơ (Quảng Ngãi), 2023: a role line under an item in which the
/// issuer asks bodies it cannot direct ("Ủy ban nhân dân huyện đề nghị X,
/// Y phối hợp, cung cấp thông tin").
const ISSUER_ASKS_IN_A_ROLE_LINE: &str = "ỦY BAN NHÂN DÂN HUYỆN BA TƠ
Số: 150/KH-UBND
Ba Tơ, ngày 20 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ trách nhiệm của các cơ quan, đơn vị.
II. NHIỆM VỤ
1. Rà soát các văn bản của huyện có liên quan đến phòng, chống tra tấn, kiến nghị sửa đổi những quy định chưa phù hợp.
Phòng Tư pháp huyện chủ trì; Công an huyện phối hợp. Ủy ban nhân dân huyện đề nghị Viện kiểm sát nhân dân huyện, Tòa án nhân dân huyện phối hợp, cung cấp thông tin.
Thời gian: năm 2024.
III. TỔ CHỨC THỰC HIỆN
Phòng Tư pháp huyện theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn a_role_line_where_the_issuer_asks_assigns_the_item_above() {
    let i = import(ISSUER_ASKS_IN_A_ROLE_LINE);
    let a = task(&i, "Rà soát các văn bản của huyện");
    assert_eq!(ids(a, Role::Lead), ["district:justice"], "{a:#?}");
    assert_eq!(
        requested(a),
        ["district:procuracy", "district:court"],
        "{a:#?}"
    );
    assert_eq!(a.deadline_text.as_deref(), Some("năm 2024"));
    no_task_opens(&i, "Phòng Tư pháp huyện chủ trì");
}
