//! A city under a province whose role-less body is restated by an
//! appendix table (issue #12, the Phan Thiết plan of 2023), written here
//! in another province's wording: Bảo Lộc, a city of Lâm Đồng. Each test
//! fails without the change it is named for.

mod common;
use common::{ids, import, requested, task};

use obligraph_core::{Level, Role};

/// Bảo Lộc, 2023: "thành phố" in the header is a city of Lâm Đồng
/// (district level); a purpose bullet wraps onto a line opening "Phụ lục
/// kèm theo"; the tasks part groups numbered items under "A." / "B."
/// themes and points at the appendix for roles; the appendix splits item
/// 3 into rows 3.1 and 3.2, right after row 2.
const BAO_LOC: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ BẢO LỘC\tĐộc lập - Tự do - Hạnh phúc

Số: 611/KH-UBND\tBảo Lộc, ngày 12 tháng 6 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn thành phố Bảo Lộc

Căn cứ Quyết định số 87/QĐ-TTg ngày 14/02/2023 của Thủ tướng Chính phủ;
Căn cứ Kế hoạch số 2950/KH-UBND ngày 08/5/2023 của Ủy ban nhân dân tỉnh Lâm Đồng;
Ủy ban nhân dân thành phố Bảo Lộc ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, công chức và Nhân dân về Công ước chống tra tấn.
- Các nhiệm vụ được giao cơ quan chủ trì, phối hợp và thời hạn cụ thể tại
Phụ lục kèm theo Kế hoạch này.

II. NHIỆM VỤ
(Cơ quan chủ trì, phối hợp và thời hạn của từng nhiệm vụ tại Phụ lục kèm theo)
A. Thi hành pháp luật về phòng, chống tra tấn
1. Rà soát, đề xuất nâng cấp cơ sở vật chất của nhà tạm giữ và các cơ quan tố tụng trên địa bàn.
2. Bảo đảm quyền và chế độ của người bị tạm giữ, tạm giam tại Nhà tạm giữ Công an thành phố.
B. Tuyên truyền, phổ biến Công ước
3. Tuyên truyền nội dung Kế hoạch số 2950/KH-UBND của Ủy ban nhân dân tỉnh và Kế hoạch này; đồng thời tuyên truyền thành tựu của Việt Nam trong bảo đảm quyền con người theo Đề án truyền thông về quyền con người.
4. Tổ chức tập huấn chuyên sâu về Công ước cho cán bộ làm công tác điều tra, xét xử.

III. TỔ CHỨC THỰC HIỆN
1. Công an thành phố chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp, tham mưu Ủy ban nhân dân thành phố báo cáo Ủy ban nhân dân tỉnh (qua Sở Tư pháp) trước ngày 20/10 hằng năm.
2. Đề nghị Ban Tuyên giáo Thành ủy, Tòa án nhân dân thành phố phối hợp thực hiện các hoạt động tuyên truyền nêu trong Kế hoạch này.

Ủy ban nhân dân thành phố yêu cầu Thủ trưởng các cơ quan, đơn vị, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc triển khai thực hiện Kế hoạch này./.

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- UBND tỉnh (b/c);\tCHỦ TỊCH
- Lưu: VT.

PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ
(Kèm theo Kế hoạch số 611/KH-UBND ngày 12/6/2023 của Ủy ban nhân dân thành phố Bảo Lộc)

STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành
1\tRà soát, đề xuất nâng cấp cơ sở vật chất nhà tạm giữ, cơ quan tố tụng\tCông an thành phố\tPhòng Tài chính - Kế hoạch\tHằng năm
2\tBảo đảm quyền, chế độ của người bị tạm giữ, tạm giam\tCông an thành phố\tViện kiểm sát nhân dân thành phố\tHằng năm
3.1\tTuyên truyền Kế hoạch số 2950/KH-UBND của UBND tỉnh và Kế hoạch này\tPhòng Tư pháp\tTrung tâm Văn hóa - Thông tin thành phố\tHằng năm
3.2\tTuyên truyền thành tựu của Việt Nam trong bảo đảm quyền con người\tPhòng Văn hóa và Thông tin\tTrung tâm Văn hóa - Thông tin thành phố\tHằng năm
4\tTập huấn chuyên sâu về Công ước cho cán bộ điều tra, xét xử\tCông an thành phố\tTòa án nhân dân thành phố\tHằng năm
";

