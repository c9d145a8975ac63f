// Types the wizard's steps share with the frame (kept apart so no step imports the frame).

/** Where to put the caret after a jump: a cell, a character range of a section, or a field (its data-field). */
export type JumpTarget = { step: string; cell?: string; section?: { key: string; start: number; end: number }; field?: string };

/** A jump waiting for its cell or text editor to be on screen; the component that shows it takes it. */
export interface FocusRequest {
  id: number;
  cell?: string;
  section?: { key: string; start: number; end: number };
}
