//! A row that restates a body item states one obligation twice; a derived
//! plan that copies the body item's wording carries the row (session 21:
//! Lê Chân's and Phòng Tư pháp Ngô Quyền's copies of Ngô Quyền's body item
//! II.1 were called missing at row PL.1, whose own text, "Tiếp tục nội luật
//! hóa …", they do not repeat). In Hà Nam's and Kim Bảng's wording; the
//! row names the districts among its supports, so that a district plan
//! leaving it out owes it (a law-review row naming no district is beyond
//! a district's plan that takes up nothing of it: `beyond_district.rs`).

use obligraph_rules::Status;

const HA_NAM: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ NAM	Độc lập - Tự do - Hạnh phúc
Số: 95/KH-UBND	Hà Nam, ngày 12 tháng 4 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Tiếp tục hoàn thiện pháp luật để thực hiện Công ước
Rà soát, đánh giá sự phù hợp của pháp luật hiện hành với Công ước chống tra tấn, nhất là Bộ luật Hình sự, Bộ luật Tố tụng hình sự, Luật Thi hành tạm giữ, tạm giam; kiến nghị sửa đổi, bổ sung các quy định chưa tương thích.
2. Nâng cao năng lực cán bộ
Tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ, tạm giam.
II. TỔ CHỨC THỰC HIỆN
Các sở, ngành, Ủy ban nhân dân các huyện, thành phố căn cứ nhiệm vụ được giao tại Phụ lục kèm theo tổ chức thực hiện.
PHỤ LỤC
NHIỆM VỤ CỤ THỂ
STT	Nội dung	Cơ quan chủ trì	Cơ quan phối hợp	Thời gian
1	Tiếp tục nội luật hóa và hoàn thiện pháp luật để thực hiện Công ước	Sở Tư pháp	Công an tỉnh, Ủy ban nhân dân các huyện, thành phố	Hằng năm
2	Tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ, tạm giam	Công an tỉnh	Sở Tư pháp	Hằng năm
";

const KIM_BANG: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN KIM BẢNG	Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND	Kim Bảng, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 95/KH-UBND của Ủy ban nhân dân tỉnh về Công ước chống tra tấn
I. NHIỆM VỤ
1. Rà soát, đánh giá sự phù hợp của các quy định pháp luật hiện hành với Công ước chống tra tấn, nhất là Bộ luật Hình sự, Bộ luật Tố tụng hình sự, Luật Thi hành tạm giữ, tạm giam; kiến nghị cấp trên sửa đổi, bổ sung những quy định chưa tương thích (Phòng Tư pháp huyện chủ trì, phối hợp với Công an huyện; hằng năm).
2. Tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ (Công an huyện chủ trì; hằng năm).
";

/// Kim Bảng without its review item.
const KIM_BANG_DROPS_REVIEW: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN KIM BẢNG	Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND	Kim Bảng, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 95/KH-UBND của Ủy ban nhân dân tỉnh về Công ước chống tra tấn
I. NHIỆM VỤ
1. Tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ (Công an huyện chủ trì; hằng năm).
";

#[test]
fn a_copy_of_the_body_item_carries_the_row_that_restates_it() {
    let p = crate::common::audited(HA_NAM, KIM_BANG, "nội luật hóa");
    assert_eq!(p.status, Status::Covered, "{:?}", p.matches);
}

#[test]
fn dropping_the_body_item_leaves_the_row_missing() {
    let p = crate::common::audited(HA_NAM, KIM_BANG_DROPS_REVIEW, "nội luật hóa");
    assert_eq!(p.status, Status::Missing, "{:?}", p.matches);
}
