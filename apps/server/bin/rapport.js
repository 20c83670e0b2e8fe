#!/usr/bin/env node
// The operator's command line. TypeScript runs as it is, through tsx, like the server.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
