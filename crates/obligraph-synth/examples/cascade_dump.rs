//! Writes the JSON of every audit of the synthetic national cascade (and of
//! the scaling fleet of `benches/cascade.rs`) to a file, to check that a
//! change leaves the audit byte-identical:
//!
//! ```sh
//! cargo run --release -p obligraph-synth --example cascade_dump -- /tmp/cascade.json
//! ```
use obligraph_rules::{audit_fleet, Config};
use obligraph_synth::eval::audit_cascade;
use obligraph_synth::{generate, CascadeSpec};
use std::io::Write;

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/cascade.json".into());
    let (national, full) = common::national_cascade()?;
    let cfg = Config::default();
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
    let audit = audit_cascade(&full, &cfg);
    serde_json::to_writer(&mut w, &audit)?;
    writeln!(w)?;
    let provinces: Vec<_> = full.provinces.iter().map(|p| p.plan.clone()).collect();
    serde_json::to_writer(&mut w, &audit_fleet(&national, &provinces, &cfg))?;
    writeln!(w)?;
    // The scaling fleet of the bench: communes of seed 7 against province 0.
    if let Some(parent) = full.provinces.first() {
        let spec = CascadeSpec {
            provinces: 1,
            communes: 3321,
            ..CascadeSpec::national(7)
        };
        let one = generate(&national, &spec);
        let kids: Vec<_> = one.communes.iter().map(|p| p.plan.clone()).collect();
        serde_json::to_writer(&mut w, &audit_fleet(&parent.plan, &kids, &cfg))?;
        writeln!(w)?;
        // Full reports for the first 200 of them.
        let n = kids.len().min(200);
        let reps = obligraph_rules::audit_many(&parent.plan, kids.get(..n).unwrap_or(&[]), &cfg);
        serde_json::to_writer(&mut w, &reps)?;
        writeln!(w)?;
    }
    w.flush()?;
    Ok(())
}
