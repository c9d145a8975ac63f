// When the checks run: a short pause after typing, then in the idle time after a frame, so the
// totals are painted first and a key pressed meanwhile is not held behind the rules.
import { checkReport } from '../../../shared/check';
import type { Finding, ReportDoc } from '../../../shared/report';

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const CHECK_DELAY_MS = 120;

export class FindingsScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly input: () => { doc: ReportDoc; previous: ReportDoc | null },
    private readonly onFindings: (findings: Finding[]) => void,
  ) {}

  schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const run = () => {
        if (!this.disposed) this.runNow();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
      else run();
    }, CHECK_DELAY_MS);
  }

  /** Runs the rules at once; findings sorted errors first. A failing rule is itself a finding. */
  runNow() {
    const { doc, previous } = this.input();
    let findings: Finding[];
    try {
      findings = checkReport(doc, previous);
    } catch (err) {
      findings = [
        {
          rule: 'internal.check',
          severity: 'error',
          message: `校验程序出错：${err instanceof Error ? err.message : String(err)}。请把这条信息告诉技术支持，填写的内容不受影响。`,
          cells: [],
        },
      ];
    }
    this.onFindings([...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]));
  }

  dispose() {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
