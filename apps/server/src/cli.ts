import { randomBytes } from "node:crypto";
import { loadSecretBox } from "./platform/crypto.ts";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { openConfiguredDatabase } from "./server.ts";
import type { Database } from "./platform/db/client.ts";
import { AppError } from "./platform/errors.ts";
import { seedDemo } from "./demo/seed.ts";
import { ROLES, type Role } from "./modules/workspaces/schema.ts";
import { createUser, createWorkspace, findWorkspace, ownerActor } from "./modules/workspaces/service.ts";

/** Exit codes from sysexits.h, which operators' scripts already know. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 64;
const EXIT_CONFIG = 78;

class UsageError extends Error {}

interface OptionSpec {
  description: string;
  required?: boolean;
}

type Values = Record<string, string | undefined>;

interface Command {
  summary: string;
  options: Record<string, OptionSpec>;
  /** Checks the options before any database is opened, and returns the work to do. */
  prepare(values: Values, config: Config): (database: Database, say: (line: string) => void) => Promise<void>;
}

/** Where a command's report and complaints go: the terminal, or a test's buffer. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const terminal: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function requireValid(value: string | undefined, option: string, valid: (value: string) => boolean, expected: string): string {
  if (value === undefined || !valid(value)) throw new UsageError(`--${option} must be ${expected}${value === undefined ? "" : ` (got ${JSON.stringify(value)})`}.`);
  return value;
}

const email = (values: Values, option = "email") => requireValid(values[option], option, (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) && v.length <= 254, "an email address");
const password = (values: Values) => requireValid(values.password, "password", (v) => v.length >= 10 && v.length <= 200, "10 to 200 characters");
const name = (values: Values, option: string) => requireValid(values[option], option, (v) => v.trim().length > 0 && v.length <= 200, "a non-empty name").trim();
const role = (values: Values) => requireValid(values.role, "role", (v) => (ROLES as readonly string[]).includes(v), `one of ${ROLES.join(", ")}`) as Role;

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: "Apply the database migrations (every other command does this first, as does the server at start).",
    options: {},
    prepare: (_values, config) => async (database, say) => {
      say(`Migrations applied (${database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL"}).`);
    },
  },
  "create-workspace": {
    summary: "Create a workspace with its first owner.",
    options: {
      name: { description: "the workspace's name", required: true },
      email: { description: "the owner's email", required: true },
      password: { description: "the owner's password (at least 10 characters)", required: true },
      "owner-name": { description: "the owner's name (default: the email's local part)" },
    },
    prepare(values) {
      const ownerEmail = email(values);
      const input = { name: name(values, "name"), owner: { email: ownerEmail, name: values["owner-name"]?.trim() || ownerEmail.split("@")[0]!, password: password(values) } };
      return async (database, say) => {
        const { workspace, owner } = await createWorkspace(database.db, input);
        say(`Created workspace "${workspace.name}" (slug: ${workspace.slug}) with owner ${owner.email}.`);
      };
    },
  },
  "create-user": {
    summary: "Add a person to a workspace.",
    options: {
      email: { description: "their email", required: true },
      name: { description: "their name", required: true },
      role: { description: ROLES.join(" | "), required: true },
      password: { description: "their password (at least 10 characters)", required: true },
      workspace: { description: "the workspace's slug (may be left out when there is only one)" },
    },
    prepare(values) {
      const input = { email: email(values), name: name(values, "name"), role: role(values), password: password(values) };
      return async (database, say) => {
        const workspace = await findWorkspace(database.db, values.workspace);
        const user = await createUser({ db: database.db, actor: await ownerActor(database.db, workspace.id) }, input);
        say(`Added ${user.email} to "${workspace.name}" (slug: ${workspace.slug}) as ${user.role}.`);
      };
    },
  },
  "seed-demo": {
    summary: "Fill a workspace with demo teammates and conversations; without --workspace, a new demo workspace.",
    options: {
      workspace: { description: "an existing workspace's slug" },
      email: { description: "the new demo workspace's owner (default: RAPPORT_ADMIN_EMAIL)" },
      password: { description: "that owner's password (default: RAPPORT_ADMIN_PASSWORD, or one is generated and printed)" },
    },
    prepare(values, config) {
      const slug = values.workspace;
      if (slug !== undefined) {
        if (values.email !== undefined || values.password !== undefined) {
          throw new UsageError("--email and --password are for a new demo workspace; leave them out with --workspace.");
        }
        return async (database, say) => {
          const workspace = await findWorkspace(database.db, slug);
          const owner = await ownerActor(database.db, workspace.id);
          await database.db.transaction((tx) => seedDemo(tx, workspace.id, owner.userId, loadSecretBox(config.secretKey, config.dataDir))).catch((error: unknown) => {
            // The demo teammates' emails are unique within a workspace.
            if (isUniqueViolation(error)) throw new AppError("conflict", `"${workspace.slug}" already holds the demo data.`);
            throw error;
          });
          say(`Added the demo inbox to "${workspace.name}" (slug: ${workspace.slug}).`);
        };
      }
      const ownerEmail = values.email === undefined ? config.adminEmail : email(values);
      const chosenPassword = values.password === undefined ? config.adminPassword : password(values);
      const ownerPassword = chosenPassword ?? randomBytes(12).toString("base64url");
      return async (database, say) => {
        const { workspace, owner } = await database.db.transaction(async (tx) => {
          const created = await createWorkspace(tx, { name: "Demo Outfitters", owner: { email: ownerEmail, name: "Admin", password: ownerPassword } });
          await seedDemo(tx, created.workspace.id, created.owner.id, loadSecretBox(config.secretKey, config.dataDir));
          return created;
        });
        say(`Created demo workspace "${workspace.name}" (slug: ${workspace.slug}) with owner ${owner.email}.`);
        if (!chosenPassword) say(`Owner password (shown once): ${ownerPassword}`);
      };
    },
  },
};

function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === "23505") return true;
  }
  return false;
}

function usage(): string {
  const lines = ["Usage: rapport <command> [options]", "", "Commands:"];
  for (const [command, spec] of Object.entries(COMMANDS)) {
    lines.push(`  ${command.padEnd(18)}${spec.summary}`);
    for (const [option, detail] of Object.entries(spec.options)) {
      lines.push(`    --${option.padEnd(14)}${detail.description}${detail.required ? " (required)" : ""}`);
    }
  }
  lines.push(`  ${"help".padEnd(18)}Show this help.`);
  lines.push("", "The database is the server's: DATABASE_URL for PostgreSQL, otherwise the embedded one in RAPPORT_DATA_DIR (./data).");
  return lines.join("\n");
}

function parse(args: string[]): { command: Command; values: Values } {
  const [commandName, ...rest] = args;
  const command = commandName === undefined ? undefined : COMMANDS[commandName];
  if (!command) throw new UsageError(commandName === undefined ? "Name a command." : `Unknown command "${commandName}".`);
  const options = Object.fromEntries(Object.keys(command.options).map((option) => [option, { type: "string" as const }]));
  const { values, positionals } = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"; options take the form --name value.`);
  const missing = Object.entries(command.options).filter(([option, spec]) => spec.required && values[option] === undefined);
  if (missing.length > 0) throw new UsageError(`${commandName} needs ${missing.map(([option]) => `--${option}`).join(", ")}.`);
  return { command, values: values as Values };
}

/** Runs one command and returns the process's exit code. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env, output: Output = terminal): Promise<number> {
  if (args.length === 0 || ["help", "--help", "-h"].includes(args[0]!)) {
    output.out(usage());
    return 0;
  }
  try {
    const { command, values } = parse(args);
    const config = loadConfig(env);
    const work = command.prepare(values, config);
    const database = await openConfiguredDatabase(config);
    try {
      await work(database, output.out);
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    const parseError = error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
    if (error instanceof UsageError || parseError) {
      output.err(`rapport: ${error.message}\nRun "rapport help" for the commands and their options.`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      output.err(`rapport: ${error.message}`);
      return EXIT_CONFIG;
    }
    if (error instanceof AppError) {
      output.err(`rapport: ${error.message}`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}
