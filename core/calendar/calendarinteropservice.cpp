#include "calendar/calendarinteropservice.h"

#include "storage/database.h"
#include "storage/repositories.h"
#include "storage/calendarsourcewriter.h"
#include "time/clock.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace fermata {

namespace {

constexpr qint64 s_msPerDay = 24 * 3600 * 1000;

// Feeds the reader's instances to the source writer and keeps the first error.
class DatabaseSink final : public IcalEventSink
{
public:
    explicit DatabaseSink(CalendarSourceWriter &writer) : m_writer(writer) {}
    bool upsert(const CalendarEvent &event) override { return keep(m_writer.upsert(event)); }
    bool remove(const QString &uid) override { return keep(m_writer.remove(uid)); }
    qint64 size() const override { return m_writer.size(); }
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
            Error::Code::Io, QStringLiteral("Fermata could not open %1 (%2).")
                                 .arg(QFileInfo(path).fileName(), file.errorString()));
    return importDevice(file, source, progress);
}

Result<IcalReadReport> CalendarInteropService::importDevice(QIODevice &device, const QString &source,
                                                            const IcalProgress &progress)
{
    if (source.trimmed().isEmpty() || source == u"local")
        return Result<IcalReadReport>::failure(
            Error::Code::Invalid,
            QStringLiteral("Choose another calendar name: \"%1\" is reserved.").arg(source));
    const IcalProgress reportProgress = [&](qint64 done, qint64 total) {
        Q_EMIT importProgressed(done, total);
        return !progress || progress(done, total);
    };
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
        return writer.finish();
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
        return Status::failure(Error::Code::Io, QStringLiteral("Fermata could not write %1 (%2).")
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
