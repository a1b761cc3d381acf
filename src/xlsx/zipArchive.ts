/**
 * The zip container of a package, on zip.js: the same code in Node (a file opened as a Blob, read
 * lazily) and in the browser (a File). Entries are inflated as a stream of chunks, never as a
 * whole, and copied into a new archive with their compressed bytes unchanged.
 */
import {
  BlobReader,
  TextReader,
  Uint8ArrayReader,
  ZipReader,
  ZipWriter,
  configure,
} from "@zip.js/zip.js";
import type { FileEntry, Entry } from "@zip.js/zip.js";
import { PartDefect, shortText } from "./unreadable";

// Our code runs in a Web Worker already in the browser, and in Node there is none to spare.
configure({ useWebWorkers: false });

/** Content handed to the writer for a new part: text, bytes, or chunks made as they are written. */
export type PartData = string | Uint8Array | (() => AsyncIterable<string | Uint8Array>);

/**
 * Limits on what a package may make us do. A part inflating to more than INFLATE_RATIO times its
 * compressed size (past a grace of RATIO_GRACE bytes) is refused, as zip-bomb guards do (Apache
 * POI refuses the same ratio); entries may not overlap, so the bytes inflated in all are bounded
 * by the file's own size times the ratio. Workbooks written by Excel inflate 5 to 20 times.
 */
export const ZIP_LIMITS = {
  entries: 50000,
  inflateRatio: 100,
  ratioGrace: 1 << 20,
  /** The parts read whole as a tree (workbook, relationships, styles, tables): far below in Excel's files. */
  treePartBytes: 64 * 1024 * 1024,
  /**
   * Bytes inflated in all, every part and read together: what bounds the time a workbook takes
   * whatever its size. Excel's largest table, a million rows of six columns, is 210 MB of XML; a
   * million rows of thirty columns fit.
   */
  inflatedBytes: 1024 ** 3,
  /** Parts compressed to at most this many bytes are inflated whole, natively (zip.js streams the rest). */
  smallPartBytes: 1 << 20,
  /** Files up to this size are read into memory at once. */
  readWholeBytes: 64 * 1024 * 1024,
} as const;

/**
 * Node's own zlib where there is one: its CRC-32 some twenty times faster than zip.js computing it
 * in JavaScript (which checks it itself elsewhere: the browser preview), and small parts inflated
 * whole without zip.js's streams (a thousandth of a second each, which thousands of parts add up).
 */
interface NativeZlib {
  crc32(data: Uint8Array, value: number): number;
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
}

const nativeZlib: NativeZlib | null = (() => {
  const get = typeof process === "undefined" ? undefined : process.getBuiltinModule;
  const zlib = typeof get === "function" ? (get("zlib") as Partial<NativeZlib>) : undefined;
  return typeof zlib?.crc32 === "function" && typeof zlib.inflateRawSync === "function"
    ? (zlib as NativeZlib)
    : null;
})();
const nativeCrc32 = nativeZlib === null ? null : nativeZlib.crc32.bind(nativeZlib);

/** Local file header: 30 bytes and the file name before the entry's data. */
const LOCAL_HEADER = 30;

export class ZipArchive {
  private readonly byLowerName: Map<string, FileEntry>;
  /** Parts inflated to their end, their CRC-32 and size checked. */
  private readonly verified = new Set<FileEntry>();
  /** Parts read only in part so far: verifyRead() checks them before anything is answered. */
  private readonly partial = new Set<FileEntry>();
  /** Bytes inflated so far, all parts and reads together. */
  private inflatedTotal = 0;

