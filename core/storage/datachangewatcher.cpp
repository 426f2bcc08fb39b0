#include "storage/datachangewatcher.h"

#include "storage/database.h"

#include <QSqlQuery>

namespace fermata {

DataChangeWatcher::DataChangeWatcher(Database &db, QObject *parent)
    : QObject(parent), m_db(db)
{
    // Coarse: a change may show up to a few per cent of the interval later, and the process
    // wakes together with its other timers instead of on its own.
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DataChangeWatcher::check);
}

void DataChangeWatcher::start(int intervalMs)
{
    check();
    m_timer.start(intervalMs);
}

void DataChangeWatcher::stop()
{
    m_timer.stop();
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
    else if (topic == u"focus")
        Q_EMIT focusChanged();
    else if (topic == u"team")
        Q_EMIT teamChanged();
}

} // namespace fermata
