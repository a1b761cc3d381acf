/**
 * The build step's notices about Excel itself: what this Excel lacks, the values-instead-of-formulas
 * choice, the dialog when dynamic arrays are missing, and what reading the sheet back found.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
} from "@fluentui/react-components";
import { SheetCheck } from "../../workbook/sheetCheck";
import type { RequirementCheck } from "../excelSupport";
import { ExcelText } from "./excelText";

/** Cells listed in a problem before "and N more". */
const LISTED_CELLS = 12;

/** What this Excel lacks, said before anything is built. */
export function RequirementNotice({
  text,
  requirements,
}: {
  text: ExcelText;
  requirements: RequirementCheck;
}): React.JSX.Element | null {
  if (!requirements.canWrite)
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{text.cannotWrite(requirements.missing.join(", "))}</MessageBarBody>
      </MessageBar>
    );
  if (!requirements.functions)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{text.noFunctions}</MessageBarBody>
      </MessageBar>
    );
  return null;
}

export function ValuesChoice({
  text,
  values,
  disabled,
  onChange,
}: {
  text: ExcelText;
  values: boolean;
  disabled: boolean;
  onChange: (values: boolean) => void;
}): React.JSX.Element {
  return (
    <Field hint={text.valuesHint}>
      <Switch
        label={text.valuesChoice}
        checked={values}
        disabled={disabled}
        onChange={(_e, d) => onChange(d.checked)}
      />
    </Field>
  );
}

/** Asked when the build found no dynamic arrays: values instead, or nothing. */
export function NeedValuesDialog({
  text,
  open,
  cancel,
  onAnswer,
}: {
  text: ExcelText;
  open: boolean;
  cancel: string;
  onAnswer: (writeValues: boolean) => void;
}): React.JSX.Element {
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{text.noDynamicArraysTitle}</DialogTitle>
          <DialogContent>{text.noDynamicArrays}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {text.writeValues}
            </Button>
            <Button onClick={() => onAnswer(false)}>{cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** What reading the built sheet back found, each problem with its cells and what to do. */
export function SheetCheckView({
  text,
  check,
  checking,
  onCheckAgain,
}: {
  text: ExcelText;
  check: SheetCheck | null;
  checking: boolean;
  onCheckAgain: () => void;
}): React.JSX.Element | null {
  if (checking) return <Spinner size="tiny" label={text.checking} />;
  if (check === null) return null;
  return (
    <>
      {check.problems.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{text.checkedOk(check.checked)}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{text.checkTitle}</MessageBarTitle>
            <ul aria-label={text.checkTitle}>
              {check.problems.map((p) => (
                <li key={`${p.kind}/${p.error}`}>
                  {p.error !== null && <strong>{p.error} </strong>}
                  {p.cells.length > 0 &&
                    `${text.cells(p.cells.slice(0, LISTED_CELLS).join(", "), p.cells.length - LISTED_CELLS)}: `}
                  {text.problems[p.kind]}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>
        <Button size="small" onClick={onCheckAgain}>
          {text.checkAgain}
        </Button>
      </Body1>
    </>
  );
}
