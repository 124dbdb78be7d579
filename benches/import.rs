//! Import of the largest corpus document (Đồng Nai plan 74/KH-UBND, 57 kB
//! of text with a 55-row appendix table), reported as bytes per second;
//! and the same plan from its PDF fixture (`tests/fixtures/pdf/`, 16 pages
//! printed by LibreOffice), read from its text layer and imported, whose
//! median must stay under 100 ms.
//!
//! ```sh
//! cargo bench --bench import -- --warm-up-time 1 --measurement-time 5
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// The allocator the `obligraph` binary uses (see README, Performance): a
/// bench measures what the command line and the service run. With the
/// system allocator (glibc) the warm import counts about 17 % more
/// instructions (session 19, helper fast19).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn largest() -> (String, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut best = (String::new(), String::new());
    for sub in ["seeds", "decisions"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.len() > best.1.len() {
                    best = (
                        path.file_name().unwrap().to_string_lossy().into_owned(),
                        text,
                    );
                }
            }
        }
    }
    best
}

fn bench_import(c: &mut Criterion) {
    let (name, text) = largest();
    let import = obligraph_vn::import_text(&text, &name).unwrap();
    assert!(!import.plan.obligations.is_empty());
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| obligraph_vn::import_text(black_box(&text), "bench.txt").unwrap())
    });
    group.finish();
}

fn bench_import_pdf(c: &mut Criterion) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf/dong-nai-74-2026.pdf");
    let import = obligraph::vn::import_path(&path).unwrap();
    assert!(import.plan.obligations.len() > 50);
    let mut group = c.benchmark_group("import_pdf");
    group.sample_size(20);
    group.bench_function("dong-nai-74-2026.pdf", |b| {
        b.iter(|| obligraph::vn::import_path(black_box(&path)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_import, bench_import_pdf);
criterion_main!(benches);
