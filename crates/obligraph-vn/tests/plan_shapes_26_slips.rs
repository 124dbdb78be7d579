//! Plan shapes the importer misread in the two plans written blind in
//! session 26 (xã Hàm Liêm, Sở Xây dựng Huế), each written here the way
//! another province would write it. Each test fails without the change
//! it is named for.

mod common;
use common::{ids, import, no_task, requested, task};

use obligraph_core::Role;

/// Phường Lộc Phát (Bảo Lộc, Lâm Đồng), 2023: each item followed by a
/// sentence of roles, written three ways the role-line reader did not
/// know: two leads each "chủ trì đối với" a part, a closing clause dating
/// the work within the bodies' remit, and a lead "tham mưu Chủ tịch …"
/// after its partners. (Hàm Liêm L55–L62.)
const ROLE_SENTENCES: &str = "ỦY BAN NHÂN DÂN THÀNH PHỐ BẢO LỘC
ỦY BAN NHÂN DÂN PHƯỜNG LỘC PHÁT
Số: 41/KH-UBND

Lộc Phát, ngày 05 tháng 7 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn phường

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Tiếp nhận, xử lý tin báo, đơn thư

1.1. Tiếp nhận, xử lý kịp thời tin báo về tội phạm và đơn khiếu nại, tố cáo liên quan đến hành vi dùng nhục hình, bức cung trên địa bàn phường.
Công an phường chủ trì đối với tin báo về tội phạm; công chức Văn phòng - Thống kê chủ trì đối với đơn khiếu nại, tố cáo; công chức Tư pháp - Hộ tịch phối hợp. Thời gian: thường xuyên.

1.2. Bảo đảm quyền của người bị tạm giữ theo thủ tục hành chính tại trụ sở Công an phường.
Công an phường chủ trì; công chức Văn hóa - Xã hội phối hợp; thực hiện thường xuyên theo chức năng, nhiệm vụ.

1.3. Kiểm tra việc chấp hành pháp luật trong giải quyết khiếu nại, tố cáo liên quan đến tra tấn; kịp thời chấn chỉnh sai sót.
Giao công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Công an phường tham mưu Chủ tịch Ủy ban nhân dân phường tổ chức thực hiện hằng năm.
";

#[test]
fn a_sentence_of_roles_under_an_item_is_its_roles_not_a_task() {
    let i = import(ROLE_SENTENCES);
    no_task(&i, |t| t.starts_with("Công an phường chủ trì"));
    no_task(&i, |t| t.starts_with("Giao công chức"));
    // Two leads, each of its part.
    let reports = task(&i, "Tiếp nhận, xử lý kịp thời");
    assert_eq!(
        ids(reports, Role::Lead),
        ["commune:police", "commune:post_office_statistics"]
    );
    assert_eq!(
        ids(reports, Role::Support),
        ["commune:post_justice_civil_status"]
    );
    let police = reports
        .assignments
        .iter()
        .find(|a| a.agency.id == "commune:police");
    assert_eq!(
        police.and_then(|a| a.scope.as_deref()),
        Some("đối với tin báo về tội phạm")
    );
    assert_eq!(reports.deadline_text.as_deref(), Some("thường xuyên"));
    // The deadline said within the bodies' remit.
    let custody = task(&i, "Bảo đảm quyền của người bị tạm giữ");
    assert_eq!(ids(custody, Role::Lead), ["commune:police"]);
    assert_eq!(
        ids(custody, Role::Support),
        ["commune:post_culture_society"]
    );
    assert_eq!(custody.deadline_text.as_deref(), Some("thường xuyên"));
    // The chairman the lead advises is no partner.
    let review = task(&i, "Kiểm tra việc chấp hành");
    assert_eq!(
        ids(review, Role::Lead),
        ["commune:post_justice_civil_status"]
    );
    assert_eq!(ids(review, Role::Support), ["commune:police"]);
    assert_eq!(review.deadline_text.as_deref(), Some("hằng năm"));
}

