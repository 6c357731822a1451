// Runs before every workerd test file: the shared sandbox starts each file from its seed,
// with no fault or request log left over from the file before.
import { beforeAll } from "vitest";
import { sandbox } from "./helpers";

beforeAll(() => sandbox.reset());
