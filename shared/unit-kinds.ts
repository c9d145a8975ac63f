// The kinds of 机关 a report is written for, and their names.
export const UNIT_KINDS = ['township', 'subdistrict', 'county_department', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  township: '乡镇人民政府',
  subdistrict: '街道办事处',
  county_department: '县级部门',
  other: '其他机关',
};
