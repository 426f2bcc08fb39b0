// libFuzzer target over the iCalendar import path: component scanning, libical parsing,
// time zone resolution (TZID, Windows names, VTIMEZONE), recurrence expansion and the
// override bookkeeping. Every input must end in a report or an error, never a crash, a hang
// or unbounded memory.
#include "calendar/icalreader.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace fermata;

namespace {

// Counts instead of collecting, so memory reflects the reader alone.
class CountingSink final : public IcalEventSink
{
public:
    bool upsert(const CalendarEvent &event) override
    {
        // Everything the planner will read must be a sane, ordered span.
        if (!event.start.isValid() || !event.end.isValid() || event.end < event.start)
            __builtin_trap();
        ++m_count;
        return true;
    }
    bool remove(const QString &) override { return true; }
    qint64 size() const override { return m_count; }

private:
    qint64 m_count = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const IcalReadOptions options = [] {
        IcalReadOptions o;
        o.source = QStringLiteral("fuzz");
        o.horizon = Interval::fromDateTimes(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC),
                                            QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
        o.floatingZone = QTimeZone("Europe/Berlin");
        o.userAddresses = {QStringLiteral("me@example.com")};
        return o;
    }();
    CountingSink sink;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                     qsizetype(size));
    const auto report = IcalReader::readBytes(bytes, options, sink);
    if (report.isOk())
        (void)report->summary();
    return 0;
}
