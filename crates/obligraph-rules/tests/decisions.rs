//! A derived task that cites some of the national decisions its parent
//! task cites, and not another, carries it in part, naming the one
//! dropped as the parent writes it. Written in a Nghệ An district's
//! wording, not the plans the rule was read on.

use obligraph_core::Plan;
use obligraph_rules::{audit, Config, Status};

fn plan(body: &str, issuer: &str, name: &str) -> Plan {
    let t = format!(
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{issuer}\tĐộc lập - Tự do - Hạnh phúc\nSố: 31/KH-UBND\tVinh, ngày 10 tháng 4 năm 2026\nKẾ HOẠCH\nThực hiện công tác tuyên truyền về quyền con người năm 2026\nI. NHIỆM VỤ\n{body}\n"
    );
    obligraph_vn::import_text(&t, name).unwrap().plan
}

const PARENT: &str = "1. Tuyên truyền, phổ biến Đề án truyền thông về quyền con người theo Quyết định số 1079/QĐ-TTg ngày 14/9/2022 và Đề án đưa nội dung quyền con người vào chương trình giáo dục theo Quyết định số 1309/QĐ-TTg ngày 05/9/2017 cho học sinh các trường trung học phổ thông (Sở Giáo dục và Đào tạo chủ trì).
2. Tổ chức hội nghị tập huấn cho đội ngũ báo cáo viên pháp luật về phòng, chống mua bán người (Sở Tư pháp chủ trì).";

fn verdict(child_body: &str) -> (Status, Vec<String>) {
    let parent = plan(PARENT, "TỈNH NGHỆ AN", "nghe-an.txt");
    let child = plan(child_body, "HUYỆN NGHI LỘC", "nghi-loc.txt");
    let r = audit(&parent, &child, &Config::default());
    let p = r
        .parent_obligations
        .iter()
        .find(|p| p.text.contains("1079"))
        .expect("the dissemination task");
    let dropped = p
        .elements
        .iter()
        .filter(|e| e.carried_by.is_empty())
        .map(|e| e.text.to_string())
        .collect();
    (p.status, dropped)
}

#[test]
fn a_decision_left_out_beside_one_kept_is_a_part_dropped() {
    let (s, dropped) = verdict("1. Tuyên truyền, phổ biến Đề án truyền thông về quyền con người theo Quyết định số 1079/QĐ-TTg và nội dung quyền con người trong chương trình giáo dục cho học sinh các trường trung học phổ thông trên địa bàn huyện (Phòng Giáo dục và Đào tạo chủ trì).");
    assert_eq!(s, Status::Partial);
    assert_eq!(dropped, ["Quyết định số 1309/QĐ-TTg"]);
}

#[test]
fn both_decisions_kept_or_none_cited_is_no_drop() {
    let (s, dropped) = verdict("1. Tuyên truyền, phổ biến Đề án truyền thông về quyền con người theo Quyết định số 1079/QĐ-TTg và Đề án đưa nội dung quyền con người vào chương trình giáo dục theo Quyết định số 1309/QĐ-TTg cho học sinh các trường trung học phổ thông trên địa bàn huyện (Phòng Giáo dục và Đào tạo chủ trì).");
    assert_eq!(s, Status::Covered, "{dropped:?}");
    // Named in words, no number cited: the words decide, not the numbers.
    let (s, dropped) = verdict("1. Tuyên truyền, phổ biến Đề án truyền thông về quyền con người và Đề án đưa nội dung quyền con người vào chương trình giáo dục cho học sinh các trường trung học phổ thông trên địa bàn huyện (Phòng Giáo dục và Đào tạo chủ trì).");
    assert!(
        dropped.iter().all(|d| !d.contains("1309")),
        "{s:?} {dropped:?}"
    );
}

/// Two duties joined by "hoặc", each with its verb: a derived task doing
/// one of them carries the parent's (a Kon Tum wording). Alternative
/// words inside a phrase ("đối xử hoặc trừng phạt") are no such choice.
#[test]
fn either_of_two_duties_joined_by_or_carries_them() {
    let parent = plan(
        "1. Tổ chức phổ biến Luật Phòng, chống bạo lực gia đình cho Nhân dân; trong đó, ưu tiên tổ chức hội nghị chuyên đề, tọa đàm, thi tìm hiểu pháp luật có trao thưởng tại các thôn đặc biệt khó khăn vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số hoặc lồng ghép nội dung này trong sinh hoạt định kỳ của thôn (Sở Tư pháp chủ trì).",
        "TỈNH KON TUM",
        "kon-tum.txt",
    );
    let child = plan(
        "1. Tổ chức phổ biến Luật Phòng, chống bạo lực gia đình cho Nhân dân, lồng ghép nội dung này trong sinh hoạt định kỳ của thôn (Phòng Tư pháp chủ trì).",
        "HUYỆN ĐĂK HÀ",
        "dak-ha.txt",
    );
    let r = audit(&parent, &child, &Config::default());
    let p = &r.parent_obligations[0];
    assert_eq!(p.status, Status::Covered, "{:?}", p.elements);
}
