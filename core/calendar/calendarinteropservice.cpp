#include "calendar/calendarinteropservice.h"

#include "storage/calendarseriesquery.h"
#include "storage/calendarsourcewriter.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/sqlhelpers.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

namespace {

constexpr qint64 s_msPerDay = 24 * 3600 * 1000;

// Raised when what the reader stores or how it reads changes: every calendar is then read
// again once, whatever its content hash says.
constexpr char s_storeFormat[] = "fermata-series-1";

// Feeds what the reader finds to the source writer and keeps the first error.
class DatabaseSink final : public IcalRuleSink
{
public:
    explicit DatabaseSink(CalendarSourceWriter &writer) : m_writer(writer) {}
    bool event(const CalendarEvent &event) override { return keep(m_writer.upsert(event)); }
    bool overrideOccurrence(const CalendarEvent &instance, const SeriesOverride &what) override
    {
        return keep(m_writer.upsertOverride(instance, what));
    }
    bool series(const CalendarSeries &series) override { return keep(m_writer.upsertSeries(series)); }
    bool zone(const QByteArray &name, const QByteArray &definition) override
    {
        return keep(m_writer.addZone(name, definition));
    }
    bool remove(const QString &uid) override { return keep(m_writer.remove(uid)); }
    const std::optional<Error> &error() const { return m_error; }

private:
    bool keep(Status status)
    {
        if (!status && !m_error)
            m_error = status.error();
        return status.isOk();
    }
    CalendarSourceWriter &m_writer;
    std::optional<Error> m_error;
};

// A report as calendar_sources keeps it, for an unchanged calendar's next import.
QString reportToJson(const IcalReadReport &report)
{
    QJsonArray issues;
    for (const IcalIssue &issue : report.issues)
        issues.append(QJsonArray{qint64(issue.line), issue.message});
    const QJsonObject object{
        {QStringLiteral("imported"), report.eventsImported},
        {QStringLiteral("skipped"), report.eventsSkipped},
        {QStringLiteral("instances"), report.instances},
        {QStringLiteral("issue_count"), report.issueCount},
        {QStringLiteral("name"), report.calendarName},
        {QStringLiteral("issues"), issues},
    };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<IcalReadReport> reportFromJson(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    IcalReadReport report;
    report.eventsImported = object.value(QStringLiteral("imported")).toInt();
    report.eventsSkipped = object.value(QStringLiteral("skipped")).toInt();
    report.instances = object.value(QStringLiteral("instances")).toInteger();
    report.issueCount = object.value(QStringLiteral("issue_count")).toInt();
    report.calendarName = object.value(QStringLiteral("name")).toString();
    const QJsonArray issues = object.value(QStringLiteral("issues")).toArray();
    for (const QJsonValue &value : issues) {
        const QJsonArray issue = value.toArray();
        report.issues.append(IcalIssue{issue.at(0).toInteger(), issue.at(1).toString()});
    }
    return report;
}

// Rows of `source` (single events, overrides) in `range`.
Result<qint64> countRows(const Database &db, const QString &source, const Interval &range)
{
    const Result<QVariant> count = sql::scalar(
        sql::on(db),
        QStringLiteral("SELECT COUNT(*) FROM calendar_events WHERE source = ? AND start_ms < ? "
                       "AND (end_ms > ? OR (end_ms = start_ms AND start_ms >= ?))"),
        {source, qlonglong(range.endMs()), qlonglong(range.startMs()), qlonglong(range.startMs())},
        Text::tr("count the events of \"%1\"").arg(source));
    if (!count)
        return count.error();
    return count->toLongLong();
}

} // namespace

CalendarInteropService::CalendarInteropService(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock)
{
}

Interval CalendarInteropService::importHorizon() const
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    return Interval(now - horizonDaysBack * s_msPerDay, now + horizonDaysAhead * s_msPerDay);
}

IcalReadOptions CalendarInteropService::readOptions(const QString &source) const
{
    IcalReadOptions options;
    options.source = source;
    options.horizon = importHorizon();
    options.floatingZone = m_floatingZone;
    options.userAddresses = m_addresses;
    return options;
}

QString CalendarInteropService::defaultSourceName(const QString &path)
{
    const QString base = QFileInfo(path).completeBaseName();
    return base.isEmpty() ? QStringLiteral("imported") : base;
}

Result<IcalReadReport> CalendarInteropService::importFile(const QString &path, const QString &source,
                                                          const IcalProgress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<IcalReadReport>::failure(
            Error::Code::Io, Text::tr("Fermata could not open %1 (%2).")
                                 .arg(QFileInfo(path).fileName(), file.errorString()));
    return importDevice(file, source, progress);
}

