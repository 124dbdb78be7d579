//! Applicability to a commune of a parent plan that gives duties body by
//! body, in another province's wording than the plans it was read on.

use obligraph_rules::Status;

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
    let p = crate::common::audited(parent, COMMUNE, id_text);
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

/// A province plan whose rows name each department that leads and add
/// "các sở, ngành có liên quan" as support, in Nghệ An's wording (the rule
/// was read on the Đồng Nai plan).
const PROVINCE_ROWS: &str = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN\tĐộc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND\tNghệ An, ngày 20 tháng 2 năm 2026
KẾ HOẠCH
Triển khai thực hiện các khuyến nghị về quyền dân sự và chính trị trên địa bàn tỉnh Nghệ An
I. NHIỆM VỤ
1. Nghiên cứu, đề xuất hoàn thiện quy định về quản lý cư trú, xuất cảnh, nhập cảnh của công dân (Công an tỉnh chủ trì; các sở, ngành có liên quan phối hợp; thực hiện hằng năm).
2. Rà soát chính sách hỗ trợ người bệnh tâm thần tại cộng đồng (Sở Y tế chủ trì; các sở, ngành có liên quan phối hợp; thực hiện hằng năm).
3. Nghiên cứu, đề xuất sửa đổi quy định về bầu cử đại biểu Hội đồng nhân dân các cấp (Sở Nội vụ chủ trì; Sở Y tế, các sở, ngành có liên quan phối hợp; thực hiện năm 2026).
4. Quán triệt, phổ biến các khuyến nghị của Ủy ban Nhân quyền tới cán bộ, công chức trong cơ quan, đơn vị (Các sở, ngành có liên quan chủ trì; thực hiện quý II/2026).
5. Nâng cao chất lượng kiểm sát việc giải quyết tin báo, tố giác tội phạm (Đề nghị Viện kiểm sát nhân dân tỉnh chủ trì; các sở, ngành có liên quan phối hợp; thực hiện hằng năm).
";

/// The health department's own plan under it: it takes up its own row and
/// nothing else.
const HEALTH_PLAN: &str = "UBND TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc
Số: 140/KH-SYT\tNghệ An, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Kế hoạch số 88/KH-UBND ngày 20/02/2026 của UBND tỉnh Nghệ An
I. NHIỆM VỤ
1. Phòng Nghiệp vụ Y chủ trì rà soát chính sách hỗ trợ người bệnh tâm thần tại cộng đồng, thực hiện hằng năm.
";

fn health_status(id_text: &str) -> (Status, Option<String>, bool) {
    let p = crate::common::audited(PROVINCE_ROWS, HEALTH_PLAN, id_text);
    (p.status, p.reason.as_deref().map(str::to_string), p.review)
}

#[test]
fn a_row_another_body_leads_with_those_concerned_is_not_a_departments_it_leaves_out() {
    // Residence and exit law, led by the police, the department one of
    // "các sở, ngành có liên quan": not its own, flagged for review.
    let (s, why, review) = health_status("quản lý cư trú");
    assert_eq!(s, Status::NotApplicable, "{why:?}");
    assert!(why.is_some_and(|w| w.contains("có liên quan")));
    assert!(review);
    // The same when the body leading it can only be asked (a procuracy).
    let (s, why, _) = health_status("kiểm sát việc giải quyết");
    assert_eq!(s, Status::NotApplicable, "{why:?}");
    // Its own row is carried.
    let (s, _, _) = health_status("người bệnh tâm thần");
    assert_eq!(s, Status::Covered);
    // Named by name as a support: a row it left out is missing.
    let (s, why, _) = health_status("bầu cử");
    assert_eq!(s, Status::Missing, "{why:?}");
    // Given to "those concerned" as leads: every department reads itself
    // in, so a plan leaving it out dropped it.
    let (s, why, _) = health_status("Quán triệt");
    assert_eq!(s, Status::Missing, "{why:?}");
}

