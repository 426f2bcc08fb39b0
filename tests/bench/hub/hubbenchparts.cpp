#include "hubbenchparts.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace fermata::bench {

const QList<QByteArray> &zones()
{
    static const QList<QByteArray> list = {"Europe/Berlin", "America/New_York", "Asia/Tokyo",
                                           "Australia/Sydney", "America/St_Johns", "Asia/Kolkata",
                                           "Europe/London", "Pacific/Auckland", "UTC"};
    return list;
}

void fail(const QString &what)
{
    std::fprintf(stderr, "hub_bench: %s\n", qPrintable(what));
    std::exit(1);
}

quint64 checksumOf(const QUuid &uuid, const QString &body)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray(uuid.toRfc4122() + body.toUtf8()), QCryptographicHash::Sha1);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint8(digest.at(i));
    return value;
}

qint64 percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

std::atomic<int> g_connectRetries{0};

void printFunctionProfile(const QSqlDatabase &admin)
{
    // Self time excludes the functions a function calls; the statistics reach the view
    // once each server process ends its transaction, so the send phase is all in.
    QSqlQuery q(admin);
    q.exec(QStringLiteral("SELECT pg_stat_force_next_flush()"));
    if (!q.exec(QStringLiteral("SELECT funcname, calls, self_time, total_time FROM pg_stat_user_functions "
                               "WHERE schemaname = 'fermata' ORDER BY self_time DESC LIMIT 12"))) {
        std::printf("  profile                  unavailable: %s\n", qPrintable(q.lastError().text()));
        return;
    }
    std::printf("  server time per function (self / total, microseconds per call):\n");
    while (q.next()) {
        const double calls = std::max(1.0, q.value(1).toDouble());
        std::printf("    %-28s %9lld calls %8.1f / %8.1f\n", qPrintable(q.value(0).toString()), q.value(1).toLongLong(),
                    q.value(2).toDouble() * 1000 / calls, q.value(3).toDouble() * 1000 / calls);
    }
}

std::unique_ptr<HubClient> openMember(const HubConfig &config, const Member &member)
{
    auto client = std::make_unique<HubClient>();
    HubConfig c = config;
    c.user = member.account.role;
    // As the app's reconnect timer would: 2,000 clients connecting at once on 2 CPUs see
    // libpq's 5 s connect timeout. A member who never connected would send nothing and the
    // run would measure fewer members than it says.
    Status opened = client->open(c, member.account.password);
    for (int attempt = 1; !opened && opened.error().code == Error::Code::Io && attempt < 10; ++attempt) {
        ++g_connectRetries;
        std::this_thread::sleep_for(std::chrono::milliseconds(500 * attempt));
        opened = client->open(c, member.account.password);
    }
    if (!opened)
        return nullptr;
    return client;
}

Drained drain(HubClient &client, const QDateTime &windowOpens)
{
    Drained result;
    const qint64 began = QDateTime::currentMSecsSinceEpoch();
    result.startMs = began - windowOpens.toMSecsSinceEpoch();
    for (bool first = true;; first = false) {
        const Result<QList<Message>> batch = client.fetchReleased(500);
        const qint64 at = QDateTime::currentMSecsSinceEpoch();
        if (first)
            result.firstFetchMs = at - began;
        if (!batch) {
            ++result.failures;
            break;
        }
        QList<QUuid> uuids;
        for (const Message &m : *batch) {
            uuids.append(m.uuid);
            result.messages.insert(m.uuid, {checksumOf(m.uuid, m.body), at - m.releaseAt.toMSecsSinceEpoch()});
        }
        const qint64 confirming = QDateTime::currentMSecsSinceEpoch();
        if (!client.markDelivered(uuids))
            ++result.failures;
        result.confirmMs += QDateTime::currentMSecsSinceEpoch() - confirming;
        if (batch->size() < 500)
            break;
    }
    return result;
}

HostileMember::HostileMember(HubConfig config, Member who, QString teammateRole)
    : m_config(std::move(config)), m_who(std::move(who)), m_teammate(std::move(teammateRole))
{
}

HostileMember::~HostileMember()
{
    stop();
}

void HostileMember::start()
{
    m_clock.start();
    m_thread = std::thread([this] { run(); });
}

void HostileMember::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

