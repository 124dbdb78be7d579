//! A plan cites as a basis the plan that its own parent carries out
//! (session 27: Hàm Liêm's "Căn cứ Kế hoạch số 1422/KH-UBND" of the
//! province, beside "Thực hiện Kế hoạch số 158/KH-UBND … triển khai Kế
//! hoạch số 1422/KH-UBND" of the district, kept only the district's plan
//! as carried out). Written here in another city's wording.

const PLAN: &str = "ỦY BAN NHÂN DÂN QUẬN HẢI CHÂU
ỦY BAN NHÂN DÂN PHƯỜNG THẠCH THANG
Số: 41/KH-UBND
Thạch Thang, ngày 02 tháng 5 năm 2024

KẾ HOẠCH
Thực hiện Công ước chống tra tấn trên địa bàn phường năm 2024

Căn cứ Kế hoạch số 45/KH-UBND ngày 11/01/2024 của Ủy ban nhân dân thành phố Đà Nẵng về công tác phổ biến, giáo dục pháp luật năm 2024;
Căn cứ Kế hoạch số 145/KH-UBND ngày 04/3/2024 của Ủy ban nhân dân thành phố Đà Nẵng về thực hiện Công ước chống tra tấn;
Thực hiện Kế hoạch số 77/KH-UBND ngày 15/4/2024 của Ủy ban nhân dân quận Hải Châu về triển khai Kế hoạch số 145/KH-UBND ngày 04/3/2024 của Ủy ban nhân dân thành phố,
Ủy ban nhân dân phường Thạch Thang ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Công chức Tư pháp - Hộ tịch chủ trì tuyên truyền Công ước chống tra tấn cho Nhân dân; thời gian: Quý III/2024.
";

#[test]
fn a_basis_the_parent_carries_out_is_carried_out_through_it() {
    let plan = obligraph_vn::import_text(PLAN, "kh.txt").unwrap().plan;
    let numbers = |refs: &[obligraph_core::DocRef]| -> Vec<String> {
        refs.iter().filter_map(|r| r.number.clone()).collect()
    };
    assert_eq!(numbers(&plan.implements), ["77/KH-UBND", "145/KH-UBND"]);
    // The city's other plan, whose number is the end of "145/KH-UBND",
    // is no link of the chain: it stays a basis.
    assert_eq!(numbers(&plan.legal_bases), ["45/KH-UBND"]);
}
