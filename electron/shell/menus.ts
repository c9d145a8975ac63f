// The menus a clerk sees, in Chinese. Electron's default application menu is English and carries
// Ctrl+R (reload mid-edit) and Ctrl+Shift+I (DevTools); Electron shows no context menu at all, so
// right-click → 粘贴 did nothing. Both are built here from Electron's roles, so the editing
// commands act on the focused field as the keyboard shortcuts do.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

type EditFlags = ContextMenuParams['editFlags'];

/** The right-click menu: editing commands in an editable field, 复制 on selected text, else none. */
export function contextMenuTemplate(params: { isEditable: boolean; selectionText: string; editFlags: EditFlags }): MenuItemConstructorOptions[] | null {
  const f = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'undo', label: '撤销', enabled: f.canUndo },
      { role: 'redo', label: '重做', enabled: f.canRedo },
      { type: 'separator' },
      { role: 'cut', label: '剪切', enabled: f.canCut },
      { role: 'copy', label: '复制', enabled: f.canCopy },
      { role: 'paste', label: '粘贴', enabled: f.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: '全选', enabled: f.canSelectAll },
    ];
  }
  if (params.selectionText.trim()) return [{ role: 'copy', label: '复制', enabled: f.canCopy }];
  return null;
}

/** The application menu: no reload, no developer tools. */
export function appMenuTemplate(): MenuItemConstructorOptions[] {
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
  ];
}
