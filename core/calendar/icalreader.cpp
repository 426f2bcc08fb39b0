#include "calendar/icalreader.h"

#include "calendar/icalcomponentscanner.h"
#include "calendar/icaleventcommitter.h"
#include "calendar/icaleventreader.h"
#include "calendar/icalzones.h"
#include "storage/seriesexpander.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <libical/ical.h>

#include <algorithm>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

void IcalReadReport::addIssue(qint64 line, QString message)
{
    ++issueCount;
    if (issues.size() < maxIssues)
        issues.append(IcalIssue{line, std::move(message)});
}

QString IcalReadReport::summary() const
{
    const QLocale c = QLocale::c();
    const QString events = eventsImported == 1 ? Text::tr("%1 event").arg(c.toString(eventsImported))
                                               : Text::tr("%1 events").arg(c.toString(eventsImported));
    const QString occurrences = instances == 1 ? Text::tr("%1 occurrence").arg(c.toString(instances))
                                               : Text::tr("%1 occurrences").arg(c.toString(instances));
    QString text = Text::tr("imported %1 (%2)").arg(events, occurrences);
    if (eventsSkipped > 0)
        text += Text::tr(", skipped %1").arg(eventsSkipped);
    if (cancelled)
        text += Text::tr(", cancelled before the end");
    if (!issues.isEmpty()) {
        QStringList shown;
        for (qsizetype i = 0; i < qMin<qsizetype>(3, issues.size()); ++i)
            shown.append(Text::tr("line %1: %2").arg(issues[i].line).arg(issues[i].message));
        text += QStringLiteral(" — ") + shown.join(QStringLiteral("; "));
        if (issueCount > shown.size())
            text += Text::tr(" (and %1 more)").arg(issueCount - shown.size());
    }
    return text;
}

bool IcalEventCollector::upsert(const CalendarEvent &event)
{
    if (auto it = m_index.constFind(event.uid); it != m_index.constEnd()) {
        m_events[*it] = event;
    } else {
        m_index.insert(event.uid, m_events.size());
        m_events.append(event);
    }
    return true;
}

bool IcalEventCollector::remove(const QString &uid)
{
    auto it = m_index.find(uid);
    if (it == m_index.end())
        return true;
    m_events[*it].uid.clear(); // a tombstone; events() drops it
    m_index.erase(it);
    return true;
}

QList<CalendarEvent> IcalEventCollector::events() const
{
    QList<CalendarEvent> result;
    result.reserve(m_index.size());
    for (const CalendarEvent &event : m_events) {
        if (!event.uid.isEmpty())
            result.append(event);
    }
    std::sort(result.begin(), result.end(), [](const CalendarEvent &a, const CalendarEvent &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.uid < b.uid;
    });
    return result;
}

