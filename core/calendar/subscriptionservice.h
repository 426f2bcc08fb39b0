#pragma once

#include "calendar/icalreader.h"
#include "result.h"
#include "storage/subscriptionrepository.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class QFile;
class QNetworkReply;

namespace fermata {

class CalendarInteropService;
class Clock;
class Database;

// An address fit for logs and messages: no user name or password, no query, and path
// segments that look like secret tokens (Google's "private-…", long random strings) masked.
QString redactedUrl(const QUrl &url);

// What one refresh did.
struct RefreshOutcome
{
    enum class Kind { Updated, NotModified, Failed };
    qint64 subscriptionId = 0;
    QString name;
    Kind kind = Kind::Failed;
    IcalReadReport report;  // the import (Updated, and NotModified re-expanding the cache)
    QString error;          // Failed: why, without the address's secrets
    QDateTime cachedFrom;   // Failed: when the copy still shown was fetched (invalid: none)

    QString message() const;
};

// Subscribed http(s)/webcal ICS addresses: fetched with a conditional GET (ETag /
// Last-Modified), streamed to a cache file (memory stays bounded), imported through
// CalendarInteropService (one transaction per calendar), refreshed on an interval. When a
// server cannot be reached the cached copy and its events stay, and the subscription
// records the error and when the copy dates from.
class SubscriptionService final : public QObject
{
    Q_OBJECT
public:
    SubscriptionService(Database &db, CalendarInteropService &interop, const Clock &clock,
                        QString cacheDirectory, QObject *parent = nullptr);
    ~SubscriptionService() override;
    Q_DISABLE_COPY_MOVE(SubscriptionService)

    static constexpr qint64 maxDownloadBytes = 200LL * 1024 * 1024;

    // No data for this long ends a fetch (default 30 s).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Adds a subscription (http, https or webcal). It is fetched by the next refresh.
    Result<CalendarSubscription> subscribe(const QUrl &url, const QString &name,
                                           int refreshMinutes = 60);
    // Removes the subscription, its events and its cached copy.
    Status unsubscribe(const QString &name);
    Result<QList<CalendarSubscription>> subscriptions() const;
    QString cachePath(qint64 subscriptionId) const;

    // Fetches one subscription / all / those whose interval has passed. Asynchronous:
    // refreshFinished() for each, allRefreshed() when none is left running.
    void refresh(qint64 subscriptionId);
    void refreshAll();
    void refreshDue();
    // Checks for due subscriptions every `checkMs` while the app runs.
    void startAutoRefresh(int checkMs = 5 * 60 * 1000);
    bool isRefreshing() const { return !m_running.isEmpty(); }

Q_SIGNALS:
    void refreshFinished(const fermata::RefreshOutcome &outcome);
    void allRefreshed();

private:
    struct Fetch;
    void start(const CalendarSubscription &subscription);
    void onReadyRead(Fetch &fetch);
    void onFinished(qint64 id);
    RefreshOutcome complete(Fetch &fetch);
    RefreshOutcome importCache(CalendarSubscription &subscription, RefreshOutcome::Kind kind);
    RefreshOutcome fail(CalendarSubscription &subscription, const QString &error);

    Database &m_db;
    CalendarInteropService &m_interop;
    const Clock &m_clock;
    QString m_cacheDirectory;
    SubscriptionRepository m_repository;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    int m_timeoutMs = 30000;
    QHash<qint64, std::shared_ptr<Fetch>> m_running;
};

} // namespace fermata

Q_DECLARE_METATYPE(fermata::RefreshOutcome)