#[test]
fn a_task_only_requested_bodies_lead_is_relayed_below_and_flagged() {
    // Quảng Ngãi's plan asks the Front to lead a supervision; a commune
    // plan relays the request to its own Front ("Đề nghị Ủy ban Mặt trận
    // Tổ quốc Việt Nam xã", as the real ward plans do) or drops it. Readers
    // split on whether dropping it is a gap, so a "missing" is flagged.
    let parent = format!(
        "{PARENT}5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì giám sát việc thực hiện chính sách đối với người khuyết tật tại cơ sở.\n"
    );
    let p = crate::common::audited(&parent, COMMUNE, "giám sát việc thực hiện");
    assert_eq!(p.status, Status::Missing, "{:?}", p.reason);
    assert!(p.reason.is_some(), "a flagged verdict says why");
    assert!(p.review);
    let relaying = format!(
        "{COMMUNE}3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã giám sát việc thực hiện chính sách đối với người khuyết tật trên địa bàn xã.\n"
    );
    let p = crate::common::audited(&parent, &relaying, "giám sát việc thực hiện");
    assert_eq!(p.status, Status::Covered, "{:?}", p.reason);
}

/// A plan below is the plan the parent's "xây dựng kế hoạch" duty asks of
/// it: a weak pair with another derived duty (Sở Tư pháp Bình Thuận's
/// "phản ánh khó khăn, vướng mắc về Văn phòng Sở", at 0.32) does not make
/// the duty partial (session 21, read on that plan after its first
/// measurement).
#[test]
fn a_plan_below_carries_the_duty_to_draft_it_whatever_weakly_pairs_with_it() {
    let parent = crate::common::seed("binh-thuan-qd87-2023");
    let child = crate::common::import("examples/data/written/binh-thuan-sotuphap-87-2023.txt");
    let r = obligraph_rules::audit(&parent, &child, &obligraph_rules::Config::default());
    let p = r.parent_obligation("III.1:draft").expect("reported");
    assert_eq!(p.status, Status::Covered, "{:?}", p.matches);
}

const HA_NAM_MONITOR: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ NAM	Độc lập - Tự do - Hạnh phúc
Số: 95/KH-UBND	Hà Nam, ngày 12 tháng 4 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Tổ chức tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ, tạm giam (Công an tỉnh chủ trì; hằng năm).
II. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố chỉ đạo sát sao, thường xuyên kiểm tra, đôn đốc việc thực hiện các nhiệm vụ được giao tại Kế hoạch này.
";

const KIM_BANG_MONITOR: &str = "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN KIM BẢNG	Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND	Kim Bảng, ngày 05 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 95/KH-UBND của Ủy ban nhân dân tỉnh về Công ước chống tra tấn
I. NHIỆM VỤ
1. Tổ chức tập huấn nghiệp vụ về phòng, chống tra tấn cho cán bộ làm công tác tạm giữ (Công an huyện chủ trì; hằng năm).
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND huyện giúp Ủy ban nhân dân huyện theo dõi, nắm tình hình các cơ quan, đơn vị thực hiện Kế hoạch.
";

/// A monitoring duty the province gives its departments and districts is
/// carried by the district's own monitoring duty, whatever its words
/// (session 21: Đồng Nai IV.1.c "Tập trung chỉ đạo, tăng cường kiểm tra,
/// đôn đốc …" against the plans below it written blind); flagged. A plan
/// with no monitoring duty of its own leaves it missing.
#[test]
fn a_plan_below_carries_a_monitoring_duty_by_its_own() {
    let p = crate::common::audited(HA_NAM_MONITOR, KIM_BANG_MONITOR, "đôn đốc");
    assert_eq!(p.status, Status::Covered, "{:?}", p.elements);
    assert!(p.review);
    // The same plan without its part II, the monitoring duty.
    let (without, _) = KIM_BANG_MONITOR
        .split_once("II. TỔ CHỨC THỰC HIỆN")
        .expect("a part II");
    let p = crate::common::audited(HA_NAM_MONITOR, without, "đôn đốc");
    assert_eq!(p.status, Status::Missing);
}
