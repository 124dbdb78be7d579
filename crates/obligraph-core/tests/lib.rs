//! Integration tests of obligraph-core: one test binary, one module per
//! theme.

mod deadline_props;
mod graph_seed;
mod rrule_oracle;
mod serde_roundtrip;
mod strategies;

/// The hand-encoded Đồng Nai plan (74/KH-UBND), shared by several modules.
pub(crate) fn dong_nai_plan() -> obligraph_core::Plan {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/dong-nai-74-2026.plan.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}