namespace {

using ical::Chunk;
using ical::ComponentPtr;
using ical::ComponentScanner;
using ical::EventCommitter;
using ical::EventReader;
using ical::PreparedEvent;
using ical::ZoneTable;

constexpr qint64 s_progressStepBytes = 256 * 1024;
// Events are prepared (parsed, rules read) in batches on worker threads; a batch ends at
// this many events or bytes of text, which bounds the memory held by batches in flight.
constexpr size_t s_batchEvents = 64;
constexpr qint64 s_batchBytes = 1024 * 1024;

void initLibical()
{
    static std::once_flag once;
    std::call_once(once, [] { icalerror_set_errors_are_fatal(0); });
}

// The instance sinks' view of a read: single events and overrides go to the sink as they
// come (within the horizon), series wait for the end, when every override is known, and are
// expanded over the horizon then.
class ExpandingSink final : public IcalRuleSink
{
public:
    ExpandingSink(const IcalReadOptions &options, IcalEventSink &sink)
        : m_horizon(options.horizon)
        , m_sink(sink)
        , m_zones(options.horizon.startMs() - 40LL * 86400000, options.horizon.endMs() + 40LL * 86400000)
    {
    }
    bool event(const CalendarEvent &event) override { return deliver(event); }
    bool overrideOccurrence(const CalendarEvent &instance, const SeriesOverride &what) override
    {
        const auto key = splitOccurrenceUid(instance.uid);
        const QString seriesUid = key ? key->first : instance.uid;
        SeriesChanges &changes = m_changes[seriesUid];
        changes.overridden.insert(instance.uid);
        // A newer copy of an override replaces the older one's change (or drops it).
        if (what.range)
            changes.ranges.insert_or_assign(what.recurrenceMs, *what.range);
        else
            changes.ranges.erase(what.recurrenceMs);
        return deliver(instance);
    }
    bool series(const CalendarSeries &series) override
    {
        if (!m_series.contains(series.uid))
            m_order.append(series.uid);
        m_series.insert(series.uid, series);
        return true;
    }
    bool zone(const QByteArray &name, const QByteArray &definition) override
    {
        m_zones.addDefinition(name, definition);
        return true;
    }
    bool remove(const QString &uid) override
    {
        m_series.remove(uid);
        return m_sink.remove(uid);
    }
    // Expands the series into the sink; false when it refused.
    bool finish()
    {
        SeriesExpander expander(m_zones);
        const SeriesChanges none;
        bool ok = true;
        for (const QString &uid : std::as_const(m_order)) {
            const auto found = m_series.constFind(uid);
            if (found == m_series.constEnd())
                continue;
            const CalendarSeries &series = *found;
            const auto changes = m_changes.constFind(uid);
            CalendarEvent instance;
            instance.source = series.source;
            instance.allDay = series.allDay;
            expander.expand(series, changes == m_changes.constEnd() ? none : *changes, m_horizon,
                            [&](const SeriesOccurrence &o) {
                                if (!ok)
                                    return;
                                instance.uid = o.uid;
                                instance.title = *o.title;
                                instance.busy = o.busy;
                                instance.start = QDateTime::fromMSecsSinceEpoch(o.startMs, Qt::UTC);
                                instance.end = QDateTime::fromMSecsSinceEpoch(o.endMs, Qt::UTC);
                                ok = m_sink.upsert(instance);
                            });
            if (!ok)
                return false;
        }
        return true;
    }

private:
    bool deliver(const CalendarEvent &event)
    {
        const bool inHorizon = event.end > event.start
            ? Interval::fromDateTimes(event.start, event.end).overlaps(m_horizon)
            : m_horizon.contains(event.start.toMSecsSinceEpoch());
        if (!inHorizon)
            return m_sink.remove(event.uid);
        return m_sink.upsert(event);
    }

    Interval m_horizon;
    IcalEventSink &m_sink;
    SeriesZones m_zones;
    QHash<QString, CalendarSeries> m_series; // UID -> the copy kept
    QList<QString> m_order;                  // UIDs in the order first read
    QHash<QString, SeriesChanges> m_changes; // UID -> its overrides
};

} // namespace

