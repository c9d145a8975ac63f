// 导入核对 (issue 21 item 5): what the import changed in the text and what it could not read, each
// with its line in the source, so the clerk can hold the result against the original: paragraphs
// joined, markup and page furniture removed, table cells left 未读入 (to be filled in, never 0).
import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ImportNote } from '../../../shared/api';

const KIND_LABEL: Record<ImportNote['kind'], string> = {
  joined: '接段',
  markup: '去标记',
  furniture: '去网页杂项',
  unread: '未读入',
};

/** Shows at most this many notes of one kind; the rest are counted. */
const MAX_PER_KIND = 30;

export function ImportNotes(props: { notes: ImportNote[] }) {
  if (!props.notes.length) return null;
  const kinds = (['unread', 'joined', 'markup', 'furniture'] as const).filter((k) => props.notes.some((n) => n.kind === k));
  return (
    <Box data-testid="import-notes">
      <Typography variant="subtitle2" gutterBottom>
        导入核对（读入时对原文所做的处理和没有读出的数字，请对照原文核对；未读入的格子保存后要填上数字，不会当作 0 印出）
      </Typography>
      {kinds.map((kind) => {
        const notes = props.notes.filter((n) => n.kind === kind);
        return (
          <List key={kind} dense disablePadding data-notes={kind}>
            {notes.slice(0, MAX_PER_KIND).map((n, i) => (
              <ListItem key={i} disableGutters data-note={kind}>
                <ListItemText primary={`${KIND_LABEL[kind]}${n.line ? `（第 ${n.line} 行）` : ''}：${n.text}`} />
              </ListItem>
            ))}
            {notes.length > MAX_PER_KIND && (
              <ListItem disableGutters>
                <ListItemText primary={`……另有 ${notes.length - MAX_PER_KIND} 条“${KIND_LABEL[kind]}”`} />
              </ListItem>
            )}
          </List>
        );
      })}
    </Box>
  );
}
