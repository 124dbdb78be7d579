//! A plan that gives each body its duties ("Tổ chức thực hiện: 1. Sở Tư
//! pháp … 5. Ủy ban nhân dân các xã, phường …") gives the communes theirs
//! in their own part: another body's duty is not a commune's when the
//! commune's plan takes up nothing of it. When the commune's plan takes it
//! up — its own counterpart of the body's work, as xã A Lưới 2 did with
//! Huế's Thanh tra and Sở Tư pháp duties (session 24) — it is judged as
//! any task. In Lâm Đồng's and xã Lạc Dương's wording.

use obligraph_rules::Status;

const LAM_DONG: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG	Độc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND	Lâm Đồng, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ và Nhân dân về các quyền dân sự và chính trị.
II. TỔ CHỨC THỰC HIỆN
1. Thanh tra tỉnh
Nâng cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo liên quan đến quyền dân sự và chính trị của công dân.
2. Sở Tư pháp
Chỉ đạo các tổ chức hành nghề công chứng, luật sư nâng cao chất lượng dịch vụ pháp lý bảo đảm quyền tiếp cận công lý.
3. Ủy ban nhân dân các xã, phường
Tổ chức tuyên truyền Công ước tới Nhân dân trên địa bàn.
";

fn lac_duong(items: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ LẠC DƯƠNG	Độc lập - Tự do - Hạnh phúc
Số: 21/KH-UBND	Lạc Dương, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Kế hoạch số 77/KH-UBND của Ủy ban nhân dân tỉnh
I. NHIỆM VỤ
1. Tổ chức tuyên truyền Công ước tới Nhân dân trên địa bàn xã (Văn phòng HĐND và UBND xã chủ trì; hằng năm).
{items}"
    )
}

fn status(items: &str, words: &str) -> Status {
    crate::common::audited(LAM_DONG, &lac_duong(items), words).status
}

#[test]
fn another_bodys_duty_left_out_is_not_the_communes() {
    assert_eq!(status("", "khiếu nại"), Status::NotApplicable);
    assert_eq!(status("", "công chứng"), Status::NotApplicable);
}

#[test]
fn another_bodys_duty_the_commune_takes_up_is_judged_on_it() {
    let items = "2. Nâng cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo liên quan đến quyền dân sự và chính trị của công dân trên địa bàn xã (Văn phòng HĐND và UBND xã chủ trì; thường xuyên).\n";
    assert_eq!(status(items, "khiếu nại"), Status::Covered);
    // The other body's duty it leaves out stays not its own.
    assert_eq!(status(items, "công chứng"), Status::NotApplicable);
}
