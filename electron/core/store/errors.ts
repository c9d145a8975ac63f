// Errors the store raises on purpose; the API turns them into ApiError data as they are.
export type StoreErrorCode = 'newer_version' | 'not_found' | 'conflict' | 'io' | 'invalid_input';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
