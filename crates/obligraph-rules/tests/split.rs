//! A parent task whose one clause joins two duties with a comma, carried
//! by two derived items (one duty each), in Thanh Hóa's wording (the
//! mechanism was read on the Huế plan against a Quảng Trị plan).

use obligraph_rules::Status;

const PARENT: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH THANH HÓA\tĐộc lập - Tự do - Hạnh phúc
Số: 57/KH-UBND\tThanh Hóa, ngày 03 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn tỉnh
I. NHIỆM VỤ
1. Rà soát các quyết định của Ủy ban nhân dân tỉnh về trợ giúp xã hội và phục hồi chức năng, nghiên cứu đề xuất sửa đổi quy định về dạy nghề, tạo việc làm và vay vốn sản xuất kinh doanh cho người khuyết tật (Sở Y tế chủ trì; thực hiện năm 2026).
2. Tổ chức hội thi tìm hiểu pháp luật về người khuyết tật cho học sinh trung học phổ thông (Sở Giáo dục và Đào tạo chủ trì; thực hiện hằng năm).
";

const BOTH: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN\tĐộc lập - Tự do - Hạnh phúc
Số: 61/KH-UBND\tNghệ An, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn tỉnh
I. NHIỆM VỤ
1. Rà soát các quyết định do Ủy ban nhân dân tỉnh ban hành về trợ giúp xã hội và phục hồi chức năng (Sở Y tế chủ trì; năm 2026).
2. Nghiên cứu, kiến nghị sửa đổi quy định về dạy nghề, tạo việc làm và vay vốn sản xuất kinh doanh cho người khuyết tật (Sở Y tế chủ trì; năm 2027).
3. Tổ chức hội thi tìm hiểu pháp luật về người khuyết tật cho học sinh trung học phổ thông (Sở Giáo dục và Đào tạo chủ trì; hằng năm).
";

fn status(child: &str) -> Status {
    crate::common::audited(PARENT, child, "dạy nghề").status
}

#[test]
fn a_task_split_over_two_derived_items_is_carried() {
    assert_eq!(status(BOTH), Status::Covered);
    // Keep only the review: the proposal is not carried.
    let review_only: String = BOTH
        .lines()
        .filter(|l| !l.starts_with("2."))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(status(&review_only), Status::Covered);
}
