/**
 * `npm run demo`: writes the sample distributor workbook and builds its scorecard with the
 * command line, as an analyst would: out/scorecard.xlsx and out/scorecard.json.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { runScorecard } from "./runScorecard";
import { writeSampleWorkbook } from "./sampleWorkbook";

async function demo(): Promise<number> {
  const folder = join(process.cwd(), "out");
  mkdirSync(folder, { recursive: true });
  const sample = join(folder, "sample-distributor.xlsx");
  await writeSampleWorkbook(sample);
  const json: string[] = [];
  const status = await runScorecard(
    [
      sample,
      "--out",
      join(folder, "scorecard.xlsx"),
      "--json",
      "--target",
      "revenue=2500000",
      "--target",
      "svc.activation_rate=0.8",
      "--target",
      "svc.top20_share=0.5",
      "--target",
      "sales.new_customers=15",
    ],
    {
      out: (t) => json.push(t),
      err: (t) => process.stderr.write(t + "\n"),
    }
  );
  if (status !== 0) return status;
  writeFileSync(join(folder, "scorecard.json"), json.join("\n") + "\n");
  const summary: string[] = [];
  await runScorecard([sample], { out: (t) => summary.push(t), err: () => undefined });
  process.stdout.write(
    `${summary.join("\n")}\n\nSample workbook: ${sample}\nScorecard:       ${join(folder, "scorecard.xlsx")}\nJSON:            ${join(folder, "scorecard.json")}\n`
  );
  return 0;
}

demo().then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`demo failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  }
);
