//! Audits one seed against another and prints the alignment.
//! `cargo run -p obligraph-rules --example pair -- PARENT.txt CHILD.txt`
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [parent, child] = args.as_slice() else {
        eprintln!("usage: pair PARENT CHILD");
        return;
    };
    let load = |p: &str| -> Option<obligraph_core::Plan> {
        let t = std::fs::read_to_string(p).ok()?;
        obligraph_vn::import_text(&t, p).ok().map(|i| i.plan)
    };
    let (Some(p), Some(c)) = (load(parent), load(child)) else {
        eprintln!("cannot import");
        return;
    };
    let r = obligraph_rules::audit(&p, &c, &obligraph_rules::Config::default());
    println!("coverage {:?}", r.coverage);
    for po in &r.parent_obligations {
        let t: String = po.text.chars().take(60).collect();
        let m: Vec<String> = po
            .matches
            .iter()
            .map(|m| format!("{}={:.2}", m.child_id, m.score))
            .collect();
        println!(
            "{:14} {:?} [{}] {} {}",
            po.id,
            po.status,
            m.join(" "),
            t,
            po.reason.clone().unwrap_or_default()
        );
    }
    for l in &r.local_initiatives {
        let t: String = l.text.chars().take(60).collect();
        println!("LOCAL {:10} {:.2} {}", l.id, l.best_score, t);
    }
    for f in &r.findings {
        println!("{} {:?} {}", f.code, f.severity, f.message);
    }
}
