#include "storage/datachangewatcher.h"

#include "storage/database.h"

#include <QSqlQuery>

namespace fermata {

DataChangeWatcher::DataChangeWatcher(Database &db, QObject *parent)
    : QObject(parent), m_db(db)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &DataChangeWatcher::check);
    connect(&m_walWatch, &QFileSystemWatcher::fileChanged, this, &DataChangeWatcher::onWalChanged);
    m_rewatch.setInterval(1000);
    connect(&m_rewatch, &QTimer::timeout, this, &DataChangeWatcher::onWalChanged);
}

void DataChangeWatcher::start()
{
    check();
    onWalChanged();
}

void DataChangeWatcher::stop()
{
    m_walWatch.removePaths(m_walWatch.files());
    m_settle.stop();
    m_rewatch.stop();
}

void DataChangeWatcher::onWalChanged()
{
    const QString wal = m_db.path() + QStringLiteral("-wal");
    // While this process has the database open the WAL stays, but a watch ends when the file
    // is replaced; watch it again, and check once in case a write came in between.
    if (!m_walWatch.files().contains(wal)) {
        if (!m_walWatch.addPath(wal)) {
            m_rewatch.start();
            return;
        }
        m_rewatch.stop();
    }
    if (!m_settle.isActive())
        m_settle.start();
}

bool DataChangeWatcher::readDataVersion(qint64 &version) const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return false;
    version = query.value(0).toLongLong();
    return true;
}

QHash<QString, qint64> DataChangeWatcher::readTopics() const
{
    QHash<QString, qint64> topics;
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT topic, version FROM data_changes")))
        return topics;
    while (query.next())
        topics.insert(query.value(0).toString(), query.value(1).toLongLong());
    return topics;
}

void DataChangeWatcher::check()
{
    qint64 version = 0;
    if (!readDataVersion(version))
        return; // busy or gone for a moment: the next check catches up
    if (m_primed && version == m_dataVersion)
        return;
    const QHash<QString, qint64> topics = readTopics();
    if (topics.isEmpty())
        return;
    m_dataVersion = version;
    const bool first = !m_primed;
    m_primed = true;
    const QHash<QString, qint64> before = std::exchange(m_topics, topics);
    if (first)
        return;
    for (auto it = topics.cbegin(); it != topics.cend(); ++it) {
        if (before.value(it.key(), -1) != it.value())
            emitFor(it.key());
    }
}

void DataChangeWatcher::emitFor(const QString &topic)
{
    if (topic == u"tasks")
        Q_EMIT tasksChanged();
    else if (topic == u"calendar")
        Q_EMIT calendarChanged();
    else if (topic == u"inbox")
        Q_EMIT inboxChanged();
    else if (topic == u"attention")
        Q_EMIT attentionChanged();
    else if (topic == u"team")
        Q_EMIT teamChanged();
    else if (topic == u"caldav")
        Q_EMIT caldavChanged();
}

} // namespace fermata
