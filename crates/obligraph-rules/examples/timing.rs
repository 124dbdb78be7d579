//! Where an audit spends its time: alignment alone vs the whole audit,
//! and `check` alone. `cargo run --release -p obligraph-rules --example timing`
use std::time::Instant;
fn main() {
    let load = |n: &str| {
        let p = format!("examples/data/seeds/{n}.txt");
        let t = std::fs::read_to_string(&p).unwrap_or_default();
        obligraph_vn::import_text(&t, &p)
            .map(|i| i.plan)
            .unwrap_or_default()
    };
    let parent = load("dong-nai-74-2026");
    let child = load("hue-qd2715-2026");
    let cfg = obligraph_rules::Config::default();
    let ix = obligraph_rules::ParentIndex::new(&parent);
    let n = 50;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(obligraph_rules::audit_with_index(&ix, &child, &cfg));
    }
    println!("audit (prebuilt index): {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(obligraph_rules::check(&child, &cfg));
    }
    println!("check: {:?}", t.elapsed() / n);
    let mut none = cfg.clone();
    for (c, _) in obligraph_rules::CODES {
        none.rules.insert(
            (*c).to_string(),
            obligraph_rules::RuleSettings {
                enabled: Some(false),
                ..Default::default()
            },
        );
    }
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(obligraph_rules::audit_with_index(&ix, &child, &none));
    }
    println!("audit without rules: {:?}", t.elapsed() / n);
    let children: Vec<_> = (0..200).map(|_| child.clone()).collect();
    let t = Instant::now();
    let f = obligraph_rules::audit_fleet(&parent, &children, &cfg);
    println!(
        "fleet of {} Huế-sized children: {:?} ({:?} per child, all cores)",
        f.children.len(),
        t.elapsed(),
        t.elapsed() / 200
    );
}
