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
    // One pass: each run of letters and digits copied, one space between
    // runs (what splitting at every other char and joining the non-empty
    // words with spaces gives).
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if obligraph_vn::normalize::is_alphanumeric(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// The pre-image of a finding without its key. The parent plan's name
/// and the parent and derived texts come [`normalise`]d (see
/// [`ParentTexts`]).
pub(crate) fn preimage(
    code: &str,
    parent_plan: Option<&str>,
    parent_text: Option<&str>,
    child_text: Option<&str>,
) -> String {
    let mut s = String::new();
    s.push_str(code);
    s.push(SEP);
    s.push_str(parent_plan.unwrap_or(""));
    s.push(SEP);
    s.push_str(parent_text.unwrap_or(""));
    s.push(SEP);
    s.push_str(child_text.unwrap_or(""));
    s.push(SEP);
    s
}

/// The [`normalise`]d texts of a parent plan's obligations, by position,
/// each computed when a finding first needs it and kept with the parent's
/// index: a service auditing many derived plans against one cached parent
/// normalises each parent text once (about half of the fingerprint work
/// of a real-pair audit). With them, the normalised texts of the derived
/// obligations, by text: derived plans copy many texts of their parent,
/// hence of each other.
#[derive(Debug, Clone)]
pub(crate) struct ParentTexts {
    parent: Vec<std::sync::OnceLock<String>>,
    derived: crate::text::Memo<String>,
    /// The parent plan's number (else title), normalised: the same for
    /// every finding about a parent obligation (a title of a few hundred
    /// chars normalised per finding was 3 % of a cached-parent audit).
    plan: std::sync::OnceLock<String>,
}

impl ParentTexts {
    /// Room for `n` obligations' texts.
    pub(crate) fn new(n: usize) -> ParentTexts {
        ParentTexts {
            parent: vec![std::sync::OnceLock::new(); n],
            derived: crate::text::Memo::new(crate::align::CHILD_TEXT_MEMO),
            plan: std::sync::OnceLock::new(),
        }
    }

    /// The parent plan's `name` (its number, else its title), normalised.
    pub(crate) fn plan(&self, name: &str) -> &str {
        self.plan.get_or_init(|| normalise(name)).as_str()
    }

    /// The normalised `text` of obligation `i`.
    pub(crate) fn get(&self, i: usize, text: &str) -> Option<&str> {
        self.parent
            .get(i)
            .map(|c| c.get_or_init(|| normalise(text)).as_str())
    }

    /// The normalised `text` of a derived obligation.
    pub(crate) fn derived(&self, text: &str) -> std::sync::Arc<String> {
        self.derived.get_or_insert_with(text, || normalise(text))
    }
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

    /// The split-and-join `normalise` was, as the oracle of the one-pass one.
    fn normalise_by_split(text: &str) -> String {
        obligraph_vn::normalize::fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn one_pass_normalise_is_split_and_join() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/seeds");
        let mut lines = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            for line in text.lines() {
                assert_eq!(normalise(line), normalise_by_split(line), "{line}");
                lines += 1;
            }
            assert_eq!(normalise(&text), normalise_by_split(&text));
        }
        assert!(lines > 1000, "{lines} seed lines");
        for odd in [
            "",
            " ",
            "--",
            " a  b ",
            "x\u{1f}y",
            "Tuye\u{302}n 2023–2025 ½ ²",
            "ǅ Ⅻ ٣",
        ] {
            assert_eq!(normalise(odd), normalise_by_split(odd), "{odd:?}");
        }
    }

    #[test]
    fn fnv1a_is_the_documented_algorithm() {
        // FNV-1a 64 test vectors: "" and "a".
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_eq!(hash(b"a"), "af63dc4c8601ec8c");
    }
}
