/** A failure's line as the terminal gets it: hidden characters replaced, at most 300 characters. */
import { MAX_LINE, errorLine } from "../../src/cli/errorLine";

test("control characters, escape sequences, line breaks and bidirectional overrides never reach the terminal", () => {
  const hostile = "cell B2 holds 'x\u001b[2J\u001b]0;pwned\u0007\r\ny\u202egnp.exe\u0085z'; fix it";
  const line = errorLine(hostile);
  expect(line).toBe("cell B2 holds 'x\uFFFD[2J\uFFFD]0;pwned\uFFFD y\uFFFDgnp.exe\uFFFDz'; fix it");
  // eslint-disable-next-line no-control-regex -- none may remain
  expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
});

test("a short line is kept as it is; tabs are spaces", () => {
  expect(errorLine("a\tb: fix it")).toBe("a b: fix it");
});

test("a long line keeps its start and its advice: long words (paths, quoted text) shortened first", () => {
  const path = `/home/analyst/${"very-long-folder-name/".repeat(8)}book.xlsx`;
  const text = `${path}: sheet 'Sales', cell C7 holds '${"z".repeat(500)}' where a number should be; open it in Excel and save it again`;
  const line = errorLine(text);
  expect([...line].length).toBeLessThanOrEqual(MAX_LINE);
  expect(line.startsWith("/home/analyst/")).toBe(true);
  expect(line).toContain("book.xlsx: sheet 'Sales', cell C7 holds '");
  expect(line.endsWith("where a number should be; open it in Excel and save it again")).toBe(true);
});

test("a line of one 33 MB word is cut to 300 characters, its end kept", () => {
  const line = errorLine(`spec-scorecard: ${"x".repeat(33_000_000)}; do this`);
  expect([...line].length).toBe(MAX_LINE);
  expect(line.startsWith("spec-scorecard: xxx")).toBe(true);
  expect(line.endsWith("xxx; do this")).toBe(true);
});

test("characters outside the first plane count as one and are never split", () => {
  const line = errorLine("😀".repeat(400));
  expect([...line].length).toBe(MAX_LINE);
  expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
});
