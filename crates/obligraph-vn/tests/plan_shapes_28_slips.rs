//! Plan shapes the importer misread in plans written blind in earlier
//! sessions (issue #12), each written here the way another province
//! would write it. Each test fails without the change it is named for.

mod common;
use common::{ids, import, task};

use obligraph_core::Role;

/// Tỉnh Bình Định, 2024: a plan on the Convention against Torture whose
/// body lists the items of its part 2 in another order than the
/// appendix's headings (body c) is heading IV, body d) heading III), the
/// headings all ending in the same words, and whose body b) states
/// heading II and runs both its rows together. (Khánh Hòa L45–L51.)
const REORDERED_HEADINGS: &str = "ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH

Số: 214/KH-UBND

Bình Định, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Hoàn thiện thể chế

a) Rà soát các văn bản quy phạm pháp luật của tỉnh về phòng, chống tra tấn để kiến nghị sửa đổi, bổ sung.

2. Nâng cao hiệu quả thực thi Công ước chống tra tấn

a) Tăng cường bảo đảm quyền của người bị tạm giữ, tạm giam tại các cơ sở giam giữ trên địa bàn tỉnh.

b) Triển khai có hiệu quả các chương trình quốc gia có liên quan đến phòng, chống tra tấn như: Chương trình quốc gia phòng, chống mua bán người giai đoạn 2021 - 2025; Chương trình trợ giúp pháp lý cho người nghèo, đối tượng chính sách.

c) Nâng cao chất lượng giải quyết bồi thường nhà nước cho người bị thiệt hại trong hoạt động tố tụng hình sự, thi hành án hình sự.

d) Nâng cao chất lượng giám định pháp y trong hoạt động tố tụng hình sự, thi hành án hình sự.

(Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này)

III. TỔ CHỨC THỰC HIỆN

1. Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch.

Phụ lục
NHIỆM VỤ THỰC HIỆN CÔNG ƯỚC CHỐNG TRA TẤN
(Kèm theo Kế hoạch số 214/KH-UBND ngày 12/3/2024 của Ủy ban nhân dân tỉnh Bình Định)

STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện
A\tHoàn thiện thể chế\t\t\t
I\tRà soát các văn bản quy phạm pháp luật của tỉnh về phòng, chống tra tấn\tSở Tư pháp\tCác sở, ngành liên quan\tNăm 2024
B\tNâng cao hiệu quả thực thi Công ước chống tra tấn\t\t\t
I\tTăng cường bảo đảm quyền của người bị tạm giữ, tạm giam tại các cơ sở giam giữ\tCông an tỉnh\tBộ Chỉ huy Quân sự tỉnh\tHằng năm
II\tTriển khai có hiệu quả các chương trình quốc gia có liên quan đến phòng, chống tra tấn, bao gồm:\t\t\t
1\tChương trình quốc gia phòng, chống mua bán người giai đoạn 2021 - 2025\tCông an tỉnh\tSở Y tế\tHằng năm
2\tChương trình trợ giúp pháp lý cho người nghèo, đối tượng chính sách\tSở Tư pháp\tỦy ban nhân dân các xã, phường\tHằng năm
III\tNâng cao chất lượng giám định pháp y trong hoạt động tố tụng hình sự, thi hành án hình sự\t\t\t
1\tBảo đảm đủ giám định viên pháp y cho Trung tâm Pháp y tỉnh\tSở Y tế\tSở Nội vụ\tNăm 2025
2\tĐầu tư trang thiết bị giám định cho Trung tâm Pháp y tỉnh\tSở Y tế\tSở Tài chính\tNăm 2026
IV\tNâng cao chất lượng giải quyết bồi thường nhà nước cho người bị thiệt hại trong hoạt động tố tụng hình sự, thi hành án hình sự\t\t\t
1\tGiải quyết kịp thời, đúng quy định các yêu cầu bồi thường của người bị thiệt hại\tSở Tư pháp\tCông an tỉnh\tHằng năm
2\tTập huấn nghiệp vụ cho công chức làm công tác bồi thường nhà nước\tSở Tư pháp\tSở Nội vụ\tHằng năm
";

