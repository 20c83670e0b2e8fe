// Generated from the server's OpenAPI document by `npm run api:types`; do not edit by hand.

export type paths = {
    "/api/v1/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens (yours; all of them for admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                expiresAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description The first characters of the token, to recognise it. */
                                prefix: string;
                                revokedAt: string | null;
                                scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token that acts as you; the token is shown only in this response, so a retry makes a new one (no Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt?: string;
                        name: string;
                        scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiToken: {
                                /** Format: date-time */
                                createdAt: string;
                                expiresAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description The first characters of the token, to recognise it. */
                                prefix: string;
                                revokedAt: string | null;
                                scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                userId: string;
                            };
                            /** @description Keep it secret; it cannot be shown again. */
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description The first characters of the token, to recognise it. */
                            prefix: string;
                            revokedAt: string | null;
                            scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file (the request body is the file's bytes, its Content-Type the file's type); attach the answer to a message */
        post: {
            parameters: {
                query: {
                    /** @description The file's name, shown to people. */
                    filename: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            filename: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            size: number;
                            /** @description Where to download it (signed in, same workspace). */
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (images may be asked for inline) */
        get: {
            parameters: {
                query?: {
                    disposition?: "attachment" | "inline";
                };
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file's bytes. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What admins did, newest first (admins) */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description How many items per page (1–100). */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorUserId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                ip: string | null;
                                targetId: string | null;
                                targetType: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                        /** @description Workspace slug, when the email is in several. */
                        workspace?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Echo in the x-csrf-token header on requests that change something. */
                            csrfToken: string;
                            scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                            user: {
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                lastLoginAt: string | null;
                                /** @enum {unknown} */
                                locale: "en" | "es";
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "supervisor" | "agent";
                                /** @description An IANA time zone; null follows the workspace's. */
                                timeZone: string | null;
                            };
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string;
                                slug: string;
                                timeZone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out of this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, with the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Echo in the x-csrf-token header on requests that change something. */
                            csrfToken: string;
                            scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                            user: {
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                lastLoginAt: string | null;
                                /** @enum {unknown} */
                                locale: "en" | "es";
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "supervisor" | "agent";
                                /** @description An IANA time zone; null follows the workspace's. */
                                timeZone: string | null;
                            };
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string;
                                slug: string;
                                timeZone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bot/content-gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Questions the bot could not answer, grouped into articles worth writing, most asked first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Questions in this group. */
                                count: number;
                                /** @description Up to five of the questions, newest first. */
                                examples: string[];
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** Format: date-time */
                                lastAskedAt: string;
                                suggestedTitle: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bot/content-gaps/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide a content gap: not an article worth writing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bot/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The answer bot's settings (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 0–1: below it the bot hands over rather than answer. */
                            confidenceThreshold: number;
                            /** @description Whether a new email conversation gets one automatic reply with suggested articles; it stays open for a person. */
                            emailAutoResponse: boolean;
                            /** @description Whether the bot answers new chats first. */
                            enabled: boolean;
                            /** @description Per language (en, es): opens the bot's first answer. */
                            greeting: {
                                [key: string]: string;
                            };
                            /** @description The team a handed-over conversation goes to; null leaves it in the shared queue. */
                            handoverTeamId: string | null;
                            /** @description Customers whose `tier` attribute is one of these go straight to a person. */
                            humanTiers: string[];
                            /** @description Shown on the bot's messages in the widget. */
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the answer bot's settings; fields left out stay as they are (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confidenceThreshold?: number;
                        emailAutoResponse?: boolean;
                        enabled?: boolean;
                        /** @description Per language (en, es): opens the bot's first answer. */
                        greeting?: {
                            [key: string]: string;
                        };
                        handoverTeamId?: string | null;
                        humanTiers?: string[];
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 0–1: below it the bot hands over rather than answer. */
                            confidenceThreshold: number;
                            /** @description Whether a new email conversation gets one automatic reply with suggested articles; it stays open for a person. */
                            emailAutoResponse: boolean;
                            /** @description Whether the bot answers new chats first. */
                            enabled: boolean;
                            /** @description Per language (en, es): opens the bot's first answer. */
                            greeting: {
                                [key: string]: string;
                            };
                            /** @description The team a handed-over conversation goes to; null leaves it in the shared queue. */
                            handoverTeamId: string | null;
                            /** @description Customers whose `tier` attribute is one of these go straight to a person. */
                            humanTiers: string[];
                            /** @description Shown on the bot's messages in the widget. */
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/bot/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the bot did in a period, from its events: conversations answered, resolved by the bot, handed over (by reason), and the deflection rate */
        get: {
            parameters: {
                query?: {
                    /** @description Start, inclusive; 30 days before `to` when left out. */
                    from?: string;
                    /** @description End, exclusive; now when left out. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answered: number;
                            /** @description Conversations the bot answered or handed over in the period. */
                            conversations: number;
                            /** @description Conversations resolved by the bot and not handed over, over `conversations`; 0 with none. */
                            deflectionRate: number;
                            /** Format: date-time */
                            from: string;
                            handedOver: number;
                            /** @description human_requested, urgent, negative, tier, no_answer, low_confidence, unhelpful. */
                            handedOverByReason: {
                                [key: string]: number;
                            };
                            /** @description "Yes" answers to the bot's question. */
                            helpful: number;
                            resolvedByBot: number;
                            /** Format: date-time */
                            to: string;
                            unhelpful: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List conversations with filters and sorts */
        get: {
            parameters: {
                query?: {
                    assignee?: string | "me" | "none";
                    channel?: ("email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api")[];
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description An id (UUID). */
                    customerId?: string;
                    /** @description How many items per page (1–100). */
                    limit?: number;
                    /** @description The conversation with this number (#1042 is 1042). */
                    number?: number;
                    priority?: ("low" | "normal" | "high" | "urgent")[];
                    sort?: "-last_activity" | "last_activity" | "-created" | "created";
                    /** @description One or more statuses (repeat the parameter or use commas). */
                    status?: ("open" | "pending" | "snoozed" | "resolved" | "closed")[];
                    /** @description Conversations carrying all of these tags. */
                    tag?: string[];
                    team?: string | "none";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                                /** Format: date-time */
                                createdAt: string;
                                customer: {
                                    email: string | null;
                                    /**
                                     * Format: uuid
                                     * @description An id (UUID).
                                     */
                                    id: string;
                                    name: string | null;
                                };
                                firstResponseAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** Format: date-time */
                                lastActivityAt: string;
                                lastMessageAt: string | null;
                                lastMessagePreview: string;
                                mergedIntoId: string | null;
                                messageCount: number;
                                /** @description The number people quote, e.g. #1042. */
                                number: number;
                                /** @enum {unknown} */
                                priority: "low" | "normal" | "high" | "urgent";
                                resolvedAt: string | null;
                                snoozedUntil: string | null;
                                /** @enum {unknown} */
                                status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                                subject: string;
                                tags: string[];
                                teamId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Receive a customer's message on the API channel: finds or creates the customer and opens a conversation (accepts Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        channel?: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                        customer: {
                            /** Format: email */
                            email?: string;
                            externalId?: string;
                            handle?: string;
                            name?: string;
                            phone?: string;
                            visitorId?: string;
                        };
                        message: {
                            attachments?: {
                                contentType: string;
                                filename: string;
                                id: string;
                                /** @description Why the file was not kept (too large, a dangerous type); it is listed so no one thinks it never came. */
                                rejected?: string;
                                size: number;
                                /** Format: uri */
                                url?: string;
                            }[];
                            /** @description Your id for this message; a repeat with the same id stores nothing. */
                            externalId?: string;
                            /** @description HTML is sanitized before it is stored. */
                            html?: string;
                            text?: string;
                        };
                        subject?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                                /** Format: date-time */
                                createdAt: string;
                                customer: {
                                    email: string | null;
                                    /**
                                     * Format: uuid
                                     * @description An id (UUID).
                                     */
                                    id: string;
                                    name: string | null;
                                };
                                firstResponseAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** Format: date-time */
                                lastActivityAt: string;
                                lastMessageAt: string | null;
                                lastMessagePreview: string;
                                mergedIntoId: string | null;
                                messageCount: number;
                                /** @description The number people quote, e.g. #1042. */
                                number: number;
                                /** @enum {unknown} */
                                priority: "low" | "normal" | "high" | "urgent";
                                resolvedAt: string | null;
                                snoozedUntil: string | null;
                                /** @enum {unknown} */
                                status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                                subject: string;
                                tags: string[];
                                teamId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            message: {
                                attachments: {
                                    contentType: string;
                                    filename: string;
                                    id: string;
                                    /** @description Why the file was not kept (too large, a dangerous type); it is listed so no one thinks it never came. */
                                    rejected?: string;
                                    size: number;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                authorId: string | null;
                                /** @enum {unknown} */
                                authorType: "customer" | "agent" | "bot" | "system";
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                conversationId: string;
                                /** Format: date-time */
                                createdAt: string;
                                delivery: {
                                    error: string | null;
                                    /** @enum {unknown} */
                                    status: "queued" | "sent" | "failed";
                                } | null;
                                externalId: string | null;
                                html: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** @enum {unknown} */
                                kind: "inbound" | "reply" | "note";
                                mentions: string[];
                                /** @description The message's place in its conversation; grows in the order messages were stored. */
                                seq: number | null;
                                text: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversation: {
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                                /** Format: date-time */
                                createdAt: string;
                                customer: {
                                    email: string | null;
                                    /**
                                     * Format: uuid
                                     * @description An id (UUID).
                                     */
                                    id: string;
                                    name: string | null;
                                };
                                firstResponseAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** Format: date-time */
                                lastActivityAt: string;
                                lastMessageAt: string | null;
                                lastMessagePreview: string;
                                mergedIntoId: string | null;
                                messageCount: number;
                                /** @description The number people quote, e.g. #1042. */
                                number: number;
                                /** @enum {unknown} */
                                priority: "low" | "normal" | "high" | "urgent";
                                resolvedAt: string | null;
                                snoozedUntil: string | null;
                                /** @enum {unknown} */
                                status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                                subject: string;
                                tags: string[];
                                teamId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            message: {
                                attachments: {
                                    contentType: string;
                                    filename: string;
                                    id: string;
                                    /** @description Why the file was not kept (too large, a dangerous type); it is listed so no one thinks it never came. */
                                    rejected?: string;
                                    size: number;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                authorId: string | null;
                                /** @enum {unknown} */
                                authorType: "customer" | "agent" | "bot" | "system";
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                conversationId: string;
                                /** Format: date-time */
                                createdAt: string;
                                delivery: {
                                    error: string | null;
                                    /** @enum {unknown} */
                                    status: "queued" | "sent" | "failed";
                                } | null;
                                externalId: string | null;
                                html: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** @enum {unknown} */
                                kind: "inbound" | "reply" | "note";
                                mentions: string[];
                                /** @description The message's place in its conversation; grows in the order messages were stored. */
                                seq: number | null;
                                text: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One conversation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                            /** Format: date-time */
                            createdAt: string;
                            customer: {
                                email: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string | null;
                            };
                            firstResponseAt: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** Format: date-time */
                            lastActivityAt: string;
                            lastMessageAt: string | null;
                            lastMessagePreview: string;
                            mergedIntoId: string | null;
                            messageCount: number;
                            /** @description The number people quote, e.g. #1042. */
                            number: number;
                            /** @enum {unknown} */
                            priority: "low" | "normal" | "high" | "urgent";
                            resolvedAt: string | null;
                            snoozedUntil: string | null;
                            /** @enum {unknown} */
                            status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                            subject: string;
                            tags: string[];
                            teamId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change status, priority, assignee, team, subject, or snooze */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId?: string | null;
                        /** @enum {unknown} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /** Format: date-time */
                        snoozedUntil?: string;
                        /** @enum {unknown} */
                        status?: "open" | "pending" | "snoozed" | "resolved" | "closed";
                        subject?: string;
                        teamId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                            /** Format: date-time */
                            createdAt: string;
                            customer: {
                                email: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string | null;
                            };
                            firstResponseAt: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** Format: date-time */
                            lastActivityAt: string;
                            lastMessageAt: string | null;
                            lastMessagePreview: string;
                            mergedIntoId: string | null;
                            messageCount: number;
                            /** @description The number people quote, e.g. #1042. */
                            number: number;
                            /** @enum {unknown} */
                            priority: "low" | "normal" | "high" | "urgent";
                            resolvedAt: string | null;
                            snoozedUntil: string | null;
                            /** @enum {unknown} */
                            status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                            subject: string;
                            tags: string[];
                            teamId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/conversations/{id}/article-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Up to 5 published articles that may answer the conversation, from the customer's recent messages, internal ones included */
        get: {
            parameters: {
                query?: {
                    /** @description Look for these words instead of the customer's. */
                    q?: string;
                };
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The article's first paragraph as plain text, to paste into a reply. */
                                excerpt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** @description Visible to agents only: quote it, don't link it. */
                                internal: boolean;
                                locale: string;
                                slug: string;
                                /** @description HTML: escaped text with the matched words in <mark>. */
                                snippet: string;
                                title: string;
                                /** @description The article in the help center; null for an internal article. */
                                url: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign to a person and/or team (null unassigns) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId?: string | null;
                        teamId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                            /** Format: date-time */
                            createdAt: string;
                            customer: {
                                email: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string | null;
                            };
                            firstResponseAt: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** Format: date-time */
                            lastActivityAt: string;
                            lastMessageAt: string | null;
                            lastMessagePreview: string;
                            mergedIntoId: string | null;
                            messageCount: number;
                            /** @description The number people quote, e.g. #1042. */
                            number: number;
                            /** @enum {unknown} */
                            priority: "low" | "normal" | "high" | "urgent";
                            resolvedAt: string | null;
                            snoozedUntil: string | null;
                            /** @enum {unknown} */
                            status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                            subject: string;
                            tags: string[];
                            teamId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened to a conversation besides its messages (assigned, status, priority, tags, team, merged…), oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description How many items per page (1–100). */
                    limit?: number;
                    /** @description Only these event types; by default all but message.created. */
                    type?: string[];
                };
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actor: {
                                    id: string | null;
                                    /** @description The person's name, when the actor is a user or customer still on record. */
                                    name?: string;
                                    /** @enum {unknown} */
                                    type: "user" | "api_token" | "customer" | "system";
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The event's position in the workspace's event log; events here come in this order. */
                                id: number;
                                /** @description What changed, e.g. {from, to} or {added, removed}. */
                                payload: {
                                    [key: string]: unknown;
                                };
                                /** @description e.g. conversation.assigned, conversation.status_changed, conversation.tags_changed. */
                                type: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this conversation into another; returns the one that remains */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An id (UUID).
                         */
                        intoId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                            /** Format: date-time */
                            createdAt: string;
                            customer: {
                                email: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string | null;
                            };
                            firstResponseAt: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** Format: date-time */
                            lastActivityAt: string;
                            lastMessageAt: string | null;
                            lastMessagePreview: string;
                            mergedIntoId: string | null;
                            messageCount: number;
                            /** @description The number people quote, e.g. #1042. */
                            number: number;
                            /** @enum {unknown} */
                            priority: "low" | "normal" | "high" | "urgent";
                            resolvedAt: string | null;
                            snoozedUntil: string | null;
                            /** @enum {unknown} */
                            status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                            subject: string;
                            tags: string[];
                            teamId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages and notes in a conversation, oldest first unless order=newest */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description How many items per page (1–100). */
                    limit?: number;
                    /** @description oldest: from the first message on; newest: from the latest back. Ask for the next page in the same order as the cursor's page. */
                    order?: "oldest" | "newest";
                };
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attachments: {
                                    contentType: string;
                                    filename: string;
                                    id: string;
                                    /** @description Why the file was not kept (too large, a dangerous type); it is listed so no one thinks it never came. */
                                    rejected?: string;
                                    size: number;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                authorId: string | null;
                                /** @enum {unknown} */
                                authorType: "customer" | "agent" | "bot" | "system";
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                conversationId: string;
                                /** Format: date-time */
                                createdAt: string;
                                delivery: {
                                    error: string | null;
                                    /** @enum {unknown} */
                                    status: "queued" | "sent" | "failed";
                                } | null;
                                externalId: string | null;
                                html: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** @enum {unknown} */
                                kind: "inbound" | "reply" | "note";
                                mentions: string[];
                                /** @description The message's place in its conversation; grows in the order messages were stored. */
                                seq: number | null;
                                text: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Reply, add an internal note, or (integrations) add the customer's next inbound message (accepts Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attachments?: {
                            contentType: string;
                            filename: string;
                            id: string;
                            /** @description Why the file was not kept (too large, a dangerous type); it is listed so no one thinks it never came. */
                            rejected?: string;
                            size: number;
                            /** Format: uri */
                            url?: string;
                        }[];
                        /** @description Your id for this message; a repeat with the same id stores nothing. */
                        externalId?: string;
                        /** @description HTML is sanitized before it is stored. */
                        html?: string;
                        /** @description The id (or time) of the last message you saw: if a reply was stored after it, nothing is sent and the answer is 409 conversation_changed with the new replies in details.messages. */
                        ifNoReplySince?: string;
                        /** @enum {unknown} */
                        kind?: "inbound" | "reply" | "note";
                        /** @description Teammates mentioned in a note. */
                        mentions?: string[];
                        /** @enum {unknown} */
                        status?: "open" | "pending" | "snoozed" | "resolved" | "closed";
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attachments: {
                                contentType: string;
                                filename: string;
                                id: string;
                                /** @description Why the file was not kept (too large, a dangerous type); it is listed so no one thinks it never came. */
                                rejected?: string;
                                size: number;
                                /** Format: uri */
                                url?: string;
                            }[];
                            authorId: string | null;
                            /** @enum {unknown} */
                            authorType: "customer" | "agent" | "bot" | "system";
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            conversationId: string;
                            /** Format: date-time */
                            createdAt: string;
                            delivery: {
                                error: string | null;
                                /** @enum {unknown} */
                                status: "queued" | "sent" | "failed";
                            } | null;
                            externalId: string | null;
                            html: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @enum {unknown} */
                            kind: "inbound" | "reply" | "note";
                            mentions: string[];
                            /** @description The message's place in its conversation; grows in the order messages were stored. */
                            seq: number | null;
                            text: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the status (snoozed needs snoozedUntil) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        snoozedUntil?: string;
                        /** @enum {unknown} */
                        status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                            /** Format: date-time */
                            createdAt: string;
                            customer: {
                                email: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string | null;
                            };
                            firstResponseAt: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** Format: date-time */
                            lastActivityAt: string;
                            lastMessageAt: string | null;
                            lastMessagePreview: string;
                            mergedIntoId: string | null;
                            messageCount: number;
                            /** @description The number people quote, e.g. #1042. */
                            number: number;
                            /** @enum {unknown} */
                            priority: "low" | "normal" | "high" | "urgent";
                            resolvedAt: string | null;
                            snoozedUntil: string | null;
                            /** @enum {unknown} */
                            status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                            subject: string;
                            tags: string[];
                            teamId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add and remove tags */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        add?: string[];
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                            /** Format: date-time */
                            createdAt: string;
                            customer: {
                                email: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string | null;
                            };
                            firstResponseAt: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** Format: date-time */
                            lastActivityAt: string;
                            lastMessageAt: string | null;
                            lastMessagePreview: string;
                            mergedIntoId: string | null;
                            messageCount: number;
                            /** @description The number people quote, e.g. #1042. */
                            number: number;
                            /** @enum {unknown} */
                            priority: "low" | "normal" | "high" | "urgent";
                            resolvedAt: string | null;
                            snoozedUntil: string | null;
                            /** @enum {unknown} */
                            status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                            subject: string;
                            tags: string[];
                            teamId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/visitor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the agent is chatting with: the widget visitor behind a conversation, their page, browser and language */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The page the visitor is on, their browser and language, as the widget last told. */
                            context: {
                                language?: string;
                                referrer?: string;
                                timeZone?: string;
                                title?: string;
                                url?: string;
                                userAgent?: string;
                            };
                            /** @description An address the visitor gave; not verified. */
                            email: string | null;
                            /** Format: date-time */
                            lastSeenAt: string;
                            online: boolean;
                            verified: boolean;
                            /** @description The host's own user id, when its server signed it. */
                            verifiedUserId: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            visitorId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign, set status or priority, or tag up to 100 conversations at once, all or none; ids not in your workspace come back in notFound */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        addTags?: string[];
                        assigneeId?: string | null;
                        ids: string[];
                        /** @enum {unknown} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        removeTags?: string[];
                        /**
                         * Format: date-time
                         * @description Needed with status snoozed.
                         */
                        snoozedUntil?: string;
                        /** @enum {unknown} */
                        status?: "open" | "pending" | "snoozed" | "resolved" | "closed";
                        teamId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notFound: string[];
                            updated: {
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                                /** Format: date-time */
                                createdAt: string;
                                customer: {
                                    email: string | null;
                                    /**
                                     * Format: uuid
                                     * @description An id (UUID).
                                     */
                                    id: string;
                                    name: string | null;
                                };
                                firstResponseAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** Format: date-time */
                                lastActivityAt: string;
                                lastMessageAt: string | null;
                                lastMessagePreview: string;
                                mergedIntoId: string | null;
                                messageCount: number;
                                /** @description The number people quote, e.g. #1042. */
                                number: number;
                                /** @enum {unknown} */
                                priority: "low" | "normal" | "high" | "urgent";
                                resolvedAt: string | null;
                                snoozedUntil: string | null;
                                /** @enum {unknown} */
                                status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                                subject: string;
                                tags: string[];
                                teamId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts for the inbox's built-in views, open conversations per team, channel and tag (top 50), and your saved views */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                [key: string]: number;
                            };
                            /** @description Open and assigned to you. */
                            mine: number;
                            open: number;
                            pending: number;
                            resolved: number;
                            snoozed: number;
                            tags: {
                                [key: string]: number;
                            };
                            teams: {
                                [key: string]: number;
                            };
                            /** @description Open with nobody assigned. */
                            unassigned: number;
                            /** @description By view id: conversations matching the view's filters. */
                            views: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers, newest first; q searches names, emails, phones and external ids */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description How many items per page (1–100). */
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                email: string | null;
                                externalId: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                identities: {
                                    /** @enum {unknown} */
                                    kind: "email" | "phone" | "external_id" | "handle" | "visitor";
                                    value: string;
                                }[];
                                name: string | null;
                                notes: string;
                                phone: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a customer (accepts Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** Format: email */
                        email?: string;
                        externalId?: string;
                        handle?: string;
                        name?: string | null;
                        notes?: string;
                        phone?: string;
                        visitorId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            identities: {
                                /** @enum {unknown} */
                                kind: "email" | "phone" | "external_id" | "handle" | "visitor";
                                value: string;
                            }[];
                            name: string | null;
                            notes: string;
                            phone: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer with all their identities */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            identities: {
                                /** @enum {unknown} */
                                kind: "email" | "phone" | "external_id" | "handle" | "visitor";
                                value: string;
                            }[];
                            name: string | null;
                            notes: string;
                            phone: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Erase a customer and their conversations (supervisors and up) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a customer: name, notes, attributes (merged; null removes a key), or add identities */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** Format: email */
                        email?: string;
                        externalId?: string;
                        handle?: string;
                        name?: string | null;
                        notes?: string;
                        phone?: string;
                        visitorId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            email: string | null;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            identities: {
                                /** @enum {unknown} */
                                kind: "email" | "phone" | "external_id" | "handle" | "visitor";
                                value: string;
                            }[];
                            name: string | null;
                            notes: string;
                            phone: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/help-center/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The help center's settings (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Null: the chat widget's color. */
                            brandColor: string | null;
                            customDomain: string | null;
                            defaultLocale: string;
                            enabled: boolean;
                            logoUrl: string | null;
                            /** @description Null: the workspace's name. */
                            title: string | null;
                            updatedAt: string | null;
                            /** @description Where the help center is read. */
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the help center's title, logo, color, default locale or domain (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        brandColor?: string | null;
                        customDomain?: string | null;
                        /** @description A language, optionally with a region: en, es, pt-BR. */
                        defaultLocale?: string;
                        enabled?: boolean;
                        logoUrl?: string | null;
                        title?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Null: the chat widget's color. */
                            brandColor: string | null;
                            customDomain: string | null;
                            defaultLocale: string;
                            enabled: boolean;
                            logoUrl: string | null;
                            /** @description Null: the workspace's name. */
                            title: string | null;
                            updatedAt: string | null;
                            /** @description Where the help center is read. */
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations that can still be accepted (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                invitedBy: string | null;
                                name: string | null;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "supervisor" | "agent";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Invite someone (admins); returns the one-time link to pass on, valid for 7 days. Inviting the same email again replaces the earlier link. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name?: string;
                        /** @enum {unknown} */
                        role: "owner" | "admin" | "supervisor" | "agent";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown only in this response. */
                            acceptUrl: string;
                            invitation: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                invitedBy: string | null;
                                name: string | null;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "supervisor" | "agent";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending invitation (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: creates your account and signs you in (sets the session cookie) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description At least 10 characters. */
                        password: string;
                        /** @description The token from the invitation link. */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Echo in the x-csrf-token header on requests that change something. */
                            csrfToken: string;
                            scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                            user: {
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                lastLoginAt: string | null;
                                /** @enum {unknown} */
                                locale: "en" | "es";
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "supervisor" | "agent";
                                /** @description An IANA time zone; null follows the workspace's. */
                                timeZone: string | null;
                            };
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string;
                                slug: string;
                                timeZone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an invitation link is for, to show before accepting it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token from the invitation link. */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            name: string | null;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "supervisor" | "agent";
                            workspace: {
                                name: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Articles, most recently changed first */
        get: {
            parameters: {
                query?: {
                    /** @description An id (UUID). */
                    categoryId?: string;
                    /** @description A language, optionally with a region: en, es, pt-BR. */
                    locale?: string;
                    status?: "draft" | "published" | "archived";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                                bodyHtml: string;
                                bodyMarkdown: string;
                                categoryId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                helpfulCount: number;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** @description Visible to agents only. */
                                internal: boolean;
                                locale: string;
                                /** @description A translation whose source has changed since. */
                                outdated: boolean;
                                publishedAt: string | null;
                                slug: string;
                                /** @description On a translation: the article it translates. */
                                sourceArticleId: string | null;
                                /** @description On a translation: the source's version it was last brought up to. */
                                sourceVersion: number | null;
                                /** @enum {unknown} */
                                status: "draft" | "published" | "archived";
                                tags: string[];
                                title: string;
                                unhelpfulCount: number;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description The latest saved version of title and body. */
                                version: number;
                                viewCount: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Write an article, as a draft (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Markdown. */
                        bodyMarkdown: string;
                        categoryId?: string | null;
                        internal?: boolean;
                        /** @description A language, optionally with a region: en, es, pt-BR. */
                        locale: string;
                        /** @description Lower-case words joined by hyphens; made from the title when left out. */
                        slug?: string;
                        tags?: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One article */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an article (supervisors and above) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an article; a new title or body is saved as a new version (supervisors and above) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Markdown. */
                        bodyMarkdown?: string;
                        categoryId?: string | null;
                        internal?: boolean;
                        /** @description Lower-case words joined by hyphens; made from the title when left out. */
                        slug?: string;
                        tags?: string[];
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an article out of the help center and search, keeping it (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an article to the help center (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published public articles related to this one (shared tags, then its category), as the help center lists them */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                categoryId: string | null;
                                /** @description The first words of the body, as plain text. */
                                excerpt: string;
                                helpfulCount: number;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                locale: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                                viewCount: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring back an old version's title and body, saved as a new version (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/translations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The article's translations, each flagged when outdated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                                bodyHtml: string;
                                bodyMarkdown: string;
                                categoryId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                helpfulCount: number;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** @description Visible to agents only. */
                                internal: boolean;
                                locale: string;
                                /** @description A translation whose source has changed since. */
                                outdated: boolean;
                                publishedAt: string | null;
                                slug: string;
                                /** @description On a translation: the article it translates. */
                                sourceArticleId: string | null;
                                /** @description On a translation: the source's version it was last brought up to. */
                                sourceVersion: number | null;
                                /** @enum {unknown} */
                                status: "draft" | "published" | "archived";
                                tags: string[];
                                title: string;
                                unhelpfulCount: number;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description The latest saved version of title and body. */
                                version: number;
                                viewCount: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Translate an article into another locale (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Markdown. */
                        bodyMarkdown: string;
                        categoryId?: string | null;
                        internal?: boolean;
                        /** @description A language, optionally with a region: en, es, pt-BR. */
                        locale: string;
                        /** @description Lower-case words joined by hyphens; made from the title when left out. */
                        slug?: string;
                        tags?: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an article back to draft (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rendered from bodyMarkdown and sanitized; safe to insert into a page. */
                            bodyHtml: string;
                            bodyMarkdown: string;
                            categoryId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            /** @description Visible to agents only. */
                            internal: boolean;
                            locale: string;
                            /** @description A translation whose source has changed since. */
                            outdated: boolean;
                            publishedAt: string | null;
                            slug: string;
                            /** @description On a translation: the article it translates. */
                            sourceArticleId: string | null;
                            /** @description On a translation: the source's version it was last brought up to. */
                            sourceVersion: number | null;
                            /** @enum {unknown} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            unhelpfulCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The latest saved version of title and body. */
                            version: number;
                            viewCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version of the title and body, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                authorId: string | null;
                                bodyMarkdown: string;
                                /** Format: date-time */
                                createdAt: string;
                                title: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Count a view of a published article */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/articles/{id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a "was this helpful?" answer on a published article */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        helpful: boolean;
                    };
                };
            };
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Categories, in display order */
        get: {
            parameters: {
                query?: {
                    /** @description A language, optionally with a region: en, es, pt-BR. */
                    locale?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                locale: string;
                                name: string;
                                position: number;
                                slug: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a category (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A language, optionally with a region: en, es, pt-BR. */
                        locale: string;
                        name: string;
                        /** @description Display order, lowest first. */
                        position?: number;
                        /** @description Lower-case words joined by hyphens; made from the title when left out. */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            locale: string;
                            name: string;
                            position: number;
                            slug: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One category */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            locale: string;
                            name: string;
                            position: number;
                            slug: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a category; its articles stay, uncategorized (supervisors and above) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, move or re-slug a category (supervisors and above) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A language, optionally with a region: en, es, pt-BR. */
                        locale?: string;
                        name?: string;
                        /** @description Display order, lowest first. */
                        position?: number;
                        /** @description Lower-case words joined by hyphens; made from the title when left out. */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            locale: string;
                            name: string;
                            position: number;
                            slug: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/knowledge/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render an article's Markdown the way it will be published, sanitized, without saving it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Markdown. */
                        bodyMarkdown: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Sanitized; safe to insert into a page. */
                            html: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search published articles, internal ones included unless internal=false */
        get: {
            parameters: {
                query: {
                    /** @description Include internal articles. */
                    internal?: boolean;
                    limit?: number;
                    /** @description A language, optionally with a region: en, es, pt-BR. */
                    locale?: string;
                    /** @description Words to find; "quoted phrases", OR and -exclusions work. */
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                categoryId: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                internal: boolean;
                                locale: string;
                                /** @description similar: found by a title resembling the query (a typo). */
                                match: "fulltext" | "similar";
                                score: number;
                                slug: string;
                                /** @description HTML: escaped text with the matched words in <mark>. */
                                snippet: string;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's mailboxes (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: string;
                                autoAcknowledge: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Forward mail here from your own server to receive it without IMAP. */
                                forwardingAddress: string;
                                fromName: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                imap: {
                                    folder: string;
                                    host: string | null;
                                    moveTo: string | null;
                                    /** @description Whether a password is stored. The password itself is never returned. */
                                    passwordSet: boolean;
                                    port: number | null;
                                    /**
                                     * @description What is done on the IMAP server to a message once stored: flag it as seen, or move it to imapMoveTo.
                                     * @enum {unknown}
                                     */
                                    processed: "flag" | "move";
                                    secure: boolean;
                                    user: string | null;
                                };
                                /**
                                 * @description smtp: mail is sent or forwarded to Rapport's SMTP listener; imap: Rapport fetches it from a server.
                                 * @enum {unknown}
                                 */
                                kind: "smtp" | "imap";
                                lastError: string | null;
                                lastErrorAt: string | null;
                                lastFetchAt: string | null;
                                name: string;
                                signature: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add a mailbox (admins; accepts Idempotency-Key). An IMAP mailbox needs its host, user and password. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description The address customers write to.
                         */
                        address: string;
                        /** @description Answer a new conversation's first email with an acknowledgement carrying its reference. */
                        autoAcknowledge?: boolean;
                        fromName?: string;
                        imapFolder?: string;
                        imapHost?: string | null;
                        imapMoveTo?: string | null;
                        /** @description Write-only: stored encrypted, never returned. Leave out to keep the stored one. */
                        imapPassword?: string;
                        imapPort?: number | null;
                        /**
                         * @description What is done on the IMAP server to a message once stored: flag it as seen, or move it to imapMoveTo.
                         * @enum {unknown}
                         */
                        imapProcessed?: "flag" | "move";
                        /** @description TLS from the start (port 993); otherwise STARTTLS when the server offers it. */
                        imapSecure?: boolean;
                        imapUser?: string | null;
                        /**
                         * @description smtp: mail is sent or forwarded to Rapport's SMTP listener; imap: Rapport fetches it from a server.
                         * @enum {unknown}
                         */
                        kind?: "smtp" | "imap";
                        name: string;
                        signature?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            autoAcknowledge: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Forward mail here from your own server to receive it without IMAP. */
                            forwardingAddress: string;
                            fromName: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            imap: {
                                folder: string;
                                host: string | null;
                                moveTo: string | null;
                                /** @description Whether a password is stored. The password itself is never returned. */
                                passwordSet: boolean;
                                port: number | null;
                                /**
                                 * @description What is done on the IMAP server to a message once stored: flag it as seen, or move it to imapMoveTo.
                                 * @enum {unknown}
                                 */
                                processed: "flag" | "move";
                                secure: boolean;
                                user: string | null;
                            };
                            /**
                             * @description smtp: mail is sent or forwarded to Rapport's SMTP listener; imap: Rapport fetches it from a server.
                             * @enum {unknown}
                             */
                            kind: "smtp" | "imap";
                            lastError: string | null;
                            lastErrorAt: string | null;
                            lastFetchAt: string | null;
                            name: string;
                            signature: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mailbox (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            autoAcknowledge: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Forward mail here from your own server to receive it without IMAP. */
                            forwardingAddress: string;
                            fromName: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            imap: {
                                folder: string;
                                host: string | null;
                                moveTo: string | null;
                                /** @description Whether a password is stored. The password itself is never returned. */
                                passwordSet: boolean;
                                port: number | null;
                                /**
                                 * @description What is done on the IMAP server to a message once stored: flag it as seen, or move it to imapMoveTo.
                                 * @enum {unknown}
                                 */
                                processed: "flag" | "move";
                                secure: boolean;
                                user: string | null;
                            };
                            /**
                             * @description smtp: mail is sent or forwarded to Rapport's SMTP listener; imap: Rapport fetches it from a server.
                             * @enum {unknown}
                             */
                            kind: "smtp" | "imap";
                            lastError: string | null;
                            lastErrorAt: string | null;
                            lastFetchAt: string | null;
                            name: string;
                            signature: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a mailbox (admins); its conversations and received mail stay */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a mailbox (admins); a password left out stays as it is */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description The address customers write to.
                         */
                        address?: string;
                        /** @description Answer a new conversation's first email with an acknowledgement carrying its reference. */
                        autoAcknowledge?: boolean;
                        fromName?: string;
                        imapFolder?: string;
                        imapHost?: string | null;
                        imapMoveTo?: string | null;
                        /** @description Write-only: stored encrypted, never returned. Leave out to keep the stored one. */
                        imapPassword?: string;
                        imapPort?: number | null;
                        /**
                         * @description What is done on the IMAP server to a message once stored: flag it as seen, or move it to imapMoveTo.
                         * @enum {unknown}
                         */
                        imapProcessed?: "flag" | "move";
                        /** @description TLS from the start (port 993); otherwise STARTTLS when the server offers it. */
                        imapSecure?: boolean;
                        imapUser?: string | null;
                        /**
                         * @description smtp: mail is sent or forwarded to Rapport's SMTP listener; imap: Rapport fetches it from a server.
                         * @enum {unknown}
                         */
                        kind?: "smtp" | "imap";
                        name?: string;
                        signature?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            autoAcknowledge: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Forward mail here from your own server to receive it without IMAP. */
                            forwardingAddress: string;
                            fromName: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            imap: {
                                folder: string;
                                host: string | null;
                                moveTo: string | null;
                                /** @description Whether a password is stored. The password itself is never returned. */
                                passwordSet: boolean;
                                port: number | null;
                                /**
                                 * @description What is done on the IMAP server to a message once stored: flag it as seen, or move it to imapMoveTo.
                                 * @enum {unknown}
                                 */
                                processed: "flag" | "move";
                                secure: boolean;
                                user: string | null;
                            };
                            /**
                             * @description smtp: mail is sent or forwarded to Rapport's SMTP listener; imap: Rapport fetches it from a server.
                             * @enum {unknown}
                             */
                            kind: "smtp" | "imap";
                            lastError: string | null;
                            lastErrorAt: string | null;
                            lastFetchAt: string | null;
                            name: string;
                            signature: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/mailboxes/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test a mailbox: sign in to its IMAP server, or for an SMTP mailbox say whether the listener is on (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What happened, for a person (in English). */
                            message: string;
                            ok: boolean;
                            /** @enum {unknown} */
                            reason: "connected" | "listening" | "listener_off" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailboxes/quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mail that could not be received, newest first, kept with its source (admins) */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description How many items per page (1–100). */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Why the email could not be received. */
                                error: string;
                                from: string | null;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                mailboxId: string | null;
                                /** Format: date-time */
                                receivedAt: string;
                                subject: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailboxes/quarantine/{id}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a quarantined email's source as a .eml file (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The email as it arrived. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailboxes/quarantine/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive a quarantined email again, as if it had just arrived (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversationId: string | null;
                            error: string | null;
                            /**
                             * @description stored: it is now in its conversation; duplicate: it had been received already; bounce: it reports a failed delivery of Rapport's own mail and is kept beside that; quarantined: it failed again.
                             * @enum {unknown}
                             */
                            outcome: "stored" | "duplicate" | "bounce" | "quarantined";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your own name, language or time zone (null follows the workspace's) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        locale?: "en" | "es";
                        name?: string;
                        timeZone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            lastLoginAt: string | null;
                            /** @enum {unknown} */
                            locale: "en" | "es";
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "supervisor" | "agent";
                            /** @description An IANA time zone; null follows the workspace's. */
                            timeZone: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first, with how many are unread */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description How many items per page (1–100). */
                    limit?: number;
                    /** @description Only unread ones. */
                    unread?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Who assigned or mentioned you. */
                                actorId: string | null;
                                conversation: {
                                    /**
                                     * Format: uuid
                                     * @description An id (UUID).
                                     */
                                    id: string;
                                    number: number;
                                    subject: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                /** @enum {unknown} */
                                kind: "assigned" | "mentioned";
                                /** @description The note that mentioned you. */
                                messageId: string | null;
                                readAt: string | null;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page. */
                            nextCursor: string | null;
                            unreadCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark notifications read: some by id, or all: true */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        all?: true;
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unreadCount: number;
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search conversations (subjects and messages) and customers */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    /** @description Words to find; "quoted phrases", OR and -exclusions work. */
                    q: string;
                    status?: ("open" | "pending" | "snoozed" | "resolved" | "closed")[];
                    type?: ("conversations" | "customers")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversations: {
                                conversation: {
                                    assigneeId: string | null;
                                    /** @enum {unknown} */
                                    channel: "email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api";
                                    /** Format: date-time */
                                    createdAt: string;
                                    customer: {
                                        email: string | null;
                                        /**
                                         * Format: uuid
                                         * @description An id (UUID).
                                         */
                                        id: string;
                                        name: string | null;
                                    };
                                    firstResponseAt: string | null;
                                    /**
                                     * Format: uuid
                                     * @description An id (UUID).
                                     */
                                    id: string;
                                    /** Format: date-time */
                                    lastActivityAt: string;
                                    lastMessageAt: string | null;
                                    lastMessagePreview: string;
                                    mergedIntoId: string | null;
                                    messageCount: number;
                                    /** @description The number people quote, e.g. #1042. */
                                    number: number;
                                    /** @enum {unknown} */
                                    priority: "low" | "normal" | "high" | "urgent";
                                    resolvedAt: string | null;
                                    snoozedUntil: string | null;
                                    /** @enum {unknown} */
                                    status: "open" | "pending" | "snoozed" | "resolved" | "closed";
                                    subject: string;
                                    tags: string[];
                                    teamId: string | null;
                                    /** Format: date-time */
                                    updatedAt: string;
                                };
                                /** @description The matching passage as HTML: text escaped, matches wrapped in <mark>. */
                                highlight: string;
                            }[];
                            customers: {
                                customer: {
                                    attributes: {
                                        [key: string]: unknown;
                                    };
                                    /** Format: date-time */
                                    createdAt: string;
                                    email: string | null;
                                    externalId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description An id (UUID).
                                     */
                                    id: string;
                                    identities: {
                                        /** @enum {unknown} */
                                        kind: "email" | "phone" | "external_id" | "handle" | "visitor";
                                        value: string;
                                    }[];
                                    name: string | null;
                                    notes: string;
                                    phone: string | null;
                                    /** Format: date-time */
                                    updatedAt: string;
                                };
                                /** @description The matching passage as HTML: text escaped, matches wrapped in <mark>. */
                                highlight: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a workspace with its first owner, and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @description At least 10 characters. */
                        password: string;
                        workspaceName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Echo in the x-csrf-token header on requests that change something. */
                            csrfToken: string;
                            scopes: ("conversations:read" | "conversations:write" | "customers:read" | "customers:write" | "admin")[];
                            user: {
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                lastLoginAt: string | null;
                                /** @enum {unknown} */
                                locale: "en" | "es";
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "supervisor" | "agent";
                                /** @description An IANA time zone; null follows the workspace's. */
                                timeZone: string | null;
                            };
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string;
                                slug: string;
                                timeZone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags in use, most used first, with how many conversations carry each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                count: number;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a tag from every conversation (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many conversations changed. */
                            conversations: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/rename": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename a tag on every conversation (admins); renaming onto an existing tag merges them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many conversations changed. */
                            conversations: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teams */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                memberIds: string[];
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a team (admins; accepts Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberIds?: string[];
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            memberIds: string[];
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            memberIds: string[];
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a team or set its members (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberIds?: string[];
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            memberIds: string[];
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People in this workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                lastLoginAt: string | null;
                                /** @enum {unknown} */
                                locale: "en" | "es";
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "supervisor" | "agent";
                                /** @description An IANA time zone; null follows the workspace's. */
                                timeZone: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add a person to the workspace (admins; accepts Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @description At least 10 characters. */
                        password: string;
                        /** @enum {unknown} */
                        role: "owner" | "admin" | "supervisor" | "agent";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            lastLoginAt: string | null;
                            /** @enum {unknown} */
                            locale: "en" | "es";
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "supervisor" | "agent";
                            /** @description An IANA time zone; null follows the workspace's. */
                            timeZone: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            lastLoginAt: string | null;
                            /** @enum {unknown} */
                            locale: "en" | "es";
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "supervisor" | "agent";
                            /** @description An IANA time zone; null follows the workspace's. */
                            timeZone: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person's name, role, password or whether they can sign in */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        name?: string;
                        /** @description At least 10 characters. */
                        password?: string;
                        /** @enum {unknown} */
                        role?: "owner" | "admin" | "supervisor" | "agent";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            lastLoginAt: string | null;
                            /** @enum {unknown} */
                            locale: "en" | "es";
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "supervisor" | "agent";
                            /** @description An IANA time zone; null follows the workspace's. */
                            timeZone: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your saved views and the workspace's shared ones, in sidebar order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                filters: {
                                    /** @description A user id, "me" (whoever opens the view) or "none". */
                                    assignee?: string | "me" | "none";
                                    channel?: ("email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api")[];
                                    priority?: ("low" | "normal" | "high" | "urgent")[];
                                    status?: ("open" | "pending" | "snoozed" | "resolved" | "closed")[];
                                    /** @description Conversations carrying all of these tags. */
                                    tag?: string[];
                                    team?: string | "none";
                                };
                                /**
                                 * Format: uuid
                                 * @description An id (UUID).
                                 */
                                id: string;
                                name: string;
                                /** @description Null for a shared view. */
                                ownerId: string | null;
                                position: number;
                                /** @description Shared with the whole workspace; otherwise the caller's own. */
                                shared: boolean;
                                /** @enum {unknown} */
                                sort: "-last_activity" | "last_activity" | "-created" | "created";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Save a view; shared: true shares it with the workspace (supervisors and above) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        filters: {
                            /** @description A user id, "me" (whoever opens the view) or "none". */
                            assignee?: string | "me" | "none";
                            channel?: ("email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api")[];
                            priority?: ("low" | "normal" | "high" | "urgent")[];
                            status?: ("open" | "pending" | "snoozed" | "resolved" | "closed")[];
                            /** @description Conversations carrying all of these tags. */
                            tag?: string[];
                            team?: string | "none";
                        };
                        name: string;
                        /** @description Sidebar order, lowest first. */
                        position?: number;
                        shared?: boolean;
                        /** @enum {unknown} */
                        sort?: "-last_activity" | "last_activity" | "-created" | "created";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            filters: {
                                /** @description A user id, "me" (whoever opens the view) or "none". */
                                assignee?: string | "me" | "none";
                                channel?: ("email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api")[];
                                priority?: ("low" | "normal" | "high" | "urgent")[];
                                status?: ("open" | "pending" | "snoozed" | "resolved" | "closed")[];
                                /** @description Conversations carrying all of these tags. */
                                tag?: string[];
                                team?: string | "none";
                            };
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            name: string;
                            /** @description Null for a shared view. */
                            ownerId: string | null;
                            position: number;
                            /** @description Shared with the whole workspace; otherwise the caller's own. */
                            shared: boolean;
                            /** @enum {unknown} */
                            sort: "-last_activity" | "last_activity" | "-created" | "created";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a view (yours; shared ones need an admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, refilter, resort or move a view (yours; shared ones need an admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An id (UUID). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        filters?: {
                            /** @description A user id, "me" (whoever opens the view) or "none". */
                            assignee?: string | "me" | "none";
                            channel?: ("email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api")[];
                            priority?: ("low" | "normal" | "high" | "urgent")[];
                            status?: ("open" | "pending" | "snoozed" | "resolved" | "closed")[];
                            /** @description Conversations carrying all of these tags. */
                            tag?: string[];
                            team?: string | "none";
                        };
                        name?: string;
                        /** @description Sidebar order, lowest first. */
                        position?: number;
                        /** @enum {unknown} */
                        sort?: "-last_activity" | "last_activity" | "-created" | "created";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            filters: {
                                /** @description A user id, "me" (whoever opens the view) or "none". */
                                assignee?: string | "me" | "none";
                                channel?: ("email" | "chat" | "web_form" | "social" | "phone" | "in_person" | "api")[];
                                priority?: ("low" | "normal" | "high" | "urgent")[];
                                status?: ("open" | "pending" | "snoozed" | "resolved" | "closed")[];
                                /** @description Conversations carrying all of these tags. */
                                tag?: string[];
                                team?: string | "none";
                            };
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            name: string;
                            /** @description Null for a shared view. */
                            ownerId: string | null;
                            position: number;
                            /** @description Shared with the whole workspace; otherwise the caller's own. */
                            shared: boolean;
                            /** @enum {unknown} */
                            sort: "-last_activity" | "last_activity" | "-created" | "created";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/widget/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chat widget's settings, with the identity secret and the tag to install (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrigins: string[];
                            appearance: {
                                /** @description #rrggbb */
                                color: string;
                                greeting: {
                                    [key: string]: string;
                                };
                                /** @enum {unknown} */
                                position: "right" | "left";
                                title: string;
                            };
                            businessHours: {
                                days: {
                                    fri?: [
                                        string,
                                        string
                                    ][];
                                    mon?: [
                                        string,
                                        string
                                    ][];
                                    sat?: [
                                        string,
                                        string
                                    ][];
                                    sun?: [
                                        string,
                                        string
                                    ][];
                                    thu?: [
                                        string,
                                        string
                                    ][];
                                    tue?: [
                                        string,
                                        string
                                    ][];
                                    wed?: [
                                        string,
                                        string
                                    ][];
                                };
                                /** @description IANA, such as Europe/Madrid. */
                                timeZone: string;
                            } | null;
                            contactFields: {
                                /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                                key: string;
                                label: string;
                                options?: string[];
                                required: boolean;
                                /** @enum {unknown} */
                                type: "text" | "email" | "textarea" | "select";
                            }[];
                            enabled: boolean;
                            /** @description The key a host's server signs its signed-in users with (HMAC-SHA256). Keep it on the server. */
                            identitySecret: string;
                            /** @description The tag to put on the host's pages. */
                            installSnippet: string;
                            preChatFields: {
                                /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                                key: string;
                                label: string;
                                options?: string[];
                                required: boolean;
                                /** @enum {unknown} */
                                type: "text" | "email" | "textarea" | "select";
                            }[];
                            proactiveRules: {
                                delaySeconds: number;
                                message: string;
                                urlContains: string;
                            }[];
                            requireIdentity: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the chat widget's settings; fields left out stay as they are (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowedOrigins?: string[];
                        appearance?: {
                            /** @description #rrggbb */
                            color?: string;
                            greeting?: {
                                [key: string]: string;
                            };
                            /** @enum {unknown} */
                            position?: "right" | "left";
                            title?: string;
                        };
                        /** @description Null: open whenever an agent is online. */
                        businessHours?: {
                            days: {
                                fri?: [
                                    string,
                                    string
                                ][];
                                mon?: [
                                    string,
                                    string
                                ][];
                                sat?: [
                                    string,
                                    string
                                ][];
                                sun?: [
                                    string,
                                    string
                                ][];
                                thu?: [
                                    string,
                                    string
                                ][];
                                tue?: [
                                    string,
                                    string
                                ][];
                                wed?: [
                                    string,
                                    string
                                ][];
                            };
                            /** @description IANA, such as Europe/Madrid. */
                            timeZone: string;
                        } | null;
                        contactFields?: {
                            /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                            key: string;
                            label: string;
                            options?: string[];
                            required: boolean;
                            /** @enum {unknown} */
                            type: "text" | "email" | "textarea" | "select";
                        }[];
                        enabled?: boolean;
                        preChatFields?: {
                            /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                            key: string;
                            label: string;
                            options?: string[];
                            required: boolean;
                            /** @enum {unknown} */
                            type: "text" | "email" | "textarea" | "select";
                        }[];
                        proactiveRules?: {
                            delaySeconds: number;
                            message: string;
                            urlContains: string;
                        }[];
                        requireIdentity?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrigins: string[];
                            appearance: {
                                /** @description #rrggbb */
                                color: string;
                                greeting: {
                                    [key: string]: string;
                                };
                                /** @enum {unknown} */
                                position: "right" | "left";
                                title: string;
                            };
                            businessHours: {
                                days: {
                                    fri?: [
                                        string,
                                        string
                                    ][];
                                    mon?: [
                                        string,
                                        string
                                    ][];
                                    sat?: [
                                        string,
                                        string
                                    ][];
                                    sun?: [
                                        string,
                                        string
                                    ][];
                                    thu?: [
                                        string,
                                        string
                                    ][];
                                    tue?: [
                                        string,
                                        string
                                    ][];
                                    wed?: [
                                        string,
                                        string
                                    ][];
                                };
                                /** @description IANA, such as Europe/Madrid. */
                                timeZone: string;
                            } | null;
                            contactFields: {
                                /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                                key: string;
                                label: string;
                                options?: string[];
                                required: boolean;
                                /** @enum {unknown} */
                                type: "text" | "email" | "textarea" | "select";
                            }[];
                            enabled: boolean;
                            /** @description The key a host's server signs its signed-in users with (HMAC-SHA256). Keep it on the server. */
                            identitySecret: string;
                            /** @description The tag to put on the host's pages. */
                            installSnippet: string;
                            preChatFields: {
                                /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                                key: string;
                                label: string;
                                options?: string[];
                                required: boolean;
                                /** @enum {unknown} */
                                type: "text" | "email" | "textarea" | "select";
                            }[];
                            proactiveRules: {
                                delaySeconds: number;
                                message: string;
                                urlContains: string;
                            }[];
                            requireIdentity: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/widget/settings/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new identity secret; signatures made with the old one are refused from now on (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrigins: string[];
                            appearance: {
                                /** @description #rrggbb */
                                color: string;
                                greeting: {
                                    [key: string]: string;
                                };
                                /** @enum {unknown} */
                                position: "right" | "left";
                                title: string;
                            };
                            businessHours: {
                                days: {
                                    fri?: [
                                        string,
                                        string
                                    ][];
                                    mon?: [
                                        string,
                                        string
                                    ][];
                                    sat?: [
                                        string,
                                        string
                                    ][];
                                    sun?: [
                                        string,
                                        string
                                    ][];
                                    thu?: [
                                        string,
                                        string
                                    ][];
                                    tue?: [
                                        string,
                                        string
                                    ][];
                                    wed?: [
                                        string,
                                        string
                                    ][];
                                };
                                /** @description IANA, such as Europe/Madrid. */
                                timeZone: string;
                            } | null;
                            contactFields: {
                                /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                                key: string;
                                label: string;
                                options?: string[];
                                required: boolean;
                                /** @enum {unknown} */
                                type: "text" | "email" | "textarea" | "select";
                            }[];
                            enabled: boolean;
                            /** @description The key a host's server signs its signed-in users with (HMAC-SHA256). Keep it on the server. */
                            identitySecret: string;
                            /** @description The tag to put on the host's pages. */
                            installSnippet: string;
                            preChatFields: {
                                /** @description Where the answer is kept: [a-z][a-z0-9_]*. */
                                key: string;
                                label: string;
                                options?: string[];
                                required: boolean;
                                /** @enum {unknown} */
                                type: "text" | "email" | "textarea" | "select";
                            }[];
                            proactiveRules: {
                                delaySeconds: number;
                                message: string;
                                urlContains: string;
                            }[];
                            requireIdentity: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            name: string;
                            slug: string;
                            timeZone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the workspace or change its time zone (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description An id (UUID).
                             */
                            id: string;
                            name: string;
                            slug: string;
                            timeZone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** Error */
        "def-0": {
            error: {
                /** @description Stable machine-readable code, e.g. conversation_not_found. */
                code: string;
                details?: unknown;
                /** @description What went wrong and what to do about it, for a person. */
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
