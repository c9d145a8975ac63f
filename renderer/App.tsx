// The app's frame: loads the unit (first run asks for it), then shows either the list of reports
// or one report's wizard. Where the clerk is (report and step) lives in the URL hash and in the
// stored UI state, so a reload or a restart returns to the same place.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress } from '@mui/material';
import { api } from './api/client';
import type { Unit } from '../shared/report';
import { parseHash, routeHash, type Route } from './route';
import { ErrorBoundary } from './ErrorBoundary';

// Each screen is its own chunk, loaded when first shown: the first screen does not wait for the
// wizard (the rules, the formats' tables) to be parsed.
// A screen whose code has arrived is rendered directly, not through Suspense: React holds a
// suspended screen back for up to 300 ms once a fallback has shown, which was a third of the
// first screen's time.
let listModule: typeof import('./features/reports/ReportList') | null = null;
let wizardModule: typeof import('./features/wizard/Wizard') | null = null;
const loadReportList = () => import('./features/reports/ReportList').then((m) => (listModule = m));
const loadWizard = () => import('./features/wizard/Wizard').then((m) => (wizardModule = m));
const UnitSetup = lazy(() => import('./features/unit/UnitSetup').then((m) => ({ default: m.UnitSetup })));
const LazyReportList = lazy(() => loadReportList().then((m) => ({ default: m.ReportList })));
const LazyWizard = lazy(() => loadWizard().then((m) => ({ default: m.Wizard })));
function ReportList(props: Parameters<typeof LazyReportList>[0]) {
  return listModule ? <listModule.ReportList {...props} /> : <LazyReportList {...props} />;
}
function Wizard(props: Parameters<typeof LazyWizard>[0]) {
  return wizardModule ? <wizardModule.Wizard {...props} /> : <LazyWizard {...props} />;
}
// The screen the URL names starts loading at once, alongside the first API calls.
let firstScreen: Promise<unknown> | null = (parseHash(window.location.hash).name === 'report' ? loadWizard() : loadReportList()).catch(() => undefined);

const Loading = (props: { label: string }) => (
  <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
    <CircularProgress aria-label={props.label} />
  </Box>
);

// The first screen's questions go out as soon as the script runs, together, not one after another
// behind the first render: the unit, where the clerk was, and the list of reports.
const freshStart = !window.location.hash || window.location.hash === '#' || window.location.hash === '#/';
let early: { unit: ReturnType<typeof api.getUnit>; ui: ReturnType<typeof api.getUiState> | null } | null = {
  unit: api.getUnit({}),
  ui: freshStart ? api.getUiState({}) : null,
};
let earlyReports: ReturnType<typeof api.listReports> | null = parseHash(window.location.hash).name === 'home' ? api.listReports({}) : null;

/** The list asked for at start, once; later visits to the list ask again. */
function takeEarlyReports() {
  const r = earlyReports;
  earlyReports = null;
  return r;
}

// 县级审查 is for the county office only: its code loads when it is opened.
const CountyView = lazy(() => import('./features/county/CountyView'));
// 申请登记台账 (issue 24): its own chunk too.
const RegisterView = lazy(() => import('./features/register/RegisterView'));

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; unit: (Unit & { id: number }) | null };

export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));

  const load = useCallback(async () => {
    setLoaded({ state: 'loading' });
    const first = early;
    early = null;
    const unit = await (first?.unit ?? api.getUnit({}));
    if (!unit.ok) return setLoaded({ state: 'error', message: unit.error.message });
    // No place in the URL (a fresh start): go back to where the clerk was last time (the host
    // answers only with a report that still exists).
    if (!window.location.hash || window.location.hash === '#' || window.location.hash === '#/') {
      const ui = await (first?.ui ?? api.getUiState({}));
      if (ui.ok && ui.value.reportId) navigate({ name: 'report', id: ui.value.reportId, step: ui.value.step }, true);
    }
    // The first screen's code, asked for at start, is here before the screen shows (no Suspense on the way).
    if (firstScreen) await firstScreen;
    firstScreen = null;
    setLoaded({ state: 'ready', unit: unit.value });
  }, []);

  useEffect(() => {
    void load();
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [load]);

  const navigate = (to: Route, replace = false) => {
    // A list asked for at start is stale once the clerk has been in a report.
    if (to.name === 'report') earlyReports = null;
    const hash = routeHash(to);
    if (replace) history.replaceState(null, '', hash);
    else if (window.location.hash !== hash) history.pushState(null, '', hash);
    setRoute(to);
    void api.setUiState(to.name === 'report' ? { reportId: to.id, step: to.step } : { reportId: null, step: null });
  };

  if (loaded.state === 'loading') return <Loading label="正在载入" />;
  if (loaded.state === 'error')
    return (
      <Box sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
        <Alert severity="error" action={<Button onClick={() => void load()}>重试</Button>}>
          {loaded.message}
        </Alert>
      </Box>
    );
  const unit = loaded.unit;
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading label="正在载入" />}>
        {route.name === 'county' ? (
          <CountyView onClose={() => navigate({ name: 'home' })} />
        ) : !unit ? (
          <>
            <UnitSetup onSaved={(u) => setLoaded({ state: 'ready', unit: u })} />
            {/* A county office has no unit of its own to set up: 县级审查 is offered from the first screen. */}
            <Button
              variant="outlined"
              size="small"
              onClick={() => navigate({ name: 'county' })}
              sx={{ position: 'fixed', right: 16, bottom: 16, bgcolor: 'background.paper' }}
            >
              县级审查（县政务公开办使用）
            </Button>
          </>
        ) : route.name === 'register' ? (
          <RegisterView
            year={route.year ?? new Date().getFullYear()}
            onYear={(year) => navigate({ name: 'register', year }, true)}
            onClose={() => navigate({ name: 'home' })}
          />
        ) : route.name === 'report' ? (
          <Wizard
            key={route.id}
            reportId={route.id}
            step={route.step}
            onStep={(step) => navigate({ name: 'report', id: route.id, step }, true)}
            onClose={() => navigate({ name: 'home' })}
          />
        ) : (
          <ReportList
            unit={unit}
            preloaded={takeEarlyReports()}
            onUnitSaved={(u) => setLoaded({ state: 'ready', unit: u })}
            onOpen={(id, step) => navigate({ name: 'report', id, step: step ?? null })}
          />
        )}
      </Suspense>
    </ErrorBoundary>
  );
}
