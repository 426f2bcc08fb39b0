#include "calendar/subscriptionservice.h"

#include "calendar/calendarinteropservice.h"
#include "storage/database.h"
#include "time/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

QString redactedUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    static const QRegularExpression secretLike(QStringLiteral("^(private-.*|.*[0-9].*)$"),
                                               QRegularExpression::CaseInsensitiveOption);
    QStringList segments = copy.path().split(QLatin1Char('/'));
    for (QString &segment : segments) {
        // Calendar services put the secret in the path ("private-abc123…", long random ids).
        if (segment.startsWith(QLatin1String("private-"), Qt::CaseInsensitive)
            || segment.contains(QLatin1Char('@')) // an address names the person
            || (segment.size() >= 16 && secretLike.match(segment).hasMatch()))
            segment = QStringLiteral("…");
    }
    copy.setPath(segments.join(QLatin1Char('/')));
    QString text = copy.toDisplayString();
    if (url.hasQuery())
        text += QStringLiteral("?…");
    return text;
}

QString RefreshOutcome::message() const
{
    switch (kind) {
    case Kind::Updated:
        return QStringLiteral("%1: %2").arg(name, report.summary());
    case Kind::NotModified:
        return Text::tr("%1: unchanged on the server (%2 occurrences)")
            .arg(name)
            .arg(report.instances);
    case Kind::Failed:
        break;
    }
    const QString copy = cachedFrom.isValid()
        ? Text::tr("still showing the copy from %1")
              .arg(cachedFrom.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
        : Text::tr("no copy yet");
    return Text::tr("%1: could not refresh (%2); %3").arg(name, error, copy);
}

struct SubscriptionService::Fetch
{
    CalendarSubscription subscription;
    QNetworkReply *reply = nullptr;
    QFile part;
    qint64 bytes = 0;
    QString error; // set while downloading: too large, disk full
};

namespace {

// The download becomes the cached copy through QSaveFile (flushed, renamed over the old copy), so
// a crash leaves the previous copy or the new one, never none or half of one. The .part file goes.
void keepAsCache(const QString &partPath, const QString &cache)
{
    QFile part(partPath);
    QSaveFile copy(cache);
    bool copied = part.open(QIODevice::ReadOnly) && copy.open(QIODevice::WriteOnly);
    while (copied && !part.atEnd()) {
        const QByteArray chunk = part.read(1 << 20);
        copied = !chunk.isEmpty() && copy.write(chunk) == chunk.size();
    }
    if (copied)
        (void)copy.commit(); // failing, the previous copy stays: it is only a cache
    part.close();
    QFile::remove(partPath);
}

QString describe(QNetworkReply::NetworkError error, int timeoutMs)
{
    // Qt's errorString() repeats the address, password included: never show it.
    switch (error) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return Text::tr("no answer within %1 s").arg(qMax(1, timeoutMs / 1000));
    case QNetworkReply::ConnectionRefusedError:
        return Text::tr("the server refused the connection");
    case QNetworkReply::RemoteHostClosedError:
        return Text::tr("the server closed the connection");
    case QNetworkReply::HostNotFoundError:
        return Text::tr("the server was not found");
    case QNetworkReply::SslHandshakeFailedError:
        return Text::tr("the secure connection failed");
    case QNetworkReply::TooManyRedirectsError:
        return Text::tr("too many redirects");
    case QNetworkReply::InsecureRedirectError:
        return Text::tr("it redirected from https to plain http");
    case QNetworkReply::AuthenticationRequiredError:
        return Text::tr("the server wants a user name and password");
    case QNetworkReply::ProtocolUnknownError:
        return Text::tr("the address is not http or https");
    default:
        return Text::tr("network error %1").arg(int(error));
    }
}

QUrl fetchUrl(const QString &stored)
{
    QUrl url(stored);
    if (url.scheme() == u"webcal")
        url.setScheme(QStringLiteral("https"));
    else if (url.scheme() == u"webcals")
        url.setScheme(QStringLiteral("https"));
    return url;
}

} // namespace

