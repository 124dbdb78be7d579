//! serde JSON round-trips: every deadline shape, whole plans, and the
//! hand-encoded Đồng Nai plan file.

use crate::strategies;
use obligraph_core::{Deadline, Plan};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every deadline (all variants, nested `All`) survives JSON.
    #[test]
    fn deadline_round_trips(dl in strategies::deadline()) {
        let json = serde_json::to_string(&dl).unwrap();
        let back: Deadline = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, dl);
    }

    /// Deadlines with out-of-range fields survive JSON too.
    #[test]
    fn wild_deadline_round_trips(dl in strategies::wild_deadline()) {
        let json = serde_json::to_string(&dl).unwrap();
        let back: Deadline = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, dl);
    }

    /// Whole plans survive JSON, compact and pretty.
    #[test]
    fn plan_round_trips(plan in strategies::plan()) {
        let json = serde_json::to_string(&plan).unwrap();
        let back: Plan = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &plan);
        let pretty = serde_json::to_string_pretty(&plan).unwrap();
        let back: Plan = serde_json::from_str(&pretty).unwrap();
        prop_assert_eq!(back, plan);
    }
}

/// The example plan file loads, and writing it back gives the same JSON
/// value (no field lost or renamed).
#[test]
fn dong_nai_plan_file_round_trips() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/dong-nai-74-2026.plan.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let plan: Plan = serde_json::from_str(&text).unwrap();
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let written = serde_json::to_value(&plan).unwrap();
    assert_eq!(written, original);
    let back: Plan = serde_json::from_value(written).unwrap();
    assert_eq!(back, plan);
}

/// The JSON shape of deadlines is the documented one (docs/plan-format.md).
#[test]
fn deadline_json_shape() {
    use obligraph_core::{DueDay, Trigger};
    let dl = Deadline::All {
        parts: vec![
            Deadline::annual(DueDay::before(11, 20)),
            Deadline::event(Trigger::AdHoc),
        ],
    };
    assert_eq!(
        serde_json::to_string(&dl).unwrap(),
        r#"{"kind":"all","parts":[{"kind":"recurring","period":"year","due":{"month":11,"day":20,"bound":"before"}},{"kind":"event","trigger":{"trigger":"ad_hoc"}}]}"#
    );
}
