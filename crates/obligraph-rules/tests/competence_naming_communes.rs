//! A task of a competence communes lack (a national database, law-making)
//! is not a commune plan's, whoever leads it; but when the province names
//! the communes for it ("Ủy ban nhân dân các xã, phường phối hợp theo
//! thẩm quyền") readers split on whether their share (the data they hold)
//! is the commune plan's (session 25: the two ward plans written blind
//! against Ngô Quyền call the national complaints database missing, the
//! audit not applicable, unflagged). The verdict stays "not applicable",
//! flagged for review with why. In Gia Lai's and phường Pleiku's wording.

use obligraph_rules::Status;

const GIA_LAI: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH GIA LAI	Độc lập - Tự do - Hạnh phúc
Số: 64/KH-UBND	Gia Lai, ngày 14 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Thống kê, cập nhật cơ sở dữ liệu quốc gia về tình hình tiếp nhận, giải quyết khiếu nại, tố cáo liên quan đến tra tấn (Thanh tra tỉnh chủ trì; Ủy ban nhân dân các xã, phường phối hợp theo thẩm quyền; hằng năm).
2. Xây dựng, cập nhật cơ sở dữ liệu quốc gia về bồi thường nhà nước (Sở Tư pháp chủ trì; Công an tỉnh phối hợp; hằng năm).
3. Tuyên truyền Công ước chống tra tấn tới cán bộ và Nhân dân (Sở Tư pháp chủ trì; Ủy ban nhân dân các xã, phường phối hợp; hằng năm).
";

const PLEIKU: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG PLEIKU	Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND	Pleiku, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Kế hoạch số 64/KH-UBND của Ủy ban nhân dân tỉnh
I. NHIỆM VỤ
1. Tuyên truyền Công ước chống tra tấn tới cán bộ và Nhân dân trên địa bàn phường (Văn phòng HĐND và UBND phường chủ trì; hằng năm).
";

#[test]
fn a_competence_naming_the_communes_is_flagged() {
    let r = crate::common::audited(GIA_LAI, PLEIKU, "khiếu nại, tố cáo liên quan");
    assert_eq!(r.status, Status::NotApplicable);
    assert!(r.review);
    assert!(r
        .reason
        .as_deref()
        .is_some_and(|w| w.contains("names the communes")));
}

#[test]
fn a_competence_not_naming_them_is_not() {
    let r = crate::common::audited(GIA_LAI, PLEIKU, "bồi thường nhà nước");
    assert_eq!(r.status, Status::NotApplicable);
    assert!(!r.review);
}