  private constructor(
    readonly blob: Blob,
    private readonly entries: FileEntry[],
    /** The file's bytes, when it was small enough to hold. */
    private readonly memory: Uint8Array | null
  ) {
    // Part names are compared case-insensitively (OPC); zip entries carry no leading "/".
    this.byLowerName = new Map(
      entries.map((e) => [e.filename.replace(/^\//, "").toLowerCase(), e])
    );
  }

  /**
   * Opens a zip. Throws a PartDefect when the entries are too many, named twice (ignoring case,
   * as part names are compared), encrypted or overlapping; any other throw means the bytes are
   * not a zip at all (callers word the message).
   */
  static async open(blob: Blob): Promise<ZipArchive> {
    // A file of some megabytes is read into memory at once: thousands of small parts are then
    // read without a trip to the disk each.
    const memory =
      blob.size <= ZIP_LIMITS.readWholeBytes ? new Uint8Array(await blob.arrayBuffer()) : null;
    const reader = new ZipReader(
      memory === null ? new BlobReader(blob) : new Uint8ArrayReader(memory)
    );
    let count = 0;
    const entries: FileEntry[] = [];
    for await (const e of reader.getEntriesGenerator()) {
      if (++count > ZIP_LIMITS.entries)
        throw new PartDefect(
          `holds more than ${ZIP_LIMITS.entries.toLocaleString("en")} parts`,
          "a workbook Excel saves holds far fewer: save it again from Excel, or copy the tables into a new workbook"
        );
      if (!e.directory) entries.push(e);
    }
    checkEntries(entries);
    return new ZipArchive(blob, entries, memory);
  }

  /** Every part's name as stored. */
  names(): string[] {
    return this.entries.map((e) => e.filename.replace(/^\//, ""));
  }

  has(part: string): boolean {
    return this.byLowerName.has(part.toLowerCase());
  }

  /** The stored name of a part (its case as in the zip), or undefined. */
  storedName(part: string): string | undefined {
    return this.byLowerName.get(part.toLowerCase())?.filename.replace(/^\//, "");
  }

  uncompressedSize(part: string): number {
    return this.entry(part).uncompressedSize;
  }

  private entry(part: string): FileEntry {
    const e = this.byLowerName.get(part.toLowerCase());
    if (e === undefined) throw new Error(`the package has no part ${part}`);
    return e;
  }

  /** A part's bytes, whole; refused (PartDefect) when it declares or inflates to more than `limit`. */
  async bytes(part: string, limit = Infinity): Promise<Uint8Array> {
    const declared = this.entry(part).uncompressedSize;
    if (declared > limit) throw tooLarge(declared, limit);
    const chunks: Uint8Array[] = [];
    let size = 0;
    await this.stream(part, (c) => {
      size += c.length;
      if (size > limit) throw tooLarge(size, limit);
      chunks.push(c);
    });
    return joinedBytes(chunks);
  }

  /**
   * A part as text, for the parts read whole as a tree: at most `limit` bytes, UTF-8 checked
   * (invalid bytes are a PartDefect), a byte order mark dropped.
   */
  async text(part: string, limit: number = ZIP_LIMITS.treePartBytes): Promise<string> {
    const text = utf8Text(await this.bytes(part, limit));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /**
   * Inflates a part chunk by chunk. `onChunk` returning false stops the chunks: such a part is
   * checked later, by verifyRead(), before anything read from it is answered. A part inflating
   * past the ratio limit, or past the workbook's budget of inflated bytes, or whose bytes do not
   * match its CRC-32 or size, is a PartDefect; whatever `onChunk` throws is thrown as it is.
   */
  async stream(part: string, onChunk: (chunk: Uint8Array) => boolean | void): Promise<void> {
    const entry = this.entry(part);
    const limit = Math.max(
      ZIP_LIMITS.ratioGrace,
      ZIP_LIMITS.inflateRatio * Math.max(1, entry.compressedSize)
    );
    if (entry.uncompressedSize > limit) throw tooExpanded(entry.uncompressedSize, entry);
    if (nativeZlib !== null && entry.compressedSize <= ZIP_LIMITS.smallPartBytes) {
      const bytes = await this.inflateWhole(entry, limit);
      this.verified.add(entry);
      for (let at = 0; at < bytes.length; at += CHUNK) {
        if (onChunk(bytes.subarray(at, at + CHUNK)) === false) return;
      }
      if (bytes.length === 0) onChunk(bytes);
      return;
    }
    await this.inflateStreaming(entry, limit, onChunk);
  }

  /** A small part inflated whole by Node's zlib, its size and CRC-32 checked. */
  private async inflateWhole(entry: FileEntry, limit: number): Promise<Uint8Array> {
    const headBytes = await this.range(entry.offset, LOCAL_HEADER);
    const head = new DataView(headBytes.buffer, headBytes.byteOffset, headBytes.byteLength);
    if (head.byteLength < LOCAL_HEADER || head.getUint32(0, true) !== 0x04034b50)
      throw new PartDefect("is damaged (its local header is not where the directory says)");
    const method = head.getUint16(8, true);
    const from = entry.offset + LOCAL_HEADER + head.getUint16(26, true) + head.getUint16(28, true);
    const stored = await this.range(from, entry.compressedSize);
    if (stored.length < entry.compressedSize)
      throw new PartDefect("is damaged (its bytes are cut short)");
    let bytes: Uint8Array;
    if (method === 0) bytes = stored;
    else if (method === 8) {
      try {
        bytes = (nativeZlib as NativeZlib).inflateRawSync(stored, { maxOutputLength: limit });
      } catch (e) {
        if (e instanceof RangeError || /maxOutputLength|buffer/i.test(String(e)))
          throw tooExpanded(limit, entry);
        throw new PartDefect(`is damaged (${zipProblem(e)})`);
      }
    } else throw new PartDefect(`is compressed by method ${method}, which Excel does not use`);
    this.count(bytes.length);
    if (bytes.length !== entry.uncompressedSize)
      throw new PartDefect(`is damaged (${zipProblem(new Error("uncompressed size"))})`);
    if (
      entry.crc32 !== undefined &&
      (nativeCrc32 as NonNullable<typeof nativeCrc32>)(bytes, 0) >>> 0 !== entry.crc32 >>> 0
    )
      throw new PartDefect(`is damaged (${zipProblem(new Error("crc"))})`);
    return bytes;
  }

  /** A part inflated by zip.js as a stream; stopped early, it is left for verifyRead(). */
  private async inflateStreaming(
    entry: FileEntry,
    limit: number,
    onChunk: (chunk: Uint8Array) => boolean | void
  ): Promise<void> {
    const controller = new AbortController();
    let inflated = 0;
    let thrown: unknown = null;
    let crc = 0;
    const count = (n: number): void => this.count(n);
    const sink = new WritableStream<Uint8Array>({
      write(chunk) {
        inflated += chunk.length;
        if (nativeCrc32 !== null) crc = nativeCrc32(chunk, crc);
        let wanted = false;
        try {
          if (inflated > limit) throw tooExpanded(inflated, entry);
          count(chunk.length);
          wanted = onChunk(chunk) !== false;
        } catch (e) {
          thrown = e;
        }
        if (wanted) return;
        controller.abort();
        throw thrown ?? new Error("stopped");
      },
    });
    try {
      await entry.getData(sink, { signal: controller.signal, checkCrc32: nativeCrc32 === null });
    } catch (e) {
      if (thrown !== null) throw thrown;
      if (!controller.signal.aborted) throw new PartDefect(`is damaged (${zipProblem(e)})`);
      if (!this.verified.has(entry)) this.partial.add(entry);
      return;
    }
    if (nativeCrc32 !== null && entry.crc32 !== undefined && crc >>> 0 !== entry.crc32 >>> 0)
      throw new PartDefect(`is damaged (${zipProblem(new Error("crc"))})`);
    this.verified.add(entry);
    this.partial.delete(entry);
  }

  /** Bytes [from, from + length) of the file (fewer at its end). */
  private async range(from: number, length: number): Promise<Uint8Array> {
    if (this.memory !== null) return this.memory.subarray(from, from + length);
    return new Uint8Array(await this.blob.slice(from, from + length).arrayBuffer());
  }

  /** Counts inflated bytes against the workbook's budget. */
  private count(bytes: number): void {
    this.inflatedTotal += bytes;
    if (this.inflatedTotal > ZIP_LIMITS.inflatedBytes)
      throw new PartDefect(
        `brings the bytes the workbook's parts inflate to past ${ZIP_LIMITS.inflatedBytes / 1024 ** 3} GiB in all`,
        "Excel's largest tables need far less: copy the tables you need into a new workbook, or save them as CSV"
      );
  }

  /** The parts read only in part, not yet checked to their end. */
  partlyRead(): string[] {
    return [...this.partial].map((e) => e.filename.replace(/^\//, ""));
  }
}

/** Chunks handed over from a part inflated whole. */
const CHUNK = 1 << 20;

/** Entries Excel would never write: two of one name, encrypted ones, or overlapping bytes. */
function checkEntries(entries: readonly FileEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    const name = e.filename.replace(/^\//, "").toLowerCase();
    if (seen.has(name))
      throw new PartDefect(
        `holds two parts named ${shortText(e.filename, 80)}, and a reader could take either`
      );
    seen.add(name);
    if (e.encrypted)
      throw new PartDefect(
        `has an encrypted part (${shortText(e.filename, 80)})`,
        "remove the password in Excel (File > Info > Protect Workbook), save it and run again"
      );
  }
  // Each entry's bytes end before the next one's header: no part is made of another's bytes.
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  for (let k = 1; k < byOffset.length; k++) {
    const e = byOffset[k - 1];
    if (e.offset + LOCAL_HEADER + e.rawFilename.length + e.compressedSize > byOffset[k].offset)
      throw new PartDefect(
        `has parts whose bytes overlap (${shortText(e.filename, 60)} and ${shortText(byOffset[k].filename, 60)}), as zip bombs are built`
      );
  }
}

const tooLarge = (size: number, limit: number): PartDefect =>
  new PartDefect(
    `holds ${size.toLocaleString("en")} bytes, more than the ${limit.toLocaleString("en")} it may`,
    "a workbook Excel saves stays far below: save it again from Excel, or copy the tables into a new workbook"
  );

const tooExpanded = (size: number, e: FileEntry): PartDefect =>
  new PartDefect(
    `inflates to ${size.toLocaleString("en")} bytes or more from ${e.compressedSize.toLocaleString("en")}, over ${ZIP_LIMITS.inflateRatio} times its compressed size, as zip bombs do`,
    "if the file is yours, open it in Excel and save it again"
  );

function zipProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/crc|signature/i.test(message)) return "its CRC-32 check fails: the bytes changed";
  if (/uncompressed size/i.test(message)) return "it does not hold the size it declares";
  return shortText(message, 80);
}

/** Chunks of a stream as one array (the chunk itself when there is one). */
export function joinedBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 bytes as text; a PartDefect when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    throw new PartDefect("is not valid UTF-8 text");
  }
}

/** Where a written archive goes: a WritableStream (a file in Node) or, without one, a Blob. */
export interface ArchiveOutput {
  readonly stream?: WritableStream<Uint8Array>;
}

/**
 * Writes an archive: `first` parts, then every part of `source` that `keep` accepts (copied with
 * its compressed bytes unchanged), then `parts`. Returns the Blob when no stream was given.
 */
export async function writeArchive(
  source: ZipArchive | null,
  keep: (storedName: string) => boolean,
  first: ReadonlyMap<string, PartData>,
  parts: ReadonlyMap<string, PartData>,
  output: ArchiveOutput
): Promise<Blob | null> {
  const chunks: BlobPart[] = [];
  const stream =
    output.stream ??
    new WritableStream<Uint8Array>({
      write(chunk) {
        chunks.push(chunk.slice());
      },
    });
  const writer = new ZipWriter(stream, { level: 6 });
  const add = async (name: string, data: PartData): Promise<void> => {
    if (typeof data === "string") await writer.add(name, new TextReader(data));
    else if (data instanceof Uint8Array) await writer.add(name, new Uint8ArrayReader(data));
    else await writer.add(name, readableOf(data()));
  };
  for (const [name, data] of first) await add(name, data);
  if (source !== null)
    await writer.appendZip(new BlobReader(source.blob), {
      filter: (e: Entry) => !e.directory && keep(e.filename.replace(/^\//, "")),
    });
  for (const [name, data] of parts) await add(name, data);
  await writer.close();
  return output.stream === undefined ? new Blob(chunks) : null;
}

/** Chunks of text or bytes as a byte stream, encoded as UTF-8. */
function readableOf(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else
        controller.enqueue(
          typeof next.value === "string" ? encoder.encode(next.value) : next.value
        );
    },
  });
}
