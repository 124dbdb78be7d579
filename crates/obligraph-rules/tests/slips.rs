//! A slip of the keyboard in one plan weighs nothing in carrying: a word
//! the parent writes once with wrong marks ("Thực đẩy" for "Thúc đẩy",
//! "đề nâng cao" for "để nâng cao"), which the derived plan writes right
//! in the same place, is carried (session 23: Đồng Nai PL.C.3 "tới người
//! dân đề nâng cao hiểu biết" was partial in Tây Ninh and Long Hưng, who
//! wrote "để nâng cao"). Two words that differ only in marks and are both
//! right ("bảo vệ các quyền" and "về các quyền") are not taken for a slip.
//! In Quảng Bình's and Lệ Thủy's wording.

use obligraph_rules::Status;

fn quang_binh(first: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG BÌNH	Độc lập - Tự do - Hạnh phúc
Số: 95/KH-UBND	Quảng Bình, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước quốc tế về các quyền dân sự và chính trị
I. NHIỆM VỤ
1. {first} (Sở Nội vụ chủ trì; hằng năm).
2. Tuyên truyền về bình đẳng giới trong cơ quan, đơn vị (Sở Nội vụ chủ trì; hằng năm).
3. Tập huấn về bình đẳng giới trong cơ quan, đơn vị (Sở Nội vụ chủ trì; hằng năm).
4. Kiểm tra việc thực hiện bình đẳng giới trong cơ quan, đơn vị (Sở Nội vụ chủ trì; hằng năm).
5. Bảo vệ các quyền của người khuyết tật trong cơ quan, đơn vị (Sở Y tế chủ trì; hằng năm).
"
    )
}

fn le_thuy(first: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN LỆ THỦY	Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND	Lệ Thủy, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Kế hoạch số 95/KH-UBND của Ủy ban nhân dân tỉnh
I. NHIỆM VỤ
1. {first} (Phòng Nội vụ chủ trì; hằng năm).
2. Tuyên truyền về bình đẳng giới trong cơ quan, đơn vị (Phòng Nội vụ chủ trì; hằng năm).
"
    )
}

fn status(parent_first: &str, child_first: &str, words: &str) -> Status {
    crate::common::audited(&quang_binh(parent_first), &le_thuy(child_first), words).status
}

#[test]
fn a_slip_in_the_parent_is_carried_by_the_right_spelling() {
    // Without the slip read as one, "Thúc đẩy nghiên cứu" held too little
    // of "Thực đẩy nghiên cứu khoa học" (its first two words weigh as
    // words the derived plan never writes): missing.
    assert_eq!(
        status(
            "Thực đẩy nghiên cứu khoa học",
            "Thúc đẩy nghiên cứu",
            "nghiên cứu khoa học"
        ),
        Status::Covered
    );
}

#[test]
fn a_word_kept_apart_by_other_marks_is_not_taken_for_a_slip() {
    // "Tổ chức nghiên cứu khoa học" is not "Thúc đẩy": no slip to read.
    assert_eq!(
        status(
            "Thực đẩy nghiên cứu khoa học",
            "Tổ chức nghiên cứu",
            "nghiên cứu khoa học"
        ),
        Status::Missing
    );
}
