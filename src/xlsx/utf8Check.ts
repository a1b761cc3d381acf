/**
 * UTF-8 checked as a part streams in, chunk by chunk: a character cut by a chunk's end is held
 * over to the next. Node's native check (buffer.isUtf8) where there is one, else a byte loop with
 * an ASCII fast path (the browser preview).
 */

type Check = (bytes: Uint8Array) => boolean;

const nativeCheck: Check | null = (() => {
  const get = typeof process === "undefined" ? undefined : process.getBuiltinModule;
  if (typeof get !== "function") return null;
  const buffer = get("buffer") as { isUtf8?: Check } | undefined;
  return typeof buffer?.isUtf8 === "function" ? buffer.isUtf8 : null;
})();

/** Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). */
export function isUtf8(b: Uint8Array): boolean {
  if (nativeCheck !== null) return nativeCheck(b);
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const c1 = b[i + 1];
    if (c < 0xc2) return false;
    if (c < 0xe0) {
      if ((c1 & 0xc0) !== 0x80) return false;
      i += 2;
    } else if (c < 0xf0) {
      if ((c1 & 0xc0) !== 0x80 || (c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f))
        return false;
      if ((b[i + 2] & 0xc0) !== 0x80) return false;
      i += 3;
    } else if (c < 0xf5) {
      if ((c1 & 0xc0) !== 0x80 || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f))
        return false;
      if ((b[i + 2] & 0xc0) !== 0x80 || (b[i + 3] & 0xc0) !== 0x80) return false;
      i += 4;
    } else return false;
  }
  return true;
}

/** Where the last character of `b` starts when it is cut short by the end of `b`; else b.length. */
function completeUpTo(b: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back];
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length > back ? b.length - back : b.length;
  }
  return b.length;
}

export class Utf8Check {
  private held: Uint8Array | null = null;

  /** False when the bytes so far are not UTF-8. */
  push(chunk: Uint8Array): boolean {
    let bytes = chunk;
    if (this.held !== null) {
      bytes = new Uint8Array(this.held.length + chunk.length);
      bytes.set(this.held, 0);
      bytes.set(chunk, this.held.length);
      this.held = null;
    }
    const cut = completeUpTo(bytes);
    if (cut < bytes.length) this.held = bytes.slice(cut);
    return isUtf8(cut === bytes.length ? bytes : bytes.subarray(0, cut));
  }

  /** False when the bytes ended inside a character. */
  end(): boolean {
    return this.held === null;
  }
}
