// The marks layer behind a section's textarea: its shared text style, the other years' marks, and scrolling to a character.
import { Box } from '@mui/material';

/**
 * Scrolls a section's textarea so that character `index` sits in its upper third. The marks layer
 * behind it wraps lines exactly as the textarea does, so it tells where that character is even
 * in long wrapped paragraphs; without the layer, count the line breaks.
 */
export function scrollTextareaTo(el: HTMLTextAreaElement, index: number): void {
  const layer = el.previousElementSibling;
  let y: number | null = null;
  if (layer instanceof HTMLElement && layer.hasAttribute('data-marks-layer')) {
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.textContent?.length ?? 0;
      if (seen + len > index) {
        const range = document.createRange();
        range.setStart(node, index - seen);
        range.setEnd(node, Math.min(len, index - seen + 1));
        y = range.getBoundingClientRect().top - layer.getBoundingClientRect().top + layer.scrollTop;
        break;
      }
      seen += len;
    }
  }
  if (y === null) y = (el.value.slice(0, index).split('\n').length - 1) * 25.2;
  el.scrollTop = Math.max(0, y - el.clientHeight / 3);
}

/** What the textarea and the layer of year marks behind it share, so their lines wrap alike. */
export const EDITOR_TEXT = {
  boxSizing: 'border-box',
  p: 2,
  m: 0,
  font: 'inherit',
  fontSize: 15,
  lineHeight: 1.68,
  letterSpacing: 'normal',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'break-word',
  wordBreak: 'normal',
  overflowY: 'scroll',
  tabSize: 8,
} as const;

/**
 * Other years' mentions (likely left from last year's text) marked in place: a layer behind the
 * transparent textarea with the same text in transparent ink and the mentions on a yellow ground.
 */
export function YearMarks(props: { text: string; marks: { start: number; end: number }[]; scrollRef: React.RefObject<HTMLDivElement | null>; gutter: number }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  props.marks.forEach((m, i) => {
    parts.push(props.text.slice(at, m.start));
    parts.push(
      <Box component="mark" key={i} data-year-mark sx={{ bgcolor: '#ffe08a', color: 'transparent', borderRadius: '2px', boxShadow: '0 0 0 1px #f0b400' }}>
        {props.text.slice(m.start, m.end)}
      </Box>,
    );
    at = m.end;
  });
  // A final newline needs a character after it to take up its line, as it does in the textarea.
  parts.push(props.text.slice(at) + ' ');
  return (
    <Box
      ref={props.scrollRef}
      aria-hidden
      data-marks-layer
      sx={{ ...EDITOR_TEXT, position: 'absolute', inset: 0, color: 'transparent', pointerEvents: 'none', overflowY: 'hidden', pr: `${16 + props.gutter}px` }}
    >
      {parts}
    </Box>
  );
}
