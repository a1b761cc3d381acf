/**
 * No SPEC call on the sheet sits inside an IFERROR (which would show a missing function's #NAME?
 * as a blank); each is shown blank only on its expected empty error, told apart by ERROR.TYPE.
 */
import { blankOnlyOn } from "../../src/engine/expectedEmpty";
import { distributorPlan } from "../support/distributorPlan";

const { plan } = distributorPlan();

/** The first argument of each `name(` call in a formula (parentheses and quoted texts respected). */
function firstArguments(formula: string, name: string): string[] {
  const found: string[] = [];
  const at = new RegExp(`(^|[^A-Z.])${name.replace(".", "\\.")}\\(`, "g");
  for (let m = at.exec(formula); m !== null; m = at.exec(formula)) {
    const start = m.index + m[0].length;
    let depth = 0;
    let quoted = false;
    let end = start;
    for (; end < formula.length; end++) {
      const c = formula[end];
      if (c === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (c === "(") depth++;
      else if (c === ")" && depth-- === 0) break;
      else if (c === "," && depth === 0) break;
    }
    found.push(formula.slice(start, end));
  }
  return found;
}

const specFormulas = plan.cells
  .filter((c) => c.formula?.includes("SPEC.") === true)
  .map((c) => [`${c.row},${c.column}`, c.formula as string] as const);

test("the plan calls each SPEC function it writes live", () => {
  const called = new Set(specFormulas.map(([, f]) => /SPEC\.([A-Z_]+)\(/.exec(f)?.[1]));
  expect([...called].sort()).toEqual([
    "ACTIVATION_RATE",
    "CONCENTRATION",
    "CUSTOMER_FORECAST",
    "CUSTOMER_VALUE",
    "MODEL_CHECK",
  ]);
  // The tiers' activation is among them.
  expect(specFormulas.some(([, f]) => /SPEC\.ACTIVATION_RATE\([^)]*FILTER\(/.test(f))).toBe(true);
});

test.each(specFormulas)(
  "%s: no IFERROR or IFNA catches the SPEC call's #NAME?",
  (_cell, formula) => {
    for (const name of ["IFERROR", "IFNA"])
      for (const argument of firstArguments(formula, name)) expect(argument).not.toContain("SPEC.");
    // Where a call is tested for errors, only ERROR.TYPE's expected numbers turn it blank.
    for (const [, kinds] of formula.matchAll(/IF\(ISERROR\(§err\),IF\(([^"]*),""/g))
      expect(kinds).toMatch(/^(OR\()?(ERROR\.TYPE\(§err\)=(2|7|14),?)+\)?$/);
  }
);

test("one flat LET per formula: no LET inside another's arguments", () => {
  for (const [cell, formula] of specFormulas)
    expect([cell, (formula.match(/(^|[^A-Z.])LET\(/g)?.length ?? 0) <= 1]).toEqual([cell, true]);
  expect(blankOnlyOn(["#N/A"], "§a+1", "§a,X(),")).toBe(
    'LET(§a,X(),§err,§a+1,IF(ISERROR(§err),IF(ERROR.TYPE(§err)=7,"",§err),§err))'
  );
});

test("firstArguments reads nested calls and quoted texts", () => {
  expect(firstArguments('IFERROR(F(1,"a)"),0)+IFERROR(SPEC.X(2),"")', "IFERROR")).toEqual([
    'F(1,"a)")',
    "SPEC.X(2)",
  ]);
});

test.each([
  [["#DIV/0!"] as const, 'LET(§err,X(),IF(ISERROR(§err),IF(ERROR.TYPE(§err)=2,"",§err),§err))'],
  [
    ["#DIV/0!", "#CALC!"] as const,
    'LET(§err,X(),IF(ISERROR(§err),IF(OR(ERROR.TYPE(§err)=2,ERROR.TYPE(§err)=14),"",§err),§err))',
  ],
  [["#N/A"] as const, 'LET(§err,X(),IF(ISERROR(§err),IF(ERROR.TYPE(§err)=7,"",§err),§err))'],
])("blankOnlyOn(%j) evaluates the call once and blanks only those errors", (kinds, formula) => {
  expect(blankOnlyOn(kinds, "X()")).toBe(formula);
});
