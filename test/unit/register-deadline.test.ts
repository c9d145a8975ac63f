// Answer deadlines, worked by hand from 《政府信息公开条例》第三十至三十三条 on the State Council's
// holiday notices (国办发明电〔2024〕12号 for 2025, the 2026 notice), and checked against the
// program's calendar (chinese-days, plus the clerk's 节假日安排 for a year the library lacks).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApplicationSchema, type ApplicationInput } from '../../shared/register/model';
import { deadlineOf, WorkCalendar } from '../../shared/register/deadline';

const calendar = new WorkCalendar();
const app = (extra: Partial<ApplicationInput>) => ApplicationSchema.parse({ id: 'T1', receivedOn: '2025-03-03', applicantType: 'natural_person', ...extra });

describe('第三十三条: 20 working days, 延期 20 more', () => {
  it('received Monday 3 March 2025: the 20th working day after is Monday 31 March', () => {
    const d = deadlineOf(app({}), calendar, '2025-03-10');
    assert.equal(d.clockFrom, '2025-03-03');
    assert.equal(d.due, '2025-03-31');
    assert.equal(d.state, 'open');
    assert.equal(d.workdaysLeft, 15);
    assert.deepEqual(d.guessedYears, []);
  });

  it('延期: 20 more from 1 April skip 清明 (4 April) and count 调休 Sunday 27 April: due 28 April', () => {
    const d = deadlineOf(app({ extended: true, extendedOn: '2025-03-28' }), calendar, '2025-04-01');
    assert.equal(d.workdays, 40);
    assert.equal(d.due, '2025-04-28');
  });

  it('answered on the due date is in time; the next day is 逾期答复', () => {
    assert.equal(deadlineOf(app({ answeredOn: '2025-03-31', outcome: 'granted' }), calendar, '2025-06-01').state, 'answered');
    const late = deadlineOf(app({ answeredOn: '2025-04-01', outcome: 'granted' }), calendar, '2025-06-01');
    assert.equal(late.state, 'answered_late');
    assert.equal(late.label, '逾期答复');
  });

  it('open past the due date is overdue by working days; within 5 working days it is due soon', () => {
    const over = deadlineOf(app({}), calendar, '2025-04-03');
    assert.equal(over.state, 'overdue');
    assert.equal(over.workdaysLeft, -3);
    assert.equal(over.label, '逾期 3 个工作日');
    const soon = deadlineOf(app({}), calendar, '2025-03-25');
    assert.equal(soon.state, 'due_soon');
    assert.equal(soon.workdaysLeft, 4);
  });
});

describe('第三十条: 补正 restarts the clock', () => {
  it('corrected application received Monday 17 March: due 15 April (清明 4 April not counted)', () => {
    const d = deadlineOf(app({ correctionAskedOn: '2025-03-07', correctionReceivedOn: '2025-03-17' }), calendar, '2025-03-20');
    assert.equal(d.clockFrom, '2025-03-17');
    assert.equal(d.due, '2025-04-15');
    assert.equal(d.correctionNoticeLate, false);
  });

  it('while the correction is awaited there is no due date; asked after the 7th working day is flagged', () => {
    const waiting = deadlineOf(app({ correctionAskedOn: '2025-03-13' }), calendar, '2025-04-20');
    assert.equal(waiting.state, 'awaiting_correction');
    assert.equal(waiting.due, null);
    // 7 working days after 3 March is 12 March.
    assert.equal(waiting.correctionNoticeLate, true);
    assert.equal(deadlineOf(app({ correctionAskedOn: '2025-03-12' }), calendar, '2025-03-20').correctionNoticeLate, false);
  });
});

describe('第三十三条第三款: 征求第三方意见 time not counted', () => {
  it('consultation 10–21 March (10 working days) moves the due date from 31 March to 15 April', () => {
    const d = deadlineOf(app({ consultationFrom: '2025-03-10', consultationTo: '2025-03-21' }), calendar, '2025-03-24');
    assert.equal(d.consultationWorkdays, 10);
    assert.equal(d.due, '2025-04-15');
  });

  it('a consultation still under way stops the clock up to today', () => {
    const d = deadlineOf(app({ consultationFrom: '2025-03-10' }), calendar, '2025-03-14');
    assert.equal(d.consultationWorkdays, 5);
    assert.equal(d.due, '2025-04-08');
  });
});

describe('年末 applications across the New Year and the Spring Festival', () => {
  it('received 31 December 2024: 元旦, the 春节 holiday (28 Jan–4 Feb) skipped, 调休 Sunday 26 January counted: due 5 February 2025', () => {
    const open = app({ id: '2024-31', receivedOn: '2024-12-31' });
    const d = deadlineOf(open, calendar, '2025-01-27');
    assert.equal(d.due, '2025-02-05');
    assert.equal(d.workdaysLeft, 1);
    assert.equal(d.state, 'due_soon');
    assert.equal(deadlineOf({ ...open, answeredOn: '2025-01-27', outcome: 'granted' }, calendar, '2025-03-01').state, 'answered');
    assert.equal(deadlineOf({ ...open, answeredOn: '2025-02-06', outcome: 'granted' }, calendar, '2025-03-01').state, 'answered_late');
  });

  it('received 29 December 2025 with 延期: 元旦 1–3 January, 调休 4 January, the 2026 春节 (15–23 Feb) and 调休 14 and 28 February: due 2 March 2026', () => {
    const d = deadlineOf(app({ receivedOn: '2025-12-29', extended: true }), calendar, '2026-01-05');
    assert.equal(d.due, '2026-03-02');
  });
});

describe('a year the calendar library does not know', () => {
  const received = app({ receivedOn: '2027-01-29' });
  it('counts weekends only and says the year was guessed', () => {
    const d = deadlineOf(received, new WorkCalendar(), '2027-02-01');
    assert.deepEqual(d.guessedYears, [2027]);
    // 20 weekdays after Friday 29 January 2027.
    assert.equal(d.due, '2027-02-26');
  });

  it("the clerk's 节假日安排 for 2027 moves the due date past the holiday and counts its 调休 Saturday", () => {
    const clerk = new WorkCalendar([
      {
        year: 2027,
        holidays: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
        workdays: ['2027-02-20'],
      },
    ]);
    const d = deadlineOf(received, clerk, '2027-02-01');
    assert.deepEqual(d.guessedYears, []);
    // 6 holiday weekdays later, one 调休 Saturday earlier: 5 more weekdays → Friday 5 March.
    assert.equal(d.due, '2027-03-05');
  });
});
