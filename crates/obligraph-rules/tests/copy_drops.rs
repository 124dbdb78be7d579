//! A derived task that copies its parent's sentence and cuts a piece of
//! it carries the task only in part, naming the piece (session 27: Khánh
//! Hòa copied Đồng Nai's "… của các cơ sở giam giữ, trường giáo dưỡng, cơ
//! sở cai nghiện" without "trường giáo dưỡng" and was called covered). A
//! verb left out of a series of actions, or a task worded anew, is no such
//! cut. In Kiên Giang's wording.

use obligraph_rules::Status;

fn parent() -> String {
    "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH KIÊN GIANG	Độc lập - Tự do - Hạnh phúc
Số: 58/KH-UBND	Kiên Giang, ngày 12 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị trên địa bàn tỉnh
I. NHIỆM VỤ
1. Kiểm tra việc bảo đảm chế độ ăn, ở, khám chữa bệnh tại nhà tạm giữ, trại tạm giam, cơ sở giáo dục bắt buộc (Công an tỉnh chủ trì; hằng năm).
2. Tuyên truyền, giáo dục, phổ biến kiến thức pháp luật về quyền của người khuyết tật cho cán bộ, công chức (Sở Tư pháp chủ trì; hằng năm).
"
    .to_string()
}

fn sibling(first: &str, second: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH AN GIANG	Độc lập - Tự do - Hạnh phúc
Số: 71/KH-UBND	An Giang, ngày 20 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị trên địa bàn tỉnh
I. NHIỆM VỤ
1. {first} (Công an tỉnh chủ trì; hằng năm).
2. {second} (Sở Tư pháp chủ trì; hằng năm).
"
    )
}

const FIRST_WHOLE: &str = "Kiểm tra việc bảo đảm chế độ ăn, ở, khám chữa bệnh tại nhà tạm giữ, trại tạm giam, cơ sở giáo dục bắt buộc";
const SECOND_WHOLE: &str = "Tuyên truyền, giáo dục, phổ biến kiến thức pháp luật về quyền của người khuyết tật cho cán bộ, công chức";

#[test]
fn a_piece_cut_from_a_copied_list_is_dropped() {
    let child = sibling(
        "Kiểm tra việc bảo đảm chế độ ăn, ở, khám chữa bệnh tại nhà tạm giữ, trại tạm giam",
        SECOND_WHOLE,
    );
    let r = crate::common::audited(&parent(), &child, "nhà tạm giữ");
    assert_eq!(r.status, Status::Partial, "{:?}", r.elements);
    assert!(
        r.elements
            .iter()
            .any(|e| e.text.as_ref() == "cơ sở giáo dục bắt buộc" && e.carried_by.is_empty()),
        "{:?}",
        r.elements
    );
    assert!(r.review, "a cut piece is read by a reader");
}

#[test]
fn the_whole_copy_and_a_shortened_series_of_actions_are_covered() {
    let whole = crate::common::audited(
        &parent(),
        &sibling(FIRST_WHOLE, SECOND_WHOLE),
        "nhà tạm giữ",
    );
    assert_eq!(whole.status, Status::Covered, "{:?}", whole.elements);
    let child = sibling(
        FIRST_WHOLE,
        "Tuyên truyền, phổ biến kiến thức pháp luật về quyền của người khuyết tật cho cán bộ, công chức",
    );
    let r = crate::common::audited(&parent(), &child, "người khuyết tật");
    assert_eq!(r.status, Status::Covered, "{:?}", r.elements);
}
