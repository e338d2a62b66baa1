/**
 * What the scan could not use (sheets without a recognisable table, cells it could not read) and the
 * 规则差异 between the sheet's text and the province's 评审细则 — each in a collapsible section.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ScanResult } from "../../core/scan/types";
import { placeText } from "../paneModel";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  place: { fontWeight: tokens.fontWeightSemibold },
  text: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export function ProblemsPanel(props: { scan: ScanResult }): React.JSX.Element | null {
  const styles = useStyles();
  const { unrecognised, problems, discrepancies } = props.scan;
  const unreadable = unrecognised.length + problems.length;
  if (unreadable === 0 && discrepancies.length === 0) return null;
  return (
    <Accordion collapsible multiple>
      {unreadable > 0 && (
        <AccordionItem value="problems">
          <AccordionHeader size="small">未能读取的工作表和单元格（{unreadable}）</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {unrecognised.map((u, i) => (
                <li key={`u${i}`} className={styles.text}>
                  <span className={styles.place}>{u.sheet}</span>：{u.reason}
                </li>
              ))}
              {problems.map((p, i) => (
                <li key={`p${i}`} className={styles.text}>
                  <span className={styles.place}>{p.cell ? placeText(p.sheet, p.cell) : p.sheet}</span>：{p.message}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      )}
      {discrepancies.length > 0 && (
        <AccordionItem value="discrepancies">
          <AccordionHeader size="small">规则差异（{discrepancies.length}）</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {discrepancies.map((d, i) => (
                <li key={i} className={styles.text}>
                  <span className={styles.place}>
                    {placeText(d.sheet, d.cell)} 第 {d.serial} 项
                  </span>
                  ：{d.message}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      )}
    </Accordion>
  );
}
