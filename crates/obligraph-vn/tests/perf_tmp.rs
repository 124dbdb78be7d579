use obligraph_core::Role;
use obligraph_vn::agency::*;
use obligraph_vn::deadline_phrase::*;
#[test]
fn perf() {
    let ctx = DeadlineContext::default();
    let actx = AgencyContext::default();
    let mut lines = Vec::new();
    for f in ["binh-thuan-qd87-2023.txt", "dong-nai-74-2026.txt", "hue-qd2715-2026.txt", "hue-sokhcn-de-an-65-2026.txt", "ngo-quyen-102-2023.txt"] {
        let t = std::fs::read_to_string(format!("{}/../../examples/data/seeds/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        lines.extend(t.lines().map(str::to_string));
    }
    let t = std::time::Instant::now();
    for l in &lines { let _ = find_deadline(l, &ctx); }
    println!("find {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for l in &lines { let _ = parse_deadline(l, &ctx); }
    println!("parse {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let mut worst = (std::time::Duration::ZERO, String::new());
    for l in &lines { let s = std::time::Instant::now(); let _ = parse_agency_list(l, Role::Lead, &actx); let e = s.elapsed(); if e > worst.0 { worst = (e, l.chars().take(80).collect()); } }
    println!("agency {:?} worst {:?}", t.elapsed(), worst);
}
