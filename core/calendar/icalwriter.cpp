#include "calendar/icalwriter.h"

#include <QSet>
#include <QTimeZone>

#include <libical/ical.h>

namespace fermata {

namespace {

const char *const s_prodId = "-//Fermata//Fermata calendar export//EN";

icaltimetype utcTime(const QDateTime &dt)
{
    return icaltime_from_timet_with_zone(time_t(dt.toUTC().toSecsSinceEpoch()), 0,
                                         icaltimezone_get_utc_timezone());
}

icaltimetype localTime(QDate date, QTime time)
{
    icaltimetype t = icaltime_null_time();
    t.year = date.year();
    t.month = date.month();
    t.day = date.day();
    t.hour = time.hour();
    t.minute = time.minute();
    t.second = time.second();
    return t;
}

icalproperty *withTzid(icalproperty *property, const QByteArray &zoneId)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid(zoneId.constData()));
    return property;
}

void addText(icalcomponent *component, icalproperty *(*make)(const char *), const QString &text)
{
    icalcomponent_add_property(component, make(text.toUtf8().constData()));
}

void addX(icalcomponent *component, const char *name, const char *value)
{
    icalproperty *p = icalproperty_new_x(value);
    icalproperty_set_x_name(p, name);
    icalcomponent_add_property(component, p);
}

// A VTIMEZONE for an IANA zone from the system's tz data (through libical), cut to the
// years around the export and renamed to the plain IANA id other apps recognise.
icalcomponent *vtimezoneFor(const QByteArray &zoneId, QDate from)
{
    icaltimezone *zone = icaltimezone_get_builtin_timezone(zoneId.constData());
    if (!zone)
        return nullptr;
    icalcomponent *source = icaltimezone_get_component(zone);
    if (!source)
        return nullptr;
    icalcomponent *vtz = icalcomponent_new_clone(source);
    icaltimetype start = localTime(QDate(from.year() - 1, 1, 1), QTime(0, 0));
    start = icaltime_convert_to_zone(start, icaltimezone_get_utc_timezone());
    icaltimezone_truncate_vtimezone(vtz, start, icaltime_null_time(), 1);
    if (icalproperty *tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY))
        icalproperty_set_tzid(tzid, zoneId.constData());
    return vtz;
}

QDate firstMatchingDay(const WeeklyRule &rule, QDate from)
{
    for (int i = 0; i < 7; ++i) {
        const QDate day = from.addDays(i);
        if (rule.appliesOn(Qt::DayOfWeek(day.dayOfWeek())))
            return day;
    }
    return from;
}

// DTSTART, DTEND and RRULE of a window's weekly occurrences, in its own zone.
void addWindowTimes(icalcomponent *component, const CheckInWindow &window, const IcalExport &data)
{
    const WeeklyRule &rule = window.rule;
    const QDate first = firstMatchingDay(rule, data.windowsFrom);
    const QDate endDay = rule.crossesMidnight() ? first.addDays(1) : first;
    const bool utc = rule.zoneId() == "UTC";
    auto time = [&](QDate date, QTime t, icalproperty *(*make)(icaltimetype)) {
        icaltimetype value = localTime(date, t);
        if (utc) {
            value.zone = icaltimezone_get_utc_timezone();
            return make(value);
        }
        return withTzid(make(value), rule.zoneId());
    };
    icalcomponent_add_property(component, time(first, rule.start(), &icalproperty_new_dtstart));
    icalcomponent_add_property(component, time(endDay, rule.end(), &icalproperty_new_dtend));
    QString recur = QStringLiteral("FREQ=WEEKLY;BYDAY=") + IcalWriter::byDay(rule.dayMask());
    if (data.windowsUntil.isValid())
        recur += QStringLiteral(";UNTIL=") + data.windowsUntil.toString(QStringLiteral("yyyyMMdd"))
            + QStringLiteral("T235959Z");
    icalcomponent_add_property(
        component, icalproperty_new_rrule(icalrecurrencetype_from_string(recur.toUtf8().constData())));
}

