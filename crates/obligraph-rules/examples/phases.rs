//! Where the service's real-pair audit (Ngô Quyền child vs Bình Thuận
//! parent) spends its time, phase by phase: the two imports, the parent's
//! index, the audit with the index built. Medians of `--runs` (default 30).
//! `cargo run --release -p obligraph-rules --example phases [-- --runs N]`
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let runs: usize = std::env::args()
        .skip_while(|a| a != "--runs")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/seeds");
    let read = |n: &str| std::fs::read_to_string(format!("{dir}/{n}.txt")).unwrap_or_default();
    let (pt, ct) = (read("binh-thuan-qd87-2023"), read("ngo-quyen-102-2023"));
    let import = |t: &str, n: &str| {
        obligraph_vn::import_text(t, n)
            .map(|i| i.plan)
            .unwrap_or_default()
    };
    let cfg = obligraph_rules::Config::default();
    let (mut ip, mut ic, mut ix, mut au) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let t = Instant::now();
        let parent = import(&pt, "binh-thuan-qd87-2023.txt");
        ip.push(t.elapsed());
        let t = Instant::now();
        let child = import(&ct, "ngo-quyen-102-2023.txt");
        ic.push(t.elapsed());
        let t = Instant::now();
        let index = obligraph_rules::ParentIndex::new(&parent);
        ix.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(obligraph_rules::audit_with_index(&index, &child, &cfg));
        au.push(t.elapsed());
    }
    println!(
        "import parent {:?} | import child {:?} | parent index {:?} | audit {:?}",
        median(ip),
        median(ic),
        median(ix),
        median(au)
    );
}
