/**
 * LibreOffice Calc, headless, as a second spreadsheet engine (for the tests and npm run bench): it
 * opens a workbook (recalculating every formula on load, or keeping the cached values) and saves
 * it again, which our reader then reads. From Debian's bookworm-backports suite; .ci/run installs it.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";

export const SOFFICE = process.env.SOFFICE_PATH ?? "soffice";

/** Recalculate on load: 0 always, 1 never (the file's cached values are shown). */
export type Recalculation = "always" | "never";

const profiles = new Map<Recalculation, string>();

/** A LibreOffice user profile that recalculates (or not) every formula of an .xlsx on load. */
function profile(mode: Recalculation): string {
  let dir = profiles.get(mode);
  if (dir !== undefined) return dir;
  dir = mkdtempSync(join(tmpdir(), `spec-lo-${mode}-`));
  mkdirSync(join(dir, "user"), { recursive: true });
  const value = mode === "always" ? 0 : 1;
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${value}</value></prop></item>` +
      `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${value}</value></prop></item>` +
      "</oor:items>\n"
  );
  profiles.set(mode, dir);
  return dir;
}

/** LibreOffice's version line, or throws with what to install. */
export function libreOfficeVersion(): string {
  const r = spawnSync(SOFFICE, ["--version"], { encoding: "utf8", timeout: 60000 });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(
      `LibreOffice (soffice) is not installed: add Debian's bookworm-backports suite and apt-get install -y -t bookworm-backports libreoffice-calc-nogui (.ci/run does)`
    );
  }
  return r.stdout.trim();
}

/**
 * Opens `input` in LibreOffice and saves it as `format` ("xlsx", "pdf"…) in a new folder; returns
 * the output's path and how long LibreOffice took.
 */
export function convertWithLibreOffice(
  input: string,
  format: string,
  mode: Recalculation
): { path: string; seconds: number } {
  const outDir = mkdtempSync(join(tmpdir(), "spec-lo-out-"));
  const started = process.hrtime.bigint();
  const r = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile(mode)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      input,
    ],
    { encoding: "utf8", timeout: 600000 }
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const path = join(outDir, `${basename(input, extname(input))}.${format.split(":")[0]}`);
  if (r.error !== undefined || !existsSync(path))
    throw new Error(
      `LibreOffice could not open and save ${input}: ${r.error?.message ?? ""}${r.stdout}${r.stderr}`
    );
  return { path, seconds };
}
