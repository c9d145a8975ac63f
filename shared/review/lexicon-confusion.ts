// Which characters a clerk writes for each other (issue 19 §4, typos in fixed terms): the same
// sound (pinyin-pro's usual reading, tones ignored), a near one (fuzzy pinyin: zh/z, ch/c, sh/s,
// -ng/-n) or the same look (a small table of look-alike characters).
import { pinyin } from 'pinyin-pro';

/** Characters often written for each other because they look alike (each group: all alike). */
const LOOK_ALIKE_GROUPS: readonly string[] = [
  '己已巳',
  '金全',
  '握捂',
  '织识职',
  '设没',
  '未末',
  '土士',
  '日曰',
  '申甲由电',
  '侯候',
  '拨拔',
  '戊戌戍',
  '辨辩辫',
  '贝见',
  '人入八',
  '大太犬',
  '天夭',
  '王玉主',
  '今令',
  '免兔',
  '夫失',
  '干千于',
  '刀力',
  '市布',
  '休体',
  '住往',
  '使便',
  '侍待持',
  '准淮',
  '徒徙',
  '析折',
  '复夏',
  '审宙',
  '查杳',
  '理埋',
  '务各',
  '公分',
  '开升幵',
  '网冈',
  '处外',
  '受爱',
  '列例',
  '规现',
  '项顶',
  '章竟',
  '策案',
  '政攻',
  '报极',
  '诉拆沂',
  '讼松',
  '议仪',
  '府腐',
  '息患急',
  '请诸',
  '结给',
  '转传专',
  '制刹',
  '度席',
  '管营',
  '监临',
  '督替',
  '核该',
  '评抨',
  '许浒',
  '罚罪',
  '强弦',
  '费贵',
  '采菜',
  '购构',
  '限很',
  '期斯',
  '办为',
  '答签',
  '予矛子',
  '供洪',
  // The lexicon's frequent characters and the characters drawn like them (one stroke or one component away).
  '件仵伴',
  '年午',
  '本木',
  '第弟笫',
  '其具',
  '作怎昨',
  '收牧',
  '目自且',
  '服报',
  '内肉',
  '要耍',
  '民氏',
  '业亚',
  '发友',
  '动功',
  '正止',
  '告吉',
  '无元',
  '国图固',
  '补扑朴',
  '平乎',
  '范苑',
  '考老',
  '区匹',
  '问间',
  '导异',
  '式武',
  '律津',
  '集焦',
];

const LOOK_ALIKE = new Map<string, Set<string>>();
for (const g of LOOK_ALIKE_GROUPS) {
  for (const a of g) {
    let s = LOOK_ALIKE.get(a);
    if (!s) LOOK_ALIKE.set(a, (s = new Set()));
    for (const b of g) if (b !== a) s.add(b);
  }
}

const readingCache = new Map<string, [string, string]>();
/**
 * A character's usual reading without tone (行: xing), and as input methods' fuzzy pinyin hears it
 * (zh/z, ch/c, sh/s, -ng/-n alike: 诉 su, 述 shu). Only the usual readings are compared: a rare
 * reading (和 read huo) is not what a clerk typed when picking the wrong character.
 */
function reading(ch: string): [string, string] {
  let r = readingCache.get(ch);
  if (r === undefined) {
    const exact = pinyin(ch, { toneType: 'none' });
    readingCache.set(ch, (r = [exact, exact.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n')]));
  }
  return r;
}

export type Confusion = 'homophone' | 'near-homophone' | 'look-alike';

const confusionCache = new Map<string, Confusion | null>();

/** Why `written` may stand for `right`: the same sound, a near one, the same look, or null. */
export function confusion(right: string, written: string): Confusion | null {
  if (right === written) return null;
  const k = right + written;
  const hit = confusionCache.get(k);
  if (hit !== undefined) return hit;
  const [a, fa] = reading(right);
  const [b, fb] = reading(written);
  const why: Confusion | null = LOOK_ALIKE.get(right)?.has(written) ? 'look-alike' : a === b ? 'homophone' : fa === fb ? 'near-homophone' : null;
  confusionCache.set(k, why);
  return why;
}
