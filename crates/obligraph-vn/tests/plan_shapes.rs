//! Plan shapes the importer first met in session 19's three written plans
//! (a province plan set out by body, a department's own plan with
//! labelled lines and an appendix numbered on its own, a commune's plan
//! with a parenthesis under each lettered item), each written here the
//! way another province would write it. Each test fails without the
//! change it is named for.

mod common;
use common::import;

/// Kon Tum, 2024: the foot of a Word file as a two-column table joined by
/// TABs, the distribution list on the left, the signature on the right.
const TAB_FOOT: &str = "ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 77/KH-UBND
Kon Tum, ngày 03 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Công ước về quyền trẻ em trên địa bàn tỉnh
I. NHIỆM VỤ
1. Sở Lao động - Thương binh và Xã hội chủ trì tổ chức tập huấn cho cán bộ làm công tác trẻ em; thời gian: hằng năm.
II. TỔ CHỨC THỰC HIỆN
Giao Sở Lao động - Thương binh và Xã hội theo dõi, đôn đốc việc thực hiện Kế hoạch này./.

Nơi nhận:	TM. ỦY BAN NHÂN DÂN
- Bộ Lao động - Thương binh và Xã hội (b/c);	KT. CHỦ TỊCH
- TT. Tỉnh ủy, TT. HĐND tỉnh;	PHÓ CHỦ TỊCH
- Các sở, ban, ngành;
- UBND các huyện, thành phố;	
- Lưu: VT, KGVX.	Y Ngọc
";

#[test]
fn a_tab_joined_distribution_list_and_signature_are_no_tasks() {
    let i = import(TAB_FOOT);
    let texts: Vec<&str> = i.plan.obligations.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:#?}");
    for o in &i.plan.obligations {
        for junk in ["Nơi nhận", "CHỦ TỊCH", "Lưu", "Y Ngọc", "b/c"] {
            assert!(!o.text.contains(junk), "{o:#?}");
        }
    }
}