/// Xã Đạ Tẻh (Lâm Đồng), 2023: one block of labelled lines for items it
/// names by number, opened by its own line ("Các nhiệm vụ tại mục 1.2 và
/// 1.3:"), after the last of them; the item before them gives its own
/// roles. (Hàm Liêm L42–L51: "Đối với các nội dung tại điểm 1.4, 1.5 và
/// 1.6:".)
const BLOCK_FOR_NAMED_ITEMS: &str = "ỦY BAN NHÂN DÂN HUYỆN ĐẠ TẺH
ỦY BAN NHÂN DÂN XÃ ĐẠ KHO
Số: 77/KH-UBND

Đạ Kho, ngày 20 tháng 6 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn xã

II. NHIỆM VỤ CỤ THỂ

1. Tuyên truyền, phổ biến pháp luật

1.1. Tổ chức hội nghị phổ biến Công ước cho cán bộ, công chức xã.
Giao công chức Tư pháp - Hộ tịch chủ trì; thời gian: quý III/2023.

1.2. Tuyên truyền Công ước trên hệ thống loa truyền thanh của các thôn bằng tiếng Việt và tiếng dân tộc.

1.3. Lồng ghép nội dung Công ước vào các buổi sinh hoạt của chi hội, tổ hội ở thôn.

Các nhiệm vụ tại mục 1.2 và 1.3:
- Đơn vị chủ trì: công chức Văn hóa - Xã hội.
- Đơn vị phối hợp: Công an xã; đề nghị Hội Liên hiệp Phụ nữ xã phối hợp.
- Thời gian: hằng quý.
";

#[test]
fn a_block_opened_by_the_items_it_names_gives_them_its_labels() {
    let i = import(BLOCK_FOR_NAMED_ITEMS);
    no_task(&i, |t| t.starts_with("Các nhiệm vụ tại mục"));
    for snippet in ["Tuyên truyền Công ước trên", "Lồng ghép nội dung"] {
        let o = task(&i, snippet);
        assert_eq!(
            ids(o, Role::Lead),
            ["commune:post_culture_society"],
            "{snippet}"
        );
        assert_eq!(
            ids(o, Role::Support),
            ["commune:police", "commune:women_union"],
            "{snippet}"
        );
        assert_eq!(requested(o), ["commune:women_union"], "{snippet}");
        assert_eq!(o.deadline_text.as_deref(), Some("hằng quý"), "{snippet}");
    }
    // The item before keeps its own roles.
    let meeting = task(&i, "Tổ chức hội nghị");
    assert_eq!(
        ids(meeting, Role::Lead),
        ["commune:post_justice_civil_status"]
    );
    assert_eq!(meeting.deadline_text.as_deref(), Some("quý III/2023"));
}

/// Phường Phước Hội (La Gi, Bình Thuận), 2023: a part of reporting under
/// a heading that names the topic ("2. Chế độ báo cáo"), the commune's
/// own parts reporting ("Các bộ phận, cán bộ …"), a line giving the
/// period the figures cover. (Hàm Liêm L96–L99.)
const REPORTING_PART: &str = "ỦY BAN NHÂN DÂN THỊ XÃ LA GI
ỦY BAN NHÂN DÂN PHƯỜNG PHƯỚC HỘI
Số: 58/KH-UBND

Phước Hội, ngày 10 tháng 7 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn phường

III. TỔ CHỨC THỰC HIỆN

1. Công an phường
- Theo dõi, đôn đốc việc thực hiện Kế hoạch này.

2. Chế độ báo cáo
- Các bộ phận, cán bộ được phân công tại Phần II gửi báo cáo kết quả về Ủy ban nhân dân phường trước ngày 05/11 hằng năm.
- Định kỳ hằng năm báo cáo kết quả thực hiện về Ủy ban nhân dân thị xã trước ngày 15/11.
- Kỳ lấy số liệu: từ ngày 15/10 năm trước đến ngày 14/10 năm báo cáo.
";

