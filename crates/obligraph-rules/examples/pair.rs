//! Audits one seed against another and prints the alignment.
//! `cargo run -p obligraph-rules --example pair -- PARENT.txt CHILD.txt [PARENT_ID]`
//!
//! With a parent obligation's id, prints instead every derived obligation's
//! score against it with every pair a candidate (thresholds at zero), and
//! the evidence.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (parent, child, only) = match args.as_slice() {
        [p, c] => (p, c, None),
        [p, c, id] => (p, c, Some(id.as_str())),
        _ => {
            eprintln!("usage: pair PARENT CHILD [PARENT_ID]");
            return;
        }
    };
    let load = |p: &str| -> Option<obligraph_core::Plan> {
        let t = std::fs::read_to_string(p).ok()?;
        obligraph_vn::import_text(&t, p).ok().map(|i| i.plan)
    };
    let (Some(p), Some(c)) = (load(parent), load(child)) else {
        eprintln!("cannot import");
        return;
    };
    if let Some(id) = only {
        let mut open = obligraph_rules::Config::default();
        open.matching.partial_threshold = 0.0;
        open.matching.best_match_threshold = 0.0;
        open.matching.extra_match_threshold = 0.0;
        let r = obligraph_rules::audit(&p, &c, &open);
        for po in r
            .parent_obligations
            .iter()
            .filter(|po| po.id.as_ref() == id)
        {
            println!("{} {:?} {}", po.id, po.status, po.text);
            let mut all: Vec<_> = po.matches.iter().chain(&po.candidates).collect();
            all.sort_by(|a, b| b.score.total_cmp(&a.score));
            for m in all.iter().take(12) {
                let t: String = m.child_text.chars().take(70).collect();
                println!("  {:12} {:.2} {:?} {t}", m.child_id, m.score, m.evidence);
            }
        }
        return;
    }
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
