// The preview's line breaks for punctuation and Latin strings (issue 22, defect 5): nothing hangs
// past the 28 字 line, a closing mark that does not fit takes the character before it along, a
// web or e-mail address is broken where the line ends (not moved whole, leaving the line before it
// short), a number only after its own hyphen; the text is never changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakLines } from '../../shared/print/paginate';
import { isAddress, printedWidth } from '../../shared/print/page-layout';

const lines = (text: string) => breakLines([{ text, style: 'body' }]).map((l) => l.map((s) => s.text).join(''));
const cap = (i: number) => (i === 0 ? 26 : 28);

test('no hanging punctuation: a closing mark that does not fit takes the character before it to the next line', () => {
  // 26 字 on the first line, then 「，」 would be the 27th: 「面，」 go down together.
  const text = `${'一'.repeat(25)}面，工作考核${'二'.repeat(30)}。`;
  const out = lines(text);
  assert.equal(out.join(''), text);
  assert.equal(out[0], '一'.repeat(25));
  assert.ok(out[1].startsWith('面，'), out[1]);
  for (const [i, l] of out.entries()) assert.ok(printedWidth(l) <= cap(i) + 1e-9, `line ${i + 1} is ${printedWidth(l).toFixed(2)} 字: 「${l}」`);
  for (const l of out.slice(1)) assert.doesNotMatch(l, /^[，。、：；？！）》」』】”’]/);
});

test('an address that does not fit is broken where the line ends; the line before it stays full', () => {
  const address = 'xiaotaozhen_dangzhengban2025@yongan.gov.cn';
  const text = `本镇政府信息公开工作机构电子邮箱为${address}，欢迎监督。`;
  const out = lines(text);
  assert.equal(out.join(''), text);
  assert.ok(out[0].includes('xiao'), `the address moved whole to the next line: ${JSON.stringify(out)}`);
  // Full to within one Latin letter and the room kept at a line's end.
  assert.ok(printedWidth(out[0]) > cap(0) - 0.8, `first line only ${printedWidth(out[0]).toFixed(2)} 字: 「${out[0]}」`);
  // 避头尾 inside the address: no piece starts with 「.」, 「-」 or 「:」.
  for (const l of out.slice(1)) assert.doesNotMatch(l, /^[.:\-,;!?)]/);
});

test('a number breaks only after its own hyphen, never between digits', () => {
  const text = `${'一'.repeat(20)}电话0598-3781234转8001，电话13905981234。`;
  const out = lines(text);
  assert.equal(out.join(''), text);
  assert.equal(out[0], `${'一'.repeat(20)}电话0598-`);
  const mobile = `${'一'.repeat(22)}电话13905981234。`;
  const m = lines(mobile);
  assert.ok(
    m.some((l) => l.includes('13905981234')),
    JSON.stringify(m),
  );
});

test('what counts as an address: e-mail and web addresses, not numbers, dates or amounts', () => {
  for (const a of ['xtzdzb@163.com', 'www.ya.gov.cn', 'http://www.ya.gov.cn/', 'ya.gov.cn/zwgk']) assert.ok(isAddress(a), a);
  for (const n of ['0598-3781234', '2025', '98.6%', '3.72', '13905981234', '1.', 'No.3']) assert.ok(!isAddress(n), n);
});
