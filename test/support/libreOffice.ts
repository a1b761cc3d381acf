/** LibreOffice for the tests: the benchmark's own helper (src/bench/libreOffice.ts). */
export { convertWithLibreOffice, libreOfficeVersion } from "../../src/bench/libreOffice";
export type { Recalculation } from "../../src/bench/libreOffice";
