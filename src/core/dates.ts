/**
 * Calendar dates as ISO strings "YYYY-MM-DD" (no time, no time zone) and Excel serials.
 * Excel's 1900 date system counts 1900-02-29, which never existed; serial 60 is that phantom day,
 * so dates from 1900-03-01 on are offset by one (all dates this product meets are far later).
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 in UTC: serial 0 once the phantom leap day is accounted for. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses "YYYY-MM-DD"; returns null when the text is not a real calendar date. */
export function parseIsoDate(text: string): IsoDate | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return null;
  return isoDate(y, m, d);
}

export function isoParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function toUtcMs(date: IsoDate): number {
  const { year, month, day } = isoParts(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

export function excelSerialFromIso(date: IsoDate): number {
  return Math.round((toUtcMs(date) - EXCEL_EPOCH_MS) / MS_PER_DAY);
}

/** The calendar day of an Excel serial (the fraction, a time of day, is ignored). */
export function isoFromExcelSerial(serial: number): IsoDate {
  return fromUtcMs(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY);
}

/** Day of week, 0 = Sunday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Today in the machine's local time zone (shells only: the core never reads the clock). */
export function localToday(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
