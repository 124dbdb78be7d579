//! National scale: the whole cascade (34 provinces against the decision,
//! 3,321 communes against their provinces), the fleet of 34 provinces
//! against one decision, and how the cost per commune grows with the number
//! of communes (1 → 3,321).
//!
//! The decision is the Đồng Nai plan lifted to national level; the derived
//! plans come from the seeded generator in `crates/obligraph-synth`.
//!
//! `cargo bench --bench cascade` (each full-cascade iteration audits 3,355
//! plans: criterion runs 10 samples).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use obligraph_core::Plan;
use obligraph_rules::{audit_fleet, Config};
use obligraph_synth::eval::audit_cascade;
use obligraph_synth::{generate, national_decision, CascadeSpec};
use std::hint::black_box;

/// The allocator the `obligraph` binary uses (see README, Performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn decision() -> Plan {
    let path = format!(
        "{}/examples/data/seeds/dong-nai-74-2026.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("seed present");
    national_decision(&text, &path).expect("seed imports")
}

fn bench(c: &mut Criterion) {
    let national = decision();
    let cfg = Config::default();
    let full = generate(&national, &CascadeSpec::national(2026));
    let mut g = c.benchmark_group("national");
    g.sample_size(10);
    g.bench_function("cascade audit: 34 provinces + 3321 communes", |b| {
        b.iter(|| audit_cascade(black_box(&full), &cfg))
    });
    // The same, with the 3,355 reports freed outside the timed part: what a
    // caller that keeps the reports (to print, store or score them) waits.
    g.bench_function("cascade audit, reports kept (freeing not timed)", |b| {
        b.iter_with_large_drop(|| audit_cascade(black_box(&full), &cfg))
    });
    let provinces: Vec<Plan> = full.provinces.iter().map(|p| p.plan.clone()).collect();
    g.bench_function("fleet audit: 34 provinces against the decision", |b| {
        b.iter(|| audit_fleet(black_box(&national), black_box(&provinces), &cfg))
    });
    g.finish();

    // Scaling: the communes of one province plan, 1 to 3,321 of them.
    let parent = &full.provinces[0].plan;
    let mut s = c.benchmark_group("scaling (communes against one province)");
    s.sample_size(10);
    for n in [1usize, 10, 100, 1000, 3321] {
        let spec = CascadeSpec {
            provinces: 1,
            communes: n,
            ..CascadeSpec::national(7)
        };
        let one = generate(&national, &spec);
        let kids: Vec<Plan> = one.communes.iter().map(|p| p.plan.clone()).collect();
        s.throughput(Throughput::Elements(n as u64));
        s.bench_with_input(BenchmarkId::from_parameter(n), &kids, |b, kids| {
            b.iter(|| audit_fleet(black_box(parent), black_box(kids), &cfg))
        });
    }
    s.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
