'use strict';

/**
 * Business codes of the Trustoo envelope (Response Code page, V3 snapshot).
 * They match gRPC status numbers, which is why 8 is read as "rejected / resource exhausted".
 */
const CODES = Object.freeze({
  OK: 0,
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  REJECTED: 8,
  INTERNAL: 13,
  UNAUTHENTICATED: 16,
});

/** An error that the API layer turns into an envelope with a non-zero code. */
class ApiError extends Error {
  /**
   * @param {number} code business code
   * @param {string} message envelope message
   */
  constructor(code, message) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** @param {string} detail e.g. "rating must be an integer 1-5" */
const invalidArgument = (detail) => new ApiError(CODES.INVALID_ARGUMENT, `invalid argument: ${detail}`);
const notFound = (detail) => new ApiError(CODES.NOT_FOUND, `not found: ${detail}`);
const alreadyExists = (detail) => new ApiError(CODES.ALREADY_EXISTS, `already exists: ${detail}`);
const rejected = (detail) => new ApiError(CODES.REJECTED, `rejected: ${detail}`);
const internal = (detail) => new ApiError(CODES.INTERNAL, `internal error: ${detail}`);
const unauthenticated = (detail) => new ApiError(CODES.UNAUTHENTICATED, `unauthenticated: ${detail}`);

/** Errors raised by the programmatic/admin API (not the Trustoo API): the caller misused the sandbox. */
class SandboxUsageError extends Error {
  constructor(message, status = 400) {
    super(message);
    this.name = 'SandboxUsageError';
    this.status = status;
  }
}

module.exports = {
  CODES,
  ApiError,
  SandboxUsageError,
  invalidArgument,
  notFound,
  alreadyExists,
  rejected,
  internal,
  unauthenticated,
};
