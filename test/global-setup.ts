// Starts one Attio sandbox on 127.0.0.1 for the workerd test project and hands its URL over.
import type { TestProject } from "vitest/node";
import { startSandbox } from "./sandbox/index";

export default async function setup(project: TestProject) {
  const sandbox = await startSandbox({ quiet: true });
  project.provide("attioBase", sandbox.url);
  return () => sandbox.close();
}
