#pragma once

// Reads one VEVENT with libical into a PreparedEvent (internal to the iCalendar import).

#include "calendar/icalcomponentscanner.h"
#include "calendar/icalpreparedevent.h"
#include "calendar/icalreader.h"
#include "calendar/icalzones.h"

#include <QDate>
#include <QSet>
#include <QString>
#include <QTime>

#include <libical/ical.h>

#include <memory>
#include <optional>

namespace fermata::ical {

// A parsed component, freed with libical's own function.
struct ComponentFree
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// A time as the file writes it: a local date/time in a zone, or a date.
struct When
{
    QDate date;
    QTime time;
    bool isDate = false;
    const Zone *zone = nullptr;
};

// How long each instance lasts: nominal days (DST-aware) plus exact milliseconds.
struct Span
{
    qint64 days = 0;
    qint64 exactMs = 0;
};

// Prepares events; one per thread (it collects issues into the event being prepared).
class EventReader
{
public:
    EventReader(const IcalReadOptions &options, ZoneTable &zones)
        : m_options(options), m_zones(zones)
    {
        for (const QString &address : options.userAddresses)
            m_addresses.insert(normalizeAddress(address.toUtf8()));
    }

    PreparedEvent prepare(const Chunk &chunk);

private:
    static QString normalizeAddress(QByteArray address)
    {
        address = address.trimmed();
        if (startsWithNoCase(address, "mailto:"))
            address.remove(0, 7);
        return QString::fromUtf8(address).toLower();
    }

    std::optional<When> readWhen(icalproperty *property, icaltimetype value, qint64 line);
    qint64 utcMs(const When &when) const
    {
        return m_zones.toUtcMs(*when.zone, when.date, when.isDate ? QTime(0, 0) : when.time);
    }
    bool isBusy(icalcomponent *event) const;
    bool readSpan(icalcomponent *event, const When &start, qint64 startMs, Span &span,
                  QString &problem);
    qint64 endMs(const When &start, qint64 startMs, const Span &span) const;
    void readRules(icalcomponent *event, const When &start, qint64 line, CalendarSeries &series);
    void addIssue(qint64 line, QString message)
    {
        m_out->issues.push_back(PreparedEvent::Issue{line, std::move(message), {}, false});
    }
    void skip(qint64 line, const QString &what, const QString &why)
    {
        m_out->issues.push_back(PreparedEvent::Issue{
            line, what.isEmpty() ? why : what + QStringLiteral(": ") + why, {}, true});
    }
    void readEvent(const Chunk &chunk);
    QString readUid(icalcomponent *event, const Chunk &chunk);
    void readOverride(icalproperty *rid, qint64 line, const When &start, qint64 startMs,
                      const Span &span, CalendarEvent base);
    void readMaster(icalcomponent *event, const Chunk &chunk, const When &start, qint64 startMs,
                    const Span &span, CalendarEvent base);

    const IcalReadOptions &m_options;
    ZoneTable &m_zones;
    QSet<QString> m_addresses;
    PreparedEvent *m_out = nullptr; // the event being prepared
};

} // namespace fermata::ical
