//! The import caches: an audit's parent imported and indexed once, and
//! its child imported once, each kept by its content (name and bytes),
//! bounded in entries and in estimated memory, least recently used out
//! first. Concurrent misses for one document wait for one import (single
//! flight): the first imports, the others are given its entry.
//!
//! An audit through the caches gives the same bytes as
//! [`contract::handle`](crate::contract::handle): the same steps in the
//! same order (settings, parent, child), with the parent's import and
//! index, and the child's import, taken from the caches when the same
//! document was seen before (an import is a function of the file name and
//! the bytes; tests/serve.rs holds the bytes equal).

use crate::contract::{self, AuditReport, Body, ConfigInput, Document, InputRef, Response};
use crate::vn::Import;
use crate::Auditor;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

self_cell::self_cell!(
    /// An imported parent with its index, which borrows the import's plan.
    struct Indexed {
        owner: Import,
        #[not_covariant]
        dependent: Auditor,
    }
);

/// What a cached document is known by: the file name the importer is
/// given (its extension says the format) and the document as sent.
#[derive(PartialEq, Eq)]
struct Key {
    file: String,
    base64: bool,
    content: String,
}

impl Key {
    /// The key of `doc`, when it gives exactly one of `text` and `base64`
    /// (otherwise the contract refuses it, and nothing is cached).
    fn of(doc: &Document) -> Option<Key> {
        let file = doc
            .name
            .clone()
            .unwrap_or_else(|| format!("{}.txt", doc.display_name()));
        match (&doc.text, &doc.base64) {
            (Some(t), None) => Some(Key {
                file,
                base64: false,
                content: t.clone(),
            }),
            (None, Some(b)) => Some(Key {
                file,
                base64: true,
                content: b.trim().to_string(),
            }),
            _ => None,
        }
    }

    /// The key's hash: FxHash, not the standard SipHash, which cost about
    /// 0.17 M instructions per hash of the real pair's documents (the
    /// server's count per parent-repeated request: 26.73 M with SipHash,
    /// 26.58 M with FxHash, two hashes each). A key is compared whole on a
    /// hit, so a collision costs an import, never a wrong entry.
    fn hash(&self) -> u64 {
        let mut h = rustc_hash::FxHasher::default();
        self.file.hash(&mut h);
        self.base64.hash(&mut h);
        self.content.hash(&mut h);
        h.finish()
    }
}

/// What a cache keeps of an import: the parent's import and index, or
/// the child's import.
trait Kept: Sized {
    /// How many bytes of memory an entry is counted for, per byte of its
    /// document.
    const WEIGHT_PER_BYTE: usize;
    fn of(import: Import) -> Self;
}

impl Kept for Indexed {
    /// The import, the index and the index's memo of derived texts.
    /// Measured: 64 cached variants of Bình Thuận (26 kB) each audited
    /// once raised the server's peak RSS by about 85 MB, 51 bytes per byte
    /// (examples/serve_load with and without `--cache-entries 0`).
    const WEIGHT_PER_BYTE: usize = 64;
    fn of(import: Import) -> Indexed {
        Indexed::new(import, |i| Auditor::new(&i.plan))
    }
}

impl Kept for Import {
    /// The import alone. Measured: 64 imports of Ngô Quyền variants
    /// (40 kB) kept at once raised the resident memory by about 2 bytes
    /// per byte (VmRSS before and after); counted twice over for what
    /// the allocator keeps besides.
    const WEIGHT_PER_BYTE: usize = 4;
    fn of(import: Import) -> Import {
        import
    }
}

struct Entry<V> {
    key: Option<Key>,
    kept: V,
    weight: usize,
}

impl<V: Kept> Entry<V> {
    /// What is kept of `import`, known by `key` (its weight from the
    /// key's content).
    fn of(import: Import, key: Option<Key>) -> Entry<V> {
        Entry {
            weight: key
                .as_ref()
                .map_or(0, |k| k.content.len().saturating_mul(V::WEIGHT_PER_BYTE)),
            key,
            kept: V::of(import),
        }
    }
}

struct Lru<V> {
    entries: lru::LruCache<u64, Arc<Entry<V>>>,
    bytes: usize,
}

/// A cache's figures, for `/healthz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) struct CacheStats {
    pub(crate) entries: usize,
    pub(crate) bytes: usize,
    pub(crate) hits: u64,
    pub(crate) misses: u64,
}

