#!/usr/bin/env python3
"""Reads a Fermata export with python-icalendar (an independent iCalendar implementation)
and prints every VEVENT and AVAILABLE expanded over [START, END) as JSON in UTC.

usage: ical_roundtrip.py FILE START END   (START/END like 2026-03-01T00:00:00Z)
Recurrences are expanded in wall-clock time (dateutil) and converted with zoneinfo, so the
result does not depend on libical or on Fermata's own code."""
import datetime as dt
import json
import sys

try:
    from zoneinfo import ZoneInfo

    import icalendar
    from dateutil.rrule import rrulestr
except ImportError as missing:
    # A missing module fails the round trip with what to install, never a bare traceback.
    sys.exit(f"ical_roundtrip.py: {missing}. Install python3-icalendar and python3-dateutil "
             "(packaging/linux/debian-build-deps.txt; 'make deps' or packaging/linux/install-deps.sh).")

UTC = dt.timezone.utc


def parse_utc(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def wall_and_zone(component, name):
    prop = component.get(name)
    value = component.decoded(name)
    tzid = prop.params.get("TZID")
    if tzid:
        return value.replace(tzinfo=None), ZoneInfo(str(tzid))
    return value.astimezone(UTC).replace(tzinfo=None), UTC


def expand(component, start, end):
    local_start, zone = wall_and_zone(component, "DTSTART")
    local_end, end_zone = wall_and_zone(component, "DTEND")
    assert zone == end_zone, "DTSTART and DTEND in different zones"
    length = local_end - local_start
    starts = [local_start]
    if component.get("RRULE") is not None:
        rule_text = component.get("RRULE").to_ical().decode()
        rule = rrulestr(rule_text, dtstart=local_start, ignoretz=True)
        lo = start.astimezone(zone).replace(tzinfo=None) - dt.timedelta(days=2)
        hi = end.astimezone(zone).replace(tzinfo=None) + dt.timedelta(days=2)
        starts = rule.between(lo, hi, inc=True)
    instances = []
    for s in starts:
        e = s + length
        s_utc = s.replace(tzinfo=zone).astimezone(UTC)
        e_utc = e.replace(tzinfo=zone).astimezone(UTC)
        if s_utc < end and e_utc > start:
            instances.append([s_utc.strftime("%Y-%m-%dT%H:%M:%SZ"), e_utc.strftime("%Y-%m-%dT%H:%M:%SZ")])
    return instances


def main():
    path, start, end = sys.argv[1], parse_utc(sys.argv[2]), parse_utc(sys.argv[3])
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    out = {"VEVENT": {}, "AVAILABLE": {}, "summary": {}, "transp": {}, "vavailability": 0}
    for component in calendar.walk():
        name = component.name
        if name == "VAVAILABILITY":
            out["vavailability"] += 1
        if name not in ("VEVENT", "AVAILABLE"):
            continue
        uid = str(component.get("UID"))
        out[name][uid] = expand(component, start, end)
        out["summary"][uid] = str(component.get("SUMMARY"))
        if component.get("TRANSP") is not None:
            out["transp"][uid] = str(component.get("TRANSP"))
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
