/** The build step's notices as the pane renders them: what reading the sheet back found, and Excel's protections in words. */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SheetCheckView } from "../../src/taskpane/ui/ExcelNotices";
import { EXCEL_TEXT } from "../../src/taskpane/ui/excelText";
import { failureMessage } from "../../src/taskpane/ui/useBuild";
import { WorkbookProblem } from "../../src/taskpane/workbookProblem";
import { SheetCheck } from "../../src/workbook/sheetCheck";

const text = (element: React.ReactElement): string =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const cells = Array.from({ length: 15 }, (_, i) => `B${21 + i}`);
const check: SheetCheck = {
  checked: 240,
  problems: [
    { kind: "functions_not_loaded", error: "#NAME?", cells },
    { kind: "spill_blocked", error: "#SPILL!", cells: ["B70"] },
  ],
};

test("each problem with its error, its cells (the first twelve, then how many more) and what to do", () => {
  const shown = text(
    <SheetCheckView
      text={EXCEL_TEXT.en}
      check={check}
      checking={false}
      onCheckAgain={() => undefined}
    />
  );
  expect(shown).toContain(
    `#NAME? ${cells.slice(0, 12).join(", ")} and 3 more: SPEC functions were not loaded when these cells were written: build again`
  );
  expect(shown).toContain(
    "#SPILL! B70: Something is in the way of a result that fills several cells"
  );
  expect(shown).toContain("Check the sheet again");
});

test("a clean sheet says so, in Spanish too", () => {
  const clean: SheetCheck = { checked: 12345, problems: [] };
  const none = (): void => undefined;
  expect(
    text(<SheetCheckView text={EXCEL_TEXT.en} check={clean} checking={false} onCheckAgain={none} />)
  ).toContain("Read back: all 12,345 formula cells show a value.");
  expect(
    text(<SheetCheckView text={EXCEL_TEXT.es} check={clean} checking={false} onCheckAgain={none} />)
  ).toContain("Revisada: las 12.345 celdas con fórmula muestran un valor.");
});

test.each([
  [
    "a protected structure",
    new WorkbookProblem("structure_protected"),
    "en",
    "The workbook's structure is protected, so no sheet can be added: unprotect it (Review › Protect Workbook), then build again.",
  ],
  [
    "a protected sheet",
    new WorkbookProblem("sheet_protected", "Scorecard"),
    "es",
    "La hoja «Scorecard» está protegida: desprotéjala (Revisar › Desproteger hoja) y créelo de nuevo.",
  ],
  [
    "a refused request",
    new WorkbookProblem("excel_refused", "Scorecard", "InvalidArgument: bad range"),
    "en",
    "Excel refused to write the Scorecard on “Scorecard” (InvalidArgument: bad range). The sheet may be incomplete: build again; if it happens again, write values instead of formulas.",
  ],
  ["any other error", new Error("no sales table"), "en", "no sales table"],
] as const)("%s in the analyst's words", (_what, e, language, message) => {
  expect(failureMessage(e, language)).toBe(message);
});
