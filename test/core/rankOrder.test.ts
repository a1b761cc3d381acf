import { rankOrder } from "../../src/core/rankOrder";

function check(values: number[]): void {
  const f = Float64Array.from(values);
  const { positions } = rankOrder(f, 0, f.length);
  const sorted = Array.from(positions, (p) => values[p]);
  const expected = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  expect(sorted.map((v) => v + 0)).toEqual(expected.map((v) => v + 0));
}

test("orders negatives, zeros, -0, fractions and huge values; skips NaN", () => {
  check([3, -1, 0, -0, NaN, 2.5, -1e300, 1e300, 1e-300, -2.5, 7, NaN, 3]);
});

test("values equal to nine digits, in short and long runs", () => {
  check(Array.from({ length: 20 }, (_, i) => 1 + ((i * 7) % 20) * 1e-14));
  check(Array.from({ length: 5000 }, (_, i) => 1 + ((i * 7919) % 5000) * 1e-14));
});

test("many ties", () => {
  check(Array.from({ length: 3000 }, (_, i) => i % 3));
});

test("a range inside a larger block", () => {
  const block = Float64Array.from([9, 9, 5, 1, 3, 9]);
  expect(Array.from(rankOrder(block, 2, 3).positions)).toEqual([1, 2, 0]);
});
