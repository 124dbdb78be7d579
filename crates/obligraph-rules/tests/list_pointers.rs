//! An item that points back at another item's list ("nạn nhân của các
//! hành vi nêu tại mục 2 phần này") carries that list as if it wrote it
//! out (session 26: Sở LĐ-TB&XH Bình Thuận's item 6 was called partial for
//! the acts its item 4 lists). A pointer at an item that lists something
//! else carries nothing of the list. In Quảng Ngãi's wording.

use obligraph_rules::Status;

fn province() -> String {
    "ỦY BAN NHÂN DÂN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI	Độc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND	Quảng Ngãi, ngày 10 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn tỉnh
I. NHIỆM VỤ
1. Nâng cao chất lượng trợ giúp pháp lý, hỗ trợ tâm lý cho nạn nhân của hành vi tra tấn, nhất là nạn nhân của các hành vi bức cung, dùng nhục hình, giam giữ người trái pháp luật (Sở Tư pháp chủ trì; hằng năm).
2. Tuyên truyền pháp luật về phòng, chống tra tấn cho cán bộ, công chức (Sở Tư pháp chủ trì; hằng năm).
"
    .to_string()
}

fn department(list: &str) -> String {
    format!(
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TƯ PHÁP	Độc lập - Tự do - Hạnh phúc
Số: 31/KH-STP	Quảng Ngãi, ngày 25 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Kế hoạch số 77/KH-UBND của Ủy ban nhân dân tỉnh
I. NHIỆM VỤ
1. Tuyên truyền pháp luật về phòng, chống tra tấn cho cán bộ, công chức của Sở; Văn phòng Sở chủ trì, thực hiện hằng năm.
2. Tiếp nhận, xử lý kịp thời đơn thư phản ánh {list}; Thanh tra Sở chủ trì, thực hiện thường xuyên.
3. Nâng cao chất lượng trợ giúp pháp lý, hỗ trợ tâm lý cho nạn nhân của hành vi tra tấn, nhất là nạn nhân của các hành vi nêu tại mục 2 phần này; Trung tâm Trợ giúp pháp lý nhà nước chủ trì, thực hiện hằng năm.
"
    )
}

#[test]
fn a_pointer_carries_the_list_it_points_at() {
    let child = department("các hành vi bức cung, dùng nhục hình, giam giữ người trái pháp luật");
    let r = crate::common::audited(&province(), &child, "trợ giúp pháp lý");
    assert_eq!(r.status, Status::Covered, "{:?}", r.elements);
}

#[test]
fn a_pointer_at_another_list_carries_nothing_of_it() {
    let child = department("việc chậm giải quyết thủ tục hành chính");
    let r = crate::common::audited(&province(), &child, "trợ giúp pháp lý");
    assert_eq!(r.status, Status::Partial, "{:?}", r.elements);
}

/// Plans of one fleet audited against one parent index share what is read
/// of a text they both write: the pointing item's words are kept, but what
/// it points at is each plan's own item 2.
#[test]
fn a_pointer_written_alike_in_two_plans_points_into_each_plan() {
    let load = |t: &str, name: &str| obligraph_vn::import_text(t, name).unwrap().plan;
    let parent = load(&province(), "parent.txt");
    let carries = load(
        &department("các hành vi bức cung, dùng nhục hình, giam giữ người trái pháp luật"),
        "carries.txt",
    );
    let other = load(
        &department("việc chậm giải quyết thủ tục hành chính"),
        "other.txt",
    );
    let id = parent
        .obligations
        .iter()
        .find(|o| o.text.contains("trợ giúp pháp lý"))
        .map(|o| o.id.clone())
        .expect("the legal aid task");
    let cfg = obligraph_rules::Config::default();
    for (plans, want) in [
        (
            [carries.clone(), other.clone()],
            [Status::Covered, Status::Partial],
        ),
        ([other, carries], [Status::Partial, Status::Covered]),
    ] {
        let reports = obligraph_rules::audit_many(&parent, &plans, &cfg);
        let got: Vec<Status> = reports
            .iter()
            .map(|r| r.parent_obligation(&id).expect("reported").status)
            .collect();
        assert_eq!(got, want);
    }
}
