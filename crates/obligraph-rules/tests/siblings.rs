//! A sibling plan (another province carrying out the same decision) asks
//! its own court, procuracy and Front as the reference plan asks its own,
//! so a request the reference makes is the sibling's task too; a plan below
//! relays it to its own (session 20: the real Ngô Quyền and Trần Biên plans
//! do, and 14 of 16 labels on the written plans below say so). In Hà
//! Tĩnh's, Quảng Bình's and Hương Sơn's wording (the rule was read on
//! Ninh Thuận's plan against Bình Thuận's, and on the district and ward
//! plans written for the tests).

use obligraph_rules::Status;

const HA_TINH: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc
Số: 212/KH-UBND\tHà Tĩnh, ngày 20 tháng 4 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Tổ chức tập huấn về Công ước chống tra tấn cho cán bộ làm công tác tạm giữ, tạm giam (Công an tỉnh chủ trì; thực hiện hằng năm).
2. Đề nghị Viện kiểm sát nhân dân tỉnh tăng cường kiểm sát việc tạm giữ, tạm giam tại nhà tạm giữ và trại tạm giam, kịp thời phát hiện vi phạm.
";

const QUANG_BINH: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG BÌNH\tĐộc lập - Tự do - Hạnh phúc
Số: 87/KH-UBND\tQuảng Bình, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Tổ chức tập huấn về Công ước chống tra tấn cho cán bộ làm công tác tạm giữ, tạm giam (Công an tỉnh chủ trì; hằng năm).
";

const HUONG_SON: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN HƯƠNG SƠN\tĐộc lập - Tự do - Hạnh phúc
Số: 64/KH-UBND\tHương Sơn, ngày 15 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 212/KH-UBND của Ủy ban nhân dân tỉnh về Công ước chống tra tấn
I. NHIỆM VỤ
1. Tổ chức tập huấn về Công ước chống tra tấn cho cán bộ làm công tác tạm giữ (Công an huyện chủ trì; hằng năm).
";

fn status(child: &str) -> Status {
    crate::common::audited(HA_TINH, child, "kiểm sát việc tạm giữ").status
}

#[test]
fn a_sibling_that_drops_a_request_is_missing_it() {
    assert_eq!(status(QUANG_BINH), Status::Missing);
}

#[test]
fn a_plan_below_that_drops_a_request_is_missing_it_flagged() {
    let p = crate::common::audited(HA_TINH, HUONG_SON, "kiểm sát việc tạm giữ");
    assert_eq!(p.status, Status::Missing);
    assert!(p.review, "readers split on relaying: {:?}", p.reason);
}