/// A line of the body opening "Phụ lục kèm theo …" after a line left open
/// on "tại" ends that sentence: it is no appendix heading, and the tasks
/// part after it is read as the body (its items are obligations).
#[test]
fn a_wrapped_pointer_to_the_appendix_opens_no_appendix() {
    let i = import(BAO_LOC);
    let item = task(&i, "Tổ chức tập huấn chuyên sâu về Công ước cho cán bộ");
    assert_eq!(item.id, "II.4", "{item:#?}");
    // Linked to the row that restates it, whose roles it carries.
    assert_eq!(item.restates.as_deref(), Some("PL.4"), "{item:#?}");
    assert_eq!(ids(item, Role::Lead), ["district:police"]);
    let monitor = task(&i, "theo dõi, đôn đốc việc thực hiện Kế hoạch này");
    assert_eq!(ids(monitor, Role::Lead), ["district:police"]);
    let appendices: Vec<&str> = i
        .plan
        .sections
        .iter()
        .filter(|s| s.id.starts_with("PL"))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(appendices, ["PL"], "{:#?}", i.plan.sections);
}

/// "A. …" / "B. …" over items numbered on across themes: sections of the
/// tasks part, no tasks, and no item under the one above.
#[test]
fn theme_headings_of_the_tasks_part_are_sections() {
    let i = import(BAO_LOC);
    let themes: Vec<(&str, Option<&str>)> = i
        .plan
        .sections
        .iter()
        .filter(|s| s.id.starts_with("II."))
        .map(|s| (s.id.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(themes, [("II.A", Some("II")), ("II.B", Some("II"))]);
    assert!(
        !i.plan
            .obligations
            .iter()
            .any(|o| o.text.starts_with("B. ")
                || o.text.starts_with("Tuyên truyền, phổ biến Công ước")),
        "{:#?}",
        i.plan.obligations
    );
    let two = task(&i, "Bảo đảm quyền và chế độ của người bị tạm giữ");
    assert_eq!(
        (two.id.as_str(), two.restates.as_deref()),
        ("II.2", Some("PL.2"))
    );
}

/// Rows "3.1", "3.2" after row "2" are rows of item 3, not under row 2;
/// the body item 3 they split carries both.
#[test]
fn rows_splitting_an_item_are_its_and_the_item_carries_them() {
    let i = import(BAO_LOC);
    let half = task(&i, "Tuyên truyền thành tựu của Việt Nam trong bảo đảm");
    assert_eq!(half.id, "PL.3.2", "{half:#?}");
    let whole = task(&i, "đồng thời tuyên truyền thành tựu của Việt Nam");
    assert_eq!(whole.restates, None, "{whole:#?}");
    assert_eq!(whole.roles_from, ["PL.3.1", "PL.3.2"], "{whole:#?}");
    assert_eq!(
        ids(whole, Role::Lead),
        ["district:culture_sports_tourism", "district:justice"]
    );
}

/// A city of a province is district level before July 2025, though its
/// plan cites a province department ("qua Sở Tư pháp"): its plan,
/// its "Công an thành phố", "Tòa án nhân dân thành phố", "Thành ủy" and
/// "Trung tâm Văn hóa - Thông tin thành phố"; it carries out the
/// province's plan.
#[test]
fn a_city_under_a_province_is_district_level() {
    let i = import(BAO_LOC);
    assert_eq!(i.plan.level, Some(Level::District));
    let implements: Vec<&str> = i
        .plan
        .implements
        .iter()
        .filter_map(|r| r.number.as_deref())
        .collect();
    assert_eq!(implements, ["2950/KH-UBND"]);
    let asked = task(&i, "phối hợp thực hiện các hoạt động tuyên truyền");
    assert_eq!(requested(asked), ["district:propaganda", "district:court"]);
    let row = task(&i, "Tuyên truyền Kế hoạch số 2950/KH-UBND");
    assert_eq!(
        ids(row, Role::Support),
        ["district:culture_information_sports_centre"]
    );
    // A centrally-run city is a province, whatever its plan cites.
    let central = BAO_LOC.replace("THÀNH PHỐ BẢO LỘC", "THÀNH PHỐ CẦN THƠ");
    assert_eq!(import(&central).plan.level, Some(Level::Province));
}

/// "Ủy ban nhân dân thành phố yêu cầu … nghiêm túc triển khai thực hiện
/// Kế hoạch này": the closing call, no task.
#[test]
fn the_issuer_s_closing_call_is_no_task() {
    let i = import(BAO_LOC);
    common::no_task(&i, |t| t.contains("nghiêm túc triển khai"));
}