/// A lettered body item takes the roles of the appendix heading whose
/// words it states, not of the heading at its place: every heading of
/// the part speaks of "tố tụng hình sự, thi hành án hình sự", so the one
/// at the place passes the words' threshold however wrong it is.
#[test]
fn a_reordered_body_item_takes_the_heading_its_words_state() {
    let i = import(REORDERED_HEADINGS);
    let compensation = task(
        &i,
        "giải quyết bồi thường nhà nước cho người bị thiệt hại trong",
    );
    let forensics = task(&i, "Nâng cao chất lượng giám định pháp y trong hoạt động");
    // Both are body items (the headings carry no roles and are sections).
    assert!(compensation.id.starts_with("II."), "{}", compensation.id);
    assert!(forensics.id.starts_with("II."), "{}", forensics.id);
    assert_eq!(ids(compensation, Role::Lead), ["province:justice"]);
    assert_eq!(ids(forensics, Role::Lead), ["province:health"]);
    assert_eq!(
        compensation.roles_from,
        ["PL.B.IV.1", "PL.B.IV.2"],
        "{compensation:#?}"
    );
    assert_eq!(forensics.roles_from, ["PL.B.III.1", "PL.B.III.2"]);
}

/// A body item that states a heading at its place and runs its rows
/// together ("… như: Chương trình …; Chương trình …") carries the roles
/// of every row, not of the one row it contains whole.
#[test]
fn a_body_item_over_a_heading_and_its_rows_takes_every_row() {
    let i = import(REORDERED_HEADINGS);
    let programmes = task(
        &i,
        "các chương trình quốc gia có liên quan đến phòng, chống tra tấn như",
    );
    assert_eq!(
        ids(programmes, Role::Lead),
        ["province:justice", "province:police"],
        "{programmes:#?}"
    );
    assert_eq!(programmes.restates, None);
}

/// Huyện Thăng Bình (Quảng Nam), 2023: the bullets of body item 2 in
/// another order than rows 2.1 and 2.2 of the appendix, the two rows
/// sharing half their words ("Công ước chống tra tấn và pháp luật Việt
/// Nam về phòng, chống tra tấn").
const REORDERED_BULLETS: &str = "ỦY BAN NHÂN DÂN
HUYỆN THĂNG BÌNH

Số: 88/KH-UBND

Thăng Bình, ngày 20 tháng 4 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Rà soát văn bản

- Rà soát các văn bản của huyện có nội dung liên quan đến phòng, chống tra tấn.

2. Tuyên truyền, tập huấn

- Tổ chức tập huấn chuyên sâu về Công ước chống tra tấn và pháp luật Việt Nam về phòng, chống tra tấn cho cán bộ, chiến sỹ Công an huyện và công chức tư pháp các xã, thị trấn.

- Ban hành kế hoạch tuyên truyền, phổ biến Công ước chống tra tấn và pháp luật Việt Nam về phòng, chống tra tấn năm 2023 trên địa bàn huyện.

PHỤ LỤC
NHIỆM VỤ CỤ THỂ

STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn
1\tRà soát các văn bản của huyện có nội dung liên quan đến phòng, chống tra tấn\tPhòng Tư pháp\tCác cơ quan liên quan\tNăm 2023
2\tTuyên truyền, tập huấn\t\t\t
2.1\tBan hành kế hoạch tuyên truyền, phổ biến Công ước chống tra tấn và pháp luật Việt Nam về phòng, chống tra tấn năm 2023\tPhòng Văn hóa và Thông tin\tPhòng Tư pháp\tQuý II/2023
2.2\tTổ chức tập huấn về Công ước chống tra tấn và pháp luật Việt Nam về phòng, chống tra tấn cho cán bộ, chiến sỹ Công an huyện\tCông an huyện\tPhòng Tư pháp\tHằng năm
";

