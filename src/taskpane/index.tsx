import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Wizard } from "./ui/Wizard";
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
    <FluentProvider theme={webLightTheme}>
      <Wizard
        port={new OfficeWorkbook(run, supports)}
        excel={{
          requirements: checkRequirements(supports),
          probeDynamicArrays: () => probeDynamicArrays(run),
        }}
      />
    </FluentProvider>
  );
});
