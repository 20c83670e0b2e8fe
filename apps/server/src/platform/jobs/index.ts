export { defineJob, JobRegistry, retryDelayMs, DEFAULT_RETRY, type JobContext, type JobDefinition, type JobLogger, type JobSpec, type RetryPolicy } from "./registry.ts";
export { enqueueJob, JOBS_CHANNEL, type EnqueueOptions } from "./enqueue.ts";
export { JobRunner, type JobRunnerOptions } from "./runner.ts";
