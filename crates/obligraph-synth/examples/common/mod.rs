//! Set-up shared by this crate's examples.
use obligraph_core::Plan;
use obligraph_synth::{generate, national_decision, Cascade, CascadeSpec};

/// The shipped Đồng Nai plan lifted to national level as the decision, and
/// the national cascade generated from it (seed 2026).
pub fn national_cascade() -> Result<(Plan, Cascade), Box<dyn std::error::Error>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/seeds/dong-nai-74-2026.txt"
    );
    let text = std::fs::read_to_string(path)?;
    let national = national_decision(&text, path)?;
    let full = generate(&national, &CascadeSpec::national(2026));
    Ok((national, full))
}
