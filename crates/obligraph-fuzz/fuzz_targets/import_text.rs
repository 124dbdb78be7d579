//! The text importer never panics, and accounts for every non-empty line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(import) = obligraph_vn::import_text(text, "fuzz.txt") {
            let s = import.stats;
            assert_eq!(s.attributed + s.unattributed, s.nonempty_lines);
            // The output serialises and is reproducible.
            let a = serde_json::to_string(&import).unwrap();
            let b = serde_json::to_string(&obligraph_vn::import_text(text, "fuzz.txt").unwrap()).unwrap();
            assert_eq!(a, b);
        }
    }
});
