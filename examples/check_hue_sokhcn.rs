//! The plan of Huế's Department of Science and Technology (Sở Khoa học và
//! Công nghệ, 2026, carrying out Đề án 65) through the rules that need no
//! parent: leads, deadlines, requested bodies, agencies that no longer
//! existed on the plan's date, and citations of known decisions.
//!
//! ```sh
//! cargo run --release --example check_hue_sokhcn
//! ```

use obligraph::report::{to_text, Sources, TextOptions};
use obligraph::rules::{Config, Registry};
use obligraph::vn::import_path;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data/seeds/hue-sokhcn-de-an-65-2026.txt");
    let import = match import_path(&file) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let plan = import.plan;
    let report = Registry::default().check(&plan, &Config::default());
    let mut sources = Sources::new();
    sources.add(&plan, "examples/data/seeds/hue-sokhcn-de-an-65-2026.txt");
    let opts = TextOptions {
        colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        verbose: true,
        width: obligraph::report::wrap::terminal_width(),
        ..TextOptions::default()
    };
    print!("{}", to_text(&[report], &sources, &opts));
    println!(
        "\nImported {} obligations; {} of {} non-empty source lines unattributed.",
        plan.obligations.len(),
        import.stats.unattributed,
        import.stats.nonempty_lines
    );
    ExitCode::SUCCESS
}
