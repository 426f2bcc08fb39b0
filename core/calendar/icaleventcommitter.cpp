#include "calendar/icaleventcommitter.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <libical/ical.h>

#include <cstdlib>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata::ical {

void EventCommitter::report(const PreparedEvent::Issue &issue)
{
    if (!issue.unknownZone.isNull()) {
        if (m_reportedZones.contains(issue.unknownZone))
            return;
        m_reportedZones.insert(issue.unknownZone);
    }
    if (issue.skipped)
        ++m_report.eventsSkipped;
    m_report.addIssue(issue.line, issue.message);
}

// Whether `event` is the copy of its key to keep: the first (`kept` is null) or newer than
// `kept`. A copy left out, either one, is reported and counted as skipped.
bool EventCommitter::isCopyToKeep(const PreparedEvent &event, const QString &key, const Kept *kept)
{
    if (!kept) {
        ++m_report.eventsImported;
        return true;
    }
    QString name = Text::tr("the UID \"%1\"").arg(event.uid.left(80));
    if (event.kind == PreparedEvent::Kind::Override)
        name += Text::tr(" and RECURRENCE-ID %1").arg(key.mid(event.uid.size() + 1));
    QString message;
    if (event.version == kept->version)
        message = Text::tr(": a second event with %1; the first is kept").arg(name);
    else if (event.version < kept->version)
        message = Text::tr(": an older copy of %1 (lower SEQUENCE or earlier DTSTAMP); the "
                           "copy on line %2 is kept").arg(name, QString::number(kept->line));
    else
        message = Text::tr(": a newer copy of %1; it replaces the copy on line %2")
                      .arg(name, QString::number(kept->line));
    report(PreparedEvent::Issue{event.line, event.what + message, {}, true});
    return event.version > kept->version;
}

bool EventCommitter::commit(PreparedEvent &event)
{
    const size_t before = event.kind == PreparedEvent::Kind::Master ? event.issuesBeforeRules
                                                                     : event.issues.size();
    for (size_t i = 0; i < before; ++i)
        report(event.issues[i]);
    switch (event.kind) {
    case PreparedEvent::Kind::Skipped:
        return true;
    case PreparedEvent::Kind::Override:
        return commitOverride(event);
    case PreparedEvent::Kind::Master:
        return commitMaster(event);
    }
    return true;
}

bool EventCommitter::commitOverride(const PreparedEvent &event)
{
    const CalendarEvent &instance = *event.instance;
    const auto kept = m_overrides.constFind(instance.uid);
    if (!isCopyToKeep(event, instance.uid, kept == m_overrides.constEnd() ? nullptr : &*kept))
        return true;
    m_overrides.insert(instance.uid, Kept{event.version, event.line});
    return m_sink.overrideOccurrence(instance, event.change);
}

bool EventCommitter::commitMaster(PreparedEvent &event)
{
    const auto kept = m_masters.find(event.uid);
    const bool hadCopy = kept != m_masters.end();
    if (!isCopyToKeep(event, event.uid, hadCopy ? &*kept : nullptr))
        return true;
    m_masters.insert(event.uid, Kept{event.version, event.line});
    for (size_t i = event.issuesBeforeRules; i < event.issues.size(); ++i)
        report(event.issues[i]);
    // A newer copy replaces all of the older one (its overrides stay: they are keyed apart).
    if (hadCopy && !m_sink.remove(event.uid))
        return false;
    if (!event.series)
        return m_sink.event(*event.instance);
    if (!nameZone(*event.zone, event.series->zone))
        return false;
    return m_sink.series(*event.series);
}

bool EventCommitter::nameZone(const Zone &zone, QByteArray &name)
{
    switch (zone.kind) {
    case Zone::Kind::Utc:
        name = QByteArrayLiteral("UTC");
        return true;
    case Zone::Kind::System:
        name = zone.system.id();
        return true;
    case Zone::Kind::Floating:
        name = m_zones.floatingZone().id();
        return true;
    case Zone::Kind::Embedded:
        break;
    }
    if (auto it = m_zoneNames.constFind(&zone); it != m_zoneNames.constEnd()) {
        name = *it;
        return true;
    }
    // The calendar's own VTIMEZONE, named by its content: a changed definition is a new zone.
    QByteArray definition;
    if (icalcomponent *component = icaltimezone_get_component(zone.embedded)) {
        char *text = icalcomponent_as_ical_string_r(component);
        definition = QByteArray(text);
        free(text);
    }
    name = QByteArrayLiteral("vtimezone:")
        + QCryptographicHash::hash(definition, QCryptographicHash::Sha1).toHex().left(16);
    m_zoneNames.insert(&zone, name);
    return m_sink.zone(name, definition);
}

} // namespace fermata::ical