QByteArray CalendarInteropService::contentHash(QIODevice &device, const QString &source) const
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArrayView(s_storeFormat));
    const IcalReadOptions options = readOptions(source);
    hash.addData(options.floatingZone.id());
    QStringList addresses = options.userAddresses;
    addresses.sort();
    hash.addData(addresses.join(QLatin1Char('\n')).toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    const qint64 origin = device.pos();
    if (!hash.addData(&device) || !device.seek(origin))
        return {};
    return hash.result().toHex();
}

Result<IcalReadReport> CalendarInteropService::importDevice(QIODevice &device, const QString &source,
                                                            const IcalProgress &progress)
{
    if (source.trimmed().isEmpty() || source == u"local")
        return Result<IcalReadReport>::failure(
            Error::Code::Invalid,
            Text::tr("Choose another calendar name: \"%1\" is reserved.").arg(source));
    const IcalProgress reportProgress = [&](qint64 done, qint64 total) {
        Q_EMIT importProgressed(done, total);
        return !progress || progress(done, total);
    };
    // The calendar as it was imported last time: nothing to read, nothing to write.
    const QByteArray hash = device.isOpen() && device.isReadable() && !device.isSequential()
        ? contentHash(device, source)
        : QByteArray();
    if (!hash.isEmpty()) {
        const auto stored = CalendarSourceWriter::unchangedSince(m_db, source, hash);
        if (!stored)
            return stored.error();
        if (stored->has_value()) {
            if (auto report = reportFromJson(**stored)) {
                const qint64 total = device.size() - device.pos();
                report->cancelled = !reportProgress(total, total);
                if (!report->cancelled)
                    Q_EMIT eventsImported(source);
                return *report;
            }
        }
    }
    std::optional<Result<IcalReadReport>> outcome;
    const Status status = m_db.inTransaction([&]() -> Status {
        CalendarSourceWriter writer(m_db, source);
        if (Status begun = writer.begin(); !begun)
            return begun;
        DatabaseSink sink(writer);
        outcome = IcalReader::read(device, readOptions(source), sink, reportProgress);
        if (sink.error())
            return *sink.error();
        if (!*outcome)
            return outcome->error();
        if ((*outcome)->cancelled) // roll back: a cancelled import leaves no trace
            return Status::failure(Error::Code::Invalid, QStringLiteral("cancelled"));
        if (Status finished = writer.finish(); !finished)
            return finished;
        // What the planner will see of it over the horizon, as the report says.
        const Interval horizon = importHorizon();
        const auto rows = countRows(m_db, source, horizon);
        if (!rows)
            return rows.error();
        const auto occurrences = CalendarSeriesQuery(m_db).count(horizon, source);
        if (!occurrences)
            return occurrences.error();
        outcome->value().instances = *rows + *occurrences;
        if (hash.isEmpty())
            return {};
        return writer.setContentHash(hash, reportToJson(**outcome));
    });
    if (outcome && *outcome && (*outcome)->cancelled)
        return *outcome;
    if (!status)
        return status.error();
    Q_EMIT eventsImported(source);
    return *outcome;
}

Result<QByteArray> CalendarInteropService::exportCalendar(const Interval &range,
                                                          bool boundWindows) const
{
    IcalExport data;
    data.stamp = m_clock.now();
    data.windowsFrom = range.start().date();
    if (boundWindows)
        data.windowsUntil = range.end().addMSecs(-1).date();
    auto blocks = FocusBlockRepository(m_db).overlapping(range);
    if (!blocks)
        return blocks.error();
    data.focusBlocks = *blocks;
    auto tasks = TaskRepository(m_db).all();
    if (!tasks)
        return tasks.error();
    for (const Task &task : std::as_const(*tasks))
        data.taskTitles.insert(task.id, task.title);
    auto windows = CheckInWindowRepository(m_db).all();
    if (!windows)
        return windows.error();
    data.windows = *windows;
    return IcalWriter::write(data);
}

Status CalendarInteropService::exportTo(const QString &path, const Interval &range,
                                        bool boundWindows) const
{
    const auto bytes = exportCalendar(range, boundWindows);
    if (!bytes)
        return bytes.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return Status::failure(Error::Code::Io, Text::tr("Fermata could not write %1 (%2).")
                                                    .arg(path, file.errorString()));
    return {};
}

Interval CalendarInteropService::autoExportRange() const
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    return Interval(now - 7 * s_msPerDay, now + 60 * s_msPerDay);
}

Status CalendarInteropService::exportIfConfigured() const
{
    if (m_autoExportPath.isEmpty())
        return {};
    return exportTo(m_autoExportPath, autoExportRange());
}

} // namespace fermata
