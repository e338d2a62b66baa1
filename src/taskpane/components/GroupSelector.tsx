/** Switches the grouping of the list: 盯办人 / 责任人 / 分管领导 / 牵头部门. */
import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { GROUP_OPTIONS, type GroupBy } from "../paneModel";

export function GroupSelector(props: { value: GroupBy; onChange: (by: GroupBy) => void }): React.JSX.Element {
  return (
    <TabList
      size="small"
      selectedValue={props.value}
      onTabSelect={(_, data) => props.onChange(data.value as GroupBy)}
      aria-label="分组方式"
    >
      {GROUP_OPTIONS.map((by) => (
        <Tab key={by} value={by}>
          {by}
        </Tab>
      ))}
    </TabList>
  );
}
