// 基本信息: the report's unit details, title, statistics period, preamble items, 署名, 成文日期 and
// the 红头 settings. Every change is saved as typed (through the session).
import { useState } from 'react';
import { Alert, Box, Button, FormControlLabel, Grid, MenuItem, Paper, Switch, TextField, Typography } from '@mui/material';
import { defaultPeriod, defaultTitle } from '../../../shared/report';
import type { Unit } from '../../../shared/report';
import { UnitFields, normaliseUnit, validateUnit, type UnitErrors } from '../unit/UnitFields';
import { useTopic, useTopicDeferred } from './hooks';
import { ChineseDateField } from './ChineseDateField';
import { REPORT_STATUS_HINT, statusLabel } from '../../labels';
import type { ReportSession } from './session';
import { FindingItem } from './FindingItem';
import { findingStep } from './steps';

/** The findings that belong to 基本信息 (title, dates, 红头): the step's count links here. */
function BasicFindings({ session }: { session: ReportSession }) {
  useTopicDeferred(session, 'findings');
  const list = session.findings.filter((f) => findingStep(f, session.doc) === 'basic');
  if (!list.length) return null;
  return (
    <Box sx={{ mb: 2 }} data-findings="basic">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
        本页检查结果
      </Typography>
      <Paper variant="outlined">
        {list.map((f, i) => (
          <FindingItem key={`${f.rule}-${i}`} session={session} finding={f} />
        ))}
      </Paper>
    </Box>
  );
}

function Section(props: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5, mb: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: props.hint ? 0.25 : 1.5 }}>
        {props.title}
      </Typography>
      {props.hint && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {props.hint}
        </Typography>
      )}
      {props.children}
    </Paper>
  );
}

