/**
 * The part of Office's CustomFunctions runtime that the functions layer uses. The package that used
 * to type it (@types/custom-functions-runtime) is not installed; office.js provides it at run time,
 * and the tests provide a stand-in on globalThis.
 */
declare namespace CustomFunctions {
  /** Excel error values a custom function can answer with. */
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  /** Thrown or returned by a custom function: Excel shows the error value and the message. */
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /** Binds a function id from functions.json to its JavaScript function (added by the metadata plugin). */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
