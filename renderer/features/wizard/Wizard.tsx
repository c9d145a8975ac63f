// One report, step by step: 基本信息 → 一 … 六 → 审核 → 导出. The stepper is non-linear (any step
// can be opened at any time) and shows each step's state from the findings.
import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Step,
  StepButton,
  StepLabel,
  Stepper,
  Toolbar,
  Typography,
} from '@mui/material';
import { api } from '../../api/client';
import { SessionContext, useTopic, useTopicDeferred } from './hooks';
import { ReportSession } from './session';
import { stepStatuses, wizardSteps, type StepDef, type StepState } from './steps';
import { SaveBanner, SaveIndicator } from './SaveIndicator';
import { BasicInfoStep } from './BasicInfoStep';
import { TableStep } from './TableStep';
import { SectionEditor } from './SectionEditor';
import { ReviewStep } from './ReviewStep';
import type { JumpTarget } from './types';
import { formatLabel, statusLabel } from '../../labels';

// The export step (preview, Word export) is loaded when it is first opened.
const ExportStep = lazy(() => import('../export/ExportStep').then((m) => ({ default: m.ExportStep })));

export type { JumpTarget } from './types';

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
  const [askLeave, setAskLeave] = useState(false);

  useEffect(() => {
    if (props.step !== current.key) props.onStep(current.key);
  }, [props.step, current.key]);
  // A new step starts at its top.
  useLayoutEffect(() => {
    document.getElementById('wizard-main')?.scrollTo({ top: 0 });
  }, [current.key]);

  const jump = useCallback(
    (t: JumpTarget) => {
      // The cell or editor takes the request when it is on screen (at once, or after the step renders).
      if (t.cell || t.section) session.requestFocus(t);
      props.onStep(t.step);
      if (t.field) focusWhenShown(`[data-field="${t.field}"]`);
    },
    [session, props.onStep],
  );

  const close = async () => {
    setLeaving(true);
    const ok = await session.flush();
    setLeaving(false);
    // The program's own dialog, never window.confirm (English buttons in the desktop window).
    if (ok) props.onClose();
    else setAskLeave(true);
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
          {/* A fixed, contained box: 保存中… / 已保存 changing with the first key lays out nothing else. */}
          <Box sx={{ width: 210, height: 26, flexShrink: 0, contain: 'strict', display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}>
            <SaveIndicator session={session} />
          </Box>
        </Toolbar>
      </AppBar>
      <SaveBanner session={session} />
      <ReplayedNotice session={session} />
      <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
        <Box
          component="nav"
          aria-label="报告各部分"
          sx={{ width: 232, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto', py: 1.5, px: 1 }}
        >
          <StepNav session={session} steps={steps} current={current.key} onStep={props.onStep} />
        </Box>
        <Box component="main" sx={{ flex: 1, overflow: 'auto', minWidth: 0 }} id="wizard-main">
          <Box sx={{ px: 3, py: 2, maxWidth: 1180 }}>
            <StepContent key={current.key} step={current} session={session} onJump={jump} />
            <StepFooter steps={steps} current={current} onStep={props.onStep} />
          </Box>
        </Box>
      </Box>
      <Dialog open={askLeave} onClose={() => setAskLeave(false)} aria-labelledby="leave-title">
        <DialogTitle id="leave-title">有修改没能保存</DialogTitle>
        <DialogContent>
          <DialogContentText>有修改还没能保存（见右上角的提示）。回到报告列表后，程序会继续在后台重试；也可以留在本页等它保存好。</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAskLeave(false)} autoFocus>
            留在本页
          </Button>
          <Button
            onClick={() => {
              setAskLeave(false);
              props.onClose();
            }}
          >
            仍回到报告列表
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

/** Edits an earlier page typed and never got stored, found in the browser and saved now. */
function ReplayedNotice({ session }: { session: ReportSession }) {
  const [open, setOpen] = useState(!!session.replayed);
  useTopic(session, 'save');
  const b = session.replayed;
  if (!open || !b) return null;
  const n = Object.keys(b.cells).length + Object.keys(b.sections).length + Object.keys(b.meta).length;
  return (
    <Alert severity="info" square onClose={() => setOpen(false)} data-replayed={n}>
      找回了上次没能保存的 {n} 处修改（程序关闭或页面关闭时还没保存的），已放回原处{session.save.status === 'saved' ? '并保存好了' : '，正在保存'}。
    </Alert>
  );
}

/** The step list with each step's state; re-renders when a state changes, not on every check. */
function StepNav(props: { session: ReportSession; steps: StepDef[]; current: string; onStep: (k: string) => void }) {
  const { session } = props;
  useTopicDeferred(session, 'findings');
  useTopic(session, 'doc');
  const statuses = stepStatuses(props.steps, session.findings, session.doc, session.model, session.reviewed);
  const signature = JSON.stringify(statuses);
  return <StepList steps={props.steps} current={props.current} onStep={props.onStep} signature={signature} />;
}

const STATE_COLOR: Record<StepState, { bg: string; fg: string; border: string; caption: string }> = {
  todo: { bg: '#fff', fg: '#5f6b7a', border: '#9aa5b1', caption: 'text.secondary' },
  none: { bg: '#fff', fg: '#5f6b7a', border: '#9aa5b1', caption: 'text.secondary' },
  incomplete: { bg: '#e3ecf7', fg: '#1f4f8a', border: '#1f4f8a', caption: '#1f4f8a' },
  error: { bg: '#d32f2f', fg: '#fff', border: '#d32f2f', caption: 'error.main' },
  warning: { bg: '#ed8b00', fg: '#fff', border: '#ed8b00', caption: '#9a5b00' },
  done: { bg: '#2e7d32', fg: '#fff', border: '#2e7d32', caption: 'success.main' },
};

/** The step's number always shows; its colour is the state (the caption says it in words). */
function StepNumber(props: { n: number; state: StepState; current: boolean }) {
  const c = STATE_COLOR[props.state];
  return (
    <Box
      component="span"
      aria-hidden
      sx={{
        width: 24,
        height: 24,
        borderRadius: '50%',
        display: 'inline-grid',
        placeItems: 'center',
        fontSize: 12,
        fontWeight: 700,
        lineHeight: 1,
        bgcolor: c.bg,
        color: c.fg,
        border: `2px solid ${c.border}`,
        boxShadow: props.current ? '0 0 0 2px rgba(31,79,138,.35)' : undefined,
      }}
    >
      {props.n}
    </Box>
  );
}

const StepList = memo(function StepList(props: { steps: StepDef[]; current: string; onStep: (k: string) => void; signature: string }) {
  const statuses = JSON.parse(props.signature) as ReturnType<typeof stepStatuses>;
  const steps = props.steps;
  return (
    <Stepper nonLinear orientation="vertical" activeStep={steps.findIndex((s) => s.key === props.current)} connector={null}>
      {steps.map((s, i) => {
        const st = statuses[s.key];
        const color = STATE_COLOR[st.state];
        return (
          <Step key={s.key} completed={false} data-step={s.key} data-step-state={st.state}>
            <StepButton
              onClick={() => props.onStep(s.key)}
              aria-current={s.key === props.current ? 'step' : undefined}
              icon={<StepNumber n={i + 1} state={st.state} current={s.key === props.current} />}
              sx={{ py: 0.75, px: 1, my: 0, borderRadius: 1, textAlign: 'left', bgcolor: s.key === props.current ? 'action.selected' : undefined }}
              optional={
                st.caption ? (
                  <Typography variant="caption" sx={{ color: color.caption }} data-step-status={st.state}>
                    {st.caption}
                  </Typography>
                ) : undefined
              }
            >
              {/* No colour transitions: a state that changes after a check must not animate frames while the clerk types on. */}
              <StepLabel error={false} sx={{ '& .MuiStepLabel-label': { fontSize: 13, lineHeight: 1.35, transition: 'none' } }}>
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
  const model = session.model;
  if (step.kind === 'basic') return <BasicInfoStep session={session} />;
  if (step.kind === 'export') return <ExportStepHost session={session} onJump={props.onJump} />;
  if (!model) return <Alert severity="info">2019年以前的报告没有全国统一格式，只保存了原文，不能在这里逐项编辑。</Alert>;
  if (step.kind === 'review') return <ReviewStep session={session} onJump={props.onJump} />;
  if (!step.section) return null;
  if (step.kind === 'table') return <TableStep session={session} model={model} section={step.section} onJump={props.onJump} />;
  return <SectionEditor session={session} model={model} section={step.section} onJump={props.onJump} />;
});

/** Focuses a field once its step has rendered it (a few frames at most). */
function focusWhenShown(selector: string, frames = 120) {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.focus();
  } else if (frames > 0) requestAnimationFrame(() => focusWhenShown(selector, frames - 1));
}

function ExportStepHost({ session, onJump }: { session: ReportSession; onJump: (t: JumpTarget) => void }) {
  useTopicDeferred(session, 'findings');
  useTopic(session, 'doc');
  // The exporter reads what is stored: send pending edits first.
  useEffect(() => void session.flush(), [session]);
  return (
    <Suspense fallback={<CircularProgress aria-label="正在载入导出" />}>
      <ExportStep
        reportId={session.id}
        doc={session.currentDoc()}
        findings={session.findings}
        final={session.stored.status === 'final'}
        onLetterhead={(patch) => session.patchMeta({ letterhead: { ...session.doc.letterhead, ...patch } })}
        flush={() => session.flush()}
        onFix={(what) => {
          if (what === 'errors') return onJump({ step: 'review' });
          // 发文字号 is shown once 红头 is on: the clerk asked for a 红头 at the export.
          if (what === 'docNumber' && !session.doc.letterhead.enabled) session.patchMeta({ letterhead: { ...session.doc.letterhead, enabled: true } });
          onJump({ step: 'basic', field: what === 'date' ? 'date.year' : 'letterhead.docNumber' });
        }}
        onFillCell={(cell, step) => onJump({ step, cell })}
      />
    </Suspense>
  );
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
