// One report, step by step: 基本信息 → 一 … 六 → 审核 → 导出. The stepper is non-linear (any step
// can be opened at any time) and shows each step's state from the findings.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Alert, AppBar, Box, Button, CircularProgress, Step, StepButton, StepLabel, Stepper, Toolbar, Typography } from '@mui/material';
import { api } from '../../api/client';
import { SessionContext, useTopic, useTopicDeferred } from './hooks';
import { ReportSession } from './session';
import { stepStatuses, wizardSteps, type StepDef } from './steps';
import { SaveBanner, SaveIndicator } from './SaveIndicator';
import { BasicInfoStep } from './BasicInfoStep';
import { TableStep } from './TableStep';
import { SectionEditor, scrollTextareaTo } from './SectionEditor';
import { ReviewStep } from './ReviewStep';
import { ExportStep } from '../export/ExportStep';
import { formatLabel, statusLabel } from '../../labels';

/** Where to put the caret after a jump: a cell, or a character range of a section. */
export type JumpTarget = { step: string; cell?: string; section?: { key: string; start: number; end: number } };

export function Wizard(props: { reportId: number; step: string | null; onStep: (step: string) => void; onClose: () => void }) {
  const [session, setSession] = useState<ReportSession | null>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    let live = true;
    let opened: ReportSession | null = null;
    void (async () => {
      const r = await api.getReport({ id: props.reportId });
      if (!live) return;
      if (!r.ok) return setFailure(r.error.message);
      opened = new ReportSession(r.value);
      setSession(opened);
      // Last year's report feeds the cross-year checks (上年结转 = 上年结转下年度 …).
      const list = await api.listReports({});
      const prev = list.ok ? list.value.find((x) => x.year === r.value.doc.year - 1) : undefined;
      if (prev && live) {
        const p = await api.getReport({ id: prev.id });
        if (p.ok && live) opened.setPrevious(p.value.doc);
      }
    })();
    return () => {
      live = false;
      if (opened) {
        void opened.flush();
        opened.dispose();
      }
    };
  }, [props.reportId]);

  useEffect(() => {
    if (!session) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!session.hasUnsaved()) return;
      void session.flush();
      e.preventDefault();
      e.returnValue = '还有修改没有保存完，确定离开吗？';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [session]);

  if (failure)
    return (
      <Box sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
        <Alert severity="error" role="alert" action={<Button onClick={props.onClose}>返回报告列表</Button>}>
          打不开这份报告：{failure}
        </Alert>
      </Box>
    );
  if (!session)
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="正在打开报告" />
      </Box>
    );
  return (
    <SessionContext.Provider value={session}>
      <WizardFrame session={session} {...props} />
    </SessionContext.Provider>
  );
}

