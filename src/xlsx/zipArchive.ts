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

// Our code runs in a Web Worker already in the browser, and in Node there is none to spare.
configure({ useWebWorkers: false });

/** Content handed to the writer for a new part: text, bytes, or chunks made as they are written. */
export type PartData = string | Uint8Array | (() => AsyncIterable<string | Uint8Array>);

/** Why reading stopped early: the consumer had what it needed. */
class StopReading extends Error {}

export class ZipArchive {
  private readonly byLowerName: Map<string, FileEntry>;

  private constructor(
    readonly blob: Blob,
    private readonly entries: FileEntry[]
  ) {
    // Part names are compared case-insensitively (OPC); zip entries carry no leading "/".
    this.byLowerName = new Map(
      entries.map((e) => [e.filename.replace(/^\//, "").toLowerCase(), e])
    );
  }

  /** Opens a zip; throws when the bytes are not one (callers word the message). */
  static async open(blob: Blob): Promise<ZipArchive> {
    const reader = new ZipReader(new BlobReader(blob));
    const entries = (await reader.getEntries()).filter((e: Entry): e is FileEntry => !e.directory);
    return new ZipArchive(blob, entries);
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

  isEncrypted(part: string): boolean {
    return this.entry(part).encrypted;
  }

  private entry(part: string): FileEntry {
    const e = this.byLowerName.get(part.toLowerCase());
    if (e === undefined) throw new Error(`the package has no part ${part}`);
    return e;
  }

  async bytes(part: string): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    await this.stream(part, (c) => {
      chunks.push(c);
      size += c.length;
    });
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  async text(part: string): Promise<string> {
    const text = new TextDecoder().decode(await this.bytes(part));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /**
   * Inflates a part chunk by chunk. `onChunk` returning false stops the inflating: the rest of
   * the part is never read.
   */
  async stream(part: string, onChunk: (chunk: Uint8Array) => boolean | void): Promise<void> {
    const controller = new AbortController();
    const sink = new WritableStream<Uint8Array>({
      write(chunk) {
        if (onChunk(chunk) === false) {
          controller.abort();
          throw new StopReading();
        }
      },
    });
    try {
      await this.entry(part).getData(sink, { signal: controller.signal });
    } catch (e) {
      if (!controller.signal.aborted) throw e;
    }
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
