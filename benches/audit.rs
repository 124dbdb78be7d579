//! Alignment and audit of one real seed pair: the Huế city plan against the
//! Đồng Nai plan (both carry out QĐ 2715/QĐ-TTg). Plans are imported once;
//! the bench measures `audit` (index the parent, align, rules) and the
//! alignment against a prebuilt parent index.
//!
//! `cargo bench --bench audit`

use criterion::{criterion_group, criterion_main, Criterion};
use obligraph_rules::{audit, audit_with_index, Config, ParentIndex};
use std::hint::black_box;

/// The allocator the `obligraph` binary uses (see README, Performance): a
/// bench measures what the command line and the service run. With the
/// system allocator (glibc) the warm import counts about 17 % more
/// instructions (session 19, helper fast19).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(name: &str) -> obligraph_core::Plan {
    let path = format!(
        "{}/examples/data/seeds/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("seed present");
    obligraph_vn::import_text(&text, &path)
        .expect("seed imports")
        .plan
}

fn bench(c: &mut Criterion) {
    let parent = load("dong-nai-74-2026");
    let child = load("hue-qd2715-2026");
    let cfg = Config::default();
    c.bench_function("audit hue vs dong-nai (index + align + rules)", |b| {
        b.iter(|| audit(black_box(&parent), black_box(&child), &cfg))
    });
    let ix = ParentIndex::new(&parent);
    c.bench_function("audit hue vs dong-nai (prebuilt parent index)", |b| {
        b.iter(|| audit_with_index(black_box(&ix), black_box(&child), &cfg))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
