#include "caldav/caldavsynchronizer.h"

#include "caldav/caldavaccountrepository.h"
#include "caldav/caldavaccounts.h"
#include "caldav/caldavblockmap.h"
#include "caldav/caldavresourcecache.h"
#include "caldav/caldavsynclease.h"
#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace {

// Messages people read, filed under the CalDAV context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::CalDav)
};

} // namespace

namespace fermata {

namespace {

constexpr int leasePollMs = 200;

QString counted(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

// The calendar that receives focus blocks, when it is still on the server.
const CalDavCalendarRecord *blocksCalendar(const QList<CalDavCalendarRecord> &calendars)
{
    for (const CalDavCalendarRecord &calendar : calendars) {
        if (calendar.receivesBlocks && calendar.isOnServer)
            return &calendar;
    }
    return nullptr;
}

} // namespace

QString CalDavSyncOutcome::message() const
{
    if (kind == Kind::Busy)
        return Text::tr("%1: another Fermata process is syncing this account right now; try again in a moment.")
            .arg(accountName);
    if (kind == Kind::Failed) {
        QString text = QStringLiteral("%1: %2").arg(accountName, error);
        if (written.pending > 0)
            text += Text::tr(" %1 for the next sync.")
                        .arg(counted(written.pending, Text::tr("focus block change waits"),
                            Text::tr("focus block changes wait")));
        return text;
    }
    const QString reading = read.calendarsRead == 0
        ? Text::tr("calendars unchanged")
        : Text::tr("%1 checked, %2 changed")
              .arg(counted(read.calendarsRead, Text::tr("calendar"), Text::tr("calendars")),
                  counted(read.changed + read.removed, Text::tr("event"), Text::tr("events")));
    QString writing;
    if (!hasBlocksCalendar && written.written() == 0) {
        writing = Text::tr("no calendar receives focus blocks");
    } else if (written.written() == 0) {
        writing = Text::tr("focus blocks up to date");
    } else {
        QStringList parts;
        if (written.created > 0)
            parts.append(Text::tr("%1 new").arg(written.created));
        if (written.updated > 0)
            parts.append(Text::tr("%1 changed").arg(written.updated));
        if (written.deleted > 0)
            parts.append(Text::tr("%1 removed").arg(written.deleted));
        writing = Text::tr("focus blocks: %1").arg(parts.join(QStringLiteral(", ")));
    }
    if (written.released > 0)
        writing += Text::tr(" (%1 edited by someone else, left as they are)")
                       .arg(counted(written.released, Text::tr("event"), Text::tr("events")));
    QString text = QStringLiteral("%1: %2; %3.").arg(accountName, reading, writing);
    if (!error.isEmpty())
        text += u' ' + error;
    return text;
}

CalDavSynchronizer::CalDavSynchronizer(Database &db, SecretStore &secrets, CalendarInteropService &interop,
    const Clock &clock)
    : m_db(db)
    , m_secrets(secrets)
    , m_interop(interop)
    , m_clock(clock)
{
    qRegisterMetaType<CalDavSyncOutcome>();
}

QList<CalDavSyncOutcome> CalDavSynchronizer::syncAll()
{
    QList<CalDavSyncOutcome> outcomes;
    const auto accounts = CalDavAccountRepository(m_db).all();
    if (!accounts) {
        CalDavSyncOutcome failed;
        failed.error = accounts.error().message;
        return { failed };
    }
    for (const CalDavAccount &account : *accounts)
        outcomes.append(sync(account.id));
    return outcomes;
}

CalDavSyncOutcome CalDavSynchronizer::sync(qint64 accountId)
{
    CalDavSyncOutcome outcome;
    outcome.accountId = accountId;
    const auto found = CalDavAccountRepository(m_db).find(accountId);
    if (!found || !found->has_value()) {
        outcome.error = found ? Text::tr("The CalDAV account no longer exists.") : found.error().message;
        return outcome;
    }
    const CalDavAccount &account = **found;
    outcome.accountName = account.name;
    CalDavSyncLease lease(m_db, m_clock, accountId);
    const QDeadlineTimer deadline(m_leaseWaitMs);
    for (;;) {
        const Result<bool> held = lease.tryAcquire();
        if (!held) {
            outcome.error = held.error().message;
            return outcome;
        }
        if (*held)
            break;
        if (deadline.hasExpired()) {
            outcome.kind = CalDavSyncOutcome::Kind::Busy;
            return outcome;
        }
        QThread::msleep(leasePollMs);
    }
    outcome = run(account, lease);
    if (m_cancel && m_cancel->load()) {
        // Stopped from outside (the app quits): the requests cut short say nothing about the server.
        (void)lease.release();
        outcome.kind = CalDavSyncOutcome::Kind::Failed;
        outcome.error = Text::tr("The sync was stopped.");
        return outcome;
    }
    const QString recorded = outcome.kind == CalDavSyncOutcome::Kind::Synced && outcome.error.isEmpty()
        ? QString()
        : outcome.error;
    if (Status saved = CalDavAccountRepository(m_db).recordSync(accountId, m_clock.now(), recorded); !saved) {
        outcome.kind = CalDavSyncOutcome::Kind::Failed;
        outcome.error = saved.error().message;
    }
    (void)lease.release();
    return outcome;
}

CalDavSyncOutcome CalDavSynchronizer::run(const CalDavAccount &account, CalDavSyncLease &lease)
{
    CalDavSyncOutcome outcome;
    outcome.accountId = account.id;
    outcome.accountName = account.name;
    const auto fail = [&](const CalDavError &error) {
        outcome.kind = CalDavSyncOutcome::Kind::Failed;
        outcome.failure = error.kind;
        outcome.error = error.message;
        if (const Result<int> pending = pendingWrites(account.id); pending && outcome.written.pending == 0)
            outcome.written.pending = *pending;
        return outcome;
    };
    const auto local = [&](const Error &error) { return fail(CalDavError { CalDavFailure::InvalidRequest, 0, error.message }); };

    CalDavAccounts accounts(m_db, m_secrets, m_interop, m_clock);
    accounts.setTimeoutMs(m_timeoutMs);
    CalDavResult<std::unique_ptr<CalDavClient>> connected = accounts.connect(account);
    if (!connected)
        return fail(connected.caldavError());
    CalDavClient &client = **connected;
    CalDavResult<QList<CalDavCalendar>> listed = client.listCalendars();
    if (!listed)
        return fail(listed.caldavError());
    CalDavAccountRepository repository(m_db);
    if (Status saved = repository.saveListing(account.id, *listed, false); !saved)
        return local(saved.error());
    auto calendars = repository.calendars(account.id);
    if (!calendars)
        return local(calendars.error());

    CalDavReader reader(m_db, client, m_interop, m_clock);
    const CalDavResult<CalDavReader::Report> pulled = reader.pull(account, *calendars, *listed);
    if (!pulled)
        return fail(pulled.caldavError());
    outcome.read = *pulled;
    QStringList problems = pulled->problems;

    calendars = repository.calendars(account.id); // with the sync state the pull stored
    if (!calendars)
        return local(calendars.error());
    const CalDavCalendarRecord *target = blocksCalendar(*calendars);
    outcome.hasBlocksCalendar = target != nullptr;
    if (target && !target->isWritable)
        return fail(CalDavError { CalDavFailure::Forbidden, 0,
            Text::tr("\"%1\" is read-only, so it cannot receive focus blocks: choose another calendar.")
                .arg(target->label()) });
    if (target && target->isRead) {
        // An event of ours that a read, current copy of the calendar lacks was deleted on the
        // server: write it again (the block is still planned).
        const auto present = CalDavResourceCache(m_db).versions(target->id);
        const auto events = CalDavBlockMap(m_db).events(account.id);
        const auto listedNow = std::find_if(listed->cbegin(), listed->cend(),
            [&](const CalDavCalendar &c) { return c.href == target->href; });
        const bool current = listedNow != listed->cend() && !target->source.isEmpty()
            && (listedNow->syncToken.isEmpty() ? listedNow->ctag == target->ctag
                                               : listedNow->syncToken == target->syncToken);
        if (present && events && current) {
            for (const CalDavBlockEvent &event : *events) {
                if (event.calendarHref == target->href && !event.etag.isEmpty() && !present->contains(event.href))
                    (void)CalDavBlockMap(m_db).forgetWrite(event.id);
            }
        }
    }

    CalDavBlockWriter writer(m_db, client, m_clock);
    writer.setRange(m_interop.autoExportRange());
    const auto stillOurs = [this, &lease] {
        if (m_cancel && m_cancel->load())
            return false;
        const Result<bool> renewed = lease.renew();
        return renewed && *renewed;
    };
    const Result<CalDavBlockWriter::Report> pushed
        = writer.push(account, target ? target->href : QString(), stillOurs);
    if (!pushed)
        return local(pushed.error());
    outcome.written = *pushed;
    if (pushed->stopped)
        return fail(*pushed->stopped);
    problems += pushed->problems;
    outcome.kind = CalDavSyncOutcome::Kind::Synced;
    outcome.error = problems.join(u' ');
    return outcome;
}

Result<int> CalDavSynchronizer::pendingWrites(qint64 accountId)
{
    const auto found = CalDavAccountRepository(m_db).find(accountId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return 0;
    const auto calendars = CalDavAccountRepository(m_db).calendars(accountId);
    if (!calendars)
        return calendars.error();
    const CalDavCalendarRecord *target = blocksCalendar(*calendars);
    CalDavClient offline { QString(), QString() }; // pendingCount() sends nothing
    CalDavBlockWriter writer(m_db, offline, m_clock);
    writer.setRange(m_interop.autoExportRange());
    return writer.pendingCount(**found, target && target->isWritable ? target->href : QString());
}

} // namespace fermata
