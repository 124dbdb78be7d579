//! Stable finding fingerprints: the same finding on a re-audit of an
//! edited plan keeps its fingerprint.
//!
//! A fingerprint is 16 lowercase hex digits: the 64-bit FNV-1a hash (the
//! `fnv` crate; a fixed, documented algorithm, unlike std's
//! `DefaultHasher`) of the UTF-8 bytes of
//!
//! ```text
//! code ␟ parent plan ␟ parent text ␟ child text ␟ key
//! ```
//!
//! (`␟` is U+001F), where
//! - `code` is the rule code (`OG001`);
//! - `parent plan` is the parent plan's number (else its title), when the
//!   finding concerns a parent obligation, else empty;
//! - `parent text` and `child text` are the texts of the parent and
//!   derived obligations concerned, normalised by [`normalise`] (empty when
//!   none);
//! - `key` is the rule's kind-specific key ([`crate::Finding::with_key`]:
//!   the defunct agency, the cited number, the kind of pairing problem…),
//!   empty when one finding per obligation pair is all a rule makes.
//!
//! Obligation ids, line numbers, severities and message wording are left
//! out: inserting lines, renumbering, re-wording a message or configuring
//! a severity keeps every fingerprint. Changing the text of the task a
//! finding is about changes it. When two findings of one report still
//! share a fingerprint, the later one gets the hash of its pre-image followed
//! by `␟2` (then `␟3`, … until free), in report order (deterministic).

use crate::report::Finding;
use std::hash::Hasher;

/// The separator of the pre-image's fields.
const SEP: char = '\u{1f}';

/// An obligation's text as a fingerprint reads it: NFC, lower case,
/// every run of characters that are not letters or digits one space,
/// trimmed. Re-extraction noise (hard line breaks, spacing, punctuation,
/// NFD) does not change it.
pub(crate) fn normalise(text: &str) -> String {
    let folded = obligraph_vn::normalize::fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The pre-image of a finding without its key.
pub(crate) fn preimage(
    code: &str,
    parent_plan: Option<&str>,
    parent_text: Option<&str>,
    child_text: Option<&str>,
) -> String {
    let mut s = String::new();
    s.push_str(code);
    s.push(SEP);
    s.push_str(parent_plan.map(normalise).as_deref().unwrap_or(""));
    s.push(SEP);
    s.push_str(parent_text.map(normalise).as_deref().unwrap_or(""));
    s.push(SEP);
    s.push_str(child_text.map(normalise).as_deref().unwrap_or(""));
    s.push(SEP);
    s
}

/// FNV-1a 64 of `bytes`, as 16 hex digits.
fn hash(bytes: &[u8]) -> String {
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// Sets the fingerprint of every finding of one report from its
/// pre-image, disambiguating collisions in report order.
pub(crate) fn assign(findings: &mut [Finding]) {
    let mut taken: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for f in findings.iter_mut() {
        let mut fp = hash(f.preimage.as_bytes());
        let mut n = 2u32;
        while taken.contains(&fp) {
            fp = hash(format!("{}{SEP}{n}", f.preimage).as_bytes());
            n += 1;
        }
        taken.insert(fp.clone());
        f.fingerprint = fp;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_ignores_extraction_noise() {
        assert_eq!(
            normalise("Tuyên truyền,\n  phổ biến  Công ước"),
            normalise("tuyên truyền, phổ biến công ước")
        );
        // NFD in, same out.
        assert_eq!(normalise("Tuye\u{302}n"), normalise("Tuyên"));
        assert_ne!(
            normalise("Tuyên truyền"),
            normalise("Tuyên truyền pháp luật")
        );
    }

    #[test]
    fn fnv1a_is_the_documented_algorithm() {
        // FNV-1a 64 test vectors: "" and "a".
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_eq!(hash(b"a"), "af63dc4c8601ec8c");
    }
}
