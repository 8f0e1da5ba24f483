// Brotli and gzip copies of Studio's hashed assets, made once at build time at the highest levels (too slow to do per
// request): the gateway's PrecompressedAssets sends the variant a browser accepts (Content-Encoding, Vary). The editor
// chunk shrinks from ~630 KB to ~190 KB with Brotli, which is most of an editing screen's first load on a slow link.
// A copy is kept only when it is smaller than the file itself.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const assets = "target/classes/META-INF/resources/studio/assets";
const compressible = /\.(js|css|svg|json|map)$/;
let before = 0;
let after = 0;
for (const name of readdirSync(assets)) {
  if (!compressible.test(name)) continue;
  const file = join(assets, name);
  const raw = readFileSync(file);
  if (raw.length < 1024) continue; // a packet either way
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  const gz = gzipSync(raw, { level: 9 });
  if (br.length < raw.length) writeFileSync(`${file}.br`, br);
  if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
  before += raw.length;
  after += Math.min(br.length, raw.length);
}
console.log(`studio: precompressed assets ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB with Brotli`);
