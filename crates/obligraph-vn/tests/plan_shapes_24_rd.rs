//! Plan shapes the importer met reading two plans written blind in
//! session 24 (xã A Lưới 2 under thành phố Huế, items followed by "+ Chủ
//! trì / + Phối hợp / + Thời hạn" blocks; Sở Lao động - Thương binh và Xã
//! hội Bình Thuận, roles in each item's closing sentence), each written
//! here the way another province would write it. Each test fails without
//! the change it is named for.

mod common;
use common::{ids, import, task};

use chrono::NaiveDate;
use obligraph_core::{Level, Role};

/// Xã Đam Rông 3 (Lâm Đồng), 2026: a commune named with a number after
/// the 2025 mergers; its dateline's place ends in that number, and a task
/// cites a scheme "ban hành kèm theo Quyết định số 1079/QĐ-TTg".
const NUMBERED_PLACE: &str = "TỈNH LÂM ĐỒNG
ỦY BAN NHÂN DÂN XÃ ĐAM RÔNG 3
Số: 18/KH-UBND
Đam Rông 3, ngày 9 tháng 4 năm 2026
KẾ HOẠCH
Tuyên truyền về quyền con người trên địa bàn xã
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của người dân.
II. NHIỆM VỤ
1. Phổ biến Đề án truyền thông về quyền con người ở Việt Nam ban hành kèm theo Quyết định số 1079/QĐ-TTg ngày 14/9/2022 của Thủ tướng Chính phủ đến các thôn.
+ Chủ trì: Phòng Văn hóa - Xã hội.
+ Phối hợp: Phòng Kinh tế, Công an xã.
+ Thời hạn: hằng năm.
";

#[test]
fn a_dateline_whose_place_ends_in_a_number_dates_the_plan() {
    let i = import(NUMBERED_PLACE);
    assert_eq!(i.plan.date, NaiveDate::from_ymd_opt(2026, 4, 9));
    assert_eq!(i.plan.place.as_deref(), Some("Đam Rông 3"));
    assert_eq!(i.plan.level, Some(Level::Commune));
    // Dated after 1 July 2025, the bare "Phòng Kinh tế" is the commune's.
    let t = task(&i, "Phổ biến Đề án");
    assert_eq!(ids(t, Role::Support), ["commune:economy", "commune:police"]);
}

#[test]
fn a_scheme_issued_with_another_decision_does_not_date_the_plan() {
    // The dateline lost its day: nothing in the plan dates it, and the
    // scheme's decision (another number) is not the plan's appendix.
    let lost = NUMBERED_PLACE.replace("Đam Rông 3, ngày 9 tháng", "Đam Rông 3, ngày    tháng");
    let i = import(&lost);
    assert_eq!(i.plan.date, None);
    // The plan's own appendix heading still dates it.
    let own = format!(
        "{lost}\nPHỤ LỤC\n(Kèm theo Kế hoạch số 18/KH-UBND ngày 09/4/2026 của Ủy ban nhân dân xã)\n"
    );
    assert_eq!(import(&own).plan.date, NaiveDate::from_ymd_opt(2026, 4, 9));
}