SubscriptionService::SubscriptionService(Database &db, CalendarInteropService &interop,
                                         const Clock &clock, QString cacheDirectory, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_interop(interop)
    , m_clock(clock)
    , m_cacheDirectory(std::move(cacheDirectory))
    , m_repository(db)
{
    qRegisterMetaType<RefreshOutcome>();
    connect(&m_timer, &QTimer::timeout, this, &SubscriptionService::refreshDue);
}

SubscriptionService::~SubscriptionService()
{
    for (const auto &fetch : std::as_const(m_running)) {
        fetch->reply->disconnect(this);
        fetch->reply->abort();
        fetch->reply->deleteLater();
    }
}

Result<CalendarSubscription> SubscriptionService::subscribe(const QUrl &url, const QString &name,
                                                            int refreshMinutes)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || !(scheme == u"http" || scheme == u"https" || scheme == u"webcal" || scheme == u"webcals"))
        return Result<CalendarSubscription>::failure(
            Error::Code::Invalid,
            Text::tr("%1 is not a calendar address: use an https://, http:// or webcal:// link.")
                .arg(redactedUrl(url)));
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed == u"local")
        return Result<CalendarSubscription>::failure(
            Error::Code::Invalid, Text::tr("Choose another name for the calendar."));
    CalendarSubscription subscription;
    subscription.name = trimmed;
    subscription.url = url.toString(QUrl::FullyEncoded);
    subscription.refreshMinutes = qBound(5, refreshMinutes, 7 * 24 * 60);
    const auto id = m_repository.add(subscription);
    if (!id)
        return id.error();
    subscription.id = *id;
    return subscription;
}

Status SubscriptionService::unsubscribe(const QString &name)
{
    const auto found = m_repository.findByName(name);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Status::failure(Error::Code::NotFound,
                               Text::tr("There is no calendar named \"%1\".").arg(name));
    const qint64 id = (*found)->id;
    if (Status status = m_repository.remove(id); !status)
        return status;
    QFile::remove(cachePath(id));
    return {};
}

Result<QList<CalendarSubscription>> SubscriptionService::subscriptions() const
{
    return m_repository.all();
}

QString SubscriptionService::cachePath(qint64 subscriptionId) const
{
    return QDir(m_cacheDirectory).filePath(QStringLiteral("subscription-%1.ics").arg(subscriptionId));
}

void SubscriptionService::refresh(qint64 subscriptionId)
{
    if (m_running.contains(subscriptionId))
        return;
    const auto found = m_repository.find(subscriptionId);
    if (found && found->has_value())
        start(**found);
}

void SubscriptionService::refreshAll()
{
    const auto all = m_repository.all();
    if (!all)
        return;
    for (const CalendarSubscription &subscription : *all) {
        if (!m_running.contains(subscription.id))
            start(subscription);
    }
}

void SubscriptionService::refreshDue()
{
    const auto all = m_repository.all();
    if (!all)
        return;
    const QDateTime now = m_clock.now();
    for (const CalendarSubscription &subscription : *all) {
        const bool due = !subscription.lastAttempt.isValid()
            || subscription.lastAttempt.addSecs(qint64(subscription.refreshMinutes) * 60) <= now;
        if (due && !m_running.contains(subscription.id))
            start(subscription);
    }
}

void SubscriptionService::startAutoRefresh(int checkMs)
{
    m_timer.start(checkMs);
    refreshDue();
}

void SubscriptionService::start(const CalendarSubscription &subscription)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->subscription = subscription;
    QDir().mkpath(m_cacheDirectory);
    fetch->part.setFileName(cachePath(subscription.id) + QStringLiteral(".part"));
    if (!fetch->part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        CalendarSubscription copy = subscription;
        const RefreshOutcome outcome =
            fail(copy, Text::tr("the cache folder %1 cannot be written").arg(m_cacheDirectory));
        Q_EMIT refreshFinished(outcome);
        if (m_running.isEmpty())
            Q_EMIT allRefreshed();
        return;
    }
    QNetworkRequest request(fetchUrl(subscription.url));
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Fermata"));
    request.setRawHeader("Accept", "text/calendar, */*;q=0.5");
    // Validators only help while the copy they describe is still on disk.
    if (QFile::exists(cachePath(subscription.id))) {
        if (!subscription.etag.isEmpty())
            request.setRawHeader("If-None-Match", subscription.etag.toUtf8());
        if (!subscription.lastModified.isEmpty())
            request.setRawHeader("If-Modified-Since", subscription.lastModified.toUtf8());
    }
    fetch->reply = m_network.get(request);
    const qint64 id = subscription.id;
    m_running.insert(id, fetch);
    Fetch *raw = fetch.get();
    connect(fetch->reply, &QNetworkReply::readyRead, this, [this, raw] { onReadyRead(*raw); });
    connect(fetch->reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
}

