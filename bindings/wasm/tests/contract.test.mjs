// The WebAssembly module under a real WASI runtime (Node's node:wasi), on
// the contract's cases: every request must give the bytes the native
// `obligraph::contract::handle` gave (examples/contract_cases.rs wrote
// them). Run by .ci/run:
//
//   OBLIGRAPH_WASM=path/obligraph_wasm.wasm OBLIGRAPH_CASES=dir \
//     node --test bindings/wasm/tests/
//
// OBLIGRAPH_NATIVE_MS (the native ms per audit, from
// `cargo run --release --example contract_cases -- --time N`) adds the
// speed ratio to the timing line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WASI } from 'node:wasi';

const wasmPath = process.env.OBLIGRAPH_WASM;
const casesDir = process.env.OBLIGRAPH_CASES;

// One instance, as a host keeps it: no files, no arguments, no environment.
async function instantiate() {
  assert.ok(wasmPath, 'set OBLIGRAPH_WASM to the module');
  const wasi = new WASI({ version: 'preview1', args: [], env: {}, preopens: {} });
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  wasi.initialize(instance);
  return { module, exports: instance.exports };
}

// Request bytes in, response bytes out, everything freed.
function call(ex, request) {
  const ptr = ex.alloc(request.length);
  assert.notEqual(ptr, 0, 'alloc failed');
  new Uint8Array(ex.memory.buffer, ptr, request.length).set(request);
  const packed = ex.handle(ptr, request.length);
  ex.dealloc(ptr, request.length);
  const rptr = Number(packed >> 32n);
  const rlen = Number(packed & 0xffffffffn);
  assert.notEqual(rptr, 0, 'handle returned no response');
  const out = Buffer.from(new Uint8Array(ex.memory.buffer, rptr, rlen)); // a copy
  ex.dealloc(rptr, rlen);
  return out;
}

function cases() {
  assert.ok(casesDir, 'set OBLIGRAPH_CASES to the cases written by contract_cases');
  const names = readdirSync(casesDir)
    .filter((f) => f.endsWith('.request.json'))
    .map((f) => f.slice(0, -'.request.json'.length))
    .sort();
  return names.map((name) => ({
    name,
    request: readFileSync(join(casesDir, `${name}.request.json`)),
    expected: readFileSync(join(casesDir, `${name}.response.json`)),
  }));
}

const PAGE = 65536;

test('exports the calling convention, imports only WASI', async () => {
  const { module, exports: ex } = await instantiate();
  const exported = WebAssembly.Module.exports(module).map((e) => e.name).sort();
  assert.deepEqual(exported, ['alloc', 'dealloc', 'handle', 'memory', 'obligraph_abi_version']);
  for (const i of WebAssembly.Module.imports(module)) {
    assert.equal(i.module, 'wasi_snapshot_preview1', `import ${i.module}.${i.name}`);
    // No files, no clocks, no threads: what a host must provide is small.
    assert.ok(!i.name.startsWith('path_') && !i.name.startsWith('fd_read') && i.name !== 'thread-spawn',
      `unexpected import ${i.name}`);
  }
  assert.equal(ex.obligraph_abi_version(), 1);
});

test('every case gives the native bytes', async () => {
  const { exports: ex } = await instantiate();
  const all = cases();
  assert.ok(all.length >= 30, `only ${all.length} cases in ${casesDir}`);
  const seeds = new Set();
  let failed = 0;
  for (const c of all) {
    const out = call(ex, c.request);
    if (!out.equals(c.expected)) {
      failed += 1;
      console.error(`${c.name}: ${out.length} bytes, native ${c.expected.length}`);
    }
    for (const m of c.request.toString('utf8').matchAll(/"name": "([a-z0-9-]+)\.txt"/g)) seeds.add(m[1]);
  }
  assert.equal(failed, 0, `${failed} of ${all.length} cases differ from native`);
  assert.equal(seeds.size, 5, `seeds seen: ${[...seeds]}`);
});

test('memory is freed and bounded', async () => {
  const { exports: ex } = await instantiate();
  const audit = cases().find((c) => c.name.endsWith('audit-ngo-quyen-vs-binh-thuan'));
  assert.ok(audit);
  for (let i = 0; i < 3; i++) call(ex, audit.request);
  const pages = ex.memory.buffer.byteLength / PAGE;
  for (let i = 0; i < 40; i++) call(ex, audit.request);
  // The rules' caches and the allocator may take a page or two; a request
  // or response left unfreed would take 40 x (80 + 165) KiB, 150 pages.
  const grown = ex.memory.buffer.byteLength / PAGE - pages;
  assert.ok(grown < 16, `memory grew by ${grown} pages over 40 equal audits`);
  // The module's memory stops at 512 MiB: a larger block is refused (0),
  // not granted, and the instance goes on working.
  assert.equal(ex.alloc(600 * 1024 * 1024), 0);
  assert.equal(ex.alloc(0xffffffff), 0);
  assert.throws(() => ex.memory.grow(512 * 1024 * 1024 / PAGE));
  assert.ok(call(ex, audit.request).equals(audit.expected));
  console.log(`memory after the real-pair audits: ${pages} pages (${(pages / 16).toFixed(1)} MiB)`);
});

test('speed of the real-pair audit', async () => {
  const { exports: ex } = await instantiate();
  const audit = cases().find((c) => c.name.endsWith('audit-ngo-quyen-vs-binh-thuan'));
  for (let i = 0; i < 3; i++) call(ex, audit.request); // compile tiers warm up
  const runs = Number(process.env.OBLIGRAPH_RUNS ?? 10);
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) call(ex, audit.request);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  const native = Number(process.env.OBLIGRAPH_NATIVE_MS);
  const ratio = native > 0 ? `, ${(ms / native).toFixed(2)}x native (${native} ms)` : '';
  console.log(`wasm (node ${process.version}): ${ms.toFixed(2)} ms per audit (Ngô Quyền vs Bình Thuận, ${runs} runs)${ratio}`);
});
