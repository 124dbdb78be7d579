//! The Huế city plan audited against the Đồng Nai province plan: two
//! siblings carrying out the same national decision (QĐ 2715/QĐ-TTg of
//! 13/12/2025), so the Đồng Nai plan stands in for the decision's task
//! list, whose full text could not be obtained.
//!
//! ```sh
//! cargo run --release --example audit_hue_vs_dong_nai
//! cargo run --release --example audit_hue_vs_dong_nai -- --verbose
//! ```

use obligraph::report::{to_text, Sources, TextOptions};
use obligraph::rules::{audit, Config};
use obligraph::vn::import_path;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/seeds");
    let parent_file = data.join("dong-nai-74-2026.txt");
    let child_file = data.join("hue-qd2715-2026.txt");
    let (parent, child) = match (import_path(&parent_file), import_path(&child_file)) {
        (Ok(p), Ok(c)) => (p.plan, c.plan),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let report = audit(&parent, &child, &Config::default());
    let mut sources = Sources::new();
    sources.add(&parent, "examples/data/seeds/dong-nai-74-2026.txt");
    sources.add(&child, "examples/data/seeds/hue-qd2715-2026.txt");
    let opts = TextOptions {
        colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        verbose: std::env::args().any(|a| a == "--verbose"),
        width: obligraph::report::wrap::terminal_width(),
        ..TextOptions::default()
    };
    print!("{}", to_text(&[report], &sources, &opts));
    ExitCode::SUCCESS
}
