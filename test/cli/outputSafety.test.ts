/**
 * What the command line reads and where it writes: only regular files are read (a FIFO is refused
 * at once, a link is followed only to a regular file), the output is never the source however it
 * is named (a linked folder, a hard link, a link to it), and a copy interrupted by SIGINT or
 * SIGTERM leaves nothing behind.
 */
import { spawn, spawnSync } from "child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli, sha256Of } from "../support/commandLine";
import { ZipEntry, workbookEntries, zip } from "../../src/bench/hostileFiles";

const dir = mkdtempSync(join(tmpdir(), "spec-output-"));
const book = join(dir, "real", "book.xlsx");
const AS_OF = ["--as-of", "2025-03-20"];
const SALES_CSV = "Customer,Date,Amount\nA,2025-03-01,10\nB,2025-03-02,20\n";

beforeAll(() => {
  mkdirSync(join(dir, "real"));
  writeFileSync(book, zip(workbookEntries()));
  symlinkSync(join(dir, "real"), join(dir, "linked"));
});

const mkfifo = (path: string): void => {
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
};

describe("the output is never the source, however either is named", () => {
  test.each([
    ["through a linked folder", () => join(dir, "linked", "book.xlsx"), () => book],
    ["a hard link to it", () => book, () => hardLink()],
    ["a symbolic link to it", () => book, () => softLink()],
  ])("%s", async (_name, source, out) => {
    const before = sha256Of(book);
    const target = out();
    const r = await runCli(source(), "--out", target, ...AS_OF);
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      `spec-scorecard: --out ${target} is the source file: the source is never modified; choose another name`,
    ]);
    expect(sha256Of(book)).toBe(before);
  });
});

function hardLink(): string {
  const path = join(dir, "hard.xlsx");
  if (!existsSync(path)) linkSync(book, path);
  return path;
}

function softLink(): string {
  const path = join(dir, "soft.xlsx");
  if (!existsSync(path)) symlinkSync(book, path);
  return path;
}

test("an output that is a device or a pipe is refused, not replaced", async () => {
  const r = await runCli(book, "--out", "/dev/null", ...AS_OF);
  expect(r.status).toBe(2);
  expect(r.err).toEqual([
    "spec-scorecard: --out /dev/null is not a regular file (a pipe or a device): name a workbook file to write",
  ]);
});

test("a source that is a FIFO is refused at once, never read (it would wait forever)", async () => {
  const fifo = join(dir, "fifo.xlsx");
  mkfifo(fifo);
  const r = await runCli(fifo, ...AS_OF);
  expect(r.status).toBe(2);
  expect(r.err).toEqual([
    `spec-scorecard: ${fifo} is not a regular file (a pipe, a device or a socket, which is never read): name an .xlsx workbook, a .csv or .parquet file, a folder of them or a postgresql:// address`,
  ]);
});

describe("a folder of CSV files: links followed only to regular files", () => {
  const folder = (name: string, extra: (path: string) => void): string => {
    const path = join(dir, name);
    mkdirSync(path);
    writeFileSync(join(path, "Sales.csv"), SALES_CSV);
    extra(path);
    return path;
  };

  test("a FIFO named .csv is refused at once", async () => {
    const path = folder("with-fifo", (p) => mkfifo(join(p, "Leads.csv")));
    const r = await runCli(path, ...AS_OF);
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      `spec-scorecard: ${join(path, "Leads.csv")} is not a regular file (a pipe, a device or a socket, which is never read): remove it from the folder`,
    ]);
  });

  test("a link to a device is refused, a link to nothing is refused", async () => {
    const device = folder("with-device", (p) => symlinkSync("/dev/zero", join(p, "Zero.csv")));
    const r = await runCli(device, ...AS_OF);
    expect(r.status).toBe(2);
    expect(r.err[0]).toMatch(/Zero\.csv is not a regular file .*: remove it from the folder$/);
    const dangling = folder("with-dangling", (p) =>
      symlinkSync(join(p, "gone"), join(p, "Gone.csv"))
    );
    const d = await runCli(dangling, ...AS_OF);
    expect(d.status).toBe(2);
    expect(d.err[0]).toMatch(
      /Gone\.csv does not exist \(or is a link to nothing\): remove it from the folder$/
    );
  });

  test("a link to a regular file is read as the file", async () => {
    const elsewhere = join(dir, "sales-elsewhere.csv");
    writeFileSync(elsewhere, SALES_CSV);
    const path = join(dir, "with-link");
    mkdirSync(path);
    symlinkSync(elsewhere, join(path, "Sales.csv"));
    const linked = await runCli(path, "--json", ...AS_OF);
    const plain = await runCli(
      folder("plain-csv", () => undefined),
      "--json",
      ...AS_OF
    );
    expect(linked.status).toBe(0);
    expect(linked.out).toBe(plain.out);
  });
});

/** A workbook whose copy takes a while: 48 MB of stored media to copy after the sheet. */
function slowWorkbook(path: string): void {
  const media: ZipEntry = { name: "xl/media/film.bin", data: new Uint8Array(48 << 20), method: 0 };
  writeFileSync(path, zip([...workbookEntries(), media]));
}

describe.each([
  ["SIGTERM", 143],
  ["SIGINT", 130],
] as const)("%s while the copy is written", (signal, status) => {
  test("removes the partial file and exits with the shell's status for it", async () => {
    const folder = join(dir, `signal-${signal}`);
    mkdirSync(folder);
    const source = join(folder, "source.xlsx");
    slowWorkbook(source);
    const out = join(folder, "out.xlsx");
    const child = spawn(
      process.execPath,
      [join(__dirname, "..", "..", "bin", "spec-scorecard.js"), source, "--out", out, ...AS_OF],
      { stdio: "ignore" }
    );
    const partial = `.out.xlsx.${child.pid}.partial`;
    // The moment the partial file appears, the signal is sent: the copy is then being written.
    const seen = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (existsSync(join(folder, partial))) {
          clearInterval(poll);
          child.kill(signal);
          resolve(true);
        } else if (Date.now() - started > 60000 || child.exitCode !== null) {
          clearInterval(poll);
          resolve(false);
        }
      }, 2);
    });
    const code = await new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.on("exit", (c) => resolve(c));
    });
    expect(seen).toBe(true);
    expect(code).toBe(status);
    expect(readdirSync(folder).sort()).toEqual(["source.xlsx"]);
  });
});
