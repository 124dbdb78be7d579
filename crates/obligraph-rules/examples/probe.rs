//! Probe: import a file and print the findings of `check`.
fn main() {
    for p in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&p).unwrap_or_default();
        let Ok(imp) = obligraph_vn::import_text(&t, &p) else {
            continue;
        };
        println!("{p}: date {:?} level {:?}", imp.plan.date, imp.plan.level);
        let r = obligraph_rules::check(&imp.plan, &obligraph_rules::Config::default());
        for f in &r.findings {
            println!(
                "  {} {} {}",
                f.code,
                f.child_id.clone().unwrap_or_default(),
                f.message
            );
        }
    }
}
