//! The DOCX reader never panics on any bytes; what it reads imports.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = obligraph_vn::docx::docx_to_text(data) {
        let _ = obligraph_vn::import_text(&text, "fuzz.docx");
    }
});
