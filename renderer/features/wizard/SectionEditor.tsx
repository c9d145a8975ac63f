// Steps 一, 五, 六: plain text, one paragraph per line, with the format's guidance beside it, an
// outline of the headings (recognised by their numbering), a character count, and per-section
// helpers (一: the five aspects; 五: problem + measure pairs; 六: the fee statement).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Alert, Box, Button, Chip, Paper, Typography } from '@mui/material';
import type { FormatModel, SectionKey } from '../../../shared/formats/index';
import { isPeoplesGovernment } from '../../../shared/report';
import { findYearMentions } from '../../../shared/carry-over';
import { useTopic } from './hooks';
import type { ReportSession } from './session';
import { Guidance } from './Guidance';
import { countChars, outlineOf } from './text-logic';
import type { JumpTarget } from './types';
import { EDITOR_TEXT, YearMarks, scrollTextareaTo } from './YearMarks';
import { FeeHelper, ProblemHelper } from './SectionHelpers';
import { SectionFindings } from './SectionFindings';

export { scrollTextareaTo };

/** The 已核实 id of a year mention the clerk says is not left-over text (kept with the report). */
export function yearMentionAckId(section: SectionKey, text: string, m: { start: number; end: number }): string {
  return `text.year:${section}:${text.slice(Math.max(0, m.start - 8), m.end + 8).replace(/\s+/g, ' ')}`;
}

export function SectionEditor(props: { session: ReportSession; model: FormatModel; section: SectionKey; onJump: (t: JumpTarget) => void }) {
  const def = props.model.format.sections.find((s) => s.key === props.section);
  if (!def) return null;
  return <SectionEditorFor {...props} def={def} />;
}

