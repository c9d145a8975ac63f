// One theme for the whole app: the zhCN locale for MUI's built-in texts, system CJK fonts, and a
// compact density so the tables fit an office screen of 1366×768.
import { createTheme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';

export const theme = createTheme(
  {
    palette: {
      primary: { main: '#1f4e8c' },
      secondary: { main: '#8c1f1f' },
      background: { default: '#f3f5f8' },
      // Darker than MUI's defaults: white text on these, and these on light greys, keep a 4.5:1 contrast (WCAG AA).
      success: { main: '#1b5e20' },
      info: { main: '#01579b' },
      warning: { main: '#b45309' },
    },
    typography: {
      fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
      fontSize: 14,
      h5: { fontWeight: 600 },
      h6: { fontWeight: 600 },
    },
    shape: { borderRadius: 4 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  },
  zhCN,
);
