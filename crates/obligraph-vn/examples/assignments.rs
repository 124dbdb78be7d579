//! Prints the assignment table of a plan, one obligation per line:
//! id · leads · supports · requested · deadline as written · start of the
//! text. `cargo run -p obligraph-vn --example assignments -- FILE`.

use std::path::Path;

use obligraph_core::Role;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for arg in std::env::args().skip(1) {
        let import = obligraph_vn::import_path(Path::new(&arg))?;
        println!("# {arg}");
        for o in &import.plan.obligations {
            let names = |role: Role| {
                o.assignments
                    .iter()
                    .filter(|a| a.role == role)
                    .map(|a| a.agency.name.clone())
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            let requested = o
                .assignments
                .iter()
                .filter(|a| a.requested)
                .map(|a| a.agency.name.clone())
                .collect::<Vec<_>>()
                .join(" | ");
            let text: String = o.text.chars().take(70).collect();
            println!(
                "{}\t{:?}\tL[{}]\tS[{}]\tR[{}]\tD[{}]\t{}",
                o.id,
                o.kind,
                names(Role::Lead),
                names(Role::Support),
                requested,
                o.deadline_text.as_deref().unwrap_or(""),
                text
            );
        }
    }
    Ok(())
}