function WizardFrame(props: { session: ReportSession; step: string | null; onStep: (step: string) => void; onClose: () => void }) {
  const { session } = props;
  // The frame re-renders on a change of step or of the report's header only; findings update the
  // step list (StepNav) and the parts of the step that show them, not the frame.
  useTopic(session, 'doc');
  const steps = useMemo(() => wizardSteps(session.model), [session]);
  const current: StepDef = steps.find((s) => s.key === props.step) ?? steps[0];
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    if (props.step !== current.key) props.onStep(current.key);
  }, [props.step, current.key]);
  // A new step starts at its top.
  useLayoutEffect(() => {
    document.getElementById('wizard-main')?.scrollTo({ top: 0 });
  }, [current.key]);

  const jump = useCallback(
    (t: JumpTarget) => {
      props.onStep(t.step);
      // Wait for the step to render, then put the caret where the problem is.
      let tries = 0;
      const place = () => {
        const selector = t.cell ? `[data-cell="${t.cell}"]` : t.section ? `[data-section="${t.section.key}"]` : null;
        const el = selector ? (document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement | null) : null;
        if (!el) {
          if (selector && tries++ < 30) requestAnimationFrame(place);
          return;
        }
        el.scrollIntoView({ block: 'center' });
        el.focus();
        if (t.section && el instanceof HTMLTextAreaElement) {
          el.setSelectionRange(t.section.start, t.section.end);
          // Scroll the textarea itself to the selected words.
          scrollTextareaTo(el, t.section.start);
        }
      };
      requestAnimationFrame(place);
    },
    [props.onStep],
  );

  const close = async () => {
    setLeaving(true);
    const ok = await session.flush();
    setLeaving(false);
    if (ok || window.confirm('有修改没能保存（见右上角的提示）。仍要回到报告列表吗？程序会继续在后台重试。')) props.onClose();
  };

  const doc = session.doc;
  return (
    <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Button color="inherit" variant="outlined" size="small" onClick={() => void close()} disabled={leaving} sx={{ borderColor: 'rgba(255,255,255,.5)' }}>
            ← 报告列表
          </Button>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="subtitle1" noWrap sx={{ fontWeight: 600, lineHeight: 1.3 }}>
              {doc.year}年 · {doc.unit.name}
            </Typography>
            <Typography variant="caption" noWrap sx={{ opacity: 0.85 }}>
              {formatLabel(doc.formatId)} · {statusLabel(session.stored.status)}
            </Typography>
          </Box>
          <SaveIndicator session={session} />
        </Toolbar>
      </AppBar>
      <SaveBanner session={session} />
      <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
        <Box component="nav" aria-label="报告各部分" sx={{ width: 232, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto', py: 1.5, px: 1 }}>
          <StepNav session={session} steps={steps} current={current.key} onStep={props.onStep} />
        </Box>
        <Box component="main" sx={{ flex: 1, overflow: 'auto', minWidth: 0 }} id="wizard-main">
          <Box sx={{ px: 3, py: 2, maxWidth: 1180 }}>
            <StepContent key={current.key} step={current} session={session} onJump={jump} />
            <StepFooter steps={steps} current={current} onStep={props.onStep} />
          </Box>
        </Box>
      </Box>
    </Box>
  );
}

/** The step list with each step's state; re-renders when a state changes, not on every check. */
function StepNav(props: { session: ReportSession; steps: StepDef[]; current: string; onStep: (k: string) => void }) {
  const { session } = props;
  useTopicDeferred(session, 'findings');
  useTopic(session, 'doc');
  const statuses = stepStatuses(props.steps, session.findings, session.doc, session.model);
  const signature = JSON.stringify(statuses);
  return <StepList steps={props.steps} current={props.current} onStep={props.onStep} signature={signature} />;
}

const StepList = memo(function StepList(props: { steps: StepDef[]; current: string; onStep: (k: string) => void; signature: string }) {
  const statuses = JSON.parse(props.signature) as ReturnType<typeof stepStatuses>;
  const steps = props.steps;
  return (
    <Stepper nonLinear orientation="vertical" activeStep={steps.findIndex((s) => s.key === props.current)} connector={null}>
      {steps.map((s) => {
        const st = statuses[s.key];
        // An empty part's one error is that it is empty: say so plainly rather than "1 处错误".
        const caption = st.empty && st.errors <= 1 ? (st.errors ? '还没有填写' : '') : st.errors ? `${st.errors} 处错误` : st.copied ? '沿用上年，待改写' : st.warnings ? `${st.warnings} 处提示` : st.done ? '已完成' : '';
        return (
          <Step key={s.key} completed={st.done && !st.errors} data-step={s.key}>
            <StepButton
              onClick={() => props.onStep(s.key)}
              aria-current={s.key === props.current ? 'step' : undefined}
              sx={{ py: 0.75, px: 1, my: 0, borderRadius: 1, textAlign: 'left', bgcolor: s.key === props.current ? 'action.selected' : undefined }}
              optional={
                caption ? (
                  <Typography variant="caption" sx={{ color: st.errors ? 'error.main' : st.warnings || st.copied ? '#b26a00' : 'success.main' }} data-step-status={st.errors ? 'error' : st.warnings || st.copied ? 'warning' : 'done'}>
                    {caption}
                  </Typography>
                ) : undefined
              }
            >
              {/* No colour transitions: a state that changes after a check must not animate frames while the clerk types on. */}
              <StepLabel error={st.errors > 0} sx={{ '& .MuiStepLabel-label': { fontSize: 13, lineHeight: 1.35, transition: 'none' }, '& .MuiStepIcon-root': { transition: 'none' } }}>
                {s.label}
              </StepLabel>
            </StepButton>
          </Step>
        );
      })}
    </Stepper>
  );
});

const StepContent = memo(function StepContent(props: { step: StepDef; session: ReportSession; onJump: (t: JumpTarget) => void }) {
  const { step, session } = props;
  if (!session.model && step.kind !== 'basic' && step.kind !== 'export')
    return <Alert severity="info">2019年以前的报告没有全国统一格式，只保存了原文，不能在这里逐项编辑。</Alert>;
  switch (step.kind) {
    case 'basic':
      return <BasicInfoStep session={session} />;
    case 'table':
      return <TableStep session={session} section={step.section!} onJump={props.onJump} />;
    case 'text':
      return <SectionEditor session={session} section={step.section!} onJump={props.onJump} />;
    case 'review':
      return <ReviewStep session={session} onJump={props.onJump} />;
    case 'export':
      return <ExportStepHost session={session} />;
  }
});

function ExportStepHost({ session }: { session: ReportSession }) {
  useTopicDeferred(session, 'findings');
  useTopic(session, 'doc');
  // The exporter reads what is stored: send pending edits first.
  useEffect(() => void session.flush(), [session]);
  return <ExportStep reportId={session.id} doc={session.currentDoc()} findings={session.findings} final={session.stored.status === 'final'} />;
}

function StepFooter(props: { steps: StepDef[]; current: StepDef; onStep: (k: string) => void }) {
  const i = props.steps.indexOf(props.current);
  const prev = props.steps[i - 1];
  const next = props.steps[i + 1];
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 3, pt: 2, borderTop: 1, borderColor: 'divider' }}>
      {prev ? <Button onClick={() => props.onStep(prev.key)}>← 上一步：{prev.label}</Button> : <span />}
      {next && (
        <Button variant="contained" onClick={() => props.onStep(next.key)}>
          下一步：{next.label} →
        </Button>
      )}
    </Box>
  );
}
