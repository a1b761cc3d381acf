/**
 * `node lib/bench/bench.js --hostile`: the hostile inputs at full scale, each answered by
 * `spec-scorecard` (or a function call) in a process of its own, with its time and peak memory,
 * and the worst of each class. Every one must answer within 30 s and 1.5 GiB (issue 15).
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  Deflated,
  ZipEntry,
  compoundFile,
  deflateChunks,
  salesSheetXml,
  tableXml,
  workbookEntries,
  zip,
} from "./hostileFiles";
import { FUNCTION_CASES } from "./measuredFunction";

interface Outcome {
  readonly seconds: number;
  /** CPU seconds of the process (user and system): what a machine shared with other work blurs least. */
  readonly cpuSeconds: number;
  readonly peakMiB: number;
  readonly status: number;
  readonly answer: string;
}

interface HostileCase {
  readonly kind: "package" | "XML" | "data" | "CSV" | "functions";
  readonly name: string;
  /** Writes the input in `dir`; returns the command line's arguments. */
  readonly build?: (dir: string) => Promise<string[]> | string[];
  /** A function case of measuredFunction.ts instead. */
  readonly call?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A sheet's XML made row by row as it is deflated: `rows` rows of `row(i)`, then what follows. */
function* sheetChunks(rows: number, row: (i: number) => string): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
  let chunk = "";
  for (let i = 1; i <= rows; i++) {
    chunk += row(i);
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</sheetData></worksheet>`;
}

const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>Customer</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row>`;

/** A sales row: customer id, a date in 2025, an amount. */
function salesRow(i: number, customer: string, rnd: () => number): string {
  return `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>${customer}</t></is></c><c r="B${i}"><v>${45658 + Math.floor(rnd() * 300)}</v></c><c r="C${i}"><v>${1 + Math.floor(rnd() * 900)}</v></c></row>`;
}

async function write(dir: string, name: string, entries: ZipEntry[] | Buffer): Promise<string[]> {
  const path = join(dir, name);
  writeFileSync(path, Array.isArray(entries) ? zip(entries) : entries);
  return [path, "--json"];
}

const withSheet = (sheet: Deflated): ZipEntry[] =>
  workbookEntries({ extra: [{ name: "xl/worksheets/sheet1.xml", data: "", deflated: sheet }] });

const CASES: HostileCase[] = [
  {
    kind: "package",
    name: "2 GB of shared strings in a 2 MB file (a zip bomb)",
    build: async (dir) => {
      const sst = await deflateChunks(
        (function* () {
          yield `<sst xmlns="${MAIN}">`;
          const block = "<si><t>x</t></si>".repeat(65536);
          for (let k = 0; k < (2 * 1024 ** 3) / block.length; k++) yield block;
          yield "</sst>";
        })()
      );
      return write(
        dir,
        "sst-bomb.xlsx",
        workbookEntries({
          sharedStrings: "",
          extra: [{ name: "xl/sharedStrings.xml", data: "", deflated: sst }],
        })
      );
    },
  },
  {
    kind: "package",
    name: "a sheet inflating 95 times, just under the bound: 3.2 GB from 34 MB",
    build: async (dir) => {
      const rnd = random(3);
      const filler = (): string => {
        let p = "";
        for (let k = 0; k < 3000; k += 450)
          p += " ".repeat(449) + String.fromCharCode(97 + Math.floor(rnd() * 26));
        return p;
      };
      const sheet = await deflateChunks(
        sheetChunks(1048575, (i) =>
          i === 1 ? header : salesRow(i, `C${Math.floor(rnd() * 5000)}`, rnd) + filler()
        )
      );
      return write(dir, "ratio-edge.xlsx", withSheet(sheet));
    },
  },
  {
    kind: "package",
    name: "70,000 entries",
    build: (dir) =>
      write(dir, "entries.xlsx", [
        ...workbookEntries(),
        ...Array.from({ length: 70000 }, (_, k) => ({
          name: `xl/media/m${k}.bin`,
          data: "",
          method: 0 as const,
        })),
      ]),
  },
  {
    kind: "package",
    name: "20,000 worksheets, 40,000 parts",
    build: (dir) => {
      const sheets = 20000;
      const entries = workbookEntries({
        workbook: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${Array.from({ length: sheets }, (_, k) => `<sheet name="S${k}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join("")}</sheets></workbook>`,
        extra: [
          {
            name: "xl/_rels/workbook.xml.rels",
            data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: sheets }, (_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join("")}</Relationships>`,
          },
        ],
      });
      for (let k = 2; k <= sheets; k++)
        entries.push({
          name: `xl/worksheets/sheet${k}.xml`,
          data: `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Note ${k}</t></is></c></row></sheetData></worksheet>`,
        });
      return write(dir, "sheets.xlsx", entries);
    },
  },
  {
    kind: "package",
    name: "a 5 GB compound file",
    build: (dir) => {
      const path = join(dir, "huge.xls");
      writeFileSync(path, compoundFile(["Root Entry", "Workbook"]));
      truncateSync(path, 5 * 1024 ** 3);
      return [path, "--json"];
    },
  },
  {
    kind: "XML",
    name: "an element 60 MB long that never ends, 36 MB compressed",
    build: async (dir) => {
      const rnd = random(5);
      const sheet = await deflateChunks(
        (function* () {
          yield `<worksheet xmlns="${MAIN}"><sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>`;
          for (let k = 0; k < 60; k++) {
            const bytes = new Uint8Array(1 << 20);
            for (let i = 0; i < bytes.length; i++) bytes[i] = 97 + Math.floor(rnd() * 26);
            yield bytes;
          }
        })()
      );
      return write(dir, "unfinished.xlsx", withSheet(sheet));
    },
  },
  {
    kind: "XML",
    name: "a DTD entity bomb",
    build: (dir) =>
      write(
        dir,
        "dtd.xlsx",
        workbookEntries({
          sheet: salesSheetXml(undefined, {
            head: `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, k) => `<!ENTITY ${"b".repeat(k + 1)} "${`&${k === 0 ? "a" : "b".repeat(k)};`.repeat(10)}">`).join("")}]>`,
          }),
        })
      ),
  },
  {
    kind: "XML",
    name: "a workbook part of a million elements",
    build: (dir) =>
      write(
        dir,
        "elements.xlsx",
        workbookEntries({
          workbook: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sales" sheetId="1" r:id="rId1"/></sheets><definedNames>${'<definedName name="n">1</definedName>'.repeat(1000000)}</definedNames></workbook>`,
        })
      ),
  },
  {
    kind: "XML",
    name: "8,388,000 shared strings (just under the limit), a million of them customers",
    build: async (dir) => {
      const count = 8388000;
      const sst = await deflateChunks(
        (function* () {
          yield `<sst xmlns="${MAIN}">`;
          let chunk = "";
          for (let k = 0; k < count; k++) {
            chunk += `<si><t>CUST-${k}</t></si>`;
            if (chunk.length > 1 << 20) {
              yield chunk;
              chunk = "";
            }
          }
          yield `${chunk}</sst>`;
        })()
      );
      const rnd = random(9);
      const sheet = await deflateChunks(
        sheetChunks(1048575, (i) =>
          i === 1
            ? header
            : `<row r="${i}"><c r="A${i}" t="s"><v>${Math.floor(rnd() * 1000000)}</v></c><c r="B${i}"><v>${45658 + Math.floor(rnd() * 300)}</v></c><c r="C${i}"><v>${1 + Math.floor(rnd() * 900)}</v></c></row>`
        )
      );
      return write(
        dir,
        "strings.xlsx",
        workbookEntries({
          sharedStrings: "",
          extra: [
            { name: "xl/sharedStrings.xml", data: "", deflated: sst },
            { name: "xl/worksheets/sheet1.xml", data: "", deflated: sheet },
          ],
        })
      );
    },
  },
  {
    kind: "data",
    name: "a dimension of 999,999,999 rows",
    build: (dir) =>
      write(
        dir,
        "dimension.xlsx",
        workbookEntries({
          sheet: salesSheetXml().replace(
            /<dimension ref="[^"]*"\/>/,
            '<dimension ref="A1:C999999999"/>'
          ),
        })
      ),
  },
  {
    kind: "data",
    name: "a row numbered 999,999,999",
    build: (dir) =>
      write(
        dir,
        "row.xlsx",
        workbookEntries({ sheet: salesSheetXml().replace('<row r="5">', '<row r="999999999">') })
      ),
  },
  {
    kind: "data",
    name: "a table whose range reaches row 999,999,999",
    build: (dir) =>
      write(
        dir,
        "table.xlsx",
        workbookEntries({ table: tableXml("Sales").replace(/ref="[^"]*"/, 'ref="A1:C999999999"') })
      ),
  },
  {
    kind: "data",
    name: "1,048,575 sales rows, every customer different (the models on a million customers)",
    build: async (dir) => {
      const rnd = random(13);
      const sheet = await deflateChunks(
        sheetChunks(1048576, (i) => (i === 1 ? header : salesRow(i, `C${i % 900000}`, rnd)))
      );
      return write(dir, "customers.xlsx", withSheet(sheet));
    },
  },
  {
    kind: "CSV",
    name: "a FIFO named .csv",
    build: (dir) => {
      const folder = join(dir, "csv");
      mkdirSync(folder);
      writeFileSync(join(folder, "Sales.csv"), "Customer,Date,Amount\nA,2025-03-01,10\n");
      spawnSync("mkfifo", [join(folder, "Leads.csv")]);
      return [folder, "--json"];
    },
  },
  {
    kind: "CSV",
    name: "CSV file names Excel refuses as sheet names (History, 'x', 40 characters, Sales beside sales)",
    build: (dir) => {
      const folder = join(dir, "names");
      mkdirSync(folder);
      for (const f of ["History.csv", "'x'.csv", `${"n".repeat(40)}.csv`, "Sales.csv", "sales.csv"])
        writeFileSync(join(folder, f), "Customer,Date,Amount\nA,2025-03-01,10\n");
      return [folder, "--out", join(dir, "names.xlsx")];
    },
  },
  ...FUNCTION_CASES.map((call) => ({ kind: "functions" as const, name: call, call })),
];

function measured(script: string, args: string[]): Outcome {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(__dirname, script), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 120000,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const line = (r.stdout ?? "").trim().split("\n").pop() ?? "{}";
  const parsed = JSON.parse(line.startsWith("{") ? line : "{}") as {
    status?: number;
    peakMiB?: number;
    seconds?: number;
    cpuSeconds?: number;
    answer?: string;
  };
  const err = (r.stderr ?? "").trim().split("\n").pop() ?? "";
  return {
    seconds: parsed.seconds ?? seconds,
    cpuSeconds: parsed.cpuSeconds ?? NaN,
    peakMiB: parsed.peakMiB ?? NaN,
    status: parsed.status ?? r.status ?? -1,
    answer: parsed.answer ?? (err === "" ? "ok" : err.replace(/^spec-scorecard: \S+ /, "")),
  };
}

export async function benchHostile(): Promise<void> {
  const dir = process.env.BENCH_HOSTILE_DIR ?? mkdtempSync(join(tmpdir(), "spec-bench-hostile-"));
  console.log("Hostile inputs at full scale (each in a process of its own; limits 30 s, 1.5 GiB):");
  const worst = new Map<string, { name: string; outcome: Outcome }>();
  try {
    const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
    for (const c of CASES.filter((x) => only === undefined || x.name.includes(only))) {
      const outcome =
        c.call !== undefined
          ? measured("measuredFunction.js", [c.call])
          : measured("measuredRun.js", await (c.build as (d: string) => Promise<string[]>)(dir));
      const within = outcome.seconds <= 30 && outcome.peakMiB <= 1536;
      console.log(
        `  ${c.kind.padEnd(9)} ${c.name.slice(0, 70).padEnd(70)} ${outcome.seconds.toFixed(2).padStart(6)} s (cpu ${outcome.cpuSeconds.toFixed(1).padStart(5)} s) ${outcome.peakMiB.toFixed(0).padStart(5)} MiB  exit ${outcome.status} ${within ? "" : "OVER "}${outcome.answer.slice(0, 90)}`
      );
      const w = worst.get(c.kind);
      if (w === undefined || outcome.seconds > w.outcome.seconds)
        worst.set(c.kind, { name: c.name, outcome });
    }
    console.log("  Worst of each class:");
    for (const [kind, { name, outcome }] of worst)
      console.log(
        `    ${kind}: ${name}, ${outcome.seconds.toFixed(1)} s, ${outcome.peakMiB.toFixed(0)} MiB`
      );
  } finally {
    if (process.env.BENCH_HOSTILE_DIR === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
