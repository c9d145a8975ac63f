// The format's guidance for a step, as a quiet bulleted list.
import { Box } from '@mui/material';

export function Guidance({ items, dense }: { items: string[]; dense?: boolean }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5, color: 'text.secondary', fontSize: dense ? 13 : 14, '& li': { mb: 0.5 } }}>
      {items.map((g, i) => (
        <li key={i}>{g}</li>
      ))}
    </Box>
  );
}
