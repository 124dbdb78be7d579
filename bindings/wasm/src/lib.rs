//! # obligraph as a WebAssembly module
//!
//! [`obligraph::contract::handle`] behind a JSON-in, JSON-out interface
//! for hosts that run `wasm32-wasip1` modules (wazero in Go without cgo,
//! Node's `node:wasi`, wasmtime). Build it with
//! `cargo build -p obligraph-wasm --target wasm32-wasip1 --profile wasm`;
//! `docs/wasm.md` tells a host how to call it.
//!
//! The module is a WASI *reactor* (a `cdylib`): the host instantiates it
//! once, calls `_initialize`, then calls `handle` as often as it likes.
//! Exports (all numbers are `i32` unless said):
//!
//! - `alloc(len) -> ptr`: `len` bytes for the request in the module's
//!   memory; `0` when memory is exhausted;
//! - `handle(ptr, len) -> i64`: reads the request (UTF-8 JSON), returns
//!   the response packed as `ptr << 32 | len` ([`pack`]); the request
//!   stays the host's to free;
//! - `dealloc(ptr, len)`: frees a request or a response;
//! - `obligraph_abi_version() -> i32`: [`ABI_VERSION`].
//!
//! No threads (the rules crate runs its parallel paths on the calling
//! thread on WebAssembly), no files (documents travel in the request),
//! memory bounded at 512 MiB (`build.rs`); a request that needs more
//! traps, and the host discards that instance.
//!
//! Unsafe code: the host hands the module a pointer and a length into the
//! module's own memory, and the exports must keep their names
//! (`no_mangle`); both need `unsafe`. It is confined to the `abi` module,
//! built for WebAssembly only; the rest of the crate denies it.
#![deny(unsafe_code)]
#![warn(missing_docs)]

/// The version of this calling convention (exports and packing). A
/// change to either raises it; the JSON has its own `schema_version`.
pub const ABI_VERSION: u32 = 1;

/// A response's place in memory as `handle` returns it: the pointer in
/// the high 32 bits, the length in the low 32.
///
/// ```
/// let packed = obligraph_wasm::pack(0x0010_0000, 1234);
/// assert_eq!(obligraph_wasm::unpack(packed), (0x0010_0000, 1234));
/// ```
pub const fn pack(ptr: u32, len: u32) -> u64 {
    ((ptr as u64) << 32) | len as u64
}

/// The pointer and length [`pack`] put together.
pub const fn unpack(packed: u64) -> (u32, u32) {
    ((packed >> 32) as u32, packed as u32)
}

#[cfg(target_family = "wasm")]
#[allow(unsafe_code)] // reason: the module's exports (see the crate docs)
mod abi {
    use std::alloc::Layout;

    /// `len` bytes aligned to 1: the one layout the exports deal in.
    fn layout(len: u32) -> Option<Layout> {
        Layout::from_size_align(usize::try_from(len).ok()?, 1).ok()
    }

    /// A pointer as the host sees it (wasm32: pointers are 32 bits).
    fn address(p: *const u8) -> u32 {
        u32::try_from(p as usize).unwrap_or(0)
    }

    #[unsafe(no_mangle)]
    extern "C" fn obligraph_abi_version() -> u32 {
        super::ABI_VERSION
    }

    /// `len` bytes for the host to fill; `0` when there is no room.
    #[unsafe(no_mangle)]
    extern "C" fn alloc(len: u32) -> u32 {
        let Some(l) = layout(len) else { return 0 };
        if len == 0 {
            // Nothing to allocate: a pointer that is never read.
            return address(std::ptr::NonNull::<u8>::dangling().as_ptr());
        }
        // SAFETY: `l` has a non-zero size. A null result (no memory) is
        // returned to the host as 0, never dereferenced.
        address(unsafe { std::alloc::alloc(l) })
    }

    /// Frees what `alloc` gave or `handle` returned, given its length.
    #[unsafe(no_mangle)]
    extern "C" fn dealloc(ptr: u32, len: u32) {
        let Some(l) = layout(len) else { return };
        if ptr == 0 || len == 0 {
            return;
        }
        // SAFETY: the host passes back a pointer and length it got from
        // `alloc(len)` or from `handle` (a `Box<[u8]>` of `len` bytes,
        // whose layout is `len` bytes aligned to 1), once.
        unsafe { std::alloc::dealloc(ptr as usize as *mut u8, l) }
    }

    /// Carries out the request at `ptr` (`len` bytes); returns the
    /// response, packed, for the host to read and then `dealloc`.
    #[unsafe(no_mangle)]
    extern "C" fn handle(ptr: u32, len: u32) -> u64 {
        let request: &[u8] = if len == 0 || ptr == 0 {
            &[]
        } else {
            // SAFETY: the host wrote `len` bytes at `ptr`, a block it got
            // from `alloc(len)` and has not freed; nothing else holds it
            // while `handle` runs (one thread).
            unsafe { std::slice::from_raw_parts(ptr as usize as *const u8, len as usize) }
        };
        let response = obligraph::contract::handle(request).into_boxed_slice();
        let Ok(n) = u32::try_from(response.len()) else {
            return 0;
        };
        let p = Box::into_raw(response);
        super::pack(address(p.cast::<u8>()), n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_keeps_both_halves() {
        for (p, l) in [
            (0, 0),
            (1, u32::MAX),
            (u32::MAX, 1),
            (0x8000_0000, 0x7fff_ffff),
        ] {
            assert_eq!(unpack(pack(p, l)), (p, l));
        }
        assert_eq!(pack(1, 2), (1 << 32) | 2);
    }
}
