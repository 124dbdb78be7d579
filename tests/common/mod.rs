//! Helpers the binary's test files share (each declares `mod common;` and
//! uses a part of them): the seeds' paths and running `obligraph`.
#![allow(dead_code)] // each test binary uses only some of the helpers

use std::process::{Command, Output};

pub const DONG_NAI: &str = "examples/data/seeds/dong-nai-74-2026.txt";
pub const HUE: &str = "examples/data/seeds/hue-qd2715-2026.txt";
pub const HUE_SOKHCN: &str = "examples/data/seeds/hue-sokhcn-de-an-65-2026.txt";
pub const BINH_THUAN: &str = "examples/data/seeds/binh-thuan-qd87-2023.txt";
pub const NGO_QUYEN: &str = "examples/data/seeds/ngo-quyen-102-2023.txt";
pub const TRAN_BIEN: &str = "examples/data/communes/tran-bien-18-2026.txt";
pub const PHU_LY: &str = "examples/data/communes/phu-ly-09-2026.txt";
pub const TAN_AN: &str = "examples/data/communes/tan-an-22-2026.txt";
/// The example verdict file of the Ngô Quyền audit.
pub const VERDICTS: &str = "examples/data/verdicts/ngo-quyen-102-2023.verdicts.toml";

/// The binary under test: the one cargo built, or `$OBLIGRAPH_BIN` (e.g.
/// an installed copy), run from the workspace root without colour.
fn command() -> Command {
    let bin =
        std::env::var_os("OBLIGRAPH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_obligraph").into());
    let mut c = Command::new(bin);
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// Runs the binary, in English unless a test asks otherwise (the locale
/// picks the reports' language).
pub fn obligraph(args: &[&str]) -> Output {
    command()
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the binary runs")
}

/// Runs the binary with the locale variables given (the others removed).
pub fn obligraph_in_locale(args: &[&str], locale: &[(&str, &str)]) -> Output {
    let mut c = command();
    c.args(args).env_remove("LANG");
    for (k, v) in locale {
        c.env(k, v);
    }
    c.output().expect("the binary runs")
}

/// `obligraph audit --parent <parent> --child <child>`, then `more`.
pub fn audit(parent: &str, child: &str, more: &[&str]) -> Output {
    let mut args = vec!["audit", "--parent", parent, "--child", child];
    args.extend_from_slice(more);
    obligraph(&args)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}
