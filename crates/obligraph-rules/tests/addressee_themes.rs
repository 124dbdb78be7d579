//! A task the parent addresses to bodies by a heading ("1. Các cơ quan,
//! đơn vị, Ủy ban nhân dân các xã, phường" over "Tăng cường công tác tuyên
//! truyền, nâng cao nhận thức về các thành tựu …") is carried by a derived
//! task under whatever theme the derived plan files it: the heading names
//! who, not a theme of content (session 28: Sở Nội vụ Đồng Nai's
//! dissemination item under its theme "9. Tuyên truyền, phổ biến …" was
//! called missing at confidence 1.0). In a Sở Công Thương's wording.

use obligraph_rules::Status;

const CHILD: &str = "UBND TỈNH ĐỒNG NAI	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG	Độc lập - Tự do - Hạnh phúc
Số: 233/KH-SCT	Đồng Nai, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Kế hoạch số 74/KH-UBND của Ủy ban nhân dân tỉnh về các khuyến nghị của Ủy ban Nhân quyền
II. NHIỆM VỤ CỤ THỂ
1. Rà soát, đề xuất hoàn thiện quy định pháp luật trong lĩnh vực công thương nhằm thực hiện tốt hơn Công ước ICCPR
a) Văn phòng Sở chủ trì rà soát các văn bản quy phạm pháp luật trong lĩnh vực công thương có liên quan đến quyền dân sự và chính trị; thời gian: hằng năm.
2. Tăng cường giáo dục, tuyên truyền, phổ biến, nâng cao nhận thức về quyền con người và Công ước ICCPR trong ngành công thương
a) Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn tăng cường công tác tuyên truyền, nâng cao nhận thức về các thành tựu trong bảo đảm quyền con người ở Việt Nam cho công chức, viên chức, người lao động của Sở và Nhân dân trên Trang thông tin điện tử của Sở; thời gian: thường xuyên.
";

#[test]
fn an_addressed_task_filed_under_a_derived_theme_is_carried() {
    let r = crate::common::audited(
        &crate::common::text("examples/data/seeds/dong-nai-74-2026.txt"),
        CHILD,
        "Tăng cường công tác tuyên truyền, nâng cao nhận thức về các thành tựu",
    );
    assert_ne!(r.status, Status::Missing, "{:?}", r.matches);
}
