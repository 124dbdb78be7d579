//! The Ngô Quyền district plan (Hải Phòng, 2023) audited against the Bình
//! Thuận province plan (2023): both carry out the QĐ 87/QĐ-TTg family, one
//! level apart, so agencies are mapped to their counterparts one level down
//! (Sở Tư pháp → Phòng Tư pháp, Công an tỉnh → Công an quận).
//!
//! ```sh
//! cargo run --release --example audit_ngo_quyen_vs_binh_thuan
//! ```

use obligraph::report::{to_text, Sources, TextOptions};
use obligraph::rules::{audit, Config};
use obligraph::vn::import_path;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/seeds");
    let parent_file = data.join("binh-thuan-qd87-2023.txt");
    let child_file = data.join("ngo-quyen-102-2023.txt");
    let (parent, child) = match (import_path(&parent_file), import_path(&child_file)) {
        (Ok(p), Ok(c)) => (p.plan, c.plan),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let report = audit(&parent, &child, &Config::default());
    let mut sources = Sources::new();
    sources.add(&parent, "examples/data/seeds/binh-thuan-qd87-2023.txt");
    sources.add(&child, "examples/data/seeds/ngo-quyen-102-2023.txt");
    let opts = TextOptions {
        colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        verbose: std::env::args().any(|a| a == "--verbose"),
        width: obligraph::report::wrap::terminal_width(),
        ..TextOptions::default()
    };
    print!("{}", to_text(&[report], &sources, &opts));
    ExitCode::SUCCESS
}
