/**
 * Browser APIs Fluent UI v9 expects and jsdom lacks. Import this first in every pane test.
 */
import "@testing-library/jest-dom";

if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!("ResizeObserver" in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, "ResizeObserver", { writable: true, value: ResizeObserverStub });
    Object.defineProperty(globalThis, "ResizeObserver", { writable: true, value: ResizeObserverStub });
  }
  // jsdom does no layout, so every element looks hidden to Tabster (Fluent's focus manager: it checks
  // offsetParent and the body's size) and it refuses to move focus on Tab or arrow keys. Pretend that
  // elements not inside a hidden ancestor are laid out.
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      return isInsideHiddenAncestor(this) ? null : this.parentElement;
    },
  });
  document.body.getBoundingClientRect = () =>
    ({ x: 0, y: 0, top: 0, left: 0, width: 400, height: 900, right: 400, bottom: 900, toJSON: () => ({}) }) as DOMRect;
}

function isInsideHiddenAncestor(element: HTMLElement): boolean {
  for (let e: HTMLElement | null = element; e; e = e.parentElement) {
    if (e.hidden || e.style.display === "none") return true;
  }
  return false;
}
