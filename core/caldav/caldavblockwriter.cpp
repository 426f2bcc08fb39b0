#include "caldav/caldavblockwriter.h"

#include "caldav/caldavics.h"
#include "storage/database.h"
#include "storage/repositories.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <optional>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

namespace {

const QString s_defaultTitle = QStringLiteral("Focus");

CalDavError localError(const Error &error)
{
    return CalDavError { CalDavFailure::InvalidRequest, 0, error.message };
}

bool sameTime(const CalDavBlockEvent &event, const FocusBlock &block)
{
    return event.taskId == block.taskId && event.start == block.start && event.end == block.end;
}

} // namespace

struct CalDavBlockWriter::Desired
{
    QList<FocusBlock> inRange;
    QHash<qint64, FocusBlock> all; // every stored block, by id
    QHash<qint64, QString> taskTitles;

    QString summary(const CalDavAccount &account, const FocusBlock &block) const
    {
        if (!account.usesTaskTitles())
            return account.blockTitle;
        const QString title = taskTitles.value(block.taskId).trimmed();
        return title.isEmpty() ? s_defaultTitle : title;
    }
};

CalDavBlockWriter::Assignment CalDavBlockWriter::assign(const QList<CalDavBlockEvent> &events,
    const QList<FocusBlock> &desired, const QHash<qint64, FocusBlock> &allBlocks, const QString &calendarHref,
    const Interval &range)
{
    Assignment result;
    if (calendarHref.isEmpty())
        return result; // no calendar receives blocks: every event is deleted, none made
    QHash<qint64, const FocusBlock *> wanted;
    for (const FocusBlock &block : desired)
        wanted.insert(block.id, &block);
    QSet<qint64> placed;
    QList<const CalDavBlockEvent *> free; // may show another block, else deleted
    for (const CalDavBlockEvent &event : events) {
        if (event.calendarHref != calendarHref)
            continue; // in a calendar that no longer receives blocks: deleted there
        if (event.blockId != 0 && wanted.contains(event.blockId) && !placed.contains(event.blockId)) {
            result.shows.insert(event.id, *wanted.value(event.blockId));
            placed.insert(event.blockId);
            continue;
        }
        const auto block = allBlocks.constFind(event.blockId);
        const qint64 rangeStart = range.startMs();
        if (block != allBlocks.cend() && block->end.toMSecsSinceEpoch() <= rangeStart
            && event.end.isValid() && event.end.toMSecsSinceEpoch() <= rangeStart) {
            result.forget.append(event.id);
            continue;
        }
        free.append(&event);
    }
    // A re-plan stores new blocks with new ids: the event of an identical block, then one of the
    // same task's, shows it, so an unchanged plan sends nothing and a moved block is one update.
    const auto take = [&](const FocusBlock &block, const auto &fits) {
        const auto found = std::find_if(free.begin(), free.end(), [&](const CalDavBlockEvent *e) { return fits(*e, block); });
        if (found == free.end())
            return false;
        result.shows.insert((*found)->id, block);
        free.erase(found);
        placed.insert(block.id);
        return true;
    };
    for (const FocusBlock &block : desired) {
        if (!placed.contains(block.id))
            take(block, sameTime);
    }
    for (const FocusBlock &block : desired) {
        if (!placed.contains(block.id)
            && !take(block, [](const CalDavBlockEvent &e, const FocusBlock &b) { return e.taskId == b.taskId; }))
            result.unplaced.append(block);
    }
    return result;
}

CalDavBlockWriter::CalDavBlockWriter(Database &db, CalDavClient &client, const Clock &clock)
    : m_db(db)
    , m_client(client)
    , m_clock(clock)
{ }

Result<CalDavBlockWriter::Desired> CalDavBlockWriter::desired(const CalDavAccount &account) const
{
    Desired result;
    FocusBlockRepository blocks(m_db);
    auto inRange = blocks.overlapping(m_range);
    if (!inRange)
        return inRange.error();
    result.inRange = *inRange;
    auto all = blocks.all();
    if (!all)
        return all.error();
    for (const FocusBlock &block : std::as_const(*all))
        result.all.insert(block.id, block);
    if (account.usesTaskTitles()) {
        auto tasks = TaskRepository(m_db).all();
        if (!tasks)
            return tasks.error();
        for (const Task &task : std::as_const(*tasks))
            result.taskTitles.insert(task.id, task.title);
    }
    return result;
}

