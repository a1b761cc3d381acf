/**
 * What to fix before building, where it is: each step's tab says how many of its fields have a
 * problem, and the build step lists every problem with a link that opens its step and puts the
 * cursor in the field.
 */
import * as React from "react";
import {
  CounterBadge,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  makeStyles,
} from "@fluentui/react-components";
import { UiText } from "./uiText";
import { Problem, STEPS, Step } from "./wizardForm";

const useStyles = makeStyles({
  // Four tabs and their marks wrap in a narrow pane instead of scrolling it sideways.
  tabs: { flexWrap: "wrap" },
  tab: { display: "inline-flex", alignItems: "center", gap: "4px" },
  list: { margin: 0, paddingLeft: "1.2em" },
});

export function StepTabs({
  step,
  text,
  label,
  problems,
  onSelect,
}: {
  step: Step;
  text: UiText;
  label: string;
  problems: readonly Problem[];
  onSelect: (step: Step) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={step}
      onTabSelect={(_e, d) => onSelect(d.value as Step)}
      aria-label={label}
    >
      {STEPS.map((s) => {
        const n = problems.filter((p) => p.step === s).length;
        return (
          <Tab
            key={s}
            value={s}
            aria-label={n > 0 ? `${text.steps[s]}, ${text.problemsOn(n)}` : undefined}
          >
            <span className={styles.tab}>
              {text.steps[s]}
              {n > 0 && <CounterBadge count={n} size="small" color="danger" aria-hidden="true" />}
            </span>
          </Tab>
        );
      })}
    </TabList>
  );
}

/** Every problem, each a link to its field, grouped under one alert. */
export function ProblemList({
  problems,
  text,
  onGo,
}: {
  problems: readonly Problem[];
  text: UiText;
  onGo: (problem: Problem) => void;
}): React.JSX.Element | null {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text.fixThese}</MessageBarTitle>
        <ul className={styles.list} aria-label={text.fixThese}>
          {problems.map((p) => (
            <li key={`${p.step}/${p.target}`}>
              <Link as="button" inline onClick={() => onGo(p)}>
                {`${text.steps[p.step]} › ${p.label}`}
              </Link>
              {`: ${p.message}`}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
