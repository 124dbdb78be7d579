//! A task cell of two paragraphs, the second opening a duty of its own
//! after a first that ends without a stop, keeps the two duties apart
//! ("… giam người trái pháp luật" / "Tăng tỷ lệ …" had become one
//! clause in the Ngô Quyền seed's PL.2.5, so the elements read a duty
//! that neither paragraph states). A paragraph continuing the first in
//! lower case still joins it with a space. In Hải Dương's wording.

const PLAN: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN GIA LỘC\tĐộc lập - Tự do - Hạnh phúc
Số: 31/KH-UBND\tGia Lộc, ngày 04 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện
PHỤ LỤC
STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn hoàn thành
1.\t<p>Nâng cao chất lượng hỗ trợ nạn nhân của hành vi bắt, giữ người trái pháp luật</p><p>Giảm số vụ việc khiếu nại kéo dài về bồi thường nhà nước</p>\tPhòng Tư pháp\tCông an huyện\tHằng năm
2.\t<p>Tổ chức tập huấn cho cán bộ làm công tác</p><p>tiếp công dân về quyền khiếu nại</p>\tThanh tra huyện\tPhòng Tư pháp\tHằng năm
";

fn text_of(words: &str) -> String {
    let plan = obligraph_vn::import_text(PLAN, "kh.txt").unwrap().plan;
    plan.obligations
        .iter()
        .find(|o| o.text.contains(words))
        .unwrap_or_else(|| panic!("an obligation reading {words:?}"))
        .text
        .clone()
}

#[test]
fn a_paragraph_opening_a_duty_is_a_clause_of_its_own() {
    assert!(text_of("Giảm số vụ việc").contains("trái pháp luật; Giảm số vụ việc"));
}

#[test]
fn a_lower_case_paragraph_continues_the_sentence() {
    assert!(text_of("tiếp công dân").contains("làm công tác tiếp công dân"));
}
