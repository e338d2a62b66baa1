/**
 * What every browser the page targets has and jsdom lacks: TextDecoder, structuredClone,
 * Blob.arrayBuffer and setImmediate (ExcelJS's Node build uses it). Import after ../taskpane/setup.
 */
import { TextDecoder, TextEncoder } from "util";
import * as v8 from "v8";

const g = globalThis as Record<string, unknown>;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof g.structuredClone === "undefined") g.structuredClone = (value: unknown) => v8.deserialize(v8.serialize(value));
if (typeof g.setImmediate === "undefined") g.setImmediate = (fn: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(fn, 0, ...args);
if (typeof Blob !== "undefined" && typeof Blob.prototype.arrayBuffer !== "function") {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
