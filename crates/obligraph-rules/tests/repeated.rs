//! An example list the parent plan repeats under several tasks ("nhất là
//! phụ nữ, trẻ em, người khuyết tật, người cao tuổi") qualifies each of
//! them: a derived task carrying one task's own content without the list
//! carries it (flagged for review); an example only that task names is
//! still asked. In Quảng Nam's wording (the rule was read on Bình Thuận's
//! list of acts under four tasks).

use obligraph_rules::Status;

const PARENT: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NAM\tĐộc lập - Tự do - Hạnh phúc
Số: 140/KH-UBND\tQuảng Nam, ngày 08 tháng 5 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn tỉnh
I. NHIỆM VỤ
1. Nâng cao chất lượng trợ giúp pháp lý miễn phí cho người dân, nhất là phụ nữ, trẻ em, người khuyết tật, người cao tuổi (Sở Tư pháp chủ trì; hằng năm).
2. Tăng cường hướng dẫn thủ tục cấp giấy xác nhận khuyết tật tại bộ phận một cửa, nhất là phụ nữ, trẻ em, người khuyết tật, người cao tuổi (Sở Y tế chủ trì; hằng năm).
3. Mở rộng các lớp dạy nghề ngắn hạn ở nông thôn, nhất là phụ nữ, trẻ em, người khuyết tật, người cao tuổi (Sở Nội vụ chủ trì; hằng năm).
4. Cải tạo lối đi, nhà vệ sinh tại trụ sở cơ quan hành chính, nhất là phụ nữ, trẻ em, người khuyết tật, người cao tuổi (Sở Xây dựng chủ trì; năm 2025).
5. Tổ chức hội thi tìm hiểu pháp luật về người khuyết tật, nhất là học sinh trung học phổ thông, sinh viên cao đẳng (Sở Giáo dục và Đào tạo chủ trì; hằng năm).
";

const DERIVED: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐẠI LỘC\tĐộc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND\tĐại Lộc, ngày 03 tháng 6 năm 2024
KẾ HOẠCH
Thực hiện Kế hoạch số 140/KH-UBND của Ủy ban nhân dân tỉnh
I. NHIỆM VỤ
1. Nâng cao chất lượng trợ giúp pháp lý miễn phí cho người dân trên địa bàn huyện (Phòng Tư pháp chủ trì; hằng năm).
2. Tổ chức hội thi tìm hiểu pháp luật về người khuyết tật (Phòng Giáo dục và Đào tạo chủ trì; hằng năm).
";

#[test]
fn a_list_the_plan_repeats_is_not_asked_of_each_task() {
    let r = crate::common::audited(PARENT, DERIVED, "trợ giúp pháp lý miễn phí");
    assert_eq!(r.status, Status::Covered);
    assert!(r.review, "confidence {}", r.confidence);
}

#[test]
fn an_example_only_the_task_names_is_asked() {
    let r = crate::common::audited(PARENT, DERIVED, "hội thi tìm hiểu");
    assert_eq!(r.status, Status::Partial);
}
