import * as React from "react";
import { Body1, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">SPEC Scorecard</Title3>
      <Body1>
        Type =SPEC.ACTIVATION_RATE, =SPEC.CONCENTRATION or =SPEC.CUSTOMER_VALUE in any cell. The scorecard wizard comes here.
      </Body1>
    </main>
  );
}
