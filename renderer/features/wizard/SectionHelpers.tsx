// Per-section writing helpers beside the editor: 五's problem + measure pairs and 六's fee statement.
import { useEffect, useState } from 'react';
import { Box, Button, FormControlLabel, Paper, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { parseCellInput } from '../../../shared/number';
import { FEE_SENTENCE, feeStatement, problemPairs } from './text-logic';

export function ProblemHelper(props: { text: string; onInsert: (paras: string[], select?: string) => void }) {
  const pairs = problemPairs(props.text);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="subtitle2">问题与改进措施</Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        每个问题后面紧跟它的改进措施。点下面的按钮添加一对，光标会停在“问题：”后面；写完按 ↓ 到“改进措施：”一行接着写。
      </Typography>
      <Button
        variant="outlined"
        size="small"
        fullWidth
        onClick={() => props.onInsert([`${pairs.count + 1}.问题：`, '改进措施：'], `${pairs.count + 1}.问题：`)}
        data-add-problem
      >
        添加问题与改进措施
      </Button>
      {pairs.missing.length > 0 && (
        <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5, color: 'error.main', fontSize: 12 }} data-problem-pairs>
          {pairs.missing.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </Box>
      )}
    </Paper>
  );
}

export function FeeHelper(props: { text: string; onChange: (t: string, select?: [number, number]) => void }) {
  const [mode, setMode] = useState<'none' | 'charged'>('none');
  const [amount, setAmount] = useState('');
  const [count, setCount] = useState('');
  const [problem, setProblem] = useState('');
  const existing = FEE_SENTENCE.exec(props.text)?.[0] ?? null;
  useEffect(() => setProblem(''), [mode, amount, count]);

  const apply = () => {
    let sentence = feeStatement(null);
    if (mode === 'charged') {
      const a = parseCellInput(amount, 'money');
      const c = parseCellInput(count, 'count');
      if (!a.ok) return setProblem(`金额：${a.message.replace(/万元/g, '元').replace(/最多4位小数/, '最多2位小数')}`);
      if (!c.ok) return setProblem(`件数：${c.message}`);
      if (a.value === 0 || c.value === 0) return setProblem('金额和件数都应大于 0；没有收费请选“未收取”。');
      if (Math.round(a.value * 100) !== a.value * 100) return setProblem('金额单位是元，最多写到分（2位小数）。');
      sentence = feeStatement({ amountYuan: a.value, requests: c.value });
    }
    // One fee statement per report: replace the old one, else put it first.
    if (existing) {
      const i = props.text.indexOf(existing);
      props.onChange(props.text.slice(0, i) + sentence + props.text.slice(i + existing.length), [i, i + sentence.length]);
    } else {
      const next = props.text ? `${sentence}\n${props.text}` : sentence;
      props.onChange(next, [0, sentence.length]);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-fee-helper>
      <Typography variant="subtitle2">信息处理费</Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {existing ? `文中已有：“${existing}”` : '文中还没有写收费情况。'}
      </Typography>
      <RadioGroup value={mode} onChange={(e) => setMode(e.target.value as 'none' | 'charged')}>
        <FormControlLabel value="none" control={<Radio size="small" />} label="本年度未收取" />
        <FormControlLabel value="charged" control={<Radio size="small" />} label="收取了信息处理费" />
      </RadioGroup>
      {mode === 'charged' && (
        <Box sx={{ display: 'flex', gap: 1, mb: 1 }}>
          <TextField
            label="金额（元）"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-field': 'fee.amount' } }}
          />
          <TextField
            label="涉及申请（件）"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-field': 'fee.count' } }}
          />
        </Box>
      )}
      {problem && (
        <Typography variant="caption" color="error" component="p" role="alert" sx={{ mb: 1 }}>
          {problem}
        </Typography>
      )}
      <Button variant="outlined" size="small" fullWidth onClick={apply} data-fee-apply>
        {existing ? '替换文中的收费说明' : '写入收费说明'}
      </Button>
    </Paper>
  );
}