void SubscriptionService::onReadyRead(Fetch &fetch)
{
    const QByteArray data = fetch.reply->readAll();
    if (!fetch.error.isEmpty())
        return;
    fetch.bytes += data.size();
    if (fetch.bytes > maxDownloadBytes) {
        fetch.error = Text::tr("the calendar is larger than %1 MB")
                          .arg(maxDownloadBytes / (1024 * 1024));
        fetch.reply->abort();
        return;
    }
    if (fetch.part.write(data) != data.size()) {
        fetch.error = Text::tr("the copy could not be saved (%1)").arg(fetch.part.errorString());
        fetch.reply->abort();
    }
}

void SubscriptionService::onFinished(qint64 id)
{
    const std::shared_ptr<Fetch> fetch = m_running.value(id);
    if (!fetch)
        return;
    if (fetch->error.isEmpty() && fetch->reply->bytesAvailable() > 0)
        onReadyRead(*fetch);
    const RefreshOutcome outcome = complete(*fetch);
    m_running.remove(id);
    fetch->reply->deleteLater();
    Q_EMIT refreshFinished(outcome);
    if (m_running.isEmpty())
        Q_EMIT allRefreshed();
}

RefreshOutcome SubscriptionService::complete(Fetch &fetch)
{
    CalendarSubscription subscription = fetch.subscription;
    subscription.lastAttempt = m_clock.now();
    fetch.part.close();
    QNetworkReply *reply = fetch.reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString partPath = fetch.part.fileName();
    auto dropPart = [&] { QFile::remove(partPath); };

    if (!fetch.error.isEmpty()) {
        dropPart();
        return fail(subscription, fetch.error);
    }
    if (status == 304) {
        dropPart();
        return importCache(subscription, RefreshOutcome::Kind::NotModified);
    }
    if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
        dropPart();
        if (status >= 300) {
            const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            return fail(subscription, Text::tr("the server answered %1 %2").arg(status).arg(reason).trimmed());
        }
        return fail(subscription, describe(reply->error(), m_timeoutMs));
    }

    const auto report = m_interop.importFile(partPath, subscription.name);
    if (!report) {
        dropPart();
        return fail(subscription, Text::tr("the address did not return a calendar: %1")
                                      .arg(report.error().message));
    }
    keepAsCache(partPath, cachePath(subscription.id));
    subscription.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    subscription.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    subscription.lastSuccess = subscription.lastAttempt;
    subscription.lastError.clear();
    subscription.eventCount = report->instances;
    (void)m_repository.update(subscription);
    RefreshOutcome outcome;
    outcome.subscriptionId = subscription.id;
    outcome.name = subscription.name;
    outcome.kind = RefreshOutcome::Kind::Updated;
    outcome.report = *report;
    return outcome;
}

RefreshOutcome SubscriptionService::importCache(CalendarSubscription &subscription,
                                                RefreshOutcome::Kind kind)
{
    // Unchanged on the server, but the horizon moves with the clock: re-expand the copy.
    const auto report = m_interop.importFile(cachePath(subscription.id), subscription.name);
    if (!report)
        return fail(subscription, Text::tr("the cached copy cannot be read: %1")
                                      .arg(report.error().message));
    subscription.lastSuccess = subscription.lastAttempt;
    subscription.lastError.clear();
    subscription.eventCount = report->instances;
    (void)m_repository.update(subscription);
    RefreshOutcome outcome;
    outcome.subscriptionId = subscription.id;
    outcome.name = subscription.name;
    outcome.kind = kind;
    outcome.report = *report;
    return outcome;
}

RefreshOutcome SubscriptionService::fail(CalendarSubscription &subscription, const QString &error)
{
    subscription.lastError = error;
    if (!subscription.lastAttempt.isValid())
        subscription.lastAttempt = m_clock.now();
    (void)m_repository.update(subscription);
    RefreshOutcome outcome;
    outcome.subscriptionId = subscription.id;
    outcome.name = subscription.name;
    outcome.kind = RefreshOutcome::Kind::Failed;
    outcome.error = error;
    outcome.cachedFrom = QFile::exists(cachePath(subscription.id)) ? subscription.lastSuccess
                                                                  : QDateTime();
    return outcome;
}

} // namespace fermata
