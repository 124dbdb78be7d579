//! The foot of a plan (distribution list and signature block, laid side by
//! side as a two-column table whose cells extraction joins with a TAB)
//! right under the appendix's last row. Seen on the plan written for Lâm
//! Đồng (session 23: "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN" became three rows
//! of row 9, "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"); written
//! here the way another province would write it.

mod common;
use common::{ids, import, task};

use obligraph_core::Role;
use obligraph_vn::UnattributedReason;

/// Tỉnh Quảng Ngãi, 2023: the appendix's table, then the foot at once,
/// with no blank line between.
const FOOT_UNDER_THE_TABLE: &str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 912/KH-UBND
Quảng Ngãi, ngày 14 tháng 6 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ nhiệm vụ của các cơ quan, đơn vị.
II. NHIỆM VỤ CỤ THỂ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

PHỤ LỤC
STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện
1\tRà soát các văn bản quy phạm pháp luật của tỉnh về phòng, chống tra tấn\tSở Tư pháp\tCông an tỉnh\tNăm 2023
2\tXây dựng báo cáo định kỳ của tỉnh về thực hiện Công ước\tCông an tỉnh\tCác sở, ngành\tTheo yêu cầu của Bộ Công an
Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Bộ Công an;\tKT. CHỦ TỊCH
- Thường trực Tỉnh ủy;\tPHÓ CHỦ TỊCH
- Lưu: VT, NC.\t
\tTrần Văn Hòa
";

#[test]
fn the_foot_under_the_last_row_ends_the_table() {
    let i = import(FOOT_UNDER_THE_TABLE);
    // Two rows, two tasks: nothing of the foot is a task.
    assert_eq!(i.plan.obligations.len(), 2, "{:#?}", i.plan.obligations);
    for o in &i.plan.obligations {
        for foot in ["TM.", "KT.", "PHÓ CHỦ TỊCH", "Nơi nhận"] {
            assert!(!o.text.contains(foot), "{o:#?}");
        }
    }
    // The last row keeps its own fields.
    let row = task(&i, "Xây dựng báo cáo định kỳ");
    assert_eq!(ids(row, Role::Lead), ["province:police"], "{row:#?}");
    // The foot's lines are set aside as what they are, none dropped.
    let aside = |line: u32| {
        i.unattributed
            .iter()
            .find(|u| u.line == line)
            .map(|u| u.reason)
    };
    assert_eq!(aside(15), Some(UnattributedReason::DistributionList));
    assert_eq!(aside(16), Some(UnattributedReason::DistributionList));
    assert_eq!(aside(17), Some(UnattributedReason::DistributionList));
}
