// Expand every event of an iCalendar file with ical.js, as a calendar application built on it would, and print the
// occurrences as JSON: one [uid, recurrence-id or null, start, end, summary, status, sequence] per occurrence,
// times as UTC ISO strings. Used by tests/calendar/test_engines.py.
//
//   node icaljs_expand.mjs ICALJS_MODULE FILE.ics FROM TO      (FROM, TO: UTC ISO date-times, TO excluded)
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, file, from, to] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(modulePath).href)).default;

const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
const rangeStart = ICAL.Time.fromJSDate(new Date(from), true);
const rangeEnd = ICAL.Time.fromJSDate(new Date(to), true);

const masters = new Map();
const exceptions = [];
for (const component of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(component);
  if (event.isRecurrenceException()) {
    exceptions.push(event);
  } else {
    masters.set(event.uid, event);
  }
}
const orphans = [];
for (const exception of exceptions) {
  const master = masters.get(exception.uid);
  if (master) {
    master.relateException(exception);
  } else {
    orphans.push(exception);
  }
}

const utc = (time) => time.toJSDate().toISOString();
const out = [];
const record = (uid, recurrenceId, start, end, item) =>
  out.push([
    uid,
    recurrenceId,
    utc(start),
    utc(end),
    item.summary,
    item.component.getFirstPropertyValue("status"),
    item.sequence,
  ]);

for (const master of masters.values()) {
  if (!master.isRecurring()) {
    if (master.endDate.compare(rangeStart) > 0 && master.startDate.compare(rangeEnd) < 0) {
      record(master.uid, null, master.startDate, master.endDate, master);
    }
    continue;
  }
  const iterator = master.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = master.getOccurrenceDetails(next);
    if (details.startDate.compare(rangeEnd) >= 0 && next.compare(rangeEnd) >= 0) break;
    if (details.endDate.compare(rangeStart) <= 0) continue;
    if (details.startDate.compare(rangeEnd) >= 0) continue;
    record(master.uid, utc(details.recurrenceId), details.startDate, details.endDate, details.item);
  }
}
for (const orphan of orphans) {
  record(orphan.uid, utc(orphan.recurrenceId), orphan.startDate, orphan.endDate, orphan);
}
process.stdout.write(JSON.stringify(out));
