/**
 * A stand-in for the CustomFunctions global that office.js provides in Excel: just what the
 * functions layer uses (Error and ErrorCode). Import this before calling the functions; the browser
 * e2e bundles it into its office.js stand-in too.
 */
export class MockCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: MockCustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};

/** Calls a function expected to answer an Excel error; returns its code and message. */
export function excelError(call: () => unknown): { code: string; message?: string } {
  try {
    const value = call();
    throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (!(error instanceof MockCustomFunctionsError)) throw error;
    return { code: error.code, message: error.message };
  }
}
