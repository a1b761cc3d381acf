import * as React from "react";
import { createRoot } from "react-dom/client";
import { Wizard } from "./ui/Wizard";
import { ThemedPane } from "./ui/ThemedPane";
import { OfficeWorkbook } from "./officeWorkbook";
import { checkRequirements, officeRequirements, probeDynamicArrays } from "./excelSupport";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container === null) return;
  // What this Excel supports, checked once at start (the manifest declares the same sets).
  const supports = officeRequirements();
  const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    Excel.run(batch);
  createRoot(container).render(
    <ThemedPane office={Office.context?.officeTheme}>
      <Wizard
        port={new OfficeWorkbook(run, supports)}
        excel={{
          requirements: checkRequirements(supports),
          probeDynamicArrays: () => probeDynamicArrays(run),
        }}
      />
    </ThemedPane>
  );
});
