// The 导出 step's check of the 公文 fonts on this PC: which of 仿宋_GB2312, 楷体_GB2312, 方正小标宋简体
// and 黑体 are missing, what Word will use instead, and that the printed page will differ. The
// desktop asks Chromium for the local font list (queryLocalFonts); a browser, or a desktop where the
// list is refused, measures text set in the font against its fallbacks. The result is sent to the
// API, which writes it into the record of the next export.
import { useEffect, useState } from 'react';
import { Alert } from '@mui/material';
import { api } from '../../api/client';
import { FONT_ALIASES, OFFICIAL_FONTS, fontCheckMessage } from '../../../shared/print/fonts';
import type { FontCheck as FontCheckResult } from '../../../shared/print/fonts';

interface LocalFont {
  family: string;
  fullName: string;
  postscriptName: string;
}

/** The local font list (desktop, Chromium's Local Font Access), or null where it is not offered. */
async function localFontNames(): Promise<Set<string> | null> {
  const query = (window as unknown as { queryLocalFonts?: () => Promise<LocalFont[]> }).queryLocalFonts;
  if (!query) return null;
  try {
    const fonts = await query();
    if (fonts.length === 0) return null;
    return new Set(fonts.flatMap((f) => [f.family, f.fullName, f.postscriptName]));
  } catch {
    return null;
  }
}

const SAMPLE = '政府信息公开工作年度报告永安市小陶镇2025';

/**
 * Whether a font is installed, measured: text set in it with a generic fallback behind is as wide
 * as the fallback alone for every fallback only when the font is missing. (document.fonts.check
 * answers true for a font it need not download, installed or not, so it is asked first and the
 * width decides.)
 */
function measuredPresent(name: string): boolean {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return false;
  const width = (family: string) => {
    ctx.font = `32px ${family}`;
    return ctx.measureText(SAMPLE).width;
  };
  return FONT_ALIASES[name].some((alias) => {
    if (!document.fonts.check(`32px "${alias}"`)) return false;
    return ['monospace', 'serif', 'sans-serif'].some((generic) => Math.abs(width(`"${alias}", ${generic}`) - width(generic)) > 0.5);
  });
}

export async function checkOfficialFonts(): Promise<FontCheckResult> {
  const local = await localFontNames();
  if (local) return { method: 'local-fonts', missing: OFFICIAL_FONTS.filter((f) => !FONT_ALIASES[f.name].some((a) => local.has(a))).map((f) => f.name) };
  return { method: 'measured', missing: OFFICIAL_FONTS.filter((f) => !measuredPresent(f.name)).map((f) => f.name) };
}

export function FontCheck() {
  const [check, setCheck] = useState<FontCheckResult | null>(null);
  useEffect(() => {
    let live = true;
    void checkOfficialFonts().then(async (result) => {
      if (!live) return;
      setCheck(result);
      // Kept by the API for the export record; a failure here must not block the export.
      await api.recordFontCheck(result).catch(() => undefined);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!check) return null;
  return (
    <Alert severity={check.missing.length ? 'warning' : 'success'} sx={{ mt: 2 }} data-testid="font-check" data-missing={check.missing.join(',')}>
      {fontCheckMessage(check)}
    </Alert>
  );
}
