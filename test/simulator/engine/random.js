'use strict';

// Seeded PRNG (sfc32). Ids, demo data and run outcomes come from it, so a given
// seed always produces the same simulator state.

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function createRandom(seed = 42) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;

  function next32() {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  for (let i = 0; i < 16; i++) next32();

  const float = () => next32() / 4294967296;
  const int = (min, max) => min + Math.floor(float() * (max - min + 1));

  // Ids are minted in bulk (100,000 seeded runs): building them from character
  // codes yields flat strings, where concatenation would leave rope fragments
  // several times their size in memory.
  function hexCodes(count) {
    const codes = new Array(count);
    for (let i = 0; i < count; i += 8) {
      const v = next32();
      for (let j = 0; j < 8 && i + j < count; j++) codes[i + j] = HEX_CODES[(v >>> (28 - 4 * j)) & 15];
    }
    return codes;
  }

  const hex = (byteCount) => String.fromCharCode.apply(null, hexCodes(byteCount * 2));

  // RFC 4122 version 4 layout.
  function uuid() {
    const codes = hexCodes(32);
    codes[12] = HEX_CODES[4];
    codes[16] = HEX_CODES[8 | (codes[16] & 3)];
    codes.splice(20, 0, DASH);
    codes.splice(16, 0, DASH);
    codes.splice(12, 0, DASH);
    codes.splice(8, 0, DASH);
    return String.fromCharCode.apply(null, codes);
  }

  function fromAlphabet(prefix, alphabet, length) {
    const codes = Array.from(prefix, (ch) => ch.charCodeAt(0));
    for (let i = 0; i < length; i++) codes.push(alphabet.charCodeAt(next32() % alphabet.length));
    return String.fromCharCode.apply(null, codes);
  }

  // Batch ids in AEP look like ULIDs: 26 Crockford base32 characters.
  const ulid = () => fromAlphabet('01', CROCKFORD, 24);

  function pick(list) {
    return list[Math.floor(float() * list.length)];
  }

  // pairs: [[value, weight], ...]
  function weighted(pairs) {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = float() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }

  // Log-uniform integer: realistic spread for record counts and byte sizes.
  function logInt(min, max) {
    const lo = Math.log(min);
    const hi = Math.log(max);
    return Math.round(Math.exp(lo + float() * (hi - lo)));
  }

  return {
    float,
    int,
    chance: (p) => float() < p,
    pick,
    weighted,
    logInt,
    hex,
    uuid,
    ulid,
    base36: (length) => fromAlphabet('', BASE36, length),
  };
}

module.exports = { createRandom };