QString HostileMember::summary() const
{
    return QStringLiteral("held a transaction open %1 of %2 s (%3 transactions, %4 ended by the server)")
        .arg(m_openMs.load() / 1000.0, 0, 'f', 1).arg(m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0, 0, 'f', 1)
        .arg(m_transactions.load()).arg(m_ended.load());
}

void HostileMember::run()
{
    const QString name = QStringLiteral("hostile");
    HubConfig c = m_config;
    c.user = m_who.account.role;
    while (!m_stop) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(c.host);
            db.setPort(c.port);
            db.setDatabaseName(c.database);
            db.setUserName(c.user);
            db.setPassword(m_who.account.password);
            if (db.open()) {
                QSqlQuery q(db);
                QElapsedTimer held;
                held.start();
                if (q.exec(QStringLiteral("BEGIN")) && q.exec(QStringLiteral("SELECT pg_current_xact_id()"))
                    && q.exec(QStringLiteral("SELECT fermata.send_message(gen_random_uuid(), 'hold', 'x', false, '%1')")
                                  .arg(m_teammate))) {
                    ++m_transactions;
                    // Keep it open for the whole run: a statement every 10 s keeps the server's
                    // 15 s idle-in-transaction limit from ending it (the worst case). Should the
                    // server end it anyway, start over.
                    QElapsedTimer quiet;
                    quiet.start();
                    while (!m_stop) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(200));
                        if (quiet.elapsed() < 10000)
                            continue;
                        quiet.restart();
                        if (!q.exec(QStringLiteral("SELECT 1"))) {
                            ++m_ended;
                            break;
                        }
                    }
                    m_openMs += held.elapsed();
                }
                db.close();
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

FeedProbe::FeedProbe(HubConfig config, Member sender, Member recipient)
    : m_config(std::move(config)), m_sender(std::move(sender)), m_recipient(std::move(recipient))
{
}

FeedProbe::~FeedProbe()
{
    stop();
}

void FeedProbe::start()
{
    m_thread = std::thread([this] { run(); });
}

void FeedProbe::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

qint64 FeedProbe::p99() const
{
    const std::lock_guard lock(m_mutex);
    return percentile(m_lagsMs, 0.99);
}

QString FeedProbe::summary() const
{
    const std::lock_guard lock(m_mutex);
    return QStringLiteral("%1 probes: sender sees the delivery p50 %2 ms, p99 %3 ms, max %4 ms (target p99 <= 1000 ms)")
        .arg(m_lagsMs.size()).arg(percentile(m_lagsMs, 0.5)).arg(percentile(m_lagsMs, 0.99)).arg(percentile(m_lagsMs, 1));
}

void FeedProbe::run()
{
    std::unique_ptr<HubClient> sender = openMember(m_config, m_sender);
    std::unique_ptr<HubClient> recipient = openMember(m_config, m_recipient);
    if (!sender || !recipient) {
        ++m_failures;
        return;
    }
    QString cursor;
    for (;;) { // to the end of the feed
        const Result<ChangeBatch> batch = sender->pullChanges(cursor, 1000);
        if (!batch) {
            ++m_failures;
            return;
        }
        if (batch->changes.isEmpty())
            break;
        cursor = batch->cursor;
    }
    while (!m_stop) {
        Message m;
        m.uuid = QUuid::createUuid();
        m.to = m_recipient.account.role;
        m.subject = QStringLiteral("probe");
        m.body = QStringLiteral("probe");
        if (!sender->push(m, false) || !recipient->markDelivered({m.uuid})) {
            ++m_failures;
            continue;
        }
        QElapsedTimer lag;
        lag.start();
        // The push's own change and then the delivery's: wait for the second.
        int seen = 0;
        while (seen < 2 && lag.elapsed() < 20000) {
            const Result<ChangeBatch> batch = sender->pullChanges(cursor, 1000);
            if (!batch) {
                ++m_failures;
                break;
            }
            for (const HubChange &change : batch->changes)
                seen += change.message == m.uuid ? 1 : 0;
            cursor = batch->cursor;
            if (seen < 2)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        {
            const std::lock_guard lock(m_mutex);
            m_lagsMs.append(seen >= 2 ? lag.elapsed() : 20000);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

} // namespace fermata::bench
