/**
 * The message of anything a promise rejected with or a block threw, for a log line or a reported reason: an
 * Error's own message (not its stack), and any other value as text (a library may throw a string).
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