Result<IcalReadReport> IcalReader::read(QIODevice &device, const IcalReadOptions &options,
                                        IcalRuleSink &sink, const IcalProgress &progress)
{
    initLibical();
    IcalReadReport report;
    if (!device.isOpen() || !device.isReadable() || device.isSequential())
        return Result<IcalReadReport>::failure(Error::Code::Io,
                                               Text::tr("The calendar cannot be read."));
    const qint64 origin = device.pos();
    const qint64 total = device.size() - origin;
    constexpr qint64 margin = 3LL * 24 * 3600 * 1000;
    ZoneTable zones(options.floatingZone, options.horizon.startMs() - margin,
                    options.horizon.endMs() + margin);

    // Pass 1: the file's own time zones, wherever they stand in it.
    ComponentScanner zoneScan(device);
    for (Chunk chunk; zoneScan.next(chunk);) {
        if (chunk.kind != Chunk::Kind::Timezone || !chunk.problem.isEmpty())
            continue;
        ComponentPtr vtz(icalparser_parse_string(chunk.text.constData()));
        if (vtz && icalcomponent_isa(vtz.get()) == ICAL_VTIMEZONE_COMPONENT)
            zones.addVtimezone(vtz.release());
    }
    if (!zoneScan.sawCalendar())
        return Result<IcalReadReport>::failure(
            Error::Code::Invalid,
            Text::tr("This is not an iCalendar file: it has no BEGIN:VCALENDAR."));
    report.calendarName = zoneScan.calendarName();

    // Pass 2: the events, one component at a time.
    if (!device.seek(origin))
        return Result<IcalReadReport>::failure(Error::Code::Io,
                                               Text::tr("The calendar cannot be re-read."));
    ComponentScanner scan(device);
    EventCommitter committer(zones, sink, report);
    qint64 lastProgress = 0;
    // Applies one prepared batch in file order; an error or a cancel ends the read.
    auto commitBatch = [&](std::vector<PreparedEvent> batch) -> std::optional<Result<IcalReadReport>> {
        for (PreparedEvent &event : batch) {
            if (!committer.commit(event))
                return Result<IcalReadReport>::failure(
                    Error::Code::Database,
                    Text::tr("The events could not be saved (stopped at line %1).").arg(event.line));
            const qint64 done = event.endPos - origin;
            if (progress && done - lastProgress >= s_progressStepBytes) {
                lastProgress = done;
                if (!progress(done, total)) {
                    report.cancelled = true;
                    return report;
                }
            }
        }
        return std::nullopt;
    };
    auto prepareBatch = [&options, &zones](std::vector<Chunk> chunks) {
        EventReader reader(options, zones);
        std::vector<PreparedEvent> prepared;
        prepared.reserve(chunks.size());
        for (const Chunk &chunk : chunks)
            prepared.push_back(reader.prepare(chunk));
        return prepared;
    };
    // Batches are prepared on worker threads while this thread scans and commits; a few
    // batches in flight keep both cores busy and memory bounded.
    const size_t maxInFlight = std::clamp(std::thread::hardware_concurrency(), 2u, 8u);
    std::deque<std::future<std::vector<PreparedEvent>>> inFlight;
    std::vector<Chunk> batch;
    qint64 batchBytes = 0;
    for (Chunk chunk; scan.next(chunk);) {
        if (chunk.kind != Chunk::Kind::Event)
            continue;
        chunk.endPos = device.pos();
        batchBytes += chunk.text.size();
        batch.push_back(std::move(chunk));
        if (batch.size() < s_batchEvents && batchBytes < s_batchBytes)
            continue;
        inFlight.push_back(std::async(std::launch::async | std::launch::deferred, prepareBatch,
                                      std::exchange(batch, {})));
        batchBytes = 0;
        while (inFlight.size() >= maxInFlight) {
            auto prepared = inFlight.front().get();
            inFlight.pop_front();
            if (auto stop = commitBatch(std::move(prepared)))
                return *stop;
        }
    }
    for (; !inFlight.empty(); inFlight.pop_front()) {
        if (auto stop = commitBatch(inFlight.front().get()))
            return *stop;
    }
    if (auto stop = commitBatch(prepareBatch(std::move(batch)))) // the last one, here
        return *stop;
    if (progress && !progress(total, total))
        report.cancelled = true;
    return report;
}

Result<IcalReadReport> IcalReader::read(QIODevice &device, const IcalReadOptions &options,
                                        IcalEventSink &sink, const IcalProgress &progress)
{
    ExpandingSink expanding(options, sink);
    auto report = read(device, options, static_cast<IcalRuleSink &>(expanding), progress);
    if (!report || report->cancelled) {
        if (report)
            report.value().instances = sink.size();
        return report;
    }
    if (!expanding.finish())
        return Result<IcalReadReport>::failure(Error::Code::Database,
                                               Text::tr("The events could not be saved."));
    report.value().instances = sink.size();
    return report;
}

Result<IcalReadReport> IcalReader::readFile(const QString &path, const IcalReadOptions &options,
                                            IcalEventSink &sink, const IcalProgress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<IcalReadReport>::failure(
            Error::Code::Io, Text::tr("Fermata could not open %1 (%2).")
                                 .arg(QFileInfo(path).fileName(), file.errorString()));
    return read(file, options, sink, progress);
}

Result<IcalReadReport> IcalReader::readBytes(const QByteArray &bytes, const IcalReadOptions &options,
                                             IcalEventSink &sink)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return read(buffer, options, sink);
}

} // namespace fermata
