// Values the global setup hands to test files (vitest `provide`/`inject`).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the Attio sandbox, e.g. http://127.0.0.1:54321. */
    attioBase: string;
  }
}