/// What an import gives: the entry, or the contract's error.
type Loaded<V> = Result<Arc<Entry<V>>, contract::ErrorBody>;

/// Documents imported (and what is kept of them), by content.
struct Cache<V> {
    lru: Mutex<Lru<V>>,
    /// Imports under way, by content hash: a miss for a document being
    /// imported waits on its cell instead of importing again. A cell lives
    /// only while its import runs (the entry then is in `lru`, or was too
    /// large to keep), so the memory bound is the one of `lru`.
    inflight: Mutex<HashMap<u64, Arc<OnceLock<Loaded<V>>>>>,
    max_bytes: usize,
    /// When set, a document is kept only when seen a second time: the
    /// hashes of those seen once, the least recently seen forgotten first.
    /// Children new in every request (the usual case) then take no room
    /// and push out nothing: keeping them cost the service's
    /// parent-repeated phase about 9 % of its CPU time per audit (server
    /// CPU ms/audit 4.58 against 4.19 in serve_load, at the same
    /// instruction count), the memory of each import being cold.
    seen_once: Option<Mutex<lru::LruCache<u64, ()>>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// How many documents seen once a cache that keeps a document on its
/// second sight remembers, per entry it may keep: a hash each (8 bytes).
const SEEN_ONCE_PER_ENTRY: usize = 4;

impl<V: Kept> Cache<V> {
    /// A cache of at most `max_entries` entries and about `max_bytes` of
    /// memory (an entry larger than that is not kept); with
    /// `second_sight`, a document is kept when seen the second time.
    fn new(max_entries: NonZeroUsize, max_bytes: usize, second_sight: bool) -> Cache<V> {
        Cache {
            lru: Mutex::new(Lru {
                entries: lru::LruCache::new(max_entries),
                bytes: 0,
            }),
            inflight: Mutex::new(HashMap::new()),
            max_bytes,
            seen_once: second_sight.then(|| {
                let n = max_entries.get().saturating_mul(SEEN_ONCE_PER_ENTRY);
                Mutex::new(lru::LruCache::new(
                    NonZeroUsize::new(n).unwrap_or(max_entries),
                ))
            }),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    fn stats(&self) -> CacheStats {
        let (entries, bytes) = match self.lru.lock() {
            Ok(l) => (l.entries.len(), l.bytes),
            Err(_) => (0, 0),
        };
        CacheStats {
            entries,
            bytes,
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    /// `doc` imported (and what is kept of it): from the cache, from an
    /// import of the same document under way (waiting for it), or loaded
    /// as the contract loads it (and kept). The error is the contract's.
    fn get(&self, doc: &Document) -> Loaded<V> {
        // A document the contract loads gives exactly one of `text` and
        // `base64`, so it has a key; without, the contract says why.
        let Some(key) = Key::of(doc) else {
            self.misses.fetch_add(1, Ordering::Relaxed);
            return self.load(doc, None);
        };
        let hash = key.hash();
        if let Some(e) = self.cached(hash, &key) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(e);
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let Ok(mut inflight) = self.inflight.lock() else {
            return self.load(doc, Some((key, hash)));
        };
        // Kept while this thread waited for the lock: no import.
        if let Some(e) = self.cached(hash, &key) {
            return Ok(e);
        }
        let cell = Arc::clone(inflight.entry(hash).or_default());
        drop(inflight);
        // The key moves into the import when this thread leads it.
        let mut own = Some(key);
        let loaded = cell
            .get_or_init(|| self.load(doc, own.take().map(|k| (k, hash))))
            .clone();
        match own {
            None => {
                if let Ok(mut inflight) = self.inflight.lock() {
                    if inflight.get(&hash).is_some_and(|c| Arc::ptr_eq(c, &cell)) {
                        inflight.remove(&hash);
                    }
                }
                loaded
            }
            // Another document with the same hash: imported on its own.
            Some(key) => match loaded {
                Ok(e) if e.key.as_ref() != Some(&key) => self.load(doc, Some((key, hash))),
                other => other,
            },
        }
    }

    /// The kept entry of `key`, most recently used from now on.
    fn cached(&self, hash: u64, key: &Key) -> Option<Arc<Entry<V>>> {
        let mut l = self.lru.lock().ok()?;
        let e = l.entries.get(&hash)?;
        (e.key.as_ref() == Some(key)).then(|| Arc::clone(e))
    }

    /// `doc` loaded as the contract loads it, and what is kept of it; kept
    /// under its key and hash, when it has them, unless larger than the
    /// whole budget.
    fn load(&self, doc: &Document, key: Option<(Key, u64)>) -> Loaded<V> {
        let loaded = contract::load(doc)?;
        let (key, hash) = key.unzip();
        let entry = Arc::new(Entry::of(loaded.import, key));
        let kept = hash.filter(|h| entry.weight <= self.max_bytes && self.admit(*h));
        if let Some(h) = kept {
            if let Ok(mut l) = self.lru.lock() {
                // `push` gives back the entry replaced or pushed out.
                if let Some((_, old)) = l.entries.push(h, Arc::clone(&entry)) {
                    l.bytes = l.bytes.saturating_sub(old.weight);
                }
                l.bytes = l.bytes.saturating_add(entry.weight);
                while l.bytes > self.max_bytes {
                    match l.entries.pop_lru() {
                        Some((_, old)) => l.bytes = l.bytes.saturating_sub(old.weight),
                        None => break,
                    }
                }
            }
        }
        Ok(entry)
    }

    /// Whether a document of hash `h` just imported is to be kept: always,
    /// or (on second sight) when seen before, else remembered as seen.
    fn admit(&self, h: u64) -> bool {
        let Some(seen) = &self.seen_once else {
            return true;
        };
        let Ok(mut seen) = seen.lock() else {
            return false;
        };
        if seen.pop(&h).is_some() {
            return true;
        }
        seen.put(h, ());
        false
    }
}

/// Parents imported and indexed, and children imported, by content.
pub(crate) struct ParentCache {
    parents: Cache<Indexed>,
    /// A child re-audited (the same plan against several parents, or
    /// again) is not imported again from its third audit on (kept on its
    /// second).
    children: Cache<Import>,
}

impl ParentCache {
    /// Caches of at most `max_entries` parents and as many children, each
    /// of about `max_bytes` of memory (an entry larger than that is not
    /// kept).
    pub(crate) fn new(max_entries: NonZeroUsize, max_bytes: usize) -> ParentCache {
        ParentCache {
            parents: Cache::new(max_entries, max_bytes, false),
            children: Cache::new(max_entries, max_bytes, true),
        }
    }

    /// The figures of the parents' cache.
    pub(crate) fn stats(&self) -> CacheStats {
        self.parents.stats()
    }

    /// The figures of the children's cache.
    pub(crate) fn child_stats(&self) -> CacheStats {
        self.children.stats()
    }

    /// `doc` imported and indexed, through the parents' cache.
    fn parent(&self, doc: &Document) -> Loaded<Indexed> {
        self.parents.get(doc)
    }

    /// The contract's answer to an audit, its parent through the cache.
    pub(crate) fn audit(
        &self,
        parent: &Document,
        child: &Document,
        config: Option<&ConfigInput>,
    ) -> Response {
        match self.audit_body(parent, child, config) {
            Ok(b) => Response::new(b),
            Err(e) => Response::new(Body::Error(contract::ErrorResult { error: e })),
        }
    }

    // The steps of the contract's `run` for `Request::Audit`, in its
    // order: settings, parent, child.
    fn audit_body(
        &self,
        parent: &Document,
        child: &Document,
        config: Option<&ConfigInput>,
    ) -> Result<Body, contract::ErrorBody> {
        let cfg = contract::config(config)?;
        let p = self.parent(parent)?;
        let c = self.children.get(child)?;
        let parent_input = InputRef::of(parent, p.kept.borrow_owner());
        let child_input = InputRef::of(child, &c.kept);
        let r = p
            .kept
            .with_dependent(|_, auditor| auditor.audit_rules(&c.kept.plan, &cfg));
        Ok(Body::Audit(AuditReport::from_rules(
            r,
            Some(parent_input),
            child_input,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(n: usize) -> Document {
        Document::text(
            format!("p{n}.txt"),
            format!(
                "Số: {n}/KH-UBND\nKẾ HOẠCH\nII. NHIỆM VỤ\n1. Tuyên truyền Công ước chống tra tấn\n"
            ),
        )
    }

    fn audit(cache: &ParentCache, parent: &Document) -> Vec<u8> {
        let child = plan(99);
        contract::to_json(&cache.audit(parent, &child, None))
    }

    #[test]
    fn bounded_in_entries_least_recent_out_first() {
        let cache = ParentCache::new(NonZeroUsize::new(2).unwrap(), usize::MAX);
        for n in [1, 2, 1, 3] {
            audit(&cache, &plan(n));
        }
        let s = cache.stats();
        assert_eq!((s.entries, s.hits, s.misses), (2, 1, 3));
        // 2 went out (least recently used), 1 stayed.
        audit(&cache, &plan(1));
        assert_eq!(cache.stats().hits, 2);
        audit(&cache, &plan(2));
        assert_eq!(cache.stats().misses, 4);
    }

    #[test]
    fn bounded_in_bytes() {
        let one = plan(1).text.unwrap_or_default().len() * Indexed::WEIGHT_PER_BYTE;
        let cache = ParentCache::new(NonZeroUsize::new(10).unwrap(), one * 2);
        for n in 1..=5 {
            audit(&cache, &plan(n));
        }
        let s = cache.stats();
        assert_eq!(s.entries, 2);
        assert!(s.bytes <= one * 2);
        // An entry over the whole budget is not kept, and still answered.
        let small = ParentCache::new(NonZeroUsize::new(10).unwrap(), 10);
        let got = audit(&small, &plan(1));
        assert_eq!(small.stats().entries, 0);
        assert!(got == audit(&cache, &plan(1)));
    }

    #[test]
    fn same_content_other_name_or_bytes_is_another_entry() {
        let cache = ParentCache::new(NonZeroUsize::new(8).unwrap(), usize::MAX);
        let p = plan(1);
        audit(&cache, &p);
        let mut renamed = p.clone();
        renamed.name = Some("other.txt".into());
        audit(&cache, &renamed);
        let mut with_id = p.clone();
        with_id.id = Some("id-1".into());
        audit(&cache, &with_id);
        let s = cache.stats();
        // The id is not part of the content: a hit.
        assert_eq!((s.entries, s.hits, s.misses), (2, 1, 2));
    }

    /// One child audited against several parents, and again: kept by
    /// content on its second sight (another name is another document),
    /// not imported from the third on; the answers are the contract's
    /// bytes.
    #[test]
    fn a_child_seen_twice_is_kept() {
        let cache = ParentCache::new(NonZeroUsize::new(8).unwrap(), usize::MAX);
        let child = Document::text(
            "xa.txt",
            "Số: 7/KH-UBND\nKẾ HOẠCH\nII. NHIỆM VỤ\n1. Phổ biến Công ước chống tra tấn đến cán bộ, công chức xã\n",
        )
        .with_id("c-7");
        let mut renamed = child.clone();
        renamed.name = Some("phuong.txt".into());
        for (p, c) in [
            (1, &child),
            (2, &child),
            (1, &renamed),
            (3, &child),
            (2, &child),
        ] {
            let parent = plan(p);
            let got = contract::to_json(&cache.audit(&parent, c, None));
            let asked = contract::Request::Audit {
                parent: parent.clone(),
                child: c.clone(),
                config: None,
                verdicts: None,
            };
            assert!(got == contract::to_json(&contract::respond(&asked)), "{p}");
        }
        let s = cache.child_stats();
        assert_eq!((s.entries, s.hits, s.misses), (1, 2, 3));
        assert!(s.bytes > 0 && s.bytes < cache.stats().bytes);
    }

    /// Many requests for one new parent at once: one import, every
    /// request given its entry (before, each miss imported the parent).
    #[test]
    fn concurrent_misses_wait_for_one_import() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/seeds/binh-thuan-qd87-2023.txt"
        );
        let text = std::fs::read_to_string(path).expect("seed");
        let doc = Document::text("binh-thuan-qd87-2023.txt", text);
        let cache = ParentCache::new(NonZeroUsize::new(4).unwrap(), usize::MAX);
        let n = 8;
        let start = std::sync::Barrier::new(n);
        let entries: Vec<Arc<Entry<Indexed>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..n)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        cache.parent(&doc).expect("the seed imports")
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        // One import: every request holds the same entry.
        let imports = entries
            .iter()
            .enumerate()
            .filter(|(i, e)| !entries[..*i].iter().any(|f| Arc::ptr_eq(e, f)))
            .count();
        assert_eq!(imports, 1);
        let s = cache.stats();
        assert_eq!((s.entries, s.hits + s.misses), (1, n as u64));
        assert!(
            cache.parents.inflight.lock().unwrap().is_empty(),
            "no cell left"
        );
        // And it is the kept one: the next request is a hit on it.
        let again = cache.parent(&doc).expect("the seed imports");
        assert!(Arc::ptr_eq(&again, &entries[0]));
    }
}
