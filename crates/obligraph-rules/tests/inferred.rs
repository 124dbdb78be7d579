//! A "missing" verdict on a task that reaches the derived plan only through
//! a counterpart of a body above is flagged for review; one the parent
//! gives the derived plan's level by name is not. In Thanh Hóa's wording
//! (the rule was read on the plans written blind for Bình Thuận, Huế,
//! Ngô Quyền and Đồng Nai). The task reaching the district through a
//! counterpart was a law review until session 24, which made such a task,
//! left out, beyond a district's plan (`beyond_district.rs`).

const PROVINCE: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH THANH HÓA\tĐộc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND\tThanh Hóa, ngày 12 tháng 4 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Hướng dẫn nghiệp vụ hòa giải ở cơ sở về phòng ngừa bạo lực gia đình, nâng cao kỹ năng cho hòa giải viên (Sở Tư pháp chủ trì; thực hiện hằng năm).
2. Tổ chức tuyên truyền, phổ biến Công ước chống tra tấn cho cán bộ, công chức và nhân dân trên địa bàn (Ủy ban nhân dân các huyện, thị xã, thành phố chủ trì; thực hiện hằng năm).
3. Tổ chức hội nghị tập huấn chuyên sâu về kỹ năng hỏi cung cho điều tra viên (Công an tỉnh chủ trì; thực hiện năm 2024).
";

const DISTRICT: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN THỌ XUÂN\tĐộc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND\tThọ Xuân, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 88/KH-UBND của Ủy ban nhân dân tỉnh về Công ước chống tra tấn
I. NHIỆM VỤ
1. Tổ chức hội nghị tập huấn chuyên sâu về kỹ năng hỏi cung cho điều tra viên Công an huyện (Công an huyện chủ trì; năm 2024).
";

fn report(words: &str) -> obligraph_rules::ParentObligationReport {
    crate::common::audited(PROVINCE, DISTRICT, words)
}

#[test]
fn a_task_reaching_a_district_through_a_counterpart_is_flagged_when_missing() {
    let r = report("hòa giải viên");
    assert_eq!(r.status, obligraph_rules::Status::Missing);
    assert!(r.review, "confidence {}", r.confidence);
}

#[test]
fn a_task_given_to_the_districts_by_name_is_sure_when_missing() {
    let r = report("cho cán bộ, công chức và nhân dân");
    assert_eq!(r.status, obligraph_rules::Status::Missing);
    assert!(!r.review, "confidence {}", r.confidence);
}
