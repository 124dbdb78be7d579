//! Plan shapes the importer first met in session 20's written plans (quận
//! Lê Chân, Sở Nội vụ Đồng Nai), each written here the way another
//! province would write it. Each test fails without the change it is
//! named for.

mod common;
use common::{ids, import, requested, task};

use obligraph_core::Role;

/// Huyện Điện Bàn (Quảng Nam), 2023: each item closes with a parenthesis
/// of labels, in either case, with requested bodies inside it.
const LABELLED_PARENS: &str = "ỦY BAN NHÂN DÂN HUYỆN ĐIỆN BÀN
Số: 205/KH-UBND
Điện Bàn, ngày 12 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn huyện
I. MỤC ĐÍCH, YÊU CẦU
- Xác định trách nhiệm của các cơ quan, đơn vị.
II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát, sửa chữa cơ sở vật chất của nhà tạm giữ và nơi tiếp công dân (Đơn vị chủ trì: Công an huyện, Ủy ban nhân dân các xã, thị trấn theo thẩm quyền; đề nghị Viện kiểm sát nhân dân huyện thực hiện theo thẩm quyền; thời gian thực hiện: hằng năm).
2. Biên soạn tài liệu tuyên truyền về Công ước trong năm 2024 và phát hành đến các thôn, khối phố (cơ quan chủ trì: Phòng Tư pháp huyện; đơn vị phối hợp: Công an huyện, các cơ quan, đơn vị có liên quan; đề nghị Tòa án nhân dân huyện phối hợp; thời hạn: năm 2025).
III. TỔ CHỨC THỰC HIỆN
Giao Phòng Tư pháp huyện theo dõi, đôn đốc việc thực hiện Kế hoạch này.
";

#[test]
fn a_parenthesis_of_labels_gives_lead_supports_requests_and_deadline() {
    let i = import(LABELLED_PARENS);
    let a = task(&i, "Rà soát, sửa chữa");
    assert_eq!(
        ids(a, Role::Lead),
        [
            "collective:commune_committees",
            "district:police",
            "district:procuracy"
        ],
        "{a:#?}"
    );
    let asked = requested(a);
    assert_eq!(asked, ["district:procuracy"]);
    assert_eq!(a.deadline_text.as_deref(), Some("hằng năm"));

    let b = task(&i, "Biên soạn tài liệu");
    assert_eq!(ids(b, Role::Lead), ["district:justice"], "{b:#?}");
    assert_eq!(
        ids(b, Role::Support),
        ["collective:related", "district:court", "district:police"],
        "{b:#?}"
    );
    assert!(b
        .assignments
        .iter()
        .all(|x| x.requested == (x.agency.id == "district:court")));
    // The label's deadline, not "trong năm 2024 …" of the task's words.
    assert_eq!(b.deadline_text.as_deref(), Some("năm 2025"));
}

/// Thị xã Điện Bàn wording: partners ending with the collective "các
/// phòng, ban, ngành" before the task's verb keep all its nouns.
#[test]
fn a_collective_of_offices_keeps_its_nouns_after_phoi_hop_voi() {
    use obligraph_vn::agency::AgencyContext;
    use obligraph_vn::roles::sentence_roles;
    let r = sentence_roles(
        "Giao Phòng Văn hóa và Thông tin thị xã chủ trì, phối hợp với Công an thị xã và các phòng, ban, ngành tăng cường tuyên truyền về Công ước",
        &AgencyContext::default(),
    );
    let written: Vec<&str> = r
        .assignments
        .iter()
        .filter(|a| a.role == Role::Support)
        .map(|a| a.as_written.as_str())
        .collect();
    assert_eq!(written.last(), Some(&"các phòng, ban, ngành"), "{r:#?}");
}

/// Huyện Cam Lâm (Khánh Hòa) wording: the motto's line follows the
/// issuer's lines with no blank line between, read as one paragraph.
#[test]
fn the_issuer_stops_at_the_national_motto() {
    let i = import(
        "ỦY BAN NHÂN DÂN
HUYỆN CAM LÂM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 96/KH-UBND
Cam Lâm, ngày 05 tháng 5 năm 2023

KẾ HOẠCH
Triển khai Công ước chống tra tấn trên địa bàn huyện

II. NHIỆM VỤ, GIẢI PHÁP
1. Tổ chức tuyên truyền về Công ước (Cơ quan chủ trì: Phòng Tư pháp huyện; thời gian: hằng năm).
",
    );
    assert_eq!(
        i.plan.issuer.as_deref(),
        Some("Ủy ban nhân dân huyện Cam Lâm")
    );
}
