/**
 * Two packages compared as XlsxWriter's own tests compare a file with the one Excel saved
 * (helperfunctions.py, _compare_xlsx_files): first the list of parts, then each XML part element by
 * element, its text split at the tag boundaries. [Content_Types].xml and relationships parts hold
 * the same elements in any order; any other part in the same order too. Exceptions are named at
 * the call: parts left out of the comparison, and elements left out of a part (each named by a
 * piece of its text, e.g. '<sheet name="Scorecard"').
 */
import { createHash } from "crypto";
import { packageParts } from "./workbooks";
import { xmlElements } from "./xmlElements";

export interface Exceptions {
  /** Parts not compared. */
  readonly parts?: readonly string[];
  /** Per part: elements left out of both sides, each named by a piece of its text. */
  readonly elements?: Readonly<Record<string, readonly string[]>>;
}

/** How one part differs: the elements only the package compared has, and those only the expected one has. */
export interface PartDifference {
  readonly part: string;
  readonly extra: readonly string[];
  readonly missing: readonly string[];
  /** The same elements, in another order (a part whose order means something). */
  readonly reordered?: true;
}

export interface PackageComparison {
  /** Parts only the package compared has, and only the expected one has. */
  readonly extra: readonly string[];
  readonly missing: readonly string[];
  /** Parts in both whose content differs, after the exceptions, by name. */
  readonly differing: readonly PartDifference[];
  /** Parts in both with the same content but stored otherwise (compressed bytes, method or CRC). */
  readonly storedDifferently: readonly string[];
}

const isXml = (part: string): boolean => /\.(xml|rels|vml)$/i.test(part);
const unordered = (part: string): boolean =>
  part === "[Content_Types].xml" || part.endsWith(".rels");

/** `got` against `expected`: parts, then each part's elements. */
export async function comparePackages(
  got: string,
  expected: string,
  exceptions: Exceptions = {}
): Promise<PackageComparison> {
  const a = await packageParts(got);
  const b = await packageParts(expected);
  const skipped = new Set(exceptions.parts ?? []);
  const common = [...a.keys()].filter((p) => b.has(p) && !skipped.has(p)).sort();
  const differing: PartDifference[] = [];
  const storedDifferently: string[] = [];
  for (const part of common) {
    const [x, y] = [a.get(part), b.get(part)] as NonNullable<ReturnType<typeof a.get>>[];
    if (Buffer.compare(Buffer.from(x.data), Buffer.from(y.data)) === 0) {
      const sameStorage =
        x.method === y.method && x.crc === y.crc && Buffer.compare(x.raw, y.raw) === 0;
      if (!sameStorage) storedDifferently.push(part);
      continue;
    }
    const difference = isXml(part)
      ? compareXml(part, decode(x.data), decode(y.data), exceptions.elements?.[part] ?? [])
      : { part, extra: [digest(x.data)], missing: [digest(y.data)] };
    if (difference !== null) differing.push(difference);
  }
  return {
    extra: [...a.keys()].filter((p) => !b.has(p) && !skipped.has(p)).sort(),
    missing: [...b.keys()].filter((p) => !a.has(p) && !skipped.has(p)).sort(),
    differing,
    storedDifferently,
  };
}

/** One XML part against another, element by element; null when they agree. */
export function compareXml(
  part: string,
  got: string,
  expected: string,
  leftOut: readonly string[] = []
): PartDifference | null {
  const kept = (xml: string): string[] =>
    xmlElements(xml).filter((e) => !leftOut.some((piece) => e.includes(piece)));
  const [x, y] = [kept(got), kept(expected)];
  const extra = without(x, y);
  const missing = without(y, x);
  if (extra.length > 0 || missing.length > 0) return { part, extra, missing };
  if (!unordered(part) && x.some((e, i) => e !== y[i]))
    return { part, extra, missing, reordered: true };
  return null;
}

/** The elements of `list` not matched one for one in `other`, in `list`'s order. */
function without(list: readonly string[], other: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const e of other) left.set(e, (left.get(e) ?? 0) + 1);
  return list.filter((e) => {
    const n = left.get(e) ?? 0;
    if (n > 0) left.set(e, n - 1);
    return n === 0;
  });
}

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const digest = (bytes: Uint8Array): string =>
  `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
