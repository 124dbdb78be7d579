//! Imports the largest seed (`dong-nai-74-2026.txt`, the input of
//! `benches/import.rs`) N times, for counting instructions per import:
//! run under `valgrind --tool=cachegrind --cache-sim=no` with N and N+4
//! and divide the difference of the "I refs" by 4.
//!
//! ```sh
//! cargo build --release -p obligraph-vn --example import_n
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/import_n 1
//! ```

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/seeds/dong-nai-74-2026.txt"
    );
    let text = std::fs::read_to_string(path).expect("read the largest seed");
    for _ in 0..n {
        let import = obligraph_vn::import_text(std::hint::black_box(&text), "bench.txt")
            .expect("import the largest seed");
        std::hint::black_box(import);
    }
}
