// What the readers of a .docx and of pasted text both produce, so one recogniser reads either:
// paragraphs and tables of logical cells (a merged cell is one cell; vertically merged
// continuation cells are kept as empty cells marked `merged`, as Word stores them).

export interface Cell {
  text: string;
  /** grid columns this cell spans (w:gridSpan); 1 for text */
  span: number;
  /** a continuation of a vertically merged cell (w:vMerge without restart) */
  merged?: boolean;
}

export interface Row {
  cells: Cell[];
}

export type Block =
  | { kind: 'para'; text: string }
  | {
      kind: 'table';
      rows: Row[];
      /** cell positions are reliable (docx); web-copied text loses merged cells */
      positional: boolean;
      /** rebuilt from a copy with one cell per line: blank cells were lost, so a short row's figures have no certain columns */
      blanksDropped?: boolean;
    };