Status CalDavBlockWriter::store(const CalDavAccount &account, const QString &calendarHref,
    const QList<CalDavBlockEvent> &events, const Assignment &assignment)
{
    CalDavBlockMap map(m_db);
    for (const CalDavBlockEvent &event : events) {
        if (assignment.forget.contains(event.id)) {
            if (Status s = map.remove(event.id); !s)
                return s;
            continue;
        }
        const FocusBlock block = assignment.shows.value(event.id);
        if (block.id != event.blockId || block.taskId != event.taskId) {
            if (Status s = map.assign(event.id, block.id, block.taskId); !s)
                return s;
        }
    }
    for (const FocusBlock &block : assignment.unplaced) {
        if (auto made = map.create(account.id, calendarHref, account.instance, block.id, block.taskId); !made)
            return made.error();
    }
    return {};
}

// One push: the requests for each event, and what they did.
struct CalDavBlockWriter::Run
{
    CalDavBlockWriter &writer;
    const CalDavAccount &account;
    const Desired &desired;
    const std::function<bool()> &keepGoing;
    Report report;

    CalDavBlockMap map() { return CalDavBlockMap(writer.m_db); }
    bool isOurs(const QByteArray &ics) const { return caldavics::markerOf(ics) == account.instance; }

    // False (with report.stopped set) when nothing more can be sent now.
    bool check(const CalDavError &error)
    {
        switch (error.kind) {
        case CalDavFailure::Conflict:
        case CalDavFailure::BadResponse:
            report.problems.append(error.message); // this event only; the others go on
            ++report.pending;
            return true;
        default:
            report.stopped = error;
            return false;
        }
    }
    bool local(const Status &status)
    {
        if (!status)
            report.stopped = localError(status.error());
        return status.isOk();
    }
    bool mayGoOn()
    {
        if (keepGoing && !keepGoing()) {
            report.stopped = CalDavError { CalDavFailure::InvalidRequest, 0,
                Text::tr("Another Fermata process took over this account's sync; it sends the rest.") };
            return false;
        }
        return true;
    }

    bool remove(const CalDavBlockEvent &event);
    bool write(CalDavBlockEvent event, const FocusBlock &block);
    bool put(CalDavBlockEvent &event, const caldavics::BlockEvent &content);
};

// Deletes the event if it is still ours; the row goes once the server no longer has it.
bool CalDavBlockWriter::Run::remove(const CalDavBlockEvent &event)
{
    QString etag = event.etag;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (etag.isEmpty() || attempt > 0) {
            // Unknown whether the first PUT arrived, or the ETag is stale: look.
            CalDavResult<CalDavResource> current = writer.m_client.getEvent(event.href);
            if (current.failureKind() == CalDavFailure::NotFound)
                return local(map().remove(event.id));
            if (!current)
                return check(current.caldavError());
            if (!isOurs(current->data)) {
                ++report.released;
                return local(map().remove(event.id));
            }
            etag = current->etag;
        }
        const CalDavStatus deleted = writer.m_client.deleteEvent(event.href, etag);
        if (deleted || deleted.failureKind() == CalDavFailure::NotFound) {
            ++report.deleted;
            return local(map().remove(event.id));
        }
        if (deleted.failureKind() != CalDavFailure::PreconditionFailed)
            return check(deleted.caldavError());
    }
    report.problems.append(Text::tr("The focus block event %1 kept changing on the server; it is tried again next time.")
            .arg(event.uid));
    ++report.pending;
    return true;
}

