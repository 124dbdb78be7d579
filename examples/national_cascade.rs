//! The national cascade at full scale, with figures.
//!
//! The Đồng Nai plan (examples/data/seeds/dong-nai-74-2026.txt) is imported
//! and lifted to national level to stand as the decision; a seeded generator
//! derives 34 province plans and 3,321 commune plans from it with recorded
//! edits; the whole cascade is audited (each province against the decision,
//! each commune against its province) and the audit is scored against the
//! ground truth.
//!
//! ```sh
//! cargo run --release --example national_cascade            # full scale
//! cargo run --release --example national_cascade -- 340     # 340 communes
//! /usr/bin/time -v target/release/examples/national_cascade # peak memory
//! ```
use obligraph::rules::Config;
use obligraph_synth::eval::{audit_cascade, evaluate_cascade, Score};
use obligraph_synth::{generate, national_decision, CascadeSpec};
use std::path::Path;
use std::time::Instant;

/// mimalloc: the audit of a national cascade makes and frees millions of
/// small strings, which the system allocator does about 20 % slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn show(name: &str, s: &Score) {
    println!(
        "  {name:<18} tp {:>5}  fp {:>5}  fn {:>5}  precision {:.3}  recall {:.3}",
        s.true_positives,
        s.false_positives,
        s.false_negatives,
        s.precision(),
        s.recall()
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let communes: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 3321,
    };
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/seeds/dong-nai-74-2026.txt");
    let text = std::fs::read_to_string(&src)?;
    let national = national_decision(&text, &src.to_string_lossy())?;
    let spec = CascadeSpec {
        communes,
        ..CascadeSpec::national(2026)
    };
    let t = Instant::now();
    let cascade = generate(&national, &spec);
    let gen_time = t.elapsed();
    let obligations: usize = cascade
        .provinces
        .iter()
        .chain(&cascade.communes)
        .map(|p| p.plan.obligations.len())
        .sum();
    println!(
        "decision: {} obligations (Đồng Nai lifted); {} provinces, {} communes, {} derived obligations; generated in {:.1?}",
        national.obligations.len(),
        cascade.provinces.len(),
        cascade.communes.len(),
        obligations,
        gen_time
    );
    let config = Config::default();
    let t = Instant::now();
    let audit = audit_cascade(&cascade, &config);
    let audit_time = t.elapsed();
    let plans = audit.provinces.len() + audit.communes.len();
    println!(
        "audit: {plans} plans in {:.3?} ({:.1} µs per plan)",
        audit_time,
        audit_time.as_secs_f64() * 1e6 / plans.max(1) as f64
    );
    let (cov, n) = audit
        .provinces
        .iter()
        .chain(&audit.communes)
        .fold((0.0, 0), |(c, n), r| (c + r.coverage.ratio, n + 1));
    println!("mean coverage ratio: {:.3}", cov / f64::from(n.max(1)));
    let e = evaluate_cascade(&cascade, &audit);
    println!("against the generator's ground truth:");
    show("missing (OG001)", &e.missing);
    show("lead swapped", &e.lead_swapped);
    show("obsolete agency", &e.obsolete_agency);
    show("đề nghị dropped", &e.request_dropped);
    show("local initiative", &e.local_initiative);
    Ok(())
}
