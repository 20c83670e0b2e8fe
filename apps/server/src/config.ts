import path from "node:path";
import Type, { type Static } from "typebox";
import { Compile } from "typebox/compile";

/**
 * Every setting Rapport reads, in one place. The environment is read once at
 * boot, validated, and the typed result is passed down; nothing else reads
 * `process.env`.
 */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: "0.0.0.0" }),
  RAPPORT_DATA_DIR: Type.String({ minLength: 1, default: "./data" }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: "^postgres(ql)?://" })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  RAPPORT_ADMIN_EMAIL: Type.String({ format: "email", default: "admin@example.com" }),
  RAPPORT_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10 })),
  RAPPORT_PUBLIC_URL: Type.Optional(Type.String({ pattern: "^https?://" })),
  RAPPORT_SIGNUP_OPEN: Type.Boolean({ default: true }),
  RAPPORT_DEMO_DATA: Type.Boolean({ default: true }),
  RAPPORT_JOBS: Type.Boolean({ default: true }),
  RAPPORT_BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  RAPPORT_ATTACHMENT_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 1_073_741_824, default: 26_214_400 }),
  RAPPORT_SESSION_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 14 }),
  RAPPORT_LOGIN_ATTEMPTS: Type.Integer({ minimum: 1, default: 10 }),
  RAPPORT_SECRET_KEY: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9+/]{43}=$", description: "32 bytes, base64" })),
  RAPPORT_MAIL_DOMAIN: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9.-]+$" })),
  RAPPORT_SMTP_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  RAPPORT_SMTP_HOST: Type.String({ minLength: 1, default: "0.0.0.0" }),
  RAPPORT_SMTP_TLS_CERT: Type.Optional(Type.String({ minLength: 1 })),
  RAPPORT_SMTP_TLS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  RAPPORT_SMTP_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 1_073_741_824, default: 31_457_280 }),
  RAPPORT_SMTP_RELAY_URL: Type.Optional(Type.String({ pattern: "^smtps?://" })),
  RAPPORT_FILES_S3_BUCKET: Type.Optional(Type.String({ pattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", description: "a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens" })),
  RAPPORT_FILES_S3_ENDPOINT: Type.Optional(Type.String({ pattern: "^https?://[^/?#]+/?$", description: "http(s)://host[:port]" })),
  RAPPORT_FILES_S3_REGION: Type.String({ pattern: "^[a-z0-9-]+$", default: "us-east-1" }),
  RAPPORT_FILES_S3_FORCE_PATH_STYLE: Type.Boolean({ default: false }),
  RAPPORT_FILES_S3_PREFIX: Type.Optional(Type.String({ pattern: "^/*(?!\\.\\.?(/|$))[A-Za-z0-9!_.*'()-]+(/+(?!\\.\\.?(/|$))[A-Za-z0-9!_.*'()-]+)*/*$", description: "folder names of letters, digits and !_.*'()- (not . or ..) separated by /" })),
  RAPPORT_TRUST_PROXY: Type.String({ minLength: 1, default: "loopback,linklocal,uniquelocal" }),
  RAPPORT_LLM_BASE_URL: Type.Optional(Type.String({ pattern: "^https?://[^\\s]+$", description: "http(s)://host[:port]/path of an OpenAI-compatible API, e.g. https://api.openai.com/v1" })),
  RAPPORT_LLM_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  RAPPORT_LLM_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  RAPPORT_LLM_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 8000 }),
  LOG_LEVEL: Type.Enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { default: "info" }),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  adminEmail: string;
  adminPassword: string | undefined;
  publicUrl: string;
  signupOpen: boolean;
  demoData: boolean;
  jobsEnabled: boolean;
  bodyLimitBytes: number;
  /** The largest file one upload may carry. */
  attachmentLimitBytes: number;
  sessionDays: number;
  loginAttempts: number;
  logLevel: Env["LOG_LEVEL"];
  /**
   * Whose X-Forwarded-For is believed for a client's address (rate limits, audit): `true`, `false`, or addresses
   * and CIDR ranges (also `loopback`, `linklocal`, `uniquelocal`). Believing everyone would let any client pick
   * the address its limits are counted under.
   */
  trustProxy: boolean | string[];
  /** Encrypts stored credentials (IMAP passwords); without RAPPORT_SECRET_KEY, one is made and kept in the data directory. */
  secretKey: string | undefined;
  email: {
    /** The domain of forwarding addresses and of the Message-IDs Rapport writes. */
    domain: string;
    /** The built-in SMTP listener's port; off when unset. */
    smtpPort: number | undefined;
    smtpHost: string;
    tls: { cert: string; key: string } | undefined;
    maxBytes: number;
    /** Where replies are sent: smtp(s)://user:password@host:port. Without it, replies wait in the queue. */
    relayUrl: string | undefined;
  };
  /**
   * The answer bot composes answers with this OpenAI-compatible chat-completions API when set; without it, it
   * quotes the best article's passage. Either way it answers only from the workspace's articles.
   */
  llm: { baseUrl: string; apiKey: string | undefined; model: string; timeoutMs: number } | undefined;
  files: {
    /** Files go to this S3-compatible bucket instead of `files/` in the data directory. */
    s3:
      | {
          bucket: string;
          /** Another store than AWS's (MinIO, Ceph, R2, Garage…); AWS's own endpoint when unset. */
          endpoint: string | undefined;
          region: string;
          /** Bucket in the path (host/bucket/key) rather than the host name, as most self-hosted stores want. */
          forcePathStyle: boolean;
          /** Put before every key: empty, or folder names ending in "/". */
          prefix: string;
        }
      | undefined;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const envValidator = Compile(EnvSchema);
const integerKeys = new Set(["PORT", "RAPPORT_SMTP_PORT", "RAPPORT_SMTP_MAX_BYTES", "DATABASE_POOL_SIZE", "RAPPORT_BODY_LIMIT_BYTES", "RAPPORT_ATTACHMENT_LIMIT_BYTES", "RAPPORT_SESSION_DAYS", "RAPPORT_LOGIN_ATTEMPTS", "RAPPORT_LLM_TIMEOUT_MS"]);
const booleanKeys = new Set(["RAPPORT_SIGNUP_OPEN", "RAPPORT_DEMO_DATA", "RAPPORT_JOBS", "RAPPORT_FILES_S3_FORCE_PATH_STYLE"]);

function coerce(key: string, raw: string): unknown {
  if (integerKeys.has(key)) return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (booleanKeys.has(key)) {
    const value = raw.trim().toLowerCase();
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    return raw;
  }
  return raw;
}

/** Reads and validates the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const raw = env[key];
    if (raw !== undefined && raw !== "") input[key] = coerce(key, raw);
  }
  const withDefaults = envValidator.Default(input);
  if (!envValidator.Check(withDefaults)) {
    const [first] = envValidator.Errors(withDefaults);
    const variable = first?.instancePath.replace(/^\//, "") || "environment";
    throw new ConfigError(`Invalid configuration: ${variable} ${first?.message ?? "is invalid"} (got ${JSON.stringify(env[variable] ?? "")})`);
  }
  const parsed = withDefaults as Env;
  if (Boolean(parsed.RAPPORT_SMTP_TLS_CERT) !== Boolean(parsed.RAPPORT_SMTP_TLS_KEY)) {
    throw new ConfigError("Invalid configuration: RAPPORT_SMTP_TLS_CERT and RAPPORT_SMTP_TLS_KEY go together (set both, or neither)");
  }
  const s3Only = (["RAPPORT_FILES_S3_ENDPOINT", "RAPPORT_FILES_S3_REGION", "RAPPORT_FILES_S3_FORCE_PATH_STYLE", "RAPPORT_FILES_S3_PREFIX"] as const).find((key) => Boolean(env[key]));
  if (s3Only && !parsed.RAPPORT_FILES_S3_BUCKET) {
    throw new ConfigError(`Invalid configuration: ${s3Only} is set but RAPPORT_FILES_S3_BUCKET is not (files stay in the data directory unless a bucket is named)`);
  }
  const llmOnly = (["RAPPORT_LLM_API_KEY", "RAPPORT_LLM_MODEL"] as const).find((key) => Boolean(env[key]));
  if (llmOnly && !parsed.RAPPORT_LLM_BASE_URL) {
    throw new ConfigError(`Invalid configuration: ${llmOnly} is set but RAPPORT_LLM_BASE_URL is not (the answer bot uses a model only when its API is named)`);
  }
  if (parsed.RAPPORT_LLM_BASE_URL && !parsed.RAPPORT_LLM_MODEL) {
    throw new ConfigError("Invalid configuration: RAPPORT_LLM_BASE_URL is set but RAPPORT_LLM_MODEL is not (name the model to ask, e.g. gpt-4o-mini)");
  }
  const publicUrl = (parsed.RAPPORT_PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, "");
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: path.resolve(parsed.RAPPORT_DATA_DIR),
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    adminEmail: parsed.RAPPORT_ADMIN_EMAIL.toLowerCase(),
    adminPassword: parsed.RAPPORT_ADMIN_PASSWORD,
    publicUrl,
    signupOpen: parsed.RAPPORT_SIGNUP_OPEN,
    demoData: parsed.RAPPORT_DEMO_DATA,
    jobsEnabled: parsed.RAPPORT_JOBS,
    bodyLimitBytes: parsed.RAPPORT_BODY_LIMIT_BYTES,
    attachmentLimitBytes: parsed.RAPPORT_ATTACHMENT_LIMIT_BYTES,
    sessionDays: parsed.RAPPORT_SESSION_DAYS,
    loginAttempts: parsed.RAPPORT_LOGIN_ATTEMPTS,
    logLevel: parsed.LOG_LEVEL,
    trustProxy: parseTrustProxy(parsed.RAPPORT_TRUST_PROXY),
    secretKey: parsed.RAPPORT_SECRET_KEY,
    email: {
      domain: (parsed.RAPPORT_MAIL_DOMAIN ?? new URL(publicUrl).hostname).toLowerCase(),
      smtpPort: parsed.RAPPORT_SMTP_PORT,
      smtpHost: parsed.RAPPORT_SMTP_HOST,
      tls: parsed.RAPPORT_SMTP_TLS_CERT && parsed.RAPPORT_SMTP_TLS_KEY ? { cert: parsed.RAPPORT_SMTP_TLS_CERT, key: parsed.RAPPORT_SMTP_TLS_KEY } : undefined,
      maxBytes: parsed.RAPPORT_SMTP_MAX_BYTES,
      relayUrl: parsed.RAPPORT_SMTP_RELAY_URL,
    },
    llm:
      parsed.RAPPORT_LLM_BASE_URL && parsed.RAPPORT_LLM_MODEL
        ? { baseUrl: parsed.RAPPORT_LLM_BASE_URL.replace(/\/+$/, ""), apiKey: parsed.RAPPORT_LLM_API_KEY, model: parsed.RAPPORT_LLM_MODEL, timeoutMs: parsed.RAPPORT_LLM_TIMEOUT_MS }
        : undefined,
    files: {
      s3: parsed.RAPPORT_FILES_S3_BUCKET
        ? {
            bucket: parsed.RAPPORT_FILES_S3_BUCKET,
            endpoint: parsed.RAPPORT_FILES_S3_ENDPOINT?.replace(/\/$/, ""),
            region: parsed.RAPPORT_FILES_S3_REGION,
            forcePathStyle: parsed.RAPPORT_FILES_S3_FORCE_PATH_STYLE,
            prefix: parsed.RAPPORT_FILES_S3_PREFIX ? `${parsed.RAPPORT_FILES_S3_PREFIX.replace(/^\/+|\/+$/g, "")}/` : "",
          }
        : undefined,
    },
  };
}

function parseTrustProxy(value: string): Config["trustProxy"] {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  const entries = trimmed.split(",").map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.find((entry) => !/^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/.test(entry));
  if (bad !== undefined) {
    throw new ConfigError(`Invalid configuration: RAPPORT_TRUST_PROXY has "${bad}"; give true, false, or addresses and CIDR ranges separated by commas`);
  }
  return entries;
}
