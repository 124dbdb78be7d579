//! The `obligraph` command line: a thin call into [`obligraph::cli`], where
//! the commands live and are tested.
//!
//! Exit codes: 0 no finding of severity error; 1 at least one error
//! finding; 2 bad usage or unreadable input; 3 (`import`) no plan found in
//! the input.
#![forbid(unsafe_code)]

use std::process::ExitCode;

/// mimalloc: the audit of a national cascade makes and frees millions of
/// small strings, which the system allocator does about 20 % slower.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    obligraph::cli::run(std::env::args_os())
}
