/** The package comparison the file tests use finds each kind of difference, and only those named. */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { comparePackages, compareXml } from "../support/packageComparison";
import { attributesOf, nameOf, textOf, xmlElements } from "../support/xmlElements";

const dir = mkdtempSync(join(tmpdir(), "spec-compare-"));

/** A zip of these parts, each compressed at `level` (0: stored). */
async function zip(
  name: string,
  parts: Record<string, string | Uint8Array>,
  level = 6
): Promise<string> {
  const writer = new ZipWriter(new BlobWriter(), { level });
  for (const [part, data] of Object.entries(parts))
    await writer.add(
      part,
      typeof data === "string" ? new TextReader(data) : new Uint8ArrayReader(data)
    );
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(await (await writer.close()).arrayBuffer()));
  return path;
}

const WORKBOOK = '<?xml version="1.0"?>\n<workbook><sheets><sheet name="A"/></sheets></workbook>';
const RELS =
  '<Relationships><Relationship Id="rId1" Target="a"/><Relationship Id="rId2" Target="b"/></Relationships>';

test("XML as elements: split at tag boundaries, text kept with its tag; names, attributes and text of one", () => {
  const elements = xmlElements(
    '<?xml version="1.0"?>\n<c r="B4" cm="1"><f t="array">A1&gt;0</f><v/></c>'
  );
  expect(elements).toEqual([
    '<?xml version="1.0"?>',
    '<c r="B4" cm="1">',
    '<f t="array">A1&gt;0</f>',
    "<v/>",
    "</c>",
  ]);
  expect(elements.map(nameOf)).toEqual(["?xml", "c", "f", "v", "/c"]);
  expect(Object.fromEntries(attributesOf(elements[1]))).toEqual({ r: "B4", cm: "1" });
  expect(attributesOf(elements[0]).size).toBe(0);
  expect(textOf(elements[2])).toBe("A1>0");
});

test("the same package: nothing differs", async () => {
  const a = await zip("same-a.zip", {
    "xl/workbook.xml": WORKBOOK,
    "x.bin": new Uint8Array([1, 2]),
  });
  const b = await zip("same-b.zip", {
    "xl/workbook.xml": WORKBOOK,
    "x.bin": new Uint8Array([1, 2]),
  });
  expect(await comparePackages(a, b)).toEqual({
    extra: [],
    missing: [],
    differing: [],
    storedDifferently: [],
  });
});

test("parts only in one, elements only in one, bytes that differ, the same content stored otherwise", async () => {
  const got = await zip(
    "got.zip",
    {
      "xl/workbook.xml": WORKBOOK.replace("</sheets>", '<sheet name="Scorecard"/></sheets>'),
      "xl/new.xml": "<a/>",
      "x.bin": new Uint8Array([1, 2]),
      "_rels/.rels": RELS,
    },
    0
  );
  const expected = await zip("expected.zip", {
    "xl/workbook.xml": WORKBOOK,
    "xl/gone.xml": "<a/>",
    "x.bin": new Uint8Array([1, 3]),
    "_rels/.rels": RELS,
  });
  const c = await comparePackages(got, expected);
  expect(c.extra).toEqual(["xl/new.xml"]);
  expect(c.missing).toEqual(["xl/gone.xml"]);
  expect(c.storedDifferently).toEqual(["_rels/.rels"]);
  expect(c.differing.map((d) => d.part)).toEqual(["x.bin", "xl/workbook.xml"]);
  expect(c.differing[1]).toEqual({
    part: "xl/workbook.xml",
    extra: ['<sheet name="Scorecard"/>'],
    missing: [],
  });
  expect(c.differing[0].extra[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(c.differing[0].extra).not.toEqual(c.differing[0].missing);
  // Named exceptions: a part left out, and an element left out of a part.
  const excepted = await comparePackages(got, expected, {
    parts: ["x.bin", "xl/new.xml", "xl/gone.xml"],
    elements: { "xl/workbook.xml": ['name="Scorecard"'] },
  });
  expect(excepted).toEqual({
    extra: [],
    missing: [],
    differing: [],
    storedDifferently: ["_rels/.rels"],
  });
});

test("order: meaningless in content types and relationships, meaningful elsewhere", () => {
  const swapped = RELS.replace(
    '<Relationship Id="rId1" Target="a"/><Relationship Id="rId2" Target="b"/>',
    '<Relationship Id="rId2" Target="b"/><Relationship Id="rId1" Target="a"/>'
  );
  expect(compareXml("xl/_rels/workbook.xml.rels", swapped, RELS)).toBeNull();
  expect(compareXml("[Content_Types].xml", "<T><a/><b/></T>", "<T><b/><a/></T>")).toBeNull();
  expect(compareXml("xl/workbook.xml", "<w><a/><b/></w>", "<w><b/><a/></w>")).toEqual({
    part: "xl/workbook.xml",
    extra: [],
    missing: [],
    reordered: true,
  });
  // An element twice against once is a difference.
  expect(compareXml("xl/x.xml", "<w><a/><a/></w>", "<w><a/></w>")).toEqual({
    part: "xl/x.xml",
    extra: ["<a/>"],
    missing: [],
  });
});