#[test]
fn a_reporting_heading_names_no_lead_and_the_period_is_no_task() {
    let i = import(REPORTING_PART);
    // The commune's parts, not the ministries ("các bộ").
    let parts = task(&i, "Các bộ phận, cán bộ");
    let leads = ids(parts, Role::Lead);
    assert!(
        !leads.contains(&"collective:ministries".to_string()),
        "{leads:?}"
    );
    assert!(
        leads.contains(&"collective:related".to_string()),
        "{leads:?}"
    );
    // Neither the topic heading nor the words saying when are a body.
    let yearly = task(&i, "Định kỳ hằng năm báo cáo");
    assert!(
        yearly
            .assignments
            .iter()
            .all(|a| !a.agency.id.starts_with("unresolved:")),
        "{:?}",
        yearly.assignments
    );
    // The period of the figures is no task; its line is read.
    no_task(&i, |t| t.starts_with("Kỳ lấy số liệu"));
    assert!(i.unattributed.iter().all(|u| !u.text.contains("Kỳ lấy")));
}

/// Sở Xây dựng Quảng Ngãi, 2026: bodies given a short form in words
/// ("(sau đây viết tắt là Phòng PTĐT&HTKT)", "(sau đây gọi tắt là Trung
/// tâm)") and named by it after; a unit's duty pointing at its own item
/// and, as a partner, at another's ("phối hợp với Văn phòng Sở thực hiện
/// nhiệm vụ tại khoản 1 Mục III"). (Sở Xây dựng Huế L65–L112.)
const SHORT_FORMS: &str = "UBND TỈNH QUẢNG NGÃI
SỞ XÂY DỰNG

Số: 52/KH-SXD

Quảng Ngãi, ngày 15 tháng 02 năm 2026

KẾ HOẠCH
Triển khai Đề án 65 năm 2026 tại Sở Xây dựng

III. NHIỆM VỤ CỤ THỂ
1. Biên soạn tài liệu
Văn phòng Sở chủ trì, phối hợp với Phòng Quy hoạch - Kiến trúc và Trung tâm Kiểm định chất lượng xây dựng tỉnh (sau đây gọi tắt là Trung tâm) cập nhật tài liệu hỏi - đáp về phòng, chống tra tấn. Thời gian: quý II/2026.
2. Đăng tải tin bài
Giao Trung tâm chủ trì đăng tải tin, bài trên Trang thông tin điện tử của Sở. Thời gian: năm 2026.
3. Rà soát quy trình
Phòng Phát triển đô thị và hạ tầng kỹ thuật (sau đây viết tắt là Phòng PTĐT&HTKT) chủ trì, phối hợp với Thanh tra Sở rà soát quy trình kiểm tra trật tự xây dựng. Thời gian: năm 2026.

V. TỔ CHỨC THỰC HIỆN
1. Phòng PTĐT&HTKT
- Thực hiện nhiệm vụ tại khoản 3 Mục III; phối hợp với Văn phòng Sở thực hiện nhiệm vụ tại khoản 1 Mục III.
";

#[test]
fn a_short_form_in_words_names_the_body_it_follows() {
    let i = import(SHORT_FORMS);
    let centre = ids(task(&i, "đăng tải tin, bài"), Role::Lead);
    assert_eq!(centre.len(), 1);
    assert!(centre[0].contains("kiểm định"), "{centre:?}");
    let review = ids(task(&i, "rà soát quy trình"), Role::Lead);
    assert_eq!(review.len(), 1);
    assert!(
        review[0].contains("phát triển đô thị và hạ tầng kỹ thuật"),
        "{review:?}"
    );
    // The name before its short form is whole; the partner after it kept.
    let booklet = ids(task(&i, "cập nhật tài liệu hỏi"), Role::Support);
    assert!(booklet.contains(&centre[0]), "{booklet:?}");
    assert!(
        booklet.iter().any(|s| s.contains("quy hoạch - kiến trúc")),
        "{booklet:?}"
    );
    // The unit's share as a partner goes to the item it names.
    no_task(&i, |t| t.contains("phối hợp với Văn phòng Sở thực hiện"));
    assert!(booklet.contains(&review[0]), "{booklet:?}");
}
