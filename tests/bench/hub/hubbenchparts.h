#pragma once

// The pieces of hub_bench: members and their clients, draining a recipient's released
// messages, a member who holds a transaction open, and a probe of the change feed's lag.

#include "team/hubclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QUuid>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace fermata::bench {

struct Member
{
    NewMember account;
    QByteArray zone;
};

const QList<QByteArray> &zones();
[[noreturn]] void fail(const QString &what);
quint64 checksumOf(const QUuid &uuid, const QString &body);
// The p-th percentile (0..1) of `values` (a copy is sorted); -1 when empty.
qint64 percentile(QList<qint64> values, double p);
// A client connected as `member`; null when the login failed.
// Opens a member's connection, trying again after a connect timeout (counted below).
std::unique_ptr<HubClient> openMember(const HubConfig &config, const Member &member);
extern std::atomic<int> g_connectRetries;
// Prints the hub's functions by server time (needs track_functions=all; --profile sets it).
void printFunctionProfile(const QSqlDatabase &admin);

// Fetches and confirms everything released to a client, in batches of 500, as OutboxService
// does when the window opens.
struct Drained
{
    struct Received
    {
        quint64 checksum = 0;
        qint64 lagMs = 0; // fetched after its release time
    };
    QHash<QUuid, Received> messages;
    qint64 startMs = 0;       // first query sent, after the window opened
    qint64 firstFetchMs = 0;
    qint64 confirmMs = 0;
    int failures = 0;
};
Drained drain(HubClient &client, const QDateTime &windowOpens);

// A member who knows SQL: BEGIN; SELECT pg_current_xact_id(); sends a message inside; and keeps
// that transaction open for the whole run (a statement every 10 s defeats the idle limit).
class HostileMember
{
public:
    HostileMember(HubConfig config, Member who, QString teammateRole);
    ~HostileMember();
    void start();
    void stop();
    QString summary() const;

private:
    void run();

    HubConfig m_config;
    Member m_who;
    QString m_teammate;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_transactions{0};
    std::atomic<int> m_ended{0};
    QElapsedTimer m_clock;
    std::atomic<qint64> m_openMs{0};
};

// Every 250 ms the probe sender sends a message to a teammate without windows; the teammate
// fetches and confirms it; the lag is from that confirm until the sender's change feed
// (HubClient::pullChanges, as OutboxService reads it) shows the delivery.
class FeedProbe
{
public:
    FeedProbe(HubConfig config, Member sender, Member recipient);
    ~FeedProbe();
    void start();
    void stop();
    QString summary() const;
    qint64 p99() const;
    int failures() const { return m_failures; }

private:
    void run();

    HubConfig m_config;
    Member m_sender;
    Member m_recipient;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_failures{0};
    mutable std::mutex m_mutex;
    QList<qint64> m_lagsMs;
};

} // namespace fermata::bench
