import { ApiError, csrfHeaders } from "./client";
import type { StoredAttachment } from "./types";

export interface UploadOptions {
  /** Called with the share of the bytes sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one file as the raw request body (POST /api/v1/attachments). XMLHttpRequest rather than fetch,
 * because only it reports how much of the body has gone out, and a large file should show it is moving.
 */
export function uploadAttachment(file: File, { onProgress, signal }: UploadOptions = {}): Promise<StoredAttachment> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("The upload was cancelled.", "AbortError"));
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/attachments?filename=${encodeURIComponent(file.name || "attachment")}`);
    request.responseType = "json";
    request.withCredentials = true;
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status === 201 && body && typeof body === "object") {
        resolve(body as StoredAttachment);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new ApiError(request.status, error?.code ?? (request.status === 413 ? "payload_too_large" : "http_error"), error?.message ?? `The server answered ${request.status}.`));
    };
    // No answer at all: the connection dropped, or the server closed it on a body it would not read.
    request.onerror = () => reject(new ApiError(0, "network_error", "The upload did not reach the server."));
    request.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}