// PUT with the right precondition; on 412 re-reads the server's copy and retries once.
bool CalDavBlockWriter::Run::put(CalDavBlockEvent &event, const caldavics::BlockEvent &content)
{
    const QByteArray ics = caldavics::blockEvent(content);
    QString etag = event.etag;
    for (int attempt = 0; attempt < 2; ++attempt) {
        CalDavResult<CalDavResource> written = writer.m_client.putEvent(event.calendarHref, event.href, ics, etag);
        if (written) {
            (etag.isEmpty() ? report.created : report.updated) += 1;
            event.etag = written->etag;
            event.writtenHash = caldavics::contentHash(content);
            event.start = content.start;
            event.end = content.end;
            return local(map().recordWritten(event));
        }
        const CalDavFailure kind = written.failureKind();
        if (kind != CalDavFailure::PreconditionFailed && kind != CalDavFailure::NotFound)
            return check(written.caldavError());
        if (kind == CalDavFailure::NotFound && etag.isEmpty())
            return check(written.caldavError()); // the calendar itself is gone
        CalDavResult<CalDavResource> current = writer.m_client.getEvent(event.href);
        if (current.failureKind() == CalDavFailure::NotFound) {
            etag.clear(); // deleted on the server: make it again
            continue;
        }
        if (!current)
            return check(current.caldavError());
        if (!isOurs(current->data)) {
            // Someone made it theirs: leave it, and give the block a new event.
            ++report.released;
            if (!local(map().remove(event.id)))
                return false;
            auto made = map().create(account.id, event.calendarHref, account.instance, event.blockId, event.taskId);
            if (!made)
                return local(made.error());
            event = *made;
            caldavics::BlockEvent renamed = content;
            renamed.uid = event.uid;
            return put(event, renamed);
        }
        etag = current->etag;
    }
    report.problems.append(Text::tr("The focus block event %1 kept changing on the server; it is tried again next time.")
            .arg(event.uid));
    ++report.pending;
    return true;
}

bool CalDavBlockWriter::Run::write(CalDavBlockEvent event, const FocusBlock &block)
{
    caldavics::BlockEvent content { event.uid, block.start.toUTC(), block.end.toUTC(),
        desired.summary(account, block), account.instance, writer.m_clock.now() };
    if (!event.etag.isEmpty() && event.writtenHash == caldavics::contentHash(content)) {
        ++report.unchanged;
        return true;
    }
    return put(event, content);
}

Result<CalDavBlockWriter::Report> CalDavBlockWriter::push(const CalDavAccount &account,
    const QString &calendarHref, const std::function<bool()> &keepGoing)
{
    const Result<Desired> wanted = desired(account);
    if (!wanted)
        return wanted.error();
    QList<CalDavBlockEvent> events;
    // Claim: which event shows which block, decided and committed before any request.
    const Status claimed = m_db.inTransaction([&]() -> Status {
        auto before = CalDavBlockMap(m_db).events(account.id);
        if (!before)
            return before.error();
        if (Status s = store(account, calendarHref, *before,
                assign(*before, wanted->inRange, wanted->all, calendarHref, m_range));
            !s)
            return s;
        auto after = CalDavBlockMap(m_db).events(account.id);
        if (!after)
            return after.error();
        events = *after;
        return {};
    });
    if (!claimed)
        return claimed.error();

    QHash<qint64, FocusBlock> blocks;
    for (const FocusBlock &block : wanted->inRange)
        blocks.insert(block.id, block);
    Run run { *this, account, *wanted, keepGoing, {} };
    QList<const CalDavBlockEvent *> writes;
    // Deletes first: a moved block never shows twice, even for a moment.
    for (const CalDavBlockEvent &event : std::as_const(events)) {
        if (event.blockId != 0 && blocks.contains(event.blockId)) {
            writes.append(&event);
            continue;
        }
        if (run.report.stopped || !run.mayGoOn() || !run.remove(event))
            ++run.report.pending;
    }
    for (const CalDavBlockEvent *event : std::as_const(writes)) {
        if (run.report.stopped || !run.mayGoOn() || !run.write(*event, blocks.value(event->blockId)))
            ++run.report.pending;
    }
    return run.report;
}

Result<int> CalDavBlockWriter::pendingCount(const CalDavAccount &account, const QString &calendarHref)
{
    const Result<Desired> wanted = desired(account);
    if (!wanted)
        return wanted.error();
    auto events = CalDavBlockMap(m_db).events(account.id);
    if (!events)
        return events.error();
    const Assignment assignment = assign(*events, wanted->inRange, wanted->all, calendarHref, m_range);
    int pending = int(assignment.unplaced.size());
    for (const CalDavBlockEvent &event : std::as_const(*events)) {
        if (assignment.forget.contains(event.id))
            continue;
        const auto shows = assignment.shows.constFind(event.id);
        if (shows == assignment.shows.cend()) {
            ++pending; // to delete
            continue;
        }
        const caldavics::BlockEvent content { event.uid, shows->start.toUTC(), shows->end.toUTC(),
            wanted->summary(account, *shows), account.instance, {} };
        if (event.etag.isEmpty() || event.writtenHash != caldavics::contentHash(content))
            ++pending;
    }
    return pending;
}

} // namespace fermata
