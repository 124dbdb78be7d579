//! A derived task that copies its parent's sentence and cuts one piece of
//! a list out of it — the words either side of the piece written next to
//! each other — carries the task only in part, naming the piece (session
//! 28: Quảng Ngãi copied Huế's "trợ giúp pháp lý, tư vấn pháp luật cho
//! nhóm đối tượng …" as "trợ giúp pháp lý cho nhóm đối tượng …" and was
//! called covered). Words a drafter drops inside a phrase ("về tình hình
//! thi hành" → "về thi hành") are no such cut. Against the Huế seed, in
//! Bình Định's wording, with another cut than Quảng Ngãi's.

use obligraph_rules::Status;

const PARENT: &str = "examples/data/seeds/hue-qd2715-2026.txt";

fn sibling(task: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH ĐỊNH	Độc lập - Tự do - Hạnh phúc
Số: 31/KH-UBND	Bình Định, ngày 09 tháng 3 năm 2026
KẾ HOẠCH
Triển khai thực hiện các khuyến nghị của Ủy ban Nhân quyền Liên hợp quốc trên địa bàn tỉnh
I. NHIỆM VỤ
1. {task}
Sở Tư pháp chủ trì, phối hợp với các sở, cơ quan, đoàn thể liên quan thực hiện; thời gian: hằng năm.
"
    )
}

const TASK: &str = "Tổ chức thanh tra, kiểm tra, giám sát, thống kê, phân tách số liệu theo các tiêu chí như giới tính, dân tộc, tôn giáo... về tình hình thi hành các quyền dân sự và chính trị.";

fn audited(task: &str) -> obligraph_rules::ParentObligationReport {
    crate::common::audited(
        &crate::common::text(PARENT),
        &sibling(task),
        "Tổ chức thanh tra, kiểm tra, giám sát",
    )
}

#[test]
fn a_list_piece_cut_from_a_copy_is_dropped() {
    let r = audited(&TASK.replace(", giám sát,", ","));
    assert_eq!(r.status, Status::Partial, "{:?}", r.elements);
    assert!(
        r.elements
            .iter()
            .any(|e| e.text.as_ref() == "giám sát" && e.carried_by.is_empty()),
        "{:?}",
        r.elements
    );
    assert!(r.review, "a cut piece is read by a reader");
}

#[test]
fn the_whole_copy_and_words_dropped_inside_a_phrase_are_covered() {
    let whole = audited(TASK);
    assert_eq!(whole.status, Status::Covered, "{:?}", whole.elements);
    let r = audited(&TASK.replace("về tình hình thi hành", "về thi hành"));
    assert_eq!(r.status, Status::Covered, "{:?}", r.elements);
}
