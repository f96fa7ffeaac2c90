// Dates on the board: in Vietnam's time (UTC+07:00, no summer time) whatever the screen's own
// zone, since deadlines are set as "end of that day in Vietnam"; in the page's language.
const kZone = 'Asia/Ho_Chi_Minh';
const kDayMs = 86400000;

function locale(language) { return language === 'vi' ? 'vi-VN' : 'en-GB'; }

function valid(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

// "31/01/2027", with the time only when it is not the end of the day ("… 14:00").
export function deadlineText(iso, language) {
  const date = valid(iso);
  if (!date) return iso ? String(iso) : '';
  const parts = {day: '2-digit', month: '2-digit', year: 'numeric', timeZone: kZone};
  const time = date.toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit', second: '2-digit',
    hour12: false, timeZone: kZone});
  if (time === '23:59:59') return date.toLocaleDateString(locale(language), parts);
  return dateThenTime(date, language);
}

// "31/01/2027 14:00" (vi-VN would put the time first), "31/01/2027, 14:00" in English.
function dateThenTime(date, language) {
  const day = date.toLocaleDateString(locale(language), {day: '2-digit', month: '2-digit',
    year: 'numeric', timeZone: kZone});
  const time = date.toLocaleTimeString(locale(language), {hour: '2-digit', minute: '2-digit',
    hour12: false, timeZone: kZone});
  return language === 'vi' ? `${day} ${time}` : `${day}, ${time}`;
}

// "Thứ Hai, 01/02/2027 · 10:00" for the header clock.
export function clockText(date, language) {
  const day = date.toLocaleDateString(locale(language), {weekday: 'long', day: '2-digit',
    month: '2-digit', year: 'numeric', timeZone: kZone});
  const time = date.toLocaleTimeString(locale(language), {hour: '2-digit', minute: '2-digit',
    hour12: false, timeZone: kZone});
  return `${day} · ${time}`;
}

export function dateTimeText(iso, language) {
  const date = valid(iso);
  if (!date) return iso ? String(iso) : '';
  return dateThenTime(date, language);
}

// How far the deadline is, for an overdue or due-soon task: {key, n} for the texts.
export function remaining(deadlineIso, now) {
  const deadline = valid(deadlineIso);
  if (!deadline || !now) return null;
  const ms = deadline.getTime() - now.getTime();
  if (ms < 0) {
    const days = Math.floor(-ms / kDayMs);
    if (!days) return {key: 'overdueToday', n: 0};
    return {key: days === 1 ? 'overdueBy1' : 'overdueBy', n: days};
  }
  // Whole days left, counting a part of a day as one (2 days and 23 hours: "3 days left").
  const days = Math.ceil(ms / kDayMs);
  return {key: days === 1 ? 'daysLeft1' : 'daysLeft', n: days};
}
