#pragma once

#include "time/clock.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <atomic>

namespace fermata::test {

// Pins the process time zone (TZ + tzset) and the default locale to C, as every fixture must.
void pinEnvironment(const QByteArray &tz = QByteArrayLiteral("UTC"));

// A temporary folder with a path for a fresh database file inside it.
class TempDataDir
{
public:
    TempDataDir();
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("fermata.sqlite")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Bytes of a file, for "the file was not modified" checks.
QByteArray fileBytes(const QString &path);

// A FakeClock that counts how often it is read. A timer that polls the wall clock reads it on
// every wake-up, so "nothing fired" can be asserted after the timer has looked again
// (waitForReads) instead of after a sleep.
class CountingClock final : public Clock
{
public:
    explicit CountingClock(const QDateTime &now) : m_clock(now) {}
    QDateTime now() const override
    {
        m_reads.fetch_add(1);
        return m_clock.now();
    }
    void setNow(const QDateTime &now) { m_clock.setNow(now); }
    void advanceSecs(qint64 secs) { m_clock.advanceSecs(secs); }
    int reads() const { return m_reads.load(); }

private:
    FakeClock m_clock;
    mutable std::atomic_int m_reads{0};
};

// Runs the event loop until `clock` has been read `more` more times; false on timeout (then
// nothing was polling it). Reads happen on this thread's event loop, so when this returns
// whatever read the clock has also finished acting on what it read.
bool waitForReads(const CountingClock &clock, int more, int timeoutMs = 5000);

} // namespace fermata::test