function SectionEditorFor(props: {
  session: ReportSession;
  section: SectionKey;
  def: FormatModel['format']['sections'][number];
  onJump: (t: JumpTarget) => void;
}) {
  const { session, def } = props;
  useTopic(session, 'doc');
  useTopic(session, 'focus');
  const [text, setText] = useState(session.doc.sections[props.section] ?? '');
  const area = useRef<HTMLTextAreaElement>(null);
  const marks = useRef<HTMLDivElement>(null);
  // The textarea's scrollbar narrows its lines; the marks layer leaves the same room (0 where
  // scrollbars float over the text), so both wrap at the same characters.
  const [gutter, setGutter] = useState(0);
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const measure = () => setGutter(el.offsetWidth - el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const copied = session.doc.copiedSections.includes(props.section);

  const change = (next: string, select?: [number, number]) => {
    if (!select) {
      setText(next);
      session.setSection(props.section, next);
      return;
    }
    // A helper's insertion: render the new text now so the caret lands in it at once.
    flushSync(() => setText(next));
    session.setSection(props.section, next);
    area.current?.focus();
    area.current?.setSelectionRange(select[0], select[1]);
  };

  const selectRange = (start: number, end: number) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(start, end);
    scrollTextareaTo(el, start);
  };

  /** Inserts a paragraph at the caret's paragraph end (or the end), keeping one paragraph per line. */
  const insertParagraphs = (paras: string[], selectInFirst?: string) => {
    const el = area.current;
    const caret = el && document.activeElement === el ? el.selectionEnd : text.length;
    const lineEnd = text.indexOf('\n', caret);
    const at = lineEnd === -1 ? text.length : lineEnd;
    const before = text.slice(0, at);
    const lead = before && !before.endsWith('\n') ? '\n' : '';
    const block = lead + paras.join('\n');
    const next = before + block + text.slice(at);
    const blockStart = at + lead.length;
    let sel: [number, number] = [blockStart + block.length - lead.length, blockStart + block.length - lead.length];
    if (selectInFirst) {
      // The caret goes right after the given words (e.g. after 「1.问题：」), ready to type.
      const i = next.indexOf(selectInFirst, blockStart);
      if (i >= 0) sel = [i + selectInFirst.length, i + selectInFirst.length];
    }
    change(next, sel);
  };

  // A jump (审核 → 去修改) to words in this section: placed once the editor is on screen.
  const request = session.focusRequest?.section?.key === props.section ? session.focusRequest : null;
  useEffect(() => {
    if (!request?.section) return;
    session.takeFocusRequest({ section: props.section });
    area.current?.scrollIntoView({ block: 'nearest' });
    selectRange(request.section.start, request.section.end);
  }, [request?.id]);

  const outline = useMemo(() => outlineOf(text), [text]);
  const counts = useMemo(() => countChars(text), [text]);
  const acks = session.doc.acknowledgements;
  // A mention the clerk dismissed (“不是旧文字”) stays dismissed while its words are unchanged.
  const stale = useMemo(
    () => findYearMentions(text, session.doc.year).filter((m) => !acks[yearMentionAckId(props.section, text, m)]),
    [text, session.doc.year, acks, props.section],
  );
  const [dismissFailure, setDismissFailure] = useState('');
  const dismiss = async (m: { start: number; end: number }) => {
    const problem = await session.acknowledgeId(yearMentionAckId(props.section, text, m), '写的是往年的情况（如上年度报告提出的问题），不是沿用的旧文字');
    setDismissFailure(problem ?? '');
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1.5 }}>
        <Typography variant="h5" component="h2">
          {def.heading}
        </Typography>
        {copied && (
          <Chip
            label="沿用上年"
            color="warning"
            variant="outlined"
            size="small"
            title="这一部分的文字是从上一年度报告复制来的，还没有修改过。请按本年度情况改写。"
            data-copied={props.section}
          />
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {copied && (
            <Alert
              severity="warning"
              sx={{ mb: 1 }}
              action={
                <Button
                  color="inherit"
                  size="small"
                  sx={{ whiteSpace: 'nowrap' }}
                  onClick={() => session.keepCopied(props.section)}
                  title="这部分文字今年仍然适用（例如“未收取信息处理费”），不用改写"
                  data-keep-copied={props.section}
                >
                  已核对，照用
                </Button>
              }
            >
              以下文字沿用了上一年度报告，请逐段改成本年度的情况；改动后“沿用上年”标记会自动去掉。
            </Alert>
          )}
          <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
            <Box sx={{ position: 'relative', bgcolor: '#fff' }}>
              <YearMarks text={text} marks={stale} scrollRef={marks} gutter={gutter} />
              <Box
                component="textarea"
                ref={area}
                onScroll={(e: React.UIEvent<HTMLTextAreaElement>) => {
                  if (marks.current) marks.current.scrollTop = e.currentTarget.scrollTop;
                }}
                data-section={props.section}
                aria-label={`${def.heading} 正文`}
                value={text}
                spellCheck={false}
                placeholder={`在这里写“${def.heading}”的正文。每段一行，按 Enter 换段；小标题用“（一）”“1.”等编号开头。`}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => change(e.target.value)}
                sx={{
                  ...EDITOR_TEXT,
                  position: 'relative',
                  display: 'block',
                  width: '100%',
                  height: 'calc(100vh - 330px)',
                  minHeight: 300,
                  resize: 'vertical',
                  border: 0,
                  outline: 'none',
                  color: 'text.primary',
                  bgcolor: 'transparent',
                }}
              />
            </Box>
            <Box sx={{ display: 'flex', justifyContent: 'space-between', px: 2, py: 0.5, borderTop: 1, borderColor: 'divider', bgcolor: 'grey.50' }}>
              <Typography variant="caption" color="text.secondary" data-char-count={counts.chars}>
                {counts.chars} 字（不含空格） · {counts.paragraphs} 段
              </Typography>
              <Typography variant="caption" color="text.secondary">
                自动保存
              </Typography>
            </Box>
          </Paper>
          {stale.length > 0 && (
            <Alert severity="warning" sx={{ mt: 1.5 }} data-stale-years>
              文中有 {stale.length} 处提到其他年份，可能是沿用旧文字没改。点一处查看；确是写往年情况的，点 × 表示“不是旧文字”：
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
                {stale.slice(0, 20).map((m, i) => (
                  <Chip
                    key={i}
                    size="small"
                    label={`${text.slice(Math.max(0, m.start - 6), m.end + 6).replace(/\n/g, ' ')}`}
                    onClick={() => selectRange(m.start, m.end)}
                    onDelete={() => void dismiss(m)}
                    title="点 × 表示这里写的是往年的情况，不是沿用的旧文字"
                    data-year-mention={m.year}
                  />
                ))}
              </Box>
              {dismissFailure && <Box sx={{ color: 'error.main', mt: 0.5 }}>{dismissFailure}</Box>}
            </Alert>
          )}
          <SectionFindings session={session} section={props.section} onSelect={selectRange} />
        </Box>
        <Box sx={{ width: 340, flexShrink: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <Paper variant="outlined" sx={{ p: 1.5 }}>
            <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
              这一部分写什么
            </Typography>
            <Guidance items={def.guidance} dense />
            {def.governmentOnly && isPeoplesGovernment(session.doc.unit.kind, session.doc.unit.name) && (
              <Typography variant="body2" sx={{ mt: 1, color: '#9a5b00' }}>
                本机关属于人民政府，须写明：{def.governmentOnly.join('、')}。
              </Typography>
            )}
          </Paper>
          {def.aspects && (
            <Paper variant="outlined" sx={{ p: 1.5 }}>
              <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                按五个方面分别写
              </Typography>
              {def.aspects.map((a) => {
                const at = text.indexOf(a.title);
                return (
                  <Box key={a.key} sx={{ py: 0.75, borderTop: 1, borderColor: 'divider' }}>
                    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {a.title}
                      </Typography>
                      {at >= 0 ? (
                        <Button size="small" onClick={() => selectRange(at, at + a.title.length)}>
                          转到
                        </Button>
                      ) : (
                        <Button size="small" variant="outlined" onClick={() => insertParagraphs([a.title, ''])} data-insert-aspect={a.key}>
                          插入小标题
                        </Button>
                      )}
                    </Box>
                    <Typography variant="caption" color="text.secondary">
                      {a.guidance}
                    </Typography>
                  </Box>
                );
              })}
            </Paper>
          )}
          {props.section === 'problems' && <ProblemHelper text={text} onInsert={insertParagraphs} />}
          {props.section === 'other_matters' && <FeeHelper text={text} onChange={change} />}
          <Paper variant="outlined" sx={{ p: 1.5 }} data-outline>
            <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
              提纲
            </Typography>
            {outline.length === 0 ? (
              <Typography variant="caption" color="text.secondary">
                还没有小标题。以“（一）”“1.”等编号开头的段落会列在这里。
              </Typography>
            ) : (
              outline.map((o, i) => (
                <Box
                  key={i}
                  component="button"
                  type="button"
                  onClick={() => selectRange(o.start, o.end)}
                  sx={{
                    display: 'block',
                    width: '100%',
                    textAlign: 'left',
                    border: 0,
                    bgcolor: 'transparent',
                    cursor: 'pointer',
                    py: 0.25,
                    pl: (o.level - 1) * 1.5,
                    font: 'inherit',
                    fontSize: 13,
                    color: 'primary.main',
                    '&:hover': { textDecoration: 'underline' },
                  }}
                >
                  {o.text}
                </Box>
              ))
            )}
          </Paper>
        </Box>
      </Box>
    </Box>
  );
}
