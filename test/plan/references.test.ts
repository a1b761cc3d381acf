import { columnReference, quoteSheetName, structuredReference } from "../../src/plan/references";
import { fileFormula } from "../../src/workbook/fileFormula";
import { typedFormula } from "../../src/engine/formulaText";
import { table } from "../support/tables";

test.each([
  ["Sales", "Amount", "Sales[Amount]"],
  ["Sales", "Gross Margin", "Sales[[Gross Margin]]"],
  ["T", "Price [USD]", "T[[Price '[USD']]]"],
  ["T", "No. #", "T[[No. '#]]"],
  ["T", "Client's", "T[[Client''s]]"],
  ["Ventas", "Línea", "Ventas[Línea]"],
])("structuredReference(%p, %p) is %p", (t, column, ref) =>
  expect(structuredReference(t, column)).toBe(ref)
);

test.each([
  ["Sales", "Sales"],
  ["Sales 2025", "'Sales 2025'"],
  ["O'Brien", "'O''Brien'"],
  ["A1", "'A1'"],
  ["Ventas-Norte", "'Ventas-Norte'"],
])("quoteSheetName(%p) is %p", (sheet, quoted) => expect(quoteSheetName(sheet)).toBe(quoted));

test("a sheet without an Excel table is referred to by its rows", () => {
  const t = {
    ...table(
      "Ventas 2025",
      ["Cliente", "Fecha", "Importe"],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      false
    ),
    headerRow: 3,
    firstColumn: 2,
  };
  expect(columnReference(t, 2)).toBe("'Ventas 2025'!$D$4:$D$5");
});

test("file formulas get the prefixes Excel stores, outside strings and references", () => {
  expect(fileFormula('LET(§u,UNIQUE(FILTER(T[[Filter(x)]],"FILTER(")),XMATCH(§u,SORT(§u)))')).toBe(
    '_xlfn.LET(_xlpm.u,_xlfn.UNIQUE(_xlfn._xlws.FILTER(T[[Filter(x)]],"FILTER(")),_xlfn.XMATCH(_xlpm.u,_xlfn._xlws.SORT(_xlpm.u)))'
  );
  expect(fileFormula("SUMIFS('My Sheet'!$A$1:$A$9,X)")).toBe("SUMIFS('My Sheet'!$A$1:$A$9,X)");
  // The add-in's functions as Excel stores a bound custom function (SPEC.md §5); text is left alone.
  expect(fileFormula("SPEC.CONCENTRATION(A1:A3)")).toBe("_xldudf_SPEC_CONCENTRATION(A1:A3)");
  expect(fileFormula('IFERROR(SPEC.ACTIVATION_RATE(Sales[Customer],B4),"SPEC.X(")')).toBe(
    'IFERROR(_xldudf_SPEC_ACTIVATION_RATE(Sales[Customer],B4),"SPEC.X(")'
  );
  expect(fileFormula("MYSPEC.CONCENTRATION(A1)")).toBe("MYSPEC.CONCENTRATION(A1)");
  expect(typedFormula("LET(§u,1,§u+1)")).toBe("LET(u,1,u+1)");
});