QString windowTitle(const CheckInWindow &window)
{
    return window.label.isEmpty() ? QStringLiteral("Check-in window")
                                  : QStringLiteral("Check-in: ") + window.label;
}

} // namespace

QString IcalWriter::focusBlockUid(qint64 id)
{
    return QStringLiteral("focus-%1@fermata").arg(id);
}

QString IcalWriter::windowEventUid(qint64 id)
{
    return QStringLiteral("checkin-%1@fermata").arg(id);
}

QString IcalWriter::windowAvailableUid(qint64 id)
{
    return QStringLiteral("checkin-%1-available@fermata").arg(id);
}

QString IcalWriter::byDay(quint8 dayMask)
{
    static const char *const names[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    QStringList days;
    for (int d = 0; d < 7; ++d) {
        if (dayMask & (1u << d))
            days.append(QLatin1String(names[d]));
    }
    return days.join(QLatin1Char(','));
}

QByteArray IcalWriter::write(const IcalExport &data)
{
    icalcomponent *calendar = icalcomponent_new_vcalendar();
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar, icalproperty_new_prodid(s_prodId));
    icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"));
    addX(calendar, "X-WR-CALNAME", "Fermata");
    const icaltimetype stamp = utcTime(data.stamp);

    QList<CheckInWindow> windows;
    QList<QByteArray> zones;
    for (const CheckInWindow &window : data.windows) {
        if (!window.rule.isValid())
            continue;
        windows.append(window);
        if (window.rule.zoneId() != "UTC" && !zones.contains(window.rule.zoneId()))
            zones.append(window.rule.zoneId());
    }
    for (const QByteArray &zoneId : std::as_const(zones)) {
        if (icalcomponent *vtz = vtimezoneFor(zoneId, data.windowsFrom))
            icalcomponent_add_component(calendar, vtz);
    }

    for (const FocusBlock &block : data.focusBlocks) {
        icalcomponent *event = icalcomponent_new_vevent();
        addText(event, &icalproperty_new_uid, focusBlockUid(block.id));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
        icalcomponent_add_property(event, icalproperty_new_dtstart(utcTime(block.start)));
        icalcomponent_add_property(event, icalproperty_new_dtend(utcTime(block.end)));
        const QString title = data.taskTitles.value(block.taskId);
        addText(event, &icalproperty_new_summary,
                title.isEmpty() ? QStringLiteral("Focus") : QStringLiteral("Focus: ") + title);
        icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
        addX(event, "X-FERMATA-KIND", "focus-block");
        icalcomponent_add_component(calendar, event);
    }

    if (!windows.isEmpty()) {
        icalcomponent *availability = icalcomponent_new_vavailability();
        addText(availability, &icalproperty_new_uid, QStringLiteral("checkin-windows@fermata"));
        icalcomponent_add_property(availability, icalproperty_new_dtstamp(stamp));
        addText(availability, &icalproperty_new_summary, QStringLiteral("Check-in windows"));
        for (const CheckInWindow &window : std::as_const(windows)) {
            icalcomponent *available = icalcomponent_new_xavailable();
            addText(available, &icalproperty_new_uid, windowAvailableUid(window.id));
            icalcomponent_add_property(available, icalproperty_new_dtstamp(stamp));
            addWindowTimes(available, window, data);
            addText(available, &icalproperty_new_summary, windowTitle(window));
            icalcomponent_add_component(availability, available);
        }
        icalcomponent_add_component(calendar, availability);

        // The same windows as plain free events, for apps that ignore VAVAILABILITY.
        for (const CheckInWindow &window : std::as_const(windows)) {
            icalcomponent *event = icalcomponent_new_vevent();
            addText(event, &icalproperty_new_uid, windowEventUid(window.id));
            icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
            addWindowTimes(event, window, data);
            addText(event, &icalproperty_new_summary, windowTitle(window));
            icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
            addX(event, "X-FERMATA-KIND", "checkin-window");
            icalcomponent_add_component(calendar, event);
        }
    }

    char *text = icalcomponent_as_ical_string_r(calendar);
    QByteArray bytes(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(calendar);
    return bytes;
}

} // namespace fermata
