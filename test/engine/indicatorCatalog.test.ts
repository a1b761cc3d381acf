/** The indicator definitions: SPEC.md §3.3's ids in its order, each defined in one place. */
import { readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { INDICATORS, INDICATOR_IDS, indicatorById } from "../../src/engine/indicatorCatalog";
import { LANGUAGES } from "../../src/core/language";

/** SPEC.md §3.3's table, in its order. */
const SPEC_IDS = [
  "revenue",
  "margin",
  "info.customers_buying",
  "info.revenue_per_customer",
  "info.penetration",
  "mkt.leads",
  "mkt.lead_conversion",
  "sales.new_customers",
  "sales.repeat_customers",
  "sales.repeat_rate",
  "sales.upsell_customers",
  "sales.upsell_revenue",
  "sales.cross_sell_customers",
  "svc.activation_rate",
  "svc.top20_share",
  "svc.hhi",
  "svc.pareto_customers",
  "svc.lapsing_customers",
  "svc.expected_revenue",
];

test("the catalog holds SPEC.md §3.3's indicators in its order", () => {
  expect(INDICATOR_IDS).toEqual(SPEC_IDS);
  for (const id of SPEC_IDS) expect(indicatorById(id)?.id).toBe(id);
  expect(indicatorById("svc.unknown")).toBeUndefined();
});

test("flows are SPEC.md §3.4's run-rate list; less is better for concentration and lapsing", () => {
  expect(INDICATORS.filter((d) => d.flow).map((d) => d.id)).toEqual([
    "revenue",
    "margin",
    "mkt.leads",
    "sales.new_customers",
    "sales.upsell_revenue",
  ]);
  expect(INDICATORS.filter((d) => d.better === "less").map((d) => d.id)).toEqual([
    "svc.top20_share",
    "svc.hhi",
    "svc.lapsing_customers",
  ]);
});

test("each indicator has its own words in every language", () => {
  for (const language of LANGUAGES) {
    const words = INDICATORS.map((d) => d.words[language]);
    expect(new Set(words).size).toBe(INDICATORS.length);
    for (const w of words) expect(w.trim()).toBe(w);
  }
  // Spanish differs from English except where the name is the same in both (HHI's is not).
  expect(INDICATORS.filter((d) => d.words.en === d.words.es)).toEqual([]);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

test("each dotted id of SPEC.md §3.3 is written as a string in at most two files of src/", () => {
  const src = join(__dirname, "..", "..", "src");
  const files = sourceFiles(src).map((path) => ({
    path: path.slice(src.length + 1),
    text: readFileSync(path, "utf8"),
  }));
  expect(files.length).toBeGreaterThan(50);
  const dotted = SPEC_IDS.filter((id) => id.includes("."));
  expect(dotted.length).toBe(17);
  for (const id of dotted) {
    const quoted = [`"${id}"`, `'${id}'`, `\`${id}\``];
    const holding = files.filter((f) => quoted.some((q) => f.text.includes(q))).map((f) => f.path);
    expect([id, holding.length >= 1 && holding.length <= 2]).toEqual([id, true]);
  }
});
