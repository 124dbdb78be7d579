//! Applicability to a commune of a parent plan that gives duties body by
//! body, in another province's wording than the plans it was read on.

use obligraph_core::Plan;
use obligraph_rules::{audit, Config, Status};

fn import_str(t: &str, name: &str) -> Plan {
    obligraph_vn::import_text(t, name).unwrap().plan
}

const PARENT: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc
Số: 210/KH-UBND\tQuảng Ngãi, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Công ước về quyền của người khuyết tật trên địa bàn tỉnh năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ và nhân dân về quyền của người khuyết tật.
II. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp
Chủ trì, phối hợp với các sở, ngành liên quan đẩy mạnh tuyên truyền, phổ biến pháp luật về người khuyết tật cho cán bộ, công chức.
2. Sở Y tế
Chủ trì tổ chức khám sàng lọc, phục hồi chức năng cho người khuyết tật tại các bệnh viện tuyến tỉnh.
3. Công an tỉnh
Chủ trì, phối hợp với các địa phương phòng, chống hành vi xâm hại người khuyết tật.
4. Ủy ban nhân dân các xã, phường
Tổ chức tuyên truyền về quyền của người khuyết tật tại cộng đồng dân cư.
Rà soát, lập danh sách người khuyết tật trên địa bàn để trợ giúp kịp thời.
";

const COMMUNE: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TỊNH KHÊ\tĐộc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND\tTịnh Khê, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Kế hoạch số 210/KH-UBND ngày 12/3/2026 của UBND tỉnh Quảng Ngãi
I. NHIỆM VỤ
1. Tổ chức tuyên truyền về quyền của người khuyết tật tại các thôn, tổ dân phố (Công chức Văn hóa - Xã hội chủ trì).
2. Rà soát, lập danh sách người khuyết tật trên địa bàn xã để trợ giúp kịp thời (Văn phòng HĐND và UBND xã chủ trì).
";

fn status_of(parent: &str, id_text: &str) -> (Status, Option<String>) {
    let parent = import_str(parent, "quang-ngai.txt");
    let child = import_str(COMMUNE, "tinh-khe.txt");
    let r = audit(&parent, &child, &Config::default());
    let o = parent
        .obligations
        .iter()
        .find(|o| o.text.contains(id_text))
        .unwrap_or_else(|| panic!("an obligation reading {id_text:?}"));
    let p = r.parent_obligation(&o.id).expect("reported");
    (p.status, p.reason.as_deref().map(str::to_string))
}

#[test]
fn another_bodys_part_is_not_the_communes_when_they_have_their_own() {
    // The department's dissemination duty: a kind that reaches the
    // grassroots, but the plan gives the communes their own part.
    let (s, why) = status_of(PARENT, "đẩy mạnh tuyên truyền");
    assert_eq!(s, Status::NotApplicable, "{why:?}");
    assert!(why.is_some_and(|w| w.contains("Sở Tư pháp")));
    let (s, _) = status_of(PARENT, "khám sàng lọc");
    assert_eq!(s, Status::NotApplicable);
    // The communes' own part is theirs.
    let (s, _) = status_of(PARENT, "tại cộng đồng dân cư");
    assert_eq!(s, Status::Covered);
    let (s, _) = status_of(PARENT, "lập danh sách");
    assert_eq!(s, Status::Covered);
    // A body's duty naming the localities reaches them.
    let (s, _) = status_of(PARENT, "xâm hại");
    assert_ne!(s, Status::NotApplicable);
}

#[test]
fn without_a_part_for_the_communes_the_kind_decides() {
    let parent = PARENT
        .split("4. Ủy ban nhân dân các xã, phường")
        .next()
        .unwrap()
        .to_string();
    let (s, why) = status_of(&parent, "đẩy mạnh tuyên truyền");
    assert_ne!(s, Status::NotApplicable, "{why:?}");
}
