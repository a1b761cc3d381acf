/** The size of a custom function's arguments as Excel sends them: UTF-8 JSON, counted without building it. */
import { blockBytes, listBytes } from "../../src/plan/argumentSize";

test.each<[string, unknown[]]>([
  [
    "whole numbers of every length and sign",
    [0, -0, 7, -7, 10, 99, 100, -1000, 45292, 9007199254740991, -9007199254740991],
  ],
  [
    "decimals, big and tiny numbers",
    [0.1, -2.5, 1234.56, 1e21, 1.5e-7, Number("9007199254740992.5")],
  ],
  [
    "text with quotes, backslashes, accents, emoji and control characters",
    ["CL-1", 'say "hi"', "a\\b", "Café Ñoño", "€ 5", "🙂", "tab\there", ""],
  ],
  ["blanks and booleans", [null, undefined, true, false]],
])("%s: as many bytes as the JSON of a one-column range", (_name, values) => {
  const json = JSON.stringify(
    values.map((v) => [
      v === null || v === undefined
        ? ""
        : typeof v === "number" || typeof v === "boolean"
          ? v
          : String(v),
    ])
  );
  expect(listBytes(values)).toBe(Buffer.byteLength(json, "utf8"));
});

test("a block of numbers, blanks as empty text", () => {
  const values = Float64Array.of(1, NaN, 2.5, 40000, -3, NaN);
  const json = JSON.stringify([
    [1, "", 2.5],
    [40000, -3, ""],
  ]);
  expect(blockBytes(values, 3)).toBe(Buffer.byteLength(json, "utf8"));
  expect(listBytes([])).toBe(2);
});
