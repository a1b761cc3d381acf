import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Wizard } from "./ui/Wizard";
import { OfficeWorkbook } from "./officeWorkbook";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container === null) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Wizard port={new OfficeWorkbook()} />
    </FluentProvider>
  );
});
