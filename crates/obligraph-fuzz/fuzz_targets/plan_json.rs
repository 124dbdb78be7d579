//! The JSON plan loader never panics; a loaded plan round-trips.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(import) = obligraph_vn::import_json(text, "fuzz.json") {
            let json = serde_json::to_string(&import.plan).unwrap();
            let back: obligraph_core::Plan = serde_json::from_str(&json).unwrap();
            assert_eq!(back, import.plan);
        }
    }
});
