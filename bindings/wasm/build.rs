//! Bounds the module's linear memory: a request that needs more traps
//! (the host discards the instance) instead of growing without end.

/// 512 MiB, in bytes (a multiple of the 64 KiB WebAssembly page).
const MAX_MEMORY: u64 = 512 * 1024 * 1024;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_FAMILY").is_ok_and(|f| f.split(',').any(|x| x == "wasm")) {
        println!("cargo:rustc-link-arg-cdylib=--max-memory={MAX_MEMORY}");
    }
}
