/**
 * Browser stand-in for office.js in the e2e: the in-memory Excel loaded with the sample workbook's
 * snapshot (set by run.js as window.__E2E_SNAPSHOT__ just before this bundle), exposed as the globals
 * Office and Excel the add-in expects, plus CustomFunctions for the functions bundle of the shared
 * runtime. window.__inMemoryExcel lets the test read the workbook back.
 */
import "../support/custom-functions-mock"; // defines CustomFunctions (Error, ErrorCode, associate) as office.js would
import { createInMemoryExcel, type WorkbookSnapshot } from "../support/in-memory-excel";

interface ShimWindow {
  __E2E_SNAPSHOT__: WorkbookSnapshot;
  __E2E_API_VERSION__?: string;
  __inMemoryExcel: ReturnType<typeof createInMemoryExcel>;
  Office: unknown;
  Excel: unknown;
}

const w = window as unknown as ShimWindow;
const fake = createInMemoryExcel(w.__E2E_SNAPSHOT__, { apiVersion: w.__E2E_API_VERSION__ ?? "1.18" });
w.__inMemoryExcel = fake;

w.Excel = fake.Excel;
w.Office = {
  ...fake.Office,
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
  StartupBehavior: { none: "None", load: "Load" },
  context: {
    ...fake.Office.context,
    host: "Excel",
    platform: "OfficeOnline",
    displayLanguage: "zh-CN",
    contentLanguage: "zh-CN",
  },
  actions: { associate: () => undefined },
  addin: {
    showAsTaskpane: async () => undefined,
    hide: async () => undefined,
    setStartupBehavior: async () => undefined,
    getStartupBehavior: async () => "None",
    onVisibilityModeChanged: async () => async () => undefined,
  },
};