/// A numbered bullet takes the row its words state when that row's own
/// place item words it less well: place proposes, text decides.
#[test]
fn a_reordered_bullet_takes_the_row_its_words_state() {
    let i = import(REORDERED_BULLETS);
    let training = task(&i, "Tổ chức tập huấn chuyên sâu");
    let plan = task(&i, "năm 2023 trên địa bàn huyện");
    assert_eq!(
        training.restates.as_deref(),
        Some("PL.2.2"),
        "{training:#?}"
    );
    assert_eq!(ids(training, Role::Lead), ["district:police"]);
    assert_eq!(plan.restates.as_deref(), Some("PL.2.1"), "{plan:#?}");
}

/// Huyện Bắc Bình (Bình Thuận), 2023: the standing office's duties as
/// bullets under a sentence that names it and ends with a colon.
/// (Công an quận Ngô Quyền L124.)
const LEAD_IN_DUTIES: &str = "ỦY BAN NHÂN DÂN
HUYỆN BẮC BÌNH

Số: 77/KH-UBND

Bắc Bình, ngày 18 tháng 4 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn huyện

II. NHIỆM VỤ

1. Tuyên truyền

1.1. Tổ chức tuyên truyền Công ước chống tra tấn cho cán bộ, công chức (Phòng Văn hóa và Thông tin chủ trì; thời gian: hằng năm).

III. TỔ CHỨC THỰC HIỆN

1. Phòng Tư pháp là cơ quan thường trực, giúp Ủy ban nhân dân huyện:

- Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này trên địa bàn huyện.

- Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân huyện trước ngày 05/11 hằng năm.

2. Công an huyện chủ trì tổ chức thực hiện các nhiệm vụ được giao tại Mục II.
";

/// A numbered duty that names its subject and opens bullets with a
/// colon is no duty of its own: its bullets are, led by it.
#[test]
fn a_subject_opening_duties_with_a_colon_is_no_task() {
    let i = import(LEAD_IN_DUTIES);
    common::no_task(&i, |t| t.contains("là cơ quan thường trực"));
    assert!(i
        .plan
        .sections
        .iter()
        .any(|s| s.title.contains("là cơ quan thường trực")));
    let monitor = task(&i, "Theo dõi, đôn đốc, kiểm tra việc thực hiện");
    assert_eq!(ids(monitor, Role::Lead), ["district:justice"]);
}

/// Công an huyện Hàm Thuận Nam (Bình Thuận), 2023: the district police's
/// holding house among the subjects of a task and as a lead of a role
/// line. (Công an quận Ngô Quyền L101.)
const HOLDING_HOUSE: &str = "CÔNG AN TỈNH BÌNH THUẬN
CÔNG AN HUYỆN HÀM THUẬN NAM

Số: 305/KH-CAH

Hàm Thuận Nam, ngày 24 tháng 4 năm 2023

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trong Công an huyện

II. NHIỆM VỤ

1. Quản lý tạm giữ

1.1. Nhà tạm giữ, Công an các xã, thị trấn tổ chức học tập các khuyến nghị của Ủy ban chống tra tấn cho cán bộ, chiến sỹ trực tiếp quản lý người bị tạm giữ.

1.2. Niêm yết công khai nội quy và quyền của người bị tạm giữ.
- Đơn vị chủ trì: Nhà tạm giữ Công an huyện.
- Thời gian: thường xuyên.
";

/// The holding house of a district police ("Nhà tạm giữ") is a unit of
/// the police plan: it leads as a subject and in a role line.
#[test]
fn the_holding_house_leads_in_a_police_plan() {
    let i = import(HOLDING_HOUSE);
    let study = task(&i, "tổ chức học tập các khuyến nghị");
    assert_eq!(
        ids(study, Role::Lead),
        ["commune:police", "unit:holding_house"],
        "{study:#?}"
    );
    let notice = task(&i, "Niêm yết công khai nội quy");
    assert_eq!(ids(notice, Role::Lead), ["unit:holding_house"]);
}
