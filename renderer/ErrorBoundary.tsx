// A failure while drawing a screen: a Chinese message instead of a blank page. Nothing typed is
// lost: saved edits are in the database, unsaved ones in the page's journal (save-queue.ts), which
// the report replays when it is opened again.
import { Component, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button } from '@mui/material';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('[page]', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Box sx={{ p: 4, maxWidth: 760, mx: 'auto' }}>
        <Alert
          severity="error"
          role="alert"
          data-error-boundary
          action={
            <Button color="inherit" onClick={() => window.location.reload()}>
              重新载入
            </Button>
          }
        >
          <AlertTitle>页面出错了，这一屏没能显示</AlertTitle>
          已保存的内容不受影响；还没来得及保存的修改暂存在本{typeof window !== 'undefined' && window.nianbao ? '程序' : '浏览器'}
          中，重新载入后打开这份报告会自动保存。请点“重新载入”；如果反复出现，请把下面这行告诉技术支持：
          <Box component="code" sx={{ display: 'block', mt: 1, fontSize: 12, wordBreak: 'break-all' }}>
            {this.state.error.message}
          </Box>
        </Alert>
      </Box>
    );
  }
}
