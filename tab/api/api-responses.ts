import type { ApiResponse } from './api-route';

/** JSON answers in the API's one error shape: `{ message }` in plain words, plus field errors for 400. */
export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}

export function failure(status: number, message: string, headers?: Record<string, string>): ApiResponse {
  return { status, body: { message }, ...(headers && { headers }) };
}

export function invalidFields(message: string, errors: Record<string, string>): ApiResponse {
  return { status: 400, body: { message, errors } };
}
