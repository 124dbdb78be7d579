//! Prints what the importer makes of a seed: one line per obligation.
//! `cargo run -p obligraph-rules --example dump -- examples/data/seeds/x.txt`
fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        match obligraph_vn::import_text(&text, &path) {
            Ok(imp) => {
                let p = &imp.plan;
                println!(
                    "== {path}: {:?} {:?} {:?} {:?} obligations={}",
                    p.number,
                    p.date,
                    p.level,
                    p.issuer,
                    p.obligations.len()
                );
                for r in &p.implements {
                    println!("   implements {:?} {:?}", r.number, r.date);
                }
                for o in &p.obligations {
                    let t: String = o.text.chars().take(70).collect();
                    let a: Vec<String> = o
                        .assignments
                        .iter()
                        .map(|a| {
                            format!(
                                "{}{}{}[{}|{:?}|{}]",
                                if a.role == obligraph_core::Role::Lead {
                                    "L:"
                                } else {
                                    "S:"
                                },
                                if a.requested { "req " } else { "" },
                                a.as_written,
                                a.agency.id,
                                a.agency.level,
                                if a.agency.orderable { "o" } else { "NO" }
                            )
                        })
                        .collect();
                    println!(
                        "{:8} {:?} L{}-{} sec={:?} | {} | {} | {:?}",
                        o.id,
                        o.kind,
                        o.source.line_start,
                        o.source.line_end,
                        o.section,
                        t,
                        a.join("; "),
                        o.deadline_text
                    );
                    if o.roles_carried() {
                        println!(
                            "         roles from {}; deadline from [{}]",
                            o.roles_from.join(", "),
                            o.deadline_from.join(", ")
                        );
                    }
                }
            }
            Err(e) => println!("{path}: error {e}"),
        }
    }
}