export function BasicInfoStep({ session }: { session: ReportSession }) {
  useTopic(session, 'doc');
  const doc = session.doc;
  const [unit, setUnit] = useState<Unit>(doc.unit);
  const [unitErrors, setUnitErrors] = useState<UnitErrors>({});
  const titleDefault = defaultTitle(doc.unit.name, doc.year);
  const periodDefault = defaultPeriod(doc.year);

  const changeUnit = (u: Unit) => {
    setUnit(u);
    const e = validateUnit(u);
    setUnitErrors(e);
    // Only a valid unit is stored; until then the errors say what to fix.
    if (!Object.keys(e).length) {
      const next = normaliseUnit({ ...u, signature: u.signature || doc.unit.signature });
      const patch: Parameters<ReportSession['patchMeta']>[0] = { unit: next };
      // A title still equal to the generated one follows the new name.
      if (!doc.title || doc.title === titleDefault) patch.title = defaultTitle(next.name, doc.year);
      if (!doc.signature || doc.signature === doc.unit.name) patch.signature = next.name;
      session.patchMeta(patch);
    }
  };

  const titleProblem = !doc.title.trim() ? '标题不能为空；可以点“恢复默认标题”' : doc.title.length > 120 ? '标题不超过120个字' : '';
  const dateProblem = !doc.date
    ? ''
    : Number(doc.date.slice(0, 4)) <= doc.year
      ? `成文日期一般在报告年度之后（${doc.year + 1}年1月），请核对`
      : doc.date > `${doc.year + 2}-01-31`
        ? `成文日期离报告年度太远（一般在${doc.year + 1}年1月），请核对年份`
        : '';

  return (
    <Box>
      <Typography variant="h5" component="h2" sx={{ mb: 2 }}>
        基本信息
      </Typography>
      <BasicFindings session={session} />
      <Section title="报告">
        <Grid container columnSpacing={2} rowSpacing={1}>
          <Grid size={2}>
            <TextField
              label="报告年度"
              value={`${doc.year}年`}
              fullWidth
              slotProps={{ htmlInput: { readOnly: true, 'data-field': 'year' } }}
              helperText="创建后不能修改"
            />
          </Grid>
          <Grid size={8}>
            <TextField
              label="标题"
              fullWidth
              value={doc.title}
              placeholder={titleDefault}
              error={!!titleProblem}
              helperText={titleProblem || (doc.title === titleDefault ? '默认标题：机关名称 + 年度 + 政府信息公开工作年度报告' : '已改为自定标题')}
              onChange={(e) => session.patchMeta({ title: e.target.value })}
              slotProps={{ htmlInput: { 'data-field': 'title' } }}
            />
          </Grid>
          <Grid size={2} sx={{ pt: 0.5 }}>
            <Button fullWidth variant="outlined" disabled={doc.title === titleDefault} onClick={() => session.patchMeta({ title: titleDefault })}>
              恢复默认标题
            </Button>
          </Grid>
          <Grid size={5}>
            <TextField
              label="统计期限"
              fullWidth
              value={doc.period || periodDefault}
              onChange={(e) => session.patchMeta({ period: e.target.value === periodDefault ? '' : e.target.value })}
              helperText={doc.period ? '与默认不同：请确认' : '默认为报告年度的1月1日至12月31日'}
              slotProps={{ htmlInput: { 'data-field': 'period' } }}
            />
          </Grid>
          <Grid size={2}>
            <TextField
              select
              label="报告状态"
              fullWidth
              value={session.stored.status}
              onChange={(e) => session.patchMeta({ status: e.target.value as 'draft' | 'final' })}
              helperText={REPORT_STATUS_HINT}
              slotProps={{ htmlInput: { 'data-field': 'status' } }}
            >
              <MenuItem value="draft">{statusLabel('draft')}</MenuItem>
              <MenuItem value="final">{statusLabel('final')}</MenuItem>
            </TextField>
          </Grid>
        </Grid>
      </Section>

      <Section title="机关信息" hint="本报告使用的机关信息（创建报告时从“机关信息”带入）。在这里修改只影响本报告。">
        <UnitFields value={unit} onChange={changeUnit} errors={unitErrors} showSignature={false} />
        {Object.keys(unitErrors).length > 0 && <Alert severity="warning">机关信息有误，改正前不会保存这一部分，其余内容照常保存。</Alert>}
      </Section>

      <Section title="正文开头（引言）" hint="大多数已公开的年度报告在正文前有一段引言，说明编制依据、统计期限和联系方式。按需要选择。">
        <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
          <FormControlLabel
            control={<Switch checked={doc.preamble.basis} onChange={(e) => session.patchMeta({ preamble: { ...doc.preamble, basis: e.target.checked } })} />}
            label="写明编制依据（《政府信息公开条例》）"
          />
          <FormControlLabel
            control={<Switch checked={doc.preamble.period} onChange={(e) => session.patchMeta({ preamble: { ...doc.preamble, period: e.target.checked } })} />}
            label="写明统计期限"
          />
          <FormControlLabel
            control={
              <Switch checked={doc.preamble.contact} onChange={(e) => session.patchMeta({ preamble: { ...doc.preamble, contact: e.target.checked } })} />
            }
            label="写明联系方式（地址、邮编、电话、邮箱）"
          />
        </Box>
        <TextField
          label="电子版发布位置（可不填）"
          fullWidth
          sx={{ mt: 1.5 }}
          value={doc.preamble.publishedAt}
          placeholder="例如：永安市人民政府门户网站（www.ya.gov.cn）“政府信息公开”专栏"
          onChange={(e) => session.patchMeta({ preamble: { ...doc.preamble, publishedAt: e.target.value } })}
          helperText="写入引言：“本报告电子版可在……查阅或下载”"
          slotProps={{ htmlInput: { maxLength: 200, 'data-field': 'publishedAt' } }}
        />
      </Section>

      <Section title="落款">
        <Grid container columnSpacing={2}>
          <Grid size={8}>
            <TextField
              label="署名"
              fullWidth
              value={doc.signature}
              placeholder={doc.unit.name}
              error={!doc.signature.trim()}
              helperText={!doc.signature.trim() ? '请填写署名，一般为机关全称' : '印在正文末尾右下方，一般为机关全称'}
              onChange={(e) => session.patchMeta({ signature: e.target.value })}
              slotProps={{ htmlInput: { maxLength: 60, 'data-field': 'signature' } }}
            />
          </Grid>
          <Grid size={4}>
            {/* Optional: the export prints “年　月　日” to be written by hand when it is blank. */}
            <ChineseDateField
              label="成文日期（可不填）"
              dataField="date"
              value={doc.date}
              onChange={(date) => session.patchMeta({ date: date as '' })}
              warning={dateProblem}
              helperText={doc.date ? '印在署名下方' : `可以先不填：导出时落款印作“${doc.year + 1}年　月　日”，打印后手写`}
            />
          </Grid>
        </Grid>
      </Section>

      <Section title="红头文件（可选）" hint="需要以机关文件形式印发时，导出的 Word 会带发文机关标志和发文字号。">
        <FormControlLabel
          control={
            <Switch
              checked={doc.letterhead.enabled}
              onChange={(e) =>
                session.patchMeta({ letterhead: { ...doc.letterhead, enabled: e.target.checked, issuer: doc.letterhead.issuer || `${doc.unit.name}文件` } })
              }
            />
          }
          label="以红头文件形式印发"
        />
        {doc.letterhead.enabled && (
          <Grid container columnSpacing={2} sx={{ mt: 1 }}>
            <Grid size={7}>
              <TextField
                label="发文机关标志"
                fullWidth
                value={doc.letterhead.issuer}
                placeholder={`${doc.unit.name}文件`}
                onChange={(e) => session.patchMeta({ letterhead: { ...doc.letterhead, issuer: e.target.value } })}
                slotProps={{ htmlInput: { maxLength: 60, 'data-field': 'letterhead.issuer' } }}
              />
            </Grid>
            <Grid size={5}>
              <TextField
                label="发文字号"
                fullWidth
                value={doc.letterhead.docNumber}
                placeholder={`例如：某政〔${doc.year + 1}〕1号`}
                helperText="年份用六角括号〔〕，序号不编虚位"
                onChange={(e) => session.patchMeta({ letterhead: { ...doc.letterhead, docNumber: e.target.value } })}
                slotProps={{ htmlInput: { maxLength: 40, 'data-field': 'letterhead.docNumber' } }}
              />
            </Grid>
          </Grid>
        )}
      </Section>
    </Box>
  );
}
